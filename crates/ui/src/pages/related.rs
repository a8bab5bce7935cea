//! The records that point at the one on a page, as compact tables: each record's name and its
//! object's key fields, how many there are, the money they add up to when all are shown, and a
//! link to the full list.

use pelagic_app::ListRequest;
use pelagic_core::filter::Filter;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::{FieldDef, ObjectDef};
use pelagic_core::money::{currency_exponent, format_scaled, parse_scaled};
use serde_json::{Map, Value as Json, json};
use std::collections::{BTreeMap, HashMap};
use std::sync::Arc;

use crate::UiState;
use crate::display::{self, Context};
use crate::viewer::Viewer;

/// How many related records a page shows of each kind; "view all" opens the rest.
const SHOWN: i64 = 10;
/// How many key fields a related table shows beside the name: it must fit beside the details.
const COLUMNS: usize = 3;

/// Records of one object that point at this one.
pub struct Related {
    pub label: String,
    pub singular: String,
    pub new_link: String,
    /// The heading of the names' column (the title field's label).
    pub title_label: String,
    /// The key fields' labels, after the name's column.
    pub columns: Vec<String>,
    pub rows: Vec<Row>,
    /// How many there are ("12 records").
    pub count: String,
    /// What the money key fields add up to, per currency, when every record is in the table.
    pub totals: Vec<String>,
    /// The list of all of them, when the table does not hold them all.
    pub all_link: Option<String>,
}

pub struct Row {
    pub link: String,
    pub title: String,
    pub cells: Vec<crate::cell::Cell>,
}

/// The related tables of record `id` of `object`, for the objects the viewer may read.
pub async fn tables(
    s: &UiState,
    v: &Viewer,
    object: &str,
    id: &str,
    readable: &[Arc<ObjectDef>],
    users: &HashMap<String, String>,
) -> Vec<Related> {
    let records = s.app.records(&v.actor);
    let mut out = Vec::new();
    for other in readable {
        if super::lines::is_lines_of(object, other) {
            continue;
        }
        for link in other.fields.iter().filter(|f| {
            f.kind == FieldKind::Lookup && !f.system && f.target.as_deref() == Some(object)
        }) {
            // Records named by a date (instalments, payments) read in the order of their dates.
            let sort = other
                .title_field()
                .filter(|f| f.kind == FieldKind::Date)
                .map(|f| vec![(f.name.to_string(), false)])
                .unwrap_or_default();
            let req = ListRequest {
                filter: Filter::from_json(&json!({"field": link.name, "op": "eq", "value": id}))
                    .ok(),
                limit: Some(SHOWN),
                count: true,
                sort,
                ..ListRequest::default()
            };
            let Ok(page) = records.list(&other.name, &req).await else {
                continue;
            };
            let titles = super::columns::linked_titles(s, v, other, &page.data).await;
            let ctx = Context {
                tr: &v.tr,
                time_zone: &v.actor.time_zone,
                users,
                titles: &titles,
                region: crate::display::home_region(s).await,
            };
            out.push(table(&ctx, other, link, id, &page.data, page.total));
        }
    }
    out
}

fn table(
    ctx: &Context<'_>,
    other: &ObjectDef,
    link: &FieldDef,
    id: &str,
    rows: &[Map<String, Json>],
    total: Option<i64>,
) -> Related {
    // The key fields the reader can see on these records, less the one pointing back here.
    let title = other.title_field().map(|f| f.name.as_str());
    let shown: Vec<&FieldDef> = other
        .key_fields()
        .filter(|f| f.name != link.name && Some(f.name.as_str()) != title)
        .filter(|f| rows.iter().all(|r| r.contains_key(f.name.as_str())))
        .take(COLUMNS)
        .collect();
    let total = total.unwrap_or(rows.len() as i64);
    let complete = total <= rows.len() as i64;
    let list = format!("/o/{}?c0.f={}&c0.o=eq&c0.v={id}", other.name, link.name);
    Related {
        label: ctx.tr.object_plural(other),
        singular: ctx.tr.object(other),
        new_link: format!("/o/{}/new?{}={id}", other.name, link.name),
        title_label: other
            .title_field()
            .map(|f| ctx.tr.field(other, f))
            .unwrap_or_else(|| ctx.tr.object(other)),
        columns: shown.iter().map(|f| ctx.tr.field(other, f)).collect(),
        rows: rows
            .iter()
            .map(|r| Row {
                link: format!(
                    "/o/{}/{}",
                    other.name,
                    r.get("id").and_then(Json::as_str).unwrap_or_default()
                ),
                title: display::title(ctx.tr, other, r),
                cells: shown
                    .iter()
                    .map(|f| crate::cell::Cell::of(ctx, other, f, r))
                    .collect(),
            })
            .collect(),
        count: ctx.tr.count("records-count", total),
        totals: if complete && rows.len() > 1 {
            money_totals(ctx, other, &shown, rows)
        } else {
            Vec::new()
        },
        all_link: (!complete).then_some(list),
    }
}

/// "Amount: ¥12,000.00" for each money column and currency, summed over every row.
fn money_totals(
    ctx: &Context<'_>,
    other: &ObjectDef,
    shown: &[&FieldDef],
    rows: &[Map<String, Json>],
) -> Vec<String> {
    let mut out = Vec::new();
    for f in shown.iter().filter(|f| f.kind == FieldKind::Money) {
        let mut sums: BTreeMap<String, Option<i64>> = BTreeMap::new();
        for r in rows {
            let (Some(amount), Some(currency)) = (
                r.get(f.name.as_str()).and_then(Json::as_str),
                r.get(&format!("{}_currency", f.name))
                    .and_then(Json::as_str),
            ) else {
                continue;
            };
            let scale = currency_exponent(currency);
            let sum = sums.entry(currency.to_owned()).or_insert(Some(0));
            *sum = match (*sum, parse_scaled(amount, scale)) {
                (Some(so_far), Ok(units)) => so_far.checked_add(units),
                _ => None,
            };
        }
        for (currency, sum) in sums {
            // A sum that overflowed or a value that could not be read is not shown at all.
            let Some(units) = sum else { continue };
            let amount = format_scaled(units, currency_exponent(&currency));
            out.push(format!(
                "{}: {}",
                ctx.tr.field(other, f),
                crate::format::money(ctx.tr.code, &amount, &currency)
            ));
        }
    }
    out
}
