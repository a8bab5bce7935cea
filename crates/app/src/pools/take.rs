//! Taking records out of a pool — a member's claim, an administrator's assignment, a push by
//! rule — and giving them back. Race-free on both databases: the owner is set by a conditional
//! update (of concurrent claims of one record exactly one changes a row), and every limit is
//! checked under a per-user lock (PostgreSQL; SQLite has one writer), so no member exceeds one.

use chrono::{DateTime, Duration, Utc};
use pelagic_core::ids::RecordId;
use pelagic_core::meta::ObjectDef;
use pelagic_core::names::{Column, ColumnName};
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::said::{Reason, Said};
use pelagic_core::{ColType, Value};
use pelagic_store::pools::{self as store, PoolEventRow};
use pelagic_store::records as rows;
use pelagic_store::{Tx, pool_holds};
use serde::Serialize;

use super::{Pool, Refusal, new_hold};
use crate::history::Change;
use crate::policy::{Operation, Policy};
use crate::records::{Move, Record, RecordService, Stamp};
use crate::{AppError, AppResult};

/// The record `record_id` of `pool`, when the actor may put it back: their own, or one within
/// their transfer scope (any, for the pool's administrators).
pub(super) fn releasable(
    actor: &pelagic_core::access::Actor,
    pool: &Pool,
    obj: &ObjectDef,
    policy: &Policy<'_>,
    record_id: &str,
) -> Pred {
    Pred::And(vec![
        text_is("id", record_id),
        live(),
        Pred::Or(vec![
            text_is("owner_id", &actor.user_id),
            if pool.is_admin(actor) {
                Pred::True
            } else {
                policy.scope(obj, Operation::Transfer)
            },
        ]),
    ])
}

/// Most records one assignment or push hands out.
pub const MAX_ASSIGN: usize = 500;

/// What a push by rule did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Distribution {
    /// How many records each member got, by user id.
    pub assigned: std::collections::BTreeMap<String, usize>,
    /// Records left in the pool: no matching member, or every match at a limit.
    pub left: usize,
}

fn text_is(col: &str, v: &str) -> Pred {
    Pred::Cmp {
        col: col.to_name(),
        op: Cmp::Eq,
        value: Value::Text(v.to_owned()),
    }
}

fn live() -> Pred {
    Pred::IsNull {
        col: "deleted_at".into(),
    }
}

/// Records of `obj` in `pool` (no owner, not deleted).
pub(crate) fn in_pool(pool_id: &str) -> Pred {
    Pred::And(vec![
        text_is("pool_id", pool_id),
        Pred::IsNull {
            col: "owner_id".into(),
        },
        live(),
    ])
}

