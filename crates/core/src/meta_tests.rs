//! Tests of object and field definitions.

use super::*;

fn field(name: &str, kind: FieldKind) -> FieldDef {
    let mut f = FieldDef::builtin(name, "Label", kind, false);
    f.set_column(ColumnName::default());
    f
}

#[test]
fn completing_an_object_adds_builtin_fields_and_prefixes_custom_columns() {
    let mut wechat = field("wechat_id", FieldKind::Text);
    wechat.system = false;
    wechat.custom = true;
    let obj = ObjectDef {
        name: "contact".into(),
        label: "Contact".into(),
        label_plural: "Contacts".into(),
        custom: false,
        labels: Default::default(),
        plural_labels: Default::default(),
        table: String::new(),
        title: None,
        fields: vec![wechat],
        indexes: Vec::new(),
        menu: None,
        key: vec![],
        open: None,
        behaviour: Default::default(),
    }
    .complete()
    .unwrap();
    assert_eq!(obj.table, "obj_contact");
    assert_eq!(obj.field("owner_id").unwrap().kind, FieldKind::User);
    assert_eq!(obj.field("wechat_id").unwrap().column, "cf_wechat_id");
    let cols: Vec<String> = obj.all_columns().into_iter().map(|c| c.0.into()).collect();
    assert!(cols.contains(&"cf_wechat_id_fold".to_owned()));
    assert!(cols.contains(&"search_text".to_owned()));
}

#[test]
fn a_select_without_options_is_refused() {
    let f = field("stage", FieldKind::Select);
    assert!(matches!(check_field(&f), Err(CoreError::Validation(m)) if m.contains_key("options")));
}
