//! The audit trail of record changes: appended to, never changed.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{OrderKey, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, eq, projection};
use crate::records::{self, ListQuery};

const TABLE: &str = "record_history";

/// One entry: `action` (create, update, transfer, delete, restore, revert) by `user_id` at `at`;
/// for changes, the field with its old and new values as JSON text.
#[derive(Debug, Clone, PartialEq)]
pub struct HistoryRow {
    pub id: String,
    pub object: String,
    pub record_id: String,
    pub at: DateTime<Utc>,
    pub user_id: Option<String>,
    pub action: String,
    pub field: Option<String>,
    pub old: Option<String>,
    pub new: Option<String>,
}

const COLUMNS: [(&str, ColType); 9] = [
    ("id", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("at", ColType::DateTime),
    ("user_id", ColType::Text),
    ("action", ColType::Text),
    ("field", ColType::Text),
    ("old", ColType::Text),
    ("new", ColType::Text),
];

/// Appends entries, in the caller's transaction.
pub async fn append(tx: &mut Tx, entries: &[HistoryRow]) -> Result<()> {
    let rows: Vec<Vec<Value>> = entries
        .iter()
        .map(|e| {
            vec![
                Value::Text(e.id.clone()),
                Value::Text(e.object.clone()),
                Value::Text(e.record_id.clone()),
                Value::DateTime(e.at),
                Value::text_or_null(e.user_id.clone()),
                Value::Text(e.action.clone()),
                Value::text_or_null(e.field.clone()),
                Value::text_or_null(e.old.clone()),
                Value::text_or_null(e.new.clone()),
            ]
        })
        .collect();
    records::insert(tx, TABLE, &columns(&COLUMNS), &rows).await
}

/// A record's entries, newest first.
pub async fn of_record(
    db: &Db,
    object: &str,
    record_id: &str,
    limit: u64,
) -> Result<Vec<HistoryRow>> {
    let projection = projection(&COLUMNS);
    let pred = Pred::And(vec![eq("object", object), eq("record_id", record_id)]);
    let order = [
        OrderKey {
            col: "at".into(),
            ty: ColType::DateTime,
            desc: true,
            nullable: true,
        },
        OrderKey {
            col: "id".into(),
            ty: ColType::Text,
            desc: true,
            nullable: false,
        },
    ];
    let rows = records::select(
        db,
        &ListQuery {
            table: TABLE,
            projection: &projection,
            pred: &pred,
            order: &order,
            limit,
            drive: None,
        },
    )
    .await?;
    Ok(rows.into_iter().map(from_row).collect())
}

/// One entry by id.
pub async fn entry(db: &Db, id: &str) -> Result<Option<HistoryRow>> {
    let projection = projection(&COLUMNS);
    let rows = records::select(
        db,
        &ListQuery {
            table: TABLE,
            projection: &projection,
            pred: &eq("id", id),
            order: &[],
            limit: 1,
            drive: None,
        },
    )
    .await?;
    Ok(rows.into_iter().next().map(from_row))
}

fn from_row(r: Vec<Value>) -> HistoryRow {
    let text = |v: &Value| v.as_str().map(str::to_owned);
    HistoryRow {
        id: text(&r[0]).unwrap_or_default(),
        object: text(&r[1]).unwrap_or_default(),
        record_id: text(&r[2]).unwrap_or_default(),
        at: match r[3] {
            Value::DateTime(t) => t,
            _ => DateTime::<Utc>::MIN_UTC,
        },
        user_id: text(&r[4]),
        action: text(&r[5]).unwrap_or_default(),
        field: text(&r[6]),
        old: text(&r[7]),
        new: text(&r[8]),
    }
}

/// Moves a record's trail to another record of the same object: after a merge, the survivor
/// shows what happened to both.
pub async fn reassign(tx: &mut Tx, object: &str, from: &str, to: &str) -> Result<u64> {
    let sets = [(
        "record_id".to_owned(),
        ColType::Text,
        Value::Text(to.to_owned()),
    )];
    let pred = Pred::And(vec![eq("object", object), eq("record_id", from)]);
    records::update(tx, TABLE, &sets, &pred).await
}
