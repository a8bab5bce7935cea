//! A page's path parameters read into their types (a record's id): a parameter that is not of
//! its type names nothing, so the page says "not found" in the reader's language.

use axum::extract::FromRequestParts;
use axum::http::request::Parts;
use pelagic_app::AppError;
use serde::de::DeserializeOwned;

use crate::UiState;
use crate::page_error::PageError;
use crate::viewer::{browser_language, viewer};

/// Path parameters of a page, typed.
pub struct Path<T>(pub T);

impl<T: DeserializeOwned + Send> FromRequestParts<UiState> for Path<T> {
    type Rejection = PageError;

    async fn from_request_parts(parts: &mut Parts, state: &UiState) -> Result<Self, PageError> {
        match axum::extract::Path::<T>::from_request_parts(parts, state).await {
            Ok(axum::extract::Path(value)) => Ok(Path(value)),
            Err(refused) => {
                // Said in the signed-in user's language, else the browser's.
                let tr = match viewer(state, &parts.headers).await {
                    Ok(v) => v.tr,
                    Err(_) => browser_language(&parts.headers),
                };
                Err(PageError::app(&tr, AppError::NotFound(refused.body_text())))
            }
        }
    }
}

/// A record's id from a form or a query string: text that is no id names no record.
pub fn record_id(text: &str) -> Result<pelagic_core::ids::RecordId, AppError> {
    pelagic_core::ids::RecordId::parse(text).map_err(|said| AppError::NotFound(said.to_string()))
}
