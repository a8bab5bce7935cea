//! Signing in, tokens and the 401 wall around the API.

use pelagic_testkit::each_backend;
use serde_json::json;

#[tokio::test]
async fn a_user_signs_in_gets_a_token_and_signing_out_ends_it() {
    each_backend(|t| async move {
        let token = t.user_token("maria@example.com", "sales").await;
        let me = t.http.get("/api/v1/me", Some(&token)).await;
        assert_eq!(me.status, 200);
        assert_eq!(me.body["role"], "sales");
        assert_eq!(
            t.http
                .post("/api/v1/auth/logout", Some(&token), &json!({}))
                .await
                .status,
            204
        );
        let after = t.http.get("/api/v1/records/account", Some(&token)).await;
        assert_eq!(after.status, 401);
        assert_eq!(after.body["error"]["code"], "unauthenticated");
    })
    .await;
}

#[tokio::test]
async fn a_wrong_email_and_a_wrong_password_get_the_same_answer() {
    each_backend(|t| async move {
        t.user_token("ivan@example.com", "sales").await;
        let wrong_password = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "ivan@example.com", "password": "nope nope nope"}),
            )
            .await;
        let wrong_email = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "nobody@example.com", "password": "nope nope nope"}),
            )
            .await;
        assert_eq!(wrong_password.status, 401);
        assert_eq!(wrong_password.body, wrong_email.body);
        let right_case = t
            .http
            .post(
                "/api/v1/auth/login",
                None,
                &json!({"email": "IVAN@example.com", "password": "correct horse battery staple"}),
            )
            .await;
        assert_eq!(right_case.status, 200, "emails are not case-sensitive");
    })
    .await;
}

#[tokio::test]
async fn every_api_route_but_login_refuses_a_missing_or_forged_token() {
    each_backend(|t| async move {
        for path in [
            "/api/v1/records/account",
            "/api/v1/meta/objects",
            "/api/v1/me",
            "/api/v1/records/account/x",
        ] {
            for token in [None, Some("pel_forged"), Some("not-even-close")] {
                let r = t.http.get(path, token).await;
                assert_eq!(r.status, 401, "{path} with {token:?}");
                assert_eq!(r.body["error"]["code"], "unauthenticated");
            }
        }
        assert_eq!(
            t.http.get("/healthz", None).await.body,
            json!({"status": "ok"})
        );
        assert_eq!(t.http.get("/api/openapi.json", None).await.status, 200);
    })
    .await;
}

#[tokio::test]
async fn a_named_api_token_works_until_it_is_revoked() {
    each_backend(|t| async move {
        let session = t.user_token("li@example.com", "sales").await;
        let made = t
            .http
            .post(
                "/api/v1/me/tokens",
                Some(&session),
                &json!({"name": "import script"}),
            )
            .await;
        assert_eq!(made.status, 201);
        let api_token = made.body["token"].as_str().unwrap().to_owned();
        assert_eq!(
            t.http
                .get("/api/v1/records/lead", Some(&api_token))
                .await
                .status,
            200
        );
        let id = made.body["id"].as_str().unwrap();
        assert_eq!(
            t.http
                .delete(&format!("/api/v1/me/tokens/{id}"), Some(&session))
                .await
                .status,
            204
        );
        assert_eq!(
            t.http
                .get("/api/v1/records/lead", Some(&api_token))
                .await
                .status,
            401
        );
    })
    .await;
}

#[tokio::test]
async fn repeated_wrong_passwords_answer_429_until_the_wait_is_over() {
    for backend in pelagic_testkit::backends() {
        let clock = std::sync::Arc::new(pelagic_app::clock::ManualClock::new(chrono::Utc::now()));
        let t = pelagic_testkit::TestApp::start_with_clock(backend, clock.clone()).await;
        t.user_token("li@example.com", "sales").await;
        let attempt = |email: &'static str, password: &'static str| {
            let http = t.http.clone();
            async move {
                http.post(
                    "/api/v1/auth/login",
                    None,
                    &json!({"email": email, "password": password}),
                )
                .await
            }
        };
        let mut statuses = Vec::new();
        for _ in 0..10 {
            statuses.push(attempt("li@example.com", "wrong password!").await.status);
        }
        assert_eq!(
            statuses,
            [401, 401, 401, 401, 401, 429, 429, 429, 429, 429],
            "on {backend:?}"
        );
        let limited = attempt("li@example.com", "correct horse battery staple").await;
        assert_eq!(limited.status, 429, "even the right password waits");
        assert_eq!(limited.body["error"]["code"], "rate_limited");

        let mut unknown = Vec::new();
        for _ in 0..6 {
            unknown.push(
                attempt("nobody@example.com", "wrong password!")
                    .await
                    .status,
            );
        }
        assert_eq!(
            unknown,
            [401, 401, 401, 401, 401, 429],
            "an unknown email behaves the same"
        );

        clock.advance(chrono::Duration::minutes(16));
        let ok = attempt("li@example.com", "correct horse battery staple").await;
        assert_eq!(ok.status, 200, "on {backend:?}: {}", ok.body);
    }
}
