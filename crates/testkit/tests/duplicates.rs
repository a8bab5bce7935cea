//! Duplicate protection: the first to enter a customer owns it, whatever the spelling; checks
//! while typing; groups of older duplicates and merging them.

use pelagic_testkit::{TestApp, each_backend, urlencode};
use serde_json::{Value, json};

/// A company whose default phone region is China.
async fn chinese_company(t: &TestApp) -> String {
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
    admin
}

async fn post(t: &TestApp, token: &str, object: &str, body: Value) -> (u16, Value) {
    let r = t
        .http
        .post(&format!("/api/v1/records/{object}"), Some(token), &body)
        .await;
    (r.status, r.body)
}

#[tokio::test]
async fn the_same_company_written_differently_is_refused_naming_its_owner() {
    each_backend(|t| async move {
        chinese_company(&t).await;
        let wang = t.user_token("wang@example.com", "sales").await;
        let li = t.user_token("li@example.com", "sales").await;
        let first = t
            .create(
                &wang,
                "account",
                json!({"name": "深圳市腾讯计算机系统 有限公司"}),
            )
            .await;

        let (status, body) = post(
            &t,
            &li,
            "account",
            json!({"name": "深圳市腾讯计算机系统有限公司"}),
        )
        .await;
        assert_eq!(status, 409, "{body}");
        let error = &body["error"];
        assert_eq!(error["code"], "duplicate");
        assert_eq!(error["details"]["existing_id"], first["id"]);
        assert_eq!(error["details"]["owner"]["name"], "wang");
        assert_eq!(error["details"]["owner"]["id"], t.user_id(&wang).await);
        assert!(error["message"].as_str().unwrap().contains("wang"));

        // Li may not read Wang's account, and still was told whose it is; nothing was written.
        let get = t
            .http
            .get(
                &format!("/api/v1/records/account/{}", first["id"].as_str().unwrap()),
                Some(&li),
            )
            .await;
        assert_eq!(get.status, 404);
        let mine = t
            .http
            .get("/api/v1/records/account?count=true", Some(&li))
            .await;
        assert_eq!(mine.body["total"], 0);

        for other in ["ＡＣＭＥ Ltd.", "ООО «Ромашка»"] {
            t.create(&wang, "account", json!({ "name": other })).await;
        }
        for same in ["acme", "Ромашка, ООО"] {
            let (status, body) = post(&t, &li, "account", json!({ "name": same })).await;
            assert_eq!(status, 409, "{same}: {body}");
        }
    })
    .await;
}

#[tokio::test]
async fn a_phone_written_another_way_is_the_same_phone_across_objects() {
    each_backend(|t| async move {
        chinese_company(&t).await;
        let wang = t.user_token("wang@example.com", "sales").await;
        let li = t.user_token("li@example.com", "sales").await;
        let contact = t
            .create(
                &wang,
                "contact",
                json!({"name": "张伟", "phone": "13800138000"}),
            )
            .await;

        let (status, body) = post(
            &t,
            &li,
            "contact",
            json!({"name": "Zhang Wei", "phone": "+86 138 0013 8000"}),
        )
        .await;
        assert_eq!(status, 409, "{body}");
        assert_eq!(body["error"]["details"]["existing_id"], contact["id"]);
        assert_eq!(body["error"]["details"]["owner"]["name"], "wang");

        let (status, body) = post(
            &t,
            &li,
            "lead",
            json!({"name": "Zhang", "phone": "138-0013-8000"}),
        )
        .await;
        assert_eq!(status, 409, "a lead meets the contact: {body}");
        assert_eq!(body["error"]["details"]["object"], "contact");

        let (status, body) = post(
            &t,
            &li,
            "lead",
            json!({"name": "Zhang", "email": "ZHANG@Example.com "}),
        )
        .await;
        assert_eq!(status, 201, "{body}");
        let (status, _) = post(
            &t,
            &wang,
            "contact",
            json!({"name": "Z", "email": "zhang@example.com"}),
        )
        .await;
        assert_eq!(status, 409, "emails compare without case");
    })
    .await;
}

#[tokio::test]
async fn two_people_entering_the_same_company_at_the_same_moment_get_one_record() {
    each_backend(|t| async move {
        let wang = t.user_token("wang@example.com", "sales").await;
        let li = t.user_token("li@example.com", "sales").await;
        for round in 0..5 {
            let name = format!("Harbour Freight {round}");
            let (a, b) = tokio::join!(
                post(&t, &wang, "account", json!({ "name": name })),
                post(&t, &li, "account", json!({ "name": format!("{name} Ltd") })),
            );
            let mut statuses = [a.0, b.0];
            statuses.sort();
            assert_eq!(statuses, [201, 409], "round {round}: {a:?} {b:?}");
            let refused = if a.0 == 409 { &a.1 } else { &b.1 };
            assert_eq!(refused["error"]["code"], "duplicate");
        }
        let admin = t.admin().await;
        let all = t
            .http
            .get("/api/v1/records/account?count=true", Some(&admin))
            .await;
        assert_eq!(all.body["total"], 5);
    })
    .await;
}

