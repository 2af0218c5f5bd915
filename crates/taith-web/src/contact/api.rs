//! The contact budget and consent over the API. Every rule is in `taith_app::contact`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use taith_app::contact::{self, ContactError};
use taith_domain::contact::ConsentSource;
use taith_domain::{Action, CustomerId, Issue, ValidationErrors};

impl From<ContactError> for ApiError {
    fn from(e: ContactError) -> Self {
        match e {
            ContactError::Invalid(v) => v.into(),
            ContactError::Store(s) => s.into(),
        }
    }
}

/// The workspace's contact budget: at most `max_asks` asks of one customer in `window_days`
/// days across every survey and channel, none for `quiet_days` days after they answered.
#[utoipa::path(
    get,
    path = "/api/v1/contact-policy",
    tag = "customers",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The policy (the default when none was saved)", body = wire::ContactPolicy),
        (status = 401, description = "No valid credentials", body = ErrorBody),
    )
)]
pub async fn get_policy(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::ContactPolicy>, ApiError> {
    caller.require(Action::Read)?;
    let policy = contact::policy(state.store.as_ref(), caller.workspace_id).await?;
    Ok(Json(policy.into()))
}

/// Replaces the workspace's contact budget.
#[utoipa::path(
    put,
    path = "/api/v1/contact-policy",
    tag = "customers",
    security(("bearer" = [])),
    request_body = wire::ContactPolicyWrite,
    responses(
        (status = 200, description = "The saved policy", body = wire::ContactPolicy),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "A read-only token, or a member other than an owner or admin", body = ErrorBody),
        (status = 422, description = "`max_asks` (1–50), `window_days` (1–365), `quiet_days` (0–365): `required` or `invalid`", body = ErrorBody),
    )
)]
pub async fn put_policy(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::ContactPolicyWrite>,
) -> Result<Json<wire::ContactPolicy>, ApiError> {
    caller.require(Action::ManageContact)?;
    let input = body.into_inner()?.input();
    let policy = contact::set_policy(state.store.as_ref(), caller.workspace_id, &input).await?;
    Ok(Json(policy.into()))
}

/// A customer's consent per purpose (`surveys`, `notices`), with where and when it was said.
#[utoipa::path(
    get,
    path = "/api/v1/customers/{customer_id}/consent",
    tag = "customers",
    security(("bearer" = [])),
    params(("customer_id" = uuid::Uuid, Path, description = "The customer's id")),
    responses(
        (status = 200, description = "The customer's consents", body = wire::Consents),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "A viewer", body = ErrorBody),
        (status = 404, description = "No such customer in this workspace", body = ErrorBody),
    )
)]
pub async fn get_consent(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(customer): ApiPath<CustomerId>,
) -> Result<Json<wire::Consents>, ApiError> {
    caller.require(Action::ReadResponses)?;
    let consents = contact::consents(state.store.as_ref(), caller.workspace_id, customer).await?;
    Ok(Json(wire::Consents::of(&consents)))
}

/// Records a customer's consent for the purposes given (`{"surveys": false}`), from the API or
/// an import (`source`). Withdrawn consent for surveys stops invitations, reminders and the
/// widget's prompt; for notices, "we did" notices.
#[utoipa::path(
    put,
    path = "/api/v1/customers/{customer_id}/consent",
    tag = "customers",
    security(("bearer" = [])),
    params(("customer_id" = uuid::Uuid, Path, description = "The customer's id")),
    request_body = wire::ConsentsWrite,
    responses(
        (status = 200, description = "The customer's consents afterwards", body = wire::Consents),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "A viewer, an analyst or a read-only token", body = ErrorBody),
        (status = 404, description = "No such customer in this workspace", body = ErrorBody),
        (status = 422, description = "`source`: `unknown_value` (only `api` or `import`)", body = ErrorBody),
    )
)]
pub async fn put_consent(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(customer): ApiPath<CustomerId>,
    body: ApiJson<wire::ConsentsWrite>,
) -> Result<Json<wire::Consents>, ApiError> {
    caller.require(Action::Read)?;
    let ws = caller.workspace_id;
    // Another workspace's customer is a 404 whoever asks.
    state.store.customer(ws, customer).await?;
    caller.require(Action::SubmitResponses)?;
    let body = body.into_inner()?;
    let source = match body.source.as_deref().map(str::trim) {
        None | Some("" | "api") => ConsentSource::Api,
        Some("import") => ConsentSource::Import,
        Some(_) => {
            return Err(ValidationErrors::one("source", Issue::UnknownValue).into());
        }
    };
    let consents =
        contact::set_consents(state.store.as_ref(), ws, customer, &body.changes(), source).await?;
    Ok(Json(wire::Consents::of(&consents)))
}
