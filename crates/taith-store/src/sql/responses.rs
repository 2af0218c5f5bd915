//! Responses ([`ResponseStore`]).
//!
//! - Responses are history: `responses.touchpoint_id` has no foreign key and keeps the
//!   touchpoint a response was given at after the touchpoint is deleted; `insert_responses`
//!   checks instead that each touchpoint of a batch is one of the workspace's when it is
//!   written.
//! - `insert_responses` is one write transaction for the whole batch. Rows without a client key
//!   go in with multi-row INSERTs (up to 512 rows a statement, sizes cut to powers of two so
//!   only a few distinct statements are prepared and cached); rows with a key go in the same
//!   way with `ON CONFLICT (workspace_id, survey_id, client_key) DO NOTHING` (on PostgreSQL in
//!   key order, so two batches racing over the same keys queue instead of deadlocking); only
//!   the rows of a statement that skipped a row (its row count is short) cost a look-up of
//!   the id that holds their key — none unless a key was stored before. When a key comes
//!   back with the very response id it was stored under, a look-up cannot tell it from a row
//!   just written: the transaction is rolled back and written again with `RETURNING id`.
//!   Repeats of a key within the batch are resolved in memory to the first. Concurrent writers
//!   of one key: SQLite serialises them (`BEGIN IMMEDIATE`); on PostgreSQL the second waits on
//!   the unique index until the first commits, then skips the row and finds it. A survey or
//!   customer of another workspace fails the composite foreign key: `Conflict(StaleReference)`,
//!   and the whole batch rolls back. This INSERT is the one statement whose text differs by
//!   backend: anonymous `?` parameters on SQLite (see [`Backend::ANONYMOUS_PARAMS`]).
//! - The customers a batch names are found or created in its transaction, before its rows go
//!   in, by `upsert_customer`'s rules and code (`customers.rs`), in batch order (as
//!   `upsert_customers` does: on PostgreSQL two batches that create the same new customers in
//!   opposite orders can deadlock, which fails one of them; the group-commit writer then
//!   stores each of its submissions alone). A customer named by several responses with the
//!   very same fields is looked up once. A lost race on PostgreSQL (another writer took the
//!   external id or e-mail in between) rolls the whole batch back and writes it again, at
//!   most three times, as `upsert_customers` does.
//! - `add_answers` merges by follow-up question (a new answer replaces the old answer to the
//!   same question, other answers stay), so a retried follow-up page is harmless; an empty
//!   comment keeps the one given before.
//! - `delete_response` logs the deletion in `response_deletions` in the same transaction, so
//!   other nodes see both or neither (`response_deletions_since`). `deleted_at` is the
//!   column's default, the database's clock — one clock for all nodes; how to read it is the
//!   migration's business (`0004_response_deletions.sql` of each backend), so the statement is
//!   the same on both.
//!
//! [`Backend::ANONYMOUS_PARAMS`]: super::Backend::ANONYMOUS_PARAMS

use super::customers::upsert_customer_in;
use super::{
    Backend as _, Conn, DbRow, This, corrupt, db, get, long_text, page, parse_col, small_int,
    sql_limit, time, to_micros,
};
use async_trait::async_trait;
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use taith_domain as d;
use taith_domain::survey::Answer;
use taith_store::{
    ConflictKind, NewCustomer, Page, PageRequest, ResponseStore, ResponseToStore, ResponsesBetween,
    StoreError, StoreResult, StoredResponse,
};
use time::OffsetDateTime;
use uuid::Uuid;

/// A response's `answers` column.
fn answers_json(answers: &[Answer]) -> StoreResult<Cow<'static, str>> {
    if answers.is_empty() {
        return Ok(Cow::Borrowed("[]"));
    }
    serde_json::to_string(answers)
        .map(Cow::Owned)
        .map_err(|e| StoreError::internal_from("encoding answers", e))
}

/// A response's `attributes` column.
fn attributes_json(attributes: &BTreeMap<String, String>) -> StoreResult<Cow<'static, str>> {
    if attributes.is_empty() {
        return Ok(Cow::Borrowed("{}"));
    }
    serde_json::to_string(attributes)
        .map(Cow::Owned)
        .map_err(|e| StoreError::internal_from("encoding attributes", e))
}

