//! Writing records: create (one or a batch, in one transaction), update and delete, through the
//! same pipeline for every object.

use std::collections::HashMap;

use pelagic_core::dedupe::Key;
use pelagic_core::input::{self, ColumnValues, WriteMode};
use pelagic_core::output::{Projection, RecordWriter};
use pelagic_core::plan::{self, Pred};
use pelagic_core::{ColType, CoreError, FieldErrors, Value};
use pelagic_store::records as rows;
use serde_json::Value as Json;

use super::follow_ups;
use super::keys::refuse_twins;
use super::{MAX_BATCH, Record, RecordService, Target, id_is, no_such, refs};
use crate::duplicates::{self, OnTaken};
use crate::history::{self, Change};
use crate::policy::{Operation, Policy};
use crate::{AppError, AppResult};

impl RecordService<'_> {
    /// Creates one record.
    pub async fn create(&self, object: &str, body: &Json) -> AppResult<Record> {
        let mut created = self
            .create_records(object, std::slice::from_ref(body), "")
            .await?;
        Ok(created.remove(0))
    }

    /// Creates many records in one transaction: all of them, or none.
    pub async fn create_batch(&self, object: &str, bodies: &[Json]) -> AppResult<Vec<Record>> {
        if bodies.is_empty() || bodies.len() > MAX_BATCH {
            return Err(AppError::Invalid(format!(
                "a batch holds between 1 and {MAX_BATCH} records"
            )));
        }
        self.create_records(object, bodies, "records").await
    }

    async fn create_records(
        &self,
        object: &str,
        bodies: &[Json],
        list_name: &str,
    ) -> AppResult<Vec<Record>> {
        let t = self.target(object).await?;
        let obj = &t.obj;
        let policy = t.policy(self.actor);
        policy.require(obj, Operation::Create)?;
        let label = |i: usize| {
            if list_name.is_empty() {
                String::new()
            } else {
                format!("{list_name}[{i}].")
            }
        };

        let mut errors = FieldErrors::new();
        let mut parsed = Vec::with_capacity(bodies.len());
        for (i, body) in bodies.iter().enumerate() {
            match self.parse(&t, &policy, body, WriteMode::Create) {
                Ok(cols) => parsed.push((label(i), cols)),
                Err(AppError::Validation(fields)) => errors.extend(
                    fields
                        .into_iter()
                        .map(|(k, v)| (format!("{}{k}", label(i)), v)),
                ),
                Err(other) => return Err(other),
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        let refs_in: Vec<(String, &ColumnValues)> =
            parsed.iter().map(|(l, c)| (l.clone(), c)).collect();
        let missing = refs::check(self.app.db(), &t.snap.schema, &policy, obj, &refs_in).await?;
        if !missing.is_empty() {
            return Err(AppError::Validation(missing));
        }

        let now = self.app.now();
        let columns = obj.all_columns();
        let layout = Layout::new(&columns);
        let mut table_rows = Vec::with_capacity(parsed.len());
        for (_, cols) in parsed {
            let mut row = vec![Value::Null; columns.len()];
            for (c, v) in cols.columns {
                if let Some(i) = layout.position(&c) {
                    row[i] = v;
                }
            }
            layout.set(&mut row, "id", Value::Text(crate::ids::new_id()));
            if let Value::Text(owner) = layout.get(&row, "owner_id") {
                policy.require_owner_allowed(obj, Operation::Create, owner)?;
            } else {
                layout.set(
                    &mut row,
                    "owner_id",
                    Value::Text(self.actor.user_id.clone()),
                );
            }
            layout.set(&mut row, "created_at", Value::DateTime(now));
            layout.set(&mut row, "updated_at", Value::DateTime(now));
            layout.set(
                &mut row,
                "created_by",
                Value::Text(self.actor.user_id.clone()),
            );
            let search = plan::search_text(obj, &|c| Some(layout.get(&row, c).clone()));
            layout.set(
                &mut row,
                "search_text",
                Value::text_or_null((!search.is_empty()).then_some(search)),
            );
            table_rows.push(row);
        }
        let id_at = layout.position("id").unwrap_or(0);
        let created: Vec<_> = table_rows
            .iter()
            .map(|r| {
                Change {
                    object: &obj.name,
                    record_id: r[id_at].as_str().unwrap_or_default(),
                    user_id: &self.actor.user_id,
                    at: now,
                }
                .event("create")
            })
            .collect();
        let rules = t.snap.duplicates.of(&obj.name);
        let keyed: Vec<(String, Vec<Key>)> = table_rows
            .iter()
            .map(|r| {
                let id = r[id_at].as_str().unwrap_or_default().to_owned();
                (
                    id,
                    duplicates::keys_of_row(obj, rules, &layout.projection, r),
                )
            })
            .collect();
        refuse_twins(&keyed, list_name)?;
        let mut tx = self.app.db().begin().await?;
        rows::insert(&mut tx, &obj.table, &columns, &table_rows).await?;
        duplicates::claim(
            self.app.db(),
            &t.snap.schema,
            &mut tx,
            obj,
            &keyed,
            OnTaken::Refuse,
        )
        .await?;
        history::append(&mut tx, &created).await?;
        if obj.name == "activity" {
            let get = |r: &[Value], c: &str| layout.get(r, c).clone();
            let logged = follow_ups::logged(obj, &table_rows, &get, now);
            self.after_follow_ups(&mut tx, &t.snap.schema, &logged, now)
                .await?;
        }
        tx.commit().await?;
        let fields = policy.visible_fields(obj);
        let writer = self.writer(&policy, obj, &fields, &layout.projection);
        Ok(table_rows.iter().map(|r| writer.write(r)).collect())
    }

    /// Changes the given fields of a record.
    pub async fn update(&self, object: &str, id: &str, body: &Json) -> AppResult<Record> {
        self.change(object, id, body, "update").await
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
        let missing = refs::check(
            self.app.db(),
            &t.snap.schema,
            &policy,
            obj,
            &[(String::new(), &cols)],
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
        for (c, v) in cols.columns {
            if values.get(&c) != Some(&v) {
                sets.push((c.clone(), ty_of(&c), v.clone()));
                values.insert(c, v);
            }
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
            self.rekey(&t, &mut tx, id, &projection, &after_row).await?;
            history::append(&mut tx, &changes).await?;
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
    fn parse(
        &self,
        t: &Target,
        policy: &Policy<'_>,
        body: &Json,
        mode: WriteMode,
    ) -> AppResult<ColumnValues> {
        let Json::Object(map) = body else {
            return Err(AppError::Validation(FieldErrors::from([(
                "record".to_owned(),
                "must be a JSON object of field values".to_owned(),
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

/// Where each column of an object's table sits in a row, worked out once per request.
struct Layout {
    projection: Projection,
}

impl Layout {
    fn new(columns: &[(String, ColType)]) -> Self {
        let mut projection = Projection::default();
        for (c, ty) in columns {
            projection.push(c, *ty);
        }
        Layout { projection }
    }

    fn position(&self, column: &str) -> Option<usize> {
        self.projection.position(column)
    }

    fn get<'r>(&self, row: &'r [Value], column: &str) -> &'r Value {
        self.projection.get(row, column)
    }

    fn set(&self, row: &mut [Value], column: &str, value: Value) {
        if let Some(i) = self.position(column) {
            row[i] = value;
        }
    }
}
