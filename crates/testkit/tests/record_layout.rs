//! What pages put first: a list opens on the records still being worked (all of them a click
//! away), a record's page shows the key fields under its name,
//! phones written for reading and to call, the records that belong to it as short tables with their count, what their money adds up to
//! and a way to all of them, and for a manager each request's customer, amount, discount,
//! submitter and how long it has waited.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::json;

/// The text of the page between `from` and the next `to`, for asserting on one part of a page.
fn part<'a>(page: &'a str, from: &str, to: &str) -> &'a str {
    let start = page
        .find(from)
        .unwrap_or_else(|| panic!("{from} on the page"));
    let rest = &page[start..];
    &rest[..rest.find(to).unwrap_or(rest.len())]
}

#[tokio::test]
async fn an_accounts_page_shows_its_key_fields_and_its_deals_as_a_table_with_their_total() {
    each_backend(|t| async move {
        let (ana, token) = Browser::sign_in_member(&t, "ana@example.com", "sales", None).await;
        let acct = t
            .create(
                &token,
                "account",
                json!({"name": "Puerto Azul", "type": "customer", "phone": "+34 912 345 678"}),
            )
            .await;
        let id = acct["id"].as_str().unwrap();
        for (name, amount) in [("Flota 2027", "1000.50"), ("Renovación", "2000")] {
            t.create(
                &token,
                "opportunity",
                json!({"name": name, "account_id": id, "amount": amount,
                       "amount_currency": "EUR", "stage": "proposal"}),
            )
            .await;
        }
        for n in 0..12 {
            t.create(
                &token,
                "contact",
                json!({"name": format!("Contacto {n:02}"), "account_id": id}),
            )
            .await;
        }
        let page = ana.get(&t, &format!("/o/account/{id}")).await;
        assert_eq!(page.status, 200, "{}", page.text);

        let key = part(&page.text, "class=\"key-fields\"", "</dl>");
        assert!(key.contains("<dt>Type</dt><dd>Customer</dd>"), "{key}");
        // The company is in China: a Spanish number is written the international way, to call.
        assert!(
            key.contains("<a href=\"tel:+34912345678\">+34 912 34 56 78</a>"),
            "{key}"
        );
        let accounts = ana.get(&t, "/o/account").await;
        assert!(
            accounts
                .text
                .contains("<a href=\"tel:+34912345678\">+34 912 34 56 78</a>"),
            "phones in lists can be called: {}",
            accounts.text
        );
        assert!(
            accounts
                .text
                .contains("<span class=\"option\">Customer</span>"),
            "a choice is a badge"
        );

        let deals = part(&page.text, "<h2>Opportunities", "</section>");
        assert!(deals.contains("2 records"), "{deals}");
        assert!(deals.contains("<th scope=\"col\">Amount</th>"), "{deals}");
        assert!(deals.contains("Flota 2027") && deals.contains("Renovación"));
        assert!(
            deals.contains("Amount: €3,000.50"),
            "the two deals add up: {deals}"
        );
        assert!(!deals.contains("View all"), "both deals are in the table");

        let people = part(&page.text, "<h2>Contacts", "</section>");
        assert!(people.contains("12 records"), "{people}");
        assert_eq!(people.matches("Contacto ").count(), 10, "{people}");
        let all = format!("/o/contact?c0.f=account_id&c0.o=eq&c0.v={id}");
        assert!(
            people.contains(&all.replace('&', "&#38;")) && people.contains("View all"),
            "{people}"
        );
        let list = ana.get(&t, &all).await;
        assert_eq!(list.status, 200, "{}", list.text);
        assert!(
            list.text.contains("12 records"),
            "the list holds all twelve"
        );
    })
    .await;
}

