//! The `q` search: a record's folded search text, and the condition a search box becomes.

use crate::fold::{escape_like, fold, search_terms};
use crate::kind::FieldKind;
use crate::meta::{FieldDef, ObjectDef};
use crate::names::ColumnName;
use crate::plan::Pred;
use crate::{CoreError, Value, phone};

/// Most terms in one `q` search, and the longest `q`.
pub const MAX_SEARCH_TERMS: usize = 10;
pub const MAX_SEARCH_LEN: usize = 200;

/// Resolves `q`: every folded term must occur in the record's search text.
pub fn plan_search(q: &str) -> Result<Pred, CoreError> {
    Ok(Pred::And(
        checked_terms(q)?
            .iter()
            .map(|t| Pred::Like {
                col: "search_text".into(),
                pattern: format!("%{}%", escape_like(t)),
            })
            .collect(),
    ))
}

/// Resolves `q` over only the searchable fields that `allowed` admits, for a caller who may not
/// read them all (the combined search text would match on a hidden value): every term must
/// occur in one of those fields.
pub fn plan_search_in(
    obj: &ObjectDef,
    q: &str,
    allowed: &dyn Fn(&FieldDef) -> bool,
) -> Result<Pred, CoreError> {
    let columns: Vec<ColumnName> = obj
        .fields
        .iter()
        .filter(|f| f.searchable && allowed(f))
        .map(|f| match f.kind {
            FieldKind::Text | FieldKind::Textarea => f.column.with_suffix(crate::kind::FOLD_SUFFIX),
            _ => f.column.clone(),
        })
        .collect();
    Ok(Pred::And(
        checked_terms(q)?
            .iter()
            .map(|t| {
                Pred::Or(
                    columns
                        .iter()
                        .map(|c| Pred::Like {
                            col: c.clone(),
                            pattern: format!("%{}%", escape_like(t)),
                        })
                        .collect(),
                )
            })
            .collect(),
    ))
}

fn checked_terms(q: &str) -> Result<Vec<String>, CoreError> {
    if q.chars().count() > MAX_SEARCH_LEN {
        return Err(CoreError::invalid(format!(
            "q is at most {MAX_SEARCH_LEN} characters"
        )));
    }
    let terms = search_terms(q);
    if terms.len() > MAX_SEARCH_TERMS {
        return Err(CoreError::invalid(format!(
            "q has at most {MAX_SEARCH_TERMS} words"
        )));
    }
    Ok(terms)
}

/// The text a record is found by with `q`: its searchable fields, folded, phones also as digits.
pub fn search_text(obj: &ObjectDef, get: &dyn Fn(&ColumnName) -> Option<Value>) -> String {
    let mut parts: Vec<String> = Vec::new();
    for f in obj.fields.iter().filter(|f| f.searchable) {
        let text = |col: &ColumnName| get(col).and_then(|v| v.as_str().map(str::to_owned));
        match f.kind {
            FieldKind::Text | FieldKind::Textarea => {
                parts.extend(text(&f.column.with_suffix(crate::kind::FOLD_SUFFIX)))
            }
            FieldKind::Phone => {
                parts.extend(text(&f.column).map(|e| phone::digits(&e)));
                let original = f.column.with_suffix("_original");
                parts.extend(text(&original).map(|o| phone::digits(&o)));
            }
            _ => parts.extend(text(&f.column).map(|t| fold(&t))),
        }
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" \u{1f} ")
}
