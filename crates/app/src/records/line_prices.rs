//! Hook for lines (records that roll up into a document `as = "line"`): a line names a product
//! of the catalogue or says what it is and costs; from the product it takes its description,
//! unit, tax rate and the price of the document's currency for the customer's level.

use pelagic_core::Value;
use pelagic_core::kind::FOLD_SUFFIX;
use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_core::names::Column;
use pelagic_core::said::{Reason, Said};
use pelagic_store::Tx;

use super::rows::{self, Row, is};
use super::sales_docs::{invalid, refused};
use crate::AppResult;

/// The catalogue's price list: a product's prices per currency and customer level.
const PRICE_LIST: &str = "product_price";

/// The object a document's `account_id` names, whose `level` picks the price.
const CUSTOMERS: &str = "account";

/// A line's description, unit, tax rate and unit price from its product, where the line leaves
/// them empty. The price is the product's price in the document's currency for the account's
/// level, else for every level, else its list price when that is in the same currency.
pub(super) async fn fill(
    tx: &mut Tx,
    schema: &Schema,
    line: &ObjectDef,
    values: &mut Row,
    document: &Row,
    currency: &str,
) -> AppResult<()> {
    let product_id = match values.text("product_id") {
        Some(p) => p.to_owned(),
        None => {
            if values.get("description").is_null() {
                return Err(refused("description", Said::new(Reason::LineNeedsWhat)));
            }
            if values.get("unit_price").is_null() {
                return Err(refused("unit_price", Said::new(Reason::LineNeedsPrice)));
            }
            return Ok(());
        }
    };
    let catalogue = line.field("product_id").and_then(|f| f.target.as_deref());
    let product_obj = schema.object(catalogue.unwrap_or_default())?;
    let Some(product) = rows::live(
        tx,
        product_obj,
        &["name", "unit", "unit_price", "tax_rate"],
        is("id", &product_id),
        &[],
    )
    .await?
    .pop() else {
        return Err(invalid("product_id", Reason::RecordMissing));
    };
    let fill_text = |values: &mut Row, field: &str, from: &str| {
        if values.get(field).is_null()
            && let Some(text) = product.text(from)
        {
            let column = field.to_name();
            values.put(
                column.with_suffix(FOLD_SUFFIX),
                Value::Text(pelagic_core::fold::fold(text)),
            );
            values.put(column, Value::Text(text.to_owned()));
        }
    };
    fill_text(values, "description", "name");
    fill_text(values, "unit", "unit");
    if values.get("tax_rate").is_null() {
        values.put("tax_rate", product.get("tax_rate").clone());
    }
    if values.get("unit_price").is_null() {
        let price = product_price(tx, schema, &product_id, document, currency)
            .await?
            .or_else(|| {
                (product.text("unit_price_currency") == Some(currency))
                    .then(|| product.int("unit_price"))
            })
            .ok_or_else(|| {
                refused(
                    "unit_price",
                    Said::new(Reason::NoPriceInCurrency).with("currency", currency),
                )
            })?;
        values.put("unit_price", Value::Int(price));
        values.put("unit_price_currency", Value::Text(currency.to_owned()));
    }
    Ok(())
}

/// The price list's price of a product in a currency for the document's account level, or for
/// every level.
async fn product_price(
    tx: &mut Tx,
    schema: &Schema,
    product_id: &str,
    document: &Row,
    currency: &str,
) -> AppResult<Option<i64>> {
    let Ok(prices) = schema.object(PRICE_LIST) else {
        return Ok(None);
    };
    let level = match document.text("account_id") {
        Some(account_id) => rows::live(
            tx,
            schema.object(CUSTOMERS)?,
            &["level"],
            is("id", account_id),
            &[],
        )
        .await?
        .pop()
        .and_then(|a| a.text("level").map(str::to_owned)),
        None => None,
    };
    let found = rows::live(
        tx,
        prices,
        &["price", "account_level"],
        pelagic_core::plan::Pred::And(vec![
            is("product_id", product_id),
            is("price_currency", currency),
        ]),
        &[],
    )
    .await?;
    let for_level = |l: Option<&str>| {
        found
            .iter()
            .find(|r| r.text("account_level") == l)
            .map(|r| r.int("price"))
    };
    Ok(level
        .as_deref()
        .and_then(|l| for_level(Some(l)))
        .or_else(|| for_level(None)))
}
