//! Cases ([`CaseStore`]).
//!
//! - One case per response: the unique index `cases_by_response` is the rule, and opening is
//!   an `INSERT … ON CONFLICT DO NOTHING` in the transaction that also took the case's number
//!   and its owner's round-robin turn; when nothing was inserted the transaction is rolled
//!   back, so neither counter moves. Counters are upserts (`… DO UPDATE SET value = value + 1
//!   RETURNING value`): on PostgreSQL the row lock makes a second node wait for the first's
//!   commit and take the next value; SQLite writes one at a time anyway.
//! - A change is a versioned `UPDATE … WHERE version = $expected`: nothing updated on a case
//!   that exists means someone else changed it (`Conflict(StaleVersion)`).
//! - Replies are claimed with a lease (`claimed_until`) before they are sent, so two nodes do
//!   not send the same one at once.

use super::{Backend as _, DbRow, This, corrupt, db, get, opt_time, page, parse_col, sql_limit};
use super::{time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    CaseFilter, CasePending, CaseReply, CaseStore, CaseUpdate, ConflictKind, NewCase, OwnerPick,
    Page, PageRequest, StoreError, StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

const LIST: &str = include_str!("cases/cases.sql");
/// The columns [`case_row`] reads (also listed in `cases/cases.sql`).
macro_rules! columns {
    () => {
        "id, number, source, response_id, feature_request_id, survey_id, customer_id, \
         touchpoint_id, owner_id, status, root_cause_id, opened_at, first_action_at, closed_at, \
         first_action_due, resolve_due, version, updated_at"
    };
}

fn case_row(row: &DbRow) -> StoreResult<d::Case> {
    Ok(d::Case {
        id: d::CaseId(get(row, "id")?),
        number: get(row, "number")?,
        source: parse_col(row, "source")?,
        response_id: get::<Option<Uuid>>(row, "response_id")?.map(d::ResponseId),
        feature_request_id: get::<Option<Uuid>>(row, "feature_request_id")?
            .map(d::FeatureRequestId),
        survey_id: get::<Option<Uuid>>(row, "survey_id")?.map(d::SurveyId),
        customer_id: get::<Option<Uuid>>(row, "customer_id")?.map(d::CustomerId),
        touchpoint_id: get::<Option<Uuid>>(row, "touchpoint_id")?.map(d::TouchpointId),
        owner: get::<Option<Uuid>>(row, "owner_id")?.map(d::UserId),
        status: parse_col(row, "status")?,
        root_cause: get::<Option<Uuid>>(row, "root_cause_id")?.map(d::RootCauseId),
        opened_at: time(row, "opened_at")?,
        first_action_at: opt_time(row, "first_action_at")?,
        closed_at: opt_time(row, "closed_at")?,
        first_action_due: time(row, "first_action_due")?,
        resolve_due: time(row, "resolve_due")?,
        version: get(row, "version")?,
        updated_at: time(row, "updated_at")?,
    })
}

fn reply_row(row: &DbRow) -> StoreResult<CaseReply> {
    let locale: String = get(row, "locale")?;
    Ok(CaseReply {
        workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
        id: d::CaseReplyId(get(row, "id")?),
        case_id: d::CaseId(get(row, "case_id")?),
        case_number: get(row, "number")?,
        body: get(row, "body")?,
        locale: d::Locale::from_tag(&locale).ok_or_else(|| corrupt("locale", &locale))?,
        to_email: get(row, "to_email")?,
        to_name: get(row, "to_name")?,
        created_at: time(row, "created_at")?,
        sent_at: opt_time(row, "sent_at")?,
    })
}

fn change_json(c: &d::CaseChange) -> StoreResult<String> {
    serde_json::to_string(c).map_err(|e| StoreError::internal_from("encoding a case change", e))
}

/// Takes the next value of a workspace counter in `conn`'s transaction.
async fn next_counter(conn: &mut super::Conn, ws: Uuid, name: &str) -> StoreResult<i64> {
    let row = sqlx::query(
        "INSERT INTO case_counters (workspace_id, name, value) VALUES ($1, $2, 1) \
         ON CONFLICT (workspace_id, name) DO UPDATE SET value = case_counters.value + 1 \
         RETURNING value",
    )
    .bind(ws)
    .bind(name)
    .fetch_one(&mut *conn)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
        _ => db(e),
    })?;
    get(&row, "value")
}

