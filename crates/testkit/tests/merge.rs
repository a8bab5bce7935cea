//! Duplicate rules set by administrators, groups of duplicates entered before a rule existed, and
//! merging two records into one.

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn set_rules(t: &TestApp, token: &str, object: &str, rules: Value) -> (u16, Value) {
    let r = t
        .http
        .put(
            &format!("/api/v1/admin/duplicate-rules/{object}"),
            Some(token),
            &json!({ "rules": rules }),
        )
        .await;
    (r.status, r.body)
}

/// Two accounts for the same company, entered while account rules were off, each with a contact
/// and the second with a follow-up; gives (first, second).
async fn twins(t: &TestApp, admin: &str) -> (Value, Value) {
    assert_eq!(set_rules(t, admin, "account", json!([])).await.0, 200);
    let first = t
        .create(
            admin,
            "account",
            json!({"name": "Acme Trading", "region": "Madrid"}),
        )
        .await;
    let second = t
        .create(
            admin,
            "account",
            json!({"name": "ACME TRADING S.L.", "phone": "+34 912 345 678", "region": "Sevilla"}),
        )
        .await;
    for (account, person) in [(&first, "Ana"), (&second, "Luis")] {
        t.create(
            admin,
            "contact",
            json!({"name": person, "account_id": account["id"]}),
        )
        .await;
    }
    t.create(
        admin,
        "activity",
        json!({"kind": "visit", "subject": "visited Sevilla office",
               "related": {"object": "account", "id": second["id"]}}),
    )
    .await;
    let (status, body) = set_rules(
        t,
        admin,
        "account",
        json!([{"field": "name", "match": "company"}]),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    (first, second)
}

#[tokio::test]
async fn administrators_choose_the_rules_and_bad_rules_are_refused() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let rules = t
            .http
            .get("/api/v1/admin/duplicate-rules", Some(&admin))
            .await;
        assert_eq!(rules.status, 200);
        assert_eq!(
            rules.body["data"]["account"][0],
            json!({"field": "name", "match": "company"})
        );
        assert_eq!(rules.body["data"]["lead"].as_array().unwrap().len(), 2);

        let (status, body) =
            set_rules(&t, &admin, "account", json!([{"field": "annual_revenue"}])).await;
        assert_eq!(status, 422, "{body}");
        let (status, _) = set_rules(
            &t,
            &admin,
            "account",
            json!([{"field": "phone", "match": "company"}]),
        )
        .await;
        assert_eq!(status, 422);
        let (status, _) = set_rules(&t, &admin, "account", json!([{"field": "ghost"}])).await;
        assert_eq!(status, 422);
        let sales = t.user_token("sales@example.com", "sales").await;
        let (status, _) = set_rules(&t, &sales, "account", json!([])).await;
        assert_eq!(status, 403);

        // Leads by company name too, matched against accounts.
        t.create(&admin, "account", json!({"name": "Globex"})).await;
        let (status, body) = set_rules(
            &t,
            &admin,
            "lead",
            json!([{"field": "company", "match": "company"}, {"field": "phone"}]),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        let r = t
            .http
            .post(
                "/api/v1/records/lead",
                Some(&sales),
                &json!({"name": "Hank", "company": "GLOBEX LLC"}),
            )
            .await;
        assert_eq!(r.status, 409, "{}", r.body);
    })
    .await;
}

#[tokio::test]
async fn managers_find_older_duplicates_and_merge_them_keeping_everything() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let (first, second) = twins(&t, &admin).await;
        let groups = t
            .http
            .get("/api/v1/duplicates/groups?object=account", Some(&admin))
            .await;
        assert_eq!(groups.status, 200, "{}", groups.body);
        let data = groups.body["data"].as_array().unwrap();
        assert_eq!(data.len(), 1, "{}", groups.body);
        assert_eq!(data[0]["field"], "name");
        let mut names: Vec<&str> = data[0]["records"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["ACME TRADING S.L.", "Acme Trading"]);

        let (survivor, loser) = (
            first["id"].as_str().unwrap(),
            second["id"].as_str().unwrap(),
        );
        let r = t
            .http
            .post(
                "/api/v1/duplicates/merge",
                Some(&admin),
                &json!({"object": "account", "survivor_id": survivor, "loser_id": loser}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(
            r.body["name"], "Acme Trading",
            "the survivor keeps its values"
        );
        assert_eq!(r.body["region"], "Madrid");
        assert_eq!(r.body["phone"], "+34912345678", "and takes what it lacked");

        let contacts = t
            .http
            .get(
                &format!("/api/v1/records/contact?account_id={survivor}"),
                Some(&admin),
            )
            .await;
        assert_eq!(
            contacts.body["data"].as_array().unwrap().len(),
            2,
            "{}",
            contacts.body
        );
        let follow_ups = t
            .http
            .get(
                &format!("/api/v1/records/activity?related={survivor}"),
                Some(&admin),
            )
            .await;
        assert_eq!(
            follow_ups.body["data"].as_array().unwrap().len(),
            1,
            "{}",
            follow_ups.body
        );

        let gone = t
            .http
            .get(&format!("/api/v1/records/account/{loser}"), Some(&admin))
            .await;
        assert_eq!(gone.status, 404);
        let bin = t
            .http
            .get("/api/v1/recycle-bin?object=account", Some(&admin))
            .await;
        assert_eq!(bin.body["data"][0]["id"], loser);
        assert_eq!(
            bin.body["data"][0]["records"], 1,
            "only the loser went to the bin"
        );

        let history = t
            .http
            .get(
                &format!("/api/v1/records/account/{survivor}/history"),
                Some(&admin),
            )
            .await;
        let actions: Vec<&str> = history.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert!(actions.contains(&"merge"), "{actions:?}");
        assert_eq!(
            actions.iter().filter(|a| **a == "create").count(),
            2,
            "both records' trails are on the survivor: {actions:?}"
        );
        let groups = t
            .http
            .get("/api/v1/duplicates/groups?object=account", Some(&admin))
            .await;
        assert_eq!(groups.body["data"], json!([]));
        let r = t
            .http
            .post(
                "/api/v1/records/account",
                Some(&admin),
                &json!({"name": "acme trading"}),
            )
            .await;
        assert_eq!(r.status, 409, "the survivor now holds the name");
        assert_eq!(r.body["error"]["details"]["existing_id"], survivor);
    })
    .await;
}

#[tokio::test]
async fn a_merge_needs_both_records_within_reach() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let (first, second) = twins(&t, &admin).await;
        let sales = t.user_token("sales@example.com", "sales").await;
        let body =
            json!({"object": "account", "survivor_id": first["id"], "loser_id": second["id"]});
        let r = t
            .http
            .post("/api/v1/duplicates/merge", Some(&sales), &body)
            .await;
        assert_eq!(r.status, 404, "{}", r.body);
        let groups = t
            .http
            .get("/api/v1/duplicates/groups?object=account", Some(&sales))
            .await;
        assert_eq!(groups.body["data"], json!([]), "nothing of others' shows");
        let itself =
            json!({"object": "account", "survivor_id": first["id"], "loser_id": first["id"]});
        let r = t
            .http
            .post("/api/v1/duplicates/merge", Some(&admin), &itself)
            .await;
        assert_eq!(r.status, 400);
        let r = t
            .http
            .get(
                &format!("/api/v1/records/account/{}", second["id"].as_str().unwrap()),
                Some(&admin),
            )
            .await;
        assert_eq!(r.status, 200, "a refused merge changes nothing");
    })
    .await;
}
