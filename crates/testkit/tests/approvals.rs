//! Approval flows: a quote whose discount passes the flow's condition waits for the
//! salesperson's manager, is locked meanwhile, and is approved or sent back with a comment;
//! multi-step flows with all-of steps; a quote below the condition needs no approval; a large
//! refund waits before it counts.

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn quote_with_discount(t: &TestApp, token: &str, discount: &str) -> String {
    let acct = t
        .create(
            token,
            "account",
            json!({"name": format!("Cliente {discount}")}),
        )
        .await;
    let q = t
        .create(
            token,
            "quote",
            json!({"name": "Propuesta", "account_id": acct["id"], "currency": "MXN"}),
        )
        .await;
    for (what, price) in [
        ("Sillas", "1200"),
        ("Mesas", "5400.50"),
        ("Instalación", "999.99"),
    ] {
        t.create(
            token,
            "quote_line",
            json!({"quote_id": q["id"], "description": what, "quantity": "3", "unit_price": price,
                   "unit_price_currency": "MXN", "discount_percent": discount, "tax_rate": "16"}),
        )
        .await;
    }
    q["id"].as_str().unwrap().to_owned()
}

async fn post(t: &TestApp, token: &str, path: &str, body: Value) -> pelagic_testkit::Reply {
    t.http.post(path, Some(token), &body).await
}

fn discount_flow(steps: Value) -> Value {
    json!({"flows": [{"name": "Descuentos altos", "object": "quote",
        "condition": {"field": "discount_rate", "op": "gt", "value": "15"}, "steps": steps}]})
}

