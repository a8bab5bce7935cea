//! Pools of leads and of accounts (the customer "high seas"): records without an owner that
//! members claim or pool administrators hand out, within limits, and that go back to the pool
//! when their owner neither follows them up nor closes them in time.
//!
//! A record is *in* its pool when it has a `pool_id` and no owner; it is *held* when it has both,
//! and then a hold row carries its deadlines (see `store::pool_holds`).

use pelagic_core::ids::RecordId;
mod admin;
mod distribute;
mod entry;
mod refusal;
mod sweep;
mod take;

use std::collections::{BTreeMap, HashSet};

use pelagic_core::access::Actor;
use pelagic_store::pool_holds::HoldRow;
use pelagic_store::pools::{self as store, PoolMemberRow, PoolRow};

use crate::access::AccessRules;
use crate::{App, AppError, AppResult};

pub use admin::{PoolChange, PoolView};
pub use distribute::Rule;
pub(crate) use entry::{Entries, closed, followed_up};
pub use refusal::Refusal;
pub use sweep::SweepReport;
pub(crate) use take::in_pool;
pub use take::{Distribution, MAX_ASSIGN};

/// The objects a pool may hold.
pub const POOL_OBJECTS: [&str; 2] = ["lead", "account"];

/// A pool with who works it.
#[derive(Debug, Clone)]
pub struct Pool {
    pub row: PoolRow,
    pub hidden_fields: Vec<String>,
    /// Users who administer the pool.
    pub admins: Vec<String>,
    /// Users who are members by name.
    pub members: Vec<String>,
    /// Teams whose users (and whose sub-teams' users) are members.
    pub teams: Vec<String>,
    /// What a push by rule gives each user: values of the pool's `match_field`.
    pub match_values: BTreeMap<String, Vec<String>>,
}

impl Pool {
    fn from_rows(row: PoolRow, members: &[PoolMemberRow]) -> Pool {
        let mut pool = Pool {
            hidden_fields: serde_json::from_str(&row.hidden_fields).unwrap_or_default(),
            row,
            admins: Vec::new(),
            members: Vec::new(),
            teams: Vec::new(),
            match_values: BTreeMap::new(),
        };
        for m in members.iter().filter(|m| m.pool_id == pool.row.id) {
            let (kind, id) = m.member.split_once(':').unwrap_or(("user", &m.member));
            match (kind, m.role.as_str()) {
                ("user", "admin") => pool.admins.push(id.to_owned()),
                ("user", _) => pool.members.push(id.to_owned()),
                ("team", _) => pool.teams.push(id.to_owned()),
                _ => {}
            }
            let values: Vec<String> = serde_json::from_str(&m.match_values).unwrap_or_default();
            if kind == "user" && !values.is_empty() {
                pool.match_values.insert(id.to_owned(), values);
            }
        }
        pool
    }

    pub fn id(&self) -> &str {
        &self.row.id
    }

    /// Whether the user administers this pool (administrators of Pelagic administer every pool).
    pub fn is_admin(&self, actor: &Actor) -> bool {
        actor.is_admin() || self.admins.iter().any(|a| *a == actor.user_id)
    }

    /// Whether the user may claim from this pool: a member by name or through a team.
    pub fn is_member(&self, user_id: &str, rules: &AccessRules) -> bool {
        self.members.iter().any(|m| m == user_id)
            || rules
                .member(user_id)
                .and_then(|m| m.team_id.as_deref())
                .is_some_and(|team| self.team_ids(rules).contains(team))
    }

    /// Whether the user may see what is in the pool.
    pub fn may_see(&self, actor: &Actor, rules: &AccessRules) -> bool {
        self.is_admin(actor) || self.is_member(&actor.user_id, rules)
    }

    /// The member teams and every team below them.
    fn team_ids<'r>(&self, rules: &'r AccessRules) -> HashSet<&'r str> {
        let mut covered: HashSet<&str> = rules
            .teams
            .iter()
            .filter(|t| self.teams.contains(&t.id))
            .map(|t| t.id.as_str())
            .collect();
        let mut frontier: Vec<&str> = covered.iter().copied().collect();
        while let Some(parent) = frontier.pop() {
            for t in &rules.teams {
                if t.parent_id.as_deref() == Some(parent) && covered.insert(&t.id) {
                    frontier.push(&t.id);
                }
            }
        }
        covered
    }

    /// Every active member, by id: those named and the users of member teams.
    pub fn member_users(&self, rules: &AccessRules) -> Vec<String> {
        let teams = self.team_ids(rules);
        let mut users: Vec<String> = rules
            .all_members()
            .filter(|m| m.active)
            .filter(|m| {
                self.members.contains(&m.user_id)
                    || m.team_id.as_deref().is_some_and(|t| teams.contains(t))
            })
            .map(|m| m.user_id.clone())
            .collect();
        users.sort();
        users
    }

    /// Whether a field stays hidden from this actor while a record sits in the pool.
    pub fn hides(&self, actor: &Actor, field: &str) -> bool {
        !self.is_admin(actor) && self.hidden_fields.iter().any(|f| f == field)
    }
}

impl App {
    /// Every pool, with who works it.
    pub(crate) async fn all_pools(&self) -> AppResult<Vec<Pool>> {
        let rows = store::pools(self.db()).await?;
        let members = store::members(self.db()).await?;
        Ok(rows
            .into_iter()
            .map(|r| Pool::from_rows(r, &members))
            .collect())
    }

