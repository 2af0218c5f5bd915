//! Coaching over the API: per team or per agent figures and the leaderboards.

use super::{viewer_of, wire};
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use axum::Json;
use axum::extract::{RawQuery, State};
use taith_app::coaching::{self, By, CoachingError};
use taith_domain::{Issue, Period, ValidationErrors};

impl From<CoachingError> for ApiError {
    fn from(e: CoachingError) -> Self {
        match e {
            CoachingError::Metrics(m) => crate::metrics::api::api_error(m),
            CoachingError::Store(s) => s.into(),
        }
    }
}

fn figure(f: &coaching::MetricFigures) -> wire::Figure {
    let v = &f.total.figure;
    wire::Figure {
        metric: f.metric.as_str().to_owned(),
        n: v.n,
        value: v.value.map(taith_app::metrics::round1),
        ci95: v
            .ci95
            .map(|(a, b)| [taith_app::metrics::round1(a), taith_app::metrics::round1(b)]),
        small_sample: v.small_sample,
        weeks: f
            .weekly
            .groups
            .iter()
            .map(|g| wire::WeekFigure {
                week: f
                    .weekly
                    .label(g, 0)
                    .map(ToString::to_string)
                    .unwrap_or_default(),
                n: g.figure.n,
                value: g.figure.value.map(taith_app::metrics::round1),
                small_sample: g.figure.small_sample,
            })
            .collect(),
    }
}

/// NPS and CSAT per agent (`?by=agent`, the default) or per team (`?by=team`) — read from
/// the responses' `agent` and `team` attributes — with 95% intervals, small-sample flags,
/// weekly figures, praise (positive comments) and leaderboards that rank only significant
/// differences; and per case owner (a member, joined to the `agent` group naming them) or per
/// owner's team, the cases handled and the time to first action. A signed-in agent sees only
/// the groups whose `agent` is their name or e-mail, and their own cases.
#[utoipa::path(
    get,
    path = "/api/v1/coaching",
    tag = "coaching",
    security(("bearer" = [])),
    params(wire::CoachingQuery),
    responses(
        (status = 200, description = "The figures", body = wire::Coaching),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "A viewer: no coaching figures", body = ErrorBody),
        (status = 422, description = "Bad `by`, `from` or `to`", body = ErrorBody),
    )
)]
pub async fn get_coaching(
    State(state): State<AppState>,
    caller: Caller,
    RawQuery(query): RawQuery,
) -> Result<Json<wire::Coaching>, ApiError> {
    let Some(viewer) = viewer_of(&caller.principal) else {
        return Err(ApiError::new(ErrorCode::Forbidden));
    };
    let q: wire::CoachingQuery =
        serde_urlencoded::from_str(query.as_deref().unwrap_or_default())
            .map_err(|e| ApiError::bad_request(format!("the query string: {e}")))?;
    let by = By::parse(q.by.as_deref().unwrap_or_default())
        .ok_or_else(|| ValidationErrors::one("by", Issue::UnknownValue))?;
    let period = Period::parse(
        "",
        q.from.as_deref().unwrap_or_default(),
        q.to.as_deref().unwrap_or_default(),
        taith_domain::now().date(),
    )?;
    let report = coaching::report(
        &state.app.analytics,
        state.store.as_ref(),
        caller.workspace_id,
        by,
        (period.from, period.to),
        &viewer,
    )
    .await?;
    Ok(Json(wire::Coaching {
        by: by.attribute().to_owned(),
        from: period.from.to_string(),
        to: period.to.to_string(),
        groups: report
            .groups
            .iter()
            .map(|g| wire::Group {
                name: g.name.clone(),
                figures: g.metrics.iter().map(figure).collect(),
                praise: g.praise.iter().map(|r| r.id.as_uuid()).collect(),
                cases: g.cases.as_ref().map(|c| wire::GroupCases {
                    handled: c.opened,
                    first_action: wire::FirstAction {
                        n: c.first_action.n,
                        open: c.first_action.open,
                        mean_hours: c.first_action.mean_hours.map(taith_app::metrics::round1),
                        median_hours: c.first_action.median_hours.map(taith_app::metrics::round1),
                    },
                }),
            })
            .collect(),
        leaderboards: report
            .leaderboards
            .iter()
            .map(|b| wire::Leaderboard {
                metric: b.metric.as_str().to_owned(),
                ranked: b
                    .ranked
                    .iter()
                    .map(|r| wire::Place {
                        name: r.name.clone(),
                        rank: r.rank,
                        value: r.value.value.map(taith_app::metrics::round1),
                        n: r.value.n,
                    })
                    .collect(),
                unranked: b.small.iter().map(|(n, _)| n.clone()).collect(),
                any_significant: b.any_significant(),
            })
            .collect(),
    }))
}
