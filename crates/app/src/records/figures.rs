//! The figures records keep from the records that roll up into them (`rolls_up_into` in the
//! metadata): each line's amounts and the document's totals, and planned, received, refunded,
//! net and outstanding amounts with each instalment's share. They are worked out again from the
//! live records, in the transaction of every write that can move them (a line, an instalment,
//! a payment or a refund created, changed, deleted or restored; the document's own discount or
//! currency changed), so they always agree with the records they sum.

use pelagic_core::names::ColumnName;
use std::collections::{BTreeSet, HashMap};

use pelagic_core::behaviour::{Part, RollUp};
use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_core::plan::Pred;
use pelagic_core::pricing::{self, LineAmounts, LineInput};
use pelagic_core::{ColType, Value};
use pelagic_store::Tx;

use super::rows::{self, Row, changed, is, money};
use crate::{AppError, AppResult};

/// A document's own fields that move its figures.
pub(super) const DOCUMENT_INPUTS: [&str; 2] = ["discount_percent", "currency"];

/// Where records of `obj` count, if they roll up into another's figures.
pub(super) fn document_of(obj: &ObjectDef) -> Option<&RollUp> {
    obj.behaviour.rolls_up_into.as_ref()
}

/// Whether writing a record of `obj` works out amounts of its own (a document's totals, a
/// line's amounts), so that what was written must be read back to be shown.
pub(super) fn priced_on_write(schema: &Schema, obj: &ObjectDef) -> bool {
    schema.has_figures(&obj.name) || document_of(obj).is_some_and(|to| to.part == Part::Line)
}

/// The column of `obj` holding the link field `link`.
pub(super) fn link_column(obj: &ObjectDef, link: &str) -> ColumnName {
    obj.field(link).map_or_else(
        || ColumnName::derived(link.to_owned()),
        |f| f.column.clone(),
    )
}

/// The records a write to these rows of `obj` moves the figures of: the documents they count
/// in (read from `links`, the link values before and after), and the rows themselves when they
/// carry figures and `own_inputs` (one of `DOCUMENT_INPUTS` was written, or they are new).
pub(super) fn moved_by<'r>(
    schema: &Schema,
    obj: &ObjectDef,
    links: impl Iterator<Item = &'r Value>,
    own: impl Iterator<Item = String>,
) -> BTreeSet<(String, String)> {
    let mut out = documents_of_rows(obj, links);
    if schema.has_figures(&obj.name) {
        out.extend(own.map(|id| (obj.name.clone(), id)));
    }
    out
}

/// Works the figures of these documents out again: (object, id) pairs, each once.
pub(super) async fn refresh(
    tx: &mut Tx,
    schema: &Schema,
    documents: &BTreeSet<(String, String)>,
) -> AppResult<()> {
    for (object, id) in documents {
        let doc = schema.object(object)?;
        // Two payments of one order written at once are summed one after the other: the second
        // waits here and then reads the first.
        rows::lock(tx, doc, id).await?;
        let Some(row) = rows::live(
            tx,
            doc,
            &["discount_percent", "currency"],
            is("id", id),
            &[],
        )
        .await?
        .pop() else {
            // A document in the recycle bin keeps the figures it had.
            continue;
        };
        let currency = row.text("currency").unwrap_or_default().to_owned();
        let totals = match schema.parts_of(object, Part::Line).next() {
            Some((lines, to)) => {
                let extra = doc
                    .field("discount_percent")
                    .map_or(0, |f| row.int(&f.column));
                let link = link_column(lines, &to.link);
                price_lines(tx, lines, &link, id, extra, &currency).await?
            }
            None => pricing::Totals::default(),
        };
        let mut sets = Vec::new();
        for (field, amount) in [
            ("subtotal", totals.subtotal),
            ("discount_amount", totals.discount),
            ("tax_amount", totals.tax),
            ("total", totals.total),
        ] {
            sets.extend(money(doc, field, amount, &currency));
        }
        if let Some(f) = doc.field("discount_rate") {
            sets.push((
                f.column.clone(),
                ColType::BigInt,
                Value::Int(totals.discount_rate),
            ));
        }
        if let Some(parts) = Collected::of(schema, object) {
            sets.extend(collections(tx, &parts, doc, id, totals.total, &currency).await?);
        }
        rows::set(tx, doc, id, &sets).await?;
    }
    Ok(())
}

