//! The quote-to-cash pages as a browser without scripts uses them: a quote's lines added,
//! changed and removed with the totals following to the cent; an account's orders and payments
//! per currency; printable templates written, previewed and bounded by their author's
//! permissions; approval flows, numbering and reminders set in the settings.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::{Reply, TestApp, each_backend};
use serde_json::{Value, json};

const PASSWORD: &str = "correct horse battery staple";

/// The bearer token of a user the browser signed in.
async fn token_of(t: &TestApp, email: &str) -> String {
    let r = t
        .http
        .post(
            "/api/v1/auth/login",
            None,
            &json!({"email": email, "password": PASSWORD}),
        )
        .await;
    r.body["token"].as_str().expect("token").to_owned()
}

fn id(v: &Value) -> &str {
    v["id"].as_str().expect("id")
}

/// The first line's id on a quote's page.
fn first_line(page: &Reply) -> String {
    let at = page.text.find("id=\"line-").expect("a line's form") + "id=\"line-".len();
    page.text[at..]
        .split('"')
        .next()
        .unwrap_or_default()
        .to_owned()
}

#[tokio::test]
async fn a_salesperson_builds_a_quote_line_by_line_and_the_totals_follow_to_the_cent() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let seat = t
            .create(&admin, "product", json!({"code": "SEAT", "name": "Seat licence", "unit": "seat",
                "unit_price": "120.00", "unit_price_currency": "EUR", "tax_rate": "21", "active": true}))
            .await;
        let ana = Browser::sign_in(&t, "ana@example.com", "sales").await;
        let api = token_of(&t, "ana@example.com").await;
        let account = t.create(&api, "account", json!({"name": "Fábrica Norte"})).await;
        let quote = t
            .create(&api, "quote", json!({"name": "Licencias 2027", "account_id": id(&account), "currency": "EUR"}))
            .await;
        let page_path = format!("/o/quote/{}", id(&quote));

        let page = ana.get(&t, &page_path).await;
        assert!(page.text.contains("id=\"lines-h\""), "the line editor");
        assert!(page.text.contains("Seat licence · SEAT"), "the catalogue to pick from");

        // 2.5 seats × 120.00 = 300.00, 21 % tax = 63.00; the price, unit and tax come from the product.
        let lines = format!("{page_path}/lines");
        let added = ana
            .post(&t, &lines, &[("product_id", id(&seat)), ("quantity", "2.5")])
            .await;
        assert_eq!(added.status, 303, "{}", added.text);
        // Free text: 99.99 less 10 % (9.999 → 10.00) = 89.99, no tax.
        let added = ana
            .post(&t, &lines, &[("product_id", ""), ("description", "Puesta en marcha"),
                ("quantity", "1"), ("unit_price", "99.99"), ("unit_price_currency", "EUR"),
                ("discount_percent", "10")])
            .await;
        assert_eq!(added.status, 303, "{}", added.text);
        let page = ana.get(&t, &page_path).await;
        for shown in ["Puesta en marcha", "€399.99", "€10.00", "€63.00", "€452.99"] {
            assert!(page.text.contains(shown), "{shown} on the page");
        }
        assert!(!page.text.contains("2.5000"), "quantities without padding zeros");

        // A free-text line without a price is refused with the reason.
        let refused = ana
            .post(&t, &lines, &[("description", "Sin precio"), ("quantity", "1")])
            .await;
        assert_eq!(refused.status, 422, "{}", refused.text);
        assert!(refused.text.contains("unit price"), "{}", refused.text);

        // The first line is the seats (position, then creation): 3 seats now = 360.00 + 75.60 tax.
        let seat_line = first_line(&page);
        let changed = ana
            .post(&t, &format!("{lines}/{seat_line}"), &[("description", "Seat licence"),
                ("quantity", "3"), ("unit_price", "120.00"), ("unit_price_currency", "EUR"),
                ("discount_percent", ""), ("tax_rate", "21")])
            .await;
        assert_eq!(changed.status, 303, "{}", changed.text);
        let page = ana.get(&t, &page_path).await;
        assert!(page.text.contains("€525.59"), "459.99 − 10.00 + 75.60");

        // Removing the free-text line leaves the seats alone.
        let q: Value = t
            .http
            .post("/api/v1/records/quote_line/query", Some(&api),
                &json!({"filter": {"field": "description", "op": "eq", "value": "Puesta en marcha"}}))
            .await
            .body;
        let setup = q["data"][0]["id"].as_str().expect("the free-text line").to_owned();
        let removed = ana.post(&t, &format!("{lines}/{setup}/delete"), &[]).await;
        assert_eq!(removed.status, 303, "{}", removed.text);
        let page = ana.get(&t, &page_path).await;
        assert!(page.text.contains("€435.60"), "360.00 + 75.60");
        assert!(!page.text.contains("Puesta en marcha"));

        // Once submitted (no flow: approved at once) the quote's lines stay as they are.
        let submitted = ana.post(&t, &format!("{page_path}/do/submit"), &[]).await;
        assert_eq!(submitted.status, 303, "{}", submitted.text);
        let page = ana.get(&t, &page_path).await;
        assert!(!page.text.contains("class=\"quick add-line\""), "no add row on an approved quote");
        let refused = ana
            .post(&t, &lines, &[("product_id", id(&seat)), ("quantity", "1")])
            .await;
        assert_eq!(refused.status, 422, "{}", refused.text);
        assert!(refused.text.contains("Only a draft quote can change"), "{}", refused.text);
        assert!(refused.text.contains("€435.60"), "on the quote's page, as it was");
    })
    .await;
}

