//! New records as the create pipeline carries them from preparing to writing: the rows laid
//! out in their table's columns, with their history, duplicate keys and pool entries.

use pelagic_core::dedupe::Key;
use pelagic_core::input::ColumnValues;
use pelagic_core::names::{Column, ColumnName};
use pelagic_core::output::Projection;
use pelagic_core::{ColType, Value};

use super::Target;

/// New records checked and laid out, ready to be written in a transaction.
pub(super) struct Prepared {
    pub(super) t: Target,
    /// Each record's label and what it points at, checked in the write's transaction.
    pub(super) pointing: Vec<(String, ColumnValues)>,
    /// Ids the same transaction creates before these records, which they may point at.
    pub(super) pending: std::collections::BTreeSet<String>,

    pub(super) columns: Vec<(ColumnName, ColType)>,
    pub(super) layout: Layout,
    pub(super) rows: Vec<Vec<Value>>,
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
        self.get(i, "id").as_str().unwrap_or_default().to_owned()
    }

    /// A column of the `i`th new record.
    pub(super) fn get(&self, i: usize, column: &str) -> &Value {
        self.layout.get(&self.rows[i], column)
    }
}

/// The moment a write happens.
pub(super) type Now = chrono::DateTime<chrono::Utc>;

/// Where each column of an object's table sits in a row, worked out once per request.
pub(super) struct Layout {
    pub(super) projection: Projection,
}

impl Layout {
    pub(super) fn new(columns: &[(ColumnName, ColType)]) -> Self {
        let mut projection = Projection::default();
        for (c, ty) in columns {
            projection.push(c, *ty);
        }
        Layout { projection }
    }

    pub(super) fn position(&self, column: impl Column) -> Option<usize> {
        self.projection.position(column)
    }

    /// A row of the table holding the parsed values, every other column empty.
    pub(super) fn row_of(&self, cols: ColumnValues) -> Vec<Value> {
        let mut row = vec![Value::Null; self.projection.columns.len()];
        for (c, v) in cols.columns {
            self.set(&mut row, &c, v);
        }
        row
    }

    pub(super) fn get<'r>(&self, row: &'r [Value], column: impl Column) -> &'r Value {
        self.projection.get(row, column)
    }

    pub(super) fn set(&self, row: &mut [Value], column: impl Column, value: Value) {
        if let Some(i) = self.position(column) {
            row[i] = value;
        }
    }
}
