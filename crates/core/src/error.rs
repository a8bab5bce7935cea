//! The core's error type: what a caller did wrong, said so that a person can fix it.

use std::collections::BTreeMap;

use crate::said::Said;

/// Per-field refusals, keyed by the field's API name: said in English by the API and in the
/// reader's language by pages.
pub type FieldErrors = BTreeMap<String, Said>;

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
    /// A refusal with a stable reason, which pages say in the reader's language.
    #[error("{0}")]
    Said(Said),
}

impl CoreError {
    pub fn invalid(msg: impl Into<String>) -> Self {
        CoreError::Invalid(msg.into())
    }

    pub fn field(field: &str, said: impl Into<Said>) -> Self {
        let mut map = FieldErrors::new();
        map.insert(field.to_owned(), said.into());
        CoreError::Validation(map)
    }
}
