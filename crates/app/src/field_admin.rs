//! Administrators renaming fields and objects (in every language) and arranging select options.
//! Nothing here changes a column: labels and options live in the metadata, so a change is one
//! metadata write that every instance picks up through the version.

use pelagic_core::said::{Reason, Said};
use std::collections::BTreeMap;
use std::sync::Arc;

use pelagic_core::CoreError;
use pelagic_core::access::Actor;
use pelagic_core::filter::Filter;
use pelagic_core::meta::{FieldDef, ObjectDef, check_field};
use pelagic_core::plan::{self, PlanContext};
use pelagic_store::{metadata, records as rows};

use crate::policy::admin_only;
use crate::setup::LANGUAGES;
use crate::{App, AppError, AppResult};

/// What an administrator changes on a field; what is left out stays as it is.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldChange {
    /// The label (custom fields; standard ones are translated by Pelagic).
    pub label: Option<String>,
    /// Labels per language, replacing the ones there were (custom fields).
    pub labels: Option<BTreeMap<String, String>>,
    /// Every option in display order. Options added are new values; an option may be left out
    /// only if it is custom and no record, live or in the recycle bin, uses it.
    pub options: Option<Vec<String>>,
    /// Option labels per language: option → language → label, replacing the ones there were.
    pub option_labels: Option<BTreeMap<String, BTreeMap<String, String>>>,
    /// Required on create and edit (custom fields).
    pub required: Option<bool>,
    /// Where a lead field's value goes on conversion: `account.<field>`, `contact.<field>`,
    /// `opportunity.<field>` (custom lead fields).
    pub convert_to: Option<Vec<String>>,
}

/// What an administrator changes on an object's names.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectChange {
    pub label: Option<String>,
    pub label_plural: Option<String>,
    pub labels: Option<BTreeMap<String, String>>,
    pub plural_labels: Option<BTreeMap<String, String>>,
}

/// Longest label, in characters.
const MAX_LABEL: usize = 100;

fn check_label(key: &str, text: &str) -> AppResult<String> {
    let text = text.trim();
    if text.is_empty() || text.chars().count() > MAX_LABEL {
        return Err(CoreError::field(key, Said::length(1, MAX_LABEL)).into());
    }
    Ok(text.to_owned())
}

/// Labels per language: known languages only, empty ones dropped.
pub(crate) fn check_labels(
    key: &str,
    labels: &BTreeMap<String, String>,
) -> AppResult<BTreeMap<String, String>> {
    let mut out = BTreeMap::new();
    for (lang, text) in labels {
        if !LANGUAGES.contains(&lang.as_str()) {
            return Err(CoreError::field(
                key,
                Said::new(Reason::NotALanguage)
                    .with("value", lang)
                    .with("languages", LANGUAGES.join(", ")),
            )
            .into());
        }
        if !text.trim().is_empty() {
            out.insert(lang.clone(), check_label(key, text)?);
        }
    }
    Ok(out)
}

