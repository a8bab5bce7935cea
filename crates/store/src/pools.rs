//! Pools of leads or accounts, who works each, and the log of claims, assignments, releases and
//! returns that daily limits and cool-downs are counted from.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, count_tx, eq, select_all, text};
use crate::records;

const POOLS: &str = "pools";
const MEMBERS: &str = "pool_members";
const EVENTS: &str = "pool_events";

/// A pool's settings. Durations are in seconds; `hidden_fields` a JSON list of field names.
#[derive(Debug, Clone, PartialEq)]
pub struct PoolRow {
    pub id: String,
    pub name: String,
    pub object: String,
    pub claim_limit: Option<i64>,
    pub daily_claim_limit: Option<i64>,
    pub cool_down_days: i64,
    pub follow_up_within: Option<i64>,
    pub close_within: Option<i64>,
    pub warn_before: Option<i64>,
    pub hidden_fields: String,
    pub match_field: Option<String>,
    pub next_member: i64,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const POOL_COLUMNS: [(&str, ColType); 14] = [
    ("id", ColType::Text),
    ("name", ColType::Text),
    ("object", ColType::Text),
    ("claim_limit", ColType::BigInt),
    ("daily_claim_limit", ColType::BigInt),
    ("cool_down_days", ColType::BigInt),
    ("follow_up_within", ColType::BigInt),
    ("close_within", ColType::BigInt),
    ("warn_before", ColType::BigInt),
    ("hidden_fields", ColType::Text),
    ("match_field", ColType::Text),
    ("next_member", ColType::BigInt),
    ("created_at", ColType::DateTime),
    ("updated_at", ColType::DateTime),
];

fn int_or_null(v: Option<i64>) -> Value {
    v.map_or(Value::Null, Value::Int)
}

fn pool_values(p: &PoolRow) -> Vec<Value> {
    vec![
        Value::Text(p.id.clone()),
        Value::Text(p.name.clone()),
        Value::Text(p.object.clone()),
        int_or_null(p.claim_limit),
        int_or_null(p.daily_claim_limit),
        Value::Int(p.cool_down_days),
        int_or_null(p.follow_up_within),
        int_or_null(p.close_within),
        int_or_null(p.warn_before),
        Value::Text(p.hidden_fields.clone()),
        Value::text_or_null(p.match_field.clone()),
        Value::Int(p.next_member),
        Value::DateTime(p.created_at),
        Value::DateTime(p.updated_at),
    ]
}

fn read_pool(r: &[Value]) -> PoolRow {
    PoolRow {
        id: text(&r[0]),
        name: text(&r[1]),
        object: text(&r[2]),
        claim_limit: r[3].as_int(),
        daily_claim_limit: r[4].as_int(),
        cool_down_days: r[5].as_int().unwrap_or_default(),
        follow_up_within: r[6].as_int(),
        close_within: r[7].as_int(),
        warn_before: r[8].as_int(),
        hidden_fields: text(&r[9]),
        match_field: r[10].as_str().map(str::to_owned),
        next_member: r[11].as_int().unwrap_or_default(),
        created_at: r[12].as_datetime().unwrap_or_default(),
        updated_at: r[13].as_datetime().unwrap_or_default(),
    }
}

/// Every pool, by name.
pub async fn pools(db: &Db) -> Result<Vec<PoolRow>> {
    let rows = select_all(db, POOLS, &POOL_COLUMNS, &Pred::True, "name").await?;
    Ok(rows.iter().map(|r| read_pool(r)).collect())
}

/// One pool read inside a transaction (so that a claim sees the settings it is judged by).
pub async fn pool_tx(tx: &mut Tx, id: &str) -> Result<Option<PoolRow>> {
    let p = crate::fixed::projection(&POOL_COLUMNS);
    Ok(records::first_tx(tx, POOLS, &p, &eq("id", id))
        .await?
        .map(|r| read_pool(&r)))
}

pub async fn insert_pool(tx: &mut Tx, p: &PoolRow) -> Result<()> {
    records::insert(tx, POOLS, &columns(&POOL_COLUMNS), &[pool_values(p)]).await
}

/// Writes every setting of a pool but its id and creation time; false when there is no such pool.
pub async fn update_pool(tx: &mut Tx, p: &PoolRow) -> Result<bool> {
    let sets: Vec<(String, ColType, Value)> = POOL_COLUMNS
        .iter()
        .zip(pool_values(p))
        .filter(|((c, _), _)| !matches!(*c, "id" | "created_at"))
        .map(|((c, t), v)| ((*c).to_owned(), *t, v))
        .collect();
    Ok(records::update(tx, POOLS, &sets, &eq("id", &p.id)).await? > 0)
}

/// Moves the round-robin position of a pool.
pub async fn set_next_member(tx: &mut Tx, id: &str, next: i64) -> Result<()> {
    let sets = [("next_member".to_owned(), ColType::BigInt, Value::Int(next))];
    records::update(tx, POOLS, &sets, &eq("id", id)).await?;
    Ok(())
}

/// One administrator or member of a pool: `member` is `user:<id>` or `team:<id>`; `role` is
/// `admin` or `member`; `match_values` a JSON list.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PoolMemberRow {
    pub pool_id: String,
    pub member: String,
    pub role: String,
    pub match_values: String,
}

