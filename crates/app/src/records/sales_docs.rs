//! What quotes, orders, contracts and the records under them take from the records they belong
//! to, checked and filled inside the write's transaction: a line's price, description, unit and
//! tax from its product and the price list of its account's level; an instalment's, payment's
//! or refund's order and account; the document's currency on every amount; and which of them
//! may not change now (a record waiting for approval, a quote past its draft, a line of either).

use std::collections::HashMap;

use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_core::said::{Reason, Said};
use pelagic_core::{FieldErrors, Value};
use pelagic_store::Tx;

use super::figures::document_of;
use super::rows::{self, Row, is};
use crate::{AppError, AppResult};

/// A row being written: column → value.
pub(super) type Columns = HashMap<String, Value>;

fn invalid(field: &str, said: impl Into<Said>) -> AppError {
    AppError::Validation(FieldErrors::from([(field.to_owned(), said.into())]))
}

/// A value of `field` refused for `reason`.
fn refused(field: &str, said: Said) -> AppError {
    said.on(field).into()
}

/// Refuses a change to a record that is locked: waiting for approval, or a quote past its
/// draft (a quote is changed by revising it).
pub(super) fn check_unlocked(obj: &ObjectDef, values: &Columns) -> AppResult<()> {
    let text = |c: &str| values.get(c).and_then(Value::as_str);
    if obj.field("approval_status").is_some() && text("approval_status") == Some("pending") {
        return Err(Said::new(Reason::WaitingForApproval).into());
    }
    if obj.name == "quote" && text("status").is_some_and(|s| s != "draft") {
        return Err(Said::new(Reason::OnlyDraftQuoteChanges).into());
    }
    if obj.name == "order" && matches!(text("status"), Some("completed" | "cancelled")) {
        return Err(Said::new(Reason::OrderClosed)
            .with_option(
                "status",
                (&obj.name, "status"),
                text("status").unwrap_or_default(),
            )
            .into());
    }
    Ok(())
}

/// The document (quote or order) a line, instalment, payment or refund belongs to, read in the
/// transaction; refuses when it is locked against changes of its lines.
async fn document(
    tx: &mut Tx,
    schema: &Schema,
    object: &str,
    link_value: &Value,
) -> AppResult<Option<(std::sync::Arc<ObjectDef>, Row)>> {
    let (Some((_, doc_object)), Some(doc_id)) = (document_of(object), link_value.as_str()) else {
        return Ok(None);
    };
    let doc = schema.object(doc_object)?.clone();
    let found = rows::live(
        tx,
        &doc,
        &["currency", "status", "approval_status", "account_id"],
        is("id", doc_id),
        &[],
    )
    .await?
    .pop();
    Ok(found.map(|r| (doc, r)))
}

/// Fills and checks what a record of `obj` takes from the records it belongs to. `values` is
/// the whole row as it will be written.
pub(super) async fn complete(
    tx: &mut Tx,
    schema: &Schema,
    obj: &ObjectDef,
    values: &mut Columns,
    default_currency: &str,
) -> AppResult<()> {
    let put = |values: &mut Columns, c: &str, v: Value| {
        values.insert(c.to_owned(), v);
    };
    if let Some(f) = obj.field("currency") {
        let given = values
            .get(&f.column)
            .and_then(Value::as_str)
            .map(str::to_uppercase);
        let code = match given {
            Some(code) => code,
            None => super::customer_currency::of(tx, schema, obj, values)
                .await?
                .unwrap_or_else(|| default_currency.to_owned()),
        };
        if !pelagic_core::money::is_currency_code(&code) {
            return Err(refused(
                "currency",
                Said::new(Reason::NotACurrency).with("code", &code),
            ));
        }
        for (c, _, v) in f.text_sets(Some(&code)) {
            put(values, &c, v);
        }
    }
    let object = obj.name.as_str();
    if object == "refund" {
        let (order_id, account_id) = refund_source(tx, schema, values).await?;
        put(values, "order_id", order_id);
        put(values, "account_id", account_id);
    }
    if object == "contract" {
        let get = |c: &str| values.get(c).cloned().unwrap_or(Value::Null);
        for (c, v) in super::reminders::plan_renewal(&get) {
            put(values, &c, v);
        }
    }
    let Some((link, _)) = document_of(object) else {
        return Ok(());
    };
    let Some((doc, row)) = document(
        tx,
        schema,
        object,
        &values.get(link).cloned().unwrap_or(Value::Null),
    )
    .await?
    else {
        return Err(invalid(link, Reason::RecordMissing));
    };
    if object.ends_with("_line") {
        check_unlocked(&doc, &row.0)?;
    } else if row.text("approval_status") == Some("pending") {
        return Err(Said::new(Reason::WaitingForApproval).into());
    }
    let currency = row.text("currency").unwrap_or(default_currency).to_owned();
    if matches!(object, "payment" | "payment_plan") {
        put(values, "account_id", row.get("account_id").clone());
    }
    if object.ends_with("_line") {
        fill_from_product(tx, schema, values, &row, &currency).await?;
    }
    for f in obj
        .fields
        .iter()
        .filter(|f| f.kind == pelagic_core::FieldKind::Money && !f.system)
    {
        let cur = format!("{}_currency", f.column);
        let given = values.get(&cur).and_then(Value::as_str).unwrap_or_default();
        if values.get(&f.column).is_some_and(|v| !v.is_null()) && given != currency {
            return Err(refused(
                &f.name,
                Said::new(Reason::AmountInDocumentCurrency).with("currency", &currency),
            ));
        }
    }
    Ok(())
}

