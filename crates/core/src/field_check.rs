//! What makes one field definition valid on its own: a usable name, a label, options for the
//! kinds that pick from them, a target for lookups, sensible ranges and lengths.

use crate::CoreError;
use crate::kind::FieldKind;
use crate::meta::FieldDef;

/// Checks one field definition on its own.
pub fn check_field(f: &FieldDef) -> Result<(), CoreError> {
    if !crate::ident::is_snake_ident(&f.name) {
        return Err(CoreError::field(
            "name",
            format!("'{}' is not a valid field name", f.name),
        ));
    }
    if f.kind == FieldKind::Id {
        return Err(CoreError::field("type", "'id' is not a field type"));
    }
    let numeric = matches!(
        f.kind,
        FieldKind::Integer | FieldKind::Decimal | FieldKind::Percent | FieldKind::Money
    );
    if (f.min.is_some() || f.max.is_some()) && !numeric {
        return Err(CoreError::field("min", "only number fields have a range"));
    }
    if let (Some(lo), Some(hi)) = (f.min, f.max)
        && lo > hi
    {
        return Err(CoreError::field(
            "min",
            "the smallest value is above the largest",
        ));
    }
    if f.label.trim().is_empty() {
        return Err(CoreError::field("label", "a field needs a label"));
    }
    if f.kind.has_options() {
        if f.options.is_empty() {
            return Err(CoreError::field(
                "options",
                "a select field needs at least one option",
            ));
        }
        if let Some(bad) = f.options.iter().find(|o| !crate::ident::is_snake_ident(o)) {
            return Err(CoreError::field(
                "options",
                format!(
                    "option '{bad}' must be a lowercase snake_case value such as 'key_account'"
                ),
            ));
        }
    } else if !f.options.is_empty() {
        return Err(CoreError::field(
            "options",
            "only select and multiselect fields have options",
        ));
    }
    if f.kind == FieldKind::Lookup && f.target.is_none() {
        return Err(CoreError::field(
            "target",
            "a lookup field needs a target object",
        ));
    }
    if f.scale.is_some_and(|s| s > 6) {
        return Err(CoreError::field(
            "scale",
            "at most 6 digits after the decimal point",
        ));
    }
    if f.max_length.is_some_and(|m| m == 0 || m > 100_000) {
        return Err(CoreError::field(
            "max_length",
            "max_length is between 1 and 100000",
        ));
    }
    Ok(())
}
