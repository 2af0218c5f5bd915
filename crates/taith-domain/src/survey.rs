//! Surveys and their responses: NPS, CSAT, CES and custom scales (DESIGN §2–§3), texts per
//! locale, follow-up questions shown on conditions on the score.

use crate::{
    Channel, CustomerId, FollowUpId, Issue, Locale, LongText, Name, ResponseId, SurveyId,
    TouchpointId, ValidationErrors,
};
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::str::FromStr;
use time::OffsetDateTime;

/// What a survey measures.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SurveyKind {
    Nps,
    Csat,
    Ces,
    Custom,
}

impl SurveyKind {
    pub const ALL: [SurveyKind; 4] = [
        SurveyKind::Nps,
        SurveyKind::Csat,
        SurveyKind::Ces,
        SurveyKind::Custom,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SurveyKind::Nps => "nps",
            SurveyKind::Csat => "csat",
            SurveyKind::Ces => "ces",
            SurveyKind::Custom => "custom",
        }
    }

    /// The scale a new survey of this kind starts with.
    pub fn default_scale(self) -> Scale {
        match self {
            SurveyKind::Nps => Scale { low: 0, high: 10 },
            SurveyKind::Csat | SurveyKind::Ces | SurveyKind::Custom => Scale { low: 1, high: 5 },
        }
    }

    /// Checks that `scale` is one this kind allows (DESIGN §3).
    pub fn check_scale(self, scale: Scale) -> Result<Scale, Issue> {
        let ok = match self {
            SurveyKind::Nps => scale == Scale { low: 0, high: 10 },
            SurveyKind::Csat => scale.low == 1 && matches!(scale.high, 3 | 5 | 7),
            SurveyKind::Ces => scale.low == 1 && matches!(scale.high, 5 | 7),
            SurveyKind::Custom => scale.low >= 0 && scale.high <= 10 && scale.low < scale.high,
        };
        if ok { Ok(scale) } else { Err(Issue::Invalid) }
    }
}

impl FromStr for SurveyKind {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SurveyKind::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or(Issue::UnknownValue)
    }
}

/// An inclusive score scale, `[low, high]` on the wire.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(into = "[i16; 2]", from = "[i16; 2]")]
pub struct Scale {
    pub low: i16,
    pub high: i16,
}

impl From<Scale> for [i16; 2] {
    fn from(s: Scale) -> [i16; 2] {
        [s.low, s.high]
    }
}

impl From<[i16; 2]> for Scale {
    fn from([low, high]: [i16; 2]) -> Scale {
        Scale { low, high }
    }
}

impl Scale {
    /// Reads a score on this scale.
    pub fn score(self, v: i64) -> Result<i16, Issue> {
        if (i64::from(self.low)..=i64::from(self.high)).contains(&v) {
            Ok(v as i16)
        } else {
            Err(Issue::Invalid)
        }
    }

    /// Reads a score typed as text.
    pub fn parse_score(self, s: &str) -> Result<i16, Issue> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        self.score(s.parse::<i64>().map_err(|_| Issue::Invalid)?)
    }

    pub fn points(self) -> impl Iterator<Item = i16> {
        self.low..=self.high
    }
}

/// Whether a survey collects answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SurveyStatus {
    Draft,
    Live,
    Closed,
}

impl SurveyStatus {
    pub const ALL: [SurveyStatus; 3] = [
        SurveyStatus::Draft,
        SurveyStatus::Live,
        SurveyStatus::Closed,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            SurveyStatus::Draft => "draft",
            SurveyStatus::Live => "live",
            SurveyStatus::Closed => "closed",
        }
    }
}

impl FromStr for SurveyStatus {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        SurveyStatus::ALL
            .into_iter()
            .find(|k| k.as_str() == s.trim())
            .ok_or(Issue::UnknownValue)
    }
}

/// A text in several locales. Shown in the respondent's locale when it has one, else in the
/// survey's default locale.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(transparent)]
pub struct LocalizedText(pub BTreeMap<Locale, String>);

impl LocalizedText {
    pub const MAX_CHARS: usize = 1_000;

    pub fn get(&self, locale: Locale, fallback: Locale) -> &str {
        self.0
            .get(&locale)
            .or_else(|| self.0.get(&fallback))
            .or_else(|| self.0.values().next())
            .map(String::as_str)
            .unwrap_or("")
    }

