//! Creating records, one or a batch, in one transaction, through the same pipeline for every
//! object. Preparing (checks, ids, keys) is apart from writing, so that a use case creating
//! records of several objects (a lead's conversion) writes them all in one transaction.

use std::collections::BTreeSet;

use pelagic_core::dedupe::Key;
use pelagic_core::input::{ColumnValues, WriteMode};
use pelagic_core::output::Projection;
use pelagic_core::plan;
use pelagic_core::{ColType, FieldErrors, Value};
use pelagic_store::Tx;
use pelagic_store::records as rows;
use serde_json::Value as Json;

use super::keys::refuse_twins;
use super::{MAX_BATCH, Record, RecordService, Target, refs};
use super::{figures, follow_ups};
use crate::duplicates::{self, OnTaken};
use crate::history::{self, Change};
use crate::policy::Operation;
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
        let outcome = self.create_unchecked(object, bodies, list_name).await;
        self.app.counted_duplicate(self.actor, outcome).await
    }

    async fn create_unchecked(
        &self,
        object: &str,
        bodies: &[Json],
        list_name: &str,
    ) -> AppResult<Vec<Record>> {
        let prepared = self
            .prepare_create(object, bodies, list_name, &BTreeSet::new())
            .await?;
        let mut plans = self.revisit_plans(&prepared, bodies).await?;
        let mut tx = self.app.db().begin().await?;
        let mut prepared = prepared;
        self.insert_prepared(&mut tx, &mut prepared).await?;
        if let Some(tasks) = plans.as_mut() {
            self.insert_prepared(&mut tx, tasks).await?;
        }
        tx.commit().await?;
        if prepared.approvals_started {
            self.app.meta.reload(self.app.db()).await?;
        }
        Ok(self.created(&prepared))
    }

    /// The tasks new follow-ups plan (see `plans`), when the actor may create tasks; a plan
    /// that cannot become a task never stops the follow-up being logged.
    async fn revisit_plans(&self, p: &Prepared, bodies: &[Json]) -> AppResult<Option<Prepared>> {
        if p.t.obj.name != "activity" || p.t.snap.schema.object("task").is_err() {
            return Ok(None);
        }
        let tasks = super::plans::planned_tasks(bodies, &self.actor.locale);
        if tasks.is_empty() {
            return Ok(None);
        }
        match self
            .prepare_create("task", &tasks, "", &BTreeSet::new())
            .await
        {
            Ok(prepared) => Ok(Some(prepared)),
            Err(e) if e.is_forbidden() || matches!(e, AppError::Validation(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }

    /// Everything about new records that can be checked before writing: permissions, values,
    /// references (`pending` are ids created in the same transaction, which lookups may name),
    /// ids, owners, timestamps and duplicate keys.
    pub(super) async fn prepare_create(
        &self,
        object: &str,
        bodies: &[Json],
        list_name: &str,
        pending: &BTreeSet<String>,
    ) -> AppResult<Prepared> {
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

        let (bodies, entries) = self.pool_entries(obj, bodies, list_name).await?;
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
        let missing = refs::check(
            self.app.db(),
            &t.snap.schema,
            &policy,
            obj,
            &refs_in,
            pending,
        )
        .await?;
        if !missing.is_empty() {
            return Err(AppError::Validation(missing));
        }

        let now = self.app.now();
        let columns = obj.all_columns();
        let layout = Layout::new(&columns);
        let processes = if obj.name == "opportunity" {
            self.app.processes().await?
        } else {
            Vec::new()
        };
        let mut stage_changes = Vec::new();
        let mut table_rows = Vec::with_capacity(parsed.len());
        for ((label, cols), pool) in parsed.into_iter().zip(&entries.0) {
            let mut row = vec![Value::Null; columns.len()];
            for (c, v) in cols.columns {
                if let Some(i) = layout.position(&c) {
                    row[i] = v;
                }
            }
            layout.set(&mut row, "id", Value::Text(crate::ids::new_id()));
            if let (Some(pool), Some(f)) = (pool, obj.field("pool_id")) {
                for (c, _, v) in f.text_sets(Some(&pool.row.id)) {
                    layout.set(&mut row, &c, v);
                }
            }
            if let Value::Text(owner) = layout.get(&row, "owner_id") {
                policy.require_owner_allowed(obj, Operation::Create, owner)?;
            } else if pool.is_none() {
                // Without an owner a record named into a pool waits in it; any other is the
                // creator's.
                layout.set(
                    &mut row,
                    "owner_id",
                    Value::Text(self.actor.user_id.clone()),
                );
            }
            if let Some(f) = obj.field("assignee_id")
                && let Value::Text(to) = layout.get(&row, &f.column)
            {
                policy.require_assignable(obj, Operation::Create, to)?;
            }
            super::convert::check_lead_status(obj, &|c| layout.get(&row, c).clone())
                .map_err(|e| super::labelled(&label, e))?;
            for (c, _, v) in super::reminders::plan(obj, &|c| layout.get(&row, c).clone()) {
                layout.set(&mut row, &c, v);
            }
            if !processes.is_empty() {
                let team = layout
                    .get(&row, "owner_id")
                    .as_str()
                    .and_then(|o| t.snap.access.member(o))
                    .and_then(|m| m.team_id.clone());
                let id = layout
                    .get(&row, "id")
                    .as_str()
                    .unwrap_or_default()
                    .to_owned();
                let first = super::stages::Before {
                    stage: None,
                    entered_at: None,
                    furthest: 0,
                    probability: Value::Null,
                };
                let planned = super::stages::plan(
                    obj,
                    &processes,
                    team.as_deref(),
                    &id,
                    &|c| layout.get(&row, c).clone(),
                    &first,
                    super::stages::Mover {
                        user: &self.actor.user_id,
                        now,
                    },
                )
                .map_err(|e| super::labelled(&label, e))?;
                if let Some(m) = planned {
                    for (c, _, v) in m.sets {
                        layout.set(&mut row, &c, v);
                    }
                    stage_changes.push(m.change);
                }
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
        Ok(Prepared {
            t,
            columns,
            layout,
            rows: table_rows,
            created,
            keyed,
            entries,
            stage_changes,
            now,
            approvals_started: false,
        })
    }

    /// Writes prepared records inside `tx`: rows, duplicate keys, history, pool holds, and what
    /// follow-ups do to the records they are about.
    pub(super) async fn insert_prepared(&self, tx: &mut Tx, p: &mut Prepared) -> AppResult<()> {
        let obj = p.t.obj.clone();
        let now = p.now;
        self.complete_new(tx, p).await?;
        rows::insert(tx, &obj.table, &p.columns, &p.rows).await?;
        duplicates::claim(
            self.app.db(),
            &p.t.snap.schema,
            tx,
            &obj,
            &p.keyed,
            OnTaken::Refuse,
        )
        .await?;
        history::append(tx, &p.created).await?;
        pelagic_store::processes::insert_changes(tx, &p.stage_changes).await?;
        if p.entries.0.iter().any(Option::is_some) {
            let id_at = p.layout.position("id").unwrap_or(0);
            let owners: Vec<(String, Option<String>)> = p
                .rows
                .iter()
                .map(|r| {
                    (
                        r[id_at].as_str().unwrap_or_default().to_owned(),
                        p.layout.get(r, "owner_id").as_str().map(str::to_owned),
                    )
                })
                .collect();
            pelagic_store::pool_holds::put(tx, &p.entries.holds(&owners, now)).await?;
        }
        if obj.name == "activity" {
            let get = |r: &[Value], c: &str| p.layout.get(r, c).clone();
            let logged = follow_ups::logged(&obj, &p.rows, &get, now);
            self.after_follow_ups(tx, &p.t.snap.schema, &logged, now)
                .await?;
        }
        if obj.name == "refund" {
            self.refunds_to_approval(tx, p).await?;
        }
        let mut documents = match figures::document_of(&obj.name) {
            Some((link, _)) => {
                figures::documents_of_rows(&obj.name, p.rows.iter().map(|r| p.layout.get(r, link)))
            }
            None => Default::default(),
        };
        if figures::is_document(&obj.name) {
            documents.extend((0..p.rows.len()).map(|i| (obj.name.clone(), p.id(i))));
        }
        figures::refresh(tx, &p.t.snap.schema, &documents).await?;
        Ok(())
    }

    /// Prepared records as the actor sees them.
    pub(super) fn created(&self, p: &Prepared) -> Vec<Record> {
        let policy = p.t.policy(self.actor);
        let fields = policy.visible_fields(&p.t.obj);
        let writer = self.writer(&policy, &p.t.obj, &fields, &p.layout.projection);
        p.rows.iter().map(|r| writer.write(r)).collect()
    }
}

/// New records checked and laid out, ready to be written in a transaction.
pub(super) struct Prepared {
    pub(super) t: Target,
    pub(super) columns: Vec<(String, ColType)>,
    pub(super) layout: Layout,
    pub(super) rows: Vec<Vec<Value>>,
    created: Vec<pelagic_store::history::HistoryRow>,
    keyed: Vec<(String, Vec<Key>)>,
    entries: crate::pools::Entries,
    stage_changes: Vec<pelagic_store::processes::StageChangeRow>,
    pub(super) now: chrono::DateTime<chrono::Utc>,
    /// Some record went to approval: approvers were given shares, which every instance reloads.
    pub(super) approvals_started: bool,
}

impl Prepared {
    /// The id given to the `i`th new record.
    pub(super) fn id(&self, i: usize) -> String {
        let at = self.layout.position("id").unwrap_or(0);
        self.rows[i][at].as_str().unwrap_or_default().to_owned()
    }
}

/// Where each column of an object's table sits in a row, worked out once per request.
pub(super) struct Layout {
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

    pub(super) fn get<'r>(&self, row: &'r [Value], column: &str) -> &'r Value {
        self.projection.get(row, column)
    }

    pub(super) fn set(&self, row: &mut [Value], column: &str, value: Value) {
        if let Some(i) = self.position(column) {
            row[i] = value;
        }
    }
}
