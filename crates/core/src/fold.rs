//! Folding text for comparison and search: the same in Rust, SQLite and PostgreSQL.

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

/// Folds text so that comparisons ignore case, accents, full-width forms and extra spaces:
/// NFKC (full-width `ＡＢＣ` → `ABC`), lowercase (every script, not just ASCII), accents
/// removed (`María` → `maria`), runs of white space collapsed. Chinese characters are kept
/// as they are.
pub fn fold(text: &str) -> String {
    let lowered: String = text.nfkc().flat_map(char::to_lowercase).collect();
    let mut out = String::with_capacity(lowered.len());
    let mut space = false;
    for c in lowered.nfd().filter(|c| !is_combining_mark(*c)).nfc() {
        if c.is_whitespace() {
            space = !out.is_empty();
        } else {
            if space {
                out.push(' ');
                space = false;
            }
            out.push(c);
        }
    }
    out
}

/// Escapes `%`, `_` and `\` so that text can sit inside a LIKE pattern with `ESCAPE '\'`.
pub fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Splits a search box's text into folded terms; every term must match.
pub fn search_terms(q: &str) -> Vec<String> {
    fold(q)
        .split(' ')
        .filter(|t| !t.is_empty())
        .map(str::to_owned)
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folding_ignores_case_accents_width_and_spacing_in_every_script() {
        assert_eq!(fold("  María   LÓPEZ "), "maria lopez");
        assert_eq!(fold("ИВАН Петров"), "иван петров");
        assert_eq!(fold("ＡＢＣ有限公司"), "abc有限公司");
        assert_eq!(fold("深圳市腾讯"), "深圳市腾讯");
        assert_eq!(
            fold("Ёлка"),
            "елка",
            "ё folds with е, as Russian search expects"
        );
    }

    #[test]
    fn like_wildcards_are_escaped() {
        assert_eq!(escape_like("100%_a\\b"), "100\\%\\_a\\\\b");
    }

    #[test]
    fn search_terms_are_folded_words() {
        assert_eq!(search_terms(" Acme  S.A. "), vec!["acme", "s.a."]);
        assert!(search_terms("   ").is_empty());
    }
}
