//! Sales settings: how many accounts one salesperson may own, after how many days without a
//! follow-up a customer of each level is pointed out to its owner, and the sales processes —
//! which stages each goes through, in what order, with what chance of winning and what each
//! stage asks for.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::meta_admin::SettingsChange;
use pelagic_app::processes::{CLOSING, ProcessChange, Stage};

use super::{message_of, value, values};
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::{Page, failure, html};
use crate::viewer::{Admin, Viewer};

/// One stage option as the process form shows it.
struct StageRow {
    stage: String,
    label: String,
    used: bool,
    position: String,
    probability: String,
    asks: Vec<String>,
}

/// A process as the form shows it (what was typed, after a refusal).
#[derive(Default)]
struct Editing {
    id: String,
    name: String,
    team: String,
    is_default: bool,
    stages: Vec<StageRow>,
}

#[derive(Template)]
#[template(path = "settings/sales.html")]
struct SalesSettings {
    page: Page,
    capacity: String,
    /// (level, its name, days)
    stale: Vec<(String, String, String)>,
    /// (id, name, team name, default, stages)
    processes: Vec<(String, String, String, bool, String)>,
    editing: Editing,
    teams: Vec<(String, String)>,
    /// (field, label) of what a stage may ask for
    fields: Vec<(String, String)>,
    error: Option<String>,
    saved: bool,
}

/// The page, with `editing` (a process's id, or none for a new one) in the form.
async fn draw(
    s: &UiState,
    v: &Viewer,
    editing: Result<Option<String>, Editing>,
    error: Option<String>,
    saved: bool,
) -> PageResult {
    let (snap, processes, capacity, stale) = match (
        s.app.snapshot().await,
        s.app.processes().await,
        s.app.account_capacity().await,
        s.app.stale_after_days().await,
    ) {
        (Ok(a), Ok(b), Ok(c), Ok(d)) => (a, b, c, d),
        (Err(e), ..) | (_, Err(e), ..) | (_, _, Err(e), _) | (.., Err(e)) => {
            return Err(PageError::app(&v.tr, e));
        }
    };
    let (Ok(opp), Ok(account)) = (
        snap.schema.object("opportunity"),
        snap.schema.object("account"),
    ) else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound("opportunity".into()),
        ));
    };
    let stage_label = |st: &str| {
        opp.field("stage")
            .map(|f| v.tr.option(opp, f, st))
            .unwrap_or_else(|| st.to_owned())
    };
    let options: Vec<String> = opp
        .field("stage")
        .map(|f| f.options.clone())
        .unwrap_or_default()
        .into_iter()
        .filter(|o| !CLOSING.contains(&o.as_str()))
        .collect();
    let editing = match editing {
        Err(typed) => typed,
        Ok(id) => {
            let p = id.and_then(|id| processes.iter().find(|p| p.id == id));
            // A new process starts as a copy of the default one's stages.
            let model = p.or_else(|| processes.iter().find(|x| x.is_default));
            let mut rows: Vec<StageRow> = Vec::new();
            for o in &options {
                let at = model.and_then(|p| p.stages.iter().position(|s| s.stage == *o));
                let st = at.and_then(|i| model.map(|p| &p.stages[i]));
                rows.push(StageRow {
                    stage: o.clone(),
                    label: String::new(),
                    used: st.is_some(),
                    position: at.map_or(String::new(), |i| (i + 1).to_string()),
                    probability: st.map_or(String::new(), |s| s.probability.to_string()),
                    asks: st.map(|s| s.feedback.clone()).unwrap_or_default(),
                });
            }
            // The process's own order first, then the options it leaves out.
            rows.sort_by_key(|r| r.position.parse::<usize>().unwrap_or(usize::MAX));
            Editing {
                id: p.map(|p| p.id.clone()).unwrap_or_default(),
                name: p
                    .map(|p| crate::display::process_name(&v.tr, &p.name))
                    .unwrap_or_default(),
                team: p.and_then(|p| p.team_id.clone()).unwrap_or_default(),
                is_default: p.is_some_and(|p| p.is_default),
                stages: rows,
            }
        }
    };
    let editing = Editing {
        stages: editing
            .stages
            .into_iter()
            .map(|r| StageRow {
                label: stage_label(&r.stage),
                ..r
            })
            .collect(),
        ..editing
    };
    let teams: Vec<(String, String)> = snap
        .access
        .teams
        .iter()
        .map(|t| (t.id.clone(), t.name.clone()))
        .collect();
    let team_name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| teams.iter().find(|t| t.0 == *id))
            .map(|t| t.1.clone())
            .unwrap_or_default()
    };
    let level = account.field("level");
    let page = Page::new(s, v, "settings").await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(
        status,
        &SalesSettings {
            capacity: capacity.map(|c| c.to_string()).unwrap_or_default(),
            stale: stale
                .into_iter()
                .map(|(l, d)| {
                    let name = level
                        .map(|f| v.tr.option(account, f, &l))
                        .unwrap_or_else(|| l.clone());
                    (l, name, d.to_string())
                })
                .collect(),
            processes: processes
                .iter()
                .map(|p| {
                    (
                        p.id.clone(),
                        crate::display::process_name(&v.tr, &p.name),
                        team_name(&p.team_id),
                        p.is_default,
                        p.stages
                            .iter()
                            .map(|s| stage_label(&s.stage))
                            .collect::<Vec<_>>()
                            .join(" → "),
                    )
                })
                .collect(),
            fields: opp
                .fields
                .iter()
                .filter(|f| !f.system && f.name != "stage")
                .map(|f| (f.name.to_string(), v.tr.field(opp, f)))
                .collect(),
            teams,
            editing,
            error,
            saved,
            page,
        },
    ))
}

