//! Deleting into the recycle bin, restoring and purging. A deletion takes the record and the
//! records that belong to it (lookups marked `cascade`, such as an account's contacts and deals,
//! and the tasks and follow-ups whose `related` points at any of them) as one group.

use pelagic_core::ids::RecordId;
use pelagic_core::names::{Column, ColumnName};
use pelagic_core::said::{Reason, Said};
use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Utc};
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::Schema;
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::Tx;
use pelagic_store::bin::{self, DeletionRow};
use pelagic_store::records::{self as rows, ListQuery};
use serde_json::{Value as Json, json};

use super::{Record, RecordService, Target, id_is, no_such};
use crate::access::AccessRules;
use crate::duplicates::{self, OnTaken};
use crate::history::{self, Change};
use crate::policy::Operation;
use crate::{AppError, AppResult};

/// Most records one deletion may take (an account with more children is refused, not cut short).
const MAX_GROUP: usize = 50_000;

impl RecordService<'_> {
    /// Moves a record, with the records that belong to it, to the recycle bin.
    pub async fn delete(&self, object: &str, id: &RecordId) -> AppResult<()> {
        let t = self.target(object).await?;
        t.policy(self.actor).require(&t.obj, Operation::Delete)?;
        let mut tx = self.app.db().begin().await?;
        self.delete_in(&mut tx, &t, id).await?;
        tx.commit().await?;
        Ok(())
    }

    /// The deletion itself, inside the caller's transaction (a delete, or a merge's loser).
    pub(super) async fn delete_in(&self, tx: &mut Tx, t: &Target, id: &str) -> AppResult<()> {
        let obj = &t.obj;
        let object = obj.name.as_str();
        let policy = t.policy(self.actor);
        let not_found = || no_such(obj, id);
        let now = self.app.now();
        let mut projection = Projection::default();
        projection.push("id", ColType::Text);
        let owner_at = projection.push("owner_id", ColType::Text);
        let title_at = obj
            .title_field()
            .and_then(|f| Some(projection.push(&f.column, f.kind.columns().first()?.ty)));
        let pred = Pred::And(vec![policy.reachable(obj, Operation::Delete), id_is(id)]);
        let root = rows::first_tx(tx, &obj.table, &projection, &pred)
            .await?
            .ok_or_else(not_found)?;
        let title = title_at
            .and_then(|i| root[i].as_plain_text())
            .unwrap_or_else(|| id.to_owned());

        super::sales_docs::check_deletable(tx, &t.snap.schema, obj, id).await?;
        let members = collect_group(tx, &t.snap.schema, object, id).await?;
        for (member_object, ids) in &members {
            let member = t.snap.schema.object(member_object)?;
            let table = &member.table;
            let sets = [
                (
                    ColumnName::fixed("deleted_at"),
                    ColType::DateTime,
                    Value::DateTime(now),
                ),
                (
                    ColumnName::fixed("deleted_by"),
                    ColType::Text,
                    Value::Text(self.actor.user_id.to_string()),
                ),
            ];
            rows::update(tx, table, &sets, &live_among(ids)).await?;
            let ids: Vec<String> = ids.iter().cloned().collect();
            pelagic_store::duplicates::remove(tx, member_object, &ids).await?;
            if member.behaviour.stages {
                pelagic_store::processes::set_live(tx, &ids, false).await?;
            }
        }
        let flat: Vec<(String, String)> = members
            .iter()
            .flat_map(|(o, ids)| ids.iter().map(move |i| (o.clone(), i.clone())))
            .collect();
        let deletion = DeletionRow {
            id: crate::ids::new_id(),
            object: object.to_owned(),
            record_id: id.to_owned(),
            title,
            owner_id: root[owner_at].as_str().map(str::to_owned),
            deleted_by: self.actor.user_id.to_string(),
            deleted_at: now,
            members: flat.len() as i64,
        };
        bin::record(tx, &deletion, &flat).await?;
        refresh_figures(tx, &t.snap.schema, &flat).await?;
        history::append(tx, &self.events(&flat, "delete", now)).await?;
        Ok(())
    }

    /// Brings a deleted record back with everything its deletion took.
    pub async fn restore(&self, object: &str, id: &RecordId) -> AppResult<Record> {
        let t = self.target(object).await?;
        let mut tx = self.app.db().begin().await?;
        let deletion = open_deletion(&mut tx, object, id).await?;
        if !may_see(&t.snap.access, self.actor, &deletion) {
            return Err(not_in_bin(object, id));
        }
        let members = bin::members(&mut tx, &deletion.id).await?;
        for (member_object, ids) in group_by_object(&members) {
            let member = t.snap.schema.object(&member_object)?;
            let table = &member.table;
            let sets = [
                (
                    ColumnName::fixed("deleted_at"),
                    ColType::DateTime,
                    Value::Null,
                ),
                (ColumnName::fixed("deleted_by"), ColType::Text, Value::Null),
            ];
            let deleted = deleted_among(ids.clone());
            rows::update(&mut tx, table, &sets, &deleted).await?;
            if member.behaviour.stages {
                pelagic_store::processes::set_live(&mut tx, &ids, true).await?;
            }
            let (db, schema, rules) = (self.app.db(), &t.snap.schema, &t.snap.duplicates);
            duplicates::claim_stored(db, schema, rules, &mut tx, member, &ids, OnTaken::Refuse)
                .await?;
        }
        refresh_figures(&mut tx, &t.snap.schema, &members).await?;
        history::append(&mut tx, &self.events(&members, "restore", self.app.now())).await?;
        bin::forget(&mut tx, &deletion.id).await?;
        tx.commit().await?;
        self.get(object, id).await
    }

    /// Removes a deletion's records for good (administrators). Their history stays.
    pub async fn purge(&self, object: &str, id: &RecordId) -> AppResult<()> {
        crate::policy::admin_only(self.actor)?;
        let t = self.target(object).await?;
        let mut tx = self.app.db().begin().await?;
        let deletion = open_deletion(&mut tx, object, id).await?;
        purge_deletion(&mut tx, &t.snap.schema, &deletion).await?;
        history::append(
            &mut tx,
            &self.events(
                &[(object.to_owned(), id.to_string())],
                "purge",
                self.app.now(),
            ),
        )
        .await?;
        tx.commit().await?;
        Ok(())
    }

    /// The deletions the actor may see: their own, and those of records within their read scope.
    pub async fn recycle_bin(&self, object: Option<&str>) -> AppResult<Vec<Json>> {
        let snap = self.app.snapshot().await?;
        if let Some(o) = object {
            snap.schema.object(o)?;
        }
        let deletions = bin::list(self.app.db(), object, None, 500).await?;
        Ok(deletions
            .into_iter()
            .filter(|d| may_see(&snap.access, self.actor, d))
            .map(|d| {
                json!({
                    "object": d.object, "id": d.record_id, "title": d.title, "owner_id": d.owner_id,
                    "deleted_by": d.deleted_by,
                    "deleted_at": d.deleted_at.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true),
                    "records": d.members,
                })
            })
            .collect())
    }

    fn events(
        &self,
        members: &[(String, String)],
        action: &str,
        at: DateTime<Utc>,
    ) -> Vec<history::Entry> {
        members
            .iter()
            .map(|(o, r)| {
                Change {
                    object: o,
                    record_id: r,
                    user_id: &self.actor.user_id,
                    at,
                }
                .event(action)
            })
            .collect()
    }
}

