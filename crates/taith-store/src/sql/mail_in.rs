//! E-mail conversations ([`MailInStore`]).
//!
//! - Threading: `mail_messages` keyed by (workspace, Message-ID); a lookup always names the
//!   workspace, so a mail cannot join another workspace's conversation by quoting its ids.
//! - Replies to send: `conversation_messages.send_state`. A node claims a pending reply by a
//!   conditional UPDATE of its lease (`mail_claimed_until`), as the case replies are claimed:
//!   of two nodes racing for one row only one UPDATE matches it.
//! - A reply is recorded sent with its Message-ID in one transaction; so is an incoming mail
//!   with its message (and the conversation it opens) and its attachments ([`receive_mail`]):
//!   the Message-ID's insert comes last and a conflict on it rolls everything back, so a mail
//!   received twice at once is stored once.
//! - Attachments are named by their conversation and their place in it (oldest mail first),
//!   always with the workspace.
//!
//! [`receive_mail`]: MailInStore::receive_mail

use super::{Backend as _, DbRow, This, corrupt, db, get, parse_col, time, to_micros, unique_is};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    AttachmentToStore, ConflictKind, ConversationAttachment, IncomingMail, MailInSettings,
    MailInStore, MailInto, MailRecord, MailReplyDue, MessageToStore, StoreError, StoreResult,
    StoredAttachment,
};
use time::OffsetDateTime;
use uuid::Uuid;

fn settings_row(row: &DbRow) -> StoreResult<MailInSettings> {
    Ok(MailInSettings {
        secret: get(row, "secret")?,
        address: get(row, "address")?,
        updated_at: time(row, "updated_at")?,
    })
}

fn record_row(row: &DbRow) -> StoreResult<MailRecord> {
    Ok(MailRecord {
        rfc_message_id: get(row, "rfc_message_id")?,
        conversation_id: d::ConversationId(get(row, "conversation_id")?),
        message_id: d::ConversationMessageId(get(row, "message_id")?),
        direction: parse_col(row, "direction")?,
        address: get(row, "address")?,
        no_reply: get(row, "no_reply")?,
        at: time(row, "at")?,
    })
}

fn attachment_row(row: &DbRow) -> StoreResult<StoredAttachment> {
    let size: i64 = get(row, "size")?;
    Ok(StoredAttachment {
        name: get(row, "name")?,
        content_type: get(row, "content_type")?,
        size: u64::try_from(size).map_err(|_| corrupt("size", &size.to_string()))?,
        kept: get(row, "kept")?,
    })
}

/// A conversation's attachments in order: oldest mail first, each mail's by position.
macro_rules! conversation_attachments {
    ($columns:literal, $tail:literal) => {
        concat!(
            "SELECT a.name, a.content_type, a.size, a.content IS NOT NULL AS kept, ",
            $columns,
            " FROM mail_attachments a JOIN mail_messages m ON m.workspace_id = a.workspace_id \
             AND m.rfc_message_id = a.rfc_message_id \
             WHERE a.workspace_id = $1 AND m.conversation_id = $2 \
             ORDER BY m.at, m.rfc_message_id, a.position",
            $tail
        )
    };
}

