//! Printable documents: a quote printed with Chinese, Cyrillic and accented text to HTML and
//! PDF, templates that cannot reach what their author may not read, documents kept with the
//! record, and a sent document on the account's timeline.

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn quote_with_lines(t: &TestApp, token: &str) -> (Value, Value) {
    let acct = t
        .create(
            token,
            "account",
            json!({"name": "北京<b>星河</b>科技", "phone": "+86 10 6552 9988"}),
        )
        .await;
    let quote = t
        .create(token, "quote", json!({"name": "Предложение для 星河 — año 2027", "account_id": acct["id"], "currency": "CNY", "terms": "付款条件：30 天"}))
        .await;
    let id = quote["id"].as_str().unwrap();
    for (d, q, p) in [
        ("服务器 R740", "2", "35000"),
        ("Монтаж и настройка", "1", "4800"),
        ("Formación técnica", "3", "1200"),
    ] {
        t.create(token, "quote_line", json!({"quote_id": id, "description": d, "quantity": q, "unit_price": p, "unit_price_currency": "CNY"}))
            .await;
    }
    (acct, quote)
}

#[tokio::test]
async fn a_quote_prints_to_html_and_pdf_with_its_chinese_and_cyrillic_text() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let (_, quote) = quote_with_lines(&t, &ana).await;
        let id = quote["id"].as_str().unwrap();
        let html = t
            .http
            .get(&format!("/api/v1/records/quote/{id}/print"), Some(&ana))
            .await;
        assert_eq!(html.status, 200, "{}", html.text);
        let page = html.text.clone();
        for text in [
            "服务器 R740",
            "Монтаж и настройка",
            "Formación técnica",
            "付款条件：30 天",
            "CN¥78,400.00",
            "<td class=\"n\">2 </td>",
        ] {
            assert!(page.contains(text), "{text} missing from {page}");
        }
        assert!(
            page.contains("北京&lt;b&gt;星河&lt;&#x2f;b&gt;科技")
                || page.contains("北京&lt;b&gt;星河&lt;/b&gt;科技"),
            "merged values are escaped: {page}"
        );
        assert!(html.header("content-security-policy").contains("sandbox"));

        let pdf = t
            .http
            .get(
                &format!("/api/v1/records/quote/{id}/print?format=pdf"),
                Some(&ana),
            )
            .await;
        if pelagic_app::documents::pdf::chromium().is_some()
            || std::env::var_os("PELAGIC_REQUIRE_PDF").is_some()
        {
            assert_eq!(pdf.status, 200, "{}", pdf.text);
            assert_eq!(pdf.content_type.as_str(), "application/pdf");
            assert!(pdf.bytes.starts_with(b"%PDF"));
            let fonts = String::from_utf8_lossy(&pdf.bytes);
            assert!(
                fonts.contains("CJK"),
                "the Chinese text is set in a CJK font"
            );
        } else {
            assert_eq!(
                pdf.status, 503,
                "without Chromium, PDF is unavailable, said plainly"
            );
            assert!(pdf.text.contains("chromium"), "{}", pdf.text);
        }
        let bad = t
            .http
            .get(
                &format!("/api/v1/records/quote/{id}/print?format=docx"),
                Some(&ana),
            )
            .await;
        assert_eq!(bad.status, 400);
        let other = t.user_token("bo@example.com", "sales").await;
        let hidden = t
            .http
            .get(&format!("/api/v1/records/quote/{id}/print"), Some(&other))
            .await;
        assert_eq!(
            hidden.status, 404,
            "a colleague's quote does not print for someone who cannot read it"
        );
    })
    .await;
}

