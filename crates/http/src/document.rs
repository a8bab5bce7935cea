//! A printed document as a response, the same from the pages and from the API.

use axum::body::Body;
use axum::http::{StatusCode, header};
use axum::response::{IntoResponse, Response};

/// A printed document as a response: inline HTML or a PDF download, named after the document,
/// under a policy that lets it run and load nothing (shared with the API).
pub fn document_response(name: &str, body: Vec<u8>, pdf: bool) -> Response {
    let file: String = name
        .chars()
        .map(|c| {
            if c.is_alphanumeric() || c == '-' {
                c
            } else {
                '_'
            }
        })
        .take(80)
        .collect();
    let (kind, disposition) = if pdf {
        (
            "application/pdf",
            format!("attachment; filename=\"{file}.pdf\""),
        )
    } else {
        (
            "text/html; charset=utf-8",
            format!("inline; filename=\"{file}.html\""),
        )
    };
    (
        StatusCode::OK,
        [
            (header::CONTENT_TYPE, kind.to_owned()),
            (header::CONTENT_DISPOSITION, disposition),
            (
                header::CONTENT_SECURITY_POLICY,
                // A document loads nothing and runs nothing; it may be shown in our own
                // template editor's preview frame, nowhere else.
                "sandbox; default-src 'none'; style-src 'unsafe-inline'; img-src data:; \
                 base-uri 'none'; form-action 'none'; frame-ancestors 'self'"
                    .to_owned(),
            ),
            (header::X_FRAME_OPTIONS, "SAMEORIGIN".to_owned()),
            (header::X_CONTENT_TYPE_OPTIONS, "nosniff".to_owned()),
        ],
        Body::from(body),
    )
        .into_response()
}
