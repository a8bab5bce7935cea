//! A record's page: every field the user may read, in the order of the metadata, with values
//! as people read them (masked ones masked, hidden ones absent).

use askama::Template;
use axum::extract::{Path, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::Response;

use super::{Page, failure, html};
use crate::UiState;
use crate::display::{self, Context};
use crate::viewer::viewer;

#[derive(Template)]
#[template(path = "record.html")]
struct RecordPage {
    page: Page,
    object: String,
    object_label: String,
    title: String,
    fields: Vec<(String, String)>,
}

pub async fn show(
    State(s): State<UiState>,
    headers: HeaderMap,
    Path((object, id)): Path<(String, String)>,
) -> Response {
    let v = match viewer(&s, &headers).await {
        Ok(v) => v,
        Err(to) => return to,
    };
    let records = s.app.records(&v.actor);
    let record = match records.get(&object, &id).await {
        Ok(r) => r,
        Err(e) => return failure(&v.tr, e),
    };
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return failure(&v.tr, e),
    };
    let Ok(obj) = snap.schema.object(&object) else {
        return failure(&v.tr, pelagic_app::AppError::NotFound(object));
    };
    let users = s.app.user_names().await.unwrap_or_default();
    let titles = super::list::linked_titles(&s, &v, obj, std::slice::from_ref(&record)).await;
    let ctx = Context {
        tr: &v.tr,
        time_zone: &v.actor.time_zone,
        users: &users,
        titles: &titles,
    };
    // The record's own fields first; who owns it and when it changed last.
    let mut shown: Vec<_> = obj
        .fields
        .iter()
        .filter(|f| record.contains_key(&f.name) && f.name != "id")
        .collect();
    shown.sort_by_key(|f| pelagic_core::meta::BUILTIN_FIELDS.contains(&f.name.as_str()));
    let fields = shown
        .iter()
        .map(|f| (v.tr.field(obj, f), display::show(&ctx, obj, f, &record)))
        .collect();
    let page = match Page::new(&s, &v, &object).await {
        Ok(p) => p,
        Err(to) => return to,
    };
    html(
        StatusCode::OK,
        &RecordPage {
            object_label: v.tr.object_plural(obj),
            title: display::title(obj, &record),
            object,
            fields,
            page,
        },
    )
}
