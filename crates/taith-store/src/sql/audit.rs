//! The audit log ([`AuditStore`]). Both databases carry a trigger that refuses an UPDATE of
//! `audit_log`, so no code path, present or future, can rewrite history; removal is by age
//! only ([`AuditStore::prune_audit`], run by the retention worker).

use super::{Backend as _, DbRow, This, corrupt, db, get, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{AuditQuery, AuditStore, StoreResult};
use time::OffsetDateTime;

fn entry(row: &DbRow) -> StoreResult<d::AuditEntry> {
    let kind: String = get(row, "actor_kind")?;
    let status: i64 = get(row, "status")?;
    Ok(d::AuditEntry {
        id: d::AuditEntryId(get(row, "id")?),
        at: time(row, "at")?,
        actor: d::Actor {
            kind: d::ActorKind::from_code(&kind).ok_or_else(|| corrupt("actor_kind", &kind))?,
            id: get(row, "actor_id")?,
            label: get(row, "actor_label")?,
        },
        address: get(row, "address")?,
        method: get(row, "method")?,
        action: get(row, "action")?,
        target: get(row, "target")?,
        status: u16::try_from(status).map_err(|_| corrupt("status", &status.to_string()))?,
    })
}

#[async_trait]
impl AuditStore for This {
    async fn append_audit(&self, ws: d::WorkspaceId, e: &d::AuditEntry) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO audit_log (workspace_id, id, at, actor_kind, actor_id, actor_label, \
             address, method, action, target, status) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(ws.as_uuid())
        .bind(e.id.as_uuid())
        .bind(to_micros(e.at))
        .bind(e.actor.kind.code())
        .bind(&e.actor.id)
        .bind(&e.actor.label)
        .bind(&e.address)
        .bind(&e.method)
        .bind(&e.action)
        .bind(&e.target)
        .bind(i64::from(e.status))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn audit_entries(
        &self,
        ws: d::WorkspaceId,
        q: &AuditQuery,
    ) -> StoreResult<Vec<d::AuditEntry>> {
        let (before_at, before_id) = match q.before {
            Some((at, id)) => (Some(to_micros(at)), Some(id.as_uuid())),
            None => (None, None),
        };
        let rows = sqlx::query(
            "SELECT * FROM audit_log WHERE workspace_id = $1 AND at >= $2 AND at < $3 \
             AND ($4 IS NULL OR at < $4 OR (at = $4 AND id < $5)) \
             ORDER BY at DESC, id DESC LIMIT $6",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(q.from))
        .bind(to_micros(q.to))
        .bind(before_at)
        .bind(before_id)
        .bind(i64::from(q.limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(entry).collect()
    }

    async fn audit_retention(&self, ws: d::WorkspaceId) -> StoreResult<d::AuditRetention> {
        let months: Option<i64> = sqlx::query_scalar(
            "SELECT audit_months FROM governance_settings WHERE workspace_id = $1",
        )
        .bind(ws.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        match months {
            None => Ok(d::AuditRetention::DEFAULT),
            Some(m) => {
                d::AuditRetention::parse(m).map_err(|_| corrupt("audit_months", &m.to_string()))
            }
        }
    }

    async fn set_audit_retention(
        &self,
        ws: d::WorkspaceId,
        retention: d::AuditRetention,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO governance_settings (workspace_id, audit_months) VALUES ($1, $2) \
             ON CONFLICT (workspace_id) DO UPDATE SET audit_months = excluded.audit_months",
        )
        .bind(ws.as_uuid())
        .bind(i64::from(retention.months()))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn prune_audit(&self, ws: d::WorkspaceId, before: OffsetDateTime) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM audit_log WHERE workspace_id = $1 AND at < $2")
            .bind(ws.as_uuid())
            .bind(to_micros(before))
            .execute(self.pool())
            .await
            .map_err(db)?;
        Ok(done.rows_affected())
    }
}
