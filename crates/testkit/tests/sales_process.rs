//! Opportunities follow their sales process: stages belong to it, stages ask for feedback, every
//! move is recorded with the time spent in the stage left, and the funnel's figures for a seeded
//! set of deals equal the ones worked out by hand.

use std::sync::Arc;

use chrono::{Duration, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::{TestApp, backends, each_backend};
use serde_json::{Value, json};

async fn api_token(t: &TestApp, session: &str) -> String {
    let r = t
        .http
        .post(
            "/api/v1/me/tokens",
            Some(session),
            &json!({"name": "tests"}),
        )
        .await;
    r.body["token"].as_str().unwrap().to_owned()
}

async fn move_to(t: &TestApp, token: &str, id: &str, body: Value) -> pelagic_testkit::Reply {
    t.http
        .patch(
            &format!("/api/v1/records/opportunity/{id}"),
            Some(token),
            &body,
        )
        .await
}

#[tokio::test]
async fn the_funnel_of_ten_seeded_deals_equals_the_figures_worked_out_by_hand() {
    for backend in backends() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        let ana = api_token(&t, &t.user_token("ana@example.com", "sales").await).await;
        let account = t
            .create(&ana, "account", json!({"name": "Funnel Test SA"}))
            .await;
        let mut deal = std::collections::BTreeMap::new();
        for name in ["A", "B", "C", "D", "E", "F", "G", "H", "I", "J"] {
            let d = t
                .create(
                    &ana,
                    "opportunity",
                    json!({"name": name, "account_id": account["id"]}),
                )
                .await;
            assert_eq!(d["stage"], "qualification");
            assert_eq!(d["process_id"], "standard");
            assert_eq!(d["probability"], "10.00", "the stage's chance");
            deal.insert(name, d["id"].as_str().unwrap().to_owned());
        }
        // Day by day, the moves each deal makes (lost deals say why).
        let days: [&[(&str, &str)]; 5] = [
            &[
                ("A", "needs_analysis"),
                ("B", "needs_analysis"),
                ("C", "needs_analysis"),
                ("D", "lost"),
                ("E", "needs_analysis"),
                ("F", "invalid"),
                ("G", "needs_analysis"),
                ("H", "needs_analysis"),
                ("J", "proposal"),
            ],
            &[("J", "needs_analysis")],
            &[
                ("A", "proposal"),
                ("B", "proposal"),
                ("C", "lost"),
                ("E", "proposal"),
                ("H", "proposal"),
            ],
            &[
                ("A", "negotiation"),
                ("B", "won"),
                ("E", "lost"),
                ("H", "negotiation"),
            ],
            &[("A", "won")],
        ];
        let gaps = [1, 1, 1, 3, 4];
        for (moves, gap) in days.iter().zip(gaps) {
            clock.advance(Duration::days(gap));
            for (name, stage) in moves.iter() {
                let mut body = json!({"stage": stage});
                if *stage == "lost" {
                    body["lost_reason"] = json!("price");
                }
                let r = move_to(&t, &ana, &deal[name], body).await;
                assert_eq!(r.status, 200, "{name} → {stage}: {}", r.body);
            }
        }

        let f = t.http.get("/api/v1/analytics/funnel", Some(&ana)).await;
        assert_eq!(f.status, 200, "{}", f.body);
        let b = &f.body;
        assert_eq!(
            (
                b["total"].as_i64(),
                b["won"].as_i64(),
                b["lost"].as_i64(),
                b["invalid"].as_i64()
            ),
            (Some(10), Some(2), Some(3), Some(1))
        );
        assert_eq!(b["win_rate"], 40.0, "2 won of 5 closed as won or lost");
        let stages = b["stages"].as_array().unwrap();
        let col = |key: &str| stages.iter().map(|s| s[key].clone()).collect::<Vec<_>>();
        assert_eq!(
            col("stage"),
            [
                json!("qualification"),
                json!("needs_analysis"),
                json!("proposal"),
                json!("negotiation")
            ]
        );
        assert_eq!(
            col("reached"),
            [json!(10), json!(7), json!(5), json!(3)],
            "won deals went through every stage"
        );
        assert_eq!(
            col("to_next_rate"),
            [json!(70.0), json!(71.4), json!(60.0), json!(66.7)]
        );
        assert_eq!(col("lost_here"), [json!(1), json!(1), json!(1), json!(0)]);
        assert_eq!(
            col("invalid_here"),
            [json!(1), json!(0), json!(0), json!(0)]
        );
        assert_eq!(col("open_now"), [json!(1), json!(2), json!(0), json!(1)]);
        // qualification: 9 deals left after 1 day; needs analysis: 5 left after 2 days (J after
        // 1, entered on day 2, left never); proposal: 4 left after 3 days... see the days above.
        assert_eq!(
            col("avg_days"),
            [json!(1.0), json!(2.0), json!(2.6), json!(4.0)]
        );

        // An administrator sees the same deals, counted without visiting them one by one; a
        // deal in the recycle bin leaves the figures, and comes back with it.
        let admin = api_token(&t, &t.admin().await).await;
        let whole = t.http.get("/api/v1/analytics/funnel", Some(&admin)).await;
        assert_eq!(whole.body, f.body, "the same figures for the administrator");
        let j = format!("/api/v1/records/opportunity/{}", deal["J"]);
        assert_eq!(t.http.delete(&j, Some(&ana)).await.status, 204);
        let without = t.http.get("/api/v1/analytics/funnel", Some(&admin)).await;
        assert_eq!(without.body["total"], 9);
        assert_eq!(
            without.body["stages"][2]["avg_days"], 3.0,
            "J's day in proposal is gone"
        );
        let restored = t
            .http
            .post(
                &format!("/api/v1/recycle-bin/opportunity/{}/restore", deal["J"]),
                Some(&ana),
                &json!({}),
            )
            .await;
        assert_eq!(restored.status, 200, "{}", restored.body);
        let back = t.http.get("/api/v1/analytics/funnel", Some(&admin)).await;
        assert_eq!(back.body, f.body);

        let moves = t
            .http
            .get(
                &format!("/api/v1/records/opportunity/{}/stages", deal["A"]),
                Some(&ana),
            )
            .await;
        let list = moves.body["data"].as_array().unwrap();
        assert_eq!(
            list.len(),
            5,
            "created into qualification, then four moves: {}",
            moves.body
        );
        assert_eq!(list[4]["from"], "negotiation");
        assert_eq!(list[4]["to"], "won");
        assert_eq!(list[4]["days_in_previous"], 4.0);

        let forecast = t.http.get("/api/v1/analytics/forecast", Some(&ana)).await;
        let deals: i64 = forecast.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["deals"].as_i64().unwrap())
            .sum();
        assert_eq!(deals, 4, "G, H, I and J are open: {}", forecast.body);
    }
}

