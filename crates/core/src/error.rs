//! The core's error type: what a caller did wrong, said so that a person can fix it.

use std::collections::BTreeMap;

/// Per-field validation messages, keyed by the field's API name.
pub type FieldErrors = BTreeMap<String, String>;

#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub enum CoreError {
    /// The request itself is malformed (unknown operator, bad cursor, wrong shape).
    #[error("{0}")]
    Invalid(String),
    /// One or more field values are not acceptable.
    #[error("some fields are not valid")]
    Validation(FieldErrors),
    /// The object does not exist (or is not visible).
    #[error("unknown object '{0}'")]
    UnknownObject(String),
    /// The caller may not do this.
    #[error("{0}")]
    Forbidden(String),
}

impl CoreError {
    pub fn invalid(msg: impl Into<String>) -> Self {
        CoreError::Invalid(msg.into())
    }

    pub fn field(field: &str, msg: impl Into<String>) -> Self {
        let mut map = FieldErrors::new();
        map.insert(field.to_owned(), msg.into());
        CoreError::Validation(map)
    }
}
