//! Records taken from pools and their deadlines: the rows the return sweep and the warnings go by.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};
use sea_query::{Alias, LockBehavior, LockType, Query};

use crate::db::Tx;
use crate::fixed::{columns, eq, projection, text};
use crate::sql::{condition, order};
use crate::{Backend, Result, exec, records};

const HOLDS: &str = "pool_holds";

/// A held record. `due_at` is the earlier of the two deadlines; `warn_at` when the owner is
/// warned, cleared once they are.
#[derive(Debug, Clone, PartialEq)]
pub struct HoldRow {
    pub object: String,
    pub record_id: String,
    pub pool_id: String,
    pub owner_id: String,
    pub claimed_at: DateTime<Utc>,
    pub follow_up_due_at: Option<DateTime<Utc>>,
    pub close_due_at: Option<DateTime<Utc>>,
    pub due_at: Option<DateTime<Utc>>,
    pub warn_at: Option<DateTime<Utc>>,
}

const HOLD_COLUMNS: [(&str, ColType); 9] = [
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("pool_id", ColType::Text),
    ("owner_id", ColType::Text),
    ("claimed_at", ColType::DateTime),
    ("follow_up_due_at", ColType::DateTime),
    ("close_due_at", ColType::DateTime),
    ("due_at", ColType::DateTime),
    ("warn_at", ColType::DateTime),
];

fn time_or_null(t: Option<DateTime<Utc>>) -> Value {
    t.map_or(Value::Null, Value::DateTime)
}

fn read(r: &[Value]) -> HoldRow {
    HoldRow {
        object: text(&r[0]),
        record_id: text(&r[1]),
        pool_id: text(&r[2]),
        owner_id: text(&r[3]),
        claimed_at: r[4].as_datetime().unwrap_or_default(),
        follow_up_due_at: r[5].as_datetime(),
        close_due_at: r[6].as_datetime(),
        due_at: r[7].as_datetime(),
        warn_at: r[8].as_datetime(),
    }
}

fn key(object: &str, record_id: &str) -> Pred {
    Pred::And(vec![eq("object", object), eq("record_id", record_id)])
}

/// Starts (or restarts) the holds of records.
pub async fn put(tx: &mut Tx, holds: &[HoldRow]) -> Result<()> {
    for h in holds {
        records::purge(tx, HOLDS, &key(&h.object, &h.record_id)).await?;
    }
    let rows: Vec<Vec<Value>> = holds
        .iter()
        .map(|h| {
            vec![
                Value::Text(h.object.clone()),
                Value::Text(h.record_id.clone()),
                Value::Text(h.pool_id.clone()),
                Value::Text(h.owner_id.clone()),
                Value::DateTime(h.claimed_at),
                time_or_null(h.follow_up_due_at),
                time_or_null(h.close_due_at),
                time_or_null(h.due_at),
                time_or_null(h.warn_at),
            ]
        })
        .collect();
    records::insert(tx, HOLDS, &columns(&HOLD_COLUMNS), &rows).await
}

/// The hold of one record, if it is held.
pub async fn of_record(tx: &mut Tx, object: &str, record_id: &str) -> Result<Option<HoldRow>> {
    let p = projection(&HOLD_COLUMNS);
    Ok(records::first_tx(tx, HOLDS, &p, &key(object, record_id))
        .await?
        .map(|r| read(&r)))
}

/// The hold of one record, read outside a transaction (for its page).
pub async fn of_record_now(
    db: &crate::Db,
    object: &str,
    record_id: &str,
) -> Result<Option<HoldRow>> {
    let p = projection(&HOLD_COLUMNS);
    Ok(records::first(db, HOLDS, &p, &key(object, record_id))
        .await?
        .map(|r| read(&r)))
}

/// Writes a hold's deadlines.
pub async fn set_deadlines(tx: &mut Tx, h: &HoldRow) -> Result<()> {
    let sets = [
        (
            "follow_up_due_at".to_owned(),
            ColType::DateTime,
            time_or_null(h.follow_up_due_at),
        ),
        (
            "close_due_at".to_owned(),
            ColType::DateTime,
            time_or_null(h.close_due_at),
        ),
        (
            "due_at".to_owned(),
            ColType::DateTime,
            time_or_null(h.due_at),
        ),
        (
            "warn_at".to_owned(),
            ColType::DateTime,
            time_or_null(h.warn_at),
        ),
    ];
    records::update(tx, HOLDS, &sets, &key(&h.object, &h.record_id)).await?;
    Ok(())
}

/// Ends the holds of records (claimed back, released, returned, converted).
pub async fn end(tx: &mut Tx, object: &str, record_ids: &[String]) -> Result<u64> {
    let mut n = 0;
    for chunk in record_ids.chunks(500) {
        let pred = Pred::And(vec![
            eq("object", object),
            Pred::In {
                col: "record_id".into(),
                values: chunk.iter().map(|r| Value::Text(r.clone())).collect(),
            },
        ]);
        n += records::purge(tx, HOLDS, &pred).await?;
    }
    Ok(n)
}

/// Up to `limit` holds whose `column` (`due_at` or `warn_at`) has come, earliest first, locked
/// for this transaction; on PostgreSQL rows another instance has locked are skipped, so that
/// concurrent sweeps share the work instead of doing it twice.
pub async fn come(
    tx: &mut Tx,
    column: &'static str,
    now: DateTime<Utc>,
    limit: u64,
) -> Result<Vec<HoldRow>> {
    let be = tx.backend();
    let pred = Pred::Cmp {
        col: column.into(),
        op: Cmp::Lte,
        value: Value::DateTime(now),
    };
    let mut sel = Query::select();
    sel.from(Alias::new(HOLDS));
    for (c, _) in HOLD_COLUMNS {
        sel.column(Alias::new(c));
    }
    sel.and_where(condition(&pred, be));
    order(
        &mut sel,
        &[OrderKey {
            col: column.into(),
            ty: ColType::DateTime,
            desc: false,
            nullable: true,
        }],
        be,
    );
    sel.limit(limit);
    if be == Backend::Postgres {
        sel.lock_with_behavior(LockType::Update, LockBehavior::SkipLocked);
    }
    let types: Vec<ColType> = HOLD_COLUMNS.iter().map(|(_, t)| *t).collect();
    let rows = exec::fetch(tx.into(), &sel, &types).await?;
    Ok(rows.iter().map(|r| read(r)).collect())
}

/// Clears the warning time of holds whose owners were just warned.
pub async fn warned(tx: &mut Tx, holds: &[HoldRow]) -> Result<()> {
    for h in holds {
        let sets = [("warn_at".to_owned(), ColType::DateTime, Value::Null)];
        records::update(tx, HOLDS, &sets, &key(&h.object, &h.record_id)).await?;
    }
    Ok(())
}

/// The holds of one owner, soonest due first (for their home page).
pub async fn of_owner(db: &crate::Db, owner_id: &str, limit: u64) -> Result<Vec<HoldRow>> {
    let p = projection(&HOLD_COLUMNS);
    let order = [OrderKey {
        col: "due_at".into(),
        ty: ColType::DateTime,
        desc: false,
        nullable: true,
    }];
    let pred = Pred::And(vec![
        eq("owner_id", owner_id),
        Pred::Not(Box::new(Pred::IsNull {
            col: "due_at".into(),
        })),
    ]);
    let rows = records::select(
        db,
        &records::ListQuery {
            table: HOLDS,
            projection: &p,
            pred: &pred,
            order: &order,
            limit,
            drive: None,
        },
    )
    .await?;
    Ok(rows.iter().map(|r| read(r)).collect())
}
