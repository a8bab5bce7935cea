//! Company settings administrators change: the company's name, address and tax number, the default phone region and currency, how long
//! the recycle bin keeps deletions, and how many accounts one salesperson may own.

use axum::Json;
use axum::extract::State;
use serde::Deserialize;
use serde_json::{Value, json};

use pelagic_app::meta_admin::SettingsChange;

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody};

async fn current(s: &AppState) -> ApiResult<Json<Value>> {
    let snap = s.app.snapshot().await?;
    let company = s.app.company_profile().await?;
    Ok(Json(json!({
        "company_name": company.name,
        "company_address": company.address,
        "company_tax_number": company.tax_number,
        "default_region": snap.input.default_region,
        "default_currency": snap.input.default_currency,
        "recycle_bin_days": s.app.recycle_bin_days().await?,
        "account_capacity": s.app.account_capacity().await?,
        "stale_after_days": s.app.stale_after_days().await?,
    })))
}

pub async fn get_settings(State(s): State<AppState>, Auth(_): Auth) -> ApiResult<Json<Value>> {
    current(&s).await
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SettingsBody {
    company_name: Option<String>,
    company_address: Option<String>,
    company_tax_number: Option<String>,
    default_region: Option<String>,
    default_currency: Option<String>,
    recycle_bin_days: Option<i64>,
    /// Left out: unchanged; `null` (or 0): no cap.
    #[serde(default, deserialize_with = "present")]
    account_capacity: Option<Option<i64>>,
    stale_after_days: Option<std::collections::BTreeMap<String, i64>>,
}

pub async fn patch_settings(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<SettingsBody>,
) -> ApiResult<Json<Value>> {
    let change = SettingsChange {
        company_name: b.company_name,
        company_address: b.company_address,
        company_tax_number: b.company_tax_number,
        default_region: b.default_region,
        default_currency: b.default_currency,
        recycle_bin_days: b.recycle_bin_days,
        account_capacity: b.account_capacity.map(|n| n.unwrap_or(0)),
        stale_after_days: b.stale_after_days,
    };
    s.app.set_defaults(&a.actor, &change).await?;
    current(&s).await
}

/// A field that was sent, even as `null` (`Some(None)`), apart from one left out (`None`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: Deserialize<'de>,
{
    Option::<T>::deserialize(d).map(Some)
}
