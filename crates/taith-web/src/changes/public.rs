//! The public side of "you said, we did", no sign-in: the "what we changed" page of a
//! workspace (`/f/{slug}/changes`), in the reader's language (`?lang=`, then the browser's),
//! and the opt-out page a notice links to (`/f/{slug}/changes/stop/{token}`), which asks to
//! confirm (a mail scanner opening every link opts nobody out) and records the opt-out on
//! the customer. The POST is in the public-submission rate-limit bucket (`/f/…`).

use crate::AppState;
use crate::http::ctx::Visitor;
use crate::http::page_error::PageError;
use crate::respond::pages::Frame;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Response};
use taith_app::changes;
use taith_domain::{Slug, Workspace};
use taith_i18n::Tr;
use taith_store::StoreError;

/// A change as the public reads it.
#[derive(Debug)]
pub struct PublicChange {
    pub day: String,
    pub datetime: String,
    pub note: (&'static str, String),
}

#[derive(Template, WebTemplate)]
#[template(path = "changes/public.html")]
pub struct PublicPage {
    r: Frame,
    changes: Vec<PublicChange>,
    board_href: String,
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/unsubscribe.html")]
pub struct StopPage {
    r: Frame,
    heading: String,
    message: String,
    action: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/message.html")]
pub struct Unknown {
    r: Frame,
    heading: String,
    message: String,
}

fn frame(t: Tr, title: String, business: &str, v: &Visitor) -> Frame {
    Frame {
        title,
        business: business.to_owned(),
        t,
        preview: false,
        languages: v.language_links(),
        kiosk: false,
        reset: None,
        embed: false,
        tabs: Vec::new(),
    }
}

async fn workspace(
    state: &AppState,
    slug: &str,
    v: &Visitor,
) -> Result<Option<Workspace>, PageError> {
    let Ok(slug) = Slug::parse(slug) else {
        return Ok(None);
    };
    match state.store.workspace_by_slug(&slug).await {
        Ok(w) => Ok(Some(w)),
        Err(StoreError::NotFound) => Ok(None),
        Err(e) => Err(PageError::from_store(e, &v.tr)),
    }
}

fn unknown(v: &Visitor) -> Response {
    let t = v.tr.clone();
    let page = Unknown {
        heading: t.t("changes-public-unknown-title"),
        message: t.t("changes-public-unknown"),
        r: Frame {
            languages: Vec::new(),
            ..frame(
                t.clone(),
                t.plain().t("changes-public-unknown-title"),
                "",
                v,
            )
        },
    };
    finish((StatusCode::NOT_FOUND, page).into_response())
}

fn finish(mut r: Response) -> Response {
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    r
}

/// The most changes the public page lists.
const SHOWN: u32 = 100;

/// What the business changed because customers asked.
pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
) -> Result<Response, PageError> {
    let Some(ws) = workspace(&state, &slug, &v).await? else {
        return Ok(unknown(&v));
    };
    let t = v.tr.clone();
    let items = changes::public_list(state.store.as_ref(), ws.id, SHOWN)
        .await
        .map_err(|e| PageError::from_store(e, &t))?;
    let list = items
        .iter()
        .filter_map(|c| {
            let (l, s) = c.note.for_reader(t.locale)?;
            let d = c.created_at.date();
            Some(PublicChange {
                day: t.date(d),
                datetime: format!("{:04}-{:02}-{:02}", d.year(), u8::from(d.month()), d.day()),
                note: (l.tag(), s.to_owned()),
            })
        })
        .collect();
    let title = t
        .plain()
        .t1("changes-public-title", "business", ws.name.as_str());
    let page = PublicPage {
        r: frame(t.clone(), title, ws.name.as_str(), &v),
        changes: list,
        board_href: format!("/f/{}?lang={}", ws.slug, t.locale.tag()),
    };
    Ok(finish(page.into_response()))
}

/// The notice's opt-out link: asks to confirm.
pub async fn stop_page(
    State(state): State<AppState>,
    v: Visitor,
    Path((slug, token)): Path<(String, String)>,
) -> Result<Response, PageError> {
    stop(state, v, slug, token, false).await
}

/// Records the opt-out (the confirming form, or a mail program's one-click button).
pub async fn stop_confirm(
    State(state): State<AppState>,
    v: Visitor,
    Path((slug, token)): Path<(String, String)>,
) -> Result<Response, PageError> {
    stop(state, v, slug, token, true).await
}

async fn stop(
    state: AppState,
    v: Visitor,
    slug: String,
    token: String,
    confirmed: bool,
) -> Result<Response, PageError> {
    let Some(ws) = workspace(&state, &slug, &v).await? else {
        return Ok(unknown(&v));
    };
    let found = match state.store.notice_by_token(&token).await {
        Ok(f) if f.workspace_id == ws.id => f,
        Ok(_) | Err(StoreError::NotFound) => return Ok(unknown(&v)),
        Err(e) => return Err(PageError::from_store(e, &v.tr)),
    };
    let t = v.tr.clone();
    let business = ws.name.as_str();
    if confirmed {
        changes::opt_out(state.store.as_ref(), &token)
            .await
            .map_err(|e| PageError::from_store(e, &t))?;
    }
    let page = if confirmed || found.opted_out {
        StopPage {
            heading: t.t("changes-stop-done-title"),
            message: t.t1("changes-stop-done", "business", business),
            action: None,
            r: frame(
                t.clone(),
                t.plain().t("changes-stop-done-title"),
                business,
                &v,
            ),
        }
    } else {
        StopPage {
            heading: t.t1("changes-stop-question", "business", business),
            message: t.t1("changes-stop-explain", "business", business),
            action: Some(format!(
                "/f/{}/changes/stop/{token}?lang={}",
                ws.slug,
                t.locale.tag()
            )),
            r: frame(t.clone(), t.plain().t("changes-stop-title"), business, &v),
        }
    };
    Ok(finish(page.into_response()))
}
