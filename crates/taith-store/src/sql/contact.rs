//! The contact budget and consent ([`ContactStore`]).
//!
//! - `try_ask` decides and records in one write transaction under the workspace lock
//!   ([`Backend::lock_workspace`]; SQLite's one writer), so the last ask of a budget is spent
//!   once even with several nodes.
//! - `consents` holds one row per customer and purpose (the latest say, with its source and
//!   time); saying again what is already recorded changes nothing. `set_consent` keeps `customers.unsubscribed_at` (surveys) and
//!   `customers.notices_opted_out_at` (notices) in step, in the same transaction: they are the
//!   filters the outbox's and the notices' queries read, set while consent is withdrawn.
//!
//! [`Backend::lock_workspace`]: super::Backend::lock_workspace

use super::{Backend as _, Conn, DbRow, This, corrupt, db, get, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_domain::contact::{
    Channel, Consent, ConsentSource, Decision, History, Policy, Purpose, decide,
};
use taith_store::{ContactStore, NewAsk, StoreError, StoreResult};
use time::OffsetDateTime;
use uuid::Uuid;

fn policy_row(row: &DbRow) -> StoreResult<Policy> {
    let n = |col: &str| -> StoreResult<u16> {
        let v: i64 = get(row, col)?;
        u16::try_from(v).map_err(|_| corrupt(col, &v.to_string()))
    };
    Ok(Policy {
        max_asks: n("max_asks")?,
        window_days: n("window_days")?,
        quiet_days: n("quiet_days")?,
        count_notices: get(row, "count_notices")?,
    })
}

fn consent_row(row: &DbRow) -> StoreResult<Consent> {
    let purpose: String = get(row, "purpose")?;
    let source: String = get(row, "source")?;
    Ok(Consent {
        purpose: Purpose::from_code(&purpose).ok_or_else(|| corrupt("purpose", &purpose))?,
        granted: get(row, "granted")?,
        source: Some(ConsentSource::from_code(&source).ok_or_else(|| corrupt("source", &source))?),
        changed_at: Some(time(row, "changed_at")?),
    })
}

/// NotFound unless the customer is the workspace's.
async fn customer_exists(conn: &mut Conn, ws: Uuid, customer: Uuid) -> StoreResult<()> {
    sqlx::query("SELECT 1 AS one FROM customers WHERE workspace_id = $1 AND id = $2")
        .bind(ws)
        .bind(customer)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?
        .map(|_| ())
        .ok_or(StoreError::NotFound)
}

/// The channels whose asks count against `policy`'s budget, as codes.
fn counted_codes(policy: &Policy) -> Vec<&'static str> {
    Channel::ALL
        .into_iter()
        .filter(|c| policy.counts(*c))
        .map(Channel::code)
        .collect()
}

async fn history_in(
    conn: &mut Conn,
    ws: Uuid,
    customer: Uuid,
    channel: Channel,
    policy: &Policy,
    now: OffsetDateTime,
) -> StoreResult<History> {
    customer_exists(conn, ws, customer).await?;
    let consent = sqlx::query(
        "SELECT granted FROM consents WHERE workspace_id = $1 AND customer_id = $2 \
         AND purpose = $3",
    )
    .bind(ws)
    .bind(customer)
    .bind(channel.purpose().code())
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?;
    let consented = match consent {
        Some(row) => get::<bool>(&row, "granted")?,
        None => true,
    };
    let counted = counted_codes(policy);
    // Served by contact_asks_by_customer.
    let rows = sqlx::query(
        "SELECT channel, asked_at FROM contact_asks WHERE workspace_id = $1 \
         AND customer_id = $2 AND asked_at > $3 AND asked_at <= $4 ORDER BY asked_at",
    )
    .bind(ws)
    .bind(customer)
    .bind(to_micros(now - policy.window()))
    .bind(to_micros(now))
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    let mut asks = Vec::with_capacity(rows.len());
    for row in &rows {
        let code: String = get(row, "channel")?;
        if counted.contains(&code.as_str()) {
            asks.push(time(row, "asked_at")?);
        }
    }
    // Served by responses_by_customer_time.
    let last: Option<i64> = sqlx::query(
        "SELECT MAX(submitted_at) AS last FROM responses WHERE workspace_id = $1 \
         AND customer_id = $2 AND submitted_at <= $3",
    )
    .bind(ws)
    .bind(customer)
    .bind(to_micros(now))
    .fetch_one(&mut *conn)
    .await
    .map_err(db)
    .and_then(|row| get(&row, "last"))?;
    Ok(History {
        consented,
        asks,
        last_response: last.map(super::from_micros).transpose()?,
    })
}

#[async_trait]
impl ContactStore for This {
    async fn contact_policy(&self, ws: d::WorkspaceId) -> StoreResult<Policy> {
        let row = sqlx::query("SELECT * FROM contact_policies WHERE workspace_id = $1")
            .bind(ws.as_uuid())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?;
        row.as_ref()
            .map(policy_row)
            .transpose()
            .map(Option::unwrap_or_default)
    }

