//! Wire types of the inbox: a member's change to a conversation, notes, replies, canned
//! replies.

use crate::conversations::wire::{Conversation, Message};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use taith_domain as d;
use taith_store::InboxItem;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A member's change: only the fields sent change. `assignee_id` and `team` may be `null`
/// (nobody).
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct ConversationPatch {
    /// `open`, `pending`, `snoozed` (with `snoozed_until`) or `resolved`.
    #[serde(default)]
    pub status: Option<String>,
    /// RFC 3339, in the future; alone it means `status: snoozed`.
    #[serde(default)]
    pub snoozed_until: Option<String>,
    /// A member of the workspace, or `null` for nobody.
    #[serde(default, deserialize_with = "d::inbox::double_option")]
    #[schema(value_type = Option<Uuid>)]
    pub assignee_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "d::inbox::double_option")]
    pub team: Option<Option<String>>,
    /// `low`, `normal`, `high` or `urgent`.
    #[serde(default)]
    pub priority: Option<String>,
    /// Replaces the labels (the conversation's tags).
    #[serde(default)]
    pub labels: Option<Vec<String>>,
}

impl ConversationPatch {
    pub fn input(&self) -> d::InboxUpdateInput {
        d::InboxUpdateInput {
            status: self.status.clone(),
            snoozed_until: self.snoozed_until.clone(),
            assignee_id: self.assignee_id.clone(),
            team: self.team.clone(),
            priority: self.priority.clone(),
            labels: self.labels.clone(),
        }
    }
}

/// A conversation as the inbox shows it.
#[derive(Debug, Serialize, ToSchema)]
pub struct InboxConversation {
    #[serde(flatten)]
    pub conversation: Conversation,
    /// The status as the inbox shows it (a snooze whose time passed is `open`).
    pub shown_status: String,
    pub priority: String,
    #[serde(with = "time::serde::rfc3339::option")]
    pub snoozed_until: Option<OffsetDateTime>,
    /// The conversation's tags.
    pub labels: Vec<String>,
    #[serde(with = "time::serde::rfc3339")]
    pub last_activity_at: OffsetDateTime,
}

impl InboxConversation {
    pub fn of(i: &InboxItem, now: OffsetDateTime) -> InboxConversation {
        InboxConversation {
            conversation: Conversation::of(&i.conversation),
            shown_status: i.status(now).as_str().to_owned(),
            priority: i.priority.as_str().to_owned(),
            snoozed_until: i.snoozed_until,
            labels: i.conversation.tags.clone(),
            last_activity_at: i.last_activity_at,
        }
    }
}

/// A private note or a reply's text.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct TextCreate {
    /// Plain text, at most 10,000 characters.
    #[serde(default)]
    pub body: String,
}

/// A private note: members read it; the customer never does.
#[derive(Debug, Serialize, ToSchema)]
pub struct Note {
    pub id: Uuid,
    pub conversation_id: Uuid,
    pub author_id: Option<Uuid>,
    pub author: String,
    #[serde(with = "time::serde::rfc3339")]
    pub at: OffsetDateTime,
    pub body: String,
}

impl Note {
    pub fn of(n: &d::ConversationNote) -> Note {
        Note {
            id: n.id.as_uuid(),
            conversation_id: n.conversation_id.as_uuid(),
            author_id: n.author_id.map(|a| a.as_uuid()),
            author: n.author.clone(),
            at: n.at,
            body: n.body.clone(),
        }
    }
}

/// A reply and how it goes out.
#[derive(Debug, Serialize, ToSchema)]
pub struct ReplyAdded {
    pub conversation: Conversation,
    pub message: Message,
    /// `in_conversation` (web chat: the visitor reads it there), `queued` (e-mail: the mail
    /// sender sends it) or `recorded_only` (no connector sends on this channel).
    pub delivery: &'static str,
}

/// A canned reply as written: a title, an optional shortcut, one body per locale.
#[derive(Debug, Clone, Default, Deserialize, ToSchema)]
pub struct CannedReplyWrite {
    #[serde(default)]
    pub title: String,
    /// One word, unique in the workspace (lower-cased).
    #[serde(default)]
    pub shortcut: Option<String>,
    /// Locale (`en`, `cy`, `ms`, `sw`, `ar`, `vi`) → body; at least one.
    #[serde(default)]
    pub bodies: BTreeMap<String, String>,
}

impl CannedReplyWrite {
    pub fn input(&self) -> d::CannedReplyInput {
        d::CannedReplyInput {
            title: self.title.clone(),
            shortcut: self.shortcut.clone(),
            bodies: self.bodies.clone(),
        }
    }
}

/// A canned reply.
#[derive(Debug, Serialize, ToSchema)]
pub struct CannedReply {
    pub id: Uuid,
    pub title: String,
    pub shortcut: Option<String>,
    pub bodies: BTreeMap<String, String>,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl CannedReply {
    pub fn of(c: &d::CannedReply) -> CannedReply {
        CannedReply {
            id: c.id.as_uuid(),
            title: c.title.clone(),
            shortcut: c.shortcut.clone(),
            bodies: c
                .bodies
                .iter()
                .map(|(l, b)| (l.tag().to_owned(), b.clone()))
                .collect(),
            created_at: c.created_at,
            updated_at: c.updated_at,
        }
    }
}

/// The workspace's canned replies, by title.
#[derive(Debug, Serialize, ToSchema)]
pub struct CannedReplyList {
    pub canned_replies: Vec<CannedReply>,
}
