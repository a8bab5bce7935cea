//! The line editor of a quote's or an order's page: its lines with their amounts, a row to add
//! one (a product from the catalogue, whose price, unit and tax Pelagic fills in, or free text
//! with a price), and the document's totals as Pelagic works them out after every change.

use axum::Form;
use axum::extract::State;
use pelagic_core::ids::{ObjectName, RecordId};

use crate::path::Path;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::{AppError, ListRequest};
use pelagic_core::behaviour::Part;
use pelagic_core::filter::Filter;
use pelagic_core::meta::{ObjectDef, Schema};
use serde_json::{Map, Value as Json, json};

use super::failure;
use crate::UiState;
use crate::display::{self, Context};
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// The fields a line row shows, in order.
const COLUMNS: [&str; 7] = [
    "description",
    "quantity",
    "unit",
    "unit_price",
    "discount_percent",
    "tax_rate",
    "total",
];

/// The fields the add row takes.
const INPUTS: [&str; 6] = [
    "product_id",
    "description",
    "quantity",
    "unit_price",
    "discount_percent",
    "tax_rate",
];

/// The document's totals, in order.
const TOTALS: [&str; 4] = ["subtotal", "discount_amount", "tax_amount", "total"];

pub struct LineRow {
    pub id: String,
    pub cells: Vec<Cell>,
}

/// One column of a line: its value as shown, and as typed when the line can be changed here.
pub struct Cell {
    pub name: String,
    pub shown: String,
    pub raw: Option<String>,
}

/// The fields a line's row lets the viewer change in place.
const IN_PLACE: [&str; 5] = [
    "description",
    "quantity",
    "unit_price",
    "discount_percent",
    "tax_rate",
];

pub struct LineEditor {
    /// (name, label) of the columns.
    pub columns: Vec<(String, String)>,
    pub rows: Vec<LineRow>,
    /// (label, value) of the document's totals.
    pub totals: Vec<(String, String)>,
    /// (id, name) of the active products; empty when the viewer may not add lines.
    pub products: Vec<(String, String)>,
    /// (field, label) of the add row's inputs.
    pub inputs: Vec<(String, String)>,
    pub currency: String,
    /// Lines can be added, changed and removed now.
    pub may_add: bool,
    /// What was typed into the add row when the line was refused, to show it again.
    pub typed: Vec<(String, String)>,
}

impl LineEditor {
    /// The add row's input `name` as typed before a refusal; empty otherwise.
    pub fn typed(&self, name: &str) -> &str {
        self.typed
            .iter()
            .find(|(k, _)| k == name)
            .map_or("", |(_, v)| v.as_str())
    }
}

/// A line refused: why, and what was typed into the add row (empty for a change in place).
pub struct LineRefusal {
    pub message: String,
    pub typed: Vec<(String, String)>,
}

/// A decimal without the zeros its scale pads it with ("25.0000" → "25").
fn trimmed(record: &Map<String, Json>, field: &str) -> Map<String, Json> {
    let mut out = record.clone();
    if let Some(Json::String(n)) = out.get_mut(field)
        && n.contains('.')
    {
        *n = n.trim_end_matches('0').trim_end_matches('.').to_owned();
    }
    out
}

/// Whether `other` holds the lines of document `document` (its page shows them in the editor
/// rather than as a related list).
pub fn is_lines_of(document: &str, other: &ObjectDef) -> bool {
    other
        .behaviour
        .rolls_up_into
        .as_ref()
        .is_some_and(|r| r.object == document && r.part == Part::Line)
}

/// The lines' object of a document, and the field naming the document, as the metadata
/// declares them.
fn lines_of(schema: &Schema, object: &str) -> Option<(String, String)> {
    schema
        .parts_of(object, Part::Line)
        .next()
        .map(|(o, r)| (o.name.clone(), r.link.clone()))
}

