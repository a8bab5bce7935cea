//! Browser sessions, shared by the pages and the API: the sign-in token in an HttpOnly, SameSite
//! cookie (Secure behind HTTPS), and the anti-forgery token that cookie-authenticated writes must
//! echo (pages in a hidden form field, scripts in a header).

use axum::http::header::{COOKIE, SET_COOKIE};
use axum::http::{HeaderMap, HeaderValue, Method};
use pelagic_app::auth::SESSION_DAYS;

/// The cookie holding the session token (never readable by scripts).
pub const SESSION_COOKIE: &str = "pelagic_session";
/// The cookie holding the anti-forgery token, readable by the page's own scripts.
pub const CSRF_COOKIE: &str = "pelagic_csrf";
/// The header a cookie-authenticated write carries the anti-forgery token in.
pub const CSRF_HEADER: &str = "x-csrf-token";

/// A cookie's value from the request, if sent.
pub fn cookie<'h>(headers: &'h HeaderMap, name: &str) -> Option<&'h str> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|h| h.to_str().ok())
        .flat_map(|h| h.split(';'))
        .filter_map(|pair| pair.trim().split_once('='))
        .find(|(k, _)| *k == name)
        .map(|(_, v)| v.trim())
        .filter(|v| !v.is_empty())
}

fn set(headers: &mut HeaderMap, text: String) {
    if let Ok(v) = HeaderValue::from_str(&text) {
        headers.append(SET_COOKIE, v);
    }
}

/// The `Set-Cookie` headers starting a session (or, with `None`, ending it).
pub fn session_cookies(https: bool, session: Option<(&str, &str)>) -> HeaderMap {
    let secure = if https { "; Secure" } else { "" };
    let mut out = HeaderMap::new();
    match session {
        Some((token, csrf)) => {
            let age = SESSION_DAYS * 86_400;
            set(
                &mut out,
                format!(
                    "{SESSION_COOKIE}={token}; Path=/; Max-Age={age}; HttpOnly; SameSite=Lax{secure}"
                ),
            );
            set(
                &mut out,
                format!("{CSRF_COOKIE}={csrf}; Path=/; Max-Age={age}; SameSite=Lax{secure}"),
            );
        }
        None => {
            for name in [SESSION_COOKIE, CSRF_COOKIE] {
                set(
                    &mut out,
                    format!("{name}=; Path=/; Max-Age=0; SameSite=Lax{secure}"),
                );
            }
        }
    }
    out
}

/// The cookie that ties a sign-in form to the browser it was given to (login CSRF: another
/// site must not sign a visitor in to an account of its own).
pub const LOGIN_COOKIE: &str = "pelagic_login";

/// A sign-in form's token and the cookie to set with it: the browser's existing login cookie
/// is reused, so that several open sign-in tabs all work.
pub fn login_form_token(request: &HeaderMap, https: bool) -> (String, HeaderMap) {
    let mut out = HeaderMap::new();
    let nonce = match cookie(request, LOGIN_COOKIE) {
        Some(n) if n.len() <= 100 => n.to_owned(),
        _ => {
            let n = pelagic_app::ids::new_token();
            let secure = if https { "; Secure" } else { "" };
            set(
                &mut out,
                format!(
                    "{LOGIN_COOKIE}={n}; Path=/login; Max-Age=86400; HttpOnly; SameSite=Lax{secure}"
                ),
            );
            n
        }
    };
    (pelagic_app::ids::csrf_token(&nonce), out)
}

/// Whether a submitted sign-in form carries the token of the form this browser was given.
pub fn login_form_matches(request: &HeaderMap, given: Option<&str>) -> bool {
    cookie(request, LOGIN_COOKIE)
        .is_some_and(|n| csrf_matches(given, &pelagic_app::ids::csrf_token(n)))
}

/// Whether a method changes something (and so needs the anti-forgery token with a cookie).
pub fn writes(method: &Method) -> bool {
    !matches!(*method, Method::GET | Method::HEAD | Method::OPTIONS)
}

/// Compares the anti-forgery token in constant time.
pub fn csrf_matches(given: Option<&str>, expected: &str) -> bool {
    let Some(given) = given else { return false };
    given.len() == expected.len()
        && given
            .bytes()
            .zip(expected.bytes())
            .fold(0u8, |acc, (a, b)| acc | (a ^ b))
            == 0
}
