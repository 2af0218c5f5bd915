//! The signed-in person's own account page: their name and language, their password, and the
//! browsers signed in as them.

use crate::AppState;
use crate::http::ctx::{CsrfForm, SignedIn, Visitor};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{FromRequestParts, Path, Query, State};
use axum::http::StatusCode;
use axum::http::request::Parts;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::account::password::{self, NewPassword, PasswordError};
use taith_app::account::profile::{self, ProfileError, ProfileInput};
use taith_app::account::sessions;
use taith_domain::{Issue, Locale, SessionId};

/// One row of the sessions table.
#[derive(Debug)]
pub struct SessionRow {
    pub id: String,
    pub browser: String,
    pub created: String,
    pub expires: String,
    pub current: bool,
}

#[derive(Template, WebTemplate)]
#[template(path = "account/settings.html")]
pub struct AccountPage {
    l: Layout,
    email: String,
    /// The name and language fields.
    profile: FormView,
    /// `(tag, endonym)` of each language, for the language choice.
    locales: Vec<(&'static str, &'static str)>,
    /// The password fields' messages.
    password: FormView,
    sessions: Vec<SessionRow>,
    /// Said at the top: what was just done.
    notice: Option<String>,
}

impl AccountPage {
    /// Whether any browser but this one is signed in.
    pub fn has_others(&self) -> bool {
        self.sessions.iter().any(|s| !s.current)
    }
}

/// The signed-in person at their account page. Someone not signed in is sent to sign in
/// (before any form is read, as on a workspace's pages).
#[derive(Debug, Clone)]
pub struct Me {
    pub v: Visitor,
    pub s: SignedIn,
}

impl FromRequestParts<AppState> for Me {
    type Rejection = PageError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let v = Visitor::from_request_parts(parts, state).await?;
        if v.pending.is_some() {
            return Err(crate::http::ctx::second_factor_first());
        }
        let Some(s) = v.signed_in.clone() else {
            return Err(PageError::SignIn {
                next: "/account".to_owned(),
            });
        };
        Ok(Me { v, s })
    }
}

#[derive(Debug, Deserialize)]
pub struct DoneQuery {
    /// What was just done: `profile`, `password`, `session`, `others`.
    #[serde(default)]
    done: String,
}

/// The page with `profile` and `password` as given (a failed form shows its values and
/// messages), answered with `status`.
async fn render(
    state: &AppState,
    Me { v, s }: &Me,
    profile: FormView,
    password: FormView,
    notice: Option<String>,
    status: StatusCode,
) -> Result<Response, PageError> {
    let tr = &v.tr;
    let sessions = sessions::list(
        state.store.as_ref(),
        s.user.id,
        &s.session.token_hash,
        taith_domain::now(),
    )
    .await
    .map_err(|e| PageError::from_store(e, tr))?
    .into_iter()
    .map(|x| SessionRow {
        id: x.id.to_string(),
        browser: if x.browser.is_empty() {
            tr.t("account-sessions-unknown-browser")
        } else {
            x.browser
        },
        created: tr.datetime(x.created_at),
        expires: tr.datetime(x.expires_at),
        current: x.current,
    })
    .collect();
    let mut l = v.layout();
    l.nav = "account";
    let page = AccountPage {
        l,
        email: s.user.email.to_string(),
        profile,
        locales: Locale::ALL.iter().map(|l| (l.tag(), l.endonym())).collect(),
        password,
        sessions,
        notice,
    };
    Ok((status, page).into_response())
}

