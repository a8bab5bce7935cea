//! Creating, reading, changing, deleting and listing records, as API.md describes.

use pelagic_testkit::{each_backend, urlencode};
use serde_json::{Value, json};

#[tokio::test]
async fn a_record_is_created_read_changed_and_deleted() {
    each_backend(|t| async move {
        let token = t.user_token("sales@example.com", "sales").await;
        let created = t
            .create(&token, "account", json!({
                "name": "深圳市腾讯计算机系统有限公司", "industry": "technology", "level": "a",
                "phone": "138 0013 8000", "email": "Sales@Tencent.COM", "annual_revenue": "1250000.50",
                "tags": ["vip", "strategic"], "website": "tencent.com"
            }))
            .await;
        let id = created["id"].as_str().unwrap();
        for key in ["id", "owner_id", "created_at", "updated_at", "created_by"] {
            assert!(!created[key].is_null(), "{key} is set");
        }
        assert_eq!(created["phone"], "+8613800138000");
        assert_eq!(created["phone_original"], "138 0013 8000");
        assert_eq!(created["email"], "sales@tencent.com");
        assert_eq!(created["annual_revenue"], "1250000.50");
        assert_eq!(created["annual_revenue_currency"], "CNY");
        assert_eq!(created["tags"], json!(["vip", "strategic"]));
        assert_eq!(created["website"], "https://tencent.com");

        let read = t.http.get(&format!("/api/v1/records/account/{id}"), Some(&token)).await;
        assert_eq!(read.status, 200);
        assert_eq!(read.body, created);

        let changed = t.http.patch(&format!("/api/v1/records/account/{id}"), Some(&token), &json!({"level": "b", "annual_revenue": "99.90"})).await;
        assert_eq!(changed.status, 200);
        assert_eq!(changed.body["level"], "b");
        assert_eq!(changed.body["annual_revenue"], "99.90");
        assert_eq!(changed.body["name"], created["name"], "untouched fields stay");
        assert!(changed.body["updated_at"].as_str() >= created["updated_at"].as_str());

        assert_eq!(t.http.delete(&format!("/api/v1/records/account/{id}"), Some(&token)).await.status, 204);
        assert_eq!(t.http.get(&format!("/api/v1/records/account/{id}"), Some(&token)).await.status, 404);
        let list = t.http.get("/api/v1/records/account?count=true", Some(&token)).await;
        assert_eq!(list.body["total"], 0, "a deleted record is not listed or counted");
        assert_eq!(t.http.delete(&format!("/api/v1/records/account/{id}"), Some(&token)).await.status, 404);
    })
    .await;
}

async fn seed_accounts(t: &pelagic_testkit::TestApp, token: &str) {
    let rows = [
        ("Acme Trading", "finance", "a", "5000.00", "Madrid"),
        ("María López S.L.", "retail", "b", "1200.00", "Sevilla"),
        (
            "ООО «Северная логистика»",
            "logistics",
            "a",
            "9000.00",
            "Москва",
        ),
        ("北京星辰科技有限公司", "technology", "c", "300.00", "北京"),
        ("Brightwater LLC", "finance", "b", "5000.00", "Chicago"),
        ("Zeta Holdings", "finance", "a", "100.00", "Madrid"),
    ];
    let records: Vec<Value> = rows
        .iter()
        .map(|(name, industry, level, revenue, region)| json!({"name": name, "industry": industry, "level": level, "annual_revenue": revenue, "region": region}))
        .collect();
    let r = t
        .http
        .post(
            "/api/v1/records/account/batch",
            Some(token),
            &json!({ "records": records }),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    assert_eq!(r.body["data"].as_array().unwrap().len(), 6);
}

fn names(body: &Value) -> Vec<String> {
    body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["name"].as_str().unwrap().to_owned())
        .collect()
}

#[tokio::test]
async fn lists_filter_in_both_forms_and_sort_on_four_keys() {
    each_backend(|t| async move {
        let token = t.admin().await;
        seed_accounts(&t, &token).await;
        let r = t.http.get("/api/v1/records/account?industry=finance&annual_revenue[gte]=1000&sort=-annual_revenue,name", Some(&token)).await;
        assert_eq!(r.status, 200, "{}", r.body);
        assert_eq!(names(&r.body), ["Acme Trading", "Brightwater LLC"]);

        let q = t
            .http
            .post(
                "/api/v1/records/account/query",
                Some(&token),
                &json!({
                    "filter": {"or": [
                        {"field": "level", "op": "eq", "value": "c"},
                        {"and": [{"field": "industry", "op": "in", "value": ["finance", "logistics"]},
                                 {"not": {"field": "region", "op": "eq", "value": "madrid"}}]}
                    ]},
                    "sort": [{"field": "level", "dir": "asc"}, {"field": "industry", "dir": "desc"}, {"field": "annual_revenue", "dir": "desc"}, {"field": "name"}],
                    "count": true
                }),
            )
            .await;
        assert_eq!(q.status, 200, "{}", q.body);
        assert_eq!(names(&q.body), ["ООО «Северная логистика»", "Brightwater LLC", "北京星辰科技有限公司"]);
        assert_eq!(q.body["total"], 3);
    })
    .await;
}

