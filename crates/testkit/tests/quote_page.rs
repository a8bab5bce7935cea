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

#[tokio::test]
async fn a_quote_takes_its_customers_currency_and_a_product_without_that_price_is_refused_in_place()
{
    each_backend(|t| async move {
        let ana = Browser::sign_in(&t, "ana@example.com", "admin").await;
        let admin = t.user_token("boss@example.com", "admin").await;
        let euro = t
            .create(
                &admin,
                "account",
                json!({"name": "Muebles Sol", "currency": "eur"}),
            )
            .await;
        let plain = t
            .create(&admin, "account", json!({"name": "Plain Co"}))
            .await;
        let in_euros = t
            .create(
                &admin,
                "quote",
                json!({"name": "Sillas", "account_id": euro["id"]}),
            )
            .await;
        let in_default = t
            .create(
                &admin,
                "quote",
                json!({"name": "Mesas", "account_id": plain["id"]}),
            )
            .await;
        assert_eq!(in_euros["currency"], "EUR", "the customer's currency");
        assert_eq!(in_default["currency"], "CNY", "else the company's");

        let lamp = t
            .create(
                &admin,
                "product",
                json!({"name": "Lámpara", "unit_price": "30", "unit_price_currency": "USD"}),
            )
            .await;
        let path = format!("/o/quote/{}", id(&in_euros));
        let refused = ana
            .submit(
                &t,
                &format!("{path}/lines"),
                &[("product_id", id(&lamp)), ("quantity", "3")],
                true,
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.text);
        assert!(
            refused.text.contains("EUR"),
            "the reason names the quote's currency: {}",
            refused.text
        );
        assert!(
            refused
                .text
                .contains(&format!("<option value=\"{}\" selected>", id(&lamp))),
            "the product stays chosen"
        );
        assert!(
            refused
                .text
                .contains("name=\"quantity\" inputmode=\"decimal\" value=\"3\""),
            "and the quantity typed"
        );

        t.create(
            &admin,
            "product_price",
            json!({"product_id": lamp["id"], "price": "28", "price_currency": "EUR"}),
        )
        .await;
        let added = ana
            .submit(
                &t,
                &format!("{path}/lines"),
                &[("product_id", id(&lamp)), ("quantity", "3")],
                true,
            )
            .await;
        assert_eq!(added.status, 303, "{}", added.text);
        let quote = t
            .http
            .get(
                &format!("/api/v1/records/quote/{}", id(&in_euros)),
                Some(&admin),
            )
            .await;
        assert_eq!(quote.body["total"], "84.00", "{}", quote.body);
    })
    .await;
}
