//! One field in the settings: its label in each language, whether it is required (custom
//! fields), and its options with their labels, order and removal (selects).

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use pelagic_app::field_admin::FieldChange;

use super::objects::{LanguageLabels, kind_label, options_from_lines};
use super::value;
use crate::UiState;
use crate::i18n::LANGUAGES;
use crate::page_error::PageResult;
use crate::pages::{Page, failure, html};
use crate::viewer::{Admin, Viewer};

/// One option and its labels.
struct OptionRow {
    value: String,
    /// The option as the viewer reads it now.
    shown: String,
    position: usize,
    /// (language code, language, label)
    labels: Vec<(&'static str, &'static str, String)>,
}

#[derive(Template)]
#[template(path = "settings/field.html")]
struct FieldPage {
    page: Page,
    object: String,
    object_label: String,
    field: String,
    title: String,
    kind: String,
    custom: bool,
    label: String,
    required: bool,
    languages: Vec<LanguageLabels>,
    has_options: bool,
    options: Vec<OptionRow>,
    error: Option<String>,
    saved: bool,
}

async fn draw(
    s: &UiState,
    v: &Viewer,
    object: &str,
    field: &str,
    error: Option<String>,
    saved: bool,
) -> PageResult {
    let (_, obj) = crate::pages::object_def(s, &v.tr, object).await?;
    let obj = obj.as_ref();
    let Some(f) = obj.field(field).filter(|f| !f.system) else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound(field.to_owned()),
        ));
    };
    let options = f
        .options
        .iter()
        .enumerate()
        .map(|(i, o)| OptionRow {
            value: o.clone(),
            shown: v.tr.option(obj, f, o),
            position: i + 1,
            labels: LANGUAGES
                .iter()
                .map(|(code, language)| {
                    let label = f
                        .option_labels
                        .get(o)
                        .and_then(|l| l.get(*code))
                        .cloned()
                        .unwrap_or_default();
                    (*code, *language, label)
                })
                .collect(),
        })
        .collect();
    let languages = LANGUAGES
        .iter()
        .map(|(code, language)| LanguageLabels {
            code,
            language,
            label: f.labels.get(*code).cloned().unwrap_or_default(),
            plural: String::new(),
        })
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &FieldPage {
            page,
            object: object.to_owned(),
            object_label: v.tr.object_plural(obj),
            field: field.to_owned(),
            title: v.tr.field(obj, f),
            kind: kind_label(&v.tr, f.kind),
            custom: f.custom,
            label: f.label.clone(),
            required: f.required,
            languages,
            has_options: f.kind.has_options(),
            options,
            error,
            saved,
        },
    ))
}

pub async fn show(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path((object, field)): Path<(String, String)>,
) -> PageResult {
    draw(&s, &v, &object, &field, None, false).await
}

/// Saves the field: labels (custom fields), and options in the order of their positions, without
/// the ones unticked, with new ones typed at the end.
pub async fn save(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path((object, field)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let (_, obj) = crate::pages::object_def(&s, &v.tr, &object).await?;
    let Some(f) = obj.field(&field).cloned() else {
        return Ok(failure(&v.tr, pelagic_app::AppError::NotFound(field)));
    };
    let mut change = FieldChange::default();
    if f.custom {
        change.label = Some(value(&pairs, "label"));
        change.required = Some(value(&pairs, "required") == "true");
        change.labels = Some(super::per_language(&pairs, "label"));
    }
    if f.kind.has_options() {
        let kept = super::values(&pairs, "keep");
        let mut ordered: Vec<(f64, String)> = f
            .options
            .iter()
            .enumerate()
            .filter(|(_, o)| kept.contains(o))
            .map(|(i, o)| {
                let position = value(&pairs, &format!("pos.{o}"))
                    .parse::<f64>()
                    .unwrap_or((i + 1) as f64);
                (position, o.clone())
            })
            .collect();
        ordered.sort_by(|a, b| a.0.total_cmp(&b.0));
        let mut options: Vec<String> = ordered.into_iter().map(|(_, o)| o).collect();
        let mut labels: BTreeMap<String, BTreeMap<String, String>> = options
            .iter()
            .map(|o| {
                let mut by_lang = super::per_language(&pairs, &format!("ol.{o}"));
                by_lang.retain(|_, l| !l.is_empty());
                (o.clone(), by_lang)
            })
            .collect();
        let (added, added_labels) = options_from_lines(&value(&pairs, "new_options"), v.tr.code);
        for o in added {
            if !options.contains(&o) {
                options.push(o);
            }
        }
        labels.extend(added_labels);
        change.options = Some(options);
        change.option_labels = Some(labels);
    }
    Ok(
        match s.app.update_field(&v.actor, &object, &field, change).await {
            Ok(_) => draw(&s, &v, &object, &field, None, true).await?,
            Err(e) => {
                draw(
                    &s,
                    &v,
                    &object,
                    &field,
                    Some(crate::errors::say(&v.tr, &e)),
                    false,
                )
                .await?
            }
        },
    )
}
