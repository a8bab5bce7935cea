//! Running built statements on either database, inside or outside a transaction.

use pelagic_core::{ColType, Value};
use sea_query::{PostgresQueryBuilder, SqliteQueryBuilder};
use sea_query_sqlx::{SqlxBinder, SqlxValues};
use sqlx::{AssertSqlSafe, Row};

use crate::db::{Backend, Db, Tx};
use crate::sql::decode_row;
use crate::{Result, StoreError};

/// Where a statement runs: the pools, or an open transaction.
pub(crate) enum Conn<'a> {
    Db(&'a Db),
    Tx(&'a mut Tx),
}

impl Conn<'_> {
    /// A shorter-lived handle to the same place, for running several statements in a row.
    pub(crate) fn reborrow(&mut self) -> Conn<'_> {
        match self {
            Conn::Db(d) => Conn::Db(d),
            Conn::Tx(t) => Conn::Tx(t),
        }
    }
}

impl<'a> From<&'a Db> for Conn<'a> {
    fn from(db: &'a Db) -> Self {
        Conn::Db(db)
    }
}

impl<'a> From<&'a mut Tx> for Conn<'a> {
    fn from(tx: &'a mut Tx) -> Self {
        Conn::Tx(tx)
    }
}

/// Expands `$body` once per database with `$be` the backend and `$ex` an executor. Outside a
/// transaction, SQLite statements that write use the single writer connection.
macro_rules! on_conn {
    ($conn:expr, $writes:expr, |$be:ident, $ex:ident| $body:expr) => {
        match $conn {
            Conn::Db(Db::Sqlite { read, write }) => {
                let $be = Backend::Sqlite;
                let $ex = if $writes { write } else { read };
                $body
            }
            Conn::Db(Db::Postgres(pool)) => {
                let $be = Backend::Postgres;
                let $ex = pool;
                $body
            }
            Conn::Tx(Tx::Sqlite(t)) => {
                let $be = Backend::Sqlite;
                let $ex = &mut **t;
                $body
            }
            Conn::Tx(Tx::Postgres(t)) => {
                let $be = Backend::Postgres;
                let $ex = &mut **t;
                $body
            }
        }
    };
}

/// Renders a statement for a backend, with its values as bind parameters.
pub(crate) fn build<S: SqlxBinder>(be: Backend, stmt: &S) -> (String, SqlxValues) {
    match be {
        Backend::Sqlite => stmt.build_sqlx(SqliteQueryBuilder),
        Backend::Postgres => stmt.build_sqlx(PostgresQueryBuilder),
    }
}

/// Runs a statement that returns no rows; gives the number of rows it changed.
pub(crate) async fn execute<S: SqlxBinder>(conn: Conn<'_>, stmt: &S) -> Result<u64> {
    on_conn!(conn, true, |be, ex| {
        let (sql, args) = build(be, stmt);
        Ok(sqlx::query_with(AssertSqlSafe(sql), args)
            .execute(ex)
            .await?
            .rows_affected())
    })
}

/// Runs a statement written as text (identifiers from metadata only) with bound values.
pub(crate) async fn execute_sql(conn: Conn<'_>, sql: String, args: SqlxValues) -> Result<u64> {
    on_conn!(conn, true, |_be, ex| Ok(sqlx::query_with(
        AssertSqlSafe(sql),
        args
    )
    .execute(ex)
    .await?
    .rows_affected()))
}

/// Runs one or more statements of fixed or metadata-built text (DDL), without parameters.
pub(crate) async fn execute_text(conn: Conn<'_>, sql: String) -> Result<()> {
    on_conn!(conn, true, |_be, ex| {
        sqlx::raw_sql(AssertSqlSafe(sql)).execute(ex).await?;
        Ok(())
    })
}

/// Runs a query and decodes every row into values of the given column types.
pub(crate) async fn fetch<S: SqlxBinder>(
    conn: Conn<'_>,
    stmt: &S,
    types: &[ColType],
) -> Result<Vec<Vec<Value>>> {
    on_conn!(conn, false, |be, ex| {
        let (sql, args) = build(be, stmt);
        let rows = sqlx::query_with(AssertSqlSafe(sql), args)
            .fetch_all(ex)
            .await?;
        rows.iter().map(|r| decode_row(r, types)).collect()
    })
}

/// [`fetch`] for a statement already rendered as text with its values.
pub(crate) async fn fetch_sql(
    conn: Conn<'_>,
    sql: String,
    args: SqlxValues,
    types: &[ColType],
) -> Result<Vec<Vec<Value>>> {
    on_conn!(conn, false, |_be, ex| {
        let rows = sqlx::query_with(AssertSqlSafe(sql), args)
            .fetch_all(ex)
            .await?;
        rows.iter().map(|r| decode_row(r, types)).collect()
    })
}

/// Runs a query returning one integer (a count).
pub(crate) async fn fetch_i64<S: SqlxBinder>(conn: Conn<'_>, stmt: &S) -> Result<i64> {
    on_conn!(conn, false, |be, ex| {
        let (sql, args) = build(be, stmt);
        let row = sqlx::query_with(AssertSqlSafe(sql), args)
            .fetch_one(ex)
            .await?;
        row.try_get::<i64, _>(0).map_err(StoreError::from)
    })
}
