//! Pools: members claim records waiting in them, exactly one of concurrent claims wins, no member
//! ever goes past a limit, administrators hand records out, and what a pool hides stays hidden
//! until a record is claimed.

use std::sync::Arc;

use pelagic_app::clock::SystemClock;
use pelagic_testkit::{TestApp, backends, each_backend, urlencode};
use serde_json::{Value, json};

/// A pool of accounts with the given rules, administered by the test's administrator.
async fn pool(t: &TestApp, admin: &str, rules: Value) -> String {
    let mut body = json!({"name": "Shanghai", "object": "account"});
    body.as_object_mut()
        .unwrap()
        .extend(rules.as_object().unwrap().clone());
    let r = t.http.post("/api/v1/pools", Some(admin), &body).await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["id"].as_str().unwrap().to_owned()
}

/// Accounts put straight into a pool (no owner).
async fn waiting(t: &TestApp, admin: &str, pool: &str, names: &[&str]) -> Vec<String> {
    let mut ids = Vec::new();
    for name in names {
        // A phone of its own per name, so that the duplicate rules let each account in.
        let hash = name.bytes().fold(2_166_136_261_u32, |h, b| {
            (h ^ u32::from(b)).wrapping_mul(16_777_619)
        });
        let phone = format!("+86139{:08}", hash % 100_000_000);
        let email = format!("{}@example.cn", name.to_lowercase().replace(' ', ""));
        let r = t
            .create(
                admin,
                "account",
                json!({"name": name, "pool_id": pool, "phone": phone, "email": email}),
            )
            .await;
        assert!(
            r["owner_id"].is_null(),
            "a record named into a pool without an owner waits there"
        );
        ids.push(r["id"].as_str().unwrap().to_owned());
    }
    ids
}

