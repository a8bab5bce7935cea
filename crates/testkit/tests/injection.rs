//! SQL injection attempts through field names, operators, sort keys and values change nothing
//! and leak nothing: identifiers come only from metadata and values are always bound.

use pelagic_testkit::{each_backend, urlencode};
use serde_json::json;

const ATTACKS: [&str; 6] = [
    "name; DROP TABLE obj_account; --",
    "name\" OR 1=1 --",
    "' OR '1'='1",
    "name) UNION SELECT password_hash FROM users --",
    "1; DELETE FROM users",
    "%' OR 1=1 --",
];

#[tokio::test]
async fn injection_through_names_operators_sorts_and_values_is_harmless() {
    each_backend(|t| async move {
        let token = t.admin().await;
        t.create(&token, "account", json!({"name": "Acme"})).await;
        t.create(&token, "account", json!({"name": "' OR '1'='1"}))
            .await;
        for attack in ATTACKS {
            let a = urlencode(attack);
            for query in [
                format!("{a}=x"),
                format!("name[{a}]=x"),
                format!("sort={a}"),
                format!("sort=-{a}"),
            ] {
                let r = t
                    .http
                    .get(&format!("/api/v1/records/account?{query}"), Some(&token))
                    .await;
                assert_eq!(r.status, 400, "{query}: {}", r.text);
            }
            let r = t
                .http
                .get(&format!("/api/v1/records/account?name={a}"), Some(&token))
                .await;
            assert_eq!(r.status, 200);
            let expected = if attack == "' OR '1'='1" { 1 } else { 0 };
            assert_eq!(
                r.body["data"].as_array().unwrap().len(),
                expected,
                "value {attack} matches only itself"
            );
            let r = t
                .http
                .get(&format!("/api/v1/records/account?q={a}"), Some(&token))
                .await;
            assert_eq!(r.status, 200);
            let r = t
                .http
                .get(
                    &format!("/api/v1/records/account?name[contains]={a}"),
                    Some(&token),
                )
                .await;
            assert_eq!(r.status, 200);
            let r = t
                .http
                .post(
                    "/api/v1/records/account/query",
                    Some(&token),
                    &json!({"filter": {"field": attack, "op": "eq", "value": "x"}}),
                )
                .await;
            assert_eq!(r.status, 400);
            let r = t
                .http
                .post(
                    "/api/v1/records/account/query",
                    Some(&token),
                    &json!({"filter": {"field": "name", "op": attack, "value": "x"}}),
                )
                .await;
            assert_eq!(r.status, 400);
            let r = t
                .http
                .post(
                    &format!("/api/v1/records/{a}"),
                    Some(&token),
                    &json!({"name": "x"}),
                )
                .await;
            assert!(
                r.status == 404 || r.status == 400,
                "object {attack}: {}",
                r.status
            );
        }
        let all = t
            .http
            .get("/api/v1/records/account?count=true", Some(&token))
            .await;
        assert_eq!(all.body["total"], 2, "both accounts are still there");
        let like = t
            .http
            .get(
                &format!("/api/v1/records/account?name[contains]={}", urlencode("%")),
                Some(&token),
            )
            .await;
        assert_eq!(
            like.body["data"].as_array().unwrap().len(),
            0,
            "a % in a value is a character, not a wildcard"
        );
        let me = t.http.get("/api/v1/me", Some(&token)).await;
        assert_eq!(me.status, 200, "users are still there");
    })
    .await;
}
