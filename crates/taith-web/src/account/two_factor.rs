//! Two-factor sign-in pages: the code asked after the password (`/sign-in/code`), setting it
//! up and turning it off on the account (`/account/two-factor`), and an owner's requirement of
//! it for the workspace (`/w/{slug}/two-factor`). The rules are in
//! [`taith_app::account::two_factor`].

use super::pages::safe_next;
use super::qr::QrSquares;
use super::settings::Me;
use crate::AppState;
use crate::http::ctx::{CsrfForm, Member, SECOND_FACTOR_PATH, Visitor};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::account::two_factor::{self as tf, Status, TwoFactorError};
use taith_domain::{Action, Slug};

fn app_error(e: TwoFactorError, v: &Visitor) -> PageError {
    match e {
        TwoFactorError::Store(e) => PageError::from_store(e, &v.tr),
        TwoFactorError::Forbidden => PageError::forbidden(&v.tr),
        TwoFactorError::WrongState => PageError::conflict(&v.tr),
        TwoFactorError::Invalid(_) => PageError::bad_request(&v.tr),
    }
}

// --- the code after the password --------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "account/code.html")]
pub struct CodePage {
    l: Layout,
    next: String,
    failed: bool,
}

#[derive(Debug, Deserialize)]
pub struct NextQuery {
    #[serde(default)]
    next: String,
}

/// Where someone not waiting for a code goes instead of the code page.
fn elsewhere(v: &Visitor) -> Response {
    let to = if v.signed_in.is_some() { "/" } else { "/login" };
    Redirect::to(to).into_response()
}

pub async fn code_form(v: Visitor, Query(q): Query<NextQuery>) -> Response {
    if v.pending.is_none() {
        return elsewhere(&v);
    }
    CodePage {
        l: v.layout(),
        next: safe_next(&q.next),
        failed: false,
    }
    .into_response()
}

#[derive(Debug, Deserialize)]
pub struct CodeInput {
    #[serde(default)]
    code: String,
    #[serde(default)]
    next: String,
}

pub async fn code(
    State(state): State<AppState>,
    v: Visitor,
    CsrfForm(input): CsrfForm<CodeInput>,
) -> Result<Response, PageError> {
    let Some(p) = &v.pending else {
        return Ok(elsewhere(&v));
    };
    match tf::complete(
        state.store.as_ref(),
        p.user.id,
        &p.session.token_hash,
        &input.code,
        taith_domain::now(),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to(&safe_next(&input.next)).into_response()),
        Err(TwoFactorError::Invalid(_)) => Ok((
            StatusCode::UNAUTHORIZED,
            CodePage {
                l: v.layout(),
                next: safe_next(&input.next),
                failed: true,
            },
        )
            .into_response()),
        Err(e) => Err(app_error(e, &v)),
    }
}

// --- the account's two-factor page ------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "account/two_factor.html")]
pub struct TwoFactorPage {
    l: Layout,
    status: Status,
    /// The enrolment link as a QR code, while setting up.
    qr: Option<QrSquares>,
    /// The recovery codes, shown once, just after setting up.
    recovery: Vec<String>,
    /// The workspace that requires a second factor, when it sent the person here.
    required_by: Option<String>,
    form: FormView,
    notice: Option<String>,
}

#[derive(Debug, Deserialize)]
pub struct PageQuery {
    /// The slug of the workspace that requires a second factor.
    #[serde(default)]
    w: String,
    /// `off` after turning it off.
    #[serde(default)]
    done: String,
}

async fn render(
    state: &AppState,
    Me { v, s }: &Me,
    recovery: Vec<String>,
    required_by: &str,
    form: FormView,
    notice: Option<String>,
    status_code: StatusCode,
) -> Result<Response, PageError> {
    let status = tf::status(state.store.as_ref(), &s.user)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    let mut l = v.layout();
    l.nav = "account";
    Ok((
        status_code,
        TwoFactorPage {
            l,
            qr: match &status {
                Status::Pending(e) => QrSquares::of(&e.uri),
                _ => None,
            },
            status,
            recovery,
            required_by: Slug::parse(required_by).ok().map(|s| s.to_string()),
            form,
            notice,
        },
    )
        .into_response())
}

