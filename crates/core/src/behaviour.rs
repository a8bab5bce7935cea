//! What an object's records do beyond being stored, declared in its metadata (`[behaviour]`).
//!
//! The record pipeline runs a fixed sequence of hooks; each hook applies to the objects whose
//! behaviour declares it. A new object, shipped or an administrator's, gets behaviour by
//! declaration: the pipeline never names an object.

use serde::{Deserialize, Serialize};
use serde_json::json;

use crate::CoreError;
use crate::kind::FieldKind;
use std::sync::Arc;

use crate::meta::{FieldDef, ObjectDef, Schema};
use crate::said::{Reason, Said};

/// The behaviours an object declares; every one is off unless declared.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Behaviour {
    /// Records get a number when created, from this pattern until an administrator sets
    /// another (`QT-{yyyy}-{seq:4}`); the number is kept in the `number` field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbered: Option<String>,
    /// Records count in another record's figures (a quote's lines, an order's payments).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub rolls_up_into: Option<RollUp>,
    /// The field stamped with the time whenever `status` changes.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub status_clock: Option<String>,
    /// When records refuse changes by their `status`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub lock: Option<Lock>,
    /// Records are revised into versions: version 1 when created, the newest one `latest`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub versioned: bool,
    /// Records move by steps (submit, send, accept, reject, revise), never by editing `status`.
    #[serde(default, skip_serializing_if = "is_false")]
    pub steps: bool,
    /// Records may be submitted for approval by whoever may edit them.
    #[serde(default, skip_serializing_if = "is_false")]
    pub submitted: bool,
    /// New records wait for approval when an approval flow's condition holds.
    #[serde(default, skip_serializing_if = "is_false")]
    pub approval_on_create: bool,
    /// Records refund a payment, named by this link: they take its order and account and may
    /// not exceed what is left of it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub refunds: Option<String>,
    /// Records move through the stages of their team's sales process (`stage`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub stages: bool,
    /// Records are follow-ups: logging one touches what it is about and restarts its pool clock,
    /// and may plan the next task.
    #[serde(default, skip_serializing_if = "is_false")]
    pub follow_up: bool,
    /// Records remind before they are due (`due_at`, `remind_before` → `remind_at`).
    #[serde(default, skip_serializing_if = "is_false")]
    pub reminds: bool,
    /// Records keep a renewal reminder from their end date and notice.
    #[serde(default, skip_serializing_if = "is_false")]
    pub renews: bool,
    /// Records are converted into others; their `status` becomes `converted` only that way and
    /// `invalid` only with a reason.
    #[serde(default, skip_serializing_if = "is_false")]
    pub converts: bool,
    /// The user field naming who works the record beside its owner (a task's assignee).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assignee: Option<String>,
}

fn is_false(b: &bool) -> bool {
    !*b
}

/// Where records count: the object whose figures they move and the link field naming the record.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RollUp {
    pub object: String,
    pub link: String,
    /// What the records are to it.
    #[serde(rename = "as")]
    pub part: Part,
}

/// What a record that rolls up is to the record it counts in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Part {
    /// A priced line: its amounts are worked out and summed into the document's totals.
    Line,
    /// An instalment of the amount due, settled in order by what was received.
    Instalment,
    /// Money received.
    Payment,
    /// Money given back from a payment; counted once approved.
    Refund,
}

/// Which statuses lock a record against changes.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Lock {
    /// Records change only in these statuses (a quote in its draft).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub editable_in: Vec<String>,
    /// Records no longer change in these statuses (an order completed or cancelled).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub closed_in: Vec<String>,
}

impl Lock {
    /// Why a record in `status` may not change, if it may not.
    pub fn refuses(&self, status: Option<&str>) -> Option<Reason> {
        let status = status?;
        if !self.editable_in.is_empty() && !self.editable_in.iter().any(|s| s == status) {
            return Some(Reason::OnlyDraftQuoteChanges);
        }
        self.closed_in
            .iter()
            .any(|s| s == status)
            .then_some(Reason::OrderClosed)
    }
}

/// The field a numbered object keeps its number in.
pub const NUMBER_FIELD: &str = "number";

/// The field a record's lifecycle lives in (locks, steps, the status clock).
pub const STATUS_FIELD: &str = "status";

