//! A submitted form as the API's JSON body: each field's text turned into the value its kind
//! takes (numbers, yes/no, lists, times from the user's time zone to UTC). Validation is the
//! record service's; this only changes the shape.

use chrono::{NaiveDateTime, TimeZone};
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use pelagic_core::period;
use serde_json::{Map, Value as Json};

/// The body for `fields` of `obj` from the form's pairs. Empty inputs are left out of a new
/// record and cleared (`null`) on an edit.
pub fn body(
    obj: &ObjectDef,
    fields: &[String],
    pairs: &[(String, String)],
    time_zone: &str,
    editing: bool,
) -> Map<String, Json> {
    let first = |name: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == name)
            .map(|(_, v)| v.trim().to_owned())
    };
    let mut out = Map::new();
    for f in fields.iter().filter_map(|n| obj.field(n)) {
        let name = f.name.as_str();
        let value = match f.kind {
            FieldKind::Boolean => {
                if first(&format!("{name}__shown")).is_none() {
                    continue;
                }
                Some(Json::Bool(first(name).is_some()))
            }
            FieldKind::Multiselect => {
                if first(&format!("{name}__shown")).is_none() {
                    continue;
                }
                let items: Vec<Json> = pairs
                    .iter()
                    .filter(|(k, v)| k == name && !v.is_empty())
                    .map(|(_, v)| Json::String(v.clone()))
                    .collect();
                Some(Json::Array(items))
            }
            _ => {
                let Some(text) = first(name) else { continue };
                if text.is_empty() {
                    None
                } else {
                    Some(match f.kind {
                        FieldKind::Integer => text
                            .parse::<i64>()
                            .map(Json::from)
                            .unwrap_or(Json::String(text)),
                        FieldKind::Datetime => Json::String(to_utc(&text, time_zone)),
                        _ => Json::String(text),
                    })
                }
            }
        };
        match value {
            Some(v) => {
                out.insert(name.to_owned(), v);
                if f.kind == FieldKind::Money
                    && let Some(c) = first(&format!("{name}_currency")).filter(|c| !c.is_empty())
                {
                    out.insert(format!("{name}_currency"), Json::String(c));
                }
            }
            None if editing => {
                out.insert(name.to_owned(), Json::Null);
            }
            None => {}
        }
    }
    out
}

/// A `datetime-local` input (`2026-11-24T10:30`, the user's wall clock) as RFC 3339 UTC; text
/// that is not one is passed on for the record service to refuse.
fn to_utc(local: &str, time_zone: &str) -> String {
    let parsed = NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M")
        .or_else(|_| NaiveDateTime::parse_from_str(local, "%Y-%m-%dT%H:%M:%S"));
    match parsed {
        Ok(naive) => period::zone(time_zone)
            .from_local_datetime(&naive)
            .earliest()
            .map(|t| t.with_timezone(&chrono::Utc).to_rfc3339())
            .unwrap_or_else(|| local.to_owned()),
        Err(_) => local.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use pelagic_core::meta::FieldDef;

    fn obj() -> ObjectDef {
        let mut due = FieldDef::new("due_at", "Due", FieldKind::Datetime);
        due.set_column("due_at".into());
        let mut tags = FieldDef::new("tags", "Tags", FieldKind::Multiselect);
        tags.options = vec!["vip".into(), "new".into()];
        let mut done = FieldDef::new("done", "Done", FieldKind::Boolean);
        done.set_column("done".into());
        ObjectDef {
            name: "task".into(),
            label: "Task".into(),
            label_plural: "Tasks".into(),
            custom: false,
            labels: Default::default(),
            plural_labels: Default::default(),
            table: String::new(),
            title: None,
            fields: vec![
                FieldDef::new("subject", "Subject", FieldKind::Text),
                due,
                tags,
                done,
            ],
            indexes: Vec::new(),
            menu: None,
            key: vec![],
            open: None,
            behaviour: Default::default(),
        }
    }

    fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
        list.iter()
            .map(|(k, v)| ((*k).to_owned(), (*v).to_owned()))
            .collect()
    }

    #[test]
    fn times_are_read_in_the_users_zone_and_lists_and_checkboxes_take_their_shape() {
        let fields: Vec<String> = ["subject", "due_at", "tags", "done"]
            .map(String::from)
            .to_vec();
        let form = pairs(&[
            ("subject", " Call back "),
            ("due_at", "2026-11-24T10:30"),
            ("tags__shown", "1"),
            ("tags", "vip"),
            ("tags", "new"),
            ("done__shown", "1"),
        ]);
        let body = body(&obj(), &fields, &form, "Asia/Shanghai", false);
        assert_eq!(body["subject"], "Call back");
        assert_eq!(body["due_at"], "2026-11-24T02:30:00+00:00");
        assert_eq!(body["tags"], serde_json::json!(["vip", "new"]));
        assert_eq!(body["done"], false, "an unticked box is a no");
    }

    #[test]
    fn empty_inputs_are_left_out_of_a_new_record_and_cleared_on_an_edit() {
        let fields = vec!["subject".to_owned()];
        let form = pairs(&[("subject", "  ")]);
        assert!(body(&obj(), &fields, &form, "UTC", false).is_empty());
        assert_eq!(
            body(&obj(), &fields, &form, "UTC", true)["subject"],
            Json::Null
        );
    }
}
