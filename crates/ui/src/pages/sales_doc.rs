//! What a quote's, an order's or a contract's page adds: the steps it can take now (submit for
//! approval, send, accept, reject, revise, make an order), printing with a template to HTML or
//! PDF, the documents kept with it (marked as sent to the customer), and its approval trail.

use axum::Form;
use axum::extract::{Query, State};
use pelagic_core::ids::{ObjectName, RecordId};

use crate::path::Path;
use axum::response::{IntoResponse, Redirect, Response};
use pelagic_app::AppError;
use pelagic_app::records::QuoteStep;
use serde_json::Value as Json;

use super::failure;
use super::form::csrf;
use crate::UiState;
use crate::i18n::Tr;
use crate::page_error::PageResult;
use crate::viewer::Viewer;
use pelagic_http::document_response;

/// A kept document as the record page lists it.
pub struct DocItem {
    pub id: String,
    pub name: String,
    pub when: String,
    /// "Sent … to …", or empty while not sent.
    pub sent: String,
}

/// The sales-document panel of a record page.
pub struct DocPanel {
    /// (step, label) of the buttons that apply now, as the app says.
    pub steps: Vec<(String, String)>,
    /// The order made from this quote: (id, "Order SO-…" in the reader's language).
    pub order: Option<(String, String)>,
    /// (id, name) of the templates for this object.
    pub templates: Vec<(String, String)>,
    pub documents: Vec<DocItem>,
    /// One line per approval request: flow, status, decisions with comments.
    pub approvals: Vec<String>,
    /// The request waiting for the reader's decision on this record, if any.
    pub decide: Option<String>,
}

/// The panel for `object` `id`, or none when the object prints nothing.
pub async fn panel(
    s: &UiState,
    tr: &Tr,
    actor: &pelagic_core::access::Actor,
    object: &str,
    id: &RecordId,
) -> Option<DocPanel> {
    if !pelagic_app::documents::printable(object) {
        return None;
    }
    let users = s.app.user_names().await.unwrap_or_default();
    let name_of = |u: &str| users.get(u).cloned().unwrap_or_else(|| u.to_owned());
    let when = |t: chrono::DateTime<chrono::Utc>| crate::display::when(tr, &actor.time_zone, t);
    let templates = s
        .app
        .document_templates(Some(object))
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|t| {
            let name = if t.builtin {
                tr.t("standard-template")
            } else {
                t.name
            };
            (t.id, name)
        })
        .collect();
    let documents = s
        .app
        .documents(actor, object, id)
        .await
        .unwrap_or_default()
        .into_iter()
        .map(|d| DocItem {
            sent: match d.sent_at {
                Some(at) => tr.t2(
                    "document-sent-on",
                    [
                        ("when", &when(at)),
                        ("to", d.sent_to.as_deref().unwrap_or("—")),
                    ],
                ),
                None => String::new(),
            },
            when: format!("{} · {}", when(d.created_at), name_of(&d.created_by)),
            id: d.id,
            name: d.name,
        })
        .collect();
    let approvals = s
        .app
        .approval_trail(actor, object, id)
        .await
        .unwrap_or_default()
        .iter()
        .map(|r| {
            let decisions: Vec<String> = r["tasks"]
                .as_array()
                .map(|tasks| {
                    tasks
                        .iter()
                        .filter_map(|t| {
                            let d = t["decision"].as_str()?;
                            let who = name_of(t["user_id"].as_str().unwrap_or_default());
                            let comment = t["comment"].as_str().unwrap_or_default();
                            Some(format!(
                                "{who}: {} {comment}",
                                tr.t(&format!("approval-{d}"))
                            ))
                        })
                        .collect()
                })
                .unwrap_or_default();
            format!(
                "{} — {} {}",
                r["flow"].as_str().unwrap_or_default(),
                tr.t(&format!(
                    "approval-{}",
                    r["status"].as_str().unwrap_or("pending")
                )),
                decisions.join(" · ")
            )
        })
        .collect();
    let decide = s
        .app
        .approvals_waiting(actor)
        .await
        .unwrap_or_default()
        .iter()
        .find(|r| r["object"].as_str() == Some(object) && r["record_id"].as_str() == Some(id))
        .and_then(|r| r["id"].as_str().map(str::to_owned));
    let next = s
        .app
        .records(actor)
        .next_steps(object, id)
        .await
        .unwrap_or_default();
    Some(DocPanel {
        steps: next
            .steps
            .iter()
            .map(|st| ((*st).to_owned(), tr.t(&format!("step-{st}"))))
            .collect(),
        order: next
            .order
            .map(|(id, number)| (id, tr.t1("order-made-from", "number", &number))),
        templates,
        documents,
        approvals,
        decide,
    })
}

