//! Social mentions: what people say about the business in public (a post, a review, a reply
//! under someone else's post), posted by a connector for listening. Not direct messages —
//! those are conversations. A mention is counted, scored for sentiment and shown; taith never
//! answers it and never follows its link.

use crate::conversation::parse_time;
use crate::{Issue, Locale, MentionId, ValidationErrors};
use serde::Deserialize;
use time::OffsetDateTime;

/// Longest mention text (characters): a long post or review.
pub const MAX_TEXT_CHARS: usize = 5_000;
/// Longest source name, external id, author and link.
pub const MAX_SOURCE_CHARS: usize = 40;
pub const MAX_REF_CHARS: usize = 200;
pub const MAX_URL_CHARS: usize = 2_000;
/// Most mentions in one request.
pub const MAX_BATCH: usize = 500;

/// The sentiment taith found in a mention's text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum MentionSentiment {
    Negative,
    Neutral,
    Positive,
}

impl MentionSentiment {
    pub const ALL: [MentionSentiment; 3] = [
        MentionSentiment::Negative,
        MentionSentiment::Neutral,
        MentionSentiment::Positive,
    ];

    pub fn code(self) -> &'static str {
        match self {
            MentionSentiment::Negative => "negative",
            MentionSentiment::Neutral => "neutral",
            MentionSentiment::Positive => "positive",
        }
    }

    pub fn from_code(code: &str) -> Option<MentionSentiment> {
        MentionSentiment::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A stored mention.
#[derive(Debug, Clone, PartialEq)]
pub struct Mention {
    pub id: MentionId,
    /// Where it was said, as the connector names it: `facebook`, `x`, `google_reviews`…
    pub source: String,
    /// The source's id of the post: a second POST of it is not counted twice.
    pub external_id: Option<String>,
    /// The public address of the post: shown as a link, never fetched.
    pub url: Option<String>,
    pub author: Option<String>,
    pub text: String,
    /// The language found in the text (a code of the six, or `other`).
    pub language: String,
    /// None: too little text to say.
    pub sentiment: Option<MentionSentiment>,
    pub posted_at: OffsetDateTime,
    pub received_at: OffsetDateTime,
}

/// A mention as a connector sends it: text to be checked.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct MentionInput {
    #[serde(default)]
    pub source: String,
    #[serde(default)]
    pub external_id: Option<String>,
    #[serde(default)]
    pub url: Option<String>,
    #[serde(default)]
    pub author: Option<String>,
    #[serde(default)]
    pub text: String,
    /// The language the connector believes it is in: a hint for short texts.
    #[serde(default)]
    pub locale: Option<String>,
    #[serde(default)]
    pub posted_at: Option<String>,
}

/// A mention checked, before its language and sentiment are found.
#[derive(Debug, Clone, PartialEq)]
pub struct NewMention {
    pub source: String,
    pub external_id: Option<String>,
    pub url: Option<String>,
    pub author: Option<String>,
    pub text: String,
    pub locale: Option<Locale>,
    pub posted_at: OffsetDateTime,
}

fn opt_text(s: Option<&str>, max: usize) -> Result<Option<String>, Issue> {
    match s.map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) if t.chars().count() > max => Err(Issue::TooLong),
        Some(t) => Ok(Some(t.to_owned())),
    }
}

/// A source name: lower case letters, digits, `_` and `-` (`facebook`, `google_reviews`), so
/// that the same place is counted under one name.
fn parse_source(s: &str) -> Result<String, Issue> {
    let s = s.trim().to_lowercase();
    if s.is_empty() {
        return Err(Issue::Required);
    }
    if s.chars().count() > MAX_SOURCE_CHARS {
        return Err(Issue::TooLong);
    }
    if !s
        .chars()
        .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
    {
        return Err(Issue::Invalid);
    }
    Ok(s)
}

/// A public web address: `http` or `https` with a host. Anything else (`javascript:`, a
/// relative path) is refused, since the page shows it as a link.
fn parse_url(s: Option<&str>) -> Result<Option<String>, Issue> {
    let Some(s) = opt_text(s, MAX_URL_CHARS)? else {
        return Ok(None);
    };
    let lower = s.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))
        .ok_or(Issue::Invalid)?;
    let host = rest.split(['/', '?', '#']).next().unwrap_or_default();
    if host.is_empty() || s.chars().any(char::is_whitespace) {
        return Err(Issue::Invalid);
    }
    Ok(Some(s))
}

