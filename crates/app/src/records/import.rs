//! Importing a file's rows into an object: each row read by the core's import readers into the
//! body a client would send, then created through the record service as the importer, so every
//! check and consequence a typed-in record gets applies (permissions, history, duplicate keys,
//! pools, roll-ups). A row whose customer another record already holds is skipped with that
//! record and its owner named, updated (its mapped, non-empty fields, if the importer may edit
//! it) or refused as the import asked; a row that cannot be written is kept with its reason.

use std::collections::HashMap;
use std::str::FromStr;

use pelagic_core::FieldKind;
use pelagic_core::filter::{Filter, Op};
use pelagic_core::ids::{FieldName, RecordId};
use pelagic_core::import::table::Table;
use pelagic_core::import::values::{self, OptionLabels, Reading};
use pelagic_core::meta::{FieldDef, ObjectDef};
use serde_json::{Map, Value as Json};

use super::{ListRequest, RecordService};
use crate::{AppError, AppResult};

/// What to do with a row whose customer another record already holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum OnDuplicate {
    /// Leave the existing record as it is; report the row with that record and its owner.
    Skip,
    /// Write the row's mapped, non-empty values into the existing record.
    Update,
    /// Create the row anyway, where the duplicate rules allow it.
    Create,
}

impl FromStr for OnDuplicate {
    type Err = AppError;
    fn from_str(s: &str) -> Result<Self, AppError> {
        match s {
            "skip" => Ok(OnDuplicate::Skip),
            "update" => Ok(OnDuplicate::Update),
            "create" => Ok(OnDuplicate::Create),
            _ => Err(AppError::Invalid(format!(
                "'{s}' is not a duplicate choice: skip, update or create"
            ))),
        }
    }
}

/// An import's choices: the object, which field each column fills, and how to read the cells.
pub struct ImportPlan<'a> {
    pub object: &'a str,
    /// The field each column of the file fills, or none for a column left out.
    pub mapping: Vec<Option<FieldName>>,
    pub on_duplicate: OnDuplicate,
    pub reading: Reading,
    /// Each select field's options with their labels in every language.
    pub options: &'a HashMap<FieldName, Vec<(String, Vec<String>)>>,
}

/// A row not written as a new record: its line in the file, its cells and why.
#[derive(Debug, Clone, PartialEq)]
pub struct KeptRow {
    pub line: usize,
    pub cells: Vec<String>,
    pub reason: String,
}

/// What an import did with every row.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ImportOutcome {
    pub created: u64,
    pub updated: u64,
    pub skipped: Vec<KeptRow>,
    pub failed: Vec<KeptRow>,
}

