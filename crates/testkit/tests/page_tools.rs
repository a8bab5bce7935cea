//! The pages around records as a browser without scripts uses them: the recycle bin and the
//! history tab, API tokens on the profile, condition groups in lists, and the timeline and home
//! showing what is due.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::json;

async fn sign_in(t: &TestApp, email: &str) -> Browser {
    Browser::sign_in(t, email, "sales").await
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
            history.text.contains("Created") && history.text.contains("+34 600 11 12 22"),
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
        assert!(
            profile.text.contains("<title>Profile · Pelagic</title>"),
            "the page's title is only its name"
        );
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