    pub fn has(&self, locale: Locale) -> bool {
        self.0.get(&locale).is_some_and(|s| !s.trim().is_empty())
    }

    /// Checks each text: trimmed, not empty, at most [`Self::MAX_CHARS`]; the default locale
    /// must be present.
    pub fn parse(raw: &BTreeMap<Locale, String>, default: Locale) -> Result<LocalizedText, Issue> {
        let mut out = BTreeMap::new();
        for (l, s) in raw {
            let t = s.trim();
            if t.is_empty() {
                continue;
            }
            if t.chars().count() > Self::MAX_CHARS {
                return Err(Issue::TooLong);
            }
            out.insert(*l, t.to_owned());
        }
        if !out.contains_key(&default) {
            return Err(Issue::Required);
        }
        Ok(LocalizedText(out))
    }
}

/// When a follow-up question is shown: for scores in `[min, max]`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct ScoreRange {
    pub min: i16,
    pub max: i16,
}

impl ScoreRange {
    pub fn contains(self, score: i16) -> bool {
        (self.min..=self.max).contains(&score)
    }
}

/// The form of a follow-up question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", rename_all = "snake_case")]
pub enum FollowUpKind {
    OpenText,
    SingleChoice { options: Vec<LocalizedText> },
    MultipleChoice { options: Vec<LocalizedText> },
    Rating { scale: Scale },
}

/// A question asked after the score, shown when its condition holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FollowUp {
    pub id: FollowUpId,
    pub prompt: LocalizedText,
    #[serde(flatten)]
    pub kind: FollowUpKind,
    /// `None`: asked whatever the score.
    #[serde(default)]
    pub when: Option<ScoreRange>,
}

impl FollowUp {
    pub fn applies_to(&self, score: i16) -> bool {
        self.when.is_none_or(|r| r.contains(score))
    }
}

/// A survey's editable definition.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SurveyFields {
    pub name: Name,
    pub kind: SurveyKind,
    pub scale: Scale,
    pub default_locale: Locale,
    pub question: LocalizedText,
    pub thank_you: LocalizedText,
    #[serde(default)]
    pub follow_ups: Vec<FollowUp>,
    /// Where on the journey the answers belong.
    #[serde(default)]
    pub touchpoint_id: Option<TouchpointId>,
    pub status: SurveyStatus,
    /// Store no IP, user agent or customer link.
    #[serde(default)]
    pub anonymous: bool,
    /// A customer is not asked again by this survey within this many days.
    pub throttle_days: u32,
}

impl SurveyFields {
    pub const DEFAULT_THROTTLE_DAYS: u32 = 30;

    /// Checks the whole definition: the scale fits the kind, follow-up conditions and rating
    /// scales are on the survey's scale, choices have options.
    pub fn validate(self) -> Result<SurveyFields, ValidationErrors> {
        let mut e = ValidationErrors::default();
        if let Err(i) = self.kind.check_scale(self.scale) {
            e.push("scale", i);
        }
        for (n, f) in self.follow_ups.iter().enumerate() {
            if let Some(r) = f.when
                && (r.min > r.max || r.min < self.scale.low || r.max > self.scale.high)
            {
                e.push(format!("follow_ups[{n}].when"), Issue::Invalid);
            }
            match &f.kind {
                FollowUpKind::SingleChoice { options }
                | FollowUpKind::MultipleChoice { options }
                    if options.is_empty() || options.len() > 20 =>
                {
                    e.push(format!("follow_ups[{n}].options"), Issue::Invalid);
                }
                FollowUpKind::Rating { scale }
                    if scale.low >= scale.high || scale.high - scale.low > 10 =>
                {
                    e.push(format!("follow_ups[{n}].scale"), Issue::Invalid);
                }
                _ => {}
            }
            if !f.prompt.has(self.default_locale) {
                e.push(format!("follow_ups[{n}].prompt"), Issue::Required);
            }
        }
        if self.follow_ups.len() > 20 {
            e.push("follow_ups", Issue::TooLong);
        }
        if self.throttle_days > 3650 {
            e.push("throttle_days", Issue::Invalid);
        }
        e.into_result().map(|()| self)
    }
}

