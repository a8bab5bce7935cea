//! What a sales document can do now, by the rules its steps check: a page offers these and
//! nothing that would only be refused.

use pelagic_core::filter::Filter;
use pelagic_core::ids::RecordId;
use serde_json::{Value as Json, json};

use super::{ListRequest, QuoteStep, RecordService};
use crate::AppResult;

/// What a quote, order or contract can do now, and the order made from it, if any.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NextSteps {
    /// Step names (`submit`, `send`, `accept`, `reject`, `revise`, `order`), in the order a
    /// person takes them.
    pub steps: Vec<&'static str>,
    /// (id, number) of the order made from this quote, when the reader may read it.
    pub order: Option<(String, String)>,
}

impl RecordService<'_> {
    /// The steps `object` `id` can take now, by the same rules the steps themselves check (a
    /// page offers these, and nothing that would only be refused).
    pub async fn next_steps(&self, object: &str, id: &RecordId) -> AppResult<NextSteps> {
        let r = self.get(object, id).await?;
        let text = |k: &str| {
            r.get(k)
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned()
        };
        let pending = text("approval_status") == "pending";
        let mut out = NextSteps::default();
        if object != "quote" {
            if matches!(object, "order" | "contract")
                && !pending
                && text("approval_status") != "approved"
            {
                out.steps.push("submit");
            }
            return Ok(out);
        }
        let status = text("status");
        let status = if status.is_empty() {
            "draft".to_owned()
        } else {
            status
        };
        for step in [
            QuoteStep::Submit,
            QuoteStep::Send,
            QuoteStep::Accept,
            QuoteStep::Reject,
        ] {
            if step.from().contains(&status.as_str()) {
                out.steps.push(step.name());
            }
        }
        let latest = r.get("latest").and_then(Json::as_bool).unwrap_or(true);
        if latest && !matches!(status.as_str(), "draft" | "in_approval") {
            out.steps.push("revise");
        }
        if status == "accepted" {
            let made = ListRequest {
                filter: Filter::from_json(&json!({"field": "quote_id", "op": "eq", "value": id}))
                    .ok(),
                limit: Some(1),
                ..ListRequest::default()
            };
            match self.list("order", &made).await?.data.first() {
                Some(o) => {
                    let field = |k: &str| o.get(k).and_then(Json::as_str).unwrap_or_default();
                    out.order = Some((field("id").to_owned(), field("number").to_owned()));
                }
                None => out.steps.insert(0, "order"),
            }
        }
        Ok(out)
    }
}
