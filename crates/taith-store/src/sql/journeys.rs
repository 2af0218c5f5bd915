//! Journeys with their stages and touchpoints, and their revisions ([`JourneyStore`]).
//!
//! - Touchpoint `position` is the touchpoint's index in `Journey::touchpoints`, so ordering by
//!   it gives each stage's order and a journey reads back exactly as it was saved.
//! - A journey save that names a persona or a touchpoint owner not (any more) in the
//!   workspace fails whole, `Conflict(StaleReference)` (a foreign key); one that names a stage
//!   or touchpoint id of another journey fails whole with `Internal` (the guarded upserts
//!   write no row). The callers check owners and personas first; this is the last line.
//! - Deleting a touchpoint (a journey save without it, or deleting its journey) clears
//!   `surveys.touchpoint_id` first, in the same transaction: the survey stays, without the link,
//!   and its `updated_at` does not change. Responses keep theirs (see the `responses` module).
//!   The lost link is noted in `survey_unlinks`; when a touchpoint of that id is written again
//!   (an undone deletion, a restored version, a journey brought back), the survey gets it back
//!   if it has no link and was not changed since.
//! - Deleting a journey keeps it, with its revisions, in `journey_trash` (same transaction),
//!   from where `undelete_journey` brings it back whole, ids and versions as they were.
//! - A journey is read in one read transaction ([`Backend::begin_read`]), so its three reads
//!   see one snapshot; a save is one versioned `UPDATE` (`Conflict(StaleVersion)` when the
//!   version moved on) and a revision, in one write transaction.
//!
//! [`Backend::begin_read`]: super::Backend::begin_read

use super::{
    Backend as _, Conn, DbRow, This, corrupt, db, get, long_text, name, page, parse_col, sql_limit,
    time, to_micros, truncate,
};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    Author, ConflictKind, DeletedJourney, JourneyStore, Page, PageRequest, RevisionWithSnapshot,
    StoreError, StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

/// Errors while writing a journey: a foreign key that fails means a persona or an
/// owner that is not (any more) in the workspace, or a stage of another journey.
fn journey_write(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
            StoreError::Conflict(ConflictKind::StaleReference)
        }
        _ => db(e),
    }
}

fn revision_row(row: &DbRow) -> StoreResult<d::Revision> {
    let changes: String = get(row, "changes")?;
    Ok(d::Revision {
        version: get(row, "version")?,
        author: get(row, "author")?,
        author_id: get::<Option<Uuid>>(row, "author_id")?.map(d::UserId),
        changes: serde_json::from_str(&changes)
            .map_err(|_| corrupt("revision changes", &changes))?,
        created_at: time(row, "created_at")?,
    })
}

async fn journey_exists(conn: &mut Conn, ws: Uuid, id: Uuid) -> StoreResult<bool> {
    Ok(
        sqlx::query("SELECT id FROM journeys WHERE workspace_id = $1 AND id = $2")
            .bind(ws)
            .bind(id)
            .fetch_optional(&mut *conn)
            .await
            .map_err(db)?
            .is_some(),
    )
}