#[tokio::test]
async fn an_edit_into_a_duplicate_is_refused_and_changes_nothing() {
    each_backend(|t| async move {
        let wang = t.user_token("wang@example.com", "sales").await;
        t.create(&wang, "account", json!({"name": "Northwind"}))
            .await;
        let other = t
            .create(
                &wang,
                "account",
                json!({"name": "Southwind", "email": "a@south.example"}),
            )
            .await;
        let path = format!("/api/v1/records/account/{}", other["id"].as_str().unwrap());
        let r = t
            .http
            .patch(
                &path,
                Some(&wang),
                &json!({"name": "NORTHWIND", "email": "b@south.example"}),
            )
            .await;
        assert_eq!(r.status, 409, "{}", r.body);
        let now = t.http.get(&path, Some(&wang)).await;
        assert_eq!(now.body["name"], "Southwind");
        assert_eq!(now.body["email"], "a@south.example");

        // Its own values are not duplicates of itself; a fresh email is free.
        let r = t
            .http
            .patch(
                &path,
                Some(&wang),
                &json!({"name": "Southwind", "email": "b@south.example"}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let (status, _) = post(
            &t,
            &wang,
            "account",
            json!({"name": "X", "email": "a@south.example"}),
        )
        .await;
        assert_eq!(status, 201, "the old email was given back");
    })
    .await;
}

#[tokio::test]
async fn a_batch_holding_the_same_customer_twice_is_refused_whole() {
    each_backend(|t| async move {
        let wang = t.user_token("wang@example.com", "sales").await;
        let r = t
            .http
            .post(
                "/api/v1/records/account/batch",
                Some(&wang),
                &json!({"records": [{"name": "Alpha"}, {"name": "Beta"}, {"name": "alpha inc"}]}),
            )
            .await;
        assert_eq!(r.status, 422, "{}", r.body);
        assert!(r.body["error"]["details"]["fields"]["records[2].name"].is_string());
        let all = t
            .http
            .get("/api/v1/records/account?count=true", Some(&wang))
            .await;
        assert_eq!(all.body["total"], 0);
    })
    .await;
}

#[tokio::test]
async fn a_deleted_customer_frees_its_name_and_cannot_come_back_over_a_new_owner() {
    each_backend(|t| async move {
        let wang = t.user_token("wang@example.com", "sales").await;
        let li = t.user_token("li@example.com", "sales").await;
        let old = t
            .create(&wang, "account", json!({"name": "Blue Lagoon"}))
            .await;
        let id = old["id"].as_str().unwrap();
        let r = t
            .http
            .delete(&format!("/api/v1/records/account/{id}"), Some(&wang))
            .await;
        assert_eq!(r.status, 204);
        t.create(&li, "account", json!({"name": "Blue Lagoon S.L."}))
            .await;
        let r = t
            .http
            .post(
                &format!("/api/v1/recycle-bin/account/{id}/restore"),
                Some(&wang),
                &json!({}),
            )
            .await;
        assert_eq!(r.status, 409, "{}", r.body);
        assert_eq!(r.body["error"]["details"]["owner"]["name"], "li");
        let bin = t.http.get("/api/v1/recycle-bin", Some(&wang)).await;
        assert_eq!(
            bin.body["data"].as_array().unwrap().len(),
            1,
            "still in the bin"
        );
    })
    .await;
}

#[tokio::test]
async fn a_form_can_ask_while_typing_whether_a_customer_exists() {
    each_backend(|t| async move {
        chinese_company(&t).await;
        let wang = t.user_token("wang@example.com", "sales").await;
        let li = t.user_token("li@example.com", "sales").await;
        let mine = t
            .create(
                &wang,
                "account",
                json!({"name": "Harbour Logistics", "phone": "13800138000"}),
            )
            .await;
        let ask = |query: String, token: String| {
            let t = &t;
            async move {
                t.http
                    .get(&format!("/api/v1/duplicates/check?{query}"), Some(&token))
                    .await
            }
        };
        let r = ask(
            format!(
                "object=account&name={}&phone={}",
                urlencode("harbour logistics ltd"),
                urlencode("+86 138 0013 8000")
            ),
            li.clone(),
        )
        .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let hits = r.body["data"].as_array().unwrap();
        let mut fields: Vec<&str> = hits.iter().map(|h| h["field"].as_str().unwrap()).collect();
        fields.sort();
        assert_eq!(
            fields,
            ["name", "phone"],
            "a warning for each field: {}",
            r.body
        );
        for hit in hits {
            assert_eq!(hit["existing_id"], mine["id"]);
            assert_eq!(hit["owner"]["name"], "wang");
        }

        let half_typed = ask("object=account&phone=138".into(), li.clone()).await;
        assert_eq!(half_typed.status, 200);
        assert_eq!(half_typed.body["data"], json!([]));
        let editing_itself = ask(
            format!(
                "object=account&name=Harbour+Logistics&exclude_id={}",
                mine["id"].as_str().unwrap()
            ),
            wang.clone(),
        )
        .await;
        assert_eq!(editing_itself.body["data"], json!([]));
        let unknown = ask("object=account&nope=1".into(), li.clone()).await;
        assert_eq!(unknown.status, 400);
    })
    .await;
}
