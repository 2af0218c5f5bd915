//! The inbound e-mail settings page (`/w/{slug}/email`): where to forward or post the
//! workspace's mail, the signing secret and its rotation, and the workspace's own address.
//! Owners and admins only (`Action::ManageAlerts`, as for webhook secrets).

use super::api::settings_wire;
use super::wire::InboundSettings;
use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::conversations::Refused;
use taith_app::mail_in;
use taith_domain::Action;

#[derive(Template, WebTemplate)]
#[template(path = "mail_in/settings.html")]
pub struct SettingsPage {
    l: Layout,
    s: InboundSettings,
    form: FormView,
    limit_message: String,
    limit_attachments: String,
    notice: Option<String>,
}

fn page(
    state: &AppState,
    m: &Member,
    s: &taith_store::MailInSettings,
    form: FormView,
    notice: Option<String>,
) -> SettingsPage {
    let mb = |b: usize| b / (1024 * 1024);
    let form = if form.has_errors() {
        form
    } else {
        FormView::new().with("address", s.address.as_deref().unwrap_or(""))
    };
    SettingsPage {
        s: settings_wire(state, &m.workspace.slug, s),
        form,
        limit_message: m.tr().t1(
            "mail-in-limit-message",
            "mb",
            mb(mail_in::parse::MAX_MESSAGE_BYTES),
        ),
        limit_attachments: m.tr().ta(
            "mail-in-limit-attachments",
            &[
                ("each", mb(mail_in::parse::MAX_ATTACHMENT_BYTES).to_string()),
                (
                    "total",
                    mb(mail_in::parse::MAX_KEPT_BYTES_PER_MESSAGE).to_string(),
                ),
            ],
        ),
        notice,
        l: m.layout("email"),
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
    axum::extract::Query(q): axum::extract::Query<DoneQuery>,
) -> Result<SettingsPage, PageError> {
    m.require(Action::ManageAlerts)?;
    let s = mail_in::settings(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    let notice = match q.done.as_str() {
        "saved" => Some(m.tr().t("mail-in-done-saved")),
        "rotated" => Some(m.tr().t("mail-in-done-rotated")),
        _ => None,
    };
    Ok(page(&state, &m, &s, FormView::new(), notice))
}

#[derive(Debug, Deserialize)]
pub struct AddressForm {
    #[serde(default)]
    address: String,
}

pub async fn save_address(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(form): CsrfForm<AddressForm>,
) -> Result<Response, PageError> {
    m.require(Action::ManageAlerts)?;
    match mail_in::set_address(state.store.as_ref(), m.workspace.id, &form.address).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/email?done=saved", m.base())).into_response()),
        Err(Refused::Invalid(v)) => {
            let s = mail_in::settings(state.store.as_ref(), m.workspace.id)
                .await
                .map_err(|e| PageError::from_store(e, m.tr()))?;
            let view = FormView::new()
                .with("address", &form.address)
                .with_errors(&v, m.tr());
            let mut res = page(&state, &m, &s, view, None).into_response();
            *res.status_mut() = axum::http::StatusCode::UNPROCESSABLE_ENTITY;
            Ok(res)
        }
        Err(Refused::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

pub async fn rotate(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(_): CsrfForm<Vec<(String, String)>>,
) -> Result<Redirect, PageError> {
    m.require(Action::ManageAlerts)?;
    mail_in::rotate_secret(state.store.as_ref(), m.workspace.id)
        .await
        .map_err(|e| PageError::from_store(e, m.tr()))?;
    Ok(Redirect::to(&format!("{}/email?done=rotated", m.base())))
}
