//! Wire types of the audit log.

use serde::{Deserialize, Serialize};
use taith_domain as d;
use time::format_description::well_known::Rfc3339;
use utoipa::ToSchema;

/// One recorded action.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditEntry {
    pub id: String,
    /// When (RFC 3339, UTC).
    pub at: String,
    /// `member`, `token`, `cli` or `system`.
    pub actor_kind: String,
    /// The member's user id or the token's id.
    pub actor_id: Option<String>,
    /// The member's name and address, the token's name, or the command.
    pub actor: String,
    /// The client's address.
    pub address: Option<String>,
    /// `change` or `read` (of personal data).
    pub kind: String,
    /// `GET`, `POST`, `PUT`, `DELETE`, … or `CLI`.
    pub method: String,
    /// The route acted on, `/w/{slug}/members/{id}/role`, or the command.
    pub action: String,
    /// The address acted on (no query).
    pub target: String,
    /// The answer's HTTP status.
    pub status: u16,
}

impl From<&d::AuditEntry> for AuditEntry {
    fn from(e: &d::AuditEntry) -> Self {
        AuditEntry {
            id: e.id.to_string(),
            at: e.at.format(&Rfc3339).unwrap_or_default(),
            actor_kind: e.actor.kind.code().to_owned(),
            actor_id: e.actor.id.clone(),
            actor: e.actor.label.clone(),
            address: e.address.clone(),
            kind: match e.kind() {
                d::AuditKind::Change => "change",
                d::AuditKind::Read => "read",
            }
            .to_owned(),
            method: e.method.clone(),
            action: e.action.clone(),
            target: e.target.clone(),
            status: e.status,
        }
    }
}

/// A page of the audit log, newest first.
#[derive(Debug, Serialize, ToSchema)]
pub struct AuditLog {
    pub entries: Vec<AuditEntry>,
    /// Pass as `before` for the next (older) page; absent on the last page.
    pub next: Option<String>,
}

/// How long the audit log is kept.
#[derive(Debug, Serialize, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AuditRetention {
    /// Months, 1 to 120 (24 by default). Older entries are removed daily.
    pub months: i64,
}
