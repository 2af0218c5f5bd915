//! The FAQ bot ([`BotStore`]).
//!
//! - The version is one statement of four sub-selects over the primary keys' workspace
//!   prefix: the cost of a cache check per question, on both backends.
//! - A synonym's expansions are one JSON array column, read and written whole.
//! - Synonyms are upserted on `(workspace_id, locale, term)`: the same term typed again
//!   replaces its expansions and keeps its id.

use super::{Backend as _, DbRow, This, corrupt, db, get, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_domain::bot::{FaqGap, GapSource, Synonym, SynonymFields};
use taith_store::{BotStore, BotVersion, GapToStore, StoreError, StoreResult};
use uuid::Uuid;

fn locale(row: &DbRow, col: &str) -> StoreResult<d::Locale> {
    let s: String = get(row, col)?;
    d::Locale::from_tag(&s).ok_or_else(|| corrupt(col, &s))
}

fn synonym_row(row: &DbRow) -> StoreResult<Synonym> {
    let json: String = get(row, "expansions")?;
    let expansions: Vec<String> =
        serde_json::from_str(&json).map_err(|_| corrupt("expansions", &json))?;
    Ok(Synonym {
        id: d::BotSynonymId(get(row, "id")?),
        locale: locale(row, "locale")?,
        term: get(row, "term")?,
        expansions,
        updated_at: time(row, "updated_at")?,
    })
}

fn gap_row(row: &DbRow) -> StoreResult<FaqGap> {
    let source: String = get(row, "source")?;
    Ok(FaqGap {
        id: d::FaqGapId(get(row, "id")?),
        question: get(row, "question")?,
        locale: locale(row, "locale")?,
        source: source
            .parse::<GapSource>()
            .map_err(|_| corrupt("source", &source))?,
        asked_at: time(row, "asked_at")?,
        conversation_id: get::<Option<Uuid>>(row, "conversation_id")?.map(d::ConversationId),
    })
}

/// A foreign-key violation names a workspace that is not there.
fn on_insert(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
        _ => db(e),
    }
}

#[async_trait]
impl BotStore for This {
    async fn bot_version(&self, ws: d::WorkspaceId) -> StoreResult<BotVersion> {
        let row = sqlx::query(
            "SELECT \
             (SELECT count(*) FROM articles WHERE workspace_id = $1) AS a, \
             (SELECT COALESCE(max(updated_at), 0) FROM articles WHERE workspace_id = $1) AS ac, \
             (SELECT count(*) FROM bot_synonyms WHERE workspace_id = $1) AS s, \
             (SELECT COALESCE(max(updated_at), 0) FROM bot_synonyms WHERE workspace_id = $1) \
             AS sc",
        )
        .bind(ws.as_uuid())
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        Ok(BotVersion {
            articles: get(&row, "a")?,
            articles_changed: get(&row, "ac")?,
            synonyms: get(&row, "s")?,
            synonyms_changed: get(&row, "sc")?,
        })
    }

    async fn synonyms(&self, ws: d::WorkspaceId) -> StoreResult<Vec<Synonym>> {
        let rows = sqlx::query(
            "SELECT id, locale, term, expansions, updated_at FROM bot_synonyms \
             WHERE workspace_id = $1 ORDER BY locale, term",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(synonym_row).collect()
    }

    async fn put_synonym(
        &self,
        ws: d::WorkspaceId,
        fields: &SynonymFields,
    ) -> StoreResult<Synonym> {
        let json = serde_json::to_string(&fields.expansions)
            .map_err(|e| StoreError::internal_from("encoding expansions", e))?;
        let row = sqlx::query(
            "INSERT INTO bot_synonyms (workspace_id, id, locale, term, expansions, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (workspace_id, locale, term) DO UPDATE SET \
             expansions = excluded.expansions, updated_at = excluded.updated_at \
             RETURNING id, locale, term, expansions, updated_at",
        )
        .bind(ws.as_uuid())
        .bind(d::BotSynonymId::new().as_uuid())
        .bind(fields.locale.tag())
        .bind(&fields.term)
        .bind(json)
        .bind(to_micros(d::now()))
        .fetch_one(self.pool())
        .await
        .map_err(on_insert)?;
        synonym_row(&row)
    }

    async fn delete_synonym(&self, ws: d::WorkspaceId, id: d::BotSynonymId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM bot_synonyms WHERE workspace_id = $1 AND id = $2")
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn record_gap(&self, ws: d::WorkspaceId, gap: &GapToStore) -> StoreResult<FaqGap> {
        let stored = FaqGap {
            id: d::FaqGapId::new(),
            question: gap.question.clone(),
            locale: gap.locale,
            source: gap.source,
            asked_at: super::truncate(gap.asked_at),
            conversation_id: gap.conversation_id,
        };
        sqlx::query(
            "INSERT INTO faq_gaps \
             (workspace_id, id, question, locale, source, asked_at, conversation_id) \
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(ws.as_uuid())
        .bind(stored.id.as_uuid())
        .bind(&stored.question)
        .bind(stored.locale.tag())
        .bind(stored.source.as_str())
        .bind(to_micros(stored.asked_at))
        .bind(stored.conversation_id.map(|c| c.as_uuid()))
        .execute(self.pool())
        .await
        .map_err(on_insert)?;
        Ok(stored)
    }

    async fn faq_gaps(
        &self,
        ws: d::WorkspaceId,
        since: time::OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<FaqGap>> {
        let rows = sqlx::query(
            "SELECT id, question, locale, source, asked_at, conversation_id FROM faq_gaps \
             WHERE workspace_id = $1 AND asked_at >= $2 ORDER BY asked_at DESC, id DESC \
             LIMIT $3",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(since))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(gap_row).collect()
    }
}
