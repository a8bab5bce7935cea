//! A field's columns: the base column metadata gives it, the full names of its kind's parts, the
//! one filters and sorts compare, and the sets that write a text value directly.

use crate::ColType;
use crate::kind::{ColumnPart, FieldKind};
use crate::meta::FieldDef;
use crate::names::ColumnName;

impl FieldDef {
    /// The physical columns of this field, with their full names.
    pub fn columns(&self) -> impl Iterator<Item = (ColumnName, ColumnPart)> + '_ {
        self.column_names()
            .iter()
            .cloned()
            .zip(self.kind.columns().iter().copied())
    }

    /// The full names of the field's columns, in the order of its kind's parts.
    pub fn column_names(&self) -> &[ColumnName] {
        self.column_names.get_or_init(|| {
            self.kind
                .columns()
                .iter()
                .map(|p| self.column.with_suffix(p.suffix))
                .collect()
        })
    }

    /// The columns a text value of this field is written to (a text field also keeps its folded
    /// copy, which filters compare with), for code that sets a field directly.
    pub fn text_sets(&self, value: Option<&str>) -> Vec<(ColumnName, ColType, crate::Value)> {
        let v = |t: Option<String>| crate::Value::text_or_null(t);
        let mut out = vec![(
            self.column.clone(),
            ColType::Text,
            v(value.map(str::to_owned)),
        )];
        if matches!(self.kind, FieldKind::Text | FieldKind::Textarea) {
            out.push((
                self.column.with_suffix(crate::kind::FOLD_SUFFIX),
                ColType::Text,
                v(value.map(crate::fold::fold)),
            ));
        }
        out
    }

    /// The column that filters and sorts use.
    pub fn compare_column(&self) -> ColumnName {
        self.column.with_suffix(self.kind.compare_suffix())
    }

    /// Sets the base column name (and forgets any names worked out from the old one).
    pub fn set_column(&mut self, column: ColumnName) {
        self.column = column;
        self.column_names = Default::default();
    }
}
