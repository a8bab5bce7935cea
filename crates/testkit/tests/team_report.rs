//! The manager's view: what each salesperson did, week by week, with the team's totals, counted
//! by hand for a seeded week and the one before; a salesperson sees only their own figures.

use std::sync::Arc;

use chrono::{DateTime, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::{TestApp, backends};
use serde_json::{Value, json};

fn person<'a>(list: &'a Value, name: &str) -> &'a Value {
    list.as_array()
        .unwrap()
        .iter()
        .find(|p| p["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {list}"))
}

async fn follow_up(t: &TestApp, token: &str, kind: &str, object: &str, id: &Value, at: &str) {
    t.create(
        token,
        "activity",
        json!({"kind": kind, "subject": kind, "occurred_at": at,
               "related": {"object": object, "id": id}}),
    )
    .await;
}

#[tokio::test]
async fn each_salespersons_week_and_the_team_totals_equal_the_figures_counted_by_hand() {
    for backend in backends() {
        // Wednesday 18 November 2026; the week before starts on Monday the 9th.
        let now: DateTime<Utc> = "2026-11-18T10:00:00Z".parse().unwrap();
        let t = TestApp::start_with_clock(backend, Arc::new(ManualClock::new(now))).await;
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let bo = t.user_token("bo@example.com", "sales").await;

        let a1 = t
            .create(&ana, "account", json!({"name": "Alfa SA", "level": "b"}))
            .await["id"]
            .clone();
        let c1 = t
            .create(&ana, "contact", json!({"name": "Carla", "account_id": a1}))
            .await["id"]
            .clone();
        follow_up(&t, &ana, "call", "account", &a1, "2026-11-17T09:00:00Z").await;
        follow_up(&t, &ana, "visit", "account", &a1, "2026-11-18T08:00:00Z").await;
        follow_up(&t, &ana, "call", "contact", &c1, "2026-11-18T09:00:00Z").await;
        follow_up(&t, &ana, "email", "account", &a1, "2026-11-10T09:00:00Z").await;
        let deal = t
            .create(
                &ana,
                "opportunity",
                json!({"name": "Alfa renewal", "account_id": a1,
                       "amount": "1000", "amount_currency": "CNY"}),
            )
            .await;
        let won = t
            .http
            .patch(
                &format!(
                    "/api/v1/records/opportunity/{}",
                    deal["id"].as_str().unwrap()
                ),
                Some(&ana),
                &json!({"stage": "won"}),
            )
            .await;
        assert_eq!(won.status, 200, "{}", won.body);
        let lead = t
            .create(
                &bo,
                "lead",
                json!({"name": "Li Lei", "company": "Beta Ltd"}),
            )
            .await;
        let converted = t
            .http
            .post(
                &format!(
                    "/api/v1/records/lead/{}/convert",
                    lead["id"].as_str().unwrap()
                ),
                Some(&bo),
                &json!({}),
            )
            .await;
        assert_eq!(converted.status, 200, "{}", converted.body);

        let r = t
            .http
            .get(
                "/api/v1/analytics/team?period=week&from=2026-11-09&to=2026-11-23",
                Some(&admin),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);
        let periods = r.body["periods"].as_array().unwrap();
        assert_eq!(periods.len(), 2);
        assert_eq!(periods[0]["start"], "2026-11-09");
        assert_eq!(periods[1]["start"], "2026-11-16");

        let earlier = person(&periods[0]["people"], "ana");
        assert_eq!(earlier["follow_ups"], 1);
        assert_eq!(earlier["by_kind"], json!({"email": 1}));
        let this = person(&periods[1]["people"], "ana");
        assert_eq!(this["follow_ups"], 3);
        assert_eq!(this["by_kind"], json!({"call": 2, "visit": 1}));
        assert_eq!(
            this["customers_contacted"], 1,
            "the contact's call counts for its account"
        );
        assert_eq!(this["new_customers"], 1);
        assert_eq!(this["opportunities_created"], 1);
        assert_eq!(this["opportunities_won"], 1);
        assert_eq!(this["amount_won"], json!({"CNY": "1000.00"}));
        let bo_week = person(&periods[1]["people"], "bo");
        assert_eq!(bo_week["leads_converted"], 1);
        assert_eq!(
            bo_week["new_customers"], 1,
            "the conversion made an account"
        );
        assert_eq!(bo_week["follow_ups"], 0);

        let ana_total = person(&r.body["people"], "ana");
        assert_eq!(ana_total["follow_ups"], 4);
        assert_eq!(
            ana_total["customers_contacted"], 1,
            "one customer, however often"
        );
        assert_eq!(r.body["team"]["follow_ups"], 4);
        assert_eq!(r.body["team"]["new_customers"], 2);
        assert_eq!(r.body["team"]["leads_converted"], 1);
        assert_eq!(periods[1]["team"]["opportunities_won"], 1);

        let own = t
            .http
            .get(
                "/api/v1/analytics/team?period=day&from=2026-11-16&to=2026-11-19",
                Some(&bo),
            )
            .await;
        assert_eq!(own.status, 200, "{}", own.body);
        assert_eq!(own.body["periods"].as_array().unwrap().len(), 3);
        let names: Vec<&str> = own.body["people"]
            .as_array()
            .unwrap()
            .iter()
            .map(|p| p["name"].as_str().unwrap())
            .collect();
        assert_eq!(names, ["bo"], "a salesperson sees their own figures only");
        assert_eq!(own.body["team"]["follow_ups"], 0);

        for (query, status) in [
            ("period=year", 400),
            ("from=2026-11-20&to=2026-11-10", 400),
            ("period=day&from=2020-01-01&to=2026-01-01", 400),
            ("team_id=nobody", 404),
        ] {
            let bad = t
                .http
                .get(&format!("/api/v1/analytics/team?{query}"), Some(&admin))
                .await;
            assert_eq!(bad.status, status, "{query}: {}", bad.body);
            assert!(bad.body["error"]["message"].is_string(), "{}", bad.body);
        }
    }
}

#[tokio::test]
async fn the_team_activity_page_shows_each_salesperson_and_the_team_total() {
    pelagic_testkit::each_backend(|t| async move {
        let b = pelagic_testkit::browser::Browser::sign_in(&t, "maria@example.com", "admin").await;
        let made = b
            .submit(&t, "/o/account/new", &[("name", "Gamma SL")], true)
            .await;
        let page = made.location.unwrap();
        b.submit(
            &t,
            &format!("{page}/follow-up"),
            &[
                ("kind", "visit"),
                ("subject", "Coffee"),
                ("next_follow_up_at", ""),
            ],
            true,
        )
        .await;
        let shown = b.get(&t, "/pipeline/team?period=day").await;
        assert_eq!(shown.status, 200, "{}", shown.text);
        let by_person = shown.text.split("id=\"by-person-h\"").nth(1).unwrap();
        assert!(by_person.contains("maria"), "{by_person}");
        assert!(by_person.contains("Visit 1"), "the kinds of follow-ups");
        assert!(by_person.contains("Team total"));
        let bad = b.get(&t, "/pipeline/team?period=day&from=2020-01-01").await;
        assert_eq!(bad.status, 400, "too many periods is said, not drawn");
    })
    .await;
}
