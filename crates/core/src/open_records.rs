//! Which records of an object are still being worked (leads not yet converted, deals not yet
//! won or lost): its list opens on them.

use serde::{Deserialize, Serialize};

use crate::CoreError;
use crate::kind::FieldKind;
use crate::meta::FieldDef;
use crate::said::{Reason, Said};

/// The records still being worked: those whose select `field` is one of (`in`) or none of
/// (`nin`) `values`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenRecords {
    pub field: String,
    pub op: OpenOp,
    pub values: Vec<String>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum OpenOp {
    In,
    Nin,
}

impl OpenOp {
    /// The operator's name in filters.
    pub fn name(self) -> &'static str {
        match self {
            OpenOp::In => "in",
            OpenOp::Nin => "nin",
        }
    }
}

impl OpenRecords {
    /// The field must be a select of the object and every value one of its options.
    pub(crate) fn check(&self, fields: &[FieldDef]) -> Result<(), CoreError> {
        let options = fields
            .iter()
            .find(|f| f.name == self.field && f.kind == FieldKind::Select)
            .map(|f| &f.options)
            .ok_or_else(|| CoreError::field("open", Reason::OpenNamesSelect))?;
        match self.values.iter().find(|v| !options.contains(v)) {
            Some(bad) => Err(CoreError::field(
                "open",
                Said::new(Reason::NotAnOptionOf)
                    .with("value", bad)
                    .with("field", &self.field),
            )),
            None => Ok(()),
        }
    }
}
