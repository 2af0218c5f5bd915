//! taith's embedded store: one SQLite file under the data directory.
//!
//! The queries are the shared SQL implementation in `taith-store/src/sql/` (compiled here as
//! the module `sql`); this crate holds what is SQLite's own: the connection settings, its
//! migrations, how a write transaction begins, and `backup` by `VACUUM INTO`.
//!
//! Every connection runs in WAL mode with `foreign_keys=ON`, `synchronous=FULL` (a write is
//! acknowledged only once it is durable) and a 15 s `busy_timeout`. Write transactions begin
//! with `BEGIN IMMEDIATE`: a deferred transaction that reads and then writes fails at once
//! with SQLITE_BUSY in WAL mode when another writer got in between, instead of waiting.

use sqlx::sqlite::{
    SqliteConnectOptions, SqliteConnection, SqliteJournalMode, SqlitePool, SqlitePoolOptions,
    SqliteSynchronous,
};
use sqlx::{Sqlite, Transaction};
use std::path::{Path, PathBuf};
use std::time::Duration;
use taith_store::{StoreError, StoreResult};
use uuid::Uuid;

pub mod bench;

/// How long a connection waits for another writer before giving up. Writers take turns; on a
/// loaded two-core machine a few large writes in a row (the sentiment learner's models) held
/// the lock past 5 s, and a sign-in waiting behind them failed, so the wait is generous.
const BUSY_TIMEOUT: Duration = Duration::from_secs(15);

/// The SQLite implementation of [`taith_store::Store`].
#[derive(Debug, Clone)]
pub struct SqliteStore {
    pool: SqlitePool,
    path: PathBuf,
}

impl SqliteStore {
    /// Opens (creating it and its directory if missing) the database file at `path` and
    /// brings its schema up to date.
    pub async fn open(path: &Path) -> Result<Self, StoreError> {
        if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty()) {
            std::fs::create_dir_all(dir).map_err(|e| {
                StoreError::internal_from(format!("cannot create directory {}", dir.display()), e)
            })?;
        }
        let options = SqliteConnectOptions::new()
            .filename(path)
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .foreign_keys(true)
            .synchronous(SqliteSynchronous::Full)
            .busy_timeout(BUSY_TIMEOUT)
            // Deleted rows are overwritten with zeros in the pages that held them, so an erased
            // customer cannot be read back from the file (docs/privacy.md). FAST, not ON: ON
            // also zeroes whole freed pages, which doubled the writes of replacing a large
            // blob (a sentiment model) and held the write lock for seconds.
            .pragma("secure_delete", "FAST");
        let pool = SqlitePoolOptions::new()
            .max_connections(8)
            .connect_with(options)
            .await
            .map_err(|e| {
                StoreError::internal_from(
                    format!("cannot open SQLite database {}", path.display()),
                    e,
                )
            })?;
        sqlx::migrate!()
            .run(&pool)
            .await
            .map_err(|e| StoreError::internal_from(format!("migrating {}", path.display()), e))?;
        tracing::debug!(path = %path.display(), "opened SQLite store");
        Ok(SqliteStore {
            pool,
            path: path.to_owned(),
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Closes the pool (checkpointing the WAL); the store must not be used afterwards.
    pub async fn close(&self) {
        self.pool.close().await;
    }
}

/// The names the shared SQL implementation is written against (see `sql`).
type Db = Sqlite;
type This = SqliteStore;

// The shared SQL implementation of the store's sub-traits, one module per capability.
#[path = "../../taith-store/src/sql/mod.rs"]
mod sql;

impl sql::Backend for SqliteStore {
    const NAME: &'static str = "sqlite";
    const ANONYMOUS_PARAMS: bool = true;
    // BEGIN IMMEDIATE: one writer at a time.
    const SERIALISED_WRITES: bool = true;

    fn pool(&self) -> &SqlitePool {
        &self.pool
    }

    async fn begin_write(&self) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
        self.pool.begin_with("BEGIN IMMEDIATE").await
    }

    async fn begin_read(&self) -> Result<Transaction<'static, Sqlite>, sqlx::Error> {
        // A deferred transaction that only reads sees one snapshot and never needs the lock.
        self.pool.begin().await
    }

    async fn lock_workspace(_conn: &mut SqliteConnection, _ws: Uuid) -> Result<(), sqlx::Error> {
        // BEGIN IMMEDIATE already serialises all writers.
        Ok(())
    }

