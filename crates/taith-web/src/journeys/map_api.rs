//! The parts of a journey map: stages, their order, and touchpoints.
//!
//! Every change goes through the same retrying edit as the UI's: the domain operation is applied
//! to the journey as stored, and the save records a revision of what changed.

use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use crate::journeys::parse::{self, TouchpointParts};
use crate::journeys::wire;
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_domain::{
    Action, Issue, Journey, JourneyError, JourneyId, Owner, StageId, StageInput, TouchpointId,
    UserId, ValidationErrors,
};

/// A stage or touchpoint named in the path that is not in the journey: not found.
/// A journey operation's refusal as the API answers it.
pub fn path_error(e: JourneyError) -> ApiError {
    match e {
        JourneyError::StageNotFound | JourneyError::TouchpointNotFound => {
            ApiError::new(ErrorCode::NotFound)
        }
        JourneyError::NotAPermutation => ValidationErrors::one("stage_ids", Issue::Invalid).into(),
    }
}

/// The saved stage, for the response.
fn stage_response(j: &Journey, id: StageId) -> Result<wire::StageResponse, ApiError> {
    let stage = j.stage(id).ok_or_else(|| {
        tracing::error!(stage = %id, journey = %j.id, "a saved stage is missing from the saved journey");
        ApiError::new(ErrorCode::Internal)
    })?;
    Ok(wire::StageResponse {
        stage: stage.into(),
        journey_version: j.version,
    })
}

fn touchpoint_response(
    j: &Journey,
    id: TouchpointId,
) -> Result<wire::TouchpointResponse, ApiError> {
    let tp = j.touchpoint(id).ok_or_else(|| {
        tracing::error!(touchpoint = %id, journey = %j.id, "a saved touchpoint is missing from the saved journey");
        ApiError::new(ErrorCode::Internal)
    })?;
    Ok(wire::TouchpointResponse {
        touchpoint: tp.into(),
        journey_version: j.version,
    })
}

// --- stages -----------------------------------------------------------------------------------

/// Adds a stage at the end of the journey.
#[utoipa::path(
    post,
    path = "/api/v1/journeys/{journey_id}/stages",
    tag = "stages",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id")),
    request_body = wire::StageCreate,
    responses(
        (status = 201, description = "The new stage", body = wire::StageResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn create_stage(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
    body: ApiJson<wire::StageCreate>,
) -> Result<(StatusCode, Json<wire::StageResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let (saved, stage) = super::api::edit(&state, &caller, id, |j, _, _| {
        let fields = StageInput::from(body.get()?).parse()?;
        Ok(j.add_stage(fields))
    })
    .await?;
    Ok((StatusCode::CREATED, Json(stage_response(&saved, stage)?)))
}

/// Changes a stage; fields left out keep their value.
#[utoipa::path(
    patch,
    path = "/api/v1/journeys/{journey_id}/stages/{stage_id}",
    tag = "stages",
    security(("bearer" = [])),
    params(
        ("journey_id" = Uuid, Path, description = "The journey's id"),
        ("stage_id" = Uuid, Path, description = "The stage's id"),
    ),
    request_body = wire::StageUpdate,
    responses(
        (status = 200, description = "The changed stage", body = wire::StageResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 404, description = "No such journey or stage", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn update_stage(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, stage)): ApiPath<(JourneyId, StageId)>,
    body: ApiJson<wire::StageUpdate>,
) -> Result<Json<wire::StageResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let (saved, ()) = super::api::edit(&state, &caller, id, |j, _, _| {
        let current = j
            .stage(stage)
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound))?;
        let fields = body.get()?.over(&current.fields).parse()?;
        j.update_stage(stage, fields).map_err(path_error)
    })
    .await?;
    Ok(Json(stage_response(&saved, stage)?))
}

/// Removes a stage and the touchpoints in it.
#[utoipa::path(
    delete,
    path = "/api/v1/journeys/{journey_id}/stages/{stage_id}",
    tag = "stages",
    security(("bearer" = [])),
    params(
        ("journey_id" = Uuid, Path, description = "The journey's id"),
        ("stage_id" = Uuid, Path, description = "The stage's id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 404, description = "No such journey or stage", body = ErrorBody),
    )
)]
pub async fn delete_stage(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, stage)): ApiPath<(JourneyId, StageId)>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditJourneys)?;
    super::api::edit(&state, &caller, id, |j, _, _| {
        j.remove_stage(stage).map_err(path_error)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}

/// Puts the stages in a new order, which must name every stage of the journey exactly once.
#[utoipa::path(
    put,
    path = "/api/v1/journeys/{journey_id}/stage_order",
    tag = "stages",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id")),
    request_body = wire::StageOrder,
    responses(
        (status = 200, description = "The journey in its new order", body = wire::JourneyResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "`stage_ids` is not the journey's stages in some order", body = ErrorBody),
    )
)]
pub async fn reorder_stages(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
    body: ApiJson<wire::StageOrder>,
) -> Result<Json<wire::JourneyResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let (saved, ()) = super::api::edit(&state, &caller, id, |j, _, _| {
        let order = body
            .get()?
            .stage_ids
            .iter()
            .map(|s| s.parse::<StageId>())
            .collect::<Result<Vec<_>, _>>()
            .map_err(|issue| ValidationErrors::one("stage_ids", issue))?;
        j.reorder_stages(&order).map_err(path_error)
    })
    .await?;
    Ok(Json(wire::JourneyResponse {
        journey: (&saved).into(),
    }))
}