/// The editor for document `object` `id`, or none when it has no lines or the viewer may not
/// read them.
pub async fn editor(
    s: &UiState,
    ctx: &Context<'_>,
    actor: &pelagic_core::access::Actor,
    object: &str,
    id: &str,
    record: &Map<String, Json>,
    add_lines: bool,
) -> Option<LineEditor> {
    let records = s.app.records(actor);
    let snap = s.app.snapshot().await.ok()?;
    let (line_object, link) = lines_of(&snap.schema, object)?;
    let (line_object, link) = (line_object.as_str(), link.as_str());
    let (doc, line) = (
        snap.schema.object(object).ok()?,
        snap.schema.object(line_object).ok()?,
    );
    let request = ListRequest {
        filter: Filter::from_json(&json!({"field": link, "op": "eq", "value": id})).ok(),
        sort: vec![("position".into(), false), ("created_at".into(), false)],
        limit: Some(200),
        ..ListRequest::default()
    };
    let lines = records.list(line_object, &request).await.ok()?;
    let columns: Vec<(String, String)> = COLUMNS
        .iter()
        .filter_map(|n| line.field(n))
        .map(|f| (f.name.to_string(), ctx.tr.field(line, f)))
        .collect();
    let creatable = records
        .editable_fields(line_object)
        .await
        .unwrap_or_default();
    // Whether the document takes lines now is the app's to say (`RecordActions::add_lines`).
    let may_add = add_lines && creatable.iter().any(|f| f == link);
    let in_place =
        |name: &str| may_add && IN_PLACE.contains(&name) && creatable.iter().any(|c| c == name);
    let rows = lines
        .data
        .iter()
        .map(|r| (r, trimmed(r, "quantity")))
        .map(|(r, shown)| LineRow {
            id: r
                .get("id")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned(),
            cells: columns
                .iter()
                .filter_map(|(n, _)| line.field(n))
                .map(|f| Cell {
                    name: f.name.to_string(),
                    shown: display::show(ctx, line, f, &shown),
                    raw: in_place(f.name.as_str()).then(|| match shown.get(f.name.as_str()) {
                        Some(Json::String(t)) => t.clone(),
                        Some(Json::Null) | None => String::new(),
                        Some(other) => other.to_string(),
                    }),
                })
                .collect(),
        })
        .collect();
    let totals = TOTALS
        .iter()
        .filter_map(|n| doc.field(n))
        .filter(|f| record.contains_key(f.name.as_str()))
        .map(|f| (ctx.tr.field(doc, f), display::show(ctx, doc, f, record)))
        .collect();
    let inputs = INPUTS
        .iter()
        .filter(|n| creatable.iter().any(|c| c == *n))
        .filter_map(|n| line.field(n))
        .map(|f| (f.name.to_string(), ctx.tr.field(line, f)))
        .collect();
    let products = if may_add {
        active_products(s, actor).await
    } else {
        Vec::new()
    };
    Some(LineEditor {
        columns,
        rows,
        totals,
        products,
        inputs,
        currency: record
            .get("currency")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned(),
        may_add,
        typed: Vec::new(),
    })
}

/// The catalogue's active products the viewer may read, by name.
async fn active_products(
    s: &UiState,
    actor: &pelagic_core::access::Actor,
) -> Vec<(String, String)> {
    let request = ListRequest {
        filter: Filter::from_json(&json!({"field": "active", "op": "eq", "value": true})).ok(),
        sort: vec![("name".into(), false)],
        limit: Some(500),
        ..ListRequest::default()
    };
    let Ok(found) = s.app.records(actor).list("product", &request).await else {
        return Vec::new();
    };
    found
        .data
        .iter()
        .map(|p| {
            let text = |k: &str| p.get(k).and_then(Json::as_str).unwrap_or_default();
            let name = match text("code") {
                "" => text("name").to_owned(),
                code => format!("{} · {code}", text("name")),
            };
            (text("id").to_owned(), name)
        })
        .collect()
}

