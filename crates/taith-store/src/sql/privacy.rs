//! Data subject requests and data retention ([`PrivacyStore`]).
//!
//! - `customer_records` reads every kind of record about a customer in one read transaction,
//!   each row turned into a JSON object column by column ([`row_json`]), so a column added to
//!   one of these tables is exported without anyone remembering to.
//! - `erase_customer` runs in one write transaction: killed halfway, nothing of it is
//!   committed and a rerun does it all. What it does to each table is
//!   [`taith_store::privacy::TABLES`]; docs/privacy.md says why.
//! - `expire_before` deletes in batches, each its own transaction, and logs deleted responses
//!   in `response_deletions` as `delete_response` does, so every node's analytics index stops
//!   counting them.

use super::{Backend as _, Conn, DbRow, This, db, from_micros, get, to_micros};
use async_trait::async_trait;
use serde_json::Value as Json;
use sqlx::{Column as _, Row as _};
use taith_domain as d;
use taith_store::{
    Customer, CustomerStore as _, Erasure, Expired, PrivacyStore, RecordsOfKind, StoreError,
    StoreResult,
};
use time::OffsetDateTime;
use uuid::Uuid;

/// The conversations that are the customer's: linked to them, or carrying mail from or a
/// chat begun with their address. `$1` workspace, `$2` customer, `$3` e-mail (or NULL).
macro_rules! conversations_of_customer {
    () => {
        "SELECT id FROM conversations WHERE workspace_id = $1 AND customer_id = $2 \
         UNION SELECT conversation_id FROM mail_messages WHERE workspace_id = $1 AND address = $3 \
         UNION SELECT conversation_id FROM chat_sessions \
         WHERE workspace_id = $1 AND email = $3 AND conversation_id IS NOT NULL"
    };
}

const CONVERSATIONS: &str = conversations_of_customer!();

