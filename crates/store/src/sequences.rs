//! Numbering series: the next number of a series in a period, taken inside the caller's
//! transaction. The row is locked until the transaction ends (PostgreSQL) or the one writer
//! holds it (SQLite), so concurrent writers get consecutive numbers; a rolled-back write gives
//! its number back, so a period's numbers have no gaps.

use pelagic_core::{ColType, Value};
use sea_query::Values;
use sea_query_sqlx::SqlxValues;

use crate::db::{Backend, Tx};
use crate::exec;
use crate::sql::bind;
use crate::{Result, StoreError};

/// Takes the next number of `name` in `period` (1 for the first).
pub async fn next(tx: &mut Tx, name: &str, period: i64) -> Result<i64> {
    let be = tx.backend();
    let (p1, p2) = match be {
        Backend::Sqlite => ("?", "?"),
        Backend::Postgres => ("$1", "$2"),
    };
    let sql = format!(
        "INSERT INTO number_sequences (name, period, last_value) VALUES ({p1}, {p2}, 1) \
         ON CONFLICT (name, period) DO UPDATE SET last_value = number_sequences.last_value + 1 \
         RETURNING last_value"
    );
    let values = vec![
        bind(&Value::Text(name.to_owned()), ColType::Text, be),
        bind(&Value::Int(period), ColType::BigInt, be),
    ];
    let rows = exec::fetch_sql(
        tx.into(),
        sql,
        SqlxValues(Values(values)),
        &[ColType::BigInt],
    )
    .await?;
    rows.first()
        .and_then(|r| r[0].as_int())
        .ok_or_else(|| StoreError::Corrupt(format!("numbering series {name} gave no number")))
}
