//! Names that may become SQL identifiers: checked once here, so SQL never sees user text.

use crate::CoreError;
use crate::said::{Reason, Said};

/// Longest API name accepted for an object or a field; leaves room for prefixes and suffixes
/// within PostgreSQL's 63-byte identifier limit.
pub const MAX_NAME_LEN: usize = 40;

/// Words that would clash with the columns every record has, or with the API's own parameters.
const RESERVED: &[&str] = &[
    "id",
    "owner_id",
    "created_at",
    "updated_at",
    "created_by",
    "deleted_at",
    "deleted_by",
    "search_text",
    "q",
    "sort",
    "limit",
    "cursor",
    "count",
    "filter",
    "select",
    "from",
    "where",
    "table",
    "order",
    "group",
    "user",
    "index",
    "default",
    "null",
    "true",
    "false",
];

/// True when `name` is a lowercase snake_case identifier: `^[a-z][a-z0-9_]*$`, at most
/// [`MAX_NAME_LEN`] bytes, without a double or trailing underscore.
pub fn is_snake_ident(name: &str) -> bool {
    !name.is_empty()
        && name.len() <= MAX_NAME_LEN
        && name.starts_with(|c: char| c.is_ascii_lowercase())
        && name
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_')
        && !name.contains("__")
        && !name.ends_with('_')
}

/// A snake_case name made from text people typed ("Key account" → `key_account`); `None` when
/// the text has no Latin letters or digits to make one from (such as "重点客户").
pub fn slug(text: &str) -> Option<String> {
    let mut out = String::new();
    for c in text.trim().chars().flat_map(char::to_lowercase) {
        if c.is_ascii_lowercase() || c.is_ascii_digit() {
            out.push(c);
        } else if !out.is_empty() && !out.ends_with('_') {
            out.push('_');
        }
    }
    let out: String = out
        .trim_end_matches('_')
        .chars()
        .take(MAX_NAME_LEN)
        .collect();
    let out = out.trim_end_matches('_').to_owned();
    is_snake_ident(&out).then_some(out)
}

/// Checks a name chosen by an administrator for a new object or field.
pub fn check_new_name(name: &str) -> Result<(), CoreError> {
    if !is_snake_ident(name) {
        return Err(CoreError::field(
            "name",
            Said::new(Reason::BadName).with("max", MAX_NAME_LEN),
        ));
    }
    if RESERVED.contains(&name) {
        return Err(CoreError::field(
            "name",
            Said::new(Reason::ReservedName).with("value", name),
        ));
    }
    Ok(())
}

/// Quotes an identifier that has already passed [`is_snake_ident`] (or is a fixed name from
/// this code base), for the few statements that are written as text, such as index DDL.
pub fn quoted(ident: &str) -> String {
    debug_assert!(ident.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'));
    format!("\"{ident}\"")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_text_becomes_a_name_when_it_has_latin_letters() {
        assert_eq!(slug("Key account").as_deref(), Some("key_account"));
        assert_eq!(slug("  VIP -- Gold! ").as_deref(), Some("vip_gold"));
        assert_eq!(slug("重点客户"), None);
        assert_eq!(slug("2024 plan"), None, "a name starts with a letter");
    }

    #[test]
    fn snake_case_names_are_accepted_and_everything_else_refused() {
        assert!(is_snake_ident("wechat_id"));
        assert!(is_snake_ident("a1"));
        for bad in [
            "",
            "Wechat",
            "1abc",
            "a-b",
            "a b",
            "a__b",
            "a_",
            "name;drop",
            "\"x\"",
            "имя",
        ] {
            assert!(!is_snake_ident(bad), "{bad} should be refused");
        }
        assert!(!is_snake_ident(&"a".repeat(MAX_NAME_LEN + 1)));
    }

    #[test]
    fn reserved_words_cannot_name_a_field() {
        assert!(check_new_name("owner_id").is_err());
        assert!(check_new_name("select").is_err());
        assert!(check_new_name("wechat_id").is_ok());
    }
}