pub async fn show(
    State(s): State<UiState>,
    Admin(v): Admin,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    draw(&s, &v, Ok(None), None, q.contains_key("saved")).await
}

pub async fn edit(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(id): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    draw(&s, &v, Ok(Some(id)), None, q.contains_key("saved")).await
}

/// Saves the account capacity and the days after which customers count as forgotten.
pub async fn save_rules(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let number = |text: String| -> Result<i64, String> {
        if text.is_empty() {
            return Ok(0);
        }
        text.parse::<i64>().map_err(|_| text)
    };
    let mut stale = BTreeMap::new();
    let mut change = SettingsChange::default();
    let parsed = (|| {
        change.account_capacity = Some(number(value(&pairs, "capacity"))?);
        for (k, typed) in &pairs {
            if let Some(level) = k.strip_prefix("stale.") {
                stale.insert(level.to_owned(), number(typed.trim().to_owned())?);
            }
        }
        Ok::<(), String>(())
    })();
    if let Err(bad) = parsed {
        let message = v.tr.t1("not-a-number", "value", &bad);
        return draw(&s, &v, Ok(None), Some(message), false).await;
    }
    change.stale_after_days = Some(stale);
    Ok(match s.app.set_defaults(&v.actor, &change).await {
        Ok(()) => Redirect::to("/settings/sales?saved=1").into_response(),
        Err(e) => draw(&s, &v, Ok(None), Some(message_of(&v.tr, e)), false).await?,
    })
}

/// The process form as typed, and the change it asks for (or the text that is not a number).
fn read(pairs: &[(String, String)]) -> (Editing, Result<ProcessChange, String>) {
    let mut rows = Vec::new();
    for stage in values(pairs, "stage") {
        rows.push(StageRow {
            used: values(pairs, "use").contains(&stage),
            position: value(pairs, &format!("pos.{stage}")),
            probability: value(pairs, &format!("prob.{stage}")),
            asks: values(pairs, &format!("ask.{stage}")),
            label: String::new(),
            stage,
        });
    }
    let e = Editing {
        id: value(pairs, "id"),
        name: value(pairs, "name"),
        team: value(pairs, "team"),
        is_default: !value(pairs, "is_default").is_empty(),
        stages: rows,
    };
    let change = (|| {
        let mut stages = Vec::new();
        for (i, r) in e.stages.iter().enumerate().filter(|(_, r)| r.used) {
            let position = if r.position.is_empty() {
                i as i64 + 1
            } else {
                r.position.parse::<i64>().map_err(|_| r.position.clone())?
            };
            let probability = r
                .probability
                .parse::<i64>()
                .map_err(|_| r.probability.clone())?;
            stages.push((
                position,
                i,
                Stage {
                    stage: r.stage.clone(),
                    probability,
                    feedback: r.asks.clone(),
                },
            ));
        }
        stages.sort_by_key(|(p, i, _)| (*p, *i));
        Ok(ProcessChange {
            name: Some(e.name.clone()),
            team_id: Some(e.team.clone()),
            is_default: Some(e.is_default),
            stages: Some(stages.into_iter().map(|(_, _, s)| s).collect()),
        })
    })();
    (e, change)
}

/// Creates or changes a process.
pub async fn save_process(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let (editing, change) = read(&pairs);
    let change = match change {
        Ok(c) => c,
        Err(bad) => {
            let message = v.tr.t1("not-a-number", "value", &bad);
            return draw(&s, &v, Err(editing), Some(message), false).await;
        }
    };
    let id = (!editing.id.is_empty()).then_some(editing.id.clone());
    Ok(
        match s.app.save_process(&v.actor, id.as_deref(), change).await {
            Ok(p) => {
                Redirect::to(&format!("/settings/sales/processes/{}?saved=1", p.id)).into_response()
            }
            Err(e) => draw(&s, &v, Err(editing), Some(message_of(&v.tr, e)), false).await?,
        },
    )
}
