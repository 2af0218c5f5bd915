//! The inbox: how members work support conversations — priority, snoozing, private notes,
//! labels (the conversation's tags) and canned replies with one body per locale.
//!
//! The conversations themselves are [`crate::conversation`]'s; this module adds what only the
//! inbox needs.

use crate::conversation::{MAX_BODY_CHARS, parse_tags};
use crate::{
    CannedReplyId, ConversationId, ConversationNoteId, ConversationStatus, Issue, Locale, UserId,
    ValidationErrors,
};
use serde::{Deserialize, Deserializer, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;
use time::OffsetDateTime;

/// Longest canned reply title and shortcut (characters).
pub const MAX_TITLE_CHARS: usize = 200;
pub const MAX_SHORTCUT_CHARS: usize = 50;
/// Longest private note (characters).
pub const MAX_NOTE_CHARS: usize = MAX_BODY_CHARS;

/// How urgent a conversation is; `normal` unless a member says otherwise.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize, Default,
)]
#[serde(rename_all = "snake_case")]
pub enum Priority {
    Low,
    #[default]
    Normal,
    High,
    Urgent,
}

impl Priority {
    pub const ALL: [Priority; 4] = [
        Priority::Low,
        Priority::Normal,
        Priority::High,
        Priority::Urgent,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Priority::Low => "low",
            Priority::Normal => "normal",
            Priority::High => "high",
            Priority::Urgent => "urgent",
        }
    }
}

impl FromStr for Priority {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        Priority::ALL
            .into_iter()
            .find(|p| p.as_str().eq_ignore_ascii_case(s))
            .ok_or(Issue::UnknownValue)
    }
}

/// The status a member sets, with the time a snooze ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StatusChange {
    Open,
    Pending,
    /// Until this time; then the conversation is open again.
    Snoozed(OffsetDateTime),
    Resolved,
}

impl StatusChange {
    /// A status and, for `snoozed`, its end, which must be after `now`.
    pub fn parse(
        status: &str,
        snoozed_until: Option<&str>,
        now: OffsetDateTime,
        errors: &mut ValidationErrors,
    ) -> Option<StatusChange> {
        let status = errors.check("status", status.parse::<ConversationStatus>())?;
        Some(match status {
            ConversationStatus::Open => StatusChange::Open,
            ConversationStatus::Pending => StatusChange::Pending,
            ConversationStatus::Resolved => StatusChange::Resolved,
            ConversationStatus::Snoozed => {
                let until = errors.check(
                    "snoozed_until",
                    crate::conversation::parse_time(snoozed_until.unwrap_or_default()),
                )?;
                if until <= now {
                    errors.push("snoozed_until", Issue::InPast);
                    return None;
                }
                StatusChange::Snoozed(until)
            }
        })
    }

    pub fn status(self) -> ConversationStatus {
        match self {
            StatusChange::Open => ConversationStatus::Open,
            StatusChange::Pending => ConversationStatus::Pending,
            StatusChange::Snoozed(_) => ConversationStatus::Snoozed,
            StatusChange::Resolved => ConversationStatus::Resolved,
        }
    }

    pub fn snoozed_until(self) -> Option<OffsetDateTime> {
        match self {
            StatusChange::Snoozed(t) => Some(t),
            _ => None,
        }
    }
}

/// The status the inbox shows: a snooze whose time has passed is open again (the read-time
/// rule; the inbox worker also writes it back).
pub fn effective_status(
    status: ConversationStatus,
    snoozed_until: Option<OffsetDateTime>,
    now: OffsetDateTime,
) -> ConversationStatus {
    match (status, snoozed_until) {
        (ConversationStatus::Snoozed, Some(t)) if t <= now => ConversationStatus::Open,
        (s, _) => s,
    }
}

/// Labels as members type them: the conversation's tags, checked as tags are.
pub fn parse_labels<S: AsRef<str>>(raw: &[S]) -> Result<Vec<String>, Issue> {
    parse_tags(raw)
}

/// Labels typed in one text box, separated by commas.
pub fn parse_label_text(raw: &str) -> Result<Vec<String>, Issue> {
    let parts: Vec<&str> = raw.split(',').collect();
    parse_tags(&parts)
}

/// A private note: for members only, never shown or sent to the customer.
#[derive(Debug, Clone, PartialEq)]
pub struct ConversationNote {
    pub id: ConversationNoteId,
    pub conversation_id: ConversationId,
    pub author_id: Option<UserId>,
    /// The member's name (or an API token's description) when it was written.
    pub author: String,
    pub at: OffsetDateTime,
    pub body: String,
}

/// A note's text, checked: not empty, at most [`MAX_NOTE_CHARS`].
pub fn parse_note(raw: &str) -> Result<String, Issue> {
    parse_body(raw, MAX_NOTE_CHARS)
}

/// A reply's text, checked as a message body.
pub fn parse_reply(raw: &str) -> Result<String, Issue> {
    parse_body(raw, MAX_BODY_CHARS)
}

fn parse_body(raw: &str, max: usize) -> Result<String, Issue> {
    let t = raw.trim();
    if t.is_empty() {
        Err(Issue::Required)
    } else if t.chars().count() > max {
        Err(Issue::TooLong)
    } else {
        Ok(t.to_owned())
    }
}

