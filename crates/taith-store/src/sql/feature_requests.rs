//! Feature requests ([`FeatureRequestStore`]).
//!
//! - Votes are rows, one per `(request, voter)`: the primary key is the one-vote rule, so a
//!   repeated vote is an `ON CONFLICT DO NOTHING` that inserts nothing, and a count is a
//!   `COUNT(*)` over the key's prefix.
//! - Linking a comment writes the link and its writer's vote in one transaction.
//! - A merge runs under the workspace lock ([`Backend::lock_workspace`]), so two merges of the
//!   same requests cannot cross: votes and links are copied to the survivor with `ON CONFLICT
//!   DO NOTHING` (a voter or comment behind both counted once), the loser's are deleted, and
//!   requests merged into the loser before now point at the survivor (no chains).
//!
//! [`Backend::lock_workspace`]: super::Backend::lock_workspace

use super::{Backend as _, DbRow, This, corrupt, db, get, page, parse_col, sql_limit, time};
use super::{long_text, name, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    ConflictKind, FeatureRequestFilter, FeatureRequestStore, NewFeatureRequest, Page, PageRequest,
    StoreError, StoreResult,
};
use uuid::Uuid;

const LIST: &str = include_str!("feature_requests/feature_requests.sql");
const ONE: &str = include_str!("feature_requests/feature_request.sql");
const MOVE_VOTES: &str = include_str!("feature_requests/move_votes.sql");
const MOVE_LINKS: &str = include_str!("feature_requests/move_links.sql");

