//! The audit trail of records: entries written with every change, in the same transaction, and
//! read back through the same field permissions as the records themselves.

use chrono::{DateTime, Utc};
use pelagic_core::access::FieldAccess;
use pelagic_core::meta::ObjectDef;
use pelagic_core::plan::Pred;
use pelagic_store::history::{self as store, HistoryRow};
use serde_json::{Map, Value as Json, json};

use crate::policy::Policy;

/// Who made a change, when, to which record.
pub struct Change<'a> {
    pub object: &'a str,
    pub record_id: &'a str,
    pub user_id: &'a str,
    pub at: DateTime<Utc>,
}

impl Change<'_> {
    /// An entry without a field: create, delete, restore.
    pub fn event(&self, action: &str) -> HistoryRow {
        self.entry(action, None, None, None)
    }

    /// An entry without a field that carries what happened (a share given or ended).
    pub fn noted(&self, action: &str, old: Option<&Json>, new: Option<&Json>) -> HistoryRow {
        self.entry(action, None, old, new)
    }

    /// The entry for a change of owner.
    pub fn transferred(&self, old: Option<&str>, new: &str) -> HistoryRow {
        self.entry(
            "transfer",
            Some("owner_id"),
            Some(&json!(old)),
            Some(&json!(new)),
        )
    }

    /// The entry for a record leaving or entering a pool (`claim`, `assign`, `release`,
    /// `return`): its owner before and after.
    pub fn pool_move(&self, action: &str, old: Option<&str>, new: Option<&str>) -> HistoryRow {
        self.entry(
            action,
            Some("owner_id"),
            Some(&json!(old)),
            Some(&json!(new)),
        )
    }

    /// The entry for a field Pelagic changed as a consequence (a lead becoming contacted).
    pub fn field_set(&self, field: &str, old: &Json, new: &Json) -> HistoryRow {
        self.entry("update", Some(field), Some(old), Some(new))
    }

    /// The entry saying that the record `loser` was merged into this one.
    pub fn merged(&self, loser: &str) -> HistoryRow {
        self.entry("merge", None, Some(&json!(loser)), None)
    }

    fn entry(
        &self,
        action: &str,
        field: Option<&str>,
        old: Option<&Json>,
        new: Option<&Json>,
    ) -> HistoryRow {
        HistoryRow {
            id: crate::ids::new_id(),
            object: self.object.to_owned(),
            record_id: self.record_id.to_owned(),
            at: self.at,
            user_id: Some(self.user_id.to_owned()),
            action: action.to_owned(),
            field: field.map(str::to_owned),
            old: old.map(Json::to_string),
            new: new.map(Json::to_string),
        }
    }

    /// One entry per field whose client value differs between `before` and `after` (records as
    /// clients see them, every field). A change of owner is a transfer.
    pub fn field_changes(
        &self,
        obj: &ObjectDef,
        before: &Map<String, Json>,
        after: &Map<String, Json>,
        action: &str,
    ) -> Vec<HistoryRow> {
        obj.fields
            .iter()
            .filter(|f| {
                !matches!(
                    f.name.as_str(),
                    "updated_at" | "created_at" | "created_by" | "id"
                )
            })
            .filter_map(|f| {
                let value = |m: &Map<String, Json>| {
                    let main = m.get(f.name.as_str()).cloned().unwrap_or(Json::Null);
                    // A money field changes when its currency does; a phone when its digits do.
                    match m.get(&format!("{}_currency", f.name)) {
                        Some(c) if !main.is_null() => json!(format!(
                            "{} {}",
                            main.as_str().unwrap_or_default(),
                            c.as_str().unwrap_or_default()
                        )),
                        _ => main,
                    }
                };
                let (old, new) = (value(before), value(after));
                (old != new).then(|| {
                    let action = if f.name == "owner_id" {
                        "transfer"
                    } else {
                        action
                    };
                    self.entry(action, Some(&f.name), Some(&old), Some(&new))
                })
            })
            .collect()
    }
}

/// An entry as the actor may see it: `None` when it concerns a field hidden from them; masked
/// values masked.
pub fn visible_entry(policy: &Policy<'_>, obj: &ObjectDef, e: HistoryRow) -> Option<Json> {
    let parse = |v: &Option<String>| -> Json {
        v.as_deref()
            .and_then(|s| serde_json::from_str(s).ok())
            .unwrap_or(Json::Null)
    };
    let (mut old, mut new) = (parse(&e.old), parse(&e.new));
    if let Some(name) = &e.field {
        let access = obj
            .field(name)
            .map(|f| policy.field_access(obj, f))
            .unwrap_or(FieldAccess::Hidden);
        match access {
            FieldAccess::Hidden => return None,
            FieldAccess::Masked => {
                old = pelagic_core::output::masked(old);
                new = pelagic_core::output::masked(new);
            }
            FieldAccess::Read | FieldAccess::Edit => {}
        }
    }
    Some(json!({
        "id": e.id,
        "at": e.at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
        "user_id": e.user_id,
        "action": e.action,
        "field": e.field,
        "old": old,
        "new": new,
    }))
}

/// The condition for a record the actor may read, whether live or in the recycle bin.
pub fn readable_even_deleted(policy: &Policy<'_>, obj: &ObjectDef) -> Pred {
    policy.scope(obj, crate::policy::Operation::Read)
}

pub use store::{HistoryRow as Entry, append, entry, of_record};
