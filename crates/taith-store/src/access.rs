//! Signing in: browser sessions, API tokens, a person's own account settings, and resetting a
//! forgotten password.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{
    Email, Locale, Name, PasswordResetId, SessionId, TokenId, TokenScope, User, UserId, WorkspaceId,
};
use time::OffsetDateTime;

/// A signed-in browser session. The cookie holds a random secret; the store holds its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Session {
    /// What the account page names the session by (never the secret or its hash).
    pub id: SessionId,
    pub token_hash: String,
    pub user_id: UserId,
    /// The session's CSRF token, echoed in every form.
    pub csrf_token: String,
    pub created_at: OffsetDateTime,
    pub expires_at: OffsetDateTime,
    /// The browser's `User-Agent` when it signed in, cut short ("" when it sent none).
    pub user_agent: String,
    /// Signed in with the password only: the session reaches nothing but the code page and
    /// sign-out until the second factor completes it.
    pub second_factor_pending: bool,
}

/// An API token (only its hash is stored).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ApiToken {
    pub id: TokenId,
    pub workspace_id: WorkspaceId,
    pub name: Name,
    pub scope: TokenScope,
    pub created_at: OffsetDateTime,
}

/// A person's own settings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub user: User,
    /// The language the person chose; None: their browser's.
    pub locale: Option<Locale>,
}

/// A request to reset a forgotten password, as the page took it: the address typed, whether
/// or not an account has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewPasswordReset {
    pub id: PasswordResetId,
    pub email: Email,
    /// The language of the page the request came from.
    pub locale: Locale,
    pub requested_at: OffsetDateTime,
    /// After this the link no longer works, and an e-mail not yet sent is not sent.
    pub expires_at: OffsetDateTime,
}

/// A reset request whose e-mail is due, with the account that has its address, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PasswordResetDue {
    pub request: NewPasswordReset,
    pub account: Option<Account>,
}

/// Browser sessions and API tokens (the store keeps only their hashes), a person's account
/// settings, and password resets (only the hash of a reset link's secret is kept).
#[async_trait]
pub trait AccessStore: Send + Sync {
    async fn create_session(&self, session: &Session) -> StoreResult<()>;

    /// The session with that hash, if it has not expired at `now`.
    async fn session(&self, token_hash: &str, now: OffsetDateTime) -> StoreResult<Session>;

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;

    /// A person's sessions that have not expired at `now`, newest first.
    async fn user_sessions(&self, user: UserId, now: OffsetDateTime) -> StoreResult<Vec<Session>>;

    /// Ends one of `user`'s sessions; `NotFound` when `user` has no session `id`.
    async fn delete_user_session(&self, user: UserId, id: SessionId) -> StoreResult<()>;

    /// Ends every session of `user` but the one whose hash is `keep`; how many ended.
    async fn delete_other_sessions(&self, user: UserId, keep: &str) -> StoreResult<u64>;

    /// A person's settings.
    async fn account(&self, user: UserId) -> StoreResult<Account>;

    async fn set_user_name(&self, user: UserId, name: &Name) -> StoreResult<()>;

    /// Sets the language a person chose (None: their browser's).
    async fn set_user_locale(&self, user: UserId, locale: Option<Locale>) -> StoreResult<()>;

    /// In one transaction: sets the password, ends every session of `user` but `keep` (a
    /// session's hash; None ends them all), and voids the reset links not yet used.
    async fn replace_password(
        &self,
        user: UserId,
        password_hash: &str,
        keep: Option<&str>,
    ) -> StoreResult<()>;

    /// Queues a reset request for the outbox (and forgets requests a day past their expiry).
    async fn request_password_reset(&self, reset: &NewPasswordReset) -> StoreResult<()>;

    /// Reset requests not yet e-mailed, not expired and not claimed by a node at `now`, oldest
    /// first, at most `limit`.
    async fn password_resets_due(
        &self,
        now: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<PasswordResetDue>>;

    /// Claims a due request for this node until `until` and gives it its link's secret (its
    /// hash) and account, just before the e-mail goes out, if nobody's claim holds at `now`;
    /// `false` when another node's does (it sends the e-mail). A request armed before gets a
    /// new secret (the old link stops working).
    async fn arm_password_reset(
        &self,
        id: PasswordResetId,
        user: UserId,
        token_hash: &str,
        now: OffsetDateTime,
        until: OffsetDateTime,
    ) -> StoreResult<bool>;

    /// Records that the request's e-mail went out.
    async fn mark_password_reset_mailed(
        &self,
        id: PasswordResetId,
        now: OffsetDateTime,
    ) -> StoreResult<()>;

    /// Forgets a request whose e-mail will not be sent (no account has the address, or it
    /// was asked for too often).
    async fn drop_password_reset(&self, id: PasswordResetId) -> StoreResult<()>;

    /// How many reset e-mails went to `email` since `since` (the outbox sends a few an hour at
    /// most, so nobody's mailbox can be flooded through the form).
    async fn password_reset_mails_since(
        &self,
        email: &Email,
        since: OffsetDateTime,
    ) -> StoreResult<u64>;

    /// The account whose e-mailed reset link has this hash, if the link works at `now`: armed,
    /// not used, not expired, not voided. `NotFound` otherwise.
    async fn password_reset_user(
        &self,
        token_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserId>;

    /// In one transaction: uses the link (`NotFound` when it does not work at `now`), sets the
    /// account's password, ends all its sessions and voids its other reset links.
    async fn use_password_reset(
        &self,
        token_hash: &str,
        password_hash: &str,
        now: OffsetDateTime,
    ) -> StoreResult<UserId>;

    async fn create_api_token(
        &self,
        ws: WorkspaceId,
        name: &Name,
        scope: TokenScope,
        token_hash: &str,
    ) -> StoreResult<ApiToken>;

    /// The token with that hash, with its workspace.
    async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken>;

    async fn api_tokens(&self, ws: WorkspaceId) -> StoreResult<Vec<ApiToken>>;

    async fn revoke_api_token(&self, ws: WorkspaceId, id: TokenId) -> StoreResult<()>;
}
