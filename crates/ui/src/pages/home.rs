//! Home: the user's open tasks, what changed lately, and a search over every object.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;
use pelagic_app::ListRequest;
use pelagic_core::filter::Filter;
use serde_json::{Value as Json, json};

use super::{Page, html};
use crate::UiState;
use crate::display;
use crate::viewer::viewer;

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    greeting: String,
    q: String,
    /// (object label, link, title)
    found: Vec<(String, String, String)>,
    /// (link, subject, due)
    tasks: Vec<(String, String, String)>,
    recent: Vec<(String, String, String)>,
}

pub async fn home(
    State(s): State<UiState>,
    headers: HeaderMap,
    Query(params): Query<HashMap<String, String>>,
) -> Response {
    let v = match viewer(&s, &headers).await {
        Ok(v) => v,
        Err(to) => return to,
    };
    let page = match Page::new(&s, &v, "home").await {
        Ok(p) => p,
        Err(to) => return to,
    };
    let records = s.app.records(&v.actor);
    let snap = s.app.snapshot().await.ok();
    let q = params
        .get("q")
        .map(|q| q.trim().to_owned())
        .unwrap_or_default();
    let mut found = Vec::new();
    let mut recent = Vec::new();
    for (name, _) in &page.nav {
        let Some(obj) = snap.as_ref().and_then(|s| s.schema.object(name).ok()) else {
            continue;
        };
        let label = v.tr.object(obj);
        let link = |r: &pelagic_app::records::Record| {
            format!(
                "/o/{name}/{}",
                r.get("id").and_then(Json::as_str).unwrap_or_default()
            )
        };
        if !q.is_empty() {
            let req = ListRequest {
                q: Some(q.clone()),
                limit: Some(5),
                ..ListRequest::default()
            };
            if let Ok(p) = records.list(name, &req).await {
                found.extend(
                    p.data
                        .iter()
                        .map(|r| (label.clone(), link(r), display::title(obj, r))),
                );
            }
        }
        if matches!(
            name.as_str(),
            "account" | "contact" | "lead" | "opportunity"
        ) {
            let req = ListRequest {
                sort: vec![("updated_at".into(), true)],
                limit: Some(3),
                ..ListRequest::default()
            };
            if let Ok(p) = records.list(name, &req).await {
                recent.extend(
                    p.data
                        .iter()
                        .map(|r| (label.clone(), link(r), display::title(obj, r))),
                );
            }
        }
    }
    let open_tasks = ListRequest {
        filter: Filter::from_json(&json!({"and": [
            {"field": "status", "op": "eq", "value": "open"},
            {"field": "owner_id", "op": "eq", "value": v.actor.user_id},
        ]}))
        .ok(),
        sort: vec![("due_at".into(), false)],
        limit: Some(10),
        ..ListRequest::default()
    };
    let tasks = match records.list("task", &open_tasks).await {
        Ok(p) => p
            .data
            .iter()
            .map(|r| {
                let id = r.get("id").and_then(Json::as_str).unwrap_or_default();
                let subject = r.get("subject").and_then(Json::as_str).unwrap_or_default();
                let due = r.get("due_at").and_then(Json::as_str).unwrap_or_default();
                (
                    format!("/o/task/{id}"),
                    subject.to_owned(),
                    due.get(..10).unwrap_or_default().to_owned(),
                )
            })
            .collect(),
        Err(_) => Vec::new(),
    };
    let greeting = v.tr.t1("greeting", "name", &v.actor.name);
    html(
        StatusCode::OK,
        &HomePage {
            page,
            greeting,
            q,
            found,
            tasks,
            recent,
        },
    )
}
