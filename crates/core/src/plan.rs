//! Resolving a client's filter, sort and search against metadata and field access into
//! column-level predicates: the only form the store turns into SQL.

use crate::names::{Column, ColumnName};
use chrono::NaiveDate;
use chrono_tz::Tz;
use serde_json::Value as Json;

use crate::filter::{Filter, Op};
use crate::fold::{escape_like, fold};
use crate::input::{InputContext, parse_date, scalar};
use crate::kind::FieldKind;
use crate::meta::{FieldDef, ObjectDef};
use crate::said::{Reason, Said};
use crate::{CoreError, Value, phone};

pub use crate::order::{
    MAX_SORT_KEYS, OrderKey, after, driving_column, parse_sort_param, plan_sort,
};
pub use crate::search::{
    MAX_SEARCH_LEN, MAX_SEARCH_TERMS, plan_search, plan_search_in, search_text,
};

/// A condition on stored columns. Column names come from metadata only.
#[derive(Debug, Clone, PartialEq)]
pub enum Pred {
    True,
    False,
    And(Vec<Pred>),
    Or(Vec<Pred>),
    Not(Box<Pred>),
    Cmp {
        col: ColumnName,
        op: Cmp,
        value: Value,
    },
    In {
        col: ColumnName,
        values: Vec<Value>,
    },
    IsNull {
        col: ColumnName,
    },
    /// `col LIKE pattern ESCAPE '\'`; the pattern is already escaped.
    Like {
        col: ColumnName,
        pattern: String,
    },
    /// `(cols…) op (values…)`, compared as rows: how a list pages past a row when its order's
    /// keys all go one way and are never empty, so that the database seeks straight to the
    /// next row instead of reading past ties.
    RowCmp {
        cols: Vec<ColumnName>,
        op: Cmp,
        values: Vec<Value>,
    },
    /// `col IN (SELECT column FROM table WHERE pred)`: membership in a system table (the
    /// records shared with the actor). `table` and `column` are fixed names, never request text.
    InSelect {
        col: ColumnName,
        table: &'static str,
        column: &'static str,
        pred: Box<Pred>,
    },
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Cmp {
    Eq,
    Ne,
    Lt,
    Lte,
    Gt,
    Gte,
}

impl Pred {
    /// Every column the condition reads.
    pub fn columns<'a>(&'a self, out: &mut Vec<&'a str>) {
        match self {
            Pred::True | Pred::False => {}
            Pred::And(parts) | Pred::Or(parts) => parts.iter().for_each(|p| p.columns(out)),
            Pred::Not(inner) => inner.columns(out),
            Pred::Cmp { col, .. }
            | Pred::In { col, .. }
            | Pred::IsNull { col }
            | Pred::Like { col, .. }
            | Pred::InSelect { col, .. } => out.push(col.as_str()),
            Pred::RowCmp { cols, .. } => out.extend(cols.iter().map(ColumnName::as_str)),
        }
    }

    pub(crate) fn cmp(col: &str, op: Cmp, value: Value) -> Pred {
        Pred::Cmp {
            col: col.to_name(),
            op,
            value,
        }
    }

    pub(crate) fn null(col: &str) -> Pred {
        Pred::IsNull { col: col.to_name() }
    }

    /// `self` or the column is empty: "not equal" and "not in" also match records where the
    /// field has no value, as people expect.
    fn or_null(self, col: &str) -> Pred {
        Pred::Or(vec![Pred::null(col), self])
    }
}

/// What a plan needs to know beyond metadata: how input is read and what "today" is.
#[derive(Debug, Clone)]
pub struct PlanContext {
    pub input: InputContext,
    pub today: NaiveDate,
    pub tz: Tz,
}

/// Resolves a filter. `readable` says whether the caller may filter on a field; a filter on any
/// other field is refused, never silently dropped.
pub fn plan_filter(
    obj: &ObjectDef,
    filter: &Filter,
    readable: &dyn Fn(&FieldDef) -> bool,
    ctx: &PlanContext,
) -> Result<Pred, CoreError> {
    Ok(match filter {
        Filter::And(parts) => Pred::And(
            parts
                .iter()
                .map(|p| plan_filter(obj, p, readable, ctx))
                .collect::<Result<_, _>>()?,
        ),
        Filter::Or(parts) => Pred::Or(
            parts
                .iter()
                .map(|p| plan_filter(obj, p, readable, ctx))
                .collect::<Result<_, _>>()?,
        ),
        Filter::Not(inner) => Pred::Not(Box::new(plan_filter(obj, inner, readable, ctx)?)),
        Filter::Cond { field, op, value } => {
            let f = readable_field(obj, field, readable, "filter on")?;
            condition(f, *op, value, ctx).map_err(|e| match e {
                CoreError::Invalid(m) => CoreError::invalid(format!("filter on '{}': {m}", f.name)),
                other => other,
            })?
        }
    })
}