/// A response's `answers` column back.
fn parse_answers(json: &str) -> StoreResult<Vec<Answer>> {
    serde_json::from_str(json).map_err(|_| corrupt("answers", json))
}

/// A response's `attributes` column back.
fn parse_attributes(json: &str) -> StoreResult<BTreeMap<String, String>> {
    serde_json::from_str(json).map_err(|_| corrupt("attributes", json))
}

/// Merges follow-up answers into those already stored: a new answer to a question replaces
/// the old one, answers to other questions stay (so sending the same answers twice is
/// harmless, and answers given on different pages add up).
fn merge_answers(stored: Vec<Answer>, new: &[Answer]) -> Vec<Answer> {
    let mut out: Vec<Answer> = stored
        .into_iter()
        .filter(|a| !new.iter().any(|n| n.follow_up_id == a.follow_up_id))
        .collect();
    for n in new {
        // The last of several answers to one question in `new` wins.
        out.retain(|a| a.follow_up_id != n.follow_up_id);
        out.push(n.clone());
    }
    out
}

/// The row counts of the multi-row INSERTs of `insert_responses`, largest first. Rows are
/// written in chunks of at most [`RESPONSE_CHUNK_ROWS`] rows; the rest is split into powers of
/// two, so only a handful of distinct statements exist and each is prepared once per
/// connection and cached (a 37-row batch is 32 + 4 + 1 rows).
const RESPONSE_CHUNK_SIZES: [usize; 10] = [512, 256, 128, 64, 32, 16, 8, 4, 2, 1];

/// The largest multi-row INSERT: 512 rows × 14 values = 7,168 bind parameters at most
/// (SQLite allows 32,766, PostgreSQL 65,535).
const RESPONSE_CHUNK_ROWS: usize = RESPONSE_CHUNK_SIZES[0];

/// Splits `n` rows into chunk sizes taken from [`RESPONSE_CHUNK_SIZES`], largest first.
fn response_chunks(n: usize) -> Vec<usize> {
    let mut out = vec![RESPONSE_CHUNK_ROWS; n / RESPONSE_CHUNK_ROWS];
    let rest = n % RESPONSE_CHUNK_ROWS;
    out.extend(
        RESPONSE_CHUNK_SIZES
            .iter()
            .copied()
            .filter(|size| rest & size != 0),
    );
    out
}

/// What a multi-row INSERT of `insert_responses` does about client keys.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum ResponseInsert {
    /// Rows without a key: plain INSERT.
    Plain,
    /// Rows with keys: keys already stored are skipped; the statement's row count tells
    /// whether any was (no `RETURNING`, which costs a row sent back per row written).
    SkipStoredKeys,
    /// The same, returning the ids of the rows written, for telling apart a key re-sent with
    /// the very response id it was first stored under.
    SkipStoredKeysReturningIds,
}

/// The multi-row INSERT of `rows` responses (a size from [`response_chunks`]). Each row binds,
/// in order: workspace_id, id, survey_id, score, answers, comment, touchpoint_id, channel,
/// locale, customer_id, attributes, submitted_at, client_key — and then the batch's
/// `created_at`, which is bound once as `$1` before all rows when the parameters are numbered
/// and once at the end of each row when they are anonymous
/// ([`Backend::ANONYMOUS_PARAMS`](super::Backend::ANONYMOUS_PARAMS)).
fn insert_responses_sql(rows: usize, mode: ResponseInsert, anonymous: bool) -> &'static str {
    const SIZES: usize = RESPONSE_CHUNK_SIZES.len();
    static CACHE: [[[OnceLock<String>; SIZES]; 2]; 3] =
        [const { [const { [const { OnceLock::new() }; SIZES] }; 2] }; 3];
    let slot = RESPONSE_CHUNK_SIZES
        .iter()
        .position(|&size| size == rows)
        .unwrap_or(SIZES - 1);
    let rows = RESPONSE_CHUNK_SIZES[slot];
    CACHE[mode as usize][usize::from(anonymous)][slot].get_or_init(|| {
        const COLUMNS: usize = 13;
        let mut sql = String::with_capacity(200 + rows * (COLUMNS + 1) * 7);
        sql.push_str(
            "INSERT INTO responses (workspace_id, id, survey_id, score, answers, comment, \
             touchpoint_id, channel, locale, customer_id, attributes, submitted_at, client_key, \
             created_at) VALUES ",
        );
        for row in 0..rows {
            sql.push_str(if row == 0 { "(" } else { ", (" });
            for col in 0..COLUMNS {
                if anonymous {
                    sql.push_str("?, ");
                } else {
                    sql.push_str(&format!("${}, ", 2 + row * COLUMNS + col));
                }
            }
            sql.push_str(if anonymous { "?)" } else { "$1)" });
        }
        sql.push_str(match mode {
            ResponseInsert::Plain => "",
            ResponseInsert::SkipStoredKeys => {
                " ON CONFLICT (workspace_id, survey_id, client_key) DO NOTHING"
            }
            ResponseInsert::SkipStoredKeysReturningIds => {
                " ON CONFLICT (workspace_id, survey_id, client_key) DO NOTHING RETURNING id"
            }
        });
        sql
    })
}