/// Prices every live line of a document, writes the amounts that changed, and gives the totals.
async fn price_lines(
    tx: &mut Tx,
    lines: &ObjectDef,
    link: &str,
    document_id: &str,
    extra_discount: i64,
    currency: &str,
) -> AppResult<pricing::Totals> {
    let found = rows::live(
        tx,
        lines,
        &[
            "quantity",
            "unit_price",
            "discount_percent",
            "tax_rate",
            "subtotal",
            "discount_amount",
            "tax_amount",
            "total",
        ],
        is(link, document_id),
        &["position"],
    )
    .await?;
    let scale = |name: &str| lines.field(name).map_or(0, |f| f.scale());
    let mut priced = Vec::with_capacity(found.len());
    for line in &found {
        let input = LineInput {
            quantity: line.int("quantity"),
            quantity_scale: scale("quantity"),
            unit_price: line.int("unit_price"),
            discount: line.int("discount_percent"),
            tax_rate: line.int("tax_rate"),
            percent_scale: scale("discount_percent"),
        };
        let amounts = pricing::price_line(&input, extra_discount)
            .map_err(|e| AppError::Validation([(e.field.to_owned(), e.said)].into()))?;
        let mut sets = Vec::new();
        for (field, amount) in line_amounts(&amounts) {
            sets.extend(money(lines, field, amount, currency));
        }
        let id = line.text("id").unwrap_or_default().to_owned();
        rows::set(tx, lines, &id, &changed(line, sets)).await?;
        priced.push(amounts);
    }
    Ok(pricing::totals(&priced, scale("discount_percent")))
}

