//! Who is asking and in which language: the extractors every UI page starts from.

use crate::AppState;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::HeaderMap;
use axum::http::request::Parts;
use axum::response::IntoResponse as _;
use serde::de::DeserializeOwned;
use taith_app::account::secrets::{constant_time_eq, secret_hash};
use taith_domain::{Action, Locale, Principal, Role, Slug, User, Workspace};
use taith_i18n::Tr;
use taith_store::{Session, StoreError};

pub const SESSION_COOKIE: &str = "taith_session";
pub const LANG_COOKIE: &str = "taith_lang";
/// Double-submit cookie protecting the forms shown before sign-in (set-up, sign-in).
pub const PRE_SESSION_CSRF_COOKIE: &str = "taith_csrf";

/// Reads one cookie's value from the request headers.
pub fn cookie<'a>(headers: &'a HeaderMap, name: &str) -> Option<&'a str> {
    headers
        .get_all(axum::http::header::COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v)
}

/// The locale for an admin page: `?lang=`, then the language cookie, then Accept-Language,
/// then English. (A signed-in person's own language comes between `?lang=` and the cookie:
/// see [`Visitor`].)
pub fn negotiate_locale(parts: &Parts) -> Locale {
    query_locale(parts).unwrap_or_else(|| browser_locale(parts))
}

/// The language asked for with `?lang=` on this page, if any.
fn query_locale(parts: &Parts) -> Option<Locale> {
    parts.uri.query().and_then(|q| {
        serde_urlencoded::from_str::<Vec<(String, String)>>(q)
            .ok()?
            .into_iter()
            .find(|(k, _)| k == "lang")
            .and_then(|(_, v)| Locale::from_tag(&v))
    })
}

/// The browser's language: the language cookie, then Accept-Language, then English.
fn browser_locale(parts: &Parts) -> Locale {
    if let Some(l) = cookie(&parts.headers, LANG_COOKIE).and_then(Locale::from_tag) {
        return l;
    }
    let accept = parts
        .headers
        .get(axum::http::header::ACCEPT_LANGUAGE)
        .and_then(|v| v.to_str().ok())
        .and_then(Locale::negotiate);
    accept.unwrap_or_default()
}

/// Anyone at an admin page: their language, and their session when signed in.
#[derive(Debug, Clone)]
pub struct Visitor {
    pub tr: Tr,
    pub signed_in: Option<SignedIn>,
    /// Signed in with the password, waiting for the second factor: not signed in for anything
    /// but the code page and sign-out.
    pub pending: Option<SignedIn>,
    /// The pre-session CSRF cookie, when the browser has one.
    pub pre_session_csrf: Option<String>,
    /// The path and query, for returning after sign-in and for the language links.
    pub path: String,
    /// Where taith is reached from outside, for addresses shown to be copied elsewhere (the
    /// widget's tag, a survey's link): `--public-url`, else this request's host.
    pub origin: String,
}

#[derive(Debug, Clone)]
pub struct SignedIn {
    pub session: Session,
    pub user: User,
    /// The language the person chose in their account; None: their browser's.
    pub locale: Option<Locale>,
}

impl Visitor {
    /// The CSRF token forms must echo: the session's, or before sign-in the pre-session cookie's.
    pub fn csrf_token(&self) -> Option<&str> {
        match (&self.signed_in, &self.pending) {
            (Some(s), _) | (None, Some(s)) => Some(&s.session.csrf_token),
            (None, None) => self.pre_session_csrf.as_deref(),
        }
    }

    /// Links to this page in each locale.
    pub fn language_links(&self) -> Vec<(Locale, String)> {
        let (path, query) = self.path.split_once('?').unwrap_or((&self.path, ""));
        let kept: Vec<(String, String)> =
            serde_urlencoded::from_str::<Vec<(String, String)>>(query)
                .unwrap_or_default()
                .into_iter()
                .filter(|(k, _)| k != "lang")
                .collect();
        Locale::ALL
            .into_iter()
            .map(|l| {
                let mut q = kept.clone();
                q.push(("lang".into(), l.tag().into()));
                let qs = serde_urlencoded::to_string(&q).unwrap_or_default();
                (l, format!("{path}?{qs}"))
            })
            .collect()
    }
}