/// Errors while writing responses: a foreign key that fails means a survey or a
/// customer that is not in the response's workspace.
fn response_write(e: sqlx::Error) -> StoreError {
    match &e {
        sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
            StoreError::Conflict(ConflictKind::StaleReference)
        }
        _ => db(e),
    }
}

pub(super) fn response_row(row: &DbRow) -> StoreResult<d::NewResponse> {
    Ok(d::NewResponse {
        id: d::ResponseId(get(row, "id")?),
        survey_id: d::SurveyId(get(row, "survey_id")?),
        score: small_int(row, "score")?,
        answers: parse_answers(&get::<String>(row, "answers")?)?,
        comment: long_text(row, "comment")?,
        touchpoint_id: get::<Option<Uuid>>(row, "touchpoint_id")?.map(d::TouchpointId),
        channel: parse_col::<d::Channel>(row, "channel")?,
        locale: parse_col::<d::Locale>(row, "locale")?,
        customer_id: get::<Option<Uuid>>(row, "customer_id")?.map(d::CustomerId),
        attributes: parse_attributes(&get::<String>(row, "attributes")?)?,
        submitted_at: time(row, "submitted_at")?,
        client_key: get(row, "client_key")?,
    })
}

/// The id of the response that holds `item`'s client key. Served by the unique
/// index responses(workspace_id, survey_id, client_key).
async fn key_holder(conn: &mut Conn, item: &ResponseToStore) -> StoreResult<d::ResponseId> {
    let r = &item.response;
    let row = sqlx::query(
        "SELECT id FROM responses WHERE workspace_id = $1 AND survey_id = $2 \
         AND client_key = $3",
    )
    .bind(item.workspace_id.as_uuid())
    .bind(r.survey_id.as_uuid())
    .bind(r.client_key.as_deref())
    .fetch_optional(&mut *conn)
    .await
    .map_err(db)?
    .ok_or_else(|| {
        StoreError::internal(format!(
            "response {} was neither written nor found by its client key",
            r.id
        ))
    })?;
    Ok(d::ResponseId(get(&row, "id")?))
}

/// A batch being written: the responses, and by the same index their `answers` and
/// `attributes` columns and the customer each is linked to.
#[derive(Clone, Copy)]
struct Rows<'a> {
    batch: &'a [ResponseToStore],
    json: &'a [(Cow<'static, str>, Cow<'static, str>)],
    customers: &'a [Option<d::CustomerId>],
}