impl App {
    /// Changes a field's labels, options or whether it is required.
    pub async fn update_field(
        &self,
        actor: &Actor,
        object: &str,
        field: &str,
        change: FieldChange,
    ) -> AppResult<Arc<ObjectDef>> {
        admin_only(actor)?;
        let mut tx = self.db().begin().await?;
        metadata::lock(&mut tx).await?;
        let schema = metadata::load_tx(&mut tx).await?;
        let old = schema.object(object)?.clone();
        let Some(current) = old.field(field) else {
            return Err(AppError::NotFound(format!(
                "{object} has no field '{field}'"
            )));
        };
        if current.system {
            return Err(crate::AppError::from(
                Said::new(Reason::FieldKept).with("field", field),
            ));
        }
        let mut f = current.clone();
        let custom_only = |what: &str| -> AppResult<()> {
            if f.custom {
                Ok(())
            } else {
                Err(CoreError::field(what, Reason::OnlyCustomFields).into())
            }
        };
        if let Some(label) = &change.label {
            custom_only("label")?;
            f.label = check_label("label", label)?;
        }
        if let Some(labels) = &change.labels {
            custom_only("labels")?;
            f.labels = check_labels("labels", labels)?;
        }
        if let Some(required) = change.required {
            custom_only("required")?;
            f.required = required;
        }
        if let Some(targets) = &change.convert_to {
            custom_only("convert_to")?;
            f.convert_to = crate::records::check_conversion_targets(&schema, &old, &f, targets)?;
        }
        if let Some(options) = &change.options {
            let removed: Vec<String> = f
                .options
                .iter()
                .filter(|o| !options.contains(o))
                .cloned()
                .collect();
            self.check_removable(&old, &f, &removed).await?;
            let mut seen = Vec::new();
            for o in options {
                if seen.contains(o) {
                    return Err(CoreError::field(
                        "options",
                        Said::new(Reason::ListedTwice).with("value", o),
                    )
                    .into());
                }
                seen.push(o.clone());
            }
            f.options = seen;
        }
        if let Some(labels) = &change.option_labels {
            let mut out = BTreeMap::new();
            for (option, by_lang) in labels {
                if !f.options.contains(option) {
                    return Err(CoreError::field(
                        "option_labels",
                        Said::new(Reason::NotAnOptionOf)
                            .with("value", option)
                            .with("field", field),
                    )
                    .into());
                }
                let checked = check_labels("option_labels", by_lang)?;
                if !checked.is_empty() {
                    out.insert(option.clone(), checked);
                }
            }
            f.option_labels = out;
        }
        f.option_labels.retain(|o, _| f.options.contains(o));
        check_field(&f)?;
        let mut new_def = (*old).clone();
        if let Some(slot) = new_def.fields.iter_mut().find(|x| x.name == field) {
            *slot = f;
        }
        metadata::save(&mut tx, &new_def, self.now()).await?;
        tx.commit().await?;
        let snap = self.meta.reload(self.db()).await?;
        Ok(snap.schema.object(object)?.clone())
    }

    /// Refuses to drop options that Pelagic ships or that records still hold.
    async fn check_removable(
        &self,
        obj: &ObjectDef,
        f: &FieldDef,
        removed: &[String],
    ) -> AppResult<()> {
        if removed.is_empty() {
            return Ok(());
        }
        if !f.custom
            && let Some(shipped) = crate::standard::definitions()?
                .into_iter()
                .find(|d| d.name == obj.name)
                .and_then(|d| d.field(&f.name).cloned())
            && let Some(o) = removed.iter().find(|o| shipped.options.contains(o))
        {
            return Err(CoreError::field(
                "options",
                Said::new(Reason::ShippedOptionStays).with("value", o),
            )
            .into());
        }
        let snap = self.snapshot().await?;
        let filter =
            Filter::from_json(&serde_json::json!({"field": f.name, "op": "in", "value": removed}))?;
        let ctx = PlanContext {
            input: snap.input.clone(),
            today: self.now().date_naive(),
            tz: pelagic_core::period::zone("UTC"),
        };
        let pred = plan::plan_filter(obj, &filter, &|_| true, &ctx)?;
        let used = rows::count(self.db(), &obj.table, &pred).await?;
        if used > 0 {
            return Err(crate::AppError::from(
                Said::new(Reason::OptionsStillUsed)
                    .with("count", used)
                    .with("options", removed.join(", ")),
            ));
        }
        Ok(())
    }

    /// Renames an object, in the administrator's language or in any of Pelagic's.
    pub async fn update_object(
        &self,
        actor: &Actor,
        object: &str,
        change: ObjectChange,
    ) -> AppResult<Arc<ObjectDef>> {
        admin_only(actor)?;
        let mut tx = self.db().begin().await?;
        metadata::lock(&mut tx).await?;
        let schema = metadata::load_tx(&mut tx).await?;
        let mut def = (**schema.object(object)?).clone();
        let custom_only = |what: &str| -> AppResult<()> {
            if def.custom {
                Ok(())
            } else {
                Err(CoreError::field(what, Reason::OwnObjectsNamed).into())
            }
        };
        if let Some(label) = &change.label {
            custom_only("label")?;
            def.label = check_label("label", label)?;
        }
        if let Some(label) = &change.label_plural {
            custom_only("label_plural")?;
            def.label_plural = check_label("label_plural", label)?;
        }
        if let Some(labels) = &change.labels {
            custom_only("labels")?;
            def.labels = check_labels("labels", labels)?;
        }
        if let Some(labels) = &change.plural_labels {
            custom_only("plural_labels")?;
            def.plural_labels = check_labels("plural_labels", labels)?;
        }
        metadata::save(&mut tx, &def, self.now()).await?;
        tx.commit().await?;
        let snap = self.meta.reload(self.db()).await?;
        Ok(snap.schema.object(object)?.clone())
    }
}
