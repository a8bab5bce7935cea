//! Hook for objects declaring `refunds` (a refund): a record takes the document and account of
//! the payment it gives money back from, and may not exceed what is left of that payment after
//! its other refunds.

use pelagic_core::Value;
use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_core::names::ColumnName;
use pelagic_core::said::{Reason, Said};
use pelagic_store::Tx;

use super::figures::{document_of, link_column};
use super::rows::{self, is};
use super::sales_docs::{invalid, refused};
use crate::AppResult;
use pelagic_core::row::Row;

/// The columns a refund of `obj` takes from its payment (named by its `link` field): the
/// payment's document link and account. Refuses an amount the payment no longer covers.
pub(super) async fn source(
    tx: &mut Tx,
    schema: &Schema,
    obj: &ObjectDef,
    link: &str,
    values: &Row,
) -> AppResult<Vec<(ColumnName, Value)>> {
    let payment_object = obj.field(link).and_then(|f| f.target.clone());
    let payment_obj = schema.object(payment_object.as_deref().unwrap_or_default())?;
    let link_col = link_column(obj, link);
    let payment_id = values.text(&link_col).unwrap_or_default();
    let payment_doc = document_of(payment_obj).map(|t| t.link.clone());
    let mut wanted = vec!["account_id", "amount"];
    wanted.extend(payment_doc.as_deref());
    let Some(payment) = rows::live(tx, payment_obj, &wanted, is("id", payment_id), &[])
        .await?
        .pop()
    else {
        return Err(invalid(link, Reason::RecordMissing));
    };
    let own_id = values.text("id").unwrap_or_default();
    let others: i64 = rows::live(
        tx,
        obj,
        &["amount", "approval_status"],
        is(&link_col, payment_id),
        &[],
    )
    .await?
    .iter()
    .filter(|r| r.text("id") != Some(own_id) && r.text("approval_status") != Some("rejected"))
    .map(|r| r.int("amount"))
    .sum();
    let amount = values.int("amount");
    let left = payment.int("amount") - others;
    if amount <= 0 {
        return Err(refused("amount", Said::new(Reason::RefundAboveZero)));
    }
    if amount > left {
        let currency = payment.text("amount_currency").unwrap_or_default();
        let scale = pelagic_core::money::currency_exponent(currency);
        return Err(refused(
            "amount",
            Said::new(Reason::RefundAtMost)
                .with(
                    "amount",
                    pelagic_core::money::format_scaled(left.max(0), scale),
                )
                .with("currency", currency),
        ));
    }
    let mut out = vec![(
        ColumnName::fixed("account_id"),
        payment.get("account_id").clone(),
    )];
    if let (Some(from), Some(to)) = (payment_doc, document_of(obj)) {
        let at = link_column(payment_obj, &from);
        out.push((link_column(obj, &to.link), payment.get(&at).clone()));
    }
    Ok(out)
}
