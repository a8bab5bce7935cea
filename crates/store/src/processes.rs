//! Sales processes and the stage changes of opportunities, with the grouped figures the funnel is
//! computed from.

use chrono::{DateTime, Utc};
use pelagic_core::plan::Pred;
use pelagic_core::{ColType, Value};
use sea_query::{Alias, Expr, ExprTrait, Query};

use crate::Result;
use crate::db::{Db, Tx};
use crate::fixed::{columns, eq, select_all, text};
use crate::sql::condition;
use crate::{exec, records};

const PROCESSES: &str = "sales_processes";
const CHANGES: &str = "stage_changes";

/// A sales process; `stages` is its JSON list of open stages.
#[derive(Debug, Clone, PartialEq)]
pub struct ProcessRow {
    pub id: String,
    pub name: String,
    pub team_id: Option<String>,
    pub is_default: bool,
    pub stages: String,
    pub created_at: DateTime<Utc>,
    pub updated_at: DateTime<Utc>,
}

const PROCESS_COLUMNS: [(&str, ColType); 7] = [
    ("id", ColType::Text),
    ("name", ColType::Text),
    ("team_id", ColType::Text),
    ("is_default", ColType::BigInt),
    ("stages", ColType::Text),
    ("created_at", ColType::DateTime),
    ("updated_at", ColType::DateTime),
];

fn process_values(p: &ProcessRow) -> Vec<Value> {
    vec![
        Value::Text(p.id.clone()),
        Value::Text(p.name.clone()),
        Value::text_or_null(p.team_id.clone()),
        Value::Int(i64::from(p.is_default)),
        Value::Text(p.stages.clone()),
        Value::DateTime(p.created_at),
        Value::DateTime(p.updated_at),
    ]
}

/// Every process, by name.
pub async fn processes(db: &Db) -> Result<Vec<ProcessRow>> {
    let rows = select_all(db, PROCESSES, &PROCESS_COLUMNS, &Pred::True, "name").await?;
    Ok(rows
        .iter()
        .map(|r| ProcessRow {
            id: text(&r[0]),
            name: text(&r[1]),
            team_id: r[2].as_str().map(str::to_owned),
            is_default: r[3].as_int() == Some(1),
            stages: text(&r[4]),
            created_at: r[5].as_datetime().unwrap_or_default(),
            updated_at: r[6].as_datetime().unwrap_or_default(),
        })
        .collect())
}

/// Writes a process (new or changed); when it is the default, no other one stays default.
pub async fn save(tx: &mut Tx, p: &ProcessRow, new: bool) -> Result<()> {
    if p.is_default {
        let sets = [("is_default".to_owned(), ColType::BigInt, Value::Int(0))];
        records::update(tx, PROCESSES, &sets, &Pred::True).await?;
    }
    if new {
        return records::insert(
            tx,
            PROCESSES,
            &columns(&PROCESS_COLUMNS),
            &[process_values(p)],
        )
        .await;
    }
    let sets: Vec<(String, ColType, Value)> = PROCESS_COLUMNS
        .iter()
        .zip(process_values(p))
        .filter(|((c, _), _)| !matches!(*c, "id" | "created_at"))
        .map(|((c, t), v)| ((*c).to_owned(), *t, v))
        .collect();
    records::update(tx, PROCESSES, &sets, &eq("id", &p.id)).await?;
    Ok(())
}

/// One move of an opportunity into a stage.
#[derive(Debug, Clone, PartialEq)]
pub struct StageChangeRow {
    pub id: String,
    pub opportunity_id: String,
    pub process_id: String,
    pub from_stage: Option<String>,
    pub to_stage: String,
    pub at: DateTime<Utc>,
    pub user_id: Option<String>,
    pub seconds_in_previous: Option<i64>,
    pub feedback: Option<String>,
}

const CHANGE_COLUMNS: [(&str, ColType); 9] = [
    ("id", ColType::Text),
    ("opportunity_id", ColType::Text),
    ("process_id", ColType::Text),
    ("from_stage", ColType::Text),
    ("to_stage", ColType::Text),
    ("at", ColType::DateTime),
    ("user_id", ColType::Text),
    ("seconds_in_previous", ColType::BigInt),
    ("feedback", ColType::Text),
];