#[tokio::test]
async fn a_manager_sees_each_request_with_its_customer_amount_discount_submitter_and_wait() {
    each_backend(|t: TestApp| async move {
        let admin = t.admin().await;
        let (boss, boss_token) =
            Browser::sign_in_member(&t, "boss@example.com", "manager", Some("Ventas")).await;
        let ana = t
            .member_token("ana@example.com", "sales", Some("Ventas"))
            .await;
        t.set_team_manager(&admin, "Ventas", &boss_token).await;
        t.managers_approve_quotes(
            &admin,
            "Descuentos",
            json!({"field": "discount_rate", "op": "gt", "value": "15"}),
        )
        .await;
        let acct = t
            .create(&ana, "account", json!({"name": "Hotel Mirador"}))
            .await;
        let quote = t
            .create(
                &ana,
                "quote",
                json!({"name": "Temporada alta", "account_id": acct["id"], "currency": "EUR"}),
            )
            .await;
        let q = quote["id"].as_str().unwrap();
        t.create(
            &ana,
            "quote_line",
            json!({"quote_id": q, "description": "Toallas", "quantity": "1", "unit_price": "1000",
                   "unit_price_currency": "EUR", "discount_percent": "20", "tax_rate": "0"}),
        )
        .await;
        let r = t
            .http
            .post(
                &format!("/api/v1/records/quote/{q}/submit"),
                Some(&ana),
                &json!({}),
            )
            .await;
        assert_eq!(r.body["approval_status"], "pending", "{}", r.body);

        let inbox = boss.get(&t, "/approvals").await;
        assert_eq!(inbox.status, 200, "{}", inbox.text);
        let row = part(&inbox.text, "class=\"waiting\"", "</li>");
        assert!(row.contains("Temporada alta"), "{row}");
        assert!(
            row.contains("<dt>Account</dt><dd>Hotel Mirador</dd>"),
            "{row}"
        );
        assert!(row.contains("<dt>Total</dt><dd>€800.00</dd>"), "{row}");
        assert!(row.contains("<dt>Overall discount</dt><dd>20"), "{row}");
        assert!(row.contains("<dt>Submitted by</dt><dd>ana</dd>"), "{row}");
        assert!(row.contains("<dt>Waiting for</dt><dd>"), "{row}");
        assert!(
            row.contains("minute"),
            "it has waited under a minute: {row}"
        );
    })
    .await;
}

#[tokio::test]
async fn the_leads_list_opens_on_the_leads_still_being_worked_with_all_a_click_away() {
    each_backend(|t| async move {
        let (ana, token) = Browser::sign_in_member(&t, "ana@example.com", "sales", None).await;
        t.create(
            &token,
            "lead",
            json!({"name": "Paula Abierta", "status": "contacted"}),
        )
        .await;
        t.create(
            &token,
            "lead",
            json!({"name": "Pedro Descartado", "status": "invalid", "invalid_reason": "no existe"}),
        )
        .await;
        let open = ana.get(&t, "/o/lead").await;
        assert_eq!(open.status, 200, "{}", open.text);
        assert!(open.text.contains("Paula Abierta"), "{}", open.text);
        assert!(
            !open.text.contains("Pedro Descartado"),
            "an invalid lead is not worked"
        );
        assert!(
            open.text.contains("aria-current=\"page\">Open</a>"),
            "the open view is the one shown"
        );
        let all = ana.get(&t, "/o/lead?view=all").await;
        assert!(all.text.contains("Paula Abierta") && all.text.contains("Pedro Descartado"));
        assert!(all.text.contains("aria-current=\"page\">All</a>"));
        // A choice is filtered by its label, as the value box offers it.
        assert!(open.text.contains("<datalist id=\"options-status\">"));
        assert!(open.text.contains("<option value=\"Contacted\"></option>"));
        let by_label = ana
            .get(&t, "/o/lead?c0.f=status&c0.o=eq&c0.v=Contacted")
            .await;
        assert_eq!(by_label.status, 200, "{}", by_label.text);
        assert!(by_label.text.contains("Paula Abierta"));
        assert!(!by_label.text.contains("Pedro Descartado"));
        let both = ana
            .get(&t, "/o/lead?c0.f=status&c0.o=in&c0.v=contacted,%20Invalid")
            .await;
        assert!(both.text.contains("Paula Abierta") && both.text.contains("Pedro Descartado"));
        // Accounts name no open records: their list is all of them, as before.
        let accounts = ana.get(&t, "/o/account").await;
        assert!(!accounts.text.contains(">Open</a>"), "{}", accounts.text);
    })
    .await;
}