/// The whole journey aggregate, read on one connection (in a read transaction, so
/// the three reads see one snapshot).
async fn load_journey(conn: &mut Conn, ws: Uuid, id: Uuid) -> StoreResult<d::Journey> {
    let row = sqlx::query(
        "SELECT id, name, description, persona_id, version, created_at, updated_at \
         FROM journeys WHERE workspace_id = $1 AND id = $2",
    )
    .bind(ws)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?
    .ok_or(StoreError::NotFound)?;
    let mut journey = d::Journey {
        id: d::JourneyId(get(&row, "id")?),
        fields: d::JourneyFields {
            name: name(&row, "name")?,
            description: long_text(&row, "description")?,
            persona_id: get::<Option<Uuid>>(&row, "persona_id")?.map(d::PersonaId),
        },
        version: get(&row, "version")?,
        stages: Vec::new(),
        touchpoints: Vec::new(),
        created_at: time(&row, "created_at")?,
        updated_at: time(&row, "updated_at")?,
    };
    // Served by the unique index stages(workspace_id, journey_id, id).
    let stages = sqlx::query(
        "SELECT id, name, actions, thoughts, emotions, emotion, pain_points, \
         opportunities FROM stages WHERE workspace_id = $1 AND journey_id = $2 \
         ORDER BY position, id",
    )
    .bind(ws)
    .bind(id)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    for row in &stages {
        let emotion = match get::<Option<i64>>(row, "emotion")? {
            None => None,
            Some(v) => Some(
                i8::try_from(v)
                    .ok()
                    .and_then(|v| d::EmotionScore::new(v).ok())
                    .ok_or_else(|| corrupt("emotion", &v.to_string()))?,
            ),
        };
        journey.stages.push(d::Stage {
            id: d::StageId(get(row, "id")?),
            fields: d::StageFields {
                name: name(row, "name")?,
                actions: long_text(row, "actions")?,
                thoughts: long_text(row, "thoughts")?,
                emotions: long_text(row, "emotions")?,
                emotion,
                pain_points: long_text(row, "pain_points")?,
                opportunities: long_text(row, "opportunities")?,
            },
        });
    }
    // Served by the index touchpoints(workspace_id, journey_id, stage_id).
    let touchpoints = sqlx::query(
        "SELECT id, stage_id, name, channel, owner_member_id, owner_team, \
         description, moment_of_truth FROM touchpoints \
         WHERE workspace_id = $1 AND journey_id = $2 ORDER BY position, id",
    )
    .bind(ws)
    .bind(id)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    for row in &touchpoints {
        let owner = match (
            get::<Option<Uuid>>(row, "owner_member_id")?,
            get::<Option<String>>(row, "owner_team")?,
        ) {
            (Some(user), _) => Some(d::Owner::Member {
                user_id: d::UserId(user),
            }),
            (None, Some(team)) => Some(d::Owner::Team {
                name: d::Name::parse(&team).map_err(|_| corrupt("owner_team", &team))?,
            }),
            (None, None) => None,
        };
        journey.touchpoints.push(d::Touchpoint {
            id: d::TouchpointId(get(row, "id")?),
            stage_id: d::StageId(get(row, "stage_id")?),
            fields: d::TouchpointFields {
                name: name(row, "name")?,
                channel: parse_col::<d::Channel>(row, "channel")?,
                owner,
                description: long_text(row, "description")?,
                moment_of_truth: get(row, "moment_of_truth")?,
            },
        });
    }
    Ok(journey)
}

/// Writes the stages and touchpoints of `journey` (already in `journeys`): upserts
/// what is there, keeping ids stable, and deletes what is gone (touchpoints
/// first), all in the caller's transaction.
async fn write_parts(conn: &mut Conn, ws: Uuid, journey: &d::Journey) -> StoreResult<()> {
    let jid = journey.id.as_uuid();
    let existing_stages: Vec<Uuid> =
        sqlx::query("SELECT id FROM stages WHERE workspace_id = $1 AND journey_id = $2")
            .bind(ws)
            .bind(jid)
            .fetch_all(&mut *conn)
            .await
            .map_err(db)?
            .iter()
            .map(|row| get(row, "id"))
            .collect::<StoreResult<_>>()?;
    let existing_touchpoints: Vec<Uuid> =
        sqlx::query("SELECT id FROM touchpoints WHERE workspace_id = $1 AND journey_id = $2")
            .bind(ws)
            .bind(jid)
            .fetch_all(&mut *conn)
            .await
            .map_err(db)?
            .iter()
            .map(|row| get(row, "id"))
            .collect::<StoreResult<_>>()?;

    for (position, stage) in journey.stages.iter().enumerate() {
        let f = &stage.fields;
        let done = sqlx::query(include_str!("journeys/upsert_stage.sql"))
            .bind(ws)
            .bind(jid)
            .bind(stage.id.as_uuid())
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(f.name.as_str())
            .bind(f.actions.as_str())
            .bind(f.thoughts.as_str())
            .bind(f.emotions.as_str())
            .bind(f.emotion.map(|e| i64::from(e.value())))
            .bind(f.pain_points.as_str())
            .bind(f.opportunities.as_str())
            .execute(&mut *conn)
            .await
            .map_err(journey_write)?;
        if done.rows_affected() != 1 {
            return Err(StoreError::internal(format!(
                "stage {} belongs to another journey",
                stage.id
            )));
        }
    }

    for (position, tp) in journey.touchpoints.iter().enumerate() {
        let f = &tp.fields;
        let (member, team) = match &f.owner {
            None => (None, None),
            Some(d::Owner::Member { user_id }) => (Some(user_id.as_uuid()), None),
            Some(d::Owner::Team { name }) => (None, Some(name.as_str())),
        };
        let done = sqlx::query(include_str!("journeys/upsert_touchpoint.sql"))
            .bind(ws)
            .bind(jid)
            .bind(tp.id.as_uuid())
            .bind(tp.stage_id.as_uuid())
            .bind(i64::try_from(position).unwrap_or(i64::MAX))
            .bind(f.name.as_str())
            .bind(f.channel.as_str())
            .bind(member)
            .bind(team)
            .bind(f.description.as_str())
            .bind(f.moment_of_truth)
            .execute(&mut *conn)
            .await
            .map_err(journey_write)?;
        if done.rows_affected() != 1 {
            return Err(StoreError::internal(format!(
                "touchpoint {} belongs to another journey",
                tp.id
            )));
        }
    }

    for gone in existing_touchpoints
        .iter()
        .filter(|id| journey.touchpoint(d::TouchpointId(**id)).is_none())
    {
        note_unlinks(conn, ws, Losing::Touchpoint(*gone)).await?;
        // Its surveys stay and lose the link (served by the index
        // surveys(workspace_id, touchpoint_id)).
        sqlx::query(
            "UPDATE surveys SET touchpoint_id = NULL \
             WHERE workspace_id = $1 AND touchpoint_id = $2",
        )
        .bind(ws)
        .bind(*gone)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        sqlx::query("DELETE FROM touchpoints WHERE workspace_id = $1 AND id = $2")
            .bind(ws)
            .bind(*gone)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
    }
    for gone in existing_stages
        .iter()
        .filter(|id| journey.stage(d::StageId(**id)).is_none())
    {
        sqlx::query("DELETE FROM stages WHERE workspace_id = $1 AND id = $2")
            .bind(ws)
            .bind(*gone)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
    }
    for back in journey
        .touchpoints
        .iter()
        .map(|t| t.id.as_uuid())
        .filter(|id| !existing_touchpoints.contains(id))
    {
        relink(conn, ws, back).await?;
    }
    Ok(())
}

