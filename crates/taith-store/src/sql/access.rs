//! Browser sessions, API tokens, a person's account settings and password resets
//! ([`AccessStore`]). Only hashes of secrets are stored: the session cookie's, the API token's
//! and the reset link's.
//!
//! - Creating a session deletes the expired ones first (housekeeping needs no worker); signing
//!   out twice is no error.
//! - Creating a token for a workspace that does not exist is `NotFound` (its foreign key).
//! - A reset request is stored whether or not an account has its address (the page answers
//!   the same either way); the outbox joins it to the account, arms it with a secret's hash
//!   just before sending, and drops it when no account has the address. Queuing one forgets
//!   requests a day past their expiry. A link works while it is armed, unused and unexpired
//!   (from the moment it is armed: the e-mail may be read before the outbox records it as
//!   sent; an armed secret that was never sent is replaced on the next try); using it, or
//!   changing the password, voids every other link of the account.

use super::workspaces::user_row;
use super::{Backend as _, DbRow, This, db, get, name, parse_col, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    AccessStore, Account, ApiToken, NewPasswordReset, PasswordResetDue, Session, StoreError,
    StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

fn token_row(row: &DbRow) -> StoreResult<ApiToken> {
    Ok(ApiToken {
        id: d::TokenId(get(row, "id")?),
        workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
        name: name(row, "name")?,
        scope: parse_col::<d::TokenScope>(row, "scope")?,
        created_at: time(row, "created_at")?,
    })
}

fn session_row(row: &DbRow) -> StoreResult<Session> {
    Ok(Session {
        id: d::SessionId(get(row, "id")?),
        token_hash: get(row, "token_hash")?,
        user_id: d::UserId(get(row, "user_id")?),
        csrf_token: get(row, "csrf_token")?,
        created_at: time(row, "created_at")?,
        expires_at: time(row, "expires_at")?,
        user_agent: get::<Option<String>>(row, "user_agent")?.unwrap_or_default(),
        second_factor_pending: get(row, "second_factor_pending")?,
    })
}

/// A stored language tag (NULL: none chosen).
fn opt_locale(row: &DbRow, col: &str) -> StoreResult<Option<d::Locale>> {
    match get::<Option<String>>(row, col)? {
        None => Ok(None),
        Some(tag) => d::Locale::from_tag(&tag)
            .map(Some)
            .ok_or_else(|| super::corrupt(col, &tag)),
    }
}

/// A user's row (`id, email, name, locale`) as their account.
fn account_row(row: &DbRow) -> StoreResult<Account> {
    Ok(Account {
        user: user_row(row)?,
        locale: opt_locale(row, "locale")?,
    })
}

/// Errors if an UPDATE or DELETE of one person's row touched nothing.
fn one(done: <super::Db as sqlx::Database>::QueryResult) -> StoreResult<()> {
    if done.rows_affected() == 0 {
        return Err(StoreError::NotFound);
    }
    Ok(())
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
            "INSERT INTO sessions (id, token_hash, user_id, csrf_token, created_at, \
             expires_at, user_agent, second_factor_pending) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
        )
        .bind(session.id.as_uuid())
        .bind(session.token_hash.as_str())
        .bind(session.user_id.as_uuid())
        .bind(session.csrf_token.as_str())
        .bind(to_micros(session.created_at))
        .bind(to_micros(session.expires_at))
        .bind(session.user_agent.as_str())
        .bind(session.second_factor_pending)
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn session(&self, token_hash: &str, now: OffsetDateTime) -> StoreResult<Session> {
        // Served by the primary key sessions(token_hash).
        let row = sqlx::query(
            "SELECT id, token_hash, user_id, csrf_token, created_at, expires_at, user_agent, \
             second_factor_pending \
             FROM sessions WHERE token_hash = $1 AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(to_micros(now))
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        session_row(&row)
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

    async fn user_sessions(
        &self,
        user: d::UserId,
        now: OffsetDateTime,
    ) -> StoreResult<Vec<Session>> {
        // Served by the index sessions(user_id).
        let rows = sqlx::query(
            "SELECT id, token_hash, user_id, csrf_token, created_at, expires_at, user_agent, \
             second_factor_pending \
             FROM sessions WHERE user_id = $1 AND expires_at > $2 ORDER BY created_at DESC, id",
        )
        .bind(user.as_uuid())
        .bind(to_micros(now))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(session_row).collect()
    }

    async fn delete_user_session(&self, user: d::UserId, id: d::SessionId) -> StoreResult<()> {
        // Served by the index sessions(user_id); another person's session is NotFound.
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND id = $2")
            .bind(user.as_uuid())
            .bind(id.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
        one(done)
    }

    async fn delete_other_sessions(&self, user: d::UserId, keep: &str) -> StoreResult<u64> {
        let done = sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user.as_uuid())
            .bind(keep)
            .execute(self.pool())
            .await
            .map_err(db)?;
        Ok(done.rows_affected())
    }

    async fn account(&self, user: d::UserId) -> StoreResult<Account> {
        let row = sqlx::query("SELECT id, email, name, locale FROM users WHERE id = $1")
            .bind(user.as_uuid())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        account_row(&row)
    }

    async fn set_user_name(&self, user: d::UserId, name: &d::Name) -> StoreResult<()> {
        let done = sqlx::query("UPDATE users SET name = $1 WHERE id = $2")
            .bind(name.as_str())
            .bind(user.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
        one(done)
    }

    async fn set_user_locale(&self, user: d::UserId, locale: Option<d::Locale>) -> StoreResult<()> {
        let done = sqlx::query("UPDATE users SET locale = $1 WHERE id = $2")
            .bind(locale.map(d::Locale::tag))
            .bind(user.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
        one(done)
    }

    async fn replace_password(
        &self,
        user: d::UserId,
        password_hash: &str,
        keep: Option<&str>,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        one(done)?;
        // Served by the index sessions(user_id). A hash matches no session when none is kept.
        sqlx::query("DELETE FROM sessions WHERE user_id = $1 AND token_hash <> $2")
            .bind(user.as_uuid())
            .bind(keep.unwrap_or(""))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        void_reset_links(&mut tx, user, d::now()).await?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn request_password_reset(&self, reset: &NewPasswordReset) -> StoreResult<()> {
        // Housekeeping: a day past their expiry, requests count for nothing (served by the
        // index password_resets(expires_at)).
        sqlx::query("DELETE FROM password_resets WHERE expires_at <= $1")
            .bind(to_micros(reset.requested_at - time::Duration::days(1)))
            .execute(self.pool())
            .await
            .map_err(db)?;
        sqlx::query(
            "INSERT INTO password_resets (id, email, locale, requested_at, expires_at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(reset.id.as_uuid())
        .bind(reset.email.as_str())
        .bind(reset.locale.tag())
        .bind(to_micros(reset.requested_at))
        .bind(to_micros(reset.expires_at))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn password_resets_due(
        &self,
        now: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<PasswordResetDue>> {
        // Served by the partial index password_resets(requested_at) WHERE mailed_at IS NULL,
        // and the unique index users(email).
        let rows = sqlx::query(
            "SELECT r.id AS reset_id, r.email AS reset_email, r.locale AS reset_locale, \
             r.requested_at, r.expires_at, u.id, u.email, u.name, u.locale \
             FROM password_resets r LEFT JOIN users u ON u.email = r.email \
             WHERE r.mailed_at IS NULL AND r.expires_at > $1 AND r.claimed_until < $1 \
             ORDER BY r.requested_at, r.id LIMIT $2",
        )
        .bind(to_micros(now))
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                let email: String = get(row, "reset_email")?;
                let known = get::<Option<Uuid>>(row, "id")?.is_some();
                Ok(PasswordResetDue {
                    request: NewPasswordReset {
                        id: d::PasswordResetId(get(row, "reset_id")?),
                        email: d::Email::parse(&email)
                            .map_err(|_| super::corrupt("email", &email))?,
                        locale: parse_col::<d::Locale>(row, "reset_locale")?,
                        requested_at: time(row, "requested_at")?,
                        expires_at: time(row, "expires_at")?,
                    },
                    account: known.then(|| account_row(row)).transpose()?,
                })
            })
            .collect()
    }

    async fn arm_password_reset(
        &self,
        id: d::PasswordResetId,
        user: d::UserId,
        token_hash: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool> {
        // As for invitations (`claim_mail`): the UPDATE's WHERE is the claim.
        let done = sqlx::query(
            "UPDATE password_resets SET user_id = $1, token_hash = $2, claimed_until = $3 \
             WHERE id = $4 AND mailed_at IS NULL AND claimed_until < $5",
        )
        .bind(user.as_uuid())
        .bind(token_hash)
        .bind(to_micros(until))
        .bind(id.as_uuid())
        .bind(to_micros(now))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn mark_password_reset_mailed(
        &self,
        id: d::PasswordResetId,
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        // The first time stays: a retry is harmless.
        let done = sqlx::query(
            "UPDATE password_resets SET mailed_at = COALESCE(mailed_at, $1) WHERE id = $2",
        )
        .bind(to_micros(now))
        .bind(id.as_uuid())
        .execute(self.pool())
        .await
        .map_err(db)?;
        one(done)
    }

    async fn drop_password_reset(&self, id: d::PasswordResetId) -> StoreResult<()> {
        sqlx::query("DELETE FROM password_resets WHERE id = $1 AND mailed_at IS NULL")
            .bind(id.as_uuid())
            .execute(self.pool())
            .await
            .map_err(db)?;
        Ok(())
    }

    async fn password_reset_mails_since(
        &self,
        email: &d::Email,
        since: OffsetDateTime,
    ) -> StoreResult<u64> {
        // Served by the index password_resets(email, mailed_at).
        let n: i64 = sqlx::query_scalar(
            "SELECT COUNT(*) FROM password_resets WHERE email = $1 AND mailed_at >= $2",
        )
        .bind(email.as_str())
        .bind(to_micros(since))
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        Ok(u64::try_from(n).unwrap_or(0))
    }

    async fn password_reset_user(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<d::UserId> {
        // Served by the unique index password_resets(token_hash).
        let row = sqlx::query(
            "SELECT user_id FROM password_resets WHERE token_hash = $1 \
             AND used_at IS NULL AND expires_at > $2",
        )
        .bind(token_hash)
        .bind(to_micros(now))
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        Ok(d::UserId(get(&row, "user_id")?))
    }

    async fn use_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<d::UserId> {
        let mut tx = self.begin_write().await.map_err(db)?;
        // The condition and the change in one statement: of two uses at once, one wins.
        let row = sqlx::query(
            "UPDATE password_resets SET used_at = $1 WHERE token_hash = $2 \
             AND used_at IS NULL AND expires_at > $1 RETURNING user_id",
        )
        .bind(to_micros(now))
        .bind(token_hash)
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        let user = d::UserId(get(&row, "user_id")?);
        let done = sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
            .bind(password_hash)
            .bind(user.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        one(done)?;
        sqlx::query("DELETE FROM sessions WHERE user_id = $1")
            .bind(user.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        void_reset_links(&mut tx, user, now).await?;
        tx.commit().await.map_err(db)?;
        Ok(user)
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

/// Voids the account's reset links not yet used (served by the index password_resets(user_id)).
async fn void_reset_links(
    tx: &mut super::Tx,
    user: d::UserId,
    now: OffsetDateTime,
) -> StoreResult<()> {
    sqlx::query("UPDATE password_resets SET used_at = $1 WHERE user_id = $2 AND used_at IS NULL")
        .bind(to_micros(now))
        .bind(user.as_uuid())
        .execute(&mut **tx)
        .await
        .map_err(db)?;
    Ok(())
}