impl RecordService<'_> {
    /// Imports `table`'s rows into the plan's object, one row at a time.
    pub async fn import(&self, plan: &ImportPlan<'_>, table: &Table) -> AppResult<ImportOutcome> {
        let obj = self.checked_mapping(plan).await?;
        let users = pelagic_store::users::all_users(self.app.db()).await?;
        let mut out = ImportOutcome::default();
        for (i, cells) in table.rows.iter().enumerate() {
            // The header is line 1.
            let line = i + 2;
            let keep = |reason: String| KeptRow {
                line,
                cells: cells.clone(),
                reason,
            };
            let body = match self.row_body(&obj, plan, cells, &users).await {
                Ok(b) => b,
                Err(e) => {
                    out.failed.push(keep(e.to_string()));
                    continue;
                }
            };
            match self.import_row(plan, body).await {
                Ok(Imported::Created) => out.created += 1,
                Ok(Imported::Updated) => out.updated += 1,
                Ok(Imported::Skipped(why)) => out.skipped.push(keep(why)),
                Err(e) if row_refusal(&e) => out.failed.push(keep(e.to_string())),
                Err(e) => return Err(e),
            }
        }
        Ok(out)
    }

    /// The object, once every mapped field is one the importer may write.
    async fn checked_mapping(&self, plan: &ImportPlan<'_>) -> AppResult<std::sync::Arc<ObjectDef>> {
        let t = self.target(plan.object).await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, crate::policy::Operation::Create)?;
        for name in plan.mapping.iter().flatten() {
            let f = t.obj.field(name).ok_or_else(|| {
                AppError::Invalid(format!("{} has no field '{name}'", plan.object))
            })?;
            if f.system && f.name != "owner_id" || !policy.field_access(&t.obj, f).writable() {
                return Err(AppError::Forbidden(format!(
                    "you may not import into '{name}'"
                )));
            }
        }
        Ok(t.obj)
    }

    /// One row as the body a client would send.
    async fn row_body(
        &self,
        obj: &ObjectDef,
        plan: &ImportPlan<'_>,
        cells: &[String],
        users: &[pelagic_store::users::UserRow],
    ) -> AppResult<Map<String, Json>> {
        let mut body = Map::new();
        let none: &OptionLabels = &[];
        for (column, name) in plan.mapping.iter().enumerate() {
            let (Some(name), Some(text)) = (name, cells.get(column)) else {
                continue;
            };
            let Some(f) = obj.field(name) else { continue };
            let options = plan.options.get(name).map_or(none, Vec::as_slice);
            let read = values::cell(f, text, &plan.reading, options)
                .map_err(|said| AppError::from(said.on(&f.name)))?;
            for (key, value) in read {
                let value = match (f.kind, value) {
                    (FieldKind::User, Json::String(who)) => Json::String(user_named(users, &who)?),
                    (FieldKind::Lookup, Json::String(title)) => {
                        Json::String(self.record_named(f, &title).await?)
                    }
                    (_, v) => v,
                };
                body.insert(key, value);
            }
        }
        Ok(body)
    }

    /// The id of the record a lookup cell names: by its id, or by its title when exactly one
    /// record the importer may read has it.
    async fn record_named(&self, f: &FieldDef, text: &str) -> AppResult<String> {
        let target = f.target.as_deref().unwrap_or_default();
        if let Ok(id) = RecordId::parse(text)
            && self.get(target, &id).await.is_ok()
        {
            return Ok(id.to_string());
        }
        let snap = self.app.snapshot().await?;
        let title = snap
            .schema
            .object(target)?
            .title_field()
            .map(|t| t.name.to_string());
        let missing = || AppError::Invalid(format!("no {target} is named '{text}'"));
        let Some(title) = title else {
            return Err(missing());
        };
        let req = ListRequest {
            filter: Some(Filter::Cond {
                field: title,
                op: Op::Eq,
                value: Json::String(text.to_owned()),
            }),
            limit: Some(2),
            ..ListRequest::default()
        };
        let found = self.list(target, &req).await?.data;
        match found.as_slice() {
            [one] => Ok(one
                .get("id")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned()),
            [] => Err(missing()),
            _ => Err(AppError::Invalid(format!(
                "more than one {target} is named '{text}'; give its id"
            ))),
        }
    }

    /// Creates one row, or deals with its duplicate as the plan asks.
    async fn import_row(
        &self,
        plan: &ImportPlan<'_>,
        body: Map<String, Json>,
    ) -> AppResult<Imported> {
        let body = Json::Object(body);
        let held = match self.create(plan.object, &body).await {
            Ok(_) => return Ok(Imported::Created),
            Err(AppError::Duplicate(d)) => d,
            Err(e) => return Err(e),
        };
        match plan.on_duplicate {
            OnDuplicate::Skip => Ok(Imported::Skipped(held.message)),
            OnDuplicate::Create => Err(AppError::Duplicate(held)),
            OnDuplicate::Update if held.object != plan.object => Err(AppError::Duplicate(held)),
            OnDuplicate::Update => {
                let id = RecordId::stored(held.existing_id.clone());
                self.change(plan.object, &id, &body, "import").await?;
                Ok(Imported::Updated)
            }
        }
    }
}

/// What became of one row.
enum Imported {
    Created,
    Updated,
    Skipped(String),
}

/// A refusal of one row (it is reported and the import goes on), as against a failure that
/// stops the import (the database gone, the importer's session over).
fn row_refusal(e: &AppError) -> bool {
    matches!(
        e,
        AppError::Validation(_)
            | AppError::Invalid(_)
            | AppError::NotFound(_)
            | AppError::Forbidden(_)
            | AppError::Duplicate(_)
            | AppError::Said(_)
            | AppError::Refused(_)
            | AppError::Conflict(_)
    )
}

/// The id of the active user a cell names by email or by name.
fn user_named(users: &[pelagic_store::users::UserRow], text: &str) -> AppResult<String> {
    let t = text.trim();
    users
        .iter()
        .filter(|u| u.active)
        .find(|u| u.email.eq_ignore_ascii_case(t) || u.name == t || u.id == t)
        .map(|u| u.id.clone())
        .ok_or_else(|| AppError::Invalid(format!("no active user is '{t}'")))
}
