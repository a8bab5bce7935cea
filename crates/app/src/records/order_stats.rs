//! Order statistics over the orders the actor may read: how many and for how much per status,
//! what was sold per product and per product category (quantities and line totals), and what
//! the orders planned, received, refunded and still wait for — the customer's money figures when
//! the statistics cover one account. Amounts never mix currencies: every row is one currency.

use pelagic_core::said::{Reason, Said};
use std::collections::{BTreeMap, HashMap};

use chrono::NaiveDate;
use pelagic_core::filter::Filter;
use pelagic_core::money::{currency_exponent, format_scaled};
use pelagic_core::plan::{self, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::records::grouped;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::RecordService;
use crate::policy::Operation;
use crate::{AppError, AppResult};

/// Which orders the statistics cover: dated in `[from, to)`, of one owner, team or customer.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct OrderQuery {
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub owner_id: Option<String>,
    pub team_id: Option<String>,
    pub account_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StatRow {
    pub key: String,
    pub name: String,
    pub currency: String,
    /// Orders (per status) or order lines (per product and category).
    pub count: i64,
    /// Units sold, per product and category.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub quantity: Option<String>,
    pub amount: String,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct OrderStats {
    pub by_status: Vec<StatRow>,
    pub by_product: Vec<StatRow>,
    pub by_category: Vec<StatRow>,
    /// Per currency; empty when the actor may not read the orders' payment figures.
    pub payments: Vec<PaymentTotals>,
}

/// The payment figures of the covered orders in one currency. A cancelled order's unpaid rest
/// is not outstanding: nobody is waiting for it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PaymentTotals {
    pub currency: String,
    pub orders: i64,
    pub total: String,
    pub planned: String,
    pub received: String,
    pub refunded: String,
    pub net: String,
    pub outstanding: String,
}

/// The order fields the payment figures sum, in [`PaymentTotals`]' order.
const PAYMENT_FIELDS: [&str; 5] = [
    "planned_amount",
    "received_amount",
    "refunded_amount",
    "net_received",
    "outstanding_amount",
];

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

/// Trailing zeros of a quantity dropped ("2.5000" → "2.5").
fn quantity(units: i64, scale: u32) -> String {
    let s = format_scaled(units, scale);
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_owned()
    } else {
        s
    }
}

