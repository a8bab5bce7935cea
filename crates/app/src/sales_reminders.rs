//! What the scheduler watches on sales documents, on every run: contracts coming up for renewal,
//! confirmed orders nobody handled in time, instalments past their due date (each told once to
//! the owner), and quotes past their validity, which expire. Each due record is claimed in the
//! transaction that marks it, so however many instances run, each reminder is sent once.

use pelagic_core::names::{Column, ColumnName};
use std::collections::BTreeMap;

use chrono::{Duration, NaiveDate};
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::records::{self as rows, ListQuery};
use serde_json::json;

use crate::history::Change;
use crate::records::{Move, Stamp};
use crate::{App, AppResult};

/// Records handled per transaction.
const CHUNK: u64 = 200;
/// Records named in one notification; the rest are counted.
const NAMED: usize = 10;

/// One thing to watch: which records of `object` are due, and what telling their owner does.
struct Watch {
    object: &'static str,
    /// The notification's kind.
    kind: &'static str,
    /// Set to the time of the reminder, so that it is sent once.
    marker: &'static str,
    /// The column naming the record in the notification.
    title: &'static str,
    due: Pred,
    /// The oldest first.
    order: &'static str,
    order_ty: ColType,
    /// The owner is told of the record this lookup names instead (an instalment's order).
    via: Option<(&'static str, &'static str)>,
    /// The status the record moves to (a quote past its validity expires).
    to_status: Option<&'static str>,
}

fn cmp(col: &str, op: Cmp, value: Value) -> Pred {
    Pred::Cmp {
        col: col.to_name(),
        op,
        value,
    }
}

fn null(col: &str) -> Pred {
    Pred::IsNull { col: col.to_name() }
}

fn status_in(options: &[&str]) -> Pred {
    Pred::In {
        col: "status".into(),
        values: options.iter().map(|s| Value::Text((*s).into())).collect(),
    }
}

/// Everything watched today. Dates are compared with the date in UTC.
fn watches(today: NaiveDate, unhandled_since: Option<chrono::DateTime<chrono::Utc>>) -> Vec<Watch> {
    let mut all = vec![
        Watch {
            object: "contract",
            kind: "contract_renewal",
            marker: "renewal_reminded_at",
            title: "name",
            due: Pred::And(vec![
                cmp("renewal_due_on", Cmp::Lte, Value::Date(today)),
                null("renewal_reminded_at"),
                status_in(&["draft", "active"]),
            ]),
            order: "renewal_due_on",
            order_ty: ColType::Date,
            via: None,
            to_status: None,
        },
        Watch {
            object: "payment_plan",
            kind: "instalment_overdue",
            marker: "reminded_at",
            title: "due_date",
            due: Pred::And(vec![
                cmp("due_date", Cmp::Lt, Value::Date(today)),
                null("reminded_at"),
                status_in(&["open", "partly_paid"]),
            ]),
            order: "due_date",
            order_ty: ColType::Date,
            via: Some(("order_id", "order")),
            to_status: None,
        },
        Watch {
            object: "quote",
            kind: "quote_expired",
            marker: "decided_at",
            title: "name",
            due: Pred::And(vec![
                cmp("valid_until", Cmp::Lt, Value::Date(today)),
                status_in(&["draft", "approved", "sent"]),
                cmp("latest", Cmp::Eq, Value::Bool(true)),
            ]),
            order: "valid_until",
            order_ty: ColType::Date,
            via: None,
            to_status: Some("expired"),
        },
    ];
    if let Some(since) = unhandled_since {
        all.push(Watch {
            object: "order",
            kind: "order_unhandled",
            marker: "unhandled_reminded_at",
            title: "number",
            due: Pred::And(vec![
                cmp("status_changed_at", Cmp::Lte, Value::DateTime(since)),
                null("unhandled_reminded_at"),
                status_in(&["confirmed"]),
            ]),
            order: "status_changed_at",
            order_ty: ColType::DateTime,
            via: None,
            to_status: None,
        });
    }
    all
}

impl App {
    /// Sends every sales-document reminder that has come and expires quotes past their validity;
    /// gives how many records were handled.
    pub async fn watch_sales_documents(&self) -> AppResult<usize> {
        let now = self.now();
        let hours = self.order_unhandled_hours().await?;
        let since = (hours > 0).then(|| now - Duration::hours(hours));
        let mut handled = 0;
        for w in watches(now.date_naive(), since) {
            loop {
                let n = self.watch_chunk(&w).await?;
                handled += n;
                if (n as u64) < CHUNK {
                    break;
                }
            }
        }
        Ok(handled)
    }

