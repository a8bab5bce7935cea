//! Exports leak nothing: the export scope decides the rows, field permissions the columns and
//! masks, and a cell a spreadsheet would run as a formula is defused.

mod org;

use org::org;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::json;

/// The rows of a CSV export (header first), or the error status.
async fn export(t: &TestApp, token: &str, query: &str) -> Result<Vec<Vec<String>>, u16> {
    let r = t
        .http
        .get(
            &format!("/api/v1/records/account/export?{query}"),
            Some(token),
        )
        .await;
    if r.status != 200 {
        return Err(r.status);
    }
    assert_eq!(r.content_type, "text/csv; charset=utf-8");
    let text = r
        .text
        .strip_prefix('\u{feff}')
        .expect("a byte-order mark for spreadsheets");
    Ok(text
        .lines()
        .map(|l| {
            l.split(',')
                .map(|c| c.trim_matches('"').to_owned())
                .collect()
        })
        .collect())
}

#[tokio::test]
async fn an_export_holds_only_reachable_rows_readable_columns_and_masked_values() {
    each_backend(|t| async move {
        let o = org(&t).await;
        for (role_field, access) in [("email", "hidden"), ("phone", "masked")] {
            let r = t
                .http
                .put(
                    &format!("/api/v1/admin/roles/sales/fields/account/{role_field}"),
                    Some(&o.admin),
                    &json!({ "access": access }),
                )
                .await;
            assert_eq!(r.status, 200, "{}", r.body);
        }
        let east = t.user_id(&o.east).await;
        t.create(
            &o.admin,
            "account",
            json!({"name": "=HYPERLINK(\"http://evil.example\")", "email": "secret@east.example",
                   "phone": "+86 138 0013 8000", "owner_id": east}),
        )
        .await;
        t.create(&o.west, "account", json!({"name": "West Only"}))
            .await;

        let rows = export(&t, &o.east, "").await.unwrap();
        let header = &rows[0];
        assert!(header.contains(&"name".to_owned()) && !header.contains(&"email".to_owned()));
        assert_eq!(rows.len(), 2, "only East's own account: {rows:?}");
        let name = &rows[1][header.iter().position(|h| h == "name").unwrap()];
        assert!(name.starts_with("'="), "the formula is defused: {name}");
        let phone = &rows[1][header.iter().position(|h| h == "phone").unwrap()];
        assert!(phone.contains("****") && !phone.contains("0013"), "{phone}");
        assert!(!rows.concat().iter().any(|c| c.contains("secret@")));

        let everything = export(&t, &o.admin, "sort=name").await.unwrap();
        assert_eq!(everything.len(), 3);
        assert!(everything[0].contains(&"email".to_owned()));
        assert!(
            everything
                .concat()
                .iter()
                .any(|c| c.contains("secret@east.example"))
        );

        let filtered = export(&t, &o.admin, "q=west").await.unwrap();
        assert_eq!(filtered.len(), 2, "the list's filters apply");
        assert_eq!(
            export(&t, &o.east, "email=secret%40east.example").await,
            Err(400)
        );
    })
    .await;
}

#[tokio::test]
async fn a_role_without_the_export_operation_cannot_export() {
    each_backend(|t| async move {
        let o = org(&t).await;
        t.create(&o.east, "account", json!({"name": "Kept In"}))
            .await;
        let r = t
            .http
            .put(
                "/api/v1/admin/roles/sales/objects/account",
                Some(&o.admin),
                &json!({"export": "none"}),
            )
            .await;
        assert_eq!(r.status, 200);
        assert_eq!(export(&t, &o.east, "").await, Err(403));
        let service = t.user_token("service@example.com", "service").await;
        assert_eq!(
            export(&t, &service, "").await,
            Err(403),
            "service reads but does not export"
        );
    })
    .await;
}
