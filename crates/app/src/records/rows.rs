//! Reading and writing a few named fields of an object's rows inside a transaction, for the
//! modules that keep figures and links between records (never for what a client asked to see:
//! that goes through the record pipeline and its permissions).

use pelagic_core::names::{Column, ColumnName};

use pelagic_core::meta::ObjectDef;
use pelagic_core::order::OrderKey;
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::Tx;
use pelagic_store::records::{self as store_rows, ListQuery};

use crate::AppResult;

/// Most rows one read takes (a document's lines, an order's payments).
const MAX_ROWS: u64 = 10_000;

pub(super) use pelagic_core::row::Row;

/// Reads every column of `fields` (and `id`) of the live rows of `obj` matching `pred`,
/// ordered by `order` columns then id.
pub(super) async fn live(
    tx: &mut Tx,
    obj: &ObjectDef,
    fields: &[&str],
    pred: Pred,
    order: &[&str],
) -> AppResult<Vec<Row>> {
    let mut projection = Projection::default();
    projection.push("id", ColType::Text);
    for name in fields {
        if let Some(f) = obj.field(name) {
            for (c, part) in f.columns() {
                projection.push(&c, part.ty);
            }
        }
    }
    let keys: Vec<OrderKey> = order
        .iter()
        .filter_map(|n| obj.field(n))
        .map(|f| OrderKey {
            col: f.compare_column(),
            ty: f.kind.columns().first().map_or(ColType::Text, |p| p.ty),
            desc: false,
            nullable: !f.always_set(),
        })
        .chain(std::iter::once(OrderKey::id(false)))
        .collect();
    let pred = Pred::And(vec![
        Pred::IsNull {
            col: "deleted_at".into(),
        },
        pred,
    ]);
    let found = store_rows::select_tx(
        tx,
        &ListQuery {
            table: &obj.table,
            projection: &projection,
            pred: &pred,
            order: &keys,
            limit: MAX_ROWS,
            drive: None,
        },
    )
    .await?;
    let projection = std::sync::Arc::new(projection);
    Ok(found
        .into_iter()
        .map(|r| Row::new(projection.clone(), r))
        .collect())
}

/// `column = value`.
pub(super) fn is(column: &str, value: &str) -> Pred {
    Pred::Cmp {
        col: column.to_name(),
        op: Cmp::Eq,
        value: Value::Text(value.to_owned()),
    }
}

/// Sets columns of one row by id (live or not); does nothing when `sets` is empty.
/// Locks a record's row until the transaction ends (see `records::lock_first_tx`), whether or
/// not it is live.
pub(super) async fn lock(tx: &mut Tx, obj: &ObjectDef, id: &str) -> AppResult<()> {
    let mut projection = Projection::default();
    projection.push("id", ColType::Text);
    store_rows::lock_first_tx(tx, &obj.table, &projection, &is("id", id)).await?;
    Ok(())
}

pub(super) async fn set(
    tx: &mut Tx,
    obj: &ObjectDef,
    id: &str,
    sets: &[(ColumnName, ColType, Value)],
) -> AppResult<()> {
    if !sets.is_empty() {
        store_rows::update(tx, &obj.table, sets, &is("id", id)).await?;
    }
    Ok(())
}

/// The column writes that give a money field `amount` minor units of `currency`.
pub(super) fn money(
    obj: &ObjectDef,
    field: &str,
    amount: i64,
    currency: &str,
) -> Vec<(ColumnName, ColType, Value)> {
    let Some(f) = obj.field(field) else {
        return Vec::new();
    };
    vec![
        (f.column.clone(), ColType::BigInt, Value::Int(amount)),
        (
            f.column.with_suffix("_currency"),
            ColType::Text,
            Value::Text(currency.to_owned()),
        ),
    ]
}

/// Keeps only the writes that change something in `row`.
pub(super) fn changed(
    row: &Row,
    sets: Vec<(ColumnName, ColType, Value)>,
) -> Vec<(ColumnName, ColType, Value)> {
    sets.into_iter()
        .filter(|(c, _, v)| row.get(c) != v)
        .collect()
}
