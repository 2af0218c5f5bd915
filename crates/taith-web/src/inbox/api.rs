//! The inbox over the API: change a conversation (status, snooze, assignment, team,
//! priority, labels), add a private note, reply through the channel, and the canned replies.
//! Every rule is in `taith_app::inbox`.

use super::wire;
use crate::AppState;
use crate::conversations::wire::{Conversation, Message};
use crate::http::bearer::Caller;
use crate::http::error::{ApiError, ErrorBody};
use crate::http::extract::{ApiJson, ApiPath};
use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use taith_app::inbox::{self, Delivery, Refused, canned};
use taith_domain::{Action, CannedReplyId, ConversationId};

impl From<Refused> for ApiError {
    fn from(e: Refused) -> Self {
        match e {
            Refused::Invalid(v) => v.into(),
            Refused::Store(s) => s.into(),
        }
    }
}

/// The caller may see the conversation (404 first, like a missing one), then may work it.
async fn may_work(state: &AppState, caller: &Caller, id: ConversationId) -> Result<(), ApiError> {
    caller.require(Action::Read)?;
    state.store.conversation(caller.workspace_id, id).await?;
    caller.require(Action::WorkInbox)
}

/// Changes a conversation as a member works it: only the fields sent change. Resolving sets
/// the resolution time; leaving `resolved` reopens it; `snoozed` needs `snoozed_until` in the
/// future and shows as `open` again once it has passed.
#[utoipa::path(
    patch,
    path = "/api/v1/conversations/{conversation_id}",
    tag = "inbox",
    security(("bearer" = [])),
    params(("conversation_id" = Uuid, Path, description = "The conversation's id")),
    request_body = wire::ConversationPatch,
    responses(
        (status = 200, description = "The conversation after the change", body = wire::InboxConversation),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the inbox (analysts, viewers, read tokens)", body = ErrorBody),
        (status = 404, description = "No such conversation in this workspace", body = ErrorBody),
        (status = 422, description = "`status`, `snoozed_until` (`required`, `invalid`, `in_past`), `assignee_id` (`not_found`: not a member of this workspace), `team`, `priority`, `labels`", body = ErrorBody),
    )
)]
pub async fn update_conversation(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ConversationId>,
    body: ApiJson<wire::ConversationPatch>,
) -> Result<Json<wire::InboxConversation>, ApiError> {
    may_work(&state, &caller, id).await?;
    let body = body.into_inner()?;
    let item = inbox::update(state.store.as_ref(), caller.workspace_id, id, &body.input()).await?;
    Ok(Json(wire::InboxConversation::of(
        &item,
        taith_domain::now(),
    )))
}

/// Adds a private note: members read it in the inbox; it is never a message, never shown or
/// sent to the customer.
#[utoipa::path(
    post,
    path = "/api/v1/conversations/{conversation_id}/notes",
    tag = "inbox",
    security(("bearer" = [])),
    params(("conversation_id" = Uuid, Path, description = "The conversation's id")),
    request_body = wire::TextCreate,
    responses(
        (status = 201, description = "The note", body = wire::Note),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the inbox", body = ErrorBody),
        (status = 404, description = "No such conversation in this workspace", body = ErrorBody),
        (status = 422, description = "`body` (`required`, `too_long`)", body = ErrorBody),
    )
)]
pub async fn add_note(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ConversationId>,
    body: ApiJson<wire::TextCreate>,
) -> Result<(StatusCode, Json<wire::Note>), ApiError> {
    may_work(&state, &caller, id).await?;
    let body = body.into_inner()?;
    let note = inbox::add_note(
        state.store.as_ref(),
        caller.workspace_id,
        id,
        &caller.principal,
        &body.body,
    )
    .await?;
    Ok((StatusCode::CREATED, Json(wire::Note::of(&note))))
}

/// A member's reply to the customer, through the channel they used: web chat shows it in the
/// visitor's chat, e-mail sends it (queued for the mail sender). The first reply by a person
/// sets the conversation's first response time.
#[utoipa::path(
    post,
    path = "/api/v1/conversations/{conversation_id}/replies",
    tag = "inbox",
    security(("bearer" = [])),
    params(("conversation_id" = Uuid, Path, description = "The conversation's id")),
    request_body = wire::TextCreate,
    responses(
        (status = 201, description = "The reply, the conversation after it and how it goes out", body = wire::ReplyAdded),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the inbox", body = ErrorBody),
        (status = 404, description = "No such conversation in this workspace", body = ErrorBody),
        (status = 422, description = "`body` (`required`, `too_long`)", body = ErrorBody),
    )
)]
pub async fn reply(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<ConversationId>,
    body: ApiJson<wire::TextCreate>,
) -> Result<(StatusCode, Json<wire::ReplyAdded>), ApiError> {
    may_work(&state, &caller, id).await?;
    let body = body.into_inner()?;
    let (c, m, delivery) = inbox::reply(
        state.store.as_ref(),
        caller.workspace_id,
        id,
        &caller.principal,
        &body.body,
    )
    .await?;
    Ok((
        StatusCode::CREATED,
        Json(wire::ReplyAdded {
            conversation: Conversation::of(&c),
            message: Message::of(&m),
            delivery: match delivery {
                Delivery::InConversation => "in_conversation",
                Delivery::Queued => "queued",
                Delivery::RecordedOnly => "recorded_only",
            },
        }),
    ))
}

