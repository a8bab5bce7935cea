//! Saved list views: their owner's, and those shared with a team.

use chrono::{DateTime, Utc};
use pelagic_core::plan::{OrderKey, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, eq, projection};
use crate::records::{self, ListQuery};

const TABLE: &str = "saved_views";

/// One saved view; `team_id` set means shared with that team.
#[derive(Debug, Clone, PartialEq)]
pub struct ViewRow {
    pub id: String,
    pub object: String,
    pub name: String,
    pub owner_id: String,
    pub team_id: Option<String>,
    pub query: String,
    pub created_at: DateTime<Utc>,
}

const COLUMNS: [(&str, ColType); 7] = [
    ("id", ColType::Text),
    ("object", ColType::Text),
    ("name", ColType::Text),
    ("owner_id", ColType::Text),
    ("team_id", ColType::Text),
    ("query", ColType::Text),
    ("created_at", ColType::DateTime),
];

/// The views of `object` a user sees: their own and those shared with `team_id`, by name.
pub async fn visible(
    db: &Db,
    object: &str,
    user_id: &str,
    team_id: Option<&str>,
) -> Result<Vec<ViewRow>> {
    let p = projection(&COLUMNS);
    let mine = eq("owner_id", user_id);
    let whose = match team_id {
        Some(team) => Pred::Or(vec![mine, eq("team_id", team)]),
        None => mine,
    };
    let order = [OrderKey {
        col: "name".into(),
        ty: ColType::Text,
        desc: false,
        nullable: true,
    }];
    let rows = records::select(
        db,
        &ListQuery {
            table: TABLE,
            projection: &p,
            pred: &Pred::And(vec![eq("object", object), whose]),
            order: &order,
            limit: 200,
            drive: None,
        },
    )
    .await?;
    let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
    Ok(rows
        .into_iter()
        .map(|r| ViewRow {
            id: text(&r[0]),
            object: text(&r[1]),
            name: text(&r[2]),
            owner_id: text(&r[3]),
            team_id: r[4].as_str().map(str::to_owned),
            query: text(&r[5]),
            created_at: r[6].as_datetime().unwrap_or_default(),
        })
        .collect())
}

pub async fn insert(tx: &mut Tx, v: &ViewRow) -> Result<()> {
    let columns = columns(&COLUMNS);
    let row = vec![
        Value::Text(v.id.clone()),
        Value::Text(v.object.clone()),
        Value::Text(v.name.clone()),
        Value::Text(v.owner_id.clone()),
        Value::text_or_null(v.team_id.clone()),
        Value::Text(v.query.clone()),
        Value::DateTime(v.created_at),
    ];
    records::insert(tx, TABLE, &columns, &[row]).await
}

/// Deletes a view its owner made; false when there is no such view of theirs.
pub async fn delete(tx: &mut Tx, id: &str, owner_id: &str) -> Result<bool> {
    let pred = Pred::And(vec![eq("id", id), eq("owner_id", owner_id)]);
    Ok(records::purge(tx, TABLE, &pred).await? == 1)
}
