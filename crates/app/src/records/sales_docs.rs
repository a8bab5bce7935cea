//! What records that roll up into a document (`rolls_up_into`), refund a payment (`refunds`)
//! or renew (`renews`) take from the records they belong to, checked and filled inside the
//! write's transaction: a line's price from the catalogue (see `line_prices`); an instalment's,
//! payment's or refund's document and account; the document's currency on every amount; and
//! which of them may not change now (a record waiting for approval, a record its `lock` closes,
//! a line of either).

use pelagic_core::names::ColumnName;
use pelagic_core::row::Row;

use pelagic_core::behaviour::{Part, STATUS_FIELD};
use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_core::said::{Reason, Said};
use pelagic_core::{FieldErrors, Value};
use pelagic_store::Tx;

use super::figures::{document_of, link_column};
use super::rows::{self, is};
use crate::{AppError, AppResult};

pub(super) fn invalid(field: &str, said: impl Into<Said>) -> AppError {
    AppError::Validation(FieldErrors::from([(field.to_owned(), said.into())]))
}

/// A value of `field` refused for `reason`.
pub(super) fn refused(field: &str, said: Said) -> AppError {
    said.on(field).into()
}

/// Refuses a change to a record that is locked: waiting for approval, or in a status its
/// `lock` closes (a quote past its draft is changed by revising it).
pub(super) fn check_unlocked(obj: &ObjectDef, values: &Row) -> AppResult<()> {
    let text = |c: &str| values.text(c);
    if obj.field("approval_status").is_some() && text("approval_status") == Some("pending") {
        return Err(Said::new(Reason::WaitingForApproval).into());
    }
    let status = text(STATUS_FIELD);
    match obj.behaviour.lock.as_ref().and_then(|l| l.refuses(status)) {
        Some(Reason::OrderClosed) => Err(Said::new(Reason::OrderClosed)
            .with_option(
                "status",
                (&obj.name, STATUS_FIELD),
                status.unwrap_or_default(),
            )
            .into()),
        Some(reason) => Err(Said::new(reason).into()),
        None => Ok(()),
    }
}

/// The document a record that rolls up belongs to, read in the transaction.
async fn document(
    tx: &mut Tx,
    schema: &Schema,
    obj: &ObjectDef,
    link_value: &Value,
) -> AppResult<Option<(std::sync::Arc<ObjectDef>, Row)>> {
    let (Some(to), Some(doc_id)) = (document_of(obj), link_value.as_str()) else {
        return Ok(None);
    };
    let doc = schema.object(&to.object)?.clone();
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
    values: &mut Row,
    default_currency: &str,
) -> AppResult<()> {
    // `values` holds every column of the object's table: what is put here is one of them.
    let put = |values: &mut Row, c: &ColumnName, v: Value| {
        let known = values.put(c, v);
        debug_assert!(known, "{c} is a column of the table");
    };
    if let Some(f) = obj.field("currency") {
        let given = values.text(&f.column).map(str::to_uppercase);
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
    if let Some(link) = &obj.behaviour.refunds {
        let source = super::refunds::source(tx, schema, obj, link, values).await?;
        for (c, v) in source {
            put(values, &c, v);
        }
    }
    if obj.behaviour.renews {
        let get = |c: &str| values.get(c).clone();
        for (c, v) in super::reminders::plan_renewal(&get) {
            put(values, &c, v);
        }
    }
    let Some(to) = document_of(obj) else {
        return Ok(());
    };
    let link = link_column(obj, &to.link);
    let link_value = values.get(&link).clone();
    let Some((doc, row)) = document(tx, schema, obj, &link_value).await? else {
        return Err(invalid(&to.link, Reason::RecordMissing));
    };
    if to.part == Part::Line {
        check_unlocked(&doc, &row)?;
    } else if row.text("approval_status") == Some("pending") {
        return Err(Said::new(Reason::WaitingForApproval).into());
    }
    let currency = row.text("currency").unwrap_or(default_currency).to_owned();
    // What counts in a document is the document's customer's.
    if let Some(account) = obj.field("account_id").filter(|_| to.part != Part::Line) {
        put(values, &account.column, row.get("account_id").clone());
    }
    if to.part == Part::Line {
        super::line_prices::fill(tx, schema, obj, values, &row, &currency).await?;
    }
    for f in obj
        .fields
        .iter()
        .filter(|f| f.kind == pelagic_core::FieldKind::Money && !f.system)
    {
        let cur = f.column.with_suffix("_currency");
        let given = values.text(&cur).unwrap_or_default();
        if !values.get(&f.column).is_null() && given != currency {
            return Err(refused(
                &f.name,
                Said::new(Reason::AmountInDocumentCurrency).with("currency", &currency),
            ));
        }
    }
    Ok(())
}

/// Refuses to delete a locked record, or a line of a locked quote or order.
pub(super) async fn check_deletable(
    tx: &mut Tx,
    schema: &Schema,
    obj: &ObjectDef,
    id: &str,
) -> AppResult<()> {
    let to = document_of(obj);
    if !applies(obj) && obj.field("approval_status").is_none() {
        return Ok(());
    }
    let fields: Vec<&str> = [STATUS_FIELD, "approval_status"]
        .into_iter()
        .chain(to.map(|t| t.link.as_str()))
        .collect();
    let Some(row) = rows::live(tx, obj, &fields, is("id", id), &[]).await?.pop() else {
        return Ok(());
    };
    check_unlocked(obj, &row)?;
    if let Some(to) = to.filter(|t| t.part == Part::Line)
        && let Some((doc, doc_row)) =
            document(tx, schema, obj, row.get(link_column(obj, &to.link))).await?
    {
        check_unlocked(&doc, &doc_row)?;
    }
    Ok(())
}

/// Whether records of `obj` take anything from the records they belong to.
pub(super) fn applies(obj: &ObjectDef) -> bool {
    document_of(obj).is_some()
        || obj.field("currency").is_some()
        || obj.behaviour.refunds.is_some()
        || obj.behaviour.renews
}