/// A refund's order and account, from its payment; refuses a refund larger than what is left
/// of the payment after its other refunds.
async fn refund_source(
    tx: &mut Tx,
    schema: &Schema,
    values: &Columns,
) -> AppResult<(Value, Value)> {
    let payment_obj = schema.object("payment")?;
    let refund_obj = schema.object("refund")?;
    let payment_id = values
        .get("payment_id")
        .and_then(Value::as_str)
        .unwrap_or_default();
    let Some(payment) = rows::live(
        tx,
        payment_obj,
        &["order_id", "account_id", "amount"],
        is("id", payment_id),
        &[],
    )
    .await?
    .pop() else {
        return Err(invalid("payment_id", Reason::RecordMissing));
    };
    let own_id = values.get("id").and_then(Value::as_str).unwrap_or_default();
    let others: i64 = rows::live(
        tx,
        refund_obj,
        &["amount", "approval_status"],
        is("payment_id", payment_id),
        &[],
    )
    .await?
    .iter()
    .filter(|r| r.text("id") != Some(own_id) && r.text("approval_status") != Some("rejected"))
    .map(|r| r.int("amount"))
    .sum();
    let amount = values.get("amount").and_then(Value::as_int).unwrap_or(0);
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
    Ok((
        payment.get("order_id").clone(),
        payment.get("account_id").clone(),
    ))
}

/// A line's description, unit, tax rate and unit price from its product, where the line leaves
/// them empty. The price is the product's price in the document's currency for the account's
/// level, else for every level, else its list price when that is in the same currency.
async fn fill_from_product(
    tx: &mut Tx,
    schema: &Schema,
    values: &mut Columns,
    document: &Row,
    currency: &str,
) -> AppResult<()> {
    let product_id = match values.get("product_id").and_then(Value::as_str) {
        Some(p) => p.to_owned(),
        None => {
            if values.get("description").is_none_or(Value::is_null) {
                return Err(refused("description", Said::new(Reason::LineNeedsWhat)));
            }
            if values.get("unit_price").is_none_or(Value::is_null) {
                return Err(refused("unit_price", Said::new(Reason::LineNeedsPrice)));
            }
            return Ok(());
        }
    };
    let product_obj = schema.object("product")?;
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
    let fill_text = |values: &mut Columns, field: &str, from: &str| {
        if values.get(field).is_none_or(Value::is_null)
            && let Some(text) = product.text(from)
        {
            values.insert(field.to_owned(), Value::Text(text.to_owned()));
            values.insert(
                format!("{field}_fold"),
                Value::Text(pelagic_core::fold::fold(text)),
            );
        }
    };
    fill_text(values, "description", "name");
    fill_text(values, "unit", "unit");
    if values.get("tax_rate").is_none_or(Value::is_null) {
        values.insert("tax_rate".into(), product.get("tax_rate").clone());
    }
    if values.get("unit_price").is_none_or(Value::is_null) {
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
        values.insert("unit_price".into(), Value::Int(price));
        values.insert(
            "unit_price_currency".into(),
            Value::Text(currency.to_owned()),
        );
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
    let Ok(prices) = schema.object("product_price") else {
        return Ok(None);
    };
    let level = match document.text("account_id") {
        Some(account_id) => rows::live(
            tx,
            schema.object("account")?,
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

/// Refuses to delete a locked record, or a line of a locked quote or order.
pub(super) async fn check_deletable(
    tx: &mut Tx,
    schema: &Schema,
    obj: &ObjectDef,
    id: &str,
) -> AppResult<()> {
    let link = document_of(&obj.name).map(|(l, _)| l);
    if !applies(obj) && obj.field("approval_status").is_none() {
        return Ok(());
    }
    let fields: Vec<&str> = ["status", "approval_status"]
        .into_iter()
        .chain(link)
        .collect();
    let Some(row) = rows::live(tx, obj, &fields, is("id", id), &[]).await?.pop() else {
        return Ok(());
    };
    check_unlocked(obj, &row.0)?;
    if obj.name.ends_with("_line")
        && let Some(l) = link
        && let Some((doc, doc_row)) = document(tx, schema, &obj.name, row.get(l)).await?
    {
        check_unlocked(&doc, &doc_row.0)?;
    }
    Ok(())
}

/// Whether records of `obj` take anything from the records they belong to.
pub(super) fn applies(obj: &ObjectDef) -> bool {
    document_of(&obj.name).is_some()
        || obj.field("currency").is_some()
        || matches!(obj.name.as_str(), "refund" | "contract")
}