/// A canned reply: a ready answer with one body per locale.
#[derive(Debug, Clone, PartialEq)]
pub struct CannedReply {
    pub id: CannedReplyId,
    pub title: String,
    /// What a member types to find it (`refund`), unique in the workspace.
    pub shortcut: Option<String>,
    /// At least one; missing locales fall back (see [`CannedReply::body_for`]).
    pub bodies: BTreeMap<Locale, String>,
    pub created_at: OffsetDateTime,
    pub updated_at: OffsetDateTime,
}

impl CannedReply {
    /// The body for a conversation in `locale`: that locale's, else English, else the first
    /// written (in the order of [`Locale::ALL`]), with the locale it is written in.
    pub fn body_for(&self, locale: Locale) -> Option<(Locale, &str)> {
        [locale, Locale::En]
            .into_iter()
            .chain(Locale::ALL)
            .find_map(|l| self.bodies.get(&l).map(|b| (l, b.as_str())))
    }
}

/// A canned reply as sent to the API or a form.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct CannedReplyInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub shortcut: Option<String>,
    /// Locale tag → body.
    #[serde(default)]
    pub bodies: BTreeMap<String, String>,
}

/// A canned reply's fields, checked.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CannedReplyFields {
    pub title: String,
    pub shortcut: Option<String>,
    pub bodies: BTreeMap<Locale, String>,
}

impl CannedReplyFields {
    pub fn parse(input: &CannedReplyInput) -> Result<Self, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let title = input.title.trim();
        if title.is_empty() {
            e.push("title", Issue::Required);
        } else if title.chars().count() > MAX_TITLE_CHARS {
            e.push("title", Issue::TooLong);
        }
        let shortcut = match input.shortcut.as_deref().map(str::trim) {
            None | Some("") => None,
            Some(s) if s.chars().count() > MAX_SHORTCUT_CHARS => {
                e.push("shortcut", Issue::TooLong);
                None
            }
            Some(s) if s.chars().any(char::is_whitespace) => {
                e.push("shortcut", Issue::Invalid);
                None
            }
            Some(s) => Some(s.to_lowercase()),
        };
        let mut bodies = BTreeMap::new();
        for (tag, body) in &input.bodies {
            let field = format!("bodies.{tag}");
            let Some(locale) = Locale::from_tag(tag.trim()) else {
                e.push(field, Issue::UnknownValue);
                continue;
            };
            let body = body.trim();
            if body.is_empty() {
                continue;
            }
            if body.chars().count() > MAX_BODY_CHARS {
                e.push(field, Issue::TooLong);
                continue;
            }
            bodies.insert(locale, body.to_owned());
        }
        if bodies.is_empty() && !e.0.iter().any(|f| f.field.starts_with("bodies.")) {
            e.push("bodies.en", Issue::Required);
        }
        e.into_result()?;
        Ok(CannedReplyFields {
            title: title.to_owned(),
            shortcut,
            bodies,
        })
    }
}

/// A member's change to a conversation as sent to the API (`PATCH`) or a form: text to be
/// checked. A missing field is left as it is; `assignee_id` and `team` may be `null` (nobody).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct InboxUpdateInput {
    #[serde(default)]
    pub status: Option<String>,
    /// RFC 3339; needed with `status: snoozed`, in the future.
    #[serde(default)]
    pub snoozed_until: Option<String>,
    #[serde(default, deserialize_with = "double_option")]
    pub assignee_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "double_option")]
    pub team: Option<Option<String>>,
    #[serde(default)]
    pub priority: Option<String>,
    #[serde(default)]
    pub labels: Option<Vec<String>>,
}

/// For `PATCH` bodies: a field that is missing (`None`), `null` (`Some(None)`) or set.
pub fn double_option<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::datetime;

    #[test]
    fn a_snooze_needs_a_future_time() {
        let now = datetime!(2026-05-01 12:00 UTC);
        let mut e = ValidationErrors::default();
        assert_eq!(
            StatusChange::parse("snoozed", Some("2026-05-01T11:00:00Z"), now, &mut e),
            None
        );
        assert_eq!(e.issue_for("snoozed_until"), Some(Issue::InPast));
        let mut e = ValidationErrors::default();
        assert_eq!(
            StatusChange::parse("snoozed", Some("2026-05-02T09:00:00Z"), now, &mut e),
            Some(StatusChange::Snoozed(datetime!(2026-05-02 9:00 UTC)))
        );
        assert_eq!(
            effective_status(
                ConversationStatus::Snoozed,
                Some(datetime!(2026-05-01 11:00 UTC)),
                now
            ),
            ConversationStatus::Open
        );
    }

    #[test]
    fn a_canned_reply_falls_back_to_english() {
        let input = CannedReplyInput {
            title: "Refund".into(),
            shortcut: Some("Refund".into()),
            bodies: [
                ("en".to_owned(), "Hello".to_owned()),
                ("cy".to_owned(), "Helo".to_owned()),
            ]
            .into_iter()
            .collect(),
        };
        let f = CannedReplyFields::parse(&input).unwrap();
        assert_eq!(f.shortcut.as_deref(), Some("refund"));
        let c = CannedReply {
            id: CannedReplyId::new(),
            title: f.title,
            shortcut: f.shortcut,
            bodies: f.bodies,
            created_at: datetime!(2026-05-01 12:00 UTC),
            updated_at: datetime!(2026-05-01 12:00 UTC),
        };
        assert_eq!(c.body_for(Locale::Cy), Some((Locale::Cy, "Helo")));
        assert_eq!(c.body_for(Locale::Sw), Some((Locale::En, "Hello")));
    }
}
