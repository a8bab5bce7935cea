//! The recycle bin: a deletion takes a record with what belongs to it, and a restore brings the
//! whole group back; only administrators purge; old deletions are purged by the scheduler.

use std::sync::Arc;

use chrono::{Duration, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::{TestApp, backends, each_backend};
use serde_json::{Value, json};

async fn count(t: &TestApp, token: &str, object: &str) -> i64 {
    let r = t
        .http
        .get(&format!("/api/v1/records/{object}?count=true"), Some(token))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["total"].as_i64().unwrap()
}

/// What the scheduler's recycle-bin purge reported, running the due jobs now.
async fn purge_outcome(t: &TestApp) -> Result<String, String> {
    let ran = t.app.run_due_jobs().await.unwrap();
    let purge = ran.iter().find(|r| r.job == "purge_recycle_bin");
    purge.expect("the purge ran").outcome.clone()
}

/// An account with two contacts, a deal and a follow-up on the account; gives the account.
async fn account_with_family(t: &TestApp, token: &str) -> Value {
    let account = t
        .create(token, "account", json!({"name": "Harbour Logistics"}))
        .await;
    let id = account["id"].clone();
    for name in ["Ana Ruiz", "Олег Петров"] {
        t.create(token, "contact", json!({"name": name, "account_id": id}))
            .await;
    }
    t.create(
        token,
        "opportunity",
        json!({"name": "Fleet renewal", "account_id": id}),
    )
    .await;
    t.create(
        token,
        "activity",
        json!({"kind": "call", "subject": "first call",
        "related": {"object": "account", "id": id}}),
    )
    .await;
    account
}

#[tokio::test]
async fn deleting_an_account_takes_its_family_and_restoring_brings_all_of_it_back() {
    each_backend(|t| async move {
        let token = t.user_token("sales@example.com", "sales").await;
        let account = account_with_family(&t, &token).await;
        let unrelated = t
            .create(&token, "contact", json!({"name": "Someone Else"}))
            .await;
        let id = account["id"].as_str().unwrap();

        assert_eq!(
            t.http
                .delete(&format!("/api/v1/records/account/{id}"), Some(&token))
                .await
                .status,
            204
        );
        assert_eq!(count(&t, &token, "account").await, 0);
        assert_eq!(
            count(&t, &token, "contact").await,
            1,
            "only the unrelated contact is left"
        );
        assert_eq!(count(&t, &token, "opportunity").await, 0);
        assert_eq!(count(&t, &token, "activity").await, 0);
        let search = t
            .http
            .get("/api/v1/records/contact?q=ruiz", Some(&token))
            .await;
        assert_eq!(
            search.body["data"],
            json!([]),
            "search does not find deleted records"
        );

        let bin = t.http.get("/api/v1/recycle-bin", Some(&token)).await;
        assert_eq!(bin.status, 200);
        assert_eq!(bin.body["data"][0]["id"], id);
        assert_eq!(bin.body["data"][0]["title"], "Harbour Logistics");
        assert_eq!(
            bin.body["data"][0]["records"], 5,
            "the account, two contacts, the deal and the call"
        );

        let restored = t
            .http
            .post(
                &format!("/api/v1/recycle-bin/account/{id}/restore"),
                Some(&token),
                &json!({}),
            )
            .await;
        assert_eq!(restored.status, 200, "{}", restored.body);
        assert_eq!(restored.body["name"], "Harbour Logistics");
        assert_eq!(count(&t, &token, "contact").await, 3);
        assert_eq!(count(&t, &token, "opportunity").await, 1);
        assert_eq!(count(&t, &token, "activity").await, 1);
        assert_eq!(
            t.http.get("/api/v1/recycle-bin", Some(&token)).await.body["data"],
            json!([])
        );

        let history = t
            .http
            .get(
                &format!("/api/v1/records/account/{id}/history"),
                Some(&token),
            )
            .await;
        let actions: Vec<&str> = history.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions, ["restore", "delete", "create"]);
        assert_eq!(unrelated["name"], "Someone Else");
    })
    .await;
}

