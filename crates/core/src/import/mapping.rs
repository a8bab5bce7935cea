//! Which field each column of a file is: suggested by matching its header against every
//! field's API name and its labels in the five languages (a Chinese export's 客户名称 is the
//! account's name without anyone saying so), each field taken by one column at most.

use std::collections::BTreeSet;

use crate::fold::fold;
use crate::ids::FieldName;

/// What a field may be called in a header: its API name and its labels in every language.
#[derive(Debug, Clone)]
pub struct FieldNames {
    pub field: FieldName,
    pub names: Vec<String>,
}

/// For each header, the field it is suggested to fill, if any.
pub fn suggest(header: &[String], fields: &[FieldNames]) -> Vec<Option<FieldName>> {
    let mut candidates: Vec<(u8, usize, usize)> = Vec::new();
    for (column, text) in header.iter().enumerate() {
        let h = key(text);
        if h.is_empty() {
            continue;
        }
        for (i, f) in fields.iter().enumerate() {
            let score = f.names.iter().map(|n| likeness(&h, &key(n))).max();
            if let Some(score) = score.filter(|s| *s > 0) {
                candidates.push((score, column, i));
            }
        }
    }
    // Best matches first; among equals, the leftmost column and the field listed first.
    candidates.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let mut out = vec![None; header.len()];
    let mut taken = BTreeSet::new();
    for (_, column, i) in candidates {
        if out[column].is_none() && taken.insert(i) {
            out[column] = Some(fields[i].field.clone());
        }
    }
    out
}

/// A header or name compared without case, width, spaces, underscores or hyphens.
fn key(text: &str) -> String {
    fold(text)
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '_' | '-' | '.' | ':' | '：'))
        .collect()
}

/// How well a header matches a name: 2 the same, 1 one holds the other (联系电话 holds 电话),
/// 0 not at all. Names of one character are too short to be found inside another.
fn likeness(header: &str, name: &str) -> u8 {
    if name.is_empty() {
        0
    } else if header == name {
        2
    } else if name.chars().count() >= 2 && (header.contains(name) || name.contains(header)) {
        1
    } else {
        0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(field: &str, labels: &[&str]) -> FieldNames {
        let mut names = vec![field.to_owned()];
        names.extend(labels.iter().map(|l| (*l).to_owned()));
        FieldNames {
            field: FieldName::fixed(field),
            names,
        }
    }

    fn account() -> Vec<FieldNames> {
        vec![
            names("name", &["Name", "客户名称", "Nombre", "Название"]),
            names("phone", &["Phone", "电话", "Teléfono", "Телефон"]),
            names("industry", &["Industry", "所属行业", "Sector"]),
        ]
    }

    #[test]
    fn a_chinese_export_maps_by_its_headers() {
        let header = ["客户名称", "联系电话", "备注"].map(String::from);
        let got = suggest(&header, &account());
        assert_eq!(got[0].as_deref(), Some("name"));
        assert_eq!(got[1].as_deref(), Some("phone"), "联系电话 holds 电话");
        assert_eq!(got[2], None);
    }

    #[test]
    fn names_labels_and_case_match_and_each_field_is_taken_once() {
        let header = ["PHONE", "Teléfono", "nombre", "Sector"].map(String::from);
        let got = suggest(&header, &account());
        assert_eq!(got[0].as_deref(), Some("phone"));
        assert_eq!(got[1], None, "phone is already taken by the first column");
        assert_eq!(got[2].as_deref(), Some("name"));
        assert_eq!(got[3].as_deref(), Some("industry"));
    }
}
