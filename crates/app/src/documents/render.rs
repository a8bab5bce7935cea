//! Rendering a template for one record. What a template may read is what both its author and
//! the reader may read: the record and what it links to are read as the reader, and every field
//! the author may not read is left out. Templates cannot include files, call out, or run for
//! long (a fuel limit), and every merged value is HTML-escaped.

use pelagic_core::ids::RecordId;
use pelagic_core::said::{Reason, Said};
use std::collections::{BTreeMap, BTreeSet};

use minijinja::{AutoEscape, Environment, UndefinedBehavior, Value};
use pelagic_core::access::{Actor, FieldAccess};
use pelagic_core::filter::Filter;
use pelagic_core::meta::ObjectDef;
use serde_json::{Map, Value as Json, json};

use super::sanitize;
use super::tracked::{FieldRead, Reads};
use crate::records::{ListRequest, Record};
use crate::{App, AppResult};

/// Words a template may use through `t`, given by the caller in the reader's language.
pub const WORDS: [&str; 16] = [
    "description",
    "quantity",
    "unit_price",
    "discount",
    "tax",
    "total",
    "subtotal",
    "valid_until",
    "customer",
    "amount",
    "period",
    "quote",
    "order",
    "tax_number",
    "terms",
    "date",
];

/// Instructions a rendering may spend (a loop over every line of a large order takes a few
/// thousand); a template that runs away stops with an error.
const FUEL: u64 = 2_000_000;
/// Lines a document shows.
const MAX_LINES: i64 = 500;

/// The names a template reads from, and the object each stands for.
pub(super) fn sources(object: &str) -> Vec<(&'static str, String)> {
    let mut s = vec![
        ("record", object.to_owned()),
        ("account", "account".to_owned()),
        ("contact", "contact".to_owned()),
        ("opportunity", "opportunity".to_owned()),
    ];
    s.push(match object {
        "quote" => ("quote", "quote".to_owned()),
        "order" => ("order", "order".to_owned()),
        _ => ("contract", "contract".to_owned()),
    });
    s
}

/// The other names a template may use.
pub(super) const OTHER_NAMES: [&str; 6] = ["lines", "company", "today", "user", "t", "loop"];

pub(super) fn environment(lang: &str) -> Environment<'static> {
    let mut env = Environment::new();
    add_formats(&mut env, lang);
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Lenient);
    env.set_fuel(Some(FUEL));
    // Merged values are always escaped: what a customer's name holds never becomes markup.
    env.remove_filter("safe");
    // An empty field prints nothing (not "none"); everything else is escaped whatever the
    // template says (`{% autoescape false %}` included): only what the engine itself made safe
    // (escaped text, a macro's escaped output, `tojson`) is written as it is.
    env.set_formatter(|out, _state, value| {
        if value.is_none() || value.is_undefined() {
            Ok(())
        } else if value.is_safe() {
            write!(out, "{value}").map_err(minijinja::Error::from)
        } else {
            write!(out, "{}", minijinja::HtmlEscape(&value.to_string()))
                .map_err(minijinja::Error::from)
        }
    });
    env
}

/// Filters that write values the reader's way: `{{ record.total | money(record.total_currency) }}`
/// (¥1,234.50 · 1.234,50 €), `{{ line.quantity | number }}`, `{{ line.tax_rate | percent }}`,
/// `{{ record.valid_until | date }}`.
/// An empty value stays empty; what is not a number or a date is written as it is.
fn add_formats(env: &mut Environment<'static>, lang: &str) {
    use pelagic_core::format;
    let text = |v: &Value| (!v.is_none() && !v.is_undefined()).then(|| v.to_string());
    let lang_money = lang.to_owned();
    env.add_filter("money", move |v: Value, currency: Option<Value>| {
        let currency = currency.as_ref().and_then(text).unwrap_or_default();
        text(&v)
            .map(|t| format::money(&lang_money, &t, &currency))
            .unwrap_or_default()
    });
    let lang_number = lang.to_owned();
    env.add_filter("number", move |v: Value| {
        text(&v)
            .map(|t| format::number(&lang_number, &t))
            .unwrap_or_default()
    });
    let lang_percent = lang.to_owned();
    env.add_filter("percent", move |v: Value| {
        text(&v)
            .map(|t| format::percent(&lang_percent, &t))
            .unwrap_or_default()
    });
    let lang_date = lang.to_owned();
    env.add_filter("date", move |v: Value| {
        text(&v)
            .map(
                |t| match chrono::NaiveDate::parse_from_str(&t, "%Y-%m-%d") {
                    Ok(d) => format::date(&lang_date, d),
                    Err(_) => t,
                },
            )
            .unwrap_or_default()
    });
}