#[tokio::test]
async fn an_account_page_shows_what_its_orders_planned_received_refunded_and_wait_for() {
    each_backend(|t| async move {
        let ana = Browser::sign_in(&t, "ana@example.com", "sales").await;
        let api = token_of(&t, "ana@example.com").await;
        let account = t
            .create(&api, "account", json!({"name": "Северный завод"}))
            .await;
        let order = t
            .create(
                &api,
                "order",
                json!({"name": "Поставка", "account_id": id(&account), "currency": "EUR"}),
            )
            .await;
        t.create(
            &api,
            "order_line",
            json!({"order_id": id(&order), "description": "Монтаж",
            "quantity": "1", "unit_price": "1000.00", "unit_price_currency": "EUR"}),
        )
        .await;
        for (due, amount) in [("2026-01-10", "600.00"), ("2026-03-10", "400.00")] {
            t.create(
                &api,
                "payment_plan",
                json!({"order_id": id(&order), "due_date": due,
                "amount": amount, "amount_currency": "EUR"}),
            )
            .await;
        }
        let payment = t
            .create(
                &api,
                "payment",
                json!({"order_id": id(&order), "received_on": "2026-01-12",
                "amount": "600.00", "amount_currency": "EUR", "method": "bank_transfer"}),
            )
            .await;
        t.create(
            &api,
            "refund",
            json!({"payment_id": id(&payment), "refunded_on": "2026-01-20",
            "amount": "100.00", "amount_currency": "EUR"}),
        )
        .await;

        let page = ana.get(&t, &format!("/o/account/{}", id(&account))).await;
        assert!(page.text.contains("id=\"money-h\""), "the money section");
        let money = &page.text[page.text.find("id=\"money-h\"").unwrap()..];
        let money = &money[..money.find("</section>").unwrap()];
        for (label, amount) in [
            ("Planned", "€1,000.00"),
            ("Received", "€600.00"),
            ("Refunded", "€100.00"),
            ("Net received", "€500.00"),
            ("Outstanding", "€500.00"),
        ] {
            assert!(
                money.contains(&format!("<dt>{label}</dt><dd>{amount}</dd>")),
                "{label} {amount} in {money}"
            );
        }
        let api_figures = t
            .http
            .get(
                &format!("/api/v1/analytics/orders?account_id={}", id(&account)),
                Some(&api),
            )
            .await;
        assert_eq!(api_figures.status, 200, "{}", api_figures.body);
        assert_eq!(api_figures.body["payments"][0]["outstanding"], "500.00");

        // Deleting the refund moves the figures back.
        let refunds = t.http.get("/api/v1/records/refund", Some(&api)).await;
        let refund = refunds.body["data"][0]["id"].as_str().unwrap().to_owned();
        let r = t
            .http
            .delete(&format!("/api/v1/records/refund/{refund}"), Some(&api))
            .await;
        assert_eq!(r.status, 204, "{}", r.body);
        let page = ana.get(&t, &format!("/o/account/{}", id(&account))).await;
        assert!(page.text.contains("<dt>Outstanding</dt><dd>€400.00</dd>"));

        // Another salesperson cannot read the order, and sees no figures for it.
        let bo = Browser::sign_in(&t, "bo@example.com", "sales").await;
        let shared = bo.get(&t, &format!("/o/account/{}", id(&account))).await;
        assert!(!shared.text.contains("€600.00"));
    })
    .await;
}