impl FromRequestParts<AppState> for Visitor {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        if let Some(v) = parts.extensions.get::<Visitor>() {
            return Ok(v.clone());
        }
        // The language: `?lang=` for this page, then the person's own (when signed in), then
        // the browser's. Errors before it is known are worded in the browser's.
        let early = Tr::new(negotiate_locale(parts));
        let mut signed_in = None;
        let mut pending = None;
        if let Some(secret) = cookie(&parts.headers, SESSION_COOKIE) {
            match state
                .store
                .session(&secret_hash(secret), taith_domain::now())
                .await
            {
                Ok(session) => {
                    let account = state
                        .store
                        .account(session.user_id)
                        .await
                        .map_err(|e| PageError::from_store(e, &early))?;
                    let second_factor_pending = session.second_factor_pending;
                    let s = SignedIn {
                        session,
                        user: account.user,
                        locale: account.locale,
                    };
                    if second_factor_pending {
                        pending = Some(s);
                    } else {
                        signed_in = Some(s);
                    }
                }
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(PageError::from_store(e, &early)),
            }
        }
        let locale = query_locale(parts)
            .or_else(|| {
                signed_in
                    .as_ref()
                    .or(pending.as_ref())
                    .and_then(|s: &SignedIn| s.locale)
            })
            .unwrap_or_else(|| browser_locale(parts));
        let tr = Tr::new(locale);
        let visitor = Visitor {
            tr,
            signed_in,
            pending,
            pre_session_csrf: cookie(&parts.headers, PRE_SESSION_CSRF_COOKIE).map(str::to_owned),
            path: parts
                .uri
                .path_and_query()
                .map(|p| p.as_str().to_owned())
                .unwrap_or_else(|| "/".into()),
            origin: origin_of(parts, state),
        };
        parts.extensions.insert(visitor.clone());
        Ok(visitor)
    }
}

/// The configured public address, else `http(s)://` and the request's Host (plain HTTP only on
/// a loopback address). A Host that is not a plain host name and port is not repeated.
fn origin_of(parts: &Parts, state: &AppState) -> String {
    if let Some(url) = &state.config.public_url {
        return url.clone();
    }
    let host = parts
        .headers
        .get(axum::http::header::HOST)
        .and_then(|h| h.to_str().ok())
        .filter(|h| {
            !h.is_empty()
                && h.len() <= 255
                && h.bytes()
                    .all(|b| b.is_ascii_alphanumeric() || b".-:[]".contains(&b))
        })
        .unwrap_or("localhost");
    let name = host.rsplit_once(':').map_or(host, |(name, _)| name);
    let loopback = matches!(name, "localhost" | "127.0.0.1" | "[::1]");
    let scheme = if loopback { "http" } else { "https" };
    format!("{scheme}://{host}")
}

/// Where a session waiting for its second factor is sent, from any page but the code page
/// and sign-out.
pub const SECOND_FACTOR_PATH: &str = "/sign-in/code";

/// The answer to a session waiting for its second factor: to the code page.
pub fn second_factor_first() -> PageError {
    PageError::Shown(Box::new(
        axum::response::Redirect::to(SECOND_FACTOR_PATH).into_response(),
    ))
}

/// The answer to a member of a workspace that requires a second factor they have not set up:
/// to the enrolment page.
pub fn enrol_first(slug: &Slug) -> PageError {
    PageError::Shown(Box::new(
        axum::response::Redirect::to(&format!("/account/two-factor?w={slug}")).into_response(),
    ))
}

/// A signed-in member at a page of one of their workspaces (`/w/{slug}/…`).
#[derive(Debug, Clone)]
pub struct Member {
    pub visitor: Visitor,
    pub workspace: Workspace,
    pub user: User,
    pub role: Role,
    pub principal: Principal,
}

impl Member {
    pub fn tr(&self) -> &Tr {
        &self.visitor.tr
    }

    /// Ok when the member's role allows `action`, else a 403 page.
    pub fn require(&self, action: Action) -> Result<(), PageError> {
        if self.principal.may(action) {
            Ok(())
        } else {
            Err(PageError::forbidden(&self.visitor.tr))
        }
    }

    pub fn may(&self, action: Action) -> bool {
        self.principal.may(action)
    }

    pub fn author(&self) -> taith_store::Author {
        taith_store::Author {
            user_id: Some(self.user.id),
            name: self.user.name.to_string(),
        }
    }

    /// The workspace's base path, `/w/{slug}`.
    pub fn base(&self) -> String {
        format!("/w/{}", self.workspace.slug)
    }
}

