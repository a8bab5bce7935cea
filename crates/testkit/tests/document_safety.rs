//! What a printed or kept document may never do: show its reader a value they may not read on
//! the record, write a merged value unescaped, or make the server fetch anything while it
//! prints.

use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn template(t: &TestApp, token: &str, name: &str, body: &str) -> pelagic_testkit::Reply {
    t.http
        .post(
            "/api/v1/document-templates",
            Some(token),
            &json!({"object": "quote", "name": name, "body": body}),
        )
        .await
}

/// A salesperson's quote for an account with revenue, phone and email.
async fn quote(t: &TestApp, token: &str) -> (Value, String) {
    let acct = t
        .create(
            token,
            "account",
            json!({"name": "Hidrocarburos del Sur", "phone": "+34 912 345 678", "email": "compras@hidrosur.es", "annual_revenue": "7654321", "annual_revenue_currency": "EUR"}),
        )
        .await;
    let q = t
        .create(
            token,
            "quote",
            json!({"name": "Válvulas", "account_id": acct["id"], "currency": "EUR"}),
        )
        .await;
    (acct, q["id"].as_str().unwrap().to_owned())
}

async fn keep(t: &TestApp, token: &str, quote: &str, template: &str) -> String {
    let r = t
        .http
        .post(
            &format!("/api/v1/records/quote/{quote}/documents"),
            Some(token),
            &json!({"template_id": template}),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.body);
    r.body["id"].as_str().unwrap().to_owned()
}

#[tokio::test]
async fn a_kept_document_is_refused_to_a_reader_who_may_not_read_what_it_holds() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let (_, id) = quote(&t, &ana).await;
        // From now on salespeople may not read the revenue, and see phones and emails masked.
        for (field, access) in [
            ("annual_revenue", "hidden"),
            ("phone", "masked"),
            ("email", "masked"),
        ] {
            let r = t
                .http
                .put(
                    &format!("/api/v1/admin/roles/sales/fields/account/{field}"),
                    Some(&admin),
                    &json!({"access": access}),
                )
                .await;
            assert_eq!(r.status, 200, "{}", r.body);
        }
        let secrets = template(
            &t,
            &admin,
            "Ficha",
            "{{ account.annual_revenue }} {{ account.phone }} {{ account.email }}",
        )
        .await;
        assert_eq!(secrets.status, 201, "{}", secrets.body);
        let tid = secrets.body["id"].as_str().unwrap().to_owned();

        // The administrator keeps a document on her quote: it holds the full values.
        let doc = keep(&t, &admin, &id, &tid).await;
        let by_admin = t
            .http
            .get(&format!("/api/v1/documents/{doc}"), Some(&admin))
            .await;
        assert_eq!(by_admin.status, 200);
        assert!(by_admin.text.contains("7654321") && by_admin.text.contains("compras@hidrosur.es"));

        // She may not open it: it holds what she may not read; the answer says which fields.
        let by_ana = t
            .http
            .get(&format!("/api/v1/documents/{doc}"), Some(&ana))
            .await;
        assert_eq!(by_ana.status, 403, "{}", by_ana.text);
        assert!(!by_ana.text.contains("7654321") && !by_ana.text.contains("hidrosur"));
        let message = by_ana.body["error"]["message"].as_str().unwrap();
        for field in ["account.annual_revenue", "account.phone", "account.email"] {
            assert!(message.contains(field), "{message}");
        }
        let pdf = t
            .http
            .get(&format!("/api/v1/documents/{doc}?format=pdf"), Some(&ana))
            .await;
        assert_eq!(pdf.status, 403, "nor as a PDF");
        // She still sees that it exists, and printing the template herself shows what she may.
        let listed = t
            .http
            .get(&format!("/api/v1/records/quote/{id}/documents"), Some(&ana))
            .await;
        assert_eq!(listed.body["data"][0]["id"], doc.as_str());
        let printed = t
            .http
            .get(
                &format!("/api/v1/records/quote/{id}/print?template={tid}"),
                Some(&ana),
            )
            .await;
        assert_eq!(printed.status, 200);
        assert!(
            !printed.text.contains("7654321") && !printed.text.contains("compras@hidrosur.es"),
            "{}",
            printed.text
        );

        // A document she keeps herself holds the masked values, so she may open it.
        let hers = keep(&t, &ana, &id, &tid).await;
        let mine = t
            .http
            .get(&format!("/api/v1/documents/{hers}"), Some(&ana))
            .await;
        assert_eq!(mine.status, 200, "{}", mine.text);
        assert!(!mine.text.contains("compras@hidrosur.es"));

        // A document holding only what she reads opens for her whoever kept it.
        let plain = template(
            &t,
            &admin,
            "Simple",
            "<p>{{ record.name }} {{ account.name }}</p>",
        )
        .await;
        let plain_doc = keep(&t, &admin, &id, plain.body["id"].as_str().unwrap()).await;
        let open = t
            .http
            .get(&format!("/api/v1/documents/{plain_doc}"), Some(&ana))
            .await;
        assert_eq!(open.status, 200, "{}", open.text);
        assert!(open.text.contains("Válvulas Hidrocarburos del Sur"));
    })
    .await;
}

