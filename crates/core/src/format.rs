//! Numbers, money, dates and times written the way each language writes them: digit grouping and
//! decimal marks (1,234.5 · 1.234,5 · 1 234,5), where the currency goes, and date order.

use chrono::{Datelike, NaiveDate, NaiveDateTime};

/// How one language writes numbers and dates.
struct Style {
    group: &'static str,
    decimal: &'static str,
    /// Spanish leaves four-digit numbers ungrouped (1234, but 12.345).
    group_from_five_digits: bool,
    /// The amount before the currency (1.234,50 €) rather than after it ($1,234.50).
    currency_after: bool,
}

fn style(lang: &str) -> Style {
    match lang {
        "es" => Style {
            group: ".",
            decimal: ",",
            group_from_five_digits: true,
            currency_after: true,
        },
        "ru" => Style {
            group: "\u{a0}",
            decimal: ",",
            group_from_five_digits: false,
            currency_after: true,
        },
        _ => Style {
            group: ",",
            decimal: ".",
            group_from_five_digits: false,
            currency_after: false,
        },
    }
}

/// A decimal number as text (`-1234567.50`) written for `lang`; anything that is not a plain
/// number comes back as it was.
pub fn number(lang: &str, text: &str) -> String {
    let (sign, digits) = match text.strip_prefix('-') {
        Some(rest) => ("-", rest),
        None => ("", text),
    };
    let (whole, fraction) = digits.split_once('.').unwrap_or((digits, ""));
    if whole.is_empty()
        || !whole.bytes().all(|b| b.is_ascii_digit())
        || !fraction.bytes().all(|b| b.is_ascii_digit())
    {
        return text.to_owned();
    }
    let s = style(lang);
    let grouped = if s.group_from_five_digits && whole.len() <= 4 {
        whole.to_owned()
    } else {
        let mut out = String::new();
        for (i, c) in whole.chars().enumerate() {
            if i > 0 && (whole.len() - i) % 3 == 0 {
                out.push_str(s.group);
            }
            out.push(c);
        }
        out
    };
    if fraction.is_empty() {
        format!("{sign}{grouped}")
    } else {
        format!("{sign}{grouped}{}{fraction}", s.decimal)
    }
}

/// The symbol people read for a currency code, or the code itself.
fn symbol(lang: &str, code: &str) -> String {
    match (code, lang) {
        ("CNY", "zh-CN") | ("JPY", _) => "¥".into(),
        ("CNY", _) => "CN¥".into(),
        ("TWD", "zh-TW") => "$".into(),
        ("TWD", _) => "NT$".into(),
        ("USD", "en") | ("USD", "zh-CN") | ("USD", "zh-TW") => "$".into(),
        ("USD", _) => "US$".into(),
        ("EUR", _) => "€".into(),
        ("GBP", _) => "£".into(),
        ("RUB", "ru") => "₽".into(),
        ("HKD", _) => "HK$".into(),
        _ => code.to_owned(),
    }
}

/// A percentage: `12.5%`, `12,5 %` (Spanish and Russian set the sign apart).
pub fn percent(lang: &str, text: &str) -> String {
    let n = number(lang, text);
    if matches!(lang, "es" | "ru") {
        format!("{n}\u{a0}%")
    } else {
        format!("{n}%")
    }
}

/// An amount with its currency: `¥1,234.50`, `1.234,50 €`, `1 234,50 ₽`, `MXN 1,234.50`.
pub fn money(lang: &str, amount: &str, currency: &str) -> String {
    let n = number(lang, amount);
    if currency.is_empty() {
        return n;
    }
    let sym = symbol(lang, currency);
    let word = sym.chars().all(|c| c.is_ascii_uppercase());
    match (style(lang).currency_after, word) {
        (true, _) => format!("{n}\u{a0}{sym}"),
        (false, true) => format!("{sym}\u{a0}{n}"),
        (false, false) => match n.strip_prefix('-') {
            Some(positive) => format!("-{sym}{positive}"),
            None => format!("{sym}{n}"),
        },
    }
}

/// A date: `Nov 24, 2026`, `2026年11月24日`, `24/11/2026`, `24.11.2026`.
pub fn date(lang: &str, d: NaiveDate) -> String {
    match lang {
        "zh-CN" | "zh-TW" => format!("{}年{}月{}日", d.year(), d.month(), d.day()),
        "es" => d.format("%d/%m/%Y").to_string(),
        "ru" => d.format("%d.%m.%Y").to_string(),
        _ => d.format("%b %-d, %Y").to_string(),
    }
}

/// A day of the year without the year, for a chart's axis: `Oct 12`, `12 oct`, `12 окт`,
/// `10月12日`.
pub fn day_month(lang: &str, d: NaiveDate) -> String {
    const ES: [&str; 12] = [
        "ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sept", "oct", "nov", "dic",
    ];
    const RU: [&str; 12] = [
        "янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен", "окт", "ноя", "дек",
    ];
    let month = d.month0() as usize;
    match lang {
        "zh-CN" | "zh-TW" => format!("{}月{}日", d.month(), d.day()),
        "es" => format!("{} {}", d.day(), ES[month % 12]),
        "ru" => format!("{} {}", d.day(), RU[month % 12]),
        _ => d.format("%b %-d").to_string(),
    }
}

/// A wall-clock time with its date, on the 24-hour clock.
pub fn datetime(lang: &str, t: NaiveDateTime) -> String {
    format!("{} {}", date(lang, t.date()), t.format("%H:%M"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_group_and_mark_decimals_as_each_language_does() {
        assert_eq!(number("en", "1234567.5"), "1,234,567.5");
        assert_eq!(number("zh-CN", "-1234"), "-1,234");
        assert_eq!(number("es", "1234"), "1234");
        assert_eq!(number("es", "12345.25"), "12.345,25");
        assert_eq!(number("ru", "1234567.5"), "1\u{a0}234\u{a0}567,5");
        assert_eq!(number("en", "12"), "12");
        assert_eq!(number("en", "n/a"), "n/a");
    }

    #[test]
    fn a_charts_days_are_written_the_readers_way() {
        let d = NaiveDate::from_ymd_opt(2026, 10, 12).unwrap();
        assert_eq!(day_month("en", d), "Oct 12");
        assert_eq!(day_month("es", d), "12 oct");
        assert_eq!(day_month("ru", d), "12 окт");
        assert_eq!(day_month("zh-CN", d), "10月12日");
    }

    #[test]
    fn money_puts_the_currency_where_readers_expect_it() {
        assert_eq!(money("zh-CN", "1234.50", "CNY"), "¥1,234.50");
        assert_eq!(money("en", "1234.50", "CNY"), "CN¥1,234.50");
        assert_eq!(money("es", "1234.50", "EUR"), "1234,50\u{a0}€");
        assert_eq!(money("ru", "150000", "RUB"), "150\u{a0}000\u{a0}₽");
        assert_eq!(money("en", "-5", "USD"), "-$5");
        assert_eq!(money("en", "99", "MXN"), "MXN\u{a0}99");
    }

    #[test]
    fn dates_come_in_each_languages_order() {
        let d = NaiveDate::from_ymd_opt(2026, 11, 4).unwrap();
        assert_eq!(date("en", d), "Nov 4, 2026");
        assert_eq!(date("zh-TW", d), "2026年11月4日");
        assert_eq!(date("es", d), "04/11/2026");
        assert_eq!(date("ru", d), "04.11.2026");
        let t = d.and_hms_opt(9, 5, 0).unwrap();
        assert_eq!(datetime("ru", t), "04.11.2026 09:05");
    }
}
