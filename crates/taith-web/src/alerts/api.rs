//! Alert rules over the API: list, create, read, update, delete, and a rule's firings. Every
//! rule is in `taith_app::alerts`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_app::alerts::Refused;
use taith_domain::{Action, AlertRuleId};

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Invalid(v) => v.into(),
            Refused::Store(s) => s.into(),
        }
    }
}

/// The workspace's alert rules, oldest first, with whether each is firing.
#[utoipa::path(
    get,
    path = "/api/v1/alerts",
    tag = "alerts",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of rules", body = wire::AlertList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_alerts(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::AlertList>, ApiError> {
    caller.require(Action::Read)?;
    let rules = state.store.alert_rules(caller.workspace_id).await?;
    let (rules, next_cursor) = paging.page_of(rules, |r| r.id)?;
    Ok(Json(wire::AlertList {
        alerts: rules.iter().map(wire::Alert::from).collect(),
        next_cursor,
    }))
}

/// Makes a rule. It is evaluated as responses arrive and every minute.
#[utoipa::path(
    post,
    path = "/api/v1/alerts",
    tag = "alerts",
    security(("bearer" = [])),
    request_body = wire::AlertWrite,
    responses(
        (status = 201, description = "The new rule", body = wire::AlertResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage alerts (owners, admins, write tokens)", body = ErrorBody),
        (status = 422, description = "Invalid fields; a theme, journey, touchpoint or member of no such thing in this workspace is `not_found`", body = ErrorBody),
    )
)]
pub async fn create_alert(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::AlertWrite>,
) -> Result<(StatusCode, Json<wire::AlertResponse>), ApiError> {
    caller.require(Action::ManageAlerts)?;
    let fields = body.into_inner()?.input().parse()?;
    let rule = state
        .app
        .alerts
        .create(state.store.as_ref(), caller.workspace_id, &fields)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::AlertResponse {
            alert: (&rule).into(),
        }),
    ))
}

/// One rule.
#[utoipa::path(
    get,
    path = "/api/v1/alerts/{alert_id}",
    tag = "alerts",
    security(("bearer" = [])),
    params(("alert_id" = Uuid, Path, description = "The rule's id")),
    responses(
        (status = 200, description = "The rule", body = wire::AlertResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such rule in this workspace", body = ErrorBody),
    )
)]
pub async fn get_alert(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<AlertRuleId>,
) -> Result<Json<wire::AlertResponse>, ApiError> {
    caller.require(Action::Read)?;
    let rule = state.store.alert_rule(caller.workspace_id, id).await?;
    Ok(Json(wire::AlertResponse {
        alert: (&rule).into(),
    }))
}

/// Replaces a rule's settings (the whole rule). Its firings stay.
#[utoipa::path(
    put,
    path = "/api/v1/alerts/{alert_id}",
    tag = "alerts",
    security(("bearer" = [])),
    params(("alert_id" = Uuid, Path, description = "The rule's id")),
    request_body = wire::AlertWrite,
    responses(
        (status = 200, description = "The changed rule", body = wire::AlertResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage alerts", body = ErrorBody),
        (status = 404, description = "No such rule in this workspace", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn update_alert(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<AlertRuleId>,
    body: ApiJson<wire::AlertWrite>,
) -> Result<Json<wire::AlertResponse>, ApiError> {
    caller.require(Action::ManageAlerts)?;
    state.store.alert_rule(caller.workspace_id, id).await?;
    let fields = body.into_inner()?.input().parse()?;
    let rule = state
        .app
        .alerts
        .update(state.store.as_ref(), caller.workspace_id, id, &fields)
        .await?;
    Ok(Json(wire::AlertResponse {
        alert: (&rule).into(),
    }))
}

/// Deletes a rule with its firings.
#[utoipa::path(
    delete,
    path = "/api/v1/alerts/{alert_id}",
    tag = "alerts",
    security(("bearer" = [])),
    params(("alert_id" = Uuid, Path, description = "The rule's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to manage alerts", body = ErrorBody),
        (status = 404, description = "No such rule in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_alert(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<AlertRuleId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::ManageAlerts)?;
    state
        .store
        .delete_alert_rule(caller.workspace_id, id)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// A rule's firings, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/alerts/{alert_id}/firings",
    tag = "alerts",
    security(("bearer" = [])),
    params(("alert_id" = Uuid, Path, description = "The rule's id"), crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of firings", body = wire::FiringList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such rule in this workspace", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_firings(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<AlertRuleId>,
    paging: Paging,
) -> Result<Json<wire::FiringList>, ApiError> {
    caller.require(Action::Read)?;
    let page = state
        .store
        .alert_firings(caller.workspace_id, id, paging.request()?)
        .await?;
    Ok(Json(wire::FiringList {
        firings: page.items.iter().map(wire::Firing::from).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}
