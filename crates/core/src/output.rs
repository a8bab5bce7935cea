//! Turning stored columns back into a client's JSON, one field kind at a time.

use crate::names::{Column, ColumnName};
use std::collections::HashMap;

use chrono::SecondsFormat;
use serde_json::{Map, Value as Json, json};

use crate::kind::FieldKind;
use crate::meta::{FieldDef, ObjectDef};
use crate::{ColType, Value, money};

/// Which columns a query selects, and where each one sits in a row.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    pub columns: Vec<(ColumnName, ColType)>,
    index: HashMap<String, usize>,
}

impl Projection {
    /// The columns needed to show `fields` of a record (always with `id`).
    pub fn for_fields<'a>(fields: impl IntoIterator<Item = &'a FieldDef>) -> Projection {
        let mut p = Projection::default();
        p.push("id", ColType::Text);
        for f in fields {
            for (name, part) in f.columns() {
                if part.suffix != crate::kind::FOLD_SUFFIX {
                    p.push(&name, part.ty);
                }
            }
        }
        p
    }

    pub fn push(&mut self, name: &str, ty: ColType) -> usize {
        if let Some(i) = self.index.get(name) {
            return *i;
        }
        self.columns
            .push((ColumnName::derived(name.to_owned()), ty));
        self.index.insert(name.to_owned(), self.columns.len() - 1);
        self.columns.len() - 1
    }

    /// Where `column` sits in a row. A field's API name is not a column: pass `&f.column`.
    pub fn position(&self, column: impl Column) -> Option<usize> {
        self.index.get(column.column()).copied()
    }

    /// The type of `column`, if the projection has it.
    pub fn ty(&self, column: impl Column) -> Option<ColType> {
        self.position(column).map(|i| self.columns[i].1)
    }

    pub fn get<'r>(&self, row: &'r [Value], column: impl Column) -> &'r Value {
        self.position(column)
            .and_then(|i| row.get(i))
            .unwrap_or(&Value::Null)
    }
}

/// The JSON object of a record, with `fields` only (the caller decides which may be read).
pub fn record_json<'a>(
    proj: &Projection,
    row: &[Value],
    fields: impl IntoIterator<Item = &'a FieldDef>,
) -> Map<String, Json> {
    RecordWriter::new(fields, proj).write(row)
}

/// Turns rows into client JSON for a fixed set of fields: where each field's columns sit is
/// worked out once, so writing a page of rows does no lookups by name.
pub struct RecordWriter<'a> {
    entries: Vec<Entry<'a>>,
}

struct Entry<'a> {
    field: &'a FieldDef,
    primary: Option<usize>,
    /// The companion column: currency, original phone text, or a reference's object.
    companion: Option<usize>,
    companion_key: Option<String>,
    /// Shown masked (`138****5678`), never in full.
    masked: bool,
}

impl<'a> RecordWriter<'a> {
    pub fn new(fields: impl IntoIterator<Item = &'a FieldDef>, proj: &Projection) -> Self {
        let entries = fields
            .into_iter()
            .map(|f| {
                let at = |suffix: &str| proj.position(f.column.with_suffix(suffix));
                let (primary, companion, companion_key) = match f.kind {
                    FieldKind::Reference => (at("_id"), at("_object"), None),
                    FieldKind::Money => (
                        at(""),
                        at("_currency"),
                        Some(format!("{}_currency", f.name)),
                    ),
                    FieldKind::Phone => (
                        at(""),
                        at("_original"),
                        Some(format!("{}_original", f.name)),
                    ),
                    _ => (at(""), None, None),
                };
                Entry {
                    field: f,
                    primary,
                    companion,
                    companion_key,
                    masked: false,
                }
            })
            .collect();
        RecordWriter { entries }
    }

    /// Masks the fields for which `masked` holds, with their companions (a phone's original text).
    pub fn masking(mut self, masked: impl Fn(&FieldDef) -> bool) -> Self {
        for e in &mut self.entries {
            e.masked = masked(e.field);
        }
        self
    }

    pub fn write(&self, row: &[Value]) -> Map<String, Json> {
        let mut out = Map::new();
        let get = |i: Option<usize>| i.and_then(|i| row.get(i)).unwrap_or(&Value::Null);
        for e in &self.entries {
            let (primary, companion) = (get(e.primary), get(e.companion));
            let shown = |v: Json| if e.masked { masked(v) } else { v };
            if let Some(key) = &e.companion_key {
                out.insert(key.clone(), shown(plain(companion)));
            }
            out.insert(
                e.field.name.to_string(),
                shown(field_value(e.field, primary, companion)),
            );
        }
        out
    }
}

/// A value as a masked field shows it: text partly, anything else not at all.
pub fn masked(v: Json) -> Json {
    match v {
        Json::Null => Json::Null,
        Json::String(s) => Json::String(crate::mask::mask(&s)),
        _ => Json::String("***".into()),
    }
}

/// One field's JSON value from its primary column and its companion.
fn field_value(f: &FieldDef, primary: &Value, companion: &Value) -> Json {
    match f.kind {
        FieldKind::Reference => match (companion, primary) {
            (Value::Text(o), Value::Text(id)) => json!({ "object": o, "id": id }),
            _ => Json::Null,
        },
        FieldKind::Money => match (primary, companion) {
            (Value::Int(units), Value::Text(c)) => {
                Json::String(money::format_scaled(*units, money::currency_exponent(c)))
            }
            (Value::Int(units), _) => Json::String(money::format_scaled(*units, 2)),
            _ => Json::Null,
        },
        FieldKind::Decimal | FieldKind::Percent => match primary {
            Value::Int(units) => Json::String(money::format_scaled(*units, f.scale())),
            _ => Json::Null,
        },
        FieldKind::Multiselect => match primary {
            Value::Text(s) => Json::Array(
                s.split('|')
                    .filter(|p| !p.is_empty())
                    .map(|p| Json::String(p.into()))
                    .collect(),
            ),
            _ => Json::Null,
        },
        _ => plain(primary),
    }
}

/// A stored value as JSON, without kind-specific formatting.
pub fn plain(v: &Value) -> Json {
    match v {
        Value::Null => Json::Null,
        Value::Bool(b) => Json::Bool(*b),
        Value::Int(i) => json!(i),
        Value::Text(s) => Json::String(s.clone()),
        Value::Date(d) => Json::String(d.format("%Y-%m-%d").to_string()),
        Value::DateTime(t) => Json::String(t.to_rfc3339_opts(SecondsFormat::AutoSi, true)),
    }
}

/// The fields of `obj` in display order that pass `keep`.
pub fn fields_where<'a>(
    obj: &'a ObjectDef,
    keep: impl Fn(&FieldDef) -> bool + 'a,
) -> impl Iterator<Item = &'a FieldDef> + 'a {
    obj.fields.iter().filter(move |f| keep(f))
}
