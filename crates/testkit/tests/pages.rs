//! The web interface as a browser without scripts uses it: first run, sign in and out, home,
//! lists and record pages, in the user's language, with permissions honoured.

use pelagic_testkit::browser::sign_in_form;
use pelagic_testkit::client::Reply;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::json;

const FORM: (&str, &str) = ("content-type", "application/x-www-form-urlencoded");

async fn get(t: &TestApp, path: &str, cookie: Option<&str>, lang: &str) -> Reply {
    let mut headers = vec![("accept-language", lang)];
    if let Some(c) = cookie {
        headers.push(("cookie", c));
    }
    t.http.send("GET", path, None, &headers, vec![]).await
}

async fn post_form(t: &TestApp, path: &str, cookie: Option<&str>, body: &str) -> Reply {
    let mut headers = vec![FORM];
    if let Some(c) = cookie {
        headers.push(("cookie", c));
    }
    t.http
        .send("POST", path, None, &headers, body.as_bytes().to_vec())
        .await
}

/// The `name=value` pairs of the cookies a reply sets, joined for a `Cookie` header.
fn cookies(r: &Reply) -> String {
    r.set_cookies
        .iter()
        .filter_map(|c| c.split(';').next())
        .collect::<Vec<_>>()
        .join("; ")
}

fn csrf_of(cookie: &str) -> String {
    cookie
        .split("; ")
        .find_map(|c| c.strip_prefix("pelagic_csrf="))
        .unwrap()
        .to_owned()
}

#[tokio::test]
async fn the_first_visitor_creates_the_company_and_lands_signed_in_at_home() {
    each_backend(|t| async move {
        let first = get(&t, "/", None, "zh-CN,zh;q=0.9").await;
        assert_eq!(first.status, 303);
        let setup = get(&t, "/setup", None, "zh-CN,zh;q=0.9").await;
        assert_eq!(setup.status, 200);
        assert!(setup.text.contains("<html lang=\"zh-CN\">") && setup.text.contains("公司"), "{}", setup.text);

        let short = post_form(&t, "/setup", None, "company=Acme&currency=CNY&region=CN&time_zone=Asia%2FShanghai&language=zh-CN&name=%E7%8E%8B%E8%8A%B3&email=wang%40acme.example&password=short").await;
        assert_eq!(short.status, 422, "a short password is refused on the page");
        let done = post_form(&t, "/setup", None, "company=Acme&currency=CNY&region=CN&time_zone=Asia%2FShanghai&language=zh-CN&name=%E7%8E%8B%E8%8A%B3&email=wang%40acme.example&password=a+long+enough+secret").await;
        assert_eq!(done.status, 303, "{}", done.text);
        let cookie = cookies(&done);
        assert!(cookie.contains("pelagic_session="));

        let home = get(&t, "/", Some(&cookie), "en").await;
        assert_eq!(home.status, 200);
        assert!(home.text.contains("王芳"), "greets the administrator");
        assert!(home.text.contains("客户"), "in the language chosen at setup, not the browser's");
        let again = get(&t, "/setup", None, "en").await;
        assert_eq!(again.status, 303, "setup happens once");
    })
    .await;
}

#[tokio::test]
async fn signing_in_and_out_with_the_form() {
    each_backend(|t| async move {
        t.user_token("ana@example.com", "sales").await;
        let wrong = sign_in_form(&t, "ana@example.com", "nope", None).await;
        assert_eq!(wrong.status, 401);
        assert!(wrong.text.contains("wrong"), "{}", wrong.text);
        let ok = sign_in_form(&t, "ana@example.com", "correct horse battery staple", None).await;
        assert_eq!(ok.status, 303);
        let cookie = cookies(&ok);
        assert_eq!(get(&t, "/o/account", Some(&cookie), "en").await.status, 200);

        let forged = post_form(&t, "/logout", Some(&cookie), "").await;
        assert_eq!(
            forged.status, 403,
            "a form from elsewhere cannot sign anyone out"
        );
        let out = post_form(
            &t,
            "/logout",
            Some(&cookie),
            &format!("_csrf={}", csrf_of(&cookie)),
        )
        .await;
        assert_eq!(out.status, 303);
        let after = get(&t, "/o/account", Some(&cookie), "en").await;
        assert_eq!(after.status, 303, "back to the sign-in page");
    })
    .await;
}

