//! A quote's life: submitted (to approval when a flow asks for it), sent, accepted or rejected
//! by the customer, expired, or revised into a new version that keeps the old one. Each step is
//! an action on the record, recorded in its history, never an edit of its status. (The order
//! made from an accepted quote is `order_from.rs`.)

use pelagic_core::ids::RecordId;
use pelagic_core::names::{Column, ColumnName};

use chrono::{DateTime, Utc};
use pelagic_core::output::Projection;
use pelagic_core::plan::Pred;
use pelagic_core::said::{Reason, Said};
use pelagic_core::{ColType, Value};
use pelagic_store::Tx;
use pelagic_store::records as store_rows;

use super::{Record, RecordService, Target};
use crate::AppResult;
use crate::history::{self, Change};
use crate::policy::Operation;

/// What may be done to a quote, and the statuses it may be done from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteStep {
    /// Approved at once, or sent to approval when a flow's conditions match.
    Submit,
    /// Given to the customer.
    Send,
    Accept,
    Reject,
}

impl QuoteStep {
    pub fn parse(name: &str) -> Option<QuoteStep> {
        Some(match name {
            "submit" => QuoteStep::Submit,
            "send" => QuoteStep::Send,
            "accept" => QuoteStep::Accept,
            "reject" => QuoteStep::Reject,
            _ => return None,
        })
    }

    pub(super) fn name(self) -> &'static str {
        match self {
            QuoteStep::Submit => "submit",
            QuoteStep::Send => "send",
            QuoteStep::Accept => "accept",
            QuoteStep::Reject => "reject",
        }
    }

    pub(super) fn from(self) -> &'static [&'static str] {
        match self {
            QuoteStep::Submit => &["draft"],
            QuoteStep::Send => &["approved", "sent"],
            QuoteStep::Accept | QuoteStep::Reject => &["sent", "approved"],
        }
    }
}

