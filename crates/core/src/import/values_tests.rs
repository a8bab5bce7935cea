//! Cells read the way people write them.

use super::*;
use crate::meta::FieldDef;

fn how(day_first: bool, decimal_comma: bool) -> Reading {
    Reading {
        day_first,
        decimal_comma,
        zone: chrono_tz::Asia::Shanghai,
    }
}

fn field(name: &str, kind: FieldKind) -> FieldDef {
    serde_json::from_value(serde_json::json!({
        "name": name, "label": name, "kind": kind, "column": name,
    }))
    .expect("a field")
}

#[test]
fn numbers_with_either_decimal_mark_and_thousands_separators() {
    let en = how(false, false);
    let es = how(true, true);
    assert_eq!(number("1,234.50", &en).unwrap(), "1234.50");
    assert_eq!(number("1.234,50", &es).unwrap(), "1234.50");
    assert_eq!(number("1 234,5", &es).unwrap(), "1234.5");
    assert_eq!(
        number("12,5", &en).unwrap(),
        "12.5",
        "one comma, not in threes"
    );
    assert_eq!(number("1,234", &en).unwrap(), "1234");
    assert_eq!(number("1.234", &es).unwrap(), "1234");
    assert_eq!(number("(12.00)", &en).unwrap(), "-12.00");
    assert_eq!(number("-7", &en).unwrap(), "-7");
    assert_eq!(number("12abc", &en).unwrap_err().reason, Reason::NotANumber);
}

#[test]
fn money_takes_its_currency_from_the_symbol_or_the_code() {
    let en = how(false, false);
    let es = how(true, true);
    assert_eq!(
        money("¥12,800.00", &en).unwrap(),
        ("12800.00".into(), Some("CNY".into()))
    );
    assert_eq!(
        money("1.234,50 €", &es).unwrap(),
        ("1234.50".into(), Some("EUR".into()))
    );
    assert_eq!(
        money("USD 99", &en).unwrap(),
        ("99".into(), Some("USD".into()))
    );
    assert_eq!(
        money("15 000 руб.", &es).unwrap(),
        ("15000".into(), Some("RUB".into()))
    );
    assert_eq!(
        money("$5.00", &en).unwrap(),
        ("5.00".into(), None),
        "$ alone names no currency"
    );
}

#[test]
fn dates_in_the_common_layouts() {
    let day_first = how(true, false);
    let month_first = how(false, false);
    let march_first = NaiveDate::from_ymd_opt(2026, 3, 1).unwrap();
    for text in [
        "2026-03-01",
        "2026/3/1",
        "2026年3月1日",
        "1.3.2026",
        "01/03/2026",
    ] {
        assert_eq!(date(text, &day_first).unwrap(), march_first, "{text}");
    }
    assert_eq!(date("03/01/2026", &month_first).unwrap(), march_first);
    assert_eq!(
        date("1.3.2026", &month_first).unwrap(),
        march_first,
        "dots are day first"
    );
    assert_eq!(
        date("31/02/2026", &day_first).unwrap_err().reason,
        Reason::NotADate
    );
    let at = datetime("2026-03-01 09:30", &day_first).unwrap();
    assert_eq!(at, "2026-03-01T09:30:00+08:00", "in the file's zone");
}

#[test]
fn yes_and_no_in_five_languages() {
    for yes in ["yes", "是", "Sí", "да", "TRUE", "1"] {
        assert!(boolean(yes).unwrap(), "{yes}");
    }
    for no in ["no", "否", "нет", "False", "0"] {
        assert!(!boolean(no).unwrap(), "{no}");
    }
    assert!(boolean("maybe").is_err());
}

#[test]
fn options_by_key_or_by_a_label_in_any_language() {
    let industry = field("industry", FieldKind::Select);
    let options = [
        (
            "retail".to_owned(),
            vec![
                "Retail".to_owned(),
                "零售".to_owned(),
                "Comercio minorista".to_owned(),
            ],
        ),
        (
            "finance".to_owned(),
            vec![
                "Finance".to_owned(),
                "金融".to_owned(),
                "Финансы".to_owned(),
            ],
        ),
    ];
    let how = how(true, false);
    let got = |t: &str| cell(&industry, t, &how, &options);
    assert_eq!(
        got("零售").unwrap(),
        [("industry".to_owned(), Json::String("retail".into()))]
    );
    assert_eq!(got("FINANCE").unwrap()[0].1, "finance");
    assert_eq!(got("финансы").unwrap()[0].1, "finance");
    assert_eq!(got("").unwrap(), [], "an empty cell gives nothing");
    assert_eq!(got("toys").unwrap_err().reason, Reason::NotAnOptionOf);
    let tags = field("tags", FieldKind::Multiselect);
    let both = cell(&tags, "零售、金融", &how, &options).unwrap();
    assert_eq!(both[0].1, serde_json::json!(["retail", "finance"]));
}

#[test]
fn money_cells_give_the_currency_they_name() {
    let amount = field("amount", FieldKind::Money);
    let got = cell(&amount, "¥ 12,800", &how(false, false), &[]).unwrap();
    assert_eq!(
        got,
        [
            ("amount".to_owned(), Json::String("12800".into())),
            ("amount_currency".to_owned(), Json::String("CNY".into())),
        ]
    );
}
