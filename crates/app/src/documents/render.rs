//! Rendering a template for one record. What a template may read is what both its author and
//! the reader may read: the record and what it links to are read as the reader, and every field
//! the author may not read is left out. Templates cannot include files, call out, or run for
//! long (a fuel limit), and every merged value is HTML-escaped.

use std::collections::BTreeSet;

use minijinja::{AutoEscape, Environment, UndefinedBehavior};
use pelagic_core::access::Actor;
use pelagic_core::filter::Filter;
use pelagic_core::meta::ObjectDef;
use serde_json::{Map, Value as Json, json};

use crate::records::{ListRequest, Record};
use crate::{App, AppError, AppResult};

/// Words a template may use through `t`, given by the caller in the reader's language.
pub const WORDS: [&str; 11] = [
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

pub(super) fn environment() -> Environment<'static> {
    let mut env = Environment::new();
    env.set_auto_escape_callback(|_| AutoEscape::Html);
    env.set_undefined_behavior(UndefinedBehavior::Lenient);
    env.set_fuel(Some(FUEL));
    // Merged values are always escaped: what a customer's name holds never becomes markup.
    env.remove_filter("safe");
    // An empty field prints nothing (not "none").
    env.set_formatter(|out, state, value| {
        if value.is_none() || value.is_undefined() {
            Ok(())
        } else {
            minijinja::escape_formatter(out, state, value)
        }
    });
    env
}

/// A template's syntax checked, and the merge fields it names outside loops (`record.total`).
pub(super) fn merge_fields(body: &str) -> AppResult<BTreeSet<String>> {
    let env = environment();
    let template = env
        .template_from_str(body)
        .map_err(|e| AppError::Invalid(format!("the template does not read: {e}")))?;
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
    let field = obj.field(key).or_else(|| {
        key.strip_suffix("_currency")
            .and_then(|base| obj.field(base))
    });
    field.is_some_and(|f| app_rules.field_access(role, &obj.name, f).readable())
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

impl App {
    /// Renders `r.body` for the record `object` `id` as `reader`, into a whole HTML page that
    /// loads nothing from anywhere.
    pub(super) async fn render_page(
        &self,
        reader: &Actor,
        object: &str,
        id: &str,
        r: &Rendering<'_>,
    ) -> AppResult<String> {
        let records = self.records(reader);
        let snap = self.snapshot().await?;
        let rules = &snap.access;
        let record = records.get(object, id).await?;
        let obj = snap.schema.object(object)?;
        let mut ctx = Map::new();
        let linked = |key: &str| record.get(key).and_then(Json::as_str).map(str::to_owned);
        for (name, source) in sources(object) {
            let value = if source == object {
                sandboxed(rules, r.author_role, obj, record.clone())
            } else {
                let target = snap.schema.object(&source)?;
                match linked(&format!("{source}_id")) {
                    Some(link) => match records.get(&source, &link).await {
                        Ok(found) => sandboxed(rules, r.author_role, target, found),
                        Err(_) => json!({}),
                    },
                    None => json!({}),
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
                    .map(|l| sandboxed(rules, r.author_role, line_obj, l))
                    .collect();
            }
        }
        ctx.insert("lines".into(), Json::Array(lines));
        ctx.insert(
            "company".into(),
            json!({"name": self.company_name().await?}),
        );
        let zone = pelagic_core::period::zone(&reader.time_zone);
        ctx.insert(
            "today".into(),
            json!(self.now().with_timezone(&zone).date_naive().to_string()),
        );
        ctx.insert("user".into(), json!({"name": reader.name}));
        ctx.insert("t".into(), r.words.clone());
        let env = environment();
        let html = env
            .render_str(r.body, minijinja::value::Serde(&ctx))
            .map_err(|e| AppError::Invalid(format!("the template could not be rendered: {e}")))?;
        Ok(page(&reader.locale, r.title, &html))
    }
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
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
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
