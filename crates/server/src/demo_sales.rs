//! The demo company's quote to cash: a catalogue priced in every team's currency, an approval
//! flow for large discounts, quotes in every status (some waiting for their manager), orders
//! with instalments, payments and a refund, and contracts, one of them up for renewal.

use chrono::{Duration, NaiveDate};
use pelagic_app::approvals::{Flow, Step};
use pelagic_app::records::QuoteStep;
use pelagic_app::{Actor, App};
use pelagic_core::ids::RecordId;
use pelagic_core::money;
use serde_json::{Value, json};

/// One team's first salesperson, their manager, the currency their customers pay in and the
/// accounts that salesperson owns.
pub struct Seller<'a> {
    pub actor: &'a Actor,
    pub manager: &'a Actor,
    pub currency: &'static str,
    pub accounts: &'a [String],
    /// The user ids of the team's salespeople, whose discounts the team's flow catches.
    pub team: Vec<String>,
    /// The team's approval flow, named in its language.
    pub flow_name: &'static str,
}

/// What was made, for the summary the demo prints.
#[derive(Default)]
pub struct Made {
    pub products: usize,
    pub quotes: usize,
    pub waiting_approval: usize,
    pub orders: usize,
    pub payments: usize,
    pub contracts: usize,
}

/// A product: name, code, unit, list price in CNY, tax rate, and its prices in EUR, RUB, TWD.
type Product = (
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    &'static str,
    [&'static str; 3],
);

const CATALOGUE: [Product; 4] = [
    (
        "Pelagic Cloud · annual seat",
        "PC-SEAT",
        "seat/year",
        "1200",
        "6",
        ["155", "14500", "5200"],
    ),
    (
        "Onboarding and training",
        "PC-ONB",
        "day",
        "3000",
        "6",
        ["390", "36000", "13000"],
    ),
    (
        "Barcode scanner",
        "HW-SCAN",
        "unit",
        "860",
        "13",
        ["110", "10400", "3700"],
    ),
    (
        "Premium support",
        "PC-SUP",
        "month",
        "2000",
        "6",
        ["260", "24000", "8600"],
    ),
];
const CURRENCIES: [&str; 3] = ["EUR", "RUB", "TWD"];

pub async fn load(app: &App, admin: &Actor, sellers: &[Seller<'_>]) -> anyhow::Result<Made> {
    let mut made = Made::default();
    let admin_records = app.records(admin);
    let mut products = Vec::new();
    for (name, code, unit, price, tax, others) in CATALOGUE {
        let p = admin_records
            .create(
                "product",
                &json!({"name": name, "code": code, "unit": unit, "unit_price": price,
                        "unit_price_currency": "CNY", "tax_rate": tax}),
            )
            .await?;
        let id = text(&p, "id");
        for (currency, amount) in CURRENCIES.iter().zip(others) {
            admin_records
                .create(
                    "product_price",
                    &json!({"product_id": id, "price": amount, "price_currency": currency,
                            "price_list": format!("List price {currency}")}),
                )
                .await?;
        }
        products.push(id);
        made.products += 1;
    }
    // Each team's discounts above 10% go to its manager, under a name in the team's language.
    let flows = sellers
        .iter()
        .map(|s| Flow {
            id: String::new(),
            name: s.flow_name.into(),
            object: "quote".into(),
            active: true,
            condition: Some(json!({"and": [
                {"field": "discount_percent", "op": "gt", "value": "10"},
                {"field": "owner_id", "op": "in", "value": s.team},
            ]})),
            steps: vec![Step {
                approver: "manager".into(),
                role: None,
                user_id: None,
                mode: "any".into(),
            }],
        })
        .collect();
    app.set_approval_flows(admin, flows).await?;
    let today = app.now().date_naive();
    for (t, seller) in sellers.iter().enumerate() {
        quotes_of(app, seller, &products, today, t, &mut made).await?;
        contracts_of(app, seller, today, &mut made).await?;
    }
    // Quotes whose validity ran out are marked expired, as the daily job does.
    app.watch_sales_documents().await?;
    Ok(made)
}

/// A quote for `account` with a few catalogue lines and `discount` per cent off the whole.
async fn quote(
    app: &App,
    seller: &Seller<'_>,
    account: &str,
    name: &str,
    discount: &str,
    valid_until: NaiveDate,
    lines: &[(&str, &str)],
) -> anyhow::Result<String> {
    let records = app.records(seller.actor);
    let q = records
        .create(
            "quote",
            &json!({"name": name, "account_id": account, "discount_percent": discount,
                    "valid_until": valid_until.to_string()}),
        )
        .await?;
    let id = text(&q, "id");
    for (product, quantity) in lines {
        records
            .create(
                "quote_line",
                &json!({"quote_id": id, "product_id": product, "quantity": quantity}),
            )
            .await?;
    }
    Ok(id)
}

async fn quotes_of(
    app: &App,
    seller: &Seller<'_>,
    products: &[String],
    today: NaiveDate,
    team: usize,
    made: &mut Made,
) -> anyhow::Result<()> {
    let records = app.records(seller.actor);
    let account = |k: usize| seller.accounts[k % seller.accounts.len().max(1)].as_str();
    if seller.accounts.is_empty() {
        return Ok(());
    }
    let soon = today + Duration::days(30);
    let lines = [
        (products[0].as_str(), "20"),
        (products[1].as_str(), "2"),
        (products[3].as_str(), "12"),
    ];
    let steps = |quote_steps: &'static [QuoteStep]| quote_steps;
    // (name, discount, valid until, steps taken)
    let plan: [(&str, &str, NaiveDate, &[QuoteStep]); 6] = [
        ("Pilot for the sales team", "0", soon, steps(&[])),
        (
            "Company-wide roll-out",
            "15",
            soon,
            steps(&[QuoteStep::Submit]),
        ),
        (
            "Scanners for the warehouse",
            "5",
            soon,
            steps(&[QuoteStep::Submit]),
        ),
        (
            "Second office",
            "0",
            soon,
            steps(&[QuoteStep::Submit, QuoteStep::Send]),
        ),
        (
            "Renewal with support",
            "8",
            soon,
            steps(&[QuoteStep::Submit, QuoteStep::Send, QuoteStep::Accept]),
        ),
        (
            "Extra seats",
            "0",
            soon,
            steps(&[QuoteStep::Submit, QuoteStep::Send, QuoteStep::Reject]),
        ),
    ];
    for (k, (name, discount, until, taken)) in plan.iter().enumerate() {
        let id = quote(app, seller, account(k), name, discount, *until, &lines).await?;
        made.quotes += 1;
        for step in *taken {
            records
                .quote_step(&RecordId::stored(id.clone()), *step)
                .await?;
        }
        if *discount == "15" {
            made.waiting_approval += 1;
        }
        if taken.last() == Some(&QuoteStep::Accept) {
            order_of(app, seller, &id, today, team == 0, made).await?;
        }
    }
    // A quote sent last month whose validity has run out.
    let old = quote(
        app,
        seller,
        account(6),
        "Spring offer",
        "0",
        today - Duration::days(3),
        &lines[..1],
    )
    .await?;
    records
        .quote_step(&RecordId::stored(old.clone()), QuoteStep::Submit)
        .await?;
    records
        .quote_step(&RecordId::stored(old.clone()), QuoteStep::Send)
        .await?;
    made.quotes += 1;
    // One large discount the manager has already approved, for the approval trail.
    if team == 1 {
        let big = quote(
            app,
            seller,
            account(7),
            "Three-year agreement",
            "20",
            soon,
            &lines,
        )
        .await?;
        records
            .quote_step(&RecordId::stored(big.clone()), QuoteStep::Submit)
            .await?;
        made.quotes += 1;
        if let Some(request) = app
            .approvals_waiting(seller.manager)
            .await?
            .iter()
            .find(|r| r["record_id"] == big.as_str())
        {
            let request_id = request["id"].as_str().unwrap_or_default().to_owned();
            app.decide_approval(
                seller.manager,
                &request_id,
                true,
                Some("Approved for three years"),
            )
            .await?;
        }
    }
    Ok(())
}

/// The order of an accepted quote: two instalments, the first paid, and for one team part of
/// that payment refunded.
async fn order_of(
    app: &App,
    seller: &Seller<'_>,
    quote_id: &str,
    today: NaiveDate,
    refund: bool,
    made: &mut Made,
) -> anyhow::Result<()> {
    let records = app.records(seller.actor);
    let order = records
        .order_from("quote", &RecordId::stored(quote_id))
        .await?;
    made.orders += 1;
    let order_id = text(&order, "id");
    let currency = text(&order, "currency");
    // Amounts in the currency's minor units, so that the instalments add up to the total.
    let scale = money::currency_exponent(&currency);
    let total = money::parse_scaled(&text(&order, "total"), scale).unwrap_or(0);
    let first = total / 2;
    let (half, rest) = (
        money::format_scaled(first, scale),
        money::format_scaled(total - first, scale),
    );
    for (due, amount) in [
        (today - Duration::days(10), &half),
        (today + Duration::days(20), &rest),
    ] {
        records
            .create(
                "payment_plan",
                &json!({"order_id": order_id, "due_date": due.to_string(), "amount": amount,
                        "amount_currency": currency}),
            )
            .await?;
    }
    let payment = records
        .create(
            "payment",
            &json!({"order_id": order_id, "amount": half, "amount_currency": currency,
                    "received_on": (today - Duration::days(8)).to_string(), "method": "bank_transfer",
                    "reference": format!("TT-{}", &order_id[order_id.len().saturating_sub(6)..])}),
        )
        .await?;
    made.payments += 1;
    if refund {
        let back = money::format_scaled(total / 20, scale);
        records
            .create(
                "refund",
                &json!({"payment_id": text(&payment, "id"), "amount": back,
                        "amount_currency": currency, "refunded_on": (today - Duration::days(2)).to_string(),
                        "reason": "Two seats were not used"}),
            )
            .await?;
    }
    Ok(())
}

/// A contract in force and one ending within its notice period, so its renewal is due.
async fn contracts_of(
    app: &App,
    seller: &Seller<'_>,
    today: NaiveDate,
    made: &mut Made,
) -> anyhow::Result<()> {
    let records = app.records(seller.actor);
    for (k, (name, start, end)) in [
        (
            "Framework agreement",
            today - Duration::days(120),
            today + Duration::days(245),
        ),
        (
            "Support contract",
            today - Duration::days(345),
            today + Duration::days(20),
        ),
    ]
    .into_iter()
    .enumerate()
    {
        let Some(account) = seller.accounts.get(k) else {
            continue;
        };
        records
            .create(
                "contract",
                &json!({"name": name, "account_id": account, "amount": "48000",
                        "amount_currency": seller.currency, "signed_on": start.to_string(),
                        "start_date": start.to_string(), "end_date": end.to_string(),
                        "renewal_notice_days": 30, "status": "active"}),
            )
            .await?;
        made.contracts += 1;
    }
    Ok(())
}

fn text(record: &serde_json::Map<String, Value>, field: &str) -> String {
    record
        .get(field)
        .and_then(Value::as_str)
        .unwrap_or_default()
        .to_owned()
}
