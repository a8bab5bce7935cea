//! Printable documents: templates (listed by everyone, written by administrators and
//! managers, tried on a record before saving), a record printed to HTML or PDF, documents kept
//! with their records, and marking one as sent to the customer.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use axum::response::Response;
use pelagic_core::ids::{ObjectName, RecordId};
use serde::Deserialize;
use serde_json::{Value, json};

use pelagic_app::documents::{DocumentView, TemplateChange, TemplateView};
use pelagic_http::i18n::Tr;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::{Auth, JsonBody, Params, Path};

fn words(a: &Auth) -> Value {
    Tr::new(&a.0.actor.locale).document_words()
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Format {
    /// `html` (the default) or `pdf`.
    pub format: Option<String>,
    pub template: Option<String>,
}

/// A document as HTML or as a PDF download.
async fn deliver(name: &str, html: String, format: Option<&str>) -> ApiResult<Response> {
    let pdf = match format.unwrap_or("html") {
        "html" => false,
        "pdf" => true,
        other => {
            return Err(ApiError::invalid(format!(
                "format: html or pdf, not '{other}'"
            )));
        }
    };
    let body = if pdf {
        pelagic_app::documents::pdf::html_to_pdf(&html).await?
    } else {
        html.into_bytes()
    };
    Ok(pelagic_http::document_response(name, body, pdf))
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ObjectParam {
    pub object: Option<String>,
}

/// What a template of `?object=` may name, as the caller (its author-to-be) may read it.
pub async fn merge_fields(
    State(s): State<AppState>,
    Auth(a): Auth,
    Params(q): Params<ObjectParam>,
) -> ApiResult<Json<Value>> {
    let object = q
        .object
        .ok_or_else(|| ApiError::invalid("object: quote, order or contract"))?;
    let data = s.app.merge_field_guide(&a.actor, &object).await?;
    Ok(Json(json!({ "data": data })))
}

pub async fn templates(
    State(s): State<AppState>,
    Auth(_): Auth,
    Params(q): Params<ObjectParam>,
) -> ApiResult<Json<Value>> {
    let data = s.app.document_templates(q.object.as_deref()).await?;
    Ok(Json(json!({ "data": data })))
}

pub async fn template(
    State(s): State<AppState>,
    Auth(_): Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<TemplateView>> {
    Ok(Json(s.app.document_template(&id).await?))
}

pub async fn create_template(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<TemplateChange>,
) -> ApiResult<(StatusCode, Json<TemplateView>)> {
    let t = s.app.save_document_template(&a.actor, None, b).await?;
    Ok((StatusCode::CREATED, Json(t)))
}

pub async fn update_template(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<TemplateChange>,
) -> ApiResult<Json<TemplateView>> {
    Ok(Json(
        s.app.save_document_template(&a.actor, Some(&id), b).await?,
    ))
}

pub async fn delete_template(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app.delete_document_template(&a.actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Preview {
    pub object: String,
    pub record_id: String,
    pub body: String,
}

/// A template being written, tried on a record.
pub async fn preview(
    State(s): State<AppState>,
    a: Auth,
    JsonBody(b): JsonBody<Preview>,
) -> ApiResult<Response> {
    let html = s
        .app
        .preview_template(&a.0.actor, &b.object, &b.record_id, &b.body, &words(&a))
        .await?;
    deliver("preview", html, Some("html")).await
}

/// A record printed with a template (`?template=`, Pelagic's own by default), as HTML or PDF.
pub async fn print(
    State(s): State<AppState>,
    a: Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    Params(q): Params<Format>,
) -> ApiResult<Response> {
    let (name, html) = s
        .app
        .render_document(&a.0.actor, &object, &id, q.template.as_deref(), &words(&a))
        .await?;
    deliver(&name, html, q.format.as_deref()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Generate {
    pub template_id: Option<String>,
}

pub async fn generate(
    State(s): State<AppState>,
    a: Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    JsonBody(b): JsonBody<Generate>,
) -> ApiResult<(StatusCode, Json<DocumentView>)> {
    let d = s
        .app
        .generate_document(
            &a.0.actor,
            &object,
            &id,
            b.template_id.as_deref(),
            &words(&a),
        )
        .await?;
    Ok((StatusCode::CREATED, Json(d)))
}

pub async fn documents(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    let data = s.app.documents(&a.actor, &object, &id).await?;
    Ok(Json(json!({ "data": data })))
}

/// A kept document's content, as it was generated (`?format=pdf` prints it).
pub async fn content(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    Params(q): Params<Format>,
) -> ApiResult<Response> {
    let (d, html) = s.app.document(&a.actor, &id).await?;
    deliver(&d.name, html, q.format.as_deref()).await
}

#[derive(Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Send {
    /// Whom it went to (an address, a name).
    pub to: Option<String>,
}

pub async fn send(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<Send>,
) -> ApiResult<Json<DocumentView>> {
    Ok(Json(
        s.app.send_document(&a.actor, &id, b.to.as_deref()).await?,
    ))
}
