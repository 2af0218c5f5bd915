//! Personas ([`PersonaStore`]).
//!
//! - Deleting a persona clears `journeys.persona_id` in the same transaction (the composite
//!   foreign key cannot `SET NULL` one of its two columns portably). The journeys' versions do
//!   not change: losing the link is not an edit of the map.

use super::{
    Backend as _, DbRow, This, db, get, long_text, name, page, sql_limit, time, to_micros,
};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{Page, PageRequest, PersonaStore, StoreError, StoreResult};
use uuid::Uuid;

fn persona_row(row: &DbRow) -> StoreResult<d::Persona> {
    Ok(d::Persona {
        id: d::PersonaId(get(row, "id")?),
        fields: d::PersonaFields {
            name: name(row, "name")?,
            description: long_text(row, "description")?,
            needs: long_text(row, "needs")?,
            goals: long_text(row, "goals")?,
            behaviours: long_text(row, "behaviours")?,
            pains: long_text(row, "pains")?,
            demographics: long_text(row, "demographics")?,
        },
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

#[async_trait]
impl PersonaStore for This {
    async fn personas(
        &self,
        ws: d::WorkspaceId,
        page_req: PageRequest<d::PersonaId>,
    ) -> StoreResult<Page<d::Persona, d::PersonaId>> {
        // Served by the primary key personas(workspace_id, id).
        let rows = sqlx::query(
            "SELECT id, name, description, needs, goals, behaviours, pains, \
             demographics, created_at, updated_at FROM personas \
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
            .map(persona_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |p| p.id))
    }

    async fn persona(&self, ws: d::WorkspaceId, id: d::PersonaId) -> StoreResult<d::Persona> {
        let row = sqlx::query(
            "SELECT id, name, description, needs, goals, behaviours, pains, \
             demographics, created_at, updated_at FROM personas \
             WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        persona_row(&row)
    }

    async fn create_persona(
        &self,
        ws: d::WorkspaceId,
        fields: &d::PersonaFields,
    ) -> StoreResult<d::Persona> {
        let now = d::now();
        let persona = d::Persona {
            id: d::PersonaId::new(),
            fields: fields.clone(),
            created_at: now,
            updated_at: now,
        };
        sqlx::query(
            "INSERT INTO personas (workspace_id, id, name, description, needs, \
             goals, behaviours, pains, demographics, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
        )
        .bind(ws.as_uuid())
        .bind(persona.id.as_uuid())
        .bind(fields.name.as_str())
        .bind(fields.description.as_str())
        .bind(fields.needs.as_str())
        .bind(fields.goals.as_str())
        .bind(fields.behaviours.as_str())
        .bind(fields.pains.as_str())
        .bind(fields.demographics.as_str())
        .bind(to_micros(now))
        .bind(to_micros(now))
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        Ok(persona)
    }

    async fn update_persona(
        &self,
        ws: d::WorkspaceId,
        id: d::PersonaId,
        fields: &d::PersonaFields,
    ) -> StoreResult<d::Persona> {
        let now = d::now();
        let row = sqlx::query(
            "UPDATE personas SET name = $1, description = $2, needs = $3, \
             goals = $4, behaviours = $5, pains = $6, demographics = $7, \
             updated_at = $8 WHERE workspace_id = $9 AND id = $10 \
             RETURNING created_at",
        )
        .bind(fields.name.as_str())
        .bind(fields.description.as_str())
        .bind(fields.needs.as_str())
        .bind(fields.goals.as_str())
        .bind(fields.behaviours.as_str())
        .bind(fields.pains.as_str())
        .bind(fields.demographics.as_str())
        .bind(to_micros(now))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        Ok(d::Persona {
            id,
            fields: fields.clone(),
            created_at: time(&row, "created_at")?,
            updated_at: now,
        })
    }

    async fn delete_persona(&self, ws: d::WorkspaceId, id: d::PersonaId) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        // Journeys keep their maps and lose the link (served by the index
        // journeys(workspace_id, persona_id)).
        sqlx::query(
            "UPDATE journeys SET persona_id = NULL \
             WHERE workspace_id = $1 AND persona_id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let done = sqlx::query("DELETE FROM personas WHERE workspace_id = $1 AND id = $2")
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        tx.commit().await.map_err(db)
    }
}
