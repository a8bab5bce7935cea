//! The recycle bin and record history.

use std::collections::HashMap;

use axum::Json;
use axum::extract::{Query, State};
use axum::http::StatusCode;
use pelagic_core::ids::{ObjectName, RecordId};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, Path};

pub async fn list(
    State(s): State<AppState>,
    Auth(a): Auth,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let data = s
        .app
        .records(&a.actor)
        .recycle_bin(q.get("object").map(String::as_str))
        .await?;
    Ok(Json(json!({ "data": data })))
}

pub async fn restore(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    let record = s.app.records(&a.actor).restore(&object, &id).await?;
    Ok(Json(Value::Object(record)))
}

pub async fn purge(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<StatusCode> {
    s.app.records(&a.actor).purge(&object, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn history(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    let data = s.app.records(&a.actor).history(&object, &id).await?;
    Ok(Json(json!({ "data": data })))
}

pub async fn revert(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id, entry)): Path<(ObjectName, RecordId, String)>,
) -> ApiResult<Json<Value>> {
    let record = s.app.records(&a.actor).revert(&object, &id, &entry).await?;
    Ok(Json(Value::Object(record)))
}
