//! The duplicate keys records hold: who holds a key, taking and giving keys back, and the groups
//! of records that share one.

use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};
use sea_query::{Alias, Expr, ExprTrait, Order, Query};

use crate::Result;
use crate::db::{Db, Tx};
use crate::exec::{self, Conn};
use crate::fixed::{columns, eq, projection as fixed_projection, texts};
use crate::records::{self, ListQuery};
use crate::sql::condition;

const TABLE: &str = "duplicate_keys";

/// Keys per statement, well below every backend's limit on bound values.
const CHUNK: usize = 500;

/// One key held, or shared, by one record.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyRow {
    pub kind: String,
    pub key: String,
    pub object: String,
    pub record_id: String,
    pub field: String,
    pub holder: bool,
}

const COLUMNS: [(&str, ColType); 6] = [
    ("kind", ColType::Text),
    ("key", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("field", ColType::Text),
    ("holder", ColType::BigInt),
];

fn projection() -> Projection {
    fixed_projection(&COLUMNS)
}

fn from_row(r: Vec<Value>) -> KeyRow {
    let text = |i: usize| r[i].as_str().unwrap_or_default().to_owned();
    KeyRow {
        kind: text(0),
        key: text(1),
        object: text(2),
        record_id: text(3),
        field: text(4),
        holder: r[5].as_int() == Some(1),
    }
}

async fn rows_where(mut conn: Conn<'_>, pred: &Pred) -> Result<Vec<KeyRow>> {
    let p = projection();
    let order = [OrderKey {
        col: "record_id".into(),
        ty: ColType::Text,
        desc: false,
        nullable: true,
    }];
    let q = ListQuery {
        table: TABLE,
        projection: &p,
        pred,
        order: &order,
        limit: 100_000,
        drive: None,
    };
    let rows = match &mut conn {
        Conn::Db(db) => records::select(db, &q).await?,
        Conn::Tx(tx) => records::select_tx(tx, &q).await?,
    };
    Ok(rows.into_iter().map(from_row).collect())
}

/// The records holding any of the keys `(kind, key)`, read inside the writing transaction.
pub async fn holders(tx: &mut Tx, keys: &[(String, String)]) -> Result<Vec<KeyRow>> {
    holders_in(tx.into(), keys).await
}

/// [`holders`] outside a transaction (a form checking while the user types).
pub async fn holders_now(db: &Db, keys: &[(String, String)]) -> Result<Vec<KeyRow>> {
    holders_in(db.into(), keys).await
}

async fn holders_in(conn: Conn<'_>, keys: &[(String, String)]) -> Result<Vec<KeyRow>> {
    let holders = Pred::Cmp {
        col: "holder".into(),
        op: Cmp::Eq,
        value: Value::Int(1),
    };
    with_keys(conn, keys, holders).await
}

/// The rows matching `pred` whose (kind, key) is one of `keys`, looked up a chunk at a time.
async fn with_keys(
    mut conn: Conn<'_>,
    keys: &[(String, String)],
    pred: Pred,
) -> Result<Vec<KeyRow>> {
    let mut out = Vec::new();
    for chunk in keys.chunks(CHUNK) {
        let values: Vec<String> = chunk.iter().map(|(_, k)| k.clone()).collect();
        let these = Pred::And(vec![
            pred.clone(),
            Pred::In {
                col: "key".into(),
                values: texts(&values),
            },
        ]);
        let found = rows_where(conn.reborrow(), &these).await?;
        out.extend(
            found
                .into_iter()
                .filter(|r| chunk.iter().any(|(k, v)| *k == r.kind && *v == r.key)),
        );
    }
    Ok(out)
}

/// Every key row of some records of one object.
pub async fn of_records(tx: &mut Tx, object: &str, ids: &[String]) -> Result<Vec<KeyRow>> {
    let mut out = Vec::new();
    for chunk in ids.chunks(CHUNK) {
        let pred = Pred::And(vec![
            eq("object", object),
            Pred::In {
                col: "record_id".into(),
                values: texts(chunk),
            },
        ]);
        out.extend(rows_where(tx.into(), &pred).await?);
    }
    Ok(out)
}

/// Stores key rows. A second holder of a key fails with [`crate::StoreError::Unique`].
pub async fn insert(tx: &mut Tx, keys: &[KeyRow]) -> Result<()> {
    let columns = columns(&COLUMNS);
    for chunk in keys.chunks(CHUNK) {
        let rows: Vec<Vec<Value>> = chunk
            .iter()
            .map(|k| {
                vec![
                    Value::Text(k.kind.clone()),
                    Value::Text(k.key.clone()),
                    Value::Text(k.object.clone()),
                    Value::Text(k.record_id.clone()),
                    Value::Text(k.field.clone()),
                    Value::Int(i64::from(k.holder)),
                ]
            })
            .collect();
        records::insert(tx, TABLE, &columns, &rows).await?;
    }
    Ok(())
}

/// Gives back every key some records of one object hold (deleted, merged or about to be
/// re-keyed).
pub async fn remove(tx: &mut Tx, object: &str, ids: &[String]) -> Result<()> {
    for chunk in ids.chunks(CHUNK) {
        let pred = Pred::And(vec![
            eq("object", object),
            Pred::In {
                col: "record_id".into(),
                values: texts(chunk),
            },
        ]);
        records::purge(tx, TABLE, &pred).await?;
    }
    Ok(())
}

/// Forgets every key of an object (before its keys are worked out again under new rules).
pub async fn remove_object(tx: &mut Tx, object: &str) -> Result<u64> {
    records::purge(tx, TABLE, &eq("object", object)).await
}

/// Keys shared by more than one record of `object`, in key order, at most `limit`, starting
/// after the `(kind, key)` pair `after`.
pub async fn shared_keys(
    db: &Db,
    object: &str,
    after: Option<(&str, &str)>,
    limit: u64,
) -> Result<Vec<(String, String)>> {
    let be = db.backend();
    let mut sel = Query::select();
    sel.columns([Alias::new("kind"), Alias::new("key")])
        .from(Alias::new(TABLE))
        .and_where(condition(&eq("object", object), be));
    if let Some((kind, key)) = after {
        let later = Pred::Or(vec![
            Pred::Cmp {
                col: "kind".into(),
                op: Cmp::Gt,
                value: Value::Text(kind.to_owned()),
            },
            Pred::And(vec![
                eq("kind", kind),
                Pred::Cmp {
                    col: "key".into(),
                    op: Cmp::Gt,
                    value: Value::Text(key.to_owned()),
                },
            ]),
        ]);
        sel.and_where(condition(&later, be));
    }
    sel.group_by_columns([Alias::new("kind"), Alias::new("key")])
        .and_having(Expr::col(sea_query::Asterisk).count().gt(1))
        .order_by(Alias::new("kind"), Order::Asc)
        .order_by(Alias::new("key"), Order::Asc)
        .limit(limit);
    let rows = exec::fetch(db.into(), &sel, &[ColType::Text, ColType::Text]).await?;
    Ok(rows
        .into_iter()
        .map(|r| {
            (
                r[0].as_str().unwrap_or_default().to_owned(),
                r[1].as_str().unwrap_or_default().to_owned(),
            )
        })
        .collect())
}

/// The records of `object` holding or sharing each of the keys.
pub async fn sharing(db: &Db, object: &str, keys: &[(String, String)]) -> Result<Vec<KeyRow>> {
    with_keys(db.into(), keys, eq("object", object)).await
}
