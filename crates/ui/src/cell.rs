//! How a value sits in a list's cell: a phone number to call, a choice as a badge, long text cut
//! short with the whole of it on hover.

use pelagic_core::kind::FieldKind;
use pelagic_core::meta::{FieldDef, ObjectDef};
use serde_json::{Map, Value as Json};

use crate::display::{self, Context};

/// One cell of a list.
pub struct Cell {
    /// The column's label (phones show it above the value).
    pub label: String,
    pub value: String,
    /// The number to call (`tel:`), for a phone.
    pub tel: Option<String>,
    /// A choice from a list, shown as a badge.
    pub badge: bool,
    /// Long text, cut to the column's width.
    pub clip: bool,
}

impl Cell {
    pub fn of(
        ctx: &Context<'_>,
        obj: &ObjectDef,
        f: &FieldDef,
        record: &Map<String, Json>,
    ) -> Cell {
        let value = display::show(ctx, obj, f, record);
        let tel = match (f.kind, record.get(f.name.as_str())) {
            (FieldKind::Phone, Some(Json::String(e164))) if e164.starts_with('+') => {
                Some(e164.clone())
            }
            _ => None,
        };
        Cell {
            label: ctx.tr.field(obj, f),
            badge: matches!(f.kind, FieldKind::Select | FieldKind::Multiselect)
                && !value.is_empty(),
            clip: matches!(f.kind, FieldKind::Textarea | FieldKind::Text)
                && value.chars().count() > 40,
            tel,
            value,
        }
    }
}
