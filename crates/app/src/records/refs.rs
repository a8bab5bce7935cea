//! Checking that lookups, user fields and references point at records and users that exist and,
//! for records, that the actor may read (an id out of reach is answered like one that does not
//! exist, so ids cannot be probed by linking to them).

use std::collections::{BTreeMap, BTreeSet};

use pelagic_core::input::ColumnValues;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use pelagic_core::output::Projection;
use pelagic_core::plan::Pred;
use pelagic_core::{ColType, FieldErrors, Schema, Value};
use pelagic_store::records::{self as rows, ListQuery};
use pelagic_store::{Db, users};

use crate::AppResult;
use crate::policy::{Operation, Policy};

/// For each record's columns (with its label for messages, e.g. `records[3].`), the fields that
/// point at something missing. Ids in `pending` are records the same transaction creates.
pub(crate) async fn check(
    db: &Db,
    schema: &Schema,
    policy: &Policy<'_>,
    obj: &ObjectDef,
    records: &[(String, &ColumnValues)],
    pending: &BTreeSet<String>,
) -> AppResult<FieldErrors> {
    // Which ids each target (an object's table, or the users) must have.
    let mut wanted: BTreeMap<Option<String>, BTreeSet<String>> = BTreeMap::new();
    let mut uses: Vec<(String, String, Option<String>, String)> = Vec::new(); // (label, field, target, id)
    let mut errors = FieldErrors::new();
    for (label, cols) in records {
        for f in obj.fields.iter().filter(|f| {
            matches!(
                f.kind,
                FieldKind::Lookup | FieldKind::User | FieldKind::Reference
            )
        }) {
            let id_col = if f.kind == FieldKind::Reference {
                format!("{}_id", f.column)
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
                _ => match cols.get(&format!("{}_object", f.column)) {
                    Some(Value::Text(o)) if schema.objects.contains_key(o) => Some(o.clone()),
                    Some(Value::Text(o)) => {
                        errors.insert(
                            format!("{label}{}", f.name),
                            format!("there is no object '{o}'"),
                        );
                        continue;
                    }
                    _ => continue,
                },
            };
            wanted.entry(target.clone()).or_default().insert(id.clone());
            uses.push((label.clone(), f.name.clone(), target, id.clone()));
        }
    }
    let mut existing: BTreeMap<Option<String>, BTreeSet<String>> = BTreeMap::new();
    for (target, ids) in &wanted {
        let ids: Vec<String> = ids.iter().cloned().collect();
        let found = match target {
            None => users::existing_user_ids(db, &ids).await?,
            Some(object) => readable_ids(db, schema, policy, object, &ids).await?,
        };
        existing.insert(target.clone(), found.into_iter().collect());
    }
    for (label, field, target, id) in uses {
        if !existing.get(&target).is_some_and(|s| s.contains(&id)) {
            let what = target.as_deref().unwrap_or("user");
            errors.insert(
                format!("{label}{field}"),
                format!("there is no {what} with id '{id}'"),
            );
        }
    }
    Ok(errors)
}

async fn readable_ids(
    db: &Db,
    schema: &Schema,
    policy: &Policy<'_>,
    object: &str,
    ids: &[String],
) -> AppResult<Vec<String>> {
    let Ok(target) = schema.object(object) else {
        return Ok(vec![]);
    };
    let mut projection = Projection::default();
    projection.push("id", ColType::Text);
    let mut found = Vec::new();
    for chunk in ids.chunks(500) {
        let pred = Pred::And(vec![
            policy.reachable(target, Operation::Read),
            Pred::In {
                col: "id".into(),
                values: chunk.iter().map(|i| Value::Text(i.clone())).collect(),
            },
        ]);
        let rows = rows::select(
            db,
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
