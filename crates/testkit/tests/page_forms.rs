//! Creating, editing and deleting records and logging follow-ups with the pages' forms, without
//! scripts: messages next to fields, duplicates named, forged forms refused.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::json;

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
async fn a_deleted_record_waits_in_the_recycle_bin_page_and_comes_back_with_its_history() {
    each_backend(|t| async move {
        let b = sign_in(&t, "ana@example.com").await;
        let created = b
            .submit(&t, "/o/account/new", &[("name", "Binned SA")], true)
            .await;
        let page = created.location.clone().unwrap();
        let edited = b
            .submit(
                &t,
                &format!("{page}/edit"),
                &[("name", "Binned SA"), ("phone", "+34 600 111 222")],
                true,
            )
            .await;
        assert_eq!(edited.status, 303, "{}", edited.text);
        let history = b.get(&t, &format!("{page}/history")).await;
        assert_eq!(history.status, 200);
        assert!(
            history.text.contains("Created") && history.text.contains("+34600111222"),
            "who changed what: {}",
            history.text
        );

        let id = page.rsplit('/').next().unwrap();
        let contact = b
            .submit(
                &t,
                "/o/contact/new",
                &[("name", "Pilar Ruiz"), ("account_id", id)],
                true,
            )
            .await;
        assert_eq!(contact.status, 303, "{}", contact.text);
        b.submit(&t, &format!("{page}/delete"), &[], true).await;
        let bin = b.get(&t, "/recycle-bin").await;
        assert!(bin.text.contains("Binned SA"), "{}", bin.text);
        assert!(
            bin.text.contains("and 1 more record"),
            "the contact went with it: {}",
            bin.text
        );
        assert!(
            !bin.text.contains("/purge"),
            "only administrators purge for good"
        );
        let restored = b
            .submit(&t, &format!("/recycle-bin/account/{id}/restore"), &[], true)
            .await;
        assert_eq!(restored.status, 303);
        assert_eq!(b.get(&t, &page).await.status, 200, "back in the lists");
        assert!(!b.get(&t, "/recycle-bin").await.text.contains("Binned SA"));
    })
    .await;
}

#[tokio::test]
async fn a_token_made_on_the_profile_is_shown_once_works_and_can_be_revoked() {
    each_backend(|t| async move {
        let b = sign_in(&t, "ana@example.com").await;
        let made = b
            .submit(&t, "/profile/tokens", &[("name", "Website form")], true)
            .await;
        assert_eq!(made.status, 200, "{}", made.text);
        let token = made
            .text
            .split("id=\"new-token\" type=\"text\" readonly value=\"")
            .nth(1)
            .and_then(|rest| rest.split('"').next())
            .expect("the new token on the page")
            .to_owned();
        let me = t.http.get("/api/v1/me", Some(&token)).await;
        assert_eq!(me.status, 200, "the token works on the API");

        let profile = b.get(&t, "/profile").await;
        assert!(profile.text.contains("Website form"));
        assert!(!profile.text.contains(&token), "shown only once");
        let id = profile
            .text
            .split("action=\"/profile/tokens/")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .unwrap()
            .to_owned();
        let revoked = b
            .submit(&t, &format!("/profile/tokens/{id}/revoke"), &[], true)
            .await;
        assert_eq!(revoked.status, 303);
        assert_eq!(t.http.get("/api/v1/me", Some(&token)).await.status, 401);
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
async fn condition_groups_say_this_and_that_or_something_else() {
    each_backend(|t| async move {
        let b = sign_in(&t, "ana@example.com").await;
        for (name, kind, level) in [
            ("Big Customer", "customer", "a"),
            ("Small Customer", "customer", "c"),
            ("Any Partner", "partner", "c"),
        ] {
            b.submit(
                &t,
                "/o/account/new",
                &[("name", name), ("type", kind), ("level", level)],
                true,
            )
            .await;
        }
        let list = b
            .get(
                &t,
                "/o/account?match=any&c0.f=type&c0.o=eq&c0.v=customer&c1.f=level&c1.o=eq&c1.v=a\
                 &c2.f=type&c2.o=eq&c2.v=partner&c2.g=2&s0=name",
            )
            .await;
        assert_eq!(list.status, 200, "{}", list.text);
        let body = list.text.split("<tbody>").nth(1).unwrap();
        assert!(body.contains("Big Customer") && body.contains("Any Partner"));
        assert!(
            !body.contains("Small Customer"),
            "(customer and level A) or partner"
        );
        assert!(
            list.text.contains("name=\"c2.g\"") && list.text.contains("Group 2"),
            "each condition says its group"
        );
    })
    .await;
}

#[tokio::test]
async fn the_timeline_holds_follow_ups_tasks_and_changes_and_home_shows_what_is_due() {
    each_backend(|t| async move {
        let b = sign_in(&t, "ana@example.com").await;
        let created = b
            .submit(&t, "/o/account/new", &[("name", "Timeline SA")], true)
            .await;
        let page = created.location.unwrap();
        let id = page.rsplit('/').next().unwrap().to_owned();
        b.submit(&t, &format!("{page}/edit"), &[("region", "Bilbao")], true)
            .await;
        let token = t.user_token("boss@example.com", "admin").await;
        let ana = b.get(&t, "/api/v1/me").await.body["id"]
            .as_str()
            .unwrap()
            .to_owned();
        let yesterday = (chrono::Utc::now() - chrono::Duration::days(1)).to_rfc3339();
        t.create(
            &token,
            "task",
            json!({"subject": "Send the offer", "owner_id": ana, "status": "open",
                   "due_at": yesterday, "related": {"object": "account", "id": id}}),
        )
        .await;
        b.submit(
            &t,
            &format!("{page}/follow-up"),
            &[
                ("kind", "call"),
                ("subject", "First call"),
                ("next_follow_up_at", ""),
            ],
            true,
        )
        .await;
        let shown = b.get(&t, &page).await;
        let timeline = shown.text.split("id=\"timeline-h\"").nth(1).unwrap();
        assert!(timeline.contains("First call"), "the follow-up");
        assert!(timeline.contains("Send the offer"), "the task about it");
        assert!(
            timeline.contains("Region: — → Bilbao"),
            "the change: {timeline}"
        );
        assert!(
            shown.text.contains("Record information"),
            "owner and dates apart"
        );

        let home = b.get(&t, "/").await;
        assert!(
            home.text.contains("Send the offer") && home.text.contains("Overdue"),
            "an overdue task on home: {}",
            home.text
        );
    })
    .await;
}
