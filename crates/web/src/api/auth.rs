//! Signing in and out, the caller's own account and API tokens.

use axum::Json;

use axum::extract::{Path, State};
use axum::http::StatusCode;
use pelagic_http::edge::ClientInfo;
use serde::Deserialize;
use serde_json::{Value, json};

use axum::http::HeaderMap;
use pelagic_app::auth::Client;
use pelagic_app::ids::csrf_token;

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody};
use pelagic_http::session;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LoginBody {
    email: String,
    password: String,
}

pub async fn login(
    State(s): State<AppState>,
    peer: ClientInfo,
    headers: HeaderMap,
    JsonBody(b): JsonBody<LoginBody>,
) -> ApiResult<(HeaderMap, Json<Value>)> {
    let address = peer.address_text();
    let client = Client {
        address: Some(&address),
        previous_session: session::cookie(&headers, session::SESSION_COOKIE),
    };
    let login = s.app.login(&b.email, &b.password, client).await?;
    let csrf = csrf_token(&login.token);
    let cookies = session::session_cookies(peer.https, Some((&login.token, &csrf)));
    Ok((
        cookies,
        Json(json!({ "token": login.token, "csrf_token": csrf, "user": login.user })),
    ))
}

pub async fn logout(
    State(s): State<AppState>,
    peer: ClientInfo,
    Auth(a): Auth,
) -> ApiResult<(StatusCode, HeaderMap)> {
    s.app.logout(&a, Some(&peer.address_text())).await?;
    Ok((
        StatusCode::NO_CONTENT,
        session::session_cookies(peer.https, None),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PasswordBody {
    current_password: String,
    new_password: String,
}

/// `POST /me/password`: every other session and token of the user ends.
pub async fn change_password(
    State(s): State<AppState>,
    peer: ClientInfo,
    Auth(a): Auth,
    JsonBody(b): JsonBody<PasswordBody>,
) -> ApiResult<StatusCode> {
    let client = peer.address_text();
    s.app
        .change_password(&a, &b.current_password, &b.new_password, Some(&client))
        .await?;
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
