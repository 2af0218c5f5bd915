//! The one SQL implementation of the `taith_store` sub-traits, shared by the SQLite and
//! PostgreSQL backends: one module per capability, each implementing that capability's
//! sub-trait for the backend's store type.
//!
//! # How it is shared
//!
//! These files are not a module of `taith-store` (which has no sqlx dependency). Each backend
//! crate compiles them as its own module:
//!
//! ```text
//! // crates/taith-store-sqlite/src/lib.rs
//! type Db = sqlx::Sqlite;
//! type This = SqliteStore;
//! impl sql::Backend for SqliteStore { … }
//! #[path = "../../taith-store/src/sql/mod.rs"]
//! mod sql;
//! ```
//!
//! so the code here is written against the concrete names the crate root defines: `Db` (the
//! sqlx database) and `This` (the store type, which implements [`Backend`]). This was chosen
//! over code generic in the sqlx database: a generic implementation needs an `Encode`/`Decode`
//! /`Type` bound for every type it binds or reads and higher-ranked `Executor` bounds on every
//! connection, which buries the SQL under trait bounds and trips async Send inference, while
//! this way the code is plain functions on concrete types, type-checked and clippy-checked
//! once per backend. Unlike the macro it replaces, rustfmt formats it (it follows `#[path]`).
//! The price: a change here is compiled twice, and the backend crates cannot be packaged on
//! their own (`cargo package` would leave these files out).
//!
//! Long statements live in `.sql` files next to the module that runs them, pulled in with
//! `include_str!`.
//!
//! # Decisions that hold on both backends
//!
//! - The SQL text is portable (`$1` placeholders, `ON CONFLICT … DO UPDATE`, `RETURNING`,
//!   BIGINT microsecond times, ids bound as `uuid::Uuid`), so both stores run the very same
//!   queries. What differs is said by [`Backend`], never by comparing backend names, or lives
//!   in each backend's migrations (column types, a column default's clock).
//! - Errors: unique violations become the `Conflict` kind of the statement that hit them; a
//!   foreign-key violation on `workspace_id` when creating a persona or token is `NotFound`
//!   (no such workspace); every other database error is `Internal`, never `NotFound`.
//!
//! The decisions about one capability are in its module's documentation.

mod access;
mod alerts;
mod articles;
mod audit;
mod bot;
mod cases;
mod changes;
mod chat;
mod contact;
mod conversations;
mod customers;
mod events;
mod feature_requests;
mod inbox;
mod invitations;
mod journeys;
mod mail_in;
mod mentions;
mod personas;
mod privacy;
mod responses;
mod signals;
mod sites;
mod surveys;
mod two_factor;
mod voc;
mod webhooks;
mod workspaces;

use crate::{Db, This};
use async_trait::async_trait;
use sqlx::Row as _;
use std::borrow::Cow;
use std::path::Path;
use taith_domain as d;
use taith_store::{ConflictKind, OpsStore, Page, StoreError, StoreResult};
use time::OffsetDateTime;
use uuid::Uuid;

type Conn = <Db as sqlx::Database>::Connection;
type DbRow = <Db as sqlx::Database>::Row;
type Tx = sqlx::Transaction<'static, Db>;

/// What differs between the backends, implemented by each backend's store type.
pub(crate) trait Backend {
    /// `sqlite` or `postgres`, for logs.
    const NAME: &'static str;

    /// Whether the multi-row INSERT of `insert_responses` uses anonymous `?` parameters.
    ///
    /// The one place where the SQL text differs between the backends: SQLite looks up the
    /// name of a numbered parameter (`$7`, `?7`) with a linear scan of all the statement's
    /// parameter names, and sqlx asks for the name of each one when it binds, which makes
    /// binding a statement of n numbered parameters cost O(n²) — most of the time of a large
    /// batch. Anonymous `?` parameters have no name, so SQLite gets those, bound in order;
    /// PostgreSQL knows only `$n`.
    const ANONYMOUS_PARAMS: bool;

    /// Whether all write transactions run one at a time (SQLite: `BEGIN IMMEDIATE`), so the
    /// order in which a transaction writes cannot deadlock it against another.
    const SERIALISED_WRITES: bool;

    /// The connection pool.
    fn pool(&self) -> &sqlx::Pool<Db>;

    /// Begins a transaction that will write. SQLite: `BEGIN IMMEDIATE` (takes the write lock
    /// up front, so `busy_timeout` applies instead of a deadlock-style SQLITE_BUSY later).
    async fn begin_write(&self) -> Result<Tx, sqlx::Error>;

    /// Begins a read-only transaction that sees one consistent snapshot.
    async fn begin_read(&self) -> Result<Tx, sqlx::Error>;

    /// Within a write transaction, serialises writers that check a workspace-wide rule (the
    /// last-owner rule, invitation throttling). PostgreSQL: `SELECT … FOR UPDATE` on the
    /// workspace row; SQLite: nothing (`BEGIN IMMEDIATE` already serialises writers).
    async fn lock_workspace(conn: &mut Conn, ws: Uuid) -> Result<(), sqlx::Error>;

