//! What a user does in a pool from its pages: claim a record, hand records out by hand or by
//! rule (a pool's administrators), give one back, or put a record into a pool from its page.
//! A refusal (a limit, a cool-down) is said on the pool page.

use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::AppError;
use pelagic_app::pools::Rule;
use serde_json::Value as Json;

use super::failure;
use super::form::csrf;
use super::pools::{PoolQuery, draw, refusal};
use crate::UiState;
use crate::page_error::PageResult;
use crate::viewer::Viewer;

fn field<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.as_str())
        .unwrap_or_default()
}

/// A refusal shown on the pool page; any other error as a plain page.
async fn refused(s: &UiState, v: &Viewer, id: &str, e: AppError) -> PageResult {
    Ok(match e {
        AppError::Refused(r) => {
            let message = refusal(&v.tr, &r);
            draw(
                s,
                v,
                id,
                &PoolQuery::default(),
                Some(message),
                None,
                StatusCode::CONFLICT,
            )
            .await?
        }
        e @ AppError::Said(_) => {
            let m = crate::errors::say(&v.tr, &e);
            draw(
                s,
                v,
                id,
                &PoolQuery::default(),
                Some(m),
                None,
                StatusCode::CONFLICT,
            )
            .await?
        }
        AppError::Forbidden(m) | AppError::Invalid(m) | AppError::Conflict(m) => {
            draw(
                s,
                v,
                id,
                &PoolQuery::default(),
                Some(m),
                None,
                StatusCode::CONFLICT,
            )
            .await?
        }
        other => failure(&v.tr, other),
    })
}

pub async fn claim(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let record = field(&pairs, "record_id");
    Ok(match s.app.records(&v.actor).claim(&id, record).await {
        Ok(r) => {
            let object = s
                .app
                .visible_pool(&v.actor, &id)
                .await
                .map(|p| p.row.object);
            let rid = r.get("id").and_then(Json::as_str).unwrap_or_default();
            Redirect::to(&format!("/o/{}/{rid}", object.unwrap_or_default())).into_response()
        }
        Err(e) => refused(&s, &v, &id, e).await?,
    })
}

pub async fn assign(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let records = s.app.records(&v.actor);
    let done = match field(&pairs, "rule") {
        "round_robin" | "match" => {
            let rule = if field(&pairs, "rule") == "match" {
                Rule::Match
            } else {
                Rule::RoundRobin
            };
            records
                .distribute(&id, rule, pelagic_app::pools::MAX_ASSIGN)
                .await
                .map(|d| d.assigned.values().sum::<usize>())
        }
        _ => {
            let ids: Vec<String> = pairs
                .iter()
                .filter(|(k, _)| k == "ids")
                .map(|(_, v)| v.clone())
                .collect();
            records.assign(&id, &ids, field(&pairs, "user_id")).await
        }
    };
    Ok(match done {
        Ok(n) => Redirect::to(&format!("/pools/{id}?done={n}")).into_response(),
        Err(e) => refused(&s, &v, &id, e).await?,
    })
}

pub async fn release(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let record = field(&pairs, "record_id");
    Ok(match s.app.records(&v.actor).release(&id, record).await {
        Ok(()) => Redirect::to(&format!("/pools/{id}")).into_response(),
        Err(e) => failure(&v.tr, e),
    })
}

/// Puts a record into the pool chosen on its page (the pool's id comes with the form).
pub async fn enter(
    State(s): State<UiState>,
    v: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let pool = field(&pairs, "pool_id").to_owned();
    Ok(
        match s
            .app
            .records(&v.actor)
            .release(&pool, field(&pairs, "record_id"))
            .await
        {
            Ok(()) => Redirect::to(&format!("/pools/{pool}")).into_response(),
            Err(e) => failure(&v.tr, e),
        },
    )
}
