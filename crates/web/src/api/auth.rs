//! Signing in and out, the caller's own account and API tokens.

use axum::Json;
use std::net::SocketAddr;

use axum::extract::{ConnectInfo, Path, State};
use axum::http::StatusCode;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    email: String,
    password: String,
}

pub async fn login(
    State(s): State<AppState>,
    ConnectInfo(peer): ConnectInfo<SocketAddr>,
    JsonBody(b): JsonBody<LoginBody>,
) -> ApiResult<Json<Value>> {
    let client = peer.ip().to_string();
    let login = s.app.login(&b.email, &b.password, Some(&client)).await?;
    Ok(Json(json!({ "token": login.token, "user": login.user })))
}

pub async fn logout(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<StatusCode> {
    s.app.revoke_token(&a.actor, &a.token_id).await?;
    Ok(StatusCode::NO_CONTENT)
}

pub async fn me(Auth(a): Auth) -> Json<Value> {
    let actor = a.actor;
    Json(
        json!({ "id": actor.user_id, "name": actor.name, "role": actor.role, "time_zone": actor.time_zone }),
    )
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TokenBody {
    name: String,
}

pub async fn create_token(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<TokenBody>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let t = s.app.create_api_token(&a.actor, &b.name).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "id": t.id, "token": t.token })),
    ))
}

pub async fn delete_token(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
) -> ApiResult<StatusCode> {
    s.app.revoke_token(&a.actor, &id).await?;
    Ok(StatusCode::NO_CONTENT)
}
