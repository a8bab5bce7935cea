//! Which fields a figure may be computed from: only those its reader reads in full (see
//! `Policy::figure_field`), so that no sum, count per value or average gives a hidden or masked
//! field away.

use pelagic_core::said::{Reason, Said};
use std::collections::BTreeSet;

use super::RecordService;
use crate::AppResult;

impl RecordService<'_> {
    /// Which of `names` (fields of `object`) the actor's figures may be computed from (see
    /// `Policy::figure_field`).
    pub async fn figure_fields(&self, object: &str, names: &[&str]) -> AppResult<BTreeSet<String>> {
        let t = self.target(object).await?;
        let policy = t.policy(self.actor);
        Ok(names
            .iter()
            .filter(|n| policy.figure_field(&t.obj, n).is_some())
            .map(|n| (*n).to_owned())
            .collect())
    }
}

/// Refuses (403) a figure that cannot be made without one of `needed`.
pub(crate) fn require_figures(
    usable: &BTreeSet<String>,
    needed: &[&str],
    figure: &str,
) -> AppResult<()> {
    match needed.iter().find(|n| !usable.contains(**n)) {
        Some(missing) => Err(crate::AppError::from(
            Said::new(Reason::FigureNeedsField)
                .with("figure", figure)
                .with("field", missing),
        )),
        None => Ok(()),
    }
}
