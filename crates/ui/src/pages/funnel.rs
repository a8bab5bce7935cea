//! The funnel page: for a period, owner, team and process, how many deals reached each stage, how
//! many went on, where they were lost and how long they stayed — drawn as a funnel (SVG from the
//! server) and written as a table — and the forecast of the open pipeline.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use pelagic_app::records::analytics::Scope;

use super::{Page, html, object_def};
use crate::UiState;
use crate::format;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// Width of the drawing, in its own units.
const WIDTH: i64 = 640;
const ROW: i64 = 46;

struct Bar {
    label: String,
    reached: String,
    rate: String,
    lost: String,
    days: String,
    x: i64,
    y: i64,
    width: i64,
    text_y: i64,
}

struct ForecastRow {
    month: String,
    owner: String,
    stage: String,
    deals: String,
    amount: String,
    weighted: String,
}

#[derive(Template)]
#[template(path = "funnel.html")]
struct FunnelPage {
    page: Page,
    process_id: String,
    processes: Vec<(String, String)>,
    people: Vec<(String, String)>,
    teams: Vec<(String, String)>,
    from: String,
    to: String,
    owner: String,
    team: String,
    bars: Vec<Bar>,
    height: i64,
    total: String,
    won: String,
    lost: String,
    win_rate: String,
    forecast: Vec<ForecastRow>,
}

fn percent(tr_code: &str, v: Option<f64>) -> String {
    v.map(|p| format!("{}%", format::number(tr_code, &format!("{p:.1}"))))
        .unwrap_or_else(|| "—".into())
}

pub async fn show(
    State(s): State<UiState>,
    v: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> PageResult {
    let (snap, obj) = object_def(&s, &v.tr, "opportunity").await?;
    let given = |k: &str| {
        q.get(k)
            .map(|x| x.trim().to_owned())
            .filter(|x| !x.is_empty())
    };
    let scope = Scope {
        process_id: given("process"),
        from: given("from").and_then(|d| d.parse().ok()),
        to: given("to").and_then(|d| d.parse().ok()),
        owner_id: given("owner"),
        team_id: given("team"),
    };
    let records = s.app.records(&v.actor);
    let (funnel, forecast) = match (records.funnel(&scope).await, records.forecast(&scope).await) {
        (Ok(f), Ok(fc)) => (f, fc),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let code = v.tr.code;
    let stage_field = obj.field("stage");
    let label = |st: &str| {
        stage_field
            .map(|f| v.tr.option(&obj, f, st))
            .unwrap_or_else(|| st.to_owned())
    };
    let widest = funnel.stages.first().map_or(0, |s| s.reached).max(1);
    let bars = funnel
        .stages
        .iter()
        .enumerate()
        .map(|(i, st)| {
            // Every bar keeps a sliver, so that an empty stage still shows where it is.
            let width = (WIDTH * st.reached / widest).max(8);
            let y = i as i64 * ROW;
            Bar {
                label: label(&st.stage),
                reached: format::number(code, &st.reached.to_string()),
                rate: percent(code, st.to_next_rate),
                lost: format::number(code, &(st.lost_here + st.invalid_here).to_string()),
                days: st
                    .avg_days
                    .map(|d| format::number(code, &format!("{d:.1}")))
                    .unwrap_or_else(|| "—".into()),
                x: (WIDTH - width) / 2,
                y,
                width,
                text_y: y + ROW / 2 + 5,
            }
        })
        .collect::<Vec<_>>();
    let users = s.app.user_names().await.unwrap_or_default();
    let mut people: Vec<(String, String)> =
        users.iter().map(|(k, n)| (k.clone(), n.clone())).collect();
    people.sort_by(|a, b| a.1.cmp(&b.1));
    let forecast = forecast
        .iter()
        .map(|r| {
            let text = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            let currency = text("currency");
            ForecastRow {
                month: text("month"),
                owner: users.get(&text("owner_id")).cloned().unwrap_or_default(),
                stage: label(&text("stage")),
                deals: format::number(code, &r["deals"].to_string()),
                // A reader who may not read the amounts gets none (see `Policy::figure_field`).
                amount: shown_money(code, r["amount"].as_str(), &currency),
                weighted: shown_money(code, r["weighted"].as_str(), &currency),
            }
        })
        .collect();
    let processes = s.app.processes().await.unwrap_or_default();
    let page = Page::new(&s, &v, "pipeline").await?;
    Ok(html(
        StatusCode::OK,
        &FunnelPage {
            page,
            process_id: funnel.process_id.clone(),
            processes: processes
                .iter()
                .map(|p| (p.id.clone(), crate::display::process_name(&v.tr, &p.name)))
                .collect(),
            people,
            teams: snap
                .access
                .teams
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect(),
            from: given("from").unwrap_or_default(),
            to: given("to").unwrap_or_default(),
            owner: given("owner").unwrap_or_default(),
            team: given("team").unwrap_or_default(),
            height: (bars.len() as i64 * ROW).max(ROW),
            bars,
            total: format::number(code, &funnel.total.to_string()),
            won: format::number(code, &funnel.won.to_string()),
            lost: format::number(code, &funnel.lost.to_string()),
            win_rate: percent(code, funnel.win_rate),
            forecast,
        },
    ))
}

/// A money figure, or a dash when it was left out.
fn shown_money(code: &str, amount: Option<&str>, currency: &str) -> String {
    amount.map_or_else(|| "—".to_owned(), |a| format::money(code, a, currency))
}
