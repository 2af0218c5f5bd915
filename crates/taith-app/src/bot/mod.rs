//! The FAQ bot: a visitor's question answered from the workspace's **published** help-centre
//! articles, or handed over to a person in a `chat` conversation; the workspace's synonyms;
//! and the questions it had no good answer to ([`gaps`]). The widget's public route, the API,
//! the CLI, the demo and the tests all call these.
//!
//! - **Index cache.** Each workspace's `taith_text::retrieval::Index` is built from its
//!   published translations and synonyms and kept in [`Bot`] (per process). Each question first
//!   reads the store's [`BotVersion`] (one small query: the articles' count and newest change,
//!   the synonyms'), and rebuilds when it differs: any node sees another node's edit on its
//!   next question, with no message between nodes.
//! - **Language.** The answer is the article's translation in the visitor's locale; else the
//!   best other translation, flagged `other_language` (the page says so in the visitor's
//!   language). Nothing is machine-translated.
//! - **Hand-over.** Below the threshold (`taith_text::retrieval::Config::threshold`), or
//!   when the visitor asks for a person (`taith_text::retrieval::asks_for_person`, six
//!   languages), the bot opens a `chat` conversation tagged `bot` with the transcript (the
//!   visitor's question `in`, the bot's reply `out` by author `bot`; the opening's bot
//!   message does not count as the first reply), or continues the one given. Its reply says,
//!   in the visitor's language, when someone will answer: shortly within the workspace's
//!   business hours (the cases SLA's), else by the next opening.
//! - **Gaps.** A hand-over for low confidence is recorded as a FAQ gap (see [`gaps`]).

pub mod gaps;

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use taith_domain::bot::{Ask, AskInput, GapSource, HandoffReason, Synonym, SynonymInput};
use taith_domain::case::BusinessHours;
use taith_domain::conversation::{MAX_BODY_CHARS, MAX_SUBJECT_CHARS};
use taith_domain::{
    Article, BotSynonymId, Channel, ConversationId, ConversationStatus, Locale, MessageDirection,
    MessageInput, NewConversation, NewMessage, ValidationErrors, WorkspaceId,
};
use taith_i18n::Tr;
use taith_store::{BotVersion, GapToStore, Store, StoreError};
use taith_text::Lang;
use taith_text::retrieval::{Config, Document, Handoff as Why, Index};
use time::{OffsetDateTime, UtcOffset};

use crate::articles::{SafeHtml, render};

/// The tag of the conversations the bot opens: only those can be continued through it.
pub const BOT_TAG: &str = "bot";
/// The author of the bot's messages in a transcript.
pub const BOT_AUTHOR: &str = "bot";

/// Why a question got no reply.
#[derive(Debug, thiserror::Error)]
pub enum BotError {
    #[error("invalid question")]
    Invalid(ValidationErrors),
    #[error(transparent)]
    Store(#[from] StoreError),
}

/// An answer: one published article, in the visitor's language when it has it.
#[derive(Debug, Clone)]
pub struct BotAnswer {
    pub article_id: taith_domain::ArticleId,
    pub slug: String,
    /// The translation shown.
    pub locale: Locale,
    pub title: String,
    /// The body rendered and sanitised (`articles::render`).
    pub body_html: SafeHtml,
    /// The article has no translation in the visitor's locale: this is another one.
    pub other_language: bool,
}

/// A hand-over to a person.
#[derive(Debug, Clone)]
pub struct Handoff {
    pub reason: HandoffReason,
    /// The chat conversation opened or continued.
    pub conversation_id: ConversationId,
    /// What the bot tells the visitor, in their language: when someone will answer.
    pub message: String,
}

/// What the bot makes of one question.
#[derive(Debug, Clone)]
pub struct BotReply {
    pub answer: Option<BotAnswer>,
    /// 0–1: how well the best article matched (0 with no article at all).
    pub confidence: f64,
    pub handoff: Option<Handoff>,
    /// The conversation the question was added to (the one given, or the one opened).
    pub conversation_id: Option<ConversationId>,
}

/// One workspace's index and the published articles it answers with.
struct Built {
    version: BotVersion,
    index: Index,
    articles: HashMap<String, Article>,
}

/// The bot's per-process state: each workspace's index, checked against the store's version
/// on every question. Cloning shares it.
#[derive(Clone, Default)]
pub struct Bot {
    cache: Arc<Mutex<HashMap<WorkspaceId, Arc<Built>>>>,
}

impl std::fmt::Debug for Bot {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Bot")
    }
}

