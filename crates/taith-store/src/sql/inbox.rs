//! The inbox ([`InboxStore`]).
//!
//! - The shown status (a passed snooze reads as open) and the last activity (the newest
//!   message, else the creation) are computed in the list's SQL, so the filters and the
//!   cursor use them; the worker's [`wake_snoozed`](InboxStore::wake_snoozed) writes passed
//!   snoozes back as open in one statement.
//! - A member's change first touches the row (`UPDATE … SET updated_at = updated_at`), which
//!   takes its row lock on PostgreSQL, then reads and writes it: two changes at once apply one
//!   after the other, never one over the other's read.
//! - Canned replies keep one nullable body column per locale.

use super::conversations::{conversation_in, conversation_row, like_escaped};
use super::{Backend as _, Conn, DbRow, This, db, get, opt_time, page, parse_col};
use super::{sql_limit, time, to_micros, unique_is};
use async_trait::async_trait;
use std::collections::BTreeMap;
use taith_domain as d;
use taith_store::{
    Assigned, ConflictKind, InboxChange, InboxCounts, InboxCursor, InboxFilter, InboxItem,
    InboxStore, Page, PageRequest, StoreError, StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

const LIST: &str = include_str!("inbox/list.sql");

macro_rules! canned_columns {
    () => {
        "id, title, shortcut, body_en, body_cy, body_ms, body_sw, body_ar, body_vi, created_at, \
         updated_at"
    };
}

fn body_column(l: d::Locale) -> &'static str {
    match l {
        d::Locale::En => "body_en",
        d::Locale::Cy => "body_cy",
        d::Locale::Ms => "body_ms",
        d::Locale::Sw => "body_sw",
        d::Locale::Ar => "body_ar",
        d::Locale::Vi => "body_vi",
    }
}

fn inbox_row(row: &DbRow) -> StoreResult<InboxItem> {
    Ok(InboxItem {
        conversation: conversation_row(row)?,
        priority: parse_col(row, "priority")?,
        snoozed_until: opt_time(row, "snoozed_until")?,
        last_activity_at: time(row, "activity")?,
    })
}

fn canned_row(row: &DbRow) -> StoreResult<d::CannedReply> {
    let mut bodies = BTreeMap::new();
    for l in d::Locale::ALL {
        if let Some(b) = get::<Option<String>>(row, body_column(l))? {
            bodies.insert(l, b);
        }
    }
    Ok(d::CannedReply {
        id: d::CannedReplyId(get(row, "id")?),
        title: get(row, "title")?,
        shortcut: get(row, "shortcut")?,
        bodies,
        created_at: time(row, "created_at")?,
        updated_at: time(row, "updated_at")?,
    })
}

fn note_row(row: &DbRow) -> StoreResult<d::ConversationNote> {
    Ok(d::ConversationNote {
        id: d::ConversationNoteId(get(row, "id")?),
        conversation_id: d::ConversationId(get(row, "conversation_id")?),
        author_id: get::<Option<Uuid>>(row, "author_id")?.map(d::UserId),
        author: get(row, "author")?,
        at: time(row, "at")?,
        body: get(row, "body")?,
    })
}

/// One conversation as the inbox shows it (the list's columns, without the shown status).
async fn item_in(conn: &mut Conn, ws: Uuid, id: Uuid) -> StoreResult<InboxItem> {
    let row = sqlx::query(
        "SELECT c.id, c.external_id, c.channel, c.status, c.subject, c.customer_id, \
         c.assignee_id, c.agent, c.team, c.tags, c.satisfaction, c.locale, c.touchpoint_id, \
         c.created_at, c.first_reply_at, c.resolved_at, c.reopens, c.updated_at, c.priority, \
         c.snoozed_until, COALESCE((SELECT MAX(m.at) FROM conversation_messages m \
         WHERE m.workspace_id = c.workspace_id AND m.conversation_id = c.id), c.created_at) \
         AS activity FROM conversations c WHERE c.workspace_id = $1 AND c.id = $2",
    )
    .bind(ws)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?
    .ok_or(StoreError::NotFound)?;
    inbox_row(&row)
}

/// The stored fields of a conversation after a member's change.
struct Changed {
    status: d::ConversationStatus,
    snoozed_until: Option<OffsetDateTime>,
    resolved_at: Option<OffsetDateTime>,
    reopens: u32,
    assignee: Option<d::UserId>,
    agent: Option<String>,
    team: Option<String>,
    priority: d::Priority,
    tags: Vec<String>,
}

