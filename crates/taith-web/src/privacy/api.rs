//! Data requests and data retention over the API. Export and erasure are for owners and
//! write tokens (a business's own system passing on a customer's request); the retention
//! setting is for owners.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use taith_app::privacy::{self, PrivacyError};
use taith_domain::{Action, CustomerId};

impl From<PrivacyError> for ApiError {
    fn from(e: PrivacyError) -> Self {
        match e {
            PrivacyError::Invalid(v) => v.into(),
            PrivacyError::Store(s) => s.into(),
        }
    }
}

/// Everything held about a customer, as one JSON document (`format`
/// `taith-customer-export/1`): their profile and, by kind, their responses, comment
/// analyses, events, invitations, consents, contact asks, lifecycle, notices, votes, cases
/// with their log and replies, conversations with messages, notes, mail and chats, and the
/// questions they asked the bot. For answering "what do you hold about me?".
#[utoipa::path(
    get,
    path = "/api/v1/customers/{customer_id}/export",
    tag = "customers",
    security(("bearer" = [])),
    params(("customer_id" = uuid::Uuid, Path, description = "The customer's id")),
    responses(
        (status = 200, description = "The export", body = wire::CustomerExport),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not an owner or a write token", body = ErrorBody),
        (status = 404, description = "No such customer in this workspace", body = ErrorBody),
    )
)]
pub async fn export(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(customer): ApiPath<CustomerId>,
) -> Result<Response, ApiError> {
    caller.require(Action::AnswerDataRequests)?;
    let document = privacy::export(state.store.as_ref(), caller.workspace_id, customer).await?;
    let mut response = Json(document).into_response();
    response.headers_mut().insert(
        header::CONTENT_DISPOSITION,
        HeaderValue::from_static("attachment; filename=\"customer-export.json\""),
    );
    Ok(response)
}

/// Erases a customer: their profile, what they wrote, their addresses and every link to
/// them, in one transaction. Their responses, events, conversations and cases stay as
/// anonymous records, so past figures do not change. Cannot be undone. Erased already: 404.
#[utoipa::path(
    delete,
    path = "/api/v1/customers/{customer_id}",
    tag = "customers",
    security(("bearer" = [])),
    params(("customer_id" = uuid::Uuid, Path, description = "The customer's id")),
    responses(
        (status = 200, description = "Erased; what was done", body = wire::Erased),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not an owner or a write token", body = ErrorBody),
        (status = 404, description = "No such customer in this workspace (or erased already)", body = ErrorBody),
    )
)]
pub async fn erase(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(customer): ApiPath<CustomerId>,
) -> Result<Json<wire::Erased>, ApiError> {
    caller.require(Action::AnswerDataRequests)?;
    let done = privacy::erase(state.store.as_ref(), caller.workspace_id, customer).await?;
    Ok(Json(done.into()))
}

/// How long responses, events and conversations are kept.
#[utoipa::path(
    get,
    path = "/api/v1/data-retention",
    tag = "customers",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The retention", body = wire::DataRetention),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not an owner", body = ErrorBody),
    )
)]
pub async fn get_retention(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::DataRetention>, ApiError> {
    caller.require(Action::Govern)?;
    let kept = privacy::retention(state.store.as_ref(), caller.workspace_id).await?;
    Ok(Json(wire::DataRetention {
        months: kept.months().map(i64::from),
    }))
}

/// Sets how long responses, events and conversations are kept (`{"months": 36}`, or null for
/// good); older ones are erased at the next daily run.
#[utoipa::path(
    put,
    path = "/api/v1/data-retention",
    tag = "customers",
    security(("bearer" = [])),
    request_body = wire::DataRetention,
    responses(
        (status = 200, description = "The retention as saved", body = wire::DataRetention),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not an owner", body = ErrorBody),
        (status = 422, description = "`months` is not 1 to 120", body = ErrorBody),
    )
)]
pub async fn put_retention(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::DataRetention>,
) -> Result<Json<wire::DataRetention>, ApiError> {
    caller.require(Action::Govern)?;
    let months = body
        .into_inner()?
        .months
        .map(|m| m.to_string())
        .unwrap_or_default();
    let kept = privacy::set_retention(state.store.as_ref(), caller.workspace_id, &months).await?;
    Ok(Json(wire::DataRetention {
        months: kept.months().map(i64::from),
    }))
}
