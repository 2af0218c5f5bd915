//! The audit log over the API: read by owners, page by page; its retention read and set.
//! Tokens reach none of it: governing the data is for the people who answer for it.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::ApiJson;
use crate::http::period::api_period;
use axum::Json;
use axum::extract::{RawQuery, State};
use taith_app::audit::{self, AuditError};
use taith_domain::{Action, Issue, ValidationErrors};

impl From<AuditError> for ApiError {
    fn from(e: AuditError) -> Self {
        match e {
            AuditError::Invalid(v) => v.into(),
            AuditError::Store(s) => s.into(),
        }
    }
}

/// The audit log: every change made in the workspace and every read of personal data in
/// bulk (customers' pages, comments, conversations, cases, exports), with who, when, from
/// which address and the outcome; newest first, 100 at a time. Owners only.
#[utoipa::path(
    get,
    path = "/api/v1/audit",
    tag = "audit",
    security(("bearer" = [])),
    params(
        ("period" = Option<String>, Query, description = "`7d`, `30d`, `90d` (default), `quarter`, `year`, or `custom` with `from` and `to`"),
        ("from" = Option<String>, Query, description = "First day (YYYY-MM-DD) of a custom period"),
        ("to" = Option<String>, Query, description = "Last day (YYYY-MM-DD) of a custom period, inclusive"),
        ("before" = Option<String>, Query, description = "The `next` of the previous page"),
    ),
    responses(
        (status = 200, description = "A page of the log", body = wire::AuditLog),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not an owner (tokens never are)", body = ErrorBody),
        (status = 422, description = "Bad `period`, `from`, `to` or `before`", body = ErrorBody),
    )
)]
pub async fn get_audit(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(query): RawQuery,
) -> Result<Json<wire::AuditLog>, ApiError> {
    caller.require(Action::Govern)?;
    let period = api_period(query.as_deref())?;
    let pairs: Vec<(String, String)> =
        serde_urlencoded::from_str(query.as_deref().unwrap_or("")).unwrap_or_default();
    let before = match pairs.iter().find(|(k, _)| k == "before") {
        None => None,
        Some((_, v)) => Some(
            super::read_cursor(v.trim())
                .ok_or_else(|| ValidationErrors::one("before", Issue::Invalid))?,
        ),
    };
    let entries = audit::page(state.store.as_ref(), caller.workspace_id, &period, before).await?;
    let next = match entries.last() {
        Some(last) if entries.len() == audit::PAGE as usize => {
            Some(super::cursor(last.at, last.id))
        }
        _ => None,
    };
    Ok(Json(wire::AuditLog {
        entries: entries.iter().map(wire::AuditEntry::from).collect(),
        next,
    }))
}

/// How many months the audit log is kept.
#[utoipa::path(
    get,
    path = "/api/v1/audit/retention",
    tag = "audit",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The retention", body = wire::AuditRetention),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not an owner", body = ErrorBody),
    )
)]
pub async fn get_retention(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::AuditRetention>, ApiError> {
    caller.require(Action::Govern)?;
    let kept = audit::retention(state.store.as_ref(), caller.workspace_id).await?;
    Ok(Json(wire::AuditRetention {
        months: i64::from(kept.months()),
    }))
}

/// Sets how many months the audit log is kept; older entries go at the next daily run.
#[utoipa::path(
    put,
    path = "/api/v1/audit/retention",
    tag = "audit",
    security(("bearer" = [])),
    request_body = wire::AuditRetention,
    responses(
        (status = 200, description = "The retention as saved", body = wire::AuditRetention),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not an owner", body = ErrorBody),
        (status = 422, description = "`months` is not 1 to 120", body = ErrorBody),
    )
)]
pub async fn put_retention(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::AuditRetention>,
) -> Result<Json<wire::AuditRetention>, ApiError> {
    caller.require(Action::Govern)?;
    let months = body.into_inner()?.months;
    let kept = audit::set_retention(
        state.store.as_ref(),
        caller.workspace_id,
        &months.to_string(),
    )
    .await?;
    Ok(Json(wire::AuditRetention {
        months: i64::from(kept.months()),
    }))
}
