//! Reading phone numbers: what one number costs to read or refuse, as typed by people in
//! several countries (valid, messy and invalid; +1 numbers, whose country code twenty-five
//! regions share, are the costly ones), and 1,000 messy numbers one after another, as a batch
//! of leads has them read; and what writing a stored number for reading costs.

use std::time::{Duration, Instant};

use pelagic_core::phone::{for_reading, to_e164};
use serde_json::{Value as Json, json};

use crate::stats::Samples;

/// (typed, default region) — valid and invalid, with and without country codes.
const TYPED: [(&str, &str); 16] = [
    ("13800138000", "CN"),
    ("+86 138-0013-8000", "US"),
    ("(415) 555-2671", "US"),
    ("+1 415 555 2671", "CN"),
    ("+1 868 555 0123", "CN"),
    ("+1 999 555 0123", "CN"),
    ("555-0199", "US"),
    ("612 345 678", "ES"),
    ("+34 91 123 45 67", "RU"),
    ("8 (916) 123-45-67", "RU"),
    ("+7 812 123 45 67", "CN"),
    ("12345", "CN"),
    ("+44 20 7946 0958", "CN"),
    ("call me", "CN"),
    ("+1 000 000 0000", "ES"),
    ("+52 55 1234 5678", "ES"),
];

pub fn run(rounds: usize) -> Json {
    let mut out = json!({});
    let mut each = Samples::default();
    let mut refused = Samples::default();
    // The first reading of a region compiles its patterns; that is paid once per process.
    for (typed, region) in TYPED {
        let _ = to_e164(typed, region);
    }
    for _ in 0..rounds {
        for (typed, region) in TYPED {
            let t = Instant::now();
            let ok = to_e164(typed, region).is_ok();
            let took = t.elapsed();
            each.push(took);
            if !ok {
                refused.push(took);
            }
        }
    }
    let us = |s: &Samples, p: f64| (s.percentile(p) * 1000.0 * 10.0).round() / 10.0;
    for (name, s) in [("every number", &each), ("refused numbers", &refused)] {
        println!(
            "phone, {name:38} p50 {:6.1} µs  p95 {:6.1} µs  p99 {:6.1} µs  (n {})",
            us(s, 50.0),
            us(s, 95.0),
            us(s, 99.0),
            s.len()
        );
        out[name] = json!({"p50_us": us(s, 50.0), "p95_us": us(s, 95.0), "p99_us": us(s, 99.0), "n": s.len()});
    }
    // For comparison, the phone library's own check on the same numbers (one shared cache of 100
    // compiled patterns, which the +1 regions' 250 patterns keep emptying).
    let mut library = Samples::default();
    for _ in 0..(rounds / 20).max(1) {
        for (typed, region) in TYPED {
            let t = Instant::now();
            let id = region.parse().ok();
            let _ = phonenumber::parse(id, typed).map(|n| phonenumber::is_valid(&n));
            library.push(t.elapsed());
        }
    }
    println!(
        "phone, the library's own check (before)        p50 {:6.1} µs  p95 {:6.1} µs  p99 {:6.1} µs",
        us(&library, 50.0),
        us(&library, 95.0),
        us(&library, 99.0)
    );
    out["library's own check"] = json!({"p50_us": us(&library, 50.0), "p95_us": us(&library, 95.0), "p99_us": us(&library, 99.0)});
    let t = Instant::now();
    let mut n = 0u32;
    while n < 1_000 {
        for (typed, region) in TYPED {
            let _ = to_e164(&format!("{typed} ext"), region);
            n += 1;
        }
    }
    let batch: Duration = t.elapsed();
    println!("phone, 1,000 messy numbers in a row              {batch:?}");
    out["1000 messy numbers ms"] = json!(batch.as_secs_f64() * 1000.0);
    out["written for reading"] = written(rounds);
    out
}

/// Writing stored numbers for reading, as every list and page with a phone does: at home in the
/// national format, abroad in the international one.
fn written(rounds: usize) -> Json {
    let stored: Vec<(String, &str)> = TYPED
        .iter()
        .filter_map(|(typed, region)| to_e164(typed, region).ok().map(|n| (n, *region)))
        .collect();
    let mut each = Samples::default();
    for _ in 0..rounds {
        for (number, region) in &stored {
            let t = Instant::now();
            std::hint::black_box(for_reading(number, region));
            each.push(t.elapsed());
        }
    }
    let us = |p: f64| (each.percentile(p) * 1000.0 * 10.0).round() / 10.0;
    println!(
        "phone, written for reading                     p50 {:6.1} µs  p95 {:6.1} µs  p99 {:6.1} µs  (n {})",
        us(50.0),
        us(95.0),
        us(99.0),
        each.len()
    );
    json!({"p50_us": us(50.0), "p95_us": us(95.0), "p99_us": us(99.0), "n": each.len()})
}
