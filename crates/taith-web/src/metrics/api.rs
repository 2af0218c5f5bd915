//! `GET /api/v1/metrics`: NPS, CSAT or CES over any filters and grouping, with counts, the
//! 95% interval and the small-sample flag — the same JSON as `taith metrics --format json`.

use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use axum::extract::{RawQuery, State};
use axum::http::{HeaderValue, header};
use axum::response::{IntoResponse, Response};
use serde::{Deserialize, Serialize};
use std::collections::HashMap;
use taith_app::metrics::{MetricsError, MetricsRequest};
use taith_domain::{Action, Issue, ValidationErrors};
use utoipa::IntoParams;

/// The query string (documentation; it is read as pairs, since `where` repeats).
#[derive(Debug, Deserialize, IntoParams)]
#[into_params(parameter_in = Query)]
#[expect(
    dead_code,
    reason = "it documents the wire shape for OpenAPI; the answer writes itself"
)]
pub struct MetricsParams {
    /// `nps`, `csat` or `ces`: computed from the answers of surveys of that kind; or
    /// `sentiment`: the share of negative comments among the analysed comments with a
    /// sentiment, in %, with its Wilson interval. `sentiment` is not grouped (`by` is a
    /// `400`) and takes `survey`, `from`, `to` and one `where` value each of `survey`,
    /// `touchpoint` (a name only one touchpoint has), `touchpoint_id`, `channel` and `locale`.
    /// Support: `first_response_time`, `resolution_time` (minutes: mean as `value`, `median`,
    /// `p90`, unanswered/open apart) and `reopen_rate` (%, Wilson), over the conversations
    /// created from `from` to `to`, `by` `team`, `agent`, `channel` or `tag`,
    /// `business_hours=true` for the SLA's hours. Lifecycle: `churn_rate` and
    /// `retention_rate` (%, Wilson) of the period `from`–`to` (both required), and
    /// `repeat_purchase_rate`: customers with two or more `conversion` events in the period
    /// among those with one or more (%, Wilson).
    ///
    /// Web figures, from the workspace's events (DESIGN §3): `visitors` (distinct visitors),
    /// `page_views`, `bounce_rate` (sessions with one page view and no other event / sessions
    /// with a page view), `conversion_rate` (sessions with a conversion, of `goal` when named /
    /// sessions), `session_duration` (mean seconds; `median` too), `task_success_rate`,
    /// `error_rate` (sessions with an error / sessions), `search_zero_result_rate`. Rates are
    /// in % with their Wilson interval and `count` (the sessions, tasks or searches counted
    /// good); `n` counts sessions, events or visitors. They group and filter by `touchpoint`,
    /// `touchpoint_id`, `stage`, `journey` (a session counts for each touchpoint it touched),
    /// `channel`, `locale`, `site`, `source` (the referrer's host), `page` (page views; a
    /// session figure filtered by `page` counts the sessions that viewed it), `query`
    /// (searches), `goal` (a filter of `conversion_rate`) and day, week, month or quarter.
    metric: String,
    /// `conversion_rate` only: the conversions of this goal.
    goal: Option<String>,
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
        (status = 400, description = "The query string could not be read; or `by` with `metric=sentiment`, which is not grouped", body = ErrorBody),
        (status = 422, description = "A bad parameter (`metric`, `by`, `from`, `to`, `where`, `survey`); `survey`: `invalid` also when the workspace's surveys of this kind use different scales and none is named; with `metric=sentiment`, `where`: `unknown_value` for a key it does not take, a second value of one key, or a touchpoint name several touchpoints have", body = ErrorBody),
    )
)]
pub async fn get_metrics(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(raw): RawQuery,
) -> Result<Response, ApiError> {
    caller.require(Action::Read)?;
    if let Some(web) = crate::webstats::api::web_request(raw.as_deref())? {
        return crate::webstats::api::answer(&state, &caller, &web).await;
    }
    if let Some(metric) = crate::cases::api::case_metric(raw.as_deref())? {
        return crate::cases::api::case_metric_answer(&state, &caller, metric, raw.as_deref())
            .await;
    }
    if let Some(metric) = crate::conversations::api::support_metric(raw.as_deref())? {
        return crate::conversations::api::support_metric_answer(
            &state,
            &caller,
            metric,
            raw.as_deref(),
        )
        .await;
    }
    if let Some(metric) = crate::lifecycle::api::lifecycle_metric(raw.as_deref())? {
        return crate::lifecycle::api::lifecycle_metric_answer(
            &state,
            &caller,
            metric,
            raw.as_deref(),
        )
        .await;
    }
    if let Some(sentiment) = sentiment_query(raw.as_deref())? {
        return sentiment_answer(&state, &caller, &sentiment).await;
    }
    let request = parse_query(raw.as_deref())?;
    let answer = state
        .app
        .analytics
        .metrics(state.store.as_ref(), caller.workspace_id, &request)
        .await
        .map_err(api_error)?;
    // Straight from the typed answer into the buffers that are sent, one per core, written
    // side by side (see `MetricsAnswer::json_parts`); no copy is made of them.
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    let parts = answer.json_parts(cores).map_err(|e| {
        tracing::error!(error = %e, "metrics: writing the answer failed");
        ApiError::new(ErrorCode::Internal)
    })?;
    Ok((
        [(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        )],
        axum::body::Body::new(Pieces::new(parts)),
    )
        .into_response())
}

