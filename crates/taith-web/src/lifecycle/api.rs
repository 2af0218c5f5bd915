//! The customer lifecycle over the API: subscription events, and the churn and retention
//! figures of `GET /api/v1/metrics`. Every rule is in `taith_app::lifecycle`.

use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use taith_app::lifecycle::{self, Refused};
use taith_domain::{Action, CustomerId};
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Invalid(v) => v.into(),
            Refused::Store(s) => s.into(),
        }
    }
}

/// A subscription change.
#[derive(Debug, Deserialize, ToSchema)]
pub struct LifecycleEventCreate {
    /// `started`, `ended` or `renewed`.
    #[serde(rename = "type", default)]
    pub kind: String,
    /// RFC 3339 (or `YYYY-MM-DD HH:MM`, UTC); missing: now.
    #[serde(default)]
    pub at: Option<String>,
}

/// A customer's current subscription.
#[derive(Debug, Serialize, ToSchema)]
pub struct CustomerSpan {
    pub customer_id: Uuid,
    #[serde(with = "time::serde::rfc3339::option")]
    pub started_at: Option<OffsetDateTime>,
    /// Null while still a customer.
    #[serde(with = "time::serde::rfc3339::option")]
    pub ended_at: Option<OffsetDateTime>,
}

/// Records a customer's subscription start, end or renewal: `started` starts a new span,
/// `renewed` clears the end, `ended` sets it. The churn and retention figures read them.
#[utoipa::path(
    post,
    path = "/api/v1/customers/{customer_id}/events",
    tag = "customers",
    security(("bearer" = [])),
    params(("customer_id" = Uuid, Path, description = "The customer's id")),
    request_body = LifecycleEventCreate,
    responses(
        (status = 201, description = "The customer's subscription after the change", body = CustomerSpan),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed (viewers, analysts, read-only tokens)", body = ErrorBody),
        (status = 404, description = "No such customer in this workspace", body = ErrorBody),
        (status = 422, description = "`type`: `required` or `unknown_value`; `at`: `invalid`", body = ErrorBody),
    )
)]
pub async fn create_event(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(customer): ApiPath<CustomerId>,
    body: ApiJson<LifecycleEventCreate>,
) -> Result<(StatusCode, Json<CustomerSpan>), ApiError> {
    caller.require(Action::Read)?;
    let ws = caller.workspace_id;
    state.store.customer(ws, customer).await?;
    caller.require(Action::SubmitResponses)?;
    let b = body.into_inner()?;
    let span =
        lifecycle::record_event(state.store.as_ref(), ws, customer, &b.kind, b.at.as_deref())
            .await?;
    Ok((
        StatusCode::CREATED,
        Json(CustomerSpan {
            customer_id: span.customer_id.as_uuid(),
            started_at: span.started_at,
            ended_at: span.ended_at,
        }),
    ))
}

/// `metric=churn_rate` or `retention_rate`.
pub fn lifecycle_metric(raw: Option<&str>) -> Result<Option<&'static str>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    Ok(pairs
        .iter()
        .find(|(k, _)| k == "metric")
        .and_then(|(_, v)| match v.trim() {
            "churn_rate" => Some("churn_rate"),
            "retention_rate" => Some("retention_rate"),
            "repeat_purchase_rate" => Some("repeat_purchase_rate"),
            _ => None,
        }))
}

/// `{"metric": "churn_rate", "groups": [...]}`: one group, the period's.
#[derive(Debug, Serialize, ToSchema)]
pub struct LifecycleMetricAnswer {
    pub metric: &'static str,
    pub groups: Vec<LifecycleMetricGroup>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct LifecycleMetricGroup {
    pub key: HashMap<String, String>,
    /// Customers at the start of the period.
    pub n: u64,
    /// In %; null when there were no customers at the start.
    pub value: Option<f64>,
    pub ci95: Option<[f64; 2]>,
    pub small_sample: bool,
    pub at_start: u64,
    pub at_end: u64,
    pub new: u64,
    pub lost: u64,
}

/// `{"metric": "repeat_purchase_rate", "groups": [...]}`: customers with at least two
/// `conversion` events in the period among those with at least one.
#[derive(Debug, Serialize, ToSchema)]
pub struct RepeatPurchaseAnswer {
    pub metric: &'static str,
    pub groups: Vec<RepeatPurchaseGroup>,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct RepeatPurchaseGroup {
    pub key: HashMap<String, String>,
    /// Customers with at least one conversion.
    pub n: u64,
    /// In %; null when nobody bought.
    pub value: Option<f64>,
    pub ci95: Option<[f64; 2]>,
    pub small_sample: bool,
    /// Customers with two or more.
    pub repeat: u64,
}

/// Churn or retention of the period `from`–`to` (days, UTC, inclusive; both required).
pub async fn lifecycle_metric_answer(
    state: &AppState,
    caller: &Caller,
    metric: &'static str,
    raw: Option<&str>,
) -> Result<Response, ApiError> {
    caller.require(Action::Read)?;
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    let get = |k: &str| pairs.iter().find(|(p, _)| p == k).map(|(_, v)| v.as_str());
    for required in ["from", "to"] {
        if get(required).is_none_or(|v| v.trim().is_empty()) {
            return Err(taith_domain::ValidationErrors::one(
                required,
                taith_domain::Issue::Required,
            )
            .into());
        }
    }
    let (from, to) = crate::conversations::api::period(get("from"), get("to"))?;
    let round1 = taith_app::metrics::round1;
    if metric == "repeat_purchase_rate" {
        let r = lifecycle::repeat_purchase_of(state.store.as_ref(), caller.workspace_id, from, to)
            .await?;
        return Ok(Json(RepeatPurchaseAnswer {
            metric,
            groups: vec![RepeatPurchaseGroup {
                key: HashMap::new(),
                n: r.buyers,
                value: r.rate.map(round1),
                ci95: r.ci95.map(|(a, b)| [round1(a), round1(b)]),
                small_sample: r.small_sample,
                repeat: r.repeat,
            }],
        })
        .into_response());
    }
    let c = lifecycle::churn_of(state.store.as_ref(), caller.workspace_id, from, to).await?;
    let (value, ci) = if metric == "churn_rate" {
        (c.churn_rate, c.churn_ci95)
    } else {
        (c.retention_rate, c.retention_ci95)
    };
    Ok(Json(LifecycleMetricAnswer {
        metric,
        groups: vec![LifecycleMetricGroup {
            key: HashMap::new(),
            n: c.at_start,
            value: value.map(round1),
            ci95: ci.map(|(a, b)| [round1(a), round1(b)]),
            small_sample: c.small_sample,
            at_start: c.at_start,
            at_end: c.at_end,
            new: c.new,
            lost: c.lost,
        }],
    })
    .into_response())
}
