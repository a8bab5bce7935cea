//! The manager's view: for a span cut into days, weeks or months, what each salesperson did
//! (follow-ups and their kinds, customers contacted, new customers, leads converted, deals created
//! and won, amount won), the team's totals, and a chart of the team's follow-ups and wins per
//! period (SVG from the server).

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use pelagic_app::records::team::{Figures, Period, TeamQuery};

use super::{Page, html};
use crate::UiState;
use crate::format;
use crate::i18n::Tr;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// Height of the chart's bars at their tallest, in its own units.
const CHART_HEIGHT: i64 = 160;
/// Width given to each period in the chart.
const SLOT: i64 = 48;

/// One row of figures, ready to show.
struct Row {
    label: String,
    follow_ups: String,
    kinds: String,
    contacted: String,
    new_customers: String,
    converted: String,
    created: String,
    won: String,
    amount: String,
}

/// One period in the chart: follow-ups and deals won, as bars.
struct Column {
    label: String,
    x: i64,
    follow_ups: i64,
    follow_ups_y: i64,
    won: i64,
    won_y: i64,
    title: String,
}

#[derive(Template)]
#[template(path = "team.html")]
struct TeamPage {
    page: Page,
    period: String,
    from: String,
    to: String,
    owner: String,
    team: String,
    people: Vec<(String, String)>,
    teams: Vec<(String, String)>,
    by_person: Vec<Row>,
    total: Row,
    by_period: Vec<Row>,
    chart: Vec<Column>,
    chart_width: i64,
}

fn row(tr: &Tr, kinds: &dyn Fn(&str) -> String, label: String, f: &Figures) -> Row {
    let n = |v: i64| format::number(tr.code, &v.to_string());
    Row {
        label,
        follow_ups: n(f.follow_ups),
        kinds: f
            .by_kind
            .iter()
            .map(|(k, c)| format!("{} {}", kinds(k), n(*c)))
            .collect::<Vec<_>>()
            .join(" · "),
        contacted: n(f.customers_contacted),
        new_customers: n(f.new_customers),
        converted: n(f.leads_converted),
        created: n(f.opportunities_created),
        won: n(f.opportunities_won),
        amount: if f.amount_won.is_empty() {
            "—".into()
        } else {
            f.amount_won
                .iter()
                .map(|(c, a)| format::money(tr.code, a, c))
                .collect::<Vec<_>>()
                .join(" + ")
        },
    }
}

pub async fn show(
    State(s): State<UiState>,
    v: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> PageResult {
    let given = |k: &str| {
        q.get(k)
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
    };
    let period = match given("period").as_deref() {
        Some("day") => Period::Day,
        Some("month") => Period::Month,
        _ => Period::Week,
    };
    let query = TeamQuery {
        period: Some(period),
        from: given("from").and_then(|d| d.parse().ok()),
        to: given("to").and_then(|d| d.parse().ok()),
        team_id: given("team"),
        owner_id: given("owner"),
    };
    let report = match s.app.records(&v.actor).team_report(&query).await {
        Ok(r) => r,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let activity = snap.schema.object("activity").ok();
    let kinds = |k: &str| {
        activity
            .and_then(|a| a.field("kind").map(|f| v.tr.option(a, f, k)))
            .unwrap_or_else(|| k.to_owned())
    };
    let code = v.tr.code;
    let by_person = report
        .people
        .iter()
        .map(|p| row(&v.tr, &kinds, p.name.clone(), &p.figures))
        .collect();
    let by_period: Vec<Row> = report
        .periods
        .iter()
        .map(|p| row(&v.tr, &kinds, format::date(code, p.start), &p.team))
        .collect();
    let tallest = report
        .periods
        .iter()
        .map(|p| p.team.follow_ups.max(p.team.opportunities_won))
        .max()
        .unwrap_or(0)
        .max(1);
    let bar = |n: i64| CHART_HEIGHT - CHART_HEIGHT * n / tallest;
    let chart = report
        .periods
        .iter()
        .enumerate()
        .map(|(i, p)| Column {
            label: format::day_month(code, p.start),
            x: i as i64 * SLOT,
            follow_ups: CHART_HEIGHT - bar(p.team.follow_ups),
            follow_ups_y: bar(p.team.follow_ups),
            won: CHART_HEIGHT - bar(p.team.opportunities_won),
            won_y: bar(p.team.opportunities_won),
            title: format!(
                "{}: {} {} · {} {}",
                format::date(code, p.start),
                p.team.follow_ups,
                v.tr.t("follow-ups"),
                p.team.opportunities_won,
                v.tr.t("deals-won"),
            ),
        })
        .collect::<Vec<_>>();
    let mut people: Vec<(String, String)> = s
        .app
        .user_names()
        .await
        .unwrap_or_default()
        .into_iter()
        .collect();
    people.sort_by(|a, b| a.1.cmp(&b.1));
    let page = Page::new(&s, &v, "pipeline").await?;
    Ok(html(
        StatusCode::OK,
        &TeamPage {
            page,
            period: match period {
                Period::Day => "day",
                Period::Week => "week",
                Period::Month => "month",
            }
            .into(),
            from: report.from.to_string(),
            to: report.to.to_string(),
            owner: given("owner").unwrap_or_default(),
            team: given("team").unwrap_or_default(),
            people,
            teams: snap
                .access
                .teams
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect(),
            by_person,
            total: row(&v.tr, &kinds, v.tr.t("team-total"), &report.team),
            by_period,
            chart_width: (chart.len() as i64 * SLOT).max(SLOT),
            chart,
        },
    ))
}