/// A body sent as the pieces it was written in, its length known up front.
struct Pieces {
    pieces: std::collections::VecDeque<axum::body::Bytes>,
    left: u64,
}

impl Pieces {
    fn new(parts: Vec<Vec<u8>>) -> Pieces {
        let left = parts.iter().map(|p| p.len() as u64).sum();
        Pieces {
            pieces: parts.into_iter().map(axum::body::Bytes::from).collect(),
            left,
        }
    }
}

impl hyper::body::Body for Pieces {
    type Data = axum::body::Bytes;
    type Error = std::convert::Infallible;

    fn poll_frame(
        mut self: std::pin::Pin<&mut Self>,
        _: &mut std::task::Context<'_>,
    ) -> std::task::Poll<Option<Result<hyper::body::Frame<Self::Data>, Self::Error>>> {
        let next = self.pieces.pop_front();
        if let Some(piece) = &next {
            self.left -= piece.len() as u64;
        }
        std::task::Poll::Ready(next.map(|p| Ok(hyper::body::Frame::data(p))))
    }

    fn is_end_stream(&self) -> bool {
        self.pieces.is_empty()
    }

    fn size_hint(&self) -> hyper::body::SizeHint {
        hyper::body::SizeHint::with_exact(self.left)
    }
}

// The wire shape, for the OpenAPI document only: the answer is written by
// `analytics::MetricsAnswer`'s own `Serialize`, which follows these fields and their order.

/// `{"metric": "nps", "groups": [...]}`.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MetricsAnswer {
    metric: &'static str,
    groups: Vec<MetricsGroup>,
}

/// One group: its key, n, value and 95% interval (null when n = 0), the small-sample flag
/// (n < 30), the responses per scale point (lowest first), and the metric's own counts.
#[derive(Debug, Serialize, utoipa::ToSchema)]
pub struct MetricsGroup {
    /// One entry per `by` dimension, e.g. `{"touchpoint": "Checkout", "week": "2026-W45"}`.
    key: HashMap<String, String>,
    n: u64,
    value: Option<f64>,
    ci95: Option<[f64; 2]>,
    small_sample: bool,
    histogram: Vec<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    promoters: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    passives: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    detractors: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    satisfied: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    easy: Option<u64>,
    /// CSAT and CES: the mean score (null when n = 0).
    #[serde(skip_serializing_if = "Option::is_none")]
    mean: Option<Option<f64>>,
    /// `sentiment`: negative comments (`n` counts the comments with a sentiment, `value` is
    /// the % negative of them, and `histogram` is empty).
    #[serde(skip_serializing_if = "Option::is_none")]
    negative: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    neutral: Option<u64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    positive: Option<u64>,
    /// `sentiment`: comments with too little text to say, not counted in `n`.
    #[serde(skip_serializing_if = "Option::is_none")]
    unknown: Option<u64>,
}

// --- metric=sentiment -----------------------------------------------------------------------

/// A `metric=sentiment` question: its parameters read as the other metrics' are, narrowed to
/// what the comment figures can filter on.
#[derive(Debug)]
struct SentimentQuery {
    request: MetricsRequest,
}

/// The query when it asks for `metric=sentiment`; None for the other metrics.
fn sentiment_query(raw: Option<&str>) -> Result<Option<SentimentQuery>, ApiError> {
    let pairs: Vec<(String, String)> = serde_urlencoded::from_str(raw.unwrap_or(""))
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    if !pairs
        .iter()
        .any(|(k, v)| k == "metric" && v.trim() == "sentiment")
    {
        return Ok(None);
    }
    if pairs.iter().any(|(k, v)| k == "by" && !v.trim().is_empty()) {
        return Err(ApiError::bad_request(
            "metric=sentiment is not grouped: leave out `by`",
        ));
    }
    // The other parameters read exactly as for a metric of scores.
    let rest: Vec<(String, String)> = pairs
        .into_iter()
        .map(|(k, v)| {
            if k == "metric" {
                (k, "nps".to_owned())
            } else {
                (k, v)
            }
        })
        .collect();
    let raw = serde_urlencoded::to_string(&rest)
        .map_err(|_| ApiError::bad_request("the query string could not be read"))?;
    let request = parse_query(Some(&raw))?;
    Ok(Some(SentimentQuery { request }))
}

