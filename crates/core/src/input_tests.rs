//! Tests of reading record input.

use super::*;
use serde_json::json;

fn account() -> ObjectDef {
    let toml_def = json!({
        "name": "account", "label": "Account", "label_plural": "Accounts",
        "fields": [
            {"name": "name", "label": "Name", "kind": "text", "required": true},
            {"name": "industry", "label": "Industry", "kind": "select", "options": ["finance", "retail"]},
            {"name": "tags", "label": "Tags", "kind": "multiselect", "options": ["vip", "new", "key"]},
            {"name": "phone", "label": "Phone", "kind": "phone"},
            {"name": "email", "label": "Email", "kind": "email"},
            {"name": "website", "label": "Web", "kind": "url"},
            {"name": "annual_revenue", "label": "Revenue", "kind": "money"},
            {"name": "score", "label": "Score", "kind": "integer"},
            {"name": "active", "label": "Active", "kind": "boolean", "default": true},
            {"name": "last_follow_up_at", "label": "Last", "kind": "datetime", "system": true}
        ]
    });
    serde_json::from_value::<ObjectDef>(toml_def)
        .unwrap()
        .complete()
        .unwrap()
}

fn parse(body: Json, mode: WriteMode) -> Result<ColumnValues, CoreError> {
    parse_record(
        &account(),
        body.as_object().unwrap(),
        mode,
        &InputContext::default(),
    )
}

#[test]
fn a_valid_account_is_normalised_into_its_columns() {
    let cols = parse(
        json!({"name": "  María López S.A. ", "industry": "finance", "tags": ["new", "vip", "new"],
               "phone": "138 0013 8000", "email": "Sales@Example.COM", "website": "example.com",
               "annual_revenue": "1250000.50", "annual_revenue_currency": "EUR", "score": "42"}),
        WriteMode::Create,
    )
    .unwrap();
    assert_eq!(
        cols.get("name"),
        Some(&Value::Text("María López S.A.".into()))
    );
    assert_eq!(
        cols.get("name_fold"),
        Some(&Value::Text("maria lopez s.a.".into()))
    );
    assert_eq!(cols.get("tags"), Some(&Value::Text("|vip|new|".into())));
    assert_eq!(
        cols.get("phone"),
        Some(&Value::Text("+8613800138000".into()))
    );
    assert_eq!(
        cols.get("phone_original"),
        Some(&Value::Text("138 0013 8000".into()))
    );
    assert_eq!(
        cols.get("email"),
        Some(&Value::Text("sales@example.com".into()))
    );
    assert_eq!(
        cols.get("website"),
        Some(&Value::Text("https://example.com".into()))
    );
    assert_eq!(cols.get("annual_revenue"), Some(&Value::Int(125_000_050)));
    assert_eq!(
        cols.get("annual_revenue_currency"),
        Some(&Value::Text("EUR".into()))
    );
    assert_eq!(cols.get("score"), Some(&Value::Int(42)));
    assert_eq!(
        cols.get("active"),
        Some(&Value::Bool(true)),
        "defaults apply on create"
    );
}

#[test]
fn every_problem_is_reported_at_once_by_field() {
    let err = parse(
        json!({"industry": "mining", "phone": "not a phone", "email": "nobody", "nonsense": 1,
               "last_follow_up_at": "2026-01-01T00:00:00Z", "score": 1.5, "annual_revenue": "1.001"}),
        WriteMode::Create,
    )
    .unwrap_err();
    let CoreError::Validation(fields) = err else {
        panic!("expected validation errors")
    };
    for f in [
        "name",
        "industry",
        "phone",
        "email",
        "nonsense",
        "last_follow_up_at",
        "score",
        "annual_revenue",
    ] {
        assert!(
            fields.contains_key(f),
            "{f} should be reported, got {fields:?}"
        );
    }
}

#[test]
fn an_update_touches_only_the_fields_it_names_but_cannot_empty_a_required_one() {
    let cols = parse(json!({"score": 7}), WriteMode::Update).unwrap();
    assert_eq!(cols.columns, vec![("score".into(), Value::Int(7))]);
    assert!(parse(json!({"name": ""}), WriteMode::Update).is_err());
    assert!(parse(json!({"name": null}), WriteMode::Update).is_err());
}

#[test]
fn overlong_text_and_nul_characters_are_refused() {
    assert!(parse(json!({"name": "x".repeat(256)}), WriteMode::Create).is_err());
    assert!(parse(json!({"name": "a\u{0}b"}), WriteMode::Create).is_err());
    assert!(
        parse(json!({"name": "字".repeat(255)}), WriteMode::Create).is_ok(),
        "length counts characters"
    );
}
