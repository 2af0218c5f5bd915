//! Social mentions posted for listening.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{Mention, MentionSentiment, WorkspaceId};
use time::OffsetDateTime;

/// Mentions counted per day (UTC), source and sentiment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MentionCount {
    /// Days since 1970-01-01 (UTC).
    pub day: i64,
    pub source: String,
    pub sentiment: Option<MentionSentiment>,
    pub count: u64,
}

#[async_trait]
pub trait MentionStore: Send + Sync {
    /// Stores the mentions in one transaction; a mention whose (source, external id) the
    /// workspace already has is left out. Answers how many were stored.
    async fn save_mentions(&self, ws: WorkspaceId, mentions: &[Mention]) -> StoreResult<u64>;

    /// Mentions posted in `[from, to)`, counted per day, source and sentiment.
    async fn mention_counts(
        &self,
        ws: WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<Vec<MentionCount>>;

    /// The latest `limit` mentions posted in `[from, to)`, newest first; `source` narrows
    /// them to one place.
    async fn latest_mentions(
        &self,
        ws: WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
        source: Option<&str>,
        limit: u32,
    ) -> StoreResult<Vec<Mention>>;
}
