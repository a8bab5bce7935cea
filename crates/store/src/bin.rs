//! The recycle bin's bookkeeping: deletions and the records each one took.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, eq, projection};
use crate::records::{self, ListQuery};

/// One deletion: the record deleted (`object`, `record_id`, its `title` and owner) and how many
/// records it took with it, the root included.
#[derive(Debug, Clone, PartialEq)]
pub struct DeletionRow {
    pub id: String,
    pub object: String,
    pub record_id: String,
    pub title: String,
    pub owner_id: Option<String>,
    pub deleted_by: String,
    pub deleted_at: DateTime<Utc>,
    pub members: i64,
}

const DELETION_COLUMNS: [(&str, ColType); 8] = [
    ("id", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("title", ColType::Text),
    ("owner_id", ColType::Text),
    ("deleted_by", ColType::Text),
    ("deleted_at", ColType::DateTime),
    ("members", ColType::BigInt),
];

/// Records a deletion and its members (pairs of object and record id).
pub async fn record(tx: &mut Tx, d: &DeletionRow, members: &[(String, String)]) -> Result<()> {
    let row = vec![
        Value::Text(d.id.clone()),
        Value::Text(d.object.clone()),
        Value::Text(d.record_id.clone()),
        Value::Text(d.title.clone()),
        Value::text_or_null(d.owner_id.clone()),
        Value::Text(d.deleted_by.clone()),
        Value::DateTime(d.deleted_at),
        Value::Int(d.members),
    ];
    records::insert(tx, "deletions", &columns(&DELETION_COLUMNS), &[row]).await?;
    let member_rows: Vec<Vec<Value>> = members
        .iter()
        .map(|(o, r)| {
            vec![
                Value::Text(d.id.clone()),
                Value::Text(o.clone()),
                Value::Text(r.clone()),
            ]
        })
        .collect();
    records::insert(
        tx,
        "deletion_members",
        &columns(&[
            ("deletion_id", ColType::Text),
            ("object", ColType::Text),
            ("record_id", ColType::Text),
        ]),
        &member_rows,
    )
    .await
}

/// Deletions, newest first: of one object or all, and only those older than `before` if given.
pub async fn list(
    db: &Db,
    object: Option<&str>,
    before: Option<DateTime<Utc>>,
    limit: u64,
) -> Result<Vec<DeletionRow>> {
    let mut conditions = vec![Pred::True];
    if let Some(o) = object {
        conditions.push(eq("object", o));
    }
    if let Some(t) = before {
        conditions.push(Pred::Cmp {
            col: "deleted_at".into(),
            op: Cmp::Lt,
            value: Value::DateTime(t),
        });
    }
    let order = [
        OrderKey {
            col: "deleted_at".into(),
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
    let p = projection(&DELETION_COLUMNS);
    let rows = records::select(
        db,
        &ListQuery {
            table: "deletions",
            projection: &p,
            pred: &Pred::And(conditions),
            order: &order,
            limit,
            drive: None,
        },
    )
    .await?;
    Ok(rows.into_iter().map(deletion_from).collect())
}

/// The latest deletion whose root is this record.
pub async fn of_record(tx: &mut Tx, object: &str, record_id: &str) -> Result<Option<DeletionRow>> {
    let order = [OrderKey {
        col: "deleted_at".into(),
        ty: ColType::DateTime,
        desc: true,
        nullable: true,
    }];
    let p = projection(&DELETION_COLUMNS);
    let pred = Pred::And(vec![eq("object", object), eq("record_id", record_id)]);
    let rows = records::select_tx(
        tx,
        &ListQuery {
            table: "deletions",
            projection: &p,
            pred: &pred,
            order: &order,
            limit: 1,
            drive: None,
        },
    )
    .await?;
    Ok(rows.into_iter().next().map(deletion_from))
}

/// The records a deletion took, as (object, record id).
pub async fn members(tx: &mut Tx, deletion_id: &str) -> Result<Vec<(String, String)>> {
    let p = projection(&[("object", ColType::Text), ("record_id", ColType::Text)]);
    let rows = records::select_tx(
        tx,
        &ListQuery {
            table: "deletion_members",
            projection: &p,
            pred: &eq("deletion_id", deletion_id),
            order: &[],
            limit: u64::MAX >> 1,
            drive: None,
        },
    )
    .await?;
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

/// Forgets a deletion (after a restore or a purge).
pub async fn forget(tx: &mut Tx, deletion_id: &str) -> Result<()> {
    records::purge(tx, "deletion_members", &eq("deletion_id", deletion_id)).await?;
    records::purge(tx, "deletions", &eq("id", deletion_id)).await?;
    Ok(())
}

fn deletion_from(r: Vec<Value>) -> DeletionRow {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    DeletionRow {
        id: text(&r[0]),
        object: text(&r[1]),
        record_id: text(&r[2]),
        title: text(&r[3]),
        owner_id: r[4].as_str().map(str::to_owned),
        deleted_by: text(&r[5]),
        deleted_at: match r[6] {
            Value::DateTime(t) => t,
            _ => DateTime::<Utc>::MIN_UTC,
        },
        members: match r[7] {
            Value::Int(n) => n,
            _ => 0,
        },
    }
}
