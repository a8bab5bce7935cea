//! How many customers one salesperson may own (the company's `account_capacity` setting), read
//! outside a write or inside the claim's transaction that counts against it.

use pelagic_store::{Tx, metadata};

use crate::{App, AppResult};

impl App {
    /// How many accounts one salesperson may own in all before pools stop giving them more.
    pub async fn account_capacity(&self) -> AppResult<Option<i64>> {
        let set = metadata::setting(self.db(), ACCOUNT_CAPACITY).await?;
        Ok(capacity_of(set))
    }

    /// [`App::account_capacity`] read in a write's transaction (a claim counts against it).
    pub(crate) async fn account_capacity_tx(tx: &mut Tx) -> AppResult<Option<i64>> {
        let set = metadata::setting_tx(tx, ACCOUNT_CAPACITY).await?;
        Ok(capacity_of(set))
    }
}

/// The setting that caps how many customers one salesperson may own.
pub(crate) const ACCOUNT_CAPACITY: &str = "account_capacity";

/// The cap a stored setting gives: a positive whole number, or none.
fn capacity_of(set: Option<serde_json::Value>) -> Option<i64> {
    set.and_then(|v| v.as_i64()).filter(|n| *n > 0)
}
