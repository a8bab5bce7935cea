//! Setting pools up (administrators): name, object, who works them, limits, deadlines, the fields
//! hidden while a record sits in them, and the field a push by rule matches on.

use pelagic_core::said::{Reason, Said, Shown};
use std::collections::BTreeMap;

use pelagic_core::CoreError;
use pelagic_core::access::Actor;
use pelagic_core::span;
use pelagic_store::pools::{self as store, PoolMemberRow, PoolRow};
use serde::{Deserialize, Serialize};

use super::{POOL_OBJECTS, Pool};
use crate::policy::admin_only;
use crate::{App, AppError, AppResult};

/// A pool as clients see it. Durations are written like `7d`, `12h`, `30m`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PoolView {
    pub id: String,
    pub name: String,
    pub object: String,
    pub admins: Vec<String>,
    pub members: Vec<String>,
    pub teams: Vec<String>,
    pub claim_limit: Option<i64>,
    pub daily_claim_limit: Option<i64>,
    pub cool_down_days: i64,
    pub follow_up_within: Option<String>,
    pub close_within: Option<String>,
    pub warn_before: Option<String>,
    pub hidden_fields: Vec<String>,
    pub match_field: Option<String>,
    pub match_values: BTreeMap<String, Vec<String>>,
}

impl From<&Pool> for PoolView {
    fn from(p: &Pool) -> Self {
        PoolView {
            id: p.row.id.clone(),
            name: p.row.name.clone(),
            object: p.row.object.clone(),
            admins: p.admins.clone(),
            members: p.members.clone(),
            teams: p.teams.clone(),
            claim_limit: p.row.claim_limit,
            daily_claim_limit: p.row.daily_claim_limit,
            cool_down_days: p.row.cool_down_days,
            follow_up_within: p.row.follow_up_within.map(span::format),
            close_within: p.row.close_within.map(span::format),
            warn_before: p.row.warn_before.map(span::format),
            hidden_fields: p.hidden_fields.clone(),
            match_field: p.row.match_field.clone(),
            match_values: p.match_values.clone(),
        }
    }
}

/// A new pool, or what changes about one. Lists replace what was there; a limit of 0 and an
/// empty duration mean "none".
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PoolChange {
    pub name: Option<String>,
    pub object: Option<String>,
    pub admins: Option<Vec<String>>,
    pub members: Option<Vec<String>>,
    pub teams: Option<Vec<String>>,
    pub claim_limit: Option<i64>,
    pub daily_claim_limit: Option<i64>,
    pub cool_down_days: Option<i64>,
    pub follow_up_within: Option<String>,
    pub close_within: Option<String>,
    pub warn_before: Option<String>,
    pub hidden_fields: Option<Vec<String>>,
    pub match_field: Option<String>,
    pub match_values: Option<BTreeMap<String, Vec<String>>>,
}

impl App {
    /// The pools the actor administers or works in (every pool, for administrators).
    pub async fn pools(&self, actor: &Actor) -> AppResult<Vec<Pool>> {
        let snap = self.snapshot().await?;
        Ok(self
            .all_pools()
            .await?
            .into_iter()
            .filter(|p| p.may_see(actor, &snap.access))
            .collect())
    }

    pub async fn create_pool(&self, actor: &Actor, change: PoolChange) -> AppResult<Pool> {
        admin_only(actor)?;
        let object = change
            .object
            .clone()
            .ok_or_else(|| CoreError::field("object", Reason::Required))?;
        let now = self.now();
        let row = PoolRow {
            id: crate::ids::new_id(),
            name: String::new(),
            object,
            claim_limit: None,
            daily_claim_limit: None,
            cool_down_days: 0,
            follow_up_within: None,
            close_within: None,
            warn_before: None,
            hidden_fields: "[]".into(),
            match_field: None,
            next_member: 0,
            created_at: now,
            updated_at: now,
        };
        let pool = Pool::from_rows(row, &[]);
        self.save_pool(actor, pool, change, true).await
    }

    pub async fn update_pool(
        &self,
        actor: &Actor,
        id: &str,
        change: PoolChange,
    ) -> AppResult<Pool> {
        admin_only(actor)?;
        let pool = self.pool(id).await?;
        if change
            .object
            .as_ref()
            .is_some_and(|o| *o != pool.row.object)
        {
            return Err(CoreError::field("object", Reason::PoolKeepsObject).into());
        }
        self.save_pool(actor, pool, change, false).await
    }

