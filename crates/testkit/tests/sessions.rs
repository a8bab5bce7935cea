//! Browser sessions: an HttpOnly cookie renewed at every sign-in, anti-forgery tokens for writes,
//! idle and absolute timeouts, password change, and the security log of all of it.

use std::sync::Arc;

use chrono::{Duration, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::client::Reply;
use pelagic_testkit::{TestApp, backends, each_backend};
use serde_json::json;

const PASSWORD: &str = "correct horse battery staple";

/// Signs in; gives the reply (cookies, CSRF token) and the session cookie header to send back.
async fn sign_in(t: &TestApp, email: &str, headers: &[(&str, &str)]) -> (Reply, String) {
    let body = json!({ "email": email, "password": PASSWORD }).to_string();
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    let r = t
        .http
        .send("POST", "/api/v1/auth/login", None, &all, body.into_bytes())
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let session = r
        .set_cookies
        .iter()
        .find(|c| c.starts_with("pelagic_session="))
        .expect("a session cookie");
    let pair = session.split(';').next().unwrap().to_owned();
    (r, pair)
}

async fn with_cookie(
    t: &TestApp,
    method: &str,
    path: &str,
    cookie: &str,
    extra: &[(&str, &str)],
) -> Reply {
    let mut headers = vec![("cookie", cookie), ("content-type", "application/json")];
    headers.extend_from_slice(extra);
    let body = if method == "GET" {
        vec![]
    } else {
        json!({"name": "Cookie Co"}).to_string().into_bytes()
    };
    t.http.send(method, path, None, &headers, body).await
}

#[tokio::test]
async fn a_browser_session_lives_in_an_httponly_cookie_and_writes_need_the_csrf_token() {
    each_backend(|t| async move {
        t.user_token("ana@example.com", "sales").await;
        let (reply, cookie) = sign_in(&t, "ana@example.com", &[]).await;
        let session = reply
            .set_cookies
            .iter()
            .find(|c| c.starts_with("pelagic_session="))
            .unwrap();
        assert!(
            session.contains("HttpOnly") && session.contains("SameSite=Lax"),
            "{session}"
        );
        assert!(
            !session.contains("Secure"),
            "plain HTTP cannot keep a Secure cookie"
        );
        let csrf = reply.body["csrf_token"].as_str().unwrap().to_owned();
        assert!(
            reply
                .set_cookies
                .iter()
                .any(|c| c.starts_with(&format!("pelagic_csrf={csrf}")))
        );

        let list = with_cookie(&t, "GET", "/api/v1/records/account", &cookie, &[]).await;
        assert_eq!(list.status, 200, "reading needs only the cookie");
        let forged = with_cookie(&t, "POST", "/api/v1/records/account", &cookie, &[]).await;
        assert_eq!(
            forged.status, 403,
            "a cross-site form has no token: {}",
            forged.body
        );
        let wrong = with_cookie(
            &t,
            "POST",
            "/api/v1/records/account",
            &cookie,
            &[("x-csrf-token", "0123456789abcdef0123456789abcdef")],
        )
        .await;
        assert_eq!(wrong.status, 403);
        let ok = with_cookie(
            &t,
            "POST",
            "/api/v1/records/account",
            &cookie,
            &[("x-csrf-token", &csrf)],
        )
        .await;
        assert_eq!(ok.status, 201, "{}", ok.body);

        // The header is believed only from a trusted proxy (see `sign_in_throttle.rs`).
        let (claimed, _) = sign_in(&t, "ana@example.com", &[("x-forwarded-proto", "https")]).await;
        assert!(claimed.set_cookies.iter().all(|c| !c.contains("; Secure")));

        let out = with_cookie(
            &t,
            "POST",
            "/api/v1/auth/logout",
            &cookie,
            &[("x-csrf-token", &csrf)],
        )
        .await;
        assert_eq!(out.status, 204);
        assert!(
            out.set_cookies
                .iter()
                .any(|c| c.starts_with("pelagic_session=;") && c.contains("Max-Age=0"))
        );
        let after = with_cookie(&t, "GET", "/api/v1/records/account", &cookie, &[]).await;
        assert_eq!(after.status, 401);
    })
    .await;
}

#[tokio::test]
async fn signing_in_again_replaces_the_old_session() {
    each_backend(|t| async move {
        t.user_token("ana@example.com", "sales").await;
        let (_, old) = sign_in(&t, "ana@example.com", &[]).await;
        let (_, new) = sign_in(&t, "ana@example.com", &[("cookie", &old)]).await;
        assert_ne!(old, new);
        assert_eq!(
            with_cookie(&t, "GET", "/api/v1/me", &old, &[]).await.status,
            401
        );
        assert_eq!(
            with_cookie(&t, "GET", "/api/v1/me", &new, &[]).await.status,
            200
        );
    })
    .await;
}

#[tokio::test]
async fn a_session_ends_when_idle_and_at_its_absolute_limit_but_api_tokens_do_not_idle() {
    for backend in backends() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        let token = t.user_token("ana@example.com", "sales").await;
        let api = t
            .http
            .post("/api/v1/me/tokens", Some(&token), &json!({"name": "sync"}))
            .await;
        let api = api.body["token"].as_str().unwrap().to_owned();
        let me = |tok: String| {
            let t = &t;
            async move { t.http.get("/api/v1/me", Some(&tok)).await.status }
        };

        clock.advance(Duration::hours(11));
        assert_eq!(me(token.clone()).await, 200, "used within the idle limit");
        clock.advance(Duration::hours(13));
        assert_eq!(me(token.clone()).await, 401, "idle for 13 hours");
        assert_eq!(me(api.clone()).await, 200, "named API tokens do not idle");

        let (_, cookie) = sign_in(&t, "ana@example.com", &[]).await;
        for _ in 0..30 {
            clock.advance(Duration::hours(11));
            assert_eq!(
                with_cookie(&t, "GET", "/api/v1/me", &cookie, &[])
                    .await
                    .status,
                200
            );
        }
        clock.advance(Duration::hours(11));
        let status = with_cookie(&t, "GET", "/api/v1/me", &cookie, &[])
            .await
            .status;
        assert_eq!(status, 401, "past 14 days, however busy");
    }
}

