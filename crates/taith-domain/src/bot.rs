//! The FAQ bot: a visitor's question, the workspace's synonyms and the questions it had no
//! good answer to (FAQ gaps). Pure types and parsing; the retrieval is `taith_text::retrieval`,
//! the rules `taith_app::bot`.
//!
//! Limits (characters, after trimming): a question at most [`MAX_QUESTION_CHARS`]; a synonym's
//! term and each expansion at most [`MAX_TERM_CHARS`], at most [`MAX_EXPANSIONS`] expansions.

use crate::text::strip_controls;
use crate::{BotSynonymId, ConversationId, FaqGapId, Issue, Locale, ValidationErrors};
use serde::Deserialize;
use std::str::FromStr;
use time::OffsetDateTime;

/// The longest question read, in characters: a question, not a letter.
pub const MAX_QUESTION_CHARS: usize = 500;
/// The longest synonym term or expansion, in characters.
pub const MAX_TERM_CHARS: usize = 60;
/// The most expansions one term has.
pub const MAX_EXPANSIONS: usize = 20;

/// A question as sent by the widget, the API or the CLI, before it is checked.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct AskInput {
    #[serde(default)]
    pub question: String,
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub conversation_id: Option<String>,
}

/// A checked question.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ask {
    /// Trimmed, control characters removed, never empty.
    pub question: String,
    /// The visitor's language: the answer's, and the hand-over message's.
    pub locale: Locale,
    /// The chat conversation the bot already handed over to, which this question continues.
    pub conversation: Option<ConversationId>,
}

impl AskInput {
    /// Checks the input: `question` required and at most [`MAX_QUESTION_CHARS`]; `locale`
    /// one of the six; `conversation_id` an id when given.
    pub fn parse(&self) -> Result<Ask, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let question = strip_controls(&self.question.replace(['\r', '\n', '\t'], " "));
        let question = question.trim();
        let question = if question.is_empty() {
            e.push("question", Issue::Required);
            None
        } else if question.chars().count() > MAX_QUESTION_CHARS {
            e.push("question", Issue::TooLong);
            None
        } else {
            Some(question.to_owned())
        };
        let locale = match self.locale.trim() {
            "" => {
                e.push("locale", Issue::Required);
                None
            }
            tag => {
                let l = Locale::from_tag(tag);
                if l.is_none() {
                    e.push("locale", Issue::UnknownValue);
                }
                l
            }
        };
        let conversation = match self.conversation_id.as_deref().map(str::trim) {
            None | Some("") => Some(None),
            Some(s) => e.check("conversation_id", s.parse::<ConversationId>().map(Some)),
        };
        match (question, locale, conversation) {
            (Some(question), Some(locale), Some(conversation)) if e.is_empty() => Ok(Ask {
                question,
                locale,
                conversation,
            }),
            _ => Err(e),
        }
    }
}

/// Why the bot handed a visitor over to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HandoffReason {
    /// The visitor asked for a person ("talk to a person", "siarad â pherson"…).
    AskedForPerson,
    /// No published article answered well enough (below the threshold), or there are none.
    LowConfidence,
}

impl HandoffReason {
    /// The stable code the API sends.
    pub fn as_str(self) -> &'static str {
        match self {
            HandoffReason::AskedForPerson => "asked_for_person",
            HandoffReason::LowConfidence => "low_confidence",
        }
    }
}

/// Where a FAQ gap was seen.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum GapSource {
    /// The bot handed over for lack of a good answer.
    Bot,
    /// A help-centre search found no article.
    HelpSearch,
    /// The web shop's own site search found nothing (read from the web events).
    SiteSearch,
}

impl GapSource {
    pub fn as_str(self) -> &'static str {
        match self {
            GapSource::Bot => "bot",
            GapSource::HelpSearch => "help_search",
            GapSource::SiteSearch => "site_search",
        }
    }
}

impl FromStr for GapSource {
    type Err = Issue;
    fn from_str(s: &str) -> Result<Self, Issue> {
        match s {
            "bot" => Ok(GapSource::Bot),
            "help_search" => Ok(GapSource::HelpSearch),
            "site_search" => Ok(GapSource::SiteSearch),
            _ => Err(Issue::UnknownValue),
        }
    }
}

/// A question with no good answer, as stored.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FaqGap {
    pub id: FaqGapId,
    pub question: String,
    pub locale: Locale,
    pub source: GapSource,
    pub asked_at: OffsetDateTime,
    pub conversation_id: Option<ConversationId>,
}

/// A synonym as typed into the form or sent to the API.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct SynonymInput {
    #[serde(default)]
    pub locale: String,
    #[serde(default)]
    pub term: String,
    /// The words or phrases meaning the same. The form sends them comma-separated in one
    /// string; the API as a list.
    #[serde(default)]
    pub expansions: Vec<String>,
}

