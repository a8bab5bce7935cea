//! Administrators adding fields and objects at run time: real columns and tables, planned and
//! applied with the metadata in one transaction, visible to every instance through the version.

use pelagic_core::said::{Reason, Said};
use std::sync::Arc;

use pelagic_core::behaviour::{self, Behaviour};

pub use crate::object_behaviour::NewBehaviour;
use crate::object_behaviour::{CATALOGUE, lines_of};
use pelagic_core::ident::check_new_name;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::{FieldDef, ObjectDef, check_field};
use pelagic_core::{CoreError, access::Actor};
use pelagic_store::{ddl, metadata};

use crate::policy::admin_only;
use crate::{App, AppResult};

/// A field an administrator asks for.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewField {
    pub name: String,
    pub label: String,
    #[serde(rename = "type")]
    pub kind: String,
    #[serde(default)]
    pub required: bool,
    #[serde(default)]
    pub options: Vec<String>,
    #[serde(default)]
    pub target: Option<String>,
    #[serde(default)]
    pub searchable: Option<bool>,
    #[serde(default)]
    pub indexed: Option<bool>,
    #[serde(default)]
    pub unique: bool,
    #[serde(default)]
    pub max_length: Option<usize>,
    #[serde(default)]
    pub scale: Option<u32>,
    /// The range of a number, percent or money field, in the units people write.
    #[serde(default)]
    pub min: Option<i64>,
    #[serde(default)]
    pub max: Option<i64>,
    #[serde(default)]
    pub default: Option<serde_json::Value>,
    /// The label in each language (`zh-CN` → "…").
    #[serde(default)]
    pub labels: std::collections::BTreeMap<String, String>,
    /// Option labels: option → language → label.
    #[serde(default)]
    pub option_labels:
        std::collections::BTreeMap<String, std::collections::BTreeMap<String, String>>,
}

/// An object an administrator asks for.
#[derive(Debug, Clone, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewObject {
    pub name: String,
    pub label: String,
    pub label_plural: String,
    /// The menu group its list appears in (see `MENU_GROUPS`); unset, under "more".
    #[serde(default)]
    pub menu: Option<String>,
    /// What its records do, by the engine's behaviours.
    #[serde(default)]
    pub behaviour: NewBehaviour,
}

impl App {
    /// Adds a custom field to an object. The field is usable in records, filters, sorts, search
    /// and the API description as soon as this returns.
    pub async fn add_field(
        &self,
        actor: &Actor,
        object: &str,
        new: NewField,
    ) -> AppResult<Arc<ObjectDef>> {
        admin_only(actor)?;
        check_new_name(&new.name)?;
        let kind = FieldKind::parse(&new.kind).ok_or_else(|| {
            let kinds: Vec<&str> = FieldKind::ALL.iter().map(|k| k.name()).collect();
            CoreError::field(
                "type",
                Said::new(Reason::NotAFieldType)
                    .with("value", &new.kind)
                    .with("types", kinds.join(", ")),
            )
        })?;
        let mut field = FieldDef::new(&new.name, new.label.trim(), kind);
        field.required = new.required;
        field.options = new.options;
        field.target = new.target;
        field.searchable = new.searchable.unwrap_or(false) && kind.searchable();
        field.indexed = new.indexed.unwrap_or(kind.indexed_by_default());
        field.unique = new.unique;
        field.custom = true;
        field.default = new.default;
        field.max_length = new.max_length;
        field.scale = new.scale;
        field.min = new.min;
        field.max = new.max;
        field.labels = crate::field_admin::check_labels("labels", &new.labels)?;
        for (option, by_lang) in &new.option_labels {
            if !field.options.contains(option) {
                return Err(CoreError::field(
                    "option_labels",
                    Said::new(Reason::NotAnOptionOf)
                        .with("value", option)
                        .with("field", &new.name),
                )
                .into());
            }
            let checked = crate::field_admin::check_labels("option_labels", by_lang)?;
            if !checked.is_empty() {
                field.option_labels.insert(option.clone(), checked);
            }
        }
        field.set_column(ObjectDef::column_for(&new.name, true));
        check_field(&field)?;
        if field.label.chars().count() > 100 {
            return Err(CoreError::field("label", Said::at_most_chars(100)).into());
        }
        if let Some(default) = &field.default {
            let ctx = self.snapshot().await?.input.clone();
            pelagic_core::input::field_columns(&field, default, None, &ctx)
                .map_err(|e| CoreError::field("default", e))?;
        }

        let mut tx = self.db().begin().await?;
        metadata::lock(&mut tx).await?;
        let schema = metadata::load_tx(&mut tx).await?;
        let old = schema.object(object)?.clone();
        if old.field(&field.name).is_some() {
            return Err(crate::AppError::from(
                Said::new(Reason::FieldExists)
                    .with("object", object)
                    .with("field", &field.name),
            ));
        }
        if let Some(target) = &field.target
            && !schema.objects.contains_key(target)
        {
            return Err(CoreError::field(
                "target",
                Said::new(Reason::NoSuchObject).with("object", target),
            )
            .into());
        }
        let mut new_def = (*old).clone();
        new_def.fields.push(field);
        ddl::apply(&mut tx, &ddl::plan(Some(&old), &new_def)).await?;
        metadata::save(&mut tx, &new_def, self.now()).await?;
        tx.commit().await?;
        let snap = self.meta.reload(self.db()).await?;
        Ok(snap.schema.object(object)?.clone())
    }

