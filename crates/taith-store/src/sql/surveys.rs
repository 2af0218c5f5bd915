//! Surveys ([`SurveyStore`]).
//!
//! - The question, thank-you text and follow-ups are one JSON column, `definition`: they are
//!   only ever read whole.
//! - `create_survey` / `update_survey`: a touchpoint not in the workspace fails the foreign key,
//!   `Conflict(StaleReference)`; `delete_survey` checks for responses first and also maps the
//!   foreign-key violation of a response committed meanwhile to `Conflict(HasResponses)`.

use super::{
    Backend as _, DbRow, This, corrupt, db, get, name, page, parse_col, small_int, sql_limit, time,
    to_micros,
};
use async_trait::async_trait;
use taith_domain as d;
use taith_domain::SurveyFields;
use taith_domain::survey::{FollowUp, LocalizedText};
use taith_store::{
    ConflictKind, MetricsContextVersion, Page, PageRequest, StoreError, StoreResult, SurveyStore,
};
use uuid::Uuid;

/// A survey's `definition` column: the parts only ever read whole, as one JSON object
/// `{"question", "thank_you", "follow_ups"}`.
fn survey_definition(fields: &SurveyFields) -> StoreResult<String> {
    let mut map = serde_json::Map::new();
    let mut put = |key: &str, value: Result<serde_json::Value, serde_json::Error>| {
        value
            .map(|v| {
                map.insert(key.to_owned(), v);
            })
            .map_err(|e| StoreError::internal_from(format!("encoding survey {key}"), e))
    };
    put("question", serde_json::to_value(&fields.question))?;
    put("thank_you", serde_json::to_value(&fields.thank_you))?;
    put("follow_ups", serde_json::to_value(&fields.follow_ups))?;
    serde_json::to_string(&serde_json::Value::Object(map))
        .map_err(|e| StoreError::internal_from("encoding a survey definition", e))
}

/// A survey's `definition` column back: question, thank-you text and follow-ups.
fn parse_survey_definition(
    json: &str,
) -> StoreResult<(LocalizedText, LocalizedText, Vec<FollowUp>)> {
    let bad = || corrupt("survey definition", json);
    let serde_json::Value::Object(mut map) =
        serde_json::from_str::<serde_json::Value>(json).map_err(|_| bad())?
    else {
        return Err(bad());
    };
    let mut take = |key: &str| map.remove(key).unwrap_or(serde_json::Value::Null);
    let question = serde_json::from_value(take("question")).map_err(|_| bad())?;
    let thank_you = serde_json::from_value(take("thank_you")).map_err(|_| bad())?;
    let follow_ups = match take("follow_ups") {
        serde_json::Value::Null => Vec::new(),
        v => serde_json::from_value(v).map_err(|_| bad())?,
    };
    Ok((question, thank_you, follow_ups))
}

fn survey_write(e: sqlx::Error) -> StoreError {
    match &e {
        // A touchpoint not (any more) in the workspace.
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
            StoreError::Conflict(ConflictKind::StaleReference)
        }
        // The caller draws public ids at random; a collision is a fault of ours.
        sqlx::Error::Database(de) if de.is_unique_violation() => {
            StoreError::internal_from("survey public id taken", e)
        }
        _ => db(e),
    }
}

