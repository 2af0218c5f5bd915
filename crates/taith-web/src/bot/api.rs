//! The FAQ bot over the API: ask, the FAQ gaps, the synonyms. Every rule is in
//! `taith_app::bot`.

use super::wire;
use crate::AppState;
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_app::bot::{self, BotError};
use taith_domain::{Action, BotSynonymId};

impl From<BotError> for ApiError {
    fn from(e: BotError) -> Self {
        match e {
            BotError::Invalid(v) => v.into(),
            BotError::Store(s) => s.into(),
        }
    }
}

/// Asks the FAQ bot a question on a visitor's behalf: an answer from the published
/// help-centre articles in the visitor's language, or a hand-over to a person (a `chat`
/// conversation with the transcript).
#[utoipa::path(
    post,
    path = "/api/v1/bot/ask",
    tag = "bot",
    security(("bearer" = [])),
    request_body = wire::AskRequest,
    responses(
        (status = 200, description = "An answer or a hand-over", body = wire::AskResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to record conversations (write tokens, everyone but viewers)", body = ErrorBody),
        (status = 404, description = "`conversation_id` is not one of this workspace's bot conversations", body = ErrorBody),
        (status = 422, description = "Invalid fields (`question` required or too long, `locale` unknown, `conversation_id` not an id)", body = ErrorBody),
    )
)]
pub async fn ask(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::AskRequest>,
) -> Result<Json<wire::AskResponse>, ApiError> {
    caller.require(Action::SubmitResponses)?;
    let input = body.into_inner()?.input();
    let reply = state
        .app
        .bot
        .ask(state.store.as_ref(), caller.workspace_id, &input)
        .await?;
    Ok(Json((&reply).into()))
}

/// The questions of the last 90 days that no article answered, grouped by similarity: the
/// bot's hand-overs for low confidence, help-centre searches and web-shop site searches
/// without results. Largest groups first.
#[utoipa::path(
    get,
    path = "/api/v1/faq-gaps",
    tag = "bot",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The groups", body = wire::GapList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read what customers wrote", body = ErrorBody),
    )
)]
pub async fn faq_gaps(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::GapList>, ApiError> {
    caller.require(Action::ReadResponses)?;
    let groups = bot::gaps::faq_gaps(
        state.store.as_ref(),
        Some(&state.app.webstats),
        caller.workspace_id,
    )
    .await?;
    Ok(Json(wire::GapList {
        gaps: groups.iter().map(wire::Gap::from).collect(),
    }))
}

/// The workspace's synonyms, by locale and term.
#[utoipa::path(
    get,
    path = "/api/v1/bot/synonyms",
    tag = "bot",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "The synonyms", body = wire::SynonymList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
    )
)]
pub async fn list_synonyms(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::SynonymList>, ApiError> {
    caller.require(Action::Read)?;
    let all = bot::synonyms(state.store.as_ref(), caller.workspace_id).await?;
    Ok(Json(wire::SynonymList {
        synonyms: all.iter().map(wire::Synonym::from).collect(),
    }))
}

/// Adds a synonym (the same term in the same locale again replaces its expansions). The bot
/// uses it from the next question.
#[utoipa::path(
    post,
    path = "/api/v1/bot/synonyms",
    tag = "bot",
    security(("bearer" = [])),
    request_body = wire::SynonymWrite,
    responses(
        (status = 200, description = "The synonym", body = wire::SynonymResponse),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the knowledge base", body = ErrorBody),
        (status = 422, description = "Invalid fields (`locale`, `term`, `expansions`)", body = ErrorBody),
    )
)]
pub async fn put_synonym(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::SynonymWrite>,
) -> Result<Json<wire::SynonymResponse>, ApiError> {
    caller.require(Action::EditJourneys)?;
    let input = body.into_inner()?.input();
    let s = bot::put_synonym(state.store.as_ref(), caller.workspace_id, &input).await?;
    Ok(Json(wire::SynonymResponse {
        synonym: (&s).into(),
    }))
}

/// Deletes a synonym.
#[utoipa::path(
    delete,
    path = "/api/v1/bot/synonyms/{synonym_id}",
    tag = "bot",
    security(("bearer" = [])),
    params(("synonym_id" = Uuid, Path, description = "The synonym's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to change the knowledge base", body = ErrorBody),
        (status = 404, description = "No such synonym in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_synonym(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<BotSynonymId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::EditJourneys)?;
    bot::delete_synonym(state.store.as_ref(), caller.workspace_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
