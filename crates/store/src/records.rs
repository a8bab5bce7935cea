//! Reading and writing rows of record tables, whatever the object.

use pelagic_core::ident::quoted;
use pelagic_core::output::Projection;
use pelagic_core::plan::{OrderKey, Pred};
use pelagic_core::{ColType, Value};
use sea_query::{Alias, Expr, ExprTrait, Query, Values};
use sea_query_sqlx::SqlxValues;

use crate::db::{Db, Tx};
use crate::exec::{self, Conn};
use crate::sql::{bind, condition, order};
use crate::{Backend, Result};

/// One page of a list.
pub struct ListQuery<'a> {
    pub table: &'a str,
    pub projection: &'a Projection,
    pub pred: &'a Pred,
    pub order: &'a [OrderKey],
    pub limit: u64,
    /// A column whose index must drive the query on SQLite (see `plan::driving_column`).
    pub drive: Option<&'a str>,
}

/// SQLite accepts 32,766 bound values per statement; stay well below for every backend.
const MAX_BINDS: usize = 30_000;

async fn select_in(
    conn: Conn<'_>,
    be: crate::Backend,
    q: &ListQuery<'_>,
) -> Result<Vec<Vec<Value>>> {
    let mut sel = Query::select();
    sel.from(Alias::new(q.table));
    for (name, _) in &q.projection.columns {
        sel.column(Alias::new(name));
    }
    sel.and_where(condition(q.pred, be));
    order(&mut sel, q.order, be);
    sel.limit(q.limit);
    let types: Vec<ColType> = q.projection.columns.iter().map(|(_, t)| *t).collect();
    match (be, q.drive) {
        (Backend::Sqlite, Some(col)) => {
            // sea-query cannot write SQLite's INDEXED BY; the names are from metadata.
            let (sql, args) = exec::build(be, &sel);
            let from = format!("FROM {}", quoted(q.table));
            let sql = sql.replacen(
                &from,
                &format!(
                    "{from} INDEXED BY {}",
                    quoted(&crate::ddl::index_name("ix", q.table, col))
                ),
                1,
            );
            exec::fetch_sql(conn, sql, args, &types).await
        }
        _ => exec::fetch(conn, &sel, &types).await,
    }
}

/// The rows of a table matching `pred`, in order, at most `limit`.
pub async fn select(db: &Db, q: &ListQuery<'_>) -> Result<Vec<Vec<Value>>> {
    select_in(db.into(), db.backend(), q).await
}

/// [`select`] inside a transaction (reads what the transaction wrote).
pub async fn select_tx(tx: &mut Tx, q: &ListQuery<'_>) -> Result<Vec<Vec<Value>>> {
    let be = tx.backend();
    select_in(tx.into(), be, q).await
}

/// The first row of a table matching `pred` (a record by id, within a scope), if any.
pub async fn first(
    db: &Db,
    table: &str,
    projection: &Projection,
    pred: &Pred,
) -> Result<Option<Vec<Value>>> {
    Ok(select(db, &one(table, projection, pred))
        .await?
        .into_iter()
        .next())
}

/// [`first`] inside a transaction.
pub async fn first_tx(
    tx: &mut Tx,
    table: &str,
    projection: &Projection,
    pred: &Pred,
) -> Result<Option<Vec<Value>>> {
    Ok(select_tx(tx, &one(table, projection, pred))
        .await?
        .into_iter()
        .next())
}

/// [`first_tx`], locking the row until the transaction ends (PostgreSQL's `FOR UPDATE`; SQLite's
/// write transactions already hold the one write lock): a use case that reads a record, decides
/// and writes it cannot interleave with another doing the same, so a rule such as "only once"
/// is decided on what the other committed.
pub async fn lock_first_tx(
    tx: &mut Tx,
    table: &str,
    projection: &Projection,
    pred: &Pred,
) -> Result<Option<Vec<Value>>> {
    let be = tx.backend();
    let q = one(table, projection, pred);
    let mut sel = Query::select();
    sel.from(Alias::new(q.table));
    for (name, _) in &q.projection.columns {
        sel.column(Alias::new(name));
    }
    sel.and_where(condition(q.pred, be));
    sel.limit(1);
    if be == Backend::Postgres {
        sel.lock(sea_query::LockType::Update);
    }
    let types: Vec<ColType> = q.projection.columns.iter().map(|(_, t)| *t).collect();
    Ok(exec::fetch(tx.into(), &sel, &types)
        .await?
        .into_iter()
        .next())
}