    /// Adds a custom object with a required, searchable `name` field.
    pub async fn add_object(&self, actor: &Actor, new: NewObject) -> AppResult<Arc<ObjectDef>> {
        admin_only(actor)?;
        check_new_name(&new.name)?;
        for (key, text) in [("label", &new.label), ("label_plural", &new.label_plural)] {
            if text.trim().is_empty() || text.chars().count() > 100 {
                return Err(CoreError::field(key, Said::length(1, 100)).into());
            }
        }
        let name_field = behaviour::name_field();
        let mut tx = self.db().begin().await?;
        metadata::lock(&mut tx).await?;
        let schema = metadata::load_tx(&mut tx).await?;
        if schema.objects.contains_key(&new.name) {
            return Err(crate::AppError::from(
                Said::new(Reason::ObjectExists).with("value", &new.name),
            ));
        }
        // A line says what it is in its description instead of a name.
        let mut fields = match new.behaviour.lines_of {
            Some(_) => Vec::new(),
            None => vec![name_field],
        };
        let mut behaviour = Behaviour::default();
        if let Some(pattern) = &new.behaviour.numbered {
            crate::records::check_pattern(pattern)
                .map_err(|said| CoreError::field("behaviour.numbered", said))?;
            fields.extend(behaviour::number_fields());
            behaviour.numbered = Some(pattern.clone());
        }
        let mut document = None;
        if let Some(parent) = &new.behaviour.lines_of {
            let (rolls_up, parent_def) = lines_of(&schema, &new.name, parent)?;
            let catalogue = schema.objects.contains_key(CATALOGUE).then_some(CATALOGUE);
            let mut line_fields = behaviour::line_fields(&rolls_up.link, parent, catalogue);
            // The link reads as the record it names: "Job", in each language.
            if let Some(link) = line_fields.iter_mut().find(|f| f.name == rolls_up.link) {
                link.label = parent_def.0.label.clone();
                link.labels = parent_def.0.labels.clone();
            }
            fields.extend(line_fields);
            behaviour.rolls_up_into = Some(rolls_up);
            document = Some(parent_def);
        }
        let def = ObjectDef {
            name: new.name.clone(),
            label: new.label.trim().to_owned(),
            label_plural: new.label_plural.trim().to_owned(),
            custom: true,
            labels: Default::default(),
            plural_labels: Default::default(),
            table: String::new(),
            title: new
                .behaviour
                .lines_of
                .as_ref()
                .map(|_| "description".to_owned()),
            fields,
            indexes: Vec::new(),
            menu: new.menu.clone(),
            key: vec![],
            open: None,
            behaviour,
        }
        .complete()?;
        ddl::apply(&mut tx, &ddl::plan(None, &def)).await?;
        metadata::save(&mut tx, &def, self.now()).await?;
        if let Some((old, new_parent)) = &document {
            ddl::apply(&mut tx, &ddl::plan(Some(old), new_parent)).await?;
            metadata::save(&mut tx, new_parent, self.now()).await?;
        }
        tx.commit().await?;
        let snap = self.meta.reload(self.db()).await?;
        Ok(snap.schema.object(&def.name)?.clone())
    }

    /// The company's name as given at the first run or since.
    pub async fn company_name(&self) -> AppResult<String> {
        Ok(metadata::setting(self.db(), "company_name")
            .await?
            .and_then(|v| v.as_str().map(str::to_owned))
            .unwrap_or_default())
    }

    /// What printed documents say of the company: its name, postal address and tax number.
    pub async fn company_profile(&self) -> AppResult<CompanyProfile> {
        let text = |v: Option<serde_json::Value>| {
            v.and_then(|v| v.as_str().map(str::to_owned))
                .unwrap_or_default()
        };
        Ok(CompanyProfile {
            name: self.company_name().await?,
            address: text(metadata::setting(self.db(), "company_address").await?),
            tax_number: text(metadata::setting(self.db(), "company_tax_number").await?),
        })
    }