#[tokio::test]
async fn a_process_keeps_its_stages_and_asks_for_feedback() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let team = t.http.post("/api/v1/admin/teams", Some(&admin), &json!({"name": "Enterprise"})).await;
        let team_id = team.body["id"].as_str().unwrap().to_owned();
        let bo = t.member_token("bo@example.com", "sales", Some("Enterprise")).await;
        let p = t
            .http
            .post(
                "/api/v1/admin/processes",
                Some(&admin),
                &json!({"name": "Enterprise", "team_id": team_id, "stages": [
                    {"stage": "qualification", "probability": 20},
                    {"stage": "proposal", "probability": 60, "feedback": ["amount", "expected_close_date"]}]}),
            )
            .await;
        assert_eq!(p.status, 201, "{}", p.body);
        let all = t.http.get("/api/v1/processes", Some(&bo)).await;
        assert_eq!(all.body["data"].as_array().unwrap().len(), 2, "the standard process is kept: {}", all.body);

        let account = t.create(&bo, "account", json!({"name": "Big Corp"})).await;
        let d = t.create(&bo, "opportunity", json!({"name": "Platform", "account_id": account["id"]})).await;
        assert_eq!(d["process_id"], p.body["id"], "the team's process");
        assert_eq!(d["probability"], "20.00");
        let id = d["id"].as_str().unwrap();

        let skipped = move_to(&t, &bo, id, json!({"stage": "needs_analysis"})).await;
        assert_eq!(skipped.status, 422, "not a stage of this process: {}", skipped.body);
        let bare = move_to(&t, &bo, id, json!({"stage": "proposal"})).await;
        assert_eq!(bare.status, 422);
        let fields = &bare.body["error"]["details"]["fields"];
        assert!(fields["amount"].is_string() && fields["expected_close_date"].is_string(), "{}", bare.body);
        let full = move_to(&t, &bo, id, json!({"stage": "proposal", "amount": 50000, "expected_close_date": "2027-03-31"})).await;
        assert_eq!(full.status, 200, "{}", full.body);
        assert_eq!(full.body["probability"], "60.00");
        let lost = move_to(&t, &bo, id, json!({"stage": "lost"})).await;
        assert_eq!(lost.status, 422, "a lost deal says why");
        let lost = move_to(&t, &bo, id, json!({"stage": "lost", "lost_reason": "budget cut"})).await;
        assert_eq!(lost.status, 200);
        assert_eq!(lost.body["probability"], "0.00");
        assert!(!lost.body["closed_at"].is_null());

        let by_rep = t.http.post("/api/v1/admin/processes", Some(&bo), &json!({"name": "Mine"})).await;
        assert_eq!(by_rep.status, 403);
        let bad = t.http.get("/api/v1/analytics/funnel?from=yesterday", Some(&bo)).await;
        assert_eq!(bad.status, 400, "{}", bad.body);
    })
    .await;
}

