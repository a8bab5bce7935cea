//! A stored column value, and the handful of column types both databases share.

use chrono::{DateTime, NaiveDate, Utc};

/// The physical type of one column. Every field kind expands to columns of these types only,
/// chosen so that SQLite and PostgreSQL store, compare and sort them the same way.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ColType {
    Text,
    BigInt,
    Bool,
    Date,
    DateTime,
}

/// One column's value as it is stored.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Text(String),
    Date(NaiveDate),
    DateTime(DateTime<Utc>),
}

impl Value {
    pub fn is_null(&self) -> bool {
        matches!(self, Value::Null)
    }

    pub fn as_str(&self) -> Option<&str> {
        match self {
            Value::Text(s) => Some(s),
            _ => None,
        }
    }

    pub fn as_int(&self) -> Option<i64> {
        match self {
            Value::Int(i) => Some(*i),
            _ => None,
        }
    }

    /// Text, a number or a date as plain text (a title written where no field formatting
    /// applies, such as the recycle bin's list); `None` when empty.
    pub fn as_plain_text(&self) -> Option<String> {
        match self {
            Value::Text(s) if !s.is_empty() => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Date(d) => Some(d.to_string()),
            Value::DateTime(t) => Some(t.to_rfc3339()),
            _ => None,
        }
    }

    pub fn as_datetime(&self) -> Option<chrono::DateTime<chrono::Utc>> {
        match self {
            Value::DateTime(t) => Some(*t),
            _ => None,
        }
    }

    /// Text or NULL.
    pub fn text_or_null(s: Option<String>) -> Value {
        s.map(Value::Text).unwrap_or(Value::Null)
    }

    /// A compact, typed JSON form used inside pagination cursors.
    pub fn to_cursor_json(&self) -> serde_json::Value {
        use serde_json::json;
        match self {
            Value::Null => serde_json::Value::Null,
            Value::Bool(b) => json!({ "b": b }),
            Value::Int(i) => json!({ "i": i }),
            Value::Text(s) => json!({ "s": s }),
            Value::Date(d) => json!({ "d": d.to_string() }),
            Value::DateTime(t) => json!({ "t": t.timestamp_micros() }),
        }
    }

    /// Reads back [`Value::to_cursor_json`]; `None` when the JSON is not such a value.
    pub fn from_cursor_json(v: &serde_json::Value) -> Option<Value> {
        if v.is_null() {
            return Some(Value::Null);
        }
        let obj = v.as_object()?;
        if obj.len() != 1 {
            return None;
        }
        let (tag, inner) = obj.iter().next()?;
        Some(match tag.as_str() {
            "b" => Value::Bool(inner.as_bool()?),
            "i" => Value::Int(inner.as_i64()?),
            "s" => Value::Text(inner.as_str()?.to_owned()),
            "d" => Value::Date(inner.as_str()?.parse().ok()?),
            "t" => Value::DateTime(DateTime::from_timestamp_micros(inner.as_i64()?)?),
            _ => return None,
        })
    }

    /// Whether this value may be stored in a column of `ty`.
    pub fn fits(&self, ty: ColType) -> bool {
        matches!(
            (self, ty),
            (Value::Null, _)
                | (Value::Bool(_), ColType::Bool)
                | (Value::Int(_), ColType::BigInt)
                | (Value::Text(_), ColType::Text)
                | (Value::Date(_), ColType::Date)
                | (Value::DateTime(_), ColType::DateTime)
        )
    }
}

/// Datetimes are kept to the microsecond, PostgreSQL's precision, so that both databases give
/// back exactly what was written.
pub fn truncate_to_micros(t: DateTime<Utc>) -> DateTime<Utc> {
    DateTime::from_timestamp_micros(t.timestamp_micros()).unwrap_or(t)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_value_survives_a_trip_through_a_cursor() {
        let values = [
            Value::Null,
            Value::Bool(true),
            Value::Int(-42),
            Value::Text("张伟 \"quoted\"".into()),
            Value::Date(NaiveDate::from_ymd_opt(2026, 2, 28).unwrap()),
            Value::DateTime(DateTime::from_timestamp_micros(1_790_000_000_123_456).unwrap()),
        ];
        for v in values {
            assert_eq!(Value::from_cursor_json(&v.to_cursor_json()), Some(v));
        }
        assert_eq!(Value::from_cursor_json(&serde_json::json!({"x": 1})), None);
    }
}
