//! Signals on the journey ([`SignalStore`]): one row per touchpoint with figures, its list a
//! JSON column read and written whole.

use super::{Backend as _, This, corrupt, db, get, to_micros};
use async_trait::async_trait;
use std::collections::HashMap;
use taith_domain as d;
use taith_store::{SignalStore, StoreError, StoreResult};

#[async_trait]
impl SignalStore for This {
    async fn set_touchpoint_figures(
        &self,
        ws: d::WorkspaceId,
        touchpoint: d::TouchpointId,
        figures: &[d::BoundFigure],
    ) -> StoreResult<()> {
        if figures.is_empty() {
            sqlx::query(
                "DELETE FROM touchpoint_figures WHERE workspace_id = $1 AND touchpoint_id = $2",
            )
            .bind(ws.as_uuid())
            .bind(touchpoint.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
            return Ok(());
        }
        let json = serde_json::to_string(figures)
            .map_err(|e| StoreError::internal_from("encoding a touchpoint's figures", e))?;
        sqlx::query(
            "INSERT INTO touchpoint_figures (workspace_id, touchpoint_id, figures, updated_at) \
             VALUES ($1, $2, $3, $4) ON CONFLICT (workspace_id, touchpoint_id) \
             DO UPDATE SET figures = excluded.figures, updated_at = excluded.updated_at",
        )
        .bind(ws.as_uuid())
        .bind(touchpoint.as_uuid())
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

    async fn touchpoint_figures(
        &self,
        ws: d::WorkspaceId,
    ) -> StoreResult<HashMap<d::TouchpointId, Vec<d::BoundFigure>>> {
        let rows = sqlx::query(
            "SELECT touchpoint_id, figures FROM touchpoint_figures WHERE workspace_id = $1",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                let json: String = get(row, "figures")?;
                let figures = serde_json::from_str(&json).map_err(|_| corrupt("figures", &json))?;
                Ok((d::TouchpointId(get(row, "touchpoint_id")?), figures))
            })
            .collect()
    }
}
