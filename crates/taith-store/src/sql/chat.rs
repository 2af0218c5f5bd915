//! Visitors' web chats ([`ChatStore`]).

use super::{Backend as _, DbRow, This, corrupt, db, get, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{ChatStore, StoreError, StoreResult};

fn session(row: &DbRow) -> StoreResult<d::ChatSession> {
    let locale: String = get(row, "locale")?;
    let email: Option<String> = get(row, "email")?;
    Ok(d::ChatSession {
        id: d::ChatSessionId(get(row, "id")?),
        conversation_id: get::<Option<uuid::Uuid>>(row, "conversation_id")?.map(d::ConversationId),
        locale: d::Locale::from_tag(&locale).ok_or_else(|| corrupt("locale", &locale))?,
        email: email
            .map(|e| d::Email::parse(&e).map_err(|_| corrupt("email", &e)))
            .transpose()?,
        created_at: time(row, "created_at")?,
    })
}

#[async_trait]
impl ChatStore for This {
    async fn create_chat_session(
        &self,
        ws: d::WorkspaceId,
        s: &d::ChatSession,
        token_hash: &str,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO chat_sessions (workspace_id, id, token_hash, conversation_id, locale, \
             email, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(ws.as_uuid())
        .bind(s.id.as_uuid())
        .bind(token_hash)
        .bind(s.conversation_id.map(|c| c.as_uuid()))
        .bind(s.locale.tag())
        .bind(s.email.as_ref().map(d::Email::as_str))
        .bind(to_micros(s.created_at))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn chat_session(
        &self,
        ws: d::WorkspaceId,
        token_hash: &str,
    ) -> StoreResult<d::ChatSession> {
        let row = sqlx::query(
            "SELECT id, conversation_id, locale, email, created_at FROM chat_sessions \
             WHERE workspace_id = $1 AND token_hash = $2",
        )
        .bind(ws.as_uuid())
        .bind(token_hash)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        session(&row)
    }

    async fn chat_session_of(
        &self,
        ws: d::WorkspaceId,
        conversation: d::ConversationId,
    ) -> StoreResult<Option<d::ChatSession>> {
        sqlx::query(
            "SELECT id, conversation_id, locale, email, created_at FROM chat_sessions \
             WHERE workspace_id = $1 AND conversation_id = $2",
        )
        .bind(ws.as_uuid())
        .bind(conversation.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .as_ref()
        .map(session)
        .transpose()
    }

    async fn set_chat_email(
        &self,
        ws: d::WorkspaceId,
        id: d::ChatSessionId,
        email: &d::Email,
        customer: d::CustomerId,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let row = sqlx::query(
            "UPDATE chat_sessions SET email = $3 WHERE workspace_id = $1 AND id = $2 \
             RETURNING conversation_id",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(email.as_str())
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        let conversation: Option<uuid::Uuid> = get(&row, "conversation_id")?;
        if let Some(c) = conversation {
            sqlx::query(
                "UPDATE conversations SET customer_id = $3 \
                 WHERE workspace_id = $1 AND id = $2",
            )
            .bind(ws.as_uuid())
            .bind(c)
            .bind(customer.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        tx.commit().await.map_err(db)?;
        Ok(())
    }
}
