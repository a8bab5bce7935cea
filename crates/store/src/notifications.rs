//! In-app notifications: written for a user by whatever happened, read and marked as read by them.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{OrderKey, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, eq, projection, text};
use crate::records::{self, ListQuery};

const TABLE: &str = "notifications";

/// One notification: `kind` names what happened, `data` (JSON) the details a message needs.
#[derive(Debug, Clone, PartialEq)]
pub struct NotificationRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub data: String,
    pub object: Option<String>,
    pub record_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read_at: Option<DateTime<Utc>>,
}

const COLUMNS: [(&str, ColType); 8] = [
    ("id", ColType::Text),
    ("user_id", ColType::Text),
    ("kind", ColType::Text),
    ("data", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("created_at", ColType::DateTime),
    ("read_at", ColType::DateTime),
];

pub async fn insert(tx: &mut Tx, list: &[NotificationRow]) -> Result<()> {
    let rows: Vec<Vec<Value>> = list
        .iter()
        .map(|n| {
            vec![
                Value::Text(n.id.clone()),
                Value::Text(n.user_id.clone()),
                Value::Text(n.kind.clone()),
                Value::Text(n.data.clone()),
                Value::text_or_null(n.object.clone()),
                Value::text_or_null(n.record_id.clone()),
                Value::DateTime(n.created_at),
                n.read_at.map_or(Value::Null, Value::DateTime),
            ]
        })
        .collect();
    records::insert(tx, TABLE, &columns(&COLUMNS), &rows).await
}

fn unread() -> Pred {
    Pred::IsNull {
        col: "read_at".into(),
    }
}

/// A user's notifications, newest first; only the unread ones if asked.
pub async fn of_user(
    db: &Db,
    user_id: &str,
    unread_only: bool,
    limit: u64,
) -> Result<Vec<NotificationRow>> {
    let mut pred = vec![eq("user_id", user_id)];
    if unread_only {
        pred.push(unread());
    }
    let p = projection(&COLUMNS);
    let order = [
        OrderKey {
            col: "created_at".into(),
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
            projection: &p,
            pred: &Pred::And(pred),
            order: &order,
            limit,
            drive: None,
        },
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| NotificationRow {
            id: text(&r[0]),
            user_id: text(&r[1]),
            kind: text(&r[2]),
            data: text(&r[3]),
            object: r[4].as_str().map(str::to_owned),
            record_id: r[5].as_str().map(str::to_owned),
            created_at: r[6].as_datetime().unwrap_or_default(),
            read_at: r[7].as_datetime(),
        })
        .collect())
}

/// How many notifications a user has not read.
pub async fn unread_count(db: &Db, user_id: &str) -> Result<i64> {
    records::count(
        db,
        TABLE,
        &Pred::And(vec![eq("user_id", user_id), unread()]),
    )
    .await
}

/// Marks one (or, without an id, every) unread notification of a user as read; gives how many.
pub async fn mark_read(
    tx: &mut Tx,
    user_id: &str,
    id: Option<&str>,
    at: DateTime<Utc>,
) -> Result<u64> {
    let mut pred = vec![eq("user_id", user_id), unread()];
    if let Some(id) = id {
        pred.push(eq("id", id));
    }
    let sets = [("read_at".to_owned(), ColType::DateTime, Value::DateTime(at))];
    records::update(tx, TABLE, &sets, &Pred::And(pred)).await
}
