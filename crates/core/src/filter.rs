//! The filter tree clients send (AND / OR / NOT of conditions) and its operators.

use serde_json::Value as Json;

use crate::CoreError;

/// Deepest nesting of AND/OR/NOT accepted, and the most conditions in one filter.
pub const MAX_DEPTH: usize = 8;
pub const MAX_CONDITIONS: usize = 100;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Op {
    Eq,
    Ne,
    Lt,
    Lte,
    Gt,
    Gte,
    In,
    Nin,
    Contains,
    StartsWith,
    IsNull,
    IsNotNull,
    Between,
    Within,
}

impl Op {
    pub const ALL: [Op; 14] = [
        Op::Eq,
        Op::Ne,
        Op::Lt,
        Op::Lte,
        Op::Gt,
        Op::Gte,
        Op::In,
        Op::Nin,
        Op::Contains,
        Op::StartsWith,
        Op::IsNull,
        Op::IsNotNull,
        Op::Between,
        Op::Within,
    ];

    pub fn name(self) -> &'static str {
        match self {
            Op::Eq => "eq",
            Op::Ne => "ne",
            Op::Lt => "lt",
            Op::Lte => "lte",
            Op::Gt => "gt",
            Op::Gte => "gte",
            Op::In => "in",
            Op::Nin => "nin",
            Op::Contains => "contains",
            Op::StartsWith => "starts_with",
            Op::IsNull => "is_null",
            Op::IsNotNull => "is_not_null",
            Op::Between => "between",
            Op::Within => "within",
        }
    }

    pub fn parse(name: &str) -> Result<Op, CoreError> {
        Op::ALL
            .into_iter()
            .find(|o| o.name() == name)
            .ok_or_else(|| {
                let names: Vec<&str> = Op::ALL.iter().map(|o| o.name()).collect();
                CoreError::invalid(format!(
                    "unknown operator '{}'; use one of {}",
                    name.chars().take(40).collect::<String>(),
                    names.join(", ")
                ))
            })
    }

    /// Whether the operator takes no value.
    pub fn is_unary(self) -> bool {
        matches!(self, Op::IsNull | Op::IsNotNull)
    }
}

/// A filter as the client wrote it: field names and raw JSON values, not yet checked against
/// any metadata.
#[derive(Debug, Clone, PartialEq)]
pub enum Filter {
    And(Vec<Filter>),
    Or(Vec<Filter>),
    Not(Box<Filter>),
    Cond { field: String, op: Op, value: Json },
}

impl Filter {
    /// Reads `{"and":[…]}`, `{"or":[…]}`, `{"not":…}` or `{"field","op","value"}`.
    pub fn from_json(v: &Json) -> Result<Filter, CoreError> {
        let mut count = 0;
        let f = Filter::read(v, 0, &mut count)?;
        Ok(f)
    }

    fn read(v: &Json, depth: usize, count: &mut usize) -> Result<Filter, CoreError> {
        if depth > MAX_DEPTH {
            return Err(CoreError::invalid(format!(
                "the filter nests deeper than {MAX_DEPTH} levels"
            )));
        }
        let obj = v.as_object().ok_or_else(|| {
            CoreError::invalid("a filter is an object: {\"and\":[…]}, {\"or\":[…]}, {\"not\":…} or {\"field\",\"op\",\"value\"}")
        })?;
        let list = |key: &str, items: &Json, count: &mut usize| -> Result<Vec<Filter>, CoreError> {
            let arr = items
                .as_array()
                .ok_or_else(|| CoreError::invalid(format!("'{key}' takes a list of filters")))?;
            arr.iter()
                .map(|i| Filter::read(i, depth + 1, count))
                .collect()
        };
        if obj.len() == 1 {
            let (key, inner) = obj.iter().next().expect("one entry");
            match key.as_str() {
                "and" => return Ok(Filter::And(list("and", inner, count)?)),
                "or" => return Ok(Filter::Or(list("or", inner, count)?)),
                "not" => {
                    return Ok(Filter::Not(Box::new(Filter::read(
                        inner,
                        depth + 1,
                        count,
                    )?)));
                }
                _ => {}
            }
        }
        let field = obj.get("field").and_then(Json::as_str).ok_or_else(|| {
            CoreError::invalid("a condition needs a 'field' (text), an 'op' and usually a 'value'")
        })?;
        let op = Op::parse(obj.get("op").and_then(Json::as_str).unwrap_or("eq"))?;
        if let Some(extra) = obj
            .keys()
            .find(|k| !matches!(k.as_str(), "field" | "op" | "value"))
        {
            return Err(CoreError::invalid(format!(
                "a condition has only 'field', 'op' and 'value', not '{extra}'"
            )));
        }
        *count += 1;
        if *count > MAX_CONDITIONS {
            return Err(CoreError::invalid(format!(
                "a filter has at most {MAX_CONDITIONS} conditions"
            )));
        }
        let value = obj.get("value").cloned().unwrap_or(Json::Null);
        if value.is_null() && !op.is_unary() {
            return Err(CoreError::invalid(format!(
                "the condition on '{field}' needs a 'value' (use is_null to find empty values)"
            )));
        }
        Ok(Filter::Cond {
            field: field.to_owned(),
            op,
            value,
        })
    }