#[tokio::test]
async fn merged_values_are_escaped_whatever_the_template_says() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let acct = t.create(&admin, "account", json!({"name": "<img src=x onerror=alert(1)>"})).await;
        let q = t
            .create(&admin, "quote", json!({"name": "<script>alert(2)</script>", "account_id": acct["id"], "currency": "EUR"}))
            .await;
        let id = q["id"].as_str().unwrap();
        for body in [
            "{% autoescape false %}{{ account.name }}{% endautoescape %}",
            "{{ record.name|safe }}",
            "{%- autoescape false -%}{{ record.name }}{%- endautoescape -%}",
        ] {
            let r = template(&t, &admin, "Raw", body).await;
            assert_eq!(r.status, 400, "{body}: {}", r.body);
            assert!(r.body["error"]["message"].as_str().unwrap().contains("escap"), "{}", r.body);
        }
        // Rendering escapes regardless: a macro or a filter block cannot bring raw values out.
        let r = template(&t, &admin, "Blocks", "{% filter upper %}{{ account.name }}{% endfilter %}|{% set n %}{{ record.name }}{% endset %}{{ n }}").await;
        assert_eq!(r.status, 201, "{}", r.body);
        let tid = r.body["id"].as_str().unwrap();
        let page = t.http.get(&format!("/api/v1/records/quote/{id}/print?template={tid}"), Some(&admin)).await;
        assert_eq!(page.status, 200, "{}", page.text);
        assert!(!page.text.contains("<script>alert") && !page.text.contains("<IMG"), "{}", page.text);
        assert!(page.text.contains("&lt;IMG") || page.text.contains("&lt;img"), "{}", page.text);
    })
    .await;
}

/// A listener on loopback that counts the connections made to it.
async fn listener() -> (u16, Arc<AtomicUsize>) {
    let socket = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let port = socket.local_addr().unwrap().port();
    let hits = Arc::new(AtomicUsize::new(0));
    let counted = hits.clone();
    tokio::spawn(async move {
        while let Ok((mut conn, _)) = socket.accept().await {
            counted.fetch_add(1, Ordering::SeqCst);
            use tokio::io::AsyncWriteExt;
            let _ = conn
                .write_all(
                    b"HTTP/1.1 200 OK\r\ncontent-type: text/html\r\ncontent-length: 2\r\n\r\nok",
                )
                .await;
        }
    });
    (port, hits)
}

