//! The currency a customer is billed in, which a document given none takes.

use pelagic_core::Value;
use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_store::Tx;

use super::rows::{self, is};
use crate::AppResult;
use pelagic_core::row::Row;

/// The currency the customer is billed in: that of the record the document's `account_id`
/// names, when it has a valid one. A document given no currency takes it, else the company's.
pub(super) async fn of(
    tx: &mut Tx,
    schema: &Schema,
    obj: &ObjectDef,
    values: &Row,
) -> AppResult<Option<String>> {
    let (Some(link), Some(Value::Text(id))) =
        (obj.field("account_id"), Some(values.get("account_id")))
    else {
        return Ok(None);
    };
    let Some(target) = link.target.as_deref() else {
        return Ok(None);
    };
    let customer = schema.object(target)?;
    if customer.field("currency").is_none() {
        return Ok(None);
    }
    let found = rows::live(tx, customer, &["currency"], is("id", id), &[])
        .await?
        .pop();
    Ok(found
        .and_then(|r| r.text("currency").map(str::to_uppercase))
        .filter(|c| pelagic_core::money::is_currency_code(c)))
}
