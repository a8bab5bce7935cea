//! List views: saving a list's conditions and sort as a named view, removing one's own, and the
//! view of an object's open records (leads not yet converted) its list starts on.

use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use pelagic_core::meta::ObjectDef;
use serde::Deserialize;

use super::failure;
use crate::UiState;
use crate::i18n::Tr;
use crate::page_error::PageResult;
use crate::viewer::Viewer;

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
    v: Viewer,
    Path(object): Path<String>,
    Form(f): Form<NewView>,
) -> PageResult {
    v.check_form(f.csrf.as_deref())?;
    let shared = f.shared.is_some();
    Ok(
        match s
            .app
            .save_view(&v.actor, &object, &f.name, &f.query, shared)
            .await
        {
            Ok(view) => Redirect::to(&format!("/o/{object}?{}&view={}", view.query, view.id))
                .into_response(),
            Err(e) => failure(&v.tr, e),
        },
    )
}

#[derive(Deserialize)]
pub struct Token {
    #[serde(rename = "_csrf")]
    csrf: Option<String>,
}

pub async fn delete(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(String, String)>,
    Form(t): Form<Token>,
) -> PageResult {
    v.check_form(t.csrf.as_deref())?;
    Ok(match s.app.delete_view(&v.actor, &id).await {
        Ok(()) => Redirect::to(&format!("/o/{object}")).into_response(),
        Err(e) => failure(&v.tr, e),
    })
}

/// The conditions of an object's open records as list parameters, marked as the `open` view;
/// choices are written as their labels in the reader's language, as they would type them.
pub fn open_pairs(tr: &Tr, obj: &ObjectDef) -> Vec<(String, String)> {
    let Some(open) = &obj.open else {
        return Vec::new();
    };
    let labels: Vec<String> = match obj.field(&open.field) {
        Some(f) => open.values.iter().map(|o| tr.option(obj, f, o)).collect(),
        None => open.values.clone(),
    };
    vec![
        ("c0.f".into(), open.field.clone()),
        ("c0.o".into(), open.op.name().into()),
        ("c0.v".into(), labels.join(", ")),
        ("view".into(), OPEN_VIEW.into()),
    ]
}

/// The name of the open records' view in list links (saved views have ids).
pub const OPEN_VIEW: &str = "open";

/// The link to an object's open records, when it names them.
pub fn open_link(tr: &Tr, obj: &ObjectDef) -> Option<String> {
    obj.open.as_ref().map(|_| {
        let query = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(open_pairs(tr, obj))
            .finish();
        format!("/o/{}?{query}", obj.name)
    })
}

/// A list opened without conditions starts on the records still being worked, if the object
/// says which; its conditions are in the links from there on, so paging and sorting keep them.
pub async fn or_open(
    s: &crate::UiState,
    tr: &Tr,
    object: &str,
    pairs: Vec<(String, String)>,
) -> Vec<(String, String)> {
    if !pairs.is_empty() {
        return pairs;
    }
    match s.app.snapshot().await {
        Ok(snap) => snap
            .schema
            .object(object)
            .map(|obj| open_pairs(tr, obj))
            .unwrap_or_default(),
        Err(_) => pairs,
    }
}
