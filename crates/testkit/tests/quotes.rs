//! Quotes: line amounts and totals in exact decimals against hand-computed figures, prices
//! from the price list of the customer's level, versions, the customer's answer, and the
//! order made from an accepted quote with the next number.

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

pub async fn post(t: &TestApp, token: &str, path: &str, body: Value) -> pelagic_testkit::Reply {
    t.http.post(path, Some(token), &body).await
}

async fn get(t: &TestApp, token: &str, object: &str, id: &Value) -> Value {
    let r = t
        .http
        .get(
            &format!("/api/v1/records/{object}/{}", id.as_str().unwrap()),
            Some(token),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body
}

async fn account(t: &TestApp, token: &str, name: &str, level: &str) -> Value {
    t.create(token, "account", json!({"name": name, "level": level}))
        .await
}

#[tokio::test]
async fn line_amounts_and_totals_follow_the_rounding_rule_to_the_cent() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let acme = account(&t, &ana, "北京星河贸易有限公司", "b").await;
        let quote = t
            .create(&ana, "quote", json!({"name": "年度采购", "account_id": acme["id"], "currency": "CNY"}))
            .await;
        assert_eq!(quote["status"], "draft");
        assert_eq!(quote["version"], 1);
        assert!(quote["number"].as_str().unwrap().starts_with("QT-"), "{quote}");
        let line = |body: Value| {
            let mut b = body;
            b["quote_id"] = quote["id"].clone();
            b
        };
        // 0.3333 kg × 19.99 = 6.662667 → 6.66; 7.5 % off = 0.4995 → 0.50; 6 % tax on 6.16 = 0.37.
        t.create(&ana, "quote_line", line(json!({"description": "茶叶 (kg)", "quantity": "0.3333", "unit_price": "19.99", "unit_price_currency": "CNY", "discount_percent": "7.5", "tax_rate": "6"}))).await;
        // 3 × 1,234.56 = 3,703.68; no discount; 13 % tax = 481.4784 → 481.48.
        t.create(&ana, "quote_line", line(json!({"description": "服务器", "quantity": "3", "unit_price": "1234.56", "unit_price_currency": "CNY", "tax_rate": "13"}))).await;
        let q = get(&t, &ana, "quote", &quote["id"]).await;
        assert_eq!(q["subtotal"], "3710.34");
        assert_eq!(q["discount_amount"], "0.50");
        assert_eq!(q["tax_amount"], "481.85");
        assert_eq!(q["total"], "4191.69");
        assert_eq!(q["total_currency"], "CNY");

        // A 10 % additional discount on the whole quote: 6.16 → 0.616 → 0.62 off, 5.54 taxed
        // 0.3324 → 0.33; 3,703.68 → 370.368 → 370.37 off, 3,333.31 taxed 433.3303 → 433.33.
        let r = t
            .http
            .patch(&format!("/api/v1/records/quote/{}", quote["id"].as_str().unwrap()), Some(&ana), &json!({"discount_percent": "10"}))
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let q = get(&t, &ana, "quote", &quote["id"]).await;
        assert_eq!(q["discount_amount"], "371.49");
        assert_eq!(q["tax_amount"], "433.66");
        assert_eq!(q["total"], "3772.51");
        assert_eq!(q["discount_rate"], "10.01", "overall discount: 371.49 / 3710.34");

        // A line in another currency, or without a price or product, is refused.
        let usd = post(&t, &ana, "/api/v1/records/quote_line", line(json!({"description": "x", "unit_price": "5", "unit_price_currency": "USD"}))).await;
        assert_eq!(usd.status, 422, "{}", usd.body);
        assert!(usd.body["error"]["details"]["fields"]["unit_price"].as_str().unwrap().contains("CNY"));
        let bare = post(&t, &ana, "/api/v1/records/quote_line", line(json!({"description": "x"}))).await;
        assert_eq!(bare.status, 422, "{}", bare.body);
        let too_much = post(&t, &ana, "/api/v1/records/quote_line", line(json!({"description": "x", "unit_price": "5", "unit_price_currency": "CNY", "discount_percent": "120"}))).await;
        assert_eq!(too_much.status, 422, "{}", too_much.body);
        assert_eq!(get(&t, &ana, "quote", &quote["id"]).await["total"], "3772.51", "refused lines change nothing");
    })
    .await;
}