impl Behaviour {
    /// Checks that every field a declaration names is one of the object's `fields`.
    pub fn check(&self, fields: &[FieldDef]) -> Result<(), CoreError> {
        let has = |name: &str| fields.iter().any(|f| f.name == name);
        let named = [
            self.numbered.as_ref().map(|_| NUMBER_FIELD),
            self.rolls_up_into.as_ref().map(|r| r.link.as_str()),
            self.status_clock.as_deref(),
            self.lock.as_ref().map(|_| STATUS_FIELD),
            self.refunds.as_deref(),
            self.assignee.as_deref(),
        ];
        match named.into_iter().flatten().find(|n| !has(n)) {
            Some(missing) => Err(CoreError::field(
                "behaviour",
                Said::new(Reason::NotAFieldHere).with("field", missing),
            )),
            None => Ok(()),
        }
    }
}

/// The name every custom object's records start with.
pub fn name_field() -> FieldDef {
    let mut name = FieldDef::new("name", "Name", FieldKind::Text);
    name.required = true;
    name.searchable = true;
    name.indexed = true;
    labelled(name)
}

/// The fields a custom object declared numbered gets.
pub fn number_fields() -> Vec<FieldDef> {
    fields(vec![
        json!({"name": NUMBER_FIELD, "label": "Number", "kind": "text",
                       "system": true, "searchable": true}),
    ])
}

impl Schema {
    /// The objects whose records count in records of `document` as `part`, with their link.
    pub fn parts_of<'s>(
        &'s self,
        document: &'s str,
        part: Part,
    ) -> impl Iterator<Item = (&'s Arc<ObjectDef>, &'s RollUp)> + 's {
        self.objects.values().filter_map(move |o| {
            o.behaviour
                .rolls_up_into
                .as_ref()
                .filter(|r| r.object == document && r.part == part)
                .map(|r| (o, r))
        })
    }

    /// Whether records of `object` carry figures summed from records that roll up into them.
    pub fn has_figures(&self, object: &str) -> bool {
        self.objects.values().any(|o| {
            o.behaviour
                .rolls_up_into
                .as_ref()
                .is_some_and(|r| r.object == object)
        })
    }
}

/// The fields of a priced line, as `line_prices` and `figures` read and write them: its link to
/// the document (`link` naming a record of `document`), the product of the `catalogue` if there
/// is one, and what it is, costs and comes to.
pub fn line_fields(link: &str, document: &str, catalogue: Option<&str>) -> Vec<FieldDef> {
    let mut specs = vec![
        json!({"name": link, "label": "Document", "kind": "lookup", "target": document,
               "cascade": true, "required": true, "indexed": true}),
        json!({"name": "position", "label": "Position", "kind": "integer", "min": 0, "max": 100000}),
    ];
    if let Some(products) = catalogue {
        specs.push(
            json!({"name": "product_id", "label": "Product", "kind": "lookup",
                          "target": products, "indexed": true}),
        );
    }
    specs.extend([
        json!({"name": "description", "label": "Description", "kind": "text", "searchable": true}),
        json!({"name": "quantity", "label": "Quantity", "kind": "decimal", "min": 0,
               "max": 1_000_000_000, "scale": 4, "default": "1"}),
        json!({"name": "unit", "label": "Unit", "kind": "text"}),
        json!({"name": "unit_price", "label": "Unit price", "kind": "money", "min": 0}),
        json!({"name": "discount_percent", "label": "Discount %", "kind": "percent", "min": 0, "max": 100}),
        json!({"name": "tax_rate", "label": "Tax rate", "kind": "percent", "min": 0, "max": 100}),
    ]);
    specs.extend(amounts());
    fields(specs)
}

/// The fields of a record that sums priced lines: its currency, an extra discount and totals.
pub fn document_fields() -> Vec<FieldDef> {
    let mut specs = vec![
        json!({"name": "currency", "label": "Currency", "kind": "text", "max_length": 3}),
        json!({"name": "discount_percent", "label": "Discount %", "kind": "percent", "min": 0, "max": 100}),
        json!({"name": "discount_rate", "label": "Discount rate", "kind": "percent", "system": true}),
    ];
    specs.extend(amounts());
    fields(specs)
}

/// The amounts the engine works out, on a line and on its document.
fn amounts() -> [serde_json::Value; 4] {
    ["subtotal", "discount_amount", "tax_amount", "total"].map(|name| {
        let label = match name {
            "subtotal" => "Subtotal",
            "discount_amount" => "Discount",
            "tax_amount" => "Tax",
            _ => "Total",
        };
        json!({"name": name, "label": label, "kind": "money", "system": true})
    })
}

