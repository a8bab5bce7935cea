//! Pelagic's domain core: metadata, field kinds, values, filters and normalisation, with no IO.
//!
//! Every other crate builds on these types. Nothing here touches a database, the network or the
//! file system, so everything here is tested with plain unit tests.

pub mod access;
pub mod behaviour;
pub mod bounds;
pub mod cursor;
pub mod dedupe;
pub mod error;
mod field_check;
mod field_columns;
pub mod filter;
pub mod fold;
pub mod format;
pub mod ident;
pub mod ids;
pub mod import;
pub mod input;
pub mod kind;
pub mod mask;
pub mod meta;
pub mod money;
pub mod names;
mod open_records;
pub mod order;
pub mod output;
pub mod period;
pub mod phone;
pub mod plan;
pub mod pricing;
pub mod row;
pub mod said;
pub mod search;
pub mod span;
pub mod value;

pub use error::{CoreError, FieldErrors};
pub use kind::FieldKind;
pub use meta::{FieldDef, ObjectDef, Schema};
pub use value::{ColType, Value};
