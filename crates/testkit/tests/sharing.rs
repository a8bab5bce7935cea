//! Sharing records beyond the role scopes: with a user or a project group, read or read-write,
//! optionally until a date; sharing is in the history and cannot be passed on.

mod org;

use std::sync::Arc;

use chrono::{Duration, Utc};
use org::{names_seen, org};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::{TestApp, backends};
use serde_json::{Value, json};

async fn share(t: &TestApp, token: &str, id: &str, body: Value) -> (u16, Value) {
    let r = t
        .http
        .post(
            &format!("/api/v1/records/account/{id}/shares"),
            Some(token),
            &body,
        )
        .await;
    (r.status, r.body)
}

async fn rename(t: &TestApp, token: &str, id: &str, name: &str) -> u16 {
    t.http
        .patch(
            &format!("/api/v1/records/account/{id}"),
            Some(token),
            &json!({ "name": name }),
        )
        .await
        .status
}

#[tokio::test]
async fn a_record_shared_to_read_is_seen_everywhere_but_not_edited() {
    for backend in backends() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        let o = org(&t).await;
        let account = t
            .create(&o.east, "account", json!({"name": "Shared Harbour"}))
            .await;
        t.create(&o.east, "account", json!({"name": "Private Pier"}))
            .await;
        let id = account["id"].as_str().unwrap();
        let west = t.user_id(&o.west).await;

        let until = (Utc::now() + Duration::days(3))
            .format("%Y-%m-%d")
            .to_string();
        let (status, body) = share(
            &t,
            &o.east,
            id,
            json!({"user_id": west, "access": "read", "until": until}),
        )
        .await;
        assert_eq!(status, 201, "{body}");
        assert_eq!(body["grantee_type"], "user");

        assert_eq!(names_seen(&t, &o.west, "").await, ["Shared Harbour"]);
        assert_eq!(
            names_seen(&t, &o.west, "q=harbour").await,
            ["Shared Harbour"]
        );
        assert_eq!(org::total(&t, &o.west).await, 1);
        let get = t
            .http
            .get(&format!("/api/v1/records/account/{id}"), Some(&o.west))
            .await;
        assert_eq!(get.status, 200);
        assert_eq!(rename(&t, &o.west, id, "Mine now").await, 404, "read only");
        let (status, _) = share(&t, &o.west, id, json!({"user_id": west, "access": "edit"})).await;
        assert_eq!(status, 404, "a share cannot be passed on");

        let history = t
            .http
            .get(
                &format!("/api/v1/records/account/{id}/history"),
                Some(&o.east),
            )
            .await;
        assert_eq!(history.body["data"][0]["action"], "share");

        clock.advance(Duration::days(5));
        let login =
            json!({"email": "west@example.com", "password": "correct horse battery staple"});
        let again = t.http.post("/api/v1/auth/login", None, &login).await;
        let west_now = again.body["token"].as_str().unwrap();
        assert_eq!(
            names_seen(&t, west_now, "").await,
            Vec::<String>::new(),
            "the share ended"
        );
    }
}

