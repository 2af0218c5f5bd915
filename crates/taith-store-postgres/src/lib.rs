//! taith's production store: PostgreSQL, shared by any number of stateless taith nodes.
//!
//! The queries are the shared SQL implementation in `taith-store/src/sql/` (compiled here as
//! the module `sql`); this crate holds what is PostgreSQL's own: connecting, its migrations,
//! read snapshots, row locks for workspace-wide rules, and the refusal to `backup` (use
//! `pg_dump`).

pub mod bench;

use sqlx::postgres::{PgConnection, PgPool, PgPoolOptions};
use sqlx::{Postgres, Transaction};
use std::path::Path;
use taith_store::{StoreError, StoreResult};
use uuid::Uuid;

/// The PostgreSQL implementation of [`taith_store::Store`].
#[derive(Debug, Clone)]
pub struct PostgresStore {
    pool: PgPool,
}

impl PostgresStore {
    /// Connects to the database at `url` (`postgres://…`) and brings its schema up to date.
    /// Several nodes may do this at once: migrations take an advisory lock.
    pub async fn connect(url: &str) -> Result<Self, StoreError> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .after_release(|conn, _| Box::pin(outside_a_transaction(conn)))
            .connect(url)
            .await
            .map_err(|e| StoreError::internal_from("cannot connect to PostgreSQL", e))?;
        sqlx::migrate!()
            .run(&pool)
            .await
            .map_err(|e| StoreError::internal_from("migrating PostgreSQL", e))?;
        tracing::debug!("connected to PostgreSQL store");
        Ok(PostgresStore { pool })
    }

    /// Closes the pool; the store must not be used afterwards.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// Whether a connection coming back to the pool is outside any transaction block, so it may be
/// lent again; false (or an error) closes it. sqlx 0.9 can return a connection still inside a
/// transaction when the future that began it is dropped while its `BEGIN` is in flight (a
/// client that disconnects mid-request; transact-rs/sqlx#4393): the next borrower's statements
/// then run inside that stale transaction, and once one fails every later one fails with 25P02.
/// Outside a block each statement is its own transaction, so its start is the statement's
/// (sent as a simple query, where PostgreSQL guarantees the two are equal); inside one, `now()`
/// is when the block began. An aborted block fails the query, which closes the connection too.
async fn outside_a_transaction(conn: &mut PgConnection) -> Result<bool, sqlx::Error> {
    use sqlx::Row as _;
    let row = sqlx::raw_sql("SELECT now() = statement_timestamp() AS outside")
        .fetch_one(&mut *conn)
        .await?;
    row.try_get("outside")
}

/// The names the shared SQL implementation is written against (see `sql`).
type Db = Postgres;
type This = PostgresStore;

// The shared SQL implementation of the store's sub-traits, one module per capability.
#[path = "../../taith-store/src/sql/mod.rs"]
mod sql;

impl sql::Backend for PostgresStore {
    const NAME: &'static str = "postgres";
    // PostgreSQL knows only numbered parameters.
    const ANONYMOUS_PARAMS: bool = false;
    // Writers run concurrently (READ COMMITTED).
    const SERIALISED_WRITES: bool = false;

    fn pool(&self) -> &PgPool {
        &self.pool
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        // READ COMMITTED; the versioned UPDATE of a journey and lock_workspace do the rest.
        self.pool.begin().await
    }

    async fn begin_read(&self) -> Result<Transaction<'static, Postgres>, sqlx::Error> {
        // One snapshot for the several reads of a journey aggregate.
        self.pool
            .begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ, READ ONLY")
            .await
    }

    async fn lock_workspace(conn: &mut PgConnection, ws: Uuid) -> Result<(), sqlx::Error> {
        // Serialises concurrent checks of the last-owner rule within one workspace.
        sqlx::query("SELECT id FROM workspaces WHERE id = $1 FOR UPDATE")
            .bind(ws)
            .fetch_optional(conn)
            .await
            .map(|_| ())
    }

    async fn backup_to(&self, _target: &Path) -> StoreResult<()> {
        Err(StoreError::Unsupported(
            "backup of a PostgreSQL store: use pg_dump",
        ))
    }
}