#[tokio::test]
async fn a_big_discount_goes_to_the_managers_approval_and_is_locked_until_decided() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let boss = t
            .member_token("boss@example.com", "manager", Some("Ventas"))
            .await;
        let ana = t
            .member_token("ana@example.com", "sales", Some("Ventas"))
            .await;
        t.set_team_manager(&admin, "Ventas", &boss).await;
        let bad = t
            .http
            .put(
                "/api/v1/admin/approval-flows",
                Some(&admin),
                &discount_flow(json!([{"approver": "role"}])),
            )
            .await;
        assert_eq!(bad.status, 422, "a role step names its role: {}", bad.body);
        let nope = t
            .http
            .put(
                "/api/v1/admin/approval-flows",
                Some(&ana),
                &discount_flow(json!([{"approver": "manager"}])),
            )
            .await;
        assert_eq!(nope.status, 403);
        let set = t
            .http
            .put(
                "/api/v1/admin/approval-flows",
                Some(&admin),
                &discount_flow(json!([{"approver": "manager"}])),
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.body);

        // 10 % off: below the condition, approved at once.
        let small = quote_with_discount(&t, &ana, "10").await;
        let r = post(
            &t,
            &ana,
            &format!("/api/v1/records/quote/{small}/submit"),
            json!({}),
        )
        .await;
        assert_eq!(r.body["status"], "approved", "{}", r.body);

        // 20 % off: waits for the manager.
        let big = quote_with_discount(&t, &ana, "20").await;
        let r = post(
            &t,
            &ana,
            &format!("/api/v1/records/quote/{big}/submit"),
            json!({}),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["status"], "in_approval");
        assert_eq!(r.body["approval_status"], "pending");
        let edit = t
            .http
            .patch(
                &format!("/api/v1/records/quote/{big}"),
                Some(&ana),
                &json!({"name": "Otra"}),
            )
            .await;
        assert_eq!(edit.status, 409, "locked while in approval: {}", edit.body);
        let delete = t
            .http
            .delete(&format!("/api/v1/records/quote/{big}"), Some(&ana))
            .await;
        assert_eq!(delete.status, 409, "{}", delete.body);

        let waiting = t.http.get("/api/v1/approvals", Some(&boss)).await;
        let list = waiting.body["data"].as_array().unwrap();
        assert_eq!(list.len(), 1, "{}", waiting.body);
        assert_eq!(list[0]["record"]["id"], big.as_str());
        let request = list[0]["id"].as_str().unwrap().to_owned();
        assert_eq!(
            t.http.get("/api/v1/approvals", Some(&ana)).await.body["data"]
                .as_array()
                .unwrap()
                .len(),
            0
        );
        let not_hers = post(
            &t,
            &ana,
            &format!("/api/v1/approvals/{request}/approve"),
            json!({}),
        )
        .await;
        assert_eq!(
            not_hers.status, 404,
            "the submitter does not approve: {}",
            not_hers.body
        );
        let no_reason = post(
            &t,
            &boss,
            &format!("/api/v1/approvals/{request}/reject"),
            json!({}),
        )
        .await;
        assert_eq!(
            no_reason.status, 422,
            "a rejection says why: {}",
            no_reason.body
        );

        let rejected = post(
            &t,
            &boss,
            &format!("/api/v1/approvals/{request}/reject"),
            json!({"comment": "Máximo 15 %"}),
        )
        .await;
        assert_eq!(rejected.status, 200, "{}", rejected.body);
        assert_eq!(rejected.body["status"], "rejected");
        let q = t
            .http
            .get(&format!("/api/v1/records/quote/{big}"), Some(&ana))
            .await;
        assert_eq!(q.body["status"], "draft", "back to the salesperson's draft");
        assert_eq!(q.body["approval_status"], "rejected");
        let notes = t.http.get("/api/v1/notifications", Some(&ana)).await;
        assert!(
            notes.body["data"]
                .as_array()
                .unwrap()
                .iter()
                .any(|n| n["kind"] == "approval_decided"),
            "{}",
            notes.body
        );

        // Submitted again and approved this time.
        let again = post(
            &t,
            &ana,
            &format!("/api/v1/records/quote/{big}/submit"),
            json!({}),
        )
        .await;
        assert_eq!(again.body["status"], "in_approval", "{}", again.body);
        let waiting = t.http.get("/api/v1/approvals", Some(&boss)).await;
        let request = waiting.body["data"][0]["id"].as_str().unwrap().to_owned();
        let ok = post(
            &t,
            &boss,
            &format!("/api/v1/approvals/{request}/approve"),
            json!({"comment": "Cliente estratégico"}),
        )
        .await;
        assert_eq!(ok.status, 200, "{}", ok.body);
        assert_eq!(ok.body["status"], "approved");
        let twice = post(
            &t,
            &boss,
            &format!("/api/v1/approvals/{request}/approve"),
            json!({}),
        )
        .await;
        assert_eq!(twice.status, 409, "{}", twice.body);
        let q = t
            .http
            .get(&format!("/api/v1/records/quote/{big}"), Some(&ana))
            .await;
        assert_eq!(q.body["status"], "approved");

        let trail = t
            .http
            .get(
                &format!("/api/v1/records/quote/{big}/approvals"),
                Some(&ana),
            )
            .await;
        let requests = trail.body["data"].as_array().unwrap();
        assert_eq!(requests.len(), 2, "{}", trail.body);
        assert_eq!(requests[0]["status"], "approved");
        assert_eq!(requests[0]["tasks"][0]["comment"], "Cliente estratégico");
        assert_eq!(requests[1]["tasks"][0]["comment"], "Máximo 15 %");
        let history = t
            .http
            .get(&format!("/api/v1/records/quote/{big}/history"), Some(&ana))
            .await;
        let actions: Vec<&str> = history.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["action"].as_str())
            .collect();
        assert!(
            actions.contains(&"approval")
                && actions.contains(&"approved")
                && actions.contains(&"rejected"),
            "{actions:?}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_two_step_flow_needs_the_manager_then_every_director() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let boss = t
            .member_token("boss@example.com", "manager", Some("Ventas"))
            .await;
        let ana = t
            .member_token("ana@example.com", "sales", Some("Ventas"))
            .await;
        t.set_team_manager(&admin, "Ventas", &boss).await;
        let role = t
            .http
            .post(
                "/api/v1/admin/roles",
                Some(&admin),
                &json!({"name": "director", "label": "Director"}),
            )
            .await;
        assert_eq!(role.status, 201, "{}", role.body);
        let d1 = t.user_token("d1@example.com", "director").await;
        let d2 = t.user_token("d2@example.com", "director").await;
        let set = t
            .http
            .put(
                "/api/v1/admin/approval-flows",
                Some(&admin),
                &discount_flow(json!([
                {"approver": "manager"}, {"approver": "role", "role": "director", "mode": "all"}])),
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.body);
        let quote = quote_with_discount(&t, &ana, "25").await;
        post(
            &t,
            &ana,
            &format!("/api/v1/records/quote/{quote}/submit"),
            json!({}),
        )
        .await;
        assert_eq!(
            t.http.get("/api/v1/approvals", Some(&d1)).await.body["data"]
                .as_array()
                .unwrap()
                .len(),
            0,
            "directors wait for the first step"
        );
        let first = t.http.get("/api/v1/approvals", Some(&boss)).await.body["data"][0]["id"]
            .as_str()
            .unwrap()
            .to_owned();
        post(
            &t,
            &boss,
            &format!("/api/v1/approvals/{first}/approve"),
            json!({}),
        )
        .await;
        for (i, d) in [&d1, &d2].into_iter().enumerate() {
            let waiting = t.http.get("/api/v1/approvals", Some(d)).await;
            assert_eq!(
                waiting.body["data"].as_array().unwrap().len(),
                1,
                "{}",
                waiting.body
            );
            assert!(
                waiting.body["data"][0]["record"]["total"].is_string(),
                "the approver reads the quote"
            );
            let r = post(
                &t,
                d,
                &format!("/api/v1/approvals/{first}/approve"),
                json!({}),
            )
            .await;
            assert_eq!(r.status, 200, "{}", r.body);
            let q = t
                .http
                .get(&format!("/api/v1/records/quote/{quote}"), Some(&ana))
                .await;
            let expected = if i == 0 { "in_approval" } else { "approved" };
            assert_eq!(q.body["status"], expected, "all directors must approve");
        }
    })
    .await;
}

