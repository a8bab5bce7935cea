//! Converting a lead: account, contact and deal in one transaction, an existing account linked
//! instead of duplicated, mapped custom fields carried over, follow-ups seen from both sides, and
//! the lead's lifecycle kept honest.

use pelagic_testkit::{TestApp, each_backend};
use serde_json::{Value, json};

async fn convert(t: &TestApp, token: &str, lead: &Value, body: Value) -> pelagic_testkit::Reply {
    t.http
        .post(
            &format!(
                "/api/v1/records/lead/{}/convert",
                lead["id"].as_str().unwrap()
            ),
            Some(token),
            &body,
        )
        .await
}

async fn count(t: &TestApp, token: &str, object: &str) -> i64 {
    let r = t
        .http
        .get(&format!("/api/v1/records/{object}?count=true"), Some(token))
        .await;
    r.body["total"].as_i64().unwrap()
}

#[tokio::test]
async fn a_lead_becomes_an_account_a_contact_and_a_deal_with_its_follow_ups_seen_from_both_sides() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let lead = t
            .create(
                &ana,
                "lead",
                json!({"name": "Wang Fang", "company": "华星科技有限公司", "title": "CTO",
                       "phone": "+8613900001111", "email": "wang@huaxing.cn", "region": "华东",
                       "industry": "technology"}),
            )
            .await;
        t.create(
            &ana,
            "activity",
            json!({"kind": "call", "subject": "First call", "related": {"object": "lead", "id": lead["id"]}}),
        )
        .await;

        let bad = convert(&t, &ana, &lead, json!({"opportunity": {"amount": "a lot"}})).await;
        assert_eq!(bad.status, 422, "{}", bad.body);
        assert!(bad.body["error"]["details"]["fields"]["opportunity.amount"].is_string(), "{}", bad.body);
        assert_eq!(count(&t, &ana, "account").await, 0, "a failed conversion writes nothing");
        assert_eq!(count(&t, &ana, "contact").await, 0);

        let done = convert(&t, &ana, &lead, json!({"opportunity": {"name": "Cloud rollout", "amount": 120000, "amount_currency": "CNY"}})).await;
        assert_eq!(done.status, 200, "{}", done.body);
        let b = &done.body;
        assert_eq!(b["account_created"], true);
        assert_eq!(b["account"]["name"], "华星科技有限公司");
        assert_eq!(b["account"]["region"], "华东");
        assert_eq!(b["account"]["industry"], "technology");
        assert_eq!(b["contact"]["name"], "Wang Fang");
        assert_eq!(b["contact"]["phone"], "+8613900001111");
        assert_eq!(b["contact"]["account_id"], b["account"]["id"]);
        assert_eq!(b["opportunity"]["account_id"], b["account"]["id"]);
        assert_eq!(b["opportunity"]["contact_id"], b["contact"]["id"]);
        assert_eq!(b["lead"]["status"], "converted");
        assert_eq!(b["lead"]["converted_account_id"], b["account"]["id"]);
        assert_eq!(b["lead"]["converted_opportunity_id"], b["opportunity"]["id"]);

        let account = b["account"]["id"].as_str().unwrap();
        let seen = t.http.get(&format!("/api/v1/records/account/{account}/timeline"), Some(&ana)).await;
        assert!(
            seen.body["data"].as_array().unwrap().iter().any(|e| e["record"]["subject"] == "First call"),
            "the lead's follow-up shows on the account: {}",
            seen.body
        );
        t.create(
            &ana,
            "activity",
            json!({"kind": "visit", "subject": "On site", "related": {"object": "contact", "id": b["contact"]["id"]}}),
        )
        .await;
        let from_lead = t
            .http
            .get(&format!("/api/v1/records/lead/{}/timeline", lead["id"].as_str().unwrap()), Some(&ana))
            .await;
        let subjects: Vec<&str> = from_lead.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .filter_map(|e| e["record"]["subject"].as_str())
            .collect();
        assert!(subjects.contains(&"On site") && subjects.contains(&"First call"), "{subjects:?}");

        let again = convert(&t, &ana, &lead, json!({})).await;
        assert_eq!(again.status, 409, "a lead converts once");
    })
    .await;
}