fn request_row(row: &DbRow) -> StoreResult<d::FeatureRequest> {
    let note: String = get(row, "public_note")?;
    let note: d::PublicNote =
        serde_json::from_str(&note).map_err(|_| corrupt("public_note", &note))?;
    let votes: i64 = get(row, "votes")?;
    Ok(d::FeatureRequest {
        id: d::FeatureRequestId(get(row, "id")?),
        fields: d::FeatureRequestFields {
            title: name(row, "title")?,
            description: long_text(row, "description")?,
        },
        status: parse_col(row, "status")?,
        note,
        source: parse_col(row, "source")?,
        merged_into: get::<Option<Uuid>>(row, "merged_into")?.map(d::FeatureRequestId),
        votes: u64::try_from(votes).map_err(|_| corrupt("votes", &votes.to_string()))?,
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

fn note_json(note: &d::PublicNote) -> StoreResult<String> {
    serde_json::to_string(note).map_err(|e| StoreError::internal_from("encoding a public note", e))
}

/// A foreign-key violation names something that is not (or no longer) there.
fn stale(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
            StoreError::Conflict(ConflictKind::StaleReference)
        }
        _ => db(e),
    }
}

impl This {
    async fn request_in<'c, E>(&self, conn: E, ws: Uuid, id: Uuid) -> StoreResult<d::FeatureRequest>
    where
        E: sqlx::Executor<'c, Database = crate::Db>,
    {
        let row = sqlx::query(ONE)
            .bind(ws)
            .bind(id)
            .fetch_optional(conn)
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        request_row(&row)
    }
}

#[async_trait]
impl FeatureRequestStore for This {
    async fn feature_requests(
        &self,
        ws: d::WorkspaceId,
        filter: FeatureRequestFilter,
        page_req: PageRequest<d::FeatureRequestId>,
    ) -> StoreResult<Page<d::FeatureRequest, d::FeatureRequestId>> {
        let rows = sqlx::query(LIST)
            .bind(ws.as_uuid())
            .bind(page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
            .bind(filter.status.map(|s| s.as_str()))
            .bind(i64::from(filter.with_merged))
            .bind(sql_limit(page_req.limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let items = rows
            .iter()
            .map(request_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |r| r.id))
    }

    async fn feature_request(
        &self,
        ws: d::WorkspaceId,
        id: d::FeatureRequestId,
    ) -> StoreResult<d::FeatureRequest> {
        self.request_in(self.pool(), ws.as_uuid(), id.as_uuid())
            .await
    }

    async fn create_feature_request(
        &self,
        ws: d::WorkspaceId,
        new: &NewFeatureRequest,
    ) -> StoreResult<d::FeatureRequest> {
        let now = d::now();
        let request = d::FeatureRequest {
            id: d::FeatureRequestId::new(),
            fields: new.fields.clone(),
            status: d::FeatureRequestStatus::UnderReview,
            note: d::PublicNote::default(),
            source: new.source,
            merged_into: None,
            votes: 0,
            created_at: now,
            updated_at: now,
        };
        sqlx::query(
            "INSERT INTO feature_requests (workspace_id, id, title, description, status, \
             public_note, source, merged_into, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, NULL, $8, $9)",
        )
        .bind(ws.as_uuid())
        .bind(request.id.as_uuid())
        .bind(request.fields.title.as_str())
        .bind(request.fields.description.as_str())
        .bind(request.status.as_str())
        .bind(note_json(&request.note)?)
        .bind(request.source.as_str())
        .bind(to_micros(now))
        .bind(to_micros(now))
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        Ok(request)
    }

    async fn set_feature_request_status(
        &self,
        ws: d::WorkspaceId,
        id: d::FeatureRequestId,
        status: d::FeatureRequestStatus,
        note: &d::PublicNote,
    ) -> StoreResult<d::FeatureRequest> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE feature_requests SET status = $1, public_note = $2, updated_at = $3 \
             WHERE workspace_id = $4 AND id = $5",
        )
        .bind(status.as_str())
        .bind(note_json(note)?)
        .bind(to_micros(d::now()))
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let request = self
            .request_in(&mut *tx, ws.as_uuid(), id.as_uuid())
            .await?;
        tx.commit().await.map_err(db)?;
        Ok(request)
    }

    async fn add_feature_request_vote(
        &self,
        ws: d::WorkspaceId,
        id: d::FeatureRequestId,
        voter: &d::Voter,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "INSERT INTO feature_request_votes (workspace_id, request_id, voter, customer_id, \
             created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(voter.key())
        .bind(voter.customer().map(|c| c.as_uuid()))
        .bind(to_micros(d::now()))
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            // No such request (or customer) in this workspace.
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        Ok(done.rows_affected() > 0)
    }

    async fn link_response_to_feature_request(
        &self,
        ws: d::WorkspaceId,
        id: d::FeatureRequestId,
        response: d::ResponseId,
        customer: Option<d::CustomerId>,
    ) -> StoreResult<bool> {
        let mut tx = self.begin_write().await.map_err(db)?;
        // The request first, so that a missing one is NotFound whatever the response.
        self.request_in(&mut *tx, ws.as_uuid(), id.as_uuid())
            .await?;
        let now = to_micros(d::now());
        let linked = sqlx::query(
            "INSERT INTO feature_request_links (workspace_id, request_id, response_id, \
             customer_id, created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(response.as_uuid())
        .bind(customer.map(|c| c.as_uuid()))
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(stale)?;
        if linked.rows_affected() == 0 {
            return Ok(false);
        }
        let voter = match customer {
            Some(c) => d::Voter::Customer(c),
            None => d::Voter::Response(response),
        };
        sqlx::query(
            "INSERT INTO feature_request_votes (workspace_id, request_id, voter, customer_id, \
             created_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT DO NOTHING",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(voter.key())
        .bind(customer.map(|c| c.as_uuid()))
        .bind(now)
        .execute(&mut *tx)
        .await
        .map_err(stale)?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn feature_request_links(
        &self,
        ws: d::WorkspaceId,
        id: d::FeatureRequestId,
    ) -> StoreResult<Vec<d::RequestLink>> {
        // Served by the primary key feature_request_links(workspace_id, request_id, …).
        let rows = sqlx::query(
            "SELECT response_id, customer_id, created_at FROM feature_request_links \
             WHERE workspace_id = $1 AND request_id = $2 ORDER BY created_at, response_id",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(d::RequestLink {
                    response_id: d::ResponseId(get(row, "response_id")?),
                    customer_id: get::<Option<Uuid>>(row, "customer_id")?.map(d::CustomerId),
                    linked_at: time(row, "created_at")?,
                })
            })
            .collect()
    }

    async fn feature_requests_of_response(
        &self,
        ws: d::WorkspaceId,
        response: d::ResponseId,
    ) -> StoreResult<Vec<d::FeatureRequestId>> {
        // Served by feature_request_links_by_response.
        let rows = sqlx::query(
            "SELECT request_id FROM feature_request_links \
             WHERE workspace_id = $1 AND response_id = $2 ORDER BY request_id",
        )
        .bind(ws.as_uuid())
        .bind(response.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| Ok(d::FeatureRequestId(get(row, "request_id")?)))
            .collect()
    }

    async fn merge_feature_requests(
        &self,
        ws: d::WorkspaceId,
        from: d::FeatureRequestId,
        into: d::FeatureRequestId,
    ) -> StoreResult<d::FeatureRequest> {
        let wsu = ws.as_uuid();
        let mut tx = self.begin_write().await.map_err(db)?;
        This::lock_workspace(&mut tx, wsu).await.map_err(db)?;
        let loser = self.request_in(&mut *tx, wsu, from.as_uuid()).await?;
        let survivor = self.request_in(&mut *tx, wsu, into.as_uuid()).await?;
        if from == into || loser.merged_into.is_some() || survivor.merged_into.is_some() {
            return Err(StoreError::Conflict(ConflictKind::StaleReference));
        }
        for (copy, delete) in [
            (
                MOVE_VOTES,
                "DELETE FROM feature_request_votes WHERE workspace_id = $1 AND request_id = $2",
            ),
            (
                MOVE_LINKS,
                "DELETE FROM feature_request_links WHERE workspace_id = $1 AND request_id = $2",
            ),
        ] {
            sqlx::query(copy)
                .bind(wsu)
                .bind(from.as_uuid())
                .bind(into.as_uuid())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            sqlx::query(delete)
                .bind(wsu)
                .bind(from.as_uuid())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        let now = to_micros(d::now());
        // Requests merged into the loser before now follow it to the survivor.
        sqlx::query(
            "UPDATE feature_requests SET merged_into = $1, updated_at = $2 \
             WHERE workspace_id = $3 AND (id = $4 OR merged_into = $4)",
        )
        .bind(into.as_uuid())
        .bind(now)
        .bind(wsu)
        .bind(from.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "UPDATE feature_requests SET updated_at = $1 WHERE workspace_id = $2 AND id = $3",
        )
        .bind(now)
        .bind(wsu)
        .bind(into.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let merged = self.request_in(&mut *tx, wsu, into.as_uuid()).await?;
        tx.commit().await.map_err(db)?;
        Ok(merged)
    }
}
