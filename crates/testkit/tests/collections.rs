//! An order's collections: planned instalments, payments and refunds rolled up on the order
//! and its instalments, staying right through edits, deletes and restores.

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn order_figures(t: &TestApp, token: &str, id: &str) -> Value {
    let r = t
        .http
        .get(&format!("/api/v1/records/order/{id}"), Some(token))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body
}

fn amounts(o: &Value) -> [&str; 6] {
    [
        o["total"].as_str().unwrap_or("-"),
        o["planned_amount"].as_str().unwrap_or("-"),
        o["received_amount"].as_str().unwrap_or("-"),
        o["refunded_amount"].as_str().unwrap_or("-"),
        o["net_received"].as_str().unwrap_or("-"),
        o["outstanding_amount"].as_str().unwrap_or("-"),
    ]
}

#[tokio::test]
async fn payments_and_refunds_roll_up_through_edits_deletes_and_restores() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let acct = t.create(&ana, "account", json!({"name": "华东电子"})).await;
        let order = t.create(&ana, "order", json!({"account_id": acct["id"], "currency": "CNY", "name": "一期"})).await;
        let id = order["id"].as_str().unwrap().to_owned();
        t.create(&ana, "order_line", json!({"order_id": id, "description": "设备", "quantity": "2", "unit_price": "5000", "unit_price_currency": "CNY", "tax_rate": "13"})).await;
        // Total 11,300.00, planned in two instalments.
        let first = t.create(&ana, "payment_plan", json!({"order_id": id, "due_date": "2026-12-01", "amount": "6000", "amount_currency": "CNY"})).await;
        let second = t.create(&ana, "payment_plan", json!({"order_id": id, "due_date": "2027-01-01", "amount": "5300", "amount_currency": "CNY"})).await;
        assert_eq!(first["account_id"], acct["id"], "an instalment knows its account");
        let o = order_figures(&t, &ana, &id).await;
        assert_eq!(amounts(&o), ["11300.00", "11300.00", "0.00", "0.00", "0.00", "11300.00"]);

        let pay = t.create(&ana, "payment", json!({"order_id": id, "amount": "6000", "amount_currency": "CNY", "received_on": "2026-11-20", "method": "bank_transfer", "reference": "HK-88"})).await;
        let refund = t.create(&ana, "refund", json!({"payment_id": pay["id"], "amount": "800", "amount_currency": "CNY", "refunded_on": "2026-11-22", "reason": "少发一台配件"})).await;
        assert_eq!(refund["order_id"], id.as_str(), "a refund knows its order");
        let o = order_figures(&t, &ana, &id).await;
        assert_eq!(amounts(&o), ["11300.00", "11300.00", "6000.00", "800.00", "5200.00", "6100.00"]);
        let inst = t.http.get(&format!("/api/v1/records/payment_plan/{}", first["id"].as_str().unwrap()), Some(&ana)).await.body;
        assert_eq!((inst["received_amount"].as_str(), inst["outstanding_amount"].as_str(), inst["status"].as_str()), (Some("5200.00"), Some("800.00"), Some("partly_paid")));
        let p = t.http.get(&format!("/api/v1/records/payment/{}", pay["id"].as_str().unwrap()), Some(&ana)).await.body;
        assert_eq!(p["refunded_amount"], "800.00");

        let too_much = t.http.post("/api/v1/records/refund", Some(&ana), &json!({"payment_id": pay["id"], "amount": "5200.01", "amount_currency": "CNY", "refunded_on": "2026-11-23"})).await;
        assert_eq!(too_much.status, 422, "at most what is left of the payment: {}", too_much.body);
        let other_currency = t.http.post("/api/v1/records/payment", Some(&ana), &json!({"order_id": id, "amount": "10", "amount_currency": "USD", "received_on": "2026-11-20"})).await;
        assert_eq!(other_currency.status, 422, "{}", other_currency.body);

        // Edit the payment: everything follows.
        let r = t.http.patch(&format!("/api/v1/records/payment/{}", pay["id"].as_str().unwrap()), Some(&ana), &json!({"amount": "7000"})).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let o = order_figures(&t, &ana, &id).await;
        assert_eq!(amounts(&o), ["11300.00", "11300.00", "7000.00", "800.00", "6200.00", "5100.00"]);
        let inst2 = t.http.get(&format!("/api/v1/records/payment_plan/{}", second["id"].as_str().unwrap()), Some(&ana)).await.body;
        assert_eq!(inst2["received_amount"], "200.00", "what the first instalment does not need settles the next");

        // Delete the refund, then the payment (taking nothing else), then restore both.
        let r = t.http.delete(&format!("/api/v1/records/refund/{}", refund["id"].as_str().unwrap()), Some(&ana)).await;
        assert_eq!(r.status, 204);
        assert_eq!(amounts(&order_figures(&t, &ana, &id).await), ["11300.00", "11300.00", "7000.00", "0.00", "7000.00", "4300.00"]);
        let r = t.http.delete(&format!("/api/v1/records/payment/{}", pay["id"].as_str().unwrap()), Some(&ana)).await;
        assert_eq!(r.status, 204);
        assert_eq!(amounts(&order_figures(&t, &ana, &id).await), ["11300.00", "11300.00", "0.00", "0.00", "0.00", "11300.00"]);
        let r = t.http.post(&format!("/api/v1/recycle-bin/payment/{}/restore", pay["id"].as_str().unwrap()), Some(&ana), &json!({})).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(amounts(&order_figures(&t, &ana, &id).await), ["11300.00", "11300.00", "7000.00", "0.00", "7000.00", "4300.00"]);
        let r = t.http.post(&format!("/api/v1/recycle-bin/refund/{}/restore", refund["id"].as_str().unwrap()), Some(&ana), &json!({})).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(amounts(&order_figures(&t, &ana, &id).await), ["11300.00", "11300.00", "7000.00", "800.00", "6200.00", "5100.00"]);

        // A refund deleted with its payment comes back with it.
        t.http.delete(&format!("/api/v1/records/payment/{}", pay["id"].as_str().unwrap()), Some(&ana)).await;
        assert_eq!(amounts(&order_figures(&t, &ana, &id).await)[3], "0.00");
        t.http.post(&format!("/api/v1/recycle-bin/payment/{}/restore", pay["id"].as_str().unwrap()), Some(&ana), &json!({})).await;
        assert_eq!(amounts(&order_figures(&t, &ana, &id).await), ["11300.00", "11300.00", "7000.00", "800.00", "6200.00", "5100.00"]);

        // A changed plan and a changed line move the planned amount and the total.
        t.http.patch(&format!("/api/v1/records/payment_plan/{}", second["id"].as_str().unwrap()), Some(&ana), &json!({"amount": "4000"})).await;
        let line = t.http.get(&format!("/api/v1/records/order_line?order_id={id}"), Some(&ana)).await.body["data"][0]["id"].as_str().unwrap().to_owned();
        t.http.patch(&format!("/api/v1/records/order_line/{line}"), Some(&ana), &json!({"quantity": "1"})).await;
        assert_eq!(amounts(&order_figures(&t, &ana, &id).await), ["5650.00", "10000.00", "7000.00", "800.00", "6200.00", "-550.00"]);
    })
    .await;
}