fn one<'a>(table: &'a str, projection: &'a Projection, pred: &'a Pred) -> ListQuery<'a> {
    ListQuery {
        table,
        projection,
        pred,
        order: &[],
        limit: 1,
        drive: None,
    }
}

/// Rows matching `pred` for a job to work on in this transaction: locked, and on PostgreSQL
/// skipping rows another instance has locked, so that concurrent jobs share the work.
pub async fn claim_rows(tx: &mut Tx, q: &ListQuery<'_>) -> Result<Vec<Vec<Value>>> {
    let be = tx.backend();
    let mut sel = Query::select();
    sel.from(Alias::new(q.table));
    for (name, _) in &q.projection.columns {
        sel.column(Alias::new(name));
    }
    sel.and_where(condition(q.pred, be));
    order(&mut sel, q.order, be);
    sel.limit(q.limit);
    if be == Backend::Postgres {
        sel.lock_with_behavior(
            sea_query::LockType::Update,
            sea_query::LockBehavior::SkipLocked,
        );
    }
    let types: Vec<ColType> = q.projection.columns.iter().map(|(_, t)| *t).collect();
    exec::fetch(tx.into(), &sel, &types).await
}

/// How many rows of a table match `pred`.
pub async fn count(db: &Db, table: &str, pred: &Pred) -> Result<i64> {
    let mut sel = Query::select();
    sel.expr(Expr::col(sea_query::Asterisk).count())
        .from(Alias::new(table))
        .and_where(condition(pred, db.backend()));
    exec::fetch_i64(db.into(), &sel).await
}

/// [`count`] inside a transaction (a limit checked with the rows it is about to change).
pub async fn count_tx(tx: &mut Tx, table: &str, pred: &Pred) -> Result<i64> {
    crate::fixed::count_tx(tx, table, pred).await
}

/// How many rows of a table match `pred`, counting no further than `cap` (so that a count over
/// millions of rows stops early: the answer is `cap` when there are at least that many).
pub async fn count_upto(db: &Db, table: &str, pred: &Pred, cap: u64) -> Result<i64> {
    let mut inner = Query::select();
    inner
        .expr(Expr::val(1))
        .from(Alias::new(table))
        .and_where(condition(pred, db.backend()))
        .limit(cap);
    let mut sel = Query::select();
    sel.expr(Expr::col(sea_query::Asterisk).count())
        .from_subquery(inner, Alias::new("capped"));
    exec::fetch_i64(db.into(), &sel).await
}

/// One group of [`grouped`]: its values of the grouping columns, how many rows, and the sum of
/// each summed column.
pub type Group = (Vec<Value>, i64, Vec<i64>);

/// The rows of a table matching `pred`, grouped by the `by` columns: per group, its count and
/// the sums of the `sums` columns (integers: amounts in minor units, scaled percentages).
pub async fn grouped(
    db: &Db,
    table: &str,
    pred: &Pred,
    by: &[(&str, ColType)],
    sums: &[&str],
) -> Result<Vec<Group>> {
    grouped_in(db.into(), db.backend(), table, pred, by, sums).await
}

/// [`grouped`] inside a transaction (sees its own writes).
pub async fn grouped_tx(
    tx: &mut Tx,
    table: &str,
    pred: &Pred,
    by: &[(&str, ColType)],
    sums: &[&str],
) -> Result<Vec<Group>> {
    let be = tx.backend();
    grouped_in(tx.into(), be, table, pred, by, sums).await
}

