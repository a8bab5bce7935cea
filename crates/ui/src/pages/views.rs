//! Saving a list's conditions and sort as a named view, and removing one's own views.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::response::{IntoResponse, Redirect, Response};
use serde::Deserialize;

use super::failure;
use crate::UiState;
use crate::viewer::form_viewer;

#[derive(Deserialize)]
pub struct NewView {
    #[serde(rename = "_csrf")]
    csrf: Option<String>,
    name: String,
    query: String,
    shared: Option<String>,
}

pub async fn save(
    State(s): State<UiState>,
    headers: HeaderMap,
    Path(object): Path<String>,
    Form(f): Form<NewView>,
) -> Response {
    let v = match form_viewer(&s, &headers, f.csrf.as_deref()).await {
        Ok(v) => v,
        Err(to) => return to,
    };
    let shared = f.shared.is_some();
    match s
        .app
        .save_view(&v.actor, &object, &f.name, &f.query, shared)
        .await
    {
        Ok(view) => {
            Redirect::to(&format!("/o/{object}?{}&view={}", view.query, view.id)).into_response()
        }
        Err(e) => failure(&v.tr, e),
    }
}

#[derive(Deserialize)]
pub struct Token {
    #[serde(rename = "_csrf")]
    csrf: Option<String>,
}

pub async fn delete(
    State(s): State<UiState>,
    headers: HeaderMap,
    Path((object, id)): Path<(String, String)>,
    Form(t): Form<Token>,
) -> Response {
    let v = match form_viewer(&s, &headers, t.csrf.as_deref()).await {
        Ok(v) => v,
        Err(to) => return to,
    };
    match s.app.delete_view(&v.actor, &id).await {
        Ok(()) => Redirect::to(&format!("/o/{object}")).into_response(),
        Err(e) => failure(&v.tr, e),
    }
}
