//! Turning a client's JSON into stored columns: each kind normalises and validates its value.

use crate::names::{Column, ColumnName};
use chrono::{DateTime, NaiveDate, Utc};
use serde_json::{Map, Value as Json};

use crate::fold::fold;
use crate::kind::FieldKind;
use crate::meta::{FieldDef, ObjectDef};
use crate::said::{Reason, Said};
use crate::value::truncate_to_micros;
use crate::{CoreError, FieldErrors, Value, money, phone};

pub use crate::bounds::{MAX_UNITS, YEARS};

/// Settings that shape how input is read.
#[derive(Debug, Clone)]
pub struct InputContext {
    /// Region used for phone numbers written without a country code (ISO 3166 alpha-2).
    pub default_region: String,
    /// Currency of money amounts given without one (ISO 4217).
    pub default_currency: String,
}

impl Default for InputContext {
    fn default() -> Self {
        InputContext {
            default_region: "CN".into(),
            default_currency: "CNY".into(),
        }
    }
}

/// Whether a write creates a record or changes one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum WriteMode {
    Create,
    Update,
}

/// The columns to write for one record, with the fields they came from.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct ColumnValues {
    pub columns: Vec<(ColumnName, Value)>,
    /// API names of the fields the input set (defaults included).
    pub fields: Vec<String>,
}

impl ColumnValues {
    pub fn get(&self, column: impl Column) -> Option<&Value> {
        let column = column.column();
        self.columns
            .iter()
            .find(|(c, _)| c.as_str() == column)
            .map(|(_, v)| v)
    }
}

/// Reads a record body. Unknown fields, fields Pelagic maintains itself, missing required
/// fields and bad values are all reported together, keyed by field name.
pub fn parse_record(
    obj: &ObjectDef,
    body: &Map<String, Json>,
    mode: WriteMode,
    ctx: &InputContext,
) -> Result<ColumnValues, CoreError> {
    let mut errors = FieldErrors::new();
    let mut out = ColumnValues::default();
    for key in body.keys() {
        if let Some(base) = key.strip_suffix("_currency")
            && obj.field(base).is_some_and(|f| f.kind == FieldKind::Money)
        {
            continue;
        }
        match obj.field(key) {
            None => {
                let said = Said::new(Reason::NoSuchField)
                    .with("object", &obj.name)
                    .with("field", key);
                errors.insert(key.clone(), said);
            }
            Some(f) if f.system && f.name != "owner_id" => {
                errors.insert(key.clone(), Reason::MaintainedByPelagic.into());
            }
            Some(_) => {}
        }
    }
    for f in obj
        .fields
        .iter()
        .filter(|f| !f.system || f.name == "owner_id")
    {
        let given = body.get(f.name.as_str());
        let raw = match (given, mode) {
            (Some(v), _) => Some(v.clone()),
            (None, WriteMode::Create) => f.default.clone(),
            (None, WriteMode::Update) => {
                // A currency on its own changes the currency of the amount already stored.
                if f.kind == FieldKind::Money
                    && let Some(cur) = body.get(&format!("{}_currency", f.name))
                {
                    match currency_of(f, Some(cur), ctx) {
                        Ok(c) => out
                            .columns
                            .push((f.column.with_suffix("_currency"), Value::Text(c))),
                        Err(e) => {
                            errors.insert(format!("{}_currency", f.name), e);
                        }
                    }
                }
                None
            }
        };
        let Some(raw) = raw else {
            if mode == WriteMode::Create && f.required {
                errors.insert(f.name.to_string(), Reason::Required.into());
            }
            continue;
        };
        let currency = if f.kind == FieldKind::Money {
            body.get(&format!("{}_currency", f.name))
        } else {
            None
        };
        match field_columns(f, &raw, currency, ctx) {
            Ok(cols) => {
                if f.required && cols.first().is_some_and(|(_, v)| v.is_null()) {
                    errors.insert(f.name.to_string(), Reason::Required.into());
                    continue;
                }
                out.fields.push(f.name.to_string());
                out.columns.extend(cols);
            }
            Err(e) => {
                errors.insert(f.name.to_string(), e);
            }
        }
    }
    if errors.is_empty() {
        Ok(out)
    } else {
        Err(CoreError::Validation(errors))
    }
}

