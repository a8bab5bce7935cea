//! Scheduled jobs: a due run is claimed once, however many instances try at the same moment.

use std::sync::Arc;

use chrono::{Duration, Utc};
use pelagic_app::clock::ManualClock;
use pelagic_testkit::{TestApp, backends};

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_due_job_runs_exactly_once_across_eight_instances() {
    for backend in backends() {
        let clock = Arc::new(ManualClock::new(Utc::now()));
        let t = TestApp::start_with_clock(backend, clock.clone()).await;
        assert!(
            t.app.run_due_jobs().await.unwrap().is_empty(),
            "nothing is due right after start"
        );
        let mut instances = Vec::new();
        for _ in 0..8 {
            instances.push(t.another_instance(clock.clone()).await);
        }
        clock.advance(Duration::hours(2));
        let runs = futures_join(instances.iter().map(|app| {
            let app = app.clone();
            tokio::spawn(async move { app.run_due_jobs().await.unwrap() })
        }))
        .await;
        let purges: usize = runs
            .iter()
            .map(|ran| ran.iter().filter(|r| r.job == "purge_dead_tokens").count())
            .sum();
        assert_eq!(
            purges, 1,
            "on {backend:?} exactly one instance ran the purge"
        );
        assert!(runs.iter().flatten().all(|r| r.outcome.is_ok()));
        let again = t.app.run_due_jobs().await.unwrap();
        assert!(
            again.is_empty(),
            "the run is not due again until its interval has passed"
        );
    }
}

async fn futures_join<T>(handles: impl Iterator<Item = tokio::task::JoinHandle<T>>) -> Vec<T> {
    let mut out = Vec::new();
    for h in handles.collect::<Vec<_>>() {
        out.push(h.await.unwrap());
    }
    out
}
