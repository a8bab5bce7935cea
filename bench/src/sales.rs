//! The sales engine's figures, measured in-process on their own database: the return sweep over
//! a million accounts of which a hundred thousand are due, and the stage conversion funnel over a
//! million opportunities. The data is written straight into the tables (setting it up through
//! the record service would take most of an hour); what is timed goes through the app.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use chrono::{Duration, Utc};
use pelagic_app::App;
use pelagic_app::clock::ManualClock;
use pelagic_app::pools::PoolChange;
use pelagic_app::records::analytics::Scope;
use pelagic_core::access::Actor;
use pelagic_core::{ObjectDef, Value};
use pelagic_store::pool_holds::{self, HoldRow};
use pelagic_store::processes::StageChangeRow;
use pelagic_store::records;
use serde_json::{Value as Json, json};

use crate::stats::Samples;

/// Rows written per transaction while setting up.
const CHUNK: usize = 20_000;
const STAGES: [&str; 4] = ["qualification", "needs_analysis", "proposal", "negotiation"];

pub(crate) fn actor(id: &str, role: &str) -> Actor {
    Actor {
        user_id: pelagic_core::ids::UserId::stored(id),
        name: id.to_owned(),
        role: role.to_owned(),
        team_id: None,
        time_zone: "UTC".into(),
        locale: "en".into(),
    }
}

/// Fills row `i` by calling `set(column, value)` for each column it sets.
type Fill<'a> = dyn Fn(u64, &mut dyn FnMut(&str, Value)) + 'a;

/// Writes `n` rows of `obj`, each from `fill(i, set)` where `set(field, value)` fills a column.
pub(crate) async fn write_rows(
    db: &pelagic_store::Db,
    obj: &ObjectDef,
    n: u64,
    fill: &Fill<'_>,
) -> anyhow::Result<()> {
    let columns = obj.all_columns();
    let at = |c: &str| columns.iter().position(|(n, _)| n == c);
    let mut i = 0;
    while i < n {
        let mut rows = Vec::with_capacity(CHUNK);
        for k in i..(i + CHUNK as u64).min(n) {
            let mut row = vec![Value::Null; columns.len()];
            fill(k, &mut |c, v| {
                if let Some(p) = at(c) {
                    row[p] = v;
                }
            });
            rows.push(row);
        }
        i += rows.len() as u64;
        let mut tx = db.begin().await?;
        records::insert(&mut tx, &obj.table, &columns, &rows).await?;
        tx.commit().await?;
    }
    Ok(())
}

/// Sets a text field and its folded copy.
pub(crate) fn text(set: &mut dyn FnMut(&str, Value), obj: &ObjectDef, field: &str, v: &str) {
    if let Some(f) = obj.field(field) {
        for (c, _, value) in f.text_sets(Some(v)) {
            set(&c, value);
        }
    }
}

