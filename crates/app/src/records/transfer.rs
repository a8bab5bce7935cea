//! Handing records to another owner in bulk (a salesperson leaves, a territory moves): chosen by
//! id or by filter, optionally with what belongs to them, in one transaction, each change in the
//! history.

use pelagic_core::names::{Column, ColumnName};
use std::collections::BTreeMap;

use pelagic_core::filter::Filter;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use pelagic_core::output::Projection;
use pelagic_core::plan::{self, Cmp, Pred};
use pelagic_core::said::{Reason, Said};
use pelagic_core::{ColType, Value, input};
use pelagic_store::Tx;
use pelagic_store::records::{self as rows, ListQuery};

use super::{RecordService, Target, no_such};
use crate::history::{self, Change};
use crate::policy::{Operation, Policy};
use crate::{AppError, AppResult};

/// Most records one transfer names or matches, and most it moves with what follows them.
pub const MAX_TRANSFER: usize = 10_000;
const MAX_MOVED: usize = 50_000;

/// Which records go to whom.
#[derive(Debug, Clone, Default)]
pub struct TransferRequest {
    pub ids: Option<Vec<String>>,
    pub filter: Option<Filter>,
    pub owner_id: String,
    /// Whether the records that belong to them follow: those pointing at them through a
    /// cascading lookup (an account's contacts and deals) and open tasks about them.
    pub related: bool,
}

impl RecordService<'_> {
    /// Gives records of `object` to a new owner; gives how many records of each object moved.
    pub async fn transfer(
        &self,
        object: &str,
        req: &TransferRequest,
    ) -> AppResult<BTreeMap<String, usize>> {
        let t = self.target(object).await?;
        let obj = &t.obj;
        let policy = t.policy(self.actor);
        policy.require(obj, Operation::Transfer)?;
        policy.require_owner_allowed(obj, Operation::Transfer, &req.owner_id)?;
        let chosen = match (&req.ids, &req.filter) {
            (Some(ids), None) => {
                if ids.is_empty() || ids.len() > MAX_TRANSFER {
                    return Err(AppError::Invalid(format!(
                        "name between 1 and {MAX_TRANSFER} ids"
                    )));
                }
                for id in ids {
                    input::check_id(id).map_err(|_| no_such(obj, id))?;
                }
                in_list("id", ids)
            }
            (None, Some(filter)) => {
                let readable = |f: &pelagic_core::FieldDef| policy.field_access(obj, f).readable();
                plan::plan_filter(obj, filter, &readable, &self.plan_context(&t.snap))?
            }
            _ => return Err(AppError::Invalid("give either ids or a filter".into())),
        };

        let mut tx = self.app.db().begin().await?;
        let roots = owned_by(&mut tx, obj, &policy, chosen, MAX_TRANSFER).await?;
        if let Some(ids) = &req.ids
            && let Some(missing) = ids.iter().find(|i| !roots.iter().any(|(r, _)| r == *i))
        {
            return Err(no_such(obj, missing));
        }
        if roots.len() > MAX_TRANSFER {
            return Err(Said::new(Reason::TransferAtMost)
                .with("max", MAX_TRANSFER)
                .into());
        }
        let mut moved: BTreeMap<String, Vec<(String, Option<String>)>> = BTreeMap::new();
        let root_ids: Vec<String> = roots.iter().map(|(id, _)| id.clone()).collect();
        moved.insert(obj.name.clone(), roots);
        if req.related {
            self.followers(&mut tx, &t, &root_ids, &req.owner_id, &mut moved)
                .await?;
        }
        if moved.values().map(Vec::len).sum::<usize>() > MAX_MOVED {
            return Err(Said::new(Reason::MovesAtMost).with("max", MAX_MOVED).into());
        }
        let now = self.app.now();
        let mut counts = BTreeMap::new();
        for (name, records) in &moved {
            let table = &t.snap.schema.object(name)?.table;
            let changing: Vec<&(String, Option<String>)> = records
                .iter()
                .filter(|(_, owner)| owner.as_deref() != Some(req.owner_id.as_str()))
                .collect();
            for chunk in changing.chunks(500) {
                let ids: Vec<String> = chunk.iter().map(|(id, _)| id.clone()).collect();
                let sets = [
                    (
                        ColumnName::fixed("owner_id"),
                        ColType::Text,
                        Value::Text(req.owner_id.clone()),
                    ),
                    (
                        ColumnName::fixed("updated_at"),
                        ColType::DateTime,
                        Value::DateTime(now),
                    ),
                ];
                rows::update(&mut tx, table, &sets, &in_list("id", &ids)).await?;
                let entries: Vec<_> = chunk
                    .iter()
                    .map(|(id, old)| {
                        Change {
                            object: name,
                            record_id: id,
                            user_id: &self.actor.user_id,
                            at: now,
                        }
                        .transferred(old.as_deref(), &req.owner_id)
                    })
                    .collect();
                history::append(&mut tx, &entries).await?;
            }
            // The objects that follow are named only when some record of them moved.
            if !changing.is_empty() || *name == obj.name {
                counts.insert(name.clone(), changing.len());
            }
        }
        tx.commit().await?;
        Ok(counts)
    }

    /// Adds to `moved` the records that follow the roots: children through cascading lookups
    /// and open records (a status of `open`) referring to any of them, where the actor may
    /// transfer them to that owner.
    async fn followers(
        &self,
        tx: &mut Tx,
        t: &Target,
        roots: &[String],
        owner: &str,
        moved: &mut BTreeMap<String, Vec<(String, Option<String>)>>,
    ) -> AppResult<()> {
        let policy = t.policy(self.actor);
        let parent = &t.obj.name;
        for child in t.snap.schema.objects.values() {
            if policy
                .require_owner_allowed(child, Operation::Transfer, owner)
                .is_err()
            {
                continue;
            }
            for f in &child.fields {
                let pointing = match f.kind {
                    FieldKind::Lookup
                        if f.cascade && f.target.as_deref() == Some(parent.as_str()) =>
                    {
                        in_list(&f.column, roots)
                    }
                    FieldKind::Reference if child.field("status").is_some() => Pred::And(vec![
                        eq(&format!("{}_object", f.column), parent),
                        in_list(&format!("{}_id", f.column), roots),
                        eq("status", "open"),
                    ]),
                    _ => continue,
                };
                let found = owned_by(tx, child, &policy, pointing, MAX_MOVED).await?;
                let list = moved.entry(child.name.clone()).or_default();
                for r in found {
                    if !list.iter().any(|(id, _)| *id == r.0) {
                        list.push(r);
                    }
                }
            }
        }
        Ok(())
    }
}

