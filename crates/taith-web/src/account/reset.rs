//! A forgotten password: asking for a link by e-mail, and choosing a new password through it.
//! The rules (same answer for every address, single use, 30 minutes) are in
//! [`taith_app::account::password`].

use crate::AppState;
use crate::account::pages::{pre_session_csrf, with_cookie};
use crate::http::ctx::{CsrfForm, Visitor};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::account::password::{self, NewPassword, PasswordError, RESET_MINUTES};

#[derive(Template, WebTemplate)]
#[template(path = "account/forgot.html")]
pub struct ForgotPage {
    l: Layout,
    form: FormView,
    /// The request was taken: say so, the same words for every address.
    sent: bool,
    /// "The link works for 30 minutes", in the visitor's language.
    expiry: String,
}

fn expiry(v: &Visitor) -> String {
    v.tr.tn("account-forgot-expiry", "minutes", RESET_MINUTES)
}

pub async fn forgot_form(State(state): State<AppState>, v: Visitor) -> Response {
    let (csrf, cookie) = pre_session_csrf(&state, &v);
    let mut l = v.layout();
    l.csrf = csrf;
    let page = ForgotPage {
        l,
        form: FormView::new(),
        sent: false,
        expiry: expiry(&v),
    };
    with_cookie(page.into_response(), cookie)
}

#[derive(Debug, Deserialize)]
pub struct ForgotInput {
    #[serde(default)]
    email: String,
}

pub async fn forgot(
    State(state): State<AppState>,
    v: Visitor,
    CsrfForm(input): CsrfForm<ForgotInput>,
) -> Result<Response, PageError> {
    let done = password::request_reset(
        state.store.as_ref(),
        &state.app.outbox,
        &input.email,
        v.tr.locale,
        taith_domain::now(),
    )
    .await;
    match done {
        // Known address or not, mail set up or not: the same page, the same status.
        Ok(()) => Ok(ForgotPage {
            l: v.layout(),
            form: FormView::new(),
            sent: true,
            expiry: expiry(&v),
        }
        .into_response()),
        Err(PasswordError::Invalid(e)) => {
            let (csrf, cookie) = pre_session_csrf(&state, &v);
            let mut l = v.layout();
            l.csrf = csrf;
            let form = FormView::new()
                .with("email", &input.email)
                .with_errors(&e, &v.tr);
            let page = ForgotPage {
                l,
                form,
                sent: false,
                expiry: expiry(&v),
            };
            Ok(with_cookie(
                (StatusCode::UNPROCESSABLE_ENTITY, page).into_response(),
                cookie,
            ))
        }
        Err(PasswordError::Store(e)) => Err(PageError::from_store(e, &v.tr)),
        Err(PasswordError::Hash(_) | PasswordError::DeadLink) => Err(PageError::internal(&v.tr)),
    }
}

#[derive(Template, WebTemplate)]
#[template(path = "account/reset.html")]
pub struct ResetPage {
    l: Layout,
    form: FormView,
    /// Where the form posts: this page's own address.
    action: String,
    /// The link no longer works: say so instead of showing the form.
    dead: bool,
    expiry: String,
}

fn reset_page(
    state: &AppState,
    v: &Visitor,
    token: &str,
    form: FormView,
    dead: bool,
    status: StatusCode,
) -> Response {
    let (csrf, cookie) = pre_session_csrf(state, v);
    let mut l = v.layout();
    l.csrf = csrf;
    let page = ResetPage {
        l,
        form,
        action: format!("/reset/{token}"),
        dead,
        expiry: expiry(v),
    };
    with_cookie((status, page).into_response(), cookie)
}

pub async fn reset_form(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
) -> Result<Response, PageError> {
    let works = password::reset_link_works(state.store.as_ref(), &token, taith_domain::now())
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    let status = if works {
        StatusCode::OK
    } else {
        StatusCode::GONE
    };
    Ok(reset_page(
        &state,
        &v,
        &token,
        FormView::new(),
        !works,
        status,
    ))
}

#[derive(Debug, Deserialize)]
pub struct ResetInput {
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

pub async fn reset(
    State(state): State<AppState>,
    v: Visitor,
    Path(token): Path<String>,
    CsrfForm(input): CsrfForm<ResetInput>,
) -> Result<Response, PageError> {
    let new = NewPassword {
        password: input.password,
        confirm: input.password_confirm,
    };
    match password::reset(state.store.as_ref(), &token, &new, taith_domain::now()).await {
        Ok(_) => Ok(Redirect::to("/login?reset=done").into_response()),
        Err(PasswordError::Invalid(e)) => {
            let form = FormView::new().with_errors(&e, &v.tr);
            Ok(reset_page(
                &state,
                &v,
                &token,
                form,
                false,
                StatusCode::UNPROCESSABLE_ENTITY,
            ))
        }
        Err(PasswordError::DeadLink) => Ok(reset_page(
            &state,
            &v,
            &token,
            FormView::new(),
            true,
            StatusCode::GONE,
        )),
        Err(PasswordError::Store(e)) => Err(PageError::from_store(e, &v.tr)),
        Err(PasswordError::Hash(_)) => Err(PageError::internal(&v.tr)),
    }
}