fn line_amounts(a: &LineAmounts) -> [(&'static str, i64); 4] {
    [
        ("subtotal", a.subtotal),
        ("discount_amount", a.discount),
        ("tax_amount", a.tax),
        ("total", a.total),
    ]
}

/// The objects whose records a document collects: its instalments, payments and refunds, each
/// with the column of its link to the document (and a refund's to its payment).
struct Collected<'s> {
    instalments: (&'s ObjectDef, ColumnName),
    payments: (&'s ObjectDef, ColumnName),
    refunds: (&'s ObjectDef, ColumnName),
    /// A refund's link to its payment: (field, column).
    refund_payment: (String, ColumnName),
}

impl<'s> Collected<'s> {
    /// The parts of `document`, when records of all three kinds roll up into it.
    fn of(schema: &'s Schema, document: &'s str) -> Option<Collected<'s>> {
        let part = |p: Part| {
            schema
                .parts_of(document, p)
                .next()
                .map(|(o, r)| (o.as_ref(), link_column(o, &r.link)))
        };
        let refunds = part(Part::Refund)?;
        let field = refunds.0.behaviour.refunds.clone()?;
        let refund_payment = (field.clone(), link_column(refunds.0, &field));
        Some(Collected {
            instalments: part(Part::Instalment)?,
            payments: part(Part::Payment)?,
            refunds,
            refund_payment,
        })
    }
}

/// A document's collections: planned, received, refunded, net and outstanding amounts, each
/// instalment's settled share and each payment's refunds. Refunds waiting for approval, or
/// refused, do not count.
async fn collections(
    tx: &mut Tx,
    parts: &Collected<'_>,
    order: &ObjectDef,
    id: &str,
    total: i64,
    currency: &str,
) -> AppResult<Vec<(ColumnName, ColType, Value)>> {
    let (plan_obj, plan_link) = &parts.instalments;
    let (payment_obj, payment_link) = &parts.payments;
    let (refund_obj, refund_link) = &parts.refunds;
    let instalments = rows::live(
        tx,
        plan_obj,
        &["amount", "received_amount", "outstanding_amount", "status"],
        is(plan_link, id),
        &["due_date"],
    )
    .await?;
    let payments = rows::live(
        tx,
        payment_obj,
        &["amount", "refunded_amount"],
        is(payment_link, id),
        &[],
    )
    .await?;
    let refund_fields = ["amount", &parts.refund_payment.0, "approval_status"];
    let refunds = rows::live(tx, refund_obj, &refund_fields, is(refund_link, id), &[]).await?;
    let counted = |r: &&Row| !matches!(r.text("approval_status"), Some("pending" | "rejected"));
    let mut refunded_by_payment: HashMap<&str, i64> = HashMap::new();
    for r in refunds.iter().filter(counted) {
        *refunded_by_payment
            .entry(r.text(&parts.refund_payment.1).unwrap_or_default())
            .or_default() += r.int("amount");
    }
    for p in &payments {
        let pid = p.text("id").unwrap_or_default();
        let refunded = refunded_by_payment.get(pid).copied().unwrap_or(0);
        let sets = changed(p, money(payment_obj, "refunded_amount", refunded, currency));
        rows::set(tx, payment_obj, pid, &sets).await?;
    }
    let planned: i64 = instalments.iter().map(|r| r.int("amount")).sum();
    let received: i64 = payments.iter().map(|r| r.int("amount")).sum();
    let refunded: i64 = refunds
        .iter()
        .filter(counted)
        .map(|r| r.int("amount"))
        .sum();
    let net = received - refunded;
    let dues: Vec<i64> = instalments.iter().map(|r| r.int("amount")).collect();
    for (inst, (paid, left)) in instalments.iter().zip(pricing::settle(&dues, net)) {
        let status = match (paid, left) {
            (_, 0) => "paid",
            (0, _) => "open",
            _ => "partly_paid",
        };
        let mut sets = money(plan_obj, "received_amount", paid, currency);
        sets.extend(money(plan_obj, "outstanding_amount", left, currency));
        if let Some(f) = plan_obj.field("status") {
            sets.push((f.column.clone(), ColType::Text, Value::Text(status.into())));
        }
        let iid = inst.text("id").unwrap_or_default().to_owned();
        rows::set(tx, plan_obj, &iid, &changed(inst, sets)).await?;
    }
    let mut sets = Vec::new();
    for (field, amount) in [
        ("planned_amount", planned),
        ("received_amount", received),
        ("refunded_amount", refunded),
        ("net_received", net),
        ("outstanding_amount", total - net),
    ] {
        sets.extend(money(order, field, amount, currency));
    }
    Ok(sets)
}

/// Every `(document, id)` the given rows of `obj` count in, read from their link columns.
pub(super) fn documents_of_rows<'r>(
    obj: &ObjectDef,
    links: impl Iterator<Item = &'r Value>,
) -> BTreeSet<(String, String)> {
    let Some(to) = document_of(obj) else {
        return BTreeSet::new();
    };
    links
        .filter_map(|v| v.as_str())
        .map(|id| (to.object.clone(), id.to_owned()))
        .collect()
}

/// The documents that records of `object` with these ids count in, read in the transaction
/// whether the records are live or binned (a deletion's or restore's members).
pub(super) async fn documents_of_ids(
    tx: &mut Tx,
    schema: &Schema,
    object: &str,
    ids: &[String],
) -> AppResult<BTreeSet<(String, String)>> {
    let obj = schema.object(object)?;
    let Some(to) = document_of(obj) else {
        return Ok(BTreeSet::new());
    };
    let mut projection = pelagic_core::output::Projection::default();
    projection.push(&link_column(obj, &to.link), ColType::Text);
    let found = pelagic_store::records::select_tx(
        tx,
        &pelagic_store::records::ListQuery {
            table: &obj.table,
            projection: &projection,
            pred: &Pred::In {
                col: "id".into(),
                values: ids.iter().cloned().map(Value::Text).collect(),
            },
            order: &[],
            limit: ids.len() as u64 + 1,
            drive: None,
        },
    )
    .await?;
    Ok(documents_of_rows(obj, found.iter().map(|r| &r[0])))
}