/// The retrieval language of a locale.
pub fn lang_of(locale: Locale) -> Lang {
    Lang::from_code(locale.tag()).unwrap_or(Lang::En)
}

fn locale_of(lang: Lang) -> Locale {
    Locale::from_tag(lang.code()).unwrap_or(Locale::En)
}

/// The synonym groups the index expands questions with: each term with its expansions.
fn groups(synonyms: &[Synonym]) -> Vec<Vec<String>> {
    synonyms
        .iter()
        .map(|s| {
            std::iter::once(s.term.clone())
                .chain(s.expansions.iter().cloned())
                .collect()
        })
        .collect()
}

async fn build(
    store: &dyn Store,
    ws: WorkspaceId,
    version: BotVersion,
) -> Result<Built, StoreError> {
    let published = store.articles(ws, true).await?;
    let synonyms = store.synonyms(ws).await?;
    let ids: Vec<String> = published.iter().map(|a| a.id.to_string()).collect();
    let mut docs = Vec::new();
    for (a, id) in published.iter().zip(&ids) {
        for (locale, t) in a.translations.iter() {
            docs.push(Document {
                id: id.as_str(),
                locale: lang_of(locale),
                title: t.title.as_str(),
                body: &t.body,
            });
        }
    }
    let index = Index::new(&docs, &groups(&synonyms), Config::default());
    let articles = ids.into_iter().zip(published).collect();
    Ok(Built {
        version,
        index,
        articles,
    })
}

impl Bot {
    /// The workspace's index, rebuilt when the store's version differs from the cached one.
    async fn index(&self, store: &dyn Store, ws: WorkspaceId) -> Result<Arc<Built>, StoreError> {
        let version = store.bot_version(ws).await?;
        if let Some(b) = self.cached(ws)
            && b.version == version
        {
            return Ok(b);
        }
        let built = Arc::new(build(store, ws, version).await?);
        if let Ok(mut cache) = self.cache.lock() {
            cache.insert(ws, built.clone());
        }
        Ok(built)
    }

    fn cached(&self, ws: WorkspaceId) -> Option<Arc<Built>> {
        self.cache.lock().ok()?.get(&ws).cloned()
    }

    /// Answers a question (see the module's documentation). A `conversation_id` that is not
    /// one of the workspace's bot chats is `NotFound`, as a missing one.
    pub async fn ask(
        &self,
        store: &dyn Store,
        ws: WorkspaceId,
        input: &AskInput,
    ) -> Result<BotReply, BotError> {
        let ask = input.parse().map_err(BotError::Invalid)?;
        if let Some(c) = ask.conversation {
            let conversation = store.conversation(ws, c).await?;
            if conversation.channel != Channel::Chat
                || !conversation.tags.iter().any(|t| t == BOT_TAG)
            {
                return Err(StoreError::NotFound.into());
            }
        }
        let built = self.index(store, ws).await?;
        let reply = built.index.ask(&ask.question, lang_of(ask.locale));
        let confidence = reply
            .answers
            .first()
            .map_or(0.0, |a| f64::from(a.confidence));
        let confidence = (confidence * 1000.0).round() / 1000.0;
        let answer = reply.answer().and_then(|a| {
            let article = built.articles.get(&a.article_id)?;
            let locale = locale_of(a.locale);
            let t = article.translations.exact(locale)?;
            Some(BotAnswer {
                article_id: article.id,
                slug: article.slug.to_string(),
                locale,
                title: t.title.to_string(),
                body_html: render(&t.body),
                other_language: a.other_language,
            })
        });
        let why = match (reply.handoff, &answer) {
            (Some(Why::AskedForPerson), _) => Some(HandoffReason::AskedForPerson),
            (Some(Why::LowConfidence), _) | (None, None) => Some(HandoffReason::LowConfidence),
            (None, Some(_)) => None,
        };
        let Some(reason) = why else {
            let answer = answer.ok_or_else(|| StoreError::internal("an answer went missing"))?;
            if let Some(c) = ask.conversation {
                let said = format!("{}\n\n{}", answer.title, answer_text(&built, &answer));
                append(store, ws, c, &ask.question, &said).await?;
            }
            return Ok(BotReply {
                answer: Some(answer),
                confidence,
                handoff: None,
                conversation_id: ask.conversation,
            });
        };
        let message = availability(store, ws, ask.locale, taith_domain::now()).await?;
        let conversation_id = match ask.conversation {
            Some(c) => {
                append(store, ws, c, &ask.question, &message).await?;
                c
            }
            None => open_chat(store, ws, &ask, &message).await?,
        };
        if reason == HandoffReason::LowConfidence {
            store
                .record_gap(
                    ws,
                    &GapToStore {
                        question: ask.question.clone(),
                        locale: ask.locale,
                        source: GapSource::Bot,
                        asked_at: taith_domain::now(),
                        conversation_id: Some(conversation_id),
                    },
                )
                .await?;
        }
        Ok(BotReply {
            answer: None,
            confidence,
            handoff: Some(Handoff {
                reason,
                conversation_id,
                message,
            }),
            conversation_id: Some(conversation_id),
        })
    }
}

