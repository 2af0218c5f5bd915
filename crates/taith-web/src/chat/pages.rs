//! The widget's chat tab, inside the widget's frame on the business's own site: a visitor
//! writes, the FAQ bot answers from the help centre or hands over to a person, and the
//! person's replies appear. Works without JavaScript (each message is a form, "check for new
//! messages" reloads); with `chat.js` messages come live through [`events`].
//!
//! The chat's address holds its token (`/e/{survey}/chat/{token}`): the frame cannot keep a
//! cookie on another site, and the token is the visitor's alone (the frame sends no referrer).

use crate::AppState;
use crate::chat::live;
use crate::http::ctx::Visitor;
use crate::http::page_error::PageError;
use crate::respond::pages::{Found, Frame, find, unknown};
use askama::Template;
use askama_web::WebTemplate;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::chat::{self, ChatLine, ChatView, Refused, Speaker};
use taith_domain::chat::MAX_MESSAGE_CHARS;
use taith_domain::{ChatToken, ConversationMessageId, Locale, ValidationErrors};
use taith_i18n::Tr;
use taith_store::StoreError;

#[derive(Debug, Deserialize, Default)]
pub struct ChatQuery {
    #[serde(default)]
    lang: String,
    /// `email`: the address was kept.
    #[serde(default)]
    done: String,
}

/// A line as the page shows it.
pub struct LineView {
    pub id: String,
    pub speaker: &'static str,
    pub who: String,
    pub at: String,
    pub body: String,
}

/// Who wrote a line, in the visitor's words.
pub fn who(t: &Tr, business: &str, line: &ChatLine) -> String {
    match line.speaker {
        Speaker::Visitor => t.t("chat-you"),
        Speaker::Bot => t.t("chat-bot"),
        Speaker::Person => line.author.clone().unwrap_or_else(|| business.to_owned()),
    }
}

pub fn line_view(t: &Tr, business: &str, line: &ChatLine) -> LineView {
    LineView {
        id: line.id.to_string(),
        speaker: line.speaker.as_str(),
        who: who(t, business, line),
        at: t.datetime(line.at),
        body: line.body.clone(),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "chat/chat.html")]
pub struct ChatPage {
    r: Frame,
    heading: String,
    lines: Vec<LineView>,
    /// Where the message form posts.
    action: String,
    /// The chat's own address (the no-JavaScript "check for new messages").
    href: Option<String>,
    /// The live stream's address.
    events: Option<String>,
    last: String,
    lang: &'static str,
    body: String,
    body_error: Option<String>,
    /// A person has the chat: offer to reply by e-mail.
    with_person: bool,
    email: Option<String>,
    email_value: String,
    email_error: Option<String>,
    done: Option<String>,
    max_chars: usize,
}

struct Shown<'a> {
    public_id: &'a str,
    business: &'a str,
    locale: Locale,
}

impl Shown<'_> {
    fn page(&self, token: Option<&ChatToken>, view: Option<&ChatView>) -> ChatPage {
        let t = Tr::new(self.locale);
        let base = format!("/e/{}/chat", self.public_id);
        let href = token.map(|k| format!("{base}/{}", k.as_str()));
        ChatPage {
            heading: t.t("chat-heading"),
            lines: view
                .map(|v| {
                    v.lines
                        .iter()
                        .map(|l| line_view(&t, self.business, l))
                        .collect()
                })
                .unwrap_or_default(),
            action: href.clone().unwrap_or(base),
            events: href.as_ref().map(|h| format!("{h}/events")),
            last: view
                .and_then(|v| v.lines.last())
                .map(|l| l.id.to_string())
                .unwrap_or_default(),
            href,
            lang: self.locale.tag(),
            body: String::new(),
            body_error: None,
            with_person: view.is_some_and(|v| v.with_person),
            email: view
                .and_then(|v| v.session.email.as_ref())
                .map(|e| e.as_str().to_owned()),
            email_value: String::new(),
            email_error: None,
            done: None,
            max_chars: MAX_MESSAGE_CHARS,
            r: Frame::chat(t, self.business, self.public_id, self.locale),
        }
    }
}

