//! Visitors' web chats (migration 0022): each chat's token hash, its conversation, its
//! language and the address the visitor left.

use crate::StoreResult;
use async_trait::async_trait;
use taith_domain::{ChatSession, ChatSessionId, ConversationId, CustomerId, Email, WorkspaceId};

#[async_trait]
pub trait ChatStore: Send + Sync {
    /// Stores a new chat reached by the token whose SHA-256 (hex) is `token_hash`.
    async fn create_chat_session(
        &self,
        ws: WorkspaceId,
        session: &ChatSession,
        token_hash: &str,
    ) -> StoreResult<()>;

    /// The workspace's chat reached by this token hash. NotFound: none.
    async fn chat_session(&self, ws: WorkspaceId, token_hash: &str) -> StoreResult<ChatSession>;

    /// The chat that is this conversation, if a visitor's chat is.
    async fn chat_session_of(
        &self,
        ws: WorkspaceId,
        conversation: ConversationId,
    ) -> StoreResult<Option<ChatSession>>;

    /// Keeps the address a visitor left and, in the same transaction, makes `customer` (the
    /// customer of that address) the customer of the chat's conversation, so that replies can
    /// go to them by e-mail and their timeline shows the chat.
    async fn set_chat_email(
        &self,
        ws: WorkspaceId,
        id: ChatSessionId,
        email: &Email,
        customer: CustomerId,
    ) -> StoreResult<()>;
}