/// Whose surveys are about to lose their links.
#[derive(Clone, Copy)]
enum Losing {
    Touchpoint(Uuid),
    Journey(Uuid),
}

/// Notes the links that the surveys about to lose them have, so that they can come back.
async fn note_unlinks(conn: &mut Conn, ws: Uuid, losing: Losing) -> StoreResult<()> {
    // The SELECTs have a WHERE clause, as SQLite's upsert after INSERT … SELECT needs.
    // Served by the index surveys(workspace_id, touchpoint_id).
    let (sql, id) = match losing {
        Losing::Touchpoint(id) => (
            "INSERT INTO survey_unlinks (workspace_id, survey_id, touchpoint_id, unlinked_at) \
             SELECT workspace_id, id, touchpoint_id, $3 FROM surveys \
             WHERE workspace_id = $1 AND touchpoint_id = $2 \
             ON CONFLICT (workspace_id, survey_id) DO UPDATE \
             SET touchpoint_id = excluded.touchpoint_id, unlinked_at = excluded.unlinked_at",
            id,
        ),
        Losing::Journey(id) => (
            "INSERT INTO survey_unlinks (workspace_id, survey_id, touchpoint_id, unlinked_at) \
             SELECT workspace_id, id, touchpoint_id, $3 FROM surveys \
             WHERE workspace_id = $1 AND touchpoint_id IN (SELECT id FROM touchpoints \
             WHERE workspace_id = $1 AND journey_id = $2) \
             ON CONFLICT (workspace_id, survey_id) DO UPDATE \
             SET touchpoint_id = excluded.touchpoint_id, unlinked_at = excluded.unlinked_at",
            id,
        ),
    };
    sqlx::query(sql)
        .bind(ws)
        .bind(id)
        .bind(to_micros(d::now()))
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    Ok(())
}

/// Gives touchpoint `tp`, written again, back the surveys that lost their link to it and have
/// neither another link nor a change since (served by survey_unlinks_by_touchpoint and
/// surveys' primary key).
async fn relink(conn: &mut Conn, ws: Uuid, tp: Uuid) -> StoreResult<()> {
    sqlx::query(
        "UPDATE surveys SET touchpoint_id = $2 \
         WHERE workspace_id = $1 AND touchpoint_id IS NULL AND EXISTS (\
           SELECT 1 FROM survey_unlinks u WHERE u.workspace_id = $1 \
           AND u.survey_id = surveys.id AND u.touchpoint_id = $2 \
           AND u.unlinked_at >= surveys.updated_at)",
    )
    .bind(ws)
    .bind(tp)
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    sqlx::query("DELETE FROM survey_unlinks WHERE workspace_id = $1 AND touchpoint_id = $2")
        .bind(ws)
        .bind(tp)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    Ok(())
}

