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
        _ => SALES_DOCUMENT,
    }
}

const SALES_DOCUMENT: &str = r#"<style>
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  .meta { color: #555; margin-bottom: 16pt; }
  table { width: 100%; border-collapse: collapse; margin-top: 12pt; }
  th, td { border-bottom: 1px solid #ccc; padding: 4pt 6pt; text-align: left; }
  td.n, th.n { text-align: right; }
  .totals { margin-top: 12pt; width: 40%; margin-left: auto; }
</style>
<h1>{{ company.name }}</h1>
<div class="meta">{{ record.number }} · {{ record.name }} · {{ today }}</div>
<p><strong>{{ account.name }}</strong>{% if contact.name %}<br>{{ contact.name }}{% endif %}</p>
<table>
  <tr><th>#</th><th>{{ t.description }}</th><th class="n">{{ t.quantity }}</th><th class="n">{{ t.unit_price }}</th><th class="n">{{ t.discount }}</th><th class="n">{{ t.tax }}</th><th class="n">{{ t.total }}</th></tr>
  {% for line in lines %}
  <tr><td>{{ loop.index }}</td><td>{{ line.description }}</td><td class="n">{{ line.quantity }} {{ line.unit }}</td><td class="n">{{ line.unit_price }}</td><td class="n">{{ line.discount_percent }}</td><td class="n">{{ line.tax_rate }}</td><td class="n">{{ line.total }}</td></tr>
  {% endfor %}
</table>
<table class="totals">
  <tr><td>{{ t.subtotal }}</td><td class="n">{{ record.subtotal }}</td></tr>
  <tr><td>{{ t.discount }}</td><td class="n">{{ record.discount_amount }}</td></tr>
  <tr><td>{{ t.tax }}</td><td class="n">{{ record.tax_amount }}</td></tr>
  <tr><td><strong>{{ t.total }}</strong></td><td class="n"><strong>{{ record.total }} {{ record.total_currency }}</strong></td></tr>
</table>
{% if record.terms %}<p>{{ record.terms }}</p>{% endif %}
{% if record.valid_until %}<p>{{ t.valid_until }}: {{ record.valid_until }}</p>{% endif %}
"#;

const CONTRACT: &str = r#"<style>
  h1 { font-size: 20pt; margin: 0 0 4pt; }
  .meta { color: #555; margin-bottom: 16pt; }
  dt { font-weight: bold; margin-top: 6pt; }
</style>
<h1>{{ record.name }}</h1>
<div class="meta">{{ record.number }} · {{ company.name }} · {{ today }}</div>
<dl>
  <dt>{{ t.customer }}</dt><dd>{{ account.name }}</dd>
  <dt>{{ t.amount }}</dt><dd>{{ record.amount }} {{ record.amount_currency }}</dd>
  <dt>{{ t.period }}</dt><dd>{{ record.start_date }} – {{ record.end_date }}</dd>
</dl>
{% if record.terms %}<p>{{ record.terms }}</p>{% endif %}
"#;