impl RecordService<'_> {
    /// The actor claims a record of a pool they are a member of.
    pub async fn claim(&self, pool_id: &str, record_id: &str) -> AppResult<Record> {
        let pool = self.app.visible_pool(self.actor, pool_id).await?;
        let snap = self.app.snapshot().await?;
        if !pool.is_member(&self.actor.user_id, &snap.access) && !pool.is_admin(self.actor) {
            return Err(AppError::Refused(Refusal::NotMember));
        }
        let obj = snap.schema.object(&pool.row.object)?.clone();
        let mut tx = self.app.db().begin().await?;
        self.take(
            &mut tx,
            &pool,
            &obj,
            &[record_id.to_owned()],
            &self.actor.user_id,
            "claim",
        )
        .await?;
        tx.commit().await?;
        self.get(&obj.name, &RecordId::stored(record_id)).await
    }

    /// A pool administrator hands chosen records of the pool to a member.
    pub async fn assign(&self, pool_id: &str, ids: &[String], user_id: &str) -> AppResult<usize> {
        let pool = self.app.visible_pool(self.actor, pool_id).await?;
        self.assignable(&pool, user_id).await?;
        if ids.is_empty() || ids.len() > MAX_ASSIGN {
            return Err(AppError::Invalid(format!(
                "assign between 1 and {MAX_ASSIGN} records at a time"
            )));
        }
        let snap = self.app.snapshot().await?;
        let obj = snap.schema.object(&pool.row.object)?.clone();
        let mut tx = self.app.db().begin().await?;
        self.take(&mut tx, &pool, &obj, ids, user_id, "assign")
            .await?;
        tx.commit().await?;
        Ok(ids.len())
    }

    async fn assignable(&self, pool: &Pool, user_id: &str) -> AppResult<()> {
        if !pool.is_admin(self.actor) {
            return Err(AppError::from(Said::new(Reason::PoolAdminsHandOut)));
        }
        let snap = self.app.snapshot().await?;
        if pool.member_users(&snap.access).iter().any(|u| u == user_id) {
            Ok(())
        } else {
            Err(AppError::Refused(Refusal::NotMember))
        }
    }

    /// Gives `ids` of `pool` to `user`, inside `tx`; all of them or none.
    pub(super) async fn take(
        &self,
        tx: &mut Tx,
        pool: &Pool,
        obj: &ObjectDef,
        ids: &[String],
        user: &str,
        kind: &str,
    ) -> AppResult<()> {
        let now = self.app.now();
        let p = &pool.row;
        store::lock_user(tx, user).await?;
        if kind == "claim" && p.cool_down_days > 0 {
            let from = now - Duration::days(p.cool_down_days);
            for id in ids {
                if let Some(at) = store::last_lost(tx, id, user, from).await? {
                    let until = at + Duration::days(p.cool_down_days);
                    return Err(AppError::Refused(Refusal::CoolDown { until }));
                }
            }
        }
        let n = ids.len() as i64;
        if let Some(limit) = p.claim_limit {
            let held = Pred::And(vec![
                text_is("pool_id", &p.id),
                text_is("owner_id", user),
                live(),
            ]);
            if rows::count_tx(tx, &obj.table, &held).await? + n > limit {
                return Err(AppError::Refused(Refusal::ClaimLimit {
                    pool: p.name.clone(),
                    limit,
                }));
            }
        }
        if let Some(limit) = p.daily_claim_limit
            && store::taken_since(tx, &p.id, user, now - Duration::hours(24)).await? + n > limit
        {
            return Err(AppError::Refused(Refusal::DailyLimit {
                pool: p.name.clone(),
                limit,
            }));
        }
        if obj.name == "account"
            && let Some(limit) = crate::App::account_capacity_tx(tx).await?
        {
            let owned = Pred::And(vec![text_is("owner_id", user), live()]);
            if rows::count_tx(tx, &obj.table, &owned).await? + n > limit {
                return Err(AppError::Refused(Refusal::Capacity { limit }));
            }
        }
        let mut holds = Vec::with_capacity(ids.len());
        let mut events = Vec::with_capacity(ids.len());
        for id in ids {
            let history = Change {
                object: &obj.name,
                record_id: id,
                user_id: &self.actor.user_id,
                at: now,
            }
            .pool_move(kind, None, Some(user));
            let claim = Move {
                obj,
                sets: vec![(
                    ColumnName::fixed("owner_id"),
                    ColType::Text,
                    Value::Text(user.to_owned()),
                )],
                pred: Pred::And(vec![text_is("id", id), in_pool(&p.id)]),
                stamp: Stamp::Changed(now),
                history: vec![history],
            };
            if self.apply_move(tx, claim).await? != 1 {
                return Err(AppError::Refused(Refusal::Taken));
            }
            holds.push(new_hold(p, id, user, now));
            events.push(event(pool, id, user, Some(&self.actor.user_id), kind, now));
        }
        pool_holds::put(tx, &holds).await?;
        store::insert_events(tx, &events).await?;
        Ok(())
    }

    /// Puts a record back into a pool (its own, or another of its object): by its owner, a
    /// pool administrator, or someone who may transfer it. The cool-down starts for its owner.
    pub async fn release(&self, pool_id: &str, record_id: &str) -> AppResult<()> {
        let pool = self.app.visible_pool(self.actor, pool_id).await?;
        let snap = self.app.snapshot().await?;
        let obj = snap.schema.object(&pool.row.object)?.clone();
        let policy = Policy::new(self.actor, &snap.access, self.app.now());
        let not_found = || {
            AppError::NotFound(format!(
                "there is no {} with id '{}' that you hold",
                obj.name,
                record_id.chars().take(64).collect::<String>()
            ))
        };
        let mut tx = self.app.db().begin().await?;
        let mut p = Projection::default();
        p.push("owner_id", ColType::Text);
        let reach = releasable(self.actor, &pool, &obj, &policy, record_id);
        let row = rows::first_tx(&mut tx, &obj.table, &p, &reach)
            .await?
            .ok_or_else(not_found)?;
        let Value::Text(owner) = &row[0] else {
            return Err(AppError::from(Said::new(Reason::AlreadyInPool)));
        };
        let now = self.app.now();
        let mut sets = vec![(ColumnName::fixed("owner_id"), ColType::Text, Value::Null)];
        if let Some(f) = obj.field("pool_id") {
            sets.extend(f.text_sets(Some(&pool.row.id)));
        }
        let change = Change {
            object: &obj.name,
            record_id,
            user_id: &self.actor.user_id,
            at: now,
        };
        let release = Move {
            obj: &obj,
            sets,
            pred: Pred::And(vec![text_is("id", record_id), text_is("owner_id", owner)]),
            stamp: Stamp::Changed(now),
            history: vec![change.pool_move("release", Some(owner), None)],
        };
        if self.apply_move(&mut tx, release).await? != 1 {
            return Err(not_found());
        }
        pool_holds::end(&mut tx, &obj.name, &[record_id.to_owned()]).await?;
        let e = event(
            &pool,
            record_id,
            owner,
            Some(&self.actor.user_id),
            "release",
            now,
        );
        store::insert_events(&mut tx, &[e]).await?;
        tx.commit().await?;
        Ok(())
    }
}

pub(super) fn event(
    pool: &Pool,
    record_id: &str,
    user: &str,
    actor: Option<&str>,
    kind: &str,
    at: DateTime<Utc>,
) -> PoolEventRow {
    PoolEventRow {
        id: crate::ids::new_id(),
        pool_id: pool.row.id.clone(),
        object: pool.row.object.clone(),
        record_id: record_id.to_owned(),
        user_id: user.to_owned(),
        actor_id: actor.map(str::to_owned),
        kind: kind.to_owned(),
        at,
    }
}
