//! Small helpers for the fixed system tables (history, bin, duplicate keys, shares, views,
//! audit): their column lists, projections and equality conditions.

use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};
use sea_query::{Alias, Expr, ExprTrait, Query};

use crate::Result;
use crate::db::{Db, Tx};
use crate::records::{self, ListQuery};
use crate::sql::condition;

/// A table's columns as the row writers take them.
pub(crate) fn columns(list: &[(&str, ColType)]) -> Vec<(String, ColType)> {
    list.iter().map(|(c, t)| ((*c).to_owned(), *t)).collect()
}

/// A projection of the columns, in order.
pub(crate) fn projection(list: &[(&str, ColType)]) -> Projection {
    let mut p = Projection::default();
    for (c, t) in list {
        p.push(c, *t);
    }
    p
}

/// `col = v` for a text column.
pub(crate) fn eq(col: &'static str, v: &str) -> Pred {
    Pred::Cmp {
        col: col.into(),
        op: Cmp::Eq,
        value: Value::Text(v.to_owned()),
    }
}

/// Texts as bound values.
pub(crate) fn texts(values: &[String]) -> Vec<Value> {
    values.iter().map(|v| Value::Text(v.clone())).collect()
}

/// Every row of a system table matching `pred`, ordered by one text column.
pub(crate) async fn select_all(
    db: &Db,
    table: &str,
    list: &[(&str, ColType)],
    pred: &Pred,
    by: &'static str,
) -> Result<Vec<Vec<Value>>> {
    let p = projection(list);
    let order = [OrderKey {
        col: by.into(),
        ty: ColType::Text,
        desc: false,
        nullable: true,
    }];
    records::select(
        db,
        &ListQuery {
            table,
            projection: &p,
            pred,
            order: &order,
            limit: 100_000,
            drive: None,
        },
    )
    .await
}

/// How many rows of a table match `pred`, read inside a transaction.
pub(crate) async fn count_tx(tx: &mut Tx, table: &str, pred: &Pred) -> Result<i64> {
    let mut sel = Query::select();
    sel.expr(Expr::col(sea_query::Asterisk).count())
        .from(Alias::new(table))
        .and_where(condition(pred, tx.backend()));
    crate::exec::fetch_i64(tx.into(), &sel).await
}

/// A text value, or the empty text.
pub(crate) fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}
