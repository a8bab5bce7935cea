//! Who is looking at a page: the signed-in user from the session cookie, in their language, or a
//! redirect to sign in (or, on an empty database, to the first-run page).

use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use pelagic_app::Actor;

use crate::UiState;
use crate::i18n::Tr;
use crate::session;

/// The signed-in user of a page.
pub struct Viewer {
    pub actor: Actor,
    pub tr: Tr,
    /// The anti-forgery token the page's forms carry.
    pub csrf: String,
}

/// The language for someone not signed in: the browser's.
pub fn browser_language(headers: &HeaderMap) -> Tr {
    Tr::from_accept_language(
        headers
            .get(ACCEPT_LANGUAGE)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default(),
    )
}

/// The signed-in user, or where to send the browser instead.
pub async fn viewer(state: &UiState, headers: &HeaderMap) -> Result<Viewer, Response> {
    let app = &state.app;
    if let Some(token) = session::cookie(headers, session::SESSION_COOKIE)
        && let Ok(auth) = app.authenticate(token).await
    {
        let tr = Tr::new(&auth.actor.locale);
        return Ok(Viewer {
            actor: auth.actor,
            tr,
            csrf: pelagic_app::ids::csrf_token(token),
        });
    }
    let first_run = !app.has_users().await.unwrap_or(true);
    Err(Redirect::to(if first_run { "/setup" } else { "/login" }).into_response())
}

/// The signed-in user of a submitted form, which must carry the session's anti-forgery token
/// (403 otherwise: a page of another site cannot act for the user).
pub async fn form_viewer(
    state: &UiState,
    headers: &HeaderMap,
    given: Option<&str>,
) -> Result<Viewer, Response> {
    let v = viewer(state, headers).await?;
    if session::csrf_matches(given, &v.csrf) {
        Ok(v)
    } else {
        Err((StatusCode::FORBIDDEN, "this form did not come from Pelagic").into_response())
    }
}
