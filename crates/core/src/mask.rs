//! Masked values: enough of a value shown to recognise it (`138****5678`), never enough to use it.

/// The masked form of a value as it would be displayed. Phones keep their first three and last
/// four digits, emails the first letter of the name and the domain, other text its first and last
/// character; short values are masked whole.
pub fn mask(value: &str) -> String {
    if let Some((name, domain)) = value.split_once('@') {
        let first: String = name.chars().take(1).collect();
        return format!("{first}***@{domain}");
    }
    let digits: Vec<char> = value.chars().filter(char::is_ascii_digit).collect();
    let looks_like_phone = digits.len() >= 7
        && value
            .chars()
            .all(|c| c.is_ascii_digit() || " +-().".contains(c));
    if looks_like_phone {
        // Without the country code, so that "+8613800138000" reads like the "138****8000" people
        // are used to.
        let national = value.trim_start_matches('+');
        let national_digits: Vec<char> = national.chars().filter(char::is_ascii_digit).collect();
        let start = national_digits.len().saturating_sub(11).min(3);
        let shown = &national_digits[start..];
        if shown.len() >= 8 {
            let head: String = shown[..3].iter().collect();
            let tail: String = shown[shown.len() - 4..].iter().collect();
            return format!("{head}****{tail}");
        }
        return "****".into();
    }
    let chars: Vec<char> = value.chars().collect();
    if chars.len() <= 3 {
        return "***".into();
    }
    format!("{}***{}", chars[0], chars[chars.len() - 1])
}

#[cfg(test)]
mod tests {
    use super::mask;

    #[test]
    fn a_chinese_mobile_shows_its_first_three_and_last_four_digits() {
        assert_eq!(mask("+8613800135678"), "138****5678");
        assert_eq!(mask("13800135678"), "138****5678");
    }

    #[test]
    fn other_phones_keep_the_same_shape() {
        assert_eq!(mask("+34612345678"), "346****5678");
        assert_eq!(mask("+79161234567"), "791****4567");
    }

    #[test]
    fn emails_keep_the_first_letter_and_the_domain() {
        assert_eq!(mask("wang.li@example.cn"), "w***@example.cn");
    }

    #[test]
    fn text_keeps_only_its_ends_and_short_text_nothing() {
        assert_eq!(mask("Москва, ул. Тверская 1"), "М***1");
        assert_eq!(mask("abc"), "***");
    }
}
