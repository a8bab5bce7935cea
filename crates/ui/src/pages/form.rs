//! Creating and editing a record with a form generated from the metadata. Validation messages come back next to their fields; a duplicate names
//! the record that is already there.

use std::collections::{BTreeMap, HashMap};

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use pelagic_core::ids::{ObjectName, RecordId};

use crate::path::Path;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect};
use pelagic_app::records::Record;
use pelagic_app::{AppError, ListRequest};
use pelagic_core::kind::FieldKind;
use serde_json::{Map, Value as Json};

use super::{Page, failure, html};
use crate::UiState;
use crate::display;
use crate::form_values;
use crate::inputs::{Choices, Input, inputs};
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// Linked records a form offers at most, per target.
const MAX_CHOICES: i64 = 200;

#[derive(Template)]
#[template(path = "form.html")]
struct FormPage {
    page: Page,
    object: String,
    object_label: String,
    heading: String,
    action: String,
    cancel: String,
    inputs: Vec<Input>,
    error: Option<String>,
    /// (message, link to the existing record)
    duplicate: Option<(String, String)>,
}

/// What went wrong with a submission, to draw again.
#[derive(Default)]
struct Refusal {
    fields: BTreeMap<String, String>,
    general: Option<String>,
    duplicate: Option<(String, String)>,
}

