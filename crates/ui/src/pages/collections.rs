//! The collections page: what fell due, what was collected, what is outstanding and overdue,
//! and the collection rate per month, owner, team or customer (one row per currency); and the
//! orders per status, product and category.

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use pelagic_app::records::collections::{CollectionQuery, CollectionRow};
use pelagic_app::records::order_stats::{OrderQuery, StatRow};

use super::{Page, html};
use crate::UiState;
use crate::i18n::Tr;
use crate::page_error::PageResult;
use crate::viewer::Viewer;

struct Row {
    name: String,
    currency: String,
    due: String,
    collected: String,
    outstanding: String,
    overdue: String,
    rate: String,
    /// Of the 120-pixel bar.
    width: i64,
}

#[derive(Template)]
#[template(path = "collections.html")]
struct CollectionsPage {
    page: Page,
    from: String,
    to: String,
    group: String,
    group_label: String,
    /// (id, name) of the one customer shown, when the page is about one.
    account: Option<(String, String)>,
    groups: Vec<(&'static str, String)>,
    error: Option<String>,
    rows: Vec<Row>,
    totals: Vec<Row>,
    /// (name, currency, count, quantity, amount)
    by_status: Vec<(String, String, i64, String, String)>,
    by_product: Vec<(String, String, i64, String, String)>,
    by_category: Vec<(String, String, i64, String, String)>,
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct Filters {
    from: Option<String>,
    to: Option<String>,
    group: Option<String>,
    /// One customer's figures only.
    account_id: Option<String>,
}

fn row(tr: &Tr, r: &CollectionRow) -> Row {
    let amount = |a: &str| crate::format::number(tr.code, a);
    Row {
        name: r.name.clone(),
        currency: r.currency.clone(),
        due: amount(&r.due),
        collected: amount(&r.collected),
        outstanding: amount(&r.outstanding),
        overdue: amount(&r.overdue),
        rate: r.rate.map_or("—".into(), |x| {
            crate::format::percent(tr.code, &format!("{x:.1}"))
        }),
        width: r
            .rate
            .map_or(0, |x| (x.clamp(0.0, 100.0) * 1.2).round() as i64),
    }
}

fn stat(
    tr: &Tr,
    label: &dyn Fn(&StatRow) -> String,
    r: &StatRow,
) -> (String, String, i64, String, String) {
    (
        label(r),
        r.currency.clone(),
        r.count,
        r.quantity.clone().unwrap_or_default(),
        crate::format::number(tr.code, &r.amount),
    )
}

pub async fn show(State(s): State<UiState>, v: Viewer, Query(f): Query<Filters>) -> PageResult {
    let date = |d: &Option<String>| d.as_deref().and_then(|x| x.parse().ok());
    let group = f
        .group
        .clone()
        .filter(|g| !g.is_empty())
        .unwrap_or_else(|| "month".into());
    let records = s.app.records(&v.actor);
    let account_id = f.account_id.clone().filter(|a| !a.is_empty());
    let account = match &account_id {
        Some(id) => {
            match async { records.get("account", &crate::path::record_id(id)?).await }.await {
                Ok(r) => Some((
                    id.clone(),
                    r.get("name")
                        .and_then(serde_json::Value::as_str)
                        .unwrap_or(id)
                        .to_owned(),
                )),
                Err(e) => return Ok(super::failure(&v.tr, e)),
            }
        }
        None => None,
    };
    let q = CollectionQuery {
        from: date(&f.from),
        to: date(&f.to),
        group: Some(group.clone()),
        account_id: account_id.clone(),
        ..CollectionQuery::default()
    };
    let mut error = None;
    let (rows, totals) = match records.collections(&q).await {
        Ok(c) => (
            c.rows.iter().map(|r| row(&v.tr, r)).collect(),
            c.totals.iter().map(|r| row(&v.tr, r)).collect(),
        ),
        Err(e) => {
            error = Some(crate::errors::say(&v.tr, &e));
            (Vec::new(), Vec::new())
        }
    };
    let stats = records
        .order_stats(&OrderQuery {
            from: date(&f.from),
            to: date(&f.to),
            account_id: account_id.clone(),
            ..OrderQuery::default()
        })
        .await
        .ok();
    let snap = s.app.snapshot().await.ok();
    let option = |object: &str, field: &str, value: &str| {
        snap.as_ref()
            .and_then(|sn| sn.schema.object(object).ok())
            .and_then(|o| o.field(field).map(|f| v.tr.option(o, f, value)))
            .unwrap_or_else(|| value.to_owned())
    };
    let (by_status, by_product, by_category) = match &stats {
        Some(st) => (
            st.by_status
                .iter()
                .map(|r| stat(&v.tr, &|r| option("order", "status", &r.key), r))
                .collect(),
            st.by_product
                .iter()
                .map(|r| {
                    stat(
                        &v.tr,
                        &|r| {
                            if r.name.is_empty() {
                                v.tr.t("free-text-lines")
                            } else {
                                r.name.clone()
                            }
                        },
                        r,
                    )
                })
                .collect(),
            st.by_category
                .iter()
                .map(|r| {
                    stat(
                        &v.tr,
                        &|r| {
                            if r.key.is_empty() {
                                "—".into()
                            } else {
                                option("product", "category", &r.key)
                            }
                        },
                        r,
                    )
                })
                .collect(),
        ),
        None => Default::default(),
    };
    let groups = vec![
        ("month", v.tr.t("by-month")),
        ("owner", v.tr.t("owner")),
        ("team", v.tr.t("team")),
        ("account", v.tr.t("customer")),
    ];
    let group_label = groups
        .iter()
        .find(|(g, _)| *g == group)
        .map(|(_, l)| l.clone())
        .unwrap_or_default();
    let page = Page::new(&s, &v, "collections").await?;
    Ok(html(
        StatusCode::OK,
        &CollectionsPage {
            page,
            from: f.from.unwrap_or_default(),
            to: f.to.unwrap_or_default(),
            group,
            group_label,
            account,
            groups,
            error,
            rows,
            totals,
            by_status,
            by_product,
            by_category,
        },
    ))
}