/// The Markdown of the answer shown, for the transcript.
fn answer_text(built: &Built, answer: &BotAnswer) -> String {
    built
        .articles
        .get(&answer.article_id.to_string())
        .and_then(|a| a.translations.exact(answer.locale))
        .map(|t| t.body.clone())
        .unwrap_or_default()
}

fn cut(s: &str, max: usize) -> String {
    s.chars().take(max).collect()
}

/// Adds the visitor's question and the bot's reply to a conversation.
async fn append(
    store: &dyn Store,
    ws: WorkspaceId,
    id: ConversationId,
    question: &str,
    said: &str,
) -> Result<(), BotError> {
    for (direction, author, body) in [
        ("in", None, question),
        ("out", Some(BOT_AUTHOR.to_owned()), said),
    ] {
        let input = MessageInput {
            direction: direction.to_owned(),
            author,
            at: None,
            body: cut(body, MAX_BODY_CHARS),
        };
        match crate::conversations::add_message(store, ws, id, &input, None).await {
            Ok(_) => {}
            Err(crate::conversations::Refused::Invalid(v)) => return Err(BotError::Invalid(v)),
            Err(crate::conversations::Refused::Store(e)) => return Err(e.into()),
        }
    }
    Ok(())
}

/// Opens a chat conversation with the transcript; the bot's message is not a first reply (a
/// person's is).
async fn open_chat(
    store: &dyn Store,
    ws: WorkspaceId,
    ask: &Ask,
    said: &str,
) -> Result<ConversationId, BotError> {
    let now = taith_domain::now();
    let conversation = NewConversation {
        external_id: None,
        channel: Channel::Chat,
        status: ConversationStatus::Open,
        subject: cut(&ask.question, MAX_SUBJECT_CHARS),
        customer_id: None,
        customer: None,
        agent: None,
        team: None,
        tags: vec![BOT_TAG.to_owned()],
        satisfaction: None,
        locale: Some(ask.locale),
        touchpoint_id: None,
        created_at: now,
        first_reply_at: None,
        resolved_at: None,
        reopens: 0,
        messages: vec![
            NewMessage {
                direction: MessageDirection::In,
                author: None,
                at: Some(now),
                body: cut(&ask.question, MAX_BODY_CHARS),
            },
            NewMessage {
                direction: MessageDirection::Out,
                author: Some(BOT_AUTHOR.to_owned()),
                at: Some(now),
                body: cut(said, MAX_BODY_CHARS),
            },
        ],
    };
    let saved =
        match crate::conversations::record_checked(store, ws, std::slice::from_ref(&conversation))
            .await
        {
            Ok(saved) => saved,
            Err(crate::conversations::Refused::Invalid(v)) => return Err(BotError::Invalid(v)),
            Err(crate::conversations::Refused::Store(e)) => return Err(e.into()),
        };
    saved
        .first()
        .map(|(c, _)| c.id)
        .ok_or_else(|| StoreError::internal("save_conversations answered nothing").into())
}

