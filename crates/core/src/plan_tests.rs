//! Tests of resolving filters, sorts and searches.

use super::*;
use crate::ColType;
use crate::meta::ObjectDef;
use serde_json::json;

fn account() -> ObjectDef {
    serde_json::from_value::<ObjectDef>(json!({
        "name": "account", "label": "Account", "label_plural": "Accounts",
        "fields": [
            {"name": "name", "label": "Name", "kind": "text", "searchable": true},
            {"name": "level", "label": "Level", "kind": "select", "options": ["a", "b", "c"]},
            {"name": "tags", "label": "Tags", "kind": "multiselect", "options": ["vip", "new"]},
            {"name": "phone", "label": "Phone", "kind": "phone", "searchable": true},
            {"name": "secret", "label": "Secret", "kind": "text"},
            {"name": "closed_on", "label": "Closed", "kind": "date"}
        ]
    }))
    .unwrap()
    .complete()
    .unwrap()
}

fn ctx() -> PlanContext {
    PlanContext {
        input: InputContext::default(),
        today: "2026-11-25".parse().unwrap(),
        tz: chrono_tz::Tz::UTC,
    }
}

fn plan(filter: serde_json::Value) -> Result<Pred, CoreError> {
    let readable = |f: &FieldDef| f.name != "secret";
    plan_filter(&account(), &Filter::from_json(&filter)?, &readable, &ctx())
}

#[test]
fn text_conditions_compare_folded_text() {
    assert_eq!(
        plan(json!({"field": "name", "op": "eq", "value": "MARÍA"})).unwrap(),
        Pred::Cmp {
            col: "name_fold".into(),
            op: Cmp::Eq,
            value: Value::Text("maria".into())
        }
    );
    assert_eq!(
        plan(json!({"field": "name", "op": "contains", "value": "50%"})).unwrap(),
        Pred::Like {
            col: "name_fold".into(),
            pattern: "%50\\%%".into()
        }
    );
}

#[test]
fn not_equal_also_matches_empty_values() {
    let p = plan(json!({"field": "level", "op": "ne", "value": "a"})).unwrap();
    assert!(matches!(p, Pred::Or(ref parts) if parts[0] == Pred::IsNull { col: "level".into() }));
}

#[test]
fn phones_in_filters_are_normalised_like_stored_ones() {
    assert_eq!(
        plan(json!({"field": "phone", "op": "eq", "value": "+86 138 0013 8000"})).unwrap(),
        Pred::Cmp {
            col: "phone".into(),
            op: Cmp::Eq,
            value: Value::Text("+8613800138000".into())
        }
    );
}

#[test]
fn a_filter_on_an_unreadable_or_unknown_field_is_refused() {
    assert!(
        matches!(plan(json!({"field": "secret", "op": "eq", "value": "x"})), Err(CoreError::Invalid(m)) if m.contains("may not"))
    );
    assert!(
        matches!(plan(json!({"field": "nope", "op": "eq", "value": "x"})), Err(CoreError::Invalid(m)) if m.contains("no field"))
    );
    assert!(plan(json!({"not": {"field": "secret", "op": "is_null"}})).is_err());
}

#[test]
fn operators_that_do_not_fit_the_kind_and_bad_values_are_refused() {
    assert!(plan(json!({"field": "level", "op": "gt", "value": "a"})).is_err());
    assert!(plan(json!({"field": "level", "op": "eq", "value": "z"})).is_err());
    assert!(plan(json!({"field": "closed_on", "op": "eq", "value": "yesterday"})).is_err());
    assert!(plan(json!({"field": "closed_on", "op": "between", "value": ["2026-01-01"]})).is_err());
}

#[test]
fn within_becomes_a_half_open_day_range() {
    assert_eq!(
        plan(json!({"field": "closed_on", "op": "within", "value": "today"})).unwrap(),
        Pred::And(vec![
            Pred::Cmp {
                col: "closed_on".into(),
                op: Cmp::Gte,
                value: Value::Date("2026-11-25".parse().unwrap())
            },
            Pred::Cmp {
                col: "closed_on".into(),
                op: Cmp::Lt,
                value: Value::Date("2026-11-26".parse().unwrap())
            },
        ])
    );
}

#[test]
fn sorting_always_ends_with_the_id_and_refuses_hidden_fields() {
    let readable = |f: &FieldDef| f.name != "secret";
    let order = plan_sort(&account(), &parse_sort_param("-level,name"), &readable).unwrap();
    let cols: Vec<(&str, bool)> = order.iter().map(|k| (k.col.as_str(), k.desc)).collect();
    assert_eq!(
        cols,
        vec![("level", true), ("name_fold", false), ("id", false)]
    );
    assert!(plan_sort(&account(), &parse_sort_param("secret"), &readable).is_err());
    assert!(plan_sort(&account(), &parse_sort_param("tags"), &readable).is_err());
    assert_eq!(
        plan_sort(&account(), &[], &readable).unwrap()[0].col,
        "created_at"
    );
}

#[test]
fn the_rows_after_a_cursor_follow_the_order_with_empty_values_lowest() {
    let order = vec![
        OrderKey {
            col: "level".into(),
            ty: ColType::Text,
            desc: false,
            nullable: true,
        },
        OrderKey {
            col: "id".into(),
            ty: ColType::Text,
            desc: false,
            nullable: false,
        },
    ];
    let p = after(&order, &[Value::Null, Value::Text("7".into())]);
    assert_eq!(
        p,
        Pred::Or(vec![
            Pred::Not(Box::new(Pred::IsNull {
                col: "level".into()
            })),
            Pred::And(vec![
                Pred::IsNull {
                    col: "level".into()
                },
                Pred::Cmp {
                    col: "id".into(),
                    op: Cmp::Gt,
                    value: Value::Text("7".into())
                }
            ]),
        ])
    );
}

#[test]
fn the_next_page_of_a_newest_first_list_asks_nothing_about_empty_times_or_ids() {
    let order = plan_sort(&account(), &[], &|_: &FieldDef| true).unwrap();
    let at = Value::Text("2026-11-24T10:00:00.000000Z".into());
    let p = after(&order, &[at.clone(), Value::Text("7".into())]);
    assert_eq!(
        p,
        Pred::RowCmp {
            cols: vec!["created_at".into(), "id".into()],
            op: Cmp::Lt,
            values: vec![at, Value::Text("7".into())],
        },
        "a record always has its id and creation time: the next page is the rows below this one, \
         which the database seeks to in its index, ties included"
    );
}

#[test]
fn search_text_holds_folded_fields_and_phone_digits() {
    let obj = account();
    let text = search_text(&obj, &|col| match col.as_str() {
        "name_fold" => Some(Value::Text("maria lopez".into())),
        "phone" => Some(Value::Text("+8613800138000".into())),
        "phone_original" => Some(Value::Text("138 0013 8000".into())),
        _ => None,
    });
    assert!(
        text.contains("maria lopez")
            && text.contains("8613800138000")
            && text.contains("13800138000")
    );
    assert!(plan_search(&"x ".repeat(11)).is_err());
}
