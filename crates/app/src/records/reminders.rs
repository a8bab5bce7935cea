//! When a task reminds its assignee: `remind_before` its due time; and when a contract reminds
//! its owner of its renewal: `renewal_notice_days` before its end. Changing either moves the
//! reminder and arms it again (a reminder fires once per reminder time); the scheduler sends it.

use chrono::{DateTime, Duration, Utc};
use pelagic_core::meta::ObjectDef;
use pelagic_core::names::ColumnName;
use pelagic_core::{ColType, Value};

/// How long before the due time each `remind_before` option reminds.
pub(crate) fn lead_time(option: &str) -> Option<Duration> {
    Some(match option {
        "at_due" => Duration::zero(),
        "minutes_15" => Duration::minutes(15),
        "hour_1" => Duration::hours(1),
        "day_1" => Duration::days(1),
        "days_2" => Duration::days(2),
        _ => return None,
    })
}

/// The reminder columns of a task whose `due_at` or `remind_before` is being written; `get`
/// reads a column as it will be.
pub(super) fn plan(
    obj: &ObjectDef,
    get: &dyn Fn(&str) -> Value,
) -> Vec<(ColumnName, ColType, Value)> {
    if obj.name != "task" || obj.field("remind_at").is_none() {
        return Vec::new();
    }
    let due: Option<DateTime<Utc>> = get("due_at").as_datetime();
    let before = get("remind_before").as_str().and_then(lead_time);
    let at = match (due, before) {
        (Some(d), Some(b)) => d.checked_sub_signed(b).map_or(Value::Null, Value::DateTime),
        _ => Value::Null,
    };
    vec![
        (ColumnName::fixed("remind_at"), ColType::DateTime, at),
        (
            ColumnName::fixed("reminded_at"),
            ColType::DateTime,
            Value::Null,
        ),
    ]
}

/// A contract's renewal reminder, planned from its end date and notice: the day it is due, and
/// armed again when that day moves. Nothing when the day stays the same.
pub(super) fn plan_renewal(get: &dyn Fn(&str) -> Value) -> Vec<(ColumnName, Value)> {
    let due = match (get("end_date"), get("renewal_notice_days")) {
        (Value::Date(end), Value::Int(days)) if days > 0 => end
            .checked_sub_signed(Duration::try_days(days).unwrap_or(Duration::MAX))
            .map_or(Value::Null, Value::Date),
        (Value::Date(end), _) => Value::Date(end),
        _ => Value::Null,
    };
    if get("renewal_due_on") == due {
        return Vec::new();
    }
    vec![
        (ColumnName::fixed("renewal_due_on"), due),
        (ColumnName::fixed("renewal_reminded_at"), Value::Null),
    ]
}