// --- touchpoints ------------------------------------------------------------------------------

/// The journey's touchpoints, in stage order and in order within each stage.
#[utoipa::path(
    get,
    path = "/api/v1/journeys/{journey_id}/touchpoints",
    tag = "touchpoints",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id"), crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of touchpoints", body = wire::TouchpointList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_touchpoints(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
    paging: Paging,
) -> Result<Json<wire::TouchpointList>, ApiError> {
    caller.require(Action::Read)?;
    let journey = state.store.journey(caller.workspace_id, id).await?;
    let in_order: Vec<_> = journey
        .stages
        .iter()
        .flat_map(|s| journey.touchpoints_of(s.id))
        .collect();
    let (page, next_cursor) = paging.page_of(in_order, |t| t.id)?;
    Ok(Json(wire::TouchpointList {
        touchpoints: page.into_iter().map(wire::Touchpoint::from).collect(),
        next_cursor,
    }))
}

/// A stage id from a request body: required, well-formed, and a stage of `journey`.
fn body_stage(s: &str, journey: &Journey) -> Result<StageId, Issue> {
    if s.trim().is_empty() {
        return Err(Issue::Required);
    }
    let id: StageId = s.parse()?;
    journey.stage(id).map(|_| id).ok_or(Issue::NotFound)
}

fn member_ids(members: &[taith_domain::Member]) -> Vec<UserId> {
    members.iter().map(|m| m.user.id).collect()
}

/// Adds a touchpoint at the end of a stage.
#[utoipa::path(
    post,
    path = "/api/v1/journeys/{journey_id}/touchpoints",
    tag = "touchpoints",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id")),
    request_body = wire::TouchpointCreate,
    responses(
        (status = 201, description = "The new touchpoint", body = wire::TouchpointResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields, e.g. `stage_id` not in this journey, `owner.user_id` not a member", body = ErrorBody),
    )
)]
pub async fn create_touchpoint(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
    body: ApiJson<wire::TouchpointCreate>,
) -> Result<(StatusCode, Json<wire::TouchpointResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let (saved, tp) = super::api::edit(&state, &caller, id, |j, members, _| {
        add_touchpoint(j, body.get()?, &member_ids(members))
    })
    .await?;
    Ok((StatusCode::CREATED, Json(touchpoint_response(&saved, tp)?)))
}

