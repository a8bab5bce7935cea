//! Connecting to SQLite or PostgreSQL, running migrations, and transactions.

use std::str::FromStr;
use std::time::Duration;

use sqlx::postgres::{PgConnectOptions, PgPoolOptions};
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::{PgPool, SqlitePool, Transaction};

use crate::{Result, StoreError};

/// Which database a statement is rendered for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

/// A connection pool to one database.
#[derive(Clone, Debug)]
pub enum Db {
    /// SQLite keeps one writer connection (writes queue in the pool instead of failing busy)
    /// and several readers, which WAL lets run beside the writer.
    Sqlite {
        read: SqlitePool,
        write: SqlitePool,
    },
    Postgres(PgPool),
}

/// One open transaction. Dropping it without [`Tx::commit`] rolls it back, so a failed request
/// writes nothing.
pub enum Tx {
    Sqlite(Transaction<'static, sqlx::Sqlite>),
    Postgres(Transaction<'static, sqlx::Postgres>),
}

/// Bytes all SQLite connections of the process may keep in page caches together.
const SOFT_HEAP_LIMIT: &str = "32000000";

impl Db {
    /// Opens the database a URL names: `sqlite://FILE` (created if missing), `sqlite::memory:`
    /// or `postgres://…`.
    pub async fn connect(url: &str) -> Result<Db> {
        if url.starts_with("postgres://") || url.starts_with("postgresql://") {
            let opts =
                PgConnectOptions::from_str(url).map_err(|_| StoreError::BadUrl(url.to_owned()))?;
            Db::connect_postgres(opts).await
        } else if url.starts_with("sqlite:") {
            let opts = SqliteConnectOptions::from_str(url)
                .map_err(|_| StoreError::BadUrl(url.to_owned()))?
                .create_if_missing(true)
                .journal_mode(SqliteJournalMode::Wal)
                // FULL makes every commit durable even through a power cut, not just a crash.
                .synchronous(SqliteSynchronous::Full)
                .foreign_keys(true)
                .busy_timeout(Duration::from_secs(10))
                .pragma("cache_size", "-16000")
                // One budget for the page caches of all connections together (a process-wide
                // setting): beyond it SQLite recycles cached pages instead of growing.
                .pragma("soft_heap_limit", SOFT_HEAP_LIMIT)
                .pragma("temp_store", "memory")
                // Lets SQLite keep its planner statistics fresh on long-lived connections.
                .optimize_on_close(true, None::<u32>);
            let in_memory = url.contains(":memory:") || url.contains("mode=memory");
            // The writer checkpoints less often than SQLite's default (1,000 pages): an index page
            // changed by many batches is then copied back to the database file once, not each time.
            let write = SqlitePoolOptions::new()
                .max_connections(1)
                .connect_with(
                    opts.clone()
                        .pragma("cache_size", "-32000")
                        .pragma("wal_autocheckpoint", "8000"),
                )
                .await?;
            // An in-memory database lives in one connection, so readers must share it.
            let read = if in_memory {
                write.clone()
            } else {
                SqlitePoolOptions::new()
                    .max_connections(4)
                    .connect_with(opts.read_only(true).optimize_on_close(false, None::<u32>))
                    .await?
            };
            Ok(Db::Sqlite { read, write })
        } else {
            Err(StoreError::BadUrl(url.to_owned()))
        }
    }

    /// Opens PostgreSQL with given options (tests use this to pick a schema).
    pub async fn connect_postgres(opts: PgConnectOptions) -> Result<Db> {
        let pool = PgPoolOptions::new()
            .max_connections(16)
            .acquire_timeout(Duration::from_secs(10))
            .connect_with(opts)
            .await?;
        Ok(Db::Postgres(pool))
    }

    pub fn backend(&self) -> Backend {
        match self {
            Db::Sqlite { .. } => Backend::Sqlite,
            Db::Postgres(_) => Backend::Postgres,
        }
    }

    /// Applies the system-table migrations that are not applied yet. On PostgreSQL the migrator
    /// holds an advisory lock, so several instances starting together are safe.
    pub async fn migrate(&self) -> Result<()> {
        match self {
            Db::Sqlite { write, .. } => sqlx::migrate!("./migrations/sqlite").run(write).await?,
            Db::Postgres(pool) => sqlx::migrate!("./migrations/postgres").run(pool).await?,
        }
        Ok(())
    }

    /// Starts a transaction that only reads: on SQLite from the readers' pool, so that it
    /// neither waits for nor holds the write lock. Dropped, it rolls back.
    pub async fn begin_read(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite { read, .. } => Tx::Sqlite(read.begin().await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Starts a write transaction. On SQLite it takes the write lock at once (`BEGIN
    /// IMMEDIATE`), so that it can never fail half-way on a lock upgrade.
    pub async fn begin(&self) -> Result<Tx> {
        Ok(match self {
            Db::Sqlite { write, .. } => Tx::Sqlite(write.begin_with("BEGIN IMMEDIATE").await?),
            Db::Postgres(pool) => Tx::Postgres(pool.begin().await?),
        })
    }

    /// Whether the database answers.
    pub async fn ping(&self) -> Result<()> {
        match self {
            Db::Sqlite { read, .. } => sqlx::query("SELECT 1").execute(read).await.map(|_| ())?,
            Db::Postgres(pool) => sqlx::query("SELECT 1").execute(pool).await.map(|_| ())?,
        }
        Ok(())
    }

    pub async fn close(&self) {
        match self {
            Db::Sqlite { read, write } => {
                read.close().await;
                write.close().await;
            }
            Db::Postgres(pool) => pool.close().await,
        }
    }
}

impl Tx {
    pub async fn commit(self) -> Result<()> {
        match self {
            Tx::Sqlite(t) => t.commit().await?,
            Tx::Postgres(t) => t.commit().await?,
        }
        Ok(())
    }

    pub fn backend(&self) -> Backend {
        match self {
            Tx::Sqlite(_) => Backend::Sqlite,
            Tx::Postgres(_) => Backend::Postgres,
        }
    }
}

/// Lets SQLite refresh the statistics its query planner uses (cheap; a no-op elsewhere).
pub async fn optimize(db: &Db) -> Result<()> {
    if let Db::Sqlite { write, .. } = db {
        sqlx::query("PRAGMA optimize").execute(write).await?;
    }
    Ok(())
}

/// Rebuilds the query planner's statistics in full (after a bulk load).
pub async fn analyze(db: &Db) -> Result<()> {
    match db {
        Db::Sqlite { write, .. } => sqlx::query("ANALYZE").execute(write).await.map(|_| ())?,
        Db::Postgres(pool) => sqlx::query("ANALYZE").execute(pool).await.map(|_| ())?,
    }
    Ok(())
}