    /// One pool, or 404.
    pub async fn pool(&self, id: &str) -> AppResult<Pool> {
        self.all_pools()
            .await?
            .into_iter()
            .find(|p| p.row.id == id)
            .ok_or_else(|| AppError::NotFound(format!("there is no pool '{id}'")))
    }

    /// One pool the actor may see (404 for a pool they are not part of, so that pools cannot be
    /// probed).
    pub async fn visible_pool(&self, actor: &Actor, id: &str) -> AppResult<Pool> {
        let pool = self.pool(id).await?;
        let snap = self.snapshot().await?;
        if pool.may_see(actor, &snap.access) {
            Ok(pool)
        } else {
            Err(AppError::NotFound(format!("there is no pool '{id}'")))
        }
    }
}

/// A new hold of a record taken from `pool` by `owner` at `now`, with its deadlines.
pub(crate) fn new_hold(
    pool: &PoolRow,
    record_id: &str,
    owner: &str,
    now: chrono::DateTime<chrono::Utc>,
) -> HoldRow {
    let after = |secs: Option<i64>| secs.map(|s| now + chrono::Duration::seconds(s));
    let mut hold = HoldRow {
        object: pool.object.clone(),
        record_id: record_id.to_owned(),
        pool_id: pool.id.clone(),
        owner_id: owner.to_owned(),
        claimed_at: now,
        follow_up_due_at: after(pool.follow_up_within),
        close_due_at: after(pool.close_within),
        due_at: None,
        warn_at: None,
    };
    schedule(&mut hold, pool.warn_before);
    hold
}

/// Works out when a hold is due (the earlier deadline) and when its owner is warned.
pub(crate) fn schedule(hold: &mut HoldRow, warn_before: Option<i64>) {
    hold.due_at = match (hold.follow_up_due_at, hold.close_due_at) {
        (Some(a), Some(b)) => Some(a.min(b)),
        (a, b) => a.or(b),
    };
    hold.warn_at = match (hold.due_at, warn_before) {
        (Some(due), Some(before)) => {
            Some((due - chrono::Duration::seconds(before)).max(hold.claimed_at))
        }
        _ => None,
    };
}

/// Where a record stands with its pool, for its page: in the pool, or held until a deadline.
#[derive(Debug, Clone)]
pub struct Standing {
    pub pool: Pool,
    /// Someone holds it (else it waits in the pool).
    pub held: bool,
    /// When it goes back unless followed up or closed.
    pub due_at: Option<chrono::DateTime<chrono::Utc>>,
    /// The reader may put it back now (the rule `release` checks).
    pub may_release: bool,
}

impl crate::records::RecordService<'_> {
    /// The pool a record the actor has read belongs to, if any.
    pub async fn pool_standing(
        &self,
        object: &str,
        record: &crate::records::Record,
    ) -> AppResult<Option<Standing>> {
        let (Some(pool_id), Some(id)) = (
            record.get("pool_id").and_then(serde_json::Value::as_str),
            record.get("id").and_then(serde_json::Value::as_str),
        ) else {
            return Ok(None);
        };
        let Ok(pool) = self.app.pool(pool_id).await else {
            return Ok(None);
        };
        let held = record.get("owner_id").is_some_and(|o| !o.is_null());
        let (due_at, may_release) = if held {
            let due = pelagic_store::pool_holds::of_record_now(self.app.db(), object, id)
                .await?
                .and_then(|h| h.due_at);
            (due, self.may_release(&pool, object, id).await?)
        } else {
            (None, false)
        };
        Ok(Some(Standing {
            pool,
            held,
            due_at,
            may_release,
        }))
    }

    /// Whether the actor may put record `id` of `pool` back, by the rule `release` checks.
    async fn may_release(&self, pool: &Pool, object: &str, id: &str) -> AppResult<bool> {
        let snap = self.app.snapshot().await?;
        let obj = snap.schema.object(object)?;
        let policy = crate::policy::Policy::new(self.actor, &snap.access, self.app.now());
        let mut p = pelagic_core::output::Projection::default();
        p.push("id", pelagic_core::ColType::Text);
        let reach = take::releasable(self.actor, pool, obj, &policy, id);
        Ok(
            pelagic_store::records::first(self.app.db(), &obj.table, &p, &reach)
                .await?
                .is_some(),
        )
    }
}

/// A record the actor holds from a pool, with when it goes back.
#[derive(Debug, Clone)]
pub struct Held {
    pub object: String,
    pub record: crate::records::Record,
    pub pool: String,
    pub due_at: chrono::DateTime<chrono::Utc>,
}

impl crate::records::RecordService<'_> {
    /// The records the actor holds that go back to their pools soonest (at most `limit`).
    pub async fn returning_soon(&self, limit: u64) -> AppResult<Vec<Held>> {
        let holds =
            pelagic_store::pool_holds::of_owner(self.app.db(), &self.actor.user_id, limit).await?;
        let pools = self.app.all_pools().await?;
        let mut out = Vec::new();
        for h in holds {
            let (Some(due_at), Ok(record)) = (
                h.due_at,
                self.get(&h.object, &RecordId::stored(h.record_id.clone()))
                    .await,
            ) else {
                continue;
            };
            let pool = pools
                .iter()
                .find(|p| p.row.id == h.pool_id)
                .map(|p| p.row.name.clone())
                .unwrap_or_default();
            out.push(Held {
                object: h.object,
                record,
                pool,
                due_at,
            });
        }
        Ok(out)
    }
}
