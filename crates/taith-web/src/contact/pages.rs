//! The contact budget's settings page (`/w/{slug}/contact`): owners and admins set how often
//! a customer may be asked (`Action::ManageContact`); everyone else reads it.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::contact::{self, ContactError};
use taith_domain::Action;
use taith_domain::contact::{Policy, PolicyInput};

#[derive(Template, WebTemplate)]
#[template(path = "contact/settings.html")]
pub struct SettingsPage {
    l: Layout,
    form: FormView,
    count_notices: bool,
    can_edit: bool,
    summary: String,
    notice: Option<String>,
}

fn page(m: &Member, policy: &Policy, form: FormView, notice: Option<String>) -> SettingsPage {
    let form = if form.has_errors() {
        form
    } else {
        FormView::new()
            .with("max_asks", policy.max_asks)
            .with("window_days", policy.window_days)
            .with("quiet_days", policy.quiet_days)
    };
    SettingsPage {
        form,
        count_notices: policy.count_notices,
        can_edit: m.may(Action::ManageContact),
        summary: m.tr().ta(
            "contact-summary",
            &[
                ("asks", policy.max_asks.to_string()),
                ("days", policy.window_days.to_string()),
                ("quiet", policy.quiet_days.to_string()),
            ],
        ),
        notice,
        l: m.layout("contact"),
    }
}

#[derive(Debug, Default, Deserialize)]
pub struct DoneQuery {
    #[serde(default)]
    done: String,
}

pub async fn show(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<DoneQuery>,
) -> Result<SettingsPage, PageError> {
    m.require(Action::Read)?;
    let policy = contact::policy(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    let notice = (q.done == "saved").then(|| m.tr().t("contact-saved"));
    Ok(page(&m, &policy, FormView::new(), notice))
}

#[derive(Debug, Deserialize)]
pub struct PolicyForm {
    #[serde(default)]
    max_asks: String,
    #[serde(default)]
    window_days: String,
    #[serde(default)]
    quiet_days: String,
    #[serde(default)]
    count_notices: Option<String>,
}

pub async fn save(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(form): CsrfForm<PolicyForm>,
) -> Result<Response, PageError> {
    m.require(Action::ManageContact)?;
    let input = PolicyInput {
        max_asks: form.max_asks.clone(),
        window_days: form.window_days.clone(),
        quiet_days: form.quiet_days.clone(),
        count_notices: form.count_notices.is_some(),
    };
    match contact::set_policy(state.store.as_ref(), m.workspace.id, &input).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/contact?done=saved", m.base())).into_response()),
        Err(ContactError::Invalid(v)) => {
            let policy = contact::policy(state.store.as_ref(), m.workspace.id)
                .await
                .map_err(|e| PageError::from_store(e, m.tr()))?;
            let view = FormView::new()
                .with("max_asks", &form.max_asks)
                .with("window_days", &form.window_days)
                .with("quiet_days", &form.quiet_days)
                .with_errors(&v, m.tr());
            let mut res = page(&m, &policy, view, None).into_response();
            *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(ContactError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}