#[tokio::test]
async fn changing_the_password_checks_the_old_one_and_ends_other_sessions() {
    each_backend(|t| async move {
        let here = t.user_token("ana@example.com", "sales").await;
        let elsewhere = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "ana@example.com", "password": PASSWORD}),
            )
            .await;
        let elsewhere = elsewhere.body["token"].as_str().unwrap().to_owned();
        let change =
            |current: &str, new: &str| json!({"current_password": current, "new_password": new});

        let wrong = t
            .http
            .post(
                "/api/v1/me/password",
                Some(&here),
                &change("guess", "a much better secret"),
            )
            .await;
        assert_eq!(wrong.status, 422);
        let short = t
            .http
            .post(
                "/api/v1/me/password",
                Some(&here),
                &change(PASSWORD, "short"),
            )
            .await;
        assert_eq!(short.status, 422);
        let ok = t
            .http
            .post(
                "/api/v1/me/password",
                Some(&here),
                &change(PASSWORD, "a much better secret"),
            )
            .await;
        assert_eq!(ok.status, 204, "{}", ok.body);

        assert_eq!(
            t.http.get("/api/v1/me", Some(&here)).await.status,
            200,
            "this session goes on"
        );
        assert_eq!(
            t.http.get("/api/v1/me", Some(&elsewhere)).await.status,
            401,
            "the others end"
        );
        let old = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "ana@example.com", "password": PASSWORD}),
            )
            .await;
        assert_eq!(old.status, 401);
        let new = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "ana@example.com", "password": "a much better secret"}),
            )
            .await;
        assert_eq!(new.status, 200);
    })
    .await;
}

#[tokio::test]
async fn sign_ins_failures_and_permission_changes_are_in_the_security_log() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let sales = t.user_token("ana@example.com", "sales").await;
        let bad = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "ana@example.com", "password": "nope"}),
            )
            .await;
        assert_eq!(bad.status, 401);
        let unknown = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "who@example.com", "password": "nope"}),
            )
            .await;
        assert_eq!(unknown.status, 401);
        let r = t
            .http
            .put(
                "/api/v1/admin/roles/sales/objects/account",
                Some(&admin),
                &json!({"read": "team"}),
            )
            .await;
        assert_eq!(r.status, 200, "{}", r.body);

        let log = t.http.get("/api/v1/admin/audit", Some(&admin)).await;
        assert_eq!(log.status, 200, "{}", log.body);
        let events = log.body["data"].as_array().unwrap();
        let actions: Vec<&str> = events
            .iter()
            .map(|e| e["action"].as_str().unwrap())
            .collect();
        assert_eq!(actions[0], "role_scopes", "newest first: {actions:?}");
        assert_eq!(events[0]["subject"], "sales/account");
        assert_eq!(events[0]["detail"]["read"], "team");
        let failed: Vec<_> = events
            .iter()
            .filter(|e| e["action"] == "login_failed")
            .collect();
        assert_eq!(failed.len(), 2);
        assert_eq!(
            failed[1]["user_id"],
            t.user_id(&sales).await,
            "a known account is named"
        );
        assert!(failed[0]["user_id"].is_null());
        assert_eq!(failed[0]["subject"], "who@example.com");
        assert!(actions.iter().filter(|a| **a == "login").count() >= 2);

        let only = t
            .http
            .get(
                "/api/v1/admin/audit?action=login_failed&limit=1",
                Some(&admin),
            )
            .await;
        assert_eq!(only.body["data"].as_array().unwrap().len(), 1);
        assert_eq!(
            t.http.get("/api/v1/admin/audit", Some(&sales)).await.status,
            403
        );
    })
    .await;
}
