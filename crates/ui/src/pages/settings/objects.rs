//! An object and its fields in the settings: its names in each language, its fields, and a new
//! custom field (every object and a new one are in `object_list.rs`). What is added here shows in
//! forms, record pages, column choosers and filters at once, on every instance.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use pelagic_app::field_admin::ObjectChange;
use pelagic_app::meta_admin::NewField;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;

use super::value;
use crate::UiState;
use crate::i18n::{LANGUAGES, Tr};
use crate::page_error::PageResult;
use crate::pages::{Page, html};
use crate::viewer::{Admin, Viewer};

/// One field in an object's list.
struct FieldRow {
    name: String,
    label: String,
    kind: String,
    required: bool,
    custom: bool,
    editable: bool,
}

/// The names of an object (or field) in one language, for the per-language inputs.
pub struct LanguageLabels {
    pub code: &'static str,
    pub language: &'static str,
    pub label: String,
    pub plural: String,
}

/// What was typed into the new-field form.
#[derive(Default)]
struct NewFieldInput {
    name: String,
    label: String,
    kind: String,
    options: String,
    target: String,
    required: bool,
}

#[derive(Template)]
#[template(path = "settings/object.html")]
struct ObjectPage {
    page: Page,
    object: String,
    title: String,
    custom: bool,
    label: String,
    label_plural: String,
    languages: Vec<LanguageLabels>,
    fields: Vec<FieldRow>,
    /// (kind, its name in the viewer's language)
    kinds: Vec<(String, String)>,
    /// (object, label) that a lookup may point at.
    targets: Vec<(String, String)>,
    new_field: NewFieldInput,
    error: Option<String>,
    saved: bool,
}

/// The name of a field type in the viewer's language.
pub fn kind_label(tr: &Tr, kind: FieldKind) -> String {
    tr.t(&format!("kind-{}", kind.name()))
}

async fn draw_object(
    s: &UiState,
    v: &Viewer,
    object: &str,
    new_field: NewFieldInput,
    error: Option<String>,
    saved: bool,
) -> PageResult {
    let (snap, obj) = crate::pages::object_def(s, &v.tr, object).await?;
    let obj: &ObjectDef = &obj;
    let fields = obj
        .fields
        .iter()
        .filter(|f| f.name != "id")
        .map(|f| FieldRow {
            name: f.name.to_string(),
            label: v.tr.field(obj, f),
            kind: kind_label(&v.tr, f.kind),
            required: f.required,
            custom: f.custom,
            editable: !f.system && (f.custom || f.kind.has_options()),
        })
        .collect();
    let languages = LANGUAGES
        .iter()
        .map(|(code, language)| LanguageLabels {
            code,
            language,
            label: obj.labels.get(*code).cloned().unwrap_or_default(),
            plural: obj.plural_labels.get(*code).cloned().unwrap_or_default(),
        })
        .collect();
    let kinds = FieldKind::ALL
        .iter()
        .filter(|k| **k != FieldKind::Id)
        .map(|k| (k.name().to_owned(), kind_label(&v.tr, *k)))
        .collect();
    let targets = snap
        .schema
        .objects
        .values()
        .map(|o| (o.name.clone(), v.tr.object(o)))
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &ObjectPage {
            page,
            object: obj.name.clone(),
            title: v.tr.object_plural(obj),
            custom: obj.custom,
            label: obj.label.clone(),
            label_plural: obj.label_plural.clone(),
            languages,
            fields,
            kinds,
            targets,
            new_field,
            error,
            saved,
        },
    ))
}

pub async fn show(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(object): Path<String>,
) -> PageResult {
    draw_object(&s, &v, &object, NewFieldInput::default(), None, false).await
}

