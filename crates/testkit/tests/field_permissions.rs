//! Field permissions: hidden and masked values leak through no read path, and cannot be written.

mod org;

use org::{names_seen, org};
use pelagic_testkit::each_backend;
use serde_json::json;

#[tokio::test]
async fn a_hidden_field_leaks_through_no_path() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let east_id = t.user_id(&o.east).await;
        for field in ["annual_revenue", "address"] {
            let r = t.http.put(&format!("/api/v1/admin/roles/sales/fields/account/{field}"), Some(&o.admin), &json!({"access": "hidden"})).await;
            assert_eq!(r.status, 200, "{}", r.body);
        }
        let rich = t.create(&o.admin, "account", json!({
            "name": "Rich Co", "owner_id": east_id, "annual_revenue": "9000000", "address": "1 Secret Street"
        })).await;
        let got = t.http.get(&format!("/api/v1/records/account/{}", rich["id"].as_str().unwrap()), Some(&o.east)).await;
        assert_eq!(got.status, 200);
        assert_eq!(got.body["name"], "Rich Co");
        assert!(got.body.get("annual_revenue").is_none() && got.body.get("address").is_none(), "{}", got.body);
        assert!(got.body.get("annual_revenue_currency").is_none());

        for query in ["annual_revenue[gt]=1", "annual_revenue=9000000.00", "sort=-annual_revenue", "address[contains]=Secret"] {
            let r = t.http.get(&format!("/api/v1/records/account?{query}"), Some(&o.east)).await;
            assert_eq!(r.status, 400, "{query} must be refused: {}", r.body);
        }
        let tree = t.http.post("/api/v1/records/account/query", Some(&o.east), &json!({
            "filter": {"or": [{"field": "name", "op": "eq", "value": "x"}, {"field": "annual_revenue", "op": "gt", "value": "1"}]}
        })).await;
        assert_eq!(tree.status, 400, "{}", tree.body);
        assert_eq!(names_seen(&t, &o.east, "q=secret").await, Vec::<String>::new(), "search does not look into hidden fields");
        assert_eq!(names_seen(&t, &o.admin, "q=secret").await, ["Rich Co"]);

        let write = t.http.patch(&format!("/api/v1/records/account/{}", rich["id"].as_str().unwrap()), Some(&o.east), &json!({"annual_revenue": "1"})).await;
        assert_eq!(write.status, 403);
        assert!(write.body["error"]["message"].as_str().unwrap().contains("annual_revenue"));
        let create = t.http.post("/api/v1/records/account", Some(&o.east), &json!({"name": "New", "address": "x"})).await;
        assert_eq!(create.status, 403);
        assert_eq!(names_seen(&t, &o.east, "").await, ["Rich Co"], "the refused create wrote nothing");
    })
    .await;
}

#[tokio::test]
async fn a_masked_phone_shows_masked_to_that_role_and_in_full_to_others() {
    each_backend(|t| async move {
        let o = org(&t).await;
        let r = t
            .http
            .put(
                "/api/v1/admin/roles/sales/fields/account/phone",
                Some(&o.admin),
                &json!({"access": "masked"}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let east_id = t.user_id(&o.east).await;
        let created = t
            .create(
                &o.admin,
                "account",
                json!({"name": "Masked Co", "phone": "138 0013 5678", "owner_id": east_id}),
            )
            .await;
        let path = format!(
            "/api/v1/records/account/{}",
            created["id"].as_str().unwrap()
        );
        let got = t.http.get(&path, Some(&o.east)).await;
        assert_eq!(got.body["phone"], "138****5678");
        assert_eq!(
            got.body["phone_original"], "138****5678",
            "the original text is masked too"
        );
        let write = t
            .http
            .patch(&path, Some(&o.east), &json!({"phone": "139 0000 0000"}))
            .await;
        assert_eq!(write.status, 403, "a masked field is read-only");
        let listed = t.http.get("/api/v1/records/account", Some(&o.east)).await;
        assert_eq!(listed.body["data"][0]["phone"], "138****5678");
        let filtered = t
            .http
            .get("/api/v1/records/account?phone=13800135678", Some(&o.east))
            .await;
        assert_eq!(
            filtered.status, 400,
            "a masked value cannot be probed by filtering"
        );
        assert_eq!(
            names_seen(&t, &o.east, "q=0013").await,
            Vec::<String>::new()
        );
        let full = t
            .http
            .get(
                &format!(
                    "/api/v1/records/account/{}",
                    created["id"].as_str().unwrap()
                ),
                Some(&o.manager),
            )
            .await;
        assert_eq!(full.body["phone"], "+8613800135678");
    })
    .await;
}
