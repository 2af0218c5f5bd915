//! The inbox: members work support conversations from every channel in one list — assign
//! them (a member and/or a team), set their status (a snooze needs a time in the future),
//! priority and labels (the conversation's tags), write private notes, reply through the
//! channel the customer used ([`delivery`]), with canned replies per locale ([`canned`]), and
//! download the attachments of the customer's mail ([`attachments`]).
//!
//! Every edge (pages, API, CLI, tests) calls these; the figures stay right because a reply is
//! a message added as `conversations` adds them (the first reply by a person sets the first
//! response time), resolving sets the resolution time and a customer writing after it reopens.

pub mod attachments;
pub mod canned;
pub mod delivery;
pub mod worker;

use taith_domain::inbox::{parse_labels, parse_note, parse_reply};
use taith_domain::{
    Conversation, ConversationId, ConversationMessage, ConversationNote, InboxUpdateInput, Issue,
    MessageDirection, Principal, Priority, StatusChange, UserId, ValidationErrors, WorkspaceId,
};
use taith_store::{
    InboxChange, InboxCounts, InboxCursor, InboxFilter, InboxItem, MessageToStore, Page,
    PageRequest, Store, StoreError,
};
use time::OffsetDateTime;

pub use delivery::Delivery;

/// Longest team name (characters).
const MAX_TEAM_CHARS: usize = taith_domain::conversation::MAX_REF_CHARS;

/// Why an inbox action was refused.
#[derive(Debug, thiserror::Error)]
pub enum Refused {
    #[error(transparent)]
    Invalid(#[from] ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// A page of the inbox, newest activity first.
pub async fn list(
    store: &dyn Store,
    ws: WorkspaceId,
    filter: &InboxFilter,
    page: PageRequest<InboxCursor>,
) -> Result<Page<InboxItem, InboxCursor>, StoreError> {
    store.inbox(ws, filter, taith_domain::now(), page).await
}

/// How many conversations each status has, and how many are `member`'s and nobody's.
pub async fn counts(
    store: &dyn Store,
    ws: WorkspaceId,
    member: Option<UserId>,
) -> Result<InboxCounts, StoreError> {
    store.inbox_counts(ws, member, taith_domain::now()).await
}

/// The member `id` names, with their name: refused unless they belong to the workspace.
async fn member_of(
    store: &dyn Store,
    ws: WorkspaceId,
    raw: &str,
) -> Result<(UserId, String), Refused> {
    let id: UserId = raw
        .parse()
        .map_err(|i| ValidationErrors::one("assignee_id", i))?;
    store
        .members(ws)
        .await?
        .into_iter()
        .find(|m| m.user.id == id)
        .map(|m| (m.user.id, m.user.name.to_string()))
        .ok_or_else(|| ValidationErrors::one("assignee_id", Issue::NotFound).into())
}

/// Checks a member's change: every bad field is named at once.
pub async fn check_update(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &InboxUpdateInput,
    now: OffsetDateTime,
) -> Result<InboxChange, Refused> {
    let mut e = ValidationErrors::default();
    let mut change = InboxChange::default();
    match input.status.as_deref().map(str::trim) {
        None | Some("") if input.snoozed_until.is_some() => {
            // A snooze's end alone means snoozing.
            change.status =
                StatusChange::parse("snoozed", input.snoozed_until.as_deref(), now, &mut e);
        }
        None | Some("") => {}
        Some(s) => {
            change.status = StatusChange::parse(s, input.snoozed_until.as_deref(), now, &mut e);
        }
    }
    if let Some(p) = input.priority.as_deref() {
        change.priority = e.check("priority", p.parse::<Priority>());
    }
    if let Some(l) = &input.labels {
        change.labels = e.check("labels", parse_labels(l));
    }
    if let Some(t) = &input.team {
        match t.as_deref().map(str::trim) {
            None | Some("") => change.team = Some(None),
            Some(t) if t.chars().count() > MAX_TEAM_CHARS => e.push("team", Issue::TooLong),
            Some(t) => change.team = Some(Some(t.to_owned())),
        }
    }
    if let Some(a) = &input.assignee_id {
        match a.as_deref().map(str::trim) {
            None | Some("") => change.assignee = Some(None),
            Some(raw) => match member_of(store, ws, raw).await {
                Ok(m) => change.assignee = Some(Some(m)),
                Err(Refused::Invalid(v)) => e.0.extend(v.0),
                Err(other) => return Err(other),
            },
        }
    }
    e.into_result()?;
    Ok(change)
}

/// Applies a member's change (status, snooze, assignment, team, priority, labels).
pub async fn update(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    input: &InboxUpdateInput,
) -> Result<InboxItem, Refused> {
    // Another workspace's id is a 404 before any field is looked at.
    store.conversation(ws, id).await?;
    let now = taith_domain::now();
    let change = check_update(store, ws, input, now).await?;
    Ok(store.change_conversation(ws, id, &change, now).await?)
}

/// Assigns a conversation to a member of the workspace (None: nobody) and/or a team.
pub async fn assign(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    member: Option<&str>,
    team: Option<Option<&str>>,
) -> Result<InboxItem, Refused> {
    let input = InboxUpdateInput {
        assignee_id: Some(member.map(str::to_owned)),
        team: team.map(|t| t.map(str::to_owned)),
        ..InboxUpdateInput::default()
    };
    update(store, ws, id, &input).await
}

/// Sets the status; `snoozed` needs `snoozed_until` in the future.
pub async fn set_status(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    status: &str,
    snoozed_until: Option<&str>,
) -> Result<InboxItem, Refused> {
    let input = InboxUpdateInput {
        status: Some(status.to_owned()),
        snoozed_until: snoozed_until.map(str::to_owned),
        ..InboxUpdateInput::default()
    };
    update(store, ws, id, &input).await
}

pub async fn set_priority(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    priority: &str,
) -> Result<InboxItem, Refused> {
    let input = InboxUpdateInput {
        priority: Some(priority.to_owned()),
        ..InboxUpdateInput::default()
    };
    update(store, ws, id, &input).await
}

/// Replaces the labels (the conversation's tags).
pub async fn set_labels(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    labels: &[String],
) -> Result<InboxItem, Refused> {
    let input = InboxUpdateInput {
        labels: Some(labels.to_vec()),
        ..InboxUpdateInput::default()
    };
    update(store, ws, id, &input).await
}

/// Adds a private note by `who`: members read it; it is never a message, so the customer
/// never sees it and no channel sends it.
pub async fn add_note(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    who: &Principal,
    body: &str,
) -> Result<ConversationNote, Refused> {
    store.conversation(ws, id).await?;
    let body = parse_note(body).map_err(|i| ValidationErrors::one("body", i))?;
    Ok(store
        .add_conversation_note(
            ws,
            id,
            who.user_id(),
            &who.display_name(),
            &body,
            taith_domain::now(),
        )
        .await?)
}

/// Replies to the customer as `who`, through the conversation's channel
/// ([`delivery::deliver_reply`]). The first reply by a person sets the first response time.
pub async fn reply(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    who: &Principal,
    body: &str,
) -> Result<(Conversation, ConversationMessage, Delivery), Refused> {
    let conversation = store.conversation(ws, id).await?;
    let body = parse_reply(body).map_err(|i| ValidationErrors::one("body", i))?;
    let message = MessageToStore {
        automatic: false,
        direction: MessageDirection::Out,
        author: Some(who.display_name()),
        author_id: who.user_id(),
        at: taith_domain::now(),
        body,
    };
    Ok(delivery::deliver_reply(store, ws, &conversation, &message).await?)
}
