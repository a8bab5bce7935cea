//! Numbers and dates stay within ranges a person could mean: a value outside its field's range
//! or a year no calendar can print is refused naming the field, on every path (create, change,
//! batch), and no such value reaches date arithmetic — nothing answers 500.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn contract(t: &TestApp, token: &str) -> Value {
    let acct = t
        .create(token, "account", json!({"name": "Plazo Fijo SA"}))
        .await;
    t.create(
        token,
        "contract",
        json!({"name": "Mantenimiento", "account_id": acct["id"], "start_date": "2026-01-01", "end_date": "2026-12-31"}),
    )
    .await
}

fn refused_naming(r: &pelagic_testkit::Reply, field: &str) {
    assert_eq!(r.status, 422, "{}", r.text);
    let fields = &r.body["error"]["details"]["fields"];
    assert!(
        fields
            .as_object()
            .unwrap()
            .keys()
            .any(|k| k.ends_with(field)),
        "the refusal names {field}: {}",
        r.body
    );
}

#[tokio::test]
async fn a_huge_renewal_notice_is_refused_on_every_path() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let c = contract(&t, &ana).await;
        let acct = c["account_id"].clone();
        for days in [json!(200000000000000_i64), json!(56000000), json!(-1), json!(3651)] {
            let body = json!({"name": "X", "account_id": acct, "end_date": "2026-12-31", "renewal_notice_days": days});
            refused_naming(&t.http.post("/api/v1/records/contract", Some(&ana), &body).await, "renewal_notice_days");
            let patch = t
                .http
                .patch(&format!("/api/v1/records/contract/{}", c["id"].as_str().unwrap()), Some(&ana), &json!({"renewal_notice_days": days}))
                .await;
            refused_naming(&patch, "renewal_notice_days");
            let batch = t
                .http
                .post("/api/v1/records/contract/batch", Some(&ana), &json!({"records": [body]}))
                .await;
            refused_naming(&batch, "renewal_notice_days");
        }
        let ok = t
            .http
            .patch(&format!("/api/v1/records/contract/{}", c["id"].as_str().unwrap()), Some(&ana), &json!({"renewal_notice_days": 3650}))
            .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(ok.body["renewal_due_on"], "2017-01-02", "3,650 days before the end");
    })
    .await;
}

#[tokio::test]
async fn percentages_quantities_and_amounts_stay_in_range() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let acct = t.create(&ana, "account", json!({"name": "Rangos"})).await;
        for (body, field) in [
            (json!({"name": "D", "account_id": acct["id"], "probability": "101"}), "probability"),
            (json!({"name": "D", "account_id": acct["id"], "amount": "-5", "amount_currency": "EUR"}), "amount"),
            (json!({"name": "D", "account_id": acct["id"], "amount": "99999999999999999", "amount_currency": "EUR"}), "amount"),
        ] {
            refused_naming(&t.http.post("/api/v1/records/opportunity", Some(&ana), &body).await, field);
        }
    })
    .await;
}

#[tokio::test]
async fn a_date_beyond_the_calendar_is_refused_and_the_feed_stays_valid() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        for (object, body, field) in [
            (
                "task",
                json!({"subject": "Fin", "due_at": "9999-12-31T23:45:00Z"}),
                "due_at",
            ),
            (
                "task",
                json!({"subject": "Inicio", "due_at": "0001-01-01T00:00:00Z"}),
                "due_at",
            ),
            (
                "contract",
                json!({"name": "C", "end_date": "+10000-01-01"}),
                "end_date",
            ),
        ] {
            refused_naming(
                &t.http
                    .post(&format!("/api/v1/records/{object}"), Some(&ana), &body)
                    .await,
                field,
            );
        }
        // Periods of the figures are bounded the same way before any arithmetic.
        for path in [
            "/api/v1/analytics/team?to=-262144-01-01",
            "/api/v1/analytics/team?period=month&from=%2B262142-12-01&to=%2B262142-12-31",
            "/api/v1/analytics/funnel?from=0999-01-01",
            "/api/v1/analytics/collections?to=3000-01-01",
        ] {
            let r = t.http.get(path, Some(&ana)).await;
            assert_eq!(r.status, 400, "{path}: {}", r.text);
        }
        let r = t
            .http
            .post(
                "/api/v1/records/task",
                Some(&ana),
                &json!({"subject": "Late", "due_at": "2999-12-31T23:45:00Z"}),
            )
            .await;
        assert_eq!(r.status, 201, "the last year is allowed: {}", r.body);
    })
    .await;
}

#[tokio::test]
async fn a_saved_view_with_a_line_break_is_refused_and_not_saved() {
    each_backend(|t| async move {
        let ana = Browser::sign_in(&t, "ana@example.com", "sales").await;
        let bad = ana
            .submit(
                &t,
                "/o/account/views",
                &[
                    ("name", "Broken"),
                    ("query", "c0.f=type\r\nSet-Cookie: x=1"),
                ],
                true,
            )
            .await;
        assert_eq!(bad.status, 400, "{}", bad.text);
        let list = ana.get(&t, "/o/account").await;
        assert!(!list.text.contains("Broken"), "the view was not saved");
        let good = ana
            .submit(
                &t,
                "/o/account/views",
                &[
                    ("name", "Clientes"),
                    ("query", "c0.f=type&c0.o=eq&c0.v=customer"),
                ],
                true,
            )
            .await;
        assert_eq!(good.status, 303, "{}", good.text);
    })
    .await;
}
