//! The duplicate answers cannot be used to recover a masked phone: a salesperson who sees
//! `138****8000` and tries the fillers one by one is stopped after a few dozen tries a minute,
//! the burst goes to the security log, and no answer holds a value of the record it found.

use pelagic_testkit::{TestApp, each_backend, urlencode};
use serde_json::json;

async fn masked_phone_company(t: &TestApp) -> (String, String, String) {
    let admin = t.admin().await;
    let r = t
        .http
        .patch(
            "/api/v1/admin/settings",
            Some(&admin),
            &json!({"default_region": "CN"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let wang = t.user_token("wang@example.com", "sales").await;
    let li = t.user_token("li@example.com", "sales").await;
    t.create(
        &wang,
        "account",
        json!({"name": "Harbour Logistics", "phone": "13800138000"}),
    )
    .await;
    // From now on salespeople see phones as 138****8000.
    let r = t
        .http
        .put(
            "/api/v1/admin/roles/sales/fields/account/phone",
            Some(&admin),
            &json!({"access": "masked"}),
        )
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    (admin, wang, li)
}

#[tokio::test]
async fn trying_the_fillers_of_a_masked_phone_is_stopped_and_logged() {
    each_backend(|t| async move {
        let (admin, _, li) = masked_phone_company(&t).await;
        let mut statuses = Vec::new();
        let mut found = None;
        for filler in 0..60 {
            let phone = format!("138{filler:04}8000");
            let r = t
                .http
                .get(
                    &format!(
                        "/api/v1/duplicates/check?object=account&phone={}",
                        urlencode(&phone)
                    ),
                    Some(&li),
                )
                .await;
            statuses.push(r.status);
            assert!(
                !r.text.contains("13800138000") && !r.text.contains("138 0013 8000"),
                "{}",
                r.text
            );
            if r.status == 200 && !r.body["data"].as_array().unwrap().is_empty() {
                found = Some(filler);
            }
        }
        let allowed = statuses.iter().filter(|s| **s == 200).count();
        assert_eq!(
            allowed, 40,
            "a few dozen checks a minute, then 429: {statuses:?}"
        );
        assert!(statuses[40..].iter().all(|s| *s == 429), "{statuses:?}");
        assert_eq!(
            found,
            Some(13),
            "the real number was among the first 40 tries, answered without its value"
        );

        // Refusing a create as a duplicate counts too: past the budget it says 429, not whose.
        let r = t
            .http
            .post(
                "/api/v1/records/account",
                Some(&li),
                &json!({"name": "Harbour Logistics"}),
            )
            .await;
        assert_eq!(r.status, 429, "{}", r.body);
        assert_eq!(r.header("retry-after"), "60");

        let log = t.http.get("/api/v1/admin/audit", Some(&admin)).await;
        let bursts: Vec<_> = log.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "duplicate_probing")
            .collect();
        assert_eq!(bursts.len(), 1, "one entry per burst: {}", log.body);
    })
    .await;
}

#[tokio::test]
async fn a_duplicate_refusal_names_the_holder_but_holds_none_of_its_values() {
    each_backend(|t| async move {
        let (_, _, li) = masked_phone_company(&t).await;
        let r = t
            .http
            .post(
                "/api/v1/records/account",
                Some(&li),
                &json!({"name": "Harbour Logistics Ltd"}),
            )
            .await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert_eq!(r.body["error"]["code"], "duplicate");
        assert!(
            !r.text.contains("13800138000") && !r.text.contains("138 0013"),
            "{}",
            r.text
        );
    })
    .await;
}
