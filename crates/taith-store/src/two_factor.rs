//! Two-factor sign-in: a person's TOTP secret and recovery codes (only their hashes), the
//! session waiting for its second factor, and the workspace's requirement of it.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{UserId, WorkspaceId};
use time::OffsetDateTime;

/// A person's TOTP enrolment.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TwoFactor {
    /// The secret, base32.
    pub secret: String,
    /// None while the enrolment waits for its first code.
    pub confirmed_at: Option<OffsetDateTime>,
    /// The last TOTP step used to sign in or confirm; its code and earlier ones are refused.
    pub last_step: Option<i64>,
}

#[async_trait]
pub trait TwoFactorStore: Send + Sync {
    /// `user`'s enrolment, confirmed or not; None when there is none.
    async fn two_factor(&self, user: UserId) -> StoreResult<Option<TwoFactor>>;

    /// Starts an enrolment with `secret` (base32), replacing an unconfirmed one; false (and
    /// nothing changes) when a confirmed one exists: it must be turned off first.
    async fn begin_two_factor(
        &self,
        user: UserId,
        secret: &str,
        now: OffsetDateTime,
    ) -> StoreResult<bool>;

    /// Confirms the unconfirmed enrolment (`NotFound` when there is none), records `step` as
    /// used and replaces the recovery codes with these hashes, in one transaction.
    async fn confirm_two_factor(
        &self,
        user: UserId,
        step: i64,
        recovery_hashes: &[String],
        now: OffsetDateTime,
    ) -> StoreResult<()>;

    /// Records `step` as used if it is later than the last one used; false when it is not
    /// (the code was used already, perhaps on another node at the same moment).
    async fn use_totp_step(&self, user: UserId, step: i64) -> StoreResult<bool>;

    /// Hashes of `user`'s recovery codes not yet used.
    async fn unused_recovery_hashes(&self, user: UserId) -> StoreResult<Vec<String>>;

    /// Marks one recovery code used; false when it was used already.
    async fn use_recovery_code(
        &self,
        user: UserId,
        code_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<bool>;

    /// Removes `user`'s enrolment and recovery codes.
    async fn remove_two_factor(&self, user: UserId) -> StoreResult<()>;

    /// The session with this hash has its second factor now.
    async fn complete_second_factor(&self, token_hash: &str) -> StoreResult<()>;

    /// Whether the workspace's members must sign in with a second factor.
    async fn requires_two_factor(&self, ws: WorkspaceId) -> StoreResult<bool>;

    async fn set_requires_two_factor(&self, ws: WorkspaceId, required: bool) -> StoreResult<()>;

    /// Whether `user` must enrol before reaching `ws`: the workspace requires a second factor
    /// and they have no confirmed enrolment. One query, asked on every page of a workspace.
    async fn must_enrol_two_factor(&self, ws: WorkspaceId, user: UserId) -> StoreResult<bool>;
}
