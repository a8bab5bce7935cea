//! Company settings administrators change: the default phone region and currency.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody};

async fn current(s: &AppState) -> ApiResult<Json<Value>> {
    let snap = s.app.snapshot().await?;
    Ok(Json(
        json!({ "default_region": snap.input.default_region, "default_currency": snap.input.default_currency }),
    ))
}

pub async fn get_settings(State(s): State<AppState>, Auth(_): Auth) -> ApiResult<Json<Value>> {
    current(&s).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsBody {
    default_region: Option<String>,
    default_currency: Option<String>,
}

pub async fn patch_settings(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<SettingsBody>,
) -> ApiResult<Json<Value>> {
    s.app
        .set_defaults(
            &a.actor,
            b.default_region.as_deref(),
            b.default_currency.as_deref(),
        )
        .await?;
    current(&s).await
}