pub async fn page(
    State(state): State<AppState>,
    me: Me,
    Query(q): Query<DoneQuery>,
) -> Result<Response, PageError> {
    let Me { v, s } = &me;
    let notice = match q.done.as_str() {
        "profile" => Some(v.tr.t("account-saved-profile")),
        "password" => Some(v.tr.t("account-saved-password")),
        "session" => Some(v.tr.t("account-saved-session")),
        "others" => Some(v.tr.t("account-saved-others")),
        _ => None,
    };
    let profile = FormView::new()
        .with("name", &s.user.name)
        .with("locale", s.locale.map(Locale::tag).unwrap_or_default());
    render(
        &state,
        &me,
        profile,
        FormView::new(),
        notice,
        StatusCode::OK,
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct ProfileForm {
    #[serde(default)]
    name: String,
    #[serde(default)]
    locale: String,
}

pub async fn save_profile(
    State(state): State<AppState>,
    me: Me,
    CsrfForm(input): CsrfForm<ProfileForm>,
) -> Result<Response, PageError> {
    let Me { v, s } = &me;
    let typed = ProfileInput {
        name: input.name,
        locale: input.locale,
    };
    match profile::update(state.store.as_ref(), &s.user, &typed).await {
        Ok(()) => Ok(Redirect::to("/account?done=profile").into_response()),
        Err(ProfileError::Invalid(e)) => {
            let form = FormView::new()
                .with("name", &typed.name)
                .with("locale", &typed.locale)
                .with_errors(&e, &v.tr);
            render(
                &state,
                &me,
                form,
                FormView::new(),
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(ProfileError::Store(e)) => Err(PageError::from_store(e, &v.tr)),
    }
}

#[derive(Debug, Deserialize)]
pub struct PasswordForm {
    #[serde(default)]
    current_password: String,
    #[serde(default)]
    password: String,
    #[serde(default)]
    password_confirm: String,
}

pub async fn change_password(
    State(state): State<AppState>,
    me: Me,
    CsrfForm(input): CsrfForm<PasswordForm>,
) -> Result<Response, PageError> {
    let Me { v, s } = &me;
    let new = NewPassword {
        password: input.password,
        confirm: input.password_confirm,
    };
    match password::change(
        state.store.as_ref(),
        &s.user,
        &input.current_password,
        &new,
        &s.session.token_hash,
    )
    .await
    {
        Ok(()) => Ok(Redirect::to("/account?done=password").into_response()),
        Err(PasswordError::Invalid(e)) => {
            let mut form = FormView::new().with_errors(&e, &v.tr);
            // "Not the password" is this form's own wording.
            if e.0
                .iter()
                .any(|f| f.field == "current_password" && f.issue == Issue::Invalid)
            {
                form = form
                    .error_message("current_password", v.tr.t("account-password-current-wrong"));
            }
            let profile = FormView::new()
                .with("name", &s.user.name)
                .with("locale", s.locale.map(Locale::tag).unwrap_or_default());
            render(
                &state,
                &me,
                profile,
                form,
                None,
                StatusCode::UNPROCESSABLE_ENTITY,
            )
            .await
        }
        Err(PasswordError::Store(e)) => Err(PageError::from_store(e, &v.tr)),
        Err(PasswordError::Hash(_) | PasswordError::DeadLink) => Err(PageError::internal(&v.tr)),
    }
}

pub async fn sign_out_session(
    State(state): State<AppState>,
    Me { v, s }: Me,
    Path(id): Path<String>,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    // An id that is no session of this person's is as good as signed out.
    if let Ok(id) = id.parse::<SessionId>() {
        sessions::sign_out(state.store.as_ref(), s.user.id, id)
            .await
            .map_err(|e| PageError::from_store(e, &v.tr))?;
    }
    Ok(Redirect::to("/account?done=session").into_response())
}

pub async fn sign_out_others(
    State(state): State<AppState>,
    Me { v, s }: Me,
    CsrfForm(_): CsrfForm<serde_json::Value>,
) -> Result<Response, PageError> {
    sessions::sign_out_others(state.store.as_ref(), s.user.id, &s.session.token_hash)
        .await
        .map_err(|e| PageError::from_store(e, &v.tr))?;
    Ok(Redirect::to("/account?done=others").into_response())
}