pub async fn run(
    url: &str,
    accounts: u64,
    due: u64,
    deals: u64,
    samples: usize,
) -> anyhow::Result<Json> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let db = pelagic_store::Db::connect(url)
        .await
        .context("open the sales database")?;
    db.migrate().await?;
    let start = Utc::now();
    let clock = Arc::new(ManualClock::new(start));
    let app = App::open_with_clock(db.clone(), clock.clone()).await?;
    let admin = actor("bench-admin", "admin");
    let mut sales = Vec::new();
    for s in 0..10 {
        let user = app
            .add_user(pelagic_app::users::NewUser {
                email: format!("rep{s}@bench.example"),
                name: format!("Rep {s}"),
                role: "sales".into(),
                team: None,
                team_id: None,
                password: "a long enough password".into(),
            })
            .await?;
        sales.push(user.id);
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
        ..admin
    };
    let pool = app
        .create_pool(
            &admin,
            PoolChange {
                name: Some("High seas".into()),
                object: Some("account".into()),
                members: Some(sales.clone()),
                follow_up_within: Some("7d".into()),
                ..Default::default()
            },
        )
        .await?;
    let snap = app.snapshot().await?;
    let account = snap.schema.object("account")?.clone();
    let opp = snap.schema.object("opportunity")?.clone();

    let t = Instant::now();
    let pool_id = pool.row.id.clone();
    let sales_ref = &sales;
    write_rows(&db, &account, accounts, &|i, set| {
        set("id", Value::Text(format!("acc-{i:08}")));
        text(set, &account, "name", &format!("Account {i}"));
        set(
            "owner_id",
            Value::Text(sales_ref[(i % 10) as usize].clone()),
        );
        set("created_at", Value::DateTime(start - Duration::days(30)));
        set("updated_at", Value::DateTime(start - Duration::days(30)));
        if i % (accounts / due.max(1)).max(1) == 0 {
            text(set, &account, "pool_id", &pool_id);
        }
    })
    .await?;
    let held: Vec<u64> = (0..accounts)
        .filter(|i| i % (accounts / due.max(1)).max(1) == 0)
        .take(due as usize)
        .collect();
    for chunk in held.chunks(CHUNK) {
        let holds: Vec<HoldRow> = chunk
            .iter()
            .map(|i| HoldRow {
                object: "account".into(),
                record_id: format!("acc-{i:08}"),
                pool_id: pool_id.clone(),
                owner_id: sales[(i % 10) as usize].clone(),
                claimed_at: start - Duration::days(8),
                follow_up_due_at: Some(start - Duration::days(1)),
                close_due_at: None,
                due_at: Some(start - Duration::days(1)),
                warn_at: None,
            })
            .collect();
        let mut tx = db.begin().await?;
        pool_holds::put(&mut tx, &holds).await?;
        tx.commit().await?;
    }
    println!(
        "set up {accounts} accounts, {} held and due, in {:.1} s",
        held.len(),
        t.elapsed().as_secs_f64()
    );
    pelagic_store::db::analyze(&db).await?;

    let t = Instant::now();
    let report = app.sweep_pools().await?;
    let sweep = t.elapsed().as_secs_f64();
    anyhow::ensure!(
        report.returned == held.len(),
        "the sweep returned {} of {}",
        report.returned,
        held.len()
    );
    println!(
        "return sweep: {} records back in their pool in {sweep:.2} s",
        report.returned
    );
    let t = Instant::now();
    let again = app.sweep_pools().await?;
    let idle = t.elapsed().as_secs_f64() * 1000.0;
    anyhow::ensure!(again.returned == 0, "a second sweep found more");
    println!("a sweep with nothing due: {idle:.1} ms");

    let t = Instant::now();
    write_rows(&db, &opp, deals, &|i, set| {
        let furthest = (i % 4) as usize + 1;
        let stage = match i % 10 {
            0 | 1 => "won",
            2 | 3 => "lost",
            4 => "invalid",
            _ => STAGES[furthest - 1],
        };
        set("id", Value::Text(format!("opp-{i:08}")));
        text(set, &opp, "name", &format!("Deal {i}"));
        set(
            "account_id",
            Value::Text(format!("acc-{:08}", i % accounts.max(1))),
        );
        set(
            "owner_id",
            Value::Text(sales_ref[(i % 10) as usize].clone()),
        );
        set("amount", Value::Int(((i % 97) as i64 + 1) * 100_000));
        set("amount_currency", Value::Text("CNY".into()));
        set("stage", Value::Text(stage.into()));
        set("probability", Value::Int(1000 * furthest as i64));
        text(set, &opp, "process_id", "standard");
        set("furthest_stage", Value::Int(furthest as i64));
        set(
            "created_at",
            Value::DateTime(start - Duration::days((i % 365) as i64)),
        );
        set("updated_at", Value::DateTime(start));
    })
    .await?;
    // One move out of each stage a deal went through.
    let mut i = 0;
    while i < deals {
        let mut changes = Vec::new();
        for k in i..(i + 5_000).min(deals) {
            let furthest = (k % 4) as usize + 1;
            for (s, from) in STAGES.iter().enumerate().take(furthest.saturating_sub(1)) {
                changes.push(StageChangeRow {
                    id: format!("sc-{k:08}-{s}"),
                    opportunity_id: format!("opp-{k:08}"),
                    process_id: "standard".into(),
                    from_stage: Some((*from).into()),
                    to_stage: STAGES[s + 1].into(),
                    at: start,
                    user_id: None,
                    seconds_in_previous: Some(86_400 * ((k % 9) as i64 + 1)),
                    feedback: None,
                });
            }
        }
        i += 5_000;
        let mut tx = db.begin().await?;
        pelagic_store::processes::insert_changes(&mut tx, &changes).await?;
        tx.commit().await?;
    }
    println!(
        "set up {deals} opportunities and their stage moves in {:.1} s",
        t.elapsed().as_secs_f64()
    );
    pelagic_store::db::analyze(&db).await?;

    let mut out = json!({
        "accounts": accounts, "due": held.len(), "sweep_seconds": sweep, "idle_sweep_ms": idle,
        "opportunities": deals,
    });
    let year = Scope {
        from: Some((start - Duration::days(90)).date_naive()),
        ..Scope::default()
    };
    let rep = actor(&sales[0], "sales");
    for (name, who, scope) in [
        (
            "funnel, every deal (administrator)",
            &admin,
            Scope::default(),
        ),
        ("funnel, last 90 days (administrator)", &admin, year),
        (
            "funnel, one salesperson's own deals",
            &rep,
            Scope::default(),
        ),
    ] {
        let mut ms = Samples::default();
        let mut total = 0;
        for _ in 0..samples {
            let t = Instant::now();
            let f = app.records(who).funnel(&scope).await?;
            ms.push(t.elapsed());
            total = f.total;
        }
        println!("{name:40} {} ({total} deals)", ms.line());
        out[name] = ms.summary();
    }
    Ok(out)
}