impl RecordService<'_> {
    /// Moves a quote on: submit, send, accept or reject.
    pub async fn quote_step(&self, id: &RecordId, step: QuoteStep) -> AppResult<Record> {
        let now = self.app.now();
        let mut tx = self.app.db().begin().await?;
        let w = self.whole_for_edit(&mut tx, "quote", id).await?;
        let status = w.text("status").unwrap_or("draft").to_owned();
        if !step.from().contains(&status.as_str()) {
            return Err(Said::new(Reason::QuoteStepNotNow)
                .with_option("status", ("quote", "status"), &status)
                .with("step", step.name())
                .into());
        }
        if step == QuoteStep::Submit {
            if w.get("total").as_int().unwrap_or(0) <= 0 {
                return Err(Said::new(Reason::QuoteNeedsLines).into());
            }
            let pending = self
                .app
                .start_approval(&mut tx, self.actor, &w.t.obj, id, &w.title(), now)
                .await?;
            let (status, approval) = if pending {
                ("in_approval", Value::Text("pending".into()))
            } else {
                ("approved", Value::Null)
            };
            let sets = vec![
                text_set("status", status),
                (
                    ColumnName::fixed("approval_status"),
                    ColType::Text,
                    approval,
                ),
            ];
            self.set_recorded(&mut tx, &w, sets, step.name(), now)
                .await?;
            if pending {
                tx.commit().await?;
                self.app.meta.reload(self.app.db()).await?;
                return self.get("quote", id).await;
            }
        } else {
            let mut sets = vec![text_set(
                "status",
                match step {
                    QuoteStep::Send => "sent",
                    QuoteStep::Accept => "accepted",
                    _ => "rejected",
                },
            )];
            let at = (
                ColumnName::fixed(if step == QuoteStep::Send {
                    "sent_at"
                } else {
                    "decided_at"
                }),
                ColType::DateTime,
                Value::DateTime(now),
            );
            sets.push(at);
            self.set_recorded(&mut tx, &w, sets, step.name(), now)
                .await?;
        }
        tx.commit().await?;
        self.get("quote", id).await
    }

    /// Makes a new draft version of a quote with its lines; the old one stays as it was, no
    /// longer the latest.
    pub async fn revise_quote(&self, id: &RecordId) -> AppResult<Record> {
        let now = self.app.now();
        let mut tx = self.app.db().begin().await?;
        let w = self.whole_for_edit(&mut tx, "quote", id).await?;
        let policy = w.t.policy(self.actor);
        policy.require(&w.t.obj, Operation::Create)?;
        match w.text("status") {
            Some("draft") | None => {
                return Err(Said::new(Reason::DraftIsChangedNotRevised).into());
            }
            Some("in_approval") => {
                return Err(Said::new(Reason::ReviseOnceDecided).into());
            }
            _ => {}
        }
        if w.get("latest") == &Value::Bool(false) {
            return Err(Said::new(Reason::ReviseTheLatest).into());
        }
        let new_id = crate::ids::new_id();
        let mut row = w.row.clone();
        let version = w.get("version").as_int().unwrap_or(1) + 1;
        for (c, v) in [
            ("id", Value::Text(new_id.clone())),
            ("status", Value::Text("draft".into())),
            ("version", Value::Int(version)),
            ("previous_id", Value::Text(id.to_string())),
            ("latest", Value::Bool(true)),
            ("approval_status", Value::Null),
            ("sent_at", Value::Null),
            ("decided_at", Value::Null),
            ("created_at", Value::DateTime(now)),
            ("updated_at", Value::DateTime(now)),
            ("created_by", Value::Text(self.actor.user_id.to_string())),
        ] {
            row.put(c, v);
        }
        let columns = w.t.obj.all_columns();
        store_rows::insert(&mut tx, &w.t.obj.table, &columns, &[row]).await?;
        let lines = self.copy_lines(&mut tx, &w.t, id, &new_id, now).await?;
        self.set_recorded(
            &mut tx,
            &w,
            vec![(
                ColumnName::fixed("latest"),
                ColType::Bool,
                Value::Bool(false),
            )],
            "revise",
            now,
        )
        .await?;
        let mut created = vec![(String::from("quote"), new_id.clone())];
        created.extend(lines.into_iter().map(|l| (String::from("quote_line"), l)));
        let events: Vec<_> = created
            .iter()
            .map(|(o, r)| {
                Change {
                    object: o,
                    record_id: r,
                    user_id: &self.actor.user_id,
                    at: now,
                }
                .event("create")
            })
            .collect();
        history::append(&mut tx, &events).await?;
        tx.commit().await?;
        self.get("quote", &RecordId::stored(new_id)).await
    }

    /// Copies the live lines of quote `from` to quote `to`; gives the new lines' ids.
    async fn copy_lines(
        &self,
        tx: &mut Tx,
        t: &Target,
        from: &str,
        to: &str,
        now: DateTime<Utc>,
    ) -> AppResult<Vec<String>> {
        let lines = t.snap.schema.object("quote_line")?;
        let columns = lines.all_columns();
        let mut projection = Projection::default();
        for (c, ty) in &columns {
            projection.push(c, *ty);
        }
        let pred = Pred::And(vec![
            Pred::IsNull {
                col: "deleted_at".into(),
            },
            super::rows::is("quote_id", from),
        ]);
        let found = store_rows::select_tx(
            tx,
            &store_rows::ListQuery {
                table: &lines.table,
                projection: &projection,
                pred: &pred,
                order: &[],
                limit: 10_000,
                drive: None,
            },
        )
        .await?;
        let mut ids = Vec::with_capacity(found.len());
        let mut copies = Vec::with_capacity(found.len());
        for mut r in found {
            let new_id = crate::ids::new_id();
            for (c, v) in [
                ("id", Value::Text(new_id.clone())),
                ("quote_id", Value::Text(to.to_owned())),
                ("created_at", Value::DateTime(now)),
                ("updated_at", Value::DateTime(now)),
                ("created_by", Value::Text(self.actor.user_id.to_string())),
            ] {
                if let Some(i) = projection.position(c) {
                    r[i] = v;
                }
            }
            ids.push(new_id);
            copies.push(r);
        }
        store_rows::insert(tx, &lines.table, &columns, &copies).await?;
        Ok(ids)
    }
}

fn text_set(column: impl Column, value: &str) -> (ColumnName, ColType, Value) {
    (
        column.to_name(),
        ColType::Text,
        Value::Text(value.to_owned()),
    )
}