fn apply(item: &InboxItem, change: &InboxChange, now: OffsetDateTime) -> Changed {
    let c = &item.conversation;
    let mut out = Changed {
        status: c.status,
        snoozed_until: item.snoozed_until,
        resolved_at: c.resolved_at,
        reopens: c.reopens,
        assignee: c.assignee,
        agent: c.agent.clone(),
        team: c.team.clone(),
        priority: item.priority,
        tags: c.tags.clone(),
    };
    if let Some(s) = change.status {
        let to = s.status();
        let was_resolved = c.status == d::ConversationStatus::Resolved;
        if to == d::ConversationStatus::Resolved {
            out.resolved_at = if was_resolved {
                c.resolved_at.or(Some(now))
            } else {
                Some(now)
            };
        } else if was_resolved {
            out.resolved_at = None;
            out.reopens = c.reopens.saturating_add(1);
        }
        out.status = to;
        out.snoozed_until = s.snoozed_until();
    }
    if let Some(a) = &change.assignee {
        out.assignee = a.as_ref().map(|(id, _)| *id);
        out.agent = a.as_ref().map(|(_, name)| name.clone());
    }
    if let Some(t) = &change.team {
        out.team = t.clone();
    }
    if let Some(p) = change.priority {
        out.priority = p;
    }
    if let Some(l) = &change.labels {
        out.tags = l.clone();
    }
    out
}

async fn canned_in(conn: &mut Conn, ws: Uuid, id: Uuid) -> StoreResult<d::CannedReply> {
    let row = sqlx::query(concat!(
        "SELECT ",
        canned_columns!(),
        " FROM canned_replies WHERE workspace_id = $1 AND id = $2"
    ))
    .bind(ws)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?
    .ok_or(StoreError::NotFound)?;
    canned_row(&row)
}

fn body_of(f: &d::CannedReplyFields, l: d::Locale) -> Option<&str> {
    f.bodies.get(&l).map(String::as_str)
}