#[tokio::test]
async fn a_product_line_takes_the_price_of_the_customers_level_then_the_general_one() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let product = t
            .create(&admin, "product", json!({"name": "Licencia anual", "code": "LIC-1", "unit": "año", "unit_price": "1000", "unit_price_currency": "EUR", "tax_rate": "21"}))
            .await;
        t.create(&admin, "product_price", json!({"product_id": product["id"], "price": "7000", "price_currency": "CNY"})).await;
        t.create(&admin, "product_price", json!({"product_id": product["id"], "price": "6300", "price_currency": "CNY", "account_level": "a", "price_list": "Key accounts"})).await;
        for (level, currency, expected) in [("a", "CNY", "6300.00"), ("b", "CNY", "7000.00"), ("b", "EUR", "1000.00")] {
            let acct = account(&t, &ana, &format!("Cliente {level} {currency}"), level).await;
            let quote = t.create(&ana, "quote", json!({"name": "Renovación", "account_id": acct["id"], "currency": currency})).await;
            let line = t.create(&ana, "quote_line", json!({"quote_id": quote["id"], "product_id": product["id"], "quantity": "2"})).await;
            assert_eq!(line["unit_price"], expected, "level {level} in {currency}");
            assert_eq!(line["description"], "Licencia anual");
            assert_eq!(line["unit"], "año");
            assert_eq!(line["tax_rate"], "21.00");
        }
        let acct = account(&t, &ana, "Cliente rublos", "c").await;
        let quote = t.create(&ana, "quote", json!({"name": "Лицензия", "account_id": acct["id"], "currency": "RUB"})).await;
        let none = post(&t, &ana, "/api/v1/records/quote_line", json!({"quote_id": quote["id"], "product_id": product["id"]})).await;
        assert_eq!(none.status, 422, "no price in RUB: {}", none.body);
    })
    .await;
}

#[tokio::test]
async fn a_quote_moves_through_its_statuses_and_a_revision_keeps_the_previous_version() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let acme = account(&t, &ana, "ООО Ромашка", "a").await;
        let quote = t.create(&ana, "quote", json!({"name": "Поставка", "account_id": acme["id"], "currency": "RUB"})).await;
        let id = quote["id"].as_str().unwrap();
        let path = |action: &str| format!("/api/v1/records/quote/{id}/{action}");
        let empty = post(&t, &ana, &path("submit"), json!({})).await;
        assert_eq!(empty.status, 409, "an empty quote is not submitted: {}", empty.body);
        t.create(&ana, "quote_line", json!({"quote_id": id, "description": "Насос", "quantity": "2", "unit_price": "15000", "unit_price_currency": "RUB", "tax_rate": "20"})).await;
        let early = post(&t, &ana, &path("send"), json!({})).await;
        assert_eq!(early.status, 409, "a draft is not sent: {}", early.body);
        let submitted = post(&t, &ana, &path("submit"), json!({})).await;
        assert_eq!(submitted.status, 200, "{}", submitted.body);
        assert_eq!(submitted.body["status"], "approved", "no flow applies: approved at once");
        let edit = t.http.patch(&format!("/api/v1/records/quote/{id}"), Some(&ana), &json!({"name": "Другое"})).await;
        assert_eq!(edit.status, 409, "an approved quote is revised, not edited: {}", edit.body);
        let more = post(&t, &ana, "/api/v1/records/quote_line", json!({"quote_id": id, "description": "Клапан", "unit_price": "10", "unit_price_currency": "RUB"})).await;
        assert_eq!(more.status, 409, "{}", more.body);
        let sent = post(&t, &ana, &path("send"), json!({})).await;
        assert_eq!(sent.body["status"], "sent", "{}", sent.body);
        assert!(sent.body["sent_at"].is_string());

        let revised = post(&t, &ana, &path("revise"), json!({})).await;
        assert_eq!(revised.status, 201, "{}", revised.body);
        let v2 = &revised.body;
        assert_eq!(v2["version"], 2);
        assert_eq!(v2["status"], "draft");
        assert_eq!(v2["number"], quote["number"], "a version keeps its quote's number");
        assert_eq!(v2["previous_id"], id);
        assert_eq!(v2["total"], "36000.00", "the lines came along");
        let v1 = get(&t, &ana, "quote", &quote["id"]).await;
        assert_eq!(v1["status"], "sent", "the previous version stays as it was");
        assert_eq!(v1["latest"], false);
        assert_eq!(post(&t, &ana, &path("revise"), json!({})).await.status, 409, "only the latest is revised");
        let lines = t.http.get(&format!("/api/v1/records/quote_line?quote_id={id}&count=true"), Some(&ana)).await;
        assert_eq!(lines.body["total"], 1, "the old version keeps its own line");

        let history = t.http.get(&format!("/api/v1/records/quote/{id}/history"), Some(&ana)).await;
        let actions: Vec<&str> = history.body["data"].as_array().unwrap().iter().filter_map(|e| e["action"].as_str()).collect();
        for a in ["create", "submit", "send", "revise"] {
            assert!(actions.contains(&a), "{a} in the history: {actions:?}");
        }
    })
    .await;
}

