//! Sales figures: the collection rate (collected ÷ due) per month, owner and team equals the one
//! worked out by hand, with currencies kept apart and each user seeing the figures of the
//! instalments they may read; order statistics per status, product and category.

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn order(t: &TestApp, token: &str, account: &Value, currency: &str) -> String {
    let o = t
        .create(
            token,
            "order",
            json!({"account_id": account["id"], "currency": currency}),
        )
        .await;
    o["id"].as_str().unwrap().to_owned()
}

async fn instalment(t: &TestApp, token: &str, order: &str, due: &str, amount: &str, cur: &str) {
    t.create(
        token,
        "payment_plan",
        json!({"order_id": order, "due_date": due, "amount": amount, "amount_currency": cur}),
    )
    .await;
}

async fn payment(t: &TestApp, token: &str, order: &str, amount: &str) -> Value {
    t.create(token, "payment", json!({"order_id": order, "amount": amount, "amount_currency": "CNY", "received_on": "2026-02-01"}))
        .await
}

/// (key, currency, due, collected, outstanding, rate) of each row.
fn rows(body: &Value, part: &str) -> Vec<(String, String, String, String, String, Value)> {
    body[part]
        .as_array()
        .unwrap_or_else(|| panic!("{body}"))
        .iter()
        .map(|r| {
            let s = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
            (
                s("name"),
                s("currency"),
                s("due"),
                s("collected"),
                s("outstanding"),
                r["rate"].clone(),
            )
        })
        .collect()
}

fn row(
    name: &str,
    cur: &str,
    due: &str,
    got: &str,
    out: &str,
    rate: f64,
) -> (String, String, String, String, String, Value) {
    (
        name.into(),
        cur.into(),
        due.into(),
        got.into(),
        out.into(),
        json!(rate),
    )
}

