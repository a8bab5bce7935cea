//! Signing in and out with a form: the session goes into the cookies, a new sign-in replaces
//! the browser's old session.

use crate::edge::ClientInfo;
use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::http::{HeaderMap, StatusCode};
use axum::response::{IntoResponse, Redirect, Response};
use pelagic_app::AppError;
use pelagic_app::auth::Client;
use serde::Deserialize;

use super::html;
use crate::UiState;
use crate::i18n::Tr;
use crate::page_error::PageResult;
use crate::session;
use crate::viewer::{Viewer, browser_language, viewer};

#[derive(Template)]
#[template(path = "login.html")]
struct LoginPage {
    tr: Tr,
    email: String,
    error: Option<String>,
    /// Ties the form to this browser (see `session::login_form_token`).
    csrf: String,
}

/// The sign-in page with its form token, its cookie set when new.
fn login_page(
    headers: &HeaderMap,
    peer: ClientInfo,
    status: StatusCode,
    tr: Tr,
    email: String,
    error: Option<String>,
) -> Response {
    let (csrf, cookies) = session::login_form_token(headers, peer.https);
    let page = LoginPage {
        tr,
        email,
        error,
        csrf,
    };
    (cookies, html(status, &page)).into_response()
}

pub async fn form(State(s): State<UiState>, peer: ClientInfo, headers: HeaderMap) -> Response {
    if viewer(&s, &headers).await.is_ok() {
        return Redirect::to("/").into_response();
    }
    if !s.app.has_users().await.unwrap_or(true) {
        return Redirect::to("/setup").into_response();
    }
    let tr = browser_language(&headers);
    login_page(&headers, peer, StatusCode::OK, tr, String::new(), None)
}

#[derive(Deserialize)]
pub struct Credentials {
    email: String,
    password: String,
    #[serde(rename = "_csrf")]
    csrf: Option<String>,
}

pub async fn submit(
    State(s): State<UiState>,
    peer: ClientInfo,
    headers: HeaderMap,
    Form(c): Form<Credentials>,
) -> Response {
    let address = peer.address_text();
    let client = Client {
        address: Some(&address),
        previous_session: session::cookie(&headers, session::SESSION_COOKIE),
    };
    let tr = browser_language(&headers);
    if !session::login_form_matches(&headers, c.csrf.as_deref()) {
        let error = Some(tr.t("sign-in-expired"));
        return login_page(&headers, peer, StatusCode::FORBIDDEN, tr, c.email, error);
    }
    match s.app.login(&c.email, &c.password, client).await {
        Ok(login) => {
            let csrf = pelagic_app::ids::csrf_token(&login.token);
            let cookies = session::session_cookies(peer.https, Some((&login.token, &csrf)));
            (cookies, Redirect::to("/")).into_response()
        }
        Err(e) => {
            let (status, key) = match e {
                AppError::RateLimited(_) => (StatusCode::TOO_MANY_REQUESTS, "sign-in-throttled"),
                _ => (StatusCode::UNAUTHORIZED, "sign-in-failed"),
            };
            let error = Some(tr.t(key));
            login_page(&headers, peer, status, tr, c.email, error)
        }
    }
}

#[derive(Deserialize)]
pub struct Token {
    #[serde(rename = "_csrf")]
    csrf: Option<String>,
}

pub async fn logout(
    State(s): State<UiState>,
    peer: ClientInfo,
    v: Viewer,
    headers: HeaderMap,
    Form(t): Form<Token>,
) -> PageResult {
    v.check_form(t.csrf.as_deref())?;
    if let Some(token) = session::cookie(&headers, session::SESSION_COOKIE)
        && let Ok(auth) = s.app.authenticate(token).await
        && let Err(e) = s.app.logout(&auth, Some(&peer.address_text())).await
    {
        // The cookies are cleared below either way; the token expires on its own.
        tracing::warn!(cause = %e, "signing out failed");
    }
    Ok((
        session::session_cookies(peer.https, None),
        Redirect::to("/login"),
    )
        .into_response())
}
