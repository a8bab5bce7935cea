//! Bad input never produces a 500 or a partial write: each gets its documented 4xx.

use pelagic_testkit::{TestApp, each_backend, urlencode};
use serde_json::{Value, json};

async fn total(t: &TestApp, token: &str) -> i64 {
    t.http
        .get("/api/v1/records/account?count=true&limit=1", Some(token))
        .await
        .body["total"]
        .as_i64()
        .unwrap()
}

fn assert_error(r: &pelagic_testkit::Reply, status: u16, code: &str, what: &str) {
    assert_eq!(r.status, status, "{what}: {}", r.text);
    assert_eq!(r.body["error"]["code"], code, "{what}: {}", r.text);
    assert!(
        r.body["error"]["message"]
            .as_str()
            .is_some_and(|m| !m.is_empty()),
        "{what} explains itself"
    );
}

#[tokio::test]
async fn malformed_bodies_and_wrong_content_types_are_refused() {
    each_backend(|t| async move {
        let token = t.admin().await;
        let url = "/api/v1/records/account";
        let json_ct = [("content-type", "application/json")];
        let r = t
            .http
            .send("POST", url, Some(&token), &json_ct, b"{\"name\": ".to_vec())
            .await;
        assert_error(&r, 400, "invalid_request", "truncated JSON");
        let r = t
            .http
            .send(
                "POST",
                url,
                Some(&token),
                &[("content-type", "text/plain")],
                b"{\"name\":\"x\"}".to_vec(),
            )
            .await;
        assert_error(&r, 415, "invalid_request", "wrong content type");
        let r = t
            .http
            .send("POST", url, Some(&token), &[], b"{\"name\":\"x\"}".to_vec())
            .await;
        assert_error(&r, 415, "invalid_request", "no content type");
        let r = t
            .http
            .post(url, Some(&token), &json!(["not", "an", "object"]))
            .await;
        assert_error(&r, 422, "validation_failed", "array body");
        let huge = vec![b' '; 5 * 1024 * 1024];
        let r = t.http.send("POST", url, Some(&token), &json_ct, huge).await;
        assert_error(&r, 413, "invalid_request", "oversized body");
        assert_eq!(total(&t, &token).await, 0);
    })
    .await;
}

#[tokio::test]
async fn unknown_objects_fields_and_wrong_values_name_what_to_fix() {
    each_backend(|t| async move {
        let token = t.admin().await;
        let r = t
            .http
            .post(
                "/api/v1/records/spaceship",
                Some(&token),
                &json!({"name": "x"}),
            )
            .await;
        assert_error(&r, 404, "not_found", "unknown object");
        let r = t.http.get("/api/v1/records/spaceship", Some(&token)).await;
        assert_error(&r, 404, "not_found", "unknown object list");
        let r = t
            .http
            .post(
                "/api/v1/records/account",
                Some(&token),
                &json!({"name": "x", "colour": "red"}),
            )
            .await;
        assert_error(&r, 422, "validation_failed", "unknown field");
        assert!(r.body["error"]["details"]["fields"]["colour"].is_string());
        for (field, value) in [
            ("annual_revenue", json!("lots")),
            ("annual_revenue", json!(true)),
            ("level", json!("platinum")),
            ("email", json!("not an email")),
            ("phone", json!("call me maybe")),
            ("name", json!(42)),
            ("name", json!("x".repeat(300))),
            ("tags", json!(["vip", "unheard_of"])),
            ("last_follow_up_at", json!("2026-01-01T00:00:00Z")),
        ] {
            let r = t
                .http
                .post(
                    "/api/v1/records/account",
                    Some(&token),
                    &json!({"name": "ok", field: value}),
                )
                .await;
            assert_error(&r, 422, "validation_failed", &format!("{field}={value}"));
            assert!(
                r.body["error"]["details"]["fields"][field].is_string(),
                "{field}: {}",
                r.text
            );
        }
        let r = t
            .http
            .post(
                "/api/v1/records/opportunity",
                Some(&token),
                &json!({"amount": "10.00"}),
            )
            .await;
        assert_error(&r, 422, "validation_failed", "missing required fields");
        let fields = &r.body["error"]["details"]["fields"];
        assert!(fields["name"].is_string() && fields["account_id"].is_string());
        assert_eq!(total(&t, &token).await, 0, "nothing was written");
    })
    .await;
}