/// Writes the responses `items` (indexes into `rows`, no two with one key) with
/// multi-row INSERTs in the caller's transaction and puts their results in
/// `results`. With `SkipStoredKeys`, only the rows of a statement that skipped some
/// (its row count is short) are looked up: a key held by another id was stored
/// before. `Ok(false)` when that does not account for every skipped row — a key
/// re-sent with the response id it was first stored under, which a look-up cannot
/// tell from a row just written: roll back and write again with
/// `SkipStoredKeysReturningIds`.
async fn insert_response_rows(
    conn: &mut Conn,
    rows: &Rows<'_>,
    items: &[usize],
    created_at: i64,
    mode: ResponseInsert,
    results: &mut [Option<StoredResponse>],
) -> StoreResult<bool> {
    let Rows {
        batch,
        json,
        customers,
    } = *rows;
    let anonymous = This::ANONYMOUS_PARAMS;
    let mut rest = items;
    for size in response_chunks(items.len()) {
        let (chunk, tail) = rest.split_at(size);
        rest = tail;
        let mut query = sqlx::query(insert_responses_sql(size, mode, anonymous));
        if !anonymous {
            query = query.bind(created_at);
        }
        for &i in chunk {
            let (item, (answers, attributes)) = (&batch[i], &json[i]);
            let r = &item.response;
            query = query
                .bind(item.workspace_id.as_uuid())
                .bind(r.id.as_uuid())
                .bind(r.survey_id.as_uuid())
                .bind(i64::from(r.score))
                .bind(answers.as_ref())
                .bind(r.comment.as_str())
                .bind(r.touchpoint_id.map(|t| t.as_uuid()))
                .bind(r.channel.as_str())
                .bind(r.locale.tag())
                .bind(customers[i].map(|c| c.as_uuid()))
                .bind(attributes.as_ref())
                .bind(to_micros(r.submitted_at))
                .bind(r.client_key.as_deref());
            if anonymous {
                query = query.bind(created_at);
            }
            results[i] = Some(StoredResponse {
                id: r.id,
                created: true,
                customer_id: customers[i],
            });
        }
        match mode {
            ResponseInsert::Plain => {
                query.execute(&mut *conn).await.map_err(response_write)?;
            }
            ResponseInsert::SkipStoredKeys => {
                let done = query.execute(&mut *conn).await.map_err(response_write)?;
                let skipped = (size as u64).saturating_sub(done.rows_affected());
                if skipped == 0 {
                    continue;
                }
                let mut held_by_others = 0;
                for &i in chunk {
                    let holder = key_holder(conn, &batch[i]).await?;
                    if holder != batch[i].response.id {
                        results[i] = Some(StoredResponse {
                            id: holder,
                            created: false,
                            customer_id: customers[i],
                        });
                        held_by_others += 1;
                    }
                }
                if held_by_others != skipped {
                    return Ok(false);
                }
            }
            ResponseInsert::SkipStoredKeysReturningIds => {
                let rows = query.fetch_all(&mut *conn).await.map_err(response_write)?;
                let written = rows
                    .iter()
                    .map(|row| get::<Uuid>(row, "id"))
                    .collect::<StoreResult<std::collections::HashSet<_>>>()?;
                for &i in chunk {
                    if !written.contains(&batch[i].response.id.as_uuid()) {
                        results[i] = Some(StoredResponse {
                            id: key_holder(conn, &batch[i]).await?,
                            created: false,
                            customer_id: customers[i],
                        });
                    }
                }
            }
        }
    }
    Ok(true)
}

/// The distinct customers a batch names, in the order it first names them, and for each
/// response the index of its customer among them. Customers with the very same fields in
/// the same workspace are one entry (the second upsert would find the first and change
/// nothing); one with neither an external id nor an e-mail cannot be found again, so each
/// of those is its own entry, as separate `upsert_customer` calls would make it.
fn plan_customers(batch: &[ResponseToStore]) -> (Vec<(Uuid, &NewCustomer)>, Vec<Option<usize>>) {
    type Key<'a> = (
        Uuid,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'a str>,
        Option<&'static str>,
    );
    let mut wanted: Vec<(Uuid, &NewCustomer)> = Vec::new();
    let mut customer_of = Vec::with_capacity(batch.len());
    let mut seen: std::collections::HashMap<Key<'_>, usize> = std::collections::HashMap::new();
    for item in batch {
        let Some(c) = &item.customer else {
            customer_of.push(None);
            continue;
        };
        let ws = item.workspace_id.as_uuid();
        let key: Key<'_> = (
            ws,
            c.external_id.as_deref(),
            c.email.as_ref().map(|e| e.as_str()),
            c.name.as_ref().map(|n| n.as_str()),
            c.locale.map(|l| l.tag()),
        );
        let findable = c.external_id.is_some() || c.email.is_some();
        let at = match seen.get(&key) {
            Some(&at) if findable => at,
            _ => {
                wanted.push((ws, c));
                if findable {
                    seen.insert(key, wanted.len() - 1);
                }
                wanted.len() - 1
            }
        };
        customer_of.push(Some(at));
    }
    (wanted, customer_of)
}

