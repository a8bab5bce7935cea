//! Duplicate keys: the normalised form of a company name, phone or email under which two records
//! count as the same customer, whatever the spelling, width, spacing or legal form.

use serde::{Deserialize, Serialize};

use crate::fold::fold;
use crate::kind::FieldKind;
use crate::meta::ObjectDef;
use crate::value::Value;

/// How a rule compares a field. Company, phone and email keys are shared by every object, so a
/// lead's phone meets a contact's; `text` keys stay within their own object and field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Match {
    Company,
    Phone,
    Email,
    Text,
}

impl Match {
    /// The comparisons a field of this kind can use, the first being its default.
    pub fn allowed(kind: FieldKind) -> &'static [Match] {
        match kind {
            FieldKind::Phone => &[Match::Phone],
            FieldKind::Email => &[Match::Email],
            FieldKind::Text => &[Match::Text, Match::Company],
            _ => &[],
        }
    }

    pub fn name(self) -> &'static str {
        match self {
            Match::Company => "company",
            Match::Phone => "phone",
            Match::Email => "email",
            Match::Text => "text",
        }
    }
}

/// One duplicate rule: records whose `field` values match the same way are duplicates.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Rule {
    pub field: String,
    #[serde(rename = "match")]
    pub matching: Match,
}

/// One key a record holds: the key's namespace, the normalised value and the field it came from.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord)]
pub struct Key {
    pub kind: String,
    pub key: String,
    pub field: String,
}

/// The keys a record holds under `rules`, one per distinct (kind, key); `column` reads the
/// record's stored columns.
pub fn keys(obj: &ObjectDef, rules: &[Rule], column: &dyn Fn(&str) -> Option<Value>) -> Vec<Key> {
    let mut out: Vec<Key> = Vec::new();
    for rule in rules {
        let Some(f) = obj.field(&rule.field) else {
            continue;
        };
        let Some(Value::Text(raw)) = column(&f.column) else {
            continue;
        };
        let (kind, key) = match rule.matching {
            Match::Company => ("company".to_owned(), company_key(&raw)),
            Match::Phone => ("phone".to_owned(), raw.trim().to_owned()),
            Match::Email => ("email".to_owned(), raw.trim().to_lowercase()),
            Match::Text => (format!("text:{}.{}", obj.name, f.name), fold(&raw)),
        };
        if key.is_empty() || out.iter().any(|k| k.kind == kind && k.key == key) {
            continue;
        }
        out.push(Key {
            kind,
            key,
            field: f.name.to_string(),
        });
    }
    out
}

/// Legal forms written as separate words, before or after the name (`ООО «Ромашка»`,
/// `Acme, S.L.`), compared after folding and with dots removed.
const LEGAL_WORDS: &[&str] = &[
    "ltd",
    "limited",
    "llc",
    "inc",
    "incorporated",
    "corp",
    "corporation",
    "co",
    "company",
    "plc",
    "llp",
    "lp",
    "gmbh",
    "ag",
    "kg",
    "mbh",
    "sa",
    "sl",
    "sau",
    "slu",
    "sas",
    "sarl",
    "srl",
    "spa",
    "ltda",
    "cia",
    "sac",
    "bv",
    "nv",
    "pty",
    "oy",
    "ab",
    "as",
    "kk",
    "ооо",
    "оао",
    "зао",
    "пао",
    "ао",
    "нао",
    "ип",
    "тоо",
    "чп",
];

/// Legal forms written joined to a Chinese name, longest first.
const CJK_SUFFIXES: &[&str] = &[
    "股份有限公司",
    "有限责任公司",
    "有限責任公司",
    "集团有限公司",
    "集團有限公司",
    "有限公司",
    "股份公司",
    "集团公司",
    "集團公司",
    "公司",
    "集团",
    "集團",
];

/// The comparable form of a company name: folded (case, accents, full width), punctuation and
/// spaces dropped, legal forms removed. Never empty unless the name is.
pub fn company_key(name: &str) -> String {
    let folded: String = fold(name)
        .chars()
        .filter(|c| !matches!(c, '.' | '\'' | '’'))
        .map(|c| if c.is_alphanumeric() { c } else { ' ' })
        .collect();
    let mut words: Vec<&str> = folded.split_whitespace().collect();
    let whole = words.concat();
    while words.len() > 1 && LEGAL_WORDS.contains(&words[words.len() - 1]) {
        words.pop();
    }
    while words.len() > 1 && LEGAL_WORDS.contains(&words[0]) {
        words.remove(0);
    }
    let mut joined = words.concat();
    if let Some(stem) = CJK_SUFFIXES
        .iter()
        .find_map(|s| joined.strip_suffix(s).filter(|stem| !stem.is_empty()))
    {
        joined = stem.to_owned();
    }
    if joined.is_empty() { whole } else { joined }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn chinese_names_match_with_or_without_spaces_and_legal_form() {
        let a = company_key("深圳市腾讯计算机系统有限公司");
        assert_eq!(a, "深圳市腾讯计算机系统");
        assert_eq!(company_key("深圳市腾讯计算机系统 有限公司"), a);
        assert_eq!(company_key("深圳市腾讯计算机系统股份有限公司"), a);
        assert_eq!(company_key("深圳市腾讯计算机系统"), a);
    }

    #[test]
    fn full_width_and_case_do_not_matter() {
        assert_eq!(company_key("ＡＢＣ 科技有限公司"), company_key("abc科技"));
        assert_eq!(company_key("ACME Ltd."), company_key("acme"));
    }

    #[test]
    fn western_and_russian_legal_forms_are_dropped_before_or_after() {
        assert_eq!(company_key("Acme, S.L."), "acme");
        assert_eq!(company_key("Acme S.A."), "acme");
        assert_eq!(company_key("Müller GmbH"), "muller");
        assert_eq!(company_key("Widgets Inc"), company_key("WIDGETS, LLC"));
        assert_eq!(company_key("ООО «Ромашка»"), "ромашка");
        assert_eq!(company_key("Ромашка, АО"), "ромашка");
    }

    #[test]
    fn words_that_only_end_like_a_legal_form_are_kept() {
        assert_eq!(company_key("Mesa"), "mesa");
        assert_eq!(company_key("Disco"), "disco");
        assert_ne!(company_key("Acme Asia"), company_key("Acme"));
    }

    #[test]
    fn a_name_that_is_only_a_legal_form_keeps_its_words() {
        assert_eq!(company_key("Company Ltd"), "company");
        assert_eq!(company_key("公司"), "公司");
        assert_eq!(company_key(""), "");
    }
}