pub async fn page(
    State(state): State<AppState>,
    me: Me,
    Query(q): Query<PageQuery>,
) -> Result<Response, PageError> {
    let notice = (q.done == "off").then(|| me.v.tr.t("two-factor-turned-off"));
    render(
        &state,
        &me,
        Vec::new(),
        &q.w,
        FormView::new(),
        notice,
        StatusCode::OK,
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct WorkspaceField {
    #[serde(default)]
    w: String,
}

pub async fn begin(
    State(state): State<AppState>,
    me: Me,
    CsrfForm(input): CsrfForm<WorkspaceField>,
) -> Result<Response, PageError> {
    match tf::begin(state.store.as_ref(), &me.s.user, taith_domain::now()).await {
        // Already on: the page shows it as on.
        Ok(_) | Err(TwoFactorError::WrongState) => {}
        Err(e) => return Err(app_error(e, &me.v)),
    }
    let q = serde_urlencoded::to_string([("w", input.w)]).unwrap_or_default();
    Ok(Redirect::to(&format!("/account/two-factor?{q}")).into_response())
}

#[derive(Debug, Deserialize)]
pub struct ConfirmInput {
    #[serde(default)]
    code: String,
    #[serde(default)]
    w: String,
}

pub async fn confirm(
    State(state): State<AppState>,
    me: Me,
    CsrfForm(input): CsrfForm<ConfirmInput>,
) -> Result<Response, PageError> {
    match tf::confirm(
        state.store.as_ref(),
        &me.s.user,
        &input.code,
        taith_domain::now(),
    )
    .await
    {
        Ok(codes) => {
            render(
                &state,
                &me,
                codes,
                &input.w,
                FormView::new(),
                None,
                StatusCode::OK,
            )
            .await
        }
        Err(TwoFactorError::Invalid(e)) => {
            let form = FormView::new()
                .with_errors(&e, &me.v.tr)
                .error_message("code", me.v.tr.t("two-factor-code-wrong"));
            render(
                &state,
                &me,
                Vec::new(),
                &input.w,
                form,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(TwoFactorError::WrongState) => Ok(Redirect::to("/account/two-factor").into_response()),
        Err(e) => Err(app_error(e, &me.v)),
    }
}

#[derive(Debug, Deserialize)]
pub struct DisableInput {
    #[serde(default)]
    code: String,
    #[serde(default)]
    password: String,
}

pub async fn disable(
    State(state): State<AppState>,
    me: Me,
    CsrfForm(input): CsrfForm<DisableInput>,
) -> Result<Response, PageError> {
    match tf::disable(
        state.store.as_ref(),
        &me.s.user,
        &input.code,
        &input.password,
        taith_domain::now(),
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/account/two-factor?done=off").into_response()),
        Err(TwoFactorError::Invalid(e)) => {
            let mut form = FormView::new().with_errors(&e, &me.v.tr);
            if e.0.iter().any(|f| f.field == "code") {
                form = form.error_message("code", me.v.tr.t("two-factor-code-wrong"));
            }
            render(
                &state,
                &me,
                Vec::new(),
                "",
                form,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(e) => Err(app_error(e, &me.v)),
    }
}

// --- the workspace's requirement --------------------------------------------------------------

#[derive(Template, WebTemplate)]
#[template(path = "account/workspace_two_factor.html")]
pub struct WorkspacePage {
    l: Layout,
    base: String,
    required: bool,
    saved: bool,
}

#[derive(Debug, Deserialize)]
pub struct SavedQuery {
    #[serde(default)]
    saved: String,
}

pub async fn workspace_page(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<SavedQuery>,
) -> Result<Response, PageError> {
    m.require(Action::ManageSecurity)?;
    let required = tf::required(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    Ok(WorkspacePage {
        l: m.layout("members"),
        base: m.base(),
        required,
        saved: q.saved == "1",
    }
    .into_response())
}

#[derive(Debug, Deserialize)]
pub struct RequireInput {
    /// A checkbox: present ("on") when ticked.
    #[serde(default)]
    required: String,
}

pub async fn save_workspace(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(input): CsrfForm<RequireInput>,
) -> Result<Response, PageError> {
    tf::set_required(
        state.store.as_ref(),
        m.workspace.id,
        &m.principal,
        !input.required.is_empty(),
    )
    .await
    .map_err(|e| app_error(e, &m.visitor))?;
    Ok(Redirect::to(&format!("{}/two-factor?saved=1", m.base())).into_response())
}

/// The code page's address with where to go after it.
pub fn code_path(next: &str) -> String {
    let q = serde_urlencoded::to_string([("next", next)]).unwrap_or_default();
    format!("{SECOND_FACTOR_PATH}?{q}")
}