async fn claim(
    t: &TestApp,
    token: &str,
    pool: &str,
    record: &str,
) -> pelagic_testkit::client::Reply {
    t.http
        .post(
            &format!("/api/v1/pools/{pool}/claim"),
            Some(token),
            &json!({"record_id": record}),
        )
        .await
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn twenty_members_claiming_one_record_at_once_leave_exactly_one_owner() {
    for backend in backends() {
        let t = TestApp::start(backend).await;
        let admin = t.admin().await;
        let mut tokens = Vec::new();
        let mut ids = Vec::new();
        for i in 0..20 {
            let tok = t.user_token(&format!("rep{i}@example.com"), "sales").await;
            ids.push(t.user_id(&tok).await);
            tokens.push(tok);
        }
        let p = pool(&t, &admin, json!({"members": ids})).await;
        let record = waiting(&t, &admin, &p, &["Lucky Star Trading"])
            .await
            .remove(0);
        // Half the claims go through the server, half through two more instances on the same
        // database, as behind a load balancer.
        let others = [
            t.another_instance(Arc::new(SystemClock)).await,
            t.another_instance(Arc::new(SystemClock)).await,
        ];
        let mut handles = Vec::new();
        for (i, tok) in tokens.iter().enumerate() {
            let (tok, p, record) = (tok.clone(), p.clone(), record.clone());
            if i % 2 == 0 {
                let http = t.http.clone();
                handles.push(tokio::spawn(async move {
                    let r = http
                        .post(
                            &format!("/api/v1/pools/{p}/claim"),
                            Some(&tok),
                            &json!({"record_id": record}),
                        )
                        .await;
                    r.status == 200
                }));
            } else {
                let app = others[i % 4 / 2].clone();
                handles.push(tokio::spawn(async move {
                    let actor = app.authenticate(&tok).await.unwrap().actor;
                    match app.records(&actor).claim(&p, &record).await {
                        Ok(_) => true,
                        Err(pelagic_app::AppError::Refused(pelagic_app::pools::Refusal::Taken)) => {
                            false
                        }
                        Err(e) => panic!("a losing claim is refused as taken, not {e}"),
                    }
                }));
            }
        }
        let mut wins = 0;
        for h in handles {
            wins += usize::from(h.await.unwrap());
        }
        assert_eq!(wins, 1, "on {backend:?} exactly one claim wins");
        let got = t
            .http
            .get(&format!("/api/v1/records/account/{record}"), Some(&admin))
            .await;
        assert!(
            ids.iter().any(|u| got.body["owner_id"] == *u),
            "{}",
            got.body
        );
        let left = t
            .http
            .get(
                &format!("/api/v1/pools/{p}/records?count=true"),
                Some(&admin),
            )
            .await;
        assert_eq!(left.body["total"], 0, "the claimed record left the pool");
        let late = claim(&t, &tokens[0], &p, &record).await;
        if got.body["owner_id"] != ids[0] {
            assert_eq!(late.status, 409);
            assert_eq!(
                late.body["error"]["details"]["reason"], "taken",
                "{}",
                late.body
            );
        }
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 4)]
async fn a_member_never_holds_more_than_the_claim_limit_even_claiming_in_parallel() {
    for backend in backends() {
        let t = TestApp::start(backend).await;
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let ana_id = t.user_id(&ana).await;
        let p = pool(&t, &admin, json!({"members": [ana_id], "claim_limit": 3})).await;
        let names: Vec<String> = (0..10).map(|i| format!("Firm {i}")).collect();
        let records = waiting(
            &t,
            &admin,
            &p,
            &names.iter().map(String::as_str).collect::<Vec<_>>(),
        )
        .await;
        let other = t.another_instance(Arc::new(SystemClock)).await;
        let mut handles = Vec::new();
        for (i, record) in records.iter().enumerate() {
            let (tok, p, record) = (ana.clone(), p.clone(), record.clone());
            let (http, app) = (t.http.clone(), other.clone());
            handles.push(tokio::spawn(async move {
                if i % 2 == 0 {
                    let r = http
                        .post(
                            &format!("/api/v1/pools/{p}/claim"),
                            Some(&tok),
                            &json!({"record_id": record}),
                        )
                        .await;
                    (
                        r.status,
                        r.body["error"]["details"]["reason"]
                            .as_str()
                            .unwrap_or("")
                            .to_owned(),
                    )
                } else {
                    let actor = app.authenticate(&tok).await.unwrap().actor;
                    match app.records(&actor).claim(&p, &record).await {
                        Ok(_) => (200, String::new()),
                        Err(pelagic_app::AppError::Refused(r)) => (
                            409,
                            serde_json::to_value(&r).unwrap()["reason"]
                                .as_str()
                                .unwrap()
                                .to_owned(),
                        ),
                        Err(e) => panic!("{e}"),
                    }
                }
            }));
        }
        let mut outcomes = Vec::new();
        for h in handles {
            outcomes.push(h.await.unwrap());
        }
        let won = outcomes.iter().filter(|(s, _)| *s == 200).count();
        assert_eq!(won, 3, "on {backend:?}: {outcomes:?}");
        assert!(
            outcomes
                .iter()
                .filter(|(s, _)| *s != 200)
                .all(|(s, r)| *s == 409 && r == "claim_limit")
        );
        let mine = t
            .http
            .get("/api/v1/records/account?count=true", Some(&ana))
            .await;
        assert_eq!(mine.body["total"], 3);

        let refused = claim(&t, &ana, &p, &records[9]).await;
        let refused = if refused.status == 200 {
            claim(&t, &ana, &p, &records[8]).await
        } else {
            refused
        };
        assert_eq!(refused.status, 409);
        let message = refused.body["error"]["message"].as_str().unwrap();
        assert!(
            message.contains("claim limit") && message.contains('3'),
            "{message}"
        );
    }
}

#[tokio::test]
async fn daily_limits_capacity_and_membership_are_enforced() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let ana_id = t.user_id(&ana).await;
        let outsider = t.user_token("olga@example.com", "sales").await;
        let p = pool(
            &t,
            &admin,
            json!({"members": [ana_id], "daily_claim_limit": 2}),
        )
        .await;
        let r = waiting(&t, &admin, &p, &["Alfa", "Bravo", "Charlie", "Delta"]).await;

        assert_eq!(claim(&t, &ana, &p, &r[0]).await.status, 200);
        assert_eq!(claim(&t, &ana, &p, &r[1]).await.status, 200);
        let release = t
            .http
            .post(
                &format!("/api/v1/pools/{p}/release"),
                Some(&ana),
                &json!({"record_id": r[1]}),
            )
            .await;
        assert_eq!(release.status, 204, "{}", release.body);
        let third = claim(&t, &ana, &p, &r[2]).await;
        assert_eq!(third.status, 409);
        assert_eq!(
            third.body["error"]["details"]["reason"], "daily_limit",
            "releasing does not give back a day's claim"
        );

        let no = claim(&t, &outsider, &p, &r[2]).await;
        assert_eq!(
            no.status, 404,
            "a pool one is not part of does not exist for them"
        );
        assert_eq!(
            t.http
                .get(&format!("/api/v1/pools/{p}/records"), Some(&outsider))
                .await
                .status,
            404
        );

        let cap = t
            .http
            .patch(
                "/api/v1/admin/settings",
                Some(&admin),
                &json!({"account_capacity": 2}),
            )
            .await;
        assert_eq!(cap.status, 200, "{}", cap.body);
        let p2 = pool(&t, &admin, json!({"name": "Beijing", "members": [ana_id]})).await;
        let r2 = waiting(&t, &admin, &p2, &["Echo", "Foxtrot"]).await;
        t.create(&ana, "account", json!({"name": "Ana's own"}))
            .await;
        let over = claim(&t, &ana, &p2, &r2[0]).await;
        assert_eq!(over.status, 409, "{}", over.body);
        assert_eq!(over.body["error"]["details"]["reason"], "capacity");
        assert_eq!(over.body["error"]["details"]["limit"], 2);

        // `null` takes the cap away.
        let cleared = t
            .http
            .patch(
                "/api/v1/admin/settings",
                Some(&admin),
                &json!({"account_capacity": null}),
            )
            .await;
        assert_eq!(cleared.status, 200, "{}", cleared.body);
        assert!(
            cleared.body["account_capacity"].is_null(),
            "{}",
            cleared.body
        );
        assert_eq!(claim(&t, &ana, &p2, &r2[0]).await.status, 200);
    })
    .await;
}