#[async_trait]
impl InboxStore for This {
    async fn inbox(
        &self,
        ws: d::WorkspaceId,
        f: &InboxFilter,
        now: OffsetDateTime,
        page_req: PageRequest<InboxCursor>,
    ) -> StoreResult<Page<InboxItem, InboxCursor>> {
        let statuses = if f.statuses.is_empty() {
            String::new()
        } else {
            let list: Vec<&str> = f.statuses.iter().map(|s| s.as_str()).collect();
            format!(",{},", list.join(","))
        };
        let (assigned, member) = match f.assigned {
            Assigned::Anyone => ("any", None),
            Assigned::Unassigned => ("none", None),
            Assigned::Member(m) => ("member", Some(m.as_uuid())),
        };
        let label = f
            .label
            .as_ref()
            .map(|t| serde_json::to_string(t).map(|j| like_escaped(&j)))
            .transpose()
            .map_err(|e| StoreError::internal_from("encoding a label", e))?;
        let rows = sqlx::query(LIST)
            .bind(ws.as_uuid())
            .bind(to_micros(now))
            .bind(statuses)
            .bind(assigned)
            .bind(member)
            .bind(f.team.as_deref())
            .bind(f.channel.map(|c| c.as_str()))
            .bind(label)
            .bind(f.priority.map(|p| p.as_str()))
            .bind(page_req.after.map(|c| c.activity_micros))
            .bind(page_req.after.map(|c| c.id.as_uuid()))
            .bind(sql_limit(page_req.limit))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        let items = rows
            .iter()
            .map(inbox_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |i| InboxCursor {
            activity_micros: to_micros(i.last_activity_at),
            id: i.conversation.id,
        }))
    }

    async fn inbox_item(
        &self,
        ws: d::WorkspaceId,
        id: d::ConversationId,
    ) -> StoreResult<InboxItem> {
        let mut conn = self.pool().acquire().await.map_err(db)?;
        item_in(&mut conn, ws.as_uuid(), id.as_uuid()).await
    }

    async fn inbox_counts(
        &self,
        ws: d::WorkspaceId,
        member: Option<d::UserId>,
        now: OffsetDateTime,
    ) -> StoreResult<InboxCounts> {
        let rows = sqlx::query(
            "SELECT shown_status, COUNT(*) AS n, \
             CAST(SUM(CASE WHEN assignee_id = $3 THEN 1 ELSE 0 END) AS BIGINT) AS mine, \
             CAST(SUM(CASE WHEN assignee_id IS NULL THEN 1 ELSE 0 END) AS BIGINT) AS unassigned \
             FROM (SELECT assignee_id, CASE WHEN status = 'snoozed' \
             AND snoozed_until IS NOT NULL AND snoozed_until <= $2 THEN 'open' ELSE status END \
             AS shown_status FROM conversations WHERE workspace_id = $1) t \
             GROUP BY shown_status",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(now))
        .bind(member.map(|m| m.as_uuid()))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        let mut counts = InboxCounts::default();
        for r in &rows {
            let status: d::ConversationStatus = parse_col(r, "shown_status")?;
            let n = u64::try_from(get::<i64>(r, "n")?).unwrap_or(0);
            let mine = u64::try_from(get::<Option<i64>>(r, "mine")?.unwrap_or(0)).unwrap_or(0);
            let unassigned =
                u64::try_from(get::<Option<i64>>(r, "unassigned")?.unwrap_or(0)).unwrap_or(0);
            match status {
                d::ConversationStatus::Open => counts.open = n,
                d::ConversationStatus::Pending => counts.pending = n,
                d::ConversationStatus::Snoozed => counts.snoozed = n,
                d::ConversationStatus::Resolved => counts.resolved = n,
            }
            if status != d::ConversationStatus::Resolved {
                counts.mine += mine;
                counts.unassigned += unassigned;
            }
        }
        Ok(counts)
    }

    async fn change_conversation(
        &self,
        ws: d::WorkspaceId,
        id: d::ConversationId,
        change: &InboxChange,
        now: OffsetDateTime,
    ) -> StoreResult<InboxItem> {
        let (w, i) = (ws.as_uuid(), id.as_uuid());
        let mut tx = self.begin_write().await.map_err(db)?;
        let touched = sqlx::query(
            "UPDATE conversations SET updated_at = updated_at WHERE workspace_id = $1 AND id = $2",
        )
        .bind(w)
        .bind(i)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        if touched.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let item = item_in(&mut tx, w, i).await?;
        let n = apply(&item, change, now);
        let tags = serde_json::to_string(&n.tags)
            .map_err(|e| StoreError::internal_from("encoding labels", e))?;
        sqlx::query(
            "UPDATE conversations SET status = $3, snoozed_until = $4, resolved_at = $5, \
             reopens = $6, assignee_id = $7, agent = $8, team = $9, priority = $10, tags = $11, \
             updated_at = $12 WHERE workspace_id = $1 AND id = $2",
        )
        .bind(w)
        .bind(i)
        .bind(n.status.as_str())
        .bind(n.snoozed_until.map(to_micros))
        .bind(n.resolved_at.map(to_micros))
        .bind(i64::from(n.reopens))
        .bind(n.assignee.map(|a| a.as_uuid()))
        .bind(n.agent.as_deref())
        .bind(n.team.as_deref())
        .bind(n.priority.as_str())
        .bind(tags)
        .bind(to_micros(now))
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        let item = item_in(&mut tx, w, i).await?;
        tx.commit().await.map_err(db)?;
        Ok(item)
    }

    async fn add_conversation_note(
        &self,
        ws: d::WorkspaceId,
        id: d::ConversationId,
        author_id: Option<d::UserId>,
        author: &str,
        body: &str,
        at: OffsetDateTime,
    ) -> StoreResult<d::ConversationNote> {
        let (w, i) = (ws.as_uuid(), id.as_uuid());
        let mut tx = self.begin_write().await.map_err(db)?;
        conversation_in(&mut tx, w, i).await?;
        let note_id = d::ConversationNoteId::new();
        sqlx::query(
            "INSERT INTO conversation_notes (workspace_id, conversation_id, id, author_id, \
             author, at, body) VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(w)
        .bind(i)
        .bind(note_id.as_uuid())
        .bind(author_id.map(|a| a.as_uuid()))
        .bind(author)
        .bind(to_micros(at))
        .bind(body)
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        Ok(d::ConversationNote {
            id: note_id,
            conversation_id: id,
            author_id,
            author: author.to_owned(),
            at: super::truncate(at),
            body: body.to_owned(),
        })
    }

    async fn conversation_notes(
        &self,
        ws: d::WorkspaceId,
        id: d::ConversationId,
    ) -> StoreResult<Vec<d::ConversationNote>> {
        let mut tx = self.begin_read().await.map_err(db)?;
        conversation_in(&mut tx, ws.as_uuid(), id.as_uuid()).await?;
        let rows = sqlx::query(
            "SELECT conversation_id, id, author_id, author, at, body FROM conversation_notes \
             WHERE workspace_id = $1 AND conversation_id = $2 ORDER BY at, id",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)?;
        rows.iter().map(note_row).collect()
    }

    async fn wake_snoozed(&self, now: OffsetDateTime) -> StoreResult<u64> {
        let done = sqlx::query(
            "UPDATE conversations SET status = 'open', snoozed_until = NULL, updated_at = $1 \
             WHERE status = 'snoozed' AND snoozed_until IS NOT NULL AND snoozed_until <= $1",
        )
        .bind(to_micros(now))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(done.rows_affected())
    }

    async fn create_canned_reply(
        &self,
        ws: d::WorkspaceId,
        f: &d::CannedReplyFields,
        now: OffsetDateTime,
    ) -> StoreResult<d::CannedReply> {
        let id = d::CannedReplyId::new();
        let mut tx = self.begin_write().await.map_err(db)?;
        sqlx::query(
            "INSERT INTO canned_replies (workspace_id, id, title, shortcut, body_en, body_cy, \
             body_ms, body_sw, body_ar, body_vi, created_at, updated_at) \
             VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $11)",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(f.title.as_str())
        .bind(f.shortcut.as_deref())
        .bind(body_of(f, d::Locale::En))
        .bind(body_of(f, d::Locale::Cy))
        .bind(body_of(f, d::Locale::Ms))
        .bind(body_of(f, d::Locale::Sw))
        .bind(body_of(f, d::Locale::Ar))
        .bind(body_of(f, d::Locale::Vi))
        .bind(to_micros(now))
        .execute(&mut *tx)
        .await
        .map_err(|e| match &e {
            sqlx::Error::Database(de) if de.is_foreign_key_violation() => StoreError::NotFound,
            _ => unique_is(ConflictKind::ShortcutTaken)(e),
        })?;
        let c = canned_in(&mut tx, ws.as_uuid(), id.as_uuid()).await?;
        tx.commit().await.map_err(db)?;
        Ok(c)
    }

    async fn update_canned_reply(
        &self,
        ws: d::WorkspaceId,
        id: d::CannedReplyId,
        f: &d::CannedReplyFields,
        now: OffsetDateTime,
    ) -> StoreResult<d::CannedReply> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query(
            "UPDATE canned_replies SET title = $3, shortcut = $4, body_en = $5, body_cy = $6, \
             body_ms = $7, body_sw = $8, body_ar = $9, body_vi = $10, updated_at = $11 \
             WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .bind(f.title.as_str())
        .bind(f.shortcut.as_deref())
        .bind(body_of(f, d::Locale::En))
        .bind(body_of(f, d::Locale::Cy))
        .bind(body_of(f, d::Locale::Ms))
        .bind(body_of(f, d::Locale::Sw))
        .bind(body_of(f, d::Locale::Ar))
        .bind(body_of(f, d::Locale::Vi))
        .bind(to_micros(now))
        .execute(&mut *tx)
        .await
        .map_err(unique_is(ConflictKind::ShortcutTaken))?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        let c = canned_in(&mut tx, ws.as_uuid(), id.as_uuid()).await?;
        tx.commit().await.map_err(db)?;
        Ok(c)
    }

    async fn delete_canned_reply(
        &self,
        ws: d::WorkspaceId,
        id: d::CannedReplyId,
    ) -> StoreResult<()> {
        let done = sqlx::query("DELETE FROM canned_replies WHERE workspace_id = $1 AND id = $2")
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

    async fn canned_reply(
        &self,
        ws: d::WorkspaceId,
        id: d::CannedReplyId,
    ) -> StoreResult<d::CannedReply> {
        let mut conn = self.pool().acquire().await.map_err(db)?;
        canned_in(&mut conn, ws.as_uuid(), id.as_uuid()).await
    }

    async fn canned_replies(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::CannedReply>> {
        let rows = sqlx::query(concat!(
            "SELECT ",
            canned_columns!(),
            " FROM canned_replies WHERE workspace_id = $1 ORDER BY title, id"
        ))
        .bind(ws.as_uuid())
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(canned_row).collect()
    }
}