/// Template statements that would write merged values unescaped; refused when a template is
/// saved (rendering escapes regardless).
const RAW_OUTPUT: [&str; 2] = ["autoescape", "safe"];

/// Refuses a template that asks for raw output, naming what it used.
pub(super) fn refuse_raw_output(body: &str) -> AppResult<()> {
    for code in code_blocks(body) {
        let words = code.split(|c: char| !(c.is_alphanumeric() || c == '_'));
        if let Some(word) = words.into_iter().find(|w| RAW_OUTPUT.contains(w)) {
            return Err(crate::AppError::from(
                Said::new(Reason::EscapingOff).with("value", word),
            ));
        }
    }
    Ok(())
}

/// The text inside a template's `{% … %}` and `{{ … }}` blocks.
fn code_blocks(body: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut rest = body;
    while let Some(open) = rest.find('{') {
        let after = &rest[open + 1..];
        let close = match after.chars().next() {
            Some('%') => "%}",
            Some('{') => "}}",
            _ => {
                rest = after;
                continue;
            }
        };
        let inner = &after[1..];
        match inner.find(close) {
            Some(end) => {
                out.push(&inner[..end]);
                rest = &inner[end + close.len()..];
            }
            None => {
                out.push(inner);
                break;
            }
        }
    }
    out
}

/// A template's syntax checked, and the merge fields it names outside loops (`record.total`).
pub(super) fn merge_fields(body: &str) -> AppResult<BTreeSet<String>> {
    let env = environment("en");
    let template = env.template_from_str(body).map_err(|e| {
        crate::AppError::from(Said::new(Reason::TemplateDoesNotRead).with("cause", e))
    })?;
    Ok(template.undeclared_variables(true).into_iter().collect())
}

/// Whether a role may read `key` of a record of `obj` (a field, or a money field's currency).
pub(super) fn may_read(
    app_rules: &crate::access::AccessRules,
    role: &str,
    obj: &ObjectDef,
    key: &str,
) -> bool {
    if key == "id" {
        return true;
    }
    field_of(obj, key).is_some_and(|f| app_rules.field_access(role, &obj.name, f).readable())
}

/// What the reader read, less what the author may not read; decimals without trailing zeros
/// ("2.0000" prints as 2).
fn sandboxed(
    rules: &crate::access::AccessRules,
    author_role: &str,
    obj: &ObjectDef,
    record: Record,
) -> Json {
    Json::Object(
        record
            .into_iter()
            .filter(|(k, _)| may_read(rules, author_role, obj, k))
            .map(|(k, v)| {
                let decimal = obj
                    .field(&k)
                    .is_some_and(|f| f.kind == pelagic_core::FieldKind::Decimal);
                match v {
                    Json::String(s) if decimal && s.contains('.') => {
                        let t = s.trim_end_matches('0').trim_end_matches('.').to_owned();
                        (k, Json::String(t))
                    }
                    v => (k, v),
                }
            })
            .collect::<Map<String, Json>>(),
    )
}

/// What a rendering needs besides the record.
pub(super) struct Rendering<'a> {
    pub body: &'a str,
    pub author_role: &'a str,
    /// Words for `t`, in the reader's language.
    pub words: &'a Json,
    /// The document's title, for the page's title.
    pub title: &'a str,
}

/// A rendered page and the fields it read.
pub(super) struct Rendered {
    pub html: String,
    pub reads: Vec<FieldRead>,
}

