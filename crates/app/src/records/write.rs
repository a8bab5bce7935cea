//! Changing records: an update of some fields, through the same pipeline for every object
//! (creating is in `create.rs`; the hooks it runs are in `hooks.rs`).

use pelagic_core::ids::RecordId;
use pelagic_core::names::Column;
use pelagic_core::row::Row;
use pelagic_core::said::Reason;
use std::collections::BTreeSet;
use std::sync::Arc;

use pelagic_core::input::{self, ColumnValues, WriteMode};
use pelagic_core::meta::ObjectDef;
use pelagic_core::output::{Projection, RecordWriter};
use pelagic_core::plan::{self, Pred};
use pelagic_core::{ColType, CoreError, FieldErrors, FieldKind, Value};
use pelagic_store::Tx;
use pelagic_store::records as rows;
use serde_json::{Map, Value as Json};

use super::hooks::{self, Draft, Edit};
use super::{Record, RecordService, Target, id_is, no_such};
use crate::history::{self, Change};
use crate::policy::{Operation, Policy};
use crate::{AppError, AppResult};

impl RecordService<'_> {
    /// Changes the given fields of a record.
    pub async fn update(&self, object: &str, id: &RecordId, body: &Json) -> AppResult<Record> {
        let outcome = self.change(object, id, body, "update").await;
        self.app.counted_duplicate(self.actor, outcome).await
    }

    /// Changes fields, recording the change in the history under `action`, as the pipeline's
    /// sequence: permission, the record as it is (in the write's transaction), its lock,
    /// values, owner and assignee, references, the planning hooks, the in-transaction hooks,
    /// then the write with its history, keys and after-write hooks.
    pub(super) async fn change(
        &self,
        object: &str,
        id: &RecordId,
        body: &Json,
        action: &str,
    ) -> AppResult<Record> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Edit)?;
        let Json::Object(map) = body else {
            return Err(AppError::Invalid(
                "the body must be a JSON object of field values".into(),
            ));
        };
        // Read before the transaction: nothing inside it waits for a second connection.
        let processes = self.processes_of(&t.obj).await?;
        let mut tx = self.app.db().begin().await?;
        let found = self.found(&mut tx, &t, &policy, id, map).await?;
        super::sales_docs::check_unlocked(&t.obj, &found.before)?;
        let body = keep_currencies(&t.obj, map, &found.before);
        let cols = self.parse(&t, &policy, &body, WriteMode::Update)?;
        self.check_hands(&policy, &t.obj, &cols, &found.before)?;
        self.check_refs(&mut tx, &t, &[(String::new(), &cols)], &Default::default())
            .await?;
        let now = self.app.now();
        let mut edit = Edit {
            values: found.before.clone(),
            sets: Vec::new(),
        };
        for (c, v) in cols.columns {
            if edit.values.get(&c) != &v {
                edit.set(&c, found.ty_of(&c), v);
            }
        }
        let planning = hooks::Planning {
            t: &t,
            id,
            before: Some(&found.before),
            processes: &processes,
            user: &self.actor.user_id,
            now,
        };
        let moved = hooks::plan(&planning, &mut edit)?;
        if !edit.sets.is_empty() {
            self.complete_changed(&mut tx, &t, &found, &mut edit)
                .await?;
            let written = Written { moved, action, now };
            self.write_change(&mut tx, &t, &found, &mut edit, written)
                .await?;
            tx.commit().await?;
            if super::figures::priced_on_write(&t.snap.schema, &t.obj) {
                // Its amounts were worked out after the change: read them as stored.
                return self.get(object, id).await;
            }
        }
        let fields = policy.visible_fields(&t.obj);
        Ok(self
            .writer(&policy, &t.obj, &fields, found.before.projection())
            .write(edit.values.values()))
    }

    /// The record to change, read and locked in the write's transaction, if the actor may
    /// change it (and hand it over, when the body names an owner).
    async fn found(
        &self,
        tx: &mut Tx,
        t: &Target,
        policy: &Policy<'_>,
        id: &str,
        map: &Map<String, Json>,
    ) -> AppResult<Found> {
        let obj = &t.obj;
        let mut projection = Projection::default();
        for (c, ty) in obj.all_columns() {
            projection.push(&c, ty);
        }
        let mut reach = vec![policy.reachable(obj, Operation::Edit), id_is(id)];
        if map.contains_key("owner_id") {
            // A change of owner also needs the record within the actor's transfer scope.
            reach.push(policy.scope(obj, Operation::Transfer));
        }
        let pred = Pred::And(reach);
        let row = rows::first_tx(tx, &obj.table, &projection, &pred)
            .await?
            .ok_or_else(|| no_such(obj, id))?;
        Ok(Found {
            id: id.to_owned(),
            pred,
            before: Row::new(Arc::new(projection), row),
        })
    }

    /// Refuses an owner the actor may not hand the record to, or an assignee they may not
    /// assign it to.
    fn check_hands(
        &self,
        policy: &Policy<'_>,
        obj: &ObjectDef,
        cols: &ColumnValues,
        before: &Row,
    ) -> AppResult<()> {
        let given = |c: &str| {
            cols.get(c)
                .and_then(Value::as_str)
                .filter(|v| before.text(c) != Some(*v))
        };
        if let Some(owner) = given("owner_id") {
            policy.require_owner_allowed(obj, Operation::Transfer, owner)?;
        }
        if let Some(f) = obj.behaviour.assignee.as_deref().and_then(|a| obj.field(a))
            && let Some(to) = given(&f.column)
        {
            policy.require_assignable(obj, Operation::Edit, to)?;
        }
        Ok(())
    }

    /// The in-transaction hooks of a change: what the record takes from the records it
    /// belongs to (see `sales_docs`).
    async fn complete_changed(
        &self,
        tx: &mut Tx,
        t: &Target,
        found: &Found,
        edit: &mut Edit,
    ) -> AppResult<()> {
        if !super::sales_docs::applies(&t.obj) {
            return Ok(());
        }
        let mut completed = edit.values.clone();
        let currency = &t.snap.input.default_currency;
        super::sales_docs::complete(tx, &t.snap.schema, &t.obj, &mut completed, currency).await?;
        for (c, v) in completed.iter() {
            if edit.values.get(c) != v {
                edit.set(c, found.ty_of(c), v.clone());
            }
        }
        Ok(())
    }

    /// Writes a change: the row with its time and search text, the stage move, duplicate keys,
    /// history, then the after-write hooks (pool clocks, figures).
    async fn write_change(
        &self,
        tx: &mut Tx,
        t: &Target,
        found: &Found,
        edit: &mut Edit,
        written: Written<'_>,
    ) -> AppResult<()> {
        let obj = &t.obj;
        let documents = self.documents_moved(t, found, edit);
        edit.set(
            "updated_at",
            ColType::DateTime,
            Value::DateTime(written.now),
        );
        let search = plan::search_text(obj, &|c| Some(edit.values.get(c).clone()));
        let search = Value::text_or_null((!search.is_empty()).then_some(search));
        edit.set("search_text", ColType::Text, search);
        let everything = RecordWriter::new(obj.fields.iter(), found.before.projection());
        let changes = Change {
            object: &obj.name,
            record_id: &found.id,
            user_id: &self.actor.user_id,
            at: written.now,
        }
        .field_changes(
            obj,
            &everything.write(found.before.values()),
            &everything.write(edit.values.values()),
            written.action,
        );
        rows::update(tx, &obj.table, &edit.sets, &found.pred).await?;
        pelagic_store::processes::insert_changes(tx, &Vec::from_iter(written.moved)).await?;
        self.rekey(t, tx, &found.id, &edit.values).await?;
        history::append(tx, &changes).await?;
        self.after_change(tx, obj, &edit.sets, &edit.values).await?;
        super::figures::refresh(tx, &t.snap.schema, &documents).await
    }

    /// The records whose figures a change moves: the documents it counts in before and after,
    /// and itself when it carries figures and one of their inputs changed.
    fn documents_moved(
        &self,
        t: &Target,
        found: &Found,
        edit: &Edit,
    ) -> BTreeSet<(String, String)> {
        let obj = &t.obj;
        let link =
            super::figures::document_of(obj).map(|to| super::figures::link_column(obj, &to.link));
        let linked = link
            .iter()
            .flat_map(|l| [found.before.get(l), edit.values.get(l)]);
        let inputs = edit.sets.iter().any(|(c, _, _)| {
            super::figures::DOCUMENT_INPUTS
                .iter()
                .any(|i| c.starts_with(i))
        });
        let own = inputs.then(|| found.id.clone()).into_iter();
        super::figures::moved_by(&t.snap.schema, obj, linked, own)
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

/// The record a change starts from, as read in its transaction.
struct Found {
    id: String,
    /// Reaches the record for the actor (and the update reaches nothing else).
    pred: Pred,
    /// Every column of the record as it was.
    before: Row,
}

impl Found {
    /// The type of one of the table's columns.
    fn ty_of(&self, column: impl Column) -> ColType {
        self.before.projection().ty(column).unwrap_or(ColType::Text)
    }
}

/// What a change writes besides its columns.
struct Written<'a> {
    moved: Option<pelagic_store::processes::StageChangeRow>,
    action: &'a str,
    now: chrono::DateTime<chrono::Utc>,
}

/// The body with the currency each amount given without one already has.
fn keep_currencies(obj: &ObjectDef, map: &Map<String, Json>, before: &Row) -> Json {
    let mut body = map.clone();
    for f in obj.fields.iter().filter(|f| f.kind == FieldKind::Money) {
        let key = format!("{}_currency", f.name);
        if body.contains_key(f.name.as_str())
            && !body.contains_key(&key)
            && let Value::Text(c) = before.get(f.column.with_suffix("_currency"))
        {
            body.insert(key, Json::String(c.clone()));
        }
    }
    Json::Object(body)
}