/// When a person will answer, as the visitor reads it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Availability {
    /// Within business hours.
    Shortly,
    /// Outside them: by the next opening, in the business's local time.
    By(OffsetDateTime),
}

/// When someone will answer a question asked at `now`, given the business hours.
pub fn availability_at(hours: &BusinessHours, now: OffsetDateTime) -> Availability {
    let opening = hours.add(now, 0);
    if opening <= now {
        return Availability::Shortly;
    }
    let offset = UtcOffset::from_whole_seconds(i32::from(hours.utc_offset_minutes) * 60)
        .unwrap_or(UtcOffset::UTC);
    Availability::By(opening.to_offset(offset))
}

/// The hand-over message in `locale`.
pub fn availability_message(locale: Locale, a: Availability) -> String {
    let t = Tr::new(locale).plain();
    match a {
        Availability::Shortly => t.t("bot-handoff-shortly"),
        Availability::By(at) => {
            let day = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
                [usize::from(at.weekday().number_days_from_monday())];
            t.ta(
                "bot-handoff-by",
                &[
                    ("time", format!("{:02}:{:02}", at.hour(), at.minute())),
                    ("day", t.t(&format!("cases-day-{day}"))),
                ],
            )
        }
    }
}

async fn availability(
    store: &dyn Store,
    ws: WorkspaceId,
    locale: Locale,
    now: OffsetDateTime,
) -> Result<String, StoreError> {
    let sla = store.case_sla(ws).await?;
    Ok(availability_message(
        locale,
        availability_at(&sla.hours, now),
    ))
}

/// The workspace's synonyms.
pub async fn synonyms(store: &dyn Store, ws: WorkspaceId) -> Result<Vec<Synonym>, StoreError> {
    store.synonyms(ws).await
}

/// Adds a synonym, or replaces the expansions of the same term in the same locale.
pub async fn put_synonym(
    store: &dyn Store,
    ws: WorkspaceId,
    input: &SynonymInput,
) -> Result<Synonym, BotError> {
    let fields = input.parse().map_err(BotError::Invalid)?;
    Ok(store.put_synonym(ws, &fields).await?)
}

pub async fn delete_synonym(
    store: &dyn Store,
    ws: WorkspaceId,
    id: BotSynonymId,
) -> Result<(), StoreError> {
    store.delete_synonym(ws, id).await
}

/// Records a help-centre search that found nothing (an empty query is not a question).
pub async fn record_search_miss(
    store: &dyn Store,
    ws: WorkspaceId,
    query: &str,
    locale: Locale,
) -> Result<(), StoreError> {
    let question = AskInput {
        question: query.to_owned(),
        locale: locale.tag().to_owned(),
        conversation_id: None,
    };
    let Ok(ask) = question.parse() else {
        return Ok(());
    };
    store
        .record_gap(
            ws,
            &GapToStore {
                question: ask.question,
                locale,
                source: GapSource::HelpSearch,
                asked_at: taith_domain::now(),
                conversation_id: None,
            },
        )
        .await?;
    Ok(())
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::datetime;

    #[test]
    fn the_hand_over_says_when_someone_will_answer() {
        let hours = BusinessHours::default();
        // A Wednesday at 10:00 UTC: open.
        let open = datetime!(2026-12-02 10:00 UTC);
        assert_eq!(availability_at(&hours, open), Availability::Shortly);
        // A Saturday: Monday at 09:00.
        let weekend = datetime!(2026-12-05 12:00 UTC);
        let a = availability_at(&hours, weekend);
        assert_eq!(a, Availability::By(datetime!(2026-12-07 09:00 UTC)));
        let en = availability_message(Locale::En, a);
        assert!(en.contains("09:00") && en.contains("Monday"), "{en}");
        let cy = availability_message(Locale::Cy, a);
        assert!(cy.contains("Llun"), "{cy}");
        assert!(!availability_message(Locale::Sw, Availability::Shortly).is_empty());
    }
}
