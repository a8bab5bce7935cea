//! Deleting a record from its page: a confirmation page, then the record (and what belongs to
//! it) goes to the recycle bin.

use askama::Template;
use axum::Form;
use axum::extract::State;
use pelagic_core::ids::{ObjectName, RecordId};

use crate::path::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};

use super::form::csrf;
use super::{Page, failure, html};
use crate::UiState;
use crate::display;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// "Are you sure?" before something that cannot be taken back lightly.
#[derive(Template)]
#[template(path = "confirm.html")]
pub struct ConfirmPage {
    pub page: Page,
    pub title: String,
    pub message: String,
    pub button: String,
    pub action: String,
    pub cancel: String,
}

pub async fn confirm(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> PageResult {
    let record = match s.app.records(&v.actor).get(&object, &id).await {
        Ok(r) => r,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let title = match s
        .app
        .snapshot()
        .await
        .ok()
        .and_then(|snap| snap.schema.object(&object).ok().cloned())
    {
        Some(obj) => display::title(&v.tr, &obj, &record),
        None => id.to_string(),
    };
    let page = Page::new(&s, &v, &object).await?;
    let confirm = ConfirmPage {
        message: v.tr.t("delete-confirm"),
        button: v.tr.t("delete"),
        page,
        title,
        action: format!("/o/{object}/{id}/delete"),
        cancel: format!("/o/{object}/{id}"),
    };
    Ok(html(StatusCode::OK, &confirm))
}

pub async fn delete(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    Ok(match s.app.records(&v.actor).delete(&object, &id).await {
        Ok(()) => Redirect::to(&format!("/o/{object}")).into_response(),
        Err(e) => failure(&v.tr, e),
    })
}
