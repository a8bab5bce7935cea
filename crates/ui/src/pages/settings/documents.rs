//! Numbering and reminders of sales documents in the settings: the pattern each of quotes,
//! orders and contracts is numbered with (prefix, date, a sequence that starts again every
//! year), with an example of the next number, and how long a confirmed order may wait before
//! its owner is reminded.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::response::{IntoResponse, Redirect};
use pelagic_app::records::{check_pattern, format_number};
use pelagic_app::sales_settings::SalesDocSettings;

use super::{message_of, value};
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::{Page, html, status_of};
use crate::viewer::{Admin, Viewer};

/// One numbered object as the form shows it.
struct Numbered {
    object: String,
    label: String,
    pattern: String,
    /// The pattern's number for today's first document, or empty when it does not read.
    example: String,
}

#[derive(Template)]
#[template(path = "settings/documents.html")]
struct DocumentSettings {
    page: Page,
    numbered: Vec<Numbered>,
    unhandled_hours: String,
    error: Option<String>,
    saved: bool,
}

/// The page with `typed` (object → pattern, hours) in the form, or what is saved.
async fn draw(
    s: &UiState,
    v: &Viewer,
    typed: Option<(BTreeMap<String, String>, String)>,
    error: Option<String>,
    saved: bool,
) -> PageResult {
    let (current, snap) = match (s.app.sales_doc_settings().await, s.app.snapshot().await) {
        (Ok(c), Ok(snap)) => (c, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let (patterns, hours) = typed.unwrap_or_else(|| {
        (
            current.numbering.clone().unwrap_or_default(),
            current
                .order_unhandled_hours
                .map(|h| h.to_string())
                .unwrap_or_default(),
        )
    });
    let today = s.app.now().date_naive();
    let numbered = patterns
        .into_iter()
        .map(|(object, pattern)| Numbered {
            label: snap
                .schema
                .object(&object)
                .map(|o| v.tr.object(o))
                .unwrap_or_else(|_| object.clone()),
            example: if check_pattern(&pattern).is_ok() {
                format_number(&pattern, today, 1)
            } else {
                String::new()
            },
            object,
            pattern,
        })
        .collect();
    let page = Page::new(s, v, "settings").await?;
    Ok(html(
        status_of(&error),
        &DocumentSettings {
            page,
            numbered,
            unhandled_hours: hours,
            error,
            saved,
        },
    ))
}

#[derive(Debug, Default, serde::Deserialize)]
pub struct Shown {
    saved: Option<String>,
}

pub async fn show(State(s): State<UiState>, Admin(v): Admin, Query(q): Query<Shown>) -> PageResult {
    draw(&s, &v, None, None, q.saved.is_some()).await
}

pub async fn save(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let numbered = match s.app.numbering_patterns().await {
        Ok(n) => n,
        Err(e) => return Ok(crate::pages::failure(&v.tr, e)),
    };
    let patterns: BTreeMap<String, String> = numbered
        .keys()
        .map(|o| (o.clone(), value(&pairs, &format!("pattern.{o}"))))
        .collect();
    let hours = value(&pairs, "order_unhandled_hours");
    let Ok(parsed) = hours.parse::<i64>() else {
        let message = v.tr.t1("not-a-number", "value", &hours);
        return draw(&s, &v, Some((patterns, hours)), Some(message), false).await;
    };
    let change = SalesDocSettings {
        numbering: Some(patterns.clone()),
        order_unhandled_hours: Some(parsed),
    };
    Ok(
        match s.app.set_sales_doc_settings(&v.actor, &change).await {
            Ok(_) => Redirect::to("/settings/documents?saved=1").into_response(),
            Err(e) => {
                draw(
                    &s,
                    &v,
                    Some((patterns, hours)),
                    Some(message_of(&v.tr, e)),
                    false,
                )
                .await?
            }
        },
    )
}
