//! The create pipeline's in-transaction hooks: what new records take from the records they
//! belong to (see `sales_docs`), numbers for objects declaring `numbered` (see `numbering`),
//! the first version of those declaring `versioned`, the statuses the system keeps, and the
//! approval of those declaring `approval_on_create`.

use chrono::Datelike;
use pelagic_core::behaviour::NUMBER_FIELD;
use pelagic_core::names::ColumnName;
use pelagic_core::{ColType, Value};
use pelagic_store::Tx;
use pelagic_store::records as rows;

use super::prepared::Prepared;
use super::{RecordService, numbering, sales_docs};
use crate::AppResult;

impl RecordService<'_> {
    /// New records that meet an approval flow's condition wait for approval (a refund does not
    /// count in the figures until approved).
    pub(super) async fn to_approval_on_create(
        &self,
        tx: &mut Tx,
        p: &mut Prepared,
    ) -> AppResult<()> {
        let obj = p.t.obj.clone();
        for i in 0..p.rows.len() {
            let id = p.id(i);
            let title = obj
                .title_field()
                .and_then(|f| p.get(i, &f.column).as_plain_text())
                .unwrap_or_default();
            if self
                .app
                .start_approval(tx, self.actor, &obj, &id, &title, p.now)
                .await?
            {
                let pending = Value::Text("pending".into());
                let sets = [(
                    ColumnName::fixed("approval_status"),
                    ColType::Text,
                    pending.clone(),
                )];
                rows::update(tx, &obj.table, &sets, &super::id_is(&id)).await?;
                p.rows[i].put("approval_status", pending);
                p.approvals_started = true;
            }
        }
        Ok(())
    }

    /// What new records take from the records they belong to (see `sales_docs`), their
    /// numbers (see `numbering`), first version and system statuses.
    pub(super) async fn complete_new(&self, tx: &mut Tx, p: &mut Prepared) -> AppResult<()> {
        let obj = p.t.obj.clone();
        let schema = &p.t.snap.schema;
        let numbered = obj.behaviour.numbered.is_some();
        if !numbered && !sales_docs::applies(&obj) {
            return Ok(());
        }
        let patterns = std::mem::take(&mut p.patterns);
        let zone = pelagic_core::period::zone(&self.actor.time_zone);
        let today = p.now.with_timezone(&zone).date_naive();
        for i in 0..p.rows.len() {
            let values = &mut p.rows[i];
            sales_docs::complete(tx, schema, &obj, values, &p.t.snap.input.default_currency)
                .await?;
            if numbered && let Some(f) = obj.field(NUMBER_FIELD) {
                let seq =
                    pelagic_store::sequences::next(tx, &obj.name, today.year().into()).await?;
                let number = numbering::format(numbering::pattern_for(&obj, &patterns), today, seq);
                for (c, _, v) in f.text_sets(Some(&number)) {
                    values.put(&c, v);
                }
            }
            // Statuses the system keeps start at their default.
            for f in obj
                .fields
                .iter()
                .filter(|f| f.system && f.kind == pelagic_core::FieldKind::Select)
            {
                if let (Some(serde_json::Value::String(d)), true) =
                    (&f.default, values.get(&f.column).is_null())
                {
                    values.put(&f.column, Value::Text(d.clone()));
                }
            }
            if obj.behaviour.versioned {
                if values.get("version").is_null() {
                    values.put("version", Value::Int(1));
                }
                values.put("latest", Value::Bool(true));
            }
        }
        Ok(())
    }
}
