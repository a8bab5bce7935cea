//! The record service's door for moves the app decides by its own rules (a claim from a pool, a
//! sweep back into it, a reminder's stamp, a status the clock changes): a conditional update of
//! named columns inside the caller's transaction, stamped and written to the history there.
//! Every record row the app changes outside create, change, delete and restore comes through here.

use chrono::{DateTime, Utc};
use pelagic_core::meta::ObjectDef;
use pelagic_core::names::ColumnName;
use pelagic_core::plan::Pred;
use pelagic_core::{ColType, Value};
use pelagic_store::Tx;
use pelagic_store::history::HistoryRow;
use pelagic_store::records as store_rows;

use super::RecordService;
use crate::{AppError, AppResult};

/// A change of some columns of the records a predicate still matches.
pub(crate) struct Move<'a> {
    pub obj: &'a ObjectDef,
    pub sets: Vec<(ColumnName, ColType, Value)>,
    /// Which rows; re-checked by the update itself, so that of two concurrent moves of one
    /// record only one finds it (a claim's "still in the pool").
    pub pred: Pred,
    pub stamp: Stamp,
    /// What the history says happened to each moved record.
    pub history: Vec<HistoryRow>,
}

/// Whether people see the move as a change of the record.
pub(crate) enum Stamp {
    /// The record changed at this time (`updated_at`); the history must say how.
    Changed(DateTime<Utc>),
    /// Only the app's own bookkeeping moved (a reminder's "told at"): neither stamped nor told.
    Bookkeeping,
}

impl RecordService<'_> {
    /// Applies `m` and appends its history; answers how many rows the predicate still matched,
    /// which a caller deciding "only once" compares with what it expected.
    pub(crate) async fn apply_move(&self, tx: &mut Tx, m: Move<'_>) -> AppResult<u64> {
        let Move {
            obj,
            mut sets,
            pred,
            stamp,
            history,
        } = m;
        // A moved column that feeds the search text would leave it stale: such changes go
        // through `change`, which computes it again.
        if let Some((c, _, _)) = sets.iter().find(|(c, _, _)| feeds_search(obj, c)) {
            return Err(AppError::Internal(format!(
                "a move may not set {c} of {}: it feeds the search text",
                obj.name
            )));
        }
        match stamp {
            Stamp::Changed(at) => {
                if history.is_empty() {
                    return Err(AppError::Internal(format!(
                        "a move of {} must say in the history what changed",
                        obj.name
                    )));
                }
                sets.push((
                    ColumnName::fixed("updated_at"),
                    ColType::DateTime,
                    Value::DateTime(at),
                ));
            }
            Stamp::Bookkeeping => {}
        }
        let n = store_rows::update(tx, &obj.table, &sets, &pred).await?;
        crate::history::append(tx, &history).await?;
        Ok(n)
    }
}

/// Whether column `c` is one the search text is made from.
fn feeds_search(obj: &ObjectDef, c: &str) -> bool {
    obj.fields.iter().filter(|f| f.searchable).any(|f| {
        c == f.column.as_str()
            || c.strip_prefix(f.column.as_str())
                .is_some_and(|rest| rest == "_fold" || rest == "_original")
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn visit() -> ObjectDef {
        serde_json::from_value::<ObjectDef>(json!({
            "name": "visit", "label": "Visit", "label_plural": "Visits",
            "fields": [
                {"name": "name", "label": "Name", "kind": "text", "searchable": true},
                {"name": "phone", "label": "Phone", "kind": "phone", "searchable": true},
                {"name": "status", "label": "Status", "kind": "select", "options": ["open", "done"]}
            ]
        }))
        .expect("a visit")
        .complete()
        .expect("complete")
    }

    #[test]
    fn a_move_may_set_what_the_search_text_does_not_read() {
        let visit = visit();
        assert!(!feeds_search(&visit, "status"));
        assert!(!feeds_search(&visit, "owner_id"));
        assert!(!feeds_search(&visit, "name_folded_at"));
    }

    #[test]
    fn a_move_may_not_set_a_searchable_field_or_its_folded_copies() {
        let visit = visit();
        assert!(feeds_search(&visit, "name"));
        assert!(feeds_search(&visit, "name_fold"));
        assert!(feeds_search(&visit, "phone_original"));
    }
}