#[tokio::test]
async fn a_template_reaches_nothing_its_author_may_not_read() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        for (object, field) in [("quote", "discount_amount"), ("account", "phone")] {
            let r = t.http.put(&format!("/api/v1/admin/roles/manager/fields/{object}/{field}"), Some(&admin), &json!({"access": "hidden"})).await;
            assert_eq!(r.status, 200, "{}", r.body);
        }
        let boss = t.user_token("boss@example.com", "manager").await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let (_, quote) = quote_with_lines(&t, &ana).await;
        let id = quote["id"].as_str().unwrap();

        let named = t.http.post("/api/v1/document-templates", Some(&boss), &json!({"object": "quote", "name": "Sneaky", "body": "{{ record.discount_amount }}"})).await;
        assert_eq!(named.status, 403, "{}", named.body);
        let unknown = t.http.post("/api/v1/document-templates", Some(&boss), &json!({"object": "quote", "name": "Typo", "body": "{{ record.totl }}"})).await;
        assert_eq!(unknown.status, 400, "{}", unknown.body);
        let broken = t.http.post("/api/v1/document-templates", Some(&boss), &json!({"object": "quote", "name": "Broken", "body": "{% for x in %}"})).await;
        assert_eq!(broken.status, 400, "{}", broken.body);
        let by_sales = t.http.post("/api/v1/document-templates", Some(&ana), &json!({"object": "quote", "name": "Mine", "body": "hi"})).await;
        assert_eq!(by_sales.status, 403, "salespeople print, they do not write templates");

        // Walking over every field of the account cannot find the phone the author may not read,
        // even when the reader may.
        let sneaky = "{% for k, v in account|items %}[{{ k }}={{ v }}]{% endfor %}{% for l in lines %}<{{ l.description }}>{% endfor %}";
        let saved = t.http.post("/api/v1/document-templates", Some(&boss), &json!({"object": "quote", "name": "Walker", "body": sneaky})).await;
        assert_eq!(saved.status, 201, "{}", saved.body);
        let tid = saved.body["id"].as_str().unwrap();
        let printed = t.http.get(&format!("/api/v1/records/quote/{id}/print?template={tid}"), Some(&ana)).await;
        assert_eq!(printed.status, 200, "{}", printed.text);
        let page = printed.text.clone();
        assert!(page.contains("[name=北京"), "{page}");
        assert!(page.contains("&lt;服务器 R740&gt;"), "{page}");
        assert!(!page.contains("6552"), "the phone the author may not read stays out: {page}");
        let phone = t.http.get(&format!("/api/v1/records/account/{}", quote["account_id"].as_str().unwrap()), Some(&ana)).await;
        assert!(phone.body["phone"].as_str().unwrap_or_default().contains("6552"), "though the reader may read it");

        // The editor's preview is bounded the same way.
        let preview = t.http.post("/api/v1/document-templates/preview", Some(&boss), &json!({"object": "quote", "record_id": id, "body": "{{ record.discount_amount }}"})).await;
        assert_eq!(preview.status, 403);
        let preview = t.http.post("/api/v1/document-templates/preview", Some(&admin), &json!({"object": "quote", "record_id": id, "body": "<p>{{ record.name }}</p>"})).await;
        assert_eq!(preview.status, 200, "{}", preview.text);
        assert!(preview.text.contains("<p>Предложение для 星河 — año 2027</p>"));
    })
    .await;
}

#[tokio::test]
async fn a_kept_document_sent_to_the_customer_shows_on_the_account_timeline() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let (acct, quote) = quote_with_lines(&t, &ana).await;
        let id = quote["id"].as_str().unwrap();
        let made = t
            .http
            .post(
                &format!("/api/v1/records/quote/{id}/documents"),
                Some(&ana),
                &json!({}),
            )
            .await;
        assert_eq!(made.status, 201, "{}", made.body);
        let doc = made.body["id"].as_str().unwrap();
        let listed = t
            .http
            .get(&format!("/api/v1/records/quote/{id}/documents"), Some(&ana))
            .await;
        assert_eq!(listed.body["data"][0]["id"], doc);
        // What was generated stays as it was, whatever the quote becomes.
        t.http
            .patch(
                &format!("/api/v1/records/quote/{id}"),
                Some(&ana),
                &json!({"terms": "новые условия"}),
            )
            .await;
        let kept = t
            .http
            .get(&format!("/api/v1/documents/{doc}"), Some(&ana))
            .await;
        assert!(kept.text.contains("付款条件：30 天") && !kept.text.contains("новые условия"));
        let other = t.user_token("bo@example.com", "sales").await;
        assert_eq!(
            t.http
                .get(&format!("/api/v1/documents/{doc}"), Some(&other))
                .await
                .status,
            404
        );

        let sent = t
            .http
            .post(
                &format!("/api/v1/documents/{doc}/send"),
                Some(&ana),
                &json!({"to": "li.wei@xinghe.example"}),
            )
            .await;
        assert_eq!(sent.status, 200, "{}", sent.body);
        assert!(sent.body["sent_at"].is_string());
        let again = t
            .http
            .post(
                &format!("/api/v1/documents/{doc}/send"),
                Some(&ana),
                &json!({}),
            )
            .await;
        assert_eq!(again.status, 409);
        let timeline = t
            .http
            .get(
                &format!(
                    "/api/v1/records/account/{}/timeline",
                    acct["id"].as_str().unwrap()
                ),
                Some(&ana),
            )
            .await;
        assert_eq!(timeline.status, 200, "{}", timeline.body);
        let entry = timeline.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|e| e["kind"] == "document_sent")
            .cloned();
        let entry = entry.unwrap_or_else(|| panic!("no sent document on {}", timeline.body));
        assert_eq!(entry["document"]["sent_to"], "li.wei@xinghe.example");
        let history = t
            .http
            .get(&format!("/api/v1/records/quote/{id}/history"), Some(&ana))
            .await;
        assert!(
            history.body.to_string().contains("document_sent"),
            "{}",
            history.body
        );
    })
    .await;
}
