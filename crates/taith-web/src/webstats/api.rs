//! `GET /api/v1/metrics` for the web figures: the same parameters (`by`, `from`, `to`,
//! `where`) and answer shape as the survey metrics, plus `goal` for the conversion rate.

use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::ApiError;
use axum::Json;
use axum::response::{IntoResponse, Response};
use taith_app::webstats::{WebRequest, WebStatsError};
use taith_domain::{Action, Issue, ValidationErrors};

/// The web figure a metrics query asks for, read whole; None when it asks for another
/// metric.
pub fn web_request(raw: Option<&str>) -> Result<Option<WebRequest>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    let one = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.as_str())
    };
    let Some(metric) = one("metric").filter(|m| WebRequest::is_web_metric(m)) else {
        return Ok(None);
    };
    if one("survey").is_some_and(|s| !s.trim().is_empty()) {
        return Err(ValidationErrors::one("survey", Issue::UnknownValue).into());
    }
    let wheres: Vec<(String, String)> = pairs
        .iter()
        .filter(|(k, _)| k == "where")
        .map(|(_, v)| match v.split_once(':') {
            Some((k, v)) => (k.trim().to_owned(), v.to_owned()),
            None => (v.clone(), String::new()),
        })
        .collect();
    if wheres.iter().any(|(_, v)| v.is_empty()) {
        return Err(ValidationErrors::one("where", Issue::Invalid).into());
    }
    WebRequest::parse(
        metric,
        one("goal"),
        one("by"),
        one("from"),
        one("to"),
        &wheres,
    )
    .map(Some)
    .map_err(ApiError::from)
}

pub fn api_error(e: WebStatsError) -> ApiError {
    match e {
        WebStatsError::Invalid(v) => v.into(),
        WebStatsError::TooManyGroups => ValidationErrors::one("by", Issue::TooLong).into(),
        WebStatsError::Store(e) => ApiError::from(e),
    }
}

/// The answer to a web figure question.
pub async fn answer(
    state: &AppState,
    caller: &Caller,
    request: &WebRequest,
) -> Result<Response, ApiError> {
    caller.require(Action::Read)?;
    let store = state.store.as_ref();
    let ws = caller.workspace_id;
    let context = state
        .app
        .analytics
        .context(store, ws)
        .await
        .map_err(ApiError::from)?;
    let answer = state
        .app
        .webstats
        .figures(store, ws, &context.layout, request)
        .await
        .map_err(api_error)?;
    Ok(Json(answer.out(request.goal.as_deref())).into_response())
}