/// Looks up a field the caller may use, with a message naming what is wrong.
pub fn readable_field<'a>(
    obj: &'a ObjectDef,
    name: &str,
    readable: &dyn Fn(&FieldDef) -> bool,
    what: &str,
) -> Result<&'a FieldDef, CoreError> {
    let f = obj.field(name).ok_or_else(|| {
        CoreError::invalid(format!(
            "{} has no field '{}'",
            obj.name,
            name.chars().take(60).collect::<String>()
        ))
    })?;
    if !readable(f) {
        return Err(CoreError::invalid(format!("you may not {what} '{name}'")));
    }
    Ok(f)
}

fn condition(f: &FieldDef, op: Op, value: &Json, ctx: &PlanContext) -> Result<Pred, CoreError> {
    if !f.kind.ops().contains(&op) {
        let ops: Vec<&str> = f.kind.ops().iter().map(|o| o.name()).collect();
        return Err(CoreError::invalid(format!(
            "'{}' does not apply to a {} field; use {}",
            op.name(),
            f.kind.name(),
            ops.join(", ")
        )));
    }
    let col = f.compare_column();
    let col = col.as_str();
    if f.kind == FieldKind::Datetime
        && !matches!(
            op,
            Op::IsNull | Op::IsNotNull | Op::Within | Op::In | Op::Nin
        )
        && let Some(p) = datetime_by_day(col, op, value, ctx)?
    {
        return Ok(p);
    }
    Ok(match op {
        Op::IsNull => Pred::null(col),
        Op::IsNotNull => Pred::Not(Box::new(Pred::null(col))),
        Op::Eq => equals(f, col, value, ctx)?,
        Op::Ne => Pred::Not(Box::new(equals(f, col, value, ctx)?)).or_null(col),
        Op::Lt => Pred::cmp(col, Cmp::Lt, compare_value(f, value, ctx)?),
        Op::Lte => Pred::cmp(col, Cmp::Lte, compare_value(f, value, ctx)?),
        Op::Gt => Pred::cmp(col, Cmp::Gt, compare_value(f, value, ctx)?),
        Op::Gte => Pred::cmp(col, Cmp::Gte, compare_value(f, value, ctx)?),
        Op::In | Op::Nin => {
            let items = list(value, 1, 500)?;
            let any = if f.kind == FieldKind::Multiselect {
                Pred::Or(
                    items
                        .iter()
                        .map(|v| has_option(f, col, v, ctx))
                        .collect::<Result<_, _>>()?,
                )
            } else {
                Pred::In {
                    col: col.to_name(),
                    values: items
                        .iter()
                        .map(|v| compare_value(f, v, ctx))
                        .collect::<Result<_, _>>()?,
                }
            };
            if op == Op::In {
                any
            } else {
                Pred::Not(Box::new(any)).or_null(col)
            }
        }
        Op::Between => {
            let items = list(value, 2, 2)?;
            Pred::And(vec![
                Pred::cmp(col, Cmp::Gte, compare_value(f, &items[0], ctx)?),
                Pred::cmp(col, Cmp::Lte, compare_value(f, &items[1], ctx)?),
            ])
        }
        Op::Contains if f.kind == FieldKind::Multiselect => has_option(f, col, value, ctx)?,
        Op::Contains | Op::StartsWith => {
            let needle = like_text(f, value)?;
            if needle.is_empty() {
                return Err(CoreError::Said(Said::from(Reason::EmptySearchText)));
            }
            let pattern = if op == Op::Contains {
                format!("%{needle}%")
            } else {
                format!("{needle}%")
            };
            Pred::Like {
                col: col.to_name(),
                pattern,
            }
        }
        Op::Within => {
            let name = value
                .as_str()
                .ok_or_else(|| CoreError::Said(Said::from(Reason::WithinPeriod)))?;
            let days = crate::period::resolve(name, ctx.today)?;
            let (lo, hi) = if f.kind == FieldKind::Date {
                (Value::Date(days.start), Value::Date(days.end))
            } else {
                let (a, b) = days.instants(ctx.tz);
                (Value::DateTime(a), Value::DateTime(b))
            };
            Pred::And(vec![
                Pred::cmp(col, Cmp::Gte, lo),
                Pred::cmp(col, Cmp::Lt, hi),
            ])
        }
    })
}