async fn draw(
    s: &UiState,
    v: &Viewer,
    object: &str,
    id: Option<&str>,
    record: &Map<String, Json>,
    refusal: Refusal,
) -> PageResult {
    let records = s.app.records(&v.actor);
    let (snap, mut fields) = match (
        s.app.snapshot().await,
        records.editable_fields(object).await,
    ) {
        (Ok(snap), Ok(fields)) => (snap, fields),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let Ok(obj) = snap.schema.object(object) else {
        return Ok(failure(&v.tr, AppError::NotFound(object.to_owned())));
    };
    // The owner, when the user may choose one, comes after the record's own fields.
    fields.sort_by_key(|f| f == "owner_id");
    let mut choices = Choices {
        records: HashMap::new(),
        users: {
            let mut users: Vec<(String, String)> = s
                .app
                .user_names()
                .await
                .unwrap_or_default()
                .into_iter()
                .collect();
            users.sort_by(|a, b| a.1.cmp(&b.1));
            users
        },
        default_currency: snap.input.default_currency.clone(),
        duplicate_fields: snap
            .duplicates
            .of(object)
            .iter()
            .map(|r| r.field.clone())
            .collect(),
        title_fields: snap
            .schema
            .objects
            .values()
            .filter_map(|o| Some((o.name.clone(), display::title_field(o)?.name.to_string())))
            .collect(),
    };
    // The records linked now stay offered even when they are not among the first choices.
    let linked = super::columns::linked_titles(s, v, obj, std::slice::from_ref(record)).await;
    for f in obj
        .fields
        .iter()
        .filter(|f| fields.iter().any(|n| f.name == *n))
    {
        let Some(target) = f.target.as_ref().and_then(|t| snap.schema.object(t).ok()) else {
            continue;
        };
        let title = display::title_field(target).map(|t| t.name.to_string());
        let req = ListRequest {
            sort: title.into_iter().map(|t| (t, false)).collect(),
            limit: Some(MAX_CHOICES),
            ..ListRequest::default()
        };
        if let Ok(p) = records.list(&target.name, &req).await {
            let mut options: Vec<(String, String)> = p
                .data
                .iter()
                .map(|r| {
                    (
                        r.get("id")
                            .and_then(Json::as_str)
                            .unwrap_or_default()
                            .to_owned(),
                        display::title(&v.tr, target, r),
                    )
                })
                .collect();
            if let Some(Json::String(current)) = record.get(f.name.as_str())
                && !options.iter().any(|(id, _)| id == current)
                && let Some(title) = linked.get(current)
            {
                options.insert(0, (current.clone(), title.clone()));
            }
            choices.records.insert(target.name.clone(), options);
        }
    }
    let page = Page::new(s, v, object).await?;
    let status =
        if refusal.fields.is_empty() && refusal.general.is_none() && refusal.duplicate.is_none() {
            StatusCode::OK
        } else if refusal.duplicate.is_some() {
            StatusCode::CONFLICT
        } else {
            StatusCode::UNPROCESSABLE_ENTITY
        };
    let (heading, action, cancel) = match id {
        Some(id) => (
            display::title(&v.tr, obj, record),
            format!("/o/{object}/{id}/edit"),
            format!("/o/{object}/{id}"),
        ),
        None => (
            v.tr.t1("new-record", "object", &v.tr.object(obj)),
            format!("/o/{object}/new"),
            format!("/o/{object}"),
        ),
    };
    let error = refusal
        .general
        .or_else(|| (!refusal.fields.is_empty()).then(|| v.tr.t("fix-errors")));
    let form = FormPage {
        object_label: v.tr.object_plural(obj),
        inputs: inputs(
            &v.tr,
            obj,
            &fields,
            record,
            &refusal.fields,
            &choices,
            &v.actor.time_zone,
        ),
        object: object.to_owned(),
        heading,
        action,
        cancel,
        error,
        duplicate: refusal.duplicate,
        page,
    };
    Ok(html(status, &form))
}

/// An empty form; query parameters fill fields in (`?account_id=…` from an account's page).
pub async fn new(
    State(s): State<UiState>,
    v: Viewer,
    Path(object): Path<ObjectName>,
    Query(given): Query<HashMap<String, String>>,
) -> PageResult {
    let mut filled: Map<String, Json> = given
        .into_iter()
        .map(|(k, v)| (k, Json::String(v)))
        .collect();
    in_parent_currency(&s, &v, &object, &mut filled).await;
    draw(&s, &v, &object, None, &filled, Refusal::default()).await
}

/// A record made under another one (an instalment under an order, a refund under a payment)
/// offers its amounts in that record's currency rather than the company's.
async fn in_parent_currency(s: &UiState, v: &Viewer, object: &str, filled: &mut Map<String, Json>) {
    let Ok(snap) = s.app.snapshot().await else {
        return;
    };
    let Ok(obj) = snap.schema.object(object) else {
        return;
    };
    let records = s.app.records(&v.actor);
    let mut currency = None;
    for f in obj.fields.iter().filter(|f| f.kind == FieldKind::Lookup) {
        let (Some(target), Some(id)) = (
            &f.target,
            filled.get(f.name.as_str()).and_then(Json::as_str),
        ) else {
            continue;
        };
        let Ok(id) = crate::path::record_id(id) else {
            continue;
        };
        let Ok(parent) = records.get(target, &id).await else {
            continue;
        };
        // The parent's own currency, else the currency of its first amount.
        currency = parent
            .get("currency")
            .or_else(|| {
                parent
                    .iter()
                    .find(|(k, _)| k.ends_with("_currency"))
                    .map(|(_, v)| v)
            })
            .and_then(Json::as_str)
            .map(str::to_owned);
        if currency.is_some() {
            break;
        }
    }
    let Some(currency) = currency else { return };
    for f in obj.fields.iter().filter(|f| f.kind == FieldKind::Money) {
        filled
            .entry(format!("{}_currency", f.name))
            .or_insert_with(|| Json::String(currency.clone()));
    }
}

pub async fn edit(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> PageResult {
    Ok(match s.app.records(&v.actor).get(&object, &id).await {
        Ok(record) => draw(&s, &v, &object, Some(&id), &record, Refusal::default()).await?,
        Err(e) => failure(&v.tr, e),
    })
}

pub async fn create(
    State(s): State<UiState>,
    headers: HeaderMap,
    Path(object): Path<ObjectName>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    save(s, headers, object, None, pairs).await
}

pub async fn update(
    State(s): State<UiState>,
    headers: HeaderMap,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    save(s, headers, object, Some(id), pairs).await
}

pub(super) fn csrf(pairs: &[(String, String)]) -> Option<&str> {
    pairs
        .iter()
        .find(|(k, _)| k == "_csrf")
        .map(|(_, v)| v.as_str())
}

async fn save(
    s: UiState,
    headers: HeaderMap,
    object: ObjectName,
    id: Option<RecordId>,
    pairs: Vec<(String, String)>,
) -> PageResult {
    let v = crate::viewer::viewer(&s, &headers).await?;
    v.check_form(csrf(&pairs))?;
    let records = s.app.records(&v.actor);
    let (snap, fields) = match (
        s.app.snapshot().await,
        records.editable_fields(&object).await,
    ) {
        (Ok(snap), Ok(fields)) => (snap, fields),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let Ok(obj) = snap.schema.object(&object) else {
        return Ok(failure(&v.tr, AppError::NotFound(object.to_string())));
    };
    let body = form_values::body(obj, &fields, &pairs, &v.actor.time_zone, id.is_some());
    let result: Result<Record, AppError> = match &id {
        Some(id) => {
            records
                .update(&object, id, &Json::Object(body.clone()))
                .await
        }
        None => records.create(&object, &Json::Object(body.clone())).await,
    };
    let refusal = match result {
        Ok(saved) => {
            let new_id = saved.get("id").and_then(Json::as_str).unwrap_or_default();
            return Ok(Redirect::to(&format!("/o/{object}/{new_id}")).into_response());
        }
        Err(AppError::Validation(fields)) => Refusal {
            fields: crate::errors::fields_in(&v.tr, &fields, None),
            ..Refusal::default()
        },
        Err(AppError::Duplicate(d)) => Refusal {
            duplicate: Some((
                v.tr.t1(
                    "duplicate-of",
                    "owner",
                    d.owner_name.as_deref().unwrap_or("?"),
                ),
                format!("/o/{}/{}", d.object, d.existing_id),
            )),
            fields: BTreeMap::from([(d.field.clone(), d.message.clone())]),
            ..Refusal::default()
        },
        Err(AppError::Forbidden(m) | AppError::Invalid(m) | AppError::Conflict(m)) => Refusal {
            general: Some(m),
            ..Refusal::default()
        },
        Err(e @ AppError::Said(_)) => {
            let field = match &e {
                AppError::Said(said) => said.field.clone(),
                _ => None,
            };
            let said = crate::errors::say(&v.tr, &e);
            match field {
                Some(f) => Refusal {
                    fields: BTreeMap::from([(f, said)]),
                    ..Refusal::default()
                },
                None => Refusal {
                    general: Some(said),
                    ..Refusal::default()
                },
            }
        }
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    // Draw the form again with what was typed, over the record as it is (an inline edit sends
    // one field; the others must not come back empty).
    let mut shown: Map<String, Json> = match &id {
        Some(id) => records.get(&object, id).await.unwrap_or_default(),
        None => Map::new(),
    };
    shown.extend(
        pairs
            .iter()
            .filter(|(k, _)| k != "_csrf")
            .map(|(k, val)| (k.clone(), Json::String(val.clone()))),
    );
    for (k, val) in &body {
        if val.is_array() || val.is_boolean() {
            shown.insert(k.clone(), val.clone());
        }
    }
    draw(&s, &v, &object, id.as_deref(), &shown, refusal).await
}
