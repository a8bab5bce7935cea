//! The history of a record: every change with who, when, old and new value, shown through the
//! reader's field permissions; administrators revert a change from it.

use pelagic_testkit::each_backend;
use serde_json::{Value, json};

fn entries(body: &Value) -> Vec<(String, Option<String>, Value, Value)> {
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["action"].as_str().unwrap().to_owned(),
                e["field"].as_str().map(str::to_owned),
                e["old"].clone(),
                e["new"].clone(),
            )
        })
        .collect()
}

#[tokio::test]
async fn every_change_is_in_the_history_with_its_old_and_new_value() {
    each_backend(|t| async move {
        let token = t.user_token("sales@example.com", "sales").await;
        let created = t
            .create(
                &token,
                "account",
                json!({"name": "Acme", "level": "c", "annual_revenue": "100.00"}),
            )
            .await;
        let path = format!(
            "/api/v1/records/account/{}",
            created["id"].as_str().unwrap()
        );
        t.http
            .patch(
                &path,
                Some(&token),
                &json!({"level": "a", "annual_revenue": "250.00"}),
            )
            .await;
        t.http
            .patch(&path, Some(&token), &json!({"name": "Acme Group"}))
            .await;

        let h = t.http.get(&format!("{path}/history"), Some(&token)).await;
        assert_eq!(h.status, 200, "{}", h.body);
        let got = entries(&h.body);
        assert_eq!(
            got[0],
            (
                "update".into(),
                Some("name".into()),
                json!("Acme"),
                json!("Acme Group")
            )
        );
        assert!(got.contains(&(
            "update".into(),
            Some("level".into()),
            json!("c"),
            json!("a")
        )));
        assert!(got.contains(&(
            "update".into(),
            Some("annual_revenue".into()),
            json!("100.00 CNY"),
            json!("250.00 CNY")
        )));
        assert_eq!(got.last().unwrap().0, "create");
        assert_eq!(
            got.len(),
            4,
            "a patch that changes nothing else adds nothing else"
        );
        let first = &h.body["data"][0];
        assert!(first["at"].is_string() && first["user_id"].is_string() && first["id"].is_string());
    })
    .await;
}

#[tokio::test]
async fn the_history_hides_what_the_reader_may_not_see_and_cannot_be_changed() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let token = t.user_token("sales@example.com", "sales").await;
        let sales_id = t.user_id(&token).await;
        let created = t.create(&admin, "account", json!({"name": "Acme", "owner_id": sales_id, "annual_revenue": "1.00", "phone": "13800135678"})).await;
        let path = format!("/api/v1/records/account/{}", created["id"].as_str().unwrap());
        t.http.patch(&path, Some(&admin), &json!({"annual_revenue": "2.00", "phone": "13900135678"})).await;
        t.http.put("/api/v1/admin/roles/sales/fields/account/annual_revenue", Some(&admin), &json!({"access": "hidden"})).await;
        t.http.put("/api/v1/admin/roles/sales/fields/account/phone", Some(&admin), &json!({"access": "masked"})).await;

        let h = t.http.get(&format!("{path}/history"), Some(&token)).await;
        let got = entries(&h.body);
        assert!(got.iter().all(|e| e.1.as_deref() != Some("annual_revenue")), "{got:?}");
        assert!(got.contains(&("update".into(), Some("phone".into()), json!("138****5678"), json!("139****5678"))), "{got:?}");
        let full = entries(&t.http.get(&format!("{path}/history"), Some(&admin)).await.body);
        assert!(full.iter().any(|e| e.1.as_deref() == Some("annual_revenue")));

        for method in ["DELETE", "PATCH", "PUT"] {
            let r = t.http.send(method, &format!("{path}/history"), Some(&admin), &[("content-type", "application/json")], b"{}".to_vec()).await;
            assert!(r.status == 405 || r.status == 404, "{method} on history answered {}", r.status);
        }
        let other = t.user_token("other@example.com", "sales").await;
        assert_eq!(t.http.get(&format!("{path}/history"), Some(&other)).await.status, 404, "no history of records out of reach");
    })
    .await;
}

#[tokio::test]
async fn an_administrator_reverts_a_field_change_from_the_history() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let token = t.user_token("sales@example.com", "sales").await;
        let created = t
            .create(&token, "account", json!({"name": "Acme", "level": "c"}))
            .await;
        let path = format!(
            "/api/v1/records/account/{}",
            created["id"].as_str().unwrap()
        );
        t.http
            .patch(&path, Some(&token), &json!({"level": "a"}))
            .await;
        let h = t.http.get(&format!("{path}/history"), Some(&token)).await;
        let entry = h.body["data"][0]["id"].as_str().unwrap().to_owned();

        let refused = t
            .http
            .post(
                &format!("{path}/history/{entry}/revert"),
                Some(&token),
                &json!({}),
            )
            .await;
        assert_eq!(refused.status, 403);
        let r = t
            .http
            .post(
                &format!("{path}/history/{entry}/revert"),
                Some(&admin),
                &json!({}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["level"], "c");
        let latest = entries(
            &t.http
                .get(&format!("{path}/history"), Some(&admin))
                .await
                .body,
        );
        assert_eq!(
            latest[0],
            (
                "revert".into(),
                Some("level".into()),
                json!("a"),
                json!("c")
            )
        );
        let unknown = t
            .http
            .post(
                &format!("{path}/history/01a2aaaa-0000-7000-8000-000000000000/revert"),
                Some(&admin),
                &json!({}),
            )
            .await;
        assert_eq!(unknown.status, 404);
    })
    .await;
}
