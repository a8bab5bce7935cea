//! A quote's page offers the steps the app says it can take now, and once the quote became an
//! order, links that order instead of offering a second.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::each_backend;
use serde_json::{Value, json};

fn id(v: &Value) -> &str {
    v["id"].as_str().expect("id")
}

#[tokio::test]
async fn a_quote_that_became_an_order_links_it_and_offers_no_second_order() {
    each_backend(|t| async move {
        let ana = Browser::sign_in(&t, "ana@example.com", "sales").await;
        let token = t
            .http
            .post("/api/v1/auth/login", None, &json!({"email": "ana@example.com", "password": "correct horse battery staple"}))
            .await
            .body["token"]
            .as_str()
            .expect("token")
            .to_owned();
        let acct = t.create(&token, "account", json!({"name": "Pedido Único"})).await;
        let q = t
            .create(&token, "quote", json!({"name": "Sillas", "account_id": acct["id"], "currency": "EUR"}))
            .await;
        t.create(&token, "quote_line", json!({"quote_id": q["id"], "description": "Silla", "quantity": "2", "unit_price": "40", "unit_price_currency": "EUR"}))
            .await;
        let page_path = format!("/o/quote/{}", id(&q));
        for step in ["submit", "send", "accept"] {
            let r = ana.post(&t, &format!("{page_path}/do/{step}"), &[]).await;
            assert_eq!(r.status, 303, "{step}: {}", r.text);
        }
        let page = ana.get(&t, &page_path).await;
        assert!(page.text.contains("data-step=\"order\""), "an accepted quote offers its order");
        assert!(!page.text.contains("data-step=\"accept\""), "and no step it already took");
        let made = ana.post(&t, &format!("{page_path}/do/order"), &[]).await;
        assert_eq!(made.status, 303, "{}", made.text);
        let page = ana.get(&t, &page_path).await;
        assert!(!page.text.contains("data-step=\"order\""), "one order per quote: {}", page.text);
        let order = made.header("location").to_owned();
        assert!(page.text.contains(&format!("href=\"{order}\"")), "the page links {order}");
        assert!(page.text.contains("was made from this quote"));
    })
    .await;
}
