//! Pools of leads and accounts: setting them up, what waits in them, claiming, assigning,
//! pushing by rule and releasing.

use axum::Json;
use axum::extract::{RawQuery, State};
use axum::http::StatusCode;
use pelagic_app::pools::{PoolChange, PoolView, Rule};
use pelagic_core::ids::RecordId;
use serde::Deserialize;
use serde_json::{Value, json};

use super::records::{PageOut, list_request, page_json};
use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody, Path};

pub async fn list(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    let pools: Vec<PoolView> = s
        .app
        .pools(&a.actor)
        .await?
        .iter()
        .map(PoolView::from)
        .collect();
    Ok(Json(json!({ "data": pools })))
}

pub async fn create(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<PoolChange>,
) -> ApiResult<(StatusCode, Json<PoolView>)> {
    let pool = s.app.create_pool(&a.actor, b).await?;
    Ok((StatusCode::CREATED, Json(PoolView::from(&pool))))
}

pub async fn get(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
) -> ApiResult<Json<PoolView>> {
    let pool = s.app.visible_pool(&a.actor, &id).await?;
    Ok(Json(PoolView::from(&pool)))
}

pub async fn update(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<PoolChange>,
) -> ApiResult<Json<PoolView>> {
    let pool = s.app.update_pool(&a.actor, &id, b).await?;
    Ok(Json(PoolView::from(&pool)))
}

pub async fn records(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    RawQuery(raw): RawQuery,
) -> ApiResult<Json<PageOut>> {
    let req = list_request(raw.as_deref())?;
    Ok(page_json(
        s.app.records(&a.actor).list_pool(&id, &req).await?,
    ))
}

pub async fn record(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((id, record)): Path<(String, RecordId)>,
) -> ApiResult<Json<Value>> {
    let r = s.app.records(&a.actor).get_in_pool(&id, &record).await?;
    Ok(Json(Value::Object(r)))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RecordRef {
    record_id: String,
}

pub async fn claim(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<RecordRef>,
) -> ApiResult<Json<Value>> {
    let r = s.app.records(&a.actor).claim(&id, &b.record_id).await?;
    Ok(Json(Value::Object(r)))
}

pub async fn release(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<RecordRef>,
) -> ApiResult<StatusCode> {
    s.app.records(&a.actor).release(&id, &b.record_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Assignment {
    record_ids: Vec<String>,
    user_id: String,
}

pub async fn assign(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<Assignment>,
) -> ApiResult<Json<Value>> {
    let n = s
        .app
        .records(&a.actor)
        .assign(&id, &b.record_ids, &b.user_id)
        .await?;
    Ok(Json(json!({ "assigned": n })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Push {
    rule: Rule,
    #[serde(default)]
    limit: Option<usize>,
}

pub async fn distribute(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<Push>,
) -> ApiResult<Json<Value>> {
    let d = s
        .app
        .records(&a.actor)
        .distribute(
            &id,
            b.rule,
            b.limit.unwrap_or(pelagic_app::pools::MAX_ASSIGN),
        )
        .await?;
    Ok(Json(json!(d)))
}