#[tokio::test]
async fn lists_and_record_pages_show_what_the_user_may_see_in_their_language() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let r = t
            .http
            .put(
                "/api/v1/admin/roles/sales/fields/account/phone",
                Some(&admin),
                &json!({"access": "masked"}),
            )
            .await;
        assert_eq!(r.status, 200);
        let r = t
            .http
            .put(
                "/api/v1/admin/roles/sales/fields/account/email",
                Some(&admin),
                &json!({"access": "hidden"}),
            )
            .await;
        assert_eq!(r.status, 200);
        t.user_token("ana@example.com", "sales").await;
        let ana = t
            .user_id(&t.user_token("ana2@example.com", "sales").await)
            .await;
        let mine = t
            .create(
                &admin,
                "account",
                json!({"name": "Fábrica <Norte>", "type": "customer", "phone": "+34 912 345 678",
                "email": "hidden@norte.example", "owner_id": ana}),
            )
            .await;
        t.create(&admin, "account", json!({"name": "Someone Else's"}))
            .await;

        let signed_in =
            sign_in_form(&t, "ana2@example.com", "correct horse battery staple", None).await;
        let cookie = cookies(&signed_in);
        let list = get(&t, "/o/account", Some(&cookie), "es-ES,es;q=0.9").await;
        assert_eq!(list.status, 200);
        assert!(
            list.text.contains("Fábrica &#60;Norte&#62;") && !list.text.contains("<Norte>"),
            "escaped: {}",
            list.text
        );
        assert!(
            !list.text.contains("Someone Else"),
            "only what the user may read"
        );
        assert!(!list.text.contains("hidden@norte"));
        assert!(list.text.contains("****"), "the phone is masked");

        let id = mine["id"].as_str().unwrap();
        let page = get(&t, &format!("/o/account/{id}"), Some(&cookie), "en").await;
        assert_eq!(page.status, 200);
        assert!(
            page.text.contains("Customer"),
            "option labels, not API values"
        );
        assert!(!page.text.contains("hidden@norte"));
        let sorted = get(&t, "/o/account?sort=-name&q=norte", Some(&cookie), "en").await;
        assert_eq!(sorted.status, 200);
        assert!(sorted.text.contains("Fábrica"));
        let missing = get(
            &t,
            "/o/account/00000000-0000-0000-0000-000000000000",
            Some(&cookie),
            "en",
        )
        .await;
        assert_eq!(missing.status, 404);
        let unknown = get(&t, "/o/nothing", Some(&cookie), "en").await;
        assert_eq!(unknown.status, 404);
    })
    .await;
}

#[tokio::test]
async fn the_profile_page_switches_the_language_and_refuses_a_bad_time_zone() {
    each_backend(|t| async move {
        t.user_token("ana@example.com", "sales").await;
        let ok = sign_in_form(&t, "ana@example.com", "correct horse battery staple", None).await;
        let cookie = cookies(&ok);
        let csrf = csrf_of(&cookie);
        let bad = post_form(
            &t,
            "/profile",
            Some(&cookie),
            &format!("_csrf={csrf}&language=ru&time_zone=Mars%2FOlympus"),
        )
        .await;
        assert_eq!(bad.status, 422);
        let forged = post_form(
            &t,
            "/profile",
            Some(&cookie),
            "language=ru&time_zone=Europe%2FMoscow",
        )
        .await;
        assert_eq!(forged.status, 403);
        let saved = post_form(
            &t,
            "/profile",
            Some(&cookie),
            &format!("_csrf={csrf}&language=ru&time_zone=Europe%2FMoscow"),
        )
        .await;
        assert_eq!(saved.status, 303);
        let list = get(&t, "/o/account", Some(&cookie), "en").await;
        assert!(
            list.text.contains("<html lang=\"ru\">"),
            "the user's language beats the browser's"
        );
        assert!(
            list.text.contains("Компании") || list.text.contains("Клиенты"),
            "{}",
            list.text
        );
    })
    .await;
}

#[tokio::test]
async fn the_list_filters_on_several_conditions_and_refuses_a_field_the_user_cannot_read() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let r = t
            .http
            .put("/api/v1/admin/roles/sales/fields/account/email", Some(&admin), &json!({"access": "hidden"}))
            .await;
        assert_eq!(r.status, 200);
        t.user_token("ana@example.com", "sales").await;
        let signed_in = sign_in_form(&t, "ana@example.com", "correct horse battery staple", None).await;
        let cookie = cookies(&signed_in);
        for (name, kind) in [("Alpha Tea", "customer"), ("Beta Tea", "customer"), ("Gamma Coffee", "customer"), ("Delta Tea", "partner")] {
            let r = post_form(&t, "/o/account/new", Some(&cookie), &format!("_csrf={}&name={}&type={kind}", csrf_of(&cookie), name.replace(' ', "+"))).await;
            assert_eq!(r.status, 303, "{}", r.text);
        }
        let list = get(&t, "/o/account?c0.f=type&c0.o=eq&c0.v=customer&c1.f=name&c1.o=contains&c1.v=tea&s0=type&d0=asc&s1=name&d1=desc", Some(&cookie), "en").await;
        assert_eq!(list.status, 200);
        let beta = list.text.find("Beta Tea").expect("Beta Tea listed");
        let alpha = list.text.find("Alpha Tea").expect("Alpha Tea listed");
        assert!(beta < alpha, "name descending after type");
        assert!(!list.text.contains("Gamma Coffee") && !list.text.contains("Delta Tea"));
        assert!(list.text.contains("c1.v=tea"), "paging and sorting links keep the conditions");

        let any = get(&t, "/o/account?match=any&c0.f=type&c0.o=eq&c0.v=partner&c1.f=name&c1.o=starts_with&c1.v=gamma", Some(&cookie), "en").await;
        assert!(any.text.contains("Delta Tea") && any.text.contains("Gamma Coffee") && !any.text.contains("Alpha Tea"));

        let hidden = get(&t, "/o/account?c0.f=email&c0.o=contains&c0.v=a", Some(&cookie), "en").await;
        assert_eq!(hidden.status, 400, "a hidden field cannot be filtered on");
        assert!(!hidden.text.contains("Alpha Tea"));
    })
    .await;
}

