//! The pipeline board: one column per stage of a sales process with its deals and totals; a card
//! moves by dragging it (with scripts) or by its own small form (without). A stage that asks for
//! feedback opens the move page, which asks for it.

use std::collections::HashMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use pelagic_core::ids::RecordId;

use crate::path::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::records::analytics::Scope;
use pelagic_app::{AppError, ListRequest};
use pelagic_core::filter::Filter;
use serde_json::{Map, Value as Json, json};

use super::form::csrf;
use super::{Page, failure, html, object_def};
use crate::UiState;
use crate::display::{self, Context};
use crate::format;
use crate::inputs::{Choices, Input, inputs};
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// Cards one column shows.
const PER_COLUMN: i64 = 50;

struct Card {
    id: String,
    name: String,
    account: String,
    amount: String,
    owner: String,
    close: String,
}

struct Lane {
    stage: String,
    label: String,
    count: String,
    total: String,
    closing: bool,
    cards: Vec<Card>,
}

#[derive(Template)]
#[template(path = "pipeline.html")]
struct Board {
    page: Page,
    process_id: String,
    /// (id, name) of every process, when there are several.
    processes: Vec<(String, String)>,
    lanes: Vec<Lane>,
    /// (stage, label) of every stage a card may move to.
    stages: Vec<(String, String)>,
}