/// Every kind of record about a customer and the query that reads it, with the parameters of
/// [`CONVERSATIONS`] (those that read by address use `$3`). Secrets (invitation and notice tokens, chat session
/// hashes) and attachment contents are left out: the former are keys, not data about the
/// customer; the latter are listed by name, type and size.
const KINDS: &[(&str, &str)] = &[
    (
        "customer",
        "SELECT * FROM customers WHERE workspace_id = $1 AND id = $2",
    ),
    (
        "responses",
        "SELECT * FROM responses WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY submitted_at, id",
    ),
    (
        "comment_analyses",
        "SELECT v.* FROM voc_comments v JOIN responses r \
         ON r.workspace_id = v.workspace_id AND r.id = v.response_id \
         WHERE v.workspace_id = $1 AND r.customer_id = $2 \
         ORDER BY v.response_id",
    ),
    (
        "events",
        "SELECT * FROM events WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY occurred_at, id",
    ),
    (
        "invitations",
        "SELECT id, survey_id, customer_id, locale, reminder_days, created_at, sent_at, \
         reminded_at, skipped_at, skip_reason FROM invitations \
         WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY created_at, id",
    ),
    (
        "consents",
        "SELECT * FROM consents WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY purpose",
    ),
    (
        "consent_history",
        "SELECT id, purpose, granted, source, changed_at FROM consent_changes \
         WHERE workspace_id = $1 AND customer_id = $2 ORDER BY changed_at, id",
    ),
    (
        "contact_asks",
        "SELECT * FROM contact_asks WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY asked_at, id",
    ),
    (
        "lifecycle",
        "SELECT * FROM customer_lifecycle WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY at, id",
    ),
    (
        "notices",
        "SELECT n.change_id, n.customer_id, n.locale, n.created_at, n.sent_at, \
         c.source_title, c.public_note FROM change_notices n JOIN changes c \
         ON c.workspace_id = n.workspace_id AND c.id = n.change_id \
         WHERE n.workspace_id = $1 AND n.customer_id = $2 \
         ORDER BY n.created_at",
    ),
    (
        "feature_request_votes",
        "SELECT request_id, customer_id, created_at FROM feature_request_votes \
         WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY created_at",
    ),
    (
        "feature_request_links",
        "SELECT * FROM feature_request_links WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY created_at",
    ),
    (
        "cases",
        "SELECT * FROM cases WHERE workspace_id = $1 AND customer_id = $2 \
         ORDER BY opened_at, id",
    ),
    (
        "case_log",
        "SELECT l.case_id, l.id, l.at, l.actor_name, l.kind, l.detail FROM case_log l \
         JOIN cases k ON k.workspace_id = l.workspace_id AND k.id = l.case_id \
         WHERE l.workspace_id = $1 AND k.customer_id = $2 \
         ORDER BY l.case_id, l.id",
    ),
    (
        "case_replies",
        "SELECT r.case_id, r.id, r.body, r.locale, r.to_email, r.to_name, r.created_at, \
         r.sent_at FROM case_replies r \
         JOIN cases k ON k.workspace_id = r.workspace_id AND k.id = r.case_id \
         WHERE r.workspace_id = $1 AND k.customer_id = $2 \
         ORDER BY r.created_at, r.id",
    ),
    (
        "conversations",
        concat!(
            "SELECT * FROM conversations WHERE workspace_id = $1 AND id IN (",
            conversations_of_customer!(),
            ") \
         ORDER BY created_at, id"
        ),
    ),
    (
        "conversation_messages",
        concat!(
            "SELECT conversation_id, id, direction, author, at, body FROM conversation_messages \
         WHERE workspace_id = $1 AND conversation_id IN (",
            conversations_of_customer!(),
            ") \
         ORDER BY at, id"
        ),
    ),
    (
        "conversation_notes",
        concat!(
            "SELECT conversation_id, id, author, at, body FROM conversation_notes \
         WHERE workspace_id = $1 AND conversation_id IN (",
            conversations_of_customer!(),
            ") \
         ORDER BY at, id"
        ),
    ),
    (
        "mail",
        concat!(
            "SELECT rfc_message_id, conversation_id, message_id, direction, address, at \
         FROM mail_messages WHERE workspace_id = $1 AND conversation_id IN (",
            conversations_of_customer!(),
            ") \
         ORDER BY at, rfc_message_id"
        ),
    ),
    (
        "mail_attachments",
        concat!(
            "SELECT a.rfc_message_id, a.position, a.name, a.content_type, a.size \
         FROM mail_attachments a JOIN mail_messages m \
         ON m.workspace_id = a.workspace_id AND m.rfc_message_id = a.rfc_message_id \
         WHERE a.workspace_id = $1 AND m.conversation_id IN (",
            conversations_of_customer!(),
            ") \
         ORDER BY a.rfc_message_id, a.position"
        ),
    ),
    (
        "chats",
        "SELECT id, conversation_id, locale, email, created_at FROM chat_sessions \
         WHERE workspace_id = $1 AND (email = $3 OR conversation_id IN (\
         SELECT id FROM conversations WHERE workspace_id = $1 AND customer_id = $2)) \
         ORDER BY created_at, id",
    ),
    (
        "bot_questions",
        concat!(
            "SELECT id, question, locale, source, asked_at, conversation_id FROM faq_gaps \
         WHERE workspace_id = $1 AND conversation_id IN (",
            conversations_of_customer!(),
            ") \
         ORDER BY asked_at, id"
        ),
    ),
];

/// The exported columns that hold a yes or no: SQLite stores them as 0 and 1, PostgreSQL as
/// booleans; the export says `true` and `false` for both.
const YES_NO_COLUMNS: &[&str] = &["granted", "success"];

/// Whether a column holds a time (unix microseconds), by the schema's naming.
fn is_time(column: &str) -> bool {
    column == "at"
        || column.ends_with("_at")
        || column.ends_with("_until")
        || column.ends_with("_due")
}

fn rfc3339(micros: i64) -> StoreResult<Json> {
    let t = from_micros(micros)?;
    t.format(&time::format_description::well_known::Rfc3339)
        .map(Json::String)
        .map_err(|e| StoreError::internal_from("formatting a stored time", e))
}

