//! Alerts ([`AlertStore`]).
//!
//! - A rule's settings are one JSON column, read and written whole (they are never queried by
//!   their parts); `enabled` is a column of its own for the scheduled evaluation's list.
//! - The once-rule is a partial unique index: at most one open firing per rule of a figure,
//!   one firing per (rule, response) for detractors. A firing is an `INSERT … ON CONFLICT DO
//!   NOTHING`; only the statement that inserted it queues its e-mails and publishes its event,
//!   in the same transaction — so two nodes that see the condition at once record it once,
//!   and nothing goes out about a firing that was not recorded.
//! - A clearing is an `UPDATE … WHERE cleared_at IS NULL`: the same once-rule for clearing.
//! - E-mails are claimed with a lease (`claimed_until`), like webhook deliveries.

use super::webhooks::publish_in;
use super::{Backend as _, Conn, DbRow, This, corrupt, db, get, opt_time, page, sql_limit};
use super::{time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    AlertMailDue, AlertStore, Clearing, NewFiring, Page, PageRequest, StoreError, StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

/// The columns a rule is read from, as a literal for `concat!`.
macro_rules! rule_select {
    () => {
        "SELECT r.workspace_id, r.id, r.settings, r.last_value, r.last_evaluated_at, \
         r.created_at, r.updated_at, \
         CAST(CASE WHEN EXISTS (SELECT 1 FROM alert_firings f \
             WHERE f.workspace_id = r.workspace_id AND f.rule_id = r.id \
             AND f.cleared_at IS NULL AND f.response_id IS NULL) THEN 1 ELSE 0 END AS BIGINT) \
         AS firing FROM alert_rules r "
    };
}

/// The columns a firing is read from, as a literal for `concat!`.
macro_rules! firing_select {
    () => {
        "SELECT id, rule_id, fired_at, cleared_at, value, previous, n, response_id \
         FROM alert_firings "
    };
}

fn settings_json(fields: &d::AlertRuleFields) -> StoreResult<String> {
    serde_json::to_string(fields).map_err(|e| StoreError::internal_from("encoding a rule", e))
}

fn rule_row(row: &DbRow) -> StoreResult<d::AlertRule> {
    let settings: String = get(row, "settings")?;
    let fields: d::AlertRuleFields =
        serde_json::from_str(&settings).map_err(|_| corrupt("settings", &settings))?;
    Ok(d::AlertRule {
        id: d::AlertRuleId(get(row, "id")?),
        fields,
        firing: get::<i64>(row, "firing")? != 0,
        last_value: get(row, "last_value")?,
        last_evaluated_at: opt_time(row, "last_evaluated_at")?,
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

fn firing_row(row: &DbRow) -> StoreResult<d::AlertFiring> {
    let n: i64 = get(row, "n")?;
    Ok(d::AlertFiring {
        id: d::AlertFiringId(get(row, "id")?),
        rule_id: d::AlertRuleId(get(row, "rule_id")?),
        fired_at: time(row, "fired_at")?,
        cleared_at: opt_time(row, "cleared_at")?,
        value: get(row, "value")?,
        previous: get(row, "previous")?,
        n: u64::try_from(n).map_err(|_| corrupt("n", &n.to_string()))?,
        response_id: get::<Option<Uuid>>(row, "response_id")?.map(d::ResponseId),
    })
}

/// Queues one e-mail per member about a firing.
async fn queue_mails(
    conn: &mut Conn,
    ws: Uuid,
    firing: d::AlertFiringId,
    to: &[d::UserId],
    what: &str,
    at: OffsetDateTime,
) -> StoreResult<()> {
    for user in to {
        // Only members of the workspace: a recipient who left gets nothing.
        sqlx::query(
            "INSERT INTO alert_mails (workspace_id, firing_id, user_id, what, due_at, attempts, \
             claimed_until, sent_at) \
             SELECT $1, $2, m.user_id, $3, $4, 0, NULL, NULL FROM members m \
             WHERE m.workspace_id = $1 AND m.user_id = $5 \
             ON CONFLICT DO NOTHING",
        )
        .bind(ws)
        .bind(firing.as_uuid())
        .bind(what)
        .bind(to_micros(at))
        .bind(user.as_uuid())
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    }
    Ok(())
}

impl This {
    async fn rule_in<'c, E>(&self, conn: E, ws: Uuid, id: Uuid) -> StoreResult<d::AlertRule>
    where
        E: sqlx::Executor<'c, Database = crate::Db>,
    {
        let row = sqlx::query(concat!(
            rule_select!(),
            "WHERE r.workspace_id = $1 AND r.id = $2"
        ))
        .bind(ws)
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        rule_row(&row)
    }
}

#[async_trait]
impl AlertStore for This {
    async fn alert_rules(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::AlertRule>> {
        let rows = sqlx::query(concat!(
            rule_select!(),
            "WHERE r.workspace_id = $1 ORDER BY r.id"
        ))
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(rule_row).collect()
    }

    async fn alert_rule(
        &self,
        ws: d::WorkspaceId,
        id: d::AlertRuleId,
    ) -> StoreResult<d::AlertRule> {
        self.rule_in(self.pool(), ws.as_uuid(), id.as_uuid()).await
    }

    async fn create_alert_rule(
        &self,
        ws: d::WorkspaceId,
        fields: &d::AlertRuleFields,
    ) -> StoreResult<d::AlertRule> {
        let id = d::AlertRuleId::new();
        let now = to_micros(d::now());
        sqlx::query(
            "INSERT INTO alert_rules (workspace_id, id, name, settings, enabled, last_value, \
             last_evaluated_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, NULL, NULL, $6, $6)",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(fields.name.as_str())
        .bind(settings_json(fields)?)
        .bind(i64::from(fields.enabled))
        .bind(now)
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        self.alert_rule(ws, id).await
    }

    async fn update_alert_rule(
        &self,
        ws: d::WorkspaceId,
        id: d::AlertRuleId,
        fields: &d::AlertRuleFields,
    ) -> StoreResult<d::AlertRule> {
        let done = sqlx::query(
            "UPDATE alert_rules SET name = $1, settings = $2, enabled = $3, updated_at = $4 \
             WHERE workspace_id = $5 AND id = $6",
        )
        .bind(fields.name.as_str())
        .bind(settings_json(fields)?)
        .bind(i64::from(fields.enabled))
        .bind(to_micros(d::now()))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(self.pool())
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        self.alert_rule(ws, id).await
    }

    async fn delete_alert_rule(&self, ws: d::WorkspaceId, id: d::AlertRuleId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM alert_rules WHERE workspace_id = $1 AND id = $2")
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

    async fn enabled_alert_rules(&self) -> StoreResult<Vec<(d::WorkspaceId, d::AlertRule)>> {
        let rows = sqlx::query(concat!(
            rule_select!(),
            "WHERE r.enabled <> 0 ORDER BY r.workspace_id, r.id"
        ))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| Ok((d::WorkspaceId(get(row, "workspace_id")?), rule_row(row)?)))
            .collect()
    }

    async fn alert_firings(
        &self,
        ws: d::WorkspaceId,
        rule: d::AlertRuleId,
        page_req: PageRequest<d::AlertFiringId>,
    ) -> StoreResult<Page<d::AlertFiring, d::AlertFiringId>> {
        self.rule_in(self.pool(), ws.as_uuid(), rule.as_uuid())
            .await?;
        let rows = sqlx::query(concat!(
            firing_select!(),
            "WHERE workspace_id = $1 AND rule_id = $2 AND ($3 IS NULL OR id < $3) \
             ORDER BY id DESC LIMIT $4"
        ))
        .bind(ws.as_uuid())
        .bind(rule.as_uuid())
        .bind(page_req.after.map(|a| a.as_uuid()))
        .bind(sql_limit(page_req.limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let items = rows
            .iter()
            .map(firing_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |f| f.id))
    }

    async fn open_alert_firing(
        &self,
        ws: d::WorkspaceId,
        rule: d::AlertRuleId,
    ) -> StoreResult<Option<d::AlertFiring>> {
        let row = sqlx::query(concat!(
            firing_select!(),
            "WHERE workspace_id = $1 AND rule_id = $2 AND cleared_at IS NULL \
             AND response_id IS NULL"
        ))
        .bind(ws.as_uuid())
        .bind(rule.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(firing_row).transpose()
    }

    async fn fire_alert(&self, ws: d::WorkspaceId, new: &NewFiring) -> StoreResult<bool> {
        let f = &new.firing;
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "INSERT INTO alert_firings (workspace_id, id, rule_id, fired_at, cleared_at, value, \
             previous, n, response_id) VALUES ($1, $2, $3, $4, NULL, $5, $6, $7, $8) \
             ON CONFLICT DO NOTHING",
        )
        .bind(ws.as_uuid())
        .bind(f.id.as_uuid())
        .bind(f.rule_id.as_uuid())
        .bind(to_micros(f.fired_at))
        .bind(f.value)
        .bind(f.previous)
        .bind(i64::try_from(f.n).unwrap_or(i64::MAX))
        .bind(f.response_id.map(|r| r.as_uuid()))
        .execute(&mut *tx)
        .await
        .map_err(|e| match &e {
            // The rule was deleted meanwhile.
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        queue_mails(
            &mut tx,
            ws.as_uuid(),
            f.id,
            &new.mail_to,
            "fired",
            f.fired_at,
        )
        .await?;
        publish_in(&mut tx, ws.as_uuid(), &new.event).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn clear_alert(&self, ws: d::WorkspaceId, clearing: &Clearing) -> StoreResult<bool> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE alert_firings SET cleared_at = $1 \
             WHERE workspace_id = $2 AND id = $3 AND cleared_at IS NULL",
        )
        .bind(to_micros(clearing.at))
        .bind(ws.as_uuid())
        .bind(clearing.firing.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        queue_mails(
            &mut tx,
            ws.as_uuid(),
            clearing.firing,
            &clearing.mail_to,
            "cleared",
            clearing.at,
        )
        .await?;
        publish_in(&mut tx, ws.as_uuid(), &clearing.event).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn note_alert_value(
        &self,
        ws: d::WorkspaceId,
        rule: d::AlertRuleId,
        value: Option<f64>,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE alert_rules SET last_value = $1, last_evaluated_at = $2 \
             WHERE workspace_id = $3 AND id = $4",
        )
        .bind(value)
        .bind(to_micros(at))
        .bind(ws.as_uuid())
        .bind(rule.as_uuid())
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn claim_alert_mails(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<AlertMailDue>> {
        // Looked at first without the write lock, as for webhook deliveries.
        let due = sqlx::query(
            "SELECT 1 AS due FROM alert_mails WHERE sent_at IS NULL AND due_at <= $1 \
             AND (claimed_until IS NULL OR claimed_until < $1) LIMIT 1",
        )
        .bind(to_micros(now))
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        if due.is_none() {
            return Ok(Vec::new());
        }
        let mut tx = self.begin_write().await.map_err(db)?;
        let claimed = sqlx::query(
            "UPDATE alert_mails SET claimed_until = $1 \
             WHERE sent_at IS NULL AND due_at <= $2 \
               AND (claimed_until IS NULL OR claimed_until < $2) \
               AND (workspace_id, firing_id, user_id, what) IN ( \
                   SELECT workspace_id, firing_id, user_id, what FROM alert_mails \
                   WHERE sent_at IS NULL AND due_at <= $2 \
                     AND (claimed_until IS NULL OR claimed_until < $2) \
                   ORDER BY due_at LIMIT $3) \
             RETURNING workspace_id, firing_id, user_id, what, attempts",
        )
        .bind(to_micros(lease_until))
        .bind(to_micros(now))
        .bind(i64::from(limit.max(1)))
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let mut due = Vec::with_capacity(claimed.len());
        for c in &claimed {
            let ws: Uuid = get(c, "workspace_id")?;
            let firing_id: Uuid = get(c, "firing_id")?;
            let user: Uuid = get(c, "user_id")?;
            let attempts: i64 = get(c, "attempts")?;
            let firing = sqlx::query(concat!(
                firing_select!(),
                "WHERE workspace_id = $1 AND id = $2"
            ))
            .bind(ws)
            .bind(firing_id)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            let firing = firing_row(&firing)?;
            let rule = self.rule_in(&mut *tx, ws, firing.rule_id.as_uuid()).await?;
            let person = sqlx::query(
                "SELECT u.email, u.name, u.locale, w.name AS workspace_name, w.slug \
                 FROM users u, workspaces w WHERE u.id = $1 AND w.id = $2",
            )
            .bind(user)
            .bind(ws)
            .fetch_one(&mut *tx)
            .await
            .map_err(db)?;
            let email: String = get(&person, "email")?;
            let name: String = get(&person, "name")?;
            let workspace_name: String = get(&person, "workspace_name")?;
            let slug: String = get(&person, "slug")?;
            due.push(AlertMailDue {
                workspace_id: d::WorkspaceId(ws),
                workspace_name: d::Name::parse(&workspace_name)
                    .map_err(|_| corrupt("name", &workspace_name))?,
                workspace_slug: d::Slug::parse(&slug).map_err(|_| corrupt("slug", &slug))?,
                rule,
                firing,
                user_id: d::UserId(user),
                email: d::Email::parse(&email).map_err(|_| corrupt("email", &email))?,
                name: d::Name::parse(&name).map_err(|_| corrupt("name", &name))?,
                locale: get::<Option<String>>(&person, "locale")?
                    .and_then(|l| d::Locale::from_tag(&l)),
                what: get(c, "what")?,
                attempts: u32::try_from(attempts).unwrap_or(u32::MAX),
            });
        }
        tx.commit().await.map_err(db)?;
        Ok(due)
    }

    async fn finish_alert_mail(
        &self,
        mail: &AlertMailDue,
        sent: bool,
        at: OffsetDateTime,
        retry_at: OffsetDateTime,
    ) -> StoreResult<()> {
        let sql = if sent {
            "UPDATE alert_mails SET sent_at = $1, claimed_until = NULL, attempts = attempts + 1 \
             WHERE workspace_id = $2 AND firing_id = $3 AND user_id = $4 AND what = $5"
        } else {
            "UPDATE alert_mails SET due_at = $1, claimed_until = NULL, attempts = attempts + 1 \
             WHERE workspace_id = $2 AND firing_id = $3 AND user_id = $4 AND what = $5"
        };
        sqlx::query(sql)
            .bind(to_micros(if sent { at } else { retry_at }))
            .bind(mail.workspace_id.as_uuid())
            .bind(mail.firing.id.as_uuid())
            .bind(mail.user_id.as_uuid())
            .bind(&mail.what)
            .execute(self.pool())
            .await
            .map_err(db)?;
        Ok(())
    }
}
