//! An account's money on its page: per currency, what its orders total, what their payment
//! plans planned, what was received and refunded, the net and what is still outstanding — summed
//! from the orders the viewer may read, so it always agrees with them.

use pelagic_app::records::order_stats::OrderQuery;

use crate::UiState;
use crate::format;
use crate::i18n::Tr;

/// One currency's figures: (label, amount) in a fixed order.
pub struct MoneyRow {
    pub currency: String,
    pub cells: Vec<(String, String)>,
}

/// The order fields whose labels name the figures, in the order they are shown.
const LABELS: [&str; 6] = [
    "total",
    "planned_amount",
    "received_amount",
    "refunded_amount",
    "net_received",
    "outstanding_amount",
];

/// The figures of account `id` (none when it has no orders, or the viewer may not read their
/// payment figures).
pub async fn rows(
    s: &UiState,
    tr: &Tr,
    actor: &pelagic_core::access::Actor,
    id: &str,
) -> Vec<MoneyRow> {
    let query = OrderQuery {
        account_id: Some(id.to_owned()),
        ..OrderQuery::default()
    };
    let (Ok(stats), Ok(snap)) = (
        s.app.records(actor).order_stats(&query).await,
        s.app.snapshot().await,
    ) else {
        return Vec::new();
    };
    let Ok(order) = snap.schema.object("order") else {
        return Vec::new();
    };
    let labels: Vec<String> = LABELS
        .iter()
        .map(|n| {
            order
                .field(n)
                .map(|f| tr.field(order, f))
                .unwrap_or_default()
        })
        .collect();
    stats
        .payments
        .into_iter()
        .map(|p| {
            let amounts = [
                &p.total,
                &p.planned,
                &p.received,
                &p.refunded,
                &p.net,
                &p.outstanding,
            ];
            MoneyRow {
                cells: labels
                    .iter()
                    .zip(amounts)
                    .map(|(l, a)| (l.clone(), format::money(tr.code, a, &p.currency)))
                    .collect(),
                currency: p.currency,
            }
        })
        .collect()
}