#[tokio::test]
async fn an_administrator_sets_up_a_process_and_the_customer_rules_on_the_settings_page() {
    each_backend(|t| async move {
        let b = pelagic_testkit::browser::Browser::sign_in(&t, "boss@example.com", "admin").await;
        let admin = t.admin().await;
        let page = b.get(&t, "/settings/sales").await;
        assert_eq!(page.status, 200);
        assert!(
            page.text
                .contains("Qualification → Needs analysis → Proposal → Negotiation")
        );

        let saved = b
            .submit(
                &t,
                "/settings/sales/processes",
                &[
                    ("id", ""),
                    ("name", "Short cycle"),
                    ("team", ""),
                    ("stage", "qualification"),
                    ("stage", "needs_analysis"),
                    ("stage", "proposal"),
                    ("stage", "negotiation"),
                    ("use", "proposal"),
                    ("use", "qualification"),
                    ("pos.qualification", "2"),
                    ("prob.qualification", "30"),
                    ("pos.proposal", "1"),
                    ("prob.proposal", "15"),
                    ("ask.proposal", "amount"),
                ],
                true,
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.text);
        let made = t.http.get("/api/v1/processes", Some(&admin)).await;
        let short = made.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["name"] == "Short cycle")
            .cloned()
            .expect("the new process");
        assert_eq!(
            short["stages"],
            json!([{"stage": "proposal", "probability": 15, "feedback": ["amount"]},
                   {"stage": "qualification", "probability": 30, "feedback": []}]),
            "in the order numbered"
        );

        let wrong = b
            .submit(
                &t,
                "/settings/sales/processes",
                &[
                    ("id", ""),
                    ("name", "Broken"),
                    ("stage", "proposal"),
                    ("use", "proposal"),
                    ("prob.proposal", "lots"),
                ],
                true,
            )
            .await;
        assert_eq!(wrong.status, 422);
        assert!(
            wrong.text.contains("“lots” is not a whole number"),
            "{}",
            wrong.text
        );
        assert!(
            wrong.text.contains("value=\"Broken\""),
            "what was typed stays"
        );

        let rules = b
            .submit(
                &t,
                "/settings/sales",
                &[("capacity", "40"), ("stale.a", "5"), ("stale.b", "0")],
                true,
            )
            .await;
        assert_eq!(rules.status, 303, "{}", rules.text);
        let settings = t.http.get("/api/v1/admin/settings", Some(&admin)).await;
        assert_eq!(settings.body["account_capacity"], 40);
        assert_eq!(
            settings.body["stale_after_days"],
            json!({"a": 5, "b": 0, "c": 30})
        );
    })
    .await;
}

#[tokio::test]
async fn deals_closed_without_moving_count_as_lost_in_the_first_stage() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let acct = t.create(&ana, "account", json!({"name": "Perdido SA"})).await;
        for name in ["Uno", "Dos"] {
            t.create(
                &ana,
                "opportunity",
                json!({"name": name, "account_id": acct["id"], "stage": "lost", "lost_reason": "precio"}),
            )
            .await;
        }
        t.create(&ana, "opportunity", json!({"name": "Abierta", "account_id": acct["id"]}))
            .await;
        let f = t.http.get("/api/v1/analytics/funnel", Some(&ana)).await.body;
        assert_eq!(f["lost"], 2, "{f}");
        let lost_here: i64 = f["stages"]
            .as_array()
            .unwrap()
            .iter()
            .map(|s| s["lost_here"].as_i64().unwrap())
            .sum();
        assert_eq!(lost_here, 2, "the stages account for every lost deal: {f}");
        assert_eq!(f["stages"][0]["lost_here"], 2);
        assert_eq!(f["stages"][0]["reached"], 3, "every deal reached the first stage: {f}");
    })
    .await;
}
