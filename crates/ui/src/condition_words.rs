//! A filter tree (an approval flow's condition) said in words in the reader's language:
//! `Overall discount greater than 15 or Total greater than 100,000`, not its JSON.

use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use serde_json::Value as Json;

use crate::i18n::Tr;

/// The condition in words; what is not a filter tree is shown as its JSON.
pub fn words(tr: &Tr, obj: &ObjectDef, tree: &Json) -> String {
    said(tr, obj, tree).unwrap_or_else(|| tree.to_string())
}

fn said(tr: &Tr, obj: &ObjectDef, tree: &Json) -> Option<String> {
    let join = |parts: &Json, word: &str| -> Option<String> {
        let parts: Option<Vec<String>> = parts
            .as_array()?
            .iter()
            .map(|p| {
                let inner = said(tr, obj, p)?;
                // A group inside a group keeps its brackets, so "and" and "or" read right.
                Some(if p.get("and").is_some() || p.get("or").is_some() {
                    format!("({inner})")
                } else {
                    inner
                })
            })
            .collect();
        Some(parts?.join(&format!(" {} ", tr.t(word))))
    };
    if let Some(all) = tree.get("and") {
        return join(all, "cond-and");
    }
    if let Some(any) = tree.get("or") {
        return join(any, "cond-or");
    }
    if let Some(inner) = tree.get("not") {
        return Some(format!("{} ({})", tr.t("cond-not"), said(tr, obj, inner)?));
    }
    let field = obj.field(tree.get("field")?.as_str()?)?;
    let op = tree.get("op")?.as_str()?;
    let value = |v: &Json| match (field.kind, v) {
        (FieldKind::Select | FieldKind::Multiselect, Json::String(key)) => {
            tr.option(obj, field, key)
        }
        (FieldKind::Money | FieldKind::Decimal | FieldKind::Integer | FieldKind::Percent, v) => {
            let text = v
                .as_str()
                .map(str::to_owned)
                .unwrap_or_else(|| v.to_string());
            crate::format::number(tr.code, &text)
        }
        (_, Json::String(s)) => s.clone(),
        (_, v) => v.to_string(),
    };
    let values = match tree.get("value") {
        None | Some(Json::Null) => String::new(),
        Some(Json::Array(items)) => items.iter().map(value).collect::<Vec<_>>().join(", "),
        Some(v) => value(v),
    };
    let sentence = format!(
        "{} {} {values}",
        tr.field(obj, field),
        tr.t(&format!("op-{op}"))
    );
    Some(sentence.trim_end().to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn quote() -> ObjectDef {
        let text = include_str!("../../../metadata/quote.toml");
        toml::from_str::<ObjectDef>(text)
            .expect("the quote's metadata")
            .complete()
            .expect("complete")
    }

    #[test]
    fn a_flows_condition_reads_as_a_sentence_in_the_readers_language() {
        let tree = json!({"or": [{"field": "discount_rate", "op": "gt", "value": "15"},
            {"and": [{"field": "total", "op": "gte", "value": "100000"}, {"field": "status", "op": "eq", "value": "draft"}]}]});
        assert_eq!(
            words(&Tr::new("en"), &quote(), &tree),
            "Overall discount greater than 15 or (Total at least 100,000 and Status is Draft)"
        );
        let zh = words(&Tr::new("zh-CN"), &quote(), &tree);
        assert!(
            zh.contains("100,000") && !zh.contains("discount_rate"),
            "{zh}"
        );
        assert_eq!(
            words(&Tr::new("en"), &quote(), &json!({"weird": 1})),
            "{\"weird\":1}"
        );
    }
}
