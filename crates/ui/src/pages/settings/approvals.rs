//! Approval flows in the settings: the flows in the order they are tried, and a form for one —
//! its object, the condition a record must meet (up to three comparisons, or a condition in the
//! filter language) and its ordered steps (the submitter's manager, a role, a named user; any one
//! of them or all).

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::response::{IntoResponse, Redirect};
use pelagic_app::approvals::{APPROVABLE, Flow, Step};
use pelagic_core::kind::FieldKind;
use serde_json::{Value as Json, json};

use super::{message_of, value};
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::{Page, failure, html, status_of};
use crate::viewer::{Admin, Viewer};

/// Comparisons a condition row offers.
const OPERATORS: [&str; 6] = ["gt", "gte", "lt", "lte", "eq", "ne"];
/// Condition rows and step rows the form offers.
const CONDITION_ROWS: usize = 3;
const STEP_ROWS: usize = 5;

/// One comparison of a condition: field, operator, value.
#[derive(Default, Clone)]
struct Comparison {
    field: String,
    op: String,
    value: String,
}

/// One step as the form shows it.
#[derive(Default, Clone)]
struct StepRow {
    approver: String,
    role: String,
    user: String,
    mode: String,
}

/// A flow as the form shows it (what was typed, after a refusal).
#[derive(Default)]
struct Editing {
    id: String,
    name: String,
    object: String,
    active: bool,
    comparisons: Vec<Comparison>,
    /// The condition in the filter language, when rows cannot say it.
    condition: String,
    steps: Vec<StepRow>,
}

struct Listed {
    id: String,
    name: String,
    object: String,
    active: bool,
    condition: String,
    steps: String,
}

