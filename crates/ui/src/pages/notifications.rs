//! The notification centre: what Pelagic told the user (records about to return to a pool or that
//! returned, tasks falling due, customers nobody followed up, approvals asked for and decided,
//! contracts to renew, orders waiting, instalments overdue, quotes expired), newest first, unread ones marked,
//! with "mark as read" one by one or all at once.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::notifications::Notice;

use super::form::csrf;
use super::{Page, failure, html};
use crate::UiState;
use crate::i18n::Tr;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

struct Item {
    id: String,
    text: String,
    when: String,
    read: bool,
    /// (link, name) of the records it is about.
    links: Vec<(String, String)>,
    more: String,
}

#[derive(Template)]
#[template(path = "notifications.html")]
struct NotificationsPage {
    page: Page,
    items: Vec<Item>,
}

/// A notification in the reader's language.
fn text(tr: &Tr, time_zone: &str, n: &Notice) -> String {
    let count = n.data["count"].as_i64().unwrap_or(1);
    let pool = n.data["pool"].as_str().unwrap_or_default();
    let at = |key: &str| {
        n.data[key]
            .as_str()
            .and_then(|t| t.parse().ok())
            .map(|t| crate::display::when(tr, time_zone, t))
            .unwrap_or_default()
    };
    match n.kind.as_str() {
        "pool_due_soon" => {
            let due = at("due_at");
            tr.count_with(
                "notice-pool-due-soon",
                count,
                &[("pool", pool), ("due", &due)],
            )
        }
        "pool_returned" => tr.count_with("notice-pool-returned", count, &[("pool", pool)]),
        "task_due" => tr.t1("notice-task-due", "due", &at("due_at")),
        "stale_customers" => {
            let level = n.data["level"].as_str().unwrap_or_default().to_uppercase();
            let days = n.data["days"].as_i64().unwrap_or_default().to_string();
            tr.count_with(
                "notice-stale-customers",
                count,
                &[("level", &level), ("days", &days)],
            )
        }
        "approval_requested" => tr.t1(
            "notice-approval-requested",
            "flow",
            n.data["flow"].as_str().unwrap_or_default(),
        ),
        "approval_decided" if n.data["decision"] == "approved" => tr.t("notice-approval-approved"),
        "approval_decided" => tr.t1(
            "notice-approval-rejected",
            "comment",
            n.data["comment"].as_str().unwrap_or_default(),
        ),
        "contract_renewal" => tr.count("notice-contract-renewal", count),
        "order_unhandled" => tr.count("notice-order-unhandled", count),
        "instalment_overdue" => tr.count("notice-instalment-overdue", count),
        "quote_expired" => tr.count("notice-quote-expired", count),
        _ => n.message.clone(),
    }
}

pub async fn list(State(s): State<UiState>, v: Viewer) -> PageResult {
    let found = match s.app.notifications(&v.actor, false).await {
        Ok(f) => f,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let items = found
        .iter()
        .map(|n| {
            let object = n.data["object"].as_str().unwrap_or_default();
            let named = n.data["records"].as_array().cloned().unwrap_or_default();
            let links: Vec<(String, String)> = named
                .iter()
                .filter_map(|r| {
                    let id = r["id"].as_str()?;
                    Some((
                        format!("/o/{object}/{id}"),
                        r["name"].as_str().unwrap_or(id).to_owned(),
                    ))
                })
                .collect();
            let rest = n.data["count"].as_i64().unwrap_or(0) - links.len() as i64;
            Item {
                id: n.id.clone(),
                text: text(&v.tr, &v.actor.time_zone, n),
                when: crate::display::when(&v.tr, &v.actor.time_zone, n.created_at),
                read: n.read,
                more: if rest > 0 {
                    v.tr.count("with-others", rest)
                } else {
                    String::new()
                },
                links,
            }
        })
        .collect();
    let page = Page::new(&s, &v, "notifications").await?;
    Ok(html(StatusCode::OK, &NotificationsPage { page, items }))
}

pub async fn mark_read(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let which = (id != "all").then_some(id.as_str());
    Ok(match s.app.mark_notifications_read(&v.actor, which).await {
        Ok(_) | Err(pelagic_app::AppError::NotFound(_)) => {
            Redirect::to("/notifications").into_response()
        }
        Err(e) => failure(&v.tr, e),
    })
}
