//! The privacy page (`/w/{slug}/privacy`), for owners: find a customer by address to answer
//! their request, and set how long responses, events and conversations are kept. A
//! customer's export and erasure are reached from their page.

use crate::AppState;
use crate::http::ctx::{CsrfForm, Member};
use crate::http::form::FormView;
use crate::http::layout::Layout;
use crate::http::page_error::PageError;
use askama::Template;
use askama_web::WebTemplate;
use axum::extract::{Path, Query, State};
use axum::http::{HeaderValue, StatusCode, header};
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;
use taith_app::privacy::{self, PrivacyError};
use taith_domain::{Action, CustomerId};
use taith_store::StoreError;

#[derive(Template, WebTemplate)]
#[template(path = "privacy/page.html")]
pub struct PrivacyPage {
    l: Layout,
    /// Shown after an erasure.
    erased: bool,
    find: FormView,
    retention: FormView,
}

#[derive(Debug, Deserialize, Default)]
pub struct PrivacyQuery {
    #[serde(default)]
    pub erased: Option<String>,
}

async fn privacy_page(
    state: &AppState,
    m: &Member,
    erased: bool,
    find: FormView,
    retention: FormView,
) -> Result<PrivacyPage, PageError> {
    let retention = if retention.v("months").is_empty() && !retention.has_errors() {
        let kept = privacy::retention(state.store.as_ref(), m.workspace.id)
            .await
            .map_err(|e| PageError::from_store(e, m.tr()))?;
        retention.with(
            "months",
            kept.months().map(|n| n.to_string()).unwrap_or_default(),
        )
    } else {
        retention
    };
    Ok(PrivacyPage {
        erased,
        find,
        retention,
        l: m.layout("privacy"),
    })
}

/// `GET /w/{slug}/privacy`.
pub async fn page(
    State(state): State<AppState>,
    m: Member,
    Query(q): Query<PrivacyQuery>,
) -> Result<PrivacyPage, PageError> {
    m.require(Action::Govern)?;
    privacy_page(
        &state,
        &m,
        q.erased.is_some(),
        FormView::new(),
        FormView::new(),
    )
    .await
}

#[derive(Debug, Deserialize)]
pub struct FindForm {
    #[serde(default)]
    pub email: String,
}

/// `POST /w/{slug}/privacy/find`: to the customer's page, where their export and erasure
/// are; no such customer, the page again saying so.
pub async fn find(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(f): CsrfForm<FindForm>,
) -> Result<Response, PageError> {
    m.require(Action::AnswerDataRequests)?;
    let tr = m.tr();
    let form = FormView::new().with("email", f.email.trim());
    let form = match privacy::find_by_email(state.store.as_ref(), m.workspace.id, &f.email).await {
        Ok(c) => {
            return Ok(
                Redirect::to(&format!("{}/customers/{}#data-request", m.base(), c.id))
                    .into_response(),
            );
        }
        Err(PrivacyError::Invalid(errors)) => form.with_errors(&errors, tr),
        Err(PrivacyError::Store(StoreError::NotFound)) => {
            form.error_message("email", tr.t("privacy-find-none"))
        }
        Err(PrivacyError::Store(e)) => return Err(PageError::from_store(e, tr)),
    };
    let page = privacy_page(&state, &m, false, form, FormView::new()).await?;
    Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
}

#[derive(Debug, Deserialize)]
pub struct RetentionForm {
    #[serde(default)]
    pub months: String,
}

/// `POST /w/{slug}/privacy/retention`.
pub async fn save_retention(
    State(state): State<AppState>,
    m: Member,
    CsrfForm(f): CsrfForm<RetentionForm>,
) -> Result<Response, PageError> {
    m.require(Action::Govern)?;
    match privacy::set_retention(state.store.as_ref(), m.workspace.id, &f.months).await {
        Ok(_) => Ok(Redirect::to(&format!("{}/privacy#retention-h", m.base())).into_response()),
        Err(PrivacyError::Invalid(errors)) => {
            let form = FormView::new()
                .with("months", &f.months)
                .with_errors(&errors, m.tr());
            let page = privacy_page(&state, &m, false, FormView::new(), form).await?;
            Ok((StatusCode::UNPROCESSABLE_ENTITY, page).into_response())
        }
        Err(PrivacyError::Store(e)) => Err(PageError::from_store(e, m.tr())),
    }
}

/// `GET /w/{slug}/customers/{id}/export.json`: the customer's export, as a download.
pub async fn export(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
) -> Result<Response, PageError> {
    m.require(Action::AnswerDataRequests)?;
    let tr = m.tr();
    let id: CustomerId = id.parse().map_err(|_| PageError::not_found(tr))?;
    let document = privacy::export(state.store.as_ref(), m.workspace.id, id)
        .await
        .map_err(|e| PageError::from_store(e, tr))?;
    let mut response = axum::Json(document).into_response();
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"customer-export.json\""),
    );
    Ok(response)
}

#[derive(Debug, Deserialize)]
pub struct EraseForm {
    /// The box "I understand this cannot be undone", ticked.
    #[serde(default)]
    pub confirm: Option<String>,
}

/// `POST /w/{slug}/customers/{id}/erase`: erases the customer once the box is ticked, then
/// to the privacy page saying so; not ticked, back to their page asking for it.
pub async fn erase(
    State(state): State<AppState>,
    m: Member,
    Path((_, id)): Path<(String, String)>,
    CsrfForm(f): CsrfForm<EraseForm>,
) -> Result<Response, PageError> {
    m.require(Action::AnswerDataRequests)?;
    let tr = m.tr();
    let id: CustomerId = id.parse().map_err(|_| PageError::not_found(tr))?;
    match privacy::erase_confirmed(
        state.store.as_ref(),
        m.workspace.id,
        id,
        f.confirm.is_some(),
    )
    .await
    {
        Ok(_) => {}
        Err(PrivacyError::Invalid(_)) => {
            return Ok(Redirect::to(&format!(
                "{}/customers/{id}?confirm=required#data-request",
                m.base()
            ))
            .into_response());
        }
        Err(PrivacyError::Store(e)) => return Err(PageError::from_store(e, tr)),
    }
    Ok(Redirect::to(&format!("{}/privacy?erased=1", m.base())).into_response())
}