    /// [`OpsStore::backup`].
    async fn backup_to(&self, path: &Path) -> StoreResult<()>;
}

#[async_trait]
impl OpsStore for This {
    fn backend(&self) -> &'static str {
        This::NAME
    }

    async fn backup(&self, path: &Path) -> StoreResult<()> {
        self.backup_to(path).await
    }
}

/// The largest page the SQL asks for: `PageRequest::all()` has `u32::MAX`, which is fine as
/// an i64 `LIMIT`; one more row than the page tells whether there is a next page.
fn sql_limit(limit: u32) -> i64 {
    i64::from(limit.max(1)) + 1
}

/// A time as stored: unix microseconds, UTC.
fn to_micros(t: OffsetDateTime) -> i64 {
    let micros = t.unix_timestamp_nanos() / 1_000;
    i64::try_from(micros).unwrap_or(if micros < 0 { i64::MIN } else { i64::MAX })
}

/// A stored time back: unix microseconds, UTC.
fn from_micros(micros: i64) -> StoreResult<OffsetDateTime> {
    OffsetDateTime::from_unix_timestamp_nanos(i128::from(micros) * 1_000)
        .map_err(|e| StoreError::internal_from(format!("stored time {micros} out of range"), e))
}

/// A time truncated to what the stores keep (microseconds).
fn truncate(t: OffsetDateTime) -> OffsetDateTime {
    from_micros(to_micros(t)).unwrap_or(t)
}

/// A stored value that does not parse as its domain type: a fault of ours.
fn corrupt(what: &str, value: &str) -> StoreError {
    StoreError::internal(format!("corrupt stored {what}: {value:?}"))
}

/// A database error as an internal store failure: the error is kept as its source (for the
/// log), and only its kind is displayed, since a database's message may quote the data it
/// choked on.
fn db(e: sqlx::Error) -> StoreError {
    let context = match &e {
        sqlx::Error::Database(de) => match de.code() {
            Some(code) => Cow::Owned(format!("database error {code}")),
            None => Cow::Borrowed("database error"),
        },
        sqlx::Error::PoolTimedOut => "no database connection free in time".into(),
        sqlx::Error::PoolClosed => "the database pool is closed".into(),
        sqlx::Error::Io(_) | sqlx::Error::Tls(_) | sqlx::Error::Protocol(_) => {
            "lost the database connection".into()
        }
        sqlx::Error::ColumnDecode { .. }
        | sqlx::Error::ColumnNotFound(_)
        | sqlx::Error::ColumnIndexOutOfBounds { .. }
        | sqlx::Error::Decode(_)
        | sqlx::Error::TypeNotFound { .. } => "reading a stored row".into(),
        _ => "database failure".into(),
    };
    StoreError::internal_from(context, e)
}

/// Maps a unique violation to `Conflict(kind)`, anything else to `Internal`.
fn unique_is(kind: ConflictKind) -> impl Fn(sqlx::Error) -> StoreError {
    move |e| match &e {
        sqlx::Error::Database(de) if de.is_unique_violation() => StoreError::Conflict(kind),
        _ => db(e),
    }
}

fn get<'r, T>(row: &'r DbRow, col: &str) -> StoreResult<T>
where
    T: sqlx::Decode<'r, Db> + sqlx::Type<Db>,
{
    row.try_get(col).map_err(db)
}

fn time(row: &DbRow, col: &str) -> StoreResult<OffsetDateTime> {
    from_micros(get::<i64>(row, col)?)
}

fn opt_time(row: &DbRow, col: &str) -> StoreResult<Option<OffsetDateTime>> {
    get::<Option<i64>>(row, col)?.map(from_micros).transpose()
}

fn name(row: &DbRow, col: &str) -> StoreResult<d::Name> {
    let s: String = get(row, col)?;
    d::Name::parse(&s).map_err(|_| corrupt(col, &s))
}

fn long_text(row: &DbRow, col: &str) -> StoreResult<d::LongText> {
    let s: String = get(row, col)?;
    d::LongText::parse(&s).map_err(|_| corrupt(col, &s))
}

fn parse_col<T: std::str::FromStr>(row: &DbRow, col: &str) -> StoreResult<T> {
    let s: String = get(row, col)?;
    s.parse::<T>().map_err(|_| corrupt(col, &s))
}

fn small_int<T: TryFrom<i64>>(row: &DbRow, col: &str) -> StoreResult<T> {
    let v: i64 = get(row, col)?;
    T::try_from(v).map_err(|_| corrupt(col, &v.to_string()))
}

/// Items and the next cursor from up to `limit + 1` rows.
fn page<T, C: Copy>(mut items: Vec<T>, limit: u32, id: impl Fn(&T) -> C) -> Page<T, C> {
    let limit = usize::try_from(limit.max(1)).unwrap_or(usize::MAX);
    let next = if items.len() > limit {
        items.truncate(limit);
        items.last().map(&id)
    } else {
        None
    };
    Page { items, next }
}
