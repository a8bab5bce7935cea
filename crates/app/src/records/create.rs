//! Creating records, one or a batch, in one transaction, through the same pipeline for every
//! object. Preparing (checks, ids, keys) is apart from writing, so that a use case creating
//! records of several objects (a lead's conversion) writes them all in one transaction.

use pelagic_core::ids::RecordId;
use std::collections::BTreeSet;

use pelagic_core::dedupe::Key;
use pelagic_core::input::{ColumnValues, WriteMode};
use pelagic_core::meta::ObjectDef;
use pelagic_core::plan;
use pelagic_core::{FieldErrors, Value};
use pelagic_store::Tx;
use pelagic_store::records as rows;
use serde_json::Value as Json;

use super::keys::refuse_twins;
use super::prepared::{self, Now, Prepared};
use super::{MAX_BATCH, Record, RecordService, Target, labelled, refs};
use super::{figures, follow_ups, hooks};
use crate::duplicates::{self, OnTaken};
use crate::history::{self, Change};
use crate::policy::Operation;
use crate::{AppError, AppResult};
use pelagic_core::row::Row;

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
        let mut plans = self.planned_tasks(&prepared, bodies).await?;
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
        if figures::priced_on_write(&prepared.t.snap.schema, &prepared.t.obj) {
            // Their amounts were worked out after they were laid out: read them as stored.
            let mut out = Vec::with_capacity(prepared.rows.len());
            for i in 0..prepared.rows.len() {
                out.push(self.get(object, &RecordId::stored(prepared.id(i))).await?);
            }
            return Ok(out);
        }
        Ok(self.created(&prepared))
    }

    /// Everything about new records that can be checked before writing, as the pipeline's
    /// sequence: permission, values, references (`pending` are ids created in the same
    /// transaction, which lookups may name), ids and owners, the planning hooks, timestamps,
    /// history events and duplicate keys.
    pub(super) async fn prepare_create(
        &self,
        object: &str,
        bodies: &[Json],
        list_name: &str,
        pending: &BTreeSet<String>,
    ) -> AppResult<Prepared> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Create)?;
        let (bodies, entries) = self.pool_entries(&t.obj, bodies, list_name).await?;
        let parsed = self.parse_new(&t, &policy, &bodies, list_name)?;
        // What the records point at is checked in the write's transaction (`insert_prepared`).
        let pointing: Vec<(String, ColumnValues)> = parsed
            .iter()
            .map(|(l, c)| (l.clone(), refs::pointing(&t.obj, c)))
            .collect();
        let now = self.app.now();
        let projection = prepared::table_projection(&t.obj.all_columns());
        let processes = self.processes_of(&t.obj).await?;
        let mut stage_changes = Vec::new();
        let mut table_rows = Vec::with_capacity(parsed.len());
        for ((label, cols), pool) in parsed.into_iter().zip(&entries.0) {
            let mut row = prepared::row_of(&projection, cols);
            let id = crate::ids::new_id();
            row.put("id", Value::Text(id.clone()));
            self.own_new(&policy, &t.obj, &mut row, pool.as_ref())?;
            let planning = hooks::Planning {
                t: &t,
                id: &id,
                before: None,
                processes: &processes,
                user: &self.actor.user_id,
                now,
            };
            let mut draft = hooks::NewRow(&mut row);
            let moved = hooks::plan(&planning, &mut draft).map_err(|e| labelled(&label, e))?;
            stage_changes.extend(moved);
            self.stamp_new(&mut row, now);
            table_rows.push(row);
        }
        let created = self.create_events(&t.obj, &table_rows, now);
        let keyed = duplicate_keys(&t, &table_rows);
        refuse_twins(&keyed, list_name)?;
        // Read before the write's transaction: a step inside it must not wait for a second
        // connection while holding the first (and the number sequence's lock).
        let patterns = if t.obj.behaviour.numbered.is_some() {
            self.app.numbering_patterns().await?
        } else {
            Default::default()
        };
        Ok(Prepared {
            pointing,
            pending: pending.clone(),
            patterns,
            columns: t.obj.all_columns(),
            t,
            rows: table_rows,
            created,
            keyed,
            entries,
            stage_changes,
            now,
            approvals_started: false,
        })
    }

    /// Reads each body against the metadata; every refused value of every record at once.
    fn parse_new(
        &self,
        t: &Target,
        policy: &crate::policy::Policy<'_>,
        bodies: &[Json],
        list_name: &str,
    ) -> AppResult<Vec<(String, ColumnValues)>> {
        let mut errors = FieldErrors::new();
        let mut parsed = Vec::with_capacity(bodies.len());
        for (i, body) in bodies.iter().enumerate() {
            let label = item_label(list_name, i);
            match self.parse(t, policy, body, WriteMode::Create) {
                Ok(cols) => parsed.push((label, cols)),
                Err(e @ AppError::Validation(_)) => {
                    if let AppError::Validation(fields) = labelled(&label, e) {
                        errors.extend(fields);
                    }
                }
                Err(other) => return Err(other),
            }
        }
        if !errors.is_empty() {
            return Err(AppError::Validation(errors));
        }
        Ok(parsed)
    }

    /// Refuses lookups naming records that do not exist or the actor may not see, as the
    /// write's transaction `tx` sees them.
    pub(super) async fn check_refs(
        &self,
        tx: &mut Tx,
        t: &Target,
        given: &[(String, &ColumnValues)],
        pending: &BTreeSet<String>,
    ) -> AppResult<()> {
        let policy = t.policy(self.actor);
        let missing = refs::check(tx, &t.snap.schema, &policy, &t.obj, given, pending).await?;
        if missing.is_empty() {
            Ok(())
        } else {
            Err(AppError::Validation(missing))
        }
    }

    /// The sales processes, for objects whose records move through stages.
    pub(super) async fn processes_of(
        &self,
        obj: &ObjectDef,
    ) -> AppResult<Vec<crate::processes::Process>> {
        if obj.behaviour.stages {
            self.app.processes().await
        } else {
            Ok(Vec::new())
        }
    }

    /// Who a new record is for: the owner given (if the actor may give it), else the pool it
    /// was named into, else the actor; and an assignee the actor may assign to.
    fn own_new(
        &self,
        policy: &crate::policy::Policy<'_>,
        obj: &ObjectDef,
        row: &mut Row,
        pool: Option<&crate::pools::Pool>,
    ) -> AppResult<()> {
        if let (Some(pool), Some(f)) = (pool, obj.field("pool_id")) {
            for (c, _, v) in f.text_sets(Some(&pool.row.id)) {
                row.put(&c, v);
            }
        }
        if let Value::Text(owner) = row.get("owner_id") {
            policy.require_owner_allowed(obj, Operation::Create, owner)?;
        } else if pool.is_none() {
            // Without an owner a record named into a pool waits in it; any other is the
            // creator's.
            let me = Value::Text(self.actor.user_id.to_string());
            row.put("owner_id", me);
        }
        if let Some(f) = obj.behaviour.assignee.as_deref().and_then(|a| obj.field(a))
            && let Value::Text(to) = row.get(&f.column)
        {
            policy.require_assignable(obj, Operation::Create, to)?;
        }
        Ok(())
    }

    /// When and by whom a new record was made.
    fn stamp_new(&self, row: &mut Row, now: Now) {
        row.put("created_at", Value::DateTime(now));
        row.put("updated_at", Value::DateTime(now));
        let me = Value::Text(self.actor.user_id.to_string());
        row.put("created_by", me);
    }

    /// A creation event in the history for each new row.
    fn create_events(
        &self,
        obj: &ObjectDef,
        rows: &[Row],
        now: Now,
    ) -> Vec<pelagic_store::history::HistoryRow> {
        rows.iter()
            .map(|r| {
                Change {
                    object: &obj.name,
                    record_id: r.text("id").unwrap_or_default(),
                    user_id: &self.actor.user_id,
                    at: now,
                }
                .event("create")
            })
            .collect()
    }

    /// Writes prepared records inside `tx`, as the pipeline's sequence: the in-transaction
    /// hooks (what records take from those they belong to, numbers, versions), rows, duplicate
    /// keys, history, stage moves, pool holds, then the after-write hooks.
    pub(super) async fn insert_prepared(&self, tx: &mut Tx, p: &mut Prepared) -> AppResult<()> {
        let obj = p.t.obj.clone();
        let given: Vec<(String, &ColumnValues)> =
            p.pointing.iter().map(|(l, c)| (l.clone(), c)).collect();
        self.check_refs(tx, &p.t, &given, &p.pending).await?;
        self.complete_new(tx, p).await?;
        search_texts(&obj, p);
        rows::insert(tx, &obj.table, &p.columns, &p.rows).await?;
        let (db, schema) = (self.app.db(), &p.t.snap.schema);
        duplicates::claim(db, schema, tx, &obj, &p.keyed, OnTaken::Refuse).await?;
        history::append(tx, &p.created).await?;
        pelagic_store::processes::insert_changes(tx, &p.stage_changes).await?;
        if p.entries.0.iter().any(Option::is_some) {
            let owners: Vec<(String, Option<String>)> = (0..p.rows.len())
                .map(|i| (p.id(i), p.get(i, "owner_id").as_str().map(str::to_owned)))
                .collect();
            pelagic_store::pool_holds::put(tx, &p.entries.holds(&owners, p.now)).await?;
        }
        self.after_create(tx, p).await
    }

    /// The after-write hooks of new records: follow-ups move the clocks of what they are about,
    /// records declaring `approval_on_create` go to approval, and the figures they count in are
    /// worked out again.
    async fn after_create(&self, tx: &mut Tx, p: &mut Prepared) -> AppResult<()> {
        let obj = p.t.obj.clone();
        if obj.behaviour.follow_up {
            let logged = follow_ups::logged(&obj, &p.rows, p.now);
            let schema = &p.t.snap.schema;
            self.after_follow_ups(tx, schema, &logged, p.now).await?;
        }
        if obj.behaviour.approval_on_create {
            self.to_approval_on_create(tx, p).await?;
        }
        let links = figures::document_of(&obj).map(|to| figures::link_column(&obj, &to.link));
        let rows = &p.rows;
        let linked = links
            .iter()
            .flat_map(|l| rows.iter().map(move |r| r.get(l)));
        let own = (0..p.rows.len()).map(|i| p.id(i));
        let documents = figures::moved_by(&p.t.snap.schema, &obj, linked, own);
        figures::refresh(tx, &p.t.snap.schema, &documents).await
    }

    /// Prepared records as the actor sees them.
    pub(super) fn created(&self, p: &Prepared) -> Vec<Record> {
        let policy = p.t.policy(self.actor);
        let fields = policy.visible_fields(&p.t.obj);
        let Some(first) = p.rows.first() else {
            return Vec::new();
        };
        let writer = self.writer(&policy, &p.t.obj, &fields, first.projection());
        p.rows.iter().map(|r| writer.write(r.values())).collect()
    }
}

/// How the refusals of the `i`th record of a batch named `list_name` are keyed.
fn item_label(list_name: &str, i: usize) -> String {
    if list_name.is_empty() {
        String::new()
    } else {
        format!("{list_name}[{i}].")
    }
}

/// Each new row's duplicate keys, by its id.
fn duplicate_keys(t: &Target, rows: &[Row]) -> Vec<(String, Vec<Key>)> {
    let rules = t.snap.duplicates.of(&t.obj.name);
    rows.iter()
        .map(|r| {
            let id = r.text("id").unwrap_or_default().to_owned();
            let keys = duplicates::keys_of_row(&t.obj, rules, r.projection(), r.values());
            (id, keys)
        })
        .collect()
}

/// The text search reads, worked out once per new record, when every hook has set its values.
fn search_texts(obj: &ObjectDef, p: &mut Prepared) {
    for row in &mut p.rows {
        let search = plan::search_text(obj, &|c| Some(row.get(c).clone()));
        let search = Value::text_or_null((!search.is_empty()).then_some(search));
        row.put("search_text", search);
    }
}
