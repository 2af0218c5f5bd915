//! "You said, we did": a change the business made because customers asked — a feature request
//! done, a theme of their comments acted on — with a short public note per locale. The
//! customers behind it are told once, in their language; the public "what we changed" page
//! lists it.

use crate::{
    ChangeId, CustomerId, FeatureRequestId, Issue, Locale, PublicNote, RootCauseId, ThemeId,
    ValidationErrors,
};
use serde::Serialize;
use std::collections::BTreeMap;
use time::OffsetDateTime;

/// What was acted on: a feature request, a theme of comments, or a case root cause. A source
/// only needs a kind code, an id, and a way to find the customers behind it (the store's
/// `change_audience`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ChangeSource {
    FeatureRequest(FeatureRequestId),
    Theme(ThemeId),
    /// A cause from the workspace's root-cause list: the customers of the cases naming it.
    RootCause(RootCauseId),
}

impl ChangeSource {
    /// The kinds of source, as the API and forms name them.
    pub const KINDS: [&'static str; 3] = ["feature_request", "theme", "root_cause"];

    /// The stable code stored and sent by the API.
    pub fn kind(&self) -> &'static str {
        match self {
            ChangeSource::FeatureRequest(_) => "feature_request",
            ChangeSource::Theme(_) => "theme",
            ChangeSource::RootCause(_) => "root_cause",
        }
    }

    pub fn id(&self) -> uuid::Uuid {
        match self {
            ChangeSource::FeatureRequest(id) => id.as_uuid(),
            ChangeSource::Theme(id) => id.as_uuid(),
            ChangeSource::RootCause(id) => id.as_uuid(),
        }
    }

    /// A source from its kind and id as typed (errors on `source_kind` / `source_id`).
    pub fn parse(kind: &str, id: &str) -> Result<ChangeSource, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let kind = kind.trim();
        let kind_ok = if kind.is_empty() {
            errors.push("source_kind", Issue::Required);
            None
        } else if Self::KINDS.contains(&kind) {
            Some(kind)
        } else {
            errors.push("source_kind", Issue::UnknownValue);
            None
        };
        let id = if id.trim().is_empty() {
            errors.push("source_id", Issue::Required);
            None
        } else {
            errors.check(
                "source_id",
                uuid::Uuid::parse_str(id.trim()).map_err(|_| Issue::Invalid),
            )
        };
        match (kind_ok, id) {
            (Some(kind), Some(id)) => Self::from_stored(kind, id).ok_or(errors),
            _ => Err(errors),
        }
    }

    /// A stored kind and id back.
    pub fn from_stored(kind: &str, id: uuid::Uuid) -> Option<ChangeSource> {
        match kind {
            "feature_request" => Some(ChangeSource::FeatureRequest(id.into())),
            "theme" => Some(ChangeSource::Theme(id.into())),
            "root_cause" => Some(ChangeSource::RootCause(id.into())),
            _ => None,
        }
    }
}

/// Raw input of a change: the source and the note per locale, as typed.
#[derive(Debug, Clone, Default)]
pub struct ChangeInput {
    pub source_kind: String,
    pub source_id: String,
    pub note: BTreeMap<Locale, String>,
}

/// A change, parsed: what was acted on and what customers read about it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ChangeFields {
    pub source: ChangeSource,
    pub note: PublicNote,
}

impl ChangeInput {
    /// The source must be given; the note must say something in at least one locale (the
    /// error then is on `note`), and each locale's text is at most
    /// [`PublicNote::MAX_CHARS`] (the error on `note_{locale}`).
    pub fn parse(&self) -> Result<ChangeFields, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let source = match ChangeSource::parse(&self.source_kind, &self.source_id) {
            Ok(s) => Some(s),
            Err(e) => {
                errors.0.extend(e.0);
                None
            }
        };
        let note = match PublicNote::parse_fields(&self.note) {
            Ok(n) if n.is_empty() => {
                errors.push("note", Issue::Required);
                None
            }
            Ok(n) => Some(n),
            Err(e) => {
                errors.0.extend(e.0);
                None
            }
        };
        match (source, note) {
            (Some(source), Some(note)) if errors.0.is_empty() => Ok(ChangeFields { source, note }),
            _ => Err(errors),
        }
    }
}

/// A recorded change, with how its notices are doing.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ChangeRecord {
    pub id: ChangeId,
    #[serde(skip)]
    pub source: ChangeSource,
    /// The source's title or name when the change was recorded (a request's title, a
    /// theme's name): staff's label for it.
    pub source_title: String,
    pub note: PublicNote,
    /// Who recorded it.
    pub created_by: String,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    pub notices: NoticeCounts,
}

/// A change's notices, counted.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct NoticeCounts {
    /// Customers to be told (all notices made).
    pub recipients: u64,
    /// Notices the SMTP server took.
    pub sent: u64,
    /// Not sent because the customer opted out (after the change was recorded).
    pub opted_out: u64,
}

impl NoticeCounts {
    /// Waiting to be sent.
    pub fn waiting(&self) -> u64 {
        self.recipients.saturating_sub(self.sent + self.opted_out)
    }
}

/// A customer behind a change's source, as the store finds them.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AudienceMember {
    pub customer_id: CustomerId,
    pub has_email: bool,
    /// Opted out of "we did" notices, or unsubscribed from the workspace's e-mails.
    pub opted_out: bool,
    /// The locale of their latest response linked to the source (else of their latest
    /// response at all, else their own).
    pub locale: Option<Locale>,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_change_needs_a_source_and_a_note_in_one_locale_at_least() {
        let bad = ChangeInput::default().parse().err().unwrap_or_default();
        assert_eq!(bad.issue_for("source_kind"), Some(Issue::Required));
        assert_eq!(bad.issue_for("source_id"), Some(Issue::Required));
        assert_eq!(bad.issue_for("note"), Some(Issue::Required));
        let id = FeatureRequestId::new();
        let ok = ChangeInput {
            source_kind: "feature_request".into(),
            source_id: id.to_string(),
            note: [(Locale::Cy, "Wedi'i wneud".to_owned())].into(),
        }
        .parse();
        assert_eq!(ok.map(|f| f.source), Ok(ChangeSource::FeatureRequest(id)));
        let cause = RootCauseId::new();
        let by_cause = ChangeSource::parse("root_cause", &cause.to_string());
        assert_eq!(by_cause, Ok(ChangeSource::RootCause(cause)));
        assert_eq!(
            ChangeSource::from_stored("root_cause", cause.as_uuid()),
            Some(ChangeSource::RootCause(cause))
        );
        let wrong = ChangeInput {
            source_kind: "case".into(),
            source_id: "x".into(),
            note: [(Locale::Ar, "x".repeat(PublicNote::MAX_CHARS + 1))].into(),
        }
        .parse()
        .err()
        .unwrap_or_default();
        assert_eq!(wrong.issue_for("source_kind"), Some(Issue::UnknownValue));
        assert_eq!(wrong.issue_for("source_id"), Some(Issue::Invalid));
        assert_eq!(wrong.issue_for("note_ar"), Some(Issue::TooLong));
    }
}