/// The columns one field's JSON value becomes. `null` clears every column of the field.
pub fn field_columns(
    f: &FieldDef,
    raw: &Json,
    currency: Option<&Json>,
    ctx: &InputContext,
) -> Result<Vec<(ColumnName, Value)>, Said> {
    let names = f.column_names();
    if raw.is_null() {
        return Ok(names.iter().map(|n| (n.clone(), Value::Null)).collect());
    }
    let values: Vec<Value> = match f.kind {
        FieldKind::Text | FieldKind::Textarea => {
            let s = text(f, raw)?;
            match s {
                None => vec![Value::Null, Value::Null],
                Some(s) => {
                    let folded = fold(&s);
                    vec![Value::Text(s), Value::Text(folded)]
                }
            }
        }
        FieldKind::Phone => match text(f, raw)? {
            None => vec![Value::Null, Value::Null],
            Some(s) => vec![
                Value::Text(phone::to_e164(&s, &ctx.default_region)?),
                Value::Text(s),
            ],
        },
        FieldKind::Money => {
            let cur = currency_of(f, currency, ctx)?;
            let units = money::parse_scaled(&number_text(raw)?, money::currency_exponent(&cur))?;
            vec![Value::Int(units), Value::Text(cur)]
        }
        FieldKind::Reference => {
            let part = |k: &str| raw.get(k).and_then(Json::as_str);
            let (Some(object), Some(id)) = (part("object"), part("id")) else {
                return Err(Reason::NotAReference.into());
            };
            if !crate::ident::is_snake_ident(object) {
                return Err(Reason::NotAReference.into());
            }
            vec![Value::Text(check_id(id)?), Value::Text(object.to_owned())]
        }
        _ => vec![scalar(f, raw, ctx)?],
    };
    crate::bounds::within_bounds(f, &values)?;
    Ok(names.iter().cloned().zip(values).collect())
}

/// The value of a single-column kind (also used for filter values, see `plan`).
pub fn scalar(f: &FieldDef, raw: &Json, ctx: &InputContext) -> Result<Value, Said> {
    let not_whole = || Said::new(Reason::NotAWholeNumber).with("value", raw);
    Ok(match f.kind {
        FieldKind::Integer => Value::Int(match raw {
            Json::Number(n) => n.as_i64().ok_or_else(not_whole)?,
            Json::String(s) => s
                .trim()
                .parse()
                .map_err(|_| Said::new(Reason::NotAWholeNumber).with("value", s))?,
            _ => return Err(not_whole()),
        }),
        FieldKind::Decimal | FieldKind::Percent => {
            Value::Int(money::parse_scaled(&number_text(raw)?, f.scale())?)
        }
        FieldKind::Money => Value::Int(money::parse_scaled(
            &number_text(raw)?,
            money::currency_exponent(&ctx.default_currency),
        )?),
        FieldKind::Boolean => Value::Bool(match raw {
            Json::Bool(b) => *b,
            Json::String(s) if s == "true" => true,
            Json::String(s) if s == "false" => false,
            _ => return Err(Reason::NotTrueOrFalse.into()),
        }),
        FieldKind::Date => Value::Date(parse_date(str_of(raw)?)?),
        FieldKind::Datetime => Value::DateTime(parse_datetime(str_of(raw)?)?),
        FieldKind::Email => Value::text_or_null(text(f, raw)?.map(|s| email(&s)).transpose()?),
        FieldKind::Url => Value::text_or_null(text(f, raw)?.map(|s| url(&s)).transpose()?),
        FieldKind::Select => {
            let s = str_of(raw)?;
            check_option(f, s)?;
            Value::Text(s.to_owned())
        }
        FieldKind::Multiselect => {
            let items: Vec<&str> = match raw {
                Json::Array(a) => a
                    .iter()
                    .map(|v| v.as_str().ok_or(Reason::ExpectedOptions))
                    .collect::<Result<_, _>>()?,
                Json::String(s) => vec![s.as_str()],
                _ => return Err(Reason::ExpectedOptions.into()),
            };
            for i in &items {
                check_option(f, i)?;
            }
            let chosen: Vec<&str> = f
                .options
                .iter()
                .map(String::as_str)
                .filter(|o| items.contains(o))
                .collect();
            if chosen.is_empty() {
                Value::Null
            } else {
                Value::Text(format!("|{}|", chosen.join("|")))
            }
        }
        FieldKind::Lookup | FieldKind::User | FieldKind::Id => Value::Text(check_id(str_of(raw)?)?),
        FieldKind::Text | FieldKind::Textarea => {
            Value::text_or_null(text(f, raw)?.map(|s| fold(&s)))
        }
        FieldKind::Phone => Value::text_or_null(
            text(f, raw)?
                .map(|s| phone::to_e164(&s, &ctx.default_region))
                .transpose()?,
        ),
        FieldKind::Reference => Value::Text(check_id(str_of(raw)?)?),
    })
}

