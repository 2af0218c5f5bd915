//! Wire types of "you said, we did".

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use taith_domain as d;
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// What a change acted on.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
pub struct ChangeSource {
    /// `feature_request`, `theme` or `root_cause` (a cause of the cases' root-cause list).
    pub kind: String,
    pub id: Uuid,
    /// The request's title, the theme's name or the root cause's name when the change was
    /// recorded.
    #[serde(default)]
    pub title: String,
}

/// A change's notices to customers.
#[derive(Debug, Serialize, ToSchema)]
pub struct NoticeCounts {
    /// Customers to be told.
    pub recipients: u64,
    /// Notices the mail server took.
    pub sent: u64,
    /// Waiting to be sent.
    pub waiting: u64,
    /// Not sent: since the change was recorded, the customer opted out of notices,
    /// unsubscribed from the workspace's e-mails, or lost their e-mail address.
    pub opted_out: u64,
}

/// A change made because customers asked.
#[derive(Debug, Serialize, ToSchema)]
#[schema(as = CustomerChange)]
pub struct Change {
    pub id: Uuid,
    pub source: ChangeSource,
    /// What customers read, by locale (`en`, `cy`, `ms`, `sw`, `ar`, `vi`).
    pub note: BTreeMap<String, String>,
    /// Who recorded it.
    pub created_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub notices: NoticeCounts,
}

impl From<&d::ChangeRecord> for Change {
    fn from(c: &d::ChangeRecord) -> Self {
        Change {
            id: c.id.as_uuid(),
            source: ChangeSource {
                kind: c.source.kind().to_owned(),
                id: c.source.id(),
                title: c.source_title.clone(),
            },
            note: c
                .note
                .texts()
                .iter()
                .map(|(l, s)| (l.tag().to_owned(), s.clone()))
                .collect(),
            created_by: c.created_by.clone(),
            created_at: c.created_at,
            notices: NoticeCounts {
                recipients: c.notices.recipients,
                sent: c.notices.sent,
                waiting: c.notices.waiting(),
                opted_out: c.notices.opted_out,
            },
        }
    }
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeResponse {
    pub change: Change,
}

#[derive(Debug, Serialize, ToSchema)]
pub struct ChangeList {
    pub changes: Vec<Change>,
    pub next_cursor: Option<String>,
}

/// A change to record.
#[derive(Debug, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct ChangeCreate {
    /// `feature_request`, `theme` or `root_cause` (a cause of the cases' root-cause list).
    #[serde(default)]
    pub source_kind: String,
    #[serde(default)]
    pub source_id: String,
    /// The note by locale; at least one locale must say something (else `note: required`).
    #[serde(default)]
    pub note: BTreeMap<String, String>,
}
