//! The list's condition builder without scripts: conditions as numbered query parameters
//! (`c0.f` field, `c0.o` operator, `c0.v` value, `c0.g` group), groups that each match all or
//! any of their conditions (`g2.m=any`), the groups joined by `match` (all or any) — so that
//! "(A and B) or (C and D)" can be said — and up to four sort keys
//! (`s0`…`s3` with `d0`…`d3`) and the chosen columns (`col`, repeated, or `cols=a,b`), turned
//! into the record service's filter and sort, and back into rows the page draws.

use pelagic_core::filter::Filter;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use serde_json::{Value as Json, json};

/// Most conditions and sort keys a list takes from its form.
pub const MAX_CONDITIONS: usize = 6;
pub const MAX_SORT_KEYS: usize = 4;
/// Groups conditions can be put in.
pub const GROUPS: usize = 3;

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
    /// The group it belongs to, 1 to `GROUPS` (0 reads as 1).
    pub group: usize,
}

/// What a list asks for beyond search and paging.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Query {
    pub any: bool,
    /// Whether each group (1 to `GROUPS`, at index group − 1) needs any of its conditions
    /// rather than all.
    pub group_any: [bool; GROUPS],
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
            let group = get(&format!("c{i}.g"))
                .and_then(|g| g.parse::<usize>().ok())
                .filter(|g| (1..=GROUPS).contains(g))
                .unwrap_or(1);
            q.conditions.push(Condition {
                field,
                op: get(&format!("c{i}.o")).unwrap_or_else(|| "eq".into()),
                value: get(&format!("c{i}.v")).unwrap_or_default(),
                group,
            });
        }
        for g in 0..GROUPS {
            q.group_any[g] = get(&format!("g{}.m", g + 1)).as_deref() == Some("any");
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

    /// The conditions as the API's JSON filter tree (`None` without conditions). A choice may be
    /// written as its label in any language ("Contactado", "已联系"): it becomes its key.
    pub fn filter_json(&self, obj: &ObjectDef) -> Option<Json> {
        if self.conditions.is_empty() {
            return None;
        }
        let parts: Vec<(usize, Json)> = self
            .conditions
            .iter()
            .map(|c| {
                let numeric = obj.field(&c.field).is_some_and(|f| {
                    matches!(f.kind, FieldKind::Integer) && c.value.parse::<i64>().is_ok()
                });
                let choice = obj.field(&c.field).filter(|f| f.kind.has_options());
                let key = |typed: &str| match choice {
                    Some(f) => option_key(obj, f, typed),
                    None => typed.trim().to_owned(),
                };
                let value = match c.op.as_str() {
                    "in" | "nin" => json!(c.value.split(',').map(key).collect::<Vec<_>>()),
                    _ if choice.is_some() => json!(key(&c.value)),
                    "between" => json!(c.value.splitn(2, "..").map(str::trim).collect::<Vec<_>>()),
                    "is_null" | "is_not_null" => Json::Null,
                    _ if numeric => json!(c.value.parse::<i64>().unwrap_or_default()),
                    _ => json!(c.value),
                };
                (
                    c.group.max(1),
                    json!({ "field": c.field, "op": c.op, "value": value }),
                )
            })
            .collect();
        let join = |any: bool, items: Vec<Json>| {
            if items.len() == 1 {
                items.into_iter().next().unwrap_or(Json::Null)
            } else if any {
                json!({ "or": items })
            } else {
                json!({ "and": items })
            }
        };
        let used: Vec<usize> = (1..=GROUPS)
            .filter(|g| parts.iter().any(|(of, _)| of == g))
            .collect();
        let members = |g: usize| -> Vec<Json> {
            parts
                .iter()
                .filter(|(of, _)| *of == g)
                .map(|(_, p)| p.clone())
                .collect()
        };
        // With one group, `match` speaks of its conditions (a plain "any of these").
        if let [only] = used[..] {
            return Some(join(self.any || self.group_any[only - 1], members(only)));
        }
        let groups = used
            .iter()
            .map(|g| join(self.group_any[g - 1], members(*g)))
            .collect();
        Some(join(self.any, groups))
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
            if c.group > 1 {
                out.push((format!("c{i}.g"), c.group.to_string()));
            }
        }
        for (g, any) in self.group_any.iter().enumerate() {
            if *any {
                out.push((format!("g{}.m", g + 1), "any".into()));
            }
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

/// An option's key from what was typed: the key itself, or its label in any of the languages
/// (so a view saved by a Spanish speaker works for a Chinese one). Anything else stays as typed,
/// and the record service says it is not an option.
fn option_key(obj: &ObjectDef, f: &pelagic_core::meta::FieldDef, typed: &str) -> String {
    let typed = typed.trim();
    if f.options.iter().any(|o| o == typed) {
        return typed.to_owned();
    }
    let wanted = typed.to_lowercase();
    crate::i18n::LANGUAGES
        .iter()
        .map(|(code, _)| crate::i18n::Tr::new(code))
        .find_map(|tr| {
            f.options
                .iter()
                .find(|o| tr.option(obj, f, o).to_lowercase() == wanted)
        })
        .cloned()
        .unwrap_or_else(|| typed.to_owned())
}

/// The labels of each choice field the reader sees, in their language, for the value boxes of
/// the condition builder to offer: (field, labels).
pub fn option_lists(
    tr: &crate::i18n::Tr,
    obj: &ObjectDef,
    visible: &[String],
) -> Vec<(String, Vec<String>)> {
    obj.fields
        .iter()
        .filter(|f| visible.iter().any(|n| f.name == *n) && f.kind.has_options())
        .map(|f| {
            let labels = f.options.iter().map(|o| tr.option(obj, f, o)).collect();
            (f.name.to_string(), labels)
        })
        .collect()
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
    fn groups_say_a_and_b_or_c_and_d() {
        let q = read(&[
            ("match", "any"),
            ("c0.f", "type"),
            ("c0.v", "customer"),
            ("c1.f", "level"),
            ("c1.v", "a"),
            ("c2.f", "type"),
            ("c2.v", "partner"),
            ("c2.g", "2"),
            ("c3.f", "level"),
            ("c3.v", "b"),
            ("c3.g", "2"),
        ]);
        let obj: ObjectDef = serde_json::from_value(json!({
            "name": "account", "label": "Account", "label_plural": "Accounts", "fields": []
        }))
        .unwrap();
        let tree = q.filter_json(&obj).unwrap();
        assert_eq!(tree["or"].as_array().unwrap().len(), 2, "{tree}");
        assert_eq!(tree["or"][1]["and"][0]["value"], "partner");
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
