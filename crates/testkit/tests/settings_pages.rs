//! The administrator's settings pages as a browser without scripts uses them: a custom field
//! added in settings shows everywhere at once, names in each language, options in use kept,
//! permissions changed in the matrix, and nobody else let in.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::each_backend;
use serde_json::json;

#[tokio::test]
async fn a_field_added_in_settings_appears_in_the_form_record_columns_and_filters_at_once() {
    each_backend(|t| async move {
        let admin = Browser::sign_in(&t, "boss@example.com", "admin").await;
        let added = admin
            .post(
                &t,
                "/settings/objects/account/fields",
                &[
                    ("label", "Customer tier"),
                    ("type", "select"),
                    ("options", "Gold\nSilver\n普通客户"),
                    ("name", ""),
                ],
            )
            .await;
        assert_eq!(added.status, 303, "{}", added.text);
        assert_eq!(
            added.location.as_deref(),
            Some("/settings/objects/account/fields/customer_tier"),
            "the API name comes from the label"
        );

        let form = admin.get(&t, "/o/account/new").await;
        assert!(form.text.contains("name=\"customer_tier\""), "in the form");
        assert!(form.text.contains("普通客户"), "options read as typed");
        let created = admin
            .post(
                &t,
                "/o/account/new",
                &[("name", "Tiered Ltd"), ("customer_tier", "gold")],
            )
            .await;
        assert_eq!(created.status, 303, "{}", created.text);
        let record = admin.get(&t, created.location.as_deref().unwrap()).await;
        assert!(
            record.text.contains("Customer tier") && record.text.contains("Gold"),
            "on the record page"
        );
        let list = admin.get(&t, "/o/account").await;
        assert!(
            list.text.contains("name=\"col\" value=\"customer_tier\""),
            "in the column chooser"
        );
        assert!(
            list.text.contains("<option value=\"customer_tier\""),
            "in the filter builder"
        );
        let filtered = admin
            .get(
                &t,
                "/o/account?c0.f=customer_tier&c0.o=eq&c0.v=gold&col=name&col=customer_tier",
            )
            .await;
        assert_eq!(filtered.status, 200);
        assert!(filtered.text.contains("Tiered Ltd"));
        assert!(
            filtered.text.contains("<th scope=\"col\"><a")
                && filtered.text.matches("<th scope=\"col\">").count() == 2,
            "only the chosen columns: {}",
            filtered.text
        );
    })
    .await;
}

#[tokio::test]
async fn labels_per_language_show_to_each_reader_and_options_in_use_stay() {
    each_backend(|t| async move {
        let admin = Browser::sign_in(&t, "boss@example.com", "admin").await;
        admin
            .post(
                &t,
                "/settings/objects/account/fields",
                &[
                    ("label", "Tier"),
                    ("type", "select"),
                    ("options", "gold\nsilver"),
                ],
            )
            .await;
        let saved = admin
            .post(
                &t,
                "/settings/objects/account/fields/tier",
                &[
                    ("label", "Tier"),
                    ("label.zh-CN", "客户等级"),
                    ("keep", "gold"),
                    ("keep", "silver"),
                    ("pos.gold", "2"),
                    ("pos.silver", "1"),
                    ("ol.gold.zh-CN", "金牌"),
                    ("new_options", "bronze"),
                ],
            )
            .await;
        assert_eq!(saved.status, 200, "{}", saved.text);
        let token = t.admin().await;
        let meta = t
            .http
            .get("/api/v1/meta/objects/account", Some(&token))
            .await;
        let tier = meta.body["fields"]
            .as_array()
            .unwrap()
            .iter()
            .find(|f| f["name"] == "tier")
            .unwrap()
            .clone();
        assert_eq!(
            tier["options"],
            json!(["silver", "gold", "bronze"]),
            "reordered, one added"
        );
        assert_eq!(tier["labels"]["zh-CN"], "客户等级");

        t.create(
            &token,
            "account",
            json!({"name": "Gold Co", "tier": "gold"}),
        )
        .await;
        let chinese = Browser::sign_in(&t, "wang@example.com", "sales").await;
        chinese
            .post(
                &t,
                "/profile",
                &[("language", "zh-CN"), ("time_zone", "Asia/Shanghai")],
            )
            .await;
        let form = chinese.get(&t, "/o/account/new").await;
        assert!(
            form.text.contains("客户等级") && form.text.contains("金牌"),
            "{}",
            form.text
        );

        let dropped = admin
            .post(
                &t,
                "/settings/objects/account/fields/tier",
                &[("label", "Tier"), ("keep", "silver"), ("keep", "bronze")],
            )
            .await;
        assert_eq!(dropped.status, 422, "gold is in use");
        assert!(dropped.text.contains("1 records"), "{}", dropped.text);
        let after = t
            .http
            .get("/api/v1/meta/objects/account", Some(&token))
            .await;
        assert!(
            after.body.to_string().contains("\"gold\""),
            "nothing changed"
        );
    })
    .await;
}