/// Takes a step; a revision or a new order opens the record it made.
pub async fn take_step(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id, step)): Path<(ObjectName, RecordId, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let records = s.app.records(&v.actor);
    let done = match step.as_str() {
        "submit" => records.submit(&object, &id).await,
        "revise" if object == "quote" => records.revise_quote(&id).await,
        "order" => records.order_from(&object, &id).await,
        other => match (object.as_str(), QuoteStep::parse(other)) {
            ("quote", Some(st)) => records.quote_step(&id, st).await,
            _ => Err(AppError::NotFound(format!("no step '{other}'"))),
        },
    };
    Ok(match done {
        Ok(r) => {
            let made = matches!(step.as_str(), "revise" | "order");
            let target = if step == "order" { "order" } else { &object };
            let to = match r.get("id").and_then(Json::as_str) {
                Some(new) if made => format!("/o/{target}/{new}"),
                _ => format!("/o/{object}/{id}"),
            };
            Redirect::to(&to).into_response()
        }
        Err(
            e @ (AppError::Said(_)
            | AppError::Conflict(_)
            | AppError::Invalid(_)
            | AppError::Forbidden(_)),
        ) => {
            let message = match (&e, s.app.snapshot().await) {
                (AppError::Said(said), Ok(snap)) => {
                    crate::errors::said_in(&v.tr, said, Some(&snap.schema))
                }
                _ => crate::errors::say(&v.tr, &e),
            };
            super::record::draw(
                &s,
                &v,
                object,
                id,
                Some(super::record::Refusal::Step(message)),
            )
            .await?
        }
        Err(e) => failure(&v.tr, e),
    })
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct PrintQuery {
    pub template: Option<String>,
    pub format: Option<String>,
}

async fn deliver(tr: &Tr, name: &str, html: String, format: Option<&str>) -> Response {
    if format == Some("pdf") {
        match pelagic_app::documents::pdf::html_to_pdf(&html).await {
            Ok(pdf) => document_response(name, pdf, true),
            Err(e) => failure(tr, e),
        }
    } else {
        document_response(name, html.into_bytes(), false)
    }
}

/// The record printed with a template, as HTML or PDF.
pub async fn print(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Query(q): Query<PrintQuery>,
) -> Response {
    let words = v.tr.document_words();
    let template = q.template.as_deref().filter(|t| !t.is_empty());
    match s
        .app
        .render_document(&v.actor, &object, &id, template, &words)
        .await
    {
        Ok((name, html)) => deliver(&v.tr, &name, html, q.format.as_deref()).await,
        Err(e) => failure(&v.tr, e),
    }
}

/// Keeps a copy of the record printed with the chosen template.
pub async fn keep(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let template = pairs
        .iter()
        .find(|(k, v)| k == "template" && !v.is_empty())
        .map(|(_, t)| t.as_str());
    let words = v.tr.document_words();
    Ok(
        match s
            .app
            .generate_document(&v.actor, &object, &id, template, &words)
            .await
        {
            Ok(_) => Redirect::to(&format!("/o/{object}/{id}#documents-h")).into_response(),
            Err(e) => failure(&v.tr, e),
        },
    )
}

/// A kept document, as generated (`?format=pdf` prints it).
pub async fn open(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Query(q): Query<PrintQuery>,
) -> Response {
    match s.app.document(&v.actor, &id).await {
        Ok((d, html)) => deliver(&v.tr, &d.name, html, q.format.as_deref()).await,
        Err(e) => failure(&v.tr, e),
    }
}

/// Marks a kept document as sent to the customer.
pub async fn sent(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let to = pairs
        .iter()
        .find(|(k, v)| k == "to" && !v.trim().is_empty())
        .map(|(_, t)| t.trim());
    Ok(match s.app.send_document(&v.actor, &id, to).await {
        Ok(d) => {
            Redirect::to(&format!("/o/{}/{}#documents-h", d.object, d.record_id)).into_response()
        }
        Err(e) => failure(&v.tr, e),
    })
}