#[tokio::test]
async fn a_refund_above_the_threshold_waits_for_approval_before_it_counts() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let set = t
            .http
            .put("/api/v1/admin/approval-flows", Some(&admin), &json!({"flows": [{"name": "Big refunds", "object": "refund",
                "condition": {"field": "amount", "op": "gt", "value": "1000"}, "steps": [{"approver": "role", "role": "admin"}]}]}))
            .await;
        assert_eq!(set.status, 200, "{}", set.body);
        let acct = t.create(&ana, "account", json!({"name": "Acme"})).await;
        let order = t.create(&ana, "order", json!({"account_id": acct["id"], "currency": "CNY"})).await;
        t.create(&ana, "order_line", json!({"order_id": order["id"], "description": "Kit", "quantity": "1", "unit_price": "5000", "unit_price_currency": "CNY"})).await;
        let pay = t.create(&ana, "payment", json!({"order_id": order["id"], "amount": "5000", "amount_currency": "CNY", "received_on": "2026-11-02"})).await;
        let small = t.create(&ana, "refund", json!({"payment_id": pay["id"], "amount": "200", "amount_currency": "CNY", "refunded_on": "2026-11-03"})).await;
        assert!(small["approval_status"].is_null(), "{small}");
        let big = t.create(&ana, "refund", json!({"payment_id": pay["id"], "amount": "1500", "amount_currency": "CNY", "refunded_on": "2026-11-04"})).await;
        assert_eq!(big["approval_status"], "pending");
        let o = t.http.get(&format!("/api/v1/records/order/{}", order["id"].as_str().unwrap()), Some(&ana)).await;
        assert_eq!(o.body["refunded_amount"], "200.00", "the waiting refund does not count yet");
        let request = t.http.get("/api/v1/approvals", Some(&admin)).await.body["data"][0]["id"].as_str().unwrap().to_owned();
        post(&t, &admin, &format!("/api/v1/approvals/{request}/approve"), json!({})).await;
        let o = t.http.get(&format!("/api/v1/records/order/{}", order["id"].as_str().unwrap()), Some(&ana)).await;
        assert_eq!(o.body["refunded_amount"], "1700.00");
        assert_eq!(o.body["net_received"], "3300.00");
        assert_eq!(o.body["outstanding_amount"], "1700.00");
    })
    .await;
}

#[tokio::test]
async fn an_approver_outside_the_team_reads_the_quote_and_its_lines_while_deciding() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t
            .member_token("ana@example.com", "sales", Some("Ventas"))
            .await;
        let marta = t
            .member_token("marta@example.com", "manager", Some("Dirección"))
            .await;
        let marta_id = t.user_id(&marta).await;
        let set = t
            .http
            .put(
                "/api/v1/admin/approval-flows",
                Some(&admin),
                &discount_flow(json!([{"approver": "user", "user_id": marta_id}])),
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.body);
        let quote = quote_with_discount(&t, &ana, "20").await;
        let lines_query = json!({"filter": {"field": "quote_id", "op": "eq", "value": quote}});
        let before = post(
            &t,
            &marta,
            "/api/v1/records/quote_line/query",
            lines_query.clone(),
        )
        .await;
        assert_eq!(
            before.body["data"].as_array().map(Vec::len),
            Some(0),
            "not hers before"
        );

        let r = post(
            &t,
            &ana,
            &format!("/api/v1/records/quote/{quote}/submit"),
            json!({}),
        )
        .await;
        assert_eq!(r.body["approval_status"], "pending", "{}", r.body);
        let seen = t
            .http
            .get(&format!("/api/v1/records/quote/{quote}"), Some(&marta))
            .await;
        assert_eq!(seen.status, 200);
        let lines = post(&t, &marta, "/api/v1/records/quote_line/query", lines_query).await;
        let names: Vec<&str> = lines.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|l| l["description"].as_str())
            .collect();
        assert_eq!(
            names.len(),
            3,
            "the three lines she decides on: {}",
            lines.body
        );
        assert!(names.contains(&"Instalación"));
    })
    .await;
}
