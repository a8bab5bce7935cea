//! An opportunity moving through its sales process, in the transaction of the change: the stage
//! must belong to the process, the fields the stage asks for must be filled (a lost deal says
//! why), and the move is recorded with who, when and how long the deal spent in the stage it left;
//! the deal keeps when it entered its stage, the furthest open stage it reached (what the funnel
//! counts) and when it closed.

use chrono::{DateTime, Utc};
use pelagic_core::meta::ObjectDef;
use pelagic_core::names::ColumnName;
use pelagic_core::said::{Reason, Said};
use pelagic_core::{ColType, CoreError, FieldErrors, Value};
use pelagic_store::processes::StageChangeRow;

use crate::processes::{CLOSING, Process};
use crate::{App, AppError, AppResult};

/// What a move into a stage writes besides the stage itself.
pub(super) struct Move {
    pub sets: Vec<(ColumnName, ColType, Value)>,
    pub change: StageChangeRow,
}

/// Where the deal was before the move (none when it is being created).
pub(super) struct Before {
    pub stage: Option<String>,
    pub entered_at: Option<DateTime<Utc>>,
    pub furthest: i64,
    /// The probability it had, to tell whether the caller set a new one.
    pub probability: Value,
}

/// Who moves the deal, and when.
pub(super) struct Mover<'a> {
    pub user: &'a str,
    pub now: DateTime<Utc>,
}

/// Plans the move of an opportunity into the stage `get("stage")` holds.
pub(super) fn plan(
    obj: &ObjectDef,
    processes: &[Process],
    team: Option<&str>,
    id: &str,
    get: &dyn Fn(&str) -> Value,
    before: &Before,
    mover: Mover,
) -> AppResult<Option<Move>> {
    let Mover { user, now } = mover;
    let col = |name: &str| obj.field(name).map(|f| f.column.clone());
    let (Some(stage_col), Some(process_col)) = (col("stage"), col("process_id")) else {
        return Ok(None);
    };
    let Some(stage) = get(&stage_col).as_str().map(str::to_owned) else {
        return Ok(None);
    };
    if before.stage.as_deref() == Some(stage.as_str()) {
        return Ok(None);
    }
    let named = get(&process_col);
    let Some(process) = App::process_for(processes, named.as_str(), team) else {
        return Ok(None);
    };
    let position = process.position(&stage);
    if position.is_none() && !CLOSING.contains(&stage.as_str()) {
        return Err(CoreError::field(
            "stage",
            Said::new(Reason::NotAStage)
                .with_option("stage", (&obj.name, "stage"), &stage)
                .with("process", &process.name),
        )
        .into());
    }
    let mut missing = FieldErrors::new();
    let mut asked: Vec<String> = process
        .stage(&stage)
        .map(|s| s.feedback.clone())
        .unwrap_or_default();
    if stage == "lost" && obj.field("lost_reason").is_some() {
        asked.push("lost_reason".into());
    }
    let mut feedback = serde_json::Map::new();
    for name in &asked {
        let Some(f) = obj.field(name) else { continue };
        let v = get(&f.column);
        let empty = v.is_null() || v.as_str().is_some_and(|t| t.trim().is_empty());
        if empty {
            missing.insert(
                name.clone(),
                Said::new(Reason::AskedOnStage).with_option("stage", (&obj.name, "stage"), &stage),
            );
        } else {
            feedback.insert(name.clone(), v.to_cursor_json());
        }
    }
    if !missing.is_empty() {
        return Err(AppError::Validation(missing));
    }

    let mut sets = obj
        .field("process_id")
        .map(|f| f.text_sets(Some(&process.id)))
        .unwrap_or_default();
    sets.push((
        ColumnName::fixed("stage_entered_at"),
        ColType::DateTime,
        Value::DateTime(now),
    ));
    let closing = CLOSING.contains(&stage.as_str());
    sets.push((
        ColumnName::fixed("closed_at"),
        ColType::DateTime,
        if closing {
            Value::DateTime(now)
        } else {
            Value::Null
        },
    ));
    if let Some(p) = position {
        let furthest = before.furthest.max(p as i64);
        sets.push((
            ColumnName::fixed("furthest_stage"),
            ColType::BigInt,
            Value::Int(furthest),
        ));
    }
    if let Some(prob) = obj.field("probability") {
        // The stage's chance, unless the caller gave one with the move.
        let given = get(&prob.column);
        if given == before.probability {
            let percent = match stage.as_str() {
                "won" => 100,
                "lost" | "invalid" => 0,
                s => process.stage(s).map_or(0, |s| s.probability),
            };
            let scale = 10_i64.pow(prob.scale());
            sets.push((
                prob.column.clone(),
                ColType::BigInt,
                Value::Int(percent * scale),
            ));
        }
    }
    let change = StageChangeRow {
        id: crate::ids::new_id(),
        opportunity_id: id.to_owned(),
        process_id: process.id.clone(),
        from_stage: before.stage.clone(),
        to_stage: stage,
        at: now,
        user_id: Some(user.to_owned()),
        seconds_in_previous: before
            .entered_at
            .filter(|_| before.stage.is_some())
            .map(|t| (now - t).num_seconds().max(0)),
        feedback: (!feedback.is_empty()).then(|| serde_json::Value::Object(feedback).to_string()),
    };
    Ok(Some(Move { sets, change }))
}