const MEMBER_COLUMNS: [(&str, ColType); 4] = [
    ("pool_id", ColType::Text),
    ("member", ColType::Text),
    ("role", ColType::Text),
    ("match_values", ColType::Text),
];

/// Every pool's administrators and members.
pub async fn members(db: &Db) -> Result<Vec<PoolMemberRow>> {
    let rows = select_all(db, MEMBERS, &MEMBER_COLUMNS, &Pred::True, "member").await?;
    Ok(rows
        .iter()
        .map(|r| PoolMemberRow {
            pool_id: text(&r[0]),
            member: text(&r[1]),
            role: text(&r[2]),
            match_values: text(&r[3]),
        })
        .collect())
}

/// Replaces who works a pool.
pub async fn set_members(tx: &mut Tx, pool_id: &str, list: &[PoolMemberRow]) -> Result<()> {
    records::purge(tx, MEMBERS, &eq("pool_id", pool_id)).await?;
    let rows: Vec<Vec<Value>> = list
        .iter()
        .map(|m| {
            vec![
                Value::Text(pool_id.to_owned()),
                Value::Text(m.member.clone()),
                Value::Text(m.role.clone()),
                Value::Text(m.match_values.clone()),
            ]
        })
        .collect();
    records::insert(tx, MEMBERS, &columns(&MEMBER_COLUMNS), &rows).await
}

/// A claim, an assignment, a release or a return: `user_id` is who got or lost the record,
/// `actor_id` who did it (none for the automatic return).
#[derive(Debug, Clone, PartialEq)]
pub struct PoolEventRow {
    pub id: String,
    pub pool_id: String,
    pub object: String,
    pub record_id: String,
    pub user_id: String,
    pub actor_id: Option<String>,
    pub kind: String,
    pub at: DateTime<Utc>,
}

const EVENT_COLUMNS: [(&str, ColType); 8] = [
    ("id", ColType::Text),
    ("pool_id", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("user_id", ColType::Text),
    ("actor_id", ColType::Text),
    ("kind", ColType::Text),
    ("at", ColType::DateTime),
];

pub async fn insert_events(tx: &mut Tx, events: &[PoolEventRow]) -> Result<()> {
    let rows: Vec<Vec<Value>> = events
        .iter()
        .map(|e| {
            vec![
                Value::Text(e.id.clone()),
                Value::Text(e.pool_id.clone()),
                Value::Text(e.object.clone()),
                Value::Text(e.record_id.clone()),
                Value::Text(e.user_id.clone()),
                Value::text_or_null(e.actor_id.clone()),
                Value::Text(e.kind.clone()),
                Value::DateTime(e.at),
            ]
        })
        .collect();
    records::insert(tx, EVENTS, &columns(&EVENT_COLUMNS), &rows).await
}

fn since(at: DateTime<Utc>) -> Pred {
    Pred::Cmp {
        col: "at".into(),
        op: Cmp::Gte,
        value: Value::DateTime(at),
    }
}

fn kinds(list: &[&str]) -> Pred {
    Pred::In {
        col: "kind".into(),
        values: list.iter().map(|k| Value::Text((*k).to_owned())).collect(),
    }
}

/// How many records of a pool `user_id` got (claimed or was assigned) since `from`.
pub async fn taken_since(
    tx: &mut Tx,
    pool_id: &str,
    user_id: &str,
    from: DateTime<Utc>,
) -> Result<i64> {
    let pred = Pred::And(vec![
        eq("user_id", user_id),
        kinds(&["claim", "assign"]),
        since(from),
        eq("pool_id", pool_id),
    ]);
    count_tx(tx, EVENTS, &pred).await
}

/// When `user_id` last lost the record to its pool (released it, or it returned) since `from`.
pub async fn last_lost(
    tx: &mut Tx,
    record_id: &str,
    user_id: &str,
    from: DateTime<Utc>,
) -> Result<Option<DateTime<Utc>>> {
    let pred = Pred::And(vec![
        eq("record_id", record_id),
        eq("user_id", user_id),
        since(from),
        kinds(&["release", "return"]),
    ]);
    let mut p = pelagic_core::output::Projection::default();
    p.push("at", ColType::DateTime);
    let order = [pelagic_core::plan::OrderKey {
        col: "at".into(),
        ty: ColType::DateTime,
        desc: true,
        nullable: true,
    }];
    let rows = records::select_tx(
        tx,
        &records::ListQuery {
            table: EVENTS,
            projection: &p,
            pred: &pred,
            order: &order,
            limit: 1,
            drive: None,
        },
    )
    .await?;
    Ok(rows.first().and_then(|r| r[0].as_datetime()))
}

/// Takes a lock that serialises every claim for one user across instances until the
/// transaction ends (PostgreSQL; SQLite has one writer already), so that two concurrent claims
/// cannot both pass a limit.
pub async fn lock_user(tx: &mut Tx, user_id: &str) -> Result<()> {
    if tx.backend() == crate::Backend::Postgres {
        let key = user_id.bytes().fold(1_469_598_103_934_665_603_u64, |h, b| {
            (h ^ u64::from(b)).wrapping_mul(1_099_511_628_211)
        });
        crate::exec::execute_text(
            tx.into(),
            format!("SELECT pg_advisory_xact_lock({})", key as i64),
        )
        .await?;
    }
    Ok(())
}