async fn log_entry(
    conn: &mut super::Conn,
    ws: Uuid,
    case: Uuid,
    at: OffsetDateTime,
    actor: Option<d::UserId>,
    actor_name: &str,
    change: &d::CaseChange,
) -> StoreResult<()> {
    sqlx::query(
        "INSERT INTO case_log (workspace_id, case_id, id, at, actor_id, actor_name, kind, detail) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(ws)
    .bind(case)
    .bind(Uuid::now_v7())
    .bind(to_micros(at))
    .bind(actor.map(|a| a.as_uuid()))
    .bind(actor_name)
    .bind(change.kind())
    .bind(change_json(change)?)
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    Ok(())
}

impl This {
    async fn case_in<'c, E>(&self, conn: E, ws: Uuid, id: Uuid) -> StoreResult<d::Case>
    where
        E: sqlx::Executor<'c, Database = crate::Db>,
    {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM cases WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws)
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        case_row(&row)
    }
}

#[async_trait]
impl CaseStore for This {
    async fn open_case(&self, ws: d::WorkspaceId, new: &NewCase) -> StoreResult<Option<d::Case>> {
        let w = ws.as_uuid();
        let mut tx = self.begin_write().await.map_err(db)?;
        // A case opened from a response read just before its customer was erased is opened
        // without the customer rather than naming them again.
        let customer_id = match new.customer_id {
            Some(c) if super::privacy::still_held(&mut tx, w, c.as_uuid()).await? => Some(c),
            _ => None,
        };
        let number = next_counter(&mut tx, w, "number").await?;
        let owner = match &new.owner {
            OwnerPick::Nobody => None,
            OwnerPick::Member(u) => Some(*u),
            OwnerPick::RoundRobin { key, candidates } if !candidates.is_empty() => {
                let turn = next_counter(&mut tx, w, &format!("rr:{key}")).await?;
                let n = i64::try_from(candidates.len()).unwrap_or(1);
                let i = usize::try_from((turn - 1).rem_euclid(n)).unwrap_or(0);
                candidates.get(i).copied()
            }
            OwnerPick::RoundRobin { .. } => None,
        };
        let id = d::CaseId::new();
        let now = new.opened_at;
        let inserted = sqlx::query(
            "INSERT INTO cases (workspace_id, id, number, source, response_id, \
             feature_request_id, survey_id, customer_id, touchpoint_id, owner_id, status, \
             root_cause_id, opened_at, first_action_at, closed_at, first_action_due, \
             resolve_due, version, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, 'open', NULL, $11, NULL, NULL, \
             $12, $13, 1, $11) \
             ON CONFLICT (workspace_id, response_id) DO NOTHING RETURNING id",
        )
        .bind(w)
        .bind(id.as_uuid())
        .bind(number)
        .bind(new.source.as_str())
        .bind(new.response_id.map(|r| r.as_uuid()))
        .bind(new.feature_request_id.map(|r| r.as_uuid()))
        .bind(new.survey_id.map(|r| r.as_uuid()))
        .bind(customer_id.map(|r| r.as_uuid()))
        .bind(new.touchpoint_id.map(|r| r.as_uuid()))
        .bind(owner.map(|r| r.as_uuid()))
        .bind(to_micros(now))
        .bind(to_micros(new.first_action_due))
        .bind(to_micros(new.resolve_due))
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?;
        if inserted.is_none() {
            tx.rollback().await.map_err(db)?;
            return Ok(None);
        }
        log_entry(
            &mut tx,
            w,
            id.as_uuid(),
            now,
            new.actor,
            &new.actor_name,
            &d::CaseChange::Opened { source: new.source },
        )
        .await?;
        let case = self.case_in(&mut *tx, w, id.as_uuid()).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some(case))
    }

    async fn case(&self, ws: d::WorkspaceId, id: d::CaseId) -> StoreResult<d::Case> {
        self.case_in(self.pool(), ws.as_uuid(), id.as_uuid()).await
    }

    async fn case_of_response(
        &self,
        ws: d::WorkspaceId,
        response: d::ResponseId,
    ) -> StoreResult<Option<d::Case>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            columns!(),
            " FROM cases WHERE workspace_id = $1 AND response_id = $2"
        ))
        .bind(ws.as_uuid())
        .bind(response.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(case_row).transpose()
    }

    async fn cases(
        &self,
        ws: d::WorkspaceId,
        f: &CaseFilter,
        page_req: PageRequest<d::CaseId>,
    ) -> StoreResult<Page<d::Case, d::CaseId>> {
        let statuses = if f.statuses.is_empty() {
            String::new()
        } else {
            let list: Vec<&str> = f.statuses.iter().map(|s| s.as_str()).collect();
            format!(",{},", list.join(","))
        };
        let (owner_mode, owner) = match f.owner {
            None => (0_i64, None),
            Some(Some(u)) => (1, Some(u.as_uuid())),
            Some(None) => (2, None),
        };
        let rows = sqlx::query(LIST)
            .bind(ws.as_uuid())
            .bind(page_req.after.map(|a| a.as_uuid()))
            .bind(statuses)
            .bind(owner_mode)
            .bind(owner)
            .bind(f.visible_to.map(|u| u.as_uuid()))
            .bind(f.touchpoint.map(|t| t.as_uuid()))
            .bind(f.overdue_at.map(to_micros))
            .bind(f.opened.map(|(a, _)| to_micros(a)))
            .bind(f.opened.map(|(_, b)| to_micros(b)))
            .bind(sql_limit(page_req.limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let items = rows.iter().map(case_row).collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |c| c.id))
    }

    async fn update_case(
        &self,
        ws: d::WorkspaceId,
        id: d::CaseId,
        version: i64,
        u: &CaseUpdate,
        entries: &[(Option<d::UserId>, String, d::CaseChange)],
    ) -> StoreResult<d::Case> {
        let w = ws.as_uuid();
        let now = u.at.unwrap_or_else(d::now);
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE cases SET \
             status = COALESCE($1, status), \
             owner_id = CASE WHEN $2 = 1 THEN $3 ELSE owner_id END, \
             root_cause_id = CASE WHEN $4 = 1 THEN $5 ELSE root_cause_id END, \
             first_action_at = COALESCE(first_action_at, $6), \
             closed_at = CASE WHEN $7 = 1 THEN $8 ELSE closed_at END, \
             version = version + 1, updated_at = $9 \
             WHERE workspace_id = $10 AND id = $11 AND version = $12",
        )
        .bind(u.status.map(|s| s.as_str()))
        .bind(i64::from(u.owner.is_some()))
        .bind(u.owner.flatten().map(|o| o.as_uuid()))
        .bind(i64::from(u.root_cause.is_some()))
        .bind(u.root_cause.flatten().map(|o| o.as_uuid()))
        .bind(u.first_action_at.map(to_micros))
        .bind(i64::from(u.closed_at.is_some()))
        .bind(u.closed_at.flatten().map(to_micros))
        .bind(to_micros(now))
        .bind(w)
        .bind(id.as_uuid())
        .bind(version)
        .execute(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                StoreError::Conflict(ConflictKind::StaleReference)
            }
            _ => db(e),
        })?;
        if done.rows_affected() == 0 {
            // Missing, or changed by someone else since it was read.
            self.case_in(&mut *tx, w, id.as_uuid()).await?;
            return Err(StoreError::Conflict(ConflictKind::StaleVersion));
        }
        for (actor, name, change) in entries {
            log_entry(&mut tx, w, id.as_uuid(), now, *actor, name, change).await?;
        }
        if let Some(r) = &u.reply {
            sqlx::query(
                "INSERT INTO case_replies (workspace_id, id, case_id, body, locale, to_email, \
                 to_name, created_at, sent_at, claimed_until, attempts) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, 0, 0)",
            )
            .bind(w)
            .bind(r.id.as_uuid())
            .bind(id.as_uuid())
            .bind(&r.body)
            .bind(r.locale.tag())
            .bind(&r.to_email)
            .bind(r.to_name.as_deref())
            .bind(to_micros(now))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        let case = self.case_in(&mut *tx, w, id.as_uuid()).await?;
        tx.commit().await.map_err(db)?;
        Ok(case)
    }

    async fn case_log(&self, ws: d::WorkspaceId, id: d::CaseId) -> StoreResult<Vec<d::CaseEntry>> {
        self.case(ws, id).await?;
        let rows = sqlx::query(
            "SELECT at, actor_id, actor_name, detail FROM case_log \
             WHERE workspace_id = $1 AND case_id = $2 ORDER BY id",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                let detail: String = get(row, "detail")?;
                Ok(d::CaseEntry {
                    at: time(row, "at")?,
                    actor: get::<Option<Uuid>>(row, "actor_id")?.map(d::UserId),
                    actor_name: get(row, "actor_name")?,
                    change: serde_json::from_str(&detail)
                        .map_err(|_| corrupt("case change", &detail))?,
                })
            })
            .collect()
    }

    async fn case_replies(&self, ws: d::WorkspaceId, id: d::CaseId) -> StoreResult<Vec<CaseReply>> {
        let rows = sqlx::query(
            "SELECT r.workspace_id, r.id, r.case_id, c.number, r.body, r.locale, r.to_email, \
             r.to_name, r.created_at, r.sent_at FROM case_replies r \
             JOIN cases c ON c.workspace_id = r.workspace_id AND c.id = r.case_id \
             WHERE r.workspace_id = $1 AND r.case_id = $2 ORDER BY r.created_at, r.id",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(reply_row).collect()
    }

    async fn claim_case_replies(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<CaseReply>> {
        let rows = sqlx::query(
            "SELECT r.workspace_id, r.id, r.case_id, c.number, r.body, r.locale, r.to_email, \
             r.to_name, r.created_at, r.sent_at FROM case_replies r \
             JOIN cases c ON c.workspace_id = r.workspace_id AND c.id = r.case_id \
             WHERE r.sent_at IS NULL AND r.claimed_until <= $1 \
             ORDER BY r.created_at LIMIT $2",
        )
        .bind(to_micros(now))
        .bind(i64::from(limit.max(1)))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut claimed = Vec::with_capacity(rows.len());
        for row in &rows {
            let r = reply_row(row)?;
            let done = sqlx::query(
                "UPDATE case_replies SET claimed_until = $1, attempts = attempts + 1 \
                 WHERE workspace_id = $2 AND id = $3 AND sent_at IS NULL AND claimed_until <= $4",
            )
            .bind(to_micros(lease_until))
            .bind(r.workspace_id.as_uuid())
            .bind(r.id.as_uuid())
            .bind(to_micros(now))
            .execute(self.pool())
            .await
            .map_err(db)?;
            if done.rows_affected() == 1 {
                claimed.push(r);
            }
        }
        Ok(claimed)
    }

    async fn mark_case_reply_sent(
        &self,
        ws: d::WorkspaceId,
        id: d::CaseReplyId,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        sqlx::query("UPDATE case_replies SET sent_at = $1 WHERE workspace_id = $2 AND id = $3")
            .bind(to_micros(at))
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn case_pending(&self, limit: u32) -> StoreResult<Vec<CasePending>> {
        let rows = sqlx::query(
            "SELECT p.workspace_id, p.response_id, p.queued_at, c.sentiment FROM case_pending p \
             LEFT JOIN voc_comments c ON c.workspace_id = p.workspace_id \
             AND c.response_id = p.response_id ORDER BY p.queued_at LIMIT $1",
        )
        .bind(i64::from(limit.max(1)))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                let sentiment: Option<String> = get(row, "sentiment")?;
                Ok(CasePending {
                    workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
                    response_id: d::ResponseId(get(row, "response_id")?),
                    queued_at: get(row, "queued_at")?,
                    sentiment: sentiment
                        .as_deref()
                        .and_then(taith_text::Polarity::from_code),
                })
            })
            .collect()
    }

    async fn forget_case_pending(
        &self,
        done: &[(d::WorkspaceId, d::ResponseId, i64)],
    ) -> StoreResult<()> {
        if done.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await.map_err(db)?;
        for (ws, r, queued_at) in done {
            sqlx::query(
                "DELETE FROM case_pending WHERE workspace_id = $1 AND response_id = $2 \
                 AND queued_at = $3",
            )
            .bind(ws.as_uuid())
            .bind(r.as_uuid())
            .bind(*queued_at)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn case_sla(&self, ws: d::WorkspaceId) -> StoreResult<d::Sla> {
        let row = sqlx::query("SELECT sla FROM case_settings WHERE workspace_id = $1")
            .bind(ws.as_uuid())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?;
        match row {
            None => Ok(d::Sla::default()),
            Some(row) => {
                let s: String = get(&row, "sla")?;
                serde_json::from_str(&s).map_err(|_| corrupt("sla", &s))
            }
        }
    }

    async fn set_case_sla(&self, ws: d::WorkspaceId, sla: &d::Sla) -> StoreResult<()> {
        let json = serde_json::to_string(sla)
            .map_err(|e| StoreError::internal_from("encoding an SLA", e))?;
        sqlx::query(
            "INSERT INTO case_settings (workspace_id, sla, updated_at) VALUES ($1, $2, $3) \
             ON CONFLICT (workspace_id) DO UPDATE SET sla = excluded.sla, \
             updated_at = excluded.updated_at",
        )
        .bind(ws.as_uuid())
        .bind(json)
        .bind(to_micros(d::now()))
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        Ok(())
    }

    async fn root_causes(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::RootCause>> {
        let rows = sqlx::query(
            "SELECT id, name, archived FROM case_root_causes WHERE workspace_id = $1 \
             ORDER BY archived, position, name",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(d::RootCause {
                    id: d::RootCauseId(get(row, "id")?),
                    name: super::name(row, "name")?,
                    archived: get::<bool>(row, "archived")?,
                })
            })
            .collect()
    }

    async fn set_root_causes(
        &self,
        ws: d::WorkspaceId,
        names: &[d::Name],
    ) -> StoreResult<Vec<d::RootCause>> {
        let existing = self.root_causes(ws).await?;
        let mut tx = self.begin_write().await.map_err(db)?;
        Self::lock_workspace(&mut tx, ws.as_uuid())
            .await
            .map_err(db)?;
        sqlx::query(
            "UPDATE case_root_causes SET archived = $1, position = 0 WHERE workspace_id = $2",
        )
        .bind(true)
        .bind(ws.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        for (i, n) in names.iter().enumerate() {
            let position = i64::try_from(i).unwrap_or(i64::MAX);
            let same = existing
                .iter()
                .find(|c| c.name.as_str().to_lowercase() == n.as_str().to_lowercase());
            match same {
                Some(c) => {
                    sqlx::query(
                        "UPDATE case_root_causes SET archived = $1, position = $2, name = $3 \
                         WHERE workspace_id = $4 AND id = $5",
                    )
                    .bind(false)
                    .bind(position)
                    .bind(n.as_str())
                    .bind(ws.as_uuid())
                    .bind(c.id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                }
                None => {
                    sqlx::query(
                        "INSERT INTO case_root_causes (workspace_id, id, name, position, archived) \
                         VALUES ($1, $2, $3, $4, $5)",
                    )
                    .bind(ws.as_uuid())
                    .bind(d::RootCauseId::new().as_uuid())
                    .bind(n.as_str())
                    .bind(position)
                    .bind(false)
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| match &e {
                        sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                            StoreError::NotFound
                        }
                        _ => db(e),
                    })?;
                }
            }
        }
        tx.commit().await.map_err(db)?;
        self.root_causes(ws).await
    }

    async fn case_rules(
        &self,
        ws: d::WorkspaceId,
    ) -> StoreResult<Vec<(d::SurveyId, d::CaseRules)>> {
        let rows = sqlx::query(
            "SELECT survey_id, low_score, negative_comment FROM case_rules WHERE workspace_id = $1",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok((
                    d::SurveyId(get(row, "survey_id")?),
                    d::CaseRules {
                        low_score: get(row, "low_score")?,
                        negative_comment: get(row, "negative_comment")?,
                    },
                ))
            })
            .collect()
    }

    async fn set_case_rules(
        &self,
        ws: d::WorkspaceId,
        survey: d::SurveyId,
        rules: d::CaseRules,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO case_rules (workspace_id, survey_id, low_score, negative_comment) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, survey_id) DO UPDATE SET \
             low_score = excluded.low_score, negative_comment = excluded.negative_comment",
        )
        .bind(ws.as_uuid())
        .bind(survey.as_uuid())
        .bind(rules.low_score)
        .bind(rules.negative_comment)
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        Ok(())
    }

    async fn member_teams(&self, ws: d::WorkspaceId) -> StoreResult<Vec<(d::UserId, d::Name)>> {
        let rows = sqlx::query(
            "SELECT user_id, team FROM member_teams WHERE workspace_id = $1 ORDER BY team, user_id",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| Ok((d::UserId(get(row, "user_id")?), super::name(row, "team")?)))
            .collect()
    }

    async fn set_member_teams(
        &self,
        ws: d::WorkspaceId,
        user: d::UserId,
        teams: &[d::Name],
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query("DELETE FROM member_teams WHERE workspace_id = $1 AND user_id = $2")
            .bind(ws.as_uuid())
            .bind(user.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for t in teams {
            sqlx::query(
                "INSERT INTO member_teams (workspace_id, user_id, team) VALUES ($1, $2, $3) \
                 ON CONFLICT DO NOTHING",
            )
            .bind(ws.as_uuid())
            .bind(user.as_uuid())
            .bind(t.as_str())
            .execute(&mut *tx)
            .await
            .map_err(|e| match &e {
                sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
                _ => db(e),
            })?;
        }
        tx.commit().await.map_err(db)
    }
}
