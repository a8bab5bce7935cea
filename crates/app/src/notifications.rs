//! In-app notifications: what the system tells a user (a record about to return to its pool, one
//! that returned, a reminder), with an unread count, read by that user only.

use chrono::{DateTime, Utc};
use pelagic_core::access::Actor;
use pelagic_store::notifications::{self as store, NotificationRow};
use serde::Serialize;
use serde_json::Value as Json;

use crate::{App, AppError, AppResult};

/// Most notifications one page lists.
pub const MAX_NOTIFICATIONS: u64 = 200;

/// A notification as its reader sees it. `kind` names what happened; `data` carries the details
/// (`pool`, `count`, `records` [{`id`,`name`}], `due_at` …); `message` says it in English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Notice {
    pub id: String,
    pub kind: String,
    pub data: Json,
    pub object: Option<String>,
    pub record_id: Option<String>,
    pub created_at: DateTime<Utc>,
    pub read: bool,
    pub message: String,
}

/// A notification about to be written.
pub(crate) fn new(
    user_id: &str,
    kind: &str,
    data: Json,
    record: Option<(&str, &str)>,
    at: DateTime<Utc>,
) -> NotificationRow {
    NotificationRow {
        id: crate::ids::new_id(),
        user_id: user_id.to_owned(),
        kind: kind.to_owned(),
        data: data.to_string(),
        object: record.map(|(o, _)| o.to_owned()),
        record_id: record.map(|(_, id)| id.to_owned()),
        created_at: at,
        read_at: None,
    }
}

/// The English sentence for a notification.
fn message(kind: &str, data: &Json) -> String {
    let count = data["count"].as_i64().unwrap_or(1);
    let pool = data["pool"].as_str().unwrap_or_default();
    let names = data["records"]
        .as_array()
        .map(|list| {
            list.iter()
                .filter_map(|r| r["name"].as_str())
                .collect::<Vec<_>>()
                .join(", ")
        })
        .unwrap_or_default();
    match kind {
        "pool_due_soon" => format!(
            "{count} record(s) you hold from the pool '{pool}' return to it at {} unless followed up: {names}",
            data["due_at"].as_str().unwrap_or_default()
        ),
        "pool_returned" => {
            format!(
                "{count} record(s) went back to the pool '{pool}' without a follow-up in time: {names}"
            )
        }
        "task_due" => format!("A task of yours is due: {names}"),
        "stale_customers" => format!(
            "{count} customer(s) of yours had no follow-up for {} days: {names}",
            data["days"]
        ),
        "approval_requested" => format!(
            "Your approval is asked for ('{}'): {names}",
            data["flow"].as_str().unwrap_or_default()
        ),
        "approval_decided" if data["decision"] == "approved" => format!("Approved: {names}"),
        "approval_decided" => format!(
            "Rejected with the comment '{}': {names}",
            data["comment"].as_str().unwrap_or_default()
        ),
        "contract_renewal" => format!("{count} contract(s) of yours come up for renewal: {names}"),
        "order_unhandled" => {
            format!("{count} confirmed order(s) of yours have not moved on in time: {names}")
        }
        "instalment_overdue" => {
            format!("{count} order(s) of yours have overdue instalments: {names}")
        }
        "quote_expired" => format!("{count} quote(s) of yours expired: {names}"),
        other => other.replace('_', " "),
    }
}

impl App {
    /// The actor's notifications, newest first.
    pub async fn notifications(&self, actor: &Actor, unread_only: bool) -> AppResult<Vec<Notice>> {
        let rows =
            store::of_user(self.db(), &actor.user_id, unread_only, MAX_NOTIFICATIONS).await?;
        Ok(rows
            .into_iter()
            .map(|r| {
                let data: Json = serde_json::from_str(&r.data).unwrap_or(Json::Null);
                Notice {
                    message: message(&r.kind, &data),
                    id: r.id,
                    kind: r.kind,
                    data,
                    object: r.object,
                    record_id: r.record_id,
                    created_at: r.created_at,
                    read: r.read_at.is_some(),
                }
            })
            .collect())
    }

    /// How many of the actor's notifications are unread.
    pub async fn unread_notifications(&self, actor: &Actor) -> AppResult<i64> {
        Ok(store::unread_count(self.db(), &actor.user_id).await?)
    }

    /// Marks one notification (404 when it is not the actor's or already read) or all of them
    /// as read; gives how many.
    pub async fn mark_notifications_read(&self, actor: &Actor, id: Option<&str>) -> AppResult<u64> {
        let mut tx = self.db().begin().await?;
        let n = store::mark_read(&mut tx, &actor.user_id, id, self.now()).await?;
        tx.commit().await?;
        if id.is_some() && n == 0 {
            return Err(AppError::NotFound(
                "there is no such unread notification".into(),
            ));
        }
        Ok(n)
    }
}
