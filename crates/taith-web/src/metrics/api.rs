//! `GET /api/v1/metrics`: NPS, CSAT or CES over any filters and grouping, with counts, the
//! 95% interval and the small-sample flag — the same JSON as `taith metrics --format json`.

use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use axum::Json;
use axum::extract::{RawQuery, State};
use serde::Deserialize;
use taith_app::metrics::{MetricsAnswer, MetricsError, MetricsRequest};
use taith_domain::{Action, Issue, ValidationErrors};
use utoipa::IntoParams;

/// The query string (documentation; it is read as pairs, since `where` repeats).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[allow(dead_code)]
pub struct MetricsParams {
    /// `nps`, `csat` or `ces`: computed from the answers of surveys of that kind.
    metric: String,
    /// Only this survey's answers.
    #[param(value_type = Option<uuid::Uuid>)]
    survey: Option<String>,
    /// Comma-separated: `survey`, `journey`, `stage`, `touchpoint`, `channel`, `locale`, any
    /// response attribute (`team`, `agent`, `plan`, `region`…), and one of `day`, `week` (ISO,
    /// `YYYY-Www`), `month`, `quarter`.
    by: Option<String>,
    /// First day counted, `YYYY-MM-DD`, UTC, inclusive.
    #[param(value_type = Option<String>, format = Date)]
    from: Option<String>,
    /// Last day counted, inclusive.
    #[param(value_type = Option<String>, format = Date)]
    to: Option<String>,
    /// `key:value`, repeatable: a touchpoint's or stage's or journey's name, a channel, a
    /// locale, or an attribute's value. Several values of one key: any of them; different
    /// keys: all of them.
    #[serde(rename = "where")]
    #[param(rename = "where")]
    filter: Option<Vec<String>>,
}

/// NPS, CSAT or CES of the workspace's responses, grouped as asked. Groups without
/// responses are left out; with no `by`, there is one group with an empty key (its `value`
/// and `ci95` null when nothing was counted). A response counts here as soon as it is stored.
#[utoipa::path(
    get,
    path = "/api/v1/metrics",
    tag = "metrics",
    security(("bearer" = [])),
    params(MetricsParams),
    responses(
        (status = 200, description = "The groups and their figures", body = MetricsAnswer),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "A bad parameter (`metric`, `by`, `from`, `to`, `where`, `survey`); `survey`: `invalid` also when the workspace's surveys of this kind use different scales and none is named", body = ErrorBody),
    )
)]
pub async fn get_metrics(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Json<MetricsAnswer>, ApiError> {
    caller.require(Action::Read)?;
    let request = parse_query(raw.as_deref())?;
    let answer = state
        .app
        .analytics
        .metrics(state.store.as_ref(), caller.workspace_id, &request)
        .await
        .map_err(|e| match e {
            MetricsError::Invalid(e) => e.into(),
            MetricsError::MixedScales => {
                let mut e = ValidationErrors::default();
                e.push("survey", Issue::Required);
                e.into()
            }
            MetricsError::TooManyGroups => {
                let mut e = ValidationErrors::default();
                e.push("by", Issue::TooLong);
                e.into()
            }
            MetricsError::Store(e) => ApiError::from(e),
        })?;
    Ok(Json(answer))
}

/// The query string of `GET /api/v1/metrics` read into a request: `400` when it is not a
/// query string at all, `422` naming each bad parameter.
pub fn parse_query(raw: Option<&str>) -> Result<MetricsRequest, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    let one = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let mut wheres = Vec::new();
    let mut bad_where = false;
    for (k, v) in &pairs {
        if k == "where" {
            match v.split_once(':') {
                Some((key, value)) => wheres.push((key.to_owned(), value.to_owned())),
                None => bad_where = true,
            }
        }
    }
    let mut request = MetricsRequest::parse(
        one("metric").unwrap_or(""),
        one("survey"),
        one("by"),
        one("from"),
        one("to"),
        &wheres,
    );
    if bad_where {
        let mut e = match request {
            Ok(_) => ValidationErrors::default(),
            Err(e) => e,
        };
        e.push("where", Issue::Invalid);
        request = Err(e);
    }
    request.map_err(ApiError::from)
}
