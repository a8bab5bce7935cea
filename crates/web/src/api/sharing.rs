//! Project groups (administrators) and sharing records with users and groups.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pelagic_app::groups::GroupChange;
use pelagic_app::records::ShareInput;
use pelagic_core::ids::{ObjectName, RecordId};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody, Path};

pub async fn list_groups(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    let groups = s.app.groups(&a.actor).await?;
    Ok(Json(json!({ "data": groups })))
}

pub async fn create_group(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<GroupChange>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let group = s.app.create_group(&a.actor, b).await?;
    Ok((StatusCode::CREATED, Json(json!(group))))
}

pub async fn update_group(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<GroupChange>,
) -> ApiResult<Json<Value>> {
    let group = s.app.update_group(&a.actor, &id, b).await?;
    Ok(Json(json!(group)))
}

pub async fn list_shares(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    let shares = s.app.records(&a.actor).shares(&object, &id).await?;
    Ok(Json(json!({ "data": shares })))
}

pub async fn share(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
    JsonBody(b): JsonBody<ShareInput>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let share = s.app.records(&a.actor).share(&object, &id, &b).await?;
    Ok((StatusCode::CREATED, Json(share)))
}

pub async fn unshare(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id, share)): Path<(ObjectName, RecordId, String)>,
) -> ApiResult<StatusCode> {
    s.app
        .records(&a.actor)
        .unshare(&object, &id, &share)
        .await?;
    Ok(StatusCode::NO_CONTENT)
}