/// The engine's fields' names in the other languages (`zh-CN`, `zh-TW`, `es`, `ru`), as the
/// shipped quotes and their lines name them.
const LABELS: [(&str, [&str; 4]); 17] = [
    ("name", ["名称", "名稱", "Nombre", "Название"]),
    ("number", ["编号", "編號", "Número", "Номер"]),
    ("currency", ["币种", "幣別", "Moneda", "Валюта"]),
    (
        "discount_rate",
        ["总折扣率", "總折扣率", "Descuento global", "Общая скидка"],
    ),
    ("position", ["序号", "項次", "Posición", "№ п/п"]),
    ("product_id", ["产品名称", "產品名稱", "Producto", "Товар"]),
    ("description", ["描述", "說明", "Descripción", "Описание"]),
    ("quantity", ["数量", "數量", "Cantidad", "Количество"]),
    ("unit", ["单位", "單位", "Unidad", "Единица измерения"]),
    (
        "unit_price",
        ["单价", "單價", "Precio unitario", "Цена за единицу"],
    ),
    ("discount_percent", ["折扣", "折扣", "Descuento", "Скидка"]),
    (
        "tax_rate",
        ["税率", "稅率", "Tasa de impuesto", "Ставка налога"],
    ),
    ("subtotal", ["金额", "金額", "Importe", "Сумма"]),
    (
        "discount_amount",
        [
            "折扣金额",
            "折扣金額",
            "Importe del descuento",
            "Сумма скидки",
        ],
    ),
    ("tax_amount", ["税额", "稅額", "Impuestos", "Налог"]),
    ("total", ["合计", "合計", "Total", "Итого"]),
    ("document", ["单据", "單據", "Documento", "Документ"]),
];

/// The languages of `LABELS`, in its order.
const LANGUAGES: [&str; 4] = ["zh-CN", "zh-TW", "es", "ru"];

fn fields(specs: Vec<serde_json::Value>) -> Vec<FieldDef> {
    specs
        .into_iter()
        .filter_map(|s| serde_json::from_value::<FieldDef>(s).ok())
        .map(labelled)
        .collect()
}

/// An engine field with its names in the other languages.
fn labelled(mut f: FieldDef) -> FieldDef {
    let key = if f.kind == FieldKind::Lookup && f.name != "product_id" {
        "document"
    } else {
        f.name.as_str()
    };
    if let Some((_, names)) = LABELS.iter().find(|(n, _)| *n == key) {
        f.labels = LANGUAGES
            .iter()
            .zip(names)
            .map(|(l, n)| ((*l).to_owned(), (*n).to_owned()))
            .collect();
    }
    f
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_lock_refuses_outside_the_editable_statuses_and_inside_the_closed_ones() {
        let draft_only = Lock {
            editable_in: vec!["draft".into()],
            closed_in: vec![],
        };
        assert_eq!(draft_only.refuses(Some("draft")), None);
        assert_eq!(
            draft_only.refuses(Some("sent")),
            Some(Reason::OnlyDraftQuoteChanges)
        );
        let closing = Lock {
            editable_in: vec![],
            closed_in: vec!["completed".into()],
        };
        assert_eq!(closing.refuses(Some("open")), None);
        assert_eq!(
            closing.refuses(Some("completed")),
            Some(Reason::OrderClosed)
        );
        assert_eq!(closing.refuses(None), None);
    }

    #[test]
    fn a_declaration_naming_a_missing_field_is_refused() {
        let b = Behaviour {
            status_clock: Some("moved_at".into()),
            ..Behaviour::default()
        };
        assert!(b.check(&[]).is_err());
        let field = FieldDef::new("moved_at", "Moved", FieldKind::Datetime);
        assert!(b.check(&[field]).is_ok());
    }

    #[test]
    fn a_line_gets_every_field_pricing_reads_and_its_document_every_total() {
        let line = line_fields("job_id", "job", Some("product"));
        for name in [
            "job_id",
            "product_id",
            "quantity",
            "unit_price",
            "tax_rate",
            "total",
        ] {
            assert!(line.iter().any(|f| f.name == name), "{name}");
        }
        assert_eq!(line_fields("job_id", "job", None).len(), line.len() - 1);
        let document = document_fields();
        for name in [
            "currency",
            "discount_percent",
            "subtotal",
            "tax_amount",
            "total",
        ] {
            assert!(document.iter().any(|f| f.name == name), "{name}");
        }
    }
}
