//! Changing records: an update of some fields, through the same pipeline for every object
//! (creating is in `create.rs`).

use pelagic_core::said::Reason;
use std::collections::{BTreeSet, HashMap};

use pelagic_core::input::{self, ColumnValues, WriteMode};
use pelagic_core::output::{Projection, RecordWriter};
use pelagic_core::plan::{self, Pred};
use pelagic_core::{ColType, CoreError, FieldErrors, Value};
use pelagic_store::records as rows;
use serde_json::Value as Json;

use super::{Record, RecordService, Target, id_is, no_such, refs};
use crate::history::{self, Change};
use crate::policy::{Operation, Policy};
use crate::{AppError, AppResult};

impl RecordService<'_> {
    /// Changes the given fields of a record.
    pub async fn update(&self, object: &str, id: &str, body: &Json) -> AppResult<Record> {
        let outcome = self.change(object, id, body, "update").await;
        self.app.counted_duplicate(self.actor, outcome).await
    }

    /// Changes fields, recording the change in the history under `action`.
    pub(super) async fn change(
        &self,
        object: &str,
        id: &str,
        body: &Json,
        action: &str,
    ) -> AppResult<Record> {
        let t = self.target(object).await?;
        let obj = &t.obj;
        let policy = t.policy(self.actor);
        policy.require(obj, Operation::Edit)?;
        let not_found = || no_such(obj, id);
        input::check_id(id).map_err(|_| not_found())?;
        let Json::Object(map) = body else {
            return Err(AppError::Invalid(
                "the body must be a JSON object of field values".into(),
            ));
        };

        let mut tx = self.app.db().begin().await?;
        let columns = obj.all_columns();
        let mut projection = Projection::default();
        for (c, ty) in &columns {
            projection.push(c, *ty);
        }
        let transfer = map.contains_key("owner_id");
        let mut reach = vec![policy.reachable(obj, Operation::Edit), id_is(id)];
        if transfer {
            // A change of owner also needs the record within the actor's transfer scope.
            reach.push(policy.scope(obj, Operation::Transfer));
        }
        let pred = Pred::And(reach);
        let row = rows::first_tx(&mut tx, &obj.table, &projection, &pred)
            .await?
            .ok_or_else(not_found)?;
        let mut values: HashMap<String, Value> = columns
            .iter()
            .map(|(c, _)| c.clone())
            .zip(row.iter().cloned())
            .collect();
        super::sales_docs::check_unlocked(obj, &values)?;

        // An amount given without a currency keeps the currency the record already has.
        let mut body = map.clone();
        for f in obj
            .fields
            .iter()
            .filter(|f| f.kind == pelagic_core::FieldKind::Money)
        {
            let key = format!("{}_currency", f.name);
            if body.contains_key(&f.name)
                && !body.contains_key(&key)
                && let Some(Value::Text(c)) = values.get(&format!("{}_currency", f.column))
            {
                body.insert(key, Json::String(c.clone()));
            }
        }
        let cols = self.parse(&t, &policy, &Json::Object(body), WriteMode::Update)?;
        if let Some((_, Value::Text(owner))) = cols.columns.iter().find(|(c, _)| c == "owner_id")
            && values.get("owner_id") != Some(&Value::Text(owner.clone()))
        {
            policy.require_owner_allowed(obj, Operation::Transfer, owner)?;
        }
        if let Some(f) = obj.field("assignee_id")
            && let Some((_, Value::Text(to))) = cols.columns.iter().find(|(c, _)| *c == f.column)
            && values.get(&f.column) != Some(&Value::Text(to.clone()))
        {
            policy.require_assignable(obj, Operation::Edit, to)?;
        }
        let missing = refs::check(
            self.app.db(),
            &t.snap.schema,
            &policy,
            obj,
            &[(String::new(), &cols)],
            &Default::default(),
        )
        .await?;
        if !missing.is_empty() {
            return Err(AppError::Validation(missing));
        }

        let now = self.app.now();
        let mut sets: Vec<(String, ColType, Value)> = Vec::new();
        let ty_of = |c: &str| {
            columns
                .iter()
                .find(|(n, _)| n == c)
                .map(|(_, t)| *t)
                .unwrap_or(ColType::Text)
        };
        let before = values.clone();
        for (c, v) in cols.columns {
            if values.get(&c) != Some(&v) {
                sets.push((c.clone(), ty_of(&c), v.clone()));
                values.insert(c, v);
            }
        }
        if sets
            .iter()
            .any(|(c, _, _)| c == "due_at" || c == "remind_before")
        {
            let get = |c: &str| values.get(c).cloned().unwrap_or(Value::Null);
            for (c, ty, v) in super::reminders::plan(obj, &get) {
                values.insert(c.clone(), v.clone());
                sets.push((c, ty, v));
            }
        }
        // An order's unhandled-reminder counts from its last change of status (the shipped
        // field: a custom field of that name is the administrator's own).
        let status = obj.field("status").map(|f| f.column.as_str());
        if let Some(stamp) = obj.field("status_changed_at").filter(|f| !f.custom)
            && sets.iter().any(|(c, _, _)| Some(c.as_str()) == status)
        {
            values.insert(stamp.column.clone(), Value::DateTime(now));
            sets.push((
                stamp.column.clone(),
                ColType::DateTime,
                Value::DateTime(now),
            ));
        }
        if !sets.is_empty() && super::sales_docs::applies(obj) {
            let mut completed = values.clone();
            super::sales_docs::complete(
                &mut tx,
                &t.snap.schema,
                obj,
                &mut completed,
                &t.snap.input.default_currency,
            )
            .await?;
            for (c, v) in completed {
                if values.get(&c) != Some(&v) {
                    sets.retain(|(x, _, _)| *x != c);
                    sets.push((c.clone(), ty_of(&c), v.clone()));
                    values.insert(c, v);
                }
            }
        }
        let mut stage_change = None;
        if obj.name == "opportunity" && sets.iter().any(|(c, _, _)| c == "stage") {
            let processes = self.app.processes().await?;
            let team = values
                .get("owner_id")
                .and_then(Value::as_str)
                .and_then(|o| t.snap.access.member(o))
                .and_then(|m| m.team_id.clone());
            let probability = obj
                .field("probability")
                .and_then(|f| before.get(&f.column).cloned())
                .unwrap_or(Value::Null);
            let was = super::stages::Before {
                stage: before
                    .get("stage")
                    .and_then(Value::as_str)
                    .map(str::to_owned),
                entered_at: before
                    .get("stage_entered_at")
                    .and_then(Value::as_datetime)
                    .or_else(|| before.get("created_at").and_then(Value::as_datetime)),
                furthest: before
                    .get("furthest_stage")
                    .and_then(Value::as_int)
                    .unwrap_or(0),
                probability,
            };
            let get = |c: &str| values.get(c).cloned().unwrap_or(Value::Null);
            if let Some(m) = super::stages::plan(
                obj,
                &processes,
                team.as_deref(),
                id,
                &get,
                &was,
                super::stages::Mover {
                    user: &self.actor.user_id,
                    now,
                },
            )? {
                for (c, ty, v) in m.sets {
                    sets.retain(|(x, _, _)| *x != c);
                    values.insert(c.clone(), v.clone());
                    sets.push((c, ty, v));
                }
                stage_change = Some(m.change);
            }
        }
        if sets
            .iter()
            .any(|(c, _, _)| c == "status" || c == "invalid_reason")
        {
            super::convert::check_lead_status(obj, &|c| {
                values.get(c).cloned().unwrap_or(Value::Null)
            })?;
        }
        let mut documents = BTreeSet::new();
        if let Some((link, _)) = super::figures::document_of(&obj.name) {
            documents = super::figures::documents_of_rows(
                &obj.name,
                [before.get(link), values.get(link)].into_iter().flatten(),
            );
        }
        if super::figures::is_document(&obj.name)
            && sets.iter().any(|(c, _, _)| {
                super::figures::DOCUMENT_INPUTS
                    .iter()
                    .any(|i| c.starts_with(i))
            })
        {
            documents.insert((obj.name.clone(), id.to_owned()));
        }
        if !sets.is_empty() {
            let everything = RecordWriter::new(obj.fields.iter(), &projection);
            let before = everything.write(&row);
            values.insert("updated_at".into(), Value::DateTime(now));
            sets.push(("updated_at".into(), ColType::DateTime, Value::DateTime(now)));
            let search = plan::search_text(obj, &|c| values.get(c).cloned());
            sets.push((
                "search_text".into(),
                ColType::Text,
                Value::text_or_null((!search.is_empty()).then_some(search)),
            ));
            let after_row: Vec<Value> = columns
                .iter()
                .map(|(c, _)| values.get(c).cloned().unwrap_or(Value::Null))
                .collect();
            let changes = Change {
                object: &obj.name,
                record_id: id,
                user_id: &self.actor.user_id,
                at: now,
            }
            .field_changes(obj, &before, &everything.write(&after_row), action);
            rows::update(&mut tx, &obj.table, &sets, &pred).await?;
            if let Some(change) = &stage_change {
                pelagic_store::processes::insert_changes(&mut tx, std::slice::from_ref(change))
                    .await?;
            }
            self.rekey(&t, &mut tx, id, &projection, &after_row).await?;
            history::append(&mut tx, &changes).await?;
            self.after_change(&mut tx, obj, &sets, &values).await?;
            super::figures::refresh(&mut tx, &t.snap.schema, &documents).await?;
            tx.commit().await?;
        }
        let row: Vec<Value> = columns
            .iter()
            .map(|(c, _)| values.get(c).cloned().unwrap_or(Value::Null))
            .collect();
        let fields = policy.visible_fields(obj);
        Ok(self.writer(&policy, obj, &fields, &projection).write(&row))
    }

    /// Reads a body against the metadata and refuses fields the actor may not write.
    pub(super) fn parse(
        &self,
        t: &Target,
        policy: &Policy<'_>,
        body: &Json,
        mode: WriteMode,
    ) -> AppResult<ColumnValues> {
        let Json::Object(map) = body else {
            return Err(AppError::Validation(FieldErrors::from([(
                "record".to_owned(),
                Reason::RecordNotObject.into(),
            )])));
        };
        let cols = input::parse_record(&t.obj, map, mode, &t.snap.input).map_err(AppError::from)?;
        for name in &cols.fields {
            let f = t.obj.field(name).expect("parsed fields exist");
            if !policy.field_access(&t.obj, f).writable() && map.contains_key(name) {
                return Err(CoreError::Forbidden(format!("you may not change '{name}'")).into());
            }
        }
        Ok(cols)
    }
}
