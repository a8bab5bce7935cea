//! Sales processes (read by everyone, set up by administrators), an opportunity's stage moves,
//! the funnel and forecast figures, what each salesperson did period by period, collections
//! and order statistics.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pelagic_app::processes::{Process, ProcessChange};
use pelagic_app::records::analytics::{Funnel, Scope};
use pelagic_app::records::collections::{CollectionQuery, Collections};
use pelagic_app::records::order_stats::{OrderQuery, OrderStats};
use pelagic_app::records::team::{TeamQuery, TeamReport};
use pelagic_core::ids::RecordId;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody, Params, Path};

pub async fn processes(State(s): State<AppState>, Auth(_): Auth) -> ApiResult<Json<Value>> {
    Ok(Json(json!({ "data": s.app.processes().await? })))
}

pub async fn create_process(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<ProcessChange>,
) -> ApiResult<(StatusCode, Json<Process>)> {
    let p = s.app.save_process(&a.actor, None, b).await?;
    Ok((StatusCode::CREATED, Json(p)))
}

pub async fn update_process(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<ProcessChange>,
) -> ApiResult<Json<Process>> {
    Ok(Json(s.app.save_process(&a.actor, Some(&id), b).await?))
}

pub async fn stage_changes(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<RecordId>,
) -> ApiResult<Json<Value>> {
    let data = s.app.records(&a.actor).stage_changes(&id).await?;
    Ok(Json(json!({ "data": data })))
}

pub async fn funnel(
    State(s): State<AppState>,
    Auth(a): Auth,
    Params(scope): Params<Scope>,
) -> ApiResult<Json<Funnel>> {
    Ok(Json(s.app.records(&a.actor).funnel(&scope).await?))
}

pub async fn forecast(
    State(s): State<AppState>,
    Auth(a): Auth,
    Params(scope): Params<Scope>,
) -> ApiResult<Json<Value>> {
    let data = s.app.records(&a.actor).forecast(&scope).await?;
    Ok(Json(json!({ "data": data })))
}

pub async fn team(
    State(s): State<AppState>,
    Auth(a): Auth,
    Params(q): Params<TeamQuery>,
) -> ApiResult<Json<TeamReport>> {
    Ok(Json(s.app.records(&a.actor).team_report(&q).await?))
}

pub async fn collections(
    State(s): State<AppState>,
    Auth(a): Auth,
    Params(q): Params<CollectionQuery>,
) -> ApiResult<Json<Collections>> {
    Ok(Json(s.app.records(&a.actor).collections(&q).await?))
}

pub async fn order_stats(
    State(s): State<AppState>,
    Auth(a): Auth,
    Params(q): Params<OrderQuery>,
) -> ApiResult<Json<OrderStats>> {
    Ok(Json(s.app.records(&a.actor).order_stats(&q).await?))
}
