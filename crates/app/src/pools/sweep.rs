//! The return sweep: held records whose deadline has come go back to their pools (owner cleared,
//! the return in the history, the owner notified), and owners are warned before. Each hold is
//! taken by one transaction (PostgreSQL skips rows another instance has locked; SQLite has one
//! writer), so however many instances sweep, every return and every warning happens once.

use pelagic_core::names::ColumnName;
use std::collections::BTreeMap;

use pelagic_core::output::Projection;
use pelagic_core::plan::Pred;
use pelagic_core::{ColType, Value};
use pelagic_store::pool_holds::{self, HoldRow};
use pelagic_store::records::{self as rows, ListQuery};
use pelagic_store::{Tx, notifications, pools as store};
use serde::Serialize;
use serde_json::json;

use super::Pool;
use super::take::event;
use crate::history::Change;
use crate::records::{Move, Stamp};
use crate::{App, AppResult};

/// Holds handled per transaction.
const CHUNK: u64 = 1000;
/// Records a notification names (the rest are counted).
const NAMED: usize = 10;

/// What one sweep did.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize)]
pub struct SweepReport {
    pub returned: usize,
    pub warned: usize,
}

fn ids_in(ids: &[String]) -> Pred {
    Pred::In {
        col: "id".into(),
        values: ids.iter().map(|i| Value::Text(i.clone())).collect(),
    }
}

impl App {
    /// Returns every held record whose deadline has come and warns owners whose warning time
    /// has come.
    pub async fn sweep_pools(&self) -> AppResult<SweepReport> {
        let pools = self.all_pools().await?;
        let mut report = SweepReport::default();
        loop {
            let (seen, returned) = self.return_chunk(&pools).await?;
            report.returned += returned;
            if seen < CHUNK as usize {
                break;
            }
        }
        loop {
            let n = self.warn_chunk(&pools).await?;
            report.warned += n;
            if n < CHUNK as usize {
                break;
            }
        }
        Ok(report)
    }

    /// Handles up to one chunk of due holds; gives how many it saw and how many records went back.
    async fn return_chunk(&self, pools: &[Pool]) -> AppResult<(usize, usize)> {
        let now = self.now();
        let mut tx = self.db().begin().await?;
        let due = pool_holds::come(&mut tx, "due_at", now, CHUNK).await?;
        if due.is_empty() {
            // Ended at once: an idle transaction would keep its locks until the connection is
            // used again.
            tx.commit().await?;
            return Ok((0, 0));
        }
        let snap = self.snapshot().await?;
        let mut by_object: BTreeMap<&str, Vec<&HoldRow>> = BTreeMap::new();
        for h in &due {
            by_object.entry(&h.object).or_default().push(h);
        }
        let mut events = Vec::new();
        let mut told: BTreeMap<(String, String), Vec<(String, String)>> = BTreeMap::new();
        for (object, holds) in by_object {
            let ids: Vec<String> = holds.iter().map(|h| h.record_id.clone()).collect();
            pool_holds::end(&mut tx, object, &ids).await?;
            let Ok(obj) = snap.schema.object(object) else {
                continue;
            };
            let current = current_owners(
                &mut tx,
                &obj.table,
                obj.field("name").map(|f| f.column.as_str()),
                &ids,
            )
            .await?;
            // The records going back, each with its history entry, in step.
            let mut back = Vec::new();
            let mut moved = Vec::new();
            for h in holds {
                let Some((owner, pool_id, name)) = current.get(&h.record_id) else {
                    continue;
                };
                let (Some(owner), Some(pool)) =
                    (owner, pools.iter().find(|p| p.row.id == h.pool_id))
                else {
                    continue;
                };
                if pool_id.as_deref() != Some(h.pool_id.as_str()) {
                    continue;
                }
                back.push(h.record_id.clone());
                let mut entry = Change {
                    object,
                    record_id: &h.record_id,
                    user_id: "",
                    at: now,
                }
                .pool_move("return", Some(owner), None);
                entry.user_id = None;
                moved.push(entry);
                events.push(event(pool, &h.record_id, owner, None, "return", now));
                told.entry((owner.clone(), pool.row.id.clone()))
                    .or_default()
                    .push((h.record_id.clone(), name.clone()));
            }
            let records = self.system_records();
            let mut moved = moved.into_iter();
            for chunk in back.chunks(500) {
                let history = moved.by_ref().take(chunk.len()).collect();
                let sweep = Move {
                    obj,
                    sets: vec![(ColumnName::fixed("owner_id"), ColType::Text, Value::Null)],
                    pred: ids_in(chunk),
                    stamp: Stamp::Changed(now),
                    history,
                };
                records.apply_move(&mut tx, sweep).await?;
            }
        }
        store::insert_events(&mut tx, &events).await?;
        let notes: Vec<_> = told
            .into_iter()
            .map(|((owner, pool_id), records)| {
                let pool = pools.iter().find(|p| p.row.id == pool_id);
                notice(owner, "pool_returned", pool, &records, None, now)
            })
            .collect();
        notifications::insert(&mut tx, &notes).await?;
        tx.commit().await?;
        Ok((due.len(), events.len()))
    }