fn form(body: &Bytes) -> Vec<(String, String)> {
    serde_urlencoded::from_bytes(body).unwrap_or_default()
}

fn field(pairs: &[(String, String)], k: &str) -> String {
    pairs
        .iter()
        .rev()
        .find(|(f, _)| f == k)
        .map(|(_, v)| v.clone())
        .unwrap_or_default()
}

/// The message of the first field error, in the visitor's words.
fn first_issue(t: &Tr, v: &ValidationErrors, field: &str) -> Option<String> {
    v.0.iter()
        .find(|f| f.field == field)
        .map(|f| t.issue(f.issue))
}

/// A chat's own address.
fn chat_href(found: &Found, token: &ChatToken) -> String {
    format!("/e/{}/chat/{}", found.survey.public_id, token.as_str())
}

/// The chat page as its visitor's locale shows it, with its messages.
async fn chat_page(
    state: &AppState,
    found: &Found,
    token: &ChatToken,
    v: &Visitor,
) -> Result<ChatPage, PageError> {
    let view = chat::view(state.store.as_ref(), found.ws, token)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    let shown = Shown {
        public_id: &found.survey.public_id,
        business: &found.business,
        locale: view.session.locale,
    };
    Ok(shown.page(Some(token), Some(&view)))
}

fn token_of(raw: &str, v: &Visitor) -> Result<ChatToken, PageError> {
    ChatToken::parse(raw).ok_or_else(|| PageError::not_found(&v.tr))
}

/// A new chat: the message form.
pub async fn new_chat(
    State(state): State<AppState>,
    v: Visitor,
    Path(public_id): Path<String>,
    Query(q): Query<ChatQuery>,
) -> Result<Response, PageError> {
    let Some(found) = find(&state, &public_id, &v).await? else {
        return Ok(unknown(&v));
    };
    let shown = Shown {
        public_id: &found.survey.public_id,
        business: &found.business,
        locale: Locale::from_tag(&q.lang).unwrap_or(v.tr.locale),
    };
    Ok(shown.page(None, None).into_response())
}

/// The first message: starts the chat and goes to its address.
pub async fn start(
    State(state): State<AppState>,
    v: Visitor,
    Path(public_id): Path<String>,
    body: Bytes,
) -> Result<Response, PageError> {
    let Some(found) = find(&state, &public_id, &v).await? else {
        return Ok(unknown(&v));
    };
    let pairs = form(&body);
    let locale = Locale::from_tag(&field(&pairs, "lang")).unwrap_or(v.tr.locale);
    let message = field(&pairs, "body");
    let shown = Shown {
        public_id: &found.survey.public_id,
        business: &found.business,
        locale,
    };
    match chat::start(
        state.store.as_ref(),
        &state.app.bot,
        found.ws,
        locale,
        &message,
    )
    .await
    {
        Ok((token, _)) => {
            Ok(Redirect::to(&format!("{}#chat-form", chat_href(&found, &token))).into_response())
        }
        Err(Refused::Invalid(e)) => {
            let t = Tr::new(locale);
            let mut page = shown.page(None, None);
            page.body = message;
            page.body_error = first_issue(&t, &e, "body");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(e)) => Err(PageError::from_store(e, &Tr::new(locale))),
    }
}

/// A chat with its messages.
pub async fn chat(
    State(state): State<AppState>,
    v: Visitor,
    Path((public_id, raw)): Path<(String, String)>,
    Query(q): Query<ChatQuery>,
) -> Result<Response, PageError> {
    let Some(found) = find(&state, &public_id, &v).await? else {
        return Ok(unknown(&v));
    };
    let token = token_of(&raw, &v)?;
    let mut page = chat_page(&state, &found, &token, &v).await?;
    if q.done == "email" {
        page.done = page
            .email
            .as_ref()
            .map(|e| page.r.t.t1("chat-email-kept", "email", e));
    }
    Ok(page.into_response())
}

