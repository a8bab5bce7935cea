//! What a record's page may offer now — edit, delete, convert — asked of the rules those actions
//! check, so that a page shows nothing that would only be refused.

use pelagic_core::behaviour::Part;
use pelagic_core::ids::RecordId;
use pelagic_core::output::Projection;
use pelagic_core::plan::Pred;
use pelagic_store::records as rows;

use super::{RecordService, id_is};
use crate::AppResult;
use crate::policy::Operation;
use pelagic_core::row::Row;

/// The actions on one record the actor may take now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct RecordActions {
    /// Some field can be changed: the record is within the actor's reach and not locked
    /// (waiting for approval, a quote past its draft, a closed order).
    pub edit: bool,
    /// It can go to the recycle bin.
    pub delete: bool,
    /// It is a lead not yet converted that the actor may convert.
    pub convert: bool,
    /// It takes new lines now: it has lines, the actor may edit it and it is not locked
    /// (waiting for approval, a quote past its draft, a closed order).
    pub add_lines: bool,
}

impl RecordService<'_> {
    /// The actions `object` `id` allows the actor now.
    pub async fn actions(&self, object: &str, id: &RecordId) -> AppResult<RecordActions> {
        let t = self.target(object).await?;
        let obj = &t.obj;
        let policy = t.policy(self.actor);
        let mut projection = Projection::default();
        for (c, ty) in obj.all_columns() {
            projection.push(&c, ty);
        }
        let projection = std::sync::Arc::new(projection);
        // Only reads: a page view must not queue behind (or hold up) the writes.
        let mut tx = self.app.db().begin_read().await?;
        let mut within = async |op: Operation| -> AppResult<Option<Row>> {
            if policy.require(obj, op).is_err() {
                return Ok(None);
            }
            let pred = Pred::And(vec![policy.reachable(obj, op), id_is(id)]);
            let row = rows::first_tx(&mut tx, &obj.table, &projection, &pred).await?;
            Ok(row.map(|r| Row::new(projection.clone(), r)))
        };
        let editable = within(Operation::Edit).await?;
        let deletable = within(Operation::Delete).await?.is_some();
        let edit = editable
            .as_ref()
            .is_some_and(|values| super::sales_docs::check_unlocked(obj, values).is_ok());
        let delete = deletable
            && super::sales_docs::check_deletable(&mut tx, &t.snap.schema, obj, id)
                .await
                .is_ok();
        let add_lines = edit && t.snap.schema.parts_of(object, Part::Line).next().is_some();
        let convert = obj.behaviour.converts
            && editable.as_ref().is_some_and(|values| {
                let status = obj.field("status").map(|f| f.column.as_str());
                status.and_then(|c| values.text(c)) != Some("converted")
            });
        Ok(RecordActions {
            edit,
            delete,
            convert,
            add_lines,
        })
    }
}
