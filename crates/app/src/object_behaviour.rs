//! The behaviours an administrator may give a custom object when adding it (numbers, priced
//! lines), and what each brings: its fields, and for lines the totals their document carries.

use pelagic_core::CoreError;
use pelagic_core::behaviour::{self, Part, RollUp};
use pelagic_core::ident::check_new_name;
use pelagic_core::meta::ObjectDef;
use pelagic_core::said::{Reason, Said};

use crate::AppResult;

/// The behaviours an administrator may give a custom object; each brings the fields it needs.
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NewBehaviour {
    /// Records are numbered when created, with this pattern (`JOB-{yyyy}-{seq:4}`).
    #[serde(default)]
    pub numbered: Option<String>,
    /// Records are the priced lines of the named object's records, which then carry totals.
    #[serde(default)]
    pub lines_of: Option<String>,
}

/// The catalogue a custom object's lines may name products of, when the company has one.
pub(crate) const CATALOGUE: &str = "product";

/// How records of a new object `name` become the lines of `parent`'s records: where they roll
/// up, and the parent as it is and with the totals it then carries.
pub(crate) fn lines_of(
    schema: &pelagic_core::Schema,
    name: &str,
    parent: &str,
) -> AppResult<(RollUp, (ObjectDef, ObjectDef))> {
    let found = schema.object(parent).map_err(|_| {
        CoreError::field(
            "behaviour.lines_of",
            Said::new(Reason::NoSuchObject).with("object", parent),
        )
    })?;
    if !found.custom {
        return Err(CoreError::field("behaviour.lines_of", Reason::LinesOfCustomOnly).into());
    }
    if schema.parts_of(parent, Part::Line).next().is_some() {
        return Err(Said::new(Reason::HasLines).with("value", parent).into());
    }
    let link = format!("{parent}_id");
    check_new_name(&link)?;
    let old = found.as_ref().clone();
    let mut with_totals = old.clone();
    for f in behaviour::document_fields() {
        if with_totals.field(&f.name).is_none() {
            with_totals.fields.push(f);
        }
    }
    let with_totals = with_totals.complete()?;
    tracing::info!(object = %name, parent = %parent, "custom object declared as lines");
    let rolls_up = RollUp {
        object: parent.to_owned(),
        link,
        part: Part::Line,
    };
    Ok((rolls_up, (old, with_totals)))
}
