//! Reminders the scheduler sends: a task's reminder when its time comes (once per reminder
//! time, however many instances run), and each day the customers whose owners have not contacted
//! them for longer than their level allows.

use pelagic_core::names::{Column, ColumnName};
use std::collections::BTreeMap;

use chrono::Duration;
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::records::{self as rows, ListQuery};
use serde_json::json;

use crate::records::{Move, Stamp};
use crate::{App, AppResult};

/// Tasks reminded per transaction.
const CHUNK: u64 = 500;
/// Days without a follow-up after which a customer of each level is called stale, unless the
/// `stale_after_days` setting says otherwise.
pub const DEFAULT_STALE_DAYS: [(&str, i64); 3] = [("a", 7), ("b", 14), ("c", 30)];

fn text_is(col: &str, v: &str) -> Pred {
    Pred::Cmp {
        col: col.to_name(),
        op: Cmp::Eq,
        value: Value::Text(v.to_owned()),
    }
}

impl App {
    /// Sends every task reminder whose time has come; gives how many.
    pub async fn send_task_reminders(&self) -> AppResult<usize> {
        let snap = self.snapshot().await?;
        let Ok(task) = snap.schema.object("task") else {
            return Ok(0);
        };
        if task.field("remind_at").is_none() {
            return Ok(0);
        }
        let mut sent = 0;
        loop {
            let now = self.now();
            let mut p = Projection::default();
            for c in ["id", "subject", "assignee_id", "owner_id", "due_at"] {
                p.push(
                    c,
                    if c == "due_at" {
                        ColType::DateTime
                    } else {
                        ColType::Text
                    },
                );
            }
            let pred = Pred::And(vec![
                Pred::Cmp {
                    col: "remind_at".into(),
                    op: Cmp::Lte,
                    value: Value::DateTime(now),
                },
                Pred::IsNull {
                    col: "reminded_at".into(),
                },
                Pred::IsNull {
                    col: "deleted_at".into(),
                },
                text_is("status", "open"),
            ]);
            let order = [OrderKey {
                col: "remind_at".into(),
                ty: ColType::DateTime,
                desc: false,
                nullable: true,
            }];
            let mut tx = self.db().begin().await?;
            let due = rows::claim_rows(
                &mut tx,
                &ListQuery {
                    table: &task.table,
                    projection: &p,
                    pred: &pred,
                    order: &order,
                    limit: CHUNK,
                    drive: None,
                },
            )
            .await?;
            let mut notes = Vec::new();
            let mut ids = Vec::new();
            for r in &due {
                let (Some(id), Some(to)) = (r[0].as_str(), r[2].as_str().or(r[3].as_str())) else {
                    continue;
                };
                ids.push(Value::Text(id.to_owned()));
                let data = json!({
                    "subject": r[1].as_str(), "due_at": r[4].as_datetime().map(|d| d.to_rfc3339()),
                    "records": [{"id": id, "name": r[1].as_str()}], "object": "task", "count": 1,
                });
                notes.push(crate::notifications::new(
                    to,
                    "task_due",
                    data,
                    Some(("task", id)),
                    now,
                ));
            }
            if !ids.is_empty() {
                let stamp = Move {
                    obj: task,
                    sets: vec![(
                        ColumnName::fixed("reminded_at"),
                        ColType::DateTime,
                        Value::DateTime(now),
                    )],
                    pred: Pred::In {
                        col: "id".into(),
                        values: ids,
                    },
                    stamp: Stamp::Bookkeeping,
                    history: Vec::new(),
                };
                self.system_records().apply_move(&mut tx, stamp).await?;
            }
            pelagic_store::notifications::insert(&mut tx, &notes).await?;
            tx.commit().await?;
            sent += notes.len();
            if (due.len() as u64) < CHUNK {
                return Ok(sent);
            }
        }
    }

    /// Days without a follow-up after which a customer of each level is stale (0: never): the
    /// defaults, with what the administrator set in their place.
    pub async fn stale_after_days(&self) -> AppResult<BTreeMap<String, i64>> {
        let mut days: BTreeMap<String, i64> = DEFAULT_STALE_DAYS
            .iter()
            .map(|(l, d)| ((*l).to_owned(), *d))
            .collect();
        let set = pelagic_store::metadata::setting(self.db(), "stale_after_days").await?;
        if let Some(m) = set.and_then(|v| serde_json::from_value::<BTreeMap<String, i64>>(v).ok()) {
            days.extend(m);
        }
        Ok(days)
    }

    /// Tells each owner which of their customers nobody contacted for longer than their level
    /// allows (one notification per owner and level); gives how many owners were told.
    pub(crate) async fn remind_stale_customers(&self) -> AppResult<usize> {
        let snap = self.snapshot().await?;
        let Ok(account) = snap.schema.object("account") else {
            return Ok(0);
        };
        if account.field("last_follow_up_at").is_none() || account.field("level").is_none() {
            return Ok(0);
        }
        let now = self.now();
        let mut notes = Vec::new();
        for (level, days) in self.stale_after_days().await? {
            if days <= 0 {
                continue;
            }
            let before = Value::DateTime(now - Duration::days(days));
            let stale = Pred::And(vec![
                text_is("level", &level),
                Pred::IsNull {
                    col: "deleted_at".into(),
                },
                Pred::Not(Box::new(Pred::IsNull {
                    col: "owner_id".into(),
                })),
                Pred::Or(vec![
                    Pred::Cmp {
                        col: "last_follow_up_at".into(),
                        op: Cmp::Lt,
                        value: before.clone(),
                    },
                    Pred::And(vec![
                        Pred::IsNull {
                            col: "last_follow_up_at".into(),
                        },
                        Pred::Cmp {
                            col: "created_at".into(),
                            op: Cmp::Lt,
                            value: before,
                        },
                    ]),
                ]),
            ]);
            let owners = rows::grouped(
                self.db(),
                &account.table,
                &stale,
                &[("owner_id", ColType::Text)],
                &[],
            )
            .await?;
            for (g, count, _) in owners {
                let Some(owner) = g[0].as_str() else { continue };
                let mut p = Projection::default();
                p.push("id", ColType::Text);
                p.push("name", ColType::Text);
                let pred = Pred::And(vec![stale.clone(), text_is("owner_id", owner)]);
                let order = [OrderKey {
                    col: "last_follow_up_at".into(),
                    ty: ColType::DateTime,
                    desc: false,
                    nullable: true,
                }];
                let named = rows::select(
                    self.db(),
                    &ListQuery {
                        table: &account.table,
                        projection: &p,
                        pred: &pred,
                        order: &order,
                        limit: 10,
                        drive: None,
                    },
                )
                .await?;
                let records: Vec<_> = named
                    .iter()
                    .map(|r| json!({"id": r[0].as_str(), "name": r[1].as_str()}))
                    .collect();
                let data = json!({"object": "account", "level": level, "days": days, "count": count, "records": records});
                notes.push(crate::notifications::new(
                    owner,
                    "stale_customers",
                    data,
                    None,
                    now,
                ));
            }
        }
        let told = notes.len();
        let mut tx = self.db().begin().await?;
        pelagic_store::notifications::insert(&mut tx, &notes).await?;
        tx.commit().await?;
        Ok(told)
    }
}