/// Works again the figures of the quotes and orders that records deleted or restored together
/// count in.
async fn refresh_figures(
    tx: &mut Tx,
    schema: &Schema,
    members: &[(String, String)],
) -> AppResult<()> {
    let mut documents = BTreeSet::new();
    for (object, ids) in group_by_object(members) {
        documents.extend(super::figures::documents_of_ids(tx, schema, &object, &ids).await?);
    }
    super::figures::refresh(tx, schema, &documents).await
}

/// Purges deletions older than `before`, for the retention job; gives how many.
pub(crate) async fn purge_older_than(app: &crate::App, before: DateTime<Utc>) -> AppResult<usize> {
    let snap = app.snapshot().await?;
    let old = bin::list(app.db(), None, Some(before), 1000).await?;
    for d in &old {
        let mut tx = app.db().begin().await?;
        purge_deletion(&mut tx, &snap.schema, d).await?;
        tx.commit().await?;
    }
    Ok(old.len())
}

async fn purge_deletion(tx: &mut Tx, schema: &Schema, d: &DeletionRow) -> AppResult<()> {
    let members = bin::members(tx, &d.id).await?;
    for (member_object, ids) in group_by_object(&members) {
        let table = &schema.object(&member_object)?.table;
        let deleted = deleted_among(ids);
        rows::purge(tx, table, &deleted).await?;
    }
    bin::forget(tx, &d.id).await?;
    Ok(())
}

