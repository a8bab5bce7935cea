//! What the scheduler watches on sales documents: a contract reminds its owner once before it
//! ends, a confirmed order nobody handled reminds its owner, an overdue instalment reminds the
//! order's owner, and a quote past its validity expires.

use std::sync::Arc;

use chrono::{Duration, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::{TestApp, backends};
use serde_json::{Value, json};

async fn api_token(t: &TestApp, email: &str) -> String {
    let session = t.user_token(email, "sales").await;
    let r = t
        .http
        .post(
            "/api/v1/me/tokens",
            Some(&session),
            &json!({"name": "tests"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["token"].as_str().unwrap().to_owned()
}

async fn notices(t: &TestApp, token: &str, kind: &str) -> Vec<Value> {
    let r = t.http.get("/api/v1/notifications", Some(token)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .cloned()
        .collect()
}

async fn days_pass(t: &TestApp, clock: &ManualClock, hours: i64) {
    clock.advance(Duration::hours(hours));
    t.app.run_due_jobs().await.unwrap();
    t.app.run_due_jobs().await.unwrap();
}

#[tokio::test]
async fn contracts_orders_instalments_and_quotes_remind_their_owners_once_when_due() {
    for backend in backends() {
        // Late evening, so that the hours below land on the days they mean: +47 h is the
        // evening of day 2, +49 h the first hour of day 3.
        let start = Utc::now()
            .date_naive()
            .and_hms_opt(23, 0, 0)
            .unwrap()
            .and_utc();
        let clock = Arc::new(ManualClock::new(start));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        let ana = api_token(&t, "ana@example.com").await;
        let today = t.app.now().date_naive();
        let day = |n: i64| (today + Duration::days(n)).to_string();
        let acct = t
            .create(&ana, "account", json!({"name": "Дальсвязь"}))
            .await;
        let contract = t
            .create(
                &ana,
                "contract",
                json!({"name": "Сервис 2027", "account_id": acct["id"],
                "status": "active", "end_date": day(40), "renewal_notice_days": 30}),
            )
            .await;
        assert_eq!(contract["renewal_due_on"], day(10).as_str(), "{contract}");
        let order = t
            .create(
                &ana,
                "order",
                json!({"account_id": acct["id"], "currency": "RUB"}),
            )
            .await;
        let handled = t
            .create(
                &ana,
                "order",
                json!({"account_id": acct["id"], "currency": "RUB"}),
            )
            .await;
        let handled_id = handled["id"].as_str().unwrap();
        let r = t
            .http
            .patch(
                &format!("/api/v1/records/order/{handled_id}"),
                Some(&ana),
                &json!({"status": "shipped"}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        t.create(
            &ana,
            "payment_plan",
            json!({"order_id": order["id"], "due_date": day(3),
            "amount": "1000", "amount_currency": "RUB"}),
        )
        .await;
        let quote = t
            .create(
                &ana,
                "quote",
                json!({"name": "Оптика", "account_id": acct["id"],
                "currency": "RUB", "valid_until": day(2)}),
            )
            .await;
        let quote_id = quote["id"].as_str().unwrap();

        days_pass(&t, &clock, 47).await;
        for kind in [
            "contract_renewal",
            "order_unhandled",
            "instalment_overdue",
            "quote_expired",
        ] {
            assert!(notices(&t, &ana, kind).await.is_empty(), "not yet: {kind}");
        }
        days_pass(&t, &clock, 2).await;
        let unhandled = notices(&t, &ana, "order_unhandled").await;
        assert_eq!(unhandled.len(), 1, "{unhandled:?}");
        assert_eq!(
            unhandled[0]["data"]["records"][0]["id"], order["id"],
            "the shipped order is handled"
        );
        let q = t
            .http
            .get(&format!("/api/v1/records/quote/{quote_id}"), Some(&ana))
            .await
            .body;
        assert_eq!(q["status"], "expired");
        assert_eq!(notices(&t, &ana, "quote_expired").await.len(), 1);
        let history = t
            .http
            .get(
                &format!("/api/v1/records/quote/{quote_id}/history"),
                Some(&ana),
            )
            .await;
        assert!(
            history.body.to_string().contains("expired"),
            "{}",
            history.body
        );

        days_pass(&t, &clock, 24).await;
        let overdue = notices(&t, &ana, "instalment_overdue").await;
        assert_eq!(overdue.len(), 1, "{overdue:?}");
        assert_eq!(
            overdue[0]["data"]["object"], "order",
            "it points to the order"
        );
        assert_eq!(overdue[0]["data"]["records"][0]["id"], order["id"]);
        assert!(notices(&t, &ana, "contract_renewal").await.is_empty());

        days_pass(&t, &clock, 24 * 8).await;
        let renewal = notices(&t, &ana, "contract_renewal").await;
        assert_eq!(renewal.len(), 1, "{renewal:?}");
        assert_eq!(renewal[0]["data"]["records"][0]["name"], "Сервис 2027");
        for kind in ["order_unhandled", "instalment_overdue", "quote_expired"] {
            assert_eq!(notices(&t, &ana, kind).await.len(), 1, "once only: {kind}");
        }

        // A renewed contract reminds again before its new end.
        let id = contract["id"].as_str().unwrap();
        let r = t
            .http
            .patch(
                &format!("/api/v1/records/contract/{id}"),
                Some(&ana),
                &json!({"end_date": day(400)}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["renewal_due_on"], day(370).as_str());
        assert!(r.body["renewal_reminded_at"].is_null(), "{}", r.body);
    }
}