#[tokio::test]
async fn the_collection_rate_equals_the_one_worked_out_by_hand() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.member_token("ana@example.com", "sales", Some("East")).await;
        let bo = t.member_token("bo@example.com", "sales", Some("West")).await;
        let acct_a = t.create(&ana, "account", json!({"name": "上海明达"})).await;
        let acct_b = t.create(&bo, "account", json!({"name": "Hierros del Norte"})).await;
        let router = t.create(&admin, "product", json!({"name": "Router X", "code": "RX", "category": "hardware"})).await;

        // Ana: 1,000 due in January and 2,000 in February; 1,500 received, 200 of it refunded:
        // 1,000 settles January, 300 February. Bo: 4,000 due in January, 1,000 received.
        let a1 = order(&t, &ana, &acct_a, "CNY").await;
        t.create(&ana, "order_line", json!({"order_id": a1, "product_id": router["id"], "quantity": "3", "unit_price": "1000", "unit_price_currency": "CNY"})).await;
        instalment(&t, &ana, &a1, "2026-01-10", "1000", "CNY").await;
        instalment(&t, &ana, &a1, "2026-02-10", "2000", "CNY").await;
        let paid = payment(&t, &ana, &a1, "1500").await;
        t.create(&ana, "refund", json!({"payment_id": paid["id"], "amount": "200", "amount_currency": "CNY", "refunded_on": "2026-02-03"})).await;
        let b1 = order(&t, &bo, &acct_b, "CNY").await;
        t.create(&bo, "order_line", json!({"order_id": b1, "product_id": router["id"], "quantity": "4.5", "unit_price": "1000", "unit_price_currency": "CNY"})).await;
        instalment(&t, &bo, &b1, "2026-01-20", "4000", "CNY").await;
        payment(&t, &bo, &b1, "1000").await;
        let r = t.http.patch(&format!("/api/v1/records/order/{b1}"), Some(&bo), &json!({"status": "shipped"})).await;
        assert_eq!(r.status, 200, "{}", r.body);
        // And 500 euros due from Ana's customer in January, nothing received: kept apart.
        let a2 = order(&t, &ana, &acct_a, "EUR").await;
        instalment(&t, &ana, &a2, "2026-01-15", "500", "EUR").await;

        let by_month = t.http.get("/api/v1/analytics/collections?from=2026-01-01&to=2027-01-01", Some(&admin)).await;
        assert_eq!(by_month.status, 200, "{}", by_month.body);
        assert_eq!(
            rows(&by_month.body, "rows"),
            [
                row("2026-01", "CNY", "5000.00", "2000.00", "3000.00", 40.0),
                row("2026-01", "EUR", "500.00", "0.00", "500.00", 0.0),
                row("2026-02", "CNY", "2000.00", "300.00", "1700.00", 15.0),
            ]
        );
        // 2,300 of 7,000: 32.857… %.
        assert_eq!(
            rows(&by_month.body, "totals"),
            [row("", "CNY", "7000.00", "2300.00", "4700.00", 32.9), row("", "EUR", "500.00", "0.00", "500.00", 0.0)]
        );
        assert_eq!(by_month.body["totals"][0]["overdue"], "4700.00", "every instalment here is past due");

        let by_owner = t.http.get("/api/v1/analytics/collections?group=owner&to=2026-03-01", Some(&admin)).await;
        assert_eq!(
            rows(&by_owner.body, "rows").into_iter().filter(|r| r.1 == "CNY").collect::<Vec<_>>(),
            [row("ana", "CNY", "3000.00", "1300.00", "1700.00", 43.3), row("bo", "CNY", "4000.00", "1000.00", "3000.00", 25.0)]
        );
        let by_team = t.http.get("/api/v1/analytics/collections?group=team", Some(&admin)).await;
        let names: Vec<_> = rows(&by_team.body, "rows").into_iter().map(|r| (r.0, r.1)).collect();
        assert_eq!(names, [("East".to_owned(), "CNY".to_owned()), ("East".into(), "EUR".into()), ("West".into(), "CNY".into())]);
        let by_account = t.http.get("/api/v1/analytics/collections?group=account&team_id=nonexistent", Some(&admin)).await;
        assert_eq!(by_account.status, 404, "{}", by_account.body);

        // A salesperson's figures cover what they may read: their own instalments.
        let own = t.http.get("/api/v1/analytics/collections?group=account", Some(&ana)).await;
        assert_eq!(
            rows(&own.body, "totals"),
            [row("", "CNY", "3000.00", "1300.00", "1700.00", 43.3), row("", "EUR", "500.00", "0.00", "500.00", 0.0)]
        );
        assert_eq!(own.body["rows"][0]["name"], "上海明达");
        let bad = t.http.get("/api/v1/analytics/collections?group=planet", Some(&ana)).await;
        assert_eq!(bad.status, 400, "{}", bad.body);

        let stats = t.http.get("/api/v1/analytics/orders", Some(&admin)).await;
        assert_eq!(stats.status, 200, "{}", stats.body);
        let status: Vec<_> = stats.body["by_status"].as_array().unwrap().iter()
            .map(|r| (r["key"].as_str().unwrap(), r["currency"].as_str().unwrap(), r["count"].as_i64().unwrap(), r["amount"].as_str().unwrap()))
            .collect();
        assert_eq!(status, [("confirmed", "CNY", 1, "3000.00"), ("confirmed", "EUR", 1, "0.00"), ("shipped", "CNY", 1, "4500.00")]);
        let product = &stats.body["by_product"][0];
        assert_eq!((product["name"].as_str(), product["quantity"].as_str(), product["amount"].as_str()), (Some("Router X"), Some("7.5"), Some("7500.00")));
        let category = &stats.body["by_category"][0];
        assert_eq!((category["key"].as_str(), category["count"].as_i64()), (Some("hardware"), Some(2)));
    })
    .await;
}

#[tokio::test]
async fn the_collection_rate_bars_are_drawn_in_the_stylesheets_colours() {
    each_backend(|t| async move {
        let boss =
            pelagic_testkit::browser::Browser::sign_in(&t, "boss@example.com", "admin").await;
        let page = boss.get(&t, "/collections").await;
        assert_eq!(page.status, 200);
        let css = boss.get(&t, "/static/app.css").await.text;
        // The bars are SVG rectangles, black unless the stylesheet fills them.
        assert!(
            css.contains("svg.rate rect {") && css.contains("svg.rate rect.track {"),
            "the bars have a fill"
        );
    })
    .await;
}
