//! The inbox: conversations as members work them (priority, snooze, assignment, labels),
//! private notes, members' replies waiting to go out through their channel, canned replies.
//!
//! The conversations and their messages are [`ConversationStore`](crate::ConversationStore)'s;
//! this adds the inbox's columns and tables (migration 0018).

use crate::{Page, PageRequest, StoreResult};
use async_trait::async_trait;
use std::fmt;
use std::str::FromStr;
use taith_domain::inbox::effective_status;
use taith_domain::{
    CannedReply, CannedReplyFields, CannedReplyId, Channel, Conversation, ConversationId,
    ConversationNote, ConversationStatus, Issue, Priority, StatusChange, UserId, WorkspaceId,
};
use time::OffsetDateTime;

/// A conversation as the inbox lists it.
#[derive(Debug, Clone, PartialEq)]
pub struct InboxItem {
    pub conversation: Conversation,
    pub priority: Priority,
    /// When a snooze ends (status `snoozed`).
    pub snoozed_until: Option<OffsetDateTime>,
    /// The newest message's time, or the creation when there is none.
    pub last_activity_at: OffsetDateTime,
}

impl InboxItem {
    /// The status to show: a snooze whose time has passed is open again.
    pub fn status(&self, now: OffsetDateTime) -> ConversationStatus {
        effective_status(self.conversation.status, self.snoozed_until, now)
    }
}

/// Where a page of the inbox starts: after this activity time and id (newest first).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InboxCursor {
    pub activity_micros: i64,
    pub id: ConversationId,
}

impl fmt::Display for InboxCursor {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}_{}", self.activity_micros, self.id)
    }
}

impl FromStr for InboxCursor {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        let (t, id) = s.trim().split_once('_').ok_or(Issue::Invalid)?;
        Ok(InboxCursor {
            activity_micros: t.parse().map_err(|_| Issue::Invalid)?,
            id: id.parse()?,
        })
    }
}

/// Whose conversations the inbox lists.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Assigned {
    #[default]
    Anyone,
    Unassigned,
    Member(UserId),
}

/// Which conversations [`inbox`](InboxStore::inbox) lists. `statuses` are as shown (a passed
/// snooze is open).
#[derive(Debug, Clone, Default)]
pub struct InboxFilter {
    pub statuses: Vec<ConversationStatus>,
    pub assigned: Assigned,
    pub team: Option<String>,
    pub channel: Option<Channel>,
    pub label: Option<String>,
    pub priority: Option<Priority>,
}

/// How many conversations each shown status has, and how many not resolved are the member's
/// or nobody's.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct InboxCounts {
    pub open: u64,
    pub pending: u64,
    pub snoozed: u64,
    pub resolved: u64,
    pub mine: u64,
    pub unassigned: u64,
}

impl InboxCounts {
    pub fn of(&self, status: ConversationStatus) -> u64 {
        match status {
            ConversationStatus::Open => self.open,
            ConversationStatus::Pending => self.pending,
            ConversationStatus::Snoozed => self.snoozed,
            ConversationStatus::Resolved => self.resolved,
        }
    }
}

/// What a member changes on a conversation; `None` leaves a field as it is.
#[derive(Debug, Clone, Default)]
pub struct InboxChange {
    pub status: Option<StatusChange>,
    /// `Some(None)`: nobody; `Some(Some((member, name)))`: that member (the name is kept as
    /// the agent, which the figures group by).
    pub assignee: Option<Option<(UserId, String)>>,
    pub team: Option<Option<String>>,
    pub priority: Option<Priority>,
    pub labels: Option<Vec<String>>,
}

#[async_trait]
pub trait InboxStore: Send + Sync {
    /// The conversations matching `filter`, newest activity first.
    async fn inbox(
        &self,
        ws: WorkspaceId,
        filter: &InboxFilter,
        now: OffsetDateTime,
        page: PageRequest<InboxCursor>,
    ) -> StoreResult<Page<InboxItem, InboxCursor>>;

    /// One conversation as the inbox shows it. NotFound: not one of the workspace's.
    async fn inbox_item(&self, ws: WorkspaceId, id: ConversationId) -> StoreResult<InboxItem>;

    /// Counts per shown status; `mine` counts `member`'s (0 without one).
    async fn inbox_counts(
        &self,
        ws: WorkspaceId,
        member: Option<UserId>,
        now: OffsetDateTime,
    ) -> StoreResult<InboxCounts>;

    /// Applies a member's change in one transaction. Resolving sets the resolution time
    /// (kept when it was resolved already); leaving `resolved` clears it and counts a
    /// reopening; any status but `snoozed` clears the snooze's end.
    async fn change_conversation(
        &self,
        ws: WorkspaceId,
        id: ConversationId,
        change: &InboxChange,
        now: OffsetDateTime,
    ) -> StoreResult<InboxItem>;

    /// Adds a private note. NotFound: no such conversation.
    async fn add_conversation_note(
        &self,
        ws: WorkspaceId,
        id: ConversationId,
        author_id: Option<UserId>,
        author: &str,
        body: &str,
        at: OffsetDateTime,
    ) -> StoreResult<ConversationNote>;

    /// The conversation's notes, oldest first. NotFound: no such conversation.
    async fn conversation_notes(
        &self,
        ws: WorkspaceId,
        id: ConversationId,
    ) -> StoreResult<Vec<ConversationNote>>;

    /// Opens every snoozed conversation whose snooze ended by `now` (all workspaces); how many.
    /// One statement, so several nodes may run it at once.
    async fn wake_snoozed(&self, now: OffsetDateTime) -> StoreResult<u64>;

    /// `Conflict(ShortcutTaken)`: another canned reply has the shortcut.
    async fn create_canned_reply(
        &self,
        ws: WorkspaceId,
        fields: &CannedReplyFields,
        now: OffsetDateTime,
    ) -> StoreResult<CannedReply>;

    async fn update_canned_reply(
        &self,
        ws: WorkspaceId,
        id: CannedReplyId,
        fields: &CannedReplyFields,
        now: OffsetDateTime,
    ) -> StoreResult<CannedReply>;

    async fn delete_canned_reply(&self, ws: WorkspaceId, id: CannedReplyId) -> StoreResult<()>;

    async fn canned_reply(&self, ws: WorkspaceId, id: CannedReplyId) -> StoreResult<CannedReply>;

    /// The workspace's canned replies by title.
    async fn canned_replies(&self, ws: WorkspaceId) -> StoreResult<Vec<CannedReply>>;
}