    /// Every level named must be one of the account's levels, each with 0 to 3650 days.
    async fn check_stale_days(
        &self,
        levels: &std::collections::BTreeMap<String, i64>,
    ) -> AppResult<()> {
        let snap = self.snapshot().await?;
        let known = snap
            .schema
            .object("account")
            .ok()
            .and_then(|a| a.field("level"))
            .map(|f| f.options.clone())
            .unwrap_or_default();
        for (level, days) in levels {
            if !known.contains(level) {
                return Err(CoreError::field(
                    "stale_after_days",
                    Said::new(Reason::NotAnAccountLevel)
                        .with("value", level)
                        .with("levels", known.join(", ")),
                )
                .into());
            }
            if !(0..=3650).contains(days) {
                return Err(CoreError::field(
                    "stale_after_days",
                    Said::new(Reason::DaysOrNever).with("high", 3650),
                )
                .into());
            }
        }
        Ok(())
    }

    /// Changes the company's name, default phone region or currency, how long the recycle bin
    /// keeps deletions, the account capacity per salesperson, or when forgotten customers are
    /// reminded of.
    pub async fn set_defaults(&self, actor: &Actor, change: &SettingsChange) -> AppResult<()> {
        admin_only(actor)?;
        let region = change.default_region.as_deref();
        let currency = change.default_currency.as_deref();
        if let Some(days) = change.recycle_bin_days
            && !(1..=3650).contains(&days)
        {
            return Err(CoreError::field(
                "recycle_bin_days",
                Said::new(Reason::DaysRange)
                    .with("low", 1)
                    .with("high", 3650),
            )
            .into());
        }
        if let Some(r) = region
            && !pelagic_core::phone::is_region(r)
        {
            return Err(CoreError::field(
                "default_region",
                Said::new(Reason::NotACountry).with("value", r),
            )
            .into());
        }
        if let Some(c) = currency
            && !pelagic_core::money::is_currency_code(c)
        {
            return Err(CoreError::field(
                "default_currency",
                Said::new(Reason::NotACurrency).with("code", c),
            )
            .into());
        }
        if let Some(n) = change.account_capacity
            && !(0..=10_000_000).contains(&n)
        {
            return Err(CoreError::field("account_capacity", Reason::AccountCapacity).into());
        }
        if let Some(levels) = &change.stale_after_days {
            self.check_stale_days(levels).await?;
        }
        let company = change.company_name.as_deref().map(str::trim);
        if let Some(c) = company
            && (c.is_empty() || c.chars().count() > 200)
        {
            return Err(CoreError::field("company_name", Said::length(1, 200)).into());
        }
        let address = change.company_address.as_deref().map(str::trim);
        if address.is_some_and(|a| a.chars().count() > 500) {
            return Err(CoreError::field("company_address", Said::at_most_chars(500)).into());
        }
        let tax_number = change.company_tax_number.as_deref().map(str::trim);
        if tax_number.is_some_and(|n| n.chars().count() > 50) {
            return Err(CoreError::field("company_tax_number", Said::at_most_chars(50)).into());
        }
        let mut tx = self.db().begin().await?;
        metadata::lock(&mut tx).await?;
        if let Some(a) = address {
            metadata::set_setting(&mut tx, "company_address", &serde_json::json!(a)).await?;
        }
        if let Some(n) = tax_number {
            metadata::set_setting(&mut tx, "company_tax_number", &serde_json::json!(n)).await?;
        }
        if let Some(c) = company {
            metadata::set_setting(&mut tx, "company_name", &serde_json::json!(c)).await?;
        }
        if let Some(r) = region {
            metadata::set_setting(&mut tx, "default_region", &serde_json::json!(r)).await?;
        }
        if let Some(c) = currency {
            metadata::set_setting(&mut tx, "default_currency", &serde_json::json!(c)).await?;
        }
        if let Some(n) = change.account_capacity {
            metadata::set_setting(
                &mut tx,
                super::capacity::ACCOUNT_CAPACITY,
                &serde_json::json!(n),
            )
            .await?;
        }
        if let Some(levels) = &change.stale_after_days {
            metadata::set_setting(&mut tx, "stale_after_days", &serde_json::json!(levels)).await?;
        }
        if let Some(d) = change.recycle_bin_days {
            metadata::set_setting(&mut tx, "recycle_bin_days", &serde_json::json!(d)).await?;
        }
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(())
    }
}

/// Company settings an administrator changes; what is left out stays as it is.
#[derive(Debug, Clone, Default)]
pub struct SettingsChange {
    pub company_name: Option<String>,
    /// The postal address printed on documents (empty: none).
    pub company_address: Option<String>,
    /// The tax number printed on documents (empty: none).
    pub company_tax_number: Option<String>,
    pub default_region: Option<String>,
    pub default_currency: Option<String>,
    pub recycle_bin_days: Option<i64>,
    /// Accounts one salesperson may own in all (0: no cap).
    pub account_capacity: Option<i64>,
    /// Days without a follow-up after which an account of each level counts as forgotten and its
    /// owner is reminded (0: never).
    pub stale_after_days: Option<std::collections::BTreeMap<String, i64>>,
}

/// What printed documents say of the company.
#[derive(Debug, Clone, Default, serde::Serialize)]
pub struct CompanyProfile {
    pub name: String,
    pub address: String,
    pub tax_number: String,
}
