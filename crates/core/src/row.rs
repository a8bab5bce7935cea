//! One row buffer for a record, whatever the step: a row read from its table, a new record
//! being prepared, a record as a change will leave it. Its columns are laid out once per read or
//! write by a shared [`Projection`], so looking a column up is an index, not a search, and every
//! step names columns the same typed way (a field's API name is not a column: see `names`).

use std::sync::Arc;

use crate::names::{Column, ColumnName};
use crate::output::Projection;
use crate::{ColType, Value};

/// A record's values, each at the place its projection gives its column.
#[derive(Debug, Clone, Default)]
pub struct Row {
    projection: Arc<Projection>,
    values: Vec<Value>,
}

impl Row {
    /// A row of `projection`'s columns holding `values` in the same order (missing ones empty).
    pub fn new(projection: Arc<Projection>, mut values: Vec<Value>) -> Row {
        values.resize(projection.columns.len(), Value::Null);
        Row { projection, values }
    }

    /// A row of `projection`'s columns, all empty.
    pub fn empty(projection: Arc<Projection>) -> Row {
        Row::new(projection, Vec::new())
    }

    /// A column's value; empty when the row has no such column.
    pub fn get(&self, column: impl Column) -> &Value {
        self.projection.get(&self.values, column)
    }

    /// A column's text, if it holds text.
    pub fn text(&self, column: impl Column) -> Option<&str> {
        self.get(column).as_str()
    }

    /// A column's whole number, zero when empty.
    pub fn int(&self, column: impl Column) -> i64 {
        self.get(column).as_int().unwrap_or(0)
    }

    /// Whether the row has this column (whatever its value).
    pub fn has(&self, column: impl Column) -> bool {
        self.projection.position(column).is_some()
    }

    /// Gives a column a value; a column the row does not have yet is added with type `ty` (the
    /// layout is shared, so it is copied first: rows read together keep theirs).
    pub fn set(&mut self, column: impl Column, ty: ColType, value: Value) {
        match self.projection.position(column.column()) {
            Some(i) => self.values[i] = value,
            None => {
                let i = Arc::make_mut(&mut self.projection).push(column.column(), ty);
                self.values.resize(i + 1, Value::Null);
                self.values[i] = value;
            }
        }
    }

    /// Gives a column the row already has a value; returns whether it had it.
    pub fn put(&mut self, column: impl Column, value: Value) -> bool {
        match self.projection.position(column) {
            Some(i) => {
                self.values[i] = value;
                true
            }
            None => false,
        }
    }

    /// Each column with its value, in the projection's order.
    pub fn iter(&self) -> impl Iterator<Item = (&ColumnName, &Value)> {
        self.projection
            .columns
            .iter()
            .map(|(c, _)| c)
            .zip(self.values.iter())
    }

    /// The values in the projection's order, as a table stores them.
    pub fn values(&self) -> &[Value] {
        &self.values
    }

    /// Where each column sits.
    pub fn projection(&self) -> &Arc<Projection> {
        &self.projection
    }
}

impl AsRef<[Value]> for Row {
    fn as_ref(&self) -> &[Value] {
        &self.values
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn layout() -> Arc<Projection> {
        let mut p = Projection::default();
        p.push("id", ColType::Text);
        p.push("cf_status_changed_at", ColType::DateTime);
        Arc::new(p)
    }

    #[test]
    fn a_row_finds_its_columns_by_the_names_metadata_gave_them() {
        let mut row = Row::new(layout(), vec![Value::Text("r1".into())]);
        assert_eq!(row.text("id"), Some("r1"));
        assert!(
            row.get("cf_status_changed_at").is_null(),
            "missing values are empty"
        );
        assert!(
            row.get("status_changed_at").is_null(),
            "an API name is no column"
        );
        let custom = ColumnName::derived("cf_status_changed_at".into());
        assert!(row.put(&custom, Value::Int(1)));
        assert_eq!(row.int(&custom), 1);
        assert!(
            !row.put("nowhere", Value::Int(1)),
            "put never adds a column"
        );
    }

    #[test]
    fn setting_a_new_column_leaves_the_rows_that_share_the_layout_alone() {
        let shared = layout();
        let mut one = Row::empty(shared.clone());
        let other = Row::empty(shared);
        one.set("total", ColType::BigInt, Value::Int(7));
        assert_eq!(one.int("total"), 7);
        assert!(!other.has("total"));
        assert_eq!(one.iter().count(), 3);
        assert_eq!(other.values().len(), 2);
    }
}
