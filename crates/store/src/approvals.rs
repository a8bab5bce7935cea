//! Approval requests (a record submitted to a flow) and the tasks of their approvers.

use chrono::{DateTime, Utc};
use pelagic_core::order::OrderKey;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::exec::Conn;
use crate::fixed::{columns, eq, projection, text};
use crate::records::{self, ListQuery};

const REQUESTS: &str = "approval_requests";
const TASKS: &str = "approval_tasks";

#[derive(Debug, Clone, PartialEq)]
pub struct RequestRow {
    pub id: String,
    pub flow_id: String,
    pub flow_name: String,
    pub object: String,
    pub record_id: String,
    /// `pending`, `approved` or `rejected`.
    pub status: String,
    /// The step being decided, from 0.
    pub step: i64,
    /// The flow's steps when it was submitted (JSON).
    pub steps: String,
    pub submitted_by: String,
    pub submitted_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

const REQUEST_COLUMNS: [(&str, ColType); 11] = [
    ("id", ColType::Text),
    ("flow_id", ColType::Text),
    ("flow_name", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("status", ColType::Text),
    ("step", ColType::BigInt),
    ("steps", ColType::Text),
    ("submitted_by", ColType::Text),
    ("submitted_at", ColType::DateTime),
    ("decided_at", ColType::DateTime),
];

#[derive(Debug, Clone, PartialEq)]
pub struct TaskRow {
    pub id: String,
    pub request_id: String,
    pub step: i64,
    pub user_id: String,
    /// `approved`, `rejected`, or `None` while undecided.
    pub decision: Option<String>,
    pub comment: Option<String>,
    pub created_at: DateTime<Utc>,
    pub decided_at: Option<DateTime<Utc>>,
}

const TASK_COLUMNS: [(&str, ColType); 8] = [
    ("id", ColType::Text),
    ("request_id", ColType::Text),
    ("step", ColType::BigInt),
    ("user_id", ColType::Text),
    ("decision", ColType::Text),
    ("comment", ColType::Text),
    ("created_at", ColType::DateTime),
    ("decided_at", ColType::DateTime),
];

fn opt_time(t: Option<DateTime<Utc>>) -> Value {
    t.map_or(Value::Null, Value::DateTime)
}

pub async fn insert_request(tx: &mut Tx, r: &RequestRow) -> Result<()> {
    let row = vec![
        Value::Text(r.id.clone()),
        Value::Text(r.flow_id.clone()),
        Value::Text(r.flow_name.clone()),
        Value::Text(r.object.clone()),
        Value::Text(r.record_id.clone()),
        Value::Text(r.status.clone()),
        Value::Int(r.step),
        Value::Text(r.steps.clone()),
        Value::Text(r.submitted_by.clone()),
        Value::DateTime(r.submitted_at),
        opt_time(r.decided_at),
    ];
    records::insert(tx, REQUESTS, &columns(&REQUEST_COLUMNS), &[row]).await
}

pub async fn insert_tasks(tx: &mut Tx, tasks: &[TaskRow]) -> Result<()> {
    let rows: Vec<Vec<Value>> = tasks
        .iter()
        .map(|t| {
            vec![
                Value::Text(t.id.clone()),
                Value::Text(t.request_id.clone()),
                Value::Int(t.step),
                Value::Text(t.user_id.clone()),
                Value::text_or_null(t.decision.clone()),
                Value::text_or_null(t.comment.clone()),
                Value::DateTime(t.created_at),
                opt_time(t.decided_at),
            ]
        })
        .collect();
    records::insert(tx, TASKS, &columns(&TASK_COLUMNS), &rows).await
}

fn request_of(r: &[Value]) -> RequestRow {
    RequestRow {
        id: text(&r[0]),
        flow_id: text(&r[1]),
        flow_name: text(&r[2]),
        object: text(&r[3]),
        record_id: text(&r[4]),
        status: text(&r[5]),
        step: r[6].as_int().unwrap_or(0),
        steps: text(&r[7]),
        submitted_by: text(&r[8]),
        submitted_at: r[9].as_datetime().unwrap_or_default(),
        decided_at: r[10].as_datetime(),
    }
}

fn task_of(r: &[Value]) -> TaskRow {
    TaskRow {
        id: text(&r[0]),
        request_id: text(&r[1]),
        step: r[2].as_int().unwrap_or(0),
        user_id: text(&r[3]),
        decision: r[4].as_str().map(str::to_owned),
        comment: r[5].as_str().map(str::to_owned),
        created_at: r[6].as_datetime().unwrap_or_default(),
        decided_at: r[7].as_datetime(),
    }
}

fn by(col: &'static str, desc: bool, ty: ColType) -> OrderKey {
    OrderKey {
        nullable: col != "id",
        col: col.into(),
        ty,
        desc,
    }
}

async fn select(
    conn: Conn<'_>,
    table: &str,
    list: &[(&str, ColType)],
    pred: Pred,
    order: &[OrderKey],
    limit: u64,
) -> Result<Vec<Vec<Value>>> {
    let p = projection(list);
    let q = ListQuery {
        table,
        projection: &p,
        pred: &pred,
        order,
        limit,
        drive: None,
    };
    match conn {
        Conn::Db(db) => records::select(db, &q).await,
        Conn::Tx(tx) => records::select_tx(tx, &q).await,
    }
}

/// One request, read in the transaction.
/// Locked until the transaction ends, so that two approvers deciding at once decide one after
/// the other, each on what the other committed.
pub async fn request(tx: &mut Tx, id: &str) -> Result<Option<RequestRow>> {
    let p = projection(&REQUEST_COLUMNS);
    let row = records::lock_first_tx(tx, REQUESTS, &p, &eq("id", id)).await?;
    Ok(row.as_ref().map(|r| request_of(r)))
}

/// The requests of a record, newest first.
pub async fn requests_of(db: &Db, object: &str, record_id: &str) -> Result<Vec<RequestRow>> {
    let pred = Pred::And(vec![eq("object", object), eq("record_id", record_id)]);
    let order = [
        by("submitted_at", true, ColType::DateTime),
        by("id", true, ColType::Text),
    ];
    let rows = select(db.into(), REQUESTS, &REQUEST_COLUMNS, pred, &order, 200).await?;
    Ok(rows.iter().map(|r| request_of(r)).collect())
}

/// The requests with these ids.
pub async fn requests(db: &Db, ids: &[String]) -> Result<Vec<RequestRow>> {
    if ids.is_empty() {
        return Ok(Vec::new());
    }
    let pred = Pred::In {
        col: "id".into(),
        values: ids.iter().cloned().map(Value::Text).collect(),
    };
    let rows = select(
        db.into(),
        REQUESTS,
        &REQUEST_COLUMNS,
        pred,
        &[],
        ids.len() as u64,
    )
    .await?;
    Ok(rows.iter().map(|r| request_of(r)).collect())
}

/// The tasks of requests, in step order.
pub async fn tasks_of(db: &Db, request_ids: &[String]) -> Result<Vec<TaskRow>> {
    if request_ids.is_empty() {
        return Ok(Vec::new());
    }
    let pred = Pred::In {
        col: "request_id".into(),
        values: request_ids.iter().cloned().map(Value::Text).collect(),
    };
    let order = [
        by("step", false, ColType::BigInt),
        by("created_at", false, ColType::DateTime),
        by("id", false, ColType::Text),
    ];
    let rows = select(db.into(), TASKS, &TASK_COLUMNS, pred, &order, 10_000).await?;
    Ok(rows.iter().map(|r| task_of(r)).collect())
}

/// The tasks of one request at one step, read in the transaction.
pub async fn step_tasks(tx: &mut Tx, request_id: &str, step: i64) -> Result<Vec<TaskRow>> {
    let pred = Pred::And(vec![
        eq("request_id", request_id),
        Pred::Cmp {
            col: "step".into(),
            op: Cmp::Eq,
            value: Value::Int(step),
        },
    ]);
    let rows = select(
        tx.into(),
        TASKS,
        &TASK_COLUMNS,
        pred,
        &[by("id", false, ColType::Text)],
        10_000,
    )
    .await?;
    Ok(rows.iter().map(|r| task_of(r)).collect())
}

/// The undecided tasks of a user, oldest first.
pub async fn open_tasks_of(db: &Db, user_id: &str) -> Result<Vec<TaskRow>> {
    let pred = Pred::And(vec![
        eq("user_id", user_id),
        Pred::IsNull {
            col: "decision".into(),
        },
    ]);
    let order = [
        by("created_at", false, ColType::DateTime),
        by("id", false, ColType::Text),
    ];
    let rows = select(db.into(), TASKS, &TASK_COLUMNS, pred, &order, 500).await?;
    Ok(rows.iter().map(|r| task_of(r)).collect())
}

/// Records a decision on a task still undecided; gives whether it was (two approvers deciding
/// the same task at once: one wins).
pub async fn decide(
    tx: &mut Tx,
    task_id: &str,
    decision: &str,
    comment: Option<&str>,
    at: DateTime<Utc>,
) -> Result<bool> {
    let sets = [
        (
            "decision".to_owned(),
            ColType::Text,
            Value::Text(decision.to_owned()),
        ),
        (
            "comment".to_owned(),
            ColType::Text,
            Value::text_or_null(comment.map(str::to_owned)),
        ),
        (
            "decided_at".to_owned(),
            ColType::DateTime,
            Value::DateTime(at),
        ),
    ];
    let pred = Pred::And(vec![
        eq("id", task_id),
        Pred::IsNull {
            col: "decision".into(),
        },
    ]);
    Ok(records::update(tx, TASKS, &sets, &pred).await? == 1)
}

/// Moves a pending request to a step, or ends it; gives whether it was still pending.
pub async fn set_request(
    tx: &mut Tx,
    id: &str,
    status: &str,
    step: i64,
    decided_at: Option<DateTime<Utc>>,
) -> Result<bool> {
    let sets = [
        (
            "status".to_owned(),
            ColType::Text,
            Value::Text(status.to_owned()),
        ),
        ("step".to_owned(), ColType::BigInt, Value::Int(step)),
        (
            "decided_at".to_owned(),
            ColType::DateTime,
            opt_time(decided_at),
        ),
    ];
    let moved = records::update(
        tx,
        REQUESTS,
        &sets,
        &Pred::And(vec![eq("id", id), eq("status", "pending")]),
    )
    .await?;
    Ok(moved == 1)
}

/// Closes the undecided tasks of a step once it is decided (one approval was enough, or the
/// request was rejected).
pub async fn skip_open(tx: &mut Tx, request_id: &str, step: i64, at: DateTime<Utc>) -> Result<()> {
    let sets = [
        (
            "decision".to_owned(),
            ColType::Text,
            Value::Text("skipped".into()),
        ),
        (
            "decided_at".to_owned(),
            ColType::DateTime,
            Value::DateTime(at),
        ),
    ];
    let pred = Pred::And(vec![
        eq("request_id", request_id),
        Pred::Cmp {
            col: "step".into(),
            op: Cmp::Eq,
            value: Value::Int(step),
        },
        Pred::IsNull {
            col: "decision".into(),
        },
    ]);
    records::update(tx, TASKS, &sets, &pred).await?;
    Ok(())
}
