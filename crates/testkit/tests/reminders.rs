//! Reminders: a task reminds its assignee once at the time chosen before it is due; a follow-up
//! with a next time plans a task; customers nobody followed up for longer than their level allows
//! are pointed out to their owner; and each user's calendar feed lists their tasks at a private
//! address that opens nothing else.

use std::sync::Arc;

use chrono::{Duration, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, backends, each_backend};
use serde_json::{Value, json};

/// An API token (sign-in sessions end while the clock jumps days ahead).
async fn api_token(t: &TestApp, session: &str) -> String {
    let r = t
        .http
        .post(
            "/api/v1/me/tokens",
            Some(session),
            &json!({"name": "tests"}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["token"].as_str().unwrap().to_owned()
}

async fn notices(t: &TestApp, token: &str, kind: &str) -> Vec<Value> {
    let r = t.http.get("/api/v1/notifications", Some(token)).await;
    assert_eq!(r.status, 200, "{}", r.body);
    r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|n| n["kind"] == kind)
        .cloned()
        .collect()
}

#[tokio::test]
async fn a_task_reminds_its_assignee_once_at_the_time_chosen_and_again_when_moved() {
    for backend in backends() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        let boss = t
            .member_token("boss@example.com", "manager", Some("East"))
            .await;
        let boss = api_token(&t, &boss).await;
        let ana = t
            .member_token("ana@example.com", "sales", Some("East"))
            .await;
        let ana = api_token(&t, &ana).await;
        let ana_id = t.user_id(&ana).await;
        let boss_id = t.user_id(&boss).await;
        let upward = t
            .http
            .post(
                "/api/v1/records/task",
                Some(&ana),
                &json!({"subject": "Do my work", "assignee_id": boss_id}),
            )
            .await;
        assert_eq!(
            upward.status, 403,
            "a salesperson assigns tasks to themselves only"
        );
        let due = t.app.now() + Duration::hours(3);
        let task = t
            .create(
                &boss,
                "task",
                json!({"subject": "Call back Ming", "assignee_id": ana_id, "status": "open",
                       "due_at": due.to_rfc3339(), "remind_before": "hour_1"}),
            )
            .await;

        clock.advance(Duration::hours(1));
        t.app.run_due_jobs().await.unwrap();
        assert!(
            notices(&t, &ana, "task_due").await.is_empty(),
            "two hours before, not yet"
        );
        clock.advance(Duration::minutes(65));
        t.app.run_due_jobs().await.unwrap();
        t.app.run_due_jobs().await.unwrap();
        let told = notices(&t, &ana, "task_due").await;
        assert_eq!(
            told.len(),
            1,
            "once however often the scheduler runs: {told:?}"
        );
        assert_eq!(told[0]["data"]["records"][0]["name"], "Call back Ming");
        assert!(
            notices(&t, &boss, "task_due").await.is_empty(),
            "the assignee is reminded, not who assigned it"
        );

        let id = task["id"].as_str().unwrap();
        let later = t.app.now() + Duration::days(1);
        let moved = t
            .http
            .patch(
                &format!("/api/v1/records/task/{id}"),
                Some(&boss),
                &json!({"due_at": later.to_rfc3339()}),
            )
            .await;
        assert_eq!(moved.status, 200, "{}", moved.body);
        clock.advance(Duration::hours(24));
        t.app.run_due_jobs().await.unwrap();
        assert_eq!(
            notices(&t, &ana, "task_due").await.len(),
            2,
            "a moved task reminds again"
        );
    }
}