/// A checked synonym: a term and what it expands to, in one locale.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SynonymFields {
    pub locale: Locale,
    /// Lower-cased, inner spaces collapsed.
    pub term: String,
    /// Lower-cased, distinct, not the term itself; at least one.
    pub expansions: Vec<String>,
}

/// A stored synonym.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Synonym {
    pub id: BotSynonymId,
    pub locale: Locale,
    pub term: String,
    pub expansions: Vec<String>,
    pub updated_at: OffsetDateTime,
}

/// A term or expansion: controls removed, trimmed, spaces collapsed, lower-cased.
fn clean_term(s: &str) -> Result<String, Issue> {
    let s = strip_controls(s)
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .to_lowercase();
    if s.is_empty() {
        Err(Issue::Required)
    } else if s.chars().count() > MAX_TERM_CHARS {
        Err(Issue::TooLong)
    } else {
        Ok(s)
    }
}

/// Splits a form's comma-separated (or Arabic-comma-separated) list of expansions.
pub fn split_expansions(s: &str) -> Vec<String> {
    s.split([',', '،', '\n'])
        .map(str::trim)
        .filter(|x| !x.is_empty())
        .map(str::to_owned)
        .collect()
}

impl SynonymInput {
    pub fn parse(&self) -> Result<SynonymFields, ValidationErrors> {
        let mut e = ValidationErrors::default();
        let locale = match Locale::from_tag(self.locale.trim()) {
            Some(l) => Some(l),
            None if self.locale.trim().is_empty() => {
                e.push("locale", Issue::Required);
                None
            }
            None => {
                e.push("locale", Issue::UnknownValue);
                None
            }
        };
        let term = e.check("term", clean_term(&self.term));
        let mut expansions: Vec<String> = Vec::new();
        if self.expansions.len() > MAX_EXPANSIONS {
            e.push("expansions", Issue::TooLong);
        }
        for x in self.expansions.iter().take(MAX_EXPANSIONS) {
            match clean_term(x) {
                Ok(x) => {
                    if Some(&x) != term.as_ref() && !expansions.contains(&x) {
                        expansions.push(x);
                    }
                }
                Err(Issue::Required) => {}
                Err(i) => e.push("expansions", i),
            }
        }
        if expansions.is_empty() && e.issue_for("expansions").is_none() {
            e.push("expansions", Issue::Required);
        }
        match (locale, term) {
            (Some(locale), Some(term)) if e.is_empty() => Ok(SynonymFields {
                locale,
                term,
                expansions,
            }),
            _ => Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;

    fn ask(q: &str, l: &str) -> Result<Ask, ValidationErrors> {
        AskInput {
            question: q.into(),
            locale: l.into(),
            conversation_id: None,
        }
        .parse()
    }

    #[test]
    fn questions_are_trimmed_and_checked() {
        let a = ask("  Mnafungua\u{7} saa ngapi?\n", "sw").unwrap();
        assert_eq!(a.question, "Mnafungua saa ngapi?");
        assert_eq!(a.locale, Locale::Sw);
        let e = ask("   ", "xx").unwrap_err();
        assert_eq!(e.issue_for("question"), Some(Issue::Required));
        assert_eq!(e.issue_for("locale"), Some(Issue::UnknownValue));
        let long = "a".repeat(MAX_QUESTION_CHARS + 1);
        assert_eq!(
            ask(&long, "en").unwrap_err().issue_for("question"),
            Some(Issue::TooLong)
        );
        let bad = AskInput {
            question: "hi".into(),
            locale: "en".into(),
            conversation_id: Some("nope".into()),
        };
        assert_eq!(
            bad.parse().unwrap_err().issue_for("conversation_id"),
            Some(Issue::Invalid)
        );
    }

    #[test]
    fn synonyms_are_cleaned_and_need_an_expansion() {
        let s = SynonymInput {
            locale: "cy".into(),
            term: " Teisen ".into(),
            expansions: vec!["cacen".into(), "CACEN".into(), "teisen".into(), " ".into()],
        }
        .parse()
        .unwrap();
        assert_eq!(s.term, "teisen");
        assert_eq!(s.expansions, vec!["cacen".to_owned()]);
        let e = SynonymInput {
            locale: "zz".into(),
            term: "".into(),
            expansions: vec![],
        }
        .parse()
        .unwrap_err();
        assert_eq!(e.issue_for("locale"), Some(Issue::UnknownValue));
        assert_eq!(e.issue_for("term"), Some(Issue::Required));
        assert_eq!(e.issue_for("expansions"), Some(Issue::Required));
        assert_eq!(split_expansions("a, b ،c,,"), vec!["a", "b", "c"]);
    }
}
