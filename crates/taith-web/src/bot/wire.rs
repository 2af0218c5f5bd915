//! Wire types of the FAQ bot.

use serde::{Deserialize, Serialize};
use taith_app::bot::gaps::GapGroup;
use taith_app::bot::{BotAnswer, BotReply};
use taith_domain::bot::{AskInput, Synonym as DomainSynonym, SynonymInput};
use time::OffsetDateTime;
use utoipa::ToSchema;
use uuid::Uuid;

/// A visitor's question.
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct AskRequest {
    /// 1–500 characters.
    #[serde(default)]
    pub question: String,
    /// The visitor's language: `en`, `cy`, `ms`, `sw`, `ar` or `vi`.
    #[serde(default)]
    pub locale: String,
    /// The chat conversation a previous hand-over opened: the question is added to it.
    #[serde(default)]
    #[schema(value_type = Option<Uuid>)]
    pub conversation_id: Option<String>,
}

impl AskRequest {
    pub fn input(self) -> AskInput {
        AskInput {
            question: self.question,
            locale: self.locale,
            conversation_id: self.conversation_id,
        }
    }
}

/// The article that answers.
#[derive(Debug, Clone, Serialize, ToSchema)]
#[schema(as = BotAnswer)]
pub struct Answer {
    pub article_id: Uuid,
    /// The article's address part in the help centre (`/h/{workspace}/a/{slug}`).
    pub slug: String,
    /// The translation's locale: the visitor's, unless `other_language`.
    pub locale: String,
    pub title: String,
    /// The article's body as sanitised HTML.
    pub body_html: String,
    /// The article has no translation in the visitor's language: this is another one (never
    /// machine-translated).
    pub other_language: bool,
}

impl From<&BotAnswer> for Answer {
    fn from(a: &BotAnswer) -> Self {
        Answer {
            article_id: a.article_id.as_uuid(),
            slug: a.slug.clone(),
            locale: a.locale.tag().to_owned(),
            title: a.title.clone(),
            body_html: a.body_html.as_str().to_owned(),
            other_language: a.other_language,
        }
    }
}

/// A hand-over to a person.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Handoff {
    /// `asked_for_person` or `low_confidence`.
    pub reason: String,
    pub conversation_id: Uuid,
    /// What to tell the visitor, in their language: when someone will answer.
    pub message: String,
}

/// The bot's reply: an answer, or a hand-over.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct AskResponse {
    pub answer: Option<Answer>,
    pub article_id: Option<Uuid>,
    /// 0–1: how well the best article matched.
    pub confidence: f64,
    pub handoff: Option<Handoff>,
    /// The conversation the question was added to (given, or opened by the hand-over).
    pub conversation_id: Option<Uuid>,
}

impl From<&BotReply> for AskResponse {
    fn from(r: &BotReply) -> Self {
        AskResponse {
            answer: r.answer.as_ref().map(Answer::from),
            article_id: r.answer.as_ref().map(|a| a.article_id.as_uuid()),
            confidence: r.confidence,
            handoff: r.handoff.as_ref().map(|h| Handoff {
                reason: h.reason.as_str().to_owned(),
                conversation_id: h.conversation_id.as_uuid(),
                message: h.message.clone(),
            }),
            conversation_id: r.conversation_id.map(|c| c.as_uuid()),
        }
    }
}

/// A group of similar questions no article answers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Gap {
    /// The group's newest question: a title for the article to write.
    pub question: String,
    pub count: u64,
    pub locales: Vec<String>,
    /// Where they were asked: `bot`, `help_search`, `site_search`.
    pub sources: Vec<String>,
    pub examples: Vec<String>,
    /// None when only site searches (counted per day) make up the group.
    #[serde(with = "time::serde::rfc3339::option")]
    #[schema(value_type = Option<String>, format = DateTime)]
    pub last_asked: Option<OffsetDateTime>,
}

impl From<&GapGroup> for Gap {
    fn from(g: &GapGroup) -> Self {
        Gap {
            question: g.question.clone(),
            count: g.count,
            locales: g.locales.iter().map(|l| l.tag().to_owned()).collect(),
            sources: g.sources.iter().map(|s| s.as_str().to_owned()).collect(),
            examples: g.examples.clone(),
            last_asked: g.last_asked,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct GapList {
    pub gaps: Vec<Gap>,
}

/// A synonym: a term and the words meaning the same to the workspace's customers.
#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct Synonym {
    pub id: Uuid,
    pub locale: String,
    pub term: String,
    pub expansions: Vec<String>,
}

impl From<&DomainSynonym> for Synonym {
    fn from(s: &DomainSynonym) -> Self {
        Synonym {
            id: s.id.as_uuid(),
            locale: s.locale.tag().to_owned(),
            term: s.term.clone(),
            expansions: s.expansions.clone(),
        }
    }
}

/// A synonym as added (the same term in the same locale again replaces its expansions).
#[derive(Debug, Default, Clone, Deserialize, ToSchema)]
#[serde(deny_unknown_fields)]
pub struct SynonymWrite {
    #[serde(default)]
    pub locale: String,
    /// At most 60 characters; lower-cased.
    #[serde(default)]
    pub term: String,
    /// 1–20 words or phrases, each at most 60 characters.
    #[serde(default)]
    pub expansions: Vec<String>,
}

impl SynonymWrite {
    pub fn input(self) -> SynonymInput {
        SynonymInput {
            locale: self.locale,
            term: self.term,
            expansions: self.expansions,
        }
    }
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SynonymList {
    pub synonyms: Vec<Synonym>,
}

#[derive(Debug, Clone, Serialize, ToSchema)]
pub struct SynonymResponse {
    pub synonym: Synonym,
}
