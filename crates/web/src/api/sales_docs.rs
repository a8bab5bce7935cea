//! Quote to cash: a quote's steps and versions, orders made from quotes and won deals,
//! submissions for approval and approvers' decisions, approval flows, numbering settings, and
//! an account's collections.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pelagic_core::ids::{ObjectName, RecordId};
use serde::Deserialize;
use serde_json::{Value, json};

use pelagic_app::approvals::Flow;
use pelagic_app::records::QuoteStep;
use pelagic_app::sales_settings::SalesDocSettings;

use crate::AppState;
use crate::error::{ApiError, ApiResult};
use crate::extract::{Auth, JsonBody, Path};

fn quote_only(object: &str) -> ApiResult<()> {
    if object == "quote" {
        Ok(())
    } else {
        Err(ApiError::invalid(
            "only quotes are sent, accepted, rejected and revised",
        ))
    }
}

async fn step(
    s: &AppState,
    a: &Auth,
    object: &str,
    id: &RecordId,
    step: QuoteStep,
) -> ApiResult<Json<Value>> {
    quote_only(object)?;
    let r = s.app.records(&a.0.actor).quote_step(id, step).await?;
    Ok(Json(Value::Object(r)))
}

/// Submits a quote, contract or order for approval (approved at once when no flow applies).
pub async fn submit(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    let r = s.app.records(&a.actor).submit(&object, &id).await?;
    Ok(Json(Value::Object(r)))
}

/// Marks an approved quote as sent to the customer.
pub async fn send(
    State(s): State<AppState>,
    a: Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    step(&s, &a, &object, &id, QuoteStep::Send).await
}

/// Records that the customer accepted the quote.
pub async fn accept(
    State(s): State<AppState>,
    a: Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    step(&s, &a, &object, &id, QuoteStep::Accept).await
}

/// Records that the customer rejected the quote.
pub async fn reject(
    State(s): State<AppState>,
    a: Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    step(&s, &a, &object, &id, QuoteStep::Reject).await
}

/// Makes a new draft version of a quote, keeping the old one.
pub async fn revise(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    quote_only(&object)?;
    let r = s.app.records(&a.actor).revise_quote(&id).await?;
    Ok((StatusCode::CREATED, Json(Value::Object(r))))
}

/// Makes the order of an accepted quote or a won opportunity.
pub async fn order(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let r = s.app.records(&a.actor).order_from(&object, &id).await?;
    Ok((StatusCode::CREATED, Json(Value::Object(r))))
}

/// A record's approval requests with every decision.
pub async fn trail(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, id)): Path<(ObjectName, RecordId)>,
) -> ApiResult<Json<Value>> {
    let data = s.app.approval_trail(&a.actor, &object, &id).await?;
    Ok(Json(json!({ "data": data })))
}

/// The approval requests waiting for the caller's decision.
pub async fn waiting(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    let data = s.app.approvals_waiting(&a.actor).await?;
    Ok(Json(json!({ "data": data })))
}

#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub struct DecisionBody {
    #[serde(default)]
    comment: Option<String>,
}

/// Approves the step of a request the caller is asked to decide.
pub async fn approve(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<DecisionBody>,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        s.app
            .decide_approval(&a.actor, &id, true, b.comment.as_deref())
            .await?,
    ))
}

/// Rejects it (a comment saying why is required).
pub async fn refuse(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(id): Path<String>,
    JsonBody(b): JsonBody<DecisionBody>,
) -> ApiResult<Json<Value>> {
    Ok(Json(
        s.app
            .decide_approval(&a.actor, &id, false, b.comment.as_deref())
            .await?,
    ))
}

/// Every approval flow (administrators).
pub async fn flows(State(s): State<AppState>, Auth(a): Auth) -> ApiResult<Json<Value>> {
    pelagic_app::policy::admin_only(&a.actor)?;
    Ok(Json(json!({ "data": s.app.approval_flows().await? })))
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FlowsBody {
    flows: Vec<Flow>,
}

/// Replaces every approval flow (administrators).
pub async fn set_flows(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<FlowsBody>,
) -> ApiResult<Json<Value>> {
    let data = s.app.set_approval_flows(&a.actor, b.flows).await?;
    Ok(Json(json!({ "data": data })))
}

/// Numbering patterns and the unhandled-order reminder.
pub async fn settings(State(s): State<AppState>, Auth(_): Auth) -> ApiResult<Json<Value>> {
    Ok(Json(json!(s.app.sales_doc_settings().await?)))
}

/// Changes them (administrators).
pub async fn set_settings(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<SalesDocSettings>,
) -> ApiResult<Json<Value>> {
    Ok(Json(json!(
        s.app.set_sales_doc_settings(&a.actor, &b).await?
    )))
}
