//! The printed quote a customer receives: the company's name, address and tax number from the
//! settings, a title in the reader's language, amounts written the reader's way, lines whose
//! amounts add up to the subtotal, and the document's discount on a line of its own.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::each_backend;
use serde_json::json;

#[tokio::test]
async fn a_quote_printed_in_spanish_carries_the_company_and_adds_up() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let set = t
            .http
            .patch(
                "/api/v1/admin/settings",
                Some(&admin),
                &json!({"company_name": "Mareas S.L.", "company_address": "Calle Mayor 1\n28013 Madrid",
                        "company_tax_number": "B12345678"}),
            )
            .await;
        assert_eq!(set.status, 200, "{}", set.body);
        assert_eq!(set.body["company_address"], "Calle Mayor 1\n28013 Madrid");
        assert_eq!(set.body["company_tax_number"], "B12345678");
        let long = t
            .http
            .patch(
                "/api/v1/admin/settings",
                Some(&admin),
                &json!({"company_tax_number": "9".repeat(51)}),
            )
            .await;
        assert_eq!(long.status, 422, "{}", long.body);
        let kept = t.http.get("/api/v1/admin/settings", Some(&admin)).await;
        assert_eq!(kept.body["company_tax_number"], "B12345678", "nothing half-saved");

        let (ana, token) = Browser::sign_in_member(&t, "ana@example.com", "sales", None).await;
        let spanish = ana
            .post(&t, "/profile", &[("language", "es"), ("time_zone", "Europe/Madrid")])
            .await;
        assert_eq!(spanish.status, 303, "{}", spanish.text);
        let acct = t
            .create(&token, "account", json!({"name": "Hotel Brisa"}))
            .await;
        let quote = t
            .create(
                &token,
                "quote",
                json!({"name": "Temporada 2027", "account_id": acct["id"], "currency": "EUR",
                       "discount_percent": "5", "terms": "Pago a 30 días"}),
            )
            .await;
        let id = quote["id"].as_str().unwrap();
        for (what, quantity, price) in [("Suite", "2", "12500.50"), ("Desayunos", "40", "12")] {
            t.create(
                &token,
                "quote_line",
                json!({"quote_id": id, "description": what, "quantity": quantity,
                       "unit_price": price, "unit_price_currency": "EUR", "tax_rate": "10"}),
            )
            .await;
        }
        let printed = ana
            .get(&t, &format!("/o/quote/{id}/print?format=html"))
            .await;
        assert_eq!(printed.status, 200, "{}", printed.text);
        let page = printed.text;
        for text in [
            "<h1>Cotización</h1>",
            "Mareas S.L.",
            "Calle Mayor 1\n28013 Madrid",
            "NIF: B12345678",
            "12.500,50&nbsp;€",
            // The lines' amounts (25.001,00 and 480,00) add up to the subtotal shown.
            "<td class=\"n\">25.001,00&nbsp;€</td>",
            "<td class=\"n\">480,00&nbsp;€</td>",
            "<td>Subtotal</td><td class=\"n\">25.481,00&nbsp;€</td>",
            "Condiciones",
            "Pago a 30 días",
        ] {
            assert!(page.contains(text), "{text:?} missing from {page}");
        }
        let record = t
            .http
            .get(&format!("/api/v1/records/quote/{id}"), Some(&token))
            .await;
        let discount = record.body["discount_amount"].as_str().unwrap().to_owned();
        assert_eq!(discount, "1274.05", "5 % of 25.481,00");
        assert!(
            page.contains("(5,00&nbsp;%)") && page.contains("10,00&nbsp;%"),
            "rates as Spanish writes them: {page}"
        );
        assert!(
            page.contains("<td class=\"n\">−1274,05&nbsp;€</td>"),
            "the document's discount is a line of its own: {page}"
        );
    })
    .await;
}
