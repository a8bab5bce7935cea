//! Small helpers for the fixed system tables (history, bin, duplicate keys, shares, views,
//! audit): their column lists, projections and equality conditions.

use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};

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
pub(crate) fn eq(col: &str, v: &str) -> Pred {
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