#[tokio::test]
async fn printing_reaches_no_address_and_no_file() {
    each_backend(|t| async move {
        let pdf_here = pelagic_app::documents::pdf::chromium().is_some()
            || std::env::var_os("PELAGIC_REQUIRE_PDF").is_some();
        let admin = t.admin().await;
        let (_, id) = quote(&t, &admin).await;
        let (port, hits) = listener().await;
        let url = format!("http://127.0.0.1:{port}");
        // Every way a page can fetch, navigate or load; some written so that the tag only
        // appears once merged (`<{{ 'meta' }} …>`), which no check of the template can see.
        let attempts = [
            format!("<meta http-equiv=\"refresh\" content=\"0;url={url}/meta\">"),
            format!("<{{{{ 'meta' }}}} http-equiv=\"refresh\" content=\"0;url={url}/merged-meta\">"),
            format!("<iframe src=\"{url}/iframe\"></iframe>"),
            format!("<object data=\"{url}/object\"></object>"),
            format!("<embed src=\"{url}/embed\">"),
            format!("<img src=\"{url}/img\">"),
            format!("<link rel=\"stylesheet\" href=\"{url}/link\">"),
            format!("<link rel=\"prefetch\" href=\"{url}/prefetch\">"),
            format!("<link rel=\"dns-prefetch\" href=\"{url}\">"),
            format!("<style>@import url('{url}/import');</style>"),
            format!("<style>body {{ background: url('{url}/bg'); }}</style>"),
            format!("<style>@font-face {{ font-family: x; src: url('{url}/font'); }} p {{ font-family: x; }}</style><p>a</p>"),
            format!("<p style=\"background-image: url('{url}/inline')\">b</p>"),
            format!("<svg><image href=\"{url}/svg\" width=\"10\" height=\"10\"/></svg>"),
            format!("<video src=\"{url}/video\" autoplay></video>"),
            format!("<base href=\"{url}/\"><img src=\"relative.png\">"),
            format!("<script>fetch('{url}/script')</script>"),
            format!("<script src=\"{url}/script.js\"></script>"),
            "<iframe src=\"file:///etc/passwd\"></iframe><img src=\"file:///etc/hostname\">".to_owned(),
            "<meta http-equiv=\"refresh\" content=\"0;url=file:///etc/passwd\">".to_owned(),
        ];
        for (i, body) in attempts.iter().enumerate() {
            let r = template(&t, &admin, &format!("T{i}"), body).await;
            assert_eq!(r.status, 201, "{body}: {}", r.body);
            let tid = r.body["id"].as_str().unwrap();
            let html = t.http.get(&format!("/api/v1/records/quote/{id}/print?template={tid}"), Some(&admin)).await;
            assert_eq!(html.status, 200, "{}", html.text);
            // What the template made holds no element that fetches, navigates or runs (style
            // sheets stay; what they would fetch the page's policy and the browser refuse).
            let made = html.text.split("<body>").nth(1).unwrap_or_default();
            for tag in ["<meta", "<iframe", "<object", "<embed", "<link", "<base", "<script", "<svg", "<image", "<video", "<source", "src=\"http", "src=\"file", "=\"file:"] {
                assert!(!made.contains(tag), "{body} left {tag}: {made}");
            }
            if pdf_here {
                let pdf = t.http.get(&format!("/api/v1/records/quote/{id}/print?template={tid}&format=pdf"), Some(&admin)).await;
                assert_eq!(pdf.status, 200, "{body}: {}", pdf.text);
                let text = String::from_utf8_lossy(&pdf.bytes);
                assert!(!text.contains("root:x:0"), "{body} printed a file");
            }
        }
        tokio::time::sleep(std::time::Duration::from_millis(500)).await;
        assert_eq!(hits.load(Ordering::SeqCst), 0, "printing made the server connect to {url}");
    })
    .await;
}

#[tokio::test]
async fn six_prints_at_once_share_two_browsers() {
    // Without Chromium there is nothing to bound.
    if pelagic_app::documents::pdf::chromium().is_none() {
        return;
    }
    let t = TestApp::start(pelagic_testkit::backends()[0]).await;
    let ana = t.user_token("ana@example.com", "sales").await;
    let (_, id) = quote(&t, &ana).await;
    let mut handles = Vec::new();
    for _ in 0..6 {
        let http = t.http.clone();
        let (ana, id) = (ana.clone(), id.clone());
        handles.push(tokio::spawn(async move {
            http.get(
                &format!("/api/v1/records/quote/{id}/print?format=pdf"),
                Some(&ana),
            )
            .await
        }));
    }
    let mut most = 0;
    for _ in 0..100 {
        let running = pelagic_app::documents::pdf::printing_now();
        most = most.max(running);
        tokio::time::sleep(std::time::Duration::from_millis(50)).await;
    }
    for h in handles {
        let r = h.await.unwrap();
        assert!(r.status == 200 || r.status == 503, "{}", r.status);
        if r.status == 503 {
            assert_eq!(r.header("retry-after"), "5");
        }
    }
    assert_eq!(most, 2, "two browsers print at once, never more");
}
