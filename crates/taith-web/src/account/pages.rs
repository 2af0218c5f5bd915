//! First-run set-up, signing in and out, and the landing page.

use crate::AppState;
use crate::http::ctx::{CsrfForm, LANG_COOKIE, PRE_SESSION_CSRF_COOKIE, SESSION_COOKIE, Visitor};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::account::secrets::{check_new_password, hash_password, random_secret, secret_hash};
use taith_app::account::sessions::{self, SESSION_DAYS};
use taith_domain::{Email, Issue, Name, Slug, ValidationErrors};
use taith_store::{ConflictKind, NewUser, StoreError};

/// Builds a `Set-Cookie` value: HttpOnly, SameSite=Lax, Secure unless configured off for
/// plain-HTTP deployments.
pub fn cookie_header(state: &AppState, name: &str, value: &str, max_age_secs: i64) -> HeaderValue {
    let secure = if state.config.secure_cookies {
        "; Secure"
    } else {
        ""
    };
    let v =
        format!("{name}={value}; Path=/; HttpOnly; SameSite=Lax; Max-Age={max_age_secs}{secure}");
    HeaderValue::from_str(&v).unwrap_or_else(|_| HeaderValue::from_static(""))
}

/// The CSRF token for a form shown before sign-in (set-up, sign-in, a forgotten password),
/// and the cookie to set when the browser has none yet. Someone already signed in echoes
/// their session's token, as on every other form.
pub(super) fn pre_session_csrf(state: &AppState, v: &Visitor) -> (String, Option<HeaderValue>) {
    if let Some(s) = &v.signed_in {
        return (s.session.csrf_token.clone(), None);
    }
    match &v.pre_session_csrf {
        Some(t) if !t.is_empty() => (t.clone(), None),
        _ => {
            let t = random_secret();
            let c = cookie_header(state, PRE_SESSION_CSRF_COOKIE, &t, 60 * 60 * 24);
            (t, Some(c))
        }
    }
}

pub(super) fn with_cookie(mut r: Response, cookie: Option<HeaderValue>) -> Response {
    if let Some(c) = cookie {
        r.headers_mut().append(header::SET_COOKIE, c);
    }
    r
}

/// The browser's `User-Agent`, for the list of sessions on the account page.
fn user_agent(headers: &HeaderMap) -> &str {
    headers
        .get(header::USER_AGENT)
        .and_then(|v| v.to_str().ok())
        .unwrap_or_default()
}

/// Starts a session for `user` and answers with a redirect to `to` carrying its cookie.
pub(super) async fn sign_in(
    state: &AppState,
    v: &Visitor,
    headers: &HeaderMap,
    user: taith_domain::UserId,
    to: &str,
) -> Result<Response, PageError> {
    let started = sessions::start(
        state.store.as_ref(),
        user,
        user_agent(headers),
        taith_domain::now(),
    )
    .await
    .map_err(|e| PageError::from_store(e, &v.tr))?;
    // With two-factor sign-in on, the session waits for the code first.
    let to = if started.session.second_factor_pending {
        super::two_factor::code_path(to)
    } else {
        to.to_owned()
    };
    let mut r = Redirect::to(&to).into_response();
    r.headers_mut().append(
        header::SET_COOKIE,
        cookie_header(
            state,
            SESSION_COOKIE,
            &started.secret,
            SESSION_DAYS * 86_400,
        ),
    );
    Ok(r)
}

// --- landing ----------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "account/home.html")]
pub struct HomePage {
    l: Layout,
    workspaces: Vec<(String, String, String)>,
}

pub async fn home(State(state): State<AppState>, v: Visitor) -> Result<Response, PageError> {
    if state
        .store
        .has_no_workspace()
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?
    {
        return Ok(Redirect::to("/setup").into_response());
    }
    if v.pending.is_some() {
        return Ok(Redirect::to(crate::http::ctx::SECOND_FACTOR_PATH).into_response());
    }
    let Some(signed_in) = &v.signed_in else {
        return Ok(Redirect::to("/login").into_response());
    };
    let memberships = state
        .store
        .memberships(signed_in.user.id)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    if let [(ws, _)] = memberships.as_slice() {
        return Ok(Redirect::to(&format!("/w/{}", ws.slug)).into_response());
    }
    let workspaces = memberships
        .iter()
        .map(|(w, r)| {
            (
                w.slug.to_string(),
                w.name.to_string(),
                v.tr.t(&format!("role-{}", r.as_str())),
            )
        })
        .collect();
    Ok(HomePage {
        l: v.layout(),
        workspaces,
    }
    .into_response())
}

