//! The record pipeline's planning hooks, in the order it runs them on every new or changed row:
//! reminders, the status clock, stage moves and the rule of converted records. Each applies to
//! the objects whose metadata declares its behaviour (`pelagic_core::behaviour`); none names an
//! object.

use pelagic_core::names::ColumnName;

use chrono::{DateTime, Utc};
use pelagic_core::behaviour::STATUS_FIELD;
use pelagic_core::{ColType, Value};
use pelagic_store::processes::StageChangeRow;

use super::Target;
use super::prepared::Layout;
use crate::AppResult;
use crate::processes::Process;

/// A row being written, as the hooks see it.
pub(super) trait Draft {
    /// A column as it will be written.
    fn get(&self, column: &str) -> Value;
    /// Writes a column too.
    fn set(&mut self, column: &str, ty: ColType, value: Value);
    /// Whether this write gives `column` a value (every column of a new record).
    fn touches(&self, column: &str) -> bool;
}

/// A new record's row.
pub(super) struct NewRow<'a> {
    pub layout: &'a Layout,
    pub row: &'a mut [Value],
}

impl Draft for NewRow<'_> {
    fn get(&self, column: &str) -> Value {
        self.layout.get(self.row, column).clone()
    }
    fn set(&mut self, column: &str, _: ColType, value: Value) {
        self.layout.set(self.row, column, value);
    }
    fn touches(&self, _: &str) -> bool {
        true
    }
}

/// A changed record: every column as it will be, and the columns the change writes.
pub(super) struct Edit {
    pub values: super::sales_docs::Columns,
    pub sets: Vec<(ColumnName, ColType, Value)>,
}

impl Draft for Edit {
    fn get(&self, column: &str) -> Value {
        self.values.get(column).cloned().unwrap_or(Value::Null)
    }
    fn set(&mut self, column: &str, ty: ColType, value: Value) {
        self.sets.retain(|(c, _, _)| c != column);
        let column = ColumnName::derived(column.to_owned());
        self.sets.push((column.clone(), ty, value.clone()));
        self.values.insert(column, value);
    }
    fn touches(&self, column: &str) -> bool {
        self.sets.iter().any(|(c, _, _)| c == column)
    }
}

/// What the hooks know about the write beyond its row.
pub(super) struct Planning<'a> {
    pub t: &'a Target,
    pub id: &'a str,
    /// The record before the change; none for a new record.
    pub before: Option<&'a super::sales_docs::Columns>,
    /// The sales processes, for objects declaring `stages` (empty otherwise).
    pub processes: &'a [Process],
    pub user: &'a str,
    pub now: DateTime<Utc>,
}

/// Runs the planning hooks on `row`; gives the stage move to record, if the row moved.
pub(super) fn plan(p: &Planning, row: &mut dyn Draft) -> AppResult<Option<StageChangeRow>> {
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
fn stage_move(p: &Planning, row: &mut dyn Draft) -> AppResult<Option<StageChangeRow>> {
    let obj = &p.t.obj;
    if !obj.behaviour.stages || p.processes.is_empty() || !row.touches("stage") {
        return Ok(None);
    }
    let team = row
        .get("owner_id")
        .as_str()
        .and_then(|o| p.t.snap.access.member(o))
        .and_then(|m| m.team_id.clone());
    let was = |c: &str| p.before.and_then(|b| b.get(c)).cloned();
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