#[tokio::test]
async fn a_group_shares_read_write_and_ending_the_share_takes_it_back() {
    for backend in backends() {
        let t = TestApp::start(backend).await;
        let o = org(&t).await;
        let account = t
            .create(&o.east, "account", json!({"name": "Bid Team Target"}))
            .await;
        let id = account["id"].as_str().unwrap();
        let members = json!([t.user_id(&o.west).await, t.user_id(&o.schools).await]);
        let r = t
            .http
            .post(
                "/api/v1/admin/groups",
                Some(&o.admin),
                &json!({"name": "Bid 2027", "members": members}),
            )
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        let group = r.body["id"].as_str().unwrap().to_owned();
        let again = t
            .http
            .post(
                "/api/v1/admin/groups",
                Some(&o.admin),
                &json!({"name": "Bid 2027"}),
            )
            .await;
        assert_eq!(again.status, 409);

        let (status, body) = share(
            &t,
            &o.east,
            id,
            json!({"group_id": group, "access": "edit"}),
        )
        .await;
        assert_eq!(status, 201, "{body}");
        let share_id = body["id"].as_str().unwrap().to_owned();
        assert_eq!(rename(&t, &o.west, id, "Bid Team Target (West)").await, 200);
        assert_eq!(
            names_seen(&t, &o.schools, "").await,
            ["Bid Team Target (West)"]
        );
        let delete = t
            .http
            .delete(&format!("/api/v1/records/account/{id}"), Some(&o.west))
            .await;
        assert_eq!(delete.status, 404, "sharing lets them edit, not delete");

        let listed = t
            .http
            .get(
                &format!("/api/v1/records/account/{id}/shares"),
                Some(&o.east),
            )
            .await;
        assert_eq!(listed.body["data"].as_array().unwrap().len(), 1);
        let end = t
            .http
            .delete(
                &format!("/api/v1/records/account/{id}/shares/{share_id}"),
                Some(&o.east),
            )
            .await;
        assert_eq!(end.status, 204);
        assert_eq!(names_seen(&t, &o.west, "").await, Vec::<String>::new());
    }
}

#[tokio::test]
async fn bad_shares_are_refused() {
    for backend in backends() {
        let t = TestApp::start(backend).await;
        let o = org(&t).await;
        let account = t.create(&o.east, "account", json!({"name": "Lone"})).await;
        let id = account["id"].as_str().unwrap();
        let west = t.user_id(&o.west).await;
        for (body, status) in [
            (json!({"user_id": west, "access": "own"}), 422),
            (json!({"user_id": "ghost", "access": "read"}), 422),
            (json!({"access": "read"}), 400),
            (
                json!({"user_id": west, "access": "read", "until": "2001-01-01"}),
                422,
            ),
            (
                json!({"user_id": west, "access": "read", "until": "soon"}),
                422,
            ),
        ] {
            assert_eq!(
                share(&t, &o.east, id, body.clone()).await.0,
                status,
                "{body}"
            );
        }
        let (status, _) = share(&t, &o.west, id, json!({"user_id": west, "access": "read"})).await;
        assert_eq!(status, 404, "West may not share East's record");
        let groups = t.http.get("/api/v1/admin/groups", Some(&o.east)).await;
        assert_eq!(groups.status, 403);
    }
}

/// What belongs to a record (a contact or a deal under an account) is added by those who may
/// edit it: a read-only share lets its holder look at the account, not add under it.
#[tokio::test]
async fn a_read_only_share_does_not_let_anyone_add_records_under_the_account() {
    for backend in backends() {
        let t = TestApp::start(backend).await;
        let o = org(&t).await;
        let account = t
            .create(&o.east, "account", json!({"name": "Look But Do Not Touch"}))
            .await;
        let id = account["id"].as_str().unwrap();
        let west = t.user_id(&o.west).await;
        let (status, _) = share(&t, &o.east, id, json!({"user_id": west, "access": "read"})).await;
        assert_eq!(status, 201);
        for (object, body) in [
            ("contact", json!({"name": "Intruso", "account_id": id})),
            ("opportunity", json!({"name": "Intrusa", "account_id": id})),
        ] {
            let r = t
                .http
                .post(&format!("/api/v1/records/{object}"), Some(&o.west), &body)
                .await;
            assert_eq!(r.status, 422, "{object}: {}", r.body);
            assert!(
                r.body["error"]["details"]["fields"]["account_id"]
                    .as_str()
                    .unwrap()
                    .contains("not edit"),
                "{}",
                r.body
            );
        }
        // With a read-write share, adding under it is fine.
        let (status, _) = share(&t, &o.east, id, json!({"user_id": west, "access": "edit"})).await;
        assert_eq!(status, 201);
        t.create(
            &o.west,
            "contact",
            json!({"name": "Invitada", "account_id": id}),
        )
        .await;
    }
}
