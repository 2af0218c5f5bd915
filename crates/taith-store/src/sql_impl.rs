//! The one SQL implementation of [`Store`](crate::Store), shared by the SQLite and PostgreSQL
//! backends.
//!
//! The SQL text is portable (`$1` placeholders, `ON CONFLICT … DO UPDATE`, `RETURNING`, BIGINT
//! microsecond times, ids bound as `uuid::Uuid`), so both stores run the very same queries.
//! This crate has no sqlx dependency, so the implementation is a macro that expands inside a
//! backend crate, where sqlx and the concrete database type are known:
//!
//! ```ignore
//! taith_store::impl_sql_store!(SqliteStore, sqlx::Sqlite, "sqlite");
//! ```
//!
//! The backend crate must depend on `sqlx` (with its driver and the `uuid` feature) and give
//! the store type these inherent methods (the backend-specific hooks):
//!
//! ```ignore
//! impl SqliteStore {
//!     /// The connection pool.
//!     fn pool(&self) -> &sqlx::Pool<DB>;
//!     /// Begins a transaction that will write. SQLite: `BEGIN IMMEDIATE` (takes the write lock
//!     /// up front, so `busy_timeout` applies instead of a deadlock-style SQLITE_BUSY later).
//!     async fn begin_write(&self) -> Result<sqlx::Transaction<'static, DB>, sqlx::Error>;
//!     /// Begins a read-only transaction that sees one consistent snapshot.
//!     async fn begin_read(&self) -> Result<sqlx::Transaction<'static, DB>, sqlx::Error>;
//!     /// Within a write transaction, serialises writers that check a workspace-wide rule
//!     /// (the last-owner rule). PostgreSQL: `SELECT … FOR UPDATE` on the workspace row; SQLite:
//!     /// nothing (`BEGIN IMMEDIATE` already serialises writers).
//!     async fn lock_workspace(conn: &mut DB::Connection, ws: uuid::Uuid)
//!         -> Result<(), sqlx::Error>;
//!     /// `Store::backup`.
//!     async fn backup_to(&self, path: &std::path::Path) -> taith_store::StoreResult<()>;
//! }
//! ```
//!
//! Decisions that hold on both backends:
//! - Deleting a persona clears `journeys.persona_id` in the same transaction (the composite
//!   foreign key cannot `SET NULL` one of its two columns portably). The journeys' versions do
//!   not change: losing the link is not an edit of the map.
//! - Removing a member clears the touchpoint owners that named them, in the same transaction,
//!   for the same reason; the composite foreign key to `members` then guarantees no touchpoint
//!   is ever owned by a non-member.
//! - Touchpoint `position` is the touchpoint's index in `Journey::touchpoints`, so ordering by
//!   it gives each stage's order and a journey reads back exactly as it was saved.
//! - A journey save that names a persona or a touchpoint owner not (any more) in the
//!   workspace, or a stage or touchpoint id of another journey, fails whole with `Internal`
//!   (the callers check owners and personas first; this is the last line, held by foreign keys
//!   and the guarded upserts).
//! - Errors: unique violations become the `Conflict` kind of the statement that hit them; a
//!   foreign-key violation on `workspace_id` when creating a persona or token is `NotFound`
//!   (no such workspace); every other database error is `Internal`, never `NotFound`.
//! - Deleting a touchpoint (a journey save without it, or deleting its journey) clears
//!   `surveys.touchpoint_id` first, in the same transaction: the survey stays, without the link,
//!   and its `updated_at` does not change. Responses are history: `responses.touchpoint_id` has
//!   no foreign key and keeps the touchpoint a response was given at; `insert_responses` checks
//!   instead that each touchpoint of a batch is one of the workspace's when it is written.
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
//!   backend: anonymous `?` parameters on SQLite (see [`anonymous_params`]).
//! - `upsert_customer`: the external id decides; an e-mail match counts only when the request
//!   has no external id or the match has none (a match with another external id is someone
//!   else who shares the address). Missing fields are filled in, present ones never replaced;
//!   an e-mail another customer holds is not written. On PostgreSQL a lost race (unique
//!   violation, or `ON CONFLICT DO NOTHING` skipping the insert) rolls back and retries.
//! - `add_answers` merges by follow-up question (a new answer replaces the old answer to the
//!   same question, other answers stay), so a retried follow-up page is harmless; an empty
//!   comment keeps the one given before.
//! - `create_survey` / `update_survey`: a touchpoint not in the workspace fails the foreign key,
//!   `Conflict(StaleReference)`; `delete_survey` checks for responses first and also maps the
//!   foreign-key violation of a response committed meanwhile to `Conflict(HasResponses)`.

use crate::{StoreError, StoreResult};
use std::borrow::Cow;
use std::collections::BTreeMap;
use std::sync::OnceLock;
use taith_domain::SurveyFields;
use taith_domain::survey::{Answer, FollowUp, LocalizedText};
use time::OffsetDateTime;

#[doc(hidden)]
pub mod __private {
    pub use async_trait::async_trait;
    pub use serde_json;
    pub use taith_domain;
    pub use time;
    pub use uuid;
}

/// The largest page the SQL asks for: `PageRequest::all()` has `u32::MAX`, which is fine as
/// an i64 `LIMIT`; one more row than the page tells whether there is a next page.
#[doc(hidden)]
pub fn sql_limit(limit: u32) -> i64 {
    i64::from(limit.max(1)) + 1
}

/// A time as stored: unix microseconds, UTC.
#[doc(hidden)]
pub fn to_micros(t: OffsetDateTime) -> i64 {
    let micros = t.unix_timestamp_nanos() / 1_000;
    i64::try_from(micros).unwrap_or(if micros < 0 { i64::MIN } else { i64::MAX })
}

/// A stored time back: unix microseconds, UTC.
#[doc(hidden)]
pub fn from_micros(micros: i64) -> StoreResult<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1_000)
        .map_err(|e| StoreError::Internal(format!("stored time {micros} out of range: {e}")))
}

/// A time truncated to what the stores keep (microseconds).
#[doc(hidden)]
pub fn truncate(t: OffsetDateTime) -> OffsetDateTime {
    from_micros(to_micros(t)).unwrap_or(t)
}

/// A stored value that does not parse as its domain type: a fault of ours.
#[doc(hidden)]
pub fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::Internal(format!("corrupt stored {what}: {value:?}"))
}

// --- surveys and responses: the parts that need no database types ------------------------------

/// A survey's `definition` column: the parts only ever read whole, as one JSON object
/// `{"question", "thank_you", "follow_ups"}`.
#[doc(hidden)]
pub fn survey_definition(fields: &SurveyFields) -> StoreResult<String> {
    let mut map = serde_json::Map::new();
    let mut put = |key: &str, value: Result<serde_json::Value, serde_json::Error>| {
        value
            .map(|v| {
                map.insert(key.to_owned(), v);
            })
            .map_err(|e| StoreError::Internal(format!("encoding survey {key}: {e}")))
    };
    put("question", serde_json::to_value(&fields.question))?;
    put("thank_you", serde_json::to_value(&fields.thank_you))?;
    put("follow_ups", serde_json::to_value(&fields.follow_ups))?;
    serde_json::to_string(&serde_json::Value::Object(map))
        .map_err(|e| StoreError::Internal(format!("encoding a survey definition: {e}")))
}

/// A survey's `definition` column back: question, thank-you text and follow-ups.
#[doc(hidden)]
pub fn parse_survey_definition(
    json: &str,
) -> StoreResult<(LocalizedText, LocalizedText, Vec<FollowUp>)> {
    let bad = || corrupt("survey definition", json);
    let serde_json::Value::Object(mut map) =
        serde_json::from_str::<serde_json::Value>(json).map_err(|_| bad())?
    else {
        return Err(bad());
    };
    let mut take = |key: &str| map.remove(key).unwrap_or(serde_json::Value::Null);
    let question = serde_json::from_value(take("question")).map_err(|_| bad())?;
    let thank_you = serde_json::from_value(take("thank_you")).map_err(|_| bad())?;
    let follow_ups = match take("follow_ups") {
        serde_json::Value::Null => Vec::new(),
        v => serde_json::from_value(v).map_err(|_| bad())?,
    };
    Ok((question, thank_you, follow_ups))
}

/// A response's `answers` column.
#[doc(hidden)]
pub fn answers_json(answers: &[Answer]) -> StoreResult<Cow<'static, str>> {
    if answers.is_empty() {
        return Ok(Cow::Borrowed("[]"));
    }
    serde_json::to_string(answers)
        .map(Cow::Owned)
        .map_err(|e| StoreError::Internal(format!("encoding answers: {e}")))
}

/// A response's `attributes` column.
#[doc(hidden)]
pub fn attributes_json(attributes: &BTreeMap<String, String>) -> StoreResult<Cow<'static, str>> {
    if attributes.is_empty() {
        return Ok(Cow::Borrowed("{}"));
    }
    serde_json::to_string(attributes)
        .map(Cow::Owned)
        .map_err(|e| StoreError::Internal(format!("encoding attributes: {e}")))
}

/// A response's `answers` column back.
#[doc(hidden)]
pub fn parse_answers(json: &str) -> StoreResult<Vec<Answer>> {
    serde_json::from_str(json).map_err(|_| corrupt("answers", json))
}

/// A response's `attributes` column back.
#[doc(hidden)]
pub fn parse_attributes(json: &str) -> StoreResult<BTreeMap<String, String>> {
    serde_json::from_str(json).map_err(|_| corrupt("attributes", json))
}

