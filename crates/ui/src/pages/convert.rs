//! Converting a lead from its page: the account (a new one named after the company, or one
//! already entered), the contact, and optionally a deal, in one step.

use askama::Template;
use axum::Form;
use axum::extract::State;
use pelagic_core::ids::RecordId;

use crate::path::Path;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::records::ConvertRequest;
use pelagic_app::{AppError, ListRequest};
use serde_json::{Map, Value as Json, json};

use super::form::csrf;
use super::{Page, failure, html};
use crate::UiState;
use crate::display;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// Existing accounts offered to link to.
const SUGGESTED: i64 = 5;

#[derive(Template)]
#[template(path = "convert.html")]
struct ConvertPage {
    page: Page,
    id: String,
    title: String,
    /// (id, name) of accounts already entered under a similar name.
    suggestions: Vec<(String, String)>,
    account: String,
    account_name: String,
    contact_name: String,
    deal: bool,
    deal_name: String,
    amount: String,
    currency: String,
    close_date: String,
    error: Option<String>,
    /// (message, link) when the company belongs to someone else.
    duplicate: Option<(String, String)>,
}

fn value<'a>(pairs: &'a [(String, String)], name: &str) -> &'a str {
    pairs
        .iter()
        .find(|(k, _)| k == name)
        .map(|(_, v)| v.trim())
        .unwrap_or_default()
}

async fn draw(
    s: &UiState,
    v: &Viewer,
    id: &RecordId,
    typed: Option<&[(String, String)]>,
    error: Option<String>,
    duplicate: Option<(String, String)>,
) -> PageResult {
    let records = s.app.records(&v.actor);
    let (lead, snap) = match (records.get("lead", id).await, s.app.snapshot().await) {
        (Ok(l), Ok(snap)) => (l, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let text = |k: &str| {
        lead.get(k)
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned()
    };
    let (name, company) = (text("name"), text("company"));
    let mut suggestions = Vec::new();
    if let Ok(account) = snap.schema.object("account")
        && !company.is_empty()
        && let Ok(found) = records
            .list(
                "account",
                &ListRequest {
                    q: Some(company.clone()),
                    limit: Some(SUGGESTED),
                    ..ListRequest::default()
                },
            )
            .await
    {
        suggestions = found
            .data
            .iter()
            .map(|r| {
                (
                    r.get("id")
                        .and_then(Json::as_str)
                        .unwrap_or_default()
                        .to_owned(),
                    display::title(&v.tr, account, r),
                )
            })
            .collect();
    }
    let pick = |k: &str, default: &str| match typed {
        Some(p) => value(p, k).to_owned(),
        None => default.to_owned(),
    };
    let fallback = if company.is_empty() {
        name.clone()
    } else {
        company.clone()
    };
    let page = Page::new(s, v, "lead").await?;
    let status = if error.is_some() || duplicate.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(
        status,
        &ConvertPage {
            page,
            id: id.to_string(),
            title: v.tr.t1("convert-title", "name", &name),
            account: pick("account", "new"),
            account_name: pick("account_name", &fallback),
            contact_name: pick("contact_name", &name),
            deal: typed.is_some_and(|p| value(p, "deal") == "1"),
            deal_name: pick("deal_name", &fallback),
            amount: pick("amount", ""),
            currency: pick("currency", &snap.input.default_currency),
            close_date: pick("close_date", ""),
            suggestions,
            error,
            duplicate,
        },
    ))
}

pub async fn form(State(s): State<UiState>, v: Viewer, Path(id): Path<RecordId>) -> PageResult {
    draw(&s, &v, &id, None, None, None).await
}

pub async fn submit(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<RecordId>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let mut req = ConvertRequest::default();
    match value(&pairs, "account") {
        "new" | "" => {
            req.account =
                Map::from_iter([("name".to_owned(), json!(value(&pairs, "account_name")))]);
        }
        existing => req.account_id = Some(existing.to_owned()),
    }
    if !value(&pairs, "contact_name").is_empty() {
        req.contact = Map::from_iter([("name".to_owned(), json!(value(&pairs, "contact_name")))]);
    }
    if value(&pairs, "deal") == "1" {
        let mut deal = Map::from_iter([("name".to_owned(), json!(value(&pairs, "deal_name")))]);
        if !value(&pairs, "amount").is_empty() {
            deal.insert("amount".into(), json!(value(&pairs, "amount")));
            deal.insert("amount_currency".into(), json!(value(&pairs, "currency")));
        }
        if !value(&pairs, "close_date").is_empty() {
            deal.insert(
                "expected_close_date".into(),
                json!(value(&pairs, "close_date")),
            );
        }
        req.opportunity = Some(deal);
    }
    Ok(
        match s.app.records(&v.actor).convert_lead(&id, &req).await {
            Ok(done) => {
                let account = done
                    .account
                    .get("id")
                    .and_then(Json::as_str)
                    .unwrap_or_default();
                Redirect::to(&format!("/o/account/{account}")).into_response()
            }
            Err(AppError::Duplicate(d)) => {
                let dup = (
                    v.tr.t1(
                        "duplicate-of",
                        "owner",
                        d.owner_name.as_deref().unwrap_or("?"),
                    ),
                    format!("/o/{}/{}", d.object, d.existing_id),
                );
                draw(&s, &v, &id, Some(&pairs), None, Some(dup)).await?
            }
            Err(e @ AppError::Validation(_)) => {
                let text = crate::errors::say(&v.tr, &e);
                draw(&s, &v, &id, Some(&pairs), Some(text), None).await?
            }
            Err(AppError::Conflict(m) | AppError::Invalid(m) | AppError::Forbidden(m)) => {
                draw(&s, &v, &id, Some(&pairs), Some(m), None).await?
            }
            Err(e @ AppError::Said(_)) => {
                let m = crate::errors::say(&v.tr, &e);
                draw(&s, &v, &id, Some(&pairs), Some(m), None).await?
            }
            Err(e) => failure(&v.tr, e),
        },
    )
}