#[tokio::test]
async fn an_accepted_quote_becomes_an_order_with_its_lines_and_the_next_number() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let set = t.http.patch("/api/v1/admin/sales-documents", Some(&admin), &json!({"numbering": {"order": "PO{yy}-{seq:3}"}})).await;
        assert_eq!(set.status, 200, "{}", set.body);
        let bad = t.http.patch("/api/v1/admin/sales-documents", Some(&admin), &json!({"numbering": {"order": "PO-{yyyy}"}})).await;
        assert_eq!(bad.status, 422, "a pattern needs its sequence: {}", bad.body);
        let acme = account(&t, &ana, "Acme", "a").await;
        let quote = t.create(&ana, "quote", json!({"name": "Rollout", "account_id": acme["id"], "currency": "USD", "discount_percent": "5"})).await;
        let id = quote["id"].as_str().unwrap();
        t.create(&ana, "quote_line", json!({"quote_id": id, "position": 1, "description": "Seats", "quantity": "12", "unit_price": "49.90", "unit_price_currency": "USD", "tax_rate": "8.25"})).await;
        t.create(&ana, "quote_line", json!({"quote_id": id, "position": 2, "description": "Setup", "quantity": "1", "unit_price": "300", "unit_price_currency": "USD"})).await;
        let early = post(&t, &ana, &format!("/api/v1/records/quote/{id}/order"), json!({})).await;
        assert_eq!(early.status, 409, "{}", early.body);
        for step in ["submit", "send", "accept"] {
            let r = post(&t, &ana, &format!("/api/v1/records/quote/{id}/{step}"), json!({})).await;
            assert_eq!(r.status, 200, "{step}: {}", r.body);
        }
        let q = get(&t, &ana, "quote", &quote["id"]).await;
        assert_eq!(q["status"], "accepted");
        let made = post(&t, &ana, &format!("/api/v1/records/quote/{id}/order"), json!({})).await;
        assert_eq!(made.status, 201, "{}", made.body);
        let order = &made.body;
        let year = chrono::Utc::now().format("%y").to_string();
        assert_eq!(order["number"], format!("PO{year}-001"));
        assert_eq!(order["quote_id"], id);
        assert_eq!(order["status"], "confirmed");
        assert_eq!(order["total"], q["total"], "the order's lines are the quote's");
        assert_eq!(order["outstanding_amount"], q["total"]);
        let again = post(&t, &ana, &format!("/api/v1/records/quote/{id}/order"), json!({})).await;
        assert_eq!(again.status, 409, "one order per quote: {}", again.body);

        let deal = t.create(&ana, "opportunity", json!({"name": "Upsell", "account_id": acme["id"], "amount": "2500", "amount_currency": "USD"})).await;
        let did = deal["id"].as_str().unwrap();
        assert_eq!(post(&t, &ana, &format!("/api/v1/records/opportunity/{did}/order"), json!({})).await.status, 409, "not won yet");
        let won = t.http.patch(&format!("/api/v1/records/opportunity/{did}"), Some(&ana), &json!({"stage": "won"})).await;
        assert_eq!(won.status, 200, "{}", won.body);
        let second = post(&t, &ana, &format!("/api/v1/records/opportunity/{did}/order"), json!({})).await;
        assert_eq!(second.status, 201, "{}", second.body);
        assert_eq!(second.body["number"], format!("PO{year}-002"));
        assert_eq!(second.body["total"], "2500.00");
    })
    .await;
}

#[tokio::test]
async fn concurrent_orders_get_every_number_of_the_year_once() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let acme = account(&t, &ana, "Acme", "a").await;
        let mut tasks = Vec::new();
        for i in 0..20 {
            let (http, token, account) = (t.http.clone(), ana.clone(), acme["id"].clone());
            tasks.push(tokio::spawn(async move {
                http.post("/api/v1/records/order", Some(&token), &json!({"name": format!("Order {i}"), "account_id": account, "currency": "CNY"}))
                    .await
            }));
        }
        let mut numbers = Vec::new();
        for task in tasks {
            let r = task.await.unwrap();
            assert_eq!(r.status, 201, "{}", r.body);
            numbers.push(r.body["number"].as_str().unwrap().to_owned());
        }
        let mut seqs: Vec<u32> = numbers.iter().map(|n| n.rsplit('-').next().unwrap().parse().unwrap()).collect();
        seqs.sort();
        assert_eq!(seqs, (1..=20).collect::<Vec<u32>>(), "no duplicates, no gaps: {numbers:?}");
    })
    .await;
}
