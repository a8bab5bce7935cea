//! Wrong passwords lock out the address that sent them, not the account's owner: an attacker
//! elsewhere cannot keep anyone out, an address trying many accounts is stopped, an account
//! attacked from everywhere slows down but still lets its owner in. Behind a trusted proxy the
//! client is the one it names; anyone else's `X-Forwarded-For` is ignored. The sign-in form is
//! tied to the browser it was given to, and HTTPS responses pin cookies and browsers to HTTPS.

use std::time::Instant;

use pelagic_testkit::browser::sign_in_form;
use pelagic_testkit::{Reply, TestApp, backends};
use serde_json::json;

const PASSWORD: &str = "correct horse battery staple";

fn behind_proxy() -> pelagic_web::Edge {
    pelagic_web::Edge {
        trusted_proxies: pelagic_web::Edge::parse_proxies("127.0.0.1").unwrap(),
        public_https: false,
    }
}

async fn sign_in(t: &TestApp, email: &str, password: &str, from: &str) -> Reply {
    sign_in_with(t, email, password, &[("x-forwarded-for", from)]).await
}

/// Signs in through the API with extra request headers.
async fn sign_in_with(t: &TestApp, email: &str, password: &str, headers: &[(&str, &str)]) -> Reply {
    let body = serde_json::to_vec(&json!({"email": email, "password": password})).unwrap();
    let mut all = vec![("content-type", "application/json")];
    all.extend_from_slice(headers);
    t.http
        .send("POST", "/api/v1/auth/login", None, &all, body)
        .await
}

#[tokio::test]
async fn wrong_passwords_from_one_address_do_not_lock_the_owner_out() {
    for backend in backends() {
        let t = TestApp::start_behind(backend, behind_proxy()).await;
        t.user_token("ana@example.com", "sales").await;
        for _ in 0..5 {
            let r = sign_in(&t, "ana@example.com", "guess", "203.0.113.5").await;
            assert_eq!(r.status, 401, "{}", r.text);
        }
        let r = sign_in(&t, "ana@example.com", PASSWORD, "203.0.113.5").await;
        assert_eq!(
            r.status, 429,
            "the attacker's address is stopped, even with the right password"
        );
        assert_eq!(r.header("retry-after"), "60");
        let owner = sign_in(&t, "ana@example.com", PASSWORD, "198.51.100.7").await;
        assert_eq!(
            owner.status, 200,
            "the owner elsewhere signs in: {}",
            owner.text
        );
    }
}

#[tokio::test]
async fn an_address_trying_many_accounts_is_stopped() {
    for backend in backends() {
        let t = TestApp::start_behind(backend, behind_proxy()).await;
        t.user_token("bo@example.com", "sales").await;
        for i in 0..30 {
            let r = sign_in(
                &t,
                &format!("nobody{i}@example.com"),
                "guess",
                "203.0.113.9",
            )
            .await;
            assert_eq!(r.status, 401);
        }
        let r = sign_in(&t, "bo@example.com", PASSWORD, "203.0.113.9").await;
        assert_eq!(r.status, 429, "{}", r.text);
        assert_eq!(
            sign_in(&t, "bo@example.com", PASSWORD, "198.51.100.8")
                .await
                .status,
            200
        );
    }
}

#[tokio::test]
async fn an_account_attacked_from_many_addresses_slows_down_but_lets_its_owner_in() {
    let t = TestApp::start_behind(backends()[0], behind_proxy()).await;
    t.user_token("cy@example.com", "sales").await;
    for i in 0..11 {
        let r = sign_in(
            &t,
            "cy@example.com",
            "guess",
            &format!("203.0.113.{}", 20 + i),
        )
        .await;
        assert_eq!(r.status, 401);
    }
    let started = Instant::now();
    let r = sign_in(&t, "cy@example.com", PASSWORD, "198.51.100.9").await;
    assert_eq!(r.status, 200, "{}", r.text);
    assert!(
        started.elapsed().as_millis() >= 1_000,
        "slowed down: {:?}",
        started.elapsed()
    );
}

