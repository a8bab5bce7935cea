//! Field names, select options, money, dates, emails and scripts follow the record contract.

mod common;

use common::*;
use pelagic_sample::{Locale, Sample};
use serde_json::Value;

const N: u64 = 5_000;
const AT: &str = "2026-02-03T04:05:06Z";

fn one_of(record: &Value, field: &str, options: &[&str]) {
    let value = text(record, field);
    assert!(
        options.contains(&value),
        "{field} = {value:?} is not an option, in {record}"
    );
}

fn is_money(s: &str) -> bool {
    let Some((whole, cents)) = s.split_once('.') else {
        return false;
    };
    !whole.is_empty()
        && whole.chars().all(|c| c.is_ascii_digit())
        && (whole == "0" || !whole.starts_with('0'))
        && cents.len() == 2
        && cents.chars().all(|c| c.is_ascii_digit())
}

fn is_date(s: &str) -> bool {
    let parts: Vec<&str> = s.split('-').collect();
    let [y, m, d] = parts.as_slice() else {
        return false;
    };
    let (Ok(y), Ok(m), Ok(d)) = (y.parse::<u32>(), m.parse::<u32>(), d.parse::<u32>()) else {
        return false;
    };
    let days = match m {
        2 if y % 4 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        1..=12 => 31,
        _ => return false,
    };
    s.len() == 10 && (1..=days).contains(&d)
}

fn keys(record: &Value) -> Vec<&str> {
    record
        .as_object()
        .expect("an object")
        .keys()
        .map(String::as_str)
        .collect()
}

#[test]
fn every_select_value_is_one_of_the_allowed_options() {
    let mut sample = Sample::new(3);
    for i in 0..N {
        let a = sample.account(i);
        one_of(&a, "type", &ACCOUNT_TYPES);
        one_of(&a, "level", &LEVELS);
        one_of(&a, "industry", &INDUSTRIES);
        one_of(&a, "source", &SOURCES);
        let tags: Vec<&str> = a["tags"]
            .as_array()
            .expect("tags")
            .iter()
            .map(|t| t.as_str().expect("tag"))
            .collect();
        assert!(
            tags.len() <= 2 && tags.iter().all(|t| TAGS.contains(t)),
            "{a}"
        );
        assert!(tags.len() < 2 || tags[0] != tags[1], "repeated tag in {a}");
        let c = sample.contact(i, Some("acc"));
        one_of(&c, "decision_role", &ROLES);
        let l = sample.lead(i);
        one_of(&l, "status", &LEAD_STATUSES);
        one_of(&l, "source", &SOURCES);
        one_of(&l, "industry", &INDUSTRIES);
        let o = sample.opportunity(i, "acc");
        one_of(&o, "stage", &STAGES);
        let t = sample.task(i, None, AT);
        one_of(&t, "status", &TASK_STATUSES);
        one_of(&t, "priority", &PRIORITIES);
        one_of(&sample.activity(i, ("lead", "l1"), AT), "kind", &KINDS);
    }
}

#[test]
fn records_carry_exactly_the_contract_fields() {
    let mut sample = Sample::new(4);
    let first = sample.account(0);
    let mut account = keys(&first);
    account.sort_unstable();
    let mut expected = vec![
        "name",
        "type",
        "level",
        "industry",
        "region",
        "source",
        "phone",
        "email",
        "website",
        "address",
        "annual_revenue",
        "tags",
    ];
    expected.sort_unstable();
    assert_eq!(account, expected);
    for i in 0..200 {
        let locale = Sample::locale_of(i);
        let contact = sample.contact(i, if i % 2 == 0 { Some("acc") } else { None });
        assert_eq!(contact.get("account_id").is_some(), i % 2 == 0);
        let chinese = matches!(
            locale,
            Locale::SimplifiedChinese | Locale::TraditionalChinese
        );
        assert!(
            chinese || contact.get("wechat").is_none(),
            "wechat outside Chinese locales: {contact}"
        );
        if locale == Locale::SimplifiedChinese {
            assert!(contact.get("wechat").is_some(), "{contact}");
        }
        for field in [
            "name",
            "title",
            "decision_role",
            "phone",
            "mobile",
            "email",
            "birthday",
        ] {
            assert!(contact[field].is_string(), "{field} missing in {contact}");
        }
        let lead = sample.lead(i);
        for field in [
            "name", "company", "title", "phone", "email", "status", "source", "region", "industry",
        ] {
            assert!(lead[field].is_string(), "{field} missing in {lead}");
        }
        let task = sample.task(
            i,
            if i % 3 == 0 {
                None
            } else {
                Some(("account", "a9"))
            },
            AT,
        );
        assert_eq!(task["due_at"], AT);
        assert_eq!(task.get("related").is_some(), i % 3 != 0);
        let activity = sample.activity(i, ("opportunity", "o7"), AT);
        assert_eq!(
            activity["related"],
            serde_json::json!({"object": "opportunity", "id": "o7"})
        );
        assert_eq!(activity["occurred_at"], AT);
    }
}

