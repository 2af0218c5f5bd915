//! Conversations and the customer lifecycle ([`ConversationStore`]).
//!
//! - Idempotency by the help desk's id: the unique index `conversations_by_external_id` is
//!   the rule. A save looks the external id up in its write transaction and updates in place;
//!   on PostgreSQL a concurrent first save of the same id loses on the unique index and the
//!   whole batch is retried, so it finds the winner's row.
//! - Tags are a JSON array of strings in one column; the tag filter is a `LIKE` on the tag's
//!   JSON string (its `%`, `_` and `\` escaped).
//! - A message and what it changes (first reply, reopening) are one transaction.

use super::{Backend as _, Conn, DbRow, This, corrupt, db, get, opt_time, page, parse_col};
use super::{sql_limit, time, to_micros};
use async_trait::async_trait;
use taith_domain as d;
use taith_store::{
    ConversationFilter, ConversationStore, ConversationToStore, CustomerSpan, MessageToStore, Page,
    PageRequest, StoreError, StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

const LIST: &str = include_str!("conversations/list.sql");

macro_rules! columns {
    () => {
        "id, external_id, channel, status, subject, customer_id, assignee_id, agent, team, tags, \
         satisfaction, locale, touchpoint_id, created_at, first_reply_at, resolved_at, reopens, \
         updated_at"
    };
}

pub(super) fn conversation_row(row: &DbRow) -> StoreResult<d::Conversation> {
    let tags: String = get(row, "tags")?;
    let tags: Vec<String> = serde_json::from_str(&tags).map_err(|_| corrupt("tags", &tags))?;
    let locale = get::<Option<String>>(row, "locale")?
        .map(|l| d::Locale::from_tag(&l).ok_or_else(|| corrupt("locale", &l)))
        .transpose()?;
    let satisfaction = get::<Option<i64>>(row, "satisfaction")?
        .map(|s| u8::try_from(s).map_err(|_| corrupt("satisfaction", &s.to_string())))
        .transpose()?;
    let reopens: i64 = get(row, "reopens")?;
    Ok(d::Conversation {
        id: d::ConversationId(get(row, "id")?),
        external_id: get(row, "external_id")?,
        channel: parse_col(row, "channel")?,
        status: parse_col(row, "status")?,
        subject: get(row, "subject")?,
        customer_id: get::<Option<Uuid>>(row, "customer_id")?.map(d::CustomerId),
        assignee: get::<Option<Uuid>>(row, "assignee_id")?.map(d::UserId),
        agent: get(row, "agent")?,
        team: get(row, "team")?,
        tags,
        satisfaction,
        locale,
        touchpoint_id: get::<Option<Uuid>>(row, "touchpoint_id")?.map(d::TouchpointId),
        created_at: time(row, "created_at")?,
        first_reply_at: opt_time(row, "first_reply_at")?,
        resolved_at: opt_time(row, "resolved_at")?,
        reopens: u32::try_from(reopens).map_err(|_| corrupt("reopens", &reopens.to_string()))?,
        updated_at: time(row, "updated_at")?,
    })
}

fn message_row(row: &DbRow) -> StoreResult<d::ConversationMessage> {
    Ok(d::ConversationMessage {
        id: d::ConversationMessageId(get(row, "id")?),
        conversation_id: d::ConversationId(get(row, "conversation_id")?),
        direction: parse_col(row, "direction")?,
        author: get(row, "author")?,
        author_id: get::<Option<Uuid>>(row, "author_id")?.map(d::UserId),
        at: time(row, "at")?,
        body: get(row, "body")?,
    })
}

fn span_row(row: &DbRow) -> StoreResult<CustomerSpan> {
    Ok(CustomerSpan {
        customer_id: d::CustomerId(get(row, "id")?),
        started_at: opt_time(row, "started_at")?,
        ended_at: opt_time(row, "ended_at")?,
    })
}

pub(super) async fn conversation_in(
    conn: &mut Conn,
    ws: Uuid,
    id: Uuid,
) -> StoreResult<d::Conversation> {
    let row = sqlx::query(concat!(
        "SELECT ",
        columns!(),
        " FROM conversations WHERE workspace_id = $1 AND id = $2"
    ))
    .bind(ws)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?
    .ok_or(StoreError::NotFound)?;
    conversation_row(&row)
}

async fn insert_message(
    conn: &mut Conn,
    ws: Uuid,
    conversation: Uuid,
    m: &MessageToStore,
) -> StoreResult<d::ConversationMessage> {
    let id = d::ConversationMessageId::new();
    sqlx::query(
        "INSERT INTO conversation_messages (workspace_id, conversation_id, id, direction, author, \
         author_id, at, body) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
    )
    .bind(ws)
    .bind(conversation)
    .bind(id.as_uuid())
    .bind(m.direction.as_str())
    .bind(m.author.as_deref())
    .bind(m.author_id.map(|u| u.as_uuid()))
    .bind(to_micros(m.at))
    .bind(m.body.as_str())
    .execute(&mut *conn)
    .await
    .map_err(db)?;
    Ok(d::ConversationMessage {
        id,
        conversation_id: d::ConversationId(conversation),
        direction: m.direction,
        author: m.author.clone(),
        author_id: m.author_id,
        at: super::truncate(m.at),
        body: m.body.clone(),
    })
}

/// One attempt at saving one conversation. `None`: lost a race for its external id.
pub(super) async fn save_in(
    conn: &mut Conn,
    ws: Uuid,
    c: &ConversationToStore,
    now: OffsetDateTime,
) -> StoreResult<Option<(d::Conversation, bool)>> {
    let existing: Option<Uuid> = match &c.external_id {
        Some(ext) => {
            sqlx::query("SELECT id FROM conversations WHERE workspace_id = $1 AND external_id = $2")
                .bind(ws)
                .bind(ext.as_str())
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?
                .map(|r| get::<Uuid>(&r, "id"))
                .transpose()?
        }
        None => None,
    };
    let tags = serde_json::to_string(&c.tags)
        .map_err(|e| StoreError::internal_from("encoding tags", e))?;
    let created = existing.is_none();
    let id = existing.unwrap_or_else(|| d::ConversationId::new().as_uuid());
    let sql = if created {
        "INSERT INTO conversations (workspace_id, id, external_id, channel, status, subject, \
         customer_id, assignee_id, agent, team, tags, satisfaction, locale, touchpoint_id, \
         created_at, first_reply_at, resolved_at, reopens, updated_at) VALUES ($1, $2, $3, $4, \
         $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19) \
         ON CONFLICT DO NOTHING"
    } else {
        "UPDATE conversations SET external_id = $3, channel = $4, status = $5, subject = $6, \
         customer_id = $7, assignee_id = $8, agent = $9, team = $10, tags = $11, \
         satisfaction = $12, locale = $13, touchpoint_id = $14, created_at = $15, \
         first_reply_at = $16, resolved_at = $17, reopens = $18, updated_at = $19 \
         WHERE workspace_id = $1 AND id = $2"
    };
    let done = sqlx::query(sql)
        .bind(ws)
        .bind(id)
        .bind(c.external_id.as_deref())
        .bind(c.channel.as_str())
        .bind(c.status.as_str())
        .bind(c.subject.as_str())
        .bind(c.customer_id.map(|x| x.as_uuid()))
        .bind(c.assignee.map(|x| x.as_uuid()))
        .bind(c.agent.as_deref())
        .bind(c.team.as_deref())
        .bind(tags)
        .bind(c.satisfaction.map(i64::from))
        .bind(c.locale.map(|l| l.tag()))
        .bind(c.touchpoint_id.map(|x| x.as_uuid()))
        .bind(to_micros(c.created_at))
        .bind(c.first_reply_at.map(to_micros))
        .bind(c.resolved_at.map(to_micros))
        .bind(i64::from(c.reopens))
        .bind(to_micros(now))
        .execute(&mut *conn)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => db(e),
        })?;
    if done.rows_affected() == 0 {
        return Ok(None);
    }
    if !c.messages.is_empty() {
        sqlx::query(
            "DELETE FROM conversation_messages WHERE workspace_id = $1 AND conversation_id = $2",
        )
        .bind(ws)
        .bind(id)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        for m in &c.messages {
            insert_message(conn, ws, id, m).await?;
        }
    }
    Ok(Some((conversation_in(conn, ws, id).await?, created)))
}

