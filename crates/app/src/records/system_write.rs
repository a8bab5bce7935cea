//! Writing what a record's actions decide (a quote's status, an approval's outcome): system
//! fields set directly, each change in the record's history under the action's name.

use chrono::{DateTime, Utc};
use pelagic_core::ids::RecordId;
use pelagic_core::names::{Column, ColumnName};
use pelagic_core::output::{Projection, RecordWriter};
use pelagic_core::plan::Pred;
use pelagic_core::row::Row;
use pelagic_core::{ColType, Value};
use pelagic_store::Tx;
use pelagic_store::records as store_rows;
use std::sync::Arc;

use super::{RecordService, Target, id_is, no_such};
use crate::AppResult;
use crate::history::{self, Change};
use crate::policy::Operation;

/// A record read whole for an action: every column by name.
pub(crate) struct Whole {
    pub(super) t: Target,
    /// Every column of the record.
    pub(super) row: Row,
}

impl Whole {
    pub(crate) fn get(&self, column: impl Column) -> &Value {
        self.row.get(column)
    }

    pub(crate) fn text(&self, column: impl Column) -> Option<&str> {
        self.get(column).as_str()
    }

    /// The record's title (see `ObjectDef::title_field`), or its id.
    pub(crate) fn title(&self) -> String {
        self.t
            .obj
            .title_field()
            .and_then(|f| self.get(&f.column).as_plain_text())
            .unwrap_or_else(|| self.text("id").unwrap_or_default().to_owned())
    }
}

impl RecordService<'_> {
    /// Reads a whole record the actor may edit, inside `tx`, locked until it ends: an action
    /// that decides on what it read (a quote's step, a revision, a conversion) decides on what
    /// a concurrent one committed, never on a stale copy.
    pub(crate) async fn whole_for_edit(
        &self,
        tx: &mut Tx,
        object: &str,
        id: &RecordId,
    ) -> AppResult<Whole> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Edit)?;
        let mut projection = Projection::default();
        for (c, ty) in t.obj.all_columns() {
            projection.push(&c, ty);
        }
        let pred = Pred::And(vec![policy.reachable(&t.obj, Operation::Edit), id_is(id)]);
        let row = store_rows::lock_first_tx(tx, &t.obj.table, &projection, &pred)
            .await?
            .ok_or_else(|| no_such(&t.obj, id))?;
        let row = Row::new(Arc::new(projection), row);
        Ok(Whole { t, row })
    }

    /// Reads a whole live record inside `tx` whatever the actor's permissions, for a decision
    /// the actor takes as an approver rather than as an editor; locked like [`whole_for_edit`].
    pub(crate) async fn whole_unchecked(
        &self,
        tx: &mut Tx,
        object: &str,
        id: &RecordId,
    ) -> AppResult<Whole> {
        let t = self.target(object).await?;
        let mut projection = Projection::default();
        for (c, ty) in t.obj.all_columns() {
            projection.push(&c, ty);
        }
        let pred = Pred::And(vec![
            Pred::IsNull {
                col: "deleted_at".into(),
            },
            id_is(id),
        ]);
        let row = store_rows::lock_first_tx(tx, &t.obj.table, &projection, &pred)
            .await?
            .ok_or_else(|| no_such(&t.obj, id))?;
        let row = Row::new(Arc::new(projection), row);
        Ok(Whole { t, row })
    }

    /// Sets system columns of a record read whole, recording each changed field in its history
    /// under `action`.
    pub(crate) async fn set_recorded(
        &self,
        tx: &mut Tx,
        w: &Whole,
        sets: Vec<(ColumnName, ColType, Value)>,
        action: &str,
        at: DateTime<Utc>,
    ) -> AppResult<()> {
        let obj = &w.t.obj;
        let mut after = w.row.clone();
        for (c, _, v) in &sets {
            after.put(c, v.clone());
        }
        let everything = RecordWriter::new(obj.fields.iter(), w.row.projection());
        let id = w.text("id").unwrap_or_default().to_owned();
        let mut changes = Change {
            object: &obj.name,
            record_id: &id,
            user_id: &self.actor.user_id,
            at,
        }
        .field_changes(
            obj,
            &everything.write(w.row.values()),
            &everything.write(after.values()),
            action,
        );
        if changes.is_empty() {
            changes.push(
                Change {
                    object: &obj.name,
                    record_id: &id,
                    user_id: &self.actor.user_id,
                    at,
                }
                .event(action),
            );
        }
        let mut sets = sets;
        sets.push((
            ColumnName::fixed("updated_at"),
            ColType::DateTime,
            Value::DateTime(at),
        ));
        store_rows::update(tx, &obj.table, &sets, &id_is(&id)).await?;
        history::append(tx, &changes).await?;
        Ok(())
    }

    /// Works again the figures of the quote or order this record is, or counts in.
    pub(crate) async fn refresh_figures_of(
        &self,
        tx: &mut Tx,
        object: &str,
        id: &str,
    ) -> AppResult<()> {
        let snap = self.app.held_snapshot().await;
        let mut documents =
            super::figures::documents_of_ids(tx, &snap.schema, object, &[id.to_owned()]).await?;
        if snap.schema.has_figures(object) {
            documents.insert((object.to_owned(), id.to_owned()));
        }
        super::figures::refresh(tx, &snap.schema, &documents).await
    }

    /// Submits a record of an object declaring `submitted` (a contract, an order) for approval:
    /// it waits for the first flow whose condition it meets, or is approved at once (objects
    /// moving by `steps`, quotes, are submitted as a step).
    pub async fn submit(&self, object: &str, id: &RecordId) -> AppResult<super::Record> {
        let behaviour = &self.target(object).await?.obj.behaviour;
        if behaviour.steps {
            return self.quote_step(id, super::QuoteStep::Submit).await;
        }
        if !behaviour.submitted {
            return Err(crate::AppError::Invalid(
                "quotes, contracts and orders are submitted for approval".into(),
            ));
        }
        let now = self.app.now();
        let mut tx = self.app.db().begin().await?;
        let w = self.whole_for_edit(&mut tx, object, id).await?;
        super::sales_docs::check_unlocked(&w.t.obj, &w.row)?;
        if w.text("approval_status") == Some("approved") {
            return Err(
                pelagic_core::said::Said::new(pelagic_core::said::Reason::AlreadyApproved).into(),
            );
        }
        let pending = self
            .app
            .start_approval(&mut tx, self.actor, &w.t.obj, id, &w.title(), now)
            .await?;
        let outcome = if pending { "pending" } else { "approved" };
        let sets = vec![crate::approvals::text_set("approval_status", Some(outcome))];
        self.set_recorded(&mut tx, &w, sets, "submit", now).await?;
        tx.commit().await?;
        if pending {
            self.app.meta.reload(self.app.db()).await?;
        }
        self.get(object, id).await
    }
}