#[test]
fn wechat_ids_are_ascii_and_start_with_a_letter() {
    let mut sample = Sample::new(6);
    for i in 0..2_000 {
        let contact = sample.contact(i, None);
        if let Some(id) = contact.get("wechat").and_then(Value::as_str) {
            assert!((6..=20).contains(&id.len()), "{id}");
            assert!(id.starts_with(|c: char| c.is_ascii_alphabetic()), "{id}");
            assert!(
                id.chars().all(|c| c.is_ascii_alphanumeric() || c == '_'),
                "{id}"
            );
        }
    }
}

#[test]
fn money_strings_parse_as_two_decimal_numbers() {
    let mut sample = Sample::new(5);
    for i in 0..N {
        let revenue = text(&sample.account(i), "annual_revenue").to_owned();
        let amount = text(&sample.opportunity(i, "a"), "amount").to_owned();
        for money in [revenue, amount] {
            assert!(is_money(&money), "{money}");
            assert!(money.parse::<f64>().is_ok_and(|v| v > 0.0), "{money}");
        }
    }
}

#[test]
fn probability_matches_the_stage_and_only_lost_deals_have_a_reason() {
    let mut sample = Sample::new(8);
    let mut stages = std::collections::BTreeSet::new();
    for i in 0..N {
        let o = sample.opportunity(i, "a");
        let stage = text(&o, "stage");
        let expected = match stage {
            "qualification" => "10.00",
            "needs_analysis" => "25.00",
            "proposal" => "50.00",
            "negotiation" => "75.00",
            "won" => "100.00",
            _ => "0.00",
        };
        assert_eq!(text(&o, "probability"), expected, "{o}");
        assert_eq!(o.get("lost_reason").is_some(), stage == "lost", "{o}");
        let close = text(&o, "expected_close_date");
        assert!(
            is_date(close) && (close.starts_with("2026") || close.starts_with("2027")),
            "{o}"
        );
        stages.insert(stage.to_owned());
    }
    assert_eq!(stages.len(), STAGES.len(), "every stage occurs");
}

#[test]
fn dates_are_real_calendar_days() {
    let mut sample = Sample::new(10);
    for i in 0..N {
        let birthday = text(&sample.contact(i, None), "birthday").to_owned();
        assert!(is_date(&birthday), "{birthday}");
        let year: u32 = birthday[..4].parse().expect("year");
        assert!((1950..=2008).contains(&year), "{birthday}");
    }
}

#[test]
fn emails_are_lowercase_ascii_with_valid_syntax_and_websites_are_https() {
    let mut sample = Sample::new(12);
    for i in 0..N {
        let account = sample.account(i);
        let contact = sample.contact(i, None);
        let colleague = sample.contact_of_account(i, i, "a");
        let lead = sample.lead(i);
        for email in [&account, &contact, &colleague, &lead].map(|r| text(r, "email")) {
            assert!(is_valid_email(email), "{email}");
        }
        let website = text(&account, "website");
        let host = website.strip_prefix("https://").expect("https");
        assert!(is_valid_email(&format!("x@{host}")), "{website}");
        let domain = text(&account, "email")
            .split_once('@')
            .map(|(_, d)| d.to_owned());
        assert!(
            host.ends_with(domain.as_deref().unwrap_or("?")),
            "{account}"
        );
    }
    for _ in 0..100 {
        for locale in Locale::ALL {
            let person = sample.person(locale);
            assert!(is_valid_email(&person.email), "{person:?}");
        }
    }
}

