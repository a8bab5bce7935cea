//! Reading a record's history through the actor's field permissions, and reverting a change.

use pelagic_core::ColType;
use pelagic_core::ids::RecordId;
use pelagic_core::input;
use pelagic_core::kind::FieldKind;
use pelagic_core::output::Projection;
use pelagic_core::plan::Pred;
use pelagic_core::said::{Reason, Said};
use pelagic_store::records as rows;
use serde_json::{Map, Value as Json};

use super::{Record, RecordService, id_is, no_such};
use crate::history;
use crate::policy::Operation;
use crate::{AppError, AppResult};

/// Most history entries one request returns (newest first).
const MAX_ENTRIES: u64 = 1000;

impl RecordService<'_> {
    /// A record's history, newest first, without entries about fields the actor may not see and
    /// with masked values masked. The record may be live or in the recycle bin.
    pub async fn history(&self, object: &str, id: &RecordId) -> AppResult<Vec<Json>> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Read)?;
        let not_found = || no_such(&t.obj, id);
        let mut projection = Projection::default();
        projection.push("id", ColType::Text);
        let pred = Pred::And(vec![
            history::readable_even_deleted(&policy, &t.obj),
            id_is(id),
        ]);
        if rows::first(self.app.db(), &t.obj.table, &projection, &pred)
            .await?
            .is_none()
        {
            return Err(not_found());
        }
        let entries = history::of_record(self.app.db(), object, id, MAX_ENTRIES).await?;
        Ok(entries
            .into_iter()
            .filter_map(|e| history::visible_entry(&policy, &t.obj, e))
            .collect())
    }

    /// Sets a field back to the value it had before a change in its history (administrators).
    pub async fn revert(&self, object: &str, id: &RecordId, entry_id: &str) -> AppResult<Record> {
        crate::policy::admin_only(self.actor)?;
        let t = self.target(object).await?;
        let not_found = || {
            AppError::NotFound(format!(
                "{object} {id} has no history entry '{}'",
                entry_id.chars().take(64).collect::<String>()
            ))
        };
        input::check_id(entry_id).map_err(|_| not_found())?;
        let entry = history::entry(self.app.db(), entry_id)
            .await?
            .ok_or_else(not_found)?;
        if entry.object != object || entry.record_id != id.as_str() {
            return Err(not_found());
        }
        let Some(field_name) = entry.field.as_deref() else {
            return Err(crate::AppError::from(
                Said::new(Reason::RevertNothing).with("action", &entry.action),
            ));
        };
        let field = t.obj.field(field_name).ok_or_else(|| {
            AppError::from(Said::new(Reason::FieldGone).with("field", field_name))
        })?;
        let old: Json = entry
            .old
            .as_deref()
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or(Json::Null);
        let mut body = Map::new();
        match (&field.kind, &old) {
            // Amounts are kept in the history with their currency: "1250.00 CNY".
            (FieldKind::Money, Json::String(s)) if s.contains(' ') => {
                let (amount, currency) = s.split_once(' ').unwrap_or((s, ""));
                body.insert(field.name.to_string(), Json::String(amount.to_owned()));
                body.insert(
                    format!("{}_currency", field.name),
                    Json::String(currency.to_owned()),
                );
            }
            _ => {
                body.insert(field.name.to_string(), old);
            }
        }
        self.change(object, id, &Json::Object(body), "revert").await
    }
}