async fn insert_revision(
    conn: &mut Conn,
    ws: Uuid,
    journey: &d::Journey,
    author: &Author,
    changes: &[d::Change],
) -> StoreResult<()> {
    let changes = serde_json::to_string(changes)
        .map_err(|e| StoreError::internal_from("encoding revision changes", e))?;
    let snapshot = serde_json::to_string(journey)
        .map_err(|e| StoreError::internal_from("encoding a revision snapshot", e))?;
    sqlx::query(
        "INSERT INTO journey_revisions (workspace_id, journey_id, version, author, \
         author_id, changes, snapshot, created_at) \
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(ws)
    .bind(journey.id.as_uuid())
    .bind(journey.version)
    .bind(author.name.as_str())
    .bind(author.user_id.map(|u| u.as_uuid()))
    .bind(changes)
    .bind(snapshot)
    .bind(to_micros(journey.updated_at))
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    Ok(())
}

#[async_trait]
impl JourneyStore for This {
    async fn journeys(
        &self,
        ws: d::WorkspaceId,
        page_req: PageRequest<d::JourneyId>,
    ) -> StoreResult<Page<d::JourneySummary, d::JourneyId>> {
        let rows = sqlx::query(include_str!("journeys/journey_summaries.sql"))
            .bind(ws.as_uuid())
            .bind(page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
            .bind(sql_limit(page_req.limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let items = rows
            .iter()
            .map(|row| {
                Ok(d::JourneySummary {
                    id: d::JourneyId(get(row, "id")?),
                    name: name(row, "name")?,
                    persona_id: get::<Option<Uuid>>(row, "persona_id")?.map(d::PersonaId),
                    version: get(row, "version")?,
                    stage_count: get(row, "stage_count")?,
                    touchpoint_count: get(row, "touchpoint_count")?,
                    updated_at: time(row, "updated_at")?,
                })
            })
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |j| j.id))
    }

    async fn touchpoint_refs(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::csv::TouchpointRef>> {
        let rows = sqlx::query(include_str!("journeys/touchpoint_refs.sql"))
            .bind(ws.as_uuid())
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(d::csv::TouchpointRef {
                    id: d::TouchpointId(get(row, "id")?),
                    name: get(row, "name")?,
                    journey: get(row, "journey")?,
                })
            })
            .collect()
    }

    async fn journey(&self, ws: d::WorkspaceId, id: d::JourneyId) -> StoreResult<d::Journey> {
        let mut tx = self.begin_read().await.map_err(db)?;
        let journey = load_journey(&mut tx, ws.as_uuid(), id.as_uuid()).await?;
        tx.commit().await.map_err(db)?;
        Ok(journey)
    }

    async fn create_journey(
        &self,
        ws: d::WorkspaceId,
        journey: &d::Journey,
        author: &Author,
        changes: &[d::Change],
    ) -> StoreResult<d::Journey> {
        let mut stored = journey.clone();
        stored.version = 1;
        stored.created_at = truncate(journey.created_at);
        stored.updated_at = d::now();
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query(
            "INSERT INTO journeys (workspace_id, id, name, description, persona_id, \
             version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(ws.as_uuid())
        .bind(stored.id.as_uuid())
        .bind(stored.fields.name.as_str())
        .bind(stored.fields.description.as_str())
        .bind(stored.fields.persona_id.map(|p| p.as_uuid()))
        .bind(stored.version)
        .bind(to_micros(stored.created_at))
        .bind(to_micros(stored.updated_at))
        .execute(&mut *tx)
        .await
        .map_err(journey_write)?;
        write_parts(&mut tx, ws.as_uuid(), &stored).await?;
        insert_revision(&mut tx, ws.as_uuid(), &stored, author, changes).await?;
        tx.commit().await.map_err(db)?;
        Ok(stored)
    }

    async fn save_journey(
        &self,
        ws: d::WorkspaceId,
        journey: &d::Journey,
        author: &Author,
        changes: &[d::Change],
    ) -> StoreResult<d::Journey> {
        let mut saved = journey.clone();
        saved.updated_at = d::now();
        let mut tx = self.begin_write().await.map_err(db)?;
        let row = sqlx::query(
            "UPDATE journeys SET name = $1, description = $2, persona_id = $3, \
             version = version + 1, updated_at = $4 \
             WHERE workspace_id = $5 AND id = $6 AND version = $7 \
             RETURNING version, created_at",
        )
        .bind(saved.fields.name.as_str())
        .bind(saved.fields.description.as_str())
        .bind(saved.fields.persona_id.map(|p| p.as_uuid()))
        .bind(to_micros(saved.updated_at))
        .bind(ws.as_uuid())
        .bind(saved.id.as_uuid())
        .bind(journey.version)
        .fetch_optional(&mut *tx)
        .await
        .map_err(journey_write)?;
        let Some(row) = row else {
            let exists = journey_exists(&mut tx, ws.as_uuid(), journey.id.as_uuid()).await?;
            return Err(if exists {
                StoreError::Conflict(ConflictKind::StaleVersion)
            } else {
                StoreError::NotFound
            });
        };
        saved.version = get(&row, "version")?;
        saved.created_at = time(&row, "created_at")?;
        write_parts(&mut tx, ws.as_uuid(), &saved).await?;
        insert_revision(&mut tx, ws.as_uuid(), &saved, author, changes).await?;
        tx.commit().await.map_err(db)?;
        Ok(saved)
    }

    async fn delete_journey(&self, ws: d::WorkspaceId, id: d::JourneyId) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let journey = load_journey(&mut tx, ws.as_uuid(), id.as_uuid()).await?;
        // Its history, oldest first, as the trash keeps it (served by the primary key).
        let revisions = sqlx::query(
            "SELECT version, author, author_id, changes, snapshot, created_at \
             FROM journey_revisions WHERE workspace_id = $1 AND journey_id = $2 \
             ORDER BY version",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?
        .iter()
        .map(|row| {
            Ok(serde_json::json!({
                "version": get::<i64>(row, "version")?,
                "author": get::<String>(row, "author")?,
                "author_id": get::<Option<Uuid>>(row, "author_id")?,
                "changes": get::<String>(row, "changes")?,
                "snapshot": get::<String>(row, "snapshot")?,
                "created_at": get::<i64>(row, "created_at")?,
            }))
        })
        .collect::<StoreResult<Vec<_>>>()?;
        let snapshot = serde_json::to_string(&journey)
            .map_err(|e| StoreError::internal_from("encoding a deleted journey", e))?;
        let revisions = serde_json::Value::Array(revisions).to_string();
        sqlx::query(
            "INSERT INTO journey_trash (workspace_id, journey_id, name, snapshot, revisions, \
             deleted_at) VALUES ($1, $2, $3, $4, $5, $6) \
             ON CONFLICT (workspace_id, journey_id) DO UPDATE SET name = excluded.name, \
             snapshot = excluded.snapshot, revisions = excluded.revisions, \
             deleted_at = excluded.deleted_at",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(journey.fields.name.as_str())
        .bind(snapshot)
        .bind(revisions)
        .bind(to_micros(d::now()))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        note_unlinks(&mut tx, ws.as_uuid(), Losing::Journey(id.as_uuid())).await?;
        // The surveys of its touchpoints stay and lose the link (served by the
        // indexes touchpoints(workspace_id, journey_id, …) and
        // surveys(workspace_id, touchpoint_id)).
        sqlx::query(
            "UPDATE surveys SET touchpoint_id = NULL WHERE workspace_id = $1 \
             AND touchpoint_id IN (SELECT id FROM touchpoints \
             WHERE workspace_id = $1 AND journey_id = $2)",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        // Stages, touchpoints and revisions go with it (ON DELETE CASCADE).
        let done = sqlx::query("DELETE FROM journeys WHERE workspace_id = $1 AND id = $2")
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

    async fn deleted_journey(
        &self,
        ws: d::WorkspaceId,
        id: d::JourneyId,
    ) -> StoreResult<DeletedJourney> {
        // Served by the primary key.
        let row = sqlx::query(
            "SELECT snapshot, deleted_at FROM journey_trash \
             WHERE workspace_id = $1 AND journey_id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        let snapshot: String = get(&row, "snapshot")?;
        Ok(DeletedJourney {
            journey: serde_json::from_str(&snapshot)
                .map_err(|_| corrupt("deleted journey", "…"))?,
            deleted_at: time(&row, "deleted_at")?,
        })
    }

    async fn undelete_journey(
        &self,
        ws: d::WorkspaceId,
        journey: &d::Journey,
    ) -> StoreResult<d::Journey> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let row = sqlx::query(
            "DELETE FROM journey_trash WHERE workspace_id = $1 AND journey_id = $2 \
             RETURNING revisions",
        )
        .bind(ws.as_uuid())
        .bind(journey.id.as_uuid())
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        let revisions: String = get(&row, "revisions")?;
        let revisions: Vec<serde_json::Value> = serde_json::from_str(&revisions)
            .map_err(|_| corrupt("deleted journey's history", "…"))?;
        let mut stored = journey.clone();
        stored.created_at = truncate(journey.created_at);
        // Back is a change: caches keyed on the journeys' times (metrics_context_version) see it.
        stored.updated_at = truncate(d::now());
        sqlx::query(
            "INSERT INTO journeys (workspace_id, id, name, description, persona_id, \
             version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(ws.as_uuid())
        .bind(stored.id.as_uuid())
        .bind(stored.fields.name.as_str())
        .bind(stored.fields.description.as_str())
        .bind(stored.fields.persona_id.map(|p| p.as_uuid()))
        .bind(stored.version)
        .bind(to_micros(stored.created_at))
        .bind(to_micros(stored.updated_at))
        .execute(&mut *tx)
        .await
        .map_err(journey_write)?;
        write_parts(&mut tx, ws.as_uuid(), &stored).await?;
        for r in &revisions {
            let text = |k: &str| {
                r[k].as_str()
                    .ok_or_else(|| corrupt("deleted journey's history", k))
            };
            let number = |k: &str| {
                r[k].as_i64()
                    .ok_or_else(|| corrupt("deleted journey's history", k))
            };
            let author_id = match r["author_id"].as_str() {
                None => None,
                Some(s) => Some(
                    s.parse::<Uuid>()
                        .map_err(|_| corrupt("deleted journey's history", s))?,
                ),
            };
            sqlx::query(
                "INSERT INTO journey_revisions (workspace_id, journey_id, version, author, \
                 author_id, changes, snapshot, created_at) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
            )
            .bind(ws.as_uuid())
            .bind(stored.id.as_uuid())
            .bind(number("version")?)
            .bind(text("author")?)
            .bind(author_id)
            .bind(text("changes")?)
            .bind(text("snapshot")?)
            .bind(number("created_at")?)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(stored)
    }

    async fn forget_deleted_journeys_before(
        &self,
        ws: d::WorkspaceId,
        before: OffsetDateTime,
    ) -> StoreResult<u64> {
        // Served by the index journey_trash_by_time.
        let done =
            sqlx::query("DELETE FROM journey_trash WHERE workspace_id = $1 AND deleted_at < $2")
                .bind(ws.as_uuid())
                .bind(to_micros(before))
                .execute(self.pool())
                .await
                .map_err(db)?;
        Ok(done.rows_affected())
    }

    async fn revisions(
        &self,
        ws: d::WorkspaceId,
        id: d::JourneyId,
    ) -> StoreResult<Vec<d::Revision>> {
        // Served by the primary key journey_revisions(workspace_id, journey_id,
        // version).
        let rows = sqlx::query(
            "SELECT version, author, author_id, changes, created_at \
             FROM journey_revisions WHERE workspace_id = $1 AND journey_id = $2 \
             ORDER BY version DESC",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        if rows.is_empty() {
            // Every journey has a first revision: none means no such journey.
            return Err(StoreError::NotFound);
        }
        rows.iter().map(revision_row).collect()
    }

    async fn revision(
        &self,
        ws: d::WorkspaceId,
        id: d::JourneyId,
        version: i64,
    ) -> StoreResult<RevisionWithSnapshot> {
        let row = sqlx::query(
            "SELECT version, author, author_id, changes, snapshot, created_at \
             FROM journey_revisions \
             WHERE workspace_id = $1 AND journey_id = $2 AND version = $3",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(version)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        let snapshot: String = get(&row, "snapshot")?;
        Ok(RevisionWithSnapshot {
            revision: revision_row(&row)?,
            journey: serde_json::from_str(&snapshot)
                .map_err(|_| corrupt("revision snapshot", "…"))?,
        })
    }
}
