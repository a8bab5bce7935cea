//! The app's error type: every way a use case can refuse or fail, mapped once to HTTP by `web`.

use pelagic_core::{CoreError, FieldErrors};
use pelagic_store::StoreError;

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{0}")]
    Invalid(String),
    #[error("some fields are not valid: {}", describe(.0))]
    Validation(FieldErrors),
    #[error("{0}")]
    NotFound(String),
    #[error("sign in first: the request has no valid token")]
    Unauthenticated,
    #[error("{0}")]
    Forbidden(String),
    #[error("{0}")]
    Conflict(String),
    /// The values match a record someone already entered (see `duplicates`).
    #[error("{}", .0.message)]
    Duplicate(Box<crate::duplicates::DuplicateOf>),
    /// A claim or an assignment from a pool that would break one of its rules.
    #[error("{0}")]
    Refused(crate::pools::Refusal),
    #[error("{0}")]
    RateLimited(String),
    #[error("{0}")]
    Unavailable(String),
    /// Something this server was not set up with (Chromium for PDF); the message says what to
    /// install.
    #[error("{0}")]
    NotInstalled(String),
    /// A bounded resource (the printing browsers) stayed taken while the request waited; the
    /// same request may succeed in a few seconds.
    #[error("{0}")]
    Busy(String),
    /// A refusal with a stable reason, which pages say in the reader's language.
    #[error("{0}")]
    Said(pelagic_core::said::Said),
    /// A fault of ours, not the caller's; the cause is logged and never shown.
    #[error("internal error")]
    Internal(String),
}

impl AppError {
    /// The actor's role or reach does not allow it, however the refusal is worded.
    pub fn is_forbidden(&self) -> bool {
        match self {
            AppError::Forbidden(_) => true,
            AppError::Said(s) => s.kind() == pelagic_core::said::Kind::Forbidden,
            _ => false,
        }
    }
}

impl From<pelagic_core::said::Said> for AppError {
    fn from(said: pelagic_core::said::Said) -> Self {
        AppError::Said(said)
    }
}

impl From<CoreError> for AppError {
    fn from(e: CoreError) -> Self {
        match e {
            CoreError::Invalid(m) => AppError::Invalid(m),
            CoreError::Validation(f) => AppError::Validation(f),
            CoreError::UnknownObject(o) => AppError::NotFound(format!(
                "there is no object '{}'",
                o.chars().take(60).collect::<String>()
            )),
            CoreError::Forbidden(m) => AppError::Forbidden(m),
            CoreError::Said(s) => AppError::Said(s),
        }
    }
}

impl From<StoreError> for AppError {
    fn from(e: StoreError) -> Self {
        match e {
            StoreError::Unique(_) => {
                AppError::Conflict("a record with this value already exists".into())
            }
            StoreError::Unavailable(m) => AppError::Unavailable(m),
            other => AppError::Internal(other.to_string()),
        }
    }
}

pub type AppResult<T> = Result<T, AppError>;

/// The first few field problems in one line, so that a person reading only the message can act.
pub fn describe(fields: &FieldErrors) -> String {
    let parts: Vec<String> = fields
        .iter()
        .take(3)
        .map(|(f, m)| format!("{f}: {m}"))
        .collect();
    let more = if fields.len() > 3 {
        format!(" (and {} more)", fields.len() - 3)
    } else {
        String::new()
    };
    format!("{}{more}", parts.join("; "))
}