pub(super) fn like_escaped(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('%');
    for ch in s.chars() {
        if matches!(ch, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(ch);
    }
    out.push('%');
    out
}

/// Adds a message and what it changes (first reply, reopening), within the caller's write
/// transaction (the inbox's replies use it too).
pub(super) async fn add_message_in(
    tx: &mut Conn,
    w: Uuid,
    id: Uuid,
    m: &MessageToStore,
) -> StoreResult<(d::Conversation, d::ConversationMessage)> {
    let c = conversation_in(tx, w, id).await?;
    let message = insert_message(tx, w, id, m).await?;
    let reopen =
        m.direction == d::MessageDirection::In && c.status == d::ConversationStatus::Resolved;
    // A customer writing to a snoozed conversation wakes it (the inbox's rule; no reopening).
    let wake = m.direction == d::MessageDirection::In && c.status == d::ConversationStatus::Snoozed;
    let first_reply = m.direction == d::MessageDirection::Out
        && !m.automatic
        && c.first_reply_at.is_none()
        && m.at >= c.created_at;
    sqlx::query(
        "UPDATE conversations SET \
         status = CASE WHEN $3 = 1 OR $7 = 1 THEN 'open' ELSE status END, \
         snoozed_until = CASE WHEN $7 = 1 THEN NULL ELSE snoozed_until END, \
         resolved_at = CASE WHEN $3 = 1 THEN NULL ELSE resolved_at END, \
         reopens = reopens + $3, \
         first_reply_at = CASE WHEN $4 = 1 THEN $5 ELSE first_reply_at END, \
         updated_at = $6 WHERE workspace_id = $1 AND id = $2",
    )
    .bind(w)
    .bind(id)
    .bind(i64::from(reopen))
    .bind(i64::from(first_reply))
    .bind(to_micros(m.at))
    .bind(to_micros(d::now()))
    .bind(i64::from(wake))
    .execute(&mut *tx)
    .await
    .map_err(db)?;
    let c = conversation_in(tx, w, id).await?;
    Ok((c, message))
}

#[async_trait]
impl ConversationStore for This {
    async fn save_conversations(
        &self,
        ws: d::WorkspaceId,
        conversations: &[ConversationToStore],
    ) -> StoreResult<Vec<(d::Conversation, bool)>> {
        let now = d::now();
        'attempt: for _ in 0..3 {
            let mut tx = self.begin_write().await.map_err(db)?;
            let mut out = Vec::with_capacity(conversations.len());
            for c in conversations {
                match save_in(&mut tx, ws.as_uuid(), c, now).await? {
                    Some(saved) => out.push(saved),
                    None => continue 'attempt,
                }
            }
            tx.commit().await.map_err(db)?;
            return Ok(out);
        }
        Err(StoreError::internal(
            "save_conversations lost three races in a row",
        ))
    }

    async fn conversation(
        &self,
        ws: d::WorkspaceId,
        id: d::ConversationId,
    ) -> StoreResult<d::Conversation> {
        let mut conn = self.pool().acquire().await.map_err(db)?;
        conversation_in(&mut conn, ws.as_uuid(), id.as_uuid()).await
    }

    async fn conversation_messages(
        &self,
        ws: d::WorkspaceId,
        id: d::ConversationId,
    ) -> StoreResult<Vec<d::ConversationMessage>> {
        let mut tx = self.begin_read().await.map_err(db)?;
        conversation_in(&mut tx, ws.as_uuid(), id.as_uuid()).await?;
        let rows = sqlx::query(
            "SELECT conversation_id, id, direction, author, author_id, at, body \
             FROM conversation_messages WHERE workspace_id = $1 AND conversation_id = $2 \
             ORDER BY at, id",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        rows.iter().map(message_row).collect()
    }

    async fn conversations(
        &self,
        ws: d::WorkspaceId,
        f: &ConversationFilter,
        page_req: PageRequest<d::ConversationId>,
    ) -> StoreResult<Page<d::Conversation, d::ConversationId>> {
        let statuses = if f.statuses.is_empty() {
            String::new()
        } else {
            let list: Vec<&str> = f.statuses.iter().map(|s| s.as_str()).collect();
            format!(",{},", list.join(","))
        };
        let tag = f
            .tag
            .as_ref()
            .map(|t| serde_json::to_string(t).map(|j| like_escaped(&j)))
            .transpose()
            .map_err(|e| StoreError::internal_from("encoding a tag", e))?;
        let rows = sqlx::query(LIST)
            .bind(ws.as_uuid())
            .bind(page_req.after.map(|a| a.as_uuid()))
            .bind(statuses)
            .bind(f.channel.map(|c| c.as_str()))
            .bind(f.customer.map(|c| c.as_uuid()))
            .bind(f.assignee.map(|c| c.as_uuid()))
            .bind(f.team.as_deref())
            .bind(tag)
            .bind(f.created.map(|(a, _)| to_micros(a)))
            .bind(f.created.map(|(_, b)| to_micros(b)))
            .bind(sql_limit(page_req.limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let items = rows
            .iter()
            .map(conversation_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |c| c.id))
    }

    async fn add_conversation_message(
        &self,
        ws: d::WorkspaceId,
        id: d::ConversationId,
        m: &MessageToStore,
    ) -> StoreResult<(d::Conversation, d::ConversationMessage)> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let added = add_message_in(&mut tx, ws.as_uuid(), id.as_uuid(), m).await?;
        tx.commit().await.map_err(db)?;
        Ok(added)
    }

    async fn record_lifecycle(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
        kind: d::LifecycleKind,
        at: OffsetDateTime,
    ) -> StoreResult<CustomerSpan> {
        let w = ws.as_uuid();
        let mut tx = self.begin_write().await.map_err(db)?;
        let sql = match kind {
            d::LifecycleKind::Started => {
                "UPDATE customers SET started_at = $3, ended_at = NULL \
                 WHERE workspace_id = $1 AND id = $2"
            }
            d::LifecycleKind::Renewed => {
                "UPDATE customers SET started_at = COALESCE(started_at, $3), ended_at = NULL \
                 WHERE workspace_id = $1 AND id = $2"
            }
            d::LifecycleKind::Ended => {
                "UPDATE customers SET ended_at = $3 WHERE workspace_id = $1 AND id = $2"
            }
        };
        let done = sqlx::query(sql)
            .bind(w)
            .bind(customer.as_uuid())
            .bind(to_micros(at))
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        sqlx::query(
            "INSERT INTO customer_lifecycle (workspace_id, customer_id, id, kind, at) \
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(w)
        .bind(customer.as_uuid())
        .bind(Uuid::now_v7())
        .bind(kind.as_str())
        .bind(to_micros(at))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let row = sqlx::query(
            "SELECT id, started_at, ended_at FROM customers WHERE workspace_id = $1 AND id = $2",
        )
        .bind(w)
        .bind(customer.as_uuid())
        .fetch_one(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        span_row(&row)
    }

    async fn customer_spans(&self, ws: d::WorkspaceId) -> StoreResult<Vec<CustomerSpan>> {
        let rows = sqlx::query(
            "SELECT id, started_at, ended_at FROM customers \
             WHERE workspace_id = $1 AND started_at IS NOT NULL ORDER BY id",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(span_row).collect()
    }

    async fn customer_span(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
    ) -> StoreResult<CustomerSpan> {
        let row = sqlx::query(
            "SELECT id, started_at, ended_at FROM customers WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(customer.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        span_row(&row)
    }

    async fn lifecycle_events(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
    ) -> StoreResult<Vec<d::LifecycleEvent>> {
        let rows = sqlx::query(
            "SELECT kind, at FROM customer_lifecycle WHERE workspace_id = $1 AND customer_id = $2 \
             ORDER BY at, id",
        )
        .bind(ws.as_uuid())
        .bind(customer.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                Ok(d::LifecycleEvent {
                    customer_id: customer,
                    kind: parse_col(r, "kind")?,
                    at: time(r, "at")?,
                })
            })
            .collect()
    }

    async fn customer_scores(
        &self,
        ws: d::WorkspaceId,
    ) -> StoreResult<Vec<(d::CustomerId, d::SurveyId, i16, OffsetDateTime)>> {
        let rows = sqlx::query(
            "SELECT customer_id, survey_id, score, submitted_at FROM responses \
             WHERE workspace_id = $1 AND customer_id IS NOT NULL",
        )
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let score: i64 = get(r, "score")?;
                Ok((
                    d::CustomerId(get(r, "customer_id")?),
                    d::SurveyId(get(r, "survey_id")?),
                    i16::try_from(score).map_err(|_| corrupt("score", &score.to_string()))?,
                    time(r, "submitted_at")?,
                ))
            })
            .collect()
    }

    async fn customer_responses(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
    ) -> StoreResult<Vec<d::NewResponse>> {
        let rows = sqlx::query(
            "SELECT id FROM responses WHERE workspace_id = $1 AND customer_id = $2 \
             ORDER BY submitted_at, id",
        )
        .bind(ws.as_uuid())
        .bind(customer.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in &rows {
            let id = d::ResponseId(get(r, "id")?);
            match taith_store::ResponseStore::response(self, ws, id).await {
                Ok(resp) => out.push(resp),
                // Deleted in between.
                Err(StoreError::NotFound) => {}
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    async fn customer_invitations(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
    ) -> StoreResult<Vec<d::invitation::Invitation>> {
        let rows = sqlx::query(
            "SELECT id, survey_id, customer_id, locale, created_at, sent_at, reminder_days, \
             reminded_at FROM invitations WHERE workspace_id = $1 AND customer_id = $2 \
             ORDER BY created_at, id",
        )
        .bind(ws.as_uuid())
        .bind(customer.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(super::invitations::invitation_row)
            .collect()
    }

    async fn customer_events(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
        limit: u32,
    ) -> StoreResult<Vec<d::Event>> {
        let rows = sqlx::query(
            "SELECT id FROM events WHERE workspace_id = $1 AND customer_id = $2 \
             ORDER BY occurred_at DESC, id DESC LIMIT $3",
        )
        .bind(ws.as_uuid())
        .bind(customer.as_uuid())
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut out = Vec::with_capacity(rows.len());
        for r in rows.iter().rev() {
            let id = d::EventId(get(r, "id")?);
            out.push(taith_store::EventStore::event(self, ws, id).await?);
        }
        Ok(out)
    }

    async fn conversions_per_customer(
        &self,
        ws: d::WorkspaceId,
        from: OffsetDateTime,
        to: OffsetDateTime,
    ) -> StoreResult<Vec<(d::CustomerId, u64)>> {
        let rows = sqlx::query(
            "SELECT customer_id, COUNT(*) AS n FROM events WHERE workspace_id = $1 \
             AND type = 'conversion' AND customer_id IS NOT NULL \
             AND occurred_at >= $2 AND occurred_at < $3 GROUP BY customer_id",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(from))
        .bind(to_micros(to))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|r| {
                let n: i64 = get(r, "n")?;
                Ok((
                    d::CustomerId(get(r, "customer_id")?),
                    u64::try_from(n).unwrap_or(0),
                ))
            })
            .collect()
    }
}