    async fn watch_chunk(&self, w: &Watch) -> AppResult<usize> {
        let snap = self.snapshot().await?;
        let Ok(obj) = snap.schema.object(w.object) else {
            return Ok(0);
        };
        if obj.field(w.marker).is_none() && w.to_status.is_none() {
            return Ok(0);
        }
        let now = self.now();
        let mut p = Projection::default();
        p.push("id", ColType::Text);
        p.push("owner_id", ColType::Text);
        let title_ty = obj
            .all_columns()
            .into_iter()
            .find(|(c, _)| c == w.title)
            .map_or(ColType::Text, |(_, t)| t);
        p.push(w.title, title_ty);
        p.push("status", ColType::Text);
        if let Some((link, _)) = w.via {
            p.push(link, ColType::Text);
        }
        let due = Pred::And(vec![w.due.clone(), null("deleted_at")]);
        let order = [OrderKey {
            col: w.order.into(),
            ty: w.order_ty,
            desc: false,
            nullable: true,
        }];
        let mut tx = self.db().begin().await?;
        let found = rows::claim_rows(
            &mut tx,
            &ListQuery {
                table: &obj.table,
                projection: &p,
                pred: &due,
                order: &order,
                limit: CHUNK,
                drive: None,
            },
        )
        .await?;
        if found.is_empty() {
            tx.commit().await?;
            return Ok(0);
        }
        let ids: Vec<Value> = found.iter().map(|r| r[0].clone()).collect();
        // Who is told, and of which record: the record's own owner, or its document's.
        let mut told: Vec<(String, String, String)> = Vec::new();
        let mut about = w.object;
        if let Some((_, parent)) = w.via {
            about = parent;
            let parent_obj = snap.schema.object(parent)?;
            let parent_ids: Vec<Value> = found.iter().map(|r| r[4].clone()).collect();
            let mut pp = Projection::default();
            for c in ["id", "owner_id"] {
                pp.push(c, ColType::Text);
            }
            let title = parent_obj.title_field().map(|f| f.column.clone());
            if let Some(t) = &title {
                pp.push(t, ColType::Text);
            }
            let parents = rows::select_tx(
                &mut tx,
                &ListQuery {
                    table: &parent_obj.table,
                    projection: &pp,
                    pred: &Pred::In {
                        col: "id".into(),
                        values: parent_ids,
                    },
                    order: &[],
                    limit: CHUNK,
                    drive: None,
                },
            )
            .await?;
            for r in &found {
                let Some(parent) = parents.iter().find(|x| x[0] == r[4]) else {
                    continue;
                };
                if let (Some(owner), Some(id)) = (parent[1].as_str(), parent[0].as_str()) {
                    let name = parent.get(2).and_then(Value::as_plain_text);
                    told.push((owner.into(), id.into(), name.unwrap_or_else(|| id.into())));
                }
            }
        } else {
            for r in &found {
                if let (Some(owner), Some(id)) = (r[1].as_str(), r[0].as_str()) {
                    let name = r[2].as_plain_text().unwrap_or_else(|| id.into());
                    told.push((owner.into(), id.into(), name));
                }
            }
        }
        let mut sets = vec![(
            ColumnName::fixed(w.marker),
            ColType::DateTime,
            Value::DateTime(now),
        )];
        let mut history = Vec::new();
        let mut stamp = Stamp::Bookkeeping;
        if let Some(status) = w.to_status {
            sets.push((
                ColumnName::fixed("status"),
                ColType::Text,
                Value::Text(status.into()),
            ));
            stamp = Stamp::Changed(now);
            for r in &found {
                let id = r[0].as_str().unwrap_or_default();
                let mut entry = Change {
                    object: w.object,
                    record_id: id,
                    user_id: "",
                    at: now,
                }
                .field_set("status", &json!(r[3].as_str()), &json!(status));
                entry.user_id = None;
                history.push(entry);
            }
        }
        let watched = Move {
            obj,
            sets,
            pred: Pred::In {
                col: "id".into(),
                values: ids,
            },
            stamp,
            history,
        };
        self.system_records().apply_move(&mut tx, watched).await?;
        let notes = notices(w.kind, about, told, now);
        pelagic_store::notifications::insert(&mut tx, &notes).await?;
        tx.commit().await?;
        Ok(found.len())
    }
}

/// One notification per owner, naming the first records (each once) and counting them all.
fn notices(
    kind: &str,
    object: &str,
    told: Vec<(String, String, String)>,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<pelagic_store::notifications::NotificationRow> {
    let mut per_owner: BTreeMap<String, Vec<(String, String)>> = BTreeMap::new();
    for (owner, id, name) in told {
        let records = per_owner.entry(owner).or_default();
        if !records.iter().any(|(i, _)| *i == id) {
            records.push((id, name));
        }
    }
    per_owner
        .into_iter()
        .map(|(owner, records)| {
            let count = records.len();
            let named: Vec<_> = records
                .iter()
                .take(NAMED)
                .map(|(id, name)| json!({"id": id, "name": name}))
                .collect();
            let record = (count == 1).then(|| (object, records[0].0.as_str()));
            crate::notifications::new(
                &owner,
                kind,
                json!({"object": object, "count": count, "records": named}),
                record,
                now,
            )
        })
        .collect()
}
