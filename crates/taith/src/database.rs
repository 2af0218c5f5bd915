//! Which store to open: `--database-url` parsing and opening the store it names.

use anyhow::Context as _;
use clap::Args;
use std::fmt;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use taith_store::SharedStore;
use taith_store_postgres::PostgresStore;
use taith_store_sqlite::SqliteStore;

/// The forms `DatabaseUrl::parse` accepts, for error messages and `--help`.
pub const ACCEPTED_FORMS: &str = "sqlite://PATH (relative, or sqlite:///absolute/path) or \
                                  postgres://USER[:PASSWORD]@HOST[:PORT]/DATABASE \
                                  (postgresql:// also works)";

/// A database location: an SQLite file or a PostgreSQL connection URL.
#[derive(Clone, PartialEq, Eq)]
pub enum DatabaseUrl {
    Sqlite(PathBuf),
    Postgres(String),
}

impl DatabaseUrl {
    /// Parses `sqlite://PATH` (`sqlite://data/taith.db` is relative, `sqlite:///var/lib/x.db`
    /// absolute) or `postgres://…` / `postgresql://…`.
    pub fn parse(s: &str) -> Result<Self, String> {
        let s = s.trim();
        if let Some(path) = s.strip_prefix("sqlite://") {
            if path.is_empty() {
                return Err(format!(
                    "the SQLite database URL names no file; use {ACCEPTED_FORMS}"
                ));
            }
            return Ok(DatabaseUrl::Sqlite(PathBuf::from(path)));
        }
        if s.starts_with("postgres://") || s.starts_with("postgresql://") {
            return Ok(DatabaseUrl::Postgres(s.to_owned()));
        }
        // The URL itself is not repeated: it may hold a password.
        let scheme = s.split_once(':').map_or("", |(scheme, _)| scheme);
        Err(if scheme.is_empty() {
            format!("not a database URL; use {ACCEPTED_FORMS}")
        } else {
            format!("unsupported database URL scheme {scheme:?}; use {ACCEPTED_FORMS}")
        })
    }

    /// The default store: `<data-dir>/taith.db`.
    pub fn default_for(data_dir: &Path) -> Self {
        DatabaseUrl::Sqlite(data_dir.join("taith.db"))
    }
}

/// Shows the URL with any PostgreSQL password replaced by `***`, so it can be logged.
impl fmt::Display for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => write!(f, "sqlite://{}", path.display()),
            DatabaseUrl::Postgres(url) => f.write_str(&redact_password(url)),
        }
    }
}

impl fmt::Debug for DatabaseUrl {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DatabaseUrl::Sqlite(path) => f.debug_tuple("Sqlite").field(path).finish(),
            DatabaseUrl::Postgres(url) => f
                .debug_tuple("Postgres")
                .field(&redact_password(url))
                .finish(),
        }
    }
}

/// `postgres://user:secret@host/db` → `postgres://user:***@host/db`.
fn redact_password(url: &str) -> String {
    let Some((scheme, rest)) = url.split_once("://") else {
        return url.to_owned();
    };
    let authority_end = rest.find(['/', '?']).unwrap_or(rest.len());
    let (authority, tail) = rest.split_at(authority_end);
    match authority.rsplit_once('@') {
        Some((userinfo, host)) => match userinfo.split_once(':') {
            Some((user, _password)) => format!("{scheme}://{user}:***@{host}{tail}"),
            None => url.to_owned(),
        },
        None => url.to_owned(),
    }
}

/// Opens the store `url` names, bringing its schema up to date.
pub async fn open_store(url: &DatabaseUrl) -> anyhow::Result<SharedStore> {
    Ok(match url {
        DatabaseUrl::Sqlite(path) => Arc::new(
            SqliteStore::open(path)
                .await
                .with_context(|| format!("opening the SQLite store {}", path.display()))?,
        ),
        DatabaseUrl::Postgres(conn) => {
            Arc::new(PostgresStore::connect(conn).await.with_context(|| {
                format!("opening the PostgreSQL store {}", redact_password(conn))
            })?)
        }
    })
}

/// Where the data lives; every subcommand that touches the store takes these.
#[derive(Debug, Clone, Args)]
pub struct StoreArgs {
    /// Directory for the embedded SQLite store (created on first run).
    #[arg(
        long,
        global = true,
        env = "TAITH_DATA_DIR",
        default_value = "./taith-data"
    )]
    pub data_dir: PathBuf,
    /// Store to use instead of the data directory's SQLite file: sqlite://PATH or
    /// postgres://USER@HOST:PORT/DB.
    #[arg(long, global = true, env = "TAITH_DATABASE_URL")]
    pub database_url: Option<String>,
}

impl StoreArgs {
    pub fn url(&self) -> anyhow::Result<DatabaseUrl> {
        match &self.database_url {
            Some(u) => DatabaseUrl::parse(u).map_err(|e| anyhow::anyhow!("--database-url: {e}")),
            None => Ok(DatabaseUrl::default_for(&self.data_dir)),
        }
    }

    pub async fn open(&self) -> anyhow::Result<SharedStore> {
        let url = self.url()?;
        open_store(&url)
            .await
            .with_context(|| format!("opening the store at {url}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sqlite_urls_name_relative_and_absolute_files() {
        assert_eq!(
            DatabaseUrl::parse("sqlite://data/taith.db"),
            Ok(DatabaseUrl::Sqlite(PathBuf::from("data/taith.db")))
        );
        assert_eq!(
            DatabaseUrl::parse("sqlite:///var/lib/taith/taith.db"),
            Ok(DatabaseUrl::Sqlite(PathBuf::from(
                "/var/lib/taith/taith.db"
            )))
        );
        assert!(DatabaseUrl::parse("sqlite://").is_err());
    }

    #[test]
    fn postgres_urls_are_taken_as_they_are() {
        for url in [
            "postgres://postgres@127.0.0.1:5432/test",
            "postgresql://u:p@db/taith",
        ] {
            assert_eq!(
                DatabaseUrl::parse(url),
                Ok(DatabaseUrl::Postgres(url.to_owned()))
            );
        }
    }

    #[test]
    fn other_urls_are_refused_with_the_accepted_forms_and_without_secrets() {
        let err = DatabaseUrl::parse("mysql://root:hunter2@db/taith")
            .err()
            .unwrap_or_default();
        assert!(
            err.contains("sqlite://PATH") && err.contains("postgres://"),
            "{err}"
        );
        assert!(!err.contains("hunter2"), "{err}");
        assert!(DatabaseUrl::parse("taith.db").is_err());
    }

    #[test]
    fn the_default_store_is_taith_db_in_the_data_directory() {
        assert_eq!(
            DatabaseUrl::default_for(Path::new("/srv/taith")),
            DatabaseUrl::Sqlite(PathBuf::from("/srv/taith/taith.db"))
        );
    }

    #[test]
    fn a_postgres_password_is_not_shown() {
        let url = DatabaseUrl::Postgres("postgres://taith:s3cret@db:5432/taith".into());
        assert_eq!(url.to_string(), "postgres://taith:***@db:5432/taith");
        assert!(!format!("{url:?}").contains("s3cret"));
        let url = DatabaseUrl::Postgres("postgres://postgres@127.0.0.1/test".into());
        assert_eq!(url.to_string(), "postgres://postgres@127.0.0.1/test");
    }
}
