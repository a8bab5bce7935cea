//! Behaviour comes from what an object declares, not from its name: an administrator's own
//! objects get numbers and priced lines whose totals roll up, like the shipped ones.

use pelagic_testkit::each_backend;
use serde_json::json;

#[tokio::test]
async fn a_custom_object_declared_numbered_gets_a_number_per_record_in_its_own_series() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let body = json!({"name": "job", "label": "Job", "label_plural": "Jobs",
                          "behaviour": {"numbered": "JOB-{yyyy}-{seq:3}"}});
        let r = t
            .http
            .post("/api/v1/meta/objects", Some(&admin), &body)
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(r.body["behaviour"]["numbered"], "JOB-{yyyy}-{seq:3}");

        let first = t
            .create(&admin, "job", json!({"name": "Boiler service"}))
            .await;
        let second = t
            .create(&admin, "job", json!({"name": "Pipe repair"}))
            .await;
        let number = |r: &serde_json::Value| r["number"].as_str().unwrap_or_default().to_owned();
        assert!(
            number(&first).starts_with("JOB-20") && number(&first).ends_with("-001"),
            "{first}"
        );
        assert!(number(&second).ends_with("-002"), "{second}");
        let q = first.get("number").cloned().unwrap_or_default();
        let found = t
            .http
            .get(
                &format!("/api/v1/records/job?q={}", q.as_str().unwrap_or_default()),
                Some(&admin),
            )
            .await;
        assert_eq!(found.body["data"][0]["name"], "Boiler service");

        // The administrator may set another pattern for it, as for quotes and orders.
        let set = t
            .http
            .patch(
                "/api/v1/admin/sales-documents",
                Some(&admin),
                &json!({"numbering": {"job": "J{seq:5}"}}),
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.body);
        let third = t
            .create(&admin, "job", json!({"name": "Valve check"}))
            .await;
        assert_eq!(third["number"], "J00003");

        let bad = json!({"name": "visit", "label": "Visit", "label_plural": "Visits",
                         "behaviour": {"numbered": "V-{yyyy}"}});
        let refused = t
            .http
            .post("/api/v1/meta/objects", Some(&admin), &bad)
            .await;
        assert_eq!(refused.status, 422, "{}", refused.body);
        assert!(refused.body["error"]["details"]["fields"]["behaviour.numbered"].is_string());
    })
    .await;
}

#[tokio::test]
async fn a_custom_object_with_lines_rolls_up_their_totals_through_every_change() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let job = json!({"name": "job", "label": "Job", "label_plural": "Jobs"});
        assert_eq!(
            t.http
                .post("/api/v1/meta/objects", Some(&admin), &job)
                .await
                .status,
            201
        );
        let items = json!({"name": "job_item", "label": "Job item", "label_plural": "Job items",
                           "behaviour": {"lines_of": "job"}});
        let r = t
            .http
            .post("/api/v1/meta/objects", Some(&admin), &items)
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        assert_eq!(
            r.body["behaviour"]["rolls_up_into"],
            json!({"object": "job", "link": "job_id", "as": "line"})
        );

        let visit = t
            .create(
                &admin,
                "job",
                json!({"name": "Annual service", "currency": "EUR"}),
            )
            .await;
        let id = visit["id"].as_str().unwrap();
        let line = json!({"job_id": id, "description": "Labour", "quantity": "2",
                          "unit_price": "100.00", "unit_price_currency": "EUR", "tax_rate": "10"});
        let labour = t.create(&admin, "job_item", line).await;
        let parts = json!({"job_id": id, "description": "Parts", "quantity": "1",
                           "unit_price": "50.00", "unit_price_currency": "EUR"});
        let parts = t.create(&admin, "job_item", parts).await;

        let read = |path: String| {
            let t = &t;
            let admin = admin.clone();
            async move { t.http.get(&path, Some(&admin)).await.body }
        };
        let labour = read(format!(
            "/api/v1/records/job_item/{}",
            labour["id"].as_str().unwrap()
        ))
        .await;
        assert_eq!(labour["total"], "220.00", "{labour}");
        let now = read(format!("/api/v1/records/job/{id}")).await;
        assert_eq!(
            (
                now["subtotal"].as_str(),
                now["tax_amount"].as_str(),
                now["total"].as_str()
            ),
            (Some("250.00"), Some("20.00"), Some("270.00")),
            "{now}"
        );

        let changed = t
            .http
            .patch(
                &format!("/api/v1/records/job/{id}"),
                Some(&admin),
                &json!({"discount_percent": "10"}),
            )
            .await;
        assert_eq!(changed.status, 200, "{}", changed.body);
        assert_eq!(changed.body["total"], "243.00", "{}", changed.body);

        let parts_id = parts["id"].as_str().unwrap();
        let gone = t
            .http
            .delete(
                &format!("/api/v1/records/job_item/{parts_id}"),
                Some(&admin),
            )
            .await;
        assert_eq!(gone.status, 204, "{}", gone.body);
        assert_eq!(
            read(format!("/api/v1/records/job/{id}")).await["total"],
            "198.00"
        );
        let back = t
            .http
            .post(
                &format!("/api/v1/recycle-bin/job_item/{parts_id}/restore"),
                Some(&admin),
                &json!({}),
            )
            .await;
        assert_eq!(back.status, 200, "{}", back.body);
        assert_eq!(
            read(format!("/api/v1/records/job/{id}")).await["total"],
            "243.00"
        );
    })
    .await;
}

#[tokio::test]
async fn lines_are_given_only_to_an_existing_custom_object_without_lines() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let job = json!({"name": "job", "label": "Job", "label_plural": "Jobs"});
        assert_eq!(t.http.post("/api/v1/meta/objects", Some(&admin), &job).await.status, 201);
        let lines_of = |name: &str, of: &str| json!({"name": name, "label": "L", "label_plural": "Ls", "behaviour": {"lines_of": of}});
        assert_eq!(t.http.post("/api/v1/meta/objects", Some(&admin), &lines_of("job_item", "job")).await.status, 201);
        for (body, status) in [
            (lines_of("job_part", "job"), 409),
            (lines_of("job_note", "nowhere"), 422),
            (lines_of("deal_item", "opportunity"), 422),
        ] {
            let r = t.http.post("/api/v1/meta/objects", Some(&admin), &body).await;
            assert_eq!(r.status, status, "{body}: {}", r.body);
            let listed = t.http.get(&format!("/api/v1/meta/objects/{}", body["name"].as_str().unwrap()), Some(&admin)).await;
            assert_eq!(listed.status, 404, "nothing of a refused object is kept: {}", listed.body);
        }
    })
    .await;
}

#[tokio::test]
async fn names_the_engine_keeps_for_itself_are_refused_for_new_fields() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        for name in ["search_text", "deleted_at", "created_by", "id"] {
            let body = json!({"name": name, "label": "Mine", "type": "text"});
            let r = t
                .http
                .post("/api/v1/meta/objects/account/fields", Some(&admin), &body)
                .await;
            assert_eq!(r.status, 422, "{name}: {}", r.body);
            assert_eq!(
                r.body["error"]["details"]["reasons"]["name"], "reserved_name",
                "{name}: {}",
                r.body
            );
        }
    })
    .await;
}
