//! Signing in: browser sessions and API tokens.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{Name, TokenId, TokenScope, UserId, WorkspaceId};
use time::OffsetDateTime;

/// A signed-in browser session. The cookie holds a random secret; the store holds its hash.
#[derive(Debug, Clone)]
pub struct Session {
    pub token_hash: String,
    pub user_id: UserId,
    /// The session's CSRF token, echoed in every form.
    pub csrf_token: String,
    pub expires_at: OffsetDateTime,
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

/// Browser sessions and API tokens (the store keeps only their hashes).
#[async_trait]
pub trait AccessStore: Send + Sync {
    async fn create_session(&self, session: &Session) -> StoreResult<()>;

    /// The session with that hash, if it has not expired at `now`.
    async fn session(&self, token_hash: &str, now: OffsetDateTime) -> StoreResult<Session>;

    async fn delete_session(&self, token_hash: &str) -> StoreResult<()>;

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