/// A column's value as JSON, by the type the database says the value has (SQLite's are per
/// value: a 16-byte text must not read as an id): ids as UUIDs, times as RFC 3339, text that is
/// a JSON object or array as that JSON.
fn column_json(row: &DbRow, i: usize, column: &str) -> StoreResult<Json> {
    use sqlx::{TypeInfo as _, ValueRef as _};
    let raw = row.try_get_raw(i).map_err(db)?;
    if raw.is_null() {
        return Ok(Json::Null);
    }
    let ty = raw.type_info().name().to_ascii_uppercase();
    match ty.as_str() {
        "UUID" | "BLOB" | "BYTEA" => match row.try_get::<Uuid, _>(i) {
            Ok(u) => Ok(Json::String(u.to_string())),
            Err(_) => {
                let bytes: Vec<u8> = row.try_get(i).map_err(db)?;
                Ok(Json::String(
                    bytes.iter().map(|b| format!("{b:02x}")).collect(),
                ))
            }
        },
        "INTEGER" | "INT8" | "BIGINT" => {
            let n: i64 = row.try_get(i).map_err(db)?;
            if is_time(column) {
                rfc3339(n)
            } else if YES_NO_COLUMNS.contains(&column) {
                Ok(Json::from(n != 0))
            } else {
                Ok(Json::from(n))
            }
        }
        "INT4" | "INT" | "INT2" => {
            let n: i32 = row.try_get(i).map_err(db)?;
            Ok(Json::from(n))
        }
        "BOOL" | "BOOLEAN" => Ok(Json::from(row.try_get::<bool, _>(i).map_err(db)?)),
        "REAL" | "FLOAT8" | "DOUBLE PRECISION" => {
            Ok(Json::from(row.try_get::<f64, _>(i).map_err(db)?))
        }
        "FLOAT4" => Ok(Json::from(f64::from(row.try_get::<f32, _>(i).map_err(db)?))),
        "TEXT" | "VARCHAR" => {
            let s: String = row.try_get(i).map_err(db)?;
            Ok(if s.starts_with('{') || s.starts_with('[') {
                serde_json::from_str(&s).unwrap_or(Json::String(s))
            } else {
                Json::String(s)
            })
        }
        _ => Err(StoreError::internal(format!(
            "column {column} has a type the export does not read: {ty}"
        ))),
    }
}

/// A row as a JSON object of its columns, the workspace id left out.
fn row_json(row: &DbRow) -> StoreResult<Json> {
    let mut object = serde_json::Map::new();
    for (i, column) in row.columns().iter().enumerate() {
        let name = column.name();
        if name == "workspace_id" {
            continue;
        }
        object.insert(name.to_owned(), column_json(row, i, name)?);
    }
    Ok(Json::Object(object))
}

/// `%text%` for LIKE … ESCAPE '\', the text's own wildcards escaped.
fn containing(text: &str) -> String {
    let mut pattern = String::with_capacity(text.len() + 2);
    pattern.push('%');
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            pattern.push('\\');
        }
        pattern.push(c);
    }
    pattern.push('%');
    pattern
}

/// The ids `sql` selects with `$1` the workspace, `$2` an id and, when it uses `$3`, `email`.
async fn ids(
    conn: &mut Conn,
    sql: &'static str,
    ws: Uuid,
    id: Uuid,
    email: Option<&str>,
) -> StoreResult<Vec<Uuid>> {
    let mut query = sqlx::query(sql).bind(ws).bind(id);
    if sql.contains("$3") {
        query = query.bind(email);
    }
    let rows = query.fetch_all(&mut *conn).await.map_err(db)?;
    rows.iter()
        .map(|r| r.try_get::<Uuid, _>(0).map_err(db))
        .collect()
}

/// Runs `sql` with `$1` the workspace and `$2` an id; answers the rows changed.
async fn each(conn: &mut Conn, sql: &'static str, ws: Uuid, ids: &[Uuid]) -> StoreResult<u64> {
    let mut changed = 0;
    for id in ids {
        changed += sqlx::query(sql)
            .bind(ws)
            .bind(*id)
            .execute(&mut *conn)
            .await
            .map_err(db)?
            .rows_affected();
    }
    Ok(changed)
}

