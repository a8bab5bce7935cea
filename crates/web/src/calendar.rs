//! The calendar feed as iCalendar (RFC 5545), at the private address a user makes on their
//! profile: `GET /calendar/{token}.ics`.

use axum::extract::{Path, State};
use axum::http::HeaderMap;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE, HOST};
use axum::response::{IntoResponse, Response};
use icalendar::{Calendar, Component, Event, EventLike};

use crate::AppState;
use crate::error::{ApiError, ApiResult};

pub async fn feed(
    State(s): State<AppState>,
    headers: HeaderMap,
    Path(file): Path<String>,
) -> ApiResult<Response> {
    // Links back to each record, on the address the calendar application used.
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let base = header(HOST.as_str()).map(|host| {
        let scheme = header("x-forwarded-proto").unwrap_or("http");
        format!("{scheme}://{host}")
    });
    let token = file.strip_suffix(".ics").ok_or_else(|| {
        ApiError::from(pelagic_app::AppError::NotFound(
            "there is no such calendar".into(),
        ))
    })?;
    let (owner, items) = s.app.calendar(token).await?;
    let mut calendar = Calendar::new();
    calendar.name(&format!("Pelagic · {owner}"));
    for item in items {
        let mut event = Event::new();
        event
            .uid(&item.uid)
            .summary(&item.summary)
            .starts(item.starts)
            .ends(
                item.starts
                    .checked_add_signed(chrono::Duration::minutes(30))
                    .unwrap_or(item.starts),
            );
        if !item.description.is_empty() {
            event.description(&item.description);
        }
        if let Some(base) = &base {
            event.url(&format!("{base}{}", item.path));
        }
        calendar.push(event.done());
    }
    Ok((
        [
            (CONTENT_TYPE, "text/calendar; charset=utf-8"),
            (CACHE_CONTROL, "private, max-age=300"),
        ],
        calendar.done().to_string(),
    )
        .into_response())
}
