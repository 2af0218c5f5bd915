//! Personas: the customer types journeys are drawn for.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath, Paging};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_domain::{Action, PersonaId, PersonaInput};

/// The workspace's personas, oldest first.
#[utoipa::path(
    get,
    path = "/api/v1/personas",
    tag = "personas",
    security(("bearer" = [])),
    params(crate::http::extract::ListQuery),
    responses(
        (status = 200, description = "A page of personas", body = wire::PersonaList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 422, description = "Bad `limit` or `cursor`", body = ErrorBody),
    )
)]
pub async fn list_personas(
    State(state): State<AppState>,
    caller: Caller,
    paging: Paging,
) -> Result<Json<wire::PersonaList>, ApiError> {
    caller.require(Action::Read)?;
    let page = state
        .store
        .personas(caller.workspace_id, paging.request()?)
        .await?;
    Ok(Json(wire::PersonaList {
        personas: page.items.iter().map(wire::Persona::from).collect(),
        next_cursor: page.next.map(|c| c.to_string()),
    }))
}

/// Creates a persona.
#[utoipa::path(
    post,
    path = "/api/v1/personas",
    tag = "personas",
    security(("bearer" = [])),
    request_body = wire::PersonaCreate,
    responses(
        (status = 201, description = "The new persona", body = wire::PersonaResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys and personas", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn create_persona(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::PersonaCreate>,
) -> Result<(StatusCode, Json<wire::PersonaResponse>), ApiError> {
    caller.require(Action::EditJourneys)?;
    let fields = PersonaInput::from(body.into_inner()?).parse()?;
    let persona = state
        .store
        .create_persona(caller.workspace_id, &fields)
        .await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::PersonaResponse {
            persona: (&persona).into(),
        }),
    ))
}

/// One persona.
#[utoipa::path(
    get,
    path = "/api/v1/personas/{persona_id}",
    tag = "personas",
    security(("bearer" = [])),
    params(("persona_id" = Uuid, Path, description = "The persona's id")),
    responses(
        (status = 200, description = "The persona", body = wire::PersonaResponse),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 404, description = "No such persona in this workspace", body = ErrorBody),
    )
)]
pub async fn get_persona(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<PersonaId>,
) -> Result<Json<wire::PersonaResponse>, ApiError> {
    caller.require(Action::Read)?;
    let persona = state.store.persona(caller.workspace_id, id).await?;
    Ok(Json(wire::PersonaResponse {
        persona: (&persona).into(),
    }))
}

/// Changes a persona; fields left out keep their value.
#[utoipa::path(
    patch,
    path = "/api/v1/personas/{persona_id}",
    tag = "personas",
    security(("bearer" = [])),
    params(("persona_id" = Uuid, Path, description = "The persona's id")),
    request_body = wire::PersonaUpdate,
    responses(
        (status = 200, description = "The changed persona", body = wire::PersonaResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys and personas", body = ErrorBody),
        (status = 404, description = "No such persona in this workspace", body = ErrorBody),
        (status = 413, description = "The body is too large", body = ErrorBody),
        (status = 422, description = "Invalid fields", body = ErrorBody),
    )
)]
pub async fn update_persona(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<PersonaId>,
    body: ApiJson<wire::PersonaUpdate>,
) -> Result<Json<wire::PersonaResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let current = state.store.persona(caller.workspace_id, id).await?;
    let fields = body.into_inner()?.over(&current.fields).parse()?;
    let persona = state
        .store
        .update_persona(caller.workspace_id, id, &fields)
        .await?;
    Ok(Json(wire::PersonaResponse {
        persona: (&persona).into(),
    }))
}

/// Deletes a persona. Journeys drawn for it keep their maps and lose the link.
#[utoipa::path(
    delete,
    path = "/api/v1/personas/{persona_id}",
    tag = "personas",
    security(("bearer" = [])),
    params(("persona_id" = Uuid, Path, description = "The persona's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to edit journeys and personas", body = ErrorBody),
        (status = 404, description = "No such persona in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_persona(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<PersonaId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditJourneys)?;
    state.store.delete_persona(caller.workspace_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
