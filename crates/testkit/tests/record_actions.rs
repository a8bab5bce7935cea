//! A record's page offers what the app allows now and nothing that would only be refused: no
//! edit or delete on a quote past its draft, no convert on a converted lead, the approval's
//! decision on the record waiting for it; forms made under a record take its currency, and
//! what belongs to an order reads as dates written the reader's way.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::json;

/// Someone signed in: their browser and their token.
struct Signed(Browser, String);

/// The administrator's token, and the team Ventas: Boss, its manager, and Ana, who sells.
async fn team_ventas(t: &TestApp) -> (String, Signed, Signed) {
    let admin = t.admin().await;
    let (boss, boss_token) =
        Browser::sign_in_member(t, "boss@example.com", "manager", Some("Ventas")).await;
    let (ana, ana_token) =
        Browser::sign_in_member(t, "ana@example.com", "sales", Some("Ventas")).await;
    t.set_team_manager(&admin, "Ventas", &boss_token).await;
    (admin, Signed(boss, boss_token), Signed(ana, ana_token))
}

#[tokio::test]
async fn a_quote_waiting_for_approval_offers_no_edit_and_its_manager_decides_on_it() {
    each_backend(|t: TestApp| async move {
        let (admin, Signed(boss, _), Signed(ana, ana_token)) = team_ventas(&t).await;
        t.managers_approve_quotes(
            &admin,
            "Descuentos",
            json!({"field": "discount_percent", "op": "gt", "value": "10"}),
        )
        .await;
        let acct = t
            .create(&ana_token, "account", json!({"name": "Hotel Mirador"}))
            .await;
        let quote = t
            .create(
                &ana_token,
                "quote",
                json!({"name": "Temporada alta", "account_id": acct["id"],
                       "currency": "EUR", "discount_percent": "20"}),
            )
            .await;
        let q = quote["id"].as_str().unwrap();
        let path = format!("/o/quote/{q}");
        t.create(
            &ana_token,
            "quote_line",
            json!({"quote_id": q, "description": "Toallas", "quantity": "1",
                   "unit_price": "1000", "unit_price_currency": "EUR"}),
        )
        .await;

        let draft = ana.get(&t, &path).await;
        assert!(draft.text.contains(&format!("href=\"{path}/edit\"")));
        assert!(draft.text.contains(&format!("href=\"{path}/delete\"")));

        let submitted = ana.post(&t, &format!("{path}/do/submit"), &[]).await;
        assert_eq!(submitted.status, 303, "{}", submitted.text);
        let waiting = ana.get(&t, &path).await;
        assert!(
            !waiting.text.contains(&format!("href=\"{path}/edit\"")),
            "a quote waiting for approval cannot be edited: no button"
        );
        assert!(!waiting.text.contains(&format!("href=\"{path}/delete\"")));
        assert!(
            !waiting.text.contains("class=\"inline-edit"),
            "nor edited in place"
        );
        assert!(
            !waiting.text.contains("class=\"inline decide\""),
            "the salesperson does not decide their own request"
        );

        let seen = boss.get(&t, &path).await;
        assert!(
            seen.text.contains("class=\"inline decide\""),
            "the manager decides on the quote itself"
        );
        let start = seen.text.find("action=\"/approvals/").unwrap();
        let action = &seen.text[start + 8..];
        let action = &action[..action.find('"').unwrap()];
        // A rejection needs a reason: said on the quote, not on a page of its own.
        let unsaid = boss
            .post(
                &t,
                action,
                &[("decision", "reject"), ("back", path.as_str())],
            )
            .await;
        assert_eq!(unsaid.status, 422, "{}", unsaid.text);
        assert!(
            unsaid.text.contains("say why it is rejected"),
            "{}",
            unsaid.text
        );
        assert!(
            unsaid.text.contains("<h1>Temporada alta</h1>"),
            "{}",
            unsaid.text
        );
        // From the inbox, said under the request in the inbox.
        let inbox = boss.post(&t, action, &[("decision", "reject")]).await;
        assert_eq!(inbox.status, 422, "{}", inbox.text);
        assert!(
            inbox
                .text
                .contains("role=\"alert\">say why it is rejected</p>"),
            "{}",
            inbox.text
        );

        let decided = boss
            .post(
                &t,
                action,
                &[("decision", "approve"), ("back", path.as_str())],
            )
            .await;
        assert_eq!(decided.status, 303, "{}", decided.text);
        assert_eq!(decided.header("location"), path, "and stays on it");
        let after = ana.get(&t, &path).await;
        assert!(
            after.text.contains("Descuentos — approved"),
            "{}",
            after.text
        );

        // A decision never sends the manager to another site.
        let elsewhere = boss
            .post(
                &t,
                action,
                &[("decision", "approve"), ("back", "//evil.example/o/x/y")],
            )
            .await;
        assert_ne!(elsewhere.header("location"), "//evil.example/o/x/y");
    })
    .await;
}

