//! Request extractors that answer bad input with the documented error body.

use axum::body::Bytes;
use axum::extract::{FromRequest, FromRequestParts, Request};
use axum::http::StatusCode;
use axum::http::header::{AUTHORIZATION, CONTENT_TYPE};
use axum::http::request::Parts;
use pelagic_app::auth::Authenticated;
use serde::de::DeserializeOwned;

use crate::AppState;
use crate::error::ApiError;
use pelagic_http::session;

/// The authenticated caller, from `Authorization: Bearer …` or the session cookie. A write
/// authenticated by the cookie must carry the session's anti-forgery token in `X-CSRF-Token`,
/// so that another site cannot make a signed-in browser act.
pub struct Auth(pub Authenticated);

impl FromRequestParts<AppState> for Auth {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        let header = parts
            .headers
            .get(AUTHORIZATION)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default();
        let bearer = header
            .strip_prefix("Bearer ")
            .or_else(|| header.strip_prefix("bearer "))
            .map(str::trim)
            .filter(|t| !t.is_empty());
        if let Some(t) = bearer {
            return Ok(Auth(state.app.authenticate(t).await?));
        }
        let Some(token) = session::cookie(&parts.headers, session::SESSION_COOKIE) else {
            return Err(pelagic_app::AppError::Unauthenticated.into());
        };
        let auth = state.app.authenticate(token).await?;
        if session::writes(&parts.method) {
            let given = parts
                .headers
                .get(session::CSRF_HEADER)
                .and_then(|h| h.to_str().ok());
            if !session::csrf_matches(given, &pelagic_app::ids::csrf_token(token)) {
                return Err(ApiError::new(
                    StatusCode::FORBIDDEN,
                    "forbidden",
                    "send the session's anti-forgery token in the X-CSRF-Token header (it is in the pelagic_csrf cookie)",
                ));
            }
        }
        Ok(Auth(auth))
    }
}

/// A JSON body: `Content-Type: application/json`, well-formed, of the expected shape.
pub struct JsonBody<T>(pub T);

impl<T: DeserializeOwned> FromRequest<AppState> for JsonBody<T> {
    type Rejection = ApiError;

    async fn from_request(req: Request, state: &AppState) -> Result<Self, Self::Rejection> {
        let content_type = req
            .headers()
            .get(CONTENT_TYPE)
            .and_then(|h| h.to_str().ok())
            .unwrap_or_default()
            .to_ascii_lowercase();
        let essence = content_type.split(';').next().unwrap_or_default().trim();
        if essence != "application/json"
            && !(essence.starts_with("application/") && essence.ends_with("+json"))
        {
            return Err(ApiError::new(
                StatusCode::UNSUPPORTED_MEDIA_TYPE,
                "invalid_request",
                "send the body as JSON with the header Content-Type: application/json",
            ));
        }
        let bytes = Bytes::from_request(req, state).await.map_err(|_| {
            ApiError::new(
                StatusCode::PAYLOAD_TOO_LARGE,
                "invalid_request",
                format!(
                    "the body is larger than {} bytes; send fewer records at a time",
                    crate::MAX_BODY_BYTES
                ),
            )
        })?;
        let value = serde_json::from_slice::<T>(&bytes).map_err(|e| {
            let what = if e.is_syntax() || e.is_eof() {
                "the body is not valid JSON"
            } else {
                "the body does not have the expected shape"
            };
            ApiError::invalid(format!("{what}: {e}"))
        })?;
        Ok(JsonBody(value))
    }
}

/// Query-string parameters of the expected shape; anything else is a 400 in the API's error shape.
pub struct Params<T>(pub T);

impl<T: DeserializeOwned> axum::extract::FromRequestParts<AppState> for Params<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut axum::http::request::Parts,
        _state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        axum::extract::Query::<T>::try_from_uri(&parts.uri)
            .map(|q| Params(q.0))
            .map_err(|e| {
                ApiError::invalid(format!(
                    "the query parameters are not valid: {}",
                    e.body_text()
                ))
            })
    }
}

/// Path parameters read into their types (an object's name, a record's id): a parameter that is
/// not of its type names nothing here, so the answer is the documented 404 body, as for a record
/// that is not there.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequestParts<AppState> for Path<T> {
    type Rejection = ApiError;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &AppState,
    ) -> Result<Self, Self::Rejection> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(refused) => Err(ApiError::new(
                StatusCode::NOT_FOUND,
                "not_found",
                refused.body_text(),
            )),
        }
    }
}