pub async fn insert_changes(tx: &mut Tx, list: &[StageChangeRow]) -> Result<()> {
    let rows: Vec<Vec<Value>> = list
        .iter()
        .map(|c| {
            vec![
                Value::Text(c.id.clone()),
                Value::Text(c.opportunity_id.clone()),
                Value::Text(c.process_id.clone()),
                Value::text_or_null(c.from_stage.clone()),
                Value::Text(c.to_stage.clone()),
                Value::DateTime(c.at),
                Value::text_or_null(c.user_id.clone()),
                c.seconds_in_previous.map_or(Value::Null, Value::Int),
                Value::text_or_null(c.feedback.clone()),
            ]
        })
        .collect();
    records::insert(tx, CHANGES, &columns(&CHANGE_COLUMNS), &rows).await
}

/// The stage changes of one opportunity, oldest first.
pub async fn changes_of(db: &Db, opportunity_id: &str) -> Result<Vec<StageChangeRow>> {
    let rows = select_all(
        db,
        CHANGES,
        &CHANGE_COLUMNS,
        &eq("opportunity_id", opportunity_id),
        "at",
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| StageChangeRow {
            id: text(&r[0]),
            opportunity_id: text(&r[1]),
            process_id: text(&r[2]),
            from_stage: r[3].as_str().map(str::to_owned),
            to_stage: text(&r[4]),
            at: r[5].as_datetime().unwrap_or_default(),
            user_id: r[6].as_str().map(str::to_owned),
            seconds_in_previous: r[7].as_int(),
            feedback: r[8].as_str().map(str::to_owned),
        })
        .collect())
}

/// For the opportunities of `table` matching `pred`: per stage left, how many times it was left
/// and the seconds spent in it in all.
pub async fn time_in_stages(db: &Db, table: &str, pred: &Pred) -> Result<Vec<(String, i64, i64)>> {
    let be = db.backend();
    let mut inner = Query::select();
    inner
        .column(Alias::new("id"))
        .from(Alias::new(table))
        .and_where(condition(pred, be));
    let mut sel = Query::select();
    sel.column(Alias::new("from_stage"))
        .expr(Expr::col(Alias::new("id")).count())
        .expr(
            Expr::col(Alias::new("seconds_in_previous"))
                .sum()
                .cast_as(Alias::new("BIGINT")),
        )
        .from(Alias::new(CHANGES))
        .and_where(Expr::col(Alias::new("from_stage")).is_not_null())
        .and_where(Expr::col(Alias::new("opportunity_id")).in_subquery(inner))
        .group_by_col(Alias::new("from_stage"));
    let rows = exec::fetch(
        db.into(),
        &sel,
        &[ColType::Text, ColType::BigInt, ColType::BigInt],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| {
            (
                text(&r[0]),
                r[1].as_int().unwrap_or(0),
                r[2].as_int().unwrap_or(0),
            )
        })
        .collect())
}

/// Marks the stage changes of opportunities as in the recycle bin (`live` false) or back.
pub async fn set_live(tx: &mut Tx, opportunity_ids: &[String], live: bool) -> Result<()> {
    for chunk in opportunity_ids.chunks(500) {
        let sets = [(
            "live".to_owned(),
            ColType::BigInt,
            Value::Int(i64::from(live)),
        )];
        let pred = Pred::In {
            col: "opportunity_id".into(),
            values: chunk.iter().map(|i| Value::Text(i.clone())).collect(),
        };
        records::update(tx, CHANGES, &sets, &pred).await?;
    }
    Ok(())
}

/// [`time_in_stages`] for every live opportunity of a process, read from the stage changes alone.
pub async fn time_in_process(db: &Db, process_id: &str) -> Result<Vec<(String, i64, i64)>> {
    let pred = Pred::And(vec![
        eq("process_id", process_id),
        Pred::Cmp {
            col: "live".into(),
            op: pelagic_core::plan::Cmp::Eq,
            value: Value::Int(1),
        },
        Pred::Not(Box::new(Pred::IsNull {
            col: "from_stage".into(),
        })),
    ]);
    let groups = records::grouped(
        db,
        CHANGES,
        &pred,
        &[("from_stage", ColType::Text)],
        &["seconds_in_previous"],
    )
    .await?;
    Ok(groups
        .into_iter()
        .map(|(g, count, sums)| (text(&g[0]), count, sums[0]))
        .collect())
}