pub async fn board(
    State(s): State<UiState>,
    v: Viewer,
    Query(q): Query<HashMap<String, String>>,
) -> PageResult {
    let (_, obj) = object_def(&s, &v.tr, "opportunity").await?;
    let records = s.app.records(&v.actor);
    let scope = Scope {
        process_id: q.get("process").filter(|p| !p.is_empty()).cloned(),
        ..Scope::default()
    };
    let (process, columns) = match records.board_totals(&scope).await {
        Ok(x) => x,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let processes = s.app.processes().await.unwrap_or_default();
    let users = s.app.user_names().await.unwrap_or_default();
    let stage_field = obj.field("stage");
    let label = |st: &str| {
        stage_field
            .map(|f| v.tr.option(&obj, f, st))
            .unwrap_or_else(|| st.to_owned())
    };
    // Cards are ordered by amount for those who may read amounts, else by when they close.
    let by_amount = records
        .figure_fields("opportunity", &["amount"])
        .await
        .is_ok_and(|usable| usable.contains("amount"));
    let mut lanes = Vec::new();
    for c in &columns {
        let closing = pelagic_app::processes::CLOSING.contains(&c.stage.as_str());
        let req = ListRequest {
            filter: Filter::from_json(&json!({"and": [
                {"field": "process_id", "op": "eq", "value": process.id},
                {"field": "stage", "op": "eq", "value": c.stage},
            ]}))
            .ok(),
            sort: vec![(
                match (closing, by_amount) {
                    (true, _) => "closed_at",
                    (false, true) => "amount",
                    (false, false) => "expected_close_date",
                }
                .to_owned(),
                closing || by_amount,
            )],
            limit: Some(if closing { 10 } else { PER_COLUMN }),
            ..ListRequest::default()
        };
        let found = records
            .list("opportunity", &req)
            .await
            .map(|p| p.data)
            .unwrap_or_default();
        let titles = super::columns::linked_titles(&s, &v, &obj, &found).await;
        let ctx = Context {
            tr: &v.tr,
            time_zone: &v.actor.time_zone,
            users: &users,
            titles: &titles,
            region: crate::display::home_region(&s).await,
        };
        let show = |r: &Map<String, Json>, n: &str| {
            obj.field(n)
                .map(|f| display::show(&ctx, &obj, f, r))
                .unwrap_or_default()
        };
        lanes.push(Lane {
            label: label(&c.stage),
            count: format::number(v.tr.code, &c.deals.to_string()),
            total: c
                .amounts
                .iter()
                .map(|(cur, amount)| format::money(v.tr.code, amount, cur))
                .collect::<Vec<_>>()
                .join(" · "),
            closing,
            cards: found
                .iter()
                .map(|r| Card {
                    id: r
                        .get("id")
                        .and_then(Json::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    name: display::title(&v.tr, &obj, r),
                    account: show(r, "account_id"),
                    amount: show(r, "amount"),
                    owner: show(r, "owner_id"),
                    close: show(r, "expected_close_date"),
                })
                .collect(),
            stage: c.stage.clone(),
        });
    }
    let page = Page::new(&s, &v, "pipeline").await?;
    Ok(html(
        StatusCode::OK,
        &Board {
            page,
            stages: lanes
                .iter()
                .map(|l| (l.stage.clone(), l.label.clone()))
                .collect(),
            process_id: process.id.clone(),
            processes: if processes.len() > 1 {
                processes
                    .iter()
                    .map(|p| (p.id.clone(), crate::display::process_name(&v.tr, &p.name)))
                    .collect()
            } else {
                Vec::new()
            },
            lanes,
        },
    ))
}

#[derive(Template)]
#[template(path = "move.html")]
struct MovePage {
    page: Page,
    object: String,
    id: String,
    title: String,
    stage: String,
    stage_label: String,
    inputs: Vec<Input>,
    error: Option<String>,
}

/// The fields a move into `stage` asks for, as inputs.
async fn draw_move(
    s: &UiState,
    v: &Viewer,
    id: &RecordId,
    stage: &str,
    typed: Option<&Map<String, Json>>,
    errors: std::collections::BTreeMap<String, String>,
    error: Option<String>,
) -> PageResult {
    let (snap, obj) = object_def(s, &v.tr, "opportunity").await?;
    let records = s.app.records(&v.actor);
    let mut record = match records.get("opportunity", id).await {
        Ok(r) => r,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    if let Some(t) = typed {
        record.extend(t.clone());
    }
    let processes = s.app.processes().await.unwrap_or_default();
    let process_id = record.get("process_id").and_then(Json::as_str);
    let mut asked: Vec<String> = processes
        .iter()
        .find(|p| Some(p.id.as_str()) == process_id)
        .and_then(|p| p.stage(stage))
        .map(|st| st.feedback.clone())
        .unwrap_or_default();
    if stage == "lost" {
        asked.push("lost_reason".into());
    }
    let choices = Choices {
        records: Default::default(),
        users: Vec::new(),
        default_currency: snap.input.default_currency.clone(),
        duplicate_fields: vec![],
        title_fields: Default::default(),
    };
    let page = Page::new(s, v, "pipeline").await?;
    let status = if error.is_some() || !errors.is_empty() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(
        status,
        &MovePage {
            inputs: inputs(
                &v.tr,
                &obj,
                &asked,
                &record,
                &errors,
                &choices,
                &v.actor.time_zone,
            ),
            title: display::title(&v.tr, &obj, &record),
            stage_label: obj
                .field("stage")
                .map(|f| v.tr.option(&obj, f, stage))
                .unwrap_or_default(),
            stage: stage.to_owned(),
            object: "opportunity".into(),
            id: id.to_string(),
            error,
            page,
        },
    ))
}

pub async fn move_form(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<RecordId>,
    Query(q): Query<HashMap<String, String>>,
) -> PageResult {
    let stage = q.get("stage").cloned().unwrap_or_default();
    draw_move(&s, &v, &id, &stage, None, Default::default(), None).await
}

/// Moves a deal to the stage in the form, with whatever feedback the form carries.
pub async fn move_to(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<RecordId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let (_, obj) = object_def(&s, &v.tr, "opportunity").await?;
    let stage = super::settings::value(&pairs, "stage");
    let fields: Vec<String> = obj
        .fields
        .iter()
        .filter(|f| pairs.iter().any(|(k, _)| *k == f.name) && f.name != "stage")
        .map(|f| f.name.to_string())
        .collect();
    let mut body = crate::form_values::body(&obj, &fields, &pairs, &v.actor.time_zone, false);
    body.insert("stage".into(), json!(stage));
    Ok(
        match s
            .app
            .records(&v.actor)
            .update("opportunity", &id, &Json::Object(body.clone()))
            .await
        {
            Ok(r) => {
                let process = r
                    .get("process_id")
                    .and_then(Json::as_str)
                    .unwrap_or_default();
                Redirect::to(&format!("/pipeline?process={process}")).into_response()
            }
            Err(AppError::Validation(errors)) => {
                body.remove("stage");
                draw_move(
                    &s,
                    &v,
                    &id,
                    &stage,
                    Some(&body),
                    crate::errors::fields_in(&v.tr, &errors, None),
                    None,
                )
                .await?
            }
            Err(
                e @ (AppError::Said(_)
                | AppError::Forbidden(_)
                | AppError::Invalid(_)
                | AppError::Conflict(_)),
            ) => {
                let m = crate::errors::say(&v.tr, &e);
                draw_move(
                    &s,
                    &v,
                    &id,
                    &stage,
                    Some(&body),
                    Default::default(),
                    Some(m),
                )
                .await?
            }
            Err(e) => failure(&v.tr, e),
        },
    )
}