/// A stored survey.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Survey {
    pub id: SurveyId,
    /// The part of its `/s/{public_id}` address: random, unguessable, not the id.
    pub public_id: String,
    #[serde(flatten)]
    pub fields: SurveyFields,
    #[serde(with = "time::serde::rfc3339")]
    pub created_at: OffsetDateTime,
    #[serde(with = "time::serde::rfc3339")]
    pub updated_at: OffsetDateTime,
}

impl Survey {
    /// The follow-ups to ask after `score`, in order.
    pub fn follow_ups_for(&self, score: i16) -> impl Iterator<Item = &FollowUp> {
        self.fields
            .follow_ups
            .iter()
            .filter(move |f| f.applies_to(score))
    }
}

/// An answer to a follow-up question.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "type", content = "value", rename_all = "snake_case")]
pub enum AnswerValue {
    Text(String),
    Choice(u16),
    Choices(Vec<u16>),
    Rating(i16),
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Answer {
    pub follow_up_id: FollowUpId,
    #[serde(flatten)]
    pub value: AnswerValue,
}

/// Longest comment accepted (characters).
pub const MAX_COMMENT_CHARS: usize = 5_000;
/// Most attributes on one response, and their longest key and value.
pub const MAX_ATTRIBUTES: usize = 32;
pub const MAX_ATTRIBUTE_KEY_CHARS: usize = 40;
pub const MAX_ATTRIBUTE_VALUE_CHARS: usize = 200;
/// Longest client idempotency key.
pub const MAX_CLIENT_KEY_CHARS: usize = 200;

/// Reads when a response was given: an RFC 3339 date and time (`2026-03-01T09:30:00Z`, any
/// offset), kept in UTC to the microsecond (the stores' precision). A time whose UTC date lies
/// outside the years 0000–9999 (`9999-12-31T23:30:00-01:00`) is refused: RFC 3339 cannot
/// write it back, so no export or API answer could show it.
pub fn parse_submitted_at(s: &str) -> Result<OffsetDateTime, Issue> {
    let t = OffsetDateTime::parse(s, &time::format_description::well_known::Rfc3339)
        .map_err(|_| Issue::Invalid)?
        .checked_to_offset(time::UtcOffset::UTC)
        .filter(|t| (0..=9999).contains(&t.year()))
        .ok_or(Issue::Invalid)?;
    t.replace_nanosecond(t.nanosecond() / 1_000 * 1_000)
        .map_err(|_| Issue::Invalid)
}

/// Reads a comment: trimmed, controls removed, at most [`MAX_COMMENT_CHARS`].
pub fn parse_comment(s: &str) -> Result<LongText, Issue> {
    if s.chars().count() > MAX_COMMENT_CHARS * 2 {
        return Err(Issue::TooLong);
    }
    let t = LongText::parse(s)?;
    if t.as_str().chars().count() > MAX_COMMENT_CHARS {
        Err(Issue::TooLong)
    } else {
        Ok(t)
    }
}

/// Reads an attribute key: `a-z`, `0-9`, `_`, starting with a letter (they name columns in
/// CSV and filters in metrics).
pub fn parse_attribute_key(s: &str) -> Result<String, Issue> {
    let s = s.trim().to_ascii_lowercase();
    let ok = !s.is_empty()
        && s.len() <= MAX_ATTRIBUTE_KEY_CHARS
        && s.starts_with(|c: char| c.is_ascii_lowercase())
        && s.chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_');
    if ok { Ok(s) } else { Err(Issue::Invalid) }
}

/// Reads response attributes, checking keys, values and count.
pub fn parse_attributes<'a>(
    pairs: impl IntoIterator<Item = (&'a str, &'a str)>,
) -> Result<BTreeMap<String, String>, (String, Issue)> {
    let mut out = BTreeMap::new();
    for (k, v) in pairs {
        let key = parse_attribute_key(k).map_err(|i| (format!("attributes.{k}"), i))?;
        let v = v.trim();
        if v.chars().count() > MAX_ATTRIBUTE_VALUE_CHARS || v.chars().any(char::is_control) {
            return Err((format!("attributes.{key}"), Issue::Invalid));
        }
        if !v.is_empty() {
            out.insert(key, v.to_owned());
        }
    }
    if out.len() > MAX_ATTRIBUTES {
        return Err(("attributes".to_owned(), Issue::TooLong));
    }
    Ok(out)
}