#[tokio::test]
async fn the_permission_matrix_changes_what_a_role_reaches_and_only_admins_see_settings() {
    each_backend(|t| async move {
        let sales = Browser::sign_in(&t, "ana@example.com", "sales").await;
        assert_eq!(sales.get(&t, "/settings").await.status, 403);
        assert_eq!(sales.get(&t, "/settings/roles/sales").await.status, 403);
        let forged = sales
            .post(&t, "/settings/roles/sales", &[("account.read", "all")])
            .await;
        assert_eq!(forged.status, 403);

        let token = t.admin().await;
        t.create(&token, "account", json!({"name": "Someone Else's"}))
            .await;
        let before = sales.get(&t, "/o/account").await;
        assert!(!before.text.contains("Someone Else"));

        let admin = Browser::sign_in(&t, "boss@example.com", "admin").await;
        let matrix = admin.get(&t, "/settings/roles/sales").await;
        assert!(matrix.text.contains("name=\"account.read\""));
        let saved = admin
            .post(&t, "/settings/roles/sales", &[("account.read", "all")])
            .await;
        assert_eq!(saved.status, 200, "{}", saved.text);
        let after = sales.get(&t, "/o/account").await;
        assert!(
            after.text.contains("Someone Else"),
            "sales now read every account"
        );

        let hidden = admin
            .post(&t, "/settings/roles/sales/account", &[("phone", "hidden")])
            .await;
        assert_eq!(hidden.status, 200);
        let form = sales.get(&t, "/o/account").await;
        assert!(
            !form.text.contains("value=\"phone\""),
            "a hidden field leaves the filters"
        );
        let audit = t.http.get("/api/v1/admin/audit", Some(&token)).await;
        let actions = audit.body.to_string();
        assert!(actions.contains("role_scopes") && actions.contains("field_access"));
    })
    .await;
}

#[tokio::test]
async fn users_and_teams_are_managed_from_settings() {
    each_backend(|t| async move {
        let admin = Browser::sign_in(&t, "boss@example.com", "admin").await;
        let team = admin
            .post(&t, "/settings/teams", &[("name", "East"), ("id", "")])
            .await;
        assert_eq!(team.status, 303, "{}", team.text);
        let teams = admin.get(&t, "/settings/teams").await;
        assert!(teams.text.contains("East"));
        let added = admin
            .post(
                &t,
                "/settings/users",
                &[
                    ("name", "Lucía Pérez"),
                    ("email", "lucia@example.com"),
                    ("role", "sales"),
                    ("password", "short"),
                ],
            )
            .await;
        assert_eq!(added.status, 422, "a short password is refused");
        assert!(added.text.contains("Lucía Pérez"), "what was typed stays");
        let added = admin
            .post(
                &t,
                "/settings/users",
                &[
                    ("name", "Lucía Pérez"),
                    ("email", "lucia@example.com"),
                    ("role", "sales"),
                    ("password", "a long enough secret"),
                ],
            )
            .await;
        assert_eq!(added.status, 303);
        let users = admin.get(&t, "/settings/users").await;
        assert!(users.text.contains("lucia@example.com"));
    })
    .await;
}