impl FromRequestParts<AppState> for Member {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let visitor = Visitor::from_request_parts(parts, state).await?;
        if visitor.pending.is_some() {
            return Err(second_factor_first());
        }
        let Some(signed_in) = visitor.signed_in.clone() else {
            return Err(PageError::SignIn {
                next: visitor.path.clone(),
            });
        };
        let tr = visitor.tr.clone();
        // The slug is the second path segment: /w/{slug}/…
        let slug = parts.uri.path().split('/').nth(2).unwrap_or_default();
        let not_found = || PageError::not_found(&tr);
        let slug = Slug::parse(slug).map_err(|_| not_found())?;
        let workspace = match state.store.workspace_by_slug(&slug).await {
            Ok(w) => w,
            Err(StoreError::NotFound) => return Err(not_found()),
            Err(e) => return Err(PageError::from_store(e, &tr)),
        };
        // Not a member looks exactly like no such workspace.
        let role = match state
            .store
            .member_role(workspace.id, signed_in.user.id)
            .await
        {
            Ok(r) => r,
            Err(StoreError::NotFound) => return Err(not_found()),
            Err(e) => return Err(PageError::from_store(e, &tr)),
        };
        // A workspace that requires a second factor: a member without one enrols first.
        if taith_app::account::two_factor::must_enrol(
            state.store.as_ref(),
            workspace.id,
            signed_in.user.id,
        )
        .await
        .map_err(|e| PageError::from_store(e, &tr))?
        {
            return Err(enrol_first(&workspace.slug));
        }
        let principal = Principal::Member {
            user: signed_in.user.clone(),
            role,
        };
        crate::audit::layer::note(parts, workspace.id, &principal);
        Ok(Member {
            principal,
            user: signed_in.user,
            visitor,
            workspace,
            role,
        })
    }
}

/// An `application/x-www-form-urlencoded` body whose `csrf` field matched the visitor's token.
/// Every state-changing form goes through it.
#[derive(Debug)]
pub struct CsrfForm<T>(pub T);

/// Largest form body accepted (journey notes are at most 10,000 characters a field).
pub const MAX_FORM_BYTES: usize = 256 * 1024;

impl<T: DeserializeOwned> FromRequest<AppState> for CsrfForm<T> {
    type Rejection = PageError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let (mut parts, body) = req.into_parts();
        let visitor = Visitor::from_request_parts(&mut parts, state).await?;
        let bytes = axum::body::to_bytes(body, MAX_FORM_BYTES)
            .await
            .map_err(|_| PageError::too_large(&visitor.tr))?;
        let fields: Vec<(String, String)> = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| PageError::bad_request(&visitor.tr))?;
        let sent = fields
            .iter()
            .find(|(k, _)| k == "csrf")
            .map(|(_, v)| v.as_str());
        match (sent, visitor.csrf_token()) {
            (Some(sent), Some(expected))
                if !expected.is_empty() && constant_time_eq(sent, expected) => {}
            _ => return Err(PageError::csrf(&visitor.tr)),
        }
        let value = serde_urlencoded::from_bytes(&bytes)
            .map_err(|_| PageError::bad_request(&visitor.tr))?;
        Ok(CsrfForm(value))
    }
}

impl Visitor {
    /// The frame of a page a visitor sees, signed in or not.
    pub fn layout(&self) -> Layout {
        let v = self;
        Layout {
            t: v.tr.clone(),
            csrf: v.csrf_token().unwrap_or_default().to_owned(),
            user_name: v.signed_in.as_ref().map(|s| s.user.name.to_string()),
            workspace: None,
            nav: "",
            languages: v.language_links(),
            can_manage: false,
            cases: false,
            work_cases: false,
            inbox: false,
            responses: false,
            govern: false,
        }
    }
}

impl Member {
    /// The frame of a workspace page, with `nav` current.
    pub fn layout(&self, nav: &'static str) -> Layout {
        let m = self;
        Layout {
            workspace: Some((m.workspace.slug.to_string(), m.workspace.name.to_string())),
            nav,
            can_manage: m.may(Action::ManageMembers),
            cases: m.may(Action::ReadCases),
            work_cases: m.may(Action::WorkCases),
            inbox: m.may(Action::ReadResponses),
            responses: m.may(Action::ReadResponses),
            govern: m.may(Action::Govern),
            ..m.visitor.layout()
        }
    }
}