#[tokio::test]
async fn bad_list_parameters_are_refused_with_a_reason() {
    each_backend(|t| async move {
        let token = t.admin().await;
        for (query, what) in [
            ("limit=0", "limit too small"),
            ("limit=501", "limit too large"),
            ("limit=ten", "limit not a number"),
            ("cursor=garbage", "invalid cursor"),
            (
                "cursor=eyJzIjoiLWNyZWF0ZWRfYXQsLWlkIiwidiI6WzFdfQ",
                "forged cursor",
            ),
            ("colour=red", "unknown field"),
            ("name[like]=x", "unknown operator"),
            ("level[gt]=a", "operator not for the kind"),
            ("annual_revenue[gte]=much", "wrong value type"),
            ("created_at[within]=someday", "unknown period"),
            ("sort=colour", "unknown sort field"),
            ("sort=tags", "unsortable field"),
            ("sort=a,b,c,d,e,f,g", "too many sort keys"),
            ("count=maybe", "count not a boolean"),
        ] {
            let r = t
                .http
                .get(&format!("/api/v1/records/account?{query}"), Some(&token))
                .await;
            assert_error(&r, 400, "invalid_request", what);
        }
        let r = t
            .http
            .post(
                "/api/v1/records/account/query",
                Some(&token),
                &json!({"filter": {"field": "name", "op": "eq"}}),
            )
            .await;
        assert_error(&r, 400, "invalid_request", "condition without value");
        // A value a filter cannot use is a bad request, with the reason for clients that
        // translate.
        let r = t
            .http
            .post(
                "/api/v1/records/account/query",
                Some(&token),
                &json!({"filter": {"field": "annual_revenue", "op": "gt", "value": "abc"}}),
            )
            .await;
        assert_error(&r, 400, "invalid_request", "a number filter given text");
        assert_eq!(
            r.body["error"]["details"]["reason"], "not_a_number",
            "{}",
            r.body
        );
        let r = t
            .http
            .post(
                "/api/v1/records/account/query",
                Some(&token),
                &json!({"filter": {}, "sql": "1=1"}),
            )
            .await;
        assert_error(&r, 400, "invalid_request", "unknown body key");
        let r = t
            .http
            .post(
                "/api/v1/records/account/query",
                Some(&token),
                &json!({"sort": [{"field": "name", "dir": "sideways"}]}),
            )
            .await;
        assert_error(&r, 400, "invalid_request", "bad sort direction");
    })
    .await;
}

#[tokio::test]
async fn a_batch_with_one_bad_record_writes_nothing() {
    each_backend(|t| async move {
        let token = t.admin().await;
        let mut records: Vec<Value> = (0..20)
            .map(|i| json!({"name": format!("Company {i}")}))
            .collect();
        records[13] = json!({"name": "Bad", "email": "nope"});
        let r = t
            .http
            .post(
                "/api/v1/records/account/batch",
                Some(&token),
                &json!({ "records": records }),
            )
            .await;
        assert_error(&r, 422, "validation_failed", "one bad record");
        assert!(
            r.body["error"]["details"]["fields"]["records[13].email"].is_string(),
            "{}",
            r.text
        );
        assert_eq!(total(&t, &token).await, 0);
        let too_many: Vec<Value> = (0..1001)
            .map(|i| json!({"name": format!("C{i}")}))
            .collect();
        let r = t
            .http
            .post(
                "/api/v1/records/account/batch",
                Some(&token),
                &json!({ "records": too_many }),
            )
            .await;
        assert_error(&r, 400, "invalid_request", "batch too large");
        let r = t
            .http
            .post(
                "/api/v1/records/account/batch",
                Some(&token),
                &json!({ "records": [] }),
            )
            .await;
        assert_error(&r, 400, "invalid_request", "empty batch");
    })
    .await;
}

#[tokio::test]
async fn unknown_ids_paths_and_methods_answer_in_the_error_shape() {
    each_backend(|t| async move {
        let token = t.admin().await;
        for id in [
            "0193aaaa-0000-7000-8000-000000000000",
            "../../etc/passwd",
            "x'; DROP TABLE obj_account;--",
        ] {
            let path = format!("/api/v1/records/account/{}", urlencode(id));
            assert_error(&t.http.get(&path, Some(&token)).await, 404, "not_found", id);
            assert_error(
                &t.http
                    .patch(&path, Some(&token), &json!({"name": "x"}))
                    .await,
                404,
                "not_found",
                id,
            );
            assert_error(
                &t.http.delete(&path, Some(&token)).await,
                404,
                "not_found",
                id,
            );
        }
        // An object's or a field's name that is not a name is parsed at the edge: nothing by it.
        for path in [
            "/api/v1/records/Account%3BDROP/0193aaaa-0000-7000-8000-000000000000",
            "/api/v1/records/account%20x",
            "/api/v1/meta/objects/..%2Fetc",
        ] {
            assert_error(
                &t.http.get(path, Some(&token)).await,
                404,
                "not_found",
                path,
            );
        }
        let field = "/api/v1/meta/objects/account/fields/Bad%20Name";
        assert_error(
            &t.http
                .patch(field, Some(&token), &json!({"label": "x"}))
                .await,
            404,
            "not_found",
            field,
        );
        assert_error(
            &t.http.get("/api/v1/nowhere", Some(&token)).await,
            404,
            "not_found",
            "unknown path",
        );
        assert_error(
            &t.http
                .send("PUT", "/api/v1/records/account", Some(&token), &[], vec![])
                .await,
            405,
            "invalid_request",
            "wrong method",
        );
    })
    .await;
}

#[tokio::test]
async fn a_refused_batch_names_the_record_that_broke_a_rule() {
    each_backend(|t| async move {
        let token = t.admin().await;
        let mut leads: Vec<Value> = (0..5)
            .map(|i| json!({"name": format!("Lead {i}"), "company": format!("Firma {i}")}))
            .collect();
        // An invalid lead must say why; the fourth does not.
        leads[3] = json!({"name": "Sin razón", "company": "Nada SL", "status": "invalid"});
        let r = t
            .http
            .post(
                "/api/v1/records/lead/batch",
                Some(&token),
                &json!({ "records": leads }),
            )
            .await;
        assert_error(&r, 422, "validation_failed", "a lead without its reason");
        assert!(
            r.body["error"]["details"]["fields"]["records[3].invalid_reason"].is_string(),
            "{}",
            r.text
        );
    })
    .await;
}
