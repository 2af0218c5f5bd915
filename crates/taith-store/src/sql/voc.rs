//! Voice of the customer ([`VocStore`]).
//!
//! - The queue `voc_pending` is filled by triggers on `responses` (migration 0008), in the
//!   transaction that writes the text, so every path and every node is covered without the
//!   response code knowing. The analyser removes an entry only at the `queued_at` it read: a
//!   response written again meanwhile was queued again and stays.
//! - Saving an analysis is guarded by `EXISTS` on the response (and theme links on the
//!   theme), so a deletion that raced the analyser leaves nothing behind and fails nothing.
//! - A model is saved only at the version it was read at (`version` compared in the
//!   `UPDATE`): two nodes training at once cannot both win; the loser drops its work.

use super::responses::response_row;
use super::{Backend as _, DbRow, This, db, from_micros, get, name, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    AnalysedComment, CommentAnalysis, CommentCount, CommentQuery, ConflictKind, CountQuery,
    PendingComment, StoreError, StoreResult, StoredModel, VocStore,
};
use taith_text::{Lang, Polarity};
use time::OffsetDateTime;
use uuid::Uuid;

fn lang(row: &DbRow, col: &str) -> StoreResult<Lang> {
    let s: String = get(row, col)?;
    Lang::from_code(&s).ok_or_else(|| super::corrupt(col, &s))
}

fn polarity(row: &DbRow, col: &str) -> StoreResult<Option<Polarity>> {
    get::<Option<String>>(row, col)?
        .map(|s| Polarity::from_code(&s).ok_or_else(|| super::corrupt(col, &s)))
        .transpose()
}

fn phrases(json: &str) -> StoreResult<Vec<String>> {
    serde_json::from_str(json).map_err(|_| super::corrupt("phrases", json))
}

fn phrases_json(p: &[String]) -> StoreResult<String> {
    serde_json::to_string(p).map_err(|e| StoreError::internal_from("encoding phrases", e))
}

fn analysis_row(row: &DbRow, response_id: d::ResponseId) -> StoreResult<CommentAnalysis> {
    let sentiment = match polarity(row, "sentiment")? {
        Some(p) => Some((
            p,
            get::<Option<f32>>(row, "sentiment_confidence")?.unwrap_or(0.0),
        )),
        None => None,
    };
    Ok(CommentAnalysis {
        response_id,
        language: lang(row, "language")?,
        language_confidence: get(row, "language_confidence")?,
        sentiment,
        phrases: phrases(&get::<String>(row, "phrases")?)?,
        search_text: get(row, "search_text")?,
        themes: Vec::new(),
    })
}

