//! Roles and record scopes: who reaches which records, by list, count, search and id.

mod org;

use org::{names_seen, org, total};
use pelagic_testkit::each_backend;
use serde_json::{Value, json};

#[tokio::test]
async fn salespeople_see_their_own_managers_their_team_tree_and_administrators_everything() {
    each_backend(|t| async move {
        let o = org(&t).await;
        for (token, name) in [
            (&o.east, "East Co"),
            (&o.east_peer, "Peer Co"),
            (&o.schools, "School Co"),
            (&o.west, "West Co"),
        ] {
            t.create(token, "account", json!({ "name": name })).await;
        }
        assert_eq!(names_seen(&t, &o.east, "").await, ["East Co"]);
        assert_eq!(names_seen(&t, &o.west, "").await, ["West Co"]);
        assert_eq!(
            names_seen(&t, &o.manager, "").await,
            ["East Co", "Peer Co", "School Co"]
        );
        assert_eq!(
            names_seen(&t, &o.admin, "").await,
            ["East Co", "Peer Co", "School Co", "West Co"]
        );
        assert_eq!(total(&t, &o.east).await, 1, "counts follow the scope");
        assert_eq!(total(&t, &o.manager).await, 3);
        assert_eq!(
            names_seen(&t, &o.east, "q=co").await,
            ["East Co"],
            "so does search"
        );
    })
    .await;
}

#[tokio::test]
async fn another_salespersons_record_cannot_be_read_changed_or_deleted_by_its_id() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let theirs = t
            .create(&o.east_peer, "account", json!({ "name": "Peer Co" }))
            .await;
        let path = format!("/api/v1/records/account/{}", theirs["id"].as_str().unwrap());
        assert_eq!(t.http.get(&path, Some(&o.east)).await.status, 404);
        assert_eq!(
            t.http
                .patch(&path, Some(&o.east), &json!({"name": "Mine now"}))
                .await
                .status,
            404
        );
        assert_eq!(t.http.delete(&path, Some(&o.east)).await.status, 404);
        let link = t
            .http
            .post(
                "/api/v1/records/contact",
                Some(&o.east),
                &json!({"name": "Spy", "account_id": theirs["id"]}),
            )
            .await;
        assert_eq!(
            link.status, 422,
            "an account out of reach cannot be linked to: {}",
            link.body
        );
        assert!(
            link.body["error"]["details"]["fields"]["account_id"]
                .as_str()
                .unwrap()
                .starts_with("there is no account")
        );
        let still = t.http.get(&path, Some(&o.east_peer)).await;
        assert_eq!(still.body["name"], "Peer Co", "nothing was changed");
        assert_eq!(
            t.http
                .patch(&path, Some(&o.manager), &json!({"level": "a"}))
                .await
                .status,
            200,
            "the manager may edit it"
        );
    })
    .await;
}

#[tokio::test]
async fn records_can_be_given_only_to_users_within_the_givers_scope() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let peer_id = t.user_id(&o.east_peer).await;
        let west_id = t.user_id(&o.west).await;
        let r = t
            .http
            .post(
                "/api/v1/records/account",
                Some(&o.east),
                &json!({"name": "Gift", "owner_id": peer_id}),
            )
            .await;
        assert_eq!(r.status, 403, "a salesperson keeps what they create");
        let mine = t.create(&o.east, "account", json!({"name": "Mine"})).await;
        let path = format!("/api/v1/records/account/{}", mine["id"].as_str().unwrap());
        assert_eq!(
            t.http
                .patch(&path, Some(&o.manager), &json!({"owner_id": west_id}))
                .await
                .status,
            403,
            "West is outside the manager's tree"
        );
        let moved = t
            .http
            .patch(&path, Some(&o.manager), &json!({"owner_id": peer_id}))
            .await;
        assert_eq!(moved.status, 200, "{}", moved.body);
        assert_eq!(names_seen(&t, &o.east_peer, "").await, ["Mine"]);
        assert_eq!(names_seen(&t, &o.east, "").await, Vec::<String>::new());
    })
    .await;
}

#[tokio::test]
async fn customer_service_reads_customers_but_cannot_create_them() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let service = t.user_token("service@example.com", "service").await;
        t.create(&o.west, "account", json!({"name": "West Co"}))
            .await;
        assert_eq!(names_seen(&t, &service, "").await, ["West Co"]);
        let r = t
            .http
            .post(
                "/api/v1/records/account",
                Some(&service),
                &json!({"name": "No"}),
            )
            .await;
        assert_eq!(r.status, 403);
        let leads = t.http.get("/api/v1/records/lead", Some(&service)).await;
        assert_eq!(leads.status, 403);
    })
    .await;
}

#[tokio::test]
async fn a_role_made_by_an_administrator_starts_with_nothing_and_gets_what_it_is_given() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let r = t
            .http
            .post(
                "/api/v1/admin/roles",
                Some(&o.admin),
                &json!({"name": "auditor", "label": "Auditor"}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let auditor = t.user_token("auditor@example.com", "auditor").await;
        assert_eq!(
            t.http
                .get("/api/v1/records/account", Some(&auditor))
                .await
                .status,
            403
        );
        let set = t
            .http
            .put(
                "/api/v1/admin/roles/auditor/objects/account",
                Some(&o.admin),
                &json!({"read": "all"}),
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.body);
        assert_eq!(set.body["permissions"]["operations"]["read"], "all");
        assert_eq!(set.body["permissions"]["operations"]["edit"], "none");
        t.create(&o.west, "account", json!({"name": "West Co"}))
            .await;
        assert_eq!(names_seen(&t, &auditor, "").await, ["West Co"]);
        let bad = t
            .http
            .put(
                "/api/v1/admin/roles/auditor/objects/account",
                Some(&o.admin),
                &json!({"read": "everything"}),
            )
            .await;
        assert_eq!(bad.status, 400);
        let not_admin = t
            .http
            .put(
                "/api/v1/admin/roles/sales/objects/account",
                Some(&o.manager),
                &json!({"read": "all"}),
            )
            .await;
        assert_eq!(not_admin.status, 403);
    })
    .await;
}

#[tokio::test]
async fn disabling_a_user_ends_their_tokens_at_once_and_keeps_their_records() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let east_id = t.user_id(&o.east).await;
        t.create(&o.east, "account", json!({"name": "Kept Co"}))
            .await;
        let r = t
            .http
            .patch(
                &format!("/api/v1/admin/users/{east_id}"),
                Some(&o.admin),
                &json!({"active": false}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["active"], false);
        assert_eq!(
            t.http
                .get("/api/v1/records/account", Some(&o.east))
                .await
                .status,
            401
        );
        let login = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "east@example.com", "password": "correct horse battery staple"}),
            )
            .await;
        assert_eq!(login.status, 401);
        let listed: Value = t
            .http
            .get("/api/v1/records/account", Some(&o.admin))
            .await
            .body;
        assert_eq!(listed["data"][0]["owner_id"], east_id.as_str());
    })
    .await;
}
