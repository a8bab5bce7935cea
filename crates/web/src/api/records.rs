//! Records of any object: create, read, update, delete, list, query and batch create.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use axum::response::IntoResponse;
use pelagic_app::{ListRequest, Page};
use pelagic_core::filter::Filter;
use pelagic_core::ids::{ObjectName, RecordId};
use pelagic_core::plan::parse_sort_param;
use serde::Deserialize;
use serde_json::Value;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::{Auth, JsonBody, Path};

/// Most query-string parameters one list request may carry.
const MAX_PARAMS: usize = 100;

#[derive(serde::Serialize)]
pub struct PageOut {
    data: Vec<pelagic_app::records::Record>,
    next_cursor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    total: Option<i64>,
}

pub(crate) fn page_json(p: Page) -> Json<PageOut> {
    Json(PageOut {
        data: p.data,
        next_cursor: p.next_cursor,
        total: p.total,
    })
}

fn limit_of(text: &str) -> ApiResult<i64> {
    text.trim()
        .parse::<i64>()
        .map_err(|_| ApiError::invalid("limit must be a whole number between 1 and 500"))
}

/// Reads `field=value`, `field[op]=value`, `q`, `sort`, `limit`, `cursor` and `count`.
pub(crate) fn list_request(raw: Option<&str>) -> ApiResult<ListRequest> {
    let mut req = ListRequest::default();
    let mut conditions = Vec::new();
    for (n, (key, value)) in form_urlencoded::parse(raw.unwrap_or_default().as_bytes()).enumerate()
    {
        if n >= MAX_PARAMS {
            return Err(ApiError::invalid(format!(
                "at most {MAX_PARAMS} query parameters"
            )));
        }
        match key.as_ref() {
            "q" => req.q = Some(value.into_owned()),
            "sort" => req.sort = parse_sort_param(&value),
            "limit" => req.limit = Some(limit_of(&value)?),
            "cursor" => req.cursor = Some(value.into_owned()),
            "count" => {
                req.count = match value.as_ref() {
                    "true" | "1" => true,
                    "false" | "0" => false,
                    _ => return Err(ApiError::invalid("count is true or false")),
                }
            }
            _ => conditions
                .push(Filter::from_query_param(&key, &value).map_err(pelagic_app::AppError::from)?),
        }
    }
    if !conditions.is_empty() {
        req.filter = Some(Filter::And(conditions));
    }
    Ok(req)
}

pub async fn list(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<PageOut>> {
    let req = list_request(raw.as_deref())?;
    Ok(page_json(
        s.app.records(&a.actor).list(&object, &req).await?,
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SortKey {
    field: String,
    #[serde(default)]
    dir: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct QueryBody {
    #[serde(default)]
    filter: Option<Value>,
    #[serde(default)]
    sort: Vec<SortKey>,
    #[serde(default)]
    q: Option<String>,
    #[serde(default)]
    limit: Option<i64>,
    #[serde(default)]
    cursor: Option<String>,
    #[serde(default)]
    count: bool,
}

pub async fn query(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    JsonBody(b): JsonBody<QueryBody>,
) -> ApiResult<Json<PageOut>> {
    let filter = match &b.filter {
        None | Some(Value::Null) => None,
        Some(f) => Some(Filter::from_json(f).map_err(pelagic_app::AppError::from)?),
    };
    let sort = b
        .sort
        .into_iter()
        .map(|k| match k.dir.as_deref() {
            None | Some("asc") => Ok((k.field, false)),
            Some("desc") => Ok((k.field, true)),
            Some(other) => Err(ApiError::invalid(format!(
                "sort dir is \"asc\" or \"desc\", not \"{other}\""
            ))),
        })
        .collect::<ApiResult<Vec<_>>>()?;
    let req = ListRequest {
        filter,
        sort,
        q: b.q,
        limit: b.limit,
        cursor: b.cursor,
        count: b.count,
        count_cap: None,
    };
    Ok(page_json(
        s.app.records(&a.actor).list(&object, &req).await?,
    ))
}

pub async fn create(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    JsonBody(body): JsonBody<Value>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let record = s.app.records(&a.actor).create(&object, &body).await?;
    Ok((StatusCode::CREATED, Json(Value::Object(record))))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BatchBody {
    records: Vec<Value>,
}

#[derive(serde::Serialize)]
struct DataOut<'a, T: serde::Serialize> {
    data: &'a T,
}

pub async fn batch(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    JsonBody(b): JsonBody<BatchBody>,
) -> ApiResult<axum::response::Response> {
    let created = s
        .app
        .records(&a.actor)
        .create_batch(&object, &b.records)
        .await?;
    // Serialised straight from the records: `json!` would first copy every one of them.
    Ok((StatusCode::CREATED, Json(DataOut { data: &created })).into_response())
}

pub async fn get(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    Ok(Json(Value::Object(
        s.app.records(&a.actor).get(&object, &id).await?,
    )))
}

pub async fn update(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    JsonBody(body): JsonBody<Value>,
) -> ApiResult<Json<Value>> {
    Ok(Json(Value::Object(
        s.app.records(&a.actor).update(&object, &id, &body).await?,
    )))
}

pub async fn delete(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<StatusCode> {
    s.app.records(&a.actor).delete(&object, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TransferBody {
    #[serde(default)]
    ids: Option<Vec<String>>,
    #[serde(default)]
    filter: Option<Value>,
    owner_id: String,
    #[serde(default)]
    related: bool,
}

/// `POST /records/{object}/transfer`: records chosen by id or filter to a new owner.
pub async fn transfer(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    JsonBody(b): JsonBody<TransferBody>,
) -> ApiResult<Json<Value>> {
    let filter = match &b.filter {
        None | Some(Value::Null) => None,
        Some(f) => Some(Filter::from_json(f).map_err(pelagic_app::AppError::from)?),
    };
    let req = pelagic_app::records::TransferRequest {
        ids: b.ids,
        filter,
        owner_id: b.owner_id,
        related: b.related,
    };
    let moved = s.app.records(&a.actor).transfer(&object, &req).await?;
    Ok(Json(serde_json::json!({ "transferred": moved })))
}

/// `GET /records/{object}/export`: the list's records as CSV (UTF-8 with a byte-order mark, so
/// that spreadsheets read Chinese and Cyrillic right), with the list's filters, `q` and sort.
pub async fn export(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    RawQuery(raw): RawQuery,
) -> ApiResult<impl IntoResponse> {
    let req = list_request(raw.as_deref())?;
    let bytes = s.app.records(&a.actor).export_csv(&object, &req).await?;
    let disposition = format!("attachment; filename=\"{object}.csv\"");
    Ok((
        [
            (
                axum::http::header::CONTENT_TYPE,
                "text/csv; charset=utf-8".to_owned(),
            ),
            (axum::http::header::CONTENT_DISPOSITION, disposition),
        ],
        bytes,
    ))
}

/// Converts a lead into an account, a contact and optionally a deal.
pub async fn convert(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    JsonBody(b): JsonBody<pelagic_app::records::ConvertRequest>,
) -> ApiResult<Json<Value>> {
    if object != "lead" {
        return Err(ApiError::invalid("only leads are converted"));
    }
    let done = s.app.records(&a.actor).convert_lead(&id, &b).await?;
    Ok(Json(serde_json::json!(done)))
}

/// Follow-ups, tasks and changes of a record (and of what belongs to it), newest first.
pub async fn timeline(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    let data = s.app.records(&a.actor).timeline(&object, &id).await?;
    Ok(Json(serde_json::json!({ "data": data })))
}
