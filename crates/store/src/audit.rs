//! The security log: sign-ins, failed sign-ins and permission changes, appended to, never changed.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, projection};
use crate::records::{self, ListQuery};

const TABLE: &str = "audit_log";

/// One event: who (`user_id`, when known), what (`action`), about what (`subject`), details as
/// JSON text, and from which address.
#[derive(Debug, Clone, PartialEq)]
pub struct AuditRow {
    pub id: String,
    pub at: DateTime<Utc>,
    pub user_id: Option<String>,
    pub action: String,
    pub subject: Option<String>,
    pub detail: Option<String>,
    pub client: Option<String>,
}

const COLUMNS: [(&str, ColType); 7] = [
    ("id", ColType::Text),
    ("at", ColType::DateTime),
    ("user_id", ColType::Text),
    ("action", ColType::Text),
    ("subject", ColType::Text),
    ("detail", ColType::Text),
    ("client", ColType::Text),
];

fn row_of(e: &AuditRow) -> Vec<Value> {
    vec![
        Value::Text(e.id.clone()),
        Value::DateTime(e.at),
        Value::text_or_null(e.user_id.clone()),
        Value::Text(e.action.clone()),
        Value::text_or_null(e.subject.clone()),
        Value::text_or_null(e.detail.clone()),
        Value::text_or_null(e.client.clone()),
    ]
}

/// Appends an event inside the transaction of the change it records.
pub async fn append(tx: &mut Tx, e: &AuditRow) -> Result<()> {
    records::insert(tx, TABLE, &columns(&COLUMNS), &[row_of(e)]).await
}

/// Appends an event on its own (a sign-in, which changes nothing else).
pub async fn append_now(db: &Db, e: &AuditRow) -> Result<()> {
    let mut tx = db.begin().await?;
    append(&mut tx, e).await?;
    tx.commit().await
}

/// Events newest first, optionally of one action and before an id (ids are time-ordered).
pub async fn list(
    db: &Db,
    action: Option<&str>,
    before: Option<&str>,
    limit: u64,
) -> Result<Vec<AuditRow>> {
    let p = projection(&COLUMNS);
    let mut pred = Vec::new();
    if let Some(a) = action {
        pred.push(Pred::Cmp {
            col: "action".into(),
            op: Cmp::Eq,
            value: Value::Text(a.to_owned()),
        });
    }
    if let Some(b) = before {
        pred.push(Pred::Cmp {
            col: "id".into(),
            op: Cmp::Lt,
            value: Value::Text(b.to_owned()),
        });
    }
    let order = [OrderKey {
        col: "id".into(),
        ty: ColType::Text,
        desc: true,
        nullable: false,
    }];
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
    let text = |v: &Value| v.as_str().map(str::to_owned);
    Ok(rows
        .into_iter()
        .map(|r| AuditRow {
            id: text(&r[0]).unwrap_or_default(),
            at: r[1].as_datetime().unwrap_or_default(),
            user_id: text(&r[2]),
            action: text(&r[3]).unwrap_or_default(),
            subject: text(&r[4]),
            detail: text(&r[5]),
            client: text(&r[6]),
        })
        .collect())
}