#[tokio::test]
async fn a_follow_up_with_a_next_time_plans_a_task_that_the_calendar_feed_lists() {
    each_backend(|t| async move {
        let b = Browser::sign_in(&t, "ana@example.com", "sales").await;
        let session = b
            .submit(&t, "/o/account/new", &[("name", "Calendario SL")], true)
            .await;
        let account = session
            .location
            .unwrap()
            .rsplit('/')
            .next()
            .unwrap()
            .to_owned();
        let next = (Utc::now() + Duration::days(2))
            .format("%Y-%m-%dT%H:%M")
            .to_string();
        let logged = b
            .submit(
                &t,
                &format!("/o/account/{account}/follow-up"),
                &[
                    ("kind", "call"),
                    ("subject", "Price list sent"),
                    ("next_follow_up_at", &next),
                ],
                true,
            )
            .await;
        assert!(logged.status < 400, "{}", logged.text);
        let tasks = b.get(&t, "/api/v1/records/task").await;
        let planned = &tasks.body["data"][0];
        assert_eq!(
            planned["subject"], "Follow up: Price list sent",
            "{}",
            tasks.body
        );
        assert_eq!(planned["related"]["id"], account.as_str());
        assert_eq!(planned["status"], "open");

        let made = b.submit(&t, "/profile/calendar", &[], true).await;
        assert_eq!(made.status, 200, "{}", made.text);
        let address = made
            .text
            .split("value=\"http://")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the feed address, shown once");
        let path = format!("/{}", address.split_once('/').unwrap().1);
        assert!(
            path.starts_with("/calendar/") && path.ends_with(".ics"),
            "{path}"
        );
        let feed = t.http.get(&path, None).await;
        assert_eq!(feed.status, 200);
        assert!(
            feed.content_type.starts_with("text/calendar"),
            "{}",
            feed.content_type
        );
        assert!(feed.text.contains("BEGIN:VEVENT"), "{}", feed.text);
        assert!(
            feed.text.contains("Follow up: Price list sent"),
            "{}",
            feed.text
        );

        let token = path
            .trim_start_matches("/calendar/")
            .trim_end_matches(".ics");
        let api = t.http.get("/api/v1/me", Some(token)).await;
        assert_eq!(api.status, 401, "a feed address opens nothing but the feed");
        let profile = b.get(&t, "/profile").await;
        assert!(!profile.text.contains(token), "shown once only");

        let remade = b.submit(&t, "/profile/calendar", &[], true).await;
        assert_eq!(remade.status, 200);
        assert_eq!(
            t.http.get(&path, None).await.status,
            404,
            "a new address ends the old"
        );
        let stopped = b.submit(&t, "/profile/calendar/stop", &[], true).await;
        assert_eq!(stopped.status, 303);
        let fresh = remade
            .text
            .split("/calendar/")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .unwrap();
        assert_eq!(
            t.http.get(&format!("/calendar/{fresh}"), None).await.status,
            404,
            "a stopped feed answers nothing"
        );
        assert!(
            b.get(&t, "/profile")
                .await
                .text
                .contains("Make a calendar address"),
            "after stopping, one can make an address again"
        );
    })
    .await;
}

#[tokio::test]
async fn customers_nobody_followed_up_for_longer_than_their_level_allows_are_pointed_out() {
    for backend in backends() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        let admin = api_token(&t, &t.admin().await).await;
        let ana = api_token(&t, &t.user_token("ana@example.com", "sales").await).await;
        let bad = t
            .http
            .patch(
                "/api/v1/admin/settings",
                Some(&admin),
                &json!({"stale_after_days": {"z": 3}}),
            )
            .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        let set = t
            .http
            .patch(
                "/api/v1/admin/settings",
                Some(&admin),
                &json!({"stale_after_days": {"a": 3}}),
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.body);
        assert_eq!(set.body["stale_after_days"]["a"], 3);
        assert_eq!(
            set.body["stale_after_days"]["b"], 14,
            "the others keep their defaults"
        );

        let key = t
            .create(
                &ana,
                "account",
                json!({"name": "Key Account", "level": "a"}),
            )
            .await;
        t.create(&ana, "account", json!({"name": "Small One", "level": "b"}))
            .await;
        clock.advance(Duration::days(4));
        t.app.run_due_jobs().await.unwrap();
        let told = notices(&t, &ana, "stale_customers").await;
        assert_eq!(told.len(), 1, "{told:?}");
        assert_eq!(told[0]["data"]["count"], 1);
        assert_eq!(told[0]["data"]["level"], "a");
        assert_eq!(told[0]["data"]["records"][0]["name"], "Key Account");

        t.create(
            &ana,
            "activity",
            json!({"kind": "visit", "subject": "Lunch",
                   "related": {"object": "account", "id": key["id"]}}),
        )
        .await;
        clock.advance(Duration::days(1));
        t.app.run_due_jobs().await.unwrap();
        assert_eq!(
            notices(&t, &ana, "stale_customers").await.len(),
            1,
            "a customer followed up is no longer pointed out"
        );
    }
}