fn str_of(raw: &Json) -> Result<&str, Said> {
    raw.as_str().ok_or_else(|| Reason::ExpectedText.into())
}

/// Trimmed text within the field's length; empty text is no value.
fn text(f: &FieldDef, raw: &Json) -> Result<Option<String>, Said> {
    let s = str_of(raw)?;
    if s.contains('\0') {
        return Err(Reason::NulInText.into());
    }
    let t = s.trim();
    let max = f.max_length();
    if t.chars().count() > max {
        return Err(Said::new(Reason::TooLong).with("max", max));
    }
    Ok((!t.is_empty()).then(|| t.to_owned()))
}

fn number_text(raw: &Json) -> Result<String, Said> {
    match raw {
        Json::String(s) => Ok(s.clone()),
        Json::Number(n) => Ok(n.to_string()),
        other => Err(Said::new(Reason::NotANumber).with("value", other)),
    }
}

fn currency_of(f: &FieldDef, given: Option<&Json>, ctx: &InputContext) -> Result<String, Said> {
    match given {
        None | Some(Json::Null) => Ok(ctx.default_currency.clone()),
        Some(Json::String(c)) if money::is_currency_code(c) => Ok(c.clone()),
        Some(other) => Err(Said::new(Reason::NotACurrencyOf)
            .with("field", &f.name)
            .with("value", other)),
    }
}

fn check_option(f: &FieldDef, v: &str) -> Result<(), Said> {
    if f.options.iter().any(|o| o == v) {
        Ok(())
    } else {
        Err(Said::new(Reason::NotAnOption)
            .with("value", v)
            .with("options", f.options.join(", ")))
    }
}

/// Record ids are opaque to clients but always short ASCII; anything else cannot be an id.
pub fn check_id(id: &str) -> Result<String, Said> {
    let ok = !id.is_empty()
        && id.len() <= 64
        && id
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_');
    if ok {
        Ok(id.to_owned())
    } else {
        Err(Said::new(Reason::NotARecordId).with("value", id.chars().take(70).collect::<String>()))
    }
}

pub fn parse_date(s: &str) -> Result<NaiveDate, Said> {
    NaiveDate::parse_from_str(s.trim(), "%Y-%m-%d")
        .map_err(|_| Said::new(Reason::NotADate).with("value", s))
}

pub fn parse_datetime(s: &str) -> Result<DateTime<Utc>, Said> {
    DateTime::parse_from_rfc3339(s.trim())
        .map(|t| truncate_to_micros(t.with_timezone(&Utc)))
        .map_err(|_| Said::new(Reason::NotADateTime).with("value", s))
}

fn email(s: &str) -> Result<String, Said> {
    let e = s.to_lowercase();
    let bad = || Said::new(Reason::NotAnEmail).with("value", s);
    let (local, domain) = e.rsplit_once('@').ok_or_else(bad)?;
    let domain_ok = domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
        && domain
            .chars()
            .all(|c| c.is_alphanumeric() || c == '-' || c == '.');
    let local_ok = !local.is_empty()
        && local.len() <= 64
        && !local
            .chars()
            .any(|c| c.is_whitespace() || c == '@' || c.is_control());
    if domain_ok && local_ok {
        Ok(e)
    } else {
        Err(bad())
    }
}

fn url(s: &str) -> Result<String, Said> {
    let with_scheme = if s.contains("://") {
        s.to_owned()
    } else {
        format!("https://{s}")
    };
    let lower = with_scheme.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"));
    let host = rest.map(|r| r.split(['/', '?', '#']).next().unwrap_or(""));
    match host {
        Some(h)
            if (h.contains('.') || h.starts_with("localhost"))
                && !with_scheme.chars().any(char::is_whitespace) =>
        {
            Ok(with_scheme)
        }
        Some(_) => Err(Said::new(Reason::NotAWebAddress).with("value", s)),
        None => Err(Reason::WebAddressScheme.into()),
    }
}

#[cfg(test)]
#[path = "input_tests.rs"]
mod tests;
