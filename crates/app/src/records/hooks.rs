//! The record pipeline's planning hooks, in the order it runs them on every new or changed row:
//! reminders, the status clock, stage moves and the rule of converted records. Each applies to
//! the objects whose metadata declares its behaviour (`pelagic_core::behaviour`); none names an
//! object.

use pelagic_core::names::{Column, ColumnName};
use pelagic_core::row::Row;

use chrono::{DateTime, Utc};
use pelagic_core::behaviour::STATUS_FIELD;
use pelagic_core::{ColType, Value};
use pelagic_store::processes::StageChangeRow;

use super::Target;
use crate::AppResult;
use crate::processes::Process;

/// A row being written, as the hooks see it. Columns are named as columns (`&f.column`, or a
/// fixed name the code writes): a field's API name does not compile here.
pub(super) trait Draft {
    /// A column as it will be written.
    fn get(&self, column: impl Column) -> Value;
    /// Writes a column too.
    fn set(&mut self, column: impl Column, ty: ColType, value: Value);
    /// Whether this write gives `column` a value (every column of a new record).
    fn touches(&self, column: impl Column) -> bool;
}

/// A new record's row.
pub(super) struct NewRow<'a>(pub &'a mut Row);

impl Draft for NewRow<'_> {
    fn get(&self, column: impl Column) -> Value {
        self.0.get(column).clone()
    }
    /// A column the table does not have is no part of a new row.
    fn set(&mut self, column: impl Column, _: ColType, value: Value) {
        self.0.put(column, value);
    }
    fn touches(&self, _: impl Column) -> bool {
        true
    }
}

/// A changed record: every column as it will be, and the columns the change writes.
pub(super) struct Edit {
    pub values: Row,
    pub sets: Vec<(ColumnName, ColType, Value)>,
}

impl Draft for Edit {
    fn get(&self, column: impl Column) -> Value {
        self.values.get(column).clone()
    }
    fn set(&mut self, column: impl Column, ty: ColType, value: Value) {
        let column = column.to_name();
        self.sets.retain(|(c, _, _)| *c != column);
        self.sets.push((column.clone(), ty, value.clone()));
        self.values.set(&column, ty, value);
    }
    fn touches(&self, column: impl Column) -> bool {
        self.sets
            .iter()
            .any(|(c, _, _)| c.as_str() == column.column())
    }
}

/// What the hooks know about the write beyond its row.
pub(super) struct Planning<'a> {
    pub t: &'a Target,
    pub id: &'a str,
    /// The record before the change; none for a new record.
    pub before: Option<&'a Row>,
    /// The sales processes, for objects declaring `stages` (empty otherwise).
    pub processes: &'a [Process],
    pub user: &'a str,
    pub now: DateTime<Utc>,
}

/// Runs the planning hooks on `row`; gives the stage move to record, if the row moved.
pub(super) fn plan(p: &Planning, row: &mut impl Draft) -> AppResult<Option<StageChangeRow>> {
    let obj = &p.t.obj;
    if obj.behaviour.reminds && (row.touches("due_at") || row.touches("remind_before")) {
        for (c, ty, v) in super::reminders::plan(obj, &|c| row.get(c)) {
            row.set(&c, ty, v);
        }
    }
    if let Some(clock) = obj
        .behaviour
        .status_clock
        .as_deref()
        .and_then(|c| obj.field(c))
        && row.touches(STATUS_FIELD)
    {
        row.set(&clock.column, ColType::DateTime, Value::DateTime(p.now));
    }
    let moved = stage_move(p, row)?;
    if obj.behaviour.converts && (row.touches(STATUS_FIELD) || row.touches("invalid_reason")) {
        super::convert::check_lead_status(obj, &|c| row.get(c))?;
    }
    Ok(moved)
}

/// A record of an object declaring `stages` entering the stage it now names.
fn stage_move(p: &Planning, row: &mut impl Draft) -> AppResult<Option<StageChangeRow>> {
    let obj = &p.t.obj;
    if !obj.behaviour.stages || p.processes.is_empty() || !row.touches("stage") {
        return Ok(None);
    }
    let team = row
        .get("owner_id")
        .as_str()
        .and_then(|o| p.t.snap.access.member(o))
        .and_then(|m| m.team_id.clone());
    let was = |c: &str| p.before.map(|b| b.get(c).clone()).filter(|v| !v.is_null());
    let probability = obj.field("probability").and_then(|f| was(&f.column));
    let before = super::stages::Before {
        stage: was("stage").and_then(|v| v.as_str().map(str::to_owned)),
        entered_at: was("stage_entered_at")
            .and_then(|v| v.as_datetime())
            .or_else(|| was("created_at").and_then(|v| v.as_datetime())),
        furthest: was("furthest_stage").and_then(|v| v.as_int()).unwrap_or(0),
        probability: probability.unwrap_or(Value::Null),
    };
    let mover = super::stages::Mover {
        user: p.user,
        now: p.now,
    };
    let get = |c: &str| row.get(c);
    let planned = super::stages::plan(
        obj,
        p.processes,
        team.as_deref(),
        p.id,
        &get,
        &before,
        mover,
    )?;
    let Some(m) = planned else {
        return Ok(None);
    };
    for (c, ty, v) in m.sets {
        row.set(&c, ty, v);
    }
    Ok(Some(m.change))
}
