//! `pelagic-bench`: loads realistic accounts into a real `pelagic serve` through the batch API,
//! then measures list, filter, search, deep-page and get-by-id latency through HTTP beside the
//! same planned queries run directly on the database (the floor), the web interface's list page,
//! and the server's peak memory.

mod cursor_pages;
mod floor;
mod load;
mod money;
mod pages;
mod phones;
mod sales;
mod server;
mod stats;

use std::path::PathBuf;
use std::time::Instant;

use anyhow::Context;
use clap::Parser;
use pelagic_testkit::HttpClient;
use serde_json::{Value, json};

use stats::Samples;

#[derive(Parser, Debug)]
#[command(about = "Measure Pelagic through its HTTP API against the database floor")]
struct Args {
    /// Database to benchmark; a SQLite file is deleted first unless --reuse is given.
    #[arg(long, default_value = "sqlite://bench/out/bench.db")]
    database_url: String,
    /// The pelagic binary to run (build it with cargo build --release first).
    #[arg(long, default_value = "target/release/pelagic")]
    pelagic: PathBuf,
    /// Accounts to load.
    #[arg(long, default_value_t = 1_000_000)]
    accounts: u64,
    /// Records per batch request.
    #[arg(long, default_value_t = 1000)]
    batch: usize,
    /// Batch requests in flight at once.
    #[arg(long, default_value_t = 2)]
    concurrency: usize,
    /// Timed requests per measurement.
    #[arg(long, default_value_t = 300)]
    samples: usize,
    /// Keep the existing data and skip loading.
    #[arg(long)]
    reuse: bool,
    /// Measure only the web interface's list pages (on data already loaded, with --reuse).
    #[arg(long)]
    pages_only: bool,
    /// Measure the sales engine instead (return sweep and funnel), in-process on its own database.
    #[arg(long)]
    sales: bool,
    /// Accounts held from a pool and due to return, for --sales.
    #[arg(long, default_value_t = 100_000)]
    due: u64,
    /// Opportunities for the funnel, for --sales.
    #[arg(long, default_value_t = 1_000_000)]
    opportunities: u64,
    /// Measure the quote-to-cash figures and printing instead, in-process on their own database.
    #[arg(long)]
    money: bool,
    /// Orders (each with a line and two instalments), for --money.
    #[arg(long, default_value_t = 200_000)]
    orders: u64,
    /// Measure paging by cursor through leads, contacts and accounts instead, in-process on
    /// their own database (--accounts rows of each).
    #[arg(long)]
    cursor_pages: bool,
    /// Measure reading and refusing phone numbers instead (no database).
    #[arg(long)]
    phones: bool,
    /// Where to write the figures as JSON.
    #[arg(long, default_value = "bench/out/results.json")]
    out: PathBuf,
}

/// The list queries measured, as query strings; the floor runs the same plans directly.
pub const QUERIES: [(&str, &str); 5] = [
    ("first page, no filter", "limit=50"),
    (
        "two conditions, two-key sort",
        "industry=finance&level=a&sort=-annual_revenue,name&limit=50",
    ),
    (
        "three conditions, a rare combination",
        "industry=media&level=c&type=partner&sort=-annual_revenue,name&limit=50",
    ),
    ("q search, common word", "q=logistics&limit=50"),
    ("q search, rare word", "q=zzqx&limit=50"),
];