fn equals(f: &FieldDef, col: &str, value: &Json, ctx: &PlanContext) -> Result<Pred, CoreError> {
    if f.kind == FieldKind::Reference
        && let Some(obj) = value.as_object()
    {
        let object = obj.get("object").and_then(Json::as_str).unwrap_or_default();
        let id = obj.get("id").cloned().unwrap_or(Json::Null);
        return Ok(Pred::And(vec![
            Pred::cmp(
                &format!("{}_object", f.column),
                Cmp::Eq,
                Value::Text(object.to_owned()),
            ),
            Pred::cmp(col, Cmp::Eq, compare_value(f, &id, ctx)?),
        ]));
    }
    Ok(Pred::cmp(col, Cmp::Eq, compare_value(f, value, ctx)?))
}

/// A datetime compared with a plain date means the whole day in the user's zone.
fn datetime_by_day(
    col: &str,
    op: Op,
    value: &Json,
    ctx: &PlanContext,
) -> Result<Option<Pred>, CoreError> {
    let Some(text) = value.as_str().filter(|s| s.len() == 10) else {
        return Ok(None);
    };
    let day = parse_date(text).map_err(|e| CoreError::Said(e.in_request()))?;
    let (start, end) = crate::period::DayRange {
        start: day,
        end: day.succ_opt().unwrap_or(day),
    }
    .instants(ctx.tz);
    let (s, e) = (Value::DateTime(start), Value::DateTime(end));
    Ok(Some(match op {
        Op::Eq => Pred::And(vec![
            Pred::cmp(col, Cmp::Gte, s),
            Pred::cmp(col, Cmp::Lt, e),
        ]),
        Op::Ne => Pred::Not(Box::new(Pred::And(vec![
            Pred::cmp(col, Cmp::Gte, s),
            Pred::cmp(col, Cmp::Lt, e),
        ])))
        .or_null(col),
        Op::Lt => Pred::cmp(col, Cmp::Lt, s),
        Op::Lte => Pred::cmp(col, Cmp::Lt, e),
        Op::Gt => Pred::cmp(col, Cmp::Gte, e),
        Op::Gte => Pred::cmp(col, Cmp::Gte, s),
        _ => return Ok(None),
    }))
}

fn has_option(f: &FieldDef, col: &str, value: &Json, ctx: &PlanContext) -> Result<Pred, CoreError> {
    let v = scalar(f, value, &ctx.input).map_err(|e| CoreError::Said(e.in_request()))?;
    let option = v.as_str().unwrap_or_default().trim_matches('|').to_owned();
    Ok(Pred::Like {
        col: col.to_name(),
        pattern: format!("%|{}|%", escape_like(&option)),
    })
}

/// The value a field's compare column is compared with.
pub fn compare_value(f: &FieldDef, value: &Json, ctx: &PlanContext) -> Result<Value, CoreError> {
    let text = || value.as_str().ok_or_else(expected_text);
    let v = match f.kind {
        FieldKind::Text | FieldKind::Textarea => Value::Text(fold(text()?)),
        FieldKind::Email => Value::Text(text()?.trim().to_lowercase()),
        FieldKind::Url => Value::Text(text()?.trim().to_owned()),
        FieldKind::Phone => Value::Text(
            phone::to_e164(text()?, &ctx.input.default_region)
                .map_err(|e| CoreError::Said(e.in_request()))?,
        ),
        _ => scalar(f, value, &ctx.input).map_err(|e| CoreError::Said(e.in_request()))?,
    };
    Ok(v)
}

/// A filter given something other than text for a text field.
fn expected_text() -> CoreError {
    CoreError::Said(Said::from(Reason::ExpectedText).in_request())
}

/// The LIKE-escaped needle of a contains / starts_with condition.
fn like_text(f: &FieldDef, value: &Json) -> Result<String, CoreError> {
    let s = value.as_str().ok_or_else(expected_text)?;
    let needle = match f.kind {
        FieldKind::Phone => {
            let digits = phone::digits(s);
            if s.trim_start().starts_with('+') || digits.is_empty() {
                format!("+{digits}")
            } else {
                digits
            }
        }
        FieldKind::Email | FieldKind::Url => s.trim().to_lowercase(),
        _ => fold(s),
    };
    Ok(escape_like(needle.trim_start_matches('+').trim()))
}

fn list(value: &Json, min: usize, max: usize) -> Result<Vec<Json>, CoreError> {
    let items = value
        .as_array()
        .ok_or_else(|| CoreError::invalid("expected a list of values"))?;
    if items.len() < min || items.len() > max {
        return Err(CoreError::invalid(if min == max {
            format!("expected exactly {min} values")
        } else {
            format!("expected between {min} and {max} values")
        }));
    }
    Ok(items.clone())
}

#[cfg(test)]
#[path = "plan_tests.rs"]
mod tests;
