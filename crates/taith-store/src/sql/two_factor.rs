//! Two-factor sign-in ([`TwoFactorStore`]).
//!
//! - One enrolment row per person; beginning a new one replaces an unconfirmed one and leaves
//!   a confirmed one alone (false).
//! - Using a TOTP step is one conditional UPDATE (`last_step < step`), so two nodes given the
//!   same code at the same moment accept it once. Recovery codes likewise
//!   (`used_at IS NULL`).

use super::{Backend as _, DbRow, This, db, get, opt_time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{StoreError, StoreResult, TwoFactor, TwoFactorStore};
use time::OffsetDateTime;

fn two_factor_row(row: &DbRow) -> StoreResult<TwoFactor> {
    Ok(TwoFactor {
        secret: get(row, "secret")?,
        confirmed_at: opt_time(row, "confirmed_at")?,
        last_step: get(row, "last_step")?,
    })
}

#[async_trait]
impl TwoFactorStore for This {
    async fn two_factor(&self, user: d::UserId) -> StoreResult<Option<TwoFactor>> {
        let row = sqlx::query(
            "SELECT secret, confirmed_at, last_step FROM two_factor WHERE user_id = $1",
        )
        .bind(user.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(two_factor_row).transpose()
    }

    async fn begin_two_factor(
        &self,
        user: d::UserId,
        secret: &str,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "INSERT INTO two_factor (user_id, secret, confirmed_at, last_step, created_at) \
             VALUES ($1, $2, NULL, NULL, $3) \
             ON CONFLICT (user_id) DO UPDATE SET secret = excluded.secret, \
             created_at = excluded.created_at, last_step = NULL \
             WHERE two_factor.confirmed_at IS NULL",
        )
        .bind(user.as_uuid())
        .bind(secret)
        .bind(to_micros(now))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn confirm_two_factor(
        &self,
        user: d::UserId,
        step: i64,
        recovery_hashes: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE two_factor SET confirmed_at = $2, last_step = $3 \
             WHERE user_id = $1 AND confirmed_at IS NULL",
        )
        .bind(user.as_uuid())
        .bind(to_micros(now))
        .bind(step)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query("DELETE FROM two_factor_recovery WHERE user_id = $1")
            .bind(user.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        for hash in recovery_hashes {
            sqlx::query("INSERT INTO two_factor_recovery (user_id, code_hash) VALUES ($1, $2)")
                .bind(user.as_uuid())
                .bind(hash.as_str())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn use_totp_step(&self, user: d::UserId, step: i64) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE two_factor SET last_step = $2 WHERE user_id = $1 \
             AND confirmed_at IS NOT NULL AND (last_step IS NULL OR last_step < $2)",
        )
        .bind(user.as_uuid())
        .bind(step)
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn unused_recovery_hashes(&self, user: d::UserId) -> StoreResult<Vec<String>> {
        let rows = sqlx::query(
            "SELECT code_hash FROM two_factor_recovery WHERE user_id = $1 AND used_at IS NULL",
        )
        .bind(user.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(|r| get(r, "code_hash")).collect()
    }

    async fn use_recovery_code(
        &self,
        user: d::UserId,
        code_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<bool> {
        let done = sqlx::query(
            "UPDATE two_factor_recovery SET used_at = $3 \
             WHERE user_id = $1 AND code_hash = $2 AND used_at IS NULL",
        )
        .bind(user.as_uuid())
        .bind(code_hash)
        .bind(to_micros(now))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(done.rows_affected() > 0)
    }

    async fn remove_two_factor(&self, user: d::UserId) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        for sql in [
            "DELETE FROM two_factor_recovery WHERE user_id = $1",
            "DELETE FROM two_factor WHERE user_id = $1",
        ] {
            sqlx::query(sql)
                .bind(user.as_uuid())
                .execute(&mut *tx)
                .await
                .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn complete_second_factor(&self, token_hash: &str) -> StoreResult<()> {
        let done =
            sqlx::query("UPDATE sessions SET second_factor_pending = $2 WHERE token_hash = $1")
                .bind(token_hash)
                .bind(false)
                .execute(self.pool())
                .await
                .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn requires_two_factor(&self, ws: d::WorkspaceId) -> StoreResult<bool> {
        let row = sqlx::query("SELECT require_two_factor FROM workspaces WHERE id = $1")
            .bind(ws.as_uuid())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        get(&row, "require_two_factor")
    }

    async fn set_requires_two_factor(&self, ws: d::WorkspaceId, required: bool) -> StoreResult<()> {
        let done = sqlx::query("UPDATE workspaces SET require_two_factor = $2 WHERE id = $1")
            .bind(ws.as_uuid())
            .bind(required)
            .execute(self.pool())
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        Ok(())
    }

    async fn must_enrol_two_factor(
        &self,
        ws: d::WorkspaceId,
        user: d::UserId,
    ) -> StoreResult<bool> {
        // Served by the primary keys workspaces(id) and two_factor(user_id).
        let row = sqlx::query(
            "SELECT w.require_two_factor AS required, \
             (SELECT COUNT(*) FROM two_factor t WHERE t.user_id = $2 \
              AND t.confirmed_at IS NOT NULL) AS enrolled \
             FROM workspaces w WHERE w.id = $1",
        )
        .bind(ws.as_uuid())
        .bind(user.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        let required: bool = get(&row, "required")?;
        let enrolled: i64 = get(&row, "enrolled")?;
        Ok(required && enrolled == 0)
    }
}
