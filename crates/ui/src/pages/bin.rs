//! The recycle bin: what was deleted, by whom and when, with the records that went with it;
//! restore for whoever may see a deletion, purge (after a confirmation) for administrators.

use askama::Template;
use axum::Form;
use axum::extract::State;
use pelagic_core::ids::{ObjectName, RecordId};

use crate::path::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use chrono::{DateTime, Utc};
use serde_json::Value as Json;

use super::delete::ConfirmPage;
use super::form::csrf;
use super::{Page, failure, html};
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// One deletion in the bin.
struct Deletion {
    object: String,
    id: String,
    object_label: String,
    title: String,
    deleted_by: String,
    deleted_at: String,
    /// "and 3 more records" when the deletion took others with it.
    with_others: String,
}

#[derive(Template)]
#[template(path = "bin.html")]
struct BinPage {
    page: Page,
    deletions: Vec<Deletion>,
    may_purge: bool,
    days: i64,
}

pub async fn list(State(s): State<UiState>, v: Viewer) -> PageResult {
    let (found, snap) = match (
        s.app.records(&v.actor).recycle_bin(None).await,
        s.app.snapshot().await,
    ) {
        (Ok(f), Ok(snap)) => (f, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let users = s.app.user_names().await.unwrap_or_default();
    let text = |d: &Json, key: &str| {
        d.get(key)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let deletions = found
        .iter()
        .map(|d| {
            let object = text(d, "object");
            let by = text(d, "deleted_by");
            // `records` counts the deleted record with those that went with it.
            let others = d
                .get("records")
                .and_then(Json::as_i64)
                .map_or(0, |n| n.saturating_sub(1));
            Deletion {
                object_label: snap
                    .schema
                    .object(&object)
                    .map(|o| v.tr.object(o))
                    .unwrap_or_else(|_| object.clone()),
                id: text(d, "id"),
                title: text(d, "title"),
                deleted_by: users.get(&by).cloned().unwrap_or(by),
                deleted_at: text(d, "deleted_at")
                    .parse::<DateTime<Utc>>()
                    .map(|t| crate::display::when(&v.tr, &v.actor.time_zone, t))
                    .unwrap_or_default(),
                with_others: if others > 0 {
                    v.tr.count("with-others", others)
                } else {
                    String::new()
                },
                object,
            }
        })
        .collect();
    let days = s.app.recycle_bin_days().await.unwrap_or(90);
    let page = Page::new(&s, &v, "recycle-bin").await?;
    Ok(html(
        StatusCode::OK,
        &BinPage {
            may_purge: v.actor.is_admin(),
            deletions,
            days,
            page,
        },
    ))
}

pub async fn restore(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    Ok(match s.app.records(&v.actor).restore(&object, &id).await {
        Ok(_) => Redirect::to(&format!("/o/{object}/{id}")).into_response(),
        Err(e) => failure(&v.tr, e),
    })
}

pub async fn confirm_purge(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> PageResult {
    let found = match s.app.records(&v.actor).recycle_bin(Some(&object)).await {
        Ok(f) => f,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let Some(title) = found
        .iter()
        .find(|d| d.get("id").and_then(Json::as_str) == Some(id.as_str()))
        .map(|d| {
            d.get("title")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned()
        })
    else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound(id.to_string()),
        ));
    };
    let page = Page::new(&s, &v, "recycle-bin").await?;
    let confirm = ConfirmPage {
        message: v.tr.t("purge-confirm"),
        button: v.tr.t("purge"),
        page,
        title,
        action: format!("/recycle-bin/{object}/{id}/purge"),
        cancel: "/recycle-bin".into(),
    };
    Ok(html(StatusCode::OK, &confirm))
}

pub async fn purge(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    Ok(match s.app.records(&v.actor).purge(&object, &id).await {
        Ok(()) => Redirect::to("/recycle-bin").into_response(),
        Err(e) => failure(&v.tr, e),
    })
}