#[tokio::test]
async fn a_forwarded_address_from_anyone_but_a_trusted_proxy_is_ignored() {
    let t = TestApp::start(backends()[0]).await;
    t.user_token("di@example.com", "sales").await;
    for i in 0..5 {
        let r = sign_in(&t, "di@example.com", "guess", &format!("203.0.113.{i}")).await;
        assert_eq!(r.status, 401);
    }
    // All five came from this connection's address, whatever they claimed.
    let r = sign_in(&t, "di@example.com", PASSWORD, "198.51.100.10").await;
    assert_eq!(r.status, 429, "{}", r.text);
}

#[tokio::test]
async fn the_sign_in_form_only_works_from_the_browser_it_was_given_to() {
    let t = TestApp::start(backends()[0]).await;
    t.user_token("eva@example.com", "sales").await;
    let forged = t
        .http
        .send(
            "POST",
            "/login",
            None,
            &[("content-type", "application/x-www-form-urlencoded")],
            b"email=eva%40example.com&password=correct+horse+battery+staple".to_vec(),
        )
        .await;
    assert_eq!(forged.status, 403, "{}", forged.text);
    assert!(
        !forged
            .set_cookies
            .iter()
            .any(|c| c.starts_with("pelagic_session=")),
        "a form posted from elsewhere signs nobody in"
    );
    assert!(
        forged.text.contains("eva@example.com"),
        "what was typed is kept"
    );
    let ok = sign_in_form(&t, "eva@example.com", PASSWORD, None).await;
    assert_eq!(ok.status, 303, "{}", ok.text);
}

#[tokio::test]
async fn over_https_cookies_are_secure_and_browsers_are_pinned_to_it() {
    let https = pelagic_web::Edge {
        trusted_proxies: pelagic_web::Edge::parse_proxies("127.0.0.1").unwrap(),
        public_https: false,
    };
    let t = TestApp::start_behind(backends()[0], https).await;
    t.user_token("fe@example.com", "sales").await;
    let send = |proto: &'static str| {
        let t = &t;
        async move {
            sign_in_with(
                t,
                "fe@example.com",
                PASSWORD,
                &[("x-forwarded-proto", proto)],
            )
            .await
        }
    };
    let secure = send("https").await;
    assert_eq!(secure.status, 200);
    assert!(
        secure.set_cookies.iter().all(|c| c.contains("; Secure")),
        "{:?}",
        secure.set_cookies
    );
    assert!(
        secure
            .header("strict-transport-security")
            .contains("max-age=")
    );
    let plain = send("http").await;
    assert!(plain.set_cookies.iter().all(|c| !c.contains("; Secure")));
    assert_eq!(plain.header("strict-transport-security"), "");

    // A public https address makes every response HTTPS, proxy or not.
    let public = pelagic_web::Edge {
        trusted_proxies: vec![],
        public_https: true,
    };
    let t = TestApp::start_behind(backends()[0], public).await;
    t.user_token("ha@example.com", "sales").await;
    let page = t.http.get("/login", None).await;
    assert!(
        page.header("strict-transport-security")
            .contains("max-age=")
    );
    assert!(
        page.set_cookies.iter().all(|c| c.contains("; Secure")),
        "{:?}",
        page.set_cookies
    );
}

#[tokio::test]
async fn pages_carry_the_security_headers() {
    let t = TestApp::start(backends()[0]).await;
    t.user_token("gu@example.com", "sales").await;
    let page = t.http.get("/login", None).await;
    assert_eq!(page.status, 200);
    let policy = page.header("content-security-policy");
    assert!(
        policy.contains("script-src 'self'") && !policy.contains("unsafe-inline"),
        "{policy}"
    );
    assert!(policy.contains("frame-ancestors 'none'"), "{policy}");
    assert_eq!(page.header("x-frame-options"), "DENY");
    assert_eq!(page.header("x-content-type-options"), "nosniff");
    assert_eq!(
        page.header("referrer-policy"),
        "strict-origin-when-cross-origin"
    );
    assert_eq!(
        page.header("strict-transport-security"),
        "",
        "not over plain HTTP"
    );
    assert!(
        !page.text.contains("<script>"),
        "no inline script on the page"
    );
    let api = t.http.get("/api/v1/me", None).await;
    assert_eq!(api.header("x-content-type-options"), "nosniff");
}