impl App {
    /// Renders `r.body` for the record `object` `id` as `reader`, into a whole HTML page that
    /// loads nothing from anywhere, noting every field the template read.
    pub(super) async fn render_page(
        &self,
        reader: &Actor,
        object: &str,
        id: &str,
        r: &Rendering<'_>,
    ) -> AppResult<Rendered> {
        let records = self.records(reader);
        let snap = self.snapshot().await?;
        let rules = &snap.access;
        let record = records.get(object, &RecordId::stored(id)).await?;
        let obj = snap.schema.object(object)?;
        let reads = Reads::default();
        let mut ctx: BTreeMap<String, Value> = BTreeMap::new();
        let linked = |key: &str| record.get(key).and_then(Json::as_str).map(str::to_owned);
        for (name, source) in sources(object) {
            let value = if source == object {
                reads.record(
                    object,
                    Some(id),
                    sandboxed(rules, r.author_role, obj, record.clone()),
                )
            } else {
                let target = snap.schema.object(&source)?;
                match linked(&format!("{source}_id")) {
                    Some(link) => match records.get(&source, &RecordId::stored(link.clone())).await
                    {
                        Ok(found) => reads.record(
                            &source,
                            Some(&link),
                            sandboxed(rules, r.author_role, target, found),
                        ),
                        Err(_) => Value::from(BTreeMap::<String, Value>::new()),
                    },
                    None => Value::from(BTreeMap::<String, Value>::new()),
                }
            };
            ctx.insert(name.to_owned(), value);
        }
        let line_object = format!("{object}_line");
        let mut lines = Vec::new();
        if let Ok(line_obj) = snap.schema.object(&line_object) {
            let req = ListRequest {
                filter: Filter::from_json(
                    &json!({"field": format!("{object}_id"), "op": "eq", "value": id}),
                )
                .ok(),
                sort: vec![("position".to_owned(), false)],
                limit: Some(MAX_LINES),
                ..ListRequest::default()
            };
            if let Ok(page) = records.list(&line_object, &req).await {
                lines = page
                    .data
                    .into_iter()
                    .map(|l| {
                        reads.record(
                            &line_object,
                            None,
                            sandboxed(rules, r.author_role, line_obj, l),
                        )
                    })
                    .collect();
            }
        }
        ctx.insert("lines".into(), Value::from(lines));
        ctx.insert(
            "company".into(),
            Value::from(minijinja::value::Serde(self.company_profile().await?)),
        );
        let zone = pelagic_core::period::zone(&reader.time_zone);
        ctx.insert(
            "today".into(),
            Value::from(self.now().with_timezone(&zone).date_naive().to_string()),
        );
        ctx.insert(
            "user".into(),
            Value::from(minijinja::value::Serde(json!({"name": reader.name}))),
        );
        ctx.insert("t".into(), Value::from(minijinja::value::Serde(r.words)));
        let env = environment(&reader.locale);
        let html = env.render_str(r.body, Value::from(ctx)).map_err(|e| {
            crate::AppError::from(Said::new(Reason::TemplateCouldNotRender).with("cause", e))
        })?;
        let html = page(&reader.locale, r.title, &sanitize::clean(&html));
        let reads = reads
            .taken()
            .into_iter()
            .map(|mut read| {
                read.masked = snap.schema.object(&read.object).is_ok_and(|o| {
                    field_of(o, &read.field).is_some_and(|f| {
                        rules.field_access(&reader.role, &o.name, f) == FieldAccess::Masked
                    })
                });
                read
            })
            .collect();
        Ok(Rendered { html, reads })
    }
}

/// The field a merge key stands for: a field, or the money field whose currency it is.
pub(super) fn field_of<'a>(obj: &'a ObjectDef, key: &str) -> Option<&'a pelagic_core::FieldDef> {
    obj.field(key).or_else(|| {
        key.strip_suffix("_currency")
            .and_then(|base| obj.field(base))
    })
}

/// A whole page around a rendered template: UTF-8, the reader's language, fonts that cover
/// Chinese, Cyrillic and accented Latin, and a policy that lets it load nothing.
fn page(lang: &str, title: &str, body: &str) -> String {
    let title = escape(title);
    format!(
        r#"<!doctype html>
<html lang="{}">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:; base-uri 'none'; form-action 'none'">
<title>{title}</title>
<style>
  @page {{ size: A4; margin: 18mm 16mm; }}
  body {{ font-family: "Noto Sans", "Noto Sans CJK SC", "Noto Sans CJK TC", "Noto Sans CJK JP", "DejaVu Sans", sans-serif; font-size: 10.5pt; color: #111; }}
  :lang(zh-TW) body, body:lang(zh-TW) {{ font-family: "Noto Sans", "Noto Sans CJK TC", "Noto Sans CJK SC", sans-serif; }}
</style>
</head>
<body>
{body}
</body>
</html>
"#,
        escape(lang)
    )
}

/// HTML text escaping for what Pelagic itself writes into the page.
fn escape(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
