//! Translating core values and predicates into sea-query, and rows back into values.

use chrono::{DateTime, NaiveDate, Utc};
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};
use sea_query::{
    Alias, Cond, Expr, ExprTrait, LikeExpr, NullOrdering, Order, SelectStatement, SimpleExpr,
    Value as Sq,
};
use sqlx::{Decode, Row, Type};

use crate::db::Backend;
use crate::{Result, StoreError};

/// On SQLite a datetime is stored as fixed-width UTC text, so that text order is time order.
pub(crate) fn sqlite_datetime(t: &DateTime<Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// A value to bind for a column of type `ty` (typed even when NULL: PostgreSQL needs it).
pub(crate) fn bind(v: &Value, ty: ColType, be: Backend) -> Sq {
    let sqlite = be == Backend::Sqlite;
    match (v, ty) {
        (Value::Null, ColType::Text) => Sq::String(None),
        (Value::Null, ColType::BigInt) => Sq::BigInt(None),
        (Value::Null, ColType::Bool) => Sq::Bool(None),
        (Value::Null, ColType::Date) if sqlite => Sq::String(None),
        (Value::Null, ColType::Date) => Sq::ChronoDate(None),
        (Value::Null, ColType::DateTime) if sqlite => Sq::String(None),
        (Value::Null, ColType::DateTime) => Sq::ChronoDateTimeUtc(None),
        _ => bind_value(v, be),
    }
}

/// A non-NULL value to bind, typed by the value itself.
pub(crate) fn bind_value(v: &Value, be: Backend) -> Sq {
    let sqlite = be == Backend::Sqlite;
    match v {
        Value::Null => Sq::String(None),
        Value::Bool(b) => Sq::Bool(Some(*b)),
        Value::Int(i) => Sq::BigInt(Some(*i)),
        Value::Text(s) => Sq::String(Some(s.clone())),
        Value::Date(d) if sqlite => Sq::String(Some(d.format("%Y-%m-%d").to_string())),
        Value::Date(d) => Sq::ChronoDate(Some(*d)),
        Value::DateTime(t) if sqlite => Sq::String(Some(sqlite_datetime(t))),
        Value::DateTime(t) => Sq::ChronoDateTimeUtc(Some(*t)),
    }
}

/// The SQL condition of a predicate. Comparisons are guarded with `IS NOT NULL` so that every
/// condition is true or false, never unknown, and `NOT` means exactly "all other records".
pub(crate) fn condition(p: &Pred, be: Backend) -> SimpleExpr {
    Conditions { be }.of(p)
}

struct Conditions {
    be: Backend,
}

impl Conditions {
    fn col(&self, name: &str) -> Expr {
        Expr::col(Alias::new(name))
    }

    fn of(&self, p: &Pred) -> SimpleExpr {
        let be = self.be;
        let col = |c: &str| self.col(c);
        let condition = |p: &Pred, _be: Backend| self.of(p);
        match p {
            Pred::True => Expr::value(true).eq(true),
            Pred::False => Expr::value(true).eq(false),
            Pred::And(parts) if parts.is_empty() => condition(&Pred::True, be),
            Pred::Or(parts) if parts.is_empty() => condition(&Pred::False, be),
            Pred::And(parts) => parts
                .iter()
                .fold(Cond::all(), |c, p| c.add(condition(p, be)))
                .into(),
            Pred::Or(parts) => parts
                .iter()
                .fold(Cond::any(), |c, p| c.add(condition(p, be)))
                .into(),
            Pred::Not(inner) => Expr::expr(condition(inner, be)).not(),
            Pred::IsNull { col: c } => col(c).is_null(),
            Pred::Cmp { col: c, op, value } => {
                let v = bind_value(value, be);
                let cmp = match op {
                    Cmp::Eq => col(c).eq(v),
                    Cmp::Ne => col(c).ne(v),
                    Cmp::Lt => col(c).lt(v),
                    Cmp::Lte => col(c).lte(v),
                    Cmp::Gt => col(c).gt(v),
                    Cmp::Gte => col(c).gte(v),
                };
                col(c).is_not_null().and(cmp)
            }
            Pred::In { col: c, values } => col(c)
                .is_not_null()
                .and(col(c).is_in(values.iter().map(|v| bind_value(v, be)).collect::<Vec<_>>())),
            Pred::Like { col: c, pattern } => col(c)
                .is_not_null()
                .and(col(c).like(LikeExpr::new(pattern.clone()).escape('\\'))),
            Pred::RowCmp { cols, op, values } => {
                let left = Expr::tuple(cols.iter().map(|c| col(c)));
                let right = Expr::tuple(values.iter().map(|v| Expr::val(bind_value(v, be))));
                match op {
                    Cmp::Lt => left.lt(right),
                    Cmp::Lte => left.lte(right),
                    Cmp::Gt => left.gt(right),
                    Cmp::Gte => left.gte(right),
                    Cmp::Eq => left.eq(right),
                    Cmp::Ne => left.ne(right),
                }
            }
            Pred::InSelect {
                col: c,
                table,
                column,
                pred,
            } => {
                let mut sub = sea_query::Query::select();
                sub.column(Alias::new(*column))
                    .from(Alias::new(*table))
                    .and_where(condition(pred, be));
                col(c).in_subquery(sub)
            }
        }
    }
}

/// Adds an order to a select. Empty values are lowest: first ascending, last descending. That
/// is SQLite's own order (so its indexes serve it); PostgreSQL is told explicitly.
pub(crate) fn order(sel: &mut SelectStatement, keys: &[OrderKey], be: Backend) {
    for k in keys {
        let dir = if k.desc { Order::Desc } else { Order::Asc };
        match be {
            Backend::Sqlite => sel.order_by(Alias::new(&k.col), dir),
            Backend::Postgres => {
                let nulls = if k.desc {
                    NullOrdering::Last
                } else {
                    NullOrdering::First
                };
                sel.order_by_with_nulls(Alias::new(&k.col), dir, nulls)
            }
        };
    }
}

/// Decodes one row into values of the given types; works for SQLite and PostgreSQL rows alike.
pub(crate) fn decode_row<R>(row: &R, types: &[ColType]) -> Result<Vec<Value>>
where
    R: Row,
    usize: sqlx::ColumnIndex<R>,
    for<'r> String: Decode<'r, R::Database> + Type<R::Database>,
    for<'r> i64: Decode<'r, R::Database> + Type<R::Database>,
    for<'r> bool: Decode<'r, R::Database> + Type<R::Database>,
    for<'r> NaiveDate: Decode<'r, R::Database> + Type<R::Database>,
    for<'r> DateTime<Utc>: Decode<'r, R::Database> + Type<R::Database>,
{
    let corrupt = |i: usize, e: sqlx::Error| StoreError::Corrupt(format!("column {i}: {e}"));
    types
        .iter()
        .enumerate()
        .map(|(i, ty)| {
            Ok(match ty {
                ColType::Text => row
                    .try_get::<Option<String>, _>(i)
                    .map_err(|e| corrupt(i, e))?
                    .map(Value::Text),
                ColType::BigInt => row
                    .try_get::<Option<i64>, _>(i)
                    .map_err(|e| corrupt(i, e))?
                    .map(Value::Int),
                ColType::Bool => row
                    .try_get::<Option<bool>, _>(i)
                    .map_err(|e| corrupt(i, e))?
                    .map(Value::Bool),
                ColType::Date => row
                    .try_get::<Option<NaiveDate>, _>(i)
                    .map_err(|e| corrupt(i, e))?
                    .map(Value::Date),
                ColType::DateTime => row
                    .try_get::<Option<DateTime<Utc>>, _>(i)
                    .map_err(|e| corrupt(i, e))?
                    .map(Value::DateTime),
            }
            .unwrap_or(Value::Null))
        })
        .collect()
}