/// A next message.
pub async fn send(
    State(state): State<AppState>,
    v: Visitor,
    Path((public_id, raw)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let Some(found) = find(&state, &public_id, &v).await? else {
        return Ok(unknown(&v));
    };
    let token = token_of(&raw, &v)?;
    let message = field(&form(&body), "body");
    match chat::send(
        state.store.as_ref(),
        &state.app.bot,
        found.ws,
        &token,
        &message,
    )
    .await
    {
        Ok(_) => {
            Ok(Redirect::to(&format!("{}#chat-form", chat_href(&found, &token))).into_response())
        }
        Err(Refused::Invalid(e)) => {
            let mut page = chat_page(&state, &found, &token, &v).await?;
            page.body = message;
            page.body_error = first_issue(&page.r.t, &e, "body");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(e)) => Err(PageError::from_store(e, &v.tr)),
    }
}

/// The address the answer should also go to.
pub async fn leave_email(
    State(state): State<AppState>,
    v: Visitor,
    Path((public_id, raw)): Path<(String, String)>,
    body: Bytes,
) -> Result<Response, PageError> {
    let Some(found) = find(&state, &public_id, &v).await? else {
        return Ok(unknown(&v));
    };
    let token = token_of(&raw, &v)?;
    let address = field(&form(&body), "email");
    match chat::leave_email(state.store.as_ref(), found.ws, &token, &address).await {
        Ok(_) => Ok(Redirect::to(&format!(
            "{}?done=email#chat-email",
            chat_href(&found, &token)
        ))
        .into_response()),
        Err(Refused::Invalid(e)) => {
            let mut page = chat_page(&state, &found, &token, &v).await?;
            page.email_value = address;
            page.email_error = first_issue(&page.r.t, &e, "email");
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(Refused::Store(e)) => Err(PageError::from_store(e, &v.tr)),
    }
}

#[derive(Debug, Deserialize, Default)]
pub struct EventsQuery {
    /// The last line the page shows.
    #[serde(default)]
    after: String,
}

/// The header a reconnecting `EventSource` sends with the last event's id.
const LAST_EVENT_ID: &str = "last-event-id";

/// The line the page shows last: `Last-Event-ID` (a reconnecting stream), else `?after=`.
pub fn after_of(headers: &HeaderMap, q: &EventsQuery) -> Option<ConversationMessageId> {
    headers
        .get(LAST_EVENT_ID)
        .and_then(|h| h.to_str().ok())
        .unwrap_or(&q.after)
        .trim()
        .parse()
        .ok()
}

/// The chat's new lines as they come (server-sent events).
pub async fn events(
    State(state): State<AppState>,
    v: Visitor,
    Path((public_id, raw)): Path<(String, String)>,
    Query(q): Query<EventsQuery>,
    headers: HeaderMap,
) -> Result<Response, PageError> {
    let Some(found) = find(&state, &public_id, &v).await? else {
        return Err(PageError::not_found(&v.tr));
    };
    let token = token_of(&raw, &v)?;
    let session = chat::session(state.store.as_ref(), found.ws, &token)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    let Some(conversation) = session.conversation_id else {
        return Err(PageError::from_store(StoreError::NotFound, &v.tr));
    };
    let t = Tr::new(session.locale);
    let business = found.business.clone();
    let after = after_of(&headers, &q);
    Ok(live::stream(
        state.store.clone(),
        found.ws,
        conversation,
        after,
        move |line| {
            let l = line_view(&t, &business, line);
            serde_json::json!({
                "id": l.id, "speaker": l.speaker, "who": l.who, "at": l.at, "body": l.body,
            })
        },
    ))
}
