//! The FAQ bot: a workspace's synonyms, the questions it had no good answer to, and the
//! version its cached index is checked against.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::bot::{FaqGap, GapSource, Synonym, SynonymFields};
use taith_domain::{BotSynonymId, ConversationId, Locale, WorkspaceId};
use time::OffsetDateTime;

/// What the bot's index of a workspace is built from, summarised: the articles' count and
/// newest change, and the synonyms'. Any create, edit, publish, delete or synonym change
/// changes it, so every node rebuilds its cached index on its next question.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct BotVersion {
    pub articles: i64,
    pub articles_changed: i64,
    pub synonyms: i64,
    pub synonyms_changed: i64,
}

/// A gap on its way into the store.
#[derive(Debug, Clone)]
pub struct GapToStore {
    pub question: String,
    pub locale: Locale,
    pub source: GapSource,
    pub asked_at: OffsetDateTime,
    pub conversation_id: Option<ConversationId>,
}

#[async_trait]
pub trait BotStore: Send + Sync {
    /// The version of what the workspace's bot index is built from (one cheap query).
    async fn bot_version(&self, ws: WorkspaceId) -> StoreResult<BotVersion>;

    /// The workspace's synonyms, by locale and term.
    async fn synonyms(&self, ws: WorkspaceId) -> StoreResult<Vec<Synonym>>;

    /// Stores a synonym; one of the same locale and term is replaced (same id).
    /// NotFound: no such workspace.
    async fn put_synonym(&self, ws: WorkspaceId, fields: &SynonymFields) -> StoreResult<Synonym>;

    /// NotFound when it is not one of the workspace's.
    async fn delete_synonym(&self, ws: WorkspaceId, id: BotSynonymId) -> StoreResult<()>;

    /// Records a question with no good answer. NotFound: no such workspace.
    async fn record_gap(&self, ws: WorkspaceId, gap: &GapToStore) -> StoreResult<FaqGap>;

    /// The workspace's gaps asked at or after `since`, newest first, at most `limit`.
    async fn faq_gaps(
        &self,
        ws: WorkspaceId,
        since: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<FaqGap>>;
}
