//! Merging two records of one object: the survivor keeps its values and takes the loser's where
//! it has none; records pointing at the loser, its follow-ups and its history move to the
//! survivor; the loser goes to the recycle bin. All in one transaction.

use pelagic_core::ids::RecordId;
use pelagic_core::names::ColumnName;
use pelagic_core::row::Row;
use pelagic_core::said::{Reason, Said};
use std::sync::Arc;

use pelagic_core::kind::FieldKind;
use pelagic_core::output::{Projection, RecordWriter};
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value, input, plan};
use pelagic_store::records as rows;
use pelagic_store::{Tx, duplicates as keys, history as trail};

use super::{Record, RecordService, Target, id_is, no_such};
use crate::AppResult;
use crate::duplicates::{self, OnTaken};
use crate::history::{self, Change};
use crate::policy::Operation;

impl RecordService<'_> {
    /// Merges `loser_id` into `survivor_id`; gives the survivor as it now is.
    pub async fn merge(
        &self,
        object: &str,
        survivor_id: &str,
        loser_id: &str,
    ) -> AppResult<Record> {
        let t = self.target(object).await?;
        let obj = &t.obj;
        let policy = t.policy(self.actor);
        policy.require(obj, Operation::Edit)?;
        policy.require(obj, Operation::Delete)?;
        if survivor_id == loser_id {
            return Err(crate::AppError::from(Said::new(Reason::MergeIntoItself)));
        }
        for id in [survivor_id, loser_id] {
            input::check_id(id).map_err(|_| no_such(obj, id))?;
        }
        let columns = obj.all_columns();
        let mut projection = Projection::default();
        for (c, ty) in &columns {
            projection.push(c, *ty);
        }
        let mut tx = self.app.db().begin().await?;
        let read = |id: &str, op: Operation| {
            Pred::And(vec![
                policy.reachable(obj, Operation::Edit),
                policy.reachable(obj, op),
                id_is(id),
            ])
        };
        let survivor = rows::first_tx(
            &mut tx,
            &obj.table,
            &projection,
            &read(survivor_id, Operation::Edit),
        )
        .await?
        .ok_or_else(|| no_such(obj, survivor_id))?;
        let loser = rows::first_tx(
            &mut tx,
            &obj.table,
            &projection,
            &read(loser_id, Operation::Delete),
        )
        .await?
        .ok_or_else(|| no_such(obj, loser_id))?;

        // The survivor's empty fields take the loser's values, where the actor may write them.
        let mut values = Row::new(Arc::new(projection.clone()), survivor.clone());
        let mut sets: Vec<(ColumnName, ColType, Value)> = Vec::new();
        for f in obj
            .fields
            .iter()
            .filter(|f| !f.system && policy.field_access(obj, f).writable())
        {
            let names = f.column_names();
            let empty = |row: &[Value]| {
                names
                    .iter()
                    .all(|c| projection.position(c).is_none_or(|i| row[i] == Value::Null))
            };
            if empty(&survivor) && !empty(&loser) {
                for c in names {
                    if let Some(i) = projection.position(c) {
                        sets.push((c.clone(), columns[i].1, loser[i].clone()));
                        values.put(c, loser[i].clone());
                    }
                }
            }
        }
        let now = self.app.now();
        let change = Change {
            object: &obj.name,
            record_id: survivor_id,
            user_id: &self.actor.user_id,
            at: now,
        };
        let everything = RecordWriter::new(obj.fields.iter(), &projection);
        let mut entries = change.field_changes(
            obj,
            &everything.write(&survivor),
            &everything.write(values.values()),
            "merge",
        );
        if !sets.is_empty() {
            sets.push((
                ColumnName::fixed("updated_at"),
                ColType::DateTime,
                Value::DateTime(now),
            ));
            let search = plan::search_text(obj, &|c| Some(values.get(c).clone()));
            sets.push((
                ColumnName::fixed("search_text"),
                ColType::Text,
                Value::text_or_null((!search.is_empty()).then_some(search)),
            ));
            rows::update(&mut tx, &obj.table, &sets, &id_is(survivor_id)).await?;
        }

        self.repoint(&mut tx, &t, survivor_id, loser_id).await?;
        trail::reassign(&mut tx, &obj.name, loser_id, survivor_id).await?;
        entries.push(change.merged(loser_id));
        history::append(&mut tx, &entries).await?;
        self.delete_in(&mut tx, &t, loser_id).await?;
        // The survivor now holds every key either record held, unless a third record holds it.
        let ids = [survivor_id.to_owned()];
        keys::remove(&mut tx, &obj.name, &ids).await?;
        let (db, schema, rules) = (self.app.db(), &t.snap.schema, &t.snap.duplicates);
        duplicates::claim_stored(db, schema, rules, &mut tx, obj, &ids, OnTaken::Share).await?;
        tx.commit().await?;
        self.get(object, &RecordId::stored(survivor_id)).await
    }

    /// Points every lookup and reference at the loser to the survivor, deleted records included
    /// (so that they come back attached to the survivor if restored).
    async fn repoint(&self, tx: &mut Tx, t: &Target, survivor: &str, loser: &str) -> AppResult<()> {
        let text = |v: &str| Value::Text(v.to_owned());
        let eq = |col: ColumnName, v: &str| Pred::Cmp {
            col,
            op: Cmp::Eq,
            value: text(v),
        };
        for other in t.snap.schema.objects.values() {
            for f in &other.fields {
                let (col, pred) = match f.kind {
                    FieldKind::Lookup if f.target.as_deref() == Some(t.obj.name.as_str()) => {
                        (f.column.clone(), eq(f.column.clone(), loser))
                    }
                    FieldKind::Reference => {
                        let id_col = f.column.with_suffix("_id");
                        let of_object = eq(f.column.with_suffix("_object"), &t.obj.name);
                        (
                            id_col.clone(),
                            Pred::And(vec![eq(id_col, loser), of_object]),
                        )
                    }
                    _ => continue,
                };
                rows::update(
                    tx,
                    &other.table,
                    &[(col, ColType::Text, text(survivor))],
                    &pred,
                )
                .await?;
            }
        }
        Ok(())
    }
}
