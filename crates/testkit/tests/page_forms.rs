//! Creating, editing and deleting records and logging follow-ups with the pages' forms, without
//! scripts: messages next to fields, duplicates named, forged forms refused.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, each_backend};

async fn sign_in(t: &TestApp, email: &str) -> Browser {
    Browser::sign_in(t, email, "sales").await
}

#[tokio::test]
async fn a_salesperson_creates_an_account_adds_a_contact_logs_a_follow_up_and_deletes_it() {
    each_backend(|t| async move {
        let b = sign_in(&t, "ana@example.com").await;
        let form = b.get(&t, "/o/account/new").await;
        assert_eq!(form.status, 200);
        assert!(
            form.text.contains("name=\"annual_revenue_currency\"") && form.text.contains("<select"),
            "kinds get their inputs"
        );

        let refused = b
            .submit(
                &t,
                "/o/account/new",
                &[("name", ""), ("email", "not an email")],
                true,
            )
            .await;
        assert_eq!(refused.status, 422);
        assert!(
            refused.text.contains("class=\"error\""),
            "messages next to fields"
        );
        assert!(
            refused.text.contains("not an email"),
            "what was typed stays"
        );

        let forged = b
            .submit(&t, "/o/account/new", &[("name", "Forged Co")], false)
            .await;
        assert_eq!(forged.status, 403);

        let made = b
            .submit(
                &t,
                "/o/account/new",
                &[
                    ("name", "Harbour Tea"),
                    ("type", "customer"),
                    ("tags__shown", "1"),
                    ("tags", "vip"),
                    ("annual_revenue", "1250.50"),
                    ("annual_revenue_currency", "EUR"),
                ],
                true,
            )
            .await;
        assert_eq!(made.status, 303, "{}", made.text);
        let list = b.get(&t, "/o/account").await;
        assert!(list.text.contains("Harbour Tea"));
        let rows = list.text.split("<tbody>").nth(1).unwrap();
        let href = rows.split("href=\"/o/account/").nth(1).unwrap();
        let id = href.split('"').next().unwrap().to_owned();
        assert_ne!(id, "new");

        let page = b.get(&t, &format!("/o/account/{id}")).await;
        assert!(
            page.text.contains("€1,250.50") && page.text.contains("Vip <span class=\"pen\""),
            "{}",
            page.text
        );
        let contact = b
            .submit(
                &t,
                "/o/contact/new",
                &[("name", "Li Wei"), ("account_id", &id)],
                true,
            )
            .await;
        assert_eq!(contact.status, 303);
        let noted = b
            .submit(
                &t,
                &format!("/o/account/{id}/follow-up"),
                &[
                    ("kind", "call"),
                    ("subject", "Asked for a tasting"),
                    ("next_follow_up_at", "2030-01-15T10:00"),
                ],
                true,
            )
            .await;
        assert_eq!(noted.status, 303);
        let page = b.get(&t, &format!("/o/account/{id}")).await;
        assert!(
            page.text.contains("Li Wei"),
            "the contact is listed on the account"
        );
        assert!(
            page.text.contains("Asked for a tasting"),
            "the follow-up is on the timeline"
        );

        let again = b
            .submit(&t, "/o/account/new", &[("name", "HARBOUR TEA Ltd")], true)
            .await;
        assert_eq!(again.status, 409);
        assert!(
            again.text.contains(&format!("/o/account/{id}")),
            "links the record already there"
        );

        let edited = b
            .submit(
                &t,
                &format!("/o/account/{id}/edit"),
                &[
                    ("name", "Harbour Tea House"),
                    ("type", "partner"),
                    ("tags__shown", "1"),
                ],
                true,
            )
            .await;
        assert_eq!(edited.status, 303);
        let page = b.get(&t, &format!("/o/account/{id}")).await;
        assert!(page.text.contains("Harbour Tea House") && page.text.contains("Partner"));
        assert!(
            !page.text.contains("Vip <span class=\"pen\""),
            "an unticked choice is removed"
        );

        assert_eq!(
            b.get(&t, &format!("/o/account/{id}/delete")).await.status,
            200
        );
        let gone = b
            .submit(&t, &format!("/o/account/{id}/delete"), &[], true)
            .await;
        assert_eq!(gone.status, 303);
        assert_eq!(b.get(&t, &format!("/o/account/{id}")).await.status, 404);
    })
    .await;
}

#[tokio::test]
async fn a_field_is_edited_in_place_and_values_read_the_way_the_readers_language_writes_them() {
    each_backend(|t| async move {
        let b = sign_in(&t, "ana@example.com").await;
        let created = b
            .submit(
                &t,
                "/o/account/new",
                &[
                    ("name", "Ibérica SL"),
                    ("annual_revenue", "1234567.5"),
                    ("annual_revenue_currency", "EUR"),
                ],
                true,
            )
            .await;
        let page = created.location.clone().unwrap();
        let shown = b.get(&t, &page).await;
        assert!(
            shown.text.contains("class=\"inline-edit\"") && shown.text.contains("id=\"f-phone\""),
            "editable fields carry their editor"
        );
        assert!(shown.text.contains("€1,234,567.50"), "{}", shown.text);

        let one = b
            .submit(
                &t,
                &format!("{page}/edit"),
                &[("phone", "+34 911 222 333")],
                true,
            )
            .await;
        assert_eq!(one.status, 303, "{}", one.text);
        let after = b.get(&t, &page).await;
        assert!(after.text.contains("+34911222333") && after.text.contains("Ibérica SL"));

        let wrong = b
            .submit(
                &t,
                &format!("{page}/edit"),
                &[("email", "not an email")],
                true,
            )
            .await;
        assert_eq!(wrong.status, 422);
        assert!(
            wrong.text.contains("value=\"Ibérica SL\""),
            "a refused edit of one field shows the others as they are"
        );

        b.submit(
            &t,
            "/profile",
            &[("language", "es"), ("time_zone", "Europe/Madrid")],
            true,
        )
        .await;
        let spanish = b.get(&t, &page).await;
        assert!(
            spanish.text.contains("1.234.567,50\u{a0}€"),
            "Spanish grouping and decimal comma: {}",
            spanish.text
        );
    })
    .await;
}

#[tokio::test]
async fn a_new_product_starts_active_and_an_unticked_box_stays_unticked() {
    each_backend(|t| async move {
        let admin = Browser::sign_in(&t, "admin@example.com", "admin").await;
        let form = admin.get(&t, "/o/product/new").await;
        assert_eq!(form.status, 200);
        assert!(
            form.text.contains(r#"name="active" value="true" checked"#),
            "the default is ticked: {}",
            form.text
        );
        // A refused form keeps the box as the user left it.
        let refused = admin
            .submit(
                &t,
                "/o/product/new",
                &[("name", ""), ("active__shown", "1")],
                true,
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.text);
        assert!(
            !refused
                .text
                .contains(r#"name="active" value="true" checked"#)
        );
        let made = admin
            .submit(
                &t,
                "/o/product/new",
                &[
                    ("name", "Té verde"),
                    ("active__shown", "1"),
                    ("active", "true"),
                ],
                true,
            )
            .await;
        assert_eq!(made.status, 303, "{}", made.text);
    })
    .await;
}