/// Live records of `obj` matching `pred` that the actor may transfer, with their owners.
async fn owned_by(
    tx: &mut Tx,
    obj: &ObjectDef,
    policy: &Policy<'_>,
    pred: Pred,
    limit: usize,
) -> AppResult<Vec<(String, Option<String>)>> {
    let mut projection = Projection::default();
    projection.push("id", ColType::Text);
    projection.push("owner_id", ColType::Text);
    let pred = Pred::And(vec![
        policy.reachable(obj, Operation::Edit),
        policy.scope(obj, Operation::Transfer),
        pred,
    ]);
    let found = rows::select_tx(
        tx,
        &ListQuery {
            table: &obj.table,
            projection: &projection,
            pred: &pred,
            order: &[],
            limit: limit as u64 + 1,
            drive: None,
        },
    )
    .await?;
    Ok(found
        .into_iter()
        .map(|r| {
            let text = |v: &Value| v.as_str().map(str::to_owned);
            (text(&r[0]).unwrap_or_default(), text(&r[1]))
        })
        .collect())
}

fn eq(col: &str, v: &str) -> Pred {
    Pred::Cmp {
        col: col.to_name(),
        op: Cmp::Eq,
        value: Value::Text(v.to_owned()),
    }
}

fn in_list(col: &str, ids: &[String]) -> Pred {
    Pred::In {
        col: col.to_name(),
        values: ids.iter().cloned().map(Value::Text).collect(),
    }
}
