//! Webhooks ([`WebhookStore`]).
//!
//! - Publishing writes the event and one delivery per subscribed, enabled endpoint in one
//!   transaction ([`publish_in`], also called inside an alert's firing transaction). An event
//!   with a dedupe key is recorded once: a second node publishing the same `response.created`
//!   inserts nothing (`ON CONFLICT DO NOTHING` on the partial unique index).
//! - Deliveries are claimed with a lease (`claimed_until`) by one `UPDATE … RETURNING`
//!   whose conditions hold on the row itself, so two nodes never attempt the same delivery
//!   at once; a node that dies mid-attempt leaves it to be claimed again when the lease ends.
//! - Secrets are read only by the claim (to sign); no list or get returns them.

use super::responses::response_row;
use super::{Backend as _, Conn, DbRow, This, corrupt, db, get, opt_time, page};
use super::{parse_col, sql_limit, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    AttemptOutcome, DeliveryJob, EndpointSecrets, NewEvent, Page, PageRequest, PendingHook,
    StoreError, StoreResult, WebhookStore,
};
use time::OffsetDateTime;
use uuid::Uuid;

/// The columns an endpoint is read from (never its secrets), as a literal for `concat!`.
macro_rules! endpoint_select {
    () => {
        "SELECT id, kind, url, description, events, enabled, last_state, last_status_code, \
         last_attempt_at, previous_until, created_at, updated_at FROM webhook_endpoints "
    };
}

fn events_json(events: &[d::EventType]) -> StoreResult<String> {
    serde_json::to_string(&events.iter().map(|e| e.as_str()).collect::<Vec<_>>())
        .map_err(|e| StoreError::internal_from("encoding event types", e))
}

fn events_of(json: &str) -> StoreResult<Vec<d::EventType>> {
    let names: Vec<String> = serde_json::from_str(json).map_err(|_| corrupt("events", json))?;
    names
        .iter()
        .map(|n| n.parse().map_err(|_| corrupt("events", json)))
        .collect()
}

fn status_code(row: &DbRow, col: &str) -> StoreResult<Option<u16>> {
    get::<Option<i64>>(row, col)?
        .map(|v| u16::try_from(v).map_err(|_| corrupt(col, &v.to_string())))
        .transpose()
}

