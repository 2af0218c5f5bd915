//! The audit log: who changed what in a workspace, and who read personal data in bulk, with
//! when and from which address. Entries are only ever added; the only removal is the
//! retention rule's, for entries older than the workspace keeps them.

use crate::{AuditEntryId, Issue, UserId, ValidationErrors};
use serde::{Deserialize, Serialize};
use time::OffsetDateTime;

/// Who acted.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ActorKind {
    /// A member signed in with a browser (or the API with their session).
    Member,
    /// An API token: an integration.
    Token,
    /// The command line on the server (`taith customer erase …`).
    Cli,
    /// taith itself: the retention rule.
    System,
}

impl ActorKind {
    pub fn code(self) -> &'static str {
        match self {
            ActorKind::Member => "member",
            ActorKind::Token => "token",
            ActorKind::Cli => "cli",
            ActorKind::System => "system",
        }
    }

    pub fn from_code(code: &str) -> Option<ActorKind> {
        [
            ActorKind::Member,
            ActorKind::Token,
            ActorKind::Cli,
            ActorKind::System,
        ]
        .into_iter()
        .find(|k| k.code() == code)
    }
}

/// Who acted, as recorded: the kind, the id (a user's or a token's) and the name shown.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub kind: ActorKind,
    /// The user's or token's id; None for the command line and taith itself.
    pub id: Option<String>,
    /// The member's name and e-mail address, the token's name, or the command.
    pub label: String,
}

impl Actor {
    pub fn member(user: UserId, label: String) -> Actor {
        Actor {
            kind: ActorKind::Member,
            id: Some(user.to_string()),
            label,
        }
    }
}

/// Whether an entry changed something or read personal data.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditKind {
    Change,
    Read,
}

impl AuditKind {
    /// A request that is not a read (GET, HEAD) changes something.
    pub fn of_method(method: &str) -> AuditKind {
        if matches!(method, "GET" | "HEAD") {
            AuditKind::Read
        } else {
            AuditKind::Change
        }
    }
}

/// One recorded action.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AuditEntry {
    pub id: AuditEntryId,
    pub at: OffsetDateTime,
    pub actor: Actor,
    /// The client's address (as the server saw it, after trusted proxies).
    pub address: Option<String>,
    /// `GET`, `POST`, `PUT`, `DELETE`, … or `CLI`.
    pub method: String,
    /// What was done, as its route: `/w/{slug}/members/{id}/role`, or the command's name.
    pub action: String,
    /// The address acted on, without its query (ids, never free text).
    pub target: String,
    /// The HTTP status of the answer: whether it was done (2xx/3xx), refused or wrong.
    pub status: u16,
}

impl AuditEntry {
    pub fn kind(&self) -> AuditKind {
        AuditKind::of_method(&self.method)
    }
}

/// How many months a workspace keeps its audit log (1 to 120; 24 by default).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(transparent)]
pub struct AuditRetention(u16);

impl AuditRetention {
    pub const DEFAULT: AuditRetention = AuditRetention(24);
    pub const MAX_MONTHS: u16 = 120;

    pub fn months(self) -> u16 {
        self.0
    }

    pub fn parse(months: i64) -> Result<AuditRetention, Issue> {
        match u16::try_from(months) {
            Ok(m) if (1..=Self::MAX_MONTHS).contains(&m) => Ok(AuditRetention(m)),
            _ => Err(Issue::Invalid),
        }
    }

    /// The months as typed in the field `months` (a whole number, 1 to 120).
    pub fn parse_field(months: &str) -> Result<AuditRetention, ValidationErrors> {
        let months = months.trim();
        if months.is_empty() {
            return Err(ValidationErrors::one("months", Issue::Required));
        }
        months
            .parse::<i64>()
            .map_err(|_| Issue::Invalid)
            .and_then(AuditRetention::parse)
            .map_err(|issue| ValidationErrors::one("months", issue))
    }

    /// Entries recorded before this are past keeping at `now` (a month counted as 30 days,
    /// so the cut never falls on a day that does not exist).
    pub fn cutoff(self, now: OffsetDateTime) -> OffsetDateTime {
        now - time::Duration::days(30 * i64::from(self.0))
    }
}

impl Default for AuditRetention {
    fn default() -> Self {
        AuditRetention::DEFAULT
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn retention_is_one_to_a_hundred_and_twenty_months() {
        assert_eq!(AuditRetention::parse(0), Err(Issue::Invalid));
        assert_eq!(AuditRetention::parse(121), Err(Issue::Invalid));
        assert_eq!(AuditRetention::parse(-3), Err(Issue::Invalid));
        assert_eq!(
            AuditRetention::parse(12).map(AuditRetention::months),
            Ok(12)
        );
        let now = time::macros::datetime!(2026-12-06 12:00 UTC);
        assert_eq!(
            AuditRetention::parse(1).map(|r| r.cutoff(now)),
            Ok(time::macros::datetime!(2026-11-06 12:00 UTC))
        );
    }

    #[test]
    fn reads_are_gets_and_everything_else_changes() {
        assert_eq!(AuditKind::of_method("GET"), AuditKind::Read);
        for m in ["POST", "PUT", "PATCH", "DELETE", "CLI"] {
            assert_eq!(AuditKind::of_method(m), AuditKind::Change);
        }
    }

    #[test]
    fn actor_kinds_round_trip_their_codes() {
        for k in [
            ActorKind::Member,
            ActorKind::Token,
            ActorKind::Cli,
            ActorKind::System,
        ] {
            assert_eq!(ActorKind::from_code(k.code()), Some(k));
        }
        assert_eq!(ActorKind::from_code("root"), None);
    }
}
