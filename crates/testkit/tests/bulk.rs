//! Bulk actions from the list page: ticked rows or every match, run in the background with a
//! progress page, through the asking user's permissions, claimed by one instance only.

use std::sync::Arc;

use chrono::Utc;
use pelagic_app::bulk::{BulkAction, BulkRequest};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, backends, each_backend};
use serde_json::{Value, json};

/// Waits for a job page to say the job is over; gives its text.
async fn finished(t: &TestApp, b: &Browser, job: &str) -> String {
    for _ in 0..100 {
        let page = b.get(t, job).await;
        assert_eq!(page.status, 200, "{}", page.text);
        if !page.text.contains("http-equiv=\"refresh\"") {
            return page.text;
        }
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    panic!("the job did not finish");
}

fn ids_named(list: &Value, names: &[&str]) -> Vec<String> {
    list["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| names.contains(&r["name"].as_str().unwrap_or_default()))
        .map(|r| r["id"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn ticked_rows_go_to_another_owner_and_every_match_gets_a_field_set() {
    each_backend(|t| async move {
        let b = Browser::sign_in(&t, "ana@example.com", "admin").await;
        let token = t.user_token("luis@example.com", "sales").await;
        let luis = t.user_id(&token).await;
        let admin = t.user_token("boss@example.com", "admin").await;
        for (name, kind) in [
            ("Alpha", "customer"),
            ("Beta", "customer"),
            ("Gamma", "partner"),
        ] {
            b.submit(
                &t,
                "/o/account/new",
                &[("name", name), ("type", kind)],
                true,
            )
            .await;
        }
        let list = t.http.get("/api/v1/records/account", Some(&admin)).await;
        let picked = ids_named(&list.body, &["Alpha", "Gamma"]);
        let page = b.get(&t, "/o/account").await;
        assert!(page.text.contains("form=\"bulk\""), "rows can be ticked");

        let mut fields: Vec<(&str, &str)> = vec![("action", "transfer"), ("owner_id", &luis)];
        for id in &picked {
            fields.push(("id", id));
        }
        let started = b.submit(&t, "/o/account/bulk", &fields, true).await;
        assert_eq!(started.status, 303, "{}", started.text);
        let job = started.location.unwrap();
        let done = finished(&t, &b, &job).await;
        assert!(done.contains("2 of 2"), "{done}");
        let mine = t.http.get("/api/v1/records/account", Some(&token)).await;
        let mut names: Vec<&str> = mine.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["name"].as_str().unwrap())
            .collect();
        names.sort();
        assert_eq!(names, ["Alpha", "Gamma"], "Luis has what was ticked");

        let every = b
            .submit(
                &t,
                "/o/account/bulk",
                &[
                    ("action", "update"),
                    ("field", "level"),
                    ("value", "A"),
                    ("all", "1"),
                    ("k.c0.f", "type"),
                    ("k.c0.o", "eq"),
                    ("k.c0.v", "customer"),
                    ("k.q", ""),
                ],
                true,
            )
            .await;
        assert_eq!(every.status, 303, "{}", every.text);
        let done = finished(&t, &b, &every.location.unwrap()).await;
        assert!(done.contains("2 of 2"), "{done}");
        let after = t
            .http
            .get("/api/v1/records/account?sort=name", Some(&admin))
            .await;
        let levels: Vec<(String, Value)> = after.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| (r["name"].as_str().unwrap().to_owned(), r["level"].clone()))
            .collect();
        assert_eq!(
            levels,
            vec![
                ("Alpha".to_owned(), json!("a")),
                ("Beta".to_owned(), json!("a")),
                ("Gamma".to_owned(), Value::Null),
            ],
            "customers only, the option chosen by its label"
        );
    })
    .await;
}

#[tokio::test]
async fn a_bulk_change_sets_yes_no_and_pick_several_fields_and_refuses_what_it_cannot_read() {
    each_backend(|t| async move {
        let b = Browser::sign_in(&t, "ana@example.com", "admin").await;
        let admin = t.user_token("boss@example.com", "admin").await;
        for (name, kind) in [("vip", "boolean"), ("regions", "multiselect")] {
            let mut field = json!({"name": name, "label": name, "type": kind});
            if kind == "multiselect" {
                field["options"] = json!(["north", "south", "east"]);
            }
            let made = t
                .http
                .post("/api/v1/meta/objects/account/fields", Some(&admin), &field)
                .await;
            assert_eq!(made.status, 201, "{}", made.body);
        }
        for name in ["Alpha", "Beta"] {
            b.submit(&t, "/o/account/new", &[("name", name)], true)
                .await;
        }
        let list = t.http.get("/api/v1/records/account", Some(&admin)).await;
        let ids = ids_named(&list.body, &["Alpha", "Beta"]);
        let set = |field: &'static str, value: &'static str| {
            let mut form: Vec<(&str, &str)> =
                vec![("action", "update"), ("field", field), ("value", value)];
            for id in &ids {
                form.push(("id", id));
            }
            let b = &b;
            let t = &t;
            async move { b.submit(t, "/o/account/bulk", &form, true).await }
        };
        let values = |list: &Value, field: &str| -> Vec<Value> {
            list["data"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| r[field].clone())
                .collect()
        };

        for (field, typed) in [("vip", "Yes"), ("regions", "north, east")] {
            let started = set(field, typed).await;
            assert_eq!(started.status, 303, "{}", started.text);
            let done = finished(&t, &b, &started.location.unwrap()).await;
            assert!(done.contains("2 of 2"), "{done}");
        }
        let after = t.http.get("/api/v1/records/account", Some(&admin)).await;
        assert_eq!(values(&after.body, "vip"), [json!(true), json!(true)]);
        assert_eq!(
            values(&after.body, "regions"),
            [json!(["north", "east"]), json!(["north", "east"])]
        );

        for (field, typed) in [("vip", "perhaps"), ("regions", "west")] {
            let refused = set(field, typed).await;
            assert_eq!(refused.status, 422, "{field}: {}", refused.text);
            assert!(
                refused.text.contains(&format!("value=\"{typed}\""))
                    && refused
                        .text
                        .contains("<details class=\"bulk-actions\" open>"),
                "the bulk form is open on what was typed"
            );
        }
        let kept = t.http.get("/api/v1/records/account", Some(&admin)).await;
        assert_eq!(
            values(&kept.body, "vip"),
            [json!(true), json!(true)],
            "never emptied"
        );
        assert_eq!(
            values(&kept.body, "regions"),
            values(&after.body, "regions")
        );
    })
    .await;
}

#[tokio::test]
async fn a_bulk_delete_does_only_what_the_user_could_do_one_by_one_and_exports_only_ticked_rows() {
    each_backend(|t| async move {
        let b = Browser::sign_in(&t, "ana@example.com", "sales").await;
        b.submit(&t, "/o/account/new", &[("name", "=1+1 Mine")], true)
            .await;
        let admin = t.admin().await;
        let theirs = t
            .create(&admin, "account", json!({"name": "Not Mine"}))
            .await;
        let all = t.http.get("/api/v1/records/account", Some(&admin)).await;
        let mine_id = ids_named(&all.body, &["=1+1 Mine"]).remove(0);

        let csv = b
            .submit(
                &t,
                "/o/account/bulk",
                &[("action", "export"), ("id", &mine_id)],
                true,
            )
            .await;
        assert_eq!(csv.status, 200);
        assert!(
            csv.text.starts_with('\u{feff}') && csv.text.contains("'=1+1")
                || csv.text.contains("Mine '=1+1"),
            "{}",
            csv.text
        );
        assert!(!csv.text.contains("Not Mine"));

        let started = b
            .submit(
                &t,
                "/o/account/bulk",
                &[
                    ("action", "delete"),
                    ("id", &mine_id),
                    ("id", theirs["id"].as_str().unwrap()),
                ],
                true,
            )
            .await;
        let done = finished(&t, &b, &started.location.unwrap()).await;
        assert!(
            done.contains("1 of 2") && done.contains("Could not be changed"),
            "{done}"
        );
        let still = t
            .http
            .get(
                &format!("/api/v1/records/account/{}", theirs["id"].as_str().unwrap()),
                Some(&admin),
            )
            .await;
        assert_eq!(still.status, 200, "another's record stays");
        let none = b
            .submit(&t, "/o/account/bulk", &[("action", "delete")], true)
            .await;
        assert_eq!(none.status, 422, "nothing ticked");
        assert!(
            none.text.contains("id=\"bulk-refused\""),
            "the list comes back with the reason: {}",
            none.text
        );
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_queued_bulk_job_is_run_by_one_instance_only() {
    for backend in backends() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        let admin = t.admin().await;
        let mut ids = Vec::new();
        for i in 0..5 {
            let r = t
                .create(&admin, "account", json!({"name": format!("Firm {i}")}))
                .await;
            ids.push(r["id"].as_str().unwrap().to_owned());
        }
        let actor = t.app.authenticate(&admin).await.unwrap().actor;
        let job = t
            .app
            .start_bulk(
                &actor,
                "account",
                BulkRequest {
                    action: BulkAction::Update {
                        field: "region".into(),
                        value: json!("North"),
                    },
                    ids: Some(ids),
                    filter: None,
                    q: None,
                },
            )
            .await
            .unwrap();
        let mut runs = Vec::new();
        for _ in 0..4 {
            let app = t.another_instance(clock.clone()).await;
            runs.push(tokio::spawn(
                async move { app.run_bulk_jobs().await.unwrap() },
            ));
        }
        let mut ran = 0;
        for r in runs {
            ran += r.await.unwrap();
        }
        assert_eq!(ran, 1, "one instance claimed the job");
        let seen = t.app.bulk_job(&actor, &job.id).await.unwrap();
        assert_eq!((seen.status.as_str(), seen.done), ("done", 5));
    }
}