fn endpoint_row(row: &DbRow) -> StoreResult<d::WebhookEndpoint> {
    let previous_until = opt_time(row, "previous_until")?;
    Ok(d::WebhookEndpoint {
        id: d::WebhookEndpointId(get(row, "id")?),
        fields: d::WebhookFields {
            kind: parse_col(row, "kind")?,
            url: get(row, "url")?,
            description: get(row, "description")?,
            events: events_of(&get::<String>(row, "events")?)?,
            enabled: get::<i64>(row, "enabled")? != 0,
        },
        last_state: get::<Option<String>>(row, "last_state")?
            .map(|s| s.parse().map_err(|_| corrupt("last_state", &s)))
            .transpose()?,
        last_status_code: status_code(row, "last_status_code")?,
        last_attempt_at: opt_time(row, "last_attempt_at")?,
        previous_secret_until: previous_until.filter(|t| *t > d::now()),
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

fn delivery_row(row: &DbRow) -> StoreResult<d::WebhookDelivery> {
    let attempts: i64 = get(row, "attempts")?;
    Ok(d::WebhookDelivery {
        id: d::WebhookDeliveryId(get(row, "id")?),
        endpoint_id: d::WebhookEndpointId(get(row, "endpoint_id")?),
        event_id: d::WebhookEventId(get(row, "event_id")?),
        event_type: parse_col(row, "event_type")?,
        state: parse_col(row, "state")?,
        attempts: u32::try_from(attempts)
            .map_err(|_| corrupt("attempts", &attempts.to_string()))?,
        next_attempt_at: opt_time(row, "next_attempt_at")?,
        last_status_code: status_code(row, "last_status_code")?,
        last_error: get(row, "last_error")?,
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

/// Records `event` and its deliveries on `conn` (inside the caller's transaction). None when
/// its dedupe key was seen before.
pub(super) async fn publish_in(
    conn: &mut Conn,
    ws: Uuid,
    event: &NewEvent,
) -> StoreResult<Option<u64>> {
    if let Some(customer) = event.customer
        && !super::privacy::still_held(conn, ws, customer.as_uuid()).await?
    {
        return Ok(None);
    }
    let payload = serde_json::to_string(&event.payload)
        .map_err(|e| StoreError::internal_from("encoding an event", e))?;
    let at = to_micros(event.at);
    let done = sqlx::query(
        "INSERT INTO webhook_events (workspace_id, id, event_type, payload, dedupe_key, \
         created_at) VALUES ($1, $2, $3, $4, $5, $6) ON CONFLICT DO NOTHING",
    )
    .bind(ws)
    .bind(event.id.as_uuid())
    .bind(event.event_type.as_str())
    .bind(payload)
    .bind(event.dedupe_key.as_deref())
    .bind(at)
    .execute(&mut *conn)
    .await
    .map_err(|e| match &e {
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
        _ => db(e),
    })?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    let rows = sqlx::query(
        "SELECT id, events FROM webhook_endpoints WHERE workspace_id = $1 AND enabled <> 0",
    )
    .bind(ws)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    let mut made = 0;
    for row in &rows {
        if !events_of(&get::<String>(row, "events")?)?.contains(&event.event_type) {
            continue;
        }
        let endpoint: Uuid = get(row, "id")?;
        sqlx::query(
            "INSERT INTO webhook_deliveries (workspace_id, id, endpoint_id, event_id, state, \
             attempts, next_attempt_at, claimed_until, last_status_code, last_error, \
             created_at, updated_at) \
             VALUES ($1, $2, $3, $4, 'pending', 0, $5, NULL, NULL, NULL, $5, $5)",
        )
        .bind(ws)
        .bind(d::WebhookDeliveryId::new().as_uuid())
        .bind(endpoint)
        .bind(event.id.as_uuid())
        .bind(at)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        made += 1;
    }
    Ok(Some(made))
}

impl This {
    async fn endpoint_in<'c, E>(
        &self,
        conn: E,
        ws: Uuid,
        id: Uuid,
    ) -> StoreResult<d::WebhookEndpoint>
    where
        E: sqlx::Executor<'c, Database = crate::Db>,
    {
        let row = sqlx::query(concat!(
            endpoint_select!(),
            "WHERE workspace_id = $1 AND id = $2"
        ))
        .bind(ws)
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        endpoint_row(&row)
    }

    async fn delivery_in<'c, E>(
        &self,
        conn: E,
        ws: Uuid,
        id: Uuid,
    ) -> StoreResult<d::WebhookDelivery>
    where
        E: sqlx::Executor<'c, Database = crate::Db>,
    {
        let row = sqlx::query(
            "SELECT d.id, d.endpoint_id, d.event_id, v.event_type, d.state, d.attempts, \
             d.next_attempt_at, d.last_status_code, d.last_error, d.created_at, d.updated_at \
             FROM webhook_deliveries d \
             JOIN webhook_events v ON v.workspace_id = d.workspace_id AND v.id = d.event_id \
             WHERE d.workspace_id = $1 AND d.id = $2",
        )
        .bind(ws)
        .bind(id)
        .fetch_optional(conn)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        delivery_row(&row)
    }
}

#[async_trait]
impl WebhookStore for This {
    async fn webhook_endpoints(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::WebhookEndpoint>> {
        let rows = sqlx::query(concat!(
            endpoint_select!(),
            "WHERE workspace_id = $1 ORDER BY id"
        ))
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(endpoint_row).collect()
    }

    async fn webhook_endpoint(
        &self,
        ws: d::WorkspaceId,
        id: d::WebhookEndpointId,
    ) -> StoreResult<d::WebhookEndpoint> {
        self.endpoint_in(self.pool(), ws.as_uuid(), id.as_uuid())
            .await
    }

    async fn create_webhook_endpoint(
        &self,
        ws: d::WorkspaceId,
        fields: &d::WebhookFields,
        secret: &str,
    ) -> StoreResult<d::WebhookEndpoint> {
        let id = d::WebhookEndpointId::new();
        let now = to_micros(d::now());
        sqlx::query(
            "INSERT INTO webhook_endpoints (workspace_id, id, kind, url, description, events, \
             enabled, secret, previous_secret, previous_until, last_state, last_status_code, \
             last_attempt_at, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, NULL, NULL, NULL, NULL, NULL, $9, $9)",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(fields.kind.as_str())
        .bind(&fields.url)
        .bind(&fields.description)
        .bind(events_json(&fields.events)?)
        .bind(i64::from(fields.enabled))
        .bind(secret)
        .bind(now)
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        self.webhook_endpoint(ws, id).await
    }

    async fn update_webhook_endpoint(
        &self,
        ws: d::WorkspaceId,
        id: d::WebhookEndpointId,
        fields: &d::WebhookFields,
    ) -> StoreResult<d::WebhookEndpoint> {
        let done = sqlx::query(
            "UPDATE webhook_endpoints SET kind = $1, url = $2, description = $3, events = $4, \
             enabled = $5, updated_at = $6 WHERE workspace_id = $7 AND id = $8",
        )
        .bind(fields.kind.as_str())
        .bind(&fields.url)
        .bind(&fields.description)
        .bind(events_json(&fields.events)?)
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
        self.webhook_endpoint(ws, id).await
    }

    async fn delete_webhook_endpoint(
        &self,
        ws: d::WorkspaceId,
        id: d::WebhookEndpointId,
    ) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM webhook_endpoints WHERE workspace_id = $1 AND id = $2")
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

    async fn rotate_webhook_secret(
        &self,
        ws: d::WorkspaceId,
        id: d::WebhookEndpointId,
        secret: &str,
        previous_until: OffsetDateTime,
    ) -> StoreResult<d::WebhookEndpoint> {
        let done = sqlx::query(
            "UPDATE webhook_endpoints SET previous_secret = secret, previous_until = $1, \
             secret = $2, updated_at = $3 WHERE workspace_id = $4 AND id = $5",
        )
        .bind(to_micros(previous_until))
        .bind(secret)
        .bind(to_micros(d::now()))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(self.pool())
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        self.webhook_endpoint(ws, id).await
    }

    async fn publish_event(
        &self,
        ws: d::WorkspaceId,
        event: &NewEvent,
    ) -> StoreResult<Option<u64>> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let made = publish_in(&mut tx, ws.as_uuid(), event).await?;
        tx.commit().await.map_err(db)?;
        Ok(made)
    }

    async fn claim_deliveries(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<DeliveryJob>> {
        // Looked at first without the write lock: an idle worker polls often, and on SQLite
        // a write transaction per poll would hold up every other writer for nothing.
        let due = sqlx::query(
            "SELECT 1 AS due FROM webhook_deliveries WHERE state = 'pending' \
             AND next_attempt_at <= $1 AND (claimed_until IS NULL OR claimed_until < $1) LIMIT 1",
        )
        .bind(to_micros(now))
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        if due.is_none() {
            return Ok(Vec::new());
        }
        let mut tx = self.begin_write().await.map_err(db)?;
        let claimed = sqlx::query(include_str!("webhooks/claim.sql"))
            .bind(to_micros(lease_until))
            .bind(to_micros(now))
            .bind(i64::from(limit.max(1)))
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        let mut jobs = Vec::with_capacity(claimed.len());
        for c in &claimed {
            let ws: Uuid = get(c, "workspace_id")?;
            let id: Uuid = get(c, "id")?;
            let Some(row) = sqlx::query(include_str!("webhooks/job.sql"))
                .bind(ws)
                .bind(id)
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?
            else {
                continue;
            };
            let payload: String = get(&row, "payload")?;
            let attempts: i64 = get(&row, "attempts")?;
            let previous = match (
                get::<Option<String>>(&row, "previous_secret")?,
                opt_time(&row, "previous_until")?,
            ) {
                (Some(s), Some(until)) if until > now => Some((s, until)),
                _ => None,
            };
            jobs.push(DeliveryJob {
                workspace_id: d::WorkspaceId(ws),
                id: d::WebhookDeliveryId(id),
                endpoint_id: d::WebhookEndpointId(get(&row, "endpoint_id")?),
                kind: parse_col(&row, "kind")?,
                url: get(&row, "url")?,
                secrets: EndpointSecrets {
                    current: get(&row, "secret")?,
                    previous,
                },
                event_id: d::WebhookEventId(get(&row, "event_id")?),
                event_type: parse_col(&row, "event_type")?,
                payload: serde_json::from_str(&payload)
                    .map_err(|_| corrupt("payload", &payload))?,
                event_at: time(&row, "event_at")?,
                attempts: u32::try_from(attempts)
                    .map_err(|_| corrupt("attempts", &attempts.to_string()))?,
            });
        }
        tx.commit().await.map_err(db)?;
        Ok(jobs)
    }

    async fn finish_deliveries(
        &self,
        done: &[(d::WorkspaceId, d::WebhookDeliveryId, AttemptOutcome)],
    ) -> StoreResult<()> {
        if done.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await.map_err(db)?;
        for (ws, id, outcome) in done {
            let at = to_micros(outcome.at);
            let code = outcome.status_code.map(i64::from);
            let Some(row) = sqlx::query(
                "UPDATE webhook_deliveries SET state = $1, attempts = attempts + 1, \
                 next_attempt_at = $2, claimed_until = NULL, last_status_code = $3, \
                 last_error = $4, updated_at = $5 WHERE workspace_id = $6 AND id = $7 \
                 RETURNING endpoint_id",
            )
            .bind(outcome.state.as_str())
            .bind(outcome.next_attempt_at.map(to_micros))
            .bind(code)
            .bind(outcome.error.as_deref())
            .bind(at)
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .fetch_optional(&mut *tx)
            .await
            .map_err(db)?
            else {
                continue;
            };
            let endpoint: Uuid = get(&row, "endpoint_id")?;
            sqlx::query(
                "UPDATE webhook_endpoints SET last_state = $1, last_status_code = $2, \
                 last_attempt_at = $3 WHERE workspace_id = $4 AND id = $5",
            )
            .bind(outcome.state.as_str())
            .bind(code)
            .bind(at)
            .bind(ws.as_uuid())
            .bind(endpoint)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)
    }

    async fn webhook_deliveries(
        &self,
        ws: d::WorkspaceId,
        endpoint: d::WebhookEndpointId,
        page_req: PageRequest<d::WebhookDeliveryId>,
    ) -> StoreResult<Page<d::WebhookDelivery, d::WebhookDeliveryId>> {
        // The endpoint first: another workspace's is NotFound, not an empty log.
        self.endpoint_in(self.pool(), ws.as_uuid(), endpoint.as_uuid())
            .await?;
        let rows = sqlx::query(include_str!("webhooks/deliveries.sql"))
            .bind(ws.as_uuid())
            .bind(endpoint.as_uuid())
            .bind(page_req.after.map(|a| a.as_uuid()))
            .bind(sql_limit(page_req.limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let items = rows
            .iter()
            .map(delivery_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |d| d.id))
    }

    async fn redeliver(
        &self,
        ws: d::WorkspaceId,
        endpoint: d::WebhookEndpointId,
        id: d::WebhookDeliveryId,
        now: OffsetDateTime,
    ) -> StoreResult<d::WebhookDelivery> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE webhook_deliveries SET state = 'pending', next_attempt_at = $1, \
             claimed_until = NULL, updated_at = $1 \
             WHERE workspace_id = $2 AND endpoint_id = $3 AND id = $4",
        )
        .bind(to_micros(now))
        .bind(ws.as_uuid())
        .bind(endpoint.as_uuid())
        .bind(id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let delivery = self
            .delivery_in(&mut *tx, ws.as_uuid(), id.as_uuid())
            .await?;
        tx.commit().await.map_err(db)?;
        Ok(delivery)
    }

    async fn delivery_counts(
        &self,
        ws: d::WorkspaceId,
    ) -> StoreResult<(Vec<(d::DeliveryState, u64)>, u64)> {
        let rows = sqlx::query(
            "SELECT state, COUNT(*) AS n, CAST(COALESCE(SUM(attempts), 0) AS BIGINT) AS tries \
             FROM webhook_deliveries WHERE workspace_id = $1 GROUP BY state ORDER BY state",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut counts = Vec::new();
        let mut attempts = 0u64;
        for row in &rows {
            let n: i64 = get(row, "n")?;
            let tries: i64 = get(row, "tries")?;
            counts.push((
                parse_col::<d::DeliveryState>(row, "state")?,
                u64::try_from(n).unwrap_or(0),
            ));
            attempts += u64::try_from(tries).unwrap_or(0);
        }
        Ok((counts, attempts))
    }

    async fn hooks_pending(&self, limit: u32) -> StoreResult<Vec<PendingHook>> {
        let rows = sqlx::query(include_str!("webhooks/pending.sql"))
            .bind(i64::from(limit.max(1)))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(PendingHook {
                    workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
                    queued_at: get(row, "queued_at")?,
                    response: response_row(row)?,
                })
            })
            .collect()
    }

    async fn hooks_done(
        &self,
        ws: d::WorkspaceId,
        done: &[(d::ResponseId, i64)],
    ) -> StoreResult<()> {
        if done.is_empty() {
            return Ok(());
        }
        let mut tx = self.begin_write().await.map_err(db)?;
        for (id, queued_at) in done {
            sqlx::query(
                "DELETE FROM hooks_pending \
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
}