async fn insert_attachments(
    conn: &mut super::Conn,
    w: Uuid,
    rfc_message_id: &str,
    attachments: &[AttachmentToStore],
) -> StoreResult<()> {
    for (i, a) in attachments.iter().enumerate() {
        sqlx::query(
            "INSERT INTO mail_attachments (workspace_id, rfc_message_id, position, name, \
             content_type, size, content) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(w)
        .bind(rfc_message_id)
        .bind(i64::try_from(i).unwrap_or(i64::MAX))
        .bind(&a.name)
        .bind(&a.content_type)
        .bind(i64::try_from(a.size).unwrap_or(i64::MAX))
        .bind(a.content.as_deref())
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    }
    Ok(())
}

macro_rules! record_columns {
    () => {
        "rfc_message_id, conversation_id, message_id, direction, address, no_reply, at"
    };
}

#[async_trait]
impl MailInStore for This {
    async fn mail_in_settings(&self, ws: d::WorkspaceId) -> StoreResult<Option<MailInSettings>> {
        let row = sqlx::query(
            "SELECT secret, address, updated_at FROM mail_in_settings WHERE workspace_id = $1",
        )
        .bind(ws.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(settings_row).transpose()
    }

    async fn set_mail_in_secret(
        &self,
        ws: d::WorkspaceId,
        secret: &str,
        at: OffsetDateTime,
    ) -> StoreResult<MailInSettings> {
        let row = sqlx::query(
            "INSERT INTO mail_in_settings (workspace_id, secret, address, updated_at) \
             VALUES ($1, $2, NULL, $3) ON CONFLICT (workspace_id) DO UPDATE \
             SET secret = excluded.secret, updated_at = excluded.updated_at \
             RETURNING secret, address, updated_at",
        )
        .bind(ws.as_uuid())
        .bind(secret)
        .bind(to_micros(at))
        .fetch_one(self.pool())
        .await
        .map_err(db)?;
        settings_row(&row)
    }

    async fn set_mail_in_address(
        &self,
        ws: d::WorkspaceId,
        address: Option<&str>,
        at: OffsetDateTime,
    ) -> StoreResult<MailInSettings> {
        let row = sqlx::query(
            "UPDATE mail_in_settings SET address = $2, updated_at = $3 WHERE workspace_id = $1 \
             RETURNING secret, address, updated_at",
        )
        .bind(ws.as_uuid())
        .bind(address.map(str::to_lowercase))
        .bind(to_micros(at))
        .fetch_optional(self.pool())
        .await
        .map_err(unique_is(ConflictKind::EmailTaken))?;
        match row {
            Some(row) => settings_row(&row),
            None => Err(StoreError::NotFound),
        }
    }

    async fn workspace_by_mail_address(
        &self,
        address: &str,
    ) -> StoreResult<Option<d::WorkspaceId>> {
        let row = sqlx::query("SELECT workspace_id FROM mail_in_settings WHERE address = $1")
            .bind(address.to_lowercase())
            .fetch_optional(self.pool())
            .await
            .map_err(db)?;
        row.map(|r| get::<Uuid>(&r, "workspace_id").map(d::WorkspaceId))
            .transpose()
    }

    async fn mail_record(
        &self,
        ws: d::WorkspaceId,
        rfc_message_id: &str,
    ) -> StoreResult<Option<MailRecord>> {
        let row = sqlx::query(concat!(
            "SELECT ",
            record_columns!(),
            " FROM mail_messages WHERE workspace_id = $1 AND rfc_message_id = $2"
        ))
        .bind(ws.as_uuid())
        .bind(rfc_message_id)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref().map(record_row).transpose()
    }

    async fn record_mail(
        &self,
        ws: d::WorkspaceId,
        mail: &MailRecord,
        attachments: &[AttachmentToStore],
    ) -> StoreResult<bool> {
        let w = ws.as_uuid();
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "INSERT INTO mail_messages (workspace_id, rfc_message_id, conversation_id, \
             message_id, direction, address, no_reply, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (workspace_id, rfc_message_id) DO NOTHING",
        )
        .bind(w)
        .bind(&mail.rfc_message_id)
        .bind(mail.conversation_id.as_uuid())
        .bind(mail.message_id.as_uuid())
        .bind(mail.direction.as_str())
        .bind(&mail.address)
        .bind(mail.no_reply.as_deref())
        .bind(to_micros(mail.at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            return Ok(false);
        }
        insert_attachments(&mut tx, w, &mail.rfc_message_id, attachments).await?;
        tx.commit().await.map_err(db)?;
        Ok(true)
    }

    async fn receive_mail(
        &self,
        ws: d::WorkspaceId,
        into: &MailInto,
        message: &MessageToStore,
        mail: &IncomingMail,
        attachments: &[AttachmentToStore],
    ) -> StoreResult<Option<(d::Conversation, d::ConversationMessageId)>> {
        let w = ws.as_uuid();
        let mut tx = self.begin_write().await.map_err(db)?;
        let (conversation, message_id) = match into {
            MailInto::Thread(id) => {
                let (c, m) =
                    super::conversations::add_message_in(&mut tx, w, id.as_uuid(), message).await?;
                (c, m.id)
            }
            MailInto::Open(new) => {
                let (c, _) = super::conversations::save_in(&mut tx, w, new, d::now())
                    .await?
                    .ok_or_else(|| StoreError::internal("an e-mail conversation lost a race"))?;
                let row = sqlx::query(
                    "SELECT id FROM conversation_messages WHERE workspace_id = $1 \
                     AND conversation_id = $2 ORDER BY at, id LIMIT 1",
                )
                .bind(w)
                .bind(c.id.as_uuid())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?
                .ok_or_else(|| StoreError::internal("a new e-mail conversation has no message"))?;
                (c, d::ConversationMessageId(get(&row, "id")?))
            }
        };
        let done = sqlx::query(
            "INSERT INTO mail_messages (workspace_id, rfc_message_id, conversation_id, \
             message_id, direction, address, no_reply, at) VALUES ($1, $2, $3, $4, 'in', $5, $6, $7) \
             ON CONFLICT (workspace_id, rfc_message_id) DO NOTHING",
        )
        .bind(w)
        .bind(&mail.rfc_message_id)
        .bind(conversation.id.as_uuid())
        .bind(message_id.as_uuid())
        .bind(&mail.address)
        .bind(mail.no_reply.as_deref())
        .bind(to_micros(mail.at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if done.rows_affected() == 0 {
            // Received meanwhile: the message (and a conversation it opened) go too.
            tx.rollback().await.map_err(db)?;
            return Ok(None);
        }
        insert_attachments(&mut tx, w, &mail.rfc_message_id, attachments).await?;
        tx.commit().await.map_err(db)?;
        Ok(Some((conversation, message_id)))
    }

    async fn conversation_attachments(
        &self,
        ws: d::WorkspaceId,
        conversation: d::ConversationId,
    ) -> StoreResult<Vec<ConversationAttachment>> {
        let mut tx = self.begin_read().await.map_err(db)?;
        super::conversations::conversation_in(&mut tx, ws.as_uuid(), conversation.as_uuid())
            .await?;
        let rows = sqlx::query(conversation_attachments!("m.message_id", ""))
            .bind(ws.as_uuid())
            .bind(conversation.as_uuid())
            .fetch_all(&mut *tx)
            .await
            .map_err(db)?;
        tx.commit().await.map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok(ConversationAttachment {
                    message_id: d::ConversationMessageId(get(row, "message_id")?),
                    attachment: attachment_row(row)?,
                })
            })
            .collect()
    }

    async fn conversation_attachment(
        &self,
        ws: d::WorkspaceId,
        conversation: d::ConversationId,
        index: u32,
    ) -> StoreResult<(StoredAttachment, Option<Vec<u8>>)> {
        let row = sqlx::query(conversation_attachments!("a.content", " LIMIT 1 OFFSET $3"))
            .bind(ws.as_uuid())
            .bind(conversation.as_uuid())
            .bind(i64::from(index))
            .fetch_optional(self.pool())
            .await
            .map_err(db)?
            .ok_or(StoreError::NotFound)?;
        Ok((attachment_row(&row)?, get(&row, "content")?))
    }

    async fn conversation_mails(
        &self,
        ws: d::WorkspaceId,
        conversation: d::ConversationId,
    ) -> StoreResult<Vec<MailRecord>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            record_columns!(),
            " FROM mail_messages WHERE workspace_id = $1 AND conversation_id = $2 \
             ORDER BY at, rfc_message_id"
        ))
        .bind(ws.as_uuid())
        .bind(conversation.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(record_row).collect()
    }

    async fn mail_attachments(
        &self,
        ws: d::WorkspaceId,
        rfc_message_id: &str,
    ) -> StoreResult<Vec<StoredAttachment>> {
        let rows = sqlx::query(
            "SELECT name, content_type, size, content IS NOT NULL AS kept FROM mail_attachments \
             WHERE workspace_id = $1 AND rfc_message_id = $2 ORDER BY position",
        )
        .bind(ws.as_uuid())
        .bind(rfc_message_id)
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(attachment_row).collect()
    }

    async fn queue_mail_reply(
        &self,
        ws: d::WorkspaceId,
        conversation: d::ConversationId,
        message: d::ConversationMessageId,
    ) -> StoreResult<()> {
        let found = sqlx::query(
            "SELECT send_state FROM conversation_messages WHERE workspace_id = $1 \
             AND conversation_id = $2 AND id = $3 AND direction = 'out'",
        )
        .bind(ws.as_uuid())
        .bind(conversation.as_uuid())
        .bind(message.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        if found.is_none() {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "UPDATE conversation_messages SET send_state = 'pending' WHERE workspace_id = $1 \
             AND conversation_id = $2 AND id = $3 AND send_state IS NULL",
        )
        .bind(ws.as_uuid())
        .bind(conversation.as_uuid())
        .bind(message.as_uuid())
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn mail_send_state(
        &self,
        ws: d::WorkspaceId,
        conversation: d::ConversationId,
        message: d::ConversationMessageId,
    ) -> StoreResult<Option<String>> {
        let row = sqlx::query(
            "SELECT send_state FROM conversation_messages WHERE workspace_id = $1 \
             AND conversation_id = $2 AND id = $3",
        )
        .bind(ws.as_uuid())
        .bind(conversation.as_uuid())
        .bind(message.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        match row {
            Some(row) => get(&row, "send_state"),
            None => Err(StoreError::NotFound),
        }
    }

    async fn claim_mail_replies(
        &self,
        now: OffsetDateTime,
        lease_until: OffsetDateTime,
        limit: u32,
    ) -> StoreResult<Vec<MailReplyDue>> {
        let rows = sqlx::query(
            "SELECT m.workspace_id, m.conversation_id, m.id, m.body, m.author, m.at, \
             m.mail_attempts, c.subject, c.customer_id, c.locale AS conversation_locale, \
             cu.email, cu.name, cu.locale AS customer_locale \
             FROM conversation_messages m \
             JOIN conversations c ON c.workspace_id = m.workspace_id AND c.id = m.conversation_id \
             LEFT JOIN customers cu ON cu.workspace_id = c.workspace_id AND cu.id = c.customer_id \
             WHERE m.send_state = 'pending' AND m.mail_claimed_until <= $1 \
             ORDER BY m.at LIMIT $2",
        )
        .bind(to_micros(now))
        .bind(i64::from(limit.max(1)))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut claimed = Vec::with_capacity(rows.len());
        for row in &rows {
            let ws: Uuid = get(row, "workspace_id")?;
            let conversation: Uuid = get(row, "conversation_id")?;
            let id: Uuid = get(row, "id")?;
            let done = sqlx::query(
                "UPDATE conversation_messages SET mail_claimed_until = $1, \
                 mail_attempts = mail_attempts + 1 WHERE workspace_id = $2 \
                 AND conversation_id = $3 AND id = $4 AND send_state = 'pending' \
                 AND mail_claimed_until <= $5",
            )
            .bind(to_micros(lease_until))
            .bind(ws)
            .bind(conversation)
            .bind(id)
            .bind(to_micros(now))
            .execute(self.pool())
            .await
            .map_err(db)?;
            if done.rows_affected() != 1 {
                continue;
            }
            let locale = get::<Option<String>>(row, "customer_locale")?
                .or(get::<Option<String>>(row, "conversation_locale")?)
                .and_then(|l| d::Locale::from_tag(&l));
            let attempts: i64 = get(row, "mail_attempts")?;
            claimed.push(MailReplyDue {
                workspace_id: d::WorkspaceId(ws),
                conversation_id: d::ConversationId(conversation),
                message_id: d::ConversationMessageId(id),
                subject: get(row, "subject")?,
                body: get(row, "body")?,
                author: get(row, "author")?,
                customer_id: get::<Option<Uuid>>(row, "customer_id")?.map(d::CustomerId),
                to_email: get(row, "email")?,
                to_name: get(row, "name")?,
                locale,
                at: time(row, "at")?,
                attempts: u32::try_from(attempts + 1).unwrap_or(u32::MAX),
            });
        }
        Ok(claimed)
    }

    async fn mark_mail_reply_sent(&self, ws: d::WorkspaceId, mail: &MailRecord) -> StoreResult<()> {
        let w = ws.as_uuid();
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query(
            "UPDATE conversation_messages SET send_state = 'sent' WHERE workspace_id = $1 \
             AND conversation_id = $2 AND id = $3",
        )
        .bind(w)
        .bind(mail.conversation_id.as_uuid())
        .bind(mail.message_id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        sqlx::query(
            "INSERT INTO mail_messages (workspace_id, rfc_message_id, conversation_id, \
             message_id, direction, address, no_reply, at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8) \
             ON CONFLICT (workspace_id, rfc_message_id) DO NOTHING",
        )
        .bind(w)
        .bind(&mail.rfc_message_id)
        .bind(mail.conversation_id.as_uuid())
        .bind(mail.message_id.as_uuid())
        .bind(mail.direction.as_str())
        .bind(&mail.address)
        .bind(mail.no_reply.as_deref())
        .bind(to_micros(mail.at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(())
    }

    async fn mark_mail_reply_failed(
        &self,
        ws: d::WorkspaceId,
        conversation: d::ConversationId,
        message: d::ConversationMessageId,
    ) -> StoreResult<()> {
        sqlx::query(
            "UPDATE conversation_messages SET send_state = 'failed' WHERE workspace_id = $1 \
             AND conversation_id = $2 AND id = $3 AND send_state = 'pending'",
        )
        .bind(ws.as_uuid())
        .bind(conversation.as_uuid())
        .bind(message.as_uuid())
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }
}
