//! Administration of the organisation and permissions: teams, users, roles, object scopes and
//! field access.

use std::collections::BTreeMap;

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pelagic_app::org::{TeamChange, TeamView, UserChange};
use pelagic_app::roles_admin::RoleView;
use pelagic_app::users::{NewUser, UserView};
use pelagic_core::ids::{FieldName, ObjectName};
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody, Path};

pub async fn list_teams(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    Ok(Json(json!({ "data": s.app.teams(&a.actor).await? })))
}

pub async fn create_team(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<TeamChange>,
) -> ApiResult<(StatusCode, Json<TeamView>)> {
    Ok((
        StatusCode::CREATED,
        Json(s.app.create_team(&a.actor, b).await?),
    ))
}

pub async fn update_team(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<TeamChange>,
) -> ApiResult<Json<TeamView>> {
    Ok(Json(s.app.update_team(&a.actor, &id, b).await?))
}

pub async fn list_users(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    Ok(Json(json!({ "data": s.app.users(&a.actor).await? })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewUserBody {
    email: String,
    name: String,
    password: String,
    role: String,
    team_id: Option<String>,
}

pub async fn create_user(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<NewUserBody>,
) -> ApiResult<(StatusCode, Json<UserView>)> {
    let new = NewUser {
        email: b.email,
        name: b.name,
        role: b.role,
        team: None,
        team_id: b.team_id,
        password: b.password,
    };
    Ok((
        StatusCode::CREATED,
        Json(s.app.create_user(&a.actor, new).await?),
    ))
}

pub async fn update_user(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<UserChange>,
) -> ApiResult<Json<UserView>> {
    Ok(Json(s.app.update_user(&a.actor, &id, b).await?))
}

pub async fn list_roles(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    let roles: Vec<RoleView> = s.app.roles(&a.actor).await?;
    Ok(Json(json!({ "data": roles })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewRoleBody {
    name: String,
    label: String,
}

pub async fn create_role(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<NewRoleBody>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    s.app.create_role(&a.actor, &b.name, &b.label).await?;
    Ok((
        StatusCode::CREATED,
        Json(json!({ "name": b.name, "label": b.label })),
    ))
}

/// The scopes of one role on one object, as they are after the change.
async fn role_object(s: &AppState, a: &Auth, role: &str, object: &str) -> ApiResult<Json<Value>> {
    let roles = s.app.roles(&a.0.actor).await?;
    let perms = roles
        .into_iter()
        .find(|r| r.name == role)
        .and_then(|r| r.objects.get(object).cloned());
    Ok(Json(
        json!({ "role": role, "object": object, "permissions": perms }),
    ))
}

pub async fn set_role_object(
    State(s): State<AppState>,
    auth: Auth,
    Path((role, object)): Path<(String, ObjectName)>,
    JsonBody(b): JsonBody<BTreeMap<String, String>>,
) -> ApiResult<Json<Value>> {
    s.app
        .set_role_scopes(&auth.0.actor, &role, &object, &b)
        .await?;
    role_object(&s, &auth, &role, &object).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FieldAccessBody {
    access: String,
}

pub async fn set_role_field(
    State(s): State<AppState>,
    auth: Auth,
    Path((role, object, field)): Path<(String, ObjectName, FieldName)>,
    JsonBody(b): JsonBody<FieldAccessBody>,
) -> ApiResult<Json<Value>> {
    s.app
        .set_field_access(&auth.0.actor, &role, &object, &field, &b.access)
        .await?;
    role_object(&s, &auth, &role, &object).await
}

/// `GET /admin/audit?action=&before=&limit=`: the security log, newest first.
pub async fn audit(
    State(s): State<AppState>,
    Auth(a): Auth,
    axum::extract::Query(q): axum::extract::Query<std::collections::HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let limit = match q.get("limit") {
        Some(l) => l
            .parse()
            .map_err(|_| crate::error::ApiError::invalid("limit must be a whole number"))?,
        None => 100,
    };
    let data = s
        .app
        .audit_log(
            &a.actor,
            q.get("action").map(String::as_str),
            q.get("before").map(String::as_str),
            limit,
        )
        .await?;
    Ok(Json(json!({ "data": data })))
}
