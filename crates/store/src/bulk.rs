//! Bulk jobs: queued by a user, claimed by one instance at a time, their progress written as
//! they go.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, eq, projection};
use crate::records::{self, ListQuery};

const TABLE: &str = "bulk_jobs";

/// One bulk job. `request` is the job's own JSON (what to do and to which records); `errors`
/// a JSON list of what could not be done.
#[derive(Debug, Clone, PartialEq)]
pub struct BulkJobRow {
    pub id: String,
    pub user_id: String,
    pub object: String,
    pub action: String,
    pub request: String,
    /// `queued`, `running`, `done` or `failed`.
    pub status: String,
    pub total: i64,
    pub done: i64,
    pub failed: i64,
    pub errors: Option<String>,
    pub created_at: DateTime<Utc>,
    pub finished_at: Option<DateTime<Utc>>,
}

const COLUMNS: [(&str, ColType); 12] = [
    ("id", ColType::Text),
    ("user_id", ColType::Text),
    ("object", ColType::Text),
    ("action", ColType::Text),
    ("request", ColType::Text),
    ("status", ColType::Text),
    ("total", ColType::BigInt),
    ("done", ColType::BigInt),
    ("failed", ColType::BigInt),
    ("errors", ColType::Text),
    ("created_at", ColType::DateTime),
    ("finished_at", ColType::DateTime),
];

pub async fn insert(tx: &mut Tx, j: &BulkJobRow) -> Result<()> {
    let row = vec![
        Value::Text(j.id.clone()),
        Value::Text(j.user_id.clone()),
        Value::Text(j.object.clone()),
        Value::Text(j.action.clone()),
        Value::Text(j.request.clone()),
        Value::Text(j.status.clone()),
        Value::Int(j.total),
        Value::Int(j.done),
        Value::Int(j.failed),
        Value::text_or_null(j.errors.clone()),
        Value::DateTime(j.created_at),
        j.finished_at.map_or(Value::Null, Value::DateTime),
    ];
    records::insert(tx, TABLE, &columns(&COLUMNS), &[row]).await
}

fn read(r: &[Value]) -> BulkJobRow {
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    BulkJobRow {
        id: text(&r[0]),
        user_id: text(&r[1]),
        object: text(&r[2]),
        action: text(&r[3]),
        request: text(&r[4]),
        status: text(&r[5]),
        total: r[6].as_int().unwrap_or_default(),
        done: r[7].as_int().unwrap_or_default(),
        failed: r[8].as_int().unwrap_or_default(),
        errors: r[9].as_str().map(str::to_owned),
        created_at: r[10].as_datetime().unwrap_or_default(),
        finished_at: r[11].as_datetime(),
    }
}

/// One job by id.
pub async fn get(db: &Db, id: &str) -> Result<Option<BulkJobRow>> {
    let row = records::first(db, TABLE, &projection(&COLUMNS), &eq("id", id)).await?;
    Ok(row.as_deref().map(read))
}

/// The condition for a job an instance may take: queued, or running with a heartbeat older than
/// `stale_before` (its instance stopped).
fn claimable(stale_before: DateTime<Utc>) -> Pred {
    Pred::Or(vec![
        eq("status", "queued"),
        Pred::And(vec![
            eq("status", "running"),
            Pred::Cmp {
                col: "heartbeat_at".into(),
                op: Cmp::Lt,
                value: Value::DateTime(stale_before),
            },
        ]),
    ])
}

/// The ids of jobs waiting for an instance, oldest first.
pub async fn claimable_ids(db: &Db, stale_before: DateTime<Utc>) -> Result<Vec<String>> {
    let mut p = pelagic_core::output::Projection::default();
    p.push("id", ColType::Text);
    let order = [pelagic_core::plan::OrderKey {
        col: "created_at".into(),
        ty: ColType::DateTime,
        desc: false,
        nullable: true,
    }];
    let rows = records::select(
        db,
        &ListQuery {
            table: TABLE,
            projection: &p,
            pred: &claimable(stale_before),
            order: &order,
            limit: 20,
            drive: None,
        },
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r[0].as_str().map(str::to_owned))
        .collect())
}

/// Takes a job for `instance`; false when it is not claimable (another instance has it, or it
/// is finished).
pub async fn claim(
    tx: &mut Tx,
    id: &str,
    instance: &str,
    now: DateTime<Utc>,
    stale_before: DateTime<Utc>,
) -> Result<bool> {
    let sets = [
        (
            "status".to_owned(),
            ColType::Text,
            Value::Text("running".into()),
        ),
        (
            "claimed_by".to_owned(),
            ColType::Text,
            Value::Text(instance.into()),
        ),
        (
            "heartbeat_at".to_owned(),
            ColType::DateTime,
            Value::DateTime(now),
        ),
    ];
    let pred = Pred::And(vec![eq("id", id), claimable(stale_before)]);
    Ok(records::update(tx, TABLE, &sets, &pred).await? == 1)
}

/// Writes progress (and the heartbeat) for a job this instance holds, and the total once known.
pub async fn progress(
    tx: &mut Tx,
    j: &BulkJobRow,
    instance: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let mut sets = vec![
        (
            "request".to_owned(),
            ColType::Text,
            Value::Text(j.request.clone()),
        ),
        ("total".to_owned(), ColType::BigInt, Value::Int(j.total)),
        ("done".to_owned(), ColType::BigInt, Value::Int(j.done)),
        ("failed".to_owned(), ColType::BigInt, Value::Int(j.failed)),
        (
            "errors".to_owned(),
            ColType::Text,
            Value::text_or_null(j.errors.clone()),
        ),
        (
            "heartbeat_at".to_owned(),
            ColType::DateTime,
            Value::DateTime(now),
        ),
        (
            "status".to_owned(),
            ColType::Text,
            Value::Text(j.status.clone()),
        ),
    ];
    if let Some(at) = j.finished_at {
        sets.push((
            "finished_at".to_owned(),
            ColType::DateTime,
            Value::DateTime(at),
        ));
    }
    let pred = Pred::And(vec![eq("id", &j.id), eq("claimed_by", instance)]);
    Ok(records::update(tx, TABLE, &sets, &pred).await? == 1)
}
