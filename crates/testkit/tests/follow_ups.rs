//! Logging a follow-up moves the last-follow-up clock of the record it is about (and of its
//! account), and a new lead becomes contacted, with the change in its history.

use pelagic_testkit::each_backend;
use serde_json::json;

#[tokio::test]
async fn a_follow_up_moves_the_clocks_and_makes_a_new_lead_contacted() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let account = t.create(&ana, "account", json!({"name": "Clockwork SA"})).await;
        let contact = t
            .create(
                &ana,
                "contact",
                json!({"name": "Marta Gil", "account_id": account["id"]}),
            )
            .await;
        let lead = t.create(&ana, "lead", json!({"name": "Iker Sanz"})).await;
        assert_eq!(lead["status"], "new");

        let at = "2026-11-20T09:30:00Z";
        t.create(
            &ana,
            "activity",
            json!({"kind": "call", "subject": "Intro", "occurred_at": at,
                   "related": {"object": "contact", "id": contact["id"]}}),
        )
        .await;
        let get = |object: &str, id: &serde_json::Value| {
            format!("/api/v1/records/{object}/{}", id.as_str().unwrap())
        };
        let seen = t.http.get(&get("contact", &contact["id"]), Some(&ana)).await;
        assert_eq!(seen.body["last_follow_up_at"], at, "{}", seen.body);
        let acc = t.http.get(&get("account", &account["id"]), Some(&ana)).await;
        assert_eq!(acc.body["last_follow_up_at"], at, "the account's clock moves too");

        let earlier = "2026-11-01T09:00:00Z";
        t.create(
            &ana,
            "activity",
            json!({"kind": "note", "subject": "Back-dated", "occurred_at": earlier,
                   "related": {"object": "account", "id": account["id"]}}),
        )
        .await;
        let acc = t.http.get(&get("account", &account["id"]), Some(&ana)).await;
        assert_eq!(acc.body["last_follow_up_at"], at, "an older follow-up never moves it back");

        t.create(
            &ana,
            "activity",
            json!({"kind": "email", "subject": "Hello", "related": {"object": "lead", "id": lead["id"]}}),
        )
        .await;
        let after = t.http.get(&get("lead", &lead["id"]), Some(&ana)).await;
        assert_eq!(after.body["status"], "contacted");
        assert!(!after.body["last_follow_up_at"].is_null());
        let history = t
            .http
            .get(&format!("{}/history", get("lead", &lead["id"])), Some(&ana))
            .await;
        let changed = history.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .any(|e| e["field"] == "status" && e["old"] == "new" && e["new"] == "contacted");
        assert!(changed, "{}", history.body);
    })
    .await;
}