/// A response to be stored.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct NewResponse {
    pub id: ResponseId,
    pub survey_id: SurveyId,
    pub score: i16,
    #[serde(default)]
    pub answers: Vec<Answer>,
    #[serde(default)]
    pub comment: LongText,
    pub touchpoint_id: Option<TouchpointId>,
    pub channel: Channel,
    pub locale: Locale,
    pub customer_id: Option<CustomerId>,
    #[serde(default)]
    pub attributes: BTreeMap<String, String>,
    #[serde(with = "time::serde::rfc3339")]
    pub submitted_at: OffsetDateTime,
    /// The client's idempotency key: a retried submission with the same key is stored once.
    pub client_key: Option<String>,
}

/// A stored response.
pub type Response = NewResponse;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn each_kind_allows_only_its_scales() {
        assert!(
            SurveyKind::Nps
                .check_scale(Scale { low: 0, high: 10 })
                .is_ok()
        );
        assert!(
            SurveyKind::Nps
                .check_scale(Scale { low: 1, high: 10 })
                .is_err()
        );
        for high in [3, 5, 7] {
            assert!(SurveyKind::Csat.check_scale(Scale { low: 1, high }).is_ok());
        }
        assert!(
            SurveyKind::Csat
                .check_scale(Scale { low: 1, high: 4 })
                .is_err()
        );
        assert!(
            SurveyKind::Ces
                .check_scale(Scale { low: 1, high: 7 })
                .is_ok()
        );
        assert!(
            SurveyKind::Ces
                .check_scale(Scale { low: 1, high: 3 })
                .is_err()
        );
    }

    #[test]
    fn a_score_must_be_on_the_scale() {
        let nps = SurveyKind::Nps.default_scale();
        assert_eq!(nps.parse_score("10"), Ok(10));
        assert_eq!(nps.parse_score("0"), Ok(0));
        assert_eq!(nps.parse_score("11"), Err(Issue::Invalid));
        assert_eq!(nps.parse_score("-1"), Err(Issue::Invalid));
        assert_eq!(nps.parse_score("seven"), Err(Issue::Invalid));
        assert_eq!(nps.parse_score(""), Err(Issue::Required));
    }

    #[test]
    fn a_follow_up_for_detractors_is_asked_only_of_detractors() {
        let f = FollowUp {
            id: FollowUpId::new(),
            prompt: LocalizedText([(Locale::En, "What should we improve?".to_owned())].into()),
            kind: FollowUpKind::OpenText,
            when: Some(ScoreRange { min: 0, max: 6 }),
        };
        assert!(f.applies_to(6) && !f.applies_to(7));
    }

    #[test]
    fn localized_text_falls_back_to_the_default_locale() {
        let t = LocalizedText(
            [
                (Locale::Cy, "Diolch".to_owned()),
                (Locale::En, "Thanks".to_owned()),
            ]
            .into(),
        );
        assert_eq!(t.get(Locale::Cy, Locale::En), "Diolch");
        assert_eq!(t.get(Locale::Ar, Locale::En), "Thanks");
        let raw: BTreeMap<Locale, String> = [(Locale::Cy, " ".to_owned())].into();
        assert_eq!(LocalizedText::parse(&raw, Locale::Cy), Err(Issue::Required));
    }

    #[test]
    fn attributes_have_plain_keys_and_bounded_values() {
        let ok = parse_attributes([("Team", "Cardiff"), ("plan", " pro "), ("empty", "")])
            .unwrap_or_default();
        assert_eq!(ok.get("team").map(String::as_str), Some("Cardiff"));
        assert_eq!(ok.get("plan").map(String::as_str), Some("pro"));
        assert!(!ok.contains_key("empty"));
        assert!(parse_attributes([("1team", "x")]).is_err());
        assert!(parse_attributes([("team name", "x")]).is_err());
        let long = "x".repeat(201);
        assert!(parse_attributes([("team", long.as_str())]).is_err());
    }

    #[test]
    fn a_comment_is_at_most_five_thousand_characters() {
        assert!(parse_comment(&"x".repeat(5_000)).is_ok());
        assert_eq!(parse_comment(&"x".repeat(5_001)), Err(Issue::TooLong));
        assert_eq!(
            parse_comment("<b>hi</b>").map(|c| c.to_string()),
            Ok("<b>hi</b>".to_owned())
        );
    }
}