#[derive(Template)]
#[template(path = "settings/approvals.html")]
struct ApprovalsSettings {
    page: Page,
    flows: Vec<Listed>,
    editing: Editing,
    /// (object, label)
    objects: Vec<(&'static str, String)>,
    /// (object label, [(object.field, field label)]) of the fields a condition can compare.
    fields: Vec<(String, Vec<(String, String)>)>,
    operators: Vec<(&'static str, String)>,
    /// (name, label)
    roles: Vec<(String, String)>,
    /// (id, name)
    users: Vec<(String, String)>,
    error: Option<String>,
    saved: bool,
}

/// Field kinds a condition row compares.
fn comparable(kind: FieldKind) -> bool {
    matches!(
        kind,
        FieldKind::Money
            | FieldKind::Percent
            | FieldKind::Decimal
            | FieldKind::Integer
            | FieldKind::Select
            | FieldKind::Text
            | FieldKind::Date
            | FieldKind::Lookup
            | FieldKind::User
    )
}

/// The flow's condition as rows when it is one comparison or an `and` of them; else as text.
fn condition_rows(condition: &Option<Json>) -> (Vec<Comparison>, String) {
    let one = |c: &Json| {
        Some(Comparison {
            field: c.get("field")?.as_str()?.to_owned(),
            op: c.get("op")?.as_str()?.to_owned(),
            value: match c.get("value")? {
                Json::String(s) => s.clone(),
                other => other.to_string(),
            },
        })
        .filter(|x| OPERATORS.contains(&x.op.as_str()))
    };
    let rows = match condition {
        None => Some(Vec::new()),
        Some(c) => match c.get("and").and_then(Json::as_array) {
            Some(all) if all.len() <= CONDITION_ROWS => all.iter().map(one).collect(),
            Some(_) => None,
            None => one(c).map(|x| vec![x]),
        },
    };
    match rows {
        Some(rows) => (rows, String::new()),
        None => (
            Vec::new(),
            condition.as_ref().map(Json::to_string).unwrap_or_default(),
        ),
    }
}

fn editing_of(flow: Option<&Flow>) -> Editing {
    let Some(f) = flow else {
        return Editing {
            object: "quote".into(),
            active: true,
            ..Editing::default()
        };
    };
    let (comparisons, condition) = condition_rows(&f.condition);
    Editing {
        id: f.id.clone(),
        name: f.name.to_string(),
        object: f.object.clone(),
        active: f.active,
        comparisons,
        condition,
        steps: f
            .steps
            .iter()
            .map(|s| StepRow {
                approver: s.approver.clone(),
                role: s.role.clone().unwrap_or_default(),
                user: s.user_id.clone().unwrap_or_default(),
                mode: s.mode.clone(),
            })
            .collect(),
    }
}

async fn draw(
    s: &UiState,
    v: &Viewer,
    editing: Editing,
    error: Option<String>,
    saved: bool,
) -> PageResult {
    let (flows, snap) = match (s.app.approval_flows().await, s.app.snapshot().await) {
        (Ok(f), Ok(snap)) => (f, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let users = s.app.user_names().await.unwrap_or_default();
    let object_label = |o: &str| {
        snap.schema
            .object(o)
            .map(|x| v.tr.object(x))
            .unwrap_or_else(|_| o.to_owned())
    };
    let roles: Vec<(String, String)> = snap
        .access
        .roles
        .iter()
        .map(|r| (r.name.clone(), r.label.clone()))
        .collect();
    let step_text = |st: &Step| {
        let who = match st.approver.as_str() {
            "manager" => v.tr.t("approver-manager"),
            "role" => {
                let role = st.role.clone().unwrap_or_default();
                let label = roles
                    .iter()
                    .find(|r| r.0 == role)
                    .map_or(role, |r| r.1.clone());
                v.tr.t1("approver-role-named", "role", &label)
            }
            _ => st
                .user_id
                .as_ref()
                .and_then(|u| users.get(u))
                .cloned()
                .unwrap_or_default(),
        };
        if st.mode == "all" {
            format!("{who} ({})", v.tr.t("approve-all"))
        } else {
            who
        }
    };
    let listed = flows
        .iter()
        .map(|f| Listed {
            id: f.id.clone(),
            name: f.name.to_string(),
            object: object_label(&f.object),
            active: f.active,
            condition: match (&f.condition, snap.schema.object(&f.object)) {
                (Some(tree), Ok(obj)) => crate::condition_words::words(&v.tr, obj, tree),
                (Some(tree), Err(_)) => tree.to_string(),
                (None, _) => v.tr.t("every-record"),
            },
            steps: f
                .steps
                .iter()
                .map(step_text)
                .collect::<Vec<_>>()
                .join(" → "),
        })
        .collect();
    let fields = APPROVABLE
        .iter()
        .filter_map(|o| snap.schema.object(o).ok())
        .map(|o| {
            (
                v.tr.object(o),
                o.fields
                    .iter()
                    .filter(|f| comparable(f.kind))
                    .map(|f| (f.name.to_string(), v.tr.field(o, f)))
                    .collect(),
            )
        })
        .collect();
    let mut users: Vec<(String, String)> = users.into_iter().collect();
    users.sort_by(|a, b| a.1.cmp(&b.1));
    let mut editing = editing;
    editing.comparisons.resize(
        CONDITION_ROWS.max(editing.comparisons.len()),
        Comparison::default(),
    );
    editing
        .steps
        .resize(STEP_ROWS.max(editing.steps.len()), StepRow::default());
    let page = Page::new(s, v, "settings").await?;
    Ok(html(
        status_of(&error),
        &ApprovalsSettings {
            page,
            flows: listed,
            editing,
            objects: APPROVABLE.iter().map(|o| (*o, object_label(o))).collect(),
            fields,
            operators: OPERATORS
                .iter()
                .map(|o| (*o, v.tr.t(&format!("op-{o}"))))
                .collect(),
            roles,
            users,
            error,
            saved,
        },
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct Shown {
    saved: Option<String>,
}

pub async fn list(State(s): State<UiState>, Admin(v): Admin, Query(q): Query<Shown>) -> PageResult {
    draw(&s, &v, editing_of(None), None, q.saved.is_some()).await
}

pub async fn edit(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(id): Path<String>,
    Query(q): Query<Shown>,
) -> PageResult {
    let flows = match s.app.approval_flows().await {
        Ok(f) => f,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    Ok(match flows.iter().find(|f| f.id == id) {
        Some(f) => draw(&s, &v, editing_of(Some(f)), None, q.saved.is_some()).await?,
        None => failure(
            &v.tr,
            pelagic_app::AppError::NotFound(format!("there is no approval flow '{id}'")),
        ),
    })
}

/// The form as typed, and the flow it asks for (or what is wrong with the condition).
fn read(pairs: &[(String, String)]) -> (Editing, Result<Flow, String>) {
    let comparisons: Vec<Comparison> = (0..CONDITION_ROWS)
        .map(|i| Comparison {
            field: value(pairs, &format!("cf.{i}")),
            op: value(pairs, &format!("co.{i}")),
            value: value(pairs, &format!("cv.{i}")),
        })
        .collect();
    let steps: Vec<StepRow> = (0..STEP_ROWS)
        .map(|i| StepRow {
            approver: value(pairs, &format!("sa.{i}")),
            role: value(pairs, &format!("sr.{i}")),
            user: value(pairs, &format!("su.{i}")),
            mode: value(pairs, &format!("sm.{i}")),
        })
        .collect();
    let e = Editing {
        id: value(pairs, "id"),
        name: value(pairs, "name"),
        object: value(pairs, "object"),
        active: !value(pairs, "active").is_empty(),
        comparisons,
        condition: value(pairs, "condition"),
        steps,
    };
    let condition = if !e.condition.is_empty() {
        serde_json::from_str::<Json>(&e.condition)
            .map(Some)
            .map_err(|x| x.to_string())
    } else {
        let all: Vec<Json> = e
            .comparisons
            .iter()
            .filter(|c| !c.field.is_empty())
            // The filter language reads the value by the field's kind ("15" of a percent is 15 %).
            .map(|c| json!({"field": c.field, "op": c.op, "value": c.value}))
            .collect();
        Ok(match all.len() {
            0 => None,
            1 => all.into_iter().next(),
            _ => Some(json!({ "and": all })),
        })
    };
    let flow = condition.map(|condition| Flow {
        id: e.id.clone(),
        name: e.name.clone(),
        object: e.object.clone(),
        active: e.active,
        condition,
        steps: e
            .steps
            .iter()
            .filter(|s| !s.approver.is_empty())
            .map(|s| Step {
                approver: s.approver.clone(),
                role: (s.approver == "role").then(|| s.role.clone()),
                user_id: (s.approver == "user").then(|| s.user.clone()),
                mode: if s.mode == "all" { "all" } else { "any" }.into(),
            })
            .collect(),
    });
    (e, flow)
}

/// Adds a flow or changes one; the others stay as and where they are.
pub async fn save(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let (editing, flow) = read(&pairs);
    let flow = match flow {
        Ok(f) => f,
        Err(bad) => {
            let message = v.tr.t1("condition-unreadable", "error", &bad);
            return draw(&s, &v, editing, Some(message), false).await;
        }
    };
    let mut flows = match s.app.approval_flows().await {
        Ok(f) => f,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let at = flows
        .iter()
        .position(|f| !flow.id.is_empty() && f.id == flow.id);
    match at {
        Some(i) => flows[i] = flow,
        None => flows.push(Flow {
            id: String::new(),
            ..flow
        }),
    }
    let at = at.unwrap_or(flows.len() - 1);
    Ok(match s.app.set_approval_flows(&v.actor, flows).await {
        Ok(saved) => {
            Redirect::to(&format!("/settings/approvals/{}?saved=1", saved[at].id)).into_response()
        }
        Err(e) => draw(&s, &v, editing, Some(message_of(&v.tr, e)), false).await?,
    })
}

/// Moves a flow one place up (tried earlier), or deletes it.
pub async fn arrange(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let mut flows = match s.app.approval_flows().await {
        Ok(f) => f,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let Some(at) = flows.iter().position(|f| f.id == id) else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound(format!("there is no approval flow '{id}'")),
        ));
    };
    match value(&pairs, "do").as_str() {
        "delete" => {
            flows.remove(at);
        }
        _ if at > 0 => flows.swap(at, at - 1),
        _ => {}
    }
    Ok(match s.app.set_approval_flows(&v.actor, flows).await {
        Ok(_) => Redirect::to("/settings/approvals?saved=1").into_response(),
        Err(e) => draw(&s, &v, editing_of(None), Some(message_of(&v.tr, e)), false).await?,
    })
}
