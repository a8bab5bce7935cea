//! No figure is computed from a field its reader may not read: with deal amounts hidden from
//! salespeople, the forecast, the board's lane totals and the funnel page give no amount, while
//! a manager who reads amounts still sees them.

use pelagic_testkit::browser::{Browser, sign_in_form};
use pelagic_testkit::{TestApp, each_backend};
use serde_json::json;

async fn hide(t: &TestApp, admin: &str, field: &str, access: &str) {
    let r = t
        .http
        .put(
            &format!("/api/v1/admin/roles/sales/fields/opportunity/{field}"),
            Some(admin),
            &json!({"access": access}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
}

#[tokio::test]
async fn a_hidden_amount_appears_in_no_figure() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let token = t.user_token("ana@example.com", "sales").await;
        let browser = Browser {
            cookie: cookies(&sign_in_form(&t, "ana@example.com", "correct horse battery staple", None).await),
            csrf: String::new(),
        };
        let acct = t.create(&token, "account", json!({"name": "Solo Uno SL"})).await;
        t.create(
            &token,
            "opportunity",
            json!({"name": "Único", "account_id": acct["id"], "amount": "12345.67", "amount_currency": "EUR",
                   "stage": "proposal", "expected_close_date": "2027-01-15"}),
        )
        .await;
        // From now on salespeople may not read amounts.
        hide(&t, &admin, "amount", "hidden").await;

        // One deal in a month and stage: the row's amount would be the deal's amount.
        let forecast = t.http.get("/api/v1/analytics/forecast", Some(&token)).await;
        assert_eq!(forecast.status, 200, "{}", forecast.body);
        let rows = forecast.body["data"].as_array().unwrap();
        assert_eq!(rows.len(), 1, "{}", forecast.body);
        assert_eq!(rows[0]["deals"], 1);
        assert!(rows[0]["amount"].is_null() && rows[0]["weighted"].is_null(), "{}", forecast.body);
        assert!(!forecast.text.contains("12345"), "{}", forecast.text);

        // The board's lanes and the funnel page's forecast say nothing of it either.
        for path in ["/pipeline", "/pipeline/funnel"] {
            let page = browser.get(&t, path).await;
            assert_eq!(page.status, 200, "{path}: {}", page.text);
            assert!(page.text.contains("Único") || path == "/pipeline/funnel", "{path} lists the deal");
            for shown in ["12345", "12,345", "12 345", "12.345"] {
                assert!(!page.text.contains(shown), "{path} shows the hidden amount: {}", page.text);
            }
        }

        // An administrator, who reads amounts, still gets them.
        let all = t.http.get("/api/v1/analytics/forecast", Some(&admin)).await;
        assert!(all.text.contains("12345.67"), "{}", all.text);
    })
    .await;
}

fn cookies(r: &pelagic_testkit::Reply) -> String {
    r.set_cookies
        .iter()
        .filter_map(|c| c.split(';').next())
        .collect::<Vec<_>>()
        .join("; ")
}

#[tokio::test]
async fn a_masked_probability_leaves_out_the_weighted_amount_and_a_hidden_stage_refuses_the_funnel()
{
    each_backend(|t| async move {
        let admin = t.admin().await;
        let token = t.user_token("ana@example.com", "sales").await;
        let acct = t.create(&token, "account", json!({"name": "Dos"})).await;
        t.create(
            &token,
            "opportunity",
            json!({"name": "Dos", "account_id": acct["id"], "amount": "200", "amount_currency": "EUR", "stage": "proposal"}),
        )
        .await;
        hide(&t, &admin, "probability", "masked").await;
        let forecast = t.http.get("/api/v1/analytics/forecast", Some(&token)).await;
        let row = &forecast.body["data"][0];
        assert_eq!(row["amount"], "200.00", "{}", forecast.body);
        assert!(row["weighted"].is_null(), "{}", forecast.body);

        hide(&t, &admin, "stage", "hidden").await;
        let funnel = t.http.get("/api/v1/analytics/funnel", Some(&token)).await;
        assert_eq!(funnel.status, 403, "{}", funnel.body);
        assert!(funnel.body["error"]["message"].as_str().unwrap().contains("stage"));
    })
    .await;
}