fn theme_row(row: &DbRow) -> StoreResult<d::Theme> {
    let origin: String = get(row, "origin")?;
    Ok(d::Theme {
        id: d::ThemeId(get(row, "id")?),
        fields: d::ThemeFields {
            name: name(row, "name")?,
            phrases: phrases(&get::<String>(row, "phrases")?)?,
            pinned: get(row, "pinned")?,
            hidden: get(row, "hidden")?,
        },
        origin: d::ThemeOrigin::parse(&origin).ok_or_else(|| super::corrupt("origin", &origin))?,
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

/// A theme written: its name taken is a conflict; no such workspace, not found.
fn theme_write(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(de) if de.is_unique_violation() => {
            StoreError::Conflict(ConflictKind::ThemeNameTaken)
        }
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
        _ => db(e),
    }
}

fn model_row(row: &DbRow) -> StoreResult<StoredModel> {
    Ok(StoredModel {
        language: lang(row, "language")?,
        bytes: get(row, "model")?,
        trained_on: u64::try_from(get::<i64>(row, "trained_on")?).unwrap_or(0),
        trained_through: get::<Option<Uuid>>(row, "trained_through")?.map(d::ResponseId),
        version: get(row, "version")?,
        updated_at: time(row, "updated_at")?,
    })
}

fn count(row: &DbRow, col: &str) -> StoreResult<u64> {
    Ok(u64::try_from(get::<i64>(row, col)?).unwrap_or(0))
}

/// The `LIKE` pattern that finds `words` anywhere, its wildcards escaped.
fn contains_pattern(words: &str) -> String {
    let mut p = String::with_capacity(words.len() + 2);
    p.push('%');
    for c in words.chars() {
        if matches!(c, '%' | '_' | '\\') {
            p.push('\\');
        }
        p.push(c);
    }
    p.push('%');
    p
}

#[async_trait]
impl VocStore for This {
    async fn voc_pending(&self, limit: u32) -> StoreResult<Vec<PendingComment>> {
        let rows = sqlx::query(include_str!("voc/pending.sql"))
            .bind(i64::from(limit.max(1)))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(PendingComment {
                    workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
                    queued_at: get(row, "queued_at")?,
                    response: response_row(row)?,
                })
            })
            .collect()
    }

    async fn voc_pending_count(&self, ws: d::WorkspaceId) -> StoreResult<u64> {
        let row = sqlx::query("SELECT COUNT(*) AS n FROM voc_pending WHERE workspace_id = $1")
            .bind(ws.as_uuid())
            .fetch_one(self.pool())
            .await
            .map_err(db)?;
        count(&row, "n")
    }

    async fn save_comment_analyses(
        &self,
        ws: d::WorkspaceId,
        analyses: &[CommentAnalysis],
        done: &[(d::ResponseId, i64)],
    ) -> StoreResult<()> {
        let now = to_micros(OffsetDateTime::now_utc());
        let mut tx = self.begin_write().await.map_err(db)?;
        for a in analyses {
            let (sentiment, confidence) = match a.sentiment {
                Some((p, c)) => (Some(p.code()), Some(c)),
                None => (None, None),
            };
            sqlx::query(include_str!("voc/save_comment.sql"))
                .bind(ws.as_uuid())
                .bind(a.response_id.as_uuid())
                .bind(a.language.code())
                .bind(a.language_confidence)
                .bind(sentiment)
                .bind(confidence)
                .bind(phrases_json(&a.phrases)?)
                .bind(&a.search_text)
                .bind(now)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            sqlx::query(
                "DELETE FROM voc_comment_themes WHERE workspace_id = $1 AND response_id = $2",
            )
            .bind(ws.as_uuid())
            .bind(a.response_id.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
            for theme in &a.themes {
                sqlx::query(
                    "INSERT INTO voc_comment_themes (workspace_id, theme_id, response_id) \
                     SELECT $1, $2, $3 \
                     WHERE EXISTS (SELECT 1 FROM voc_themes WHERE workspace_id = $1 AND id = $2) \
                     AND EXISTS (SELECT 1 FROM voc_comments \
                                 WHERE workspace_id = $1 AND response_id = $3) \
                     ON CONFLICT (workspace_id, theme_id, response_id) DO NOTHING",
                )
                .bind(ws.as_uuid())
                .bind(theme.as_uuid())
                .bind(a.response_id.as_uuid())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            }
        }
        for (id, queued_at) in done {
            sqlx::query(
                "DELETE FROM voc_pending \
                 WHERE workspace_id = $1 AND response_id = $2 AND queued_at = $3",
            )
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .bind(*queued_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn requeue_comments(
        &self,
        ws: d::WorkspaceId,
        language: Option<Lang>,
    ) -> StoreResult<u64> {
        let done = sqlx::query(
            "INSERT INTO voc_pending (workspace_id, response_id, queued_at) \
             SELECT workspace_id, response_id, $3 FROM voc_comments \
             WHERE workspace_id = $1 AND ($2 IS NULL OR language = $2) \
             ON CONFLICT (workspace_id, response_id) DO UPDATE SET queued_at = excluded.queued_at",
        )
        .bind(ws.as_uuid())
        .bind(language.map(Lang::code))
        .bind(to_micros(OffsetDateTime::now_utc()))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(done.rows_affected())
    }

    async fn themes(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::Theme>> {
        let rows = sqlx::query(
            "SELECT id, name, phrases, origin, pinned, hidden, created_at, updated_at \
             FROM voc_themes WHERE workspace_id = $1 ORDER BY name, id",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(theme_row).collect()
    }

    async fn theme(&self, ws: d::WorkspaceId, id: d::ThemeId) -> StoreResult<d::Theme> {
        let row = sqlx::query(
            "SELECT id, name, phrases, origin, pinned, hidden, created_at, updated_at \
             FROM voc_themes WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        theme_row(&row)
    }

    async fn create_theme(
        &self,
        ws: d::WorkspaceId,
        fields: &d::ThemeFields,
        origin: d::ThemeOrigin,
    ) -> StoreResult<d::Theme> {
        let id = d::ThemeId::new();
        let now = to_micros(OffsetDateTime::now_utc());
        sqlx::query(
            "INSERT INTO voc_themes (workspace_id, id, name, phrases, origin, pinned, hidden, \
             created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $8)",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(fields.name.as_str())
        .bind(phrases_json(&fields.phrases)?)
        .bind(origin.as_str())
        .bind(fields.pinned)
        .bind(fields.hidden)
        .bind(now)
        .execute(self.pool())
        .await
        .map_err(theme_write)?;
        Ok(d::Theme {
            id,
            fields: fields.clone(),
            origin,
            created_at: from_micros(now)?,
            updated_at: from_micros(now)?,
        })
    }

    async fn update_theme(
        &self,
        ws: d::WorkspaceId,
        id: d::ThemeId,
        fields: &d::ThemeFields,
    ) -> StoreResult<d::Theme> {
        let done = sqlx::query(
            "UPDATE voc_themes SET name = $3, phrases = $4, pinned = $5, hidden = $6, \
             updated_at = $7 WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(fields.name.as_str())
        .bind(phrases_json(&fields.phrases)?)
        .bind(fields.pinned)
        .bind(fields.hidden)
        .bind(to_micros(OffsetDateTime::now_utc()))
        .execute(self.pool())
        .await
        .map_err(theme_write)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        self.theme(ws, id).await
    }

    async fn delete_theme(&self, ws: d::WorkspaceId, id: d::ThemeId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM voc_themes WHERE workspace_id = $1 AND id = $2")
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

    async fn comments(
        &self,
        ws: d::WorkspaceId,
        q: &CommentQuery,
    ) -> StoreResult<Vec<AnalysedComment>> {
        let (after_time, after_id) = match q.after {
            Some((t, id)) => (Some(to_micros(t)), Some(id.as_uuid())),
            None => (None, None),
        };
        let mut tx = self.begin_read().await.map_err(db)?;
        let rows = sqlx::query(include_str!("voc/comments.sql"))
            .bind(ws.as_uuid())
            .bind(to_micros(q.from))
            .bind(to_micros(q.to))
            .bind(q.survey.map(|s| s.as_uuid()))
            .bind(q.touchpoint.map(|t| t.as_uuid()))
            .bind(q.channel.map(|c| c.as_str()))
            .bind(q.locale.map(|l| l.tag()))
            .bind(q.language.map(Lang::code))
            .bind(q.sentiment.map(Polarity::code))
            .bind(q.theme.map(|t| t.as_uuid()))
            .bind(q.customer.map(|c| c.as_uuid()))
            .bind(q.search.as_deref().map(contains_pattern))
            .bind(after_time)
            .bind(after_id)
            .bind(i64::from(q.limit.max(1)))
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for row in &rows {
            let response = response_row(row)?;
            let mut analysis = analysis_row(row, response.id)?;
            let themes = sqlx::query(
                "SELECT theme_id FROM voc_comment_themes \
                 WHERE workspace_id = $1 AND response_id = $2 ORDER BY theme_id",
            )
            .bind(ws.as_uuid())
            .bind(response.id.as_uuid())
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
            analysis.themes = themes
                .iter()
                .map(|t| get(t, "theme_id").map(d::ThemeId))
                .collect::<StoreResult<_>>()?;
            out.push(AnalysedComment { response, analysis });
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn comment_counts(
        &self,
        ws: d::WorkspaceId,
        q: &CountQuery,
    ) -> StoreResult<Vec<CommentCount>> {
        let sql = if q.by_theme {
            include_str!("voc/theme_counts.sql")
        } else {
            include_str!("voc/comment_counts.sql")
        };
        let rows = sqlx::query(sql)
            .bind(ws.as_uuid())
            .bind(to_micros(q.from))
            .bind(to_micros(q.to))
            .bind(q.survey.map(|s| s.as_uuid()))
            .bind(q.touchpoint.map(|t| t.as_uuid()))
            .bind(q.channel.map(|c| c.as_str()))
            .bind(q.locale.map(|l| l.tag()))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(CommentCount {
                    theme: if q.by_theme {
                        Some(d::ThemeId(get(row, "theme_id")?))
                    } else {
                        None
                    },
                    survey_id: d::SurveyId(get(row, "survey_id")?),
                    score: super::small_int(row, "score")?,
                    sentiment: polarity(row, "sentiment")?,
                    language: lang(row, "language")?,
                    day: get(row, "day")?,
                    count: count(row, "n")?,
                })
            })
            .collect()
    }

    async fn negative_themes_by_touchpoint(
        &self,
        ws: d::WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<Vec<(d::TouchpointId, d::ThemeId, u64)>> {
        let rows = sqlx::query(
            "SELECT r.touchpoint_id, t.theme_id, COUNT(*) AS n \
             FROM voc_comment_themes t \
             JOIN voc_comments c ON c.workspace_id = t.workspace_id \
                  AND c.response_id = t.response_id \
             JOIN responses r ON r.workspace_id = t.workspace_id AND r.id = t.response_id \
             WHERE t.workspace_id = $1 AND c.sentiment = 'negative' \
               AND r.touchpoint_id IS NOT NULL \
               AND r.submitted_at >= $2 AND r.submitted_at < $3 \
             GROUP BY r.touchpoint_id, t.theme_id",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(from))
        .bind(to_micros(to))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok((
                    d::TouchpointId(get(row, "touchpoint_id")?),
                    d::ThemeId(get(row, "theme_id")?),
                    count(row, "n")?,
                ))
            })
            .collect()
    }

    async fn score_counts(
        &self,
        ws: d::WorkspaceId,
        q: &CountQuery,
    ) -> StoreResult<Vec<(d::SurveyId, i16, u64)>> {
        // Served by responses_by_time (workspace_id, submitted_at).
        let rows = sqlx::query(
            "SELECT survey_id, score, COUNT(*) AS n FROM responses \
             WHERE workspace_id = $1 AND submitted_at >= $2 AND submitted_at < $3 \
             AND ($4 IS NULL OR survey_id = $4) AND ($5 IS NULL OR touchpoint_id = $5) \
             AND ($6 IS NULL OR channel = $6) AND ($7 IS NULL OR locale = $7) \
             GROUP BY survey_id, score",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(q.from))
        .bind(to_micros(q.to))
        .bind(q.survey.map(|s| s.as_uuid()))
        .bind(q.touchpoint.map(|t| t.as_uuid()))
        .bind(q.channel.map(|c| c.as_str()))
        .bind(q.locale.map(|l| l.tag()))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok((
                    d::SurveyId(get(row, "survey_id")?),
                    super::small_int(row, "score")?,
                    count(row, "n")?,
                ))
            })
            .collect()
    }

    async fn comment_phrases(
        &self,
        ws: d::WorkspaceId,
        limit: u32,
    ) -> StoreResult<Vec<(Lang, Vec<String>, d::SurveyId, i16)>> {
        let rows = sqlx::query(
            "SELECT c.language, c.phrases, r.survey_id, r.score FROM voc_comments c \
             JOIN responses r ON r.workspace_id = c.workspace_id AND r.id = c.response_id \
             WHERE c.workspace_id = $1 ORDER BY c.response_id DESC LIMIT $2",
        )
        .bind(ws.as_uuid())
        .bind(i64::from(limit.max(1)))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok((
                    lang(row, "language")?,
                    phrases(&get::<String>(row, "phrases")?)?,
                    d::SurveyId(get(row, "survey_id")?),
                    super::small_int(row, "score")?,
                ))
            })
            .collect()
    }

    async fn comments_to_learn(
        &self,
        ws: d::WorkspaceId,
        language: Lang,
        after: Option<d::ResponseId>,
        limit: u32,
    ) -> StoreResult<Vec<d::NewResponse>> {
        let rows = sqlx::query(
            "SELECT r.id, r.survey_id, r.score, r.answers, r.comment, r.touchpoint_id, \
             r.channel, r.locale, r.customer_id, r.attributes, r.submitted_at, r.client_key \
             FROM voc_comments c \
             JOIN responses r ON r.workspace_id = c.workspace_id AND r.id = c.response_id \
             WHERE c.workspace_id = $1 AND c.language = $2 AND c.response_id > $3 \
             ORDER BY c.response_id LIMIT $4",
        )
        .bind(ws.as_uuid())
        .bind(language.code())
        .bind(after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
        .bind(i64::from(limit.max(1)))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(response_row).collect()
    }

    async fn comment_languages(&self, ws: d::WorkspaceId) -> StoreResult<Vec<(Lang, u64)>> {
        let rows = sqlx::query(
            "SELECT language, COUNT(*) AS n FROM voc_comments WHERE workspace_id = $1 \
             GROUP BY language ORDER BY language",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| Ok((lang(row, "language")?, count(row, "n")?)))
            .collect()
    }

    async fn sentiment_model(
        &self,
        ws: d::WorkspaceId,
        language: Lang,
    ) -> StoreResult<Option<StoredModel>> {
        let row = sqlx::query(
            "SELECT language, model, trained_on, trained_through, version, updated_at \
             FROM voc_models WHERE workspace_id = $1 AND language = $2",
        )
        .bind(ws.as_uuid())
        .bind(language.code())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(model_row).transpose()
    }

    async fn sentiment_models(&self, ws: d::WorkspaceId) -> StoreResult<Vec<StoredModel>> {
        let rows = sqlx::query(
            "SELECT language, model, trained_on, trained_through, version, updated_at \
             FROM voc_models WHERE workspace_id = $1 ORDER BY language",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(model_row).collect()
    }

    async fn save_sentiment_model(
        &self,
        ws: d::WorkspaceId,
        model: &StoredModel,
        expected_version: Option<i64>,
    ) -> StoreResult<bool> {
        let trained_on = i64::try_from(model.trained_on).unwrap_or(i64::MAX);
        let done = match expected_version {
            None => sqlx::query(
                "INSERT INTO voc_models (workspace_id, language, model, trained_on, \
                 trained_through, version, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                 ON CONFLICT (workspace_id, language) DO NOTHING",
            ),
            Some(_) => sqlx::query(
                "UPDATE voc_models SET model = $3, trained_on = $4, trained_through = $5, \
                 version = $6, updated_at = $7 \
                 WHERE workspace_id = $1 AND language = $2 AND version = $8",
            ),
        }
        .bind(ws.as_uuid())
        .bind(model.language.code())
        .bind(&model.bytes)
        .bind(trained_on)
        .bind(model.trained_through.map(|t| t.as_uuid()))
        .bind(model.version)
        .bind(to_micros(model.updated_at))
        .bind(expected_version.unwrap_or(0))
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        Ok(done.rows_affected() == 1)
    }
}
