//! Printable templates in the browser, for administrators and managers: the list per object, an
//! editor with the merge fields its author may use, a preview on a real record in a sandboxed
//! frame, saving (checked like the API: unknown or unreadable fields are refused) and deleting.

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect, Response};
use pelagic_app::documents::{MergeSource, PRINTABLE, TemplateChange};
use pelagic_app::{AppError, ListRequest};

use super::form::csrf;
use super::settings::{message_of, value};
use super::{Page, escape, failure, html};
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

struct Listed {
    id: String,
    name: String,
    object_label: String,
    builtin: bool,
    updated: String,
}

#[derive(Template)]
#[template(path = "doc_templates.html")]
struct ListPage {
    page: Page,
    items: Vec<Listed>,
    /// (object, label) of what can be printed.
    objects: Vec<(&'static str, String)>,
}

/// A template as the editor shows it (what was typed, after a refusal).
#[derive(Default)]
struct Editing {
    id: String,
    object: String,
    name: String,
    body: String,
    builtin: bool,
}

#[derive(Template)]
#[template(path = "doc_template.html")]
struct EditPage {
    page: Page,
    editing: Editing,
    object_label: String,
    /// (id, title) of recent records to preview with.
    samples: Vec<(String, String)>,
    guide: Vec<MergeSource>,
    error: Option<String>,
    saved: bool,
}

/// The page telling anyone but a template writer (administrators and managers) it is not for
/// them.
fn refusal(v: &Viewer) -> Option<Response> {
    (!pelagic_app::documents::may_write_templates(&v.actor))
        .then(|| failure(&v.tr, AppError::Forbidden(v.tr.t("templates-writers-only"))))
}

fn object_label(s: &pelagic_app::Snapshot, v: &Viewer, object: &str) -> String {
    s.schema
        .object(object)
        .map(|o| v.tr.object(o))
        .unwrap_or_else(|_| object.to_owned())
}

pub async fn list(State(s): State<UiState>, v: Viewer) -> PageResult {
    if let Some(to) = refusal(&v) {
        return Ok(to);
    }
    let (templates, snap) = match (s.app.document_templates(None).await, s.app.snapshot().await) {
        (Ok(t), Ok(snap)) => (t, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let items = templates
        .into_iter()
        .map(|t| Listed {
            object_label: object_label(&snap, &v, &t.object),
            name: if t.builtin {
                v.tr.t("standard-template")
            } else {
                t.name
            },
            updated: t
                .updated_at
                .map(|at| crate::display::when(&v.tr, &v.actor.time_zone, at))
                .unwrap_or_default(),
            builtin: t.builtin,
            id: t.id,
        })
        .collect();
    let objects = PRINTABLE
        .iter()
        .map(|o| (*o, object_label(&snap, &v, o)))
        .collect();
    let page = Page::new(&s, &v, "templates").await?;
    Ok(html(
        StatusCode::OK,
        &ListPage {
            page,
            items,
            objects,
        },
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct NewQuery {
    object: Option<String>,
    saved: Option<String>,
}

/// The editor of a new template for `?object=`, starting from Pelagic's own.
pub async fn new(State(s): State<UiState>, v: Viewer, Query(q): Query<NewQuery>) -> PageResult {
    let object = q.object.unwrap_or_else(|| "quote".into());
    Ok(
        match s.app.document_template(&format!("builtin-{object}")).await {
            Ok(t) => {
                let editing = Editing {
                    object: t.object,
                    body: t.body,
                    ..Editing::default()
                };
                draw(&s, &v, editing, None, false).await?
            }
            Err(e) => failure(&v.tr, e),
        },
    )
}

/// The editor of template `id`.
pub async fn edit(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Query(q): Query<NewQuery>,
) -> PageResult {
    Ok(match s.app.document_template(&id).await {
        Ok(t) => {
            let editing = Editing {
                name: if t.builtin {
                    v.tr.t("standard-template")
                } else {
                    t.name
                },
                id: t.id,
                object: t.object,
                body: t.body,
                builtin: t.builtin,
            };
            draw(&s, &v, editing, None, q.saved.is_some()).await?
        }
        Err(e) => failure(&v.tr, e),
    })
}

async fn draw(
    s: &UiState,
    v: &Viewer,
    editing: Editing,
    error: Option<String>,
    saved: bool,
) -> PageResult {
    if let Some(to) = refusal(v) {
        return Ok(to);
    }
    let (guide, snap) = match (
        s.app.merge_field_guide(&v.actor, &editing.object).await,
        s.app.snapshot().await,
    ) {
        (Ok(g), Ok(snap)) => (g, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let samples = match snap.schema.object(&editing.object) {
        Ok(obj) => {
            let request = ListRequest {
                limit: Some(20),
                ..ListRequest::default()
            };
            s.app
                .records(&v.actor)
                .list(&editing.object, &request)
                .await
                .map(|p| {
                    p.data
                        .iter()
                        .map(|r| {
                            let id = r.get("id").and_then(|i| i.as_str()).unwrap_or_default();
                            (id.to_owned(), crate::display::title(&v.tr, obj, r))
                        })
                        .collect()
                })
                .unwrap_or_default()
        }
        Err(e) => return Ok(failure(&v.tr, e.into())),
    };
    let page = Page::new(s, v, "templates").await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(
        status,
        &EditPage {
            object_label: object_label(&snap, v, &editing.object),
            page,
            editing,
            samples,
            guide,
            error,
            saved,
        },
    ))
}

/// Saves the editor: a new template, a changed one, or — for Pelagic's own — a copy.
pub async fn save(
    State(s): State<UiState>,
    v: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    if let Some(to) = refusal(&v) {
        return Ok(to);
    }
    let typed = Editing {
        id: value(&pairs, "id"),
        object: value(&pairs, "object"),
        name: value(&pairs, "name"),
        // The body keeps its own spacing.
        body: pairs
            .iter()
            .find(|(k, _)| k == "body")
            .map(|(_, b)| b.replace("\r\n", "\n"))
            .unwrap_or_default(),
        builtin: false,
    };
    let id = Some(typed.id.as_str()).filter(|i| !i.is_empty() && !i.starts_with("builtin-"));
    let change = TemplateChange {
        object: Some(typed.object.clone()),
        name: Some(typed.name.clone()),
        body: Some(typed.body.clone()),
    };
    Ok(
        match s.app.save_document_template(&v.actor, id, change).await {
            Ok(t) => Redirect::to(&format!("/templates/{}?saved=1", t.id)).into_response(),
            Err(e @ AppError::NotFound(_)) => failure(&v.tr, e),
            // A merge field the author may not read is refused like any other mistake in the form.
            Err(e) => {
                let error = Some(message_of(&v.tr, e));
                draw(&s, &v, typed, error, false).await?
            }
        },
    )
}

/// The template as typed, printed on the chosen record — shown in the editor's sandboxed frame.
pub async fn preview(
    State(s): State<UiState>,
    v: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    if let Some(to) = refusal(&v) {
        return Ok(to);
    }
    let (object, record) = (value(&pairs, "object"), value(&pairs, "record_id"));
    if record.is_empty() {
        return Ok(problem(&v.tr.t("preview-needs-record")));
    }
    let body = value(&pairs, "body");
    let words = v.tr.document_words();
    Ok(
        match s
            .app
            .preview_template(&v.actor, &object, &record, &body, &words)
            .await
        {
            Ok(html) => pelagic_http::document_response("preview", html.into_bytes(), false),
            Err(e) => problem(&message_of(&v.tr, e)),
        },
    )
}

/// What went wrong with a preview, as the frame shows it.
fn problem(message: &str) -> Response {
    pelagic_http::document_response(
        "preview",
        format!(
            "<!doctype html><meta charset=utf-8><p style=\"font-family:sans-serif;color:#b42318\">{}</p>",
            escape(message)
        )
        .into_bytes(),
        false,
    )
}

/// Deletes a template, then lists the rest.
pub async fn delete(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    Ok(match s.app.delete_document_template(&v.actor, &id).await {
        Ok(()) => Redirect::to("/templates").into_response(),
        Err(e) => failure(&v.tr, e),
    })
}
