//! New records as the create pipeline carries them from preparing to writing: the rows laid
//! out in their table's columns, with their history, duplicate keys and pool entries.

use pelagic_core::dedupe::Key;
use pelagic_core::input::ColumnValues;
use pelagic_core::names::ColumnName;
use pelagic_core::output::Projection;
use pelagic_core::row::Row;
use pelagic_core::{ColType, Value};
use std::sync::Arc;

use super::Target;

/// New records checked and laid out, ready to be written in a transaction.
pub(super) struct Prepared {
    pub(super) t: Target,
    /// Each record's label and what it points at, checked in the write's transaction.
    pub(super) pointing: Vec<(String, ColumnValues)>,
    /// Ids the same transaction creates before these records, which they may point at.
    pub(super) pending: std::collections::BTreeSet<String>,

    pub(super) columns: Vec<(ColumnName, ColType)>,
    pub(super) rows: Vec<Row>,
    pub(super) created: Vec<pelagic_store::history::HistoryRow>,
    pub(super) keyed: Vec<(String, Vec<Key>)>,
    pub(super) entries: crate::pools::Entries,
    pub(super) stage_changes: Vec<pelagic_store::processes::StageChangeRow>,
    pub(super) now: chrono::DateTime<chrono::Utc>,
    /// Some record went to approval: approvers were given shares, which every instance reloads.
    pub(super) approvals_started: bool,
    /// The numbering patterns of numbered objects, read before the transaction.
    pub(super) patterns: std::collections::BTreeMap<String, String>,
}

impl Prepared {
    /// The id given to the `i`th new record.
    pub(super) fn id(&self, i: usize) -> String {
        self.rows[i].text("id").unwrap_or_default().to_owned()
    }

    /// A column of the `i`th new record.
    pub(super) fn get(&self, i: usize, column: &str) -> &Value {
        self.rows[i].get(column)
    }
}

/// The moment a write happens.
pub(super) type Now = chrono::DateTime<chrono::Utc>;

/// A new row of `projection`'s table holding the parsed values, every other column empty.
pub(super) fn row_of(projection: &Arc<Projection>, cols: ColumnValues) -> Row {
    let mut row = Row::empty(projection.clone());
    for (c, v) in cols.columns {
        row.put(&c, v);
    }
    row
}

/// Where each column of an object's table sits in its rows, worked out once per request.
pub(super) fn table_projection(columns: &[(ColumnName, ColType)]) -> Arc<Projection> {
    let mut projection = Projection::default();
    for (c, ty) in columns {
        projection.push(c, *ty);
    }
    Arc::new(projection)
}
