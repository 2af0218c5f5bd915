//! Validated text: names, long text, slugs and e-mail addresses.

use crate::Issue;
use serde::{Deserialize, Serialize};
use std::fmt;

/// Removes control characters other than line breaks and tabs, which are never meant and which
/// break exports and terminals.
pub(crate) fn strip_controls(s: &str) -> String {
    s.chars()
        .filter(|c| !c.is_control() || *c == '\n' || *c == '\t')
        .collect()
}

/// A short, single-line, non-empty name (of a workspace, persona, journey, stage, touchpoint,
/// team or person): at most [`Name::MAX_CHARS`] characters after trimming.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Name(String);

impl Name {
    pub const MAX_CHARS: usize = 200;

    pub fn parse(s: &str) -> Result<Self, Issue> {
        let cleaned: String = strip_controls(s).replace(['\n', '\t'], " ");
        let trimmed = cleaned.trim();
        if trimmed.is_empty() {
            return Err(Issue::Required);
        }
        if trimmed.chars().count() > Self::MAX_CHARS {
            return Err(Issue::TooLong);
        }
        Ok(Name(trimmed.to_owned()))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Name {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Name::parse(&s).map_err(|i| i.code().to_owned())
    }
}

impl From<Name> for String {
    fn from(n: Name) -> String {
        n.0
    }
}

impl fmt::Display for Name {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// Free text that may be empty and span lines: descriptions, notes, thoughts.
/// At most [`LongText::MAX_CHARS`] characters.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct LongText(String);

impl LongText {
    pub const MAX_CHARS: usize = 10_000;

    pub fn parse(s: &str) -> Result<Self, Issue> {
        let cleaned = strip_controls(&s.replace("\r\n", "\n"));
        let trimmed = cleaned.trim();
        if trimmed.chars().count() > Self::MAX_CHARS {
            return Err(Issue::TooLong);
        }
        Ok(LongText(trimmed.to_owned()))
    }

    pub fn empty() -> Self {
        LongText(String::new())
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// The non-empty lines, for notes written one item per line.
    pub fn lines(&self) -> Vec<&str> {
        self.0
            .lines()
            .map(str::trim)
            .filter(|l| !l.is_empty())
            .collect()
    }
}

impl TryFrom<String> for LongText {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        LongText::parse(&s).map_err(|i| i.code().to_owned())
    }
}

impl From<LongText> for String {
    fn from(t: LongText) -> String {
        t.0
    }
}

impl fmt::Display for LongText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// A workspace's address part: 2–40 of `a-z`, `0-9` and inner `-`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Slug(String);

impl Slug {
    pub fn parse(s: &str) -> Result<Self, Issue> {
        let s = s.trim();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        if s.len() > 40 {
            return Err(Issue::TooLong);
        }
        let ok = s.len() >= 2
            && s.bytes()
                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'-')
            && !s.starts_with('-')
            && !s.ends_with('-');
        if ok {
            Ok(Slug(s.to_owned()))
        } else {
            Err(Issue::Invalid)
        }
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Slug {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Slug::parse(&s).map_err(|i| i.code().to_owned())
    }
}

impl From<Slug> for String {
    fn from(s: Slug) -> String {
        s.0
    }
}

impl fmt::Display for Slug {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

/// An e-mail address, kept lower-cased so that sign-in does not depend on case.
///
/// The check is deliberately plain (one `@`, a dotted domain, no spaces): the only real test of
/// an address is mail reaching it.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(try_from = "String", into = "String")]
pub struct Email(String);

impl Email {
    pub fn parse(s: &str) -> Result<Self, Issue> {
        let s = s.trim().to_lowercase();
        if s.is_empty() {
            return Err(Issue::Required);
        }
        if s.len() > 254 {
            return Err(Issue::TooLong);
        }
        let mut parts = s.split('@');
        let (Some(local), Some(domain), None) = (parts.next(), parts.next(), parts.next()) else {
            return Err(Issue::Invalid);
        };
        let domain_ok = domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !domain.contains("..");
        if local.is_empty() || !domain_ok || s.chars().any(|c| c.is_whitespace() || c.is_control())
        {
            return Err(Issue::Invalid);
        }
        Ok(Email(s))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl TryFrom<String> for Email {
    type Error = String;
    fn try_from(s: String) -> Result<Self, Self::Error> {
        Email::parse(&s).map_err(|i| i.code().to_owned())
    }
}

impl From<Email> for String {
    fn from(e: Email) -> String {
        e.0
    }
}

impl fmt::Display for Email {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_name_is_trimmed_and_must_not_be_empty() {
        assert_eq!(
            Name::parse("  Checkout ").map(|n| n.0),
            Ok("Checkout".into())
        );
        assert_eq!(Name::parse("   "), Err(Issue::Required));
        assert_eq!(Name::parse(&"x".repeat(201)), Err(Issue::TooLong));
    }

    #[test]
    fn a_name_keeps_scripts_of_every_locale() {
        for s in ["نقطة اتصال", "Điểm chạm", "Pwynt cyswllt ŵ ŷ"] {
            assert_eq!(Name::parse(s).map(|n| n.0), Ok(s.to_owned()));
        }
    }

    #[test]
    fn a_slug_is_lowercase_letters_digits_and_inner_dashes() {
        assert!(Slug::parse("demo").is_ok());
        assert!(Slug::parse("becws-2").is_ok());
        assert_eq!(Slug::parse("Demo"), Err(Issue::Invalid));
        assert_eq!(Slug::parse("-a"), Err(Issue::Invalid));
        assert_eq!(Slug::parse("a"), Err(Issue::Invalid));
    }

    #[test]
    fn an_email_is_lowercased_and_needs_a_dotted_domain() {
        assert_eq!(
            Email::parse(" Owner@Example.COM ").map(|e| e.0),
            Ok("owner@example.com".into())
        );
        assert_eq!(Email::parse("owner@localhost"), Err(Issue::Invalid));
        assert_eq!(Email::parse("a b@c.de"), Err(Issue::Invalid));
        assert_eq!(Email::parse("a@b@c.de"), Err(Issue::Invalid));
    }

    #[test]
    fn long_text_normalises_line_ends_and_drops_controls() {
        assert_eq!(
            LongText::parse("one\r\ntwo\u{7}").map(|t| t.0),
            Ok("one\ntwo".into())
        );
    }
}
