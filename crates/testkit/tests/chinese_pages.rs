//! A team working in Chinese: the manager's home and menu count the approvals waiting, and a
//! refusal — nobody to approve, a step not allowed now, a line without a price — comes back on
//! the quote's page, in Chinese, where it happened.

use pelagic_testkit::browser::Browser;
use pelagic_testkit::{TestApp, each_backend};
use serde_json::json;

/// Signs `email` (made with `role` in `team`) in with the form and sets their language.
async fn in_chinese(t: &TestApp, email: &str, role: &str, team: &str) -> (Browser, String) {
    let (b, token) = Browser::sign_in_member(t, email, role, Some(team)).await;
    let saved = b
        .post(
            t,
            "/profile",
            &[("language", "zh-CN"), ("time_zone", "Asia/Shanghai")],
        )
        .await;
    assert_eq!(saved.status, 303, "{}", saved.text);
    (b, token)
}

#[tokio::test]
async fn a_chinese_team_sees_its_approvals_counted_and_refusals_in_place() {
    each_backend(|t| async move {
        let admin = t.admin().await;
        let (wang, wang_token) = in_chinese(&t, "wang@example.com", "manager", "华东").await;
        let (li, li_token) = in_chinese(&t, "li@example.com", "sales", "华东").await;
        t.managers_approve_quotes(
            &admin,
            "大额折扣",
            json!({"field": "discount_percent", "op": "gt", "value": "10"}),
        )
        .await;
        let account = t
            .create(&li_token, "account", json!({"name": "济南亿东"}))
            .await;
        let quote = t
            .create(
                &li_token,
                "quote",
                json!({"name": "年度采购", "account_id": account["id"], "discount_percent": "15"}),
            )
            .await;
        let page = format!("/o/quote/{}", quote["id"].as_str().unwrap());

        // Submitting a quote without lines: refused on its page, in Chinese.
        let empty = li.post(&t, &format!("{page}/do/submit"), &[]).await;
        assert_eq!(empty.status, 422, "{}", empty.text);
        assert!(
            empty
                .text
                .contains("提交审批前，报价单至少需要一行有金额的明细"),
            "{}",
            empty.text
        );
        assert!(empty.text.contains("id=\"step-refused\""));

        // A free-text line without a price: refused beside the line editor, the text kept.
        let lines = format!("{page}/lines");
        let no_price = li
            .post(
                &t,
                &lines,
                &[("description", "安装调试"), ("quantity", "2")],
            )
            .await;
        assert_eq!(no_price.status, 422);
        assert!(
            no_price.text.contains("没有选择产品的明细需要填写单价"),
            "{}",
            no_price.text
        );
        assert!(
            no_price.text.contains("value=\"安装调试\""),
            "what was typed is kept"
        );

        // The team has no manager yet: nobody can approve, said in Chinese on the quote.
        let added = li
            .post(
                &t,
                &lines,
                &[
                    ("description", "安装调试"),
                    ("quantity", "2"),
                    ("unit_price", "500"),
                ],
            )
            .await;
        assert_eq!(added.status, 303, "{}", added.text);
        let nobody = li.post(&t, &format!("{page}/do/submit"), &[]).await;
        assert_eq!(nobody.status, 422, "{}", nobody.text);
        assert!(nobody.text.contains("没有人可以审批"), "{}", nobody.text);

        // With a manager, the quote waits for them: counted on their home and in the menu.
        t.set_team_manager(&admin, "华东", &wang_token).await;
        let sent = li.post(&t, &format!("{page}/do/submit"), &[]).await;
        assert_eq!(sent.status, 303, "{}", sent.text);
        let home = wang.get(&t, "/").await;
        assert!(home.text.contains("1 项审批等待您处理"), "{}", home.text);
        assert!(
            home.text.contains("审批 <span class=\"badge\""),
            "the menu counts it too"
        );
        let none = li.get(&t, "/").await;
        assert!(
            !none.text.contains("id=\"approvals-waiting\""),
            "nothing waits for the salesperson"
        );
    })
    .await;
}

