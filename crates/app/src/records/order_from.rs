//! The order made from an accepted quote (its lines copied) or a won opportunity (one line for
//! its amount): one order per source, decided behind the source's row lock.

use pelagic_core::ids::RecordId;
use std::collections::BTreeSet;

use pelagic_core::filter::Filter;
use pelagic_core::said::{Reason, Said};
use serde_json::{Map, Value as Json, json};

use super::{ListRequest, Record, RecordService};
use crate::{AppError, AppResult};

impl RecordService<'_> {
    /// Makes an order from an accepted quote (its lines copied) or a won opportunity (one line
    /// for its amount). One order per quote or opportunity.
    pub async fn order_from(&self, object: &str, id: &RecordId) -> AppResult<Record> {
        let source = self.get(object, id).await?;
        let s = |f: &str| source.get(f).and_then(Json::as_str).map(str::to_owned);
        let mut order = Map::new();
        let mut lines: Vec<Json> = Vec::new();
        match object {
            "quote" => {
                if s("status").as_deref() != Some("accepted") {
                    return Err(Said::new(Reason::OrderFromAcceptedQuote).into());
                }
                for f in [
                    "name",
                    "account_id",
                    "contact_id",
                    "opportunity_id",
                    "currency",
                    "discount_percent",
                ] {
                    if let Some(v) = source.get(f).filter(|v| !v.is_null()) {
                        order.insert(f.into(), v.clone());
                    }
                }
                order.insert("quote_id".into(), json!(id));
                let req = ListRequest {
                    filter: Filter::from_json(
                        &json!({"field": "quote_id", "op": "eq", "value": id}),
                    )
                    .ok(),
                    sort: vec![("position".into(), false)],
                    limit: Some(super::MAX_LIMIT),
                    ..ListRequest::default()
                };
                for l in self.list("quote_line", &req).await?.data {
                    let mut line = Map::new();
                    for f in [
                        "position",
                        "product_id",
                        "description",
                        "quantity",
                        "unit",
                        "unit_price",
                        "unit_price_currency",
                        "discount_percent",
                        "tax_rate",
                    ] {
                        if let Some(v) = l.get(f).filter(|v| !v.is_null()) {
                            line.insert(f.into(), v.clone());
                        }
                    }
                    lines.push(Json::Object(line));
                }
            }
            "opportunity" => {
                if s("stage").as_deref() != Some("won") {
                    return Err(Said::new(Reason::OrderFromWonDeal).into());
                }
                let name = s("name").unwrap_or_default();
                order.insert("name".into(), json!(name));
                order.insert("account_id".into(), json!(s("account_id")));
                order.insert("opportunity_id".into(), json!(id));
                if let Some(c) = s("contact_id") {
                    order.insert("contact_id".into(), json!(c));
                }
                if let (Some(amount), Some(currency)) = (s("amount"), s("amount_currency")) {
                    order.insert("currency".into(), json!(currency));
                    lines.push(json!({
                        "position": 1, "description": name, "quantity": "1",
                        "unit_price": amount, "unit_price_currency": currency,
                    }));
                }
            }
            _ => {
                return Err(AppError::Invalid(
                    "orders are made from quotes and opportunities".into(),
                ));
            }
        }
        let link = format!("{object}_id");
        let existing = ListRequest {
            filter: Filter::from_json(&json!({"field": link, "op": "eq", "value": id})).ok(),
            limit: Some(1),
            ..ListRequest::default()
        };
        if let Some(o) = self.list("order", &existing).await?.data.first() {
            return Err(made_already(
                o.get("number").and_then(Json::as_str).unwrap_or_default(),
            ));
        }
        let mut prepared = self
            .prepare_create("order", &[Json::Object(order)], "", &BTreeSet::new())
            .await?;
        let order_id = prepared.id(0);
        for l in &mut lines {
            l["order_id"] = json!(order_id);
        }
        let pending: BTreeSet<String> = [order_id.clone()].into();
        let mut prepared_lines = if lines.is_empty() {
            None
        } else {
            Some(
                self.prepare_create("order_line", &lines, "lines", &pending)
                    .await?,
            )
        };
        let mut tx = self.app.db().begin().await?;
        // One order per quote or deal: the source stays locked until this commits, and the
        // orders made from it are counted again behind that lock, so of concurrent requests
        // (on any instance) one makes the order and the others see it.
        self.whole_unchecked(&mut tx, object, id).await?;
        let orders = prepared.t.obj.clone();
        if let Some(o) = super::rows::live(
            &mut tx,
            &orders,
            &["number"],
            super::rows::is(&link, id),
            &[],
        )
        .await?
        .first()
        {
            return Err(made_already(o.text("number").unwrap_or_default()));
        }
        self.insert_prepared(&mut tx, &mut prepared).await?;
        if let Some(p) = prepared_lines.as_mut() {
            self.insert_prepared(&mut tx, p).await?;
        }
        tx.commit().await?;
        self.get("order", &RecordId::stored(order_id)).await
    }
}

fn made_already(number: &str) -> AppError {
    Said::new(Reason::OrderAlreadyMade)
        .with("number", number)
        .into()
}
