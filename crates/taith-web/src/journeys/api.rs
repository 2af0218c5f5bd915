//! Journeys: the list, one whole map, its details, its history, and the journey file.

use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody, ErrorCode};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use crate::journeys::{parse, wire};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_app::journeys::edit::{EditFailed, edit_journey};
use taith_domain::journey::JourneyFields;
use taith_domain::{
    Action, Change, Journey, JourneyId, LongText, Name, PersonaId, ValidationErrors,
};
use taith_domain::{Member, Persona};
use taith_store::PageRequest;

/// The workspace's journeys, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/journeys",
    tag = "journeys",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of journey summaries", body = wire::JourneyList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_journeys(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::JourneyList>, ApiError> {
    caller.require(Action::Read)?;
    let page = state
        .store
        .journeys(caller.workspace_id, paging.request()?)
        .await?;
    Ok(Json(wire::JourneyList {
        journeys: page.items.iter().map(wire::JourneySummary::from).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

/// Creates a journey with the stages of a stage model (in English; rename them after).
#[utoipa::path(
    post,
    path = "/api/v1/journeys",
    tag = "journeys",
    security(("bearer" = [])),
    request_body = wire::JourneyCreate,
    responses(
        (status = 201, description = "The new journey", body = wire::JourneyResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn create_journey(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::JourneyCreate>,
) -> Result<(StatusCode, Json<wire::JourneyResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?;
    let ws = caller.workspace_id;
    // A small business has a handful of personas: checking the reference against them all
    // keeps this the same pure check the fuzz target runs.
    let personas: Vec<PersonaId> = state
        .store
        .personas(ws, PageRequest::all())
        .await?
        .items
        .iter()
        .map(|p| p.id)
        .collect();
    let journey = parse::new_journey(&input, &personas, taith_domain::now())?;
    let saved = state
        .store
        .create_journey(ws, &journey, &caller.author(), &[Change::Created])
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::JourneyResponse {
            journey: (&saved).into(),
        }),
    ))
}

/// One whole journey: details, version, stages with their notes, touchpoints with owners.
#[utoipa::path(
    get,
    path = "/api/v1/journeys/{journey_id}",
    tag = "journeys",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id")),
    responses(
        (status = 200, description = "The journey", body = wire::JourneyResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
    )
)]
pub async fn get_journey(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
) -> Result<Json<wire::JourneyResponse>, ApiError> {
    caller.require(Action::Read)?;
    let journey = state.store.journey(caller.workspace_id, id).await?;
    Ok(Json(wire::JourneyResponse {
        journey: (&journey).into(),
    }))
}

/// Changes a journey's details. With `version`, the change is refused (`409 stale_version`)
/// when the journey has been saved since that version.
#[utoipa::path(
    patch,
    path = "/api/v1/journeys/{journey_id}",
    tag = "journeys",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id")),
    request_body = wire::JourneyUpdate,
    responses(
        (status = 200, description = "The changed journey", body = wire::JourneyResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
        (status = 409, description = "`version` is not the current version (`stale_version`)", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn update_journey(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
    body: ApiJson<wire::JourneyUpdate>,
) -> Result<Json<wire::JourneyResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let (saved, ()) = edit(&state, &caller, id, |j, _, personas| {
        let ids: Vec<PersonaId> = personas.iter().map(|p| p.id).collect();
        apply_journey_update(j, body.get()?, &ids)
    })
    .await?;
    Ok(Json(wire::JourneyResponse {
        journey: (&saved).into(),
    }))
}

/// Applies a `PATCH` body to `j`'s details, given the workspace's personas: the update
/// without the store (the fuzz target `api_bodies` calls it too).
pub fn apply_journey_update(
    j: &mut Journey,
    input: &wire::JourneyUpdate,
    persona_ids: &[PersonaId],
) -> Result<(), ApiError> {
    if input.version.is_some_and(|v| v != j.version) {
        return Err(ApiError::new(ErrorCode::StaleVersion));
    }
    let mut e = ValidationErrors::default();
    let name = match &input.name {
        None => Some(j.fields.name.clone()),
        Some(n) => e.check("name", Name::parse(n)),
    };
    let description = match &input.description {
        None => Some(j.fields.description.clone()),
        Some(d) => e.check("description", LongText::parse(d)),
    };
    let persona_id = match input
        .persona_id
        .as_ref()
        .map(|p| p.as_deref().map(str::trim))
    {
        None => Some(j.fields.persona_id),
        Some(None | Some("")) => Some(None),
        Some(Some(s)) => e
            .check("persona_id", parse::persona_ref(s, persona_ids))
            .map(Some),
    };
    let (Some(name), Some(description), Some(persona_id)) = (name, description, persona_id) else {
        return Err(e.into());
    };
    j.fields = JourneyFields {
        name,
        description,
        persona_id,
    };
    Ok(())
}

/// Deletes a journey with its history.
#[utoipa::path(
    delete,
    path = "/api/v1/journeys/{journey_id}",
    tag = "journeys",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_journey(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditJourneys)?;
    state.store.delete_journey(caller.workspace_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}

// --- history ----------------------------------------------------------------------------------

/// A journey's saved versions, newest first.
#[utoipa::path(
    get,
    path = "/api/v1/journeys/{journey_id}/revisions",
    tag = "revisions",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id"), crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of revisions", body = wire::RevisionList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_revisions(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
    paging: Paging,
) -> Result<Json<wire::RevisionList>, ApiError> {
    caller.require(Action::Read)?;
    let revisions = state.store.revisions(caller.workspace_id, id).await?;
    let (revisions, next_cursor) = paging.page_of(revisions, |r| r.version)?;
    Ok(Json(wire::RevisionList {
        revisions: revisions.iter().map(wire::Revision::from).collect(),
        next_cursor,
    }))
}

/// One saved version, with the journey as it was then.
#[utoipa::path(
    get,
    path = "/api/v1/journeys/{journey_id}/revisions/{version}",
    tag = "revisions",
    security(("bearer" = [])),
    params(
        ("journey_id" = Uuid, Path, description = "The journey's id"),
        ("version" = i64, Path, description = "The version number"),
    ),
    responses(
        (status = 200, description = "The revision and its snapshot", body = wire::RevisionResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such journey or version", body = ErrorBody),
    )
)]
pub async fn get_revision(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath((id, version)): ApiPath<(JourneyId, i64)>,
) -> Result<Json<wire::RevisionResponse>, ApiError> {
    caller.require(Action::Read)?;
    let r = state
        .store
        .revision(caller.workspace_id, id, version)
        .await?;
    let head = wire::Revision::from(&r.revision);
    Ok(Json(wire::RevisionResponse {
        revision: wire::RevisionWithJourney {
            version: head.version,
            author: head.author,
            author_id: head.author_id,
            changes: head.changes,
            created_at: head.created_at,
            journey: (&r.journey).into(),
        },
    }))
}

// --- the journey file -------------------------------------------------------------------------

/// The journey as a self-contained journey file (`taith.journey/1`): no ids, its persona
/// inline, member owners by e-mail.
#[utoipa::path(
    get,
    path = "/api/v1/journeys/{journey_id}/export",
    tag = "transfer",
    security(("bearer" = [])),
    params(("journey_id" = Uuid, Path, description = "The journey's id")),
    responses(
        (status = 200, description = "The journey file", body = wire::JourneyFile),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such journey in this workspace", body = ErrorBody),
    )
)]
pub async fn export_journey(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<JourneyId>,
) -> Result<Json<wire::JourneyFile>, ApiError> {
    caller.require(Action::Read)?;
    let file =
        taith_app::journeys::files::export_journey(state.store.as_ref(), caller.workspace_id, id)
            .await?;
    Ok(Json((&file).into()))
}

