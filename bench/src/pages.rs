//! The web interface's list page timed as a browser gets it: the whole server-rendered HTML of
//! 50 rows (with the count, linked names and the condition builder), signed in by cookie.

use std::time::Instant;

use pelagic_testkit::HttpClient;

use crate::stats::{self, Samples};

/// The pages measured: (name, path).
pub const PAGES: [(&str, &str); 2] = [
    ("list page, first 50 rows", "/o/account"),
    (
        "list page, two conditions + two-key sort",
        "/o/account?c0.f=industry&c0.o=eq&c0.v=finance&c1.f=level&c1.o=eq&c1.v=a&s0=annual_revenue&d0=desc&s1=name&d1=asc",
    ),
];

/// Times `samples` page loads after a short warm-up; the session token goes in the cookie.
pub async fn measure(
    http: &HttpClient,
    token: &str,
    path: &str,
    samples: usize,
) -> anyhow::Result<Samples> {
    let cookie = format!("pelagic_session={token}");
    let headers = [("cookie", cookie.as_str())];
    for _ in 0..10 {
        http.send("GET", path, None, &headers, vec![]).await;
    }
    let mut s = Samples::default();
    let started = Instant::now();
    for _ in 0..samples {
        let t = Instant::now();
        let r = http.send("GET", path, None, &headers, vec![]).await;
        s.push(t.elapsed());
        anyhow::ensure!(
            r.status == 200 && r.text.contains("<table class=\"records\">"),
            "{path}: {} {}",
            r.status,
            r.text.chars().take(300).collect::<String>()
        );
        if s.len() >= stats::MIN_SAMPLES && started.elapsed() > stats::TIME_BUDGET {
            break;
        }
    }
    Ok(s)
}