/// Whoever deleted it sees a deletion; so does anyone whose read scope covers its owner.
fn may_see(rules: &AccessRules, actor: &pelagic_core::access::Actor, d: &DeletionRow) -> bool {
    if d.deleted_by == actor.user_id || actor.is_admin() {
        return true;
    }
    let scope = rules.scope(&actor.role, &d.object, Operation::Read);
    match rules.owners_in_scope(&actor.user_id, scope) {
        None => true,
        Some(owners) => d.owner_id.as_ref().is_some_and(|o| owners.contains(o)),
    }
}

/// The deletion whose root is this record, or the recycle bin's not-found answer.
async fn open_deletion(tx: &mut Tx, object: &str, id: &RecordId) -> AppResult<DeletionRow> {
    bin::of_record(tx, object, id)
        .await?
        .ok_or_else(|| not_in_bin(object, id))
}

fn not_in_bin(object: &str, id: &str) -> AppError {
    AppError::NotFound(format!(
        "there is no deleted {object} with id '{}' in the recycle bin",
        id.chars().take(64).collect::<String>()
    ))
}

/// The deleted rows among `ids` (a restore or purge never touches a live row).
fn deleted_among(ids: Vec<String>) -> Pred {
    Pred::And(vec![
        Pred::Not(Box::new(Pred::IsNull {
            col: "deleted_at".into(),
        })),
        Pred::In {
            col: "id".into(),
            values: ids.into_iter().map(Value::Text).collect(),
        },
    ])
}

fn group_by_object(members: &[(String, String)]) -> BTreeMap<String, Vec<String>> {
    let mut by: BTreeMap<String, Vec<String>> = BTreeMap::new();
    for (o, r) in members {
        by.entry(o.clone()).or_default().push(r.clone());
    }
    by
}

fn live_among(ids: &BTreeSet<String>) -> Pred {
    Pred::And(vec![
        Pred::IsNull {
            col: "deleted_at".into(),
        },
        Pred::In {
            col: "id".into(),
            values: ids.iter().cloned().map(Value::Text).collect(),
        },
    ])
}

/// The record and, level by level, the live records that belong to it, by object.
async fn collect_group(
    tx: &mut Tx,
    schema: &Schema,
    object: &str,
    id: &str,
) -> AppResult<BTreeMap<String, BTreeSet<String>>> {
    let mut group: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    group
        .entry(object.to_owned())
        .or_default()
        .insert(id.to_owned());
    let mut frontier = vec![(object.to_owned(), vec![id.to_owned()])];
    while let Some((parent, parent_ids)) = frontier.pop() {
        for child in schema.objects.values() {
            for f in &child.fields {
                let pointing = match f.kind {
                    FieldKind::Lookup
                        if f.cascade && f.target.as_deref() == Some(parent.as_str()) =>
                    {
                        in_list(&f.column, &parent_ids)
                    }
                    FieldKind::Reference => Pred::And(vec![
                        Pred::Cmp {
                            col: f.column.with_suffix("_object"),
                            op: Cmp::Eq,
                            value: Value::Text(parent.clone()),
                        },
                        in_list(&format!("{}_id", f.column), &parent_ids),
                    ]),
                    _ => continue,
                };
                let mut projection = Projection::default();
                projection.push("id", ColType::Text);
                let pred = Pred::And(vec![
                    Pred::IsNull {
                        col: "deleted_at".into(),
                    },
                    pointing,
                ]);
                let found = rows::select_tx(
                    tx,
                    &ListQuery {
                        table: &child.table,
                        projection: &projection,
                        pred: &pred,
                        order: &[],
                        limit: MAX_GROUP as u64 + 1,
                        drive: None,
                    },
                )
                .await?;
                let known = group.entry(child.name.clone()).or_default();
                let new: Vec<String> = found
                    .into_iter()
                    .filter_map(|r| r[0].as_str().map(str::to_owned))
                    .filter(|i| known.insert(i.clone()))
                    .collect();
                if !new.is_empty() {
                    frontier.push((child.name.clone(), new));
                }
            }
        }
        if group.values().map(BTreeSet::len).sum::<usize>() > MAX_GROUP {
            return Err(crate::AppError::from(
                Said::new(Reason::DeleteAtMost).with("max", MAX_GROUP),
            ));
        }
    }
    group.retain(|_, ids| !ids.is_empty());
    Ok(group)
}

fn in_list(col: &str, ids: &[String]) -> Pred {
    Pred::In {
        col: col.to_name(),
        values: ids.iter().cloned().map(Value::Text).collect(),
    }
}
