//! Bulk actions from a list: the rows ticked, or every record the list's conditions match —
//! transfer to another owner, set a field, delete (a background job with a progress page), or
//! export as CSV (at once).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::http::header::{CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{IntoResponse, Redirect, Response};
use pelagic_app::bulk::{BulkAction, BulkRequest};
use pelagic_app::{AppError, ListRequest};
use pelagic_core::kind::FieldKind;
use serde_json::{Value as Json, json};

use super::form::csrf;
use super::list::BulkTyped;
use super::{Page, failure, html};
use crate::UiState;
use crate::conditions::Query as Conditions;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// The value typed for a field, as the API takes it: an option typed by its label in the
/// reader's language is that option, "yes"/"no" in that language a yes/no, and several options
/// are separated by commas. Text that is none of these is passed on as typed, so that the app
/// refuses it with the reason instead of the field being emptied.
fn typed_value(
    tr: &crate::i18n::Tr,
    obj: &pelagic_core::meta::ObjectDef,
    field: &str,
    text: &str,
    time_zone: &str,
) -> Json {
    let text = text.trim();
    let Some(f) = obj.field(field) else {
        return json!(text);
    };
    let option = |typed: &str| -> Json {
        f.options
            .iter()
            .find(|o| tr.option(obj, f, o).eq_ignore_ascii_case(typed) || o.as_str() == typed)
            .map_or_else(|| json!(typed), |o| json!(o))
    };
    match f.kind {
        FieldKind::Select if !text.is_empty() => return option(text),
        FieldKind::Boolean if !text.is_empty() => {
            let said = |word: &str| text.eq_ignore_ascii_case(word);
            return match () {
                _ if said(&tr.t("yes")) || ["true", "yes", "1"].into_iter().any(said) => {
                    json!(true)
                }
                _ if said(&tr.t("no")) || ["false", "no", "0"].into_iter().any(said) => {
                    json!(false)
                }
                _ => json!(text),
            };
        }
        FieldKind::Multiselect => {
            let items: Vec<Json> = text
                .split([',', '，', '、', ';', '；'])
                .map(str::trim)
                .filter(|t| !t.is_empty())
                .map(option)
                .collect();
            return Json::Array(items);
        }
        _ => {}
    }
    let pairs = [(field.to_owned(), text.to_owned())];
    crate::form_values::body(obj, &[field.to_owned()], &pairs, time_zone, true)
        .remove(field)
        .unwrap_or(Json::Null)
}

pub async fn submit(
    State(s): State<UiState>,
    v: Viewer,
    Path(object): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let (_, obj) = super::object_def(&s, &v.tr, &object).await?;
    let obj = obj.as_ref();
    let value = |key: &str| super::settings::value(&pairs, key);
    // The list's own conditions travel as `k.`-prefixed fields.
    let kept: Vec<(String, String)> = pairs
        .iter()
        .filter_map(|(k, val)| Some((k.strip_prefix("k.")?.to_owned(), val.clone())))
        .collect();
    let list = Conditions::from_pairs(&kept);
    let q = kept
        .iter()
        .find(|(k, _)| k == "q")
        .map(|(_, q)| q.clone())
        .filter(|q| !q.trim().is_empty());
    let every = value("all") == "1";
    let ids: Vec<String> = pairs
        .iter()
        .filter(|(k, _)| k == "id")
        .map(|(_, id)| id.clone())
        .collect();
    let nothing_ticked = !every && ids.is_empty();
    let typed = BulkTyped {
        action: value("action"),
        owner_id: value("owner_id"),
        field: value("field"),
        value: value("value"),
        every,
        ids: ids.clone(),
        reason: String::new(),
    };
    let (s, v, object) = (&s, &v, &object);
    let refuse = |reason: String| {
        let kept = kept.clone();
        let typed = BulkTyped {
            reason,
            ..typed.clone()
        };
        async move { super::list::render(s, v, object.clone(), kept, Some(typed)).await }
    };
    let (filter, ids) = if every {
        (list.filter_json(obj), None)
    } else {
        (None, Some(ids))
    };
    let action = match value("action").as_str() {
        "export" => return Ok(export(s, v, object, filter, q, ids, list.sort).await),
        "transfer" => BulkAction::Transfer {
            owner_id: value("owner_id"),
            related: value("related") == "true",
        },
        "update" => {
            let field = value("field");
            let typed = typed_value(&v.tr, obj, &field, &value("value"), &v.actor.time_zone);
            BulkAction::Update {
                field,
                value: typed,
            }
        }
        "delete" => BulkAction::Delete,
        other => {
            return Ok(failure(
                &v.tr,
                AppError::Invalid(format!("no bulk action '{other}'")),
            ));
        }
    };
    if nothing_ticked {
        return refuse(v.tr.t("bulk-choose-rows")).await;
    }
    let req = BulkRequest {
        action,
        ids,
        filter,
        q: if every { q } else { None },
    };
    Ok(match s.app.start_bulk(&v.actor, object, req).await {
        Ok(job) => {
            s.app.run_in_background(job.id.clone());
            Redirect::to(&format!("/jobs/{}", job.id)).into_response()
        }
        Err(e @ (AppError::NotFound(_) | AppError::Internal(_))) => failure(&v.tr, e),
        Err(e) => refuse(crate::errors::say(&v.tr, &e)).await?,
    })
}

