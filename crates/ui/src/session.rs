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

/// Whether the request reached us over HTTPS (directly, or as a proxy in front says).
fn over_https(headers: &HeaderMap) -> bool {
    let forwarded_proto = headers
        .get("x-forwarded-proto")
        .and_then(|h| h.to_str().ok())
        .is_some_and(|p| p.eq_ignore_ascii_case("https"));
    let forwarded = headers
        .get("forwarded")
        .and_then(|h| h.to_str().ok())
        .is_some_and(|f| f.to_ascii_lowercase().contains("proto=https"));
    forwarded_proto || forwarded
}

fn set(headers: &mut HeaderMap, text: String) {
    if let Ok(v) = HeaderValue::from_str(&text) {
        headers.append(SET_COOKIE, v);
    }
}

/// The `Set-Cookie` headers starting a session (or, with `None`, ending it).
pub fn session_cookies(request: &HeaderMap, session: Option<(&str, &str)>) -> HeaderMap {
    let secure = if over_https(request) { "; Secure" } else { "" };
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