    async fn save_pool(
        &self,
        actor: &Actor,
        mut pool: Pool,
        c: PoolChange,
        new: bool,
    ) -> AppResult<Pool> {
        let snap = self.snapshot().await?;
        let field = |name: &str, said: Said| AppError::from(CoreError::field(name, said));
        if !POOL_OBJECTS.contains(&pool.row.object.as_str()) {
            return Err(field("object", Reason::PoolObjects.into()));
        }
        let obj = snap.schema.object(&pool.row.object)?.clone();
        if let Some(name) = c.name {
            let name = name.trim();
            if name.is_empty() || name.chars().count() > 100 {
                return Err(field("name", Said::length(1, 100)));
            }
            pool.row.name = name.to_owned();
        }
        if pool.row.name.is_empty() {
            return Err(field("name", Reason::Required.into()));
        }
        let user_known = |u: &String| snap.access.member(u).is_some();
        for (name, list) in [("admins", &c.admins), ("members", &c.members)] {
            if let Some(bad) = list.iter().flatten().find(|u| !user_known(u)) {
                return Err(field(
                    name,
                    Said::new(Reason::NoSuchUser).with("value", bad),
                ));
            }
        }
        if let Some(bad) = c
            .teams
            .iter()
            .flatten()
            .find(|t| !snap.access.teams.iter().any(|team| team.id == **t))
        {
            return Err(field(
                "teams",
                Said::new(Reason::NoSuchTeam).with("value", bad),
            ));
        }
        pool.admins = c.admins.unwrap_or(pool.admins);
        pool.members = c.members.unwrap_or(pool.members);
        pool.teams = c.teams.unwrap_or(pool.teams);
        let limit = |name: &str, v: Option<i64>, old: Option<i64>| match v {
            None => Ok(old),
            Some(0) => Ok(None),
            Some(n) if (1..=1_000_000).contains(&n) => Ok(Some(n)),
            Some(_) => Err(field(name, Reason::PoolLimit.into())),
        };
        pool.row.claim_limit = limit("claim_limit", c.claim_limit, pool.row.claim_limit)?;
        pool.row.daily_claim_limit = limit(
            "daily_claim_limit",
            c.daily_claim_limit,
            pool.row.daily_claim_limit,
        )?;
        if let Some(days) = c.cool_down_days {
            if !(0..=3650).contains(&days) {
                return Err(field(
                    "cool_down_days",
                    Said::new(Reason::DaysRange)
                        .with("low", 0)
                        .with("high", 3650),
                ));
            }
            pool.row.cool_down_days = days;
        }
        let duration = |name: &str, v: Option<String>, old: Option<i64>| match v {
            None => Ok(old),
            Some(t) if t.trim().is_empty() => Ok(None),
            Some(t) => span::parse(&t)
                .map(Some)
                .ok_or_else(|| field(name, Said::new(Reason::NotADuration).with("value", &t))),
        };
        pool.row.follow_up_within = duration(
            "follow_up_within",
            c.follow_up_within,
            pool.row.follow_up_within,
        )?;
        pool.row.close_within = duration("close_within", c.close_within, pool.row.close_within)?;
        pool.row.warn_before = duration("warn_before", c.warn_before, pool.row.warn_before)?;
        if let Some(hidden) = c.hidden_fields {
            for f in &hidden {
                match obj.field(f) {
                    Some(def) if !def.system && f != "name" => {}
                    _ => {
                        return Err(field(
                            "hidden_fields",
                            Said::new(Reason::NotHideable).with("value", f),
                        ));
                    }
                }
            }
            pool.hidden_fields = hidden;
        }
        if let Some(m) = c.match_field {
            pool.row.match_field = match m.trim() {
                "" => None,
                name if obj.field(name).is_some_and(|f| !f.system) => Some(name.to_owned()),
                other => {
                    return Err(field(
                        "match_field",
                        Said::new(Reason::NoSuchField)
                            .with("object", &obj.name)
                            .with("field", other),
                    ));
                }
            };
        }
        if let Some(values) = c.match_values {
            pool.match_values = values.into_iter().filter(|(_, v)| !v.is_empty()).collect();
        }
        pool.row.hidden_fields =
            serde_json::to_string(&pool.hidden_fields).unwrap_or_else(|_| "[]".into());
        pool.row.updated_at = self.now();

        let mut members: Vec<PoolMemberRow> = Vec::new();
        let values_of = |u: &str| {
            serde_json::to_string(pool.match_values.get(u).unwrap_or(&Vec::new()))
                .unwrap_or_else(|_| "[]".into())
        };
        let mut add = |member: String, role: &str, values: String| {
            if !members.iter().any(|m| m.member == member && m.role == role) {
                members.push(PoolMemberRow {
                    pool_id: pool.row.id.clone(),
                    member,
                    role: role.to_owned(),
                    match_values: values,
                });
            }
        };
        for u in &pool.admins {
            add(format!("user:{u}"), "admin", "[]".into());
        }
        for u in &pool.members {
            add(format!("user:{u}"), "member", values_of(u));
        }
        for t in &pool.teams {
            add(format!("team:{t}"), "member", "[]".into());
        }
        let mut tx = self.db().begin().await?;
        let saved = if new {
            store::insert_pool(&mut tx, &pool.row).await.map(|_| true)
        } else {
            store::update_pool(&mut tx, &pool.row).await
        };
        match saved {
            Ok(_) => {}
            Err(pelagic_store::StoreError::Unique(_)) => {
                return Err(crate::AppError::from(
                    Said::new(Reason::PoolExists)
                        .with_shown("objects", &obj.name, Shown::Objects)
                        .with("value", &pool.row.name),
                ));
            }
            Err(e) => return Err(e.into()),
        }
        store::set_members(&mut tx, &pool.row.id, &members).await?;
        let detail = serde_json::to_value(PoolView::from(&pool)).unwrap_or_default();
        let action = if new { "pool_create" } else { "pool_update" };
        self.audit_in(
            &mut tx,
            crate::audit::change(actor, action, &pool.row.id, detail),
        )
        .await?;
        tx.commit().await?;
        self.pool(&pool.row.id).await
    }
}