/// The share of negative comments as one ungrouped metrics group.
async fn sentiment_answer(
    state: &AppState,
    caller: &Caller,
    q: &SentimentQuery,
) -> Result<Response, ApiError> {
    use taith_domain::{Period, Preset};
    use taith_metrics::index::{Dimension, Label};
    const LAST_DAY: time::Date = time::macros::date!(9999 - 12 - 30);
    let ws = caller.workspace_id;
    let store = state.store.as_ref();
    let r = &q.request;
    // No `from` or `to`: every comment, as the other metrics count every response.
    let period = Period {
        preset: Preset::Custom,
        from: r.from.unwrap_or(time::macros::date!(1970 - 01 - 01)),
        // The period's end is bounded by the next day's midnight, which must exist.
        to: r.to.map_or(LAST_DAY, |t| t.min(LAST_DAY)),
    };
    let mut filter = taith_app::voc::comments::CountFilter::new(period);
    filter.survey = r.survey;
    let unknown = || ApiError::from(ValidationErrors::one("where", Issue::UnknownValue));
    // A filter value no response can have (a channel that does not exist, a touchpoint's
    // name no touchpoint has) matches nothing, as it does for the other metrics.
    let mut matches_nothing = false;
    for f in &r.filters {
        let [value] = f.values.as_slice() else {
            return Err(unknown());
        };
        match (&f.dimension, value) {
            (Dimension::Survey, Label::Survey(id)) => {
                if filter.survey.is_some_and(|s| s != *id) {
                    matches_nothing = true;
                }
                filter.survey = Some(*id);
            }
            (Dimension::TouchpointId, Label::Touchpoint(id)) => filter.touchpoint = Some(*id),
            (Dimension::Touchpoint, Label::Text(name)) => {
                let context = state.app.analytics.context(store, ws).await?;
                let mut named = context
                    .layout
                    .touchpoints
                    .iter()
                    .filter(|(_, p)| p.touchpoint == *name)
                    .map(|(id, _)| *id);
                match (named.next(), named.next()) {
                    (Some(id), None) => filter.touchpoint = Some(id),
                    (None, _) => matches_nothing = true,
                    (Some(_), Some(_)) => return Err(unknown()),
                }
            }
            (Dimension::Channel, Label::Channel(c)) => filter.channel = Some(*c),
            (Dimension::Locale, Label::Locale(l)) => filter.locale = Some(*l),
            (Dimension::Survey | Dimension::TouchpointId, _) => {
                return Err(ValidationErrors::one("where", Issue::Invalid).into());
            }
            (Dimension::Channel | Dimension::Locale, _) => matches_nothing = true,
            _ => return Err(unknown()),
        }
    }
    let share = if matches_nothing {
        taith_app::voc::comments::SentimentShare {
            split: Default::default(),
            negative: None,
            ci95: None,
            small_sample: true,
        }
    } else {
        taith_app::voc::comments::sentiment_share(store, ws, &filter).await?
    };
    let round1 = taith_app::metrics::round1;
    let group = MetricsGroup {
        key: HashMap::new(),
        n: share.split.scored(),
        value: share.negative.map(round1),
        ci95: share.ci95.map(|(lo, hi)| [round1(lo), round1(hi)]),
        small_sample: share.small_sample,
        histogram: Vec::new(),
        promoters: None,
        passives: None,
        detractors: None,
        satisfied: None,
        easy: None,
        mean: None,
        negative: Some(share.split.negative),
        neutral: Some(share.split.neutral),
        positive: Some(share.split.positive),
        unknown: Some(share.split.unknown),
    };
    Ok(axum::Json(MetricsAnswer {
        metric: "sentiment",
        groups: vec![group],
    })
    .into_response())
}

/// How a question without an answer is told: `422` naming the parameter, or — for a store
/// failure or a failed scan — `500` with the generic body (the cause goes to the log).
pub(crate) fn api_error(e: MetricsError) -> ApiError {
    match e {
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
        MetricsError::ScanFailed => {
            tracing::error!("metrics: a scan thread of the analytics index panicked");
            ApiError::new(ErrorCode::Internal)
        }
        MetricsError::Store(e) => ApiError::from(e),
    }
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

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    #[tokio::test]
    async fn a_failed_scan_is_answered_500_with_the_generic_internal_error() {
        let response = api_error(MetricsError::ScanFailed).into_response();
        assert_eq!(response.status(), 500);
        let body = axum::body::to_bytes(response.into_body(), 10_000)
            .await
            .unwrap();
        let body: serde_json::Value = serde_json::from_slice(&body).unwrap();
        assert_eq!(body["error"]["code"], "internal");
        assert_eq!(body["error"]["message"], "internal error");
    }
}
