//! Turning stored columns back into a client's JSON, one field kind at a time.

use std::collections::HashMap;

use chrono::SecondsFormat;
use serde_json::{Map, Value as Json, json};

use crate::kind::FieldKind;
use crate::meta::{FieldDef, ObjectDef};
use crate::{ColType, Value, money};

/// Which columns a query selects, and where each one sits in a row.
#[derive(Debug, Clone, Default)]
pub struct Projection {
    pub columns: Vec<(String, ColType)>,
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
        self.columns.push((name.to_owned(), ty));
        self.index.insert(name.to_owned(), self.columns.len() - 1);
        self.columns.len() - 1
    }

    pub fn position(&self, column: &str) -> Option<usize> {
        self.index.get(column).copied()
    }

    pub fn get<'r>(&self, row: &'r [Value], column: &str) -> &'r Value {
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
    let mut out = Map::new();
    for f in fields {
        field_json(f, proj, row, &mut out);
    }
    out
}

/// Writes one field (and its companions such as `amount_currency`) into `out`.
pub fn field_json(f: &FieldDef, proj: &Projection, row: &[Value], out: &mut Map<String, Json>) {
    let col = |suffix: &str| proj.get(row, &format!("{}{}", f.column, suffix));
    let primary = col("");
    let value = match f.kind {
        FieldKind::Reference => match (col("_object"), col("_id")) {
            (Value::Text(o), Value::Text(id)) => json!({ "object": o, "id": id }),
            _ => Json::Null,
        },
        FieldKind::Money => {
            let currency = col("_currency");
            out.insert(format!("{}_currency", f.name), plain(currency));
            match (primary, currency) {
                (Value::Int(units), Value::Text(c)) => {
                    Json::String(money::format_scaled(*units, money::currency_exponent(c)))
                }
                (Value::Int(units), _) => Json::String(money::format_scaled(*units, 2)),
                _ => Json::Null,
            }
        }
        FieldKind::Decimal | FieldKind::Percent => match primary {
            Value::Int(units) => Json::String(money::format_scaled(*units, f.scale())),
            _ => Json::Null,
        },
        FieldKind::Phone => {
            out.insert(format!("{}_original", f.name), plain(col("_original")));
            plain(primary)
        }
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
    };
    out.insert(f.name.clone(), value);
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