#[tokio::test]
async fn others_cannot_see_or_restore_a_deletion_and_only_administrators_purge() {
    each_backend(|t| async move {
        let owner = t.user_token("owner@example.com", "sales").await;
        let other = t.user_token("other@example.com", "sales").await;
        let admin = t.admin().await;
        let account = t
            .create(&owner, "account", json!({"name": "Gone Co"}))
            .await;
        let id = account["id"].as_str().unwrap();
        t.http
            .delete(&format!("/api/v1/records/account/{id}"), Some(&owner))
            .await;

        assert_eq!(
            t.http.get("/api/v1/recycle-bin", Some(&other)).await.body["data"],
            json!([])
        );
        let r = t
            .http
            .post(
                &format!("/api/v1/recycle-bin/account/{id}/restore"),
                Some(&other),
                &json!({}),
            )
            .await;
        assert_eq!(r.status, 404);
        assert_eq!(
            t.http
                .delete(&format!("/api/v1/recycle-bin/account/{id}"), Some(&owner))
                .await
                .status,
            403
        );
        assert_eq!(
            t.http
                .get("/api/v1/recycle-bin?object=account", Some(&admin))
                .await
                .body["data"][0]["id"],
            id
        );

        assert_eq!(
            t.http
                .delete(&format!("/api/v1/recycle-bin/account/{id}"), Some(&admin))
                .await
                .status,
            204
        );
        let again = t
            .http
            .post(
                &format!("/api/v1/recycle-bin/account/{id}/restore"),
                Some(&owner),
                &json!({}),
            )
            .await;
        assert_eq!(again.status, 404, "a purged record is gone for good");
        let history = t
            .http
            .get(
                &format!("/api/v1/records/account/{id}/history"),
                Some(&admin),
            )
            .await;
        assert_eq!(history.status, 404, "the record itself no longer exists");
    })
    .await;
}

#[tokio::test]
async fn deletions_older_than_the_retention_period_are_purged_by_the_scheduler() {
    for backend in backends() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        let token = t.user_token("sales@example.com", "sales").await;
        let old = t.create(&token, "account", json!({"name": "Old Co"})).await;
        t.http
            .delete(
                &format!("/api/v1/records/account/{}", old["id"].as_str().unwrap()),
                Some(&token),
            )
            .await;
        clock.advance(Duration::days(60));
        let later = t.user_token("later@example.com", "sales").await;
        let recent = t
            .create(&later, "account", json!({"name": "Recent Co"}))
            .await;
        t.http
            .delete(
                &format!("/api/v1/records/account/{}", recent["id"].as_str().unwrap()),
                Some(&later),
            )
            .await;
        clock.advance(Duration::days(31));
        assert_eq!(
            purge_outcome(&t).await,
            Ok("purged 1 deletions older than 90 days".to_owned()),
            "on {backend:?}"
        );
        let admin = t.admin().await;
        let bin = t.http.get("/api/v1/recycle-bin", Some(&admin)).await;
        let titles: Vec<&str> = bin.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| d["title"].as_str().unwrap())
            .collect();
        assert_eq!(titles, ["Recent Co"], "on {backend:?}");

        let bad = t
            .http
            .patch(
                "/api/v1/admin/settings",
                Some(&admin),
                &json!({"recycle_bin_days": 0}),
            )
            .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        let set = t
            .http
            .patch(
                "/api/v1/admin/settings",
                Some(&admin),
                &json!({"recycle_bin_days": 10}),
            )
            .await;
        assert_eq!(set.body["recycle_bin_days"], 10);
        clock.advance(Duration::days(1));
        assert_eq!(
            purge_outcome(&t).await,
            Ok("purged 1 deletions older than 10 days".to_owned()),
            "on {backend:?}"
        );
    }
}
