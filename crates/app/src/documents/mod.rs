//! Printable documents: templates for quotes, orders and contracts (HTML with merge fields and
//! line loops), rendered to HTML and PDF with what both the template's author and the reader
//! may read, and the generated documents kept with their records and marked when sent.

mod builtin;
mod generated;
pub mod pdf;
mod render;
mod sanitize;
mod templates;
mod tracked;

pub use generated::DocumentView;
pub use render::WORDS;
pub use templates::{MergeSource, TemplateChange, TemplateView, may_write_templates};
pub use tracked::FieldRead;

/// The objects that have printable documents.
pub const PRINTABLE: [&str; 3] = ["quote", "order", "contract"];

/// Whether `object` has printable documents.
pub fn printable(object: &str) -> bool {
    PRINTABLE.contains(&object)
}
