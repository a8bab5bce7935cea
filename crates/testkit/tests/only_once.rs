//! Every "only once" rule holds when twenty requests race for it across two instances on one
//! database: one order per quote and per won deal, one latest version of a quote, one decision
//! of an approval, one conversion of a lead, every payment counted once, and numbers never
//! given twice.

use std::collections::BTreeSet;

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

/// Twenty requests at once, alternately to this server and to a second instance on the same
/// database; gives their statuses and bodies.
async fn race(t: &TestApp, token: &str, path: &str, body: Value) -> Vec<(u16, Value)> {
    let other = t.another_server().await;
    let mut handles = Vec::new();
    for i in 0..20 {
        let http = if i % 2 == 0 {
            t.http.clone()
        } else {
            other.clone()
        };
        let (token, path, body) = (token.to_owned(), path.to_owned(), body.clone());
        handles.push(tokio::spawn(async move {
            let r = http.post(&path, Some(&token), &body).await;
            (r.status, r.body)
        }));
    }
    let mut out = Vec::new();
    for h in handles {
        out.push(h.await.expect("request task"));
    }
    out
}

/// Exactly one request won; every other was refused as a conflict.
fn one_won(replies: &[(u16, Value)]) {
    assert_eq!(succeeded(replies), 1, "{replies:?}");
    refused_as_conflicts(replies);
}

fn succeeded(replies: &[(u16, Value)]) -> usize {
    replies
        .iter()
        .filter(|(s, _)| (200..300).contains(s))
        .count()
}

fn refused_as_conflicts(replies: &[(u16, Value)]) {
    for (status, body) in replies.iter().filter(|(s, _)| !(200..300).contains(s)) {
        assert_eq!(*status, 409, "a losing request is a conflict: {body}");
    }
}

async fn list(t: &TestApp, token: &str, object: &str, filter: &str) -> Vec<Value> {
    let r = t
        .http
        .get(
            &format!("/api/v1/records/{object}?{filter}&limit=200"),
            Some(token),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["data"].as_array().unwrap().clone()
}

/// A quote of one line, taken to `accepted`.
async fn accepted_quote(t: &TestApp, token: &str) -> String {
    let acct = t
        .create(token, "account", json!({"name": "Orbe Textil"}))
        .await;
    let q = t
        .create(
            token,
            "quote",
            json!({"name": "Telas", "account_id": acct["id"], "currency": "EUR"}),
        )
        .await;
    let id = q["id"].as_str().unwrap().to_owned();
    t.create(
        token,
        "quote_line",
        json!({"quote_id": id, "description": "Lino", "quantity": "4", "unit_price": "25", "unit_price_currency": "EUR"}),
    )
    .await;
    for step in ["submit", "send", "accept"] {
        let r = t
            .http
            .post(
                &format!("/api/v1/records/quote/{id}/{step}"),
                Some(token),
                &json!({}),
            )
            .await;
        assert_eq!(r.status, 200, "{step}: {}", r.body);
    }
    id
}

#[tokio::test]
async fn twenty_racing_requests_make_one_order_from_an_accepted_quote() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let quote = accepted_quote(&t, &ana).await;
        let replies = race(
            &t,
            &ana,
            &format!("/api/v1/records/quote/{quote}/order"),
            json!({}),
        )
        .await;
        one_won(&replies);
        let orders = list(&t, &ana, "order", &format!("quote_id={quote}")).await;
        assert_eq!(orders.len(), 1, "one order stored");
    })
    .await;
}

#[tokio::test]
async fn twenty_racing_requests_make_one_order_from_a_won_deal() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let acct = t.create(&ana, "account", json!({"name": "Nordwind OOO"})).await;
        let deal = t
            .create(
                &ana,
                "opportunity",
                json!({"name": "Поставка", "account_id": acct["id"], "amount": "900", "amount_currency": "RUB", "stage": "won"}),
            )
            .await;
        let id = deal["id"].as_str().unwrap();
        let replies = race(
            &t,
            &ana,
            &format!("/api/v1/records/opportunity/{id}/order"),
            json!({}),
        )
        .await;
        one_won(&replies);
        assert_eq!(list(&t, &ana, "order", &format!("opportunity_id={id}")).await.len(), 1);
    })
    .await;
}

#[tokio::test]
async fn twenty_racing_revisions_leave_one_latest_version() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let quote = accepted_quote(&t, &ana).await;
        let replies = race(
            &t,
            &ana,
            &format!("/api/v1/records/quote/{quote}/revise"),
            json!({}),
        )
        .await;
        one_won(&replies);
        let versions = list(&t, &ana, "quote", "").await;
        let latest: Vec<&Value> = versions.iter().filter(|q| q["latest"] == true).collect();
        assert_eq!(versions.len(), 2, "the quote and one new version");
        assert_eq!(latest.len(), 1, "one latest version");
        assert_eq!(latest[0]["version"], 2);
    })
    .await;
}

