//! The public board, `/f/{workspace_slug}`: what the business is considering, planning,
//! building, has done and has declined, with votes and the business's notes in the
//! customer's language — no account, no JavaScript needed.
//!
//! - Language: `?lang=`, then the browser's (Accept-Language), as on the survey pages.
//! - CSRF: the forms are shown before any sign-in, so they carry the double-submit cookie's
//!   token exactly as the survey pages do (`taith_csrf`); a missing or wrong token changes
//!   nothing and shows the board again with a message.
//! - Votes: one per browser. A browser gets a random voter token in an HttpOnly cookie
//!   (`taith_voter`), stored only as its hash; a customer who votes twice counts once.
//! - Rate limits: both forms are POSTs under `/f/`, in the public-submission bucket
//!   (`http/limits.rs`).
//! - Ideas sent here wait for staff before they are shown (`taith_app::feature_requests::is_public`).

use crate::AppState;
use crate::account::pages::cookie_header;
use crate::http::ctx::{Visitor, cookie};
use crate::http::form::FormView;
use crate::http::page_error::PageError;
use crate::respond::pages::{Frame, csrf_for, csrf_ok};
use askama::Template;
use askama_web::WebTemplate;
use axum::body::Bytes;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use std::collections::BTreeMap;
use taith_app::feature_requests as fr;
use taith_domain::{FeatureRequestId, FeatureRequestInput, FeatureRequestStatus, Slug, Workspace};
use taith_i18n::Tr;
use taith_store::StoreError;

/// The cookie holding a browser's voter token.
pub const VOTER_COOKIE: &str = "taith_voter";
/// How long a browser keeps its voter token: a year, so a vote stays one vote.
const VOTER_COOKIE_SECS: i64 = 365 * 86_400;

