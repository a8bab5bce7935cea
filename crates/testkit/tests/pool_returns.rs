//! Held records go back to their pools when their owner neither follows them up nor closes them
//! in time: warned once before, returned once however many instances sweep, with a cool-down
//! before the same owner may claim them again.

use std::sync::Arc;

use chrono::{Duration, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::{TestApp, backends};
use serde_json::{Value, json};

struct Setup {
    t: TestApp,
    clock: Arc<ManualClock>,
    admin: String,
    ana: String,
    ana_id: String,
}

async fn start(backend: pelagic_testkit::Backend) -> Setup {
    let clock = Arc::new(ManualClock::new(Utc::now()));
    let t = TestApp::start_with_clock(backend, clock.clone()).await;
    // API tokens: sign-in sessions would end while the clock jumps days ahead.
    let admin = api_token(&t, &t.admin().await).await;
    let ana = api_token(&t, &t.user_token("ana@example.com", "sales").await).await;
    let ana_id = t.user_id(&ana).await;
    Setup {
        t,
        clock,
        admin,
        ana,
        ana_id,
    }
}

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

impl Setup {
    async fn pool(&self, object: &str, rules: Value) -> String {
        let mut body = json!({"name": "High seas", "object": object, "members": [self.ana_id]});
        body.as_object_mut()
            .unwrap()
            .extend(rules.as_object().unwrap().clone());
        let r = self
            .t
            .http
            .post("/api/v1/pools", Some(&self.admin), &body)
            .await;
        assert_eq!(r.status, 201, "{}", r.body);
        r.body["id"].as_str().unwrap().to_owned()
    }

    /// A record put into the pool and claimed by Ana; gives its id.
    async fn claimed(&self, pool: &str, object: &str, name: &str) -> String {
        let r = self
            .t
            .create(&self.admin, object, json!({"name": name, "pool_id": pool}))
            .await;
        let id = r["id"].as_str().unwrap().to_owned();
        let c = self
            .t
            .http
            .post(
                &format!("/api/v1/pools/{pool}/claim"),
                Some(&self.ana),
                &json!({"record_id": id}),
            )
            .await;
        assert_eq!(c.status, 200, "{}", c.body);
        id
    }

    async fn owner(&self, object: &str, id: &str) -> Value {
        let r = self
            .t
            .http
            .get(&format!("/api/v1/records/{object}/{id}"), Some(&self.admin))
            .await;
        r.body["owner_id"].clone()
    }

    async fn notifications(&self) -> Vec<Value> {
        let r = self
            .t
            .http
            .get("/api/v1/notifications", Some(&self.ana))
            .await;
        r.body["data"].as_array().unwrap().clone()
    }

    async fn follow_up(&self, object: &str, id: &str) {
        self.t
            .create(
                &self.ana,
                "activity",
                json!({"kind": "call", "subject": "Checking in", "related": {"object": object, "id": id}}),
            )
            .await;
    }
}

#[tokio::test]
async fn an_account_without_a_follow_up_returns_after_a_warning_and_one_followed_up_stays() {
    for backend in backends() {
        let s = start(backend).await;
        let p = s
            .pool(
                "account",
                json!({"follow_up_within": "2d", "warn_before": "1d", "cool_down_days": 3}),
            )
            .await;
        let quiet = s.claimed(&p, "account", "Quiet Ltd").await;
        let busy = s.claimed(&p, "account", "Busy Ltd").await;

        s.clock.advance(Duration::hours(25));
        s.t.app.run_due_jobs().await.unwrap();
        let warned = s.notifications().await;
        assert_eq!(warned.len(), 1, "one warning for both records: {warned:?}");
        assert_eq!(warned[0]["kind"], "pool_due_soon");
        assert_eq!(warned[0]["data"]["count"], 2);
        s.t.app.run_due_jobs().await.unwrap();
        assert_eq!(s.notifications().await.len(), 1, "a warning fires once");
        let home =
            s.t.http
                .get("/api/v1/notifications?unread=true", Some(&s.ana))
                .await;
        assert_eq!(home.body["unread"], 1);

        s.follow_up("account", &busy).await;
        s.clock.advance(Duration::hours(24));
        s.t.app.run_due_jobs().await.unwrap();
        assert!(
            s.owner("account", &quiet).await.is_null(),
            "the quiet one is back in the pool"
        );
        assert_eq!(
            s.owner("account", &busy).await,
            s.ana_id,
            "the followed-up one stays"
        );
        let notes = s.notifications().await;
        let returned: Vec<_> = notes
            .iter()
            .filter(|n| n["kind"] == "pool_returned")
            .collect();
        assert_eq!(returned.len(), 1, "{notes:?}");
        assert_eq!(returned[0]["data"]["records"][0]["name"], "Quiet Ltd");
        let rewarned = notes
            .iter()
            .filter(|n| n["kind"] == "pool_due_soon")
            .count();
        assert_eq!(
            rewarned, 2,
            "the follow-up set a new deadline, warned of in its turn"
        );
        let history =
            s.t.http
                .get(
                    &format!("/api/v1/records/account/{quiet}/history"),
                    Some(&s.admin),
                )
                .await;
        let back = history.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter(|e| e["action"] == "return")
            .count();
        assert_eq!(back, 1, "{}", history.body);
        let waiting =
            s.t.http
                .get(&format!("/api/v1/pools/{p}/records"), Some(&s.ana))
                .await;
        assert_eq!(waiting.body["data"][0]["id"], quiet.as_str());

        let again =
            s.t.http
                .post(
                    &format!("/api/v1/pools/{p}/claim"),
                    Some(&s.ana),
                    &json!({"record_id": quiet}),
                )
                .await;
        assert_eq!(again.status, 409);
        assert_eq!(
            again.body["error"]["details"]["reason"], "cool_down",
            "{}",
            again.body
        );
        s.clock.advance(Duration::days(3) + Duration::minutes(1));
        let later =
            s.t.http
                .post(
                    &format!("/api/v1/pools/{p}/claim"),
                    Some(&s.ana),
                    &json!({"record_id": quiet}),
                )
                .await;
        assert_eq!(later.status, 200, "after the cool-down: {}", later.body);

        let mark =
            s.t.http
                .post("/api/v1/notifications/read-all", Some(&s.ana), &json!({}))
                .await;
        assert_eq!(mark.body["marked"], 3);
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn eight_instances_sweeping_together_return_each_record_once() {
    for backend in backends() {
        let s = start(backend).await;
        let p = s.pool("account", json!({"follow_up_within": "1h"})).await;
        let mut ids = Vec::new();
        for i in 0..30 {
            ids.push(s.claimed(&p, "account", &format!("Firm {i:02}")).await);
        }
        let mut instances = Vec::new();
        for _ in 0..8 {
            instances.push(s.t.another_instance(s.clock.clone()).await);
        }
        s.clock.advance(Duration::hours(2));
        let mut handles = Vec::new();
        for app in instances {
            handles.push(tokio::spawn(
                async move { app.sweep_pools().await.unwrap() },
            ));
        }
        let mut returned = 0;
        for h in handles {
            returned += h.await.unwrap().returned;
        }
        assert_eq!(returned, 30, "on {backend:?} each record returns once");
        let notes = s.notifications().await;
        let told: i64 = notes
            .iter()
            .map(|n| n["data"]["count"].as_i64().unwrap())
            .sum();
        assert_eq!(told, 30, "the owner hears of each return once");
        for id in &ids {
            assert!(s.owner("account", id).await.is_null());
        }
    }
}

#[tokio::test]
async fn a_lead_not_converted_in_time_returns_and_a_won_deal_stops_the_closing_clock() {
    for backend in backends() {
        let s = start(backend).await;
        let leads = s
            .pool(
                "lead",
                json!({"follow_up_within": "30d", "close_within": "5d"}),
            )
            .await;
        let lead = s.claimed(&leads, "lead", "Slow Lead").await;
        s.follow_up("lead", &lead).await;
        let accounts = s
            .pool(
                "account",
                json!({"name": "Key accounts", "follow_up_within": "30d", "close_within": "5d"}),
            )
            .await;
        let account = s.claimed(&accounts, "account", "Winner SA").await;
        let deal =
            s.t.create(
                &s.ana,
                "opportunity",
                json!({"name": "Big deal", "account_id": account}),
            )
            .await;
        let won =
            s.t.http
                .patch(
                    &format!(
                        "/api/v1/records/opportunity/{}",
                        deal["id"].as_str().unwrap()
                    ),
                    Some(&s.ana),
                    &json!({"stage": "won"}),
                )
                .await;
        assert_eq!(won.status, 200, "{}", won.body);

        s.clock.advance(Duration::days(6));
        s.t.app.run_due_jobs().await.unwrap();
        assert!(
            s.owner("lead", &lead).await.is_null(),
            "follow-ups do not stop the closing clock"
        );
        assert_eq!(
            s.owner("account", &account).await,
            s.ana_id,
            "a won deal does"
        );
    }
}