#[tokio::test]
async fn a_company_already_entered_is_linked_when_visible_and_refused_as_a_duplicate_when_not() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        let bo = t.user_token("bo@example.com", "sales").await;
        let mine = t
            .create(&ana, "account", json!({"name": "Acme Trading Ltd"}))
            .await;
        t.create(&bo, "account", json!({"name": "Globex GmbH"}))
            .await;

        let lead = t
            .create(
                &ana,
                "lead",
                json!({"name": "Rosa Díaz", "company": "ACME trading"}),
            )
            .await;
        let linked = convert(&t, &ana, &lead, json!({})).await;
        assert_eq!(linked.status, 200, "{}", linked.body);
        assert_eq!(linked.body["account_created"], false);
        assert_eq!(linked.body["account"]["id"], mine["id"]);
        assert_eq!(count(&t, &admin, "account").await, 2, "no second Acme");

        let other = t
            .create(
                &ana,
                "lead",
                json!({"name": "Hans Weber", "company": "Globex"}),
            )
            .await;
        let refused = convert(&t, &ana, &other, json!({})).await;
        assert_eq!(refused.status, 409, "{}", refused.body);
        assert_eq!(refused.body["error"]["code"], "duplicate");
        assert_eq!(refused.body["error"]["details"]["owner"]["name"], "bo");
        let still = t
            .http
            .get(
                &format!("/api/v1/records/lead/{}", other["id"].as_str().unwrap()),
                Some(&ana),
            )
            .await;
        assert_eq!(still.body["status"], "new", "nothing was written");
        assert_eq!(count(&t, &ana, "contact").await, 1, "only Rosa's contact");
    })
    .await;
}

#[tokio::test]
async fn mapped_custom_fields_carry_over_and_the_status_keeps_its_rules() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let ana = t.user_token("ana@example.com", "sales").await;
        for object in ["lead", "account"] {
            let r = t
                .http
                .post(
                    &format!("/api/v1/meta/objects/{object}/fields"),
                    Some(&admin),
                    &json!({"name": "wechat_group", "label": "WeChat group", "type": "text"}),
                )
                .await;
            assert_eq!(r.status, 201, "{}", r.body);
        }
        let map = t
            .http
            .patch(
                "/api/v1/meta/objects/lead/fields/wechat_group",
                Some(&admin),
                &json!({"convert_to": ["account.wechat_group"]}),
            )
            .await;
        assert_eq!(map.status, 200, "{}", map.body);
        let wrong = t
            .http
            .patch(
                "/api/v1/meta/objects/lead/fields/wechat_group",
                Some(&admin),
                &json!({"convert_to": ["account.annual_revenue"]}),
            )
            .await;
        assert_eq!(
            wrong.status, 422,
            "a text cannot become money: {}",
            wrong.body
        );

        let lead = t
            .create(
                &ana,
                "lead",
                json!({"name": "Li Lei", "company": "Blue Sea", "wechat_group": "BlueSea-采购"}),
            )
            .await;
        let by_hand = t
            .http
            .patch(
                &format!("/api/v1/records/lead/{}", lead["id"].as_str().unwrap()),
                Some(&ana),
                &json!({"status": "converted"}),
            )
            .await;
        assert_eq!(by_hand.status, 422, "{}", by_hand.body);
        let done = convert(&t, &ana, &lead, json!({})).await;
        assert_eq!(
            done.body["account"]["wechat_group"], "BlueSea-采购",
            "{}",
            done.body
        );

        let junk = t.create(&ana, "lead", json!({"name": "Spam Bot"})).await;
        let path = format!("/api/v1/records/lead/{}", junk["id"].as_str().unwrap());
        let no_reason = t
            .http
            .patch(&path, Some(&ana), &json!({"status": "invalid"}))
            .await;
        assert_eq!(no_reason.status, 422);
        assert!(no_reason.body["error"]["details"]["fields"]["invalid_reason"].is_string());
        let with_reason = t
            .http
            .patch(
                &path,
                Some(&ana),
                &json!({"status": "invalid", "invalid_reason": "not a real company"}),
            )
            .await;
        assert_eq!(with_reason.status, 200, "{}", with_reason.body);
    })
    .await;
}

#[tokio::test]
async fn a_converted_lead_comes_back_from_the_recycle_bin_beside_its_contact() {
    each_backend(|t| async move {
        let ana = t.user_token("ana@example.com", "sales").await;
        let lead = t
            .create(&ana, "lead", json!({"name": "Olga Petrova", "company": "ООО Север", "email": "olga@sever.ru", "phone": "+74951234567"}))
            .await;
        let done = convert(&t, &ana, &lead, json!({})).await;
        assert_eq!(done.status, 200, "{}", done.body);
        let id = lead["id"].as_str().unwrap();
        let gone = t.http.delete(&format!("/api/v1/records/lead/{id}"), Some(&ana)).await;
        assert_eq!(gone.status, 204, "{}", gone.body);
        // Its email and phone are now the contact's: the two are one customer, not duplicates.
        let back = t
            .http
            .post(&format!("/api/v1/recycle-bin/lead/{id}/restore"), Some(&ana), &json!({}))
            .await;
        assert_eq!(back.status, 200, "{}", back.body);
        assert_eq!(back.body["status"], "converted");
        // Someone else entering the same email is still refused.
        let bo = t.user_token("bo@example.com", "sales").await;
        let twin = t
            .http
            .post("/api/v1/records/contact", Some(&bo), &json!({"name": "Otra Olga", "email": "olga@sever.ru"}))
            .await;
        assert_eq!(twin.status, 409, "{}", twin.body);
    })
    .await;
}
