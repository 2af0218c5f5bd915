//! Social mentions ([`MentionStore`]). Counting is grouped in SQL by day (posted time in
//! microseconds divided by a day's, which both databases do as integer division).

use super::{Backend as _, DbRow, This, corrupt, db, get, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{MentionCount, MentionStore, StoreResult};
use time::OffsetDateTime;

const DAY_MICROS: i64 = 86_400_000_000;

fn sentiment(row: &DbRow) -> StoreResult<Option<d::MentionSentiment>> {
    let code: Option<String> = get(row, "sentiment")?;
    code.map(|c| d::MentionSentiment::from_code(&c).ok_or_else(|| corrupt("sentiment", &c)))
        .transpose()
}

fn mention(row: &DbRow) -> StoreResult<d::Mention> {
    Ok(d::Mention {
        id: d::MentionId(get(row, "id")?),
        source: get(row, "source")?,
        external_id: get(row, "external_id")?,
        url: get(row, "url")?,
        author: get(row, "author")?,
        text: get(row, "body")?,
        language: get(row, "language")?,
        sentiment: sentiment(row)?,
        posted_at: time(row, "posted_at")?,
        received_at: time(row, "received_at")?,
    })
}

#[async_trait]
impl MentionStore for This {
    async fn save_mentions(&self, ws: d::WorkspaceId, mentions: &[d::Mention]) -> StoreResult<u64> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let mut stored = 0;
        for m in mentions {
            let done = sqlx::query(
                "INSERT INTO mentions (workspace_id, id, source, external_id, url, author, body, \
                 language, sentiment, posted_at, received_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                 ON CONFLICT (workspace_id, source, external_id) DO NOTHING",
            )
            .bind(ws.as_uuid())
            .bind(m.id.as_uuid())
            .bind(&m.source)
            .bind(&m.external_id)
            .bind(&m.url)
            .bind(&m.author)
            .bind(&m.text)
            .bind(&m.language)
            .bind(m.sentiment.map(d::MentionSentiment::code))
            .bind(to_micros(m.posted_at))
            .bind(to_micros(m.received_at))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            stored += done.rows_affected();
        }
        tx.commit().await.map_err(db)?;
        Ok(stored)
    }

    async fn mention_counts(
        &self,
        ws: d::WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<Vec<MentionCount>> {
        let rows = sqlx::query(
            "SELECT posted_at / $4 AS day, source, sentiment, COUNT(*) AS n FROM mentions \
             WHERE workspace_id = $1 AND posted_at >= $2 AND posted_at < $3 \
             GROUP BY posted_at / $4, source, sentiment ORDER BY day, source",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(from))
        .bind(to_micros(to))
        .bind(DAY_MICROS)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                let n: i64 = get(row, "n")?;
                Ok(MentionCount {
                    day: get(row, "day")?,
                    source: get(row, "source")?,
                    sentiment: sentiment(row)?,
                    count: u64::try_from(n).unwrap_or_default(),
                })
            })
            .collect()
    }

    async fn latest_mentions(
        &self,
        ws: d::WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
        source: Option<&str>,
        limit: u32,
    ) -> StoreResult<Vec<d::Mention>> {
        let rows = sqlx::query(
            "SELECT * FROM mentions WHERE workspace_id = $1 AND posted_at >= $2 \
             AND posted_at < $3 AND ($4 IS NULL OR source = $4) \
             ORDER BY posted_at DESC, id DESC LIMIT $5",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(from))
        .bind(to_micros(to))
        .bind(source)
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(mention).collect()
    }
}