#[tokio::test]
async fn a_chinese_salesperson_reads_refused_fields_pool_rules_and_the_standard_process_in_chinese()
{
    each_backend(|t| async move {
        let admin = t.admin().await;
        let (li, li_token) = in_chinese(&t, "li@example.com", "sales", "华东").await;

        // A lead with a blank name and a bad email: both said beside their fields, in Chinese,
        // what was typed kept.
        let refused = li
            .post(
                &t,
                "/o/lead/new",
                &[("name", "  "), ("company", "晨光渔具"), ("email", "li@")],
            )
            .await;
        assert_eq!(refused.status, 422, "{}", refused.text);
        assert!(refused.text.contains("必填"), "{}", refused.text);
        assert!(
            refused.text.contains("“li@”不是电子邮箱地址"),
            "{}",
            refused.text
        );
        assert!(!refused.text.contains("is required"));
        assert!(
            refused.text.contains("value=\"晨光渔具\""),
            "what was typed is kept"
        );

        // A pool's rules and lengths of time are written in words; a length may be typed in
        // Chinese.
        let me = t.user_id(&li_token).await;
        let pool = t
            .http
            .post(
                "/api/v1/pools",
                Some(&admin),
                &json!({"name": "公海", "object": "account", "members": [me],
                        "follow_up_within": "7 天"}),
            )
            .await;
        assert_eq!(pool.status, 201, "{}", pool.body);
        assert_eq!(pool.body["follow_up_within"], "7d", "{}", pool.body);
        let shown = li
            .get(&t, &format!("/pools/{}", pool.body["id"].as_str().unwrap()))
            .await;
        assert!(shown.text.contains("7 天内未跟进则退回"), "{}", shown.text);

        // An administrator's refusals too: a team named like another one.
        let (boss, _) = in_chinese(&t, "boss@example.com", "admin", "总部").await;
        let taken = boss
            .post(&t, "/settings/teams", &[("id", ""), ("name", "华东")])
            .await;
        assert!(
            taken.text.contains("已存在名为“华东”的团队"),
            "{}",
            taken.text
        );
        assert!(!taken.text.contains("exists already"));
        // The approval flows' example condition is read out in Chinese.
        let flows = boss.get(&t, "/settings/approvals").await;
        assert!(
            flows.text.contains("示例的意思是：总金额大于 100,000"),
            "{}",
            flows.text
        );
        // And a salesperson asking for something their role does not allow.
        let settings = li.get(&t, "/settings/teams").await;
        assert_eq!(settings.status, 403, "{}", settings.text);
        assert!(settings.text.contains("只有管理员"), "{}", settings.text);

        // A filter value the list cannot use is said in Chinese above the list.
        let list = li
            .get(&t, "/o/account?c0.f=annual_revenue&c0.o=gt&c0.v=abc")
            .await;
        assert!(list.text.contains("“abc”不是数字"), "{}", list.text);

        // The shipped process is named in the reader's language.
        let board = li.get(&t, "/pipeline/funnel").await;
        assert!(board.text.contains("标准销售流程"), "{}", board.text);
    })
    .await;
}

#[tokio::test]
async fn an_address_that_names_no_record_says_so_in_chinese() {
    each_backend(|t| async move {
        let (li, _) = in_chinese(&t, "li@example.com", "sales", "华东").await;
        for path in [
            "/o/lead/not%20an%20id",
            "/o/lead/..%2F..%2Fetc",
            "/o/lead/x'%3B--",
        ] {
            let page = li.get(&t, path).await;
            assert_eq!(page.status, 404, "{path}");
            assert!(page.text.contains("该记录不存在"), "{path}: {}", page.text);
            assert!(page.text.contains("lang=\"zh-CN\""), "{}", page.text);
        }
    })
    .await;
}