#[tokio::test]
async fn a_pool_hides_its_fields_until_a_record_is_claimed() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let ana_id = t.user_id(&ana).await;
        let p = pool(
            &t,
            &admin,
            json!({"members": [ana_id], "hidden_fields": ["phone", "email"]}),
        )
        .await;
        let r = waiting(&t, &admin, &p, &["Golden Dragon"]).await.remove(0);
        let phone = t
            .http
            .get(&format!("/api/v1/records/account/{r}"), Some(&admin))
            .await
            .body["phone"]
            .as_str()
            .unwrap()
            .to_owned();

        let list = t
            .http
            .get(&format!("/api/v1/pools/{p}/records"), Some(&ana))
            .await;
        assert_eq!(list.status, 200, "{}", list.body);
        let first = &list.body["data"][0];
        assert_eq!(first["name"], "Golden Dragon");
        assert!(
            first.get("phone").is_none() && first.get("email").is_none(),
            "{first}"
        );
        let one = t
            .http
            .get(&format!("/api/v1/pools/{p}/records/{r}"), Some(&ana))
            .await;
        assert!(one.body.get("phone").is_none(), "{}", one.body);
        let probe = t
            .http
            .get(
                &format!("/api/v1/pools/{p}/records?phone={}", urlencode(&phone)),
                Some(&ana),
            )
            .await;
        assert_eq!(
            probe.status, 400,
            "filtering on a hidden field is refused: {}",
            probe.body
        );
        let search = t
            .http
            .get(
                &format!("/api/v1/pools/{p}/records?q={}", &phone[3..]),
                Some(&ana),
            )
            .await;
        assert_eq!(
            search.body["data"].as_array().unwrap().len(),
            0,
            "search does not reach hidden fields"
        );
        assert_eq!(
            t.http
                .get(&format!("/api/v1/records/account/{r}"), Some(&ana))
                .await
                .status,
            404
        );

        let claimed = claim(&t, &ana, &p, &r).await;
        assert_eq!(claimed.status, 200, "{}", claimed.body);
        assert_eq!(claimed.body["phone"], phone, "the owner sees everything");
        let history = t
            .http
            .get(&format!("/api/v1/records/account/{r}/history"), Some(&ana))
            .await;
        assert!(
            history.body["data"]
                .as_array()
                .unwrap()
                .iter()
                .any(|e| e["action"] == "claim" && e["new"] == ana_id),
            "{}",
            history.body
        );
    })
    .await;
}