    async fn warn_chunk(&self, pools: &[Pool]) -> AppResult<usize> {
        let now = self.now();
        let mut tx = self.db().begin().await?;
        let come = pool_holds::come(&mut tx, "warn_at", now, CHUNK).await?;
        if come.is_empty() {
            tx.commit().await?;
            return Ok(0);
        }
        let snap = self.snapshot().await?;
        let mut told: BTreeMap<(String, String), Vec<(String, String)>> = BTreeMap::new();
        let mut due_at: BTreeMap<(String, String), chrono::DateTime<chrono::Utc>> = BTreeMap::new();
        let mut by_object: BTreeMap<&str, Vec<&HoldRow>> = BTreeMap::new();
        for h in &come {
            by_object.entry(&h.object).or_default().push(h);
        }
        for (object, holds) in by_object {
            let Ok(obj) = snap.schema.object(object) else {
                continue;
            };
            let ids: Vec<String> = holds.iter().map(|h| h.record_id.clone()).collect();
            let current = current_owners(
                &mut tx,
                &obj.table,
                obj.field("name").map(|f| f.column.as_str()),
                &ids,
            )
            .await?;
            for h in holds {
                let Some((Some(owner), _, name)) = current.get(&h.record_id) else {
                    continue;
                };
                let key = (owner.clone(), h.pool_id.clone());
                told.entry(key.clone())
                    .or_default()
                    .push((h.record_id.clone(), name.clone()));
                if let Some(due) = h.due_at {
                    let e = due_at.entry(key).or_insert(due);
                    *e = (*e).min(due);
                }
            }
        }
        pool_holds::warned(&mut tx, &come).await?;
        let notes: Vec<_> = told
            .into_iter()
            .map(|(key, records)| {
                let pool = pools.iter().find(|p| p.row.id == key.1);
                notice(
                    key.0.clone(),
                    "pool_due_soon",
                    pool,
                    &records,
                    due_at.get(&key).copied(),
                    now,
                )
            })
            .collect();
        notifications::insert(&mut tx, &notes).await?;
        tx.commit().await?;
        Ok(come.len())
    }
}

/// Each record's owner, pool and name, by id.
async fn current_owners(
    tx: &mut Tx,
    table: &str,
    name_col: Option<&str>,
    ids: &[String],
) -> AppResult<BTreeMap<String, (Option<String>, Option<String>, String)>> {
    let mut p = Projection::default();
    p.push("id", ColType::Text);
    p.push("owner_id", ColType::Text);
    p.push("pool_id", ColType::Text);
    if let Some(c) = name_col {
        p.push(c, ColType::Text);
    }
    let mut out = BTreeMap::new();
    for chunk in ids.chunks(500) {
        let found = rows::select_tx(
            tx,
            &ListQuery {
                table,
                projection: &p,
                pred: &ids_in(chunk),
                order: &[],
                limit: chunk.len() as u64,
                drive: None,
            },
        )
        .await?;
        for r in found {
            let text = |v: &Value| v.as_str().map(str::to_owned);
            out.insert(
                text(&r[0]).unwrap_or_default(),
                (
                    text(&r[1]),
                    text(&r[2]),
                    r.get(3).and_then(text).unwrap_or_default(),
                ),
            );
        }
    }
    Ok(out)
}

/// One notification to `owner` about several records of one pool.
fn notice(
    owner: String,
    kind: &str,
    pool: Option<&Pool>,
    records: &[(String, String)],
    due_at: Option<chrono::DateTime<chrono::Utc>>,
    now: chrono::DateTime<chrono::Utc>,
) -> pelagic_store::notifications::NotificationRow {
    let named: Vec<_> = records
        .iter()
        .take(NAMED)
        .map(|(id, name)| json!({ "id": id, "name": name }))
        .collect();
    let object = pool.map(|p| p.row.object.as_str()).unwrap_or_default();
    let data = json!({
        "pool_id": pool.map(|p| p.row.id.as_str()),
        "pool": pool.map(|p| p.row.name.as_str()),
        "object": object,
        "count": records.len(),
        "records": named,
        "due_at": due_at.map(|d| d.to_rfc3339()),
    });
    let single = (records.len() == 1).then(|| (object, records[0].0.as_str()));
    crate::notifications::new(&owner, kind, data, single, now)
}
