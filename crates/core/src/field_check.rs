//! What makes one field definition valid on its own: a usable name, a label, options for the
//! kinds that pick from them, a target for lookups, sensible ranges and lengths.

use crate::CoreError;
use crate::kind::FieldKind;
use crate::meta::FieldDef;
use crate::said::{Reason, Said};

/// Checks one field definition on its own.
pub fn check_field(f: &FieldDef) -> Result<(), CoreError> {
    if !crate::ident::is_snake_ident(&f.name) {
        return Err(CoreError::field(
            "name",
            Said::new(Reason::BadName).with("max", crate::ident::MAX_NAME_LEN),
        ));
    }
    if f.kind == FieldKind::Id {
        return Err(CoreError::field("type", Reason::IdNotAType));
    }
    let numeric = matches!(
        f.kind,
        FieldKind::Integer | FieldKind::Decimal | FieldKind::Percent | FieldKind::Money
    );
    if (f.min.is_some() || f.max.is_some()) && !numeric {
        return Err(CoreError::field("min", Reason::RangeOnNumbers));
    }
    if let (Some(lo), Some(hi)) = (f.min, f.max)
        && lo > hi
    {
        return Err(CoreError::field("min", Reason::MinAboveMax));
    }
    if f.label.trim().is_empty() {
        return Err(CoreError::field("label", Reason::Required));
    }
    if f.kind.has_options() {
        if f.options.is_empty() {
            return Err(CoreError::field("options", Reason::SelectNeedsOption));
        }
        if let Some(bad) = f.options.iter().find(|o| !crate::ident::is_snake_ident(o)) {
            return Err(CoreError::field(
                "options",
                Said::new(Reason::OptionKey).with("value", bad),
            ));
        }
    } else if !f.options.is_empty() {
        return Err(CoreError::field("options", Reason::OptionsOnSelects));
    }
    if f.kind == FieldKind::Lookup && f.target.is_none() {
        return Err(CoreError::field("target", Reason::LookupNeedsTarget));
    }
    if f.scale.is_some_and(|s| s > 6) {
        return Err(CoreError::field(
            "scale",
            Said::new(Reason::TooManyDecimals).with("scale", 6),
        ));
    }
    if f.max_length.is_some_and(|m| m == 0 || m > 100_000) {
        return Err(CoreError::field(
            "max_length",
            Said::new(Reason::Between)
                .with("low", 1)
                .with("high", 100_000),
        ));
    }
    Ok(())
}
