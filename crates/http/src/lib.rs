//! What Pelagic's two HTTP faces share, the JSON API (`pelagic-web`) and the pages
//! (`pelagic-ui`): who the client is behind the proxies (`edge`), the signed-in session and its
//! anti-forgery tokens (`session`), the five languages (`i18n`) and printed documents as a
//! response (`document`). Neither face depends on the other.

mod document;
pub mod edge;
pub mod i18n;
pub mod import_words;
pub mod session;

pub use document::document_response;

/// Numbers, money and dates as each language writes them.
pub(crate) use pelagic_core::format;
