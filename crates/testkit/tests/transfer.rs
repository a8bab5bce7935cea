//! Bulk transfer: a manager hands a leaving salesperson's customers, with their contacts, deals
//! and open tasks, to a colleague in one call; every change is in the history.

mod org;

use org::{names_seen, org};
use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn transfer(t: &TestApp, token: &str, body: Value) -> (u16, Value) {
    let r = t
        .http
        .post("/api/v1/records/account/transfer", Some(token), &body)
        .await;
    (r.status, r.body)
}

/// Two accounts of `token`'s owner, one with a contact, a deal, an open and a done task and a
/// follow-up; gives the first account.
async fn book(t: &TestApp, token: &str) -> Value {
    let account = t.create(token, "account", json!({"name": "Harbour"})).await;
    t.create(token, "account", json!({"name": "Lighthouse"}))
        .await;
    let id = &account["id"];
    t.create(token, "contact", json!({"name": "Ana", "account_id": id}))
        .await;
    t.create(
        token,
        "opportunity",
        json!({"name": "Fleet", "account_id": id}),
    )
    .await;
    let about = json!({"object": "account", "id": id});
    t.create(
        token,
        "task",
        json!({"subject": "call back", "status": "open", "related": about}),
    )
    .await;
    t.create(
        token,
        "task",
        json!({"subject": "sent brochure", "status": "done", "related": about}),
    )
    .await;
    t.create(token, "activity", json!({"kind": "call", "related": about}))
        .await;
    account
}

async fn count(t: &TestApp, token: &str, object: &str) -> i64 {
    let r = t
        .http
        .get(&format!("/api/v1/records/{object}?count=true"), Some(token))
        .await;
    r.body["total"].as_i64().unwrap()
}

#[tokio::test]
async fn a_manager_moves_a_leavers_customers_and_what_belongs_to_them_in_one_call() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let account = book(&t, &o.east).await;
        let leaver = t.user_id(&o.east).await;
        let heir = t.user_id(&o.east_peer).await;

        let (status, body) = transfer(
            &t,
            &o.manager,
            json!({"filter": {"field": "owner_id", "op": "eq", "value": leaver}, "owner_id": heir, "related": true}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(
            body["transferred"],
            json!({"account": 2, "contact": 1, "opportunity": 1, "task": 1})
        );
        assert_eq!(names_seen(&t, &o.east_peer, "").await, ["Harbour", "Lighthouse"]);
        assert_eq!(names_seen(&t, &o.east, "").await, Vec::<String>::new());
        assert_eq!(count(&t, &o.east_peer, "contact").await, 1);
        assert_eq!(count(&t, &o.east_peer, "opportunity").await, 1);
        assert_eq!(count(&t, &o.east, "task").await, 1, "the done task stays");
        assert_eq!(count(&t, &o.east, "activity").await, 1, "follow-ups stay with who logged them");

        let history = t
            .http
            .get(
                &format!("/api/v1/records/account/{}/history", account["id"].as_str().unwrap()),
                Some(&o.manager),
            )
            .await;
        let entry = &history.body["data"][0];
        assert_eq!(entry["action"], "transfer");
        assert_eq!(entry["field"], "owner_id");
        assert_eq!(entry["old"], leaver);
        assert_eq!(entry["new"], heir);
    })
    .await;
}

#[tokio::test]
async fn related_records_stay_unless_asked_and_named_ids_must_all_be_within_reach() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let account = book(&t, &o.east).await;
        let west_account = t
            .create(&o.west, "account", json!({"name": "Far West"}))
            .await;
        let heir = t.user_id(&o.east_peer).await;

        let (status, body) = transfer(
            &t,
            &o.manager,
            json!({"ids": [account["id"], west_account["id"]], "owner_id": heir}),
        )
        .await;
        assert_eq!(status, 404, "West is outside the manager's teams: {body}");
        assert_eq!(
            names_seen(&t, &o.east_peer, "").await,
            Vec::<String>::new(),
            "nothing moved"
        );

        let (status, body) = transfer(
            &t,
            &o.manager,
            json!({"ids": [account["id"]], "owner_id": heir}),
        )
        .await;
        assert_eq!(status, 200, "{body}");
        assert_eq!(body["transferred"], json!({"account": 1}));
        assert_eq!(count(&t, &o.east, "contact").await, 1, "the contact stayed");
    })
    .await;
}

#[tokio::test]
async fn a_transfer_to_someone_out_of_scope_or_by_a_salesperson_is_refused() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let account = book(&t, &o.east).await;
        let west = t.user_id(&o.west).await;
        let peer = t.user_id(&o.east_peer).await;
        let ids = json!([account["id"]]);

        let (status, _) = transfer(&t, &o.manager, json!({"ids": ids, "owner_id": west})).await;
        assert_eq!(status, 403, "West is not the manager's to give to");
        let (status, _) = transfer(&t, &o.east, json!({"ids": ids, "owner_id": peer})).await;
        assert_eq!(status, 403, "a salesperson keeps their own");
        let (status, _) = transfer(&t, &o.manager, json!({"owner_id": peer})).await;
        assert_eq!(status, 400, "ids or a filter");
        let (status, _) = transfer(
            &t,
            &o.manager,
            json!({"filter": {"field": "nope", "op": "eq", "value": 1}, "owner_id": peer}),
        )
        .await;
        assert_eq!(status, 400);
        let (status, _) = transfer(&t, &o.admin, json!({"ids": ids, "owner_id": "ghost"})).await;
        assert_eq!(status, 400);
        assert_eq!(names_seen(&t, &o.east, "").await, ["Harbour", "Lighthouse"]);
    })
    .await;
}