#[tokio::main]
async fn main() -> anyhow::Result<()> {
    let args = Args::parse();
    if let Some(dir) = args.out.parent() {
        std::fs::create_dir_all(dir)?;
    }
    if args.cursor_pages {
        let url = args.database_url.replace("bench.db", "cursor.db");
        println!("machine: {}", stats::machine());
        let figures = cursor_pages::run(&url, args.accounts, args.samples).await?;
        std::fs::write(
            args.out.with_file_name("cursor_pages.json"),
            serde_json::to_string_pretty(&figures)?,
        )?;
        return Ok(());
    }
    if args.phones {
        println!("machine: {}", stats::machine());
        let figures = phones::run(2_000);
        std::fs::write(
            args.out.with_file_name("phones.json"),
            serde_json::to_string_pretty(&figures)?,
        )?;
        return Ok(());
    }
    if args.sales {
        let url = args.database_url.replace("bench.db", "sales.db");
        println!("machine: {}", stats::machine());
        let figures = sales::run(&url, args.accounts, args.due, args.opportunities, 20).await?;
        std::fs::write(
            args.out.with_file_name("sales.json"),
            serde_json::to_string_pretty(&figures)?,
        )?;
        return Ok(());
    }
    if args.money {
        let url = args.database_url.replace("bench.db", "money.db");
        println!("machine: {}", stats::machine());
        let figures = money::run(&url, args.orders, 20).await?;
        std::fs::write(
            args.out.with_file_name("money.json"),
            serde_json::to_string_pretty(&figures)?,
        )?;
        return Ok(());
    }
    if !args.reuse
        && let Some(path) = args.database_url.strip_prefix("sqlite://")
    {
        for suffix in ["", "-wal", "-shm"] {
            let _ = std::fs::remove_file(format!("{path}{suffix}"));
        }
    }
    let server = server::Server::start(&args.pelagic, &args.database_url).await?;
    let http = HttpClient::new(server.addr);
    let token = server.admin_token(&http).await?;
    let machine = stats::machine();
    println!("machine: {machine}");

    let mut results = json!({ "machine": machine, "database": args.database_url.split('@').next_back(), "accounts": args.accounts });
    let mut ids = Vec::new();
    if !args.reuse {
        // The generated companies, phones and emails repeat now and then over a million rows,
        // and duplicate protection would refuse every batch holding a repeat; the load measures
        // writing records, so account duplicate rules are off while it runs.
        let off = http
            .put(
                "/api/v1/admin/duplicate-rules/account",
                Some(&token),
                &json!({ "rules": [] }),
            )
            .await;
        anyhow::ensure!(
            off.status == 200,
            "turning duplicate rules off: {}",
            off.text
        );
        let loaded = load::load(&http, &token, args.accounts, args.batch, args.concurrency).await?;
        println!(
            "loaded {} accounts in {:.1} s: {:.0} records/s",
            args.accounts, loaded.seconds, loaded.per_second
        );
        results["batch_create_records_per_second"] = json!(loaded.per_second.round());
        results["batch_request_ms"] = loaded.batch_ms.summary();
        ids = loaded.sample_ids;
    }
    if ids.is_empty() {
        ids = load::some_ids(&http, &token).await?;
    }
    server.analyze(&args.database_url).await?;

    let floor_db = pelagic_store::Db::connect(&args.database_url)
        .await
        .context("open the database for the floor")?;
    let mut rows = Vec::new();
    let queries = if args.pages_only {
        &[][..]
    } else {
        &QUERIES[..]
    };
    for (name, query) in queries.iter().copied() {
        let api = measure(
            &http,
            &token,
            &format!("/api/v1/records/account?{query}"),
            args.samples,
        )
        .await?;
        let direct = floor::measure(&floor_db, query, args.samples).await?;
        println!("{name:32} api {}   direct {}", api.line(), direct.line());
        rows.push(json!({ "query": name, "params": query, "api_ms": api.summary(), "direct_ms": direct.summary() }));
    }
    let cursor = load::cursor_for_page(&http, &token, 200).await?;
    if !args.pages_only {
        api_page_and_id(
            &http,
            &token,
            &floor_db,
            &cursor,
            &ids,
            args.samples,
            &mut rows,
        )
        .await?;
    }
    for (name, path) in pages::PAGES
        .iter()
        .map(|(n, p)| (n.to_string(), p.to_string()))
        .chain([(
            "list page 200 by cursor".to_owned(),
            format!("/o/account?cursor={cursor}"),
        )])
    {
        let page = pages::measure(&http, &token, &path, args.samples).await?;
        println!("{name:32} page {}", page.line());
        rows.push(json!({ "query": name, "path": path, "page_ms": page.summary() }));
    }
    results["queries"] = Value::Array(rows);
    results["server_peak_rss_mb"] = json!(server.peak_rss_mb());
    println!("server peak RSS: {:.1} MB", server.peak_rss_mb());
    server.stop().await;
    std::fs::write(&args.out, serde_json::to_string_pretty(&results)?)?;
    println!("figures written to {}", args.out.display());
    Ok(())
}

/// Times `samples` GET requests after a short warm-up.
async fn measure(
    http: &HttpClient,
    token: &str,
    path: &str,
    samples: usize,
) -> anyhow::Result<Samples> {
    for _ in 0..10 {
        http.get(path, Some(token)).await;
    }
    let mut s = Samples::default();
    let started = Instant::now();
    for _ in 0..samples {
        let t = Instant::now();
        let r = http.get(path, Some(token)).await;
        s.push(t.elapsed());
        anyhow::ensure!(r.status == 200, "{path}: {}", r.text);
        if s.len() >= stats::MIN_SAMPLES && started.elapsed() > stats::TIME_BUDGET {
            break;
        }
    }
    Ok(s)
}

/// The API's deep page by cursor (beside its floor) and get by id.
async fn api_page_and_id(
    http: &HttpClient,
    token: &str,
    floor_db: &pelagic_store::Db,
    cursor: &str,
    ids: &[String],
    samples: usize,
    rows: &mut Vec<Value>,
) -> anyhow::Result<()> {
    let page200 = measure(
        http,
        token,
        &format!("/api/v1/records/account?limit=50&cursor={cursor}"),
        samples,
    )
    .await?;
    let page200_direct = floor::measure_page(floor_db, cursor, samples).await?;
    println!(
        "{:32} api {}   direct {}",
        "page 200 by cursor",
        page200.line(),
        page200_direct.line()
    );
    rows.push(json!({ "query": "page 200 by cursor", "api_ms": page200.summary(), "direct_ms": page200_direct.summary() }));

    let mut by_id = Samples::default();
    for i in 0..samples {
        let id = &ids[(i * 7919) % ids.len()];
        let t = Instant::now();
        let r = http
            .get(&format!("/api/v1/records/account/{id}"), Some(token))
            .await;
        by_id.push(t.elapsed());
        anyhow::ensure!(r.status == 200, "get by id failed: {}", r.text);
    }
    println!("{:32} api {}", "get by id", by_id.line());
    rows.push(json!({ "query": "get by id", "api_ms": by_id.summary() }));
    Ok(())
}
