//! Signals over the API: a touchpoint's bound figures (read, replace) and a journey's signals
//! over a period. Every rule is in `taith_app::signals`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use crate::http::period::api_period;
use axum::Json;
use axum::extract::{RawQuery, State};
use taith_app::signals::{self, SignalError};
use taith_domain::{Action, JourneyId, TouchpointId};

impl From<SignalError> for ApiError {
    fn from(e: SignalError) -> Self {
        match e {
            SignalError::Invalid(v) => v.into(),
            SignalError::Store(s) => s.into(),
        }
    }
}

/// The figures a touchpoint shows beside its survey figure.
#[utoipa::path(
    get,
    path = "/api/v1/touchpoints/{touchpoint_id}/figures",
    tag = "signals",
    security(("bearer" = [])),
    params(("touchpoint_id" = Uuid, Path, description = "The touchpoint's id")),
    responses(
        (status = 200, description = "The touchpoint's figures, in the order shown", body = wire::Figures),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such touchpoint in this workspace", body = ErrorBody),
    )
)]
pub async fn get_figures(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<TouchpointId>,
) -> Result<Json<wire::Figures>, ApiError> {
    caller.require(Action::Read)?;
    let figures = signals::bound(state.store.as_ref(), caller.workspace_id, id).await?;
    Ok(Json(wire::Figures {
        touchpoint_id: id.as_uuid(),
        figures: figures.iter().map(wire::BoundFigure::from).collect(),
    }))
}

/// Replaces the figures a touchpoint shows (an empty list shows none).
#[utoipa::path(
    put,
    path = "/api/v1/touchpoints/{touchpoint_id}/figures",
    tag = "signals",
    security(("bearer" = [])),
    params(("touchpoint_id" = Uuid, Path, description = "The touchpoint's id")),
    request_body = wire::FiguresWrite,
    responses(
        (status = 200, description = "The touchpoint's figures as stored", body = wire::Figures),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the journeys' set-up (owners, admins, write tokens)", body = ErrorBody),
        (status = 404, description = "No such touchpoint in this workspace", body = ErrorBody),
        (status = 422, description = "Invalid fields: `figures[0].metric` (unknown), `figures[1].goal` (only on `conversion_rate`, at most 200 characters), `figures` (more than 4)", body = ErrorBody),
    )
)]
pub async fn put_figures(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<TouchpointId>,
    body: ApiJson<wire::FiguresWrite>,
) -> Result<Json<wire::Figures>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?.input();
    let figures = signals::bind(state.store.as_ref(), caller.workspace_id, id, &input).await?;
    Ok(Json(wire::Figures {
        touchpoint_id: id.as_uuid(),
        figures: figures.iter().map(wire::BoundFigure::from).collect(),
    }))
}

/// A journey's signals over a period: each touchpoint's bound figures with their trend, and
/// the drop-off between consecutive touchpoints that saw events — what the live map shows.
#[utoipa::path(
    get,
    path = "/api/v1/journeys/{journey_id}/signals",
    tag = "signals",
    security(("bearer" = [])),
    params(
        ("journey_id" = Uuid, Path, description = "The journey's id"),
        ("period" = Option<String>, Query, description = "`7d`, `30d` (default), `90d`, `quarter`, `year`, or `custom` with `from` and `to`"),
        ("from" = Option<String>, Query, description = "First day (YYYY-MM-DD) of a custom period"),
        ("to" = Option<String>, Query, description = "Last day (YYYY-MM-DD) of a custom period, inclusive"),
    ),
    responses(
        (status = 200, description = "The journey's signals", body = wire::JourneySignals),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
        (status = 422, description = "Bad `period`, `from` or `to` (a range ending before it starts is `to`: `before_start`)", body = ErrorBody),
    )
)]
pub async fn journey_signals(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
    RawQuery(query): RawQuery,
) -> Result<Json<wire::JourneySignals>, ApiError> {
    caller.require(Action::Read)?;
    let period = api_period(query.as_deref())?;
    let (store, app, ws) = (state.store.as_ref(), &state.app, caller.workspace_id);
    let journey = store.journey(ws, id).await?;
    let ids: Vec<TouchpointId> = journey.touchpoints.iter().map(|t| t.id).collect();
    let figures = signals::live(store, &app.analytics, &app.webstats, ws, &ids, &period).await?;
    let drop_offs =
        signals::drop_offs(store, &app.analytics, &app.webstats, ws, &journey, &period).await?;
    Ok(Json(wire::JourneySignals::of(
        &journey, &period, figures, &drop_offs,
    )))
}
