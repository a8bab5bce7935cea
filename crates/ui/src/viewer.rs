//! Who is looking at a page: the signed-in user from the session cookie, in their language, as an
//! axum extractor; without a session the page stops with a redirect to sign in (or, on an empty
//! database, to the first-run page).

use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::ACCEPT_LANGUAGE;
use axum::http::request::Parts;
use pelagic_app::Actor;

use crate::UiState;
use crate::i18n::Tr;
use crate::page_error::PageError;
use crate::session;

/// The signed-in user of a page.
pub struct Viewer {
    pub actor: Actor,
    pub tr: Tr,
    /// The anti-forgery token the page's forms carry.
    pub csrf: String,
}

impl Viewer {
    /// Accepts a submitted form only if it carries the session's anti-forgery token.
    pub fn check_form(&self, given: Option<&str>) -> Result<(), PageError> {
        if session::csrf_matches(given, &self.csrf) {
            Ok(())
        } else {
            Err(PageError::foreign_form())
        }
    }
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

/// The signed-in user, or why the page cannot be shown to this browser.
pub async fn viewer(state: &UiState, headers: &HeaderMap) -> Result<Viewer, PageError> {
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
    Err(PageError::sign_in(first_run))
}

impl FromRequestParts<UiState> for Viewer {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &UiState) -> Result<Self, PageError> {
        viewer(state, &parts.headers).await
    }
}

/// The signed-in administrator of a settings page; anyone else gets the settings' 403 page.
pub struct Admin(pub Viewer);

impl FromRequestParts<UiState> for Admin {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &UiState) -> Result<Self, PageError> {
        let v = viewer(state, &parts.headers).await?;
        if v.actor.is_admin() {
            Ok(Admin(v))
        } else {
            Err(PageError::admins_only(v.tr))
        }
    }
}
