//! The inputs of a record form, one per editable field, each of the kind its field needs: text,
//! numbers, dates, choices (translated), linked records and users by name, money with currency.

use std::collections::{BTreeMap, HashMap};

use chrono::{DateTime, Utc};
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use pelagic_core::period;
use serde_json::{Map, Value as Json};

use crate::i18n::Tr;

/// One input as the template draws it.
pub struct Input {
    pub name: String,
    pub label: String,
    /// `text`, `email`, `tel`, `url`, `number`, `date`, `datetime-local`, `textarea`,
    /// `select`, `multi`, `checkbox` or `money`.
    pub kind: &'static str,
    pub value: String,
    pub values: Vec<String>,
    pub options: Vec<(String, String)>,
    pub currency: String,
    pub required: bool,
    pub error: Option<String>,
    /// For a linked record: the object to search while typing, and the field that names it.
    pub lookup: Option<(String, String)>,
    /// Checked for duplicates while typing.
    pub duplicate_checked: bool,
    /// The record being edited (not a duplicate of itself), or empty.
    pub record_id: String,
}

/// What choices a form offers for linked records and users: (id, name) by target object.
pub struct Choices {
    pub records: HashMap<String, Vec<(String, String)>>,
    pub users: Vec<(String, String)>,
    pub default_currency: String,
    /// Fields whose values make two records the same customer.
    pub duplicate_fields: Vec<String>,
    /// The field naming records of each linked object, for the type-ahead search.
    pub title_fields: HashMap<String, String>,
}

/// The inputs for `fields` of `obj`, filled from `record` (as the API gives it; a field it
/// leaves out shows its default) and with the errors of a refused submission.
pub fn inputs(
    tr: &Tr,
    obj: &ObjectDef,
    fields: &[String],
    record: &Map<String, Json>,
    errors: &BTreeMap<String, String>,
    choices: &Choices,
    time_zone: &str,
) -> Vec<Input> {
    let text = |v: Option<&Json>| match v {
        Some(Json::String(s)) => s.clone(),
        Some(Json::Null) | None => String::new(),
        Some(other) => other.to_string(),
    };
    fields
        .iter()
        .filter_map(|n| obj.field(n))
        .map(|f| {
            // A new record's form starts from the field's default (a product starts active);
            // a refused form and an edited record carry every field they show.
            let value = text(record.get(f.name.as_str()).or(f.default.as_ref()));
            let (kind, options): (&'static str, Vec<(String, String)>) = match f.kind {
                FieldKind::Email => ("email", vec![]),
                FieldKind::Phone => ("tel", vec![]),
                FieldKind::Url => ("url", vec![]),
                FieldKind::Textarea => ("textarea", vec![]),
                FieldKind::Integer | FieldKind::Decimal | FieldKind::Percent => ("number", vec![]),
                FieldKind::Money => ("money", vec![]),
                FieldKind::Date => ("date", vec![]),
                FieldKind::Datetime => ("datetime-local", vec![]),
                FieldKind::Boolean => ("checkbox", vec![]),
                FieldKind::Select | FieldKind::Multiselect => (
                    if f.kind == FieldKind::Select {
                        "select"
                    } else {
                        "multi"
                    },
                    f.options
                        .iter()
                        .map(|o| (o.clone(), tr.option(obj, f, o)))
                        .collect(),
                ),
                FieldKind::Lookup => (
                    "select",
                    f.target
                        .as_ref()
                        .and_then(|t| choices.records.get(t))
                        .cloned()
                        .unwrap_or_default(),
                ),
                FieldKind::User => ("select", choices.users.clone()),
                _ => ("text", vec![]),
            };
            let value = if f.kind == FieldKind::Datetime {
                local(&value, time_zone)
            } else {
                value
            };
            let values = match record.get(f.name.as_str()) {
                Some(Json::Array(items)) => items
                    .iter()
                    .filter_map(Json::as_str)
                    .map(str::to_owned)
                    .collect(),
                _ => vec![],
            };
            let currency = record
                .get(&format!("{}_currency", f.name))
                .and_then(Json::as_str)
                .unwrap_or(&choices.default_currency)
                .to_owned();
            Input {
                name: f.name.to_string(),
                label: tr.field(obj, f),
                kind,
                value,
                values,
                options,
                currency,
                required: f.required,
                error: errors.get(f.name.as_str()).cloned(),
                lookup: f
                    .target
                    .as_ref()
                    .filter(|_| f.kind == FieldKind::Lookup)
                    .and_then(|t| Some((t.clone(), choices.title_fields.get(t)?.clone()))),
                duplicate_checked: choices.duplicate_fields.iter().any(|n| f.name == *n),
                record_id: text(record.get("id")),
            }
        })
        .collect()
}

/// An RFC 3339 time as the user's wall clock for a `datetime-local` input.
fn local(value: &str, time_zone: &str) -> String {
    value
        .parse::<DateTime<Utc>>()
        .map(|t| {
            t.with_timezone(&period::zone(time_zone))
                .format("%Y-%m-%dT%H:%M")
                .to_string()
        })
        .unwrap_or_else(|_| value.to_owned())
}

impl Input {
    /// Whether a multiple choice has `value` ticked.
    pub fn has(&self, value: &str) -> bool {
        self.values.iter().any(|v| v == value)
    }
}
