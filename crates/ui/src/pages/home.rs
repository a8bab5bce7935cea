//! Home: the user's tasks due today or overdue (planned follow-ups among them), records about to
//! go back to their pools, what changed lately, and a search over every object.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use pelagic_app::ListRequest;
use pelagic_core::filter::Filter;
use serde_json::{Value as Json, json};

use super::{Page, html};
use crate::UiState;
use crate::display;
use crate::page_error::PageResult;
use crate::viewer::Viewer;

/// Something due: where it leads, what it is, about whom, when, and whether it is late.
struct Due {
    link: String,
    what: String,
    about: String,
    when: String,
    overdue: bool,
}

#[derive(Template)]
#[template(path = "home.html")]
struct HomePage {
    page: Page,
    greeting: String,
    q: String,
    /// (object label, link, title)
    found: Vec<(String, String, String)>,
    /// Tasks due today or overdue.
    tasks: Vec<Due>,
    /// Records going back to their pools soonest unless followed up.
    returning: Vec<Due>,
    recent: Vec<(String, String, String)>,
}

pub async fn home(
    State(s): State<UiState>,
    v: Viewer,
    Query(params): Query<HashMap<String, String>>,
) -> PageResult {
    let page = Page::new(&s, &v, "home").await?;
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
                        .map(|r| (label.clone(), link(r), display::title(&v.tr, obj, r))),
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
                        .map(|r| (label.clone(), link(r), display::title(&v.tr, obj, r))),
                );
            }
        }
    }
    // "Today" is the user's day, in their time zone.
    let zone = pelagic_core::period::zone(&v.actor.time_zone);
    let now = s.app.now();
    let today = now.with_timezone(&zone).date_naive();
    let start_of = |d: chrono::NaiveDate| {
        d.and_hms_opt(0, 0, 0)
            .and_then(|t| t.and_local_timezone(zone).earliest())
            .map(|t| t.with_timezone(&chrono::Utc))
            .unwrap_or(now)
    };
    let today_starts = start_of(today);
    let tomorrow = start_of(today + chrono::Days::new(1)).to_rfc3339();
    let mine = json!({"field": "owner_id", "op": "eq", "value": v.actor.user_id});
    let due = |r: &pelagic_app::records::Record, field: &str| {
        r.get(field)
            .and_then(Json::as_str)
            .and_then(|t| t.parse::<chrono::DateTime<chrono::Utc>>().ok())
    };
    // Tasks assigned to the user, or theirs and assigned to nobody; plans made when logging a
    // follow-up are tasks too.
    let tasks_due = ListRequest {
        filter: Filter::from_json(&json!({"and": [
            {"field": "status", "op": "eq", "value": "open"},
            {"field": "due_at", "op": "lt", "value": tomorrow},
            {"or": [
                {"field": "assignee_id", "op": "eq", "value": v.actor.user_id},
                {"and": [{"field": "assignee_id", "op": "is_null"}, mine]},
            ]},
        ]}))
        .ok(),
        sort: vec![("due_at".into(), false)],
        limit: Some(20),
        ..ListRequest::default()
    };
    let mut tasks = Vec::new();
    if let (Some(task), Ok(p)) = (
        snap.as_ref().and_then(|s| s.schema.object("task").ok()),
        records.list("task", &tasks_due).await,
    ) {
        let titles = super::columns::linked_titles(&s, &v, task, &p.data).await;
        for r in &p.data {
            let id = r.get("id").and_then(Json::as_str).unwrap_or_default();
            let about = r
                .get("related")
                .and_then(|x| x.get("id"))
                .and_then(Json::as_str)
                .and_then(|rid| titles.get(rid).cloned())
                .unwrap_or_default();
            let at = due(r, "due_at");
            tasks.push(Due {
                link: format!("/o/task/{id}"),
                what: r
                    .get("subject")
                    .and_then(Json::as_str)
                    .unwrap_or_default()
                    .to_owned(),
                about,
                when: at
                    .map(|t| display::when(&v.tr, &v.actor.time_zone, t))
                    .unwrap_or_default(),
                overdue: at.is_some_and(|t| t < today_starts),
            });
        }
    }
    let greeting = v.tr.t1("greeting", "name", &v.actor.name);
    Ok(html(
        StatusCode::OK,
        &HomePage {
            page,
            greeting,
            q,
            found,
            tasks,
            returning: returning(&s, &v, snap.as_deref(), now).await,
            recent,
        },
    ))
}

/// Records going back to their pools soonest, with a warning look for those due within a day.
async fn returning(
    s: &UiState,
    v: &crate::viewer::Viewer,
    snap: Option<&pelagic_app::Snapshot>,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<Due> {
    let Some(snap) = snap else {
        return Vec::new();
    };
    let held = s
        .app
        .records(&v.actor)
        .returning_soon(10)
        .await
        .unwrap_or_default();
    held.iter()
        .filter_map(|h| {
            let obj = snap.schema.object(&h.object).ok()?;
            let id = h.record.get("id").and_then(Json::as_str)?;
            Some(Due {
                link: format!("/o/{}/{id}", h.object),
                what: display::title(&v.tr, obj, &h.record),
                about: h.pool.clone(),
                when: display::when(&v.tr, &v.actor.time_zone, h.due_at),
                overdue: h.due_at - now < chrono::Duration::days(1),
            })
        })
        .collect()
}
