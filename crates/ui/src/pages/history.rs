//! A record's history tab: who changed what and when, newest first, as far as the viewer may see
//! the fields concerned (masked values stay masked).

use askama::Template;
use axum::extract::State;
use pelagic_core::ids::{ObjectName, RecordId};

use crate::path::Path;
use axum::http::StatusCode;
use chrono::{DateTime, Utc};
use serde_json::{Map, Value as Json};

use super::{Page, failure, html};
use crate::UiState;
use crate::display::{self, Context};
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// One line of the history.
struct Line {
    when: String,
    who: String,
    action: String,
    field: String,
    old: String,
    new: String,
}

#[derive(Template)]
#[template(path = "history.html")]
struct HistoryPage {
    page: Page,
    object: String,
    id: String,
    object_label: String,
    title: String,
    /// Not in the recycle bin (so the overview tab leads somewhere).
    live: bool,
    lines: Vec<Line>,
}

pub async fn show(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> PageResult {
    let records = s.app.records(&v.actor);
    let (entries, snap) = match (records.history(&object, &id).await, s.app.snapshot().await) {
        (Ok(e), Ok(snap)) => (e, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let Ok(obj) = snap.schema.object(&object) else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound(object.to_string()),
        ));
    };
    // The record may be in the recycle bin; its history still shows, under the title it had.
    let (title, live) = match records.get(&object, &id).await {
        Ok(r) => (display::title(&v.tr, obj, &r), true),
        Err(_) => {
            let binned = records.recycle_bin(Some(&object)).await.unwrap_or_default();
            let title = binned
                .iter()
                .find(|d| d.get("id").and_then(Json::as_str) == Some(id.as_str()))
                .and_then(|d| d.get("title").and_then(Json::as_str).map(str::to_owned))
                .unwrap_or_else(|| id.to_string());
            (title, false)
        }
    };
    let users = s.app.user_names().await.unwrap_or_default();
    let titles = Default::default();
    let ctx = Context {
        tr: &v.tr,
        time_zone: &v.actor.time_zone,
        users: &users,
        titles: &titles,
        region: crate::display::home_region(&s).await,
    };
    let text = |e: &Json, key: &str| {
        e.get(key)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let lines = entries
        .iter()
        .map(|e| {
            let field = obj.field(&text(e, "field"));
            let value = |key: &str| match (field, e.get(key)) {
                (Some(f), Some(value)) if !value.is_null() => {
                    let record = Map::from_iter([(f.name.to_string(), value.clone())]);
                    display::show(&ctx, obj, f, &record)
                }
                (None, Some(Json::String(s))) => users.get(s).cloned().unwrap_or_else(|| s.clone()),
                _ => String::new(),
            };
            let user = text(e, "user_id");
            Line {
                when: text(e, "at")
                    .parse::<DateTime<Utc>>()
                    .map(|t| display::when(&v.tr, &v.actor.time_zone, t))
                    .unwrap_or_default(),
                who: users.get(&user).cloned().unwrap_or(user),
                action: v.tr.t(&format!("action-{}", text(e, "action"))),
                field: field.map(|f| v.tr.field(obj, f)).unwrap_or_default(),
                old: value("old"),
                new: value("new"),
            }
        })
        .collect();
    let page = Page::new(&s, &v, &object).await?;
    Ok(html(
        StatusCode::OK,
        &HistoryPage {
            object_label: v.tr.object_plural(obj),
            title,
            live,
            lines,
            object: object.to_string(),
            id: id.to_string(),
            page,
        },
    ))
}
