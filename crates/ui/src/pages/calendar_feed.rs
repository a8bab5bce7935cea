//! The calendar feed on the profile: make (or remake) the private address calendar applications
//! subscribe to, shown once in full, and stop it.

use axum::Form;
use axum::extract::State;
use axum::http::header::HOST;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect};

use super::failure;
use super::form::csrf;
use super::profile::{Fresh, draw_fresh};
use crate::UiState;
use crate::page_error::PageResult;
use crate::viewer::Viewer;

/// The feed's full address on the host the user reached, so that it can be pasted as it is.
fn address(headers: &HeaderMap, token: &str) -> String {
    let header = |name: &str| headers.get(name).and_then(|v| v.to_str().ok());
    let host = header(HOST.as_str()).unwrap_or("localhost");
    let scheme = header("x-forwarded-proto").unwrap_or("http");
    format!("{scheme}://{host}/calendar/{token}.ics")
}

pub async fn create(
    State(s): State<UiState>,
    v: Viewer,
    headers: HeaderMap,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    Ok(match s.app.new_calendar_feed(&v.actor).await {
        Ok(token) => {
            let fresh = Fresh {
                feed: Some(address(&headers, &token)),
                ..Fresh::default()
            };
            let message = Some(v.tr.t("calendar-feed-made"));
            draw_fresh(&s, &v, message, None, StatusCode::OK, fresh).await?
        }
        Err(e) => failure(&v.tr, e),
    })
}

pub async fn stop(
    State(s): State<UiState>,
    v: Viewer,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    Ok(match s.app.stop_calendar_feed(&v.actor).await {
        Ok(()) => Redirect::to("/profile?saved=feed-stopped").into_response(),
        Err(e) => failure(&v.tr, e),
    })
}