/// Creates a journey from a journey file. Its persona joins an existing persona of the same
/// name, or is created; a member owner who is not a member here becomes a team of that name.
#[utoipa::path(
    post,
    path = "/api/v1/journeys/import",
    tag = "transfer",
    security(("bearer" = [])),
    request_body = wire::JourneyFile,
    responses(
        (status = 201, description = "The new journey", body = wire::JourneyResponse),
        (status = 400, description = "The body is not a journey file", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields, e.g. `stages[0].touchpoints[1].channel`", body = ErrorBody),
    )
)]
pub async fn import_journey(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::JourneyFile>,
) -> Result<(StatusCode, Json<wire::JourneyResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let file = parse::journey_file(body.into_inner()?)?;
    let saved = taith_app::journeys::files::import_journey(
        state.store.as_ref(),
        caller.workspace_id,
        file,
        &caller.author(),
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::JourneyResponse {
            journey: (&saved).into(),
        }),
    ))
}

/// [`edit_journey`] for an API caller: rejections and store failures as API errors.
pub(crate) async fn edit<F, R>(
    state: &AppState,
    caller: &Caller,
    id: JourneyId,
    edit: F,
) -> Result<(Journey, R), ApiError>
where
    F: FnMut(&mut Journey, &[Member], &[Persona]) -> Result<R, ApiError>,
{
    match edit_journey(
        &*state.store,
        caller.workspace_id,
        id,
        &caller.author(),
        edit,
    )
    .await
    {
        Ok(done) => Ok(done),
        Err(EditFailed::Rejected(e)) => Err(e),
        Err(EditFailed::Store(e)) => Err(e.into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use taith_domain::StageModel;

    #[test]
    fn template_stages_are_named_in_english() {
        let names: Vec<String> = StageModel::SevenStage
            .stage_keys()
            .iter()
            .map(|k| parse::english_stage_name(k).to_string())
            .collect();
        assert_eq!(
            names,
            [
                "Discovery",
                "Consideration",
                "Evaluation",
                "Choice",
                "Purchase",
                "Use",
                "Advocacy"
            ]
        );
        let names: Vec<String> = StageModel::FiveStage
            .stage_keys()
            .iter()
            .map(|k| parse::english_stage_name(k).to_string())
            .collect();
        assert_eq!(
            names,
            [
                "Awareness",
                "Consideration",
                "Purchase",
                "Retention",
                "Advocacy"
            ]
        );
    }
}