    async fn backup_to(&self, target: &Path) -> StoreResult<()> {
        if target.symlink_metadata().is_ok() {
            return Err(StoreError::internal(format!(
                "backup target {} already exists; refusing to overwrite it (choose a new file)",
                target.display()
            )));
        }
        let target_str = target.to_str().ok_or_else(|| {
            StoreError::internal(format!(
                "backup target {} is not valid UTF-8",
                target.display()
            ))
        })?;
        // VACUUM INTO writes a consistent, compacted copy from one read snapshot while
        // writers carry on (WAL).
        sqlx::query("VACUUM INTO $1")
            .bind(target_str)
            .execute(&self.pool)
            .await
            .map_err(|e| {
                StoreError::internal_from(format!("backup to {} failed", target.display()), e)
            })?;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::expect_used)]
    use super::*;
    use sqlx::Row as _;

    fn temp_dir() -> PathBuf {
        std::env::temp_dir().join(format!("taith-sqlite-{}", Uuid::now_v7().simple()))
    }

    #[tokio::test]
    async fn every_connection_gets_wal_foreign_keys_full_sync_and_a_busy_timeout() {
        let dir = temp_dir();
        let path = dir.join("nested").join("taith.db");
        let store = SqliteStore::open(&path)
            .await
            .expect("open creates the directory");
        assert!(path.exists());
        // Hold several connections at once, so they are distinct.
        let mut conns = Vec::new();
        for _ in 0..3 {
            conns.push(store.pool.acquire().await.expect("a connection"));
        }
        for conn in &mut conns {
            let mut pragma = async |name: &'static str| -> String {
                let row = sqlx::query(name)
                    .fetch_one(&mut **conn)
                    .await
                    .expect("a pragma");
                row.try_get::<i64, _>(0)
                    .map(|v| v.to_string())
                    .or_else(|_| row.try_get::<String, _>(0))
                    .expect("a value")
            };
            assert_eq!(pragma("PRAGMA journal_mode").await, "wal");
            assert_eq!(pragma("PRAGMA foreign_keys").await, "1");
            assert_eq!(pragma("PRAGMA synchronous").await, "2"); // FULL
            assert_eq!(pragma("PRAGMA busy_timeout").await, "15000");
            assert_eq!(pragma("PRAGMA secure_delete").await, "2"); // FAST
        }
        drop(conns);
        store.close().await;
        // Opening again finds the schema up to date.
        let again = SqliteStore::open(&path).await.expect("reopen");
        again.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn a_database_error_is_kept_as_the_source_of_an_internal_error() {
        use std::error::Error as _;
        use taith_store::WorkspaceStore as _;
        let dir = temp_dir();
        let store = SqliteStore::open(&dir.join("taith.db"))
            .await
            .expect("open");
        store.close().await;
        let e = store
            .has_no_workspace()
            .await
            .expect_err("a closed pool fails");
        assert!(matches!(e, StoreError::Internal(_)), "{e:?}");
        // The log sees the database's own error by walking the chain ...
        let source = e.source().expect("the database error is kept");
        assert!(
            matches!(
                source.downcast_ref::<sqlx::Error>(),
                Some(sqlx::Error::PoolClosed)
            ),
            "{source:?}"
        );
        // ... while the error itself shows only what the store says about it.
        assert_eq!(e.to_string(), "store failure: the database pool is closed");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[tokio::test]
    async fn a_write_transaction_holds_the_write_lock_from_its_start() {
        let dir = temp_dir();
        let store = SqliteStore::open(&dir.join("taith.db"))
            .await
            .expect("open");
        let mut tx = sql::Backend::begin_write(&store).await.expect("begin");
        // Another connection cannot start writing, even before the first has written anything.
        let mut other = store.pool.acquire().await.expect("a connection");
        sqlx::query("PRAGMA busy_timeout = 0")
            .execute(&mut *other)
            .await
            .expect("no waiting");
        let blocked = sqlx::query("BEGIN IMMEDIATE").execute(&mut *other).await;
        assert!(
            blocked.is_err(),
            "the write lock was not taken by BEGIN IMMEDIATE"
        );
        sqlx::query("SELECT 1")
            .execute(&mut *tx)
            .await
            .expect("the transaction works");
        tx.rollback().await.expect("rollback");
        drop(other);
        store.close().await;
        let _ = std::fs::remove_dir_all(dir);
    }
}