// --- set-up -----------------------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "account/setup.html")]
pub struct SetupPage {
    l: Layout,
    form: FormView,
}

#[derive(Debug, Deserialize)]
pub struct SetupInput {
    #[serde(default)]
    workspace_name: String,
    #[serde(default)]
    slug: String,
    #[serde(default)]
    name: String,
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

pub async fn setup_form(State(state): State<AppState>, v: Visitor) -> Result<Response, PageError> {
    if !state
        .store
        .has_no_workspace()
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?
    {
        return Ok(Redirect::to("/").into_response());
    }
    let (csrf, cookie) = pre_session_csrf(&state, &v);
    let mut l = v.layout();
    l.csrf = csrf;
    Ok(with_cookie(
        SetupPage {
            l,
            form: FormView::new(),
        }
        .into_response(),
        cookie,
    ))
}

pub async fn setup(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    CsrfForm(input): CsrfForm<SetupInput>,
) -> Result<Response, PageError> {
    // Set-up exists only while the store is empty; afterwards workspaces come from owners.
    if !state
        .store
        .has_no_workspace()
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?
    {
        return Ok(Redirect::to("/").into_response());
    }
    let mut e = ValidationErrors::default();
    let ws_name = e.check("workspace_name", Name::parse(&input.workspace_name));
    let slug = e.check("slug", Slug::parse(&input.slug));
    let name = e.check("name", Name::parse(&input.name));
    let email = e.check("email", Email::parse(&input.email));
    e.check("password", check_new_password(&input.password));
    if input.password != input.password_confirm {
        e.push("password_confirm", Issue::Mismatch);
    }
    let rerender = |errors: &ValidationErrors| {
        let form = FormView::new()
            .with("workspace_name", &input.workspace_name)
            .with("slug", &input.slug)
            .with("name", &input.name)
            .with("email", &input.email)
            .with_errors(errors, &v.tr);
        (
            StatusCode::UNPROCESSABLE_ENTITY,
            SetupPage {
                l: v.layout(),
                form,
            },
        )
            .into_response()
    };
    let (Some(ws_name), Some(slug), Some(name), Some(email), true) =
        (ws_name, slug, name, email, e.is_empty())
    else {
        return Ok(rerender(&e));
    };
    let password_hash = hash_password(&input.password).map_err(|_| PageError::internal(&v.tr))?;
    match state
        .store
        .create_workspace(
            &slug,
            &ws_name,
            NewUser {
                email,
                name,
                password_hash,
            },
        )
        .await
    {
        Ok((ws, user)) => sign_in(&state, &v, &headers, user.id, &format!("/w/{}", ws.slug)).await,
        Err(StoreError::Conflict(ConflictKind::SlugTaken)) => {
            Ok(rerender(&ValidationErrors::one("slug", Issue::Taken)))
        }
        Err(err) => Err(PageError::from_store(err, &v.tr)),
    }
}

// --- signing in and out -----------------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "account/login.html")]
pub struct LoginPage {
    pub(super) l: Layout,
    pub(super) form: FormView,
    pub(super) failed: bool,
    /// Said above the form: the password was just reset.
    pub(super) notice: Option<String>,
    /// Why signing in through the identity provider did not work.
    pub(super) problem: Option<String>,
    /// The identity provider's name, when one is configured: its button.
    pub(super) provider: Option<String>,
}

/// The configured identity provider's name, for the sign-in page's button.
pub(super) fn provider_name(state: &AppState) -> Option<String> {
    state.config.oidc.as_ref().map(|o| o.name().to_owned())
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
    /// `done` after a password reset.
    #[serde(default)]
    reset: String,
}

/// Only same-site paths are followed after sign-in (no open redirect).
pub(super) fn safe_next(next: &str) -> String {
    if next.starts_with('/') && !next.starts_with("//") && !next.starts_with("/\\") {
        next.to_owned()
    } else {
        "/".to_owned()
    }
}

pub async fn login_form(
    State(state): State<AppState>,
    v: Visitor,
    Query(q): Query<NextQuery>,
) -> Result<Response, PageError> {
    if state
        .store
        .has_no_workspace()
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?
    {
        return Ok(Redirect::to("/setup").into_response());
    }
    if v.pending.is_some() {
        return Ok(
            Redirect::to(&super::two_factor::code_path(&safe_next(&q.next))).into_response(),
        );
    }
    let (csrf, cookie) = pre_session_csrf(&state, &v);
    let mut l = v.layout();
    l.csrf = csrf;
    let form = FormView::new().with("next", safe_next(&q.next));
    let notice = (q.reset == "done").then(|| v.tr.t("account-reset-done"));
    Ok(with_cookie(
        LoginPage {
            l,
            form,
            failed: false,
            notice,
            problem: None,
            provider: provider_name(&state),
        }
        .into_response(),
        cookie,
    ))
}

#[derive(Debug, Deserialize)]
pub struct LoginInput {
    #[serde(default)]
    email: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    next: String,
}

pub async fn login(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    CsrfForm(input): CsrfForm<LoginInput>,
) -> Result<Response, PageError> {
    let user = sessions::authenticate(state.store.as_ref(), &input.email, &input.password)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    match user {
        Some(id) => sign_in(&state, &v, &headers, id, &safe_next(&input.next)).await,
        None => {
            let form = FormView::new()
                .with("email", &input.email)
                .with("next", safe_next(&input.next));
            Ok((
                StatusCode::UNAUTHORIZED,
                LoginPage {
                    l: v.layout(),
                    form,
                    failed: true,
                    notice: None,
                    problem: None,
                    provider: provider_name(&state),
                },
            )
                .into_response())
        }
    }
}

pub async fn logout(
    State(state): State<AppState>,
    v: Visitor,
    headers: HeaderMap,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    if let Some(secret) = crate::http::ctx::cookie(&headers, SESSION_COOKIE) {
        state
            .store
            .delete_session(&secret_hash(secret))
            .await
            .map_err(|e| PageError::from_store(e, &v.tr))?;
    }
    let mut r = Redirect::to("/login").into_response();
    r.headers_mut().append(
        header::SET_COOKIE,
        cookie_header(&state, SESSION_COOKIE, "", 0),
    );
    Ok(r)
}

/// Middleware: remembers a language chosen with `?lang=`: in a cookie, so it sticks in this
/// browser, and for someone signed in also as their account's language (which the cookie does
/// not beat), on the admin pages.
pub async fn remember_language(
    axum::extract::State(state): axum::extract::State<AppState>,
    req: axum::extract::Request,
    next: axum::middleware::Next,
) -> Response {
    // Respondents and survey previews pick a language for that page only: a respondent's
    // choice must not follow them, and an admin previewing in Arabic keeps their own language.
    let path = req.uri().path();
    let remembers = !path.starts_with("/s/") && !path.ends_with("/preview");
    // What customers open (a kiosk on the shop's tablet, an invitation) is not where a
    // signed-in person picks their own language.
    let for_account = remembers
        && !["/k/", "/e/", "/i/", "/u/", "/api/", "/widget/"]
            .iter()
            .any(|p| path.starts_with(p));
    let chosen = req
        .uri()
        .query()
        .filter(|_| remembers)
        .and_then(|q| serde_urlencoded::from_str::<Vec<(String, String)>>(q).ok())
        .and_then(|q| q.into_iter().find(|(k, _)| k == "lang"))
        .and_then(|(_, v)| taith_domain::Locale::from_tag(&v));
    if let (Some(l), true) = (chosen, for_account) {
        remember_for_account(&state, req.headers(), l).await;
    }
    let mut r = next.run(req).await;
    if let Some(l) = chosen {
        r.headers_mut().append(
            header::SET_COOKIE,
            cookie_header(&state, LANG_COOKIE, l.tag(), 365 * 86_400),
        );
    }
    r
}

/// Saves `locale` as the signed-in person's language, if someone is signed in. A failure
/// costs only the remembering: the page is still shown in that language.
async fn remember_for_account(state: &AppState, headers: &HeaderMap, locale: taith_domain::Locale) {
    let Some(secret) = crate::http::ctx::cookie(headers, SESSION_COOKIE) else {
        return;
    };
    let store = state.store.as_ref();
    let user = match store
        .session(&secret_hash(secret), taith_domain::now())
        .await
    {
        Ok(s) => s.user_id,
        Err(StoreError::NotFound) => return,
        Err(e) => {
            tracing::warn!(error = %e, "cannot read the session to remember its language");
            return;
        }
    };
    if let Err(e) = taith_app::account::profile::set_language(store, user, locale).await {
        tracing::warn!(error = %e, "cannot remember the account's language");
    }
}
