//! Feature requests: what customers ask a business to build or change, on a board per
//! workspace — from staff, from customers' comments and from the public board — with votes,
//! a status and a public note per locale.

use crate::{
    CustomerId, FeatureRequestId, Issue, Locale, LongText, Name, ResponseId, UserId,
    ValidationErrors,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;
use time::OffsetDateTime;

/// Where a request stands, as the business tells its customers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FeatureRequestStatus {
    UnderReview,
    Planned,
    InProgress,
    Done,
    Declined,
}

impl FeatureRequestStatus {
    /// In the order a request moves through them (the board's columns).
    pub const ALL: [FeatureRequestStatus; 5] = [
        FeatureRequestStatus::UnderReview,
        FeatureRequestStatus::Planned,
        FeatureRequestStatus::InProgress,
        FeatureRequestStatus::Done,
        FeatureRequestStatus::Declined,
    ];

    /// The stable code stored, sent by the API and used in translation keys.
    pub fn as_str(self) -> &'static str {
        match self {
            FeatureRequestStatus::UnderReview => "under_review",
            FeatureRequestStatus::Planned => "planned",
            FeatureRequestStatus::InProgress => "in_progress",
            FeatureRequestStatus::Done => "done",
            FeatureRequestStatus::Declined => "declined",
        }
    }

    /// The code with dashes, as Fluent keys and CSS classes spell it.
    pub fn slug(self) -> &'static str {
        match self {
            FeatureRequestStatus::UnderReview => "under-review",
            FeatureRequestStatus::Planned => "planned",
            FeatureRequestStatus::InProgress => "in-progress",
            FeatureRequestStatus::Done => "done",
            FeatureRequestStatus::Declined => "declined",
        }
    }
}

impl FromStr for FeatureRequestStatus {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        FeatureRequestStatus::ALL
            .into_iter()
            .find(|v| v.as_str() == s || v.slug() == s)
            .ok_or(Issue::UnknownValue)
    }
}

/// Who first asked for a request.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum RequestSource {
    /// A member of staff (the board, the API).
    Staff,
    /// A customer, on the public board.
    Public,
    /// A customer's comment, turned into a request.
    Comment,
}

impl RequestSource {
    pub fn as_str(self) -> &'static str {
        match self {
            RequestSource::Staff => "staff",
            RequestSource::Public => "public",
            RequestSource::Comment => "comment",
        }
    }
}

impl FromStr for RequestSource {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        match s.trim() {
            "staff" => Ok(RequestSource::Staff),
            "public" => Ok(RequestSource::Public),
            "comment" => Ok(RequestSource::Comment),
            _ => Err(Issue::UnknownValue),
        }
    }
}

/// The editable fields of a request, parsed.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FeatureRequestFields {
    pub title: Name,
    #[serde(default)]
    pub description: LongText,
}

/// Raw request input, as typed into a form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FeatureRequestInput {
    #[serde(default)]
    pub title: String,
    #[serde(default)]
    pub description: String,
}

impl FeatureRequestInput {
    /// The longest description taken (shorter than other long texts: it is shown on a public
    /// board and read by people deciding what to build).
    pub const MAX_DESCRIPTION_CHARS: usize = 4_000;

    pub fn parse(&self) -> Result<FeatureRequestFields, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        let title = errors.check("title", Name::parse(&self.title));
        let description = errors.check(
            "description",
            LongText::parse(&self.description).and_then(|d| {
                if d.as_str().chars().count() > Self::MAX_DESCRIPTION_CHARS {
                    Err(Issue::TooLong)
                } else {
                    Ok(d)
                }
            }),
        );
        match (title, description) {
            (Some(title), Some(description)) => Ok(FeatureRequestFields { title, description }),
            _ => Err(errors),
        }
    }
}

/// What the business tells its customers about a request, in each language it wrote it in.
/// Every locale is optional; an empty note says nothing.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct PublicNote(BTreeMap<Locale, String>);

impl PublicNote {
    pub const MAX_CHARS: usize = 2_000;

    /// Each locale's text trimmed and cleaned of control characters; empty ones dropped. The
    /// error names the locale whose text is too long.
    pub fn parse(raw: &BTreeMap<Locale, String>) -> Result<PublicNote, (Locale, Issue)> {
        let mut out = BTreeMap::new();
        for (l, s) in raw {
            let text = LongText::parse(s).map_err(|i| (*l, i))?;
            if text.as_str().chars().count() > Self::MAX_CHARS {
                return Err((*l, Issue::TooLong));
            }
            if !text.is_empty() {
                out.insert(*l, text.as_str().to_owned());
            }
        }
        Ok(PublicNote(out))
    }