/// The workspace's canned replies, by title.
#[utoipa::path(
    get,
    path = "/api/v1/canned-replies",
    tag = "inbox",
    security(("bearer" = [])),
    responses(
        (status = 200, description = "Every canned reply", body = wire::CannedReplyList),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read the inbox (a viewer)", body = ErrorBody),
    )
)]
pub async fn list_canned(
    State(state): State<AppState>,
    caller: Caller,
) -> Result<Json<wire::CannedReplyList>, ApiError> {
    caller.require(Action::ReadResponses)?;
    let all = state.store.canned_replies(caller.workspace_id).await?;
    Ok(Json(wire::CannedReplyList {
        canned_replies: all.iter().map(wire::CannedReply::of).collect(),
    }))
}

/// Makes a canned reply.
#[utoipa::path(
    post,
    path = "/api/v1/canned-replies",
    tag = "inbox",
    security(("bearer" = [])),
    request_body = wire::CannedReplyWrite,
    responses(
        (status = 201, description = "The new canned reply", body = wire::CannedReply),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the inbox", body = ErrorBody),
        (status = 422, description = "`title`, `shortcut` (`taken`, `invalid`), `bodies.<locale>` (`unknown_value`, `too_long`; `bodies.en` `required` when none)", body = ErrorBody),
    )
)]
pub async fn create_canned(
    State(state): State<AppState>,
    caller: Caller,
    body: ApiJson<wire::CannedReplyWrite>,
) -> Result<(StatusCode, Json<wire::CannedReply>), ApiError> {
    caller.require(Action::WorkInbox)?;
    let input = body.into_inner()?.input();
    let c = canned::create(state.store.as_ref(), caller.workspace_id, &input).await?;
    Ok((StatusCode::CREATED, Json(wire::CannedReply::of(&c))))
}

/// One canned reply.
#[utoipa::path(
    get,
    path = "/api/v1/canned-replies/{canned_reply_id}",
    tag = "inbox",
    security(("bearer" = [])),
    params(("canned_reply_id" = Uuid, Path, description = "The canned reply's id")),
    responses(
        (status = 200, description = "The canned reply", body = wire::CannedReply),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to read the inbox (a viewer)", body = ErrorBody),
        (status = 404, description = "No such canned reply in this workspace", body = ErrorBody),
    )
)]
pub async fn get_canned(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CannedReplyId>,
) -> Result<Json<wire::CannedReply>, ApiError> {
    caller.require(Action::ReadResponses)?;
    let c = state.store.canned_reply(caller.workspace_id, id).await?;
    Ok(Json(wire::CannedReply::of(&c)))
}

/// Replaces a canned reply's title, shortcut and bodies.
#[utoipa::path(
    put,
    path = "/api/v1/canned-replies/{canned_reply_id}",
    tag = "inbox",
    security(("bearer" = [])),
    params(("canned_reply_id" = Uuid, Path, description = "The canned reply's id")),
    request_body = wire::CannedReplyWrite,
    responses(
        (status = 200, description = "The changed canned reply", body = wire::CannedReply),
        (status = 400, description = "The body is not a JSON object of this shape", body = ErrorBody),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the inbox", body = ErrorBody),
        (status = 404, description = "No such canned reply in this workspace", body = ErrorBody),
        (status = 422, description = "Invalid fields, as for creating one", body = ErrorBody),
    )
)]
pub async fn update_canned(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CannedReplyId>,
    body: ApiJson<wire::CannedReplyWrite>,
) -> Result<Json<wire::CannedReply>, ApiError> {
    caller.require(Action::WorkInbox)?;
    let input = body.into_inner()?.input();
    let c = canned::update(state.store.as_ref(), caller.workspace_id, id, &input).await?;
    Ok(Json(wire::CannedReply::of(&c)))
}

/// Deletes a canned reply.
#[utoipa::path(
    delete,
    path = "/api/v1/canned-replies/{canned_reply_id}",
    tag = "inbox",
    security(("bearer" = [])),
    params(("canned_reply_id" = Uuid, Path, description = "The canned reply's id")),
    responses(
        (status = 204, description = "Deleted"),
        (status = 401, description = "No valid credentials", body = ErrorBody),
        (status = 403, description = "Not allowed to work the inbox", body = ErrorBody),
        (status = 404, description = "No such canned reply in this workspace", body = ErrorBody),
    )
)]
pub async fn delete_canned(
    State(state): State<AppState>,
    caller: Caller,
    ApiPath(id): ApiPath<CannedReplyId>,
) -> Result<StatusCode, ApiError> {
    caller.require(Action::WorkInbox)?;
    canned::delete(state.store.as_ref(), caller.workspace_id, id).await?;
    Ok(StatusCode::NO_CONTENT)
}