#[tokio::test]
async fn a_manager_writes_previews_and_deletes_a_template_bounded_by_what_they_may_read() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let mia = Browser::sign_in(&t, "mia@example.com", "manager").await;
        let api = token_of(&t, "mia@example.com").await;
        let account = t.create(&api, "account", json!({"name": "Lumen 光明", "phone": "+34 600 111 222"})).await;
        let quote = t
            .create(&api, "quote", json!({"name": "Oferta <b>única</b>", "account_id": id(&account), "currency": "EUR"}))
            .await;

        let list = mia.get(&t, "/templates").await;
        assert_eq!(list.status, 200);
        assert!(list.text.contains("Standard template"));
        let editor = mia.get(&t, "/templates/builtin-quote").await;
        assert!(editor.text.contains("{{ account.phone }}"), "the merge fields she may read");
        assert!(editor.text.contains(id(&quote)), "her quote to preview with");

        let body = "<h1>{{ record.name }}</h1><p>{{ account.name }}</p>";
        let preview = mia
            .post(&t, "/templates/preview", &[("object", "quote"), ("record_id", id(&quote)), ("body", body)])
            .await;
        assert_eq!(preview.status, 200);
        assert!(
            preview.text.contains("Oferta &lt;b&gt;única&lt;") && !preview.text.contains("<b>"),
            "escaped: {}",
            preview.text
        );
        assert!(preview.text.contains("Lumen 光明"));
        assert!(preview.header("content-security-policy").contains("sandbox"));

        let saved = mia
            .post(&t, "/templates/save", &[("object", "quote"), ("name", "Nuestra oferta"), ("body", body)])
            .await;
        assert_eq!(saved.status, 303, "{}", saved.text);
        let at = saved.location.clone().unwrap();
        assert!(mia.get(&t, &at).await.text.contains("Nuestra oferta"));
        let quote_page = mia.get(&t, &format!("/o/quote/{}", id(&quote))).await;
        assert!(quote_page.text.contains(">Nuestra oferta</option>"), "offered when printing");

        // Once managers may not read phones, a template naming one is refused, and its preview too.
        let r = t
            .http
            .put("/api/v1/admin/roles/manager/fields/account/phone", Some(&admin), &json!({"access": "hidden"}))
            .await;
        assert!(r.status < 300, "{}", r.body);
        let guide = t
            .http
            .get("/api/v1/document-templates/fields?object=quote", Some(&api))
            .await;
        assert_eq!(guide.status, 200, "{}", guide.body);
        let account_fields = guide.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "account")
            .unwrap()["fields"]
            .clone();
        assert!(account_fields.as_array().unwrap().contains(&json!("name")));
        assert!(!account_fields.as_array().unwrap().contains(&json!("phone")), "no longer offered");
        let sneaky = "<p>{{ account.phone }}</p>";
        let refused = mia
            .post(&t, "/templates/save", &[("object", "quote"), ("name", "Teléfonos"), ("body", sneaky)])
            .await;
        assert_eq!(refused.status, 422, "{}", refused.text);
        assert!(refused.text.contains("may not read"), "{}", refused.text);
        let preview = mia
            .post(&t, "/templates/preview", &[("object", "quote"), ("record_id", id(&quote)), ("body", sneaky)])
            .await;
        assert!(!preview.text.contains("600 111 222") && preview.text.contains("may not read"));

        let template = at.trim_start_matches("/templates/").split('?').next().unwrap().to_owned();
        let deleted = mia.post(&t, &format!("/templates/{template}/delete"), &[]).await;
        assert_eq!(deleted.status, 303);
        assert!(!mia.get(&t, "/templates").await.text.contains("Nuestra oferta"));

        // Salespeople print with templates but do not write them.
        let ana = Browser::sign_in(&t, "ana@example.com", "sales").await;
        assert_eq!(ana.get(&t, "/templates").await.status, 403);
        let r = ana
            .post(&t, "/templates/save", &[("object", "quote"), ("name", "Mine"), ("body", body)])
            .await;
        assert_eq!(r.status, 403, "{}", r.text);
    })
    .await;
}