#[test]
fn all_five_locales_occur_in_any_small_dataset() {
    let seen: std::collections::BTreeSet<Locale> = (0..20).map(Sample::locale_of).collect();
    assert_eq!(seen.len(), 5);
    for locale in Locale::ALL {
        assert!(!locale.code().is_empty() && locale.region().len() == 2);
    }
    assert_eq!(
        Locale::ALL.map(Locale::code),
        ["en", "zh-CN", "zh-TW", "es", "ru"]
    );
}

#[test]
fn names_and_texts_are_written_in_the_locale_script() {
    let mut sample = Sample::new(21);
    for i in 0..2_000 {
        let locale = Sample::locale_of(i);
        let account = sample.account(i);
        let contact = sample.contact(i, None);
        let task = sample.task(i, None, AT);
        let activity = sample.activity(i, ("account", "a"), AT);
        let texts = [
            text(&account, "name"),
            text(&account, "region"),
            text(&account, "address"),
            text(&contact, "name"),
            text(&contact, "title"),
            text(&task, "subject"),
            text(&activity, "body"),
        ];
        for t in texts {
            let ok = match locale {
                Locale::SimplifiedChinese | Locale::TraditionalChinese => t.chars().any(is_cjk),
                Locale::Russian => t.chars().any(is_cyrillic),
                Locale::English | Locale::Spanish => {
                    t.chars().all(|c| !is_cjk(c) && !is_cyrillic(c))
                }
            };
            assert!(ok, "{} text not in its script: {t}", locale.code());
        }
        if locale == Locale::English {
            assert!(text(&account, "name").is_ascii(), "{account}");
        }
    }
}

#[test]
fn simplified_and_traditional_chinese_are_not_mixed() {
    // Characters that exist in only one of the two scripts.
    const SIMPLIFIED_ONLY: &str = "华兴达东业务发经报价户电话单区号楼长门会议这对为们时现过还开关";
    const TRADITIONAL_ONLY: &str =
        "華興達東業務發經報價戶電話單區號樓長門會議這對為們時現過還開關臺";
    let mut sample = Sample::new(31);
    let mut zh_tw = String::new();
    let mut zh_cn = String::new();
    for i in 0..3_000 {
        let locale = Sample::locale_of(i);
        let out = match locale {
            Locale::SimplifiedChinese => &mut zh_cn,
            Locale::TraditionalChinese => &mut zh_tw,
            _ => continue,
        };
        for record in [
            sample.account(i),
            sample.contact(i, None),
            sample.lead(i),
            sample.opportunity(i, "a"),
            sample.task(i, None, AT),
            sample.activity(i, ("account", "a"), AT),
        ] {
            out.push_str(&record.to_string());
        }
    }
    for locale in [Locale::SimplifiedChinese, Locale::TraditionalChinese] {
        let person = sample.person(locale);
        let out = if locale == Locale::SimplifiedChinese {
            &mut zh_cn
        } else {
            &mut zh_tw
        };
        out.push_str(&format!("{}{}{}", person.name, person.title, person.city));
        out.push_str(&Sample::team_names(locale).concat());
    }
    let wrong_in_tw: String = zh_tw
        .chars()
        .filter(|c| SIMPLIFIED_ONLY.contains(*c))
        .collect();
    let wrong_in_cn: String = zh_cn
        .chars()
        .filter(|c| TRADITIONAL_ONLY.contains(*c))
        .collect();
    assert!(
        wrong_in_tw.is_empty(),
        "simplified characters in zh-TW output: {wrong_in_tw}"
    );
    assert!(
        wrong_in_cn.is_empty(),
        "traditional characters in zh-CN output: {wrong_in_cn}"
    );
}

#[test]
fn team_names_are_in_the_locale_language() {
    assert_eq!(Sample::team_names(Locale::English)[0], "Enterprise Sales");
    assert!(
        Sample::team_names(Locale::SimplifiedChinese)
            .iter()
            .all(|t| t.chars().all(is_cjk))
    );
    assert!(
        Sample::team_names(Locale::TraditionalChinese)
            .iter()
            .all(|t| t.chars().all(is_cjk))
    );
    assert!(
        Sample::team_names(Locale::Russian)
            .iter()
            .all(|t| t.chars().any(is_cyrillic))
    );
    assert!(
        Sample::team_names(Locale::Spanish)
            .iter()
            .any(|t| t.contains("Ventas"))
    );
}