/// Merges follow-up answers into those already stored: a new answer to a question replaces
/// the old one, answers to other questions stay (so sending the same answers twice is
/// harmless, and answers given on different pages add up).
#[doc(hidden)]
pub fn merge_answers(stored: Vec<Answer>, new: &[Answer]) -> Vec<Answer> {
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
#[doc(hidden)]
pub const RESPONSE_CHUNK_ROWS: usize = RESPONSE_CHUNK_SIZES[0];

/// Splits `n` rows into chunk sizes taken from [`RESPONSE_CHUNK_SIZES`], largest first.
#[doc(hidden)]
pub fn response_chunks(n: usize) -> Vec<usize> {
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

/// How the multi-row INSERT of `insert_responses` writes its bind parameters on `backend`.
///
/// The one place where the SQL text differs between the backends: SQLite looks up the name of
/// a numbered parameter (`$7`, `?7`) with a linear scan of all the statement's parameter names,
/// and sqlx asks for the name of each one when it binds, which makes binding a statement of
/// n numbered parameters cost O(n²) — most of the time of a large batch. Anonymous `?`
/// parameters have no name, so SQLite gets those, bound in order; PostgreSQL knows only `$n`.
#[doc(hidden)]
pub fn anonymous_params(backend: &str) -> bool {
    backend == "sqlite"
}

/// Whether all write transactions on `backend` run one at a time (SQLite: `BEGIN IMMEDIATE`),
/// so the order in which a transaction writes cannot deadlock it against another.
#[doc(hidden)]
pub fn serialised_writes(backend: &str) -> bool {
    backend == "sqlite"
}

/// What a multi-row INSERT of `insert_responses` does about client keys.
#[doc(hidden)]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResponseInsert {
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
/// and once at the end of each row when they are anonymous ([`anonymous_params`]).
#[doc(hidden)]
pub fn insert_responses_sql(rows: usize, mode: ResponseInsert, anonymous: bool) -> &'static str {
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

/// The shared SQL implementation of `taith_store::Store`; see the [module](crate::sql_impl)
/// documentation for the hooks the store type must provide.
#[macro_export]
macro_rules! impl_sql_store {
    ($store:ty, $db:ty, $backend:literal) => {
        const _: () = {
            use ::sqlx::Row as _;
            use $crate::__private::taith_domain as d;
            use $crate::__private::time::OffsetDateTime;
            use $crate::__private::uuid::Uuid;
            use $crate::sql_impl::{
                ResponseInsert, answers_json, anonymous_params, attributes_json, corrupt,
                from_micros, insert_responses_sql, merge_answers, parse_answers,
                parse_attributes, parse_survey_definition, response_chunks, serialised_writes,
                sql_limit, survey_definition, to_micros, truncate,
            };
            use $crate::{
                InvitationCounts, MailDue, NewInvitation,
                ApiToken, Author, ConflictKind, Customer, NewCustomer, NewUser, Page,
                PageRequest, ResponseToStore, RevisionWithSnapshot, Session, Store, StoreError,
                StoreResult, StoredResponse, UserCredentials,
            };

            type Conn = <$db as ::sqlx::Database>::Connection;
            type DbRow = <$db as ::sqlx::Database>::Row;

            fn db(e: ::sqlx::Error) -> StoreError {
                StoreError::Internal(e.to_string())
            }

            /// Maps a unique violation to `Conflict(kind)`, anything else to `Internal`.
            fn unique_is(kind: ConflictKind) -> impl Fn(::sqlx::Error) -> StoreError {
                move |e| match &e {
                    ::sqlx::Error::Database(de) if de.is_unique_violation() => {
                        StoreError::Conflict(kind)
                    }
                    _ => db(e),
                }
            }

            /// Errors while writing a journey: a foreign key that fails means a persona or an
            /// owner that is not (any more) in the workspace, or a stage of another journey.
            fn journey_write(e: ::sqlx::Error) -> StoreError {
                match &e {
                    ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                        StoreError::Conflict(ConflictKind::StaleReference)
                    }
                    _ => db(e),
                }
            }

            fn get<'r, T>(row: &'r DbRow, col: &str) -> StoreResult<T>
            where
                T: ::sqlx::Decode<'r, $db> + ::sqlx::Type<$db>,
            {
                row.try_get(col).map_err(db)
            }

            fn time(row: &DbRow, col: &str) -> StoreResult<OffsetDateTime> {
                from_micros(get::<i64>(row, col)?)
            }

            fn name(row: &DbRow, col: &str) -> StoreResult<d::Name> {
                let s: String = get(row, col)?;
                d::Name::parse(&s).map_err(|_| corrupt(col, &s))
            }

            fn long_text(row: &DbRow, col: &str) -> StoreResult<d::LongText> {
                let s: String = get(row, col)?;
                d::LongText::parse(&s).map_err(|_| corrupt(col, &s))
            }

            fn parse_col<T: ::std::str::FromStr>(row: &DbRow, col: &str) -> StoreResult<T> {
                let s: String = get(row, col)?;
                s.parse::<T>().map_err(|_| corrupt(col, &s))
            }

            fn user_row(row: &DbRow) -> StoreResult<d::User> {
                let email: String = get(row, "email")?;
                Ok(d::User {
                    id: d::UserId(get(row, "id")?),
                    email: d::Email::parse(&email).map_err(|_| corrupt("email", &email))?,
                    name: name(row, "name")?,
                })
            }

            fn workspace_row(row: &DbRow) -> StoreResult<d::Workspace> {
                let slug: String = get(row, "slug")?;
                Ok(d::Workspace {
                    id: d::WorkspaceId(get(row, "id")?),
                    slug: d::Slug::parse(&slug).map_err(|_| corrupt("slug", &slug))?,
                    name: name(row, "name")?,
                    created_at: time(row, "created_at")?,
                })
            }

            fn persona_row(row: &DbRow) -> StoreResult<d::Persona> {
                Ok(d::Persona {
                    id: d::PersonaId(get(row, "id")?),
                    fields: d::PersonaFields {
                        name: name(row, "name")?,
                        description: long_text(row, "description")?,
                        needs: long_text(row, "needs")?,
                        goals: long_text(row, "goals")?,
                        behaviours: long_text(row, "behaviours")?,
                        pains: long_text(row, "pains")?,
                        demographics: long_text(row, "demographics")?,
                    },
                    created_at: time(row, "created_at")?,
                    updated_at: time(row, "updated_at")?,
                })
            }

            fn token_row(row: &DbRow) -> StoreResult<ApiToken> {
                Ok(ApiToken {
                    id: d::TokenId(get(row, "id")?),
                    workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
                    name: name(row, "name")?,
                    scope: parse_col::<d::TokenScope>(row, "scope")?,
                    created_at: time(row, "created_at")?,
                })
            }

            fn revision_row(row: &DbRow) -> StoreResult<d::Revision> {
                let changes: String = get(row, "changes")?;
                Ok(d::Revision {
                    version: get(row, "version")?,
                    author: get(row, "author")?,
                    author_id: get::<Option<Uuid>>(row, "author_id")?.map(d::UserId),
                    changes: $crate::__private::serde_json::from_str(&changes)
                        .map_err(|_| corrupt("revision changes", &changes))?,
                    created_at: time(row, "created_at")?,
                })
            }

            /// Items and the next cursor from up to `limit + 1` rows.
            fn page<T, C: Copy>(
                mut items: Vec<T>,
                limit: u32,
                id: impl Fn(&T) -> C,
            ) -> Page<T, C> {
                let limit = usize::try_from(limit.max(1)).unwrap_or(usize::MAX);
                let next = if items.len() > limit {
                    items.truncate(limit);
                    items.last().map(&id)
                } else {
                    None
                };
                Page { items, next }
            }

            // --- shared steps -----------------------------------------------------------------

            async fn user_by_email(
                conn: &mut Conn,
                email: &d::Email,
            ) -> StoreResult<Option<d::User>> {
                // Served by the unique index on users(email).
                let row = ::sqlx::query("SELECT id, email, name FROM users WHERE email = $1")
                    .bind(email.as_str())
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(db)?;
                row.as_ref().map(user_row).transpose()
            }

            /// The user with that e-mail, or a new one.
            async fn find_or_create_user(
                conn: &mut Conn,
                new: &NewUser,
            ) -> StoreResult<d::User> {
                if let Some(user) = user_by_email(conn, &new.email).await? {
                    return Ok(user);
                }
                let user = d::User {
                    id: d::UserId::new(),
                    email: new.email.clone(),
                    name: new.name.clone(),
                };
                ::sqlx::query(
                    "INSERT INTO users (id, email, name, password_hash, created_at) \
                     VALUES ($1, $2, $3, $4, $5)",
                )
                .bind(user.id.as_uuid())
                .bind(user.email.as_str())
                .bind(user.name.as_str())
                .bind(new.password_hash.as_str())
                .bind(to_micros(d::now()))
                .execute(&mut *conn)
                .await
                .map_err(unique_is(ConflictKind::EmailTaken))?;
                Ok(user)
            }

            async fn insert_member(
                conn: &mut Conn,
                ws: Uuid,
                user: Uuid,
                role: d::Role,
            ) -> StoreResult<()> {
                ::sqlx::query(
                    "INSERT INTO members (workspace_id, user_id, role, created_at) \
                     VALUES ($1, $2, $3, $4)",
                )
                .bind(ws)
                .bind(user)
                .bind(role.as_str())
                .bind(to_micros(d::now()))
                .execute(&mut *conn)
                .await
                .map_err(unique_is(ConflictKind::EmailTaken))?;
                Ok(())
            }

            /// A member's role, read within the transaction that is about to change it.
            async fn role_of(conn: &mut Conn, ws: Uuid, user: Uuid) -> StoreResult<d::Role> {
                let row = ::sqlx::query(
                    "SELECT role FROM members WHERE workspace_id = $1 AND user_id = $2",
                )
                .bind(ws)
                .bind(user)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?
                .ok_or(StoreError::NotFound)?;
                parse_col::<d::Role>(&row, "role")
            }

            /// Refuses to take away the owner role of `user` if they are the only owner.
            /// Call after `lock_workspace`, within the write transaction.
            async fn keep_an_owner(conn: &mut Conn, ws: Uuid, user: Uuid) -> StoreResult<()> {
                if role_of(conn, ws, user).await? != d::Role::Owner {
                    return Ok(());
                }
                // Scans the workspace's members through the primary key (workspace_id, …).
                let owners: i64 = ::sqlx::query(
                    "SELECT COUNT(*) AS n FROM members WHERE workspace_id = $1 AND role = $2",
                )
                .bind(ws)
                .bind(d::Role::Owner.as_str())
                .fetch_one(&mut *conn)
                .await
                .map_err(db)
                .and_then(|row| get(&row, "n"))?;
                if owners <= 1 {
                    return Err(StoreError::Conflict(ConflictKind::LastOwner));
                }
                Ok(())
            }

            async fn journey_exists(conn: &mut Conn, ws: Uuid, id: Uuid) -> StoreResult<bool> {
                Ok(::sqlx::query("SELECT id FROM journeys WHERE workspace_id = $1 AND id = $2")
                    .bind(ws)
                    .bind(id)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(db)?
                    .is_some())
            }

            /// The whole journey aggregate, read on one connection (in a read transaction, so
            /// the three reads see one snapshot).
            async fn load_journey(conn: &mut Conn, ws: Uuid, id: Uuid) -> StoreResult<d::Journey> {
                let row = ::sqlx::query(
                    "SELECT id, name, description, persona_id, version, created_at, updated_at \
                     FROM journeys WHERE workspace_id = $1 AND id = $2",
                )
                .bind(ws)
                .bind(id)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?
                .ok_or(StoreError::NotFound)?;
                let mut journey = d::Journey {
                    id: d::JourneyId(get(&row, "id")?),
                    fields: d::JourneyFields {
                        name: name(&row, "name")?,
                        description: long_text(&row, "description")?,
                        persona_id: get::<Option<Uuid>>(&row, "persona_id")?.map(d::PersonaId),
                    },
                    version: get(&row, "version")?,
                    stages: Vec::new(),
                    touchpoints: Vec::new(),
                    created_at: time(&row, "created_at")?,
                    updated_at: time(&row, "updated_at")?,
                };
                // Served by the unique index stages(workspace_id, journey_id, id).
                let stages = ::sqlx::query(
                    "SELECT id, name, actions, thoughts, emotions, emotion, pain_points, \
                     opportunities FROM stages WHERE workspace_id = $1 AND journey_id = $2 \
                     ORDER BY position, id",
                )
                .bind(ws)
                .bind(id)
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
                for row in &stages {
                    let emotion = match get::<Option<i64>>(row, "emotion")? {
                        None => None,
                        Some(v) => Some(
                            i8::try_from(v)
                                .ok()
                                .and_then(|v| d::EmotionScore::new(v).ok())
                                .ok_or_else(|| corrupt("emotion", &v.to_string()))?,
                        ),
                    };
                    journey.stages.push(d::Stage {
                        id: d::StageId(get(row, "id")?),
                        fields: d::StageFields {
                            name: name(row, "name")?,
                            actions: long_text(row, "actions")?,
                            thoughts: long_text(row, "thoughts")?,
                            emotions: long_text(row, "emotions")?,
                            emotion,
                            pain_points: long_text(row, "pain_points")?,
                            opportunities: long_text(row, "opportunities")?,
                        },
                    });
                }
                // Served by the index touchpoints(workspace_id, journey_id, stage_id).
                let touchpoints = ::sqlx::query(
                    "SELECT id, stage_id, name, channel, owner_member_id, owner_team, \
                     description, moment_of_truth FROM touchpoints \
                     WHERE workspace_id = $1 AND journey_id = $2 ORDER BY position, id",
                )
                .bind(ws)
                .bind(id)
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?;
                for row in &touchpoints {
                    let owner = match (
                        get::<Option<Uuid>>(row, "owner_member_id")?,
                        get::<Option<String>>(row, "owner_team")?,
                    ) {
                        (Some(user), _) => Some(d::Owner::Member {
                            user_id: d::UserId(user),
                        }),
                        (None, Some(team)) => Some(d::Owner::Team {
                            name: d::Name::parse(&team)
                                .map_err(|_| corrupt("owner_team", &team))?,
                        }),
                        (None, None) => None,
                    };
                    journey.touchpoints.push(d::Touchpoint {
                        id: d::TouchpointId(get(row, "id")?),
                        stage_id: d::StageId(get(row, "stage_id")?),
                        fields: d::TouchpointFields {
                            name: name(row, "name")?,
                            channel: parse_col::<d::Channel>(row, "channel")?,
                            owner,
                            description: long_text(row, "description")?,
                            moment_of_truth: get(row, "moment_of_truth")?,
                        },
                    });
                }
                Ok(journey)
            }

            /// Writes the stages and touchpoints of `journey` (already in `journeys`): upserts
            /// what is there, keeping ids stable, and deletes what is gone (touchpoints
            /// first), all in the caller's transaction.
            async fn write_parts(
                conn: &mut Conn,
                ws: Uuid,
                journey: &d::Journey,
            ) -> StoreResult<()> {
                let jid = journey.id.as_uuid();
                let existing_stages: Vec<Uuid> = ::sqlx::query(
                    "SELECT id FROM stages WHERE workspace_id = $1 AND journey_id = $2",
                )
                .bind(ws)
                .bind(jid)
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?
                .iter()
                .map(|row| get(row, "id"))
                .collect::<StoreResult<_>>()?;
                let existing_touchpoints: Vec<Uuid> = ::sqlx::query(
                    "SELECT id FROM touchpoints WHERE workspace_id = $1 AND journey_id = $2",
                )
                .bind(ws)
                .bind(jid)
                .fetch_all(&mut *conn)
                .await
                .map_err(db)?
                .iter()
                .map(|row| get(row, "id"))
                .collect::<StoreResult<_>>()?;

                for (position, stage) in journey.stages.iter().enumerate() {
                    let f = &stage.fields;
                    let done = ::sqlx::query(
                        "INSERT INTO stages (workspace_id, journey_id, id, position, name, \
                         actions, thoughts, emotions, emotion, pain_points, opportunities) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                         ON CONFLICT (workspace_id, id) DO UPDATE SET \
                         position = excluded.position, name = excluded.name, \
                         actions = excluded.actions, thoughts = excluded.thoughts, \
                         emotions = excluded.emotions, emotion = excluded.emotion, \
                         pain_points = excluded.pain_points, \
                         opportunities = excluded.opportunities \
                         WHERE stages.journey_id = excluded.journey_id",
                    )
                    .bind(ws)
                    .bind(jid)
                    .bind(stage.id.as_uuid())
                    .bind(i64::try_from(position).unwrap_or(i64::MAX))
                    .bind(f.name.as_str())
                    .bind(f.actions.as_str())
                    .bind(f.thoughts.as_str())
                    .bind(f.emotions.as_str())
                    .bind(f.emotion.map(|e| i64::from(e.value())))
                    .bind(f.pain_points.as_str())
                    .bind(f.opportunities.as_str())
                    .execute(&mut *conn)
                    .await
                    .map_err(journey_write)?;
                    if done.rows_affected() != 1 {
                        return Err(StoreError::Internal(format!(
                            "stage {} belongs to another journey",
                            stage.id
                        )));
                    }
                }

                for (position, tp) in journey.touchpoints.iter().enumerate() {
                    let f = &tp.fields;
                    let (member, team) = match &f.owner {
                        None => (None, None),
                        Some(d::Owner::Member { user_id }) => (Some(user_id.as_uuid()), None),
                        Some(d::Owner::Team { name }) => (None, Some(name.as_str())),
                    };
                    let done = ::sqlx::query(
                        "INSERT INTO touchpoints (workspace_id, journey_id, id, stage_id, \
                         position, name, channel, owner_member_id, owner_team, description, \
                         moment_of_truth) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11) \
                         ON CONFLICT (workspace_id, id) DO UPDATE SET \
                         stage_id = excluded.stage_id, position = excluded.position, \
                         name = excluded.name, channel = excluded.channel, \
                         owner_member_id = excluded.owner_member_id, \
                         owner_team = excluded.owner_team, \
                         description = excluded.description, \
                         moment_of_truth = excluded.moment_of_truth \
                         WHERE touchpoints.journey_id = excluded.journey_id",
                    )
                    .bind(ws)
                    .bind(jid)
                    .bind(tp.id.as_uuid())
                    .bind(tp.stage_id.as_uuid())
                    .bind(i64::try_from(position).unwrap_or(i64::MAX))
                    .bind(f.name.as_str())
                    .bind(f.channel.as_str())
                    .bind(member)
                    .bind(team)
                    .bind(f.description.as_str())
                    .bind(f.moment_of_truth)
                    .execute(&mut *conn)
                    .await
                    .map_err(journey_write)?;
                    if done.rows_affected() != 1 {
                        return Err(StoreError::Internal(format!(
                            "touchpoint {} belongs to another journey",
                            tp.id
                        )));
                    }
                }

                for gone in existing_touchpoints
                    .iter()
                    .filter(|id| journey.touchpoint(d::TouchpointId(**id)).is_none())
                {
                    // Its surveys stay and lose the link (served by the index
                    // surveys(workspace_id, touchpoint_id)).
                    ::sqlx::query(
                        "UPDATE surveys SET touchpoint_id = NULL \
                         WHERE workspace_id = $1 AND touchpoint_id = $2",
                    )
                    .bind(ws)
                    .bind(*gone)
                    .execute(&mut *conn)
                    .await
                    .map_err(db)?;
                    ::sqlx::query("DELETE FROM touchpoints WHERE workspace_id = $1 AND id = $2")
                        .bind(ws)
                        .bind(*gone)
                        .execute(&mut *conn)
                        .await
                        .map_err(db)?;
                }
                for gone in existing_stages
                    .iter()
                    .filter(|id| journey.stage(d::StageId(**id)).is_none())
                {
                    ::sqlx::query("DELETE FROM stages WHERE workspace_id = $1 AND id = $2")
                        .bind(ws)
                        .bind(*gone)
                        .execute(&mut *conn)
                        .await
                        .map_err(db)?;
                }
                Ok(())
            }

            async fn insert_revision(
                conn: &mut Conn,
                ws: Uuid,
                journey: &d::Journey,
                author: &Author,
                changes: &[d::Change],
            ) -> StoreResult<()> {
                let changes = $crate::__private::serde_json::to_string(changes)
                    .map_err(|e| StoreError::Internal(e.to_string()))?;
                let snapshot = $crate::__private::serde_json::to_string(journey)
                    .map_err(|e| StoreError::Internal(e.to_string()))?;
                ::sqlx::query(
                    "INSERT INTO journey_revisions (workspace_id, journey_id, version, author, \
                     author_id, changes, snapshot, created_at) \
                     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                )
                .bind(ws)
                .bind(journey.id.as_uuid())
                .bind(journey.version)
                .bind(author.name.as_str())
                .bind(author.user_id.map(|u| u.as_uuid()))
                .bind(changes)
                .bind(snapshot)
                .bind(to_micros(journey.updated_at))
                .execute(&mut *conn)
                .await
                .map_err(db)?;
                Ok(())
            }

            // --- surveys, customers, responses: decoding and shared steps -------------------

            fn survey_write(e: ::sqlx::Error) -> StoreError {
                match &e {
                    // A touchpoint not (any more) in the workspace.
                    ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                        StoreError::Conflict(ConflictKind::StaleReference)
                    }
                    // The caller draws public ids at random; a collision is a fault of ours.
                    ::sqlx::Error::Database(de) if de.is_unique_violation() => {
                        StoreError::Internal(format!("survey public id taken: {e}"))
                    }
                    _ => db(e),
                }
            }

            /// Errors while writing responses: a foreign key that fails means a survey or a
            /// customer that is not in the response's workspace.
            fn response_write(e: ::sqlx::Error) -> StoreError {
                match &e {
                    ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                        StoreError::Conflict(ConflictKind::StaleReference)
                    }
                    _ => db(e),
                }
            }

            fn small_int<T: TryFrom<i64>>(row: &DbRow, col: &str) -> StoreResult<T> {
                let v: i64 = get(row, col)?;
                T::try_from(v).map_err(|_| corrupt(col, &v.to_string()))
            }

            fn survey_row(row: &DbRow) -> StoreResult<d::Survey> {
                let definition: String = get(row, "definition")?;
                let (question, thank_you, follow_ups) = parse_survey_definition(&definition)?;
                Ok(d::Survey {
                    id: d::SurveyId(get(row, "id")?),
                    public_id: get(row, "public_id")?,
                    fields: d::SurveyFields {
                        name: name(row, "name")?,
                        kind: parse_col::<d::SurveyKind>(row, "kind")?,
                        scale: d::Scale {
                            low: small_int(row, "scale_low")?,
                            high: small_int(row, "scale_high")?,
                        },
                        default_locale: parse_col::<d::Locale>(row, "default_locale")?,
                        question,
                        thank_you,
                        follow_ups,
                        touchpoint_id: get::<Option<Uuid>>(row, "touchpoint_id")?
                            .map(d::TouchpointId),
                        status: parse_col::<d::SurveyStatus>(row, "status")?,
                        anonymous: get(row, "anonymous")?,
                        throttle_days: small_int(row, "throttle_days")?,
                    },
                    created_at: time(row, "created_at")?,
                    updated_at: time(row, "updated_at")?,
                })
            }

            fn customer_row(row: &DbRow) -> StoreResult<Customer> {
                let email = get::<Option<String>>(row, "email")?
                    .map(|e| d::Email::parse(&e).map_err(|_| corrupt("email", &e)))
                    .transpose()?;
                let name = get::<Option<String>>(row, "name")?
                    .map(|n| d::Name::parse(&n).map_err(|_| corrupt("name", &n)))
                    .transpose()?;
                let locale = get::<Option<String>>(row, "locale")?
                    .map(|l| l.parse::<d::Locale>().map_err(|_| corrupt("locale", &l)))
                    .transpose()?;
                Ok(Customer {
                    id: d::CustomerId(get(row, "id")?),
                    external_id: get(row, "external_id")?,
                    email,
                    name,
                    locale,
                })
            }

            fn response_row(row: &DbRow) -> StoreResult<d::NewResponse> {
                Ok(d::NewResponse {
                    id: d::ResponseId(get(row, "id")?),
                    survey_id: d::SurveyId(get(row, "survey_id")?),
                    score: small_int(row, "score")?,
                    answers: parse_answers(&get::<String>(row, "answers")?)?,
                    comment: long_text(row, "comment")?,
                    touchpoint_id: get::<Option<Uuid>>(row, "touchpoint_id")?
                        .map(d::TouchpointId),
                    channel: parse_col::<d::Channel>(row, "channel")?,
                    locale: parse_col::<d::Locale>(row, "locale")?,
                    customer_id: get::<Option<Uuid>>(row, "customer_id")?.map(d::CustomerId),
                    attributes: parse_attributes(&get::<String>(row, "attributes")?)?,
                    submitted_at: time(row, "submitted_at")?,
                    client_key: get(row, "client_key")?,
                })
            }

            fn opt_time(row: &DbRow, col: &str) -> StoreResult<Option<OffsetDateTime>> {
                get::<Option<i64>>(row, col)?.map(from_micros).transpose()
            }

            /// An invitation from a row of `invitations` (columns `id` … `reminded_at`).
            fn invitation_row(row: &DbRow) -> StoreResult<d::invitation::Invitation> {
                let days: i64 = get(row, "reminder_days")?;
                Ok(d::invitation::Invitation {
                    id: d::InvitationId(get(row, "id")?),
                    survey_id: d::SurveyId(get(row, "survey_id")?),
                    customer_id: d::CustomerId(get(row, "customer_id")?),
                    locale: parse_col::<d::Locale>(row, "locale")?,
                    created_at: time(row, "created_at")?,
                    sent_at: opt_time(row, "sent_at")?,
                    reminder_days: u16::try_from(days)
                        .map_err(|_| corrupt("reminder_days", &days.to_string()))?,
                    reminded_at: opt_time(row, "reminded_at")?,
                })
            }

            /// Why `customer` may not be invited to `survey` now, if there is a reason.
            async fn invitation_refused(
                conn: &mut Conn,
                ws: Uuid,
                survey: Uuid,
                customer: Uuid,
                not_since: i64,
            ) -> StoreResult<Option<d::invitation::Skipped>> {
                let row = ::sqlx::query(
                    "SELECT unsubscribed_at FROM customers WHERE workspace_id = $1 AND id = $2",
                )
                .bind(ws)
                .bind(customer)
                .fetch_one(&mut *conn)
                .await
                .map_err(db)?;
                if get::<Option<i64>>(&row, "unsubscribed_at")?.is_some() {
                    return Ok(Some(d::invitation::Skipped::Unsubscribed));
                }
                // Served by invitations(workspace_id, survey_id, customer_id, created_at).
                let invited = ::sqlx::query(
                    "SELECT id FROM invitations WHERE workspace_id = $1 AND survey_id = $2 \
                     AND customer_id = $3 AND created_at >= $4 LIMIT 1",
                )
                .bind(ws)
                .bind(survey)
                .bind(customer)
                .bind(not_since)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?;
                // Served by responses(workspace_id, survey_id, customer_id, submitted_at).
                let answered = ::sqlx::query(
                    "SELECT id FROM responses WHERE workspace_id = $1 AND survey_id = $2 \
                     AND customer_id = $3 AND submitted_at >= $4 LIMIT 1",
                )
                .bind(ws)
                .bind(survey)
                .bind(customer)
                .bind(not_since)
                .fetch_optional(&mut *conn)
                .await
                .map_err(db)?;
                Ok((invited.is_some() || answered.is_some())
                    .then_some(d::invitation::Skipped::Throttled))
            }

            /// The customer whose `column` (external_id or email) is `value`. Served by the
            /// unique indexes customers(workspace_id, external_id) and (workspace_id, email).
            async fn customer_by(
                conn: &mut Conn,
                ws: Uuid,
                by_email: bool,
                value: &str,
            ) -> StoreResult<Option<Customer>> {
                let sql = if by_email {
                    "SELECT id, external_id, email, name, locale FROM customers \
                     WHERE workspace_id = $1 AND email = $2"
                } else {
                    "SELECT id, external_id, email, name, locale FROM customers \
                     WHERE workspace_id = $1 AND external_id = $2"
                };
                let row = ::sqlx::query(sql)
                    .bind(ws)
                    .bind(value)
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(db)?;
                row.as_ref().map(customer_row).transpose()
            }

            /// One attempt of `upsert_customer` in the caller's write transaction. `None`: a
            /// concurrent writer (PostgreSQL) took the external id or e-mail in between; roll
            /// back and try again.
            async fn upsert_customer_in(
                conn: &mut Conn,
                ws: Uuid,
                new: &NewCustomer,
            ) -> StoreResult<Option<Customer>> {
                let mut found = None;
                if let Some(external_id) = &new.external_id {
                    found = customer_by(conn, ws, false, external_id).await?;
                }
                // Who has the e-mail, when it matters: to match on it, or to fill it in.
                let email_lookup = new
                    .email
                    .as_ref()
                    .filter(|_| found.as_ref().is_none_or(|c| c.email.is_none()));
                let holder = match email_lookup {
                    Some(email) => customer_by(conn, ws, true, email.as_str()).await?,
                    None => None,
                };
                // The e-mail is written only where it is missing and nobody has it.
                let email = email_lookup.filter(|_| holder.is_none()).cloned();
                if found.is_none() {
                    // An e-mail match that has another external id is someone else who shares
                    // the address: not them.
                    found = holder
                        .filter(|c| new.external_id.is_none() || c.external_id.is_none());
                }
                let Some(mut customer) = found else {
                    let customer = Customer {
                        id: d::CustomerId::new(),
                        external_id: new.external_id.clone(),
                        email,
                        name: new.name.clone(),
                        locale: new.locale,
                    };
                    let row = ::sqlx::query(
                        "INSERT INTO customers (workspace_id, id, external_id, email, name, \
                         locale, created_at) VALUES ($1, $2, $3, $4, $5, $6, $7) \
                         ON CONFLICT DO NOTHING RETURNING id",
                    )
                    .bind(ws)
                    .bind(customer.id.as_uuid())
                    .bind(customer.external_id.as_deref())
                    .bind(customer.email.as_ref().map(|e| e.as_str()))
                    .bind(customer.name.as_ref().map(|n| n.as_str()))
                    .bind(customer.locale.map(|l| l.tag()))
                    .bind(to_micros(d::now()))
                    .fetch_optional(&mut *conn)
                    .await
                    .map_err(|e| match &e {
                        // No such workspace.
                        ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                            StoreError::NotFound
                        }
                        _ => db(e),
                    })?;
                    return Ok(row.map(|_| customer));
                };
                // Fill in what was missing; what is there stays.
                let external_id = new
                    .external_id
                    .clone()
                    .filter(|_| customer.external_id.is_none());
                let email = email.filter(|_| customer.email.is_none());
                let name = new.name.clone().filter(|_| customer.name.is_none());
                let locale = new.locale.filter(|_| customer.locale.is_none());
                if external_id.is_none() && email.is_none() && name.is_none() && locale.is_none()
                {
                    return Ok(Some(customer));
                }
                let done = ::sqlx::query(
                    "UPDATE customers SET external_id = COALESCE(external_id, $1), \
                     email = COALESCE(email, $2), name = COALESCE(name, $3), \
                     locale = COALESCE(locale, $4) WHERE workspace_id = $5 AND id = $6",
                )
                .bind(external_id.as_deref())
                .bind(email.as_ref().map(|e| e.as_str()))
                .bind(name.as_ref().map(|n| n.as_str()))
                .bind(locale.map(|l| l.tag()))
                .bind(ws)
                .bind(customer.id.as_uuid())
                .execute(&mut *conn)
                .await;
                match done {
                    Err(::sqlx::Error::Database(de)) if de.is_unique_violation() => {
                        return Ok(None);
                    }
                    Err(e) => return Err(db(e)),
                    Ok(_) => {}
                }
                customer.external_id = customer.external_id.or(external_id);
                customer.email = customer.email.or(email);
                customer.name = customer.name.or(name);
                customer.locale = customer.locale.or(locale);
                Ok(Some(customer))
            }

            /// The id of the response that holds `item`'s client key. Served by the unique
            /// index responses(workspace_id, survey_id, client_key).
            async fn key_holder(
                conn: &mut Conn,
                item: &ResponseToStore,
            ) -> StoreResult<d::ResponseId> {
                let r = &item.response;
                let row = ::sqlx::query(
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
                    StoreError::Internal(format!(
                        "response {} was neither written nor found by its client key",
                        r.id
                    ))
                })?;
                Ok(d::ResponseId(get(&row, "id")?))
            }

            /// Writes the responses `items` (indexes into `batch`, no two with one key) with
            /// multi-row INSERTs in the caller's transaction and puts their results in
            /// `results`. With `SkipStoredKeys`, only the rows of a statement that skipped some
            /// (its row count is short) are looked up: a key held by another id was stored
            /// before. `Ok(false)` when that does not account for every skipped row — a key
            /// re-sent with the response id it was first stored under, which a look-up cannot
            /// tell from a row just written: roll back and write again with
            /// `SkipStoredKeysReturningIds`.
            async fn insert_response_rows(
                conn: &mut Conn,
                batch: &[ResponseToStore],
                items: &[usize],
                json: &[(::std::borrow::Cow<'static, str>, ::std::borrow::Cow<'static, str>)],
                created_at: i64,
                mode: ResponseInsert,
                results: &mut [Option<StoredResponse>],
            ) -> StoreResult<bool> {
                let anonymous = anonymous_params($backend);
                let mut rest = items;
                for size in response_chunks(items.len()) {
                    let (chunk, tail) = rest.split_at(size);
                    rest = tail;
                    let mut query = ::sqlx::query(insert_responses_sql(size, mode, anonymous));
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
                            .bind(r.customer_id.map(|c| c.as_uuid()))
                            .bind(attributes.as_ref())
                            .bind(to_micros(r.submitted_at))
                            .bind(r.client_key.as_deref());
                        if anonymous {
                            query = query.bind(created_at);
                        }
                        results[i] = Some(StoredResponse {
                            id: r.id,
                            created: true,
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
                                    });
                                    held_by_others += 1;
                                }
                            }
                            if held_by_others != skipped {
                                return Ok(false);
                            }
                        }
                        ResponseInsert::SkipStoredKeysReturningIds => {
                            let rows =
                                query.fetch_all(&mut *conn).await.map_err(response_write)?;
                            let written = rows
                                .iter()
                                .map(|row| get::<Uuid>(row, "id"))
                                .collect::<StoreResult<::std::collections::HashSet<_>>>()?;
                            for &i in chunk {
                                if !written.contains(&batch[i].response.id.as_uuid()) {
                                    results[i] = Some(StoredResponse {
                                        id: key_holder(conn, &batch[i]).await?,
                                        created: false,
                                    });
                                }
                            }
                        }
                    }
                }
                Ok(true)
            }

            #[$crate::__private::async_trait]
            impl Store for $store {
                fn backend(&self) -> &'static str {
                    $backend
                }

                // --- workspaces and people ----------------------------------------------------

                async fn has_no_workspace(&self) -> StoreResult<bool> {
                    let any = ::sqlx::query("SELECT id FROM workspaces LIMIT 1")
                        .fetch_optional(self.pool())
                        .await
                        .map_err(db)?;
                    Ok(any.is_none())
                }

                async fn create_workspace(
                    &self,
                    slug: &d::Slug,
                    name: &d::Name,
                    owner: NewUser,
                ) -> StoreResult<(d::Workspace, d::User)> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    let workspace = d::Workspace {
                        id: d::WorkspaceId::new(),
                        slug: slug.clone(),
                        name: name.clone(),
                        created_at: d::now(),
                    };
                    ::sqlx::query(
                        "INSERT INTO workspaces (id, slug, name, created_at) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(workspace.id.as_uuid())
                    .bind(workspace.slug.as_str())
                    .bind(workspace.name.as_str())
                    .bind(to_micros(workspace.created_at))
                    .execute(&mut *tx)
                    .await
                    .map_err(unique_is(ConflictKind::SlugTaken))?;
                    let user = find_or_create_user(&mut tx, &owner).await?;
                    let (ws_id, owner_id) = (workspace.id.as_uuid(), user.id.as_uuid());
                    insert_member(&mut tx, ws_id, owner_id, d::Role::Owner).await?;
                    tx.commit().await.map_err(db)?;
                    Ok((workspace, user))
                }

                async fn workspace_by_slug(&self, slug: &d::Slug) -> StoreResult<d::Workspace> {
                    // Served by the unique index on workspaces(slug).
                    let row = ::sqlx::query(
                        "SELECT id, slug, name, created_at FROM workspaces WHERE slug = $1",
                    )
                    .bind(slug.as_str())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    workspace_row(&row)
                }

                async fn all_workspaces(&self) -> StoreResult<Vec<d::Workspace>> {
                    let rows = ::sqlx::query(
                        "SELECT id, slug, name, created_at FROM workspaces ORDER BY created_at, id",
                    )
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    rows.iter().map(workspace_row).collect()
                }

                async fn workspace(&self, id: d::WorkspaceId) -> StoreResult<d::Workspace> {
                    // Served by the primary key of workspaces.
                    let row = ::sqlx::query("SELECT id, slug, name, created_at FROM workspaces WHERE id = $1")
                        .bind(id.as_uuid())
                        .fetch_optional(self.pool())
                        .await
                        .map_err(db)?
                        .ok_or(StoreError::NotFound)?;
                    workspace_row(&row)
                }

                async fn memberships(
                    &self,
                    user: d::UserId,
                ) -> StoreResult<Vec<(d::Workspace, d::Role)>> {
                    // Served by the index members(user_id).
                    let rows = ::sqlx::query(
                        "SELECT w.id, w.slug, w.name, w.created_at, m.role \
                         FROM members m JOIN workspaces w ON w.id = m.workspace_id \
                         WHERE m.user_id = $1",
                    )
                    .bind(user.as_uuid())
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    let mut out = rows
                        .iter()
                        .map(|row| Ok((workspace_row(row)?, parse_col::<d::Role>(row, "role")?)))
                        .collect::<StoreResult<Vec<_>>>()?;
                    // Sorted here, not in SQL: collations differ between the backends.
                    out.sort_by(|a, b| a.0.slug.as_str().cmp(b.0.slug.as_str()));
                    Ok(out)
                }

                async fn user_credentials(&self, email: &d::Email) -> StoreResult<UserCredentials> {
                    // Served by the unique index on users(email).
                    let row = ::sqlx::query(
                        "SELECT id, email, name, password_hash FROM users WHERE email = $1",
                    )
                    .bind(email.as_str())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    Ok(UserCredentials {
                        user: user_row(&row)?,
                        password_hash: get(&row, "password_hash")?,
                    })
                }

                async fn user(&self, id: d::UserId) -> StoreResult<d::User> {
                    let row = ::sqlx::query("SELECT id, email, name FROM users WHERE id = $1")
                        .bind(id.as_uuid())
                        .fetch_optional(self.pool())
                        .await
                        .map_err(db)?
                        .ok_or(StoreError::NotFound)?;
                    user_row(&row)
                }

                async fn set_password(
                    &self,
                    user: d::UserId,
                    password_hash: &str,
                ) -> StoreResult<()> {
                    let done = ::sqlx::query("UPDATE users SET password_hash = $1 WHERE id = $2")
                        .bind(password_hash)
                        .bind(user.as_uuid())
                        .execute(self.pool())
                        .await
                        .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    Ok(())
                }

                async fn add_member(
                    &self,
                    ws: d::WorkspaceId,
                    user: NewUser,
                    role: d::Role,
                ) -> StoreResult<d::Member> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    let exists = ::sqlx::query("SELECT id FROM workspaces WHERE id = $1")
                        .bind(ws.as_uuid())
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db)?;
                    if exists.is_none() {
                        return Err(StoreError::NotFound);
                    }
                    let user = find_or_create_user(&mut tx, &user).await?;
                    insert_member(&mut tx, ws.as_uuid(), user.id.as_uuid(), role).await?;
                    tx.commit().await.map_err(db)?;
                    Ok(d::Member { user, role })
                }

                async fn members(&self, ws: d::WorkspaceId) -> StoreResult<Vec<d::Member>> {
                    // Served by the primary key members(workspace_id, user_id).
                    let rows = ::sqlx::query(
                        "SELECT u.id, u.email, u.name, m.role \
                         FROM members m JOIN users u ON u.id = m.user_id \
                         WHERE m.workspace_id = $1",
                    )
                    .bind(ws.as_uuid())
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    let mut out = rows
                        .iter()
                        .map(|row| {
                            Ok(d::Member {
                                user: user_row(row)?,
                                role: parse_col::<d::Role>(row, "role")?,
                            })
                        })
                        .collect::<StoreResult<Vec<_>>>()?;
                    // Sorted here, not in SQL: collations differ between the backends.
                    out.sort_by_cached_key(|m| {
                        (m.user.name.as_str().to_lowercase(), m.user.email.to_string())
                    });
                    Ok(out)
                }

                async fn member_role(
                    &self,
                    ws: d::WorkspaceId,
                    user: d::UserId,
                ) -> StoreResult<d::Role> {
                    let mut conn = self.pool().acquire().await.map_err(db)?;
                    role_of(&mut conn, ws.as_uuid(), user.as_uuid()).await
                }

                async fn set_member_role(
                    &self,
                    ws: d::WorkspaceId,
                    user: d::UserId,
                    role: d::Role,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    <$store>::lock_workspace(&mut tx, ws.as_uuid()).await.map_err(db)?;
                    if role != d::Role::Owner {
                        keep_an_owner(&mut tx, ws.as_uuid(), user.as_uuid()).await?;
                    }
                    let done = ::sqlx::query(
                        "UPDATE members SET role = $1 WHERE workspace_id = $2 AND user_id = $3",
                    )
                    .bind(role.as_str())
                    .bind(ws.as_uuid())
                    .bind(user.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                async fn remove_member(
                    &self,
                    ws: d::WorkspaceId,
                    user: d::UserId,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    <$store>::lock_workspace(&mut tx, ws.as_uuid()).await.map_err(db)?;
                    keep_an_owner(&mut tx, ws.as_uuid(), user.as_uuid()).await?;
                    // Served by the index touchpoints(workspace_id, owner_member_id).
                    ::sqlx::query(
                        "UPDATE touchpoints SET owner_member_id = NULL \
                         WHERE workspace_id = $1 AND owner_member_id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(user.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    let done = ::sqlx::query(
                        "DELETE FROM members WHERE workspace_id = $1 AND user_id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(user.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                // --- sessions and tokens ------------------------------------------------------

                async fn create_session(&self, session: &Session) -> StoreResult<()> {
                    // Housekeeping: expired sessions go (served by the index
                    // sessions(expires_at)).
                    ::sqlx::query("DELETE FROM sessions WHERE expires_at <= $1")
                        .bind(to_micros(d::now()))
                        .execute(self.pool())
                        .await
                        .map_err(db)?;
                    ::sqlx::query(
                        "INSERT INTO sessions (token_hash, user_id, csrf_token, expires_at) \
                         VALUES ($1, $2, $3, $4)",
                    )
                    .bind(session.token_hash.as_str())
                    .bind(session.user_id.as_uuid())
                    .bind(session.csrf_token.as_str())
                    .bind(to_micros(session.expires_at))
                    .execute(self.pool())
                    .await
                    .map_err(db)?;
                    Ok(())
                }

                async fn session(
                    &self,
                    token_hash: &str,
                    now: OffsetDateTime,
                ) -> StoreResult<Session> {
                    let row = ::sqlx::query(
                        "SELECT token_hash, user_id, csrf_token, expires_at FROM sessions \
                         WHERE token_hash = $1 AND expires_at > $2",
                    )
                    .bind(token_hash)
                    .bind(to_micros(now))
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    Ok(Session {
                        token_hash: get(&row, "token_hash")?,
                        user_id: d::UserId(get(&row, "user_id")?),
                        csrf_token: get(&row, "csrf_token")?,
                        expires_at: time(&row, "expires_at")?,
                    })
                }

                async fn delete_session(&self, token_hash: &str) -> StoreResult<()> {
                    // Signing out twice is fine: no NotFound.
                    ::sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
                        .bind(token_hash)
                        .execute(self.pool())
                        .await
                        .map_err(db)?;
                    Ok(())
                }

                async fn create_api_token(
                    &self,
                    ws: d::WorkspaceId,
                    name: &d::Name,
                    scope: d::TokenScope,
                    token_hash: &str,
                ) -> StoreResult<ApiToken> {
                    let token = ApiToken {
                        id: d::TokenId::new(),
                        workspace_id: ws,
                        name: name.clone(),
                        scope,
                        created_at: d::now(),
                    };
                    ::sqlx::query(
                        "INSERT INTO api_tokens (workspace_id, id, token_hash, name, scope, \
                         created_at) VALUES ($1, $2, $3, $4, $5, $6)",
                    )
                    .bind(ws.as_uuid())
                    .bind(token.id.as_uuid())
                    .bind(token_hash)
                    .bind(token.name.as_str())
                    .bind(scope.as_str())
                    .bind(to_micros(token.created_at))
                    .execute(self.pool())
                    .await
                    .map_err(|e| match &e {
                        ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                            StoreError::NotFound
                        }
                        _ => db(e),
                    })?;
                    Ok(token)
                }

                async fn api_token_by_hash(&self, token_hash: &str) -> StoreResult<ApiToken> {
                    // Served by the unique index on api_tokens(token_hash).
                    let row = ::sqlx::query(
                        "SELECT workspace_id, id, name, scope, created_at FROM api_tokens \
                         WHERE token_hash = $1",
                    )
                    .bind(token_hash)
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    token_row(&row)
                }

                async fn api_tokens(&self, ws: d::WorkspaceId) -> StoreResult<Vec<ApiToken>> {
                    // Served by the primary key api_tokens(workspace_id, id).
                    let rows = ::sqlx::query(
                        "SELECT workspace_id, id, name, scope, created_at FROM api_tokens \
                         WHERE workspace_id = $1 ORDER BY id",
                    )
                    .bind(ws.as_uuid())
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    rows.iter().map(token_row).collect()
                }

                async fn revoke_api_token(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::TokenId,
                ) -> StoreResult<()> {
                    let done = ::sqlx::query(
                        "DELETE FROM api_tokens WHERE workspace_id = $1 AND id = $2",
                    )
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

                // --- personas -----------------------------------------------------------------

                async fn personas(
                    &self,
                    ws: d::WorkspaceId,
                    page_req: PageRequest<d::PersonaId>,
                ) -> StoreResult<Page<d::Persona, d::PersonaId>> {
                    // Served by the primary key personas(workspace_id, id).
                    let rows = ::sqlx::query(
                        "SELECT id, name, description, needs, goals, behaviours, pains, \
                         demographics, created_at, updated_at FROM personas \
                         WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3",
                    )
                    .bind(ws.as_uuid())
                    .bind(page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
                    .bind(sql_limit(page_req.limit))
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    let items = rows.iter().map(persona_row).collect::<StoreResult<Vec<_>>>()?;
                    Ok(page(items, page_req.limit, |p| p.id))
                }

                async fn persona(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::PersonaId,
                ) -> StoreResult<d::Persona> {
                    let row = ::sqlx::query(
                        "SELECT id, name, description, needs, goals, behaviours, pains, \
                         demographics, created_at, updated_at FROM personas \
                         WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    persona_row(&row)
                }

                async fn create_persona(
                    &self,
                    ws: d::WorkspaceId,
                    fields: &d::PersonaFields,
                ) -> StoreResult<d::Persona> {
                    let now = d::now();
                    let persona = d::Persona {
                        id: d::PersonaId::new(),
                        fields: fields.clone(),
                        created_at: now,
                        updated_at: now,
                    };
                    ::sqlx::query(
                        "INSERT INTO personas (workspace_id, id, name, description, needs, \
                         goals, behaviours, pains, demographics, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)",
                    )
                    .bind(ws.as_uuid())
                    .bind(persona.id.as_uuid())
                    .bind(fields.name.as_str())
                    .bind(fields.description.as_str())
                    .bind(fields.needs.as_str())
                    .bind(fields.goals.as_str())
                    .bind(fields.behaviours.as_str())
                    .bind(fields.pains.as_str())
                    .bind(fields.demographics.as_str())
                    .bind(to_micros(now))
                    .bind(to_micros(now))
                    .execute(self.pool())
                    .await
                    .map_err(|e| match &e {
                        ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                            StoreError::NotFound
                        }
                        _ => db(e),
                    })?;
                    Ok(persona)
                }

                async fn update_persona(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::PersonaId,
                    fields: &d::PersonaFields,
                ) -> StoreResult<d::Persona> {
                    let now = d::now();
                    let row = ::sqlx::query(
                        "UPDATE personas SET name = $1, description = $2, needs = $3, \
                         goals = $4, behaviours = $5, pains = $6, demographics = $7, \
                         updated_at = $8 WHERE workspace_id = $9 AND id = $10 \
                         RETURNING created_at",
                    )
                    .bind(fields.name.as_str())
                    .bind(fields.description.as_str())
                    .bind(fields.needs.as_str())
                    .bind(fields.goals.as_str())
                    .bind(fields.behaviours.as_str())
                    .bind(fields.pains.as_str())
                    .bind(fields.demographics.as_str())
                    .bind(to_micros(now))
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    Ok(d::Persona {
                        id,
                        fields: fields.clone(),
                        created_at: time(&row, "created_at")?,
                        updated_at: now,
                    })
                }

                async fn delete_persona(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::PersonaId,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    // Journeys keep their maps and lose the link (served by the index
                    // journeys(workspace_id, persona_id)).
                    ::sqlx::query(
                        "UPDATE journeys SET persona_id = NULL \
                         WHERE workspace_id = $1 AND persona_id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    let done = ::sqlx::query(
                        "DELETE FROM personas WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                // --- journeys -----------------------------------------------------------------

                async fn journeys(
                    &self,
                    ws: d::WorkspaceId,
                    page_req: PageRequest<d::JourneyId>,
                ) -> StoreResult<Page<d::JourneySummary, d::JourneyId>> {
                    // Served by the primary key journeys(workspace_id, id); the counts by the
                    // indexes stages(workspace_id, journey_id, id) and
                    // touchpoints(workspace_id, journey_id, stage_id).
                    let rows = ::sqlx::query(
                        "SELECT j.id, j.name, j.persona_id, j.version, j.updated_at, \
                         (SELECT COUNT(*) FROM stages s \
                          WHERE s.workspace_id = j.workspace_id AND s.journey_id = j.id) \
                          AS stage_count, \
                         (SELECT COUNT(*) FROM touchpoints t \
                          WHERE t.workspace_id = j.workspace_id AND t.journey_id = j.id) \
                          AS touchpoint_count \
                         FROM journeys j WHERE j.workspace_id = $1 AND j.id > $2 \
                         ORDER BY j.id LIMIT $3",
                    )
                    .bind(ws.as_uuid())
                    .bind(page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
                    .bind(sql_limit(page_req.limit))
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    let items = rows
                        .iter()
                        .map(|row| {
                            Ok(d::JourneySummary {
                                id: d::JourneyId(get(row, "id")?),
                                name: name(row, "name")?,
                                persona_id: get::<Option<Uuid>>(row, "persona_id")?
                                    .map(d::PersonaId),
                                version: get(row, "version")?,
                                stage_count: get(row, "stage_count")?,
                                touchpoint_count: get(row, "touchpoint_count")?,
                                updated_at: time(row, "updated_at")?,
                            })
                        })
                        .collect::<StoreResult<Vec<_>>>()?;
                    Ok(page(items, page_req.limit, |j| j.id))
                }

                async fn journey(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::JourneyId,
                ) -> StoreResult<d::Journey> {
                    let mut tx = self.begin_read().await.map_err(db)?;
                    let journey = load_journey(&mut tx, ws.as_uuid(), id.as_uuid()).await?;
                    tx.commit().await.map_err(db)?;
                    Ok(journey)
                }

                async fn create_journey(
                    &self,
                    ws: d::WorkspaceId,
                    journey: &d::Journey,
                    author: &Author,
                    changes: &[d::Change],
                ) -> StoreResult<d::Journey> {
                    let mut stored = journey.clone();
                    stored.version = 1;
                    stored.created_at = truncate(journey.created_at);
                    stored.updated_at = d::now();
                    let mut tx = self.begin_write().await.map_err(db)?;
                    ::sqlx::query(
                        "INSERT INTO journeys (workspace_id, id, name, description, persona_id, \
                         version, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                    )
                    .bind(ws.as_uuid())
                    .bind(stored.id.as_uuid())
                    .bind(stored.fields.name.as_str())
                    .bind(stored.fields.description.as_str())
                    .bind(stored.fields.persona_id.map(|p| p.as_uuid()))
                    .bind(stored.version)
                    .bind(to_micros(stored.created_at))
                    .bind(to_micros(stored.updated_at))
                    .execute(&mut *tx)
                    .await
                    .map_err(journey_write)?;
                    write_parts(&mut tx, ws.as_uuid(), &stored).await?;
                    insert_revision(&mut tx, ws.as_uuid(), &stored, author, changes).await?;
                    tx.commit().await.map_err(db)?;
                    Ok(stored)
                }

                async fn save_journey(
                    &self,
                    ws: d::WorkspaceId,
                    journey: &d::Journey,
                    author: &Author,
                    changes: &[d::Change],
                ) -> StoreResult<d::Journey> {
                    let mut saved = journey.clone();
                    saved.updated_at = d::now();
                    let mut tx = self.begin_write().await.map_err(db)?;
                    let row = ::sqlx::query(
                        "UPDATE journeys SET name = $1, description = $2, persona_id = $3, \
                         version = version + 1, updated_at = $4 \
                         WHERE workspace_id = $5 AND id = $6 AND version = $7 \
                         RETURNING version, created_at",
                    )
                    .bind(saved.fields.name.as_str())
                    .bind(saved.fields.description.as_str())
                    .bind(saved.fields.persona_id.map(|p| p.as_uuid()))
                    .bind(to_micros(saved.updated_at))
                    .bind(ws.as_uuid())
                    .bind(saved.id.as_uuid())
                    .bind(journey.version)
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(journey_write)?;
                    let Some(row) = row else {
                        let exists =
                            journey_exists(&mut tx, ws.as_uuid(), journey.id.as_uuid()).await?;
                        return Err(if exists {
                            StoreError::Conflict(ConflictKind::StaleVersion)
                        } else {
                            StoreError::NotFound
                        });
                    };
                    saved.version = get(&row, "version")?;
                    saved.created_at = time(&row, "created_at")?;
                    write_parts(&mut tx, ws.as_uuid(), &saved).await?;
                    insert_revision(&mut tx, ws.as_uuid(), &saved, author, changes).await?;
                    tx.commit().await.map_err(db)?;
                    Ok(saved)
                }

                async fn delete_journey(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::JourneyId,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    // The surveys of its touchpoints stay and lose the link (served by the
                    // indexes touchpoints(workspace_id, journey_id, …) and
                    // surveys(workspace_id, touchpoint_id)).
                    ::sqlx::query(
                        "UPDATE surveys SET touchpoint_id = NULL WHERE workspace_id = $1 \
                         AND touchpoint_id IN (SELECT id FROM touchpoints \
                         WHERE workspace_id = $1 AND journey_id = $2)",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    // Stages, touchpoints and revisions go with it (ON DELETE CASCADE).
                    let done = ::sqlx::query(
                        "DELETE FROM journeys WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                async fn revisions(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::JourneyId,
                ) -> StoreResult<Vec<d::Revision>> {
                    // Served by the primary key journey_revisions(workspace_id, journey_id,
                    // version).
                    let rows = ::sqlx::query(
                        "SELECT version, author, author_id, changes, created_at \
                         FROM journey_revisions WHERE workspace_id = $1 AND journey_id = $2 \
                         ORDER BY version DESC",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    if rows.is_empty() {
                        // Every journey has a first revision: none means no such journey.
                        return Err(StoreError::NotFound);
                    }
                    rows.iter().map(revision_row).collect()
                }

                async fn revision(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::JourneyId,
                    version: i64,
                ) -> StoreResult<RevisionWithSnapshot> {
                    let row = ::sqlx::query(
                        "SELECT version, author, author_id, changes, snapshot, created_at \
                         FROM journey_revisions \
                         WHERE workspace_id = $1 AND journey_id = $2 AND version = $3",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .bind(version)
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    let snapshot: String = get(&row, "snapshot")?;
                    Ok(RevisionWithSnapshot {
                        revision: revision_row(&row)?,
                        journey: $crate::__private::serde_json::from_str(&snapshot)
                            .map_err(|_| corrupt("revision snapshot", "…"))?,
                    })
                }

                // --- surveys ------------------------------------------------------------------

                async fn surveys(
                    &self,
                    ws: d::WorkspaceId,
                    page_req: PageRequest<d::SurveyId>,
                ) -> StoreResult<Page<d::Survey, d::SurveyId>> {
                    // Served by the primary key surveys(workspace_id, id).
                    let rows = ::sqlx::query(
                        "SELECT id, public_id, name, kind, scale_low, scale_high, \
                         default_locale, definition, touchpoint_id, status, anonymous, \
                         throttle_days, created_at, updated_at FROM surveys \
                         WHERE workspace_id = $1 AND id > $2 ORDER BY id LIMIT $3",
                    )
                    .bind(ws.as_uuid())
                    .bind(page_req.after.map(|a| a.as_uuid()).unwrap_or(Uuid::nil()))
                    .bind(sql_limit(page_req.limit))
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    let items = rows.iter().map(survey_row).collect::<StoreResult<Vec<_>>>()?;
                    Ok(page(items, page_req.limit, |s| s.id))
                }

                async fn survey(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::SurveyId,
                ) -> StoreResult<d::Survey> {
                    let row = ::sqlx::query(
                        "SELECT id, public_id, name, kind, scale_low, scale_high, \
                         default_locale, definition, touchpoint_id, status, anonymous, \
                         throttle_days, created_at, updated_at FROM surveys \
                         WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    survey_row(&row)
                }

                async fn survey_by_public_id(
                    &self,
                    public_id: &str,
                ) -> StoreResult<(d::WorkspaceId, d::Survey)> {
                    // Served by the unique index on surveys(public_id).
                    let row = ::sqlx::query(
                        "SELECT workspace_id, id, public_id, name, kind, scale_low, scale_high, \
                         default_locale, definition, touchpoint_id, status, anonymous, \
                         throttle_days, created_at, updated_at FROM surveys \
                         WHERE public_id = $1",
                    )
                    .bind(public_id)
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    Ok((d::WorkspaceId(get(&row, "workspace_id")?), survey_row(&row)?))
                }

                async fn create_survey(
                    &self,
                    ws: d::WorkspaceId,
                    fields: &d::SurveyFields,
                    public_id: &str,
                ) -> StoreResult<d::Survey> {
                    let now = d::now();
                    let survey = d::Survey {
                        id: d::SurveyId::new(),
                        public_id: public_id.to_owned(),
                        fields: fields.clone(),
                        created_at: now,
                        updated_at: now,
                    };
                    ::sqlx::query(
                        "INSERT INTO surveys (workspace_id, id, public_id, name, kind, \
                         scale_low, scale_high, default_locale, definition, touchpoint_id, \
                         status, anonymous, throttle_days, created_at, updated_at) \
                         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, \
                         $15)",
                    )
                    .bind(ws.as_uuid())
                    .bind(survey.id.as_uuid())
                    .bind(public_id)
                    .bind(fields.name.as_str())
                    .bind(fields.kind.as_str())
                    .bind(i64::from(fields.scale.low))
                    .bind(i64::from(fields.scale.high))
                    .bind(fields.default_locale.tag())
                    .bind(survey_definition(fields)?)
                    .bind(fields.touchpoint_id.map(|t| t.as_uuid()))
                    .bind(fields.status.as_str())
                    .bind(fields.anonymous)
                    .bind(i64::from(fields.throttle_days))
                    .bind(to_micros(now))
                    .bind(to_micros(now))
                    .execute(self.pool())
                    .await
                    .map_err(|e| match (&e, fields.touchpoint_id) {
                        // Without a touchpoint, only the workspace can be missing.
                        (::sqlx::Error::Database(de), None) if de.is_foreign_key_violation() => {
                            StoreError::NotFound
                        }
                        _ => survey_write(e),
                    })?;
                    Ok(survey)
                }

                async fn update_survey(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::SurveyId,
                    fields: &d::SurveyFields,
                ) -> StoreResult<d::Survey> {
                    let now = d::now();
                    let row = ::sqlx::query(
                        "UPDATE surveys SET name = $1, kind = $2, scale_low = $3, \
                         scale_high = $4, default_locale = $5, definition = $6, \
                         touchpoint_id = $7, status = $8, anonymous = $9, throttle_days = $10, \
                         updated_at = $11 WHERE workspace_id = $12 AND id = $13 \
                         RETURNING public_id, created_at",
                    )
                    .bind(fields.name.as_str())
                    .bind(fields.kind.as_str())
                    .bind(i64::from(fields.scale.low))
                    .bind(i64::from(fields.scale.high))
                    .bind(fields.default_locale.tag())
                    .bind(survey_definition(fields)?)
                    .bind(fields.touchpoint_id.map(|t| t.as_uuid()))
                    .bind(fields.status.as_str())
                    .bind(fields.anonymous)
                    .bind(i64::from(fields.throttle_days))
                    .bind(to_micros(now))
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(survey_write)?
                    .ok_or(StoreError::NotFound)?;
                    Ok(d::Survey {
                        id,
                        public_id: get(&row, "public_id")?,
                        fields: fields.clone(),
                        created_at: time(&row, "created_at")?,
                        updated_at: now,
                    })
                }

                async fn metrics_context_version(
                    &self,
                    ws: d::WorkspaceId,
                ) -> StoreResult<$crate::MetricsContextVersion> {
                    // Served by the primary keys surveys(workspace_id, id) and
                    // journeys(workspace_id, id). Sums are cast back to BIGINT (PostgreSQL
                    // sums BIGINT as NUMERIC); updated_at is summed modulo a prime so the
                    // checksum cannot overflow.
                    let row = ::sqlx::query(
                        "SELECT \
                         (SELECT COUNT(*) FROM surveys WHERE workspace_id = $1) AS s_n, \
                         (SELECT COALESCE(MAX(updated_at), 0) FROM surveys \
                          WHERE workspace_id = $1) AS s_max, \
                         (SELECT CAST(COALESCE(SUM(updated_at % 1000000007), 0) AS BIGINT) \
                          FROM surveys WHERE workspace_id = $1) AS s_sum, \
                         (SELECT COUNT(*) FROM journeys WHERE workspace_id = $1) AS j_n, \
                         (SELECT COALESCE(MAX(updated_at), 0) FROM journeys \
                          WHERE workspace_id = $1) AS j_max, \
                         (SELECT CAST(COALESCE(SUM(updated_at % 1000000007), 0) AS BIGINT) \
                          FROM journeys WHERE workspace_id = $1) AS j_sum, \
                         (SELECT CAST(COALESCE(SUM(version), 0) AS BIGINT) FROM journeys \
                          WHERE workspace_id = $1) AS j_versions",
                    )
                    .bind(ws.as_uuid())
                    .fetch_one(self.pool())
                    .await
                    .map_err(db)?;
                    let mut v = [0i64; 7];
                    for (slot, name) in v.iter_mut().zip([
                        "s_n", "s_max", "s_sum", "j_n", "j_max", "j_sum", "j_versions",
                    ]) {
                        *slot = get(&row, name)?;
                    }
                    Ok($crate::MetricsContextVersion(v))
                }

                async fn delete_survey(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::SurveyId,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    // Served by the index responses(workspace_id, survey_id, id).
                    let answered = ::sqlx::query(
                        "SELECT id FROM responses WHERE workspace_id = $1 AND survey_id = $2 \
                         LIMIT 1",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_optional(&mut *tx)
                    .await
                    .map_err(db)?;
                    if answered.is_some() {
                        return Err(StoreError::Conflict(ConflictKind::HasResponses));
                    }
                    let done = ::sqlx::query(
                        "DELETE FROM surveys WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(|e| match &e {
                        // PostgreSQL: a response committed since the check above.
                        ::sqlx::Error::Database(de) if de.is_foreign_key_violation() => {
                            StoreError::Conflict(ConflictKind::HasResponses)
                        }
                        _ => db(e),
                    })?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                // --- customers ----------------------------------------------------------------

                async fn upsert_customer(
                    &self,
                    ws: d::WorkspaceId,
                    customer: &NewCustomer,
                ) -> StoreResult<Customer> {
                    // SQLite: BEGIN IMMEDIATE serialises writers, so the first attempt wins.
                    // PostgreSQL: a concurrent upsert of the same customer can get in between
                    // the lookup and the write; the loser rolls back and finds the winner's.
                    for _ in 0..3 {
                        let mut tx = self.begin_write().await.map_err(db)?;
                        if let Some(stored) =
                            upsert_customer_in(&mut tx, ws.as_uuid(), customer).await?
                        {
                            tx.commit().await.map_err(db)?;
                            return Ok(stored);
                        }
                    }
                    Err(StoreError::Internal(
                        "upsert_customer lost three races in a row".to_owned(),
                    ))
                }

                async fn upsert_customers(
                    &self,
                    ws: d::WorkspaceId,
                    customers: &[NewCustomer],
                ) -> StoreResult<Vec<Customer>> {
                    // The same rule as upsert_customer, for many at once in one transaction:
                    // an import of thousands of customers costs one flush, not thousands.
                    'attempt: for _ in 0..3 {
                        let mut tx = self.begin_write().await.map_err(db)?;
                        let mut stored = Vec::with_capacity(customers.len());
                        for customer in customers {
                            match upsert_customer_in(&mut tx, ws.as_uuid(), customer).await? {
                                Some(c) => stored.push(c),
                                // Lost a race to a concurrent writer (PostgreSQL): start over.
                                None => continue 'attempt,
                            }
                        }
                        tx.commit().await.map_err(db)?;
                        return Ok(stored);
                    }
                    Err(StoreError::Internal(
                        "upsert_customers lost three races in a row".to_owned(),
                    ))
                }

                async fn customer(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::CustomerId,
                ) -> StoreResult<Customer> {
                    let row = ::sqlx::query(
                        "SELECT id, external_id, email, name, locale FROM customers \
                         WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    customer_row(&row)
                }

                // --- responses ----------------------------------------------------------------

                async fn insert_responses(
                    &self,
                    batch: &[ResponseToStore],
                ) -> StoreResult<Vec<StoredResponse>> {
                    use ::std::collections::hash_map::Entry;
                    if batch.is_empty() {
                        return Ok(Vec::new());
                    }
                    // Plan outside the transaction (the write lock is held for less time):
                    // rows without a key, the first row of each key, and the repeats of a key
                    // earlier in the batch (which resolve to that first row).
                    let mut plain = Vec::new();
                    let mut keyed = Vec::new();
                    let mut repeats = Vec::new();
                    let mut first_of_key = ::std::collections::HashMap::new();
                    let mut touchpoints = ::std::collections::BTreeSet::new();
                    let mut json = Vec::with_capacity(batch.len());
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
                    if !serialised_writes($backend) {
                        let key_of = |i: usize| {
                            let (item, r) = (&batch[i], &batch[i].response);
                            (item.workspace_id, r.survey_id, r.client_key.as_deref())
                        };
                        keyed.sort_by(|&a, &b| key_of(a).cmp(&key_of(b)));
                    }

                    let mut results: Vec<Option<StoredResponse>> = vec![None; batch.len()];
                    let mut keyed_mode = ResponseInsert::SkipStoredKeys;
                    loop {
                        let mut tx = self.begin_write().await.map_err(db)?;
                        // Responses keep their touchpoint when it is later deleted, so there is
                        // no foreign key: check it here, once per touchpoint of the batch.
                        for (ws, tp) in &touchpoints {
                            let there = ::sqlx::query(
                                "SELECT id FROM touchpoints WHERE workspace_id = $1 AND id = $2",
                            )
                            .bind(*ws)
                            .bind(*tp)
                            .fetch_optional(&mut *tx)
                            .await
                            .map_err(db)?;
                            if there.is_none() {
                                return Err(StoreError::Conflict(ConflictKind::StaleReference));
                            }
                        }
                        let created_at = to_micros(d::now());
                        let plain_mode = ResponseInsert::Plain;
                        insert_response_rows(
                            &mut tx, batch, &plain, &json, created_at, plain_mode, &mut results,
                        )
                        .await?;
                        let told = insert_response_rows(
                            &mut tx, batch, &keyed, &json, created_at, keyed_mode, &mut results,
                        )
                        .await?;
                        if told {
                            tx.commit().await.map_err(db)?;
                            break;
                        }
                        // Rare: a key re-sent with its first response id. Write again, with
                        // the ids of the rows written returned.
                        tx.rollback().await.map_err(db)?;
                        keyed_mode = ResponseInsert::SkipStoredKeysReturningIds;
                    }
                    for (i, first) in repeats {
                        results[i] = results[first].map(|f| StoredResponse {
                            id: f.id,
                            created: false,
                        });
                    }
                    results
                        .into_iter()
                        .map(|r| {
                            r.ok_or_else(|| {
                                StoreError::Internal("a response of the batch has no result".into())
                            })
                        })
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
                    let row = ::sqlx::query(
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
                    ::sqlx::query(
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

                async fn response(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::ResponseId,
                ) -> StoreResult<d::NewResponse> {
                    let row = ::sqlx::query(
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

                async fn delete_response(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::ResponseId,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    let done = ::sqlx::query(
                        "DELETE FROM responses WHERE workspace_id = $1 AND id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(id.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                async fn response_by_client_key(
                    &self,
                    ws: d::WorkspaceId,
                    survey: d::SurveyId,
                    key: &str,
                ) -> StoreResult<Option<d::ResponseId>> {
                    // Served by the unique index responses(workspace_id, survey_id, client_key).
                    let row = ::sqlx::query(
                        "SELECT id FROM responses WHERE workspace_id = $1 AND survey_id = $2 \
                         AND client_key = $3",
                    )
                    .bind(ws.as_uuid())
                    .bind(survey.as_uuid())
                    .bind(key)
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?;
                    row.map(|row| get(&row, "id").map(d::ResponseId)).transpose()
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
                        Some(survey) => ::sqlx::query(
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
                        .await,
                        // Served by the primary key responses(workspace_id, id).
                        None => ::sqlx::query(
                            "SELECT id, survey_id, score, answers, comment, touchpoint_id, \
                             channel, locale, customer_id, attributes, submitted_at, client_key \
                             FROM responses WHERE workspace_id = $1 AND id > $2 \
                             ORDER BY id LIMIT $3",
                        )
                        .bind(ws.as_uuid())
                        .bind(after)
                        .bind(sql_limit(page_req.limit))
                        .fetch_all(self.pool())
                        .await,
                    }
                    .map_err(db)?;
                    let items = rows.iter().map(response_row).collect::<StoreResult<Vec<_>>>()?;
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
                    let rows = ::sqlx::query(
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

                async fn last_response_at(
                    &self,
                    ws: d::WorkspaceId,
                    survey: d::SurveyId,
                    customer: d::CustomerId,
                ) -> StoreResult<Option<OffsetDateTime>> {
                    // Served by the index responses(workspace_id, survey_id, customer_id,
                    // submitted_at): one step from its end.
                    let row = ::sqlx::query(
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
                    row.as_ref().map(|row| time(row, "submitted_at")).transpose()
                }

                // --- invitations --------------------------------------------------------------

                async fn create_invitations(
                    &self,
                    ws: d::WorkspaceId,
                    survey: d::SurveyId,
                    invitees: &[NewInvitation],
                    not_since: OffsetDateTime,
                    fallback_locale: d::Locale,
                ) -> StoreResult<Vec<d::invitation::InviteOutcome>> {
                    use d::invitation::InviteOutcome;
                    let (wsu, survey) = (ws.as_uuid(), survey.as_uuid());
                    let not_since = to_micros(not_since);
                    'attempt: for _ in 0..3 {
                        let mut tx = self.begin_write().await.map_err(db)?;
                        // Two concurrent invitations of one customer wait for each other, so
                        // the second sees the first and is throttled.
                        <$store>::lock_workspace(&mut tx, wsu).await.map_err(db)?;
                        let there = ::sqlx::query(
                            "SELECT id FROM surveys WHERE workspace_id = $1 AND id = $2",
                        )
                        .bind(wsu)
                        .bind(survey)
                        .fetch_optional(&mut *tx)
                        .await
                        .map_err(db)?;
                        if there.is_none() {
                            return Err(StoreError::NotFound);
                        }
                        let created_at = to_micros(d::now());
                        let mut outcomes = Vec::with_capacity(invitees.len());
                        for new in invitees {
                            let Some(customer) =
                                upsert_customer_in(&mut tx, wsu, &new.customer).await?
                            else {
                                // Lost a race to a concurrent writer (PostgreSQL): start over.
                                continue 'attempt;
                            };
                            let cid = customer.id.as_uuid();
                            if let Some(why) =
                                invitation_refused(&mut tx, wsu, survey, cid, not_since).await?
                            {
                                outcomes.push(InviteOutcome::Skipped(why));
                                continue;
                            }
                            let locale = customer.locale.unwrap_or(fallback_locale);
                            ::sqlx::query(
                                "INSERT INTO invitations (workspace_id, id, survey_id, \
                                 customer_id, token, locale, reminder_days, created_at) \
                                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8)",
                            )
                            .bind(wsu)
                            .bind(new.id.as_uuid())
                            .bind(survey)
                            .bind(cid)
                            .bind(new.token.as_str())
                            .bind(locale.tag())
                            .bind(i64::from(new.reminder_days))
                            .bind(created_at)
                            .execute(&mut *tx)
                            .await
                            .map_err(db)?;
                            outcomes.push(InviteOutcome::Invited(new.id));
                        }
                        tx.commit().await.map_err(db)?;
                        return Ok(outcomes);
                    }
                    Err(StoreError::Internal(
                        "create_invitations lost three races in a row".to_owned(),
                    ))
                }

                async fn invitation_by_token(
                    &self,
                    token: &str,
                ) -> StoreResult<(d::WorkspaceId, d::invitation::Invitation)> {
                    // Served by the unique index on invitations(token).
                    let row = ::sqlx::query(
                        "SELECT workspace_id, id, survey_id, customer_id, locale, reminder_days, \
                         created_at, sent_at, reminded_at FROM invitations WHERE token = $1",
                    )
                    .bind(token)
                    .fetch_optional(self.pool())
                    .await
                    .map_err(db)?
                    .ok_or(StoreError::NotFound)?;
                    Ok((d::WorkspaceId(get(&row, "workspace_id")?), invitation_row(&row)?))
                }

                async fn mail_due(
                    &self,
                    now: OffsetDateTime,
                    limit: u32,
                ) -> StoreResult<Vec<MailDue>> {
                    // One column list and join for both statements, as a literal (sqlx takes
                    // only static SQL).
                    macro_rules! due_select {
                        ($tail:literal) => {
                            concat!(
                                "SELECT i.workspace_id, i.id, i.survey_id, i.customer_id, ",
                                "i.token, i.locale, i.reminder_days, i.created_at, i.sent_at, ",
                                "i.reminded_at, c.email, c.name FROM invitations i ",
                                "JOIN customers c ON c.workspace_id = i.workspace_id ",
                                "AND c.id = i.customer_id JOIN surveys s ",
                                "ON s.workspace_id = i.workspace_id AND s.id = i.survey_id ",
                                "WHERE c.unsubscribed_at IS NULL AND c.email IS NOT NULL ",
                                "AND s.status = 'live' AND ",
                                $tail
                            )
                        };
                    }
                    // Served by the partial index invitations_unsent.
                    let unsent = ::sqlx::query(due_select!(
                        "i.sent_at IS NULL ORDER BY i.created_at LIMIT $1"
                    ))
                    .bind(sql_limit(limit))
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    // Served by the partial index invitations_to_remind; "answered" by
                    // responses(workspace_id, survey_id, customer_id, submitted_at).
                    let reminders = ::sqlx::query(due_select!(
                        "i.reminded_at IS NULL AND i.reminder_days > 0 \
                         AND i.sent_at IS NOT NULL \
                         AND i.sent_at + i.reminder_days * 86400000000 <= $1 \
                         AND NOT EXISTS (SELECT 1 FROM responses r \
                         WHERE r.workspace_id = i.workspace_id AND r.survey_id = i.survey_id \
                         AND r.customer_id = i.customer_id AND r.submitted_at >= i.created_at) \
                         ORDER BY i.sent_at LIMIT $2"
                    ))
                    .bind(to_micros(now))
                    .bind(sql_limit(limit))
                    .fetch_all(self.pool())
                    .await
                    .map_err(db)?;
                    let kinds = unsent
                        .iter()
                        .map(|r| (r, d::invitation::MailKind::Invitation))
                        .chain(
                            reminders
                                .iter()
                                .map(|r| (r, d::invitation::MailKind::Reminder)),
                        );
                    kinds
                        .take(usize::try_from(limit).unwrap_or(usize::MAX))
                        .map(|(row, kind)| {
                            let email: String = get(row, "email")?;
                            Ok(MailDue {
                                workspace_id: d::WorkspaceId(get(row, "workspace_id")?),
                                invitation: invitation_row(row)?,
                                token: get(row, "token")?,
                                kind,
                                email: d::Email::parse(&email)
                                    .map_err(|_| corrupt("email", &email))?,
                                name: get::<Option<String>>(row, "name")?
                                    .map(|n| d::Name::parse(&n).map_err(|_| corrupt("name", &n)))
                                    .transpose()?,
                            })
                        })
                        .collect()
                }

                async fn mark_mailed(
                    &self,
                    ws: d::WorkspaceId,
                    id: d::InvitationId,
                    kind: d::invitation::MailKind,
                    at: OffsetDateTime,
                ) -> StoreResult<()> {
                    let sql = match kind {
                        d::invitation::MailKind::Invitation => {
                            "UPDATE invitations SET sent_at = COALESCE(sent_at, $1) \
                             WHERE workspace_id = $2 AND id = $3"
                        }
                        d::invitation::MailKind::Reminder => {
                            "UPDATE invitations SET reminded_at = COALESCE(reminded_at, $1) \
                             WHERE workspace_id = $2 AND id = $3"
                        }
                    };
                    let mut tx = self.begin_write().await.map_err(db)?;
                    let done = ::sqlx::query(sql)
                        .bind(to_micros(at))
                        .bind(ws.as_uuid())
                        .bind(id.as_uuid())
                        .execute(&mut *tx)
                        .await
                        .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                async fn unsubscribe(
                    &self,
                    ws: d::WorkspaceId,
                    customer: d::CustomerId,
                    at: OffsetDateTime,
                ) -> StoreResult<()> {
                    let mut tx = self.begin_write().await.map_err(db)?;
                    let done = ::sqlx::query(
                        "UPDATE customers SET unsubscribed_at = COALESCE(unsubscribed_at, $1) \
                         WHERE workspace_id = $2 AND id = $3",
                    )
                    .bind(to_micros(at))
                    .bind(ws.as_uuid())
                    .bind(customer.as_uuid())
                    .execute(&mut *tx)
                    .await
                    .map_err(db)?;
                    if done.rows_affected() == 0 {
                        return Err(StoreError::NotFound);
                    }
                    tx.commit().await.map_err(db)
                }

                async fn invitation_counts(
                    &self,
                    ws: d::WorkspaceId,
                    survey: d::SurveyId,
                ) -> StoreResult<InvitationCounts> {
                    // Served by invitations(workspace_id, survey_id, …), the customers' primary
                    // key and responses(workspace_id, survey_id, customer_id, submitted_at).
                    let row = ::sqlx::query(
                        "SELECT COUNT(*) AS invited, COUNT(i.sent_at) AS sent, \
                         COUNT(i.reminded_at) AS reminded, \
                         COALESCE(SUM(CASE WHEN c.unsubscribed_at IS NOT NULL THEN 1 ELSE 0 END), 0) \
                         AS unsubscribed, \
                         COALESCE(SUM(CASE WHEN EXISTS (SELECT 1 FROM responses r \
                         WHERE r.workspace_id = i.workspace_id AND r.survey_id = i.survey_id \
                         AND r.customer_id = i.customer_id AND r.submitted_at >= i.created_at) \
                         THEN 1 ELSE 0 END), 0) AS answered \
                         FROM invitations i JOIN customers c ON c.workspace_id = i.workspace_id \
                         AND c.id = i.customer_id WHERE i.workspace_id = $1 AND i.survey_id = $2",
                    )
                    .bind(ws.as_uuid())
                    .bind(survey.as_uuid())
                    .fetch_one(self.pool())
                    .await
                    .map_err(db)?;
                    let count = |col: &str| -> StoreResult<u64> {
                        let n: i64 = get(&row, col)?;
                        Ok(u64::try_from(n).unwrap_or(0))
                    };
                    Ok(InvitationCounts {
                        invited: count("invited")?,
                        sent: count("sent")?,
                        reminded: count("reminded")?,
                        answered: count("answered")?,
                        unsubscribed: count("unsubscribed")?,
                    })
                }

                // --- operations ---------------------------------------------------------------

                async fn backup(&self, path: &::std::path::Path) -> StoreResult<()> {
                    self.backup_to(path).await
                }
            }
        };
    };
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;
    use taith_domain::survey::{AnswerValue, FollowUpKind};
    use taith_domain::{FollowUpId, Locale, Name, SurveyKind, SurveyStatus};

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
    fn a_survey_definition_reads_back_as_written() {
        let text = |s: &str| LocalizedText([(Locale::En, s.to_owned())].into());
        let fields = SurveyFields {
            name: Name::parse("Checkout").expect("a name"),
            kind: SurveyKind::Nps,
            scale: SurveyKind::Nps.default_scale(),
            default_locale: Locale::En,
            question: LocalizedText(
                [
                    (Locale::En, "Would you recommend us?".to_owned()),
                    (Locale::Ar, "هل تنصح بنا؟".to_owned()),
                ]
                .into(),
            ),
            thank_you: text("Thanks"),
            follow_ups: vec![FollowUp {
                id: FollowUpId::new(),
                prompt: text("Which?"),
                kind: FollowUpKind::MultipleChoice {
                    options: vec![text("Bread"), text("Cake")],
                },
                when: None,
            }],
            touchpoint_id: None,
            status: SurveyStatus::Draft,
            anonymous: false,
            throttle_days: 30,
        };
        let json = survey_definition(&fields).expect("encode");
        let (question, thank_you, follow_ups) = parse_survey_definition(&json).expect("decode");
        assert_eq!(
            (question, thank_you, follow_ups),
            (fields.question, fields.thank_you, fields.follow_ups)
        );
        assert!(parse_survey_definition("[]").is_err());
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