#[tokio::test]
async fn a_converted_lead_offers_no_convert() {
    each_backend(|t| async move {
        let (ana, token) = Browser::sign_in_member(&t, "ana@example.com", "sales", None).await;
        let lead = t
            .create(
                &token,
                "lead",
                json!({"name": "Paula Abierta", "company": "Abierta SL"}),
            )
            .await;
        let id = lead["id"].as_str().unwrap();
        let open = ana.get(&t, &format!("/o/lead/{id}")).await;
        assert!(
            open.text
                .contains(&format!("href=\"/o/lead/{id}/convert\""))
        );
        let r = t
            .http
            .post(
                &format!("/api/v1/records/lead/{id}/convert"),
                Some(&token),
                &json!({}),
            )
            .await;
        assert!(r.status < 300, "{}", r.body);
        let done = ana.get(&t, &format!("/o/lead/{id}")).await;
        assert!(
            !done
                .text
                .contains(&format!("href=\"/o/lead/{id}/convert\""))
        );
    })
    .await;
}

#[tokio::test]
async fn what_is_made_under_an_order_takes_its_currency_and_reads_as_dates() {
    each_backend(|t| async move {
        let (ana, token) = Browser::sign_in_member(&t, "ana@example.com", "sales", None).await;
        let acct = t
            .create(&token, "account", json!({"name": "Hotel Mirador"}))
            .await;
        let order = t
            .create(
                &token,
                "order",
                json!({"name": "Temporada", "account_id": acct["id"], "currency": "EUR"}),
            )
            .await;
        let o = order["id"].as_str().unwrap();
        let form = ana
            .get(&t, &format!("/o/payment_plan/new?order_id={o}"))
            .await;
        assert_eq!(form.status, 200, "{}", form.text);
        assert!(
            form.text
                .contains("name=\"amount_currency\" type=\"text\" value=\"EUR\""),
            "the instalment is offered in the order's euros: {}",
            form.text
        );
        for due in ["2027-03-15", "2027-01-15"] {
            t.create(
                &token,
                "payment_plan",
                json!({"order_id": o, "due_date": due, "amount": "100",
                       "amount_currency": "EUR"}),
            )
            .await;
        }
        let page = ana.get(&t, &format!("/o/order/{o}")).await;
        let start = page.text.find("<h2>Payment plan").expect("instalments");
        let table = &page.text[start..];
        let table = &table[..table.find("</section>").unwrap_or(table.len())];
        assert!(table.contains("Jan 15, 2027"), "{table}");
        assert!(!table.contains("2027-01-15"), "{table}");
        let (jan, mar) = (table.find("Jan 15, 2027"), table.find("Mar 15, 2027"));
        assert!(
            jan < mar && mar.is_some(),
            "instalments in date order: {table}"
        );
        assert_eq!(
            table.matches("<th scope=\"col\">Due date</th>").count(),
            1,
            "the date heads one column: {table}"
        );
    })
    .await;
}

#[tokio::test]
async fn a_manager_may_put_back_what_their_salesperson_holds_from_a_pool() {
    each_backend(|t: TestApp| async move {
        let (admin, Signed(boss, _), Signed(ana, ana_token)) = team_ventas(&t).await;
        let (eva, _) = Browser::sign_in_member(&t, "eva@example.com", "sales", Some("Otros")).await;
        let ana_id = t.user_id(&ana_token).await;
        let pool = t
            .http
            .post(
                "/api/v1/pools",
                Some(&admin),
                &json!({"name": "Alta mar", "object": "account", "members": [ana_id]}),
            )
            .await;
        assert_eq!(pool.status, 201, "{}", pool.body);
        let p = pool.body["id"].as_str().unwrap();
        let acct = t
            .create(
                &admin,
                "account",
                json!({"name": "Faro Norte", "pool_id": p}),
            )
            .await;
        let id = acct["id"].as_str().unwrap();
        let claimed = t
            .http
            .post(
                &format!("/api/v1/pools/{p}/claim"),
                Some(&ana_token),
                &json!({"record_id": id}),
            )
            .await;
        assert!(claimed.status < 300, "{}", claimed.body);

        let release = format!("action=\"/pools/{p}/release\"");
        let page = format!("/o/account/{id}");
        assert!(
            ana.get(&t, &page).await.text.contains(&release),
            "the holder may"
        );
        assert!(
            boss.get(&t, &page).await.text.contains(&release),
            "so may the manager whose team holds it"
        );
        let other = eva.get(&t, &page).await;
        assert!(!other.text.contains(&release), "nobody else is offered it");
    })
    .await;
}
