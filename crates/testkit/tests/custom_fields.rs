//! Administrators add fields and objects at run time; they are usable at once, everywhere.

use pelagic_testkit::each_backend;
use serde_json::{Value, json};

#[tokio::test]
async fn a_wechat_id_field_added_by_an_administrator_is_usable_by_the_next_request() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let added = t
            .http
            .post("/api/v1/meta/objects/contact/fields", Some(&admin), &json!({"name": "wechat_id", "label": "WeChat ID", "type": "text", "searchable": true}))
            .await;
        assert_eq!(added.status, 201, "{}", added.body);
        assert_eq!(added.body["custom"], true);

        let sales = t.user_token("sales@example.com", "sales").await;
        for (name, wechat) in [("张伟", "zhangwei_88"), ("李娜", "lina_sh"), ("Ana", "ana_mx")] {
            t.create(&sales, "contact", json!({"name": name, "wechat_id": wechat})).await;
        }
        let r = t.http.get("/api/v1/records/contact?wechat_id[starts_with]=l&sort=-wechat_id", Some(&sales)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(r.body["data"].as_array().unwrap().len(), 1);
        assert_eq!(r.body["data"][0]["wechat_id"], "lina_sh");
        let sorted = t.http.get("/api/v1/records/contact?sort=-wechat_id", Some(&sales)).await;
        let ids: Vec<&str> = sorted.body["data"].as_array().unwrap().iter().map(|c| c["wechat_id"].as_str().unwrap()).collect();
        assert_eq!(ids, ["zhangwei_88", "lina_sh", "ana_mx"]);
        let searched = t.http.get("/api/v1/records/contact?q=zhangwei", Some(&sales)).await;
        assert_eq!(searched.body["data"][0]["name"], "张伟");

        let doc = t.http.get("/api/openapi.json", None).await;
        assert_eq!(doc.body["components"]["schemas"]["Contact"]["properties"]["wechat_id"]["title"], "WeChat ID");
        let meta = t.http.get("/api/v1/meta/objects/contact", Some(&sales)).await;
        assert!(meta.body["fields"].as_array().unwrap().iter().any(|f| f["name"] == "wechat_id" && f["type"] == "text"));
    })
    .await;
}

#[tokio::test]
async fn a_custom_object_gets_its_own_records_and_fields() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let r = t.http.post("/api/v1/meta/objects", Some(&admin), &json!({"name": "project", "label": "Project", "label_plural": "Projects"})).await;
        assert_eq!(r.status, 201, "{}", r.body);
        let f = t.http.post("/api/v1/meta/objects/project/fields", Some(&admin), &json!({"name": "budget", "label": "Budget", "type": "money"})).await;
        assert_eq!(f.status, 201, "{}", f.body);
        let l = t.http.post("/api/v1/meta/objects/project/fields", Some(&admin), &json!({"name": "account", "label": "Account", "type": "lookup", "target": "account"})).await;
        assert_eq!(l.status, 201, "{}", l.body);
        let acme = t.create(&admin, "account", json!({"name": "Acme"})).await;
        let p = t.create(&admin, "project", json!({"name": "CRM rollout", "budget": "25000.00", "budget_currency": "EUR", "account": acme["id"]})).await;
        assert_eq!(p["budget"], "25000.00");
        assert_eq!(p["budget_currency"], "EUR");
        let listed = t.http.get("/api/v1/records/project?budget[gt]=1000", Some(&admin)).await;
        assert_eq!(listed.body["data"][0]["name"], "CRM rollout");
    })
    .await;
}

#[tokio::test]
async fn only_administrators_change_metadata_and_names_are_checked() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let sales = t.user_token("sales@example.com", "sales").await;
        let body = json!({"name": "vip_note", "label": "VIP note", "type": "text"});
        let r = t.http.post("/api/v1/meta/objects/account/fields", Some(&sales), &body).await;
        assert_eq!(r.status, 403);
        assert_eq!(r.body["error"]["code"], "forbidden");
        for (bad, why) in [
            (json!({"name": "Robert'); DROP TABLE obj_account;--", "label": "x", "type": "text"}), "name"),
            (json!({"name": "owner_id", "label": "x", "type": "text"}), "name"),
            (json!({"name": "ok_name", "label": "x", "type": "blob"}), "type"),
            (json!({"name": "ok_name", "label": "x", "type": "select"}), "options"),
            (json!({"name": "ok_name", "label": "x", "type": "select", "options": ["a b"]}), "options"),
        ] {
            let r = t.http.post("/api/v1/meta/objects/account/fields", Some(&admin), &bad).await;
            assert_eq!(r.status, 422, "{bad}: {}", r.body);
            assert!(r.body["error"]["details"]["fields"][why].is_string(), "{bad}: {}", r.body);
        }
        assert_eq!(t.http.post("/api/v1/meta/objects/account/fields", Some(&admin), &body).await.status, 201);
        assert_eq!(t.http.post("/api/v1/meta/objects/account/fields", Some(&admin), &body).await.status, 409);
        assert_eq!(t.http.post("/api/v1/meta/objects/nothing/fields", Some(&admin), &body).await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn a_long_text_field_gets_no_index_and_a_number_field_keeps_its_range() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let field = |body: Value| {
            let (t, admin) = (&t, admin.clone());
            async move {
                t.http
                    .post("/api/v1/meta/objects/account/fields", Some(&admin), &body)
                    .await
            }
        };
        let notes =
            field(json!({"name": "visit_notes", "label": "Visit notes", "type": "textarea"})).await;
        assert_eq!(notes.status, 201, "{}", notes.body);
        assert_eq!(
            notes.body["indexed"], false,
            "long text is searched inside, not indexed"
        );
        let code =
            field(json!({"name": "branch_code", "label": "Branch code", "type": "text"})).await;
        assert_eq!(
            code.body["indexed"], true,
            "short text is sorted and filtered on"
        );
        let seats = field(
            json!({"name": "seats", "label": "Seats", "type": "integer", "min": 1, "max": 500}),
        )
        .await;
        assert_eq!(seats.status, 201, "{}", seats.body);
        let r = t
            .http
            .post(
                "/api/v1/records/account",
                Some(&admin),
                &json!({"name": "Aforo", "seats": 501}),
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert_eq!(
            r.body["error"]["details"]["fields"]["seats"],
            "must be between 1 and 500"
        );
        let wrong =
            field(json!({"name": "motto", "label": "Motto", "type": "text", "min": 1})).await;
        assert_eq!(
            wrong.status, 422,
            "only numbers have a range: {}",
            wrong.body
        );
    })
    .await;
}

#[tokio::test]
async fn a_custom_field_named_like_a_shipped_behaviours_field_stays_the_administrators_own() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        // Orders stamp `status_changed_at` on a change of status; on leads the name is free.
        let added = t
            .http
            .post(
                "/api/v1/meta/objects/lead/fields",
                Some(&admin),
                &json!({"name": "status_changed_at", "label": "Last call", "type": "datetime"}),
            )
            .await;
        assert_eq!(added.status, 201, "{}", added.body);
        let lead = t
            .create(
                &admin,
                "lead",
                json!({"name": "Paula", "status_changed_at": "2026-01-05T09:00:00Z"}),
            )
            .await;
        let id = lead["id"].as_str().unwrap();
        let changed = t
            .http
            .patch(
                &format!("/api/v1/records/lead/{id}"),
                Some(&admin),
                &json!({"status": "contacted"}),
            )
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(changed.body["status"], "contacted");
        assert_eq!(
            changed.body["status_changed_at"], "2026-01-05T09:00:00Z",
            "the administrator's value is left as it was"
        );
    })
    .await;
}
