//! Browser sessions and API tokens ([`AccessStore`]). Only hashes of their secrets are stored.
//!
//! - Creating a session deletes the expired ones first (housekeeping needs no worker); signing
//!   out twice is no error.
//! - Creating a token for a workspace that does not exist is `NotFound` (its foreign key).

use super::{Backend as _, DbRow, This, db, get, name, parse_col, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{AccessStore, ApiToken, Session, StoreError, StoreResult};
use time::OffsetDateTime;

fn token_row(row: &DbRow) -> StoreResult<ApiToken> {
    Ok(ApiToken {
        id: d::TokenId(get(row, "id")?),
        workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
        name: name(row, "name")?,
        scope: parse_col::<d::TokenScope>(row, "scope")?,
        created_at: time(row, "created_at")?,
    })
}

#[async_trait]
impl AccessStore for This {
    async fn create_session(&self, session: &Session) -> StoreResult<()> {
        // Housekeeping: expired sessions go (served by the index
        // sessions(expires_at)).
        sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
            .bind(to_micros(d::now()))
            .execute(self.pool())
            .await
            .map_err(db)?;
        sqlx::query(
            "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) \
             VALUES ($1, $2, $3, $4)",
        )
        .bind(session.token_hash.as_str())
        .bind(session.user_id.as_uuid())
        .bind(session.csrf_token.as_str())
        .bind(to_micros(session.expires_at))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: OffsetDateTime) -> StoreResult<Session> {
        let row = sqlx::query(
            "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions \
             WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(to_micros(now))
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        Ok(Session {
            token_hash: get(&row, "token_hash")?,
            user_id: d::UserId(get(&row, "user_id")?),
            csrf_token: get(&row, "csrf_token")?,
            expires_at: time(&row, "expires_at")?,
        })
    }

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
        // Signing out twice is fine: no NotFound.
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(self.pool())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn create_api_token(
        &self,
        ws: d::WorkspaceId,
        name: &d::Name,
        scope: d::TokenScope,
        token_hash: &str,
    ) -> StoreResult<ApiToken> {
        let token = ApiToken {
            id: d::TokenId::new(),
            workspace_id: ws,
            name: name.clone(),
            scope,
            created_at: d::now(),
        };
        sqlx::query(
            "INSERT INTO api_tokens (workspace_id, id, token_hash, name, scope, \
             created_at) VALUES ($1, $2, $3, $4, $5, $6)",
        )
        .bind(ws.as_uuid())
        .bind(token.id.as_uuid())
        .bind(token_hash)
        .bind(token.name.as_str())
        .bind(scope.as_str())
        .bind(to_micros(token.created_at))
        .execute(self.pool())
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
        Ok(token)
    }

    async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken> {
        // Served by the unique index on api_tokens(token_hash).
        let row = sqlx::query(
            "SELECT workspace_id, id, name, scope, created_at FROM api_tokens \
             WHERE token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        token_row(&row)
    }

    async fn api_tokens(&self, ws: d::WorkspaceId) -> StoreResult<Vec<ApiToken>> {
        // Served by the primary key api_tokens(workspace_id, id).
        let rows = sqlx::query(
            "SELECT workspace_id, id, name, scope, created_at FROM api_tokens \
             WHERE workspace_id = $1 ORDER BY id",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(token_row).collect()
    }

    async fn revoke_api_token(&self, ws: d::WorkspaceId, id: d::TokenId) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM api_tokens WHERE workspace_id = $1 AND id = $2")
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
}
