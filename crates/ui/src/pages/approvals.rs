//! The approvals inbox: the quotes, contracts, orders and refunds waiting for the user's
//! decision, oldest first, each approved or rejected (with a comment) from the list.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};

use super::form::csrf;
use super::{Page, failure, html};
use crate::UiState;
use crate::viewer::{form_viewer, viewer};

struct Waiting {
    id: String,
    object: String,
    object_label: String,
    record_id: String,
    title: String,
    flow: String,
    submitted: String,
}

#[derive(Template)]
#[template(path = "approvals.html")]
struct ApprovalsPage {
    page: Page,
    items: Vec<Waiting>,
}

pub async fn list(State(s): State<UiState>, headers: HeaderMap) -> Response {
    let v = match viewer(&s, &headers).await {
        Ok(v) => v,
        Err(to) => return to,
    };
    let (waiting, snap) = match (
        s.app.approvals_waiting(&v.actor).await,
        s.app.snapshot().await,
    ) {
        (Ok(w), Ok(snap)) => (w, snap),
        (Err(e), _) | (_, Err(e)) => return failure(&v.tr, e),
    };
    let users = s.app.user_names().await.unwrap_or_default();
    let items = waiting
        .iter()
        .filter_map(|r| {
            let text = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            let obj = snap.schema.object(r["object"].as_str()?).ok()?;
            let record = r["record"].as_object()?;
            let submitted = r["submitted_at"]
                .as_str()
                .and_then(|t| t.parse().ok())
                .map(|t| crate::display::when(&v.tr, &v.actor.time_zone, t))
                .unwrap_or_default();
            let by = users
                .get(&text("submitted_by"))
                .cloned()
                .unwrap_or_default();
            Some(Waiting {
                id: text("id"),
                object: obj.name.clone(),
                object_label: v.tr.object(obj),
                record_id: text("record_id"),
                title: crate::display::title(obj, record),
                flow: text("flow"),
                submitted: format!("{by} · {submitted}"),
            })
        })
        .collect();
    let page = match Page::new(&s, &v, "approvals").await {
        Ok(p) => p,
        Err(to) => return to,
    };
    html(StatusCode::OK, &ApprovalsPage { page, items })
}

pub async fn decide(
    State(s): State<UiState>,
    headers: HeaderMap,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> Response {
    let v = match form_viewer(&s, &headers, csrf(&pairs)).await {
        Ok(v) => v,
        Err(to) => return to,
    };
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, x)| x.as_str());
    let approve = get("decision") == Some("approve");
    match s
        .app
        .decide_approval(&v.actor, &id, approve, get("comment"))
        .await
    {
        Ok(_) => Redirect::to("/approvals").into_response(),
        Err(e) => failure(&v.tr, e),
    }
}
