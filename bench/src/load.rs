//! Loading accounts through `POST /api/v1/records/account/batch`, and finding deep cursors.

use std::time::Instant;

use anyhow::Context;
use pelagic_sample::Sample;
use pelagic_testkit::HttpClient;
use serde_json::{Value, json};
use tokio::task::JoinSet;

use crate::stats::Samples;

#[derive(serde::Deserialize)]
struct Created {
    data: Vec<CreatedId>,
}

#[derive(serde::Deserialize)]
struct CreatedId {
    id: String,
}

pub struct Loaded {
    pub seconds: f64,
    pub per_second: f64,
    pub batch_ms: Samples,
    pub sample_ids: Vec<String>,
}

pub async fn load(
    http: &HttpClient,
    token: &str,
    accounts: u64,
    batch: usize,
    concurrency: usize,
) -> anyhow::Result<Loaded> {
    let settings = http.get("/api/v1/admin/settings", Some(token)).await;
    let region = settings.body["default_region"]
        .as_str()
        .context("default_region")?
        .to_owned();
    let mut sample = Sample::new(42).for_company_in(&region);
    let mut in_flight: JoinSet<anyhow::Result<(f64, Vec<String>)>> = JoinSet::new();
    let mut batch_ms = Samples::default();
    let mut sample_ids = Vec::new();
    let start = Instant::now();
    let mut next = 0u64;
    let mut done = 0u64;
    while next < accounts || !in_flight.is_empty() {
        while next < accounts && in_flight.len() < concurrency.max(1) {
            let end = (next + batch as u64).min(accounts);
            let records: Vec<Value> = (next..end).map(|i| sample.account(i)).collect();
            let body = serde_json::to_vec(&json!({ "records": records }))?;
            let (http, token) = (http.clone(), token.to_owned());
            in_flight.spawn(async move {
                let t = Instant::now();
                let (status, bytes) = http
                    .post_raw("/api/v1/records/account/batch", Some(&token), body)
                    .await;
                let elapsed = t.elapsed().as_secs_f64();
                anyhow::ensure!(
                    status == 201,
                    "batch failed: {}",
                    String::from_utf8_lossy(&bytes[..bytes.len().min(500)])
                );
                // Only the ids are read back; the rest of each record is skipped unparsed.
                let created: Created = serde_json::from_slice(&bytes)?;
                Ok((
                    elapsed,
                    created.data.into_iter().step_by(97).map(|r| r.id).collect(),
                ))
            });
            next = end;
        }
        if let Some(joined) = in_flight.join_next().await {
            let (secs, ids) = joined??;
            batch_ms.push(std::time::Duration::from_secs_f64(secs));
            sample_ids.extend(ids);
            done += batch as u64;
            if done % 100_000 < batch as u64 {
                eprintln!(
                    "  {} accounts, {:.0} records/s",
                    done.min(accounts),
                    done.min(accounts) as f64 / start.elapsed().as_secs_f64()
                );
            }
        }
    }
    let seconds = start.elapsed().as_secs_f64();
    Ok(Loaded {
        seconds,
        per_second: accounts as f64 / seconds,
        batch_ms,
        sample_ids,
    })
}

/// Ids of some existing accounts (when the data was loaded before).
pub async fn some_ids(http: &HttpClient, token: &str) -> anyhow::Result<Vec<String>> {
    let r = http
        .get("/api/v1/records/account?limit=500", Some(token))
        .await;
    let ids: Vec<String> = r.body["data"]
        .as_array()
        .context("data")?
        .iter()
        .filter_map(|a| a["id"].as_str().map(str::to_owned))
        .collect();
    anyhow::ensure!(!ids.is_empty(), "no accounts to read");
    Ok(ids)
}

/// The cursor that opens page `page` (of 50, newest first).
pub async fn cursor_for_page(
    http: &HttpClient,
    token: &str,
    page: usize,
) -> anyhow::Result<String> {
    let mut cursor = String::new();
    for _ in 1..page {
        let path = if cursor.is_empty() {
            "/api/v1/records/account?limit=50".to_owned()
        } else {
            format!("/api/v1/records/account?limit=50&cursor={cursor}")
        };
        let r = http.get(&path, Some(token)).await;
        cursor = r.body["next_cursor"]
            .as_str()
            .context("fewer pages than asked for")?
            .to_owned();
    }
    Ok(cursor)
}
