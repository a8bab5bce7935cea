//! A cell's text as the value its field takes, read the way people write it: numbers with
//! thousands separators and either decimal mark, money with its currency's symbol or code,
//! dates in the common layouts (2026-03-01, 01/03/2026 with a chosen day/month order,
//! 2026年3月1日, 1.3.2026), yes and no in the five languages, and options by key or by label in
//! any language. What comes out is the JSON a client would send, so the record service checks
//! it as it checks any record.

use chrono::{NaiveDate, NaiveDateTime, NaiveTime, TimeZone};
use chrono_tz::Tz;
use serde_json::Value as Json;

use crate::fold::fold;
use crate::kind::FieldKind;
use crate::meta::FieldDef;
use crate::said::{Reason, Said};

/// How the file writes what is ambiguous.
#[derive(Debug, Clone, Copy)]
pub struct Reading {
    /// `01/03/2026` is the 1st of March (day first) rather than January 3rd.
    pub day_first: bool,
    /// `1.234,50` rather than `1,234.50`: a comma marks the decimals.
    pub decimal_comma: bool,
    /// Where times written without a zone are.
    pub zone: Tz,
}

/// An option of a select field: its key and its labels in every language.
pub type OptionLabels = [(String, Vec<String>)];

/// The JSON values a cell gives: the field's, and for money the currency's when the cell
/// names one. An empty cell gives nothing.
pub fn cell(
    f: &FieldDef,
    text: &str,
    how: &Reading,
    options: &OptionLabels,
) -> Result<Vec<(String, Json)>, Said> {
    let text = text.trim();
    if text.is_empty() {
        return Ok(Vec::new());
    }
    let name = f.name.to_string();
    let one = |v: Json| Ok(vec![(name.clone(), v)]);
    match f.kind {
        FieldKind::Integer | FieldKind::Decimal => one(Json::String(number(text, how)?)),
        FieldKind::Percent => one(Json::String(number(text.trim_end_matches('%'), how)?)),
        FieldKind::Money => {
            let (amount, currency) = money(text, how)?;
            let mut out = vec![(name.clone(), Json::String(amount))];
            if let Some(code) = currency {
                out.push((format!("{name}_currency"), Json::String(code)));
            }
            Ok(out)
        }
        FieldKind::Boolean => one(Json::Bool(boolean(text)?)),
        FieldKind::Date => one(Json::String(date(text, how)?.to_string())),
        FieldKind::Datetime => one(Json::String(datetime(text, how)?)),
        FieldKind::Select => one(Json::String(option(f, text, options)?)),
        FieldKind::Multiselect => {
            let keys = text
                .split([',', ';', '、', '|', '，', '；'])
                .map(str::trim)
                .filter(|p| !p.is_empty())
                .map(|p| option(f, p, options).map(Json::String))
                .collect::<Result<Vec<_>, _>>()?;
            one(Json::Array(keys))
        }
        FieldKind::Reference | FieldKind::Id => Err(Said::new(Reason::NotImportable)),
        _ => one(Json::String(text.to_owned())),
    }
}

/// A number as digits with an optional `-` and `.` decimals: `1,234.50`, `1.234,50`,
/// `1 234,5`, `(12.00)`.
pub fn number(text: &str, how: &Reading) -> Result<String, Said> {
    let refused = || Said::new(Reason::NotANumber).with("value", text);
    let mut t: String = text
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '\'' | '\u{a0}' | '\u{202f}' | '_'))
        .collect();
    let negative = (t.starts_with('(') && t.ends_with(')')) || t.starts_with('-');
    t = t
        .trim_matches(|c| matches!(c, '(' | ')' | '-' | '+'))
        .to_owned();
    let (commas, dots) = (t.matches(',').count(), t.matches('.').count());
    let decimal = match (commas, dots) {
        (0, 0) => None,
        (_, 0) if how.decimal_comma || (commas == 1 && !grouped(&t, ',')) => Some(','),
        (_, 0) => None,
        (0, _) if how.decimal_comma && grouped(&t, '.') => None,
        (0, _) => Some('.'),
        _ => t.rfind([',', '.']).and_then(|i| t[i..].chars().next()),
    };
    let (whole, fraction) = match decimal.and_then(|d| t.rsplit_once(d)) {
        Some((w, f)) => (w.to_owned(), Some(f.to_owned())),
        None => (t.clone(), None),
    };
    let whole: String = whole.chars().filter(|c| !matches!(c, ',' | '.')).collect();
    let digits = |s: &str| !s.is_empty() && s.chars().all(|c| c.is_ascii_digit());
    if !digits(&whole) || fraction.as_deref().is_some_and(|f| !digits(f)) {
        return Err(refused());
    }
    let sign = if negative { "-" } else { "" };
    Ok(match fraction {
        Some(f) => format!("{sign}{whole}.{f}"),
        None => format!("{sign}{whole}"),
    })
}

/// Whether `t` is digits grouped in threes by `mark` (`1,234` or `12.345.678`).
fn grouped(t: &str, mark: char) -> bool {
    let mut parts = t.split(mark);
    let first = parts.next().unwrap_or_default();
    let ok_first = (1..=3).contains(&first.len()) && first.chars().all(|c| c.is_ascii_digit());
    let rest: Vec<&str> = parts.collect();
    ok_first
        && !rest.is_empty()
        && rest
            .iter()
            .all(|p| p.len() == 3 && p.chars().all(|c| c.is_ascii_digit()))
}

