//! Latency samples and their percentiles; a description of the machine.

use std::time::Duration;

use serde_json::{Value, json};

/// A measurement stops early once it has this many samples and has run this long, so that a
/// slow query does not hold the whole run up.
pub const MIN_SAMPLES: usize = 30;
pub const TIME_BUDGET: Duration = Duration::from_secs(20);

#[derive(Debug, Default, Clone)]
pub struct Samples(Vec<f64>);

impl Samples {
    pub fn len(&self) -> usize {
        self.0.len()
    }

    pub fn push(&mut self, d: Duration) {
        self.0.push(d.as_secs_f64() * 1000.0);
    }

    pub fn percentile(&self, p: f64) -> f64 {
        let mut v = self.0.clone();
        v.sort_by(|a, b| a.total_cmp(b));
        if v.is_empty() {
            return f64::NAN;
        }
        let i = ((p / 100.0) * (v.len() - 1) as f64).round() as usize;
        v[i.min(v.len() - 1)]
    }

    pub fn summary(&self) -> Value {
        let r = |x: f64| (x * 100.0).round() / 100.0;
        json!({ "p50": r(self.percentile(50.0)), "p95": r(self.percentile(95.0)), "p99": r(self.percentile(99.0)), "n": self.0.len() })
    }

    pub fn line(&self) -> String {
        format!(
            "p50 {:7.2} ms  p95 {:7.2} ms  p99 {:7.2} ms",
            self.percentile(50.0),
            self.percentile(95.0),
            self.percentile(99.0)
        )
    }
}

/// CPU model, cores and memory, from /proc.
pub fn machine() -> String {
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("model name"))
                .map(|l| l.split(':').nth(1).unwrap_or("").trim().to_owned())
        })
        .unwrap_or_else(|| "unknown CPU".into());
    let cores = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(0);
    let mem = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|s| {
            s.lines()
                .next()
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|kb| kb.parse::<f64>().ok())
        })
        .map(|kb| kb / 1024.0 / 1024.0)
        .unwrap_or(0.0);
    format!("{cpu}, {cores} cores, {mem:.0} GiB")
}
