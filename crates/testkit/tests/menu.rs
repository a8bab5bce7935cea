//! The menu is grouped the way a sales team thinks — customers, sales, money, work, catalogue —
//! from each object's metadata; the tables behind a document (its lines, prices, instalments)
//! are reached from its page, not the menu; administrators place the objects they add.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::each_backend;
use serde_json::json;

/// The side menu of a page: from its `<nav class="side">` to its end.
fn side_menu(page: &str) -> &str {
    let start = page.find("<nav class=\"side\"").expect("the side menu");
    let end = page[start..]
        .find("</nav>")
        .map_or(page.len(), |e| start + e);
    &page[start..end]
}

#[tokio::test]
async fn the_menu_groups_what_a_sales_team_works_on_and_leaves_out_the_tables_behind_documents() {
    each_backend(|t| async move {
        let ana = Browser::sign_in(&t, "ana@example.com", "admin").await;
        let home = ana.get(&t, "/").await;
        let menu = side_menu(&home.text);
        for group in ["Customers", "Sales", "Money", "Work", "Catalogue"] {
            assert!(menu.contains(&format!("<span class=\"menu-group\">{group}</span>")), "{group}: {menu}");
        }
        let at = |needle: &str| menu.find(needle).unwrap_or_else(|| panic!("{needle} in {menu}"));
        assert!(at("/o/account\"") < at(">Sales<") && at(">Sales<") < at("/o/quote\""), "accounts under customers, quotes under sales");
        assert!(at("/o/payment\"") > at(">Money<") && at("/collections\"") > at(">Money<"));
        for hidden in ["/o/quote_line\"", "/o/order_line\"", "/o/product_price\"", "/o/payment_plan\""] {
            assert!(!menu.contains(hidden), "{hidden} is reached from its document, not the menu");
        }

        let admin = t.user_token("boss@example.com", "admin").await;
        let bad = t
            .http
            .post("/api/v1/meta/objects", Some(&admin), &json!({"name": "visit", "label": "Visit", "label_plural": "Visits", "menu": "attic"}))
            .await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        let made = ana
            .post(&t, "/settings/objects", &[("label", "Visit"), ("label_plural", "Visits"), ("name", "visit"), ("menu", "work")])
            .await;
        assert_eq!(made.status, 303, "{}", made.text);
        let home = ana.get(&t, "/").await;
        let menu = side_menu(&home.text);
        let work = menu.find(">Work<").expect("work");
        let visits = menu.find("/o/visit\"").expect("the new object is in the menu");
        assert!(visits > work && menu[work..visits].matches("menu-group").count() == 0, "under Work: {menu}");
    })
    .await;
}
