//! Pelagic's storage: the only crate that knows SQL. One code path for SQLite and PostgreSQL.
//!
//! Statements are built with sea-query from metadata-checked identifiers and bound values, and
//! rendered for whichever database the URL names. Fixed system tables come from per-backend
//! migrations; record tables are created and extended at run time by [`ddl`].

pub mod access;
pub mod approvals;
pub mod audit;
pub mod bin;
pub mod bulk;
pub mod db;
pub mod ddl;
pub mod documents;
pub mod duplicates;
mod exec;
mod fixed;
pub mod history;
pub mod jobs;
pub mod metadata;
pub mod notifications;
pub mod pool_holds;
pub mod pools;
pub mod processes;
pub mod profile;
pub mod records;
pub mod sequences;
pub mod sharing;
mod sql;
pub mod throttle;
pub mod tokens;
pub mod users;
pub mod views;

pub use db::{Backend, Db, Tx};

/// What can go wrong in storage.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    /// A unique constraint refused the write; carries the constraint or index name if known.
    #[error("a unique value already exists ({0})")]
    Unique(String),
    /// The database is busy or unreachable; the request may succeed if retried.
    #[error("the database is unavailable: {0}")]
    Unavailable(String),
    #[error("database error: {0}")]
    Database(#[source] sqlx::Error),
    #[error("migration failed: {0}")]
    Migrate(#[from] sqlx::migrate::MigrateError),
    #[error("stored data is not what the metadata says: {0}")]
    Corrupt(String),
    #[error("unsupported database URL '{0}': use sqlite://FILE or postgres://…")]
    BadUrl(String),
}

impl From<sqlx::Error> for StoreError {
    fn from(e: sqlx::Error) -> Self {
        match &e {
            sqlx::Error::Database(d) if d.is_unique_violation() => StoreError::Unique(
                d.constraint()
                    .map(str::to_owned)
                    .unwrap_or_else(|| d.message().to_owned()),
            ),
            sqlx::Error::PoolTimedOut | sqlx::Error::Io(_) | sqlx::Error::PoolClosed => {
                StoreError::Unavailable(e.to_string())
            }
            _ => StoreError::Database(e),
        }
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