/// Renames a custom object, in its own words and in each language.
pub async fn rename(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(object): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let change = ObjectChange {
        label: Some(value(&pairs, "label")),
        label_plural: Some(value(&pairs, "label_plural")),
        labels: Some(super::per_language(&pairs, "label")),
        plural_labels: Some(super::per_language(&pairs, "plural")),
    };
    Ok(match s.app.update_object(&v.actor, &object, change).await {
        Ok(_) => draw_object(&s, &v, &object, NewFieldInput::default(), None, true).await?,
        Err(e) => {
            draw_object(
                &s,
                &v,
                &object,
                NewFieldInput::default(),
                Some(crate::errors::say(&v.tr, &e)),
                false,
            )
            .await?
        }
    })
}

/// Adds a custom field; options come one per line.
pub async fn add_field(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(object): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let entered = NewFieldInput {
        name: value(&pairs, "name"),
        label: value(&pairs, "label"),
        kind: value(&pairs, "type"),
        options: value(&pairs, "options"),
        target: value(&pairs, "target"),
        required: value(&pairs, "required") == "true",
    };
    let kind = FieldKind::parse(&entered.kind);
    let (options, option_labels) = if kind.is_some_and(FieldKind::has_options) {
        options_from_lines(&entered.options, v.tr.code)
    } else {
        Default::default()
    };
    // An API name is made from the label when none is given (and the label has Latin letters).
    let name = if entered.name.is_empty() {
        pelagic_core::ident::slug(&entered.label).unwrap_or_default()
    } else {
        entered.name.clone()
    };
    let labels = if v.tr.code == "en" {
        Default::default()
    } else {
        BTreeMap::from([(v.tr.code.to_owned(), entered.label.clone())])
    };
    let new = NewField {
        name: name.clone(),
        label: entered.label.clone(),
        kind: entered.kind.clone(),
        required: entered.required,
        options,
        target: Some(entered.target.clone()).filter(|_| kind == Some(FieldKind::Lookup)),
        searchable: Some(true),
        indexed: None,
        unique: false,
        max_length: None,
        scale: None,
        min: None,
        max: None,
        default: None,
        labels,
        option_labels,
    };
    Ok(match s.app.add_field(&v.actor, &object, new).await {
        Ok(_) => Redirect::to(&format!("/settings/objects/{object}/fields/{name}")).into_response(),
        Err(e) => {
            let said = crate::errors::say(&v.tr, &e);
            draw_object(&s, &v, &object, entered, Some(said), false).await?
        }
    })
}

/// Options typed one per line. A line that is already a value (`key_account`) is taken as it
/// is; any other line becomes a value made from it (or `option_N` when it has no Latin letters)
/// and is kept as that option's label in the administrator's language.
pub fn options_from_lines(
    text: &str,
    lang: &str,
) -> (Vec<String>, BTreeMap<String, BTreeMap<String, String>>) {
    let mut options: Vec<String> = Vec::new();
    let mut labels = BTreeMap::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty()) {
        if pelagic_core::ident::is_snake_ident(line) {
            options.push(line.to_owned());
            continue;
        }
        let mut value = pelagic_core::ident::slug(line)
            .unwrap_or_else(|| format!("option_{}", options.len() + 1));
        while options.contains(&value) {
            value = format!("{value}_{}", options.len() + 1);
        }
        labels.insert(
            value.clone(),
            BTreeMap::from([(lang.to_owned(), line.to_owned())]),
        );
        options.push(value);
    }
    (options, labels)
}

#[cfg(test)]
mod tests {
    use super::options_from_lines;

    #[test]
    fn typed_options_get_values_and_keep_what_was_typed_as_labels() {
        let (options, labels) = options_from_lines("key_account\nVIP Gold\n重点客户\n\n", "zh-CN");
        assert_eq!(options, vec!["key_account", "vip_gold", "option_3"]);
        assert_eq!(labels["option_3"]["zh-CN"], "重点客户");
        assert_eq!(labels["vip_gold"]["zh-CN"], "VIP Gold");
        assert!(!labels.contains_key("key_account"));
    }
}