impl RecordService<'_> {
    pub async fn order_stats(&self, q: &OrderQuery) -> AppResult<OrderStats> {
        let t = self.target("order").await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Read)?;
        let total = t
            .obj
            .field("total")
            .filter(|f| policy.field_access(&t.obj, f).readable())
            .ok_or_else(|| AppError::from(Said::new(Reason::OrderStatsNeedTotals)))?;
        super::check_period(q.from, q.to)?;
        let mut conditions = Vec::new();
        if let Some(from) = q.from {
            conditions.push(json!({"field": "order_date", "op": "gte", "value": from}));
        }
        if let Some(to) = q.to {
            conditions.push(json!({"field": "order_date", "op": "lt", "value": to}));
        }
        if let Some(owner) = &q.owner_id {
            conditions.push(json!({"field": "owner_id", "op": "eq", "value": owner}));
        }
        if let Some(account) = &q.account_id {
            conditions.push(json!({"field": "account_id", "op": "eq", "value": account}));
        }
        if let Some(team) = &q.team_id {
            let members = t
                .snap
                .access
                .team_members(team)
                .ok_or_else(|| AppError::NotFound(format!("there is no team '{team}'")))?;
            conditions.push(json!({"field": "owner_id", "op": "in", "value": members}));
        }
        let filter = Filter::from_json(&json!({ "and": conditions }))?;
        let readable = |f: &pelagic_core::FieldDef| policy.field_access(&t.obj, f).readable();
        let ctx = self.plan_context(&t.snap);
        let pred = Pred::And(vec![
            policy.reachable(&t.obj, Operation::Read),
            Pred::IsNull {
                col: "deleted_at".into(),
            },
            plan::plan_filter(&t.obj, &filter, &readable, &ctx)?,
        ]);
        let currency_col = format!("{}_currency", total.column);
        // The payment figures come along when every one of them is readable.
        let payment_cols: Option<Vec<&str>> = PAYMENT_FIELDS
            .iter()
            .map(|name| {
                t.obj
                    .field(name)
                    .filter(|f| policy.field_access(&t.obj, f).readable())
                    .map(|f| f.column.as_str())
            })
            .collect();
        let mut sums = vec![total.column.as_str()];
        sums.extend(payment_cols.iter().flatten());
        let statuses = grouped(
            self.app.db(),
            &t.obj.table,
            &pred,
            &[
                ("id", ColType::Text),
                ("status", ColType::Text),
                (&currency_col, ColType::Text),
            ],
            &sums,
        )
        .await?;
        let mut by_status: BTreeMap<(String, String), (i64, i64)> = BTreeMap::new();
        // currency → orders, total, then the payment figures
        let mut money: BTreeMap<String, (i64, [i64; 6])> = BTreeMap::new();
        let mut ids = Vec::new();
        for (g, count, sums) in &statuses {
            ids.push(g[0].clone());
            let (status, currency) = (text(&g[1]), text(&g[2]));
            if payment_cols.is_some() {
                let m = money.entry(currency.clone()).or_default();
                m.0 += count;
                for (i, v) in sums.iter().enumerate() {
                    let waiting = i == 5 && status == "cancelled";
                    m.1[i] += if waiting { 0 } else { *v };
                }
            }
            let e = by_status.entry((status, currency)).or_default();
            e.0 += count;
            e.1 += sums[0];
        }
        let payments = money
            .into_iter()
            .map(|(currency, (orders, m))| {
                let f = |v: i64| format_scaled(v, currency_exponent(&currency));
                PaymentTotals {
                    orders,
                    total: f(m[0]),
                    planned: f(m[1]),
                    received: f(m[2]),
                    refunded: f(m[3]),
                    net: f(m[4]),
                    outstanding: f(m[5]),
                    currency,
                }
            })
            .collect();
        let by_status = by_status
            .into_iter()
            .map(|((status, currency), (count, amount))| StatRow {
                name: status.clone(),
                key: status,
                count,
                quantity: None,
                amount: format_scaled(amount, currency_exponent(&currency)),
                currency,
            })
            .collect();
        let (by_product, by_category) = self.sold(&ids).await?;
        Ok(OrderStats {
            by_status,
            by_product,
            by_category,
            payments,
        })
    }

    /// What the lines of the orders `ids` sold, per product and per category.
    async fn sold(&self, ids: &[Value]) -> AppResult<(Vec<StatRow>, Vec<StatRow>)> {
        let snap = self.app.snapshot().await?;
        let line = snap.schema.object("order_line")?;
        let product = snap.schema.object("product")?;
        let scale = line.field("quantity").map_or(0, |f| f.scale());
        // (product, currency) → (lines, quantity, amount)
        let mut per_product: BTreeMap<(String, String), (i64, i64, i64)> = BTreeMap::new();
        for chunk in ids.chunks(500) {
            let pred = Pred::And(vec![
                Pred::IsNull {
                    col: "deleted_at".into(),
                },
                Pred::In {
                    col: "order_id".into(),
                    values: chunk.to_vec(),
                },
            ]);
            let lines = grouped(
                self.app.db(),
                &line.table,
                &pred,
                &[
                    ("product_id", ColType::Text),
                    ("total_currency", ColType::Text),
                ],
                &["quantity", "total"],
            )
            .await?;
            for (g, count, sums) in lines {
                let e = per_product.entry((text(&g[0]), text(&g[1]))).or_default();
                e.0 += count;
                e.1 += sums[0];
                e.2 += sums[1];
            }
        }
        let mut names: HashMap<String, (String, String)> = HashMap::new();
        let product_ids: Vec<Value> = per_product
            .keys()
            .filter(|(p, _)| !p.is_empty())
            .map(|(p, _)| Value::Text(p.clone()))
            .collect();
        for chunk in product_ids.chunks(500) {
            let pred = Pred::In {
                col: "id".into(),
                values: chunk.to_vec(),
            };
            let found = grouped(
                self.app.db(),
                &product.table,
                &pred,
                &[
                    ("id", ColType::Text),
                    ("name", ColType::Text),
                    ("category", ColType::Text),
                ],
                &[],
            )
            .await?;
            for (g, _, _) in found {
                names.insert(text(&g[0]), (text(&g[1]), text(&g[2])));
            }
        }
        let mut per_category: BTreeMap<(String, String), (i64, i64, i64)> = BTreeMap::new();
        let row = |key: &str, name: &str, currency: &str, t: &(i64, i64, i64)| StatRow {
            key: key.to_owned(),
            name: name.to_owned(),
            currency: currency.to_owned(),
            count: t.0,
            quantity: Some(quantity(t.1, scale)),
            amount: format_scaled(t.2, currency_exponent(currency)),
        };
        let mut by_product = Vec::new();
        for ((id, currency), t) in &per_product {
            let (name, category) = names.get(id).cloned().unwrap_or_default();
            let c = per_category
                .entry((category, currency.clone()))
                .or_default();
            c.0 += t.0;
            c.1 += t.1;
            c.2 += t.2;
            by_product.push((t.2, row(id, &name, currency, t)));
        }
        // The best sellers first.
        by_product.sort_by_key(|b| std::cmp::Reverse(b.0));
        let by_product = by_product.into_iter().map(|(_, r)| r).collect();
        let by_category = per_category
            .iter()
            .map(|((category, currency), t)| row(category, category, currency, t))
            .collect();
        Ok((by_product, by_category))
    }
}