#[tokio::test]
async fn administrators_hand_records_out_by_hand_in_turn_and_by_region() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let mut reps = Vec::new();
        for name in ["ana", "bo", "chen"] {
            let tok = t.user_token(&format!("{name}@example.com"), "sales").await;
            reps.push((t.user_id(&tok).await, tok));
        }
        let ids: Vec<&String> = reps.iter().map(|(id, _)| id).collect();
        let p = pool(
            &t,
            &admin,
            json!({"members": ids, "claim_limit": 2, "match_field": "region",
            "match_values": {ids[2].clone(): ["华东"]}}),
        )
        .await;
        let r = waiting(&t, &admin, &p, &["A1", "A2", "A3", "A4", "A5", "A6", "A7"]).await;

        let by_rep = t
            .http
            .post(
                &format!("/api/v1/pools/{p}/assign"),
                Some(&reps[0].1),
                &json!({"record_ids": [r[0]], "user_id": ids[0]}),
            )
            .await;
        assert_eq!(
            by_rep.status, 403,
            "a member is not the pool's administrator"
        );
        let given = t
            .http
            .post(
                &format!("/api/v1/pools/{p}/assign"),
                Some(&admin),
                &json!({"record_ids": [r[0]], "user_id": ids[0]}),
            )
            .await;
        assert_eq!(given.status, 200, "{}", given.body);

        let push = t
            .http
            .post(
                &format!("/api/v1/pools/{p}/distribute"),
                Some(&admin),
                &json!({"rule": "round_robin"}),
            )
            .await;
        assert_eq!(push.status, 200, "{}", push.body);
        let assigned = &push.body["assigned"];
        assert_eq!(
            assigned[ids[0].as_str()],
            1,
            "ana already held one: {}",
            push.body
        );
        assert_eq!(assigned[ids[1].as_str()], 2);
        assert_eq!(assigned[ids[2].as_str()], 2);
        assert_eq!(push.body["left"], 1, "everyone is at the limit of 2");

        let p2 = pool(
            &t,
            &admin,
            json!({"name": "East", "members": ids, "match_field": "region",
            "match_values": {ids[2].clone(): ["华东"]}}),
        )
        .await;
        t.create(
            &admin,
            "account",
            json!({"name": "Hangzhou Tea", "region": "华东", "pool_id": p2}),
        )
        .await;
        t.create(
            &admin,
            "account",
            json!({"name": "Lhasa Wool", "region": "西藏", "pool_id": p2}),
        )
        .await;
        let by_region = t
            .http
            .post(
                &format!("/api/v1/pools/{p2}/distribute"),
                Some(&admin),
                &json!({"rule": "match"}),
            )
            .await;
        assert_eq!(
            by_region.body["assigned"],
            json!({ids[2].clone(): 1}),
            "{}",
            by_region.body
        );
        assert_eq!(by_region.body["left"], 1, "nobody covers that region");
    })
    .await;
}

#[tokio::test]
async fn pools_refuse_bad_settings_and_records_of_another_object() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        for (body, field) in [
            (json!({"name": "X", "object": "task"}), "object"),
            (
                json!({"name": "X", "object": "account", "follow_up_within": "soon"}),
                "follow_up_within",
            ),
            (
                json!({"name": "X", "object": "account", "hidden_fields": ["name"]}),
                "hidden_fields",
            ),
            (
                json!({"name": "X", "object": "account", "claim_limit": -1}),
                "claim_limit",
            ),
            (
                json!({"name": "X", "object": "account", "members": ["nobody"]}),
                "members",
            ),
        ] {
            let r = t.http.post("/api/v1/pools", Some(&admin), &body).await;
            assert_eq!(r.status, 422, "{body}: {}", r.body);
            assert!(
                r.body["error"]["details"]["fields"][field].is_string(),
                "{}",
                r.body
            );
        }
        assert_eq!(
            t.http
                .post(
                    "/api/v1/pools",
                    Some(&ana),
                    &json!({"name": "Mine", "object": "lead"})
                )
                .await
                .status,
            403
        );
        let p = pool(&t, &admin, json!({"follow_up_within": "7d"})).await;
        let dup = t
            .http
            .post(
                "/api/v1/pools",
                Some(&admin),
                &json!({"name": "Shanghai", "object": "account"}),
            )
            .await;
        assert_eq!(dup.status, 409);
        let lead = t
            .http
            .post(
                "/api/v1/records/lead",
                Some(&admin),
                &json!({"name": "Wrong place", "pool_id": p}),
            )
            .await;
        assert_eq!(lead.status, 422, "{}", lead.body);
        let seen = t
            .http
            .get(&format!("/api/v1/pools/{p}"), Some(&admin))
            .await;
        assert_eq!(seen.body["follow_up_within"], "7d");
    })
    .await;
}