/// Currency marks people write beside amounts, with the currency each one means. `$` alone
/// is left to the company's currency: too many currencies write it.
const SYMBOLS: [(&str, &str); 15] = [
    ("US$", "USD"),
    ("NT$", "TWD"),
    ("HK$", "HKD"),
    ("MX$", "MXN"),
    ("R$", "BRL"),
    ("S/", "PEN"),
    ("RMB", "CNY"),
    ("руб.", "RUB"),
    ("руб", "RUB"),
    ("₽", "RUB"),
    ("€", "EUR"),
    ("£", "GBP"),
    ("¥", "CNY"),
    ("￥", "CNY"),
    ("元", "CNY"),
];

/// An amount and the currency its text names, if any: `¥12,800.00`, `1.234,50 €`,
/// `USD 99`, `15 000 руб.`.
pub fn money(text: &str, how: &Reading) -> Result<(String, Option<String>), Said> {
    let mut rest = text.trim().to_owned();
    let mut currency = None;
    for (mark, code) in SYMBOLS {
        if rest.contains(mark) {
            rest = rest.replacen(mark, "", 1);
            currency = Some(code.to_owned());
            break;
        }
    }
    if currency.is_none() {
        let letters: String = rest.chars().filter(char::is_ascii_alphabetic).collect();
        if letters.len() == 3 && letters.chars().all(|c| c.is_ascii_uppercase()) {
            rest = rest.replacen(&letters, "", 1);
            currency = Some(letters);
        }
    }
    let rest = rest.replace('$', "");
    Ok((number(&rest, how)?, currency))
}

/// Yes or no, in the five languages and the usual marks.
pub fn boolean(text: &str) -> Result<bool, Said> {
    const YES: [&str; 16] = [
        "true",
        "yes",
        "y",
        "1",
        "x",
        "✓",
        "是",
        "对",
        "對",
        "有",
        "sí",
        "si",
        "verdadero",
        "да",
        "истина",
        "on",
    ];
    const NO: [&str; 13] = [
        "false", "no", "n", "0", "否", "错", "錯", "无", "無", "falso", "нет", "ложь", "off",
    ];
    let t = fold(text);
    if YES.contains(&t.as_str()) {
        Ok(true)
    } else if NO.contains(&t.as_str()) {
        Ok(false)
    } else {
        Err(Said::new(Reason::NotTrueOrFalse))
    }
}

/// A date in the layouts spreadsheets and people use.
pub fn date(text: &str, how: &Reading) -> Result<NaiveDate, Said> {
    let t = text.trim();
    if let Some(d) = chinese_date(t) {
        return Ok(d);
    }
    let year_first = ["%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d", "%Y%m%d"];
    let (first, second) = if how.day_first {
        (["%d/%m/%Y", "%d-%m-%Y"], ["%m/%d/%Y", "%m-%d-%Y"])
    } else {
        (["%m/%d/%Y", "%m-%d-%Y"], ["%d/%m/%Y", "%d-%m-%Y"])
    };
    // A dotted date is day first wherever it is written (1.3.2026 is the 1st of March).
    year_first
        .iter()
        .chain(&first)
        .chain(&["%d.%m.%Y"])
        .chain(&second)
        .find_map(|f| NaiveDate::parse_from_str(t, f).ok())
        .ok_or_else(|| Said::new(Reason::NotADate).with("value", t))
}

/// `2026年3月1日` (or `号` for the day).
fn chinese_date(t: &str) -> Option<NaiveDate> {
    let (y, rest) = t.split_once('年')?;
    let (m, rest) = rest.split_once('月')?;
    let d = rest.trim_end_matches(['日', '号']);
    NaiveDate::from_ymd_opt(
        y.trim().parse().ok()?,
        m.trim().parse().ok()?,
        d.trim().parse().ok()?,
    )
}

/// A date and time, written in the file's zone unless it says its own: RFC 3339 comes back.
pub fn datetime(text: &str, how: &Reading) -> Result<String, Said> {
    let t = text.trim();
    if let Ok(at) = chrono::DateTime::parse_from_rfc3339(t) {
        return Ok(at.to_rfc3339());
    }
    let refused = || Said::new(Reason::NotADateTime).with("value", t);
    let (day, time) = match t.split_once([' ', 'T']) {
        Some((d, tm)) => (d, Some(tm.trim())),
        None => (t, None),
    };
    let day = date(day, how).map_err(|_| refused())?;
    let time = match time {
        None => NaiveTime::MIN,
        Some(tm) => NaiveTime::parse_from_str(tm, "%H:%M:%S")
            .or_else(|_| NaiveTime::parse_from_str(tm, "%H:%M"))
            .map_err(|_| refused())?,
    };
    let local = NaiveDateTime::new(day, time);
    let at = how
        .zone
        .from_local_datetime(&local)
        .earliest()
        .ok_or_else(refused)?;
    Ok(at.to_rfc3339())
}

/// An option's key from its key or any of its labels, compared without case or width.
pub fn option(f: &FieldDef, text: &str, options: &OptionLabels) -> Result<String, Said> {
    let t = fold(text);
    options
        .iter()
        .find(|(key, labels)| fold(key) == t || labels.iter().any(|l| fold(l) == t))
        .map(|(key, _)| key.clone())
        .ok_or_else(|| {
            Said::new(Reason::NotAnOptionOf)
                .with("value", text)
                .with("field", &f.name)
        })
}

#[cfg(test)]
#[path = "values_tests.rs"]
mod tests;
