//! Paging through a long list: the first page and the pages after it, by cursor, newest first,
//! for leads, contacts and accounts of a million rows each, as an administrator and as a
//! salesperson who reads only their own. The rows are written straight into the tables, in
//! batches of a thousand that share their creation time (as a batch import leaves them), so
//! that pages also cross ties; what is timed goes through the record service.

use std::sync::Arc;
use std::time::Instant;

use anyhow::Context;
use chrono::{Duration, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_app::{App, ListRequest};
use pelagic_core::Value;
use pelagic_core::access::Actor;
use serde_json::{Value as Json, json};

use crate::sales::{actor, text, write_rows};
use crate::stats::Samples;

const OBJECTS: [&str; 3] = ["lead", "contact", "account"];
const REPS: u64 = 10;

pub async fn run(url: &str, rows: u64, samples: usize) -> anyhow::Result<Json> {
    if let Some(path) = url.strip_prefix("sqlite://") {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let db = pelagic_store::Db::connect(url)
        .await
        .context("open the cursor database")?;
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
                team: None,
                team_id: None,
                password: "a long enough password".into(),
            })
            .await?;
        reps.push(user.id);
    }
    let snap = app.snapshot().await?;
    for object in OBJECTS {
        let obj = snap.schema.object(object)?.clone();
        let t = Instant::now();
        let reps = &reps;
        write_rows(&db, &obj, rows, &|i, set| {
            set("id", Value::Text(format!("{object}-{i:09}")));
            for field in ["name", "last_name", "first_name"] {
                text(set, &obj, field, &format!("Name {i}"));
            }
            set("owner_id", Value::Text(reps[(i % REPS) as usize].clone()));
            let at = start - Duration::seconds((rows - i / 1000) as i64);
            set("created_at", Value::DateTime(at));
            set("updated_at", Value::DateTime(at));
        })
        .await?;
        println!(
            "set up {rows} {object} rows in {:.1} s",
            t.elapsed().as_secs_f64()
        );
    }
    pelagic_store::db::analyze(&db).await?;

    let admin = actor("bench-admin", "admin");
    let rep = Actor {
        user_id: pelagic_core::ids::UserId::stored(reps[0].clone()),
        ..actor(&reps[0], "sales")
    };
    let mut out = json!({ "rows": rows });
    for object in OBJECTS {
        for (who, a) in [("administrator", &admin), ("salesperson", &rep)] {
            let (first, next) = pages(&app, a, object, samples).await?;
            println!(
                "{object:8} {who:14} first page {}   next pages {}",
                first.line(),
                next.line()
            );
            out[object][who] =
                json!({ "first_page_ms": first.summary(), "next_page_ms": next.summary() });
        }
    }
    Ok(out)
}

/// Times the first page `samples` times, then `samples` next pages followed one after another.
async fn pages(
    app: &App,
    actor: &Actor,
    object: &str,
    samples: usize,
) -> anyhow::Result<(Samples, Samples)> {
    let records = app.records(actor);
    let request = |cursor: Option<String>| ListRequest {
        limit: Some(50),
        cursor,
        ..ListRequest::default()
    };
    let mut first = Samples::default();
    for _ in 0..samples {
        let t = Instant::now();
        records.list(object, &request(None)).await?;
        first.push(t.elapsed());
    }
    let mut next = Samples::default();
    let mut cursor = records.list(object, &request(None)).await?.next_cursor;
    for _ in 0..samples {
        let Some(c) = cursor.take() else { break };
        let t = Instant::now();
        let page = records.list(object, &request(Some(c))).await?;
        next.push(t.elapsed());
        anyhow::ensure!(page.data.len() == 50, "a short page of {object}");
        cursor = page.next_cursor;
    }
    Ok((first, next))
}
