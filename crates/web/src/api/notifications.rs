//! The signed-in user's notifications: list (optionally only unread), unread count, mark read.

use axum::Json;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, Params};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ListParams {
    #[serde(default)]
    unread: Option<bool>,
}

pub async fn list(
    State(s): State<AppState>,
    Auth(a): Auth,
    Params(p): Params<ListParams>,
) -> ApiResult<Json<Value>> {
    let data = s
        .app
        .notifications(&a.actor, p.unread.unwrap_or(false))
        .await?;
    let unread = s.app.unread_notifications(&a.actor).await?;
    Ok(Json(json!({ "data": data, "unread": unread })))
}

pub async fn read_one(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app.mark_notifications_read(&a.actor, Some(&id)).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn read_all(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    let n = s.app.mark_notifications_read(&a.actor, None).await?;
    Ok(Json(json!({ "marked": n })))
}
