//! The demo company's own objects, added the way an administrator would without code: service
//! visits, numbered, each with priced items whose totals Pelagic works out like a quote's.

use std::collections::BTreeMap;

use pelagic_app::field_admin::ObjectChange;
use pelagic_app::meta_admin::{NewBehaviour, NewField, NewObject};
use pelagic_app::{Actor, App};
use serde_json::{Value, json};

/// An object's name in one language: (language, singular, plural).
type Named = (&'static str, &'static str, &'static str);

/// The visits' and their items' names in each language.
const NAMES: [(&str, [Named; 4]); 2] = [
    (
        "service_visit",
        [
            ("zh-CN", "上门服务", "上门服务"),
            ("zh-TW", "到府服務", "到府服務"),
            ("es", "Visita de servicio", "Visitas de servicio"),
            ("ru", "Сервисный выезд", "Сервисные выезды"),
        ],
    ),
    (
        "visit_item",
        [
            ("zh-CN", "服务项目", "服务项目"),
            ("zh-TW", "服務項目", "服務項目"),
            ("es", "Concepto de la visita", "Conceptos de la visita"),
            ("ru", "Позиция выезда", "Позиции выезда"),
        ],
    ),
];

/// A visit and its two items in the words of the team selling in each currency.
const WORDS: [(&str, [&str; 3]); 4] = [
    ("CNY", ["年度保养", "安装调试", "线缆套件"]),
    (
        "EUR",
        ["Mantenimiento anual", "Instalación", "Kit de cables"],
    ),
    (
        "RUB",
        ["Ежегодное обслуживание", "Монтаж", "Комплект кабелей"],
    ),
    ("TWD", ["年度保養", "安裝調試", "線纜套件"]),
];

/// What each item is charged: (quantity, price).
const ITEMS: [(&str, &str); 2] = [("2", "300.00"), ("4", "45.00")];

/// A team's first salesperson, the currency they sell in and an account of theirs.
pub struct Visitor<'a> {
    pub actor: &'a Actor,
    pub currency: &'static str,
    pub account: Option<&'a String>,
}

/// Adds the objects and a visit with two items for each visitor; gives how many visits.
pub async fn load(app: &App, admin: &Actor, visitors: &[Visitor<'_>]) -> anyhow::Result<usize> {
    let visit = NewObject {
        name: "service_visit".into(),
        label: "Service visit".into(),
        label_plural: "Service visits".into(),
        menu: Some("work".into()),
        behaviour: NewBehaviour {
            numbered: Some("SV-{yyyy}-{seq:4}".into()),
            lines_of: None,
        },
    };
    app.add_object(admin, visit).await?;
    let account: NewField = serde_json::from_value(json!({
        "name": "account", "label": "Account", "type": "lookup", "target": "account",
        "labels": {"zh-CN": "客户", "zh-TW": "客戶", "es": "Cuenta", "ru": "Клиент"}
    }))?;
    app.add_field(admin, "service_visit", account).await?;
    let items = NewObject {
        name: "visit_item".into(),
        label: "Visit item".into(),
        label_plural: "Visit items".into(),
        menu: Some("none".into()),
        behaviour: NewBehaviour {
            numbered: None,
            lines_of: Some("service_visit".into()),
        },
    };
    app.add_object(admin, items).await?;
    for (object, names) in NAMES {
        let labels = |plural: bool| -> BTreeMap<String, String> {
            names
                .iter()
                .map(|(l, one, many)| {
                    (
                        (*l).to_owned(),
                        (if plural { *many } else { *one }).to_owned(),
                    )
                })
                .collect()
        };
        let change = ObjectChange {
            labels: Some(labels(false)),
            plural_labels: Some(labels(true)),
            ..ObjectChange::default()
        };
        app.update_object(admin, object, change).await?;
    }
    for v in visitors {
        let records = app.records(v.actor);
        let words = WORDS.iter().find(|(c, _)| *c == v.currency).map_or(
            ["Annual maintenance", "Installation", "Cable kit"],
            |(_, w)| *w,
        );
        let mut body = json!({"name": words[0], "currency": v.currency});
        if let Some(account) = v.account {
            body["account"] = Value::from(account.clone());
        }
        let made = records.create("service_visit", &body).await?;
        let id = made.get("id").cloned().unwrap_or_default();
        for ((quantity, price), description) in ITEMS.into_iter().zip(&words[1..]) {
            let item = json!({"service_visit_id": id, "description": description,
                              "quantity": quantity, "unit_price": price,
                              "unit_price_currency": v.currency, "tax_rate": "13"});
            records.create("visit_item", &item).await?;
        }
    }
    Ok(visitors.len())
}
