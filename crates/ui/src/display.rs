//! Values as people read them: option labels in their language, yes/no, numbers, money and dates
//! written the way their language writes them, times in their time zone, users and linked records by name.

use std::collections::HashMap;

use chrono::{DateTime, NaiveDate, Utc};
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::{FieldDef, ObjectDef};
use pelagic_core::period;
use serde_json::{Map, Value as Json};

use crate::format;
use crate::i18n::Tr;

/// What a page knows to show values: the language, the time zone, user names and the titles of
/// linked records (by id).
pub struct Context<'a> {
    pub tr: &'a Tr,
    pub time_zone: &'a str,
    pub users: &'a HashMap<String, String>,
    pub titles: &'a HashMap<String, String>,
    /// The company's region: its phone numbers are written the national way.
    pub region: String,
}

/// The company's region (ISO 3166), which phone numbers are written for.
pub async fn home_region(s: &crate::UiState) -> String {
    s.app
        .snapshot()
        .await
        .map(|snap| snap.input.default_region.clone())
        .unwrap_or_default()
}

/// A field's value in `record`, ready to show (empty when there is none).
pub fn show(
    ctx: &Context<'_>,
    obj: &ObjectDef,
    f: &FieldDef,
    record: &Map<String, Json>,
) -> String {
    let value = record.get(f.name.as_str()).unwrap_or(&Json::Null);
    let text = |v: &Json| {
        v.as_str()
            .map(str::to_owned)
            .unwrap_or_else(|| v.to_string())
    };
    match (f.kind, value) {
        (_, Json::Null) => String::new(),
        (FieldKind::Boolean, Json::Bool(b)) => ctx.tr.t(if *b { "yes" } else { "no" }),
        (FieldKind::Select, Json::String(s)) => ctx.tr.option(obj, f, s),
        (FieldKind::Multiselect, Json::Array(items)) => items
            .iter()
            .filter_map(Json::as_str)
            .map(|s| ctx.tr.option(obj, f, s))
            .collect::<Vec<_>>()
            .join(", "),
        (FieldKind::Money, v) => {
            let currency = record
                .get(&format!("{}_currency", f.name))
                .and_then(Json::as_str)
                .unwrap_or_default();
            format::money(ctx.tr.code, &text(v), currency)
        }
        (FieldKind::Phone, Json::String(number)) => {
            pelagic_core::phone::for_reading(number, &ctx.region)
        }
        (FieldKind::Integer | FieldKind::Decimal, v) => format::number(ctx.tr.code, &text(v)),
        (FieldKind::Percent, v) => format::percent(ctx.tr.code, &text(v)),
        (FieldKind::Date, Json::String(s)) => NaiveDate::parse_from_str(s, "%Y-%m-%d")
            .map(|d| format::date(ctx.tr.code, d))
            .unwrap_or_else(|_| s.clone()),
        (FieldKind::Datetime, Json::String(s)) => s
            .parse::<DateTime<Utc>>()
            .map(|t| when(ctx.tr, ctx.time_zone, t))
            .unwrap_or_else(|_| s.clone()),
        (FieldKind::User, Json::String(id)) => {
            ctx.users.get(id).cloned().unwrap_or_else(|| id.clone())
        }
        (FieldKind::Lookup, Json::String(id)) => {
            ctx.titles.get(id).cloned().unwrap_or_else(|| id.clone())
        }
        (FieldKind::Reference, Json::Object(r)) => {
            let id = r.get("id").and_then(Json::as_str).unwrap_or_default();
            ctx.titles.get(id).cloned().unwrap_or_else(|| id.to_owned())
        }
        (_, v) => text(v),
    }
}

/// A moment as the reader's wall clock shows it, written the way their language writes dates.
/// How long something has waited, in the largest unit that reads naturally: "40 minutes",
/// "5 hours", "3 days".
pub fn waited(tr: &Tr, since: DateTime<Utc>, now: DateTime<Utc>) -> String {
    let minutes = (now - since).num_minutes().max(0);
    match minutes {
        0..60 => tr.count("waited-minutes", minutes),
        60..2880 => tr.count("waited-hours", minutes / 60),
        _ => tr.count("waited-days", minutes / 1440),
    }
}

pub fn when(tr: &Tr, time_zone: &str, t: DateTime<Utc>) -> String {
    format::datetime(
        tr.code,
        t.with_timezone(&period::zone(time_zone)).naive_local(),
    )
}

/// The field that names a record: the first text field of the object.
pub fn title_field(obj: &ObjectDef) -> Option<&FieldDef> {
    obj.title_field()
}

/// A record's title, or its id when it has none; a date (an instalment's due date) is written
/// the reader's way.
pub fn title(tr: &Tr, obj: &ObjectDef, record: &Map<String, Json>) -> String {
    let field = title_field(obj);
    let text = field
        .and_then(|f| record.get(f.name.as_str()))
        .and_then(Json::as_str)
        .filter(|s| !s.is_empty());
    if let (Some(f), Some(t)) = (field, text)
        && f.kind == FieldKind::Date
        && let Ok(d) = NaiveDate::parse_from_str(t, "%Y-%m-%d")
    {
        return format::date(tr.code, d);
    }
    text.map(str::to_owned).unwrap_or_else(|| {
        record
            .get("id")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned()
    })
}

/// A length of time in words, in its largest whole unit: `7 天`, `12 horas`, `1 day`.
pub fn span_words(tr: &Tr, secs: i64) -> String {
    use pelagic_core::span::{Unit, parts};
    let (n, unit) = parts(secs);
    let key = match unit {
        Unit::Days => "span-days",
        Unit::Hours => "span-hours",
        Unit::Minutes => "span-minutes",
        Unit::Seconds => "span-seconds",
    };
    tr.count(key, n)
}

/// A length of time as settings store it (`7d`) written in words for a form, or as given when
/// it is not one.
pub fn span_field(tr: &Tr, stored: &str) -> String {
    pelagic_core::span::parse(stored).map_or_else(|| stored.to_owned(), |s| span_words(tr, s))
}

/// A sales process's name; the standard one as shipped is named in the reader's language.
pub fn process_name(tr: &Tr, name: &str) -> String {
    if name == pelagic_app::processes::STANDARD_NAME {
        tr.t("process-standard")
    } else {
        name.to_owned()
    }
}