async fn grouped_in(
    conn: Conn<'_>,
    be: Backend,
    table: &str,
    pred: &Pred,
    by: &[(&str, ColType)],
    sums: &[&str],
) -> Result<Vec<Group>> {
    let mut sel = Query::select();
    sel.from(Alias::new(table));
    for (c, _) in by {
        sel.column(Alias::new(*c));
    }
    sel.expr(Expr::col(sea_query::Asterisk).count());
    for c in sums {
        // PostgreSQL sums bigints as numeric; both databases give a bigint back this way.
        sel.expr(
            Expr::col(Alias::new(*c))
                .sum()
                .cast_as(Alias::new("BIGINT")),
        );
    }
    sel.and_where(condition(pred, be));
    for (c, _) in by {
        sel.group_by_col(Alias::new(*c));
    }
    let mut types: Vec<ColType> = by.iter().map(|(_, t)| *t).collect();
    types.push(ColType::BigInt);
    types.extend(sums.iter().map(|_| ColType::BigInt));
    let rows = exec::fetch(conn, &sel, &types).await?;
    Ok(rows
        .into_iter()
        .map(|mut r| {
            let rest = r.split_off(by.len());
            let count = rest[0].as_int().unwrap_or(0);
            let sums = rest[1..].iter().map(|v| v.as_int().unwrap_or(0)).collect();
            (r, count, sums)
        })
        .collect())
}

/// Inserts rows; every row has a value for each of `columns`, in order. Written as one
/// multi-row statement per chunk, built directly rather than through an expression tree: this
/// is the path bulk imports and batch creates take.
pub async fn insert<C: AsRef<str>, R: AsRef<[Value]>>(
    tx: &mut Tx,
    table: &str,
    columns: &[(C, ColType)],
    rows: &[R],
) -> Result<()> {
    if rows.is_empty() || columns.is_empty() {
        return Ok(());
    }
    let be = tx.backend();
    let per_statement = (MAX_BINDS / columns.len()).clamp(1, 1000);
    let head = format!(
        "INSERT INTO {} ({}) VALUES ",
        quoted(table),
        columns
            .iter()
            .map(|(c, _)| quoted(c.as_ref()))
            .collect::<Vec<_>>()
            .join(", ")
    );
    for chunk in rows.chunks(per_statement) {
        let mut sql = String::with_capacity(head.len() + chunk.len() * columns.len() * 6);
        sql.push_str(&head);
        let mut values = Vec::with_capacity(chunk.len() * columns.len());
        for (r, row) in chunk.iter().enumerate() {
            sql.push_str(if r == 0 { "(" } else { ", (" });
            for (c, (v, (_, ty))) in row.as_ref().iter().zip(columns).enumerate() {
                if c > 0 {
                    sql.push_str(", ");
                }
                values.push(bind(v, *ty, be));
                match be {
                    Backend::Sqlite => sql.push('?'),
                    Backend::Postgres => {
                        sql.push('$');
                        sql.push_str(&values.len().to_string());
                    }
                }
            }
            sql.push(')');
        }
        exec::execute_sql(tx.into(), sql, SqlxValues(Values(values))).await?;
    }
    Ok(())
}

/// Sets columns of one row matching `pred`; gives how many rows changed (0 or 1).
pub async fn update<C: AsRef<str>>(
    tx: &mut Tx,
    table: &str,
    sets: &[(C, ColType, Value)],
    pred: &Pred,
) -> Result<u64> {
    if sets.is_empty() {
        return Ok(0);
    }
    let be = tx.backend();
    let mut upd = Query::update();
    upd.table(Alias::new(table));
    for (c, ty, v) in sets {
        upd.value(Alias::new(c.as_ref()), Expr::val(bind(v, *ty, be)));
    }
    upd.and_where(condition(pred, be));
    exec::execute(tx.into(), &upd).await
}

/// Removes the rows matching `pred` for good (purging the recycle bin); gives how many.
pub async fn purge(tx: &mut Tx, table: &str, pred: &Pred) -> Result<u64> {
    let be = tx.backend();
    let mut del = Query::delete();
    del.from_table(Alias::new(table))
        .and_where(condition(pred, be));
    exec::execute(tx.into(), &del).await
}