    async fn set_contact_policy(
        &self,
        ws: d::WorkspaceId,
        policy: &Policy,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let found = sqlx::query("SELECT 1 AS one FROM workspaces WHERE id = $1")
            .bind(ws.as_uuid())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?;
        if found.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO contact_policies (workspace_id, max_asks, window_days, quiet_days, \
             count_notices, updated_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (workspace_id) DO UPDATE SET max_asks = excluded.max_asks, \
             window_days = excluded.window_days, quiet_days = excluded.quiet_days, \
             count_notices = excluded.count_notices, updated_at = excluded.updated_at",
        )
        .bind(ws.as_uuid())
        .bind(i64::from(policy.max_asks))
        .bind(i64::from(policy.window_days))
        .bind(i64::from(policy.quiet_days))
        .bind(policy.count_notices)
        .bind(to_micros(at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn contact_history(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
        channel: Channel,
        policy: &Policy,
        now: OffsetDateTime,
    ) -> StoreResult<History> {
        let mut tx = self.begin_read().await.map_err(db)?;
        let history = history_in(
            &mut tx,
            ws.as_uuid(),
            customer.as_uuid(),
            channel,
            policy,
            now,
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(history)
    }

    async fn try_ask(
        &self,
        ws: d::WorkspaceId,
        ask: &NewAsk,
        policy: &Policy,
    ) -> StoreResult<Decision> {
        let mut tx = self.begin_write().await.map_err(db)?;
        Self::lock_workspace(&mut tx, ws.as_uuid())
            .await
            .map_err(db)?;
        let history = history_in(
            &mut tx,
            ws.as_uuid(),
            ask.customer.as_uuid(),
            ask.channel,
            policy,
            ask.at,
        )
        .await?;
        let decision = decide(policy, ask.channel, &history, ask.at);
        if decision.allowed() {
            sqlx::query(
                "INSERT INTO contact_asks (workspace_id, id, customer_id, channel, survey_id, \
                 asked_at) VALUES ($1, $2, $3, $4, $5, $6)",
            )
            .bind(ws.as_uuid())
            .bind(ask.id.as_uuid())
            .bind(ask.customer.as_uuid())
            .bind(ask.channel.code())
            .bind(ask.survey.map(|s| s.as_uuid()))
            .bind(to_micros(ask.at))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(decision)
    }

    async fn cancel_ask(&self, ws: d::WorkspaceId, id: d::ContactAskId) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query("DELETE FROM contact_asks WHERE workspace_id = $1 AND id = $2")
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn consents(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
    ) -> StoreResult<Vec<Consent>> {
        let mut tx = self.begin_read().await.map_err(db)?;
        customer_exists(&mut tx, ws.as_uuid(), customer.as_uuid()).await?;
        let rows = sqlx::query(
            "SELECT * FROM consents WHERE workspace_id = $1 AND customer_id = $2 \
             ORDER BY purpose",
        )
        .bind(ws.as_uuid())
        .bind(customer.as_uuid())
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        rows.iter().map(consent_row).collect()
    }

    async fn set_consent(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
        purpose: Purpose,
        granted: bool,
        source: ConsentSource,
        at: OffsetDateTime,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        customer_exists(&mut tx, ws.as_uuid(), customer.as_uuid()).await?;
        let changed = sqlx::query(
            "INSERT INTO consents (workspace_id, customer_id, purpose, granted, source, \
             changed_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (workspace_id, customer_id, purpose) DO UPDATE SET \
             granted = excluded.granted, source = excluded.source, \
             changed_at = excluded.changed_at WHERE consents.granted <> excluded.granted",
        )
        .bind(ws.as_uuid())
        .bind(customer.as_uuid())
        .bind(purpose.code())
        .bind(granted)
        .bind(source.code())
        .bind(to_micros(at))
        .execute(&mut *tx)
        .await
        .map_err(db)?
        .rows_affected();
        // A say that changed something goes into the history too, in the same transaction.
        if changed > 0 {
            sqlx::query(
                "INSERT INTO consent_changes (workspace_id, customer_id, id, purpose, granted, \
                 source, changed_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
            )
            .bind(ws.as_uuid())
            .bind(customer.as_uuid())
            .bind(Uuid::now_v7())
            .bind(purpose.code())
            .bind(granted)
            .bind(source.code())
            .bind(to_micros(at))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        // The filter columns: set (from the first withdrawal) while withdrawn, NULL when given.
        let sql = match purpose {
            Purpose::Surveys => {
                "UPDATE customers SET unsubscribed_at = CASE WHEN $1 IS NULL THEN NULL \
                 ELSE COALESCE(unsubscribed_at, $1) END WHERE workspace_id = $2 AND id = $3"
            }
            Purpose::Notices => {
                "UPDATE customers SET notices_opted_out_at = CASE WHEN $1 IS NULL THEN NULL \
                 ELSE COALESCE(notices_opted_out_at, $1) END WHERE workspace_id = $2 AND id = $3"
            }
        };
        let value = (!granted).then(|| to_micros(at));
        sqlx::query(sql)
            .bind(value)
            .bind(ws.as_uuid())
            .bind(customer.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)
    }
}