    /// [`PublicNote::parse`] with the error on the field `note_{locale}` (the forms' names).
    pub fn parse_fields(raw: &BTreeMap<Locale, String>) -> Result<PublicNote, ValidationErrors> {
        PublicNote::parse(raw)
            .map_err(|(l, issue)| ValidationErrors::one(format!("note_{}", l.tag()), issue))
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The note in `locale` exactly, if written.
    pub fn exact(&self, locale: Locale) -> Option<&str> {
        self.0.get(&locale).map(String::as_str)
    }

    /// The note for a reader of `locale`: theirs, else English, else any; with the locale it
    /// is written in (for its `lang` attribute).
    pub fn for_reader(&self, locale: Locale) -> Option<(Locale, &str)> {
        [locale, Locale::En]
            .into_iter()
            .find_map(|l| self.0.get(&l).map(|s| (l, s.as_str())))
            .or_else(|| self.0.iter().next().map(|(l, s)| (*l, s.as_str())))
    }

    pub fn texts(&self) -> &BTreeMap<Locale, String> {
        &self.0
    }
}

/// Who a vote is from. One vote per voter and request: a customer (however many times they
/// ask, through whichever channel), an anonymous browser on the public board (a random token
/// in a cookie, stored only as a hash), a member of staff, or a comment whose writer is
/// unknown.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum Voter {
    Customer(CustomerId),
    /// The hash of the browser's voter token (never the token itself).
    Browser(String),
    Member(UserId),
    /// An anonymous comment linked to the request.
    Response(ResponseId),
}

impl Voter {
    /// The stored key: what makes two votes the same voter's.
    pub fn key(&self) -> String {
        match self {
            Voter::Customer(id) => format!("customer:{id}"),
            Voter::Browser(hash) => format!("browser:{hash}"),
            Voter::Member(id) => format!("member:{id}"),
            Voter::Response(id) => format!("response:{id}"),
        }
    }

    pub fn customer(&self) -> Option<CustomerId> {
        match self {
            Voter::Customer(id) => Some(*id),
            _ => None,
        }
    }
}

/// A stored request, with its vote count.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FeatureRequest {
    pub id: FeatureRequestId,
    #[serde(flatten)]
    pub fields: FeatureRequestFields,
    pub status: FeatureRequestStatus,
    pub note: PublicNote,
    pub source: RequestSource,
    /// The request this one was merged into: it lives on there, with its votes and comments.
    pub merged_into: Option<FeatureRequestId>,
    /// Distinct voters.
    pub votes: u64,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

/// A comment behind a request: the response it was written in and its customer, if known.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RequestLink {
    pub response_id: ResponseId,
    pub customer_id: Option<CustomerId>,
    pub linked_at: OffsetDateTime,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_status_reads_its_code_and_its_slug_and_nothing_else() {
        for s in FeatureRequestStatus::ALL {
            assert_eq!(s.as_str().parse::<FeatureRequestStatus>(), Ok(s));
            assert_eq!(s.slug().parse::<FeatureRequestStatus>(), Ok(s));
        }
        assert_eq!(
            "shipped".parse::<FeatureRequestStatus>(),
            Err(Issue::UnknownValue)
        );
        assert_eq!("".parse::<FeatureRequestStatus>(), Err(Issue::Required));
    }

    #[test]
    fn a_request_needs_a_title_and_keeps_its_description_short() {
        let ok = FeatureRequestInput {
            title: "  Oat milk  ".into(),
            description: "Please".into(),
        }
        .parse();
        assert_eq!(ok.map(|f| f.title.to_string()), Ok("Oat milk".to_owned()));
        let bad = FeatureRequestInput {
            title: " ".into(),
            description: "x".repeat(FeatureRequestInput::MAX_DESCRIPTION_CHARS + 1),
        }
        .parse()
        .err()
        .unwrap_or_default();
        assert_eq!(bad.issue_for("title"), Some(Issue::Required));
        assert_eq!(bad.issue_for("description"), Some(Issue::TooLong));
    }

    #[test]
    fn a_public_note_drops_empty_locales_and_falls_back_to_english_for_a_reader() {
        let raw: BTreeMap<Locale, String> = [
            (Locale::En, "Coming in May".to_owned()),
            (Locale::Cy, "Yn dod ym mis Mai".to_owned()),
            (Locale::Ar, "   ".to_owned()),
        ]
        .into();
        let note = PublicNote::parse(&raw).unwrap_or_default();
        assert_eq!(note.texts().len(), 2);
        assert_eq!(
            note.for_reader(Locale::Cy),
            Some((Locale::Cy, "Yn dod ym mis Mai"))
        );
        assert_eq!(
            note.for_reader(Locale::Ar),
            Some((Locale::En, "Coming in May"))
        );
        let long: BTreeMap<Locale, String> =
            [(Locale::Vi, "x".repeat(PublicNote::MAX_CHARS + 1))].into();
        assert_eq!(PublicNote::parse(&long), Err((Locale::Vi, Issue::TooLong)));
    }

    #[test]
    fn one_customer_is_one_voter_whatever_the_channel() {
        let c = CustomerId::new();
        assert_eq!(Voter::Customer(c).key(), Voter::Customer(c).key());
        assert_ne!(
            Voter::Customer(c).key(),
            Voter::Member(UserId(c.as_uuid())).key()
        );
    }
}
