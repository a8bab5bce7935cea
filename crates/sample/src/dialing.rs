//! Writing a locally written phone number the way someone in another country types it: with
//! the country code first and the domestic trunk prefix dropped.

use crate::Locale;

/// `phone` as written in its own country, rewritten for a caller elsewhere. Numbers that already
/// start with `+` are left as they are.
pub(crate) fn international(phone: &str, locale: Locale) -> String {
    if phone.starts_with('+') {
        return phone.to_owned();
    }
    match locale {
        Locale::English => format!("+1 {phone}"),
        Locale::Spanish => format!("+34 {phone}"),
        Locale::SimplifiedChinese => format!("+86 {}", drop_trunk(phone, '0')),
        Locale::TraditionalChinese => format!("+886 {}", drop_trunk(phone, '0')),
        Locale::Russian => format!("+7 {}", drop_trunk(phone, '8').trim_start()),
    }
}

/// Removes the first digit if it is the trunk prefix, keeping any bracket before it:
/// `(010) 1234 5678` → `(10) 1234 5678`, `0912 345 678` → `912 345 678`.
fn drop_trunk(phone: &str, trunk: char) -> String {
    let (open, rest) = match phone.strip_prefix('(') {
        Some(r) => ("(", r),
        None => ("", phone),
    };
    match rest.strip_prefix(trunk) {
        Some(r) => format!("{open}{r}"),
        None => phone.to_owned(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn local_numbers_gain_their_country_code_and_lose_the_trunk_prefix() {
        assert_eq!(
            international("(415) 867-5309", Locale::English),
            "+1 (415) 867-5309"
        );
        assert_eq!(
            international("010-12345678", Locale::SimplifiedChinese),
            "+86 10-12345678"
        );
        assert_eq!(
            international("138 0013 8000", Locale::SimplifiedChinese),
            "+86 138 0013 8000"
        );
        assert_eq!(
            international("(02) 2345-6789", Locale::TraditionalChinese),
            "+886 (2) 2345-6789"
        );
        assert_eq!(
            international("8 (916) 123-45-67", Locale::Russian),
            "+7 (916) 123-45-67"
        );
        assert_eq!(
            international("612 345 678", Locale::Spanish),
            "+34 612 345 678"
        );
        assert_eq!(
            international("+52 55 1234 5678", Locale::Spanish),
            "+52 55 1234 5678"
        );
    }
}