/// A request as the public sees it.
#[derive(Debug)]
pub struct PublicItem {
    pub id: String,
    pub title: String,
    pub description: String,
    pub votes: String,
    /// The note in the reader's language (else English, else any): `(lang tag, text)`.
    pub note: Option<(&'static str, String)>,
}

#[derive(Debug)]
pub struct PublicColumn {
    pub status: &'static str,
    pub name: String,
    pub items: Vec<PublicItem>,
}

#[derive(Template, WebTemplate)]
#[template(path = "feature_requests/public.html")]
pub struct PublicPage {
    r: Frame,
    slug: String,
    lang: &'static str,
    csrf: String,
    columns: Vec<PublicColumn>,
    empty: bool,
    form: FormView,
    notice: Option<String>,
    problem: Option<String>,
}

#[derive(Template, WebTemplate)]
#[template(path = "respond/message.html")]
pub struct NoBoard {
    r: Frame,
    heading: String,
    message: String,
}

fn frame(t: Tr, business: &str, v: &Visitor) -> Frame {
    Frame {
        title: t.plain().t1("requests-public-title", "business", business),
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

fn no_board(v: &Visitor) -> Response {
    let t = v.tr.clone();
    let page = NoBoard {
        heading: t.t("requests-public-unknown-title"),
        message: t.t("requests-public-unknown"),
        r: Frame {
            title: t.plain().t("requests-public-unknown-title"),
            business: String::new(),
            t,
            preview: false,
            languages: Vec::new(),
            kiosk: false,
            reset: None,
            embed: false,
            tabs: Vec::new(),
        },
    };
    (StatusCode::NOT_FOUND, page).into_response()
}

/// Public pages hold a per-browser token: never kept by shared caches.
fn finish(mut r: Response, cookies: impl IntoIterator<Item = HeaderValue>) -> Response {
    for c in cookies {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    r.headers_mut().insert(
        header::CACHE_CONTROL,
        HeaderValue::from_static("private, no-cache"),
    );
    r
}

async fn board_page(
    state: &AppState,
    v: &Visitor,
    ws: &Workspace,
    form: FormView,
    notice: Option<String>,
    problem: Option<String>,
) -> Result<(PublicPage, Option<HeaderValue>), PageError> {
    let t = v.tr.clone();
    let items = fr::public_board(state.store.as_ref(), ws.id)
        .await
        .map_err(|e| PageError::from_store(e, &t))?;
    let columns: Vec<PublicColumn> = FeatureRequestStatus::ALL
        .into_iter()
        .map(|s| PublicColumn {
            status: s.slug(),
            name: super::pages::status_name(&t, s),
            items: items
                .iter()
                .filter(|r| r.status == s)
                .map(|r| PublicItem {
                    id: r.id.to_string(),
                    title: r.fields.title.to_string(),
                    description: r.fields.description.to_string(),
                    votes: t.tn(
                        "requests-votes",
                        "count",
                        i64::try_from(r.votes).unwrap_or(i64::MAX),
                    ),
                    note: r
                        .note
                        .for_reader(t.locale)
                        .map(|(l, s)| (l.tag(), s.to_owned())),
                })
                .collect(),
        })
        .filter(|c| !c.items.is_empty())
        .collect();
    let (csrf, cookie) = csrf_for(state, v);
    Ok((
        PublicPage {
            r: frame(t.clone(), ws.name.as_str(), v),
            slug: ws.slug.to_string(),
            lang: t.locale.tag(),
            csrf,
            empty: columns.is_empty(),
            columns,
            form,
            notice,
            problem,
        },
        cookie,
    ))
}

#[derive(Debug, Default, Deserialize)]
pub struct PublicQuery {
    #[serde(default)]
    done: String,
}

/// The public board.
pub async fn show(
    State(state): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
    Query(q): Query<PublicQuery>,
) -> Result<Response, PageError> {
    let Some(ws) = workspace(&state, &slug, &v).await? else {
        return Ok(no_board(&v));
    };
    let key = match q.done.as_str() {
        "voted" => Some("requests-public-voted"),
        "voted-again" => Some("requests-public-voted-again"),
        "suggested" => Some("requests-public-suggested"),
        _ => None,
    };
    let notice = key.map(|k| v.tr.t(k));
    let (page, cookie) = board_page(&state, &v, &ws, FormView::new(), notice, None).await?;
    Ok(finish(page.into_response(), cookie))
}

type Typed = BTreeMap<String, String>;

fn fields(body: &Bytes) -> Typed {
    serde_urlencoded::from_bytes::<Vec<(String, String)>>(body)
        .unwrap_or_default()
        .into_iter()
        .collect()
}

fn field<'a>(typed: &'a Typed, name: &str) -> &'a str {
    typed.get(name).map(String::as_str).unwrap_or_default()
}

/// This browser's voter token, and the cookie to set when it has none yet.
fn voter_token(state: &AppState, headers: &HeaderMap) -> (String, Option<HeaderValue>) {
    match cookie(headers, VOTER_COOKIE).filter(|t| fr::browser_voter(t).is_some()) {
        Some(t) => (t.to_owned(), None),
        None => {
            let t = fr::new_voter_token();
            let c = cookie_header(state, VOTER_COOKIE, &t, VOTER_COOKIE_SECS);
            (t, Some(c))
        }
    }
}

/// The board again after a form that failed its CSRF check: nothing changed.
async fn expired(
    state: &AppState,
    v: &Visitor,
    ws: &Workspace,
    form: FormView,
) -> Result<Response, PageError> {
    let problem = Some(v.tr.t("requests-public-expired"));
    let (page, cookie) = board_page(state, v, ws, form, None, problem).await?;
    Ok(finish(
        (StatusCode::FORBIDDEN, page).into_response(),
        cookie,
    ))
}

fn back(slug: &str, lang: &str, done: &str, anchor: &str) -> String {
    let q = serde_urlencoded::to_string([("lang", lang), ("done", done)]).unwrap_or_default();
    format!("/f/{slug}?{q}{anchor}")
}

/// A vote from this browser.
pub async fn vote(
    State(state): State<AppState>,
    v: Visitor,
    Path((slug, id)): Path<(String, String)>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let Some(ws) = workspace(&state, &slug, &v).await? else {
        return Ok(no_board(&v));
    };
    let typed = fields(&body);
    let Ok(id) = id.parse::<FeatureRequestId>() else {
        return Ok(no_board(&v));
    };
    // Only what the public board shows can be voted for.
    match state.store.feature_request(ws.id, id).await {
        Ok(r) if fr::is_public(&r) || r.merged_into.is_some() => {}
        Ok(_) | Err(StoreError::NotFound) => return Ok(no_board(&v)),
        Err(e) => return Err(PageError::from_store(e, &v.tr)),
    }
    if !csrf_ok(field(&typed, "csrf"), &v) {
        return expired(&state, &v, &ws, FormView::new()).await;
    }
    let (token, cookie) = voter_token(&state, &headers);
    let Some(voter) = fr::browser_voter(&token) else {
        return Err(PageError::internal(&v.tr));
    };
    let (r, new) = fr::vote(state.store.as_ref(), ws.id, id, &voter)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    let to = back(
        ws.slug.as_str(),
        v.tr.locale.tag(),
        if new { "voted" } else { "voted-again" },
        &format!("#r-{}", r.id),
    );
    Ok(finish(Redirect::to(&to).into_response(), cookie))
}

/// An idea sent from the board.
pub async fn suggest(
    State(state): State<AppState>,
    v: Visitor,
    Path(slug): Path<String>,
    headers: HeaderMap,
    body: Bytes,
) -> Result<Response, PageError> {
    let Some(ws) = workspace(&state, &slug, &v).await? else {
        return Ok(no_board(&v));
    };
    let typed = fields(&body);
    let input = FeatureRequestInput {
        title: field(&typed, "title").to_owned(),
        description: field(&typed, "description").to_owned(),
    };
    let typed_form = FormView::new()
        .with("title", &input.title)
        .with("description", &input.description);
    if !csrf_ok(field(&typed, "csrf"), &v) {
        return expired(&state, &v, &ws, typed_form).await;
    }
    let fields = match input.parse() {
        Ok(f) => f,
        Err(e) => {
            let form = typed_form.with_errors(&e, &v.tr);
            let (page, cookie) = board_page(&state, &v, &ws, form, None, None).await?;
            return Ok(finish(
                (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
                cookie,
            ));
        }
    };
    let (token, cookie) = voter_token(&state, &headers);
    let Some(voter) = fr::browser_voter(&token) else {
        return Err(PageError::internal(&v.tr));
    };
    fr::suggest(state.store.as_ref(), ws.id, &fields, &voter)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    let to = back(ws.slug.as_str(), v.tr.locale.tag(), "suggested", "#suggest");
    Ok(finish(Redirect::to(&to).into_response(), cookie))
}
