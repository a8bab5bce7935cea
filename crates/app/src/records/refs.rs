//! Checking that lookups, user fields and references point at records and users that exist and,
//! for records, that the actor may read (an id out of reach is answered like one that does not
//! exist, so ids cannot be probed by linking to them). A record that *belongs* to another (a
//! `cascade` lookup: a contact or deal under an account, a line under a quote) changes what its
//! parent holds, so it may be put under a parent only by someone who may edit the parent; a
//! read-only share lets its holder look, not add.

use pelagic_core::names::ColumnName;
use pelagic_core::said::{Reason, Said};
use std::collections::{BTreeMap, BTreeSet};

use pelagic_core::input::ColumnValues;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use pelagic_core::output::Projection;
use pelagic_core::plan::Pred;
use pelagic_core::{ColType, FieldErrors, Schema, Value};
use pelagic_store::records::{self as rows, ListQuery};
use pelagic_store::{Tx, users};

use crate::AppResult;
use crate::policy::{Operation, Policy};

/// The columns of `cols` that [`check`] reads: what lookups, user fields and references name.
pub(crate) fn pointing(obj: &ObjectDef, cols: &ColumnValues) -> ColumnValues {
    let names: BTreeSet<ColumnName> = obj
        .fields
        .iter()
        .filter(|f| {
            matches!(
                f.kind,
                FieldKind::Lookup | FieldKind::User | FieldKind::Reference
            )
        })
        .flat_map(|f| {
            [
                f.column.clone(),
                f.column.with_suffix("_id"),
                f.column.with_suffix("_object"),
            ]
        })
        .collect();
    ColumnValues {
        columns: cols
            .columns
            .iter()
            .filter(|(c, _)| names.contains(c))
            .cloned()
            .collect(),
        fields: Vec::new(),
    }
}

/// For each record's columns (with its label for messages, e.g. `records[3].`), the fields that
/// point at something missing, read inside the write's transaction `tx`, so that what it
/// checks is what the write commits against. Ids in `pending` are records the same
/// transaction creates.
pub(crate) async fn check(
    tx: &mut Tx,
    schema: &Schema,
    policy: &Policy<'_>,
    obj: &ObjectDef,
    records: &[(String, &ColumnValues)],
    pending: &BTreeSet<String>,
) -> AppResult<FieldErrors> {
    // Which ids each target (an object's table, or the users) must have.
    let mut wanted: BTreeMap<Option<String>, BTreeSet<String>> = BTreeMap::new();
    // (label, field, target, id, belongs under it)
    let mut uses: Vec<(String, String, Option<String>, String, bool)> = Vec::new();
    let mut errors = FieldErrors::new();
    for (label, cols) in records {
        for f in obj.fields.iter().filter(|f| {
            matches!(
                f.kind,
                FieldKind::Lookup | FieldKind::User | FieldKind::Reference
            )
        }) {
            let id_col = if f.kind == FieldKind::Reference {
                f.column.with_suffix("_id")
            } else {
                f.column.clone()
            };
            let Some(Value::Text(id)) = cols.get(&id_col) else {
                continue;
            };
            if pending.contains(id) {
                // Created in the same transaction, just before.
                continue;
            }
            let target = match f.kind {
                FieldKind::User => None,
                FieldKind::Lookup => f.target.clone(),
                _ => match cols.get(f.column.with_suffix("_object")) {
                    Some(Value::Text(o)) if schema.objects.contains_key(o) => Some(o.clone()),
                    Some(Value::Text(o)) => {
                        errors.insert(
                            format!("{label}{}", f.name),
                            Said::new(Reason::NoSuchObject).with("object", o),
                        );
                        continue;
                    }
                    _ => continue,
                },
            };
            wanted.entry(target.clone()).or_default().insert(id.clone());
            let belongs = f.kind == FieldKind::Lookup && f.cascade;
            uses.push((
                label.clone(),
                f.name.to_string(),
                target,
                id.clone(),
                belongs,
            ));
        }
    }
    let mut existing: BTreeMap<Option<String>, BTreeSet<String>> = BTreeMap::new();
    let mut editable: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    for (target, ids) in &wanted {
        let ids: Vec<String> = ids.iter().cloned().collect();
        let found = match target {
            None => users::existing_user_ids(tx, &ids).await?,
            Some(object) => {
                reachable_ids(tx, schema, policy, object, &ids, Operation::Read).await?
            }
        };
        if let Some(object) = target
            && uses.iter().any(|u| u.4 && u.2.as_ref() == Some(object))
        {
            let edit = reachable_ids(tx, schema, policy, object, &found, Operation::Edit).await?;
            editable.insert(object.clone(), edit.into_iter().collect());
        }
        existing.insert(target.clone(), found.into_iter().collect());
    }
    for (label, field, target, id, belongs) in uses {
        let what = target.as_deref().unwrap_or("user");
        if !existing.get(&target).is_some_and(|s| s.contains(&id)) {
            errors.insert(
                format!("{label}{field}"),
                Said::new(Reason::NoSuchRecord)
                    .with("object", what)
                    .with("id", &id),
            );
        } else if belongs
            && !target
                .as_ref()
                .and_then(|t| editable.get(t))
                .is_some_and(|s| s.contains(&id))
        {
            errors.insert(
                format!("{label}{field}"),
                Said::new(Reason::ReadNotEdit).with("object", what),
            );
        }
    }
    Ok(errors)
}

async fn reachable_ids(
    tx: &mut Tx,
    schema: &Schema,
    policy: &Policy<'_>,
    object: &str,
    ids: &[String],
    op: Operation,
) -> AppResult<Vec<String>> {
    let Ok(target) = schema.object(object) else {
        return Ok(vec![]);
    };
    let mut projection = Projection::default();
    projection.push("id", ColType::Text);
    let mut found = Vec::new();
    for chunk in ids.chunks(500) {
        let pred = Pred::And(vec![
            policy.reachable(target, op),
            Pred::In {
                col: "id".into(),
                values: chunk.iter().map(|i| Value::Text(i.clone())).collect(),
            },
        ]);
        let rows = rows::select_tx(
            tx,
            &ListQuery {
                table: &target.table,
                projection: &projection,
                pred: &pred,
                order: &[],
                limit: chunk.len() as u64,
                drive: None,
            },
        )
        .await?;
        found.extend(
            rows.into_iter()
                .filter_map(|r| r[0].as_str().map(str::to_owned)),
        );
    }
    Ok(found)
}
