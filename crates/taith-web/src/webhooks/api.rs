//! Webhook endpoints over the API: list, create, read, update, delete, rotate the secret, an
//! endpoint's deliveries and redelivery by hand. Every rule is in `taith_app::webhooks`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_app::webhooks::Refused;
use taith_domain::{Action, WebhookDeliveryId, WebhookEndpointId};

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Invalid(v) => v.into(),
            Refused::NoRandomness => ApiError::new(crate::http::error::ErrorCode::Internal),
            Refused::Store(s) => s.into(),
        }
    }
}

/// The workspace's endpoints, oldest first (never their secrets).
#[utoipa::path(
    get,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of endpoints", body = wire::WebhookList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage webhooks (owners, admins, write tokens)", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_webhooks(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::WebhookList>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    let all = state.store.webhook_endpoints(caller.workspace_id).await?;
    let (items, next_cursor) = paging.page_of(all, |e| e.id)?;
    Ok(Json(wire::WebhookList {
        webhooks: items.iter().map(wire::Webhook::from).collect(),
        next_cursor,
    }))
}

/// Makes an endpoint. The answer carries its secret, shown this once.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks",
    tag = "webhooks",
    security(("bearer" = [])),
    request_body = wire::WebhookWrite,
    responses(
        (status = 201, description = "The new endpoint and its secret", body = wire::WebhookCreated),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage webhooks", body = ErrorBody),
        (status = 422, description = "Invalid fields; an address that is or resolves to an internal one is `internal_address` on `url`", body = ErrorBody),
    )
)]
pub async fn create_webhook(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::WebhookWrite>,
) -> Result<(StatusCode, Json<wire::WebhookCreated>), ApiError> {
    caller.require(Action::ManageAlerts)?;
    let fields = body.into_inner()?.input().parse()?;
    let (endpoint, secret) = state
        .app
        .webhooks
        .create(state.store.as_ref(), caller.workspace_id, &fields)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::WebhookCreated {
            webhook: (&endpoint).into(),
            secret,
        }),
    ))
}

/// One endpoint (without its secret).
#[utoipa::path(
    get,
    path = "/api/v1/webhooks/{webhook_id}",
    tag = "webhooks",
    security(("bearer" = [])),
    params(("webhook_id" = Uuid, Path, description = "The endpoint's id")),
    responses(
        (status = 200, description = "The endpoint", body = wire::WebhookResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage webhooks", body = ErrorBody),
        (status = 404, description = "No such endpoint in this workspace", body = ErrorBody),
    )
)]
pub async fn get_webhook(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
) -> Result<Json<wire::WebhookResponse>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    let e = state
        .store
        .webhook_endpoint(caller.workspace_id, id)
        .await?;
    Ok(Json(wire::WebhookResponse {
        webhook: (&e).into(),
    }))
}

/// Replaces an endpoint's settings (the whole endpoint; the secret stays).
#[utoipa::path(
    put,
    path = "/api/v1/webhooks/{webhook_id}",
    tag = "webhooks",
    security(("bearer" = [])),
    params(("webhook_id" = Uuid, Path, description = "The endpoint's id")),
    request_body = wire::WebhookWrite,
    responses(
        (status = 200, description = "The changed endpoint", body = wire::WebhookResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage webhooks", body = ErrorBody),
        (status = 404, description = "No such endpoint in this workspace", body = ErrorBody),
        (status = 422, description = "Invalid fields (`internal_address` on `url`)", body = ErrorBody),
    )
)]
pub async fn update_webhook(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
    body: ApiJson<wire::WebhookWrite>,
) -> Result<Json<wire::WebhookResponse>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    state
        .store
        .webhook_endpoint(caller.workspace_id, id)
        .await?;
    let fields = body.into_inner()?.input().parse()?;
    let e = state
        .app
        .webhooks
        .update(state.store.as_ref(), caller.workspace_id, id, &fields)
        .await?;
    Ok(Json(wire::WebhookResponse {
        webhook: (&e).into(),
    }))
}

/// Deletes an endpoint with its delivery log.
#[utoipa::path(
    delete,
    path = "/api/v1/webhooks/{webhook_id}",
    tag = "webhooks",
    security(("bearer" = [])),
    params(("webhook_id" = Uuid, Path, description = "The endpoint's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage webhooks", body = ErrorBody),
        (status = 404, description = "No such endpoint in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_webhook(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::ManageAlerts)?;
    state
        .store
        .delete_webhook_endpoint(caller.workspace_id, id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Gives an endpoint a new secret, shown this once. For 24 hours the old secret signs too:
/// each delivery carries both signatures, space-separated.
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{webhook_id}/rotate",
    tag = "webhooks",
    security(("bearer" = [])),
    params(("webhook_id" = Uuid, Path, description = "The endpoint's id")),
    responses(
        (status = 200, description = "The endpoint and its new secret", body = wire::WebhookCreated),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage webhooks", body = ErrorBody),
        (status = 404, description = "No such endpoint in this workspace", body = ErrorBody),
    )
)]
pub async fn rotate_secret(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
) -> Result<Json<wire::WebhookCreated>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    let (endpoint, secret) = state
        .app
        .webhooks
        .rotate(state.store.as_ref(), caller.workspace_id, id)
        .await?;
    Ok(Json(wire::WebhookCreated {
        webhook: (&endpoint).into(),
        secret,
    }))
}

/// The endpoint's deliveries, newest first, with each one's latest outcome.
#[utoipa::path(
    get,
    path = "/api/v1/webhooks/{webhook_id}/deliveries",
    tag = "webhooks",
    security(("bearer" = [])),
    params(("webhook_id" = Uuid, Path, description = "The endpoint's id"), crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of deliveries", body = wire::DeliveryList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage webhooks", body = ErrorBody),
        (status = 404, description = "No such endpoint in this workspace", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_deliveries(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<WebhookEndpointId>,
    paging: Paging,
) -> Result<Json<wire::DeliveryList>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    let page = state
        .store
        .webhook_deliveries(caller.workspace_id, id, paging.request()?)
        .await?;
    Ok(Json(wire::DeliveryList {
        deliveries: page.items.iter().map(wire::Delivery::from).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

/// Sends a delivery again now, whatever its state (one more attempt).
#[utoipa::path(
    post,
    path = "/api/v1/webhooks/{webhook_id}/deliveries/{delivery_id}/redeliver",
    tag = "webhooks",
    security(("bearer" = [])),
    params(
        ("webhook_id" = Uuid, Path, description = "The endpoint's id"),
        ("delivery_id" = Uuid, Path, description = "The delivery's id"),
    ),
    responses(
        (status = 200, description = "The delivery, due now", body = wire::DeliveryResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage webhooks", body = ErrorBody),
        (status = 404, description = "No such endpoint or delivery in this workspace", body = ErrorBody),
    )
)]
pub async fn redeliver(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, delivery)): ApiPath<(WebhookEndpointId, WebhookDeliveryId)>,
) -> Result<Json<wire::DeliveryResponse>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    let d = state
        .app
        .webhooks
        .redeliver(state.store.as_ref(), caller.workspace_id, id, delivery)
        .await?;
    Ok(Json(wire::DeliveryResponse {
        delivery: (&d).into(),
    }))
}
