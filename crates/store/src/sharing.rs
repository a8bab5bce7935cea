//! Project groups and their members, and records shared with users or groups.

use chrono::{DateTime, Utc};
use pelagic_core::plan::Pred;
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, eq};
use crate::records;

/// The table of shares, for conditions built elsewhere (see `Pred::InSelect`).
pub const SHARES_TABLE: &str = "record_shares";

/// A project group.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupRow {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
}

/// One share of a record: `grantee` is `user:<id>` or `group:<id>`; `access` read or edit.
#[derive(Debug, Clone, PartialEq)]
pub struct ShareRow {
    pub id: String,
    pub object: String,
    pub record_id: String,
    pub grantee: String,
    pub access: String,
    pub until: Option<DateTime<Utc>>,
    pub created_by: String,
    pub created_at: DateTime<Utc>,
}

use crate::fixed::{select_all as all, text};

const GROUP_COLUMNS: [(&str, ColType); 3] = [
    ("id", ColType::Text),
    ("name", ColType::Text),
    ("created_at", ColType::DateTime),
];

/// Every project group, by name.
pub async fn groups(db: &Db) -> Result<Vec<GroupRow>> {
    let rows = all(db, "user_groups", &GROUP_COLUMNS, &Pred::True, "name").await?;
    Ok(rows
        .into_iter()
        .map(|r| GroupRow {
            id: text(&r[0]),
            name: text(&r[1]),
            created_at: r[2].as_datetime().unwrap_or_default(),
        })
        .collect())
}

/// Every membership, as (group id, user id).
pub async fn memberships(db: &Db) -> Result<Vec<(String, String)>> {
    let columns = [("group_id", ColType::Text), ("user_id", ColType::Text)];
    let rows = all(db, "user_group_members", &columns, &Pred::True, "group_id").await?;
    Ok(rows
        .into_iter()
        .map(|r| (text(&r[0]), text(&r[1])))
        .collect())
}

/// Adds a group; a taken name fails with [`crate::StoreError::Unique`].
pub async fn insert_group(tx: &mut Tx, g: &GroupRow) -> Result<()> {
    let row = vec![
        Value::Text(g.id.clone()),
        Value::Text(g.name.clone()),
        Value::DateTime(g.created_at),
    ];
    records::insert(tx, "user_groups", &columns(&GROUP_COLUMNS), &[row]).await
}

/// Renames a group; false when there is no such group.
pub async fn rename_group(tx: &mut Tx, id: &str, name: &str) -> Result<bool> {
    let sets = [(
        "name".to_owned(),
        ColType::Text,
        Value::Text(name.to_owned()),
    )];
    Ok(records::update(tx, "user_groups", &sets, &eq("id", id)).await? > 0)
}

/// Replaces a group's members.
pub async fn set_members(tx: &mut Tx, group_id: &str, user_ids: &[String]) -> Result<()> {
    records::purge(tx, "user_group_members", &eq("group_id", group_id)).await?;
    let rows: Vec<Vec<Value>> = user_ids
        .iter()
        .map(|u| vec![Value::Text(group_id.to_owned()), Value::Text(u.clone())])
        .collect();
    let member_columns = [("group_id", ColType::Text), ("user_id", ColType::Text)];
    records::insert(tx, "user_group_members", &columns(&member_columns), &rows).await
}

const SHARE_COLUMNS: [(&str, ColType); 8] = [
    ("id", ColType::Text),
    ("object", ColType::Text),
    ("record_id", ColType::Text),
    ("grantee", ColType::Text),
    ("access", ColType::Text),
    ("until", ColType::DateTime),
    ("created_by", ColType::Text),
    ("created_at", ColType::DateTime),
];

/// The shares of one record, oldest first.
pub async fn shares_of(db: &Db, object: &str, record_id: &str) -> Result<Vec<ShareRow>> {
    let pred = Pred::And(vec![eq("object", object), eq("record_id", record_id)]);
    let rows = all(db, SHARES_TABLE, &SHARE_COLUMNS, &pred, "id").await?;
    Ok(rows
        .into_iter()
        .map(|r| ShareRow {
            id: text(&r[0]),
            object: text(&r[1]),
            record_id: text(&r[2]),
            grantee: text(&r[3]),
            access: text(&r[4]),
            until: r[5].as_datetime(),
            created_by: text(&r[6]),
            created_at: r[7].as_datetime().unwrap_or_default(),
        })
        .collect())
}

/// Adds a share.
pub async fn insert_share(tx: &mut Tx, s: &ShareRow) -> Result<()> {
    let row = vec![
        Value::Text(s.id.clone()),
        Value::Text(s.object.clone()),
        Value::Text(s.record_id.clone()),
        Value::Text(s.grantee.clone()),
        Value::Text(s.access.clone()),
        s.until.map_or(Value::Null, Value::DateTime),
        Value::Text(s.created_by.clone()),
        Value::DateTime(s.created_at),
    ];
    records::insert(tx, SHARES_TABLE, &columns(&SHARE_COLUMNS), &[row]).await
}

/// Ends a share of a record; false when the record has no such share.
pub async fn delete_share(tx: &mut Tx, object: &str, record_id: &str, id: &str) -> Result<bool> {
    let pred = Pred::And(vec![
        eq("object", object),
        eq("record_id", record_id),
        eq("id", id),
    ]);
    Ok(records::purge(tx, SHARES_TABLE, &pred).await? > 0)
}

/// Every (grantee, object) pair with at least one share, live or expired.
pub async fn shared_pairs(db: &Db) -> Result<Vec<(String, String)>> {
    let mut sel = sea_query::Query::select();
    sel.distinct()
        .columns([
            sea_query::Alias::new("grantee"),
            sea_query::Alias::new("object"),
        ])
        .from(sea_query::Alias::new(SHARES_TABLE));
    let rows = crate::exec::fetch(db.into(), &sel, &[ColType::Text, ColType::Text]).await?;
    Ok(rows
        .into_iter()
        .map(|r| (text(&r[0]), text(&r[1])))
        .collect())
}