/// The chosen rows, or everything the list matches, as a CSV download.
async fn export(
    s: &UiState,
    v: &crate::viewer::Viewer,
    object: &str,
    filter: Option<Json>,
    q: Option<String>,
    ids: Option<Vec<String>>,
    sort: Vec<(String, bool)>,
) -> Response {
    let filter = match ids {
        Some(ids) => Some(json!({"field": "id", "op": "in", "value": ids})),
        None => filter,
    };
    let filter = match filter.as_ref().map(pelagic_core::filter::Filter::from_json) {
        Some(Err(e)) => return failure(&v.tr, e.into()),
        Some(Ok(f)) => Some(f),
        None => None,
    };
    let req = ListRequest {
        filter,
        q,
        sort,
        ..ListRequest::default()
    };
    match s.app.records(&v.actor).export_csv(object, &req).await {
        Ok(bytes) => (
            [
                (CONTENT_TYPE, "text/csv; charset=utf-8".to_owned()),
                (
                    CONTENT_DISPOSITION,
                    format!("attachment; filename=\"{object}.csv\""),
                ),
            ],
            bytes,
        )
            .into_response(),
        Err(e) => failure(&v.tr, e),
    }
}

#[derive(Template)]
#[template(path = "job.html")]
struct JobPage {
    page: Page,
    object: String,
    title: String,
    running: bool,
    status: String,
    total: i64,
    handled: i64,
    summary: String,
    errors: Vec<String>,
}

pub async fn show(State(s): State<UiState>, v: Viewer, Path(id): Path<String>) -> PageResult {
    let job = match s.app.bulk_job(&v.actor, &id).await {
        Ok(j) => j,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let object_label = match s.app.snapshot().await {
        Ok(snap) => snap
            .schema
            .object(&job.object)
            .map(|o| v.tr.object_plural(o))
            .unwrap_or_else(|_| job.object.clone()),
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let page = Page::new(&s, &v, &job.object).await?;
    let running = matches!(job.status.as_str(), "queued" | "running");
    let summary = if job.total == 0 && running {
        v.tr.t("job-finding")
    } else {
        v.tr.t2(
            "job-progress",
            [
                (
                    "done",
                    &crate::format::number(v.tr.code, &job.done.to_string()),
                ),
                (
                    "total",
                    &crate::format::number(v.tr.code, &job.total.to_string()),
                ),
            ],
        )
    };
    Ok(html(
        StatusCode::OK,
        &JobPage {
            title: format!(
                "{} · {}",
                v.tr.t(&format!("bulk-{}", job.action)),
                object_label
            ),
            status: v.tr.t(&format!("job-{}", job.status)),
            handled: job.done + job.failed,
            total: job.total,
            errors: job.errors.clone(),
            summary,
            running,
            object: job.object,
            page,
        },
    ))
}