#[tokio::test]
async fn search_finds_chinese_cyrillic_and_accented_text_ignoring_case_and_accents() {
    each_backend(|t| async move {
        let token = t.admin().await;
        seed_accounts(&t, &token).await;
        for (q, expected) in [
            ("星辰", vec!["北京星辰科技有限公司"]),
            ("северная", vec!["ООО «Северная логистика»"]),
            ("maria lopez", vec!["María López S.L."]),
            ("MADRID", vec!["Zeta Holdings", "Acme Trading"]),
        ] {
            let url = format!(
                "/api/v1/records/account?q={}&sort=-annual_revenue",
                urlencode(q)
            );
            let r = t.http.get(&url, Some(&token)).await;
            assert_eq!(r.status, 200);
            let mut found = names(&r.body);
            found.sort();
            let mut expected: Vec<String> = expected.into_iter().map(str::to_owned).collect();
            expected.sort();
            assert_eq!(found, expected, "q={q}");
        }
    })
    .await;
}

#[tokio::test]
async fn cursor_pagination_returns_every_record_exactly_once_even_with_inserts_between_pages() {
    each_backend(|t| async move {
        let token = t.admin().await;
        let levels = ["a", "b", "c"];
        let records: Vec<Value> = (0..57)
            .map(|i| json!({"name": format!("Company {i:03}"), "level": levels[i % 3]}))
            .collect();
        t.http
            .post(
                "/api/v1/records/account/batch",
                Some(&token),
                &json!({ "records": records }),
            )
            .await;
        let mut seen = Vec::new();
        let mut cursor: Option<String> = None;
        let mut pages = 0;
        loop {
            let mut url = "/api/v1/records/account?limit=10&sort=level,-name".to_owned();
            if let Some(c) = &cursor {
                url.push_str(&format!("&cursor={c}"));
            }
            let r = t.http.get(&url, Some(&token)).await;
            assert_eq!(r.status, 200, "{}", r.body);
            seen.extend(names(&r.body));
            pages += 1;
            if pages == 2 {
                // Someone adds records while we page: they must not shift or repeat earlier ones.
                t.create(
                    &token,
                    "account",
                    json!({"name": "Late arrival", "level": "a"}),
                )
                .await;
            }
            match r.body["next_cursor"].as_str() {
                Some(c) => cursor = Some(c.to_owned()),
                None => break,
            }
        }
        let mut unique = seen.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), seen.len(), "no record twice");
        for i in 0..57 {
            assert!(
                seen.contains(&format!("Company {i:03}")),
                "Company {i:03} was listed"
            );
        }
        let levels: Vec<String> = seen
            .iter()
            .filter(|n| n.starts_with("Company"))
            .map(|n| {
                let i: usize = n[8..].parse().unwrap();
                ["a", "b", "c"][i % 3].to_owned()
            })
            .collect();
        let mut sorted = levels.clone();
        sorted.sort();
        assert_eq!(levels, sorted, "pages follow the sort");
    })
    .await;
}

#[tokio::test]
async fn relative_periods_and_references_filter_follow_ups() {
    each_backend(|t| async move {
        let token = t.admin().await;
        let account = t.create(&token, "account", json!({"name": "Acme"})).await;
        let now = chrono::Utc::now();
        let recent = now - chrono::Duration::hours(1);
        let old = now - chrono::Duration::days(40);
        for (subject, at) in [("recent call", recent), ("old visit", old)] {
            t.create(&token, "activity", json!({"kind": "call", "subject": subject, "occurred_at": at.to_rfc3339(),
                "related": {"object": "account", "id": account["id"]}})).await;
        }
        let r = t.http.post("/api/v1/records/activity/query", Some(&token), &json!({"filter": {"and": [
            {"field": "occurred_at", "op": "within", "value": "last_n_days:30"},
            {"field": "related", "op": "eq", "value": {"object": "account", "id": account["id"]}}
        ]}})).await;
        assert_eq!(r.status, 200, "{}", r.body);
        let subjects: Vec<&str> = r.body["data"].as_array().unwrap().iter().map(|a| a["subject"].as_str().unwrap()).collect();
        assert_eq!(subjects, ["recent call"]);
        assert_eq!(r.body["data"][0]["related"], json!({"object": "account", "id": account["id"]}));
    })
    .await;
}

#[tokio::test]
async fn a_lookup_must_point_at_a_live_record() {
    each_backend(|t| async move {
        let token = t.admin().await;
        let r = t
            .http
            .post(
                "/api/v1/records/contact",
                Some(&token),
                &json!({"name": "Ana", "account_id": "0193aaaa-0000-7000-8000-000000000000"}),
            )
            .await;
        assert_eq!(r.status, 422);
        assert!(
            r.body["error"]["details"]["fields"]["account_id"]
                .as_str()
                .unwrap()
                .contains("no account")
        );
        let account = t.create(&token, "account", json!({"name": "Acme"})).await;
        t.create(
            &token,
            "contact",
            json!({"name": "Ana", "account_id": account["id"]}),
        )
        .await;
    })
    .await;
}