#[tokio::test]
async fn twenty_racing_decisions_decide_an_approval_once() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let one = t.user_token("boss1@example.com", "manager").await;
        let two = t.user_token("boss2@example.com", "manager").await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let flow = json!({"flows": [{"name": "Todo", "object": "quote",
            "condition": {"field": "total", "op": "gt", "value": "0"},
            "steps": [{"approver": "role", "role": "manager", "mode": "any"}]}]});
        let r = t.http.put("/api/v1/admin/approval-flows", Some(&admin), &flow).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let acct = t.create(&ana, "account", json!({"name": "Delta Café"})).await;
        let q = t
            .create(&ana, "quote", json!({"name": "Café", "account_id": acct["id"], "currency": "EUR"}))
            .await;
        let id = q["id"].as_str().unwrap();
        t.create(&ana, "quote_line", json!({"quote_id": id, "description": "Grano", "quantity": "1", "unit_price": "10", "unit_price_currency": "EUR"})).await;
        let r = t.http.post(&format!("/api/v1/records/quote/{id}/submit"), Some(&ana), &json!({})).await;
        assert_eq!(r.body["status"], "in_approval", "{}", r.body);
        let waiting = t.http.get("/api/v1/approvals", Some(&one)).await;
        let request = waiting.body["data"][0]["id"].as_str().unwrap().to_owned();

        // One manager approves ten times through one server while the other rejects ten times
        // through the other, all at once.
        let other = t.another_server().await;
        let mut handles = Vec::new();
        for i in 0..20 {
            let (http, token, verb) = if i % 2 == 0 {
                (t.http.clone(), one.clone(), "approve")
            } else {
                (other.clone(), two.clone(), "reject")
            };
            let path = format!("/api/v1/approvals/{request}/{verb}");
            handles.push(tokio::spawn(async move {
                let r = http.post(&path, Some(&token), &json!({"comment": "visto"})).await;
                (r.status, r.body)
            }));
        }
        let mut replies = Vec::new();
        for h in handles {
            replies.push(h.await.unwrap());
        }
        one_won(&replies);
        let quote = t.http.get(&format!("/api/v1/records/quote/{id}"), Some(&ana)).await.body;
        assert!(
            quote["status"] == "approved" || quote["status"] == "draft",
            "decided one way: {quote}"
        );
    })
    .await;
}

#[tokio::test]
async fn twenty_racing_conversions_convert_a_lead_once() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let lead = t
            .create(
                &ana,
                "lead",
                json!({"name": "李雷", "company": "星河贸易有限公司", "status": "qualified"}),
            )
            .await;
        let id = lead["id"].as_str().unwrap();
        let replies = race(
            &t,
            &ana,
            &format!("/api/v1/records/lead/{id}/convert"),
            json!({}),
        )
        .await;
        one_won(&replies);
        assert_eq!(
            list(&t, &ana, "account", "").await.len(),
            1,
            "one account made"
        );
        assert_eq!(
            list(&t, &ana, "contact", "").await.len(),
            1,
            "one contact made"
        );
    })
    .await;
}

#[tokio::test]
async fn twenty_payments_at_once_all_count_on_their_order() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let quote = accepted_quote(&t, &ana).await;
        let r = t
            .http
            .post(&format!("/api/v1/records/quote/{quote}/order"), Some(&ana), &json!({}))
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let order = r.body["id"].as_str().unwrap().to_owned();
        let replies = race(
            &t,
            &ana,
            "/api/v1/records/payment",
            json!({"order_id": order, "amount": "5", "amount_currency": "EUR", "received_on": "2026-11-02"}),
        )
        .await;
        assert_eq!(succeeded(&replies), 20, "{replies:?}");
        let o = t.http.get(&format!("/api/v1/records/order/{order}"), Some(&ana)).await.body;
        assert_eq!(o["received_amount"], "100.00", "20 × 5.00, none lost to a race: {o}");
    })
    .await;
}

#[tokio::test]
async fn twenty_quotes_made_at_once_get_twenty_different_numbers() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let acct = t.create(&ana, "account", json!({"name": "Serie SA"})).await;
        let replies = race(
            &t,
            &ana,
            "/api/v1/records/quote",
            json!({"name": "Q", "account_id": acct["id"], "currency": "EUR"}),
        )
        .await;
        assert_eq!(succeeded(&replies), 20, "{replies:?}");
        let numbers: BTreeSet<String> = replies
            .iter()
            .map(|(_, b)| b["number"].as_str().unwrap().to_owned())
            .collect();
        assert_eq!(numbers.len(), 20, "{numbers:?}");
    })
    .await;
}