fn survey_row(row: &DbRow) -> StoreResult<d::Survey> {
    let definition: String = get(row, "definition")?;
    let (question, thank_you, follow_ups) = parse_survey_definition(&definition)?;
    Ok(d::Survey {
        id: d::SurveyId(get(row, "id")?),
        public_id: get(row, "public_id")?,
        fields: d::SurveyFields {
            name: name(row, "name")?,
            kind: parse_col::<d::SurveyKind>(row, "kind")?,
            scale: d::Scale {
                low: small_int(row, "scale_low")?,
                high: small_int(row, "scale_high")?,
            },
            default_locale: parse_col::<d::Locale>(row, "default_locale")?,
            question,
            thank_you,
            follow_ups,
            touchpoint_id: get::<Option<Uuid>>(row, "touchpoint_id")?.map(d::TouchpointId),
            status: parse_col::<d::SurveyStatus>(row, "status")?,
            anonymous: get(row, "anonymous")?,
            throttle_days: small_int(row, "throttle_days")?,
        },
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

#[async_trait]
impl SurveyStore for This {
    async fn surveys(
        &self,
        ws: d::WorkspaceId,
        page_req: PageRequest<d::SurveyId>,
    ) -> StoreResult<Page<d::Survey, d::SurveyId>> {
        // Served by the primary key surveys(workspace_id, id).
        let rows = sqlx::query(
            "SELECT id, public_id, name, kind, scale_low, scale_high, \
             default_locale, definition, touchpoint_id, status, anonymous, \
             throttle_days, created_at, updated_at FROM surveys \
             WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3",
        )
        .bind(ws.as_uuid())
        .bind(page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
        .bind(sql_limit(page_req.limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let items = rows
            .iter()
            .map(survey_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |s| s.id))
    }

    async fn survey(&self, ws: d::WorkspaceId, id: d::SurveyId) -> StoreResult<d::Survey> {
        let row = sqlx::query(
            "SELECT id, public_id, name, kind, scale_low, scale_high, \
             default_locale, definition, touchpoint_id, status, anonymous, \
             throttle_days, created_at, updated_at FROM surveys \
             WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        survey_row(&row)
    }

    async fn survey_by_public_id(
        &self,
        public_id: &str,
    ) -> StoreResult<(d::WorkspaceId, d::Survey)> {
        // Served by the unique index on surveys(public_id).
        let row = sqlx::query(
            "SELECT workspace_id, id, public_id, name, kind, scale_low, scale_high, \
             default_locale, definition, touchpoint_id, status, anonymous, \
             throttle_days, created_at, updated_at FROM surveys \
             WHERE public_id = $1",
        )
        .bind(public_id)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        Ok((
            d::WorkspaceId(get(&row, "workspace_id")?),
            survey_row(&row)?,
        ))
    }

    async fn create_survey(
        &self,
        ws: d::WorkspaceId,
        fields: &d::SurveyFields,
        public_id: &str,
    ) -> StoreResult<d::Survey> {
        let now = d::now();
        let survey = d::Survey {
            id: d::SurveyId::new(),
            public_id: public_id.to_owned(),
            fields: fields.clone(),
            created_at: now,
            updated_at: now,
        };
        sqlx::query(include_str!("surveys/insert_survey.sql"))
            .bind(ws.as_uuid())
            .bind(survey.id.as_uuid())
            .bind(public_id)
            .bind(fields.name.as_str())
            .bind(fields.kind.as_str())
            .bind(i64::from(fields.scale.low))
            .bind(i64::from(fields.scale.high))
            .bind(fields.default_locale.tag())
            .bind(survey_definition(fields)?)
            .bind(fields.touchpoint_id.map(|t| t.as_uuid()))
            .bind(fields.status.as_str())
            .bind(fields.anonymous)
            .bind(i64::from(fields.throttle_days))
            .bind(to_micros(now))
            .bind(to_micros(now))
            .execute(self.pool())
            .await
            .map_err(|e| match (&e, fields.touchpoint_id) {
                // Without a touchpoint, only the workspace can be missing.
                (sqlx::Error::Database(de), None) if de.is_foreign_key_violation() => {
                    StoreError::NotFound
                }
                _ => survey_write(e),
            })?;
        Ok(survey)
    }

    async fn update_survey(
        &self,
        ws: d::WorkspaceId,
        id: d::SurveyId,
        fields: &d::SurveyFields,
    ) -> StoreResult<d::Survey> {
        let now = d::now();
        let row = sqlx::query(include_str!("surveys/update_survey.sql"))
            .bind(fields.name.as_str())
            .bind(fields.kind.as_str())
            .bind(i64::from(fields.scale.low))
            .bind(i64::from(fields.scale.high))
            .bind(fields.default_locale.tag())
            .bind(survey_definition(fields)?)
            .bind(fields.touchpoint_id.map(|t| t.as_uuid()))
            .bind(fields.status.as_str())
            .bind(fields.anonymous)
            .bind(i64::from(fields.throttle_days))
            .bind(to_micros(now))
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .fetch_optional(self.pool())
            .await
            .map_err(survey_write)?
            .ok_or(StoreError::NotFound)?;
        Ok(d::Survey {
            id,
            public_id: get(&row, "public_id")?,
            fields: fields.clone(),
            created_at: time(&row, "created_at")?,
            updated_at: now,
        })
    }

    async fn delete_survey(&self, ws: d::WorkspaceId, id: d::SurveyId) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        // Served by the index responses(workspace_id, survey_id, id).
        let answered = sqlx::query(
            "SELECT id FROM responses WHERE workspace_id = $1 AND survey_id = $2 \
             LIMIT 1",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        if answered.is_some() {
            return Err(StoreError::Conflict(ConflictKind::HasResponses));
        }
        let done = sqlx::query("DELETE FROM surveys WHERE workspace_id = $1 AND id = $2")
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(|e| match &e {
                // PostgreSQL: a response committed since the check above.
                sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                    StoreError::Conflict(ConflictKind::HasResponses)
                }
                _ => db(e),
            })?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(db)
    }

    async fn metrics_context_version(
        &self,
        ws: d::WorkspaceId,
    ) -> StoreResult<MetricsContextVersion> {
        let row = sqlx::query(include_str!("surveys/metrics_context_version.sql"))
            .bind(ws.as_uuid())
            .fetch_one(self.pool())
            .await
            .map_err(db)?;
        let mut v = [0i64; 7];
        for (slot, name) in v.iter_mut().zip([
            "s_n",
            "s_max",
            "s_sum",
            "j_n",
            "j_max",
            "j_sum",
            "j_versions",
        ]) {
            *slot = get(&row, name)?;
        }
        Ok(MetricsContextVersion(v))
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;
    use taith_domain::survey::FollowUpKind;
    use taith_domain::{FollowUpId, Locale, Name, SurveyKind, SurveyStatus};

    #[test]
    fn a_survey_definition_reads_back_as_written() {
        let text = |s: &str| LocalizedText([(Locale::En, s.to_owned())].into());
        let fields = SurveyFields {
            name: Name::parse("Checkout").expect("a name"),
            kind: SurveyKind::Nps,
            scale: SurveyKind::Nps.default_scale(),
            default_locale: Locale::En,
            question: LocalizedText(
                [
                    (Locale::En, "Would you recommend us?".to_owned()),
                    (Locale::Ar, "هل تنصح بنا؟".to_owned()),
                ]
                .into(),
            ),
            thank_you: text("Thanks"),
            follow_ups: vec![FollowUp {
                id: FollowUpId::new(),
                prompt: text("Which?"),
                kind: FollowUpKind::MultipleChoice {
                    options: vec![text("Bread"), text("Cake")],
                },
                when: None,
            }],
            touchpoint_id: None,
            status: SurveyStatus::Draft,
            anonymous: false,
            throttle_days: 30,
        };
        let json = survey_definition(&fields).expect("encode");
        let (question, thank_you, follow_ups) = parse_survey_definition(&json).expect("decode");
        assert_eq!(
            (question, thank_you, follow_ups),
            (fields.question, fields.thank_you, fields.follow_ups)
        );
        assert!(parse_survey_definition("[]").is_err());
    }
}
