//! Quote-to-cash figures, measured in-process on their own database: the collection rate and
//! order statistics over many orders, their instalments and lines, as an administrator, as one
//! salesperson and for one customer's page; and printing a twenty-line quote to HTML and PDF.
//! The orders are written straight into the tables with their figures worked out (through the
//! record service they would take most of an hour); what is timed goes through the app.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use chrono::{Duration, Utc};
use pelagic_app::App;
use pelagic_app::clock::ManualClock;
use pelagic_app::records::collections::CollectionQuery;
use pelagic_app::records::order_stats::OrderQuery;
use pelagic_core::Value;
use pelagic_core::access::Actor;
use serde_json::{Value as Json, json};

use crate::sales::{actor, text, write_rows};
use crate::stats::Samples;

const REPS: usize = 10;

/// Times `f` `samples` times and prints and records the figure under `name`.
macro_rules! measure {
    ($out:expr, $name:expr, $samples:expr, $f:expr) => {{
        let mut ms = Samples::default();
        for _ in 0..$samples {
            let t = Instant::now();
            $f;
            ms.push(t.elapsed());
        }
        println!("{:52} {}", $name, ms.line());
        $out[$name] = ms.summary();
    }};
}

pub async fn run(url: &str, orders: u64, samples: usize) -> anyhow::Result<Json> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let db = pelagic_store::Db::connect(url)
        .await
        .context("open the money database")?;
    db.migrate().await?;
    let start = Utc::now();
    let app = App::open_with_clock(db.clone(), Arc::new(ManualClock::new(start))).await?;
    let mut reps = Vec::new();
    for s in 0..REPS {
        let user = app
            .add_user(pelagic_app::users::NewUser {
                email: format!("rep{s}@bench.example"),
                name: format!("Rep {s}"),
                role: "sales".into(),
                team: Some(format!("Team {}", s % 2)),
                team_id: None,
                password: "a long enough password".into(),
            })
            .await?;
        reps.push(user.id);
    }
    let boss = app
        .add_user(pelagic_app::users::NewUser {
            email: "boss@bench.example".into(),
            name: "Boss".into(),
            role: "admin".into(),
            team: None,
            team_id: None,
            password: "a long enough password".into(),
        })
        .await?;
    let admin = Actor {
        user_id: pelagic_core::ids::UserId::stored(boss.id.clone()),
        ..actor(&boss.id, "admin")
    };
    let snap = app.snapshot().await?;
    let (account, order, line, plan) = (
        snap.schema.object("account")?.clone(),
        snap.schema.object("order")?.clone(),
        snap.schema.object("order_line")?.clone(),
        snap.schema.object("payment_plan")?.clone(),
    );
    let accounts = (orders / 10).max(1);
    let reps_ref = &reps;
    let owner = |i: u64| Value::Text(reps_ref[(i % REPS as u64) as usize].clone());
    let money = |set: &mut dyn FnMut(&str, Value), field: &str, cents: i64| {
        set(field, Value::Int(cents));
        set(&format!("{field}_currency"), Value::Text("CNY".into()));
    };
    let t = Instant::now();
    write_rows(&db, &account, accounts, &|i, set| {
        set("id", Value::Text(format!("acc-{i:08}")));
        text(set, &account, "name", &format!("Customer {i}"));
        set("owner_id", owner(i));
        set("created_at", Value::DateTime(start));
        set("updated_at", Value::DateTime(start));
    })
    .await?;
    // Order i totals (i % 50 + 1) × 1,000.00; two instalments of half each, the first due
    // 1–360 days ago, the second 30 days later; the first is paid for two orders in three.
    let total = |i: u64| ((i % 50) as i64 + 1) * 100_000;
    let paid = |i: u64| if i.is_multiple_of(3) { 0 } else { total(i) / 2 };
    write_rows(&db, &order, orders, &|i, set| {
        set("id", Value::Text(format!("ord-{i:08}")));
        text(set, &order, "number", &format!("SO-{i:08}"));
        text(set, &order, "name", &format!("Order {i}"));
        set(
            "account_id",
            Value::Text(format!("acc-{:08}", i % accounts)),
        );
        set("owner_id", owner(i));
        text(
            set,
            &order,
            "status",
            ["confirmed", "shipped", "completed"][(i % 3) as usize],
        );
        text(set, &order, "currency", "CNY");
        set(
            "order_date",
            Value::Date((start - Duration::days((i % 365) as i64)).date_naive()),
        );
        for f in ["subtotal", "total", "planned_amount"] {
            money(set, f, total(i));
        }
        money(set, "received_amount", paid(i));
        money(set, "net_received", paid(i));
        money(set, "refunded_amount", 0);
        money(set, "outstanding_amount", total(i) - paid(i));
        set("created_at", Value::DateTime(start));
        set("updated_at", Value::DateTime(start));
    })
    .await?;
    write_rows(&db, &line, orders, &|i, set| {
        set("id", Value::Text(format!("line-{i:08}")));
        set("order_id", Value::Text(format!("ord-{i:08}")));
        text(set, &line, "description", &format!("Product {}", i % 200));
        set("quantity", Value::Int(10_000 * ((i % 50) as i64 + 1)));
        money(set, "unit_price", 100_000);
        money(set, "subtotal", total(i));
        money(set, "total", total(i));
        set("owner_id", owner(i));
        set("created_at", Value::DateTime(start));
        set("updated_at", Value::DateTime(start));
    })
    .await?;
    write_rows(&db, &plan, orders * 2, &|k, set| {
        let (i, second) = (k / 2, k % 2 == 1);
        let due = start - Duration::days((i % 360) as i64 + 1)
            + Duration::days(if second { 30 } else { 0 });
        let received = if second { 0 } else { paid(i) };
        set("id", Value::Text(format!("plan-{k:08}")));
        set("order_id", Value::Text(format!("ord-{i:08}")));
        set(
            "account_id",
            Value::Text(format!("acc-{:08}", i % accounts)),
        );
        set("due_date", Value::Date(due.date_naive()));
        money(set, "amount", total(i) / 2);
        money(set, "received_amount", received);
        money(set, "outstanding_amount", total(i) / 2 - received);
        text(
            set,
            &plan,
            "status",
            if received > 0 { "paid" } else { "open" },
        );
        set("owner_id", owner(i));
        set("created_at", Value::DateTime(start));
        set("updated_at", Value::DateTime(start));
    })
    .await?;
    println!(
        "set up {accounts} accounts, {orders} orders, {orders} lines and {} instalments in {:.1} s",
        orders * 2,
        t.elapsed().as_secs_f64()
    );
    pelagic_store::db::analyze(&db).await?;

    let mut out = json!({ "orders": orders, "instalments": orders * 2, "accounts": accounts });
    let rep = actor(&reps[0], "sales");
    let by = |group: &str| CollectionQuery {
        group: Some(group.into()),
        ..CollectionQuery::default()
    };
    let mut rate = None;
    measure!(
        out,
        "collection rate per month, every order (administrator)",
        samples,
        {
            rate = app.records(&admin).collections(&by("month")).await?.totals[0].rate;
        }
    );
    measure!(
        out,
        "collection rate per owner, every order",
        samples,
        app.records(&admin).collections(&by("owner")).await?
    );
    measure!(
        out,
        "collection rate per customer, every order",
        samples,
        app.records(&admin).collections(&by("account")).await?
    );
    measure!(
        out,
        "collection rate per month, one salesperson's orders",
        samples,
        app.records(&rep).collections(&by("month")).await?
    );
    measure!(
        out,
        "order statistics, every order (administrator)",
        samples,
        app.records(&admin)
            .order_stats(&OrderQuery::default())
            .await?
    );
    let one = OrderQuery {
        account_id: Some("acc-00000007".into()),
        ..OrderQuery::default()
    };
    measure!(
        out,
        "one customer's orders and payments (account page)",
        samples,
        app.records(&admin).order_stats(&one).await?
    );
    println!("collection rate over every order: {rate:?} %");
    out["rate"] = json!(rate);

    // A twenty-line quote in Chinese, printed with Pelagic's own template.
    let records = app.records(&admin);
    let quote = records
        .create(
            "quote",
            &json!({"name": "年度采购报价", "account_id": "acc-00000001", "currency": "CNY"}),
        )
        .await?;
    let quote_id = quote
        .get("id")
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_owned();
    for n in 0..20 {
        records
            .create("quote_line", &json!({"quote_id": quote_id, "description": format!("服务器 {n} 型"),
                "quantity": "3", "unit_price": "1234.56", "unit_price_currency": "CNY", "tax_rate": "13"}))
            .await?;
    }
    let words = json!({});
    let mut html = String::new();
    measure!(out, "print a twenty-line quote to HTML", samples, {
        html = app
            .render_document(&admin, "quote", &quote_id, None, &words)
            .await?
            .1;
    });
    if pelagic_app::documents::pdf::chromium().is_some() {
        measure!(
            out,
            "print it to PDF (headless Chromium)",
            samples.min(10),
            pelagic_app::documents::pdf::html_to_pdf(&html).await?
        );
    } else {
        println!("no Chromium here: PDF printing not measured");
    }
    Ok(out)
}
