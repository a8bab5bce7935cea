//! Duplicate checks while typing, duplicate groups, merging, and the rules administrators set.

use std::collections::{BTreeMap, HashMap};

use axum::Json;
use axum::extract::{Query, State};
use pelagic_app::duplicates::RulesChange;
use pelagic_core::ids::ObjectName;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::{Auth, JsonBody, Path};

/// `GET /duplicates/check?object=account&name=…&phone=…&exclude_id=…`
pub async fn check(
    State(s): State<AppState>,
    Auth(a): Auth,
    Query(mut q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let object = q
        .remove("object")
        .ok_or_else(|| ApiError::invalid("name the object: ?object=account&name=…"))?;
    let exclude = q.remove("exclude_id");
    let values: BTreeMap<String, String> = q.into_iter().collect();
    let data = s
        .app
        .records(&a.actor)
        .duplicate_check(&object, &values, exclude.as_deref())
        .await?;
    Ok(Json(json!({ "data": data })))
}

/// `GET /duplicates/groups?object=account&limit=&cursor=`
pub async fn groups(
    State(s): State<AppState>,
    Auth(a): Auth,
    Query(q): Query<HashMap<String, String>>,
) -> ApiResult<Json<Value>> {
    let object = q
        .get("object")
        .ok_or_else(|| ApiError::invalid("name the object: ?object=account"))?;
    let limit = match q.get("limit") {
        Some(l) => l
            .parse()
            .map_err(|_| ApiError::invalid("limit must be a whole number"))?,
        None => 50,
    };
    let page = s
        .app
        .records(&a.actor)
        .duplicate_groups(object, q.get("cursor").map(String::as_str), limit)
        .await?;
    Ok(Json(
        json!({ "data": page.data, "next_cursor": page.next_cursor }),
    ))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct MergeBody {
    object: String,
    survivor_id: String,
    loser_id: String,
}

/// `POST /duplicates/merge`
pub async fn merge(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<MergeBody>,
) -> ApiResult<Json<Value>> {
    let record = s
        .app
        .records(&a.actor)
        .merge(&b.object, &b.survivor_id, &b.loser_id)
        .await?;
    Ok(Json(Value::Object(record)))
}

/// `GET /admin/duplicate-rules`
pub async fn rules(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    let rules = s.app.duplicate_rules(&a.actor).await?;
    Ok(Json(json!({ "data": rules })))
}

/// `PUT /admin/duplicate-rules/{object}`
pub async fn set_rules(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    JsonBody(b): JsonBody<RulesChange>,
) -> ApiResult<Json<Value>> {
    let rules = s.app.set_duplicate_rules(&a.actor, &object, b).await?;
    Ok(Json(json!({ "object": object, "rules": rules })))
}
