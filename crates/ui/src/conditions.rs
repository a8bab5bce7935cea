//! The list's condition builder without scripts: conditions as numbered query parameters
//! (`c0.f` field, `c0.o` operator, `c0.v` value; `match` all or any) and up to four sort keys
//! (`s0`…`s3` with `d0`…`d3`) and the chosen columns (`col`, repeated, or `cols=a,b`), turned
//! into the record service's filter and sort, and back into rows the page draws.

use pelagic_core::filter::Filter;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use serde_json::{Value as Json, json};

/// Most conditions and sort keys a list takes from its form.
pub const MAX_CONDITIONS: usize = 6;
pub const MAX_SORT_KEYS: usize = 4;

/// Relative periods offered for dates.
pub const PERIODS: [&str; 10] = [
    "today",
    "yesterday",
    "this_week",
    "last_week",
    "this_month",
    "last_month",
    "this_quarter",
    "this_year",
    "last_n_days:30",
    "next_n_days:30",
];

/// One condition as the form gave it.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Condition {
    pub field: String,
    pub op: String,
    pub value: String,
}

/// What a list asks for beyond search and paging.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub any: bool,
    pub conditions: Vec<Condition>,
    /// (field, descending)
    pub sort: Vec<(String, bool)>,
    /// Columns the user chose, in order; empty for the object's default columns.
    pub columns: Vec<String>,
}

impl Query {
    /// Reads the numbered parameters; rows without a field are ignored, a single `sort=-a,b`
    /// parameter is accepted too.
    pub fn from_pairs(pairs: &[(String, String)]) -> Query {
        let get = |key: &str| pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.clone());
        let mut q = Query {
            any: get("match").as_deref() == Some("any"),
            ..Query::default()
        };
        for i in 0..MAX_CONDITIONS {
            let field = get(&format!("c{i}.f")).unwrap_or_default();
            if field.is_empty() {
                continue;
            }
            q.conditions.push(Condition {
                field,
                op: get(&format!("c{i}.o")).unwrap_or_else(|| "eq".into()),
                value: get(&format!("c{i}.v")).unwrap_or_default(),
            });
        }
        for i in 0..MAX_SORT_KEYS {
            if let Some(field) = get(&format!("s{i}")).filter(|f| !f.is_empty()) {
                q.sort
                    .push((field, get(&format!("d{i}")).as_deref() == Some("desc")));
            }
        }
        if q.sort.is_empty()
            && let Some(sort) = get("sort")
        {
            q.sort = pelagic_core::plan::parse_sort_param(&sort);
        }
        let mut columns: Vec<String> = pairs
            .iter()
            .filter(|(k, v)| k == "col" && !v.is_empty())
            .map(|(_, v)| v.clone())
            .collect();
        if columns.is_empty()
            && let Some(cols) = get("cols")
        {
            columns = cols
                .split(',')
                .map(str::trim)
                .filter(|c| !c.is_empty())
                .map(str::to_owned)
                .collect();
        }
        columns.dedup();
        q.columns = columns;
        q
    }

    /// The filter for the record service (`None` without conditions). A list value (`in`,
    /// `nin`) is split on commas; `between` on `..`.
    pub fn filter(&self, obj: &ObjectDef) -> Result<Option<Filter>, pelagic_app::AppError> {
        self.filter_json(obj)
            .map(|tree| Filter::from_json(&tree))
            .transpose()
            .map_err(Into::into)
    }

    /// The conditions as the API's JSON filter tree (`None` without conditions).
    pub fn filter_json(&self, obj: &ObjectDef) -> Option<Json> {
        if self.conditions.is_empty() {
            return None;
        }
        let parts: Vec<Json> = self
            .conditions
            .iter()
            .map(|c| {
                let numeric = obj.field(&c.field).is_some_and(|f| {
                    matches!(f.kind, FieldKind::Integer) && c.value.parse::<i64>().is_ok()
                });
                let value = match c.op.as_str() {
                    "in" | "nin" => json!(c.value.split(',').map(str::trim).collect::<Vec<_>>()),
                    "between" => json!(c.value.splitn(2, "..").map(str::trim).collect::<Vec<_>>()),
                    "is_null" | "is_not_null" => Json::Null,
                    _ if numeric => json!(c.value.parse::<i64>().unwrap_or_default()),
                    _ => json!(c.value),
                };
                json!({ "field": c.field, "op": c.op, "value": value })
            })
            .collect();
        Some(if self.any {
            json!({ "or": parts })
        } else {
            json!({ "and": parts })
        })
    }

    /// The query parameters that say this again (for links that keep the conditions).
    pub fn params(&self) -> Vec<(String, String)> {
        let mut out = Vec::new();
        if self.any {
            out.push(("match".into(), "any".into()));
        }
        for (i, c) in self.conditions.iter().enumerate() {
            out.push((format!("c{i}.f"), c.field.clone()));
            out.push((format!("c{i}.o"), c.op.clone()));
            out.push((format!("c{i}.v"), c.value.clone()));
        }
        for (i, (field, desc)) in self.sort.iter().enumerate() {
            out.push((format!("s{i}"), field.clone()));
            out.push((format!("d{i}"), if *desc { "desc" } else { "asc" }.into()));
        }
        if !self.columns.is_empty() {
            out.push(("cols".into(), self.columns.join(",")));
        }
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(pairs: &[(&str, &str)]) -> Query {
        let pairs: Vec<(String, String)> = pairs
            .iter()
            .map(|(k, v)| ((*k).into(), (*v).into()))
            .collect();
        Query::from_pairs(&pairs)
    }

    #[test]
    fn numbered_rows_become_conditions_and_sort_keys_and_go_back_into_links() {
        let q = read(&[
            ("c0.f", "type"),
            ("c0.o", "eq"),
            ("c0.v", "customer"),
            ("c2.f", "created_at"),
            ("c2.o", "within"),
            ("c2.v", "this_week"),
            ("c1.f", ""),
            ("s0", "level"),
            ("d0", "asc"),
            ("s1", "name"),
            ("d1", "desc"),
            ("col", "name"),
            ("col", "phone"),
        ]);
        assert_eq!(q.conditions.len(), 2, "the empty row is skipped");
        assert_eq!(q.sort, vec![("level".into(), false), ("name".into(), true)]);
        assert_eq!(q.columns, vec!["name".to_owned(), "phone".to_owned()]);
        let again = read(
            &q.params()
                .iter()
                .map(|(k, v)| (k.as_str(), v.as_str()))
                .collect::<Vec<_>>(),
        );
        assert_eq!(again, q);
    }

    #[test]
    fn a_plain_sort_parameter_still_sorts() {
        assert_eq!(read(&[("sort", "-name")]).sort, vec![("name".into(), true)]);
    }
}
