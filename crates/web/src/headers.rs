//! The security headers every response carries: pages may run only our own script and style,
//! may not be framed by another site, are never sniffed into another type, leak no addresses in
//! `Referer`, and are pinned to HTTPS when served over it. A response that set its own policy (a
//! printed document, which loads and runs nothing) keeps it.

use axum::extract::Request;
use axum::http::header::{
    CONTENT_SECURITY_POLICY, CONTENT_TYPE, REFERRER_POLICY, STRICT_TRANSPORT_SECURITY,
    X_CONTENT_TYPE_OPTIONS, X_FRAME_OPTIONS,
};
use axum::http::{HeaderMap, HeaderValue};
use axum::middleware::Next;
use axum::response::Response;
use pelagic_http::edge::ClientInfo;

/// What a page may load: our script, our style sheet, pictures of its own and inline (the
/// charts are inline SVG), forms back to us; nothing inline that runs, no plugins, no `<base>`,
/// and no site may frame it. The template editor frames its own previews.
pub const PAGE_POLICY: &str = "default-src 'self'; script-src 'self'; style-src 'self'; \
     img-src 'self' data:; font-src 'self'; connect-src 'self'; frame-src 'self'; \
     object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";

/// HTTPS only, for a year, once a browser has seen the site over HTTPS.
const HSTS: &str = "max-age=31536000; includeSubDomains";

pub async fn secure(req: Request, next: Next) -> Response {
    let https = req
        .extensions()
        .get::<ClientInfo>()
        .is_some_and(|c| c.https);
    let mut response = next.run(req).await;
    add(response.headers_mut(), https);
    response
}

fn add(h: &mut HeaderMap, https: bool) {
    let html = h
        .get(CONTENT_TYPE)
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.starts_with("text/html"));
    if html && !h.contains_key(CONTENT_SECURITY_POLICY) {
        h.insert(
            CONTENT_SECURITY_POLICY,
            HeaderValue::from_static(PAGE_POLICY),
        );
    }
    if !h.contains_key(X_FRAME_OPTIONS) {
        h.insert(X_FRAME_OPTIONS, HeaderValue::from_static("DENY"));
    }
    h.insert(X_CONTENT_TYPE_OPTIONS, HeaderValue::from_static("nosniff"));
    h.insert(
        REFERRER_POLICY,
        HeaderValue::from_static("strict-origin-when-cross-origin"),
    );
    if https {
        h.insert(STRICT_TRANSPORT_SECURITY, HeaderValue::from_static(HSTS));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_page_gets_the_policy_and_a_document_keeps_its_own() {
        let mut page = HeaderMap::new();
        page.insert(
            CONTENT_TYPE,
            HeaderValue::from_static("text/html; charset=utf-8"),
        );
        add(&mut page, false);
        assert_eq!(page[CONTENT_SECURITY_POLICY], PAGE_POLICY);
        assert_eq!(page[X_FRAME_OPTIONS], "DENY");
        assert!(!page.contains_key(STRICT_TRANSPORT_SECURITY));

        let mut doc = HeaderMap::new();
        doc.insert(CONTENT_TYPE, HeaderValue::from_static("text/html"));
        doc.insert(CONTENT_SECURITY_POLICY, HeaderValue::from_static("sandbox"));
        doc.insert(X_FRAME_OPTIONS, HeaderValue::from_static("SAMEORIGIN"));
        add(&mut doc, true);
        assert_eq!(doc[CONTENT_SECURITY_POLICY], "sandbox");
        assert_eq!(doc[X_FRAME_OPTIONS], "SAMEORIGIN");
        assert_eq!(doc[STRICT_TRANSPORT_SECURITY], HSTS);
    }
}
