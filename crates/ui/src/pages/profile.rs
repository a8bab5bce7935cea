//! The user's own page: interface language and time zone, and changing the password (which
//! signs out every other session).

use crate::edge::ClientInfo;
use crate::page_error::{PageError, PageResult};
use askama::Template;
use axum::Form;
use axum::extract::{Query, State};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect};
use pelagic_app::AppError;
use serde::Deserialize;

use super::{Page, failure, html};
use crate::UiState;
use crate::i18n::LANGUAGES;
use crate::session;
use crate::viewer::Viewer;

const ZONES: [&str; 12] = [
    "Asia/Shanghai",
    "Asia/Taipei",
    "Asia/Hong_Kong",
    "Asia/Singapore",
    "Europe/Madrid",
    "Europe/Moscow",
    "America/Mexico_City",
    "America/Bogota",
    "America/Argentina/Buenos_Aires",
    "America/New_York",
    "Europe/London",
    "UTC",
];

#[derive(Template)]
#[template(path = "profile.html")]
struct ProfilePage {
    page: Page,
    languages: Vec<(String, String)>,
    language: String,
    time_zone: String,
    zones: Vec<&'static str>,
    message: Option<String>,
    error: Option<String>,
    /// (id, name, created, last used) of the user's API tokens.
    tokens: Vec<(String, String, String, String)>,
    /// A token just made, shown this once.
    new_token: Option<String>,
    /// When the live calendar feed address was made, if there is one.
    feed_since: Option<String>,
    /// A calendar feed address just made, shown this once.
    new_feed: Option<String>,
}

/// What the page shows this once, right after it was made.
#[derive(Default)]
pub(super) struct Fresh {
    pub token: Option<String>,
    pub feed: Option<String>,
}

pub(super) async fn draw(
    s: &UiState,
    v: &Viewer,
    message: Option<String>,
    error: Option<String>,
    status: StatusCode,
) -> PageResult {
    draw_fresh(s, v, message, error, status, Fresh::default()).await
}

pub(super) async fn draw_fresh(
    s: &UiState,
    v: &Viewer,
    message: Option<String>,
    error: Option<String>,
    status: StatusCode,
    fresh: Fresh,
) -> PageResult {
    let when = |t| crate::display::when(&v.tr, &v.actor.time_zone, t);
    let tokens = match s.app.api_tokens(&v.actor).await {
        Ok(list) => list
            .into_iter()
            .map(|t| {
                (
                    t.id,
                    t.name,
                    when(t.created_at),
                    t.last_used_at.map(when).unwrap_or_default(),
                )
            })
            .collect(),
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let feed_since = match s.app.calendar_feed_since(&v.actor).await {
        Ok(t) => t.map(when),
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let page = Page::new(s, v, "profile").await?;
    let profile = ProfilePage {
        page,
        languages: LANGUAGES
            .iter()
            .map(|(c, n)| ((*c).to_owned(), (*n).to_owned()))
            .collect(),
        language: v.actor.locale.clone(),
        time_zone: v.actor.time_zone.clone(),
        zones: ZONES.to_vec(),
        message,
        error,
        tokens,
        new_token: fresh.token,
        feed_since,
        new_feed: fresh.feed,
    };
    Ok(html(status, &profile))
}

#[derive(Deserialize)]
pub struct Shown {
    saved: Option<String>,
}

pub async fn show(State(s): State<UiState>, v: Viewer, Query(q): Query<Shown>) -> PageResult {
    let message = match q.saved.as_deref() {
        Some("password") => Some(v.tr.t("password-changed")),
        Some("token-revoked") => Some(v.tr.t("token-revoked")),
        Some("feed-stopped") => Some(v.tr.t("calendar-feed-stopped")),
        Some(_) => Some(v.tr.t("preferences-saved")),
        None => None,
    };
    draw(&s, &v, message, None, StatusCode::OK).await
}

/// The profile drawn again with the first refused field's reason.
async fn refused_fields(s: &UiState, v: &Viewer, f: &pelagic_core::FieldErrors) -> PageResult {
    let message = crate::errors::fields_in(&v.tr, f, None)
        .into_values()
        .next()
        .unwrap_or_default();
    draw(s, v, None, Some(message), StatusCode::UNPROCESSABLE_ENTITY).await
}

#[derive(Deserialize)]
pub struct Preferences {
    #[serde(rename = "_csrf")]
    csrf: Option<String>,
    language: String,
    time_zone: String,
}

pub async fn save(State(s): State<UiState>, v: Viewer, Form(p): Form<Preferences>) -> PageResult {
    v.check_form(p.csrf.as_deref())?;
    Ok(
        match s
            .app
            .set_preferences(&v.actor, &p.language, &p.time_zone)
            .await
        {
            Ok(()) => Redirect::to("/profile?saved=preferences").into_response(),
            Err(AppError::Validation(f)) => refused_fields(&s, &v, &f).await?,
            Err(e) => failure(&v.tr, e),
        },
    )
}

#[derive(Deserialize)]
pub struct NewPassword {
    #[serde(rename = "_csrf")]
    csrf: Option<String>,
    current_password: String,
    new_password: String,
}

pub async fn change_password(
    State(s): State<UiState>,
    v: Viewer,
    peer: ClientInfo,
    headers: HeaderMap,
    Form(p): Form<NewPassword>,
) -> PageResult {
    v.check_form(p.csrf.as_deref())?;
    let Some(auth) = session::cookie(&headers, session::SESSION_COOKIE) else {
        return Ok(Redirect::to("/login").into_response());
    };
    let auth = match s.app.authenticate(auth).await {
        Ok(a) => a,
        Err(_) => return Ok(Redirect::to("/login").into_response()),
    };
    let client = peer.address_text();
    Ok(
        match s
            .app
            .change_password(&auth, &p.current_password, &p.new_password, Some(&client))
            .await
        {
            Ok(()) => Redirect::to("/profile?saved=password").into_response(),
            Err(AppError::Validation(f)) => refused_fields(&s, &v, &f).await?,
            Err(AppError::RateLimited(m)) => {
                draw(&s, &v, None, Some(m), StatusCode::TOO_MANY_REQUESTS).await?
            }
            Err(e) => failure(&v.tr, e),
        },
    )
}
