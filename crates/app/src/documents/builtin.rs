//! The template each printable object starts with, until an administrator writes their own:
//! it reads only standard fields, and its words come in the reader's language through `t`
//! (see `render::WORDS`).

/// The id under which the built-in template of `object` is known.
pub(super) fn id(object: &str) -> String {
    format!("builtin-{object}")
}

/// The built-in template's HTML.
pub(super) fn body(object: &str) -> &'static str {
    match object {
        "contract" => CONTRACT,
        "order" => ORDER,
        _ => QUOTE,
    }
}

/// A quote or an order, titled with `$title` (a word of `t`): the company's name, address and
/// tax number; the customer; lines whose amounts add up to the subtotal; the discount on its
/// own line, then tax and the total; the terms. Amounts are written the reader's way.
macro_rules! sales_document {
    ($title:literal) => {
        concat!(
            r#"<style>
  .head { display: flex; justify-content: space-between; gap: 24pt; margin-bottom: 16pt; }
  .company { font-size: 9.5pt; color: #333; }
  .company strong { display: block; font-size: 13pt; color: #111; margin-bottom: 2pt; }
  .address, .terms { white-space: pre-line; }
  h1 { font-size: 20pt; margin: 0; text-align: right; }
  .meta { text-align: right; color: #444; }
  .to { border-top: 2px solid #111; padding-top: 8pt; margin-bottom: 10pt; }
  table { width: 100%; border-collapse: collapse; margin-top: 8pt; }
  th { border-bottom: 1.5px solid #111; font-size: 9pt; color: #444; }
  th, td { padding: 4pt 6pt; text-align: left; }
  td { border-bottom: 1px solid #ddd; }
  td.n, th.n { text-align: right; white-space: nowrap; }
  .totals { width: 45%; margin-left: auto; }
  .totals tr.grand td { border-top: 2px solid #111; border-bottom: 0; font-weight: bold; font-size: 12pt; }
  .terms { margin-top: 16pt; font-size: 9.5pt; }
</style>
<div class="head">
  <div class="company"><strong>{{ company.name }}</strong>{% if company.address %}<div class="address">{{ company.address }}</div>{% endif %}{% if company.tax_number %}<div>{{ t.tax_number }}: {{ company.tax_number }}</div>{% endif %}</div>
  <div><h1>{{ t."#,
            $title,
            r#" }}</h1><div class="meta">{{ record.number }}<br>{{ t.date }}: {{ today | date }}{% if record.valid_until %}<br>{{ t.valid_until }}: {{ record.valid_until | date }}{% endif %}</div></div>
</div>
<div class="to"><strong>{{ account.name }}</strong>{% if account.address %}<div class="address">{{ account.address }}</div>{% endif %}{% if contact.name %}<div>{{ contact.name }}</div>{% endif %}</div>
<p><strong>{{ record.name }}</strong></p>
<table>
  <tr><th>#</th><th>{{ t.description }}</th><th class="n">{{ t.quantity }}</th><th class="n">{{ t.unit_price }}</th><th class="n">{{ t.discount }}</th><th class="n">{{ t.tax }}</th><th class="n">{{ t.amount }}</th></tr>
  {% for line in lines %}
  <tr><td>{{ loop.index }}</td><td>{{ line.description }}</td><td class="n">{{ line.quantity | number }} {{ line.unit }}</td><td class="n">{{ line.unit_price | money(line.unit_price_currency) }}</td><td class="n">{% if line.discount_percent and (line.discount_percent | float) > 0 %}{{ line.discount_percent | percent }}{% endif %}</td><td class="n">{% if line.tax_rate %}{{ line.tax_rate | percent }}{% endif %}</td><td class="n">{{ line.subtotal | money(line.subtotal_currency) }}</td></tr>
  {% endfor %}
</table>
<table class="totals">
  <tr><td>{{ t.subtotal }}</td><td class="n">{{ record.subtotal | money(record.subtotal_currency) }}</td></tr>
  {% if record.discount_amount and (record.discount_amount | float) > 0 %}<tr><td>{{ t.discount }}{% if record.discount_rate %} ({{ record.discount_rate | percent }}){% endif %}</td><td class="n">−{{ record.discount_amount | money(record.discount_amount_currency) }}</td></tr>{% endif %}
  <tr><td>{{ t.tax }}</td><td class="n">{{ record.tax_amount | money(record.tax_amount_currency) }}</td></tr>
  <tr class="grand"><td>{{ t.total }}</td><td class="n">{{ record.total | money(record.total_currency) }}</td></tr>
</table>
{% if record.terms %}<div class="terms"><strong>{{ t.terms }}</strong><br>{{ record.terms }}</div>{% endif %}
"#
        )
    };
}

const QUOTE: &str = sales_document!("quote");
const ORDER: &str = sales_document!("order");

const CONTRACT: &str = r#"<style>
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  .meta { color: #555; margin-bottom: 16pt; }
  dt { font-weight: bold; margin-top: 6pt; }
</style>
<h1>{{ record.name }}</h1>
<div class="meta">{{ record.number }} · {{ company.name }}{% if company.tax_number %} ({{ t.tax_number }}: {{ company.tax_number }}){% endif %} · {{ today | date }}</div>
<dl>
  <dt>{{ t.customer }}</dt><dd>{{ account.name }}</dd>
  <dt>{{ t.amount }}</dt><dd>{{ record.amount | money(record.amount_currency) }}</dd>
  <dt>{{ t.period }}</dt><dd>{{ record.start_date | date }} – {{ record.end_date | date }}</dd>
</dl>
{% if record.terms %}<p style="white-space: pre-line">{{ record.terms }}</p>{% endif %}
"#;