#[tokio::test]
async fn an_administrator_sets_approval_flows_and_numbering_in_the_settings() {
    each_backend(|t| async move {
        let boss = Browser::sign_in(&t, "boss@example.com", "admin").await;
        let api = token_of(&t, "boss@example.com").await;
        let saved = boss
            .post(
                &t,
                "/settings/approvals",
                &[
                    ("name", "Big discounts"),
                    ("object", "quote"),
                    ("active", "1"),
                    ("cf.0", "discount_rate"),
                    ("co.0", "gt"),
                    ("cv.0", "15"),
                    ("cf.1", "total"),
                    ("co.1", "gte"),
                    ("cv.1", "1000"),
                    ("sa.0", "manager"),
                    ("sm.0", "any"),
                    ("sa.1", "role"),
                    ("sr.1", "admin"),
                    ("sm.1", "all"),
                ],
            )
            .await;
        assert_eq!(saved.status, 303, "{}", saved.text);
        let flows = t
            .http
            .get("/api/v1/admin/approval-flows", Some(&api))
            .await
            .body;
        let flow = &flows["data"][0];
        assert_eq!(flow["name"], "Big discounts");
        assert_eq!(
            flow["condition"],
            json!({"and": [{"field": "discount_rate", "op": "gt", "value": "15"},
                {"field": "total", "op": "gte", "value": "1000"}]})
        );
        assert_eq!(
            flow["steps"],
            json!([{"approver": "manager", "mode": "any"},
            {"approver": "role", "role": "admin", "mode": "all"}])
        );
        let edit = boss.get(&t, saved.location.as_deref().unwrap()).await;
        assert!(
            edit.text.contains("value=\"15\""),
            "the condition back in its rows"
        );
        let listed = boss.get(&t, "/settings/approvals").await;
        assert!(
            listed
                .text
                .contains("Overall discount greater than 15 and Total at least 1,000"),
            "the condition in words: {}",
            listed.text
        );

        // A condition on a field the object lacks is refused with the reason; nothing is saved.
        let refused = boss
            .post(
                &t,
                "/settings/approvals",
                &[
                    ("name", "Broken"),
                    ("object", "refund"),
                    ("cf.0", "discount_rate"),
                    ("co.0", "gt"),
                    ("cv.0", "15"),
                    ("sa.0", "manager"),
                ],
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.text);
        assert!(refused.text.contains("condition"), "{}", refused.text);
        let second = boss
            .post(
                &t,
                "/settings/approvals",
                &[
                    ("name", "Every refund"),
                    ("object", "refund"),
                    ("active", "1"),
                    ("sa.0", "manager"),
                ],
            )
            .await;
        assert_eq!(second.status, 303, "{}", second.text);
        let flows = t
            .http
            .get("/api/v1/admin/approval-flows", Some(&api))
            .await
            .body;
        assert_eq!(flows["data"].as_array().unwrap().len(), 2);
        let second_id = flows["data"][1]["id"].as_str().unwrap().to_owned();
        let moved = boss
            .post(
                &t,
                &format!("/settings/approvals/{second_id}/arrange"),
                &[("do", "up")],
            )
            .await;
        assert_eq!(moved.status, 303);
        let flows = t
            .http
            .get("/api/v1/admin/approval-flows", Some(&api))
            .await
            .body;
        assert_eq!(flows["data"][0]["name"], "Every refund", "tried first now");
        boss.post(
            &t,
            &format!("/settings/approvals/{second_id}/arrange"),
            &[("do", "delete")],
        )
        .await;
        let flows = t
            .http
            .get("/api/v1/admin/approval-flows", Some(&api))
            .await
            .body;
        assert_eq!(flows["data"].as_array().unwrap().len(), 1);

        // Numbering: a new pattern numbers the next quote; a pattern with two sequences is refused.
        let page = boss.get(&t, "/settings/documents").await;
        assert!(page.text.contains("SO-"), "the order pattern as it is");
        let bad = boss
            .post(
                &t,
                "/settings/documents",
                &[
                    ("pattern.quote", "OF-{seq:3}-{seq:2}"),
                    ("pattern.order", "SO-{yyyy}-{seq:5}"),
                    ("pattern.contract", "CT-{yyyy}-{seq:4}"),
                    ("order_unhandled_hours", "24"),
                ],
            )
            .await;
        assert_eq!(bad.status, 422, "{}", bad.text);
        assert!(bad.text.contains("exactly once"), "{}", bad.text);
        let good = boss
            .post(
                &t,
                "/settings/documents",
                &[
                    ("pattern.quote", "OF-{yy}{mm}-{seq:3}"),
                    ("pattern.order", "SO-{yyyy}-{seq:5}"),
                    ("pattern.contract", "CT-{yyyy}-{seq:4}"),
                    ("order_unhandled_hours", "24"),
                ],
            )
            .await;
        assert_eq!(good.status, 303, "{}", good.text);
        let settings = t
            .http
            .get("/api/v1/admin/sales-documents", Some(&api))
            .await
            .body;
        assert_eq!(settings["order_unhandled_hours"], 24);
        let account = t.create(&api, "account", json!({"name": "Numbered"})).await;
        let quote = t
            .create(
                &api,
                "quote",
                json!({"name": "Q", "account_id": id(&account)}),
            )
            .await;
        let number = quote["number"].as_str().unwrap();
        assert!(
            number.starts_with("OF-") && number.ends_with("-001"),
            "{number}"
        );

        // Nobody else reaches these settings.
        let ana = Browser::sign_in(&t, "ana@example.com", "sales").await;
        assert_eq!(ana.get(&t, "/settings/approvals").await.status, 403);
        assert_eq!(
            ana.post(&t, "/settings/documents", &[("order_unhandled_hours", "1")])
                .await
                .status,
            403
        );
    })
    .await;
}