#[tokio::test]
async fn a_saved_view_is_kept_for_its_owner_or_shared_with_their_team() {
    each_backend(|t| async move {
        t.member_token("ana@example.com", "sales", Some("East"))
            .await;
        t.member_token("bo@example.com", "sales", Some("East"))
            .await;
        t.member_token("cy@example.com", "sales", Some("West"))
            .await;
        let browser = |email: &'static str| {
            let t = &t;
            async move {
                cookies(&sign_in_form(t, email, "correct horse battery staple", None).await)
            }
        };
        let ana = browser("ana@example.com").await;
        let query = "c0.f%3Dtype%26c0.o%3Deq%26c0.v%3Dcustomer";
        let mine = post_form(
            &t,
            "/o/account/views",
            Some(&ana),
            &format!("_csrf={}&name=Mine&query={query}", csrf_of(&ana)),
        )
        .await;
        assert_eq!(mine.status, 303);
        let team = post_form(
            &t,
            "/o/account/views",
            Some(&ana),
            &format!(
                "_csrf={}&name=Team+customers&query={query}&shared=true",
                csrf_of(&ana)
            ),
        )
        .await;
        assert_eq!(team.status, 303);
        let forged = post_form(
            &t,
            "/o/account/views",
            Some(&ana),
            &format!("name=Forged&query={query}"),
        )
        .await;
        assert_eq!(forged.status, 403);

        let own = get(&t, "/o/account", Some(&ana), "en").await;
        assert!(own.text.contains("Mine") && own.text.contains("Team customers"));
        let teammate = get(
            &t,
            "/o/account",
            Some(&browser("bo@example.com").await),
            "en",
        )
        .await;
        assert!(teammate.text.contains("Team customers") && !teammate.text.contains(">Mine<"));
        let other_team = get(
            &t,
            "/o/account",
            Some(&browser("cy@example.com").await),
            "en",
        )
        .await;
        assert!(!other_team.text.contains("Team customers"));
    })
    .await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn two_first_runs_at_once_make_one_administrator() {
    each_backend(|t| async move {
        let attempts = ["first@acme.example", "second@acme.example"].map(|email| {
            let app = t.app.clone();
            tokio::spawn(async move {
                let run = pelagic_app::setup::FirstRun {
                    company: "Acme".into(),
                    currency: "EUR".into(),
                    region: "ES".into(),
                    time_zone: "Europe/Madrid".into(),
                    language: "es".into(),
                    name: "Admin".into(),
                    email: email.into(),
                    password: "a long enough secret".into(),
                };
                let client = pelagic_app::auth::Client {
                    address: None,
                    previous_session: None,
                };
                app.first_run(&run, client).await.is_ok()
            })
        });
        let mut made = 0;
        for a in attempts {
            made += usize::from(a.await.unwrap());
        }
        assert_eq!(made, 1, "one first run creates the administrator");
        let admin = t
            .app
            .users(&t.app.authenticate(&t.admin().await).await.unwrap().actor)
            .await
            .unwrap();
        assert_eq!(
            admin
                .iter()
                .filter(|u| u.email.ends_with("@acme.example"))
                .count(),
            1
        );
    })
    .await;
}

#[tokio::test]
async fn every_page_names_an_icon_and_the_browser_finds_it() {
    each_backend(|t| async move {
        t.user_token("ana@example.com", "sales").await;
        let login = get(&t, "/login", None, "zh-CN").await;
        assert!(
            login
                .text
                .contains(r#"<link rel="icon" href="/static/icon.svg""#)
        );
        for path in ["/favicon.ico", "/static/icon.svg"] {
            let icon = get(&t, path, None, "en").await;
            assert_eq!(icon.status, 200, "{path}");
            assert_eq!(icon.content_type, "image/svg+xml", "{path}");
            assert!(icon.text.starts_with("<svg"), "{path}");
        }
    })
    .await;
}
