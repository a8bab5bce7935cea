//! Failed sign-ins, counted per key (an account or an address) over a recent window.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::Db;
use crate::records;

const TABLE: &str = "login_failures";

fn key_is(key: &str) -> Pred {
    Pred::Cmp {
        col: "key".into(),
        op: Cmp::Eq,
        value: Value::Text(key.to_owned()),
    }
}

fn since(at: DateTime<Utc>) -> Pred {
    Pred::Cmp {
        col: "at".into(),
        op: Cmp::Gte,
        value: Value::DateTime(at),
    }
}

/// Notes one failure under each key.
pub async fn record_failure(
    db: &Db,
    ids_and_keys: &[(String, String)],
    at: DateTime<Utc>,
) -> Result<()> {
    let columns = [
        ("id".to_owned(), ColType::Text),
        ("key".to_owned(), ColType::Text),
        ("at".to_owned(), ColType::DateTime),
    ];
    let rows: Vec<Vec<Value>> = ids_and_keys
        .iter()
        .map(|(id, key)| {
            vec![
                Value::Text(id.clone()),
                Value::Text(key.clone()),
                Value::DateTime(at),
            ]
        })
        .collect();
    let mut tx = db.begin().await?;
    records::insert(&mut tx, TABLE, &columns, &rows).await?;
    tx.commit().await
}

/// How many failures a key had since `from`.
pub async fn failures_since(db: &Db, key: &str, from: DateTime<Utc>) -> Result<i64> {
    records::count(db, TABLE, &Pred::And(vec![key_is(key), since(from)])).await
}

/// Forgets a key's failures (after a successful sign-in).
pub async fn clear(db: &Db, key: &str) -> Result<()> {
    let mut tx = db.begin().await?;
    records::purge(&mut tx, TABLE, &key_is(key)).await?;
    tx.commit().await
}

/// Forgets failures older than `before`; gives how many.
pub async fn purge_before(db: &Db, before: DateTime<Utc>) -> Result<u64> {
    let mut tx = db.begin().await?;
    let old = Pred::Cmp {
        col: "at".into(),
        op: Cmp::Lt,
        value: Value::DateTime(before),
    };
    let n = records::purge(&mut tx, TABLE, &old).await?;
    tx.commit().await?;
    Ok(n)
}