/// Adds a line to the document, then shows its page again with the new totals.
pub async fn add(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(super::form::csrf(&pairs))?;
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let Some((line_object, link)) = lines_of(&snap.schema, &object) else {
        return Ok(failure(&v.tr, AppError::NotFound(object.to_string())));
    };
    let (line_object, link) = (line_object.as_str(), link.as_str());
    let Ok(line) = snap.schema.object(line_object) else {
        return Ok(failure(&v.tr, AppError::NotFound(line_object.into())));
    };
    let fields: Vec<String> = INPUTS.map(String::from).to_vec();
    let mut body = crate::form_values::body(line, &fields, &pairs, &v.actor.time_zone, false);
    body.insert(link.into(), json!(id));
    Ok(
        match s
            .app
            .records(&v.actor)
            .create(line_object, &Json::Object(body))
            .await
        {
            Ok(_) => Redirect::to(&format!("/o/{object}/{id}#lines-h")).into_response(),
            Err(e) => {
                let typed = pairs
                    .into_iter()
                    .filter(|(k, _)| INPUTS.contains(&k.as_str()))
                    .collect();
                refused(&s, &v, object, id, e, typed).await?
            }
        },
    )
}

/// The document's page again with why the line was refused, or the error page when the
/// document itself cannot be shown.
async fn refused(
    s: &UiState,
    v: &crate::viewer::Viewer,
    object: ObjectName,
    id: RecordId,
    e: AppError,
    typed: Vec<(String, String)>,
) -> PageResult {
    Ok(match e {
        AppError::Validation(_)
        | AppError::Invalid(_)
        | AppError::Conflict(_)
        | AppError::Said(_) => {
            let message = match (&e, s.app.snapshot().await) {
                (AppError::Said(said), Ok(snap)) => {
                    crate::errors::said_in(&v.tr, said, Some(&snap.schema))
                }
                _ => crate::errors::say(&v.tr, &e),
            };
            let refusal = LineRefusal { message, typed };
            super::record::draw(
                s,
                v,
                object,
                id,
                Some(super::record::Refusal::Line(refusal)),
            )
            .await?
        }
        other => failure(&v.tr, other),
    })
}

/// Changes a line in place (what its row's inputs hold; an emptied price stays as it was).
pub async fn change(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id, line_id)): Path<(ObjectName, RecordId, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(super::form::csrf(&pairs))?;
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let Some((line_object, _)) = lines_of(&snap.schema, &object) else {
        return Ok(failure(&v.tr, AppError::NotFound(object.to_string())));
    };
    let line_object = line_object.as_str();
    let Ok(line) = snap.schema.object(line_object) else {
        return Ok(failure(&v.tr, AppError::NotFound(line_object.into())));
    };
    let fields: Vec<String> = IN_PLACE
        .iter()
        .filter(|n| pairs.iter().any(|(k, _)| k == *n))
        .map(|n| (*n).to_owned())
        .collect();
    let mut body = crate::form_values::body(line, &fields, &pairs, &v.actor.time_zone, true);
    if body.get("unit_price").is_some_and(Json::is_null) {
        body.remove("unit_price");
    }
    Ok(
        match s
            .app
            .records(&v.actor)
            .update(line_object, &line_id, &Json::Object(body))
            .await
        {
            Ok(_) => Redirect::to(&format!("/o/{object}/{id}#lines-h")).into_response(),
            Err(e) => refused(&s, &v, object, id, e, Vec::new()).await?,
        },
    )
}

/// Removes a line (to the recycle bin, whence it can be restored with its amounts).
pub async fn remove(
    State(s): State<UiState>,
    v: Viewer,
    Path((object, id, line_id)): Path<(ObjectName, RecordId, RecordId)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(super::form::csrf(&pairs))?;
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let Some((line_object, _)) = lines_of(&snap.schema, &object) else {
        return Ok(failure(&v.tr, AppError::NotFound(object.to_string())));
    };
    Ok(
        match s.app.records(&v.actor).delete(&line_object, &line_id).await {
            Ok(()) => Redirect::to(&format!("/o/{object}/{id}#lines-h")).into_response(),
            Err(e) => refused(&s, &v, object, id, e, Vec::new()).await?,
        },
    )
}