impl NewMention {
    /// Checks one mention; `field` prefixes its errors (`mentions[3]`).
    pub fn parse(
        input: &MentionInput,
        field: &str,
        now: OffsetDateTime,
        errors: &mut ValidationErrors,
    ) -> Option<NewMention> {
        let source = errors.check(&format!("{field}.source"), parse_source(&input.source));
        let external_id = errors.check(
            &format!("{field}.external_id"),
            opt_text(input.external_id.as_deref(), MAX_REF_CHARS),
        );
        let url = errors.check(&format!("{field}.url"), parse_url(input.url.as_deref()));
        let author = errors.check(
            &format!("{field}.author"),
            opt_text(input.author.as_deref(), MAX_REF_CHARS),
        );
        let text = input.text.trim();
        let text = if text.is_empty() {
            errors.push(format!("{field}.text"), Issue::Required);
            None
        } else if text.chars().count() > MAX_TEXT_CHARS {
            errors.push(format!("{field}.text"), Issue::TooLong);
            None
        } else {
            Some(text.to_owned())
        };
        let locale = match input.locale.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(l) => errors
                .check(
                    &format!("{field}.locale"),
                    l.parse::<Locale>().map_err(|_| Issue::UnknownValue),
                )
                .map(Some),
        };
        // A post from the future is a clock or a connector gone wrong: a day's grace for
        // time zones, no more.
        let posted_at = match input.posted_at.as_deref().map(str::trim) {
            None | Some("") => Some(now),
            Some(t) => match parse_time(t) {
                Ok(t) if t > now + time::Duration::days(1) => {
                    errors.push(format!("{field}.posted_at"), Issue::Invalid);
                    None
                }
                Ok(t) => Some(t),
                Err(issue) => {
                    errors.push(format!("{field}.posted_at"), issue);
                    None
                }
            },
        };
        Some(NewMention {
            source: source?,
            external_id: external_id?,
            url: url?,
            author: author?,
            text: text?,
            locale: locale?,
            posted_at: posted_at?,
        })
    }

    /// Checks a batch: every error of every mention, or all of them.
    pub fn parse_batch(
        inputs: &[MentionInput],
        now: OffsetDateTime,
    ) -> Result<Vec<NewMention>, ValidationErrors> {
        let mut errors = ValidationErrors::default();
        if inputs.is_empty() {
            errors.push("mentions", Issue::Required);
        }
        if inputs.len() > MAX_BATCH {
            errors.push("mentions", Issue::TooLong);
            return Err(errors);
        }
        let parsed: Vec<Option<NewMention>> = inputs
            .iter()
            .enumerate()
            .map(|(i, m)| NewMention::parse(m, &format!("mentions[{i}]"), now, &mut errors))
            .collect();
        errors.into_result()?;
        Ok(parsed.into_iter().flatten().collect())
    }
}

#[cfg(test)]
#[allow(clippy::unwrap_used)]
mod tests {
    use super::*;

    fn input(text: &str) -> MentionInput {
        MentionInput {
            source: "Facebook".into(),
            text: text.into(),
            ..MentionInput::default()
        }
    }

    #[test]
    fn a_mention_is_trimmed_and_its_source_lower_cased() {
        let now = crate::now();
        let m = NewMention::parse_batch(&[input("  Bara gorau yn y dref!  ")], now).unwrap();
        assert_eq!(m[0].source, "facebook");
        assert_eq!(m[0].text, "Bara gorau yn y dref!");
        assert_eq!(m[0].posted_at, now);
    }

    #[test]
    fn every_bad_field_is_named_by_its_place_in_the_batch() {
        let mut bad = input("");
        bad.source = "face book".into();
        bad.url = Some("javascript:alert(1)".into());
        bad.posted_at = Some("2999-01-01T00:00:00Z".into());
        bad.locale = Some("xx".into());
        let e = NewMention::parse_batch(&[input("ok"), bad], crate::now()).unwrap_err();
        let fields: Vec<&str> = e.0.iter().map(|f| f.field.as_str()).collect();
        for f in [
            "mentions[1].source",
            "mentions[1].url",
            "mentions[1].posted_at",
            "mentions[1].locale",
            "mentions[1].text",
        ] {
            assert!(fields.contains(&f), "{f} missing from {fields:?}");
        }
    }

    #[test]
    fn links_must_be_web_addresses() {
        assert!(parse_url(Some("https://www.facebook.com/becws/posts/1")).is_ok());
        assert_eq!(parse_url(Some("ftp://x")), Err(Issue::Invalid));
        assert_eq!(parse_url(Some("https://")), Err(Issue::Invalid));
        assert_eq!(parse_url(Some("https://a b")), Err(Issue::Invalid));
        assert_eq!(parse_url(None), Ok(None));
    }

    #[test]
    fn an_empty_or_oversized_batch_is_refused() {
        assert!(NewMention::parse_batch(&[], crate::now()).is_err());
        let many = vec![input("x"); MAX_BATCH + 1];
        assert!(NewMention::parse_batch(&many, crate::now()).is_err());
    }
}