/// Finds or creates the `wanted` customers in the caller's write transaction and
/// answers, for each response of `batch`, the customer it is linked to: its own,
/// found or created, else the `customer_id` it came with. `None`: a concurrent writer
/// (PostgreSQL) took an external id or e-mail in between; roll back and try again.
async fn resolve_customers(
    conn: &mut Conn,
    batch: &[ResponseToStore],
    wanted: &[(Uuid, &NewCustomer)],
    customer_of: &[Option<usize>],
) -> StoreResult<Option<Vec<Option<d::CustomerId>>>> {
    let mut found = Vec::with_capacity(wanted.len());
    for (ws, customer) in wanted {
        match upsert_customer_in(conn, *ws, customer).await {
            Ok(Some(c)) => found.push(c.id),
            Ok(None) => return Ok(None),
            // No such workspace: a response to it fails the same way.
            Err(StoreError::NotFound) => {
                return Err(StoreError::Conflict(ConflictKind::StaleReference));
            }
            Err(e) => return Err(e),
        }
    }
    Ok(Some(
        batch
            .iter()
            .zip(customer_of)
            .map(|(item, at)| match at {
                Some(at) => Some(found[*at]),
                None => item.response.customer_id,
            })
            .collect(),
    ))
}

#[async_trait]
impl ResponseStore for This {
    async fn insert_responses(
        &self,
        batch: &[ResponseToStore],
    ) -> StoreResult<Vec<StoredResponse>> {
        use std::collections::hash_map::Entry;
        if batch.is_empty() {
            return Ok(Vec::new());
        }
        // Plan outside the transaction (the write lock is held for less time):
        // rows without a key, the first row of each key, and the repeats of a key
        // earlier in the batch (which resolve to that first row).
        let mut plain = Vec::new();
        let mut keyed = Vec::new();
        let mut repeats = Vec::new();
        let mut first_of_key = std::collections::HashMap::new();
        let mut touchpoints = std::collections::BTreeSet::new();
        let mut json = Vec::with_capacity(batch.len());
        let (wanted, customer_of) = plan_customers(batch);
        for (i, item) in batch.iter().enumerate() {
            let (ws, r) = (item.workspace_id.as_uuid(), &item.response);
            if let Some(tp) = r.touchpoint_id {
                touchpoints.insert((ws, tp.as_uuid()));
            }
            match r.client_key.as_deref() {
                None => plain.push(i),
                Some(key) => {
                    let key = (ws, r.survey_id.as_uuid(), key);
                    match first_of_key.entry(key) {
                        Entry::Occupied(first) => repeats.push((i, *first.get())),
                        Entry::Vacant(slot) => {
                            slot.insert(i);
                            keyed.push(i);
                        }
                    }
                }
            }
            json.push((answers_json(&r.answers)?, attributes_json(&r.attributes)?));
        }
        // PostgreSQL: keyed rows go in key order, so two batches racing over the
        // same keys wait for each other instead of deadlocking. SQLite serialises
        // writers, and the input order (usually by id) keeps the id indexes
        // appending instead of splitting pages all over.
        if !This::SERIALISED_WRITES {
            let key_of = |i: usize| {
                let (item, r) = (&batch[i], &batch[i].response);
                (item.workspace_id, r.survey_id, r.client_key.as_deref())
            };
            keyed.sort_by(|&a, &b| key_of(a).cmp(&key_of(b)));
        }

        let mut results: Vec<Option<StoredResponse>> = vec![None; batch.len()];
        let mut keyed_mode = ResponseInsert::SkipStoredKeys;
        let mut lost_races = 0;
        let customers = loop {
            let mut tx = self.begin_write().await.map_err(db)?;
            // Responses keep their touchpoint when it is later deleted, so there is
            // no foreign key: check it here, once per touchpoint of the batch.
            for (ws, tp) in &touchpoints {
                let there =
                    sqlx::query("SELECT id FROM touchpoints WHERE workspace_id = $1 AND id = $2")
                        .bind(*ws)
                        .bind(*tp)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db)?;
                if there.is_none() {
                    return Err(StoreError::Conflict(ConflictKind::StaleReference));
                }
            }
            let Some(customers) = resolve_customers(&mut tx, batch, &wanted, &customer_of).await?
            else {
                // Lost a race to a concurrent writer (PostgreSQL): start over.
                lost_races += 1;
                if lost_races == 3 {
                    return Err(StoreError::internal(
                        "insert_responses lost three races for a customer in a row",
                    ));
                }
                tx.rollback().await.map_err(db)?;
                continue;
            };
            let created_at = to_micros(d::now());
            let plain_mode = ResponseInsert::Plain;
            let rows = Rows {
                batch,
                json: &json,
                customers: &customers,
            };
            insert_response_rows(&mut tx, &rows, &plain, created_at, plain_mode, &mut results)
                .await?;
            let told =
                insert_response_rows(&mut tx, &rows, &keyed, created_at, keyed_mode, &mut results)
                    .await?;
            if told {
                tx.commit().await.map_err(db)?;
                break customers;
            }
            // Rare: a key re-sent with its first response id. Write again, with
            // the ids of the rows written returned.
            tx.rollback().await.map_err(db)?;
            keyed_mode = ResponseInsert::SkipStoredKeysReturningIds;
        };
        for (i, first) in repeats {
            results[i] = results[first].map(|f| StoredResponse {
                id: f.id,
                created: false,
                customer_id: customers[i],
            });
        }
        results
            .into_iter()
            .map(|r| r.ok_or_else(|| StoreError::internal("a response of the batch has no result")))
            .collect()
    }

    async fn add_answers(
        &self,
        ws: d::WorkspaceId,
        id: d::ResponseId,
        answers: &[d::Answer],
        comment: &d::LongText,
    ) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let row = sqlx::query(
            "SELECT answers, comment FROM responses \
             WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(&mut *tx)
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        let stored = parse_answers(&get::<String>(&row, "answers")?)?;
        let merged = merge_answers(stored, answers);
        // An empty comment adds nothing: the one given before stays.
        let comment = if comment.is_empty() {
            get::<String>(&row, "comment")?
        } else {
            comment.as_str().to_owned()
        };
        sqlx::query(
            "UPDATE responses SET answers = $1, comment = $2 \
             WHERE workspace_id = $3 AND id = $4",
        )
        .bind(answers_json(&merged)?.as_ref())
        .bind(comment)
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn response(&self, ws: d::WorkspaceId, id: d::ResponseId) -> StoreResult<d::NewResponse> {
        let row = sqlx::query(
            "SELECT id, survey_id, score, answers, comment, touchpoint_id, channel, \
             locale, customer_id, attributes, submitted_at, client_key \
             FROM responses WHERE workspace_id = $1 AND id = $2",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?
        .ok_or(StoreError::NotFound)?;
        response_row(&row)
    }

    async fn delete_response(&self, ws: d::WorkspaceId, id: d::ResponseId) -> StoreResult<()> {
        let mut tx = self.begin_write().await.map_err(db)?;
        let done = sqlx::query("DELETE FROM responses WHERE workspace_id = $1 AND id = $2")
            .bind(ws.as_uuid())
            .bind(id.as_uuid())
            .execute(&mut *tx)
            .await
            .map_err(db)?;
        if done.rows_affected() == 0 {
            return Err(StoreError::NotFound);
        }
        // In the same transaction, so that no node sees the one without the other. The
        // database stamps deleted_at (the column's default); deleted again, the later time.
        sqlx::query(
            "INSERT INTO response_deletions (workspace_id, response_id) VALUES ($1, $2) \
             ON CONFLICT (workspace_id, response_id) \
             DO UPDATE SET deleted_at = excluded.deleted_at",
        )
        .bind(ws.as_uuid())
        .bind(id.as_uuid())
        .execute(&mut *tx)
        .await
        .map_err(db)?;
        tx.commit().await.map_err(db)
    }

    async fn response_deletions_since(
        &self,
        ws: d::WorkspaceId,
        since: OffsetDateTime,
    ) -> StoreResult<Vec<(d::ResponseId, OffsetDateTime)>> {
        // Served by the index response_deletions_by_time.
        let rows = sqlx::query(
            "SELECT response_id, deleted_at FROM response_deletions \
             WHERE workspace_id = $1 AND deleted_at >= $2 ORDER BY deleted_at, response_id",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(since))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter()
            .map(|row| {
                Ok((
                    d::ResponseId(get(row, "response_id")?),
                    time(row, "deleted_at")?,
                ))
            })
            .collect()
    }

    async fn forget_response_deletions_before(
        &self,
        ws: d::WorkspaceId,
        before: OffsetDateTime,
    ) -> StoreResult<u64> {
        // Served by the index response_deletions_by_time.
        let done = sqlx::query(
            "DELETE FROM response_deletions WHERE workspace_id = $1 AND deleted_at < $2",
        )
        .bind(ws.as_uuid())
        .bind(to_micros(before))
        .execute(self.pool())
        .await
        .map_err(db)?;
        Ok(done.rows_affected())
    }

    async fn response_by_client_key(
        &self,
        ws: d::WorkspaceId,
        survey: d::SurveyId,
        key: &str,
    ) -> StoreResult<Option<d::ResponseId>> {
        // Served by the unique index responses(workspace_id, survey_id, client_key).
        let row = sqlx::query(
            "SELECT id FROM responses WHERE workspace_id = $1 AND survey_id = $2 \
             AND client_key = $3",
        )
        .bind(ws.as_uuid())
        .bind(survey.as_uuid())
        .bind(key)
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.map(|row| get(&row, "id").map(d::ResponseId))
            .transpose()
    }

    async fn responses(
        &self,
        ws: d::WorkspaceId,
        survey: Option<d::SurveyId>,
        page_req: PageRequest<d::ResponseId>,
    ) -> StoreResult<Page<d::NewResponse, d::ResponseId>> {
        let after = page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil());
        // Two statements rather than `($2 IS NULL OR survey_id = $2)`, so that each
        // is planned for its index.
        let rows = match survey {
            // Served by the index responses(workspace_id, survey_id, id).
            Some(survey) => {
                sqlx::query(
                    "SELECT id, survey_id, score, answers, comment, touchpoint_id, \
                 channel, locale, customer_id, attributes, submitted_at, client_key \
                 FROM responses WHERE workspace_id = $1 AND survey_id = $2 \
                 AND id > $3 ORDER BY id LIMIT $4",
                )
                .bind(ws.as_uuid())
                .bind(survey.as_uuid())
                .bind(after)
                .bind(sql_limit(page_req.limit))
                .fetch_all(self.pool())
                .await
            }
            // Served by the primary key responses(workspace_id, id).
            None => {
                sqlx::query(
                    "SELECT id, survey_id, score, answers, comment, touchpoint_id, \
                 channel, locale, customer_id, attributes, submitted_at, client_key \
                 FROM responses WHERE workspace_id = $1 AND id > $2 \
                 ORDER BY id LIMIT $3",
                )
                .bind(ws.as_uuid())
                .bind(after)
                .bind(sql_limit(page_req.limit))
                .fetch_all(self.pool())
                .await
            }
        }
        .map_err(db)?;
        let items = rows
            .iter()
            .map(response_row)
            .collect::<StoreResult<Vec<_>>>()?;
        Ok(page(items, page_req.limit, |r| r.id))
    }

    async fn latest_comments(
        &self,
        ws: d::WorkspaceId,
        touchpoint: d::TouchpointId,
        limit: u32,
    ) -> StoreResult<Vec<d::NewResponse>> {
        // Walks the workspace's responses newest first by the primary key until it
        // has `limit` with a comment at this touchpoint.
        let rows = sqlx::query(
            "SELECT id, survey_id, score, answers, comment, touchpoint_id, channel, \
             locale, customer_id, attributes, submitted_at, client_key \
             FROM responses WHERE workspace_id = $1 AND touchpoint_id = $2 \
             AND comment <> '' ORDER BY id DESC LIMIT $3",
        )
        .bind(ws.as_uuid())
        .bind(touchpoint.as_uuid())
        .bind(i64::from(limit))
        .fetch_all(self.pool())
        .await
        .map_err(db)?;
        rows.iter().map(response_row).collect()
    }

    async fn responses_between(
        &self,
        ws: d::WorkspaceId,
        q: &ResponsesBetween,
    ) -> StoreResult<Vec<d::NewResponse>> {
        // Served by the index responses(workspace_id, submitted_at, id), walked backwards
        // from the end of the period; the optional filters are checked on the rows read.
        let (after_time, after_id) = match q.after {
            Some((t, id)) => (Some(to_micros(t)), Some(id.as_uuid())),
            None => (None, None),
        };
        let rows = sqlx::query(include_str!("responses/responses_between.sql"))
            .bind(ws.as_uuid())
            .bind(to_micros(q.from))
            .bind(to_micros(q.to))
            .bind(q.survey.map(|s| s.as_uuid()))
            .bind(q.touchpoint.map(|t| t.as_uuid()))
            .bind(q.locale.map(|l| l.tag()))
            .bind(i64::from(q.with_comment))
            .bind(after_time)
            .bind(after_id)
            .bind(i64::from(q.limit.max(1)))
            .fetch_all(self.pool())
            .await
            .map_err(db)?;
        rows.iter().map(response_row).collect()
    }

    async fn last_response_at(
        &self,
        ws: d::WorkspaceId,
        survey: d::SurveyId,
        customer: d::CustomerId,
    ) -> StoreResult<Option<OffsetDateTime>> {
        // Served by the index responses(workspace_id, survey_id, customer_id,
        // submitted_at): one step from its end.
        let row = sqlx::query(
            "SELECT submitted_at FROM responses WHERE workspace_id = $1 \
             AND survey_id = $2 AND customer_id = $3 \
             ORDER BY submitted_at DESC LIMIT 1",
        )
        .bind(ws.as_uuid())
        .bind(survey.as_uuid())
        .bind(customer.as_uuid())
        .fetch_optional(self.pool())
        .await
        .map_err(db)?;
        row.as_ref()
            .map(|row| time(row, "submitted_at"))
            .transpose()
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;
    use taith_domain::FollowUpId;
    use taith_domain::survey::AnswerValue;

    #[test]
    fn a_batch_is_cut_into_few_distinct_statement_sizes() {
        assert!(response_chunks(0).is_empty());
        assert_eq!(response_chunks(1), [1]);
        assert_eq!(response_chunks(37), [32, 4, 1]);
        assert_eq!(response_chunks(512), [512]);
        assert_eq!(response_chunks(1_100), [512, 512, 64, 8, 4]);
        for n in [0, 1, 2, 3, 511, 513, 100_000] {
            let sizes = response_chunks(n);
            assert_eq!(sizes.iter().sum::<usize>(), n);
            assert!(sizes.iter().all(|s| RESPONSE_CHUNK_SIZES.contains(s)));
        }
    }

    #[test]
    fn the_multi_row_insert_has_one_parameter_per_value() {
        for rows in [1, 4, 512] {
            let numbered = insert_responses_sql(rows, ResponseInsert::Plain, false);
            assert!(numbered.contains(&format!("${}", 1 + rows * 13)));
            assert!(!numbered.contains(&format!("${}", 2 + rows * 13)));
            assert!(!numbered.contains('?'));
            let anonymous = insert_responses_sql(rows, ResponseInsert::SkipStoredKeys, true);
            assert_eq!(anonymous.matches('?').count(), rows * 14);
            assert!(!anonymous.contains('$'));
            assert!(anonymous.ends_with("DO NOTHING"));
            let returning =
                insert_responses_sql(rows, ResponseInsert::SkipStoredKeysReturningIds, false);
            assert!(returning.ends_with("DO NOTHING RETURNING id"));
        }
        // Cached: the same text each time.
        let mode = ResponseInsert::SkipStoredKeys;
        assert!(std::ptr::eq(
            insert_responses_sql(8, mode, false),
            insert_responses_sql(8, mode, false)
        ));
    }

    #[test]
    fn new_answers_replace_those_to_the_same_question_and_add_to_the_others() {
        let (a, b) = (FollowUpId::new(), FollowUpId::new());
        let answer = |id, s: &str| Answer {
            follow_up_id: id,
            value: AnswerValue::Text(s.to_owned()),
        };
        let merged = merge_answers(
            vec![answer(a, "old a"), answer(b, "b")],
            &[answer(a, "new a")],
        );
        assert_eq!(merged, [answer(b, "b"), answer(a, "new a")]);
        assert_eq!(
            merge_answers(Vec::new(), &[answer(a, "1"), answer(a, "2")]),
            [answer(a, "2")]
        );
        assert_eq!(
            parse_answers(&answers_json(&merged).expect("encode")).expect("decode"),
            merged
        );
    }
}