    /// One condition from a query-string parameter: `field=value` or `field[op]=value`. List
    /// operators (`in`, `nin`, `between`) take comma-separated values.
    pub fn from_query_param(key: &str, value: &str) -> Result<Filter, CoreError> {
        let (field, op) = match key.split_once('[') {
            None => (key, Op::Eq),
            Some((field, rest)) => {
                let op = rest.strip_suffix(']').ok_or_else(|| {
                    CoreError::invalid(format!(
                        "'{key}' should look like field[op], e.g. amount[gte]"
                    ))
                })?;
                (field, Op::parse(op)?)
            }
        };
        let value = match op {
            Op::In | Op::Nin | Op::Between => Json::Array(
                value
                    .split(',')
                    .map(|s| Json::String(s.to_owned()))
                    .collect(),
            ),
            Op::IsNull | Op::IsNotNull => Json::Null,
            _ => Json::String(value.to_owned()),
        };
        Ok(Filter::Cond {
            field: field.to_owned(),
            op,
            value,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn a_nested_filter_tree_is_read() {
        let f = Filter::from_json(&json!({"and": [
            {"field": "industry", "op": "eq", "value": "finance"},
            {"or": [{"field": "level", "op": "in", "value": ["a", "b"]}, {"not": {"field": "phone", "op": "is_null"}}]}
        ]}))
        .unwrap();
        let Filter::And(parts) = f else {
            panic!("expected and")
        };
        assert_eq!(parts.len(), 2);
    }

    #[test]
    fn malformed_filters_are_explained() {
        for bad in [
            json!([1]),
            json!({"field": 3, "op": "eq", "value": 1}),
            json!({"field": "a", "op": "like", "value": "x"}),
            json!({"field": "a", "op": "eq"}),
            json!({"field": "a", "op": "eq", "value": 1, "sql": "drop"}),
            json!({"and": {"field": "a"}}),
        ] {
            assert!(
                matches!(Filter::from_json(&bad), Err(CoreError::Invalid(_))),
                "{bad}"
            );
        }
        let mut deep = json!({"field": "a", "op": "is_null"});
        for _ in 0..20 {
            deep = json!({ "not": deep });
        }
        assert!(Filter::from_json(&deep).is_err());
    }

    #[test]
    fn query_parameters_become_conditions() {
        assert_eq!(
            Filter::from_query_param("level[in]", "a,b").unwrap(),
            Filter::Cond {
                field: "level".into(),
                op: Op::In,
                value: json!(["a", "b"])
            }
        );
        assert_eq!(
            Filter::from_query_param("name", "Acme").unwrap(),
            Filter::Cond {
                field: "name".into(),
                op: Op::Eq,
                value: json!("Acme")
            }
        );
        assert!(Filter::from_query_param("name[drop table]", "x").is_err());
        assert!(Filter::from_query_param("name[eq", "x").is_err());
    }
}
