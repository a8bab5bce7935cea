//! The one mapping from errors to HTTP: status plus `{"error":{"code","message","details"}}`.

use axum::Json;
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use pelagic_app::AppError;
use pelagic_core::said::{Kind, Said};
use serde_json::{Value, json};

/// Seconds a client waits before asking a busy server again.
const BUSY_RETRY_SECONDS: u32 = 5;
/// Seconds a client waits after being rate-limited.
const RATE_LIMIT_RETRY_SECONDS: u32 = 60;

/// An error on its way to the client.
#[derive(Debug)]
pub struct ApiError {
    pub status: StatusCode,
    pub code: &'static str,
    pub message: String,
    pub details: Value,
}

impl ApiError {
    pub fn new(status: StatusCode, code: &'static str, message: impl Into<String>) -> Self {
        ApiError {
            status,
            code,
            message: message.into(),
            details: json!({}),
        }
    }

    pub fn invalid(message: impl Into<String>) -> Self {
        ApiError::new(StatusCode::BAD_REQUEST, "invalid_request", message)
    }
}

impl From<AppError> for ApiError {
    fn from(e: AppError) -> Self {
        match e {
            AppError::Invalid(m) => ApiError::invalid(m),
            AppError::Validation(fields) => ApiError {
                status: StatusCode::UNPROCESSABLE_ENTITY,
                code: "validation_failed",
                message: format!(
                    "some fields are not valid: {}",
                    pelagic_app::describe(&fields)
                ),
                details: json!({
                    "fields": fields.iter().map(|(k, s)| (k.clone(), Value::from(s.to_string()))).collect::<serde_json::Map<_, _>>(),
                    "reasons": fields.iter().map(|(k, s)| (k.clone(), Value::from(s.reason.code()))).collect::<serde_json::Map<_, _>>(),
                }),
            },
            AppError::NotFound(m) => ApiError::new(StatusCode::NOT_FOUND, "not_found", m),
            AppError::Unauthenticated => ApiError::new(
                StatusCode::UNAUTHORIZED,
                "unauthenticated",
                "sign in first: the email or password is wrong, or the token is missing, expired or revoked",
            ),
            AppError::Forbidden(m) => ApiError::new(StatusCode::FORBIDDEN, "forbidden", m),
            AppError::Conflict(m) => ApiError::new(StatusCode::CONFLICT, "conflict", m),
            AppError::Duplicate(d) => ApiError {
                status: StatusCode::CONFLICT,
                code: "duplicate",
                message: d.message.clone(),
                details: json!({
                    "object": d.object, "existing_id": d.existing_id, "field": d.field,
                    "owner": { "id": d.owner_id, "name": d.owner_name },
                }),
            },
            AppError::Refused(r) => ApiError {
                status: StatusCode::CONFLICT,
                code: "conflict",
                message: r.to_string(),
                details: json!(r),
            },
            AppError::RateLimited(m) => {
                ApiError::new(StatusCode::TOO_MANY_REQUESTS, "rate_limited", m)
            }
            AppError::Unavailable(m) => {
                tracing::warn!(cause = %m, "database unavailable");
                ApiError::new(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "unavailable",
                    "the database is busy or unreachable; try again shortly",
                )
            }
            AppError::NotInstalled(m) => {
                ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "not_installed", m)
            }
            AppError::Busy(m) => ApiError::new(StatusCode::SERVICE_UNAVAILABLE, "busy", m),
            AppError::Said(said) => said_error(&said),
            AppError::Internal(m) => {
                tracing::error!(cause = %m, "internal error");
                ApiError::new(
                    StatusCode::INTERNAL_SERVER_ERROR,
                    "internal",
                    "something went wrong on our side; it has been logged",
                )
            }
        }
    }
}

/// A refusal with a stable reason: its kind's status and code, the English text, and the reason
/// with its values under `details` (for a field, also under `details.fields` as validation).
fn said_error(said: &Said) -> ApiError {
    let message = said.to_string();
    let params: serde_json::Map<String, Value> = said
        .params
        .iter()
        .map(|p| (p.name.to_owned(), Value::String(p.value.clone())))
        .collect();
    let mut details = json!({ "reason": said.reason.code(), "params": params });
    let (status, code) = match said.kind() {
        Kind::Invalid => (StatusCode::BAD_REQUEST, "invalid_request"),
        Kind::Conflict => (StatusCode::CONFLICT, "conflict"),
        Kind::Forbidden => (StatusCode::FORBIDDEN, "forbidden"),
        Kind::Field => {
            let field = said.field.clone().unwrap_or_else(|| "record".into());
            details["fields"] = json!({ field: message });
            (StatusCode::UNPROCESSABLE_ENTITY, "validation_failed")
        }
    };
    ApiError {
        status,
        code,
        message,
        details,
    }
}

impl IntoResponse for ApiError {
    fn into_response(self) -> Response {
        let body = json!({ "error": { "code": self.code, "message": self.message, "details": self.details } });
        let mut response = (self.status, Json(body)).into_response();
        // When to try again: a busy printer frees up in seconds, a sign-in throttle in minutes.
        let retry_after = match self.code {
            "busy" => Some(BUSY_RETRY_SECONDS),
            "rate_limited" => Some(RATE_LIMIT_RETRY_SECONDS),
            _ => None,
        };
        if let Some(secs) = retry_after {
            response
                .headers_mut()
                .insert(axum::http::header::RETRY_AFTER, secs.into());
        }
        response
    }
}

/// What a panic becomes: a logged 500, never a dropped connection or a stack trace.
pub fn panic_response(_: Box<dyn std::any::Any + Send + 'static>) -> Response {
    tracing::error!("a request handler panicked");
    ApiError::new(
        StatusCode::INTERNAL_SERVER_ERROR,
        "internal",
        "something went wrong on our side; it has been logged",
    )
    .into_response()
}

pub type ApiResult<T> = Result<T, ApiError>;