/// Whether the workspace still holds `customer`, asked under the workspace lock that an
/// erasure takes first: a writer about to record something that names the customer (a case,
/// a webhook event) either goes before the erasure, which then removes or anonymises it, or
/// after, and finds the customer gone. Call it inside the writer's transaction.
pub(super) async fn still_held(conn: &mut Conn, ws: Uuid, customer: Uuid) -> StoreResult<bool> {
    This::lock_workspace(conn, ws).await.map_err(db)?;
    let n: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM customers WHERE workspace_id = $1 AND id = $2")
            .bind(ws)
            .bind(customer)
            .fetch_one(&mut *conn)
            .await
            .map_err(db)?;
    Ok(n > 0)
}

/// The erasure itself, in the caller's write transaction.
async fn erase(conn: &mut Conn, ws: Uuid, customer: Uuid) -> StoreResult<Erasure> {
    let row = sqlx::query("SELECT email FROM customers WHERE workspace_id = $1 AND id = $2")
        .bind(ws)
        .bind(customer)
        .fetch_optional(&mut *conn)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
    let email: Option<String> = get(&row, "email")?;
    let mut done = Erasure::default();

    // Responses: kept, counted, with no customer, comment, written answer or client key.
    let responses = sqlx::query(
        "SELECT id, answers, comment FROM responses WHERE workspace_id = $1 AND customer_id = $2",
    )
    .bind(ws)
    .bind(customer)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    let mut response_ids = Vec::with_capacity(responses.len());
    for r in &responses {
        let id: Uuid = get(r, "id")?;
        let answers: String = get(r, "answers")?;
        let comment: String = get(r, "comment")?;
        let parsed: Vec<d::survey::Answer> = serde_json::from_str(&answers)
            .map_err(|e| StoreError::internal_from("reading a stored response's answers", e))?;
        let kept = d::privacy::anonymised_answers(&parsed);
        if !comment.is_empty() || kept.len() < parsed.len() {
            done.comments_erased += 1;
        }
        let kept = serde_json::to_string(&kept)
            .map_err(|e| StoreError::internal_from("writing a response's answers", e))?;
        sqlx::query(
            "UPDATE responses SET customer_id = NULL, comment = '', answers = $3, \
             client_key = NULL WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws)
        .bind(id)
        .bind(kept)
        .execute(&mut *conn)
        .await
        .map_err(db)?;
        response_ids.push(id);
    }
    done.responses_anonymised = response_ids.len() as u64;
    // What was read from their words: analyses (themes go with them), queues, and every
    // sentiment model of the workspace, which the learner rebuilds from the comments left.
    for sql in [
        "DELETE FROM voc_comments WHERE workspace_id = $1 AND response_id = $2",
        "DELETE FROM voc_pending WHERE workspace_id = $1 AND response_id = $2",
        "DELETE FROM case_pending WHERE workspace_id = $1 AND response_id = $2",
        "DELETE FROM hooks_pending WHERE workspace_id = $1 AND response_id = $2",
    ] {
        done.rows_deleted += each(conn, sql, ws, &response_ids).await?;
    }
    if done.comments_erased > 0 {
        done.rows_deleted += sqlx::query("DELETE FROM voc_models WHERE workspace_id = $1")
            .bind(ws)
            .execute(&mut *conn)
            .await
            .map_err(db)?
            .rows_affected();
    }

    // Cases about them or their responses: kept for the figures, without the customer, their
    // replies (addressed to them) or the text of notes and replies in the log.
    let mut case_ids = ids(
        conn,
        "SELECT id FROM cases WHERE workspace_id = $1 AND customer_id = $2",
        ws,
        customer,
        None,
    )
    .await?;
    for r in &response_ids {
        let more = ids(
            conn,
            "SELECT id FROM cases WHERE workspace_id = $1 AND response_id = $2",
            ws,
            *r,
            None,
        )
        .await?;
        case_ids.extend(
            more.into_iter()
                .filter(|id| !case_ids.contains(id))
                .collect::<Vec<_>>(),
        );
    }
    let blank = |change: d::CaseChange| {
        serde_json::to_string(&change)
            .map_err(|e| StoreError::internal_from("writing a case log entry", e))
    };
    let blank_note = blank(d::CaseChange::Note {
        text: String::new(),
    })?;
    let blank_reply = blank(d::CaseChange::Reply {
        text: String::new(),
    })?;
    for id in &case_ids {
        done.cases_anonymised +=
            sqlx::query("UPDATE cases SET customer_id = NULL WHERE workspace_id = $1 AND id = $2")
                .bind(ws)
                .bind(*id)
                .execute(&mut *conn)
                .await
                .map_err(db)?
                .rows_affected();
        for (kind, detail) in [("note", &blank_note), ("reply", &blank_reply)] {
            sqlx::query(
                "UPDATE case_log SET detail = $3 WHERE workspace_id = $1 AND case_id = $2 \
                 AND kind = $4",
            )
            .bind(ws)
            .bind(*id)
            .bind(detail)
            .bind(kind)
            .execute(&mut *conn)
            .await
            .map_err(db)?;
        }
    }
    done.rows_deleted += each(
        conn,
        "DELETE FROM case_replies WHERE workspace_id = $1 AND case_id = $2",
        ws,
        &case_ids,
    )
    .await?;

    // Conversations: kept (volume, first reply, resolution), with no subject, customer,
    // external id, or text of messages and notes; their mail, chats and bot questions go.
    let conversations = ids(conn, CONVERSATIONS, ws, customer, email.as_deref()).await?;
    for (sql, messages) in [
        (
            "UPDATE conversations SET customer_id = NULL, subject = '', external_id = NULL \
             WHERE workspace_id = $1 AND id = $2",
            false,
        ),
        (
            "UPDATE conversation_messages SET body = '', \
             author = CASE WHEN direction = 'in' THEN NULL ELSE author END \
             WHERE workspace_id = $1 AND conversation_id = $2",
            true,
        ),
        (
            "UPDATE conversation_notes SET body = '' WHERE workspace_id = $1 AND conversation_id = $2",
            false,
        ),
    ] {
        let n = each(conn, sql, ws, &conversations).await?;
        if messages {
            done.messages_erased += n;
        }
    }
    done.conversations_anonymised = conversations.len() as u64;
    for sql in [
        "DELETE FROM mail_messages WHERE workspace_id = $1 AND conversation_id = $2",
        "DELETE FROM chat_sessions WHERE workspace_id = $1 AND conversation_id = $2",
        "DELETE FROM faq_gaps WHERE workspace_id = $1 AND conversation_id = $2",
    ] {
        done.rows_deleted += each(conn, sql, ws, &conversations).await?;
    }
    if let Some(email) = &email {
        for sql in [
            "DELETE FROM chat_sessions WHERE workspace_id = $1 AND email = $2",
            "DELETE FROM mail_messages WHERE workspace_id = $1 AND address = $2",
        ] {
            done.rows_deleted += sqlx::query(sql)
                .bind(ws)
                .bind(email)
                .execute(&mut *conn)
                .await
                .map_err(db)?
                .rows_affected();
        }
    }

    // Webhook events that quote them (their deliveries go with them): by the customer's id,
    // address, responses, cases or conversations in the payload.
    let mut quoted: Vec<String> = vec![customer.to_string()];
    quoted.extend(email.iter().cloned());
    quoted.extend(
        response_ids
            .iter()
            .chain(&case_ids)
            .chain(&conversations)
            .map(Uuid::to_string),
    );
    for text in &quoted {
        done.rows_deleted += sqlx::query(
            "DELETE FROM webhook_events WHERE workspace_id = $1 AND payload LIKE $2 ESCAPE '\\'",
        )
        .bind(ws)
        .bind(containing(text))
        .execute(&mut *conn)
        .await
        .map_err(db)?
        .rows_affected();
    }

    // Events: kept for the web figures, with no customer, attributes or client key.
    done.events_anonymised = each(
        conn,
        "UPDATE events SET customer_id = NULL, attributes = '{}', client_key = NULL \
         WHERE workspace_id = $1 AND customer_id = $2",
        ws,
        &[customer],
    )
    .await?;

    // Votes and links to feature requests: counted still, no longer theirs. A vote's key
    // named the customer, so it gets a random one.
    let votes = sqlx::query(
        "SELECT request_id, voter FROM feature_request_votes \
         WHERE workspace_id = $1 AND customer_id = $2",
    )
    .bind(ws)
    .bind(customer)
    .fetch_all(&mut *conn)
    .await
    .map_err(db)?;
    for v in &votes {
        let request: Uuid = get(v, "request_id")?;
        let voter: String = get(v, "voter")?;
        sqlx::query(
            "UPDATE feature_request_votes SET voter = $4, customer_id = NULL \
             WHERE workspace_id = $1 AND request_id = $2 AND voter = $3",
        )
        .bind(ws)
        .bind(request)
        .bind(voter)
        .bind(format!("erased:{}", Uuid::now_v7().simple()))
        .execute(&mut *conn)
        .await
        .map_err(db)?;
    }
    each(
        conn,
        "UPDATE feature_request_links SET customer_id = NULL \
         WHERE workspace_id = $1 AND customer_id = $2",
        ws,
        &[customer],
    )
    .await?;

    // Everything else about them goes, then they do.
    for sql in [
        "DELETE FROM invitations WHERE workspace_id = $1 AND customer_id = $2",
        "DELETE FROM change_notices WHERE workspace_id = $1 AND customer_id = $2",
        "DELETE FROM contact_asks WHERE workspace_id = $1 AND customer_id = $2",
        "DELETE FROM consents WHERE workspace_id = $1 AND customer_id = $2",
        "DELETE FROM consent_changes WHERE workspace_id = $1 AND customer_id = $2",
        "DELETE FROM customer_lifecycle WHERE workspace_id = $1 AND customer_id = $2",
        "DELETE FROM customers WHERE workspace_id = $1 AND id = $2",
    ] {
        done.rows_deleted += each(conn, sql, ws, &[customer]).await?;
    }
    Ok(done)
}

#[async_trait]
impl PrivacyStore for This {
    async fn customer_by_email(
        &self,
        ws: d::WorkspaceId,
        email: &d::Email,
    ) -> StoreResult<Customer> {
        let id: Option<Uuid> =
            sqlx::query_scalar("SELECT id FROM customers WHERE workspace_id = $1 AND email = $2")
                .bind(ws.as_uuid())
                .bind(email.as_str())
                .fetch_optional(self.pool())
                .await
                .map_err(db)?;
        match id {
            Some(id) => self.customer(ws, d::CustomerId(id)).await,
            None => Err(StoreError::NotFound),
        }
    }

    async fn customer_records(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
    ) -> StoreResult<Vec<RecordsOfKind>> {
        let mut tx = self.begin_read().await.map_err(db)?;
        let email: Option<Option<String>> =
            sqlx::query_scalar("SELECT email FROM customers WHERE workspace_id = $1 AND id = $2")
                .bind(ws.as_uuid())
                .bind(customer.as_uuid())
                .fetch_optional(&mut *tx)
                .await
                .map_err(db)?;
        let Some(email) = email else {
            return Err(StoreError::NotFound);
        };
        let mut out = Vec::with_capacity(KINDS.len());
        for &(kind, sql) in KINDS {
            let mut query = sqlx::query(sql).bind(ws.as_uuid()).bind(customer.as_uuid());
            if sql.contains("$3") {
                query = query.bind(email.as_deref());
            }
            let rows = query.fetch_all(&mut *tx).await.map_err(db)?;
            out.push(RecordsOfKind {
                kind,
                rows: rows.iter().map(row_json).collect::<StoreResult<_>>()?,
            });
        }
        tx.commit().await.map_err(db)?;
        Ok(out)
    }

    async fn erase_customer(
        &self,
        ws: d::WorkspaceId,
        customer: d::CustomerId,
    ) -> StoreResult<Erasure> {
        let mut tx = self.begin_write().await.map_err(db)?;
        // Serialises the erasure with a case or an event about this customer being recorded
        // (`open_case`, `publish_in`), so neither can write the customer back after it.
        This::lock_workspace(&mut tx, ws.as_uuid())
            .await
            .map_err(db)?;
        let done = erase(&mut tx, ws.as_uuid(), customer.as_uuid()).await?;
        tx.commit().await.map_err(db)?;
        Ok(done)
    }

    async fn data_retention(&self, ws: d::WorkspaceId) -> StoreResult<d::DataRetention> {
        let months: Option<Option<i64>> = sqlx::query_scalar(
            "SELECT data_months FROM governance_settings WHERE workspace_id = $1",
        )
        .bind(ws.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        let months = months.flatten();
        d::DataRetention::parse(months)
            .map_err(|_| super::corrupt("data_months", &format!("{months:?}")))
    }

    async fn set_data_retention(
        &self,
        ws: d::WorkspaceId,
        retention: d::DataRetention,
    ) -> StoreResult<()> {
        sqlx::query(
            "INSERT INTO governance_settings (workspace_id, audit_months, data_months) \
             VALUES ($1, $2, $3) \
             ON CONFLICT (workspace_id) DO UPDATE SET data_months = excluded.data_months",
        )
        .bind(ws.as_uuid())
        .bind(i64::from(d::AuditRetention::DEFAULT.months()))
        .bind(retention.months().map(i64::from))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(())
    }

    async fn expire_before(
        &self,
        ws: d::WorkspaceId,
        before: OffsetDateTime,
        most: u32,
    ) -> StoreResult<Expired> {
        let ws = ws.as_uuid();
        let before = to_micros(before);
        let most = i64::from(most.max(1));
        let mut tx = self.begin_write().await.map_err(db)?;
        let old = |sql: &'static str| {
            sqlx::query_scalar::<_, Uuid>(sql)
                .bind(ws)
                .bind(before)
                .bind(most)
        };
        let responses = old(
            "SELECT id FROM responses WHERE workspace_id = $1 AND submitted_at < $2 \
             ORDER BY submitted_at LIMIT $3",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        for id in &responses {
            sqlx::query("DELETE FROM responses WHERE workspace_id = $1 AND id = $2")
                .bind(ws)
                .bind(*id)
                .execute(&mut *tx)
                .await
                .map_err(db)?;
            sqlx::query(
                "INSERT INTO response_deletions (workspace_id, response_id) VALUES ($1, $2) \
                 ON CONFLICT (workspace_id, response_id) \
                 DO UPDATE SET deleted_at = excluded.deleted_at",
            )
            .bind(ws)
            .bind(*id)
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        }
        let events = old(
            "SELECT id FROM events WHERE workspace_id = $1 AND occurred_at < $2 \
             ORDER BY occurred_at LIMIT $3",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        let events = each(
            &mut tx,
            "DELETE FROM events WHERE workspace_id = $1 AND id = $2",
            ws,
            &events,
        )
        .await?;
        let conversations = old(
            "SELECT id FROM conversations WHERE workspace_id = $1 AND updated_at < $2 \
             ORDER BY updated_at LIMIT $3",
        )
        .fetch_all(&mut *tx)
        .await
        .map_err(db)?;
        // Their bot questions first (no foreign key); messages, notes, mail and chats cascade.
        each(
            &mut tx,
            "DELETE FROM faq_gaps WHERE workspace_id = $1 AND conversation_id = $2",
            ws,
            &conversations,
        )
        .await?;
        let conversations = each(
            &mut tx,
            "DELETE FROM conversations WHERE workspace_id = $1 AND id = $2",
            ws,
            &conversations,
        )
        .await?;
        tx.commit().await.map_err(db)?;
        Ok(Expired {
            responses: responses.into_iter().map(d::ResponseId).collect(),
            events,
            conversations,
        })
    }
}
