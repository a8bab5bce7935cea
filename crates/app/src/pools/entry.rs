//! Where pools meet the record pipeline: a record created with a `pool_id` (in the pool when it
//! has no owner, held with the pool's deadlines when it has one), a follow-up restarting the
//! follow-up clock, and a closing (a lead converted, a deal won) ending the closing clock.

use chrono::{DateTime, Duration, Utc};
use pelagic_core::meta::ObjectDef;
use pelagic_core::said::{Reason, Said};
use pelagic_core::{CoreError, FieldErrors};
use pelagic_store::pool_holds::{self, HoldRow};
use pelagic_store::{Tx, pools};
use serde_json::Value as Json;

use super::{Pool, new_hold, schedule};
use crate::AppResult;
use crate::records::RecordService;

/// The pool each record being created names, if any, by position in the batch.
pub(crate) struct Entries(pub Vec<Option<Pool>>);

impl Entries {
    /// Holds for the created records that name a pool and have an owner.
    pub(crate) fn holds(
        &self,
        created: &[(String, Option<String>)],
        now: DateTime<Utc>,
    ) -> Vec<HoldRow> {
        self.0
            .iter()
            .zip(created)
            .filter_map(|(pool, (id, owner))| {
                Some(new_hold(&pool.as_ref()?.row, id, owner.as_deref()?, now))
            })
            .collect()
    }
}

impl RecordService<'_> {
    /// Takes `pool_id` out of each body (it is not an ordinary field) and checks the pool: one of
    /// this object's pools, and one the actor works in.
    pub(crate) async fn pool_entries(
        &self,
        obj: &ObjectDef,
        bodies: &[Json],
        list_name: &str,
    ) -> AppResult<(Vec<Json>, Entries)> {
        let named = |b: &Json| b.get("pool_id").is_some_and(|v| !v.is_null());
        if obj.field("pool_id").is_none() || !bodies.iter().any(named) {
            let stripped = bodies
                .iter()
                .map(|b| match b {
                    Json::Object(m) if m.contains_key("pool_id") => {
                        let mut m = m.clone();
                        m.remove("pool_id");
                        Json::Object(m)
                    }
                    other => other.clone(),
                })
                .collect();
            return Ok((stripped, Entries(vec![None; bodies.len()])));
        }
        let pools = self.app.pools(self.actor).await?;
        let mut errors = FieldErrors::new();
        let mut out = Vec::with_capacity(bodies.len());
        let mut entries = Vec::with_capacity(bodies.len());
        for (i, body) in bodies.iter().enumerate() {
            let key = if list_name.is_empty() {
                "pool_id".to_owned()
            } else {
                format!("{list_name}[{i}].pool_id")
            };
            let mut body = body.clone();
            let given = body.as_object_mut().and_then(|m| m.remove("pool_id"));
            let pool = match given {
                None | Some(Json::Null) => None,
                Some(Json::String(id)) => {
                    match pools
                        .iter()
                        .find(|p| p.row.id == id && p.row.object == obj.name)
                    {
                        Some(p) => Some(p.clone()),
                        None => {
                            errors.insert(
                                key,
                                Said::new(Reason::NotInYourPool)
                                    .with("object", &obj.name)
                                    .with("id", &id),
                            );
                            None
                        }
                    }
                }
                Some(_) => {
                    errors.insert(key, Reason::NotAPoolId.into());
                    None
                }
            };
            out.push(body);
            entries.push(pool);
        }
        if !errors.is_empty() {
            return Err(CoreError::Validation(errors).into());
        }
        Ok((out, Entries(entries)))
    }
}

/// A follow-up on a held record at `at` moves its follow-up deadline to `at` plus the pool's
/// `follow_up_within` (never back).
pub(crate) async fn followed_up(
    tx: &mut Tx,
    object: &str,
    record_id: &str,
    at: DateTime<Utc>,
) -> AppResult<()> {
    let Some(mut hold) = pool_holds::of_record(tx, object, record_id).await? else {
        return Ok(());
    };
    let Some(pool) = pools::pool_tx(tx, &hold.pool_id).await? else {
        return Ok(());
    };
    let Some(within) = pool.follow_up_within else {
        return Ok(());
    };
    let due = at + Duration::seconds(within);
    if hold.follow_up_due_at.is_some_and(|d| d >= due) {
        return Ok(());
    }
    hold.follow_up_due_at = Some(due);
    schedule(&mut hold, pool.warn_before);
    pool_holds::set_deadlines(tx, &hold).await?;
    Ok(())
}

/// A lead converted or an account's deal won: the closing deadline no longer applies.
pub(crate) async fn closed(tx: &mut Tx, object: &str, record_id: &str) -> AppResult<()> {
    let Some(mut hold) = pool_holds::of_record(tx, object, record_id).await? else {
        return Ok(());
    };
    if hold.close_due_at.is_none() {
        return Ok(());
    }
    let warn_before = pools::pool_tx(tx, &hold.pool_id)
        .await?
        .and_then(|p| p.warn_before);
    hold.close_due_at = None;
    schedule(&mut hold, warn_before);
    pool_holds::set_deadlines(tx, &hold).await?;
    Ok(())
}