/// Changes a touchpoint; fields left out keep their value. Owners and admins (and write
/// tokens) change anything; an agent changes the name, channel, description and moment of
/// truth of a touchpoint they own.
#[utoipa::path(
    patch,
    path = "/api/v1/journeys/{journey_id}/touchpoints/{touchpoint_id}",
    tag = "touchpoints",
    security(("bearer" = [])),
    params(
        ("journey_id" = Uuid, Path, description = "The journey's id"),
        ("touchpoint_id" = Uuid, Path, description = "The touchpoint's id"),
    ),
    request_body = wire::TouchpointUpdate,
    responses(
        (status = 200, description = "The changed touchpoint", body = wire::TouchpointResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit this touchpoint, or (agents) its stage or owner", body = ErrorBody),
        (status = 404, description = "No such journey or touchpoint", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn update_touchpoint(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, tp)): ApiPath<(JourneyId, TouchpointId)>,
    body: ApiJson<wire::TouchpointUpdate>,
) -> Result<Json<wire::TouchpointResponse>, ApiError> {
    let editor = caller.may(Action::EditJourneys);
    if !editor {
        caller.require(Action::EditOwnTouchpoint)?;
    }
    let me = caller.principal.user_id();
    let forbidden = || ApiError::new(ErrorCode::Forbidden);
    let (saved, ()) = super::api::edit(&state, &caller, id, |j, members, _| {
        let current = j
            .touchpoint(tp)
            .cloned()
            .ok_or_else(|| ApiError::new(ErrorCode::NotFound))?;
        let input = body.get()?;
        let ids = member_ids(members);
        if !editor {
            let owns =
                me.is_some_and(|user_id| current.fields.owner == Some(Owner::Member { user_id }));
            if !owns {
                return Err(forbidden());
            }
            // An agent edits their touchpoint's content, not where it sits or who owns it.
            let moves = input
                .stage_id
                .as_deref()
                .is_some_and(|s| s.parse::<StageId>().ok() != Some(current.stage_id));
            let reassigns = input.owner.as_ref().is_some_and(|o| {
                let mut ignored = ValidationErrors::default();
                let wanted = o
                    .as_ref()
                    .map(|o| parse::owner(o, "owner", &ids, &mut ignored));
                wanted.flatten() != current.fields.owner || !ignored.is_empty()
            });
            if moves || reassigns {
                return Err(forbidden());
            }
        }
        apply_touchpoint_update(j, tp, input, &ids)
    })
    .await?;
    Ok(Json(touchpoint_response(&saved, tp)?))
}

/// Adds the touchpoint a `POST` body describes to `j`, given the workspace's members: the
/// create without the store (the fuzz target `api_bodies` calls it too).
pub fn add_touchpoint(
    j: &mut Journey,
    input: &wire::TouchpointCreate,
    members: &[UserId],
) -> Result<TouchpointId, ApiError> {
    let mut e = ValidationErrors::default();
    let stage = e.check("stage_id", body_stage(&input.stage_id, j));
    let owner = match &input.owner {
        None => Some(None),
        Some(o) => parse::owner(o, "owner", members, &mut e).map(Some),
    };
    let parts = TouchpointParts {
        name: &input.name,
        channel: &input.channel,
        description: &input.description,
        moment_of_truth: input.moment_of_truth,
    };
    let fields = parse::touchpoint_fields(parts, owner.clone().flatten(), &mut e);
    match (stage, owner, fields) {
        (Some(stage), Some(_), Some(fields)) if e.is_empty() => {
            j.add_touchpoint(stage, fields).map_err(path_error)
        }
        _ => Err(e.into()),
    }
}

/// Applies a `PATCH` body to touchpoint `tp` of `j`, once the caller may: the update without
/// the store (the fuzz target `api_bodies` calls it too).
pub fn apply_touchpoint_update(
    j: &mut Journey,
    tp: TouchpointId,
    input: &wire::TouchpointUpdate,
    members: &[UserId],
) -> Result<(), ApiError> {
    let current = j
        .touchpoint(tp)
        .cloned()
        .ok_or_else(|| ApiError::new(ErrorCode::NotFound))?;
    let mut e = ValidationErrors::default();
    let stage = match &input.stage_id {
        None => Some(current.stage_id),
        Some(s) => e.check("stage_id", body_stage(s, j)),
    };
    let owner = match &input.owner {
        None => Some(current.fields.owner.clone()),
        Some(None) => Some(None),
        Some(Some(o)) => parse::owner(o, "owner", members, &mut e).map(Some),
    };
    let f = &current.fields;
    let parts = TouchpointParts {
        name: input.name.as_deref().unwrap_or(f.name.as_str()),
        channel: input.channel.as_deref().unwrap_or(f.channel.as_str()),
        description: input
            .description
            .as_deref()
            .unwrap_or(f.description.as_str()),
        moment_of_truth: input.moment_of_truth.unwrap_or(f.moment_of_truth),
    };
    let fields = parse::touchpoint_fields(parts, owner.clone().flatten(), &mut e);
    match (stage, owner, fields) {
        (Some(stage), Some(_), Some(fields)) if e.is_empty() => {
            j.update_touchpoint(tp, stage, fields).map_err(path_error)
        }
        _ => Err(e.into()),
    }
}

/// Removes a touchpoint.
#[utoipa::path(
    delete,
    path = "/api/v1/journeys/{journey_id}/touchpoints/{touchpoint_id}",
    tag = "touchpoints",
    security(("bearer" = [])),
    params(
        ("journey_id" = Uuid, Path, description = "The journey's id"),
        ("touchpoint_id" = Uuid, Path, description = "The touchpoint's id"),
    ),
    responses(
        (status = 204, description = "Removed"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 404, description = "No such journey or touchpoint", body = ErrorBody),
    )
)]
pub async fn delete_touchpoint(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, tp)): ApiPath<(JourneyId, TouchpointId)>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditJourneys)?;
    super::api::edit(&state, &caller, id, |j, _, _| {
        j.remove_touchpoint(tp).map_err(path_error)
    })
    .await?;
    Ok(StatusCode::NO_CONTENT)
}
