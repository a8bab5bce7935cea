//! `pelagic serve`: the HTTP server, the job scheduler beside it, and a clean shutdown.

use std::sync::Arc;
use std::time::Duration;

use anyhow::Context;
use pelagic_app::App;
use tokio::sync::watch;

/// How often the scheduler looks for due jobs.
const JOB_TICK: Duration = Duration::from_secs(30);

pub async fn serve(app: Arc<App>, listen: &str, edge: pelagic_web::Edge) -> anyhow::Result<()> {
    let listener = tokio::net::TcpListener::bind(listen)
        .await
        .with_context(|| format!("cannot listen on {listen}"))?;
    let addr = listener.local_addr()?;
    println!("Pelagic is listening on http://{addr}");
    tracing::info!(%addr, "listening");

    let (stop_tx, stop_rx) = watch::channel(false);
    let jobs = tokio::spawn(run_jobs(app.clone(), stop_rx));
    let pages = pelagic_ui::routes(app.clone());
    let result = pelagic_web::serve(listener, app.clone(), edge, pages, shutdown_signal()).await;
    let _ = stop_tx.send(true);
    let _ = jobs.await;
    app.close().await;
    tracing::info!("stopped");
    result.context("the server stopped with an error")
}

/// Runs due jobs, and bulk jobs nobody is running, every tick until told to stop.
async fn run_jobs(app: Arc<App>, mut stop: watch::Receiver<bool>) {
    let mut tick = tokio::time::interval(JOB_TICK);
    loop {
        tokio::select! {
            _ = tick.tick() => {
                // Each round runs as a task of its own, so that a fault in one job (even a
                // panic) is logged and the next round still comes.
                let round = tokio::spawn(run_round(app.clone()));
                if let Err(e) = round.await {
                    tracing::error!(error = %e, "a round of scheduled jobs stopped");
                }
            }
            _ = stop.changed() => return,
        }
    }
}

/// One round: the due scheduled jobs, then the bulk jobs nobody is running.
async fn run_round(app: Arc<App>) {
    if let Err(e) = app.run_due_jobs().await {
        tracing::error!(error = %e, "running scheduled jobs failed");
    }
    // Bulk jobs start as soon as they are asked for; this picks up those another instance left
    // unfinished when it stopped.
    if let Err(e) = app.run_bulk_jobs().await {
        tracing::error!(error = %e, "running bulk jobs failed");
    }
}

/// Resolves on Ctrl-C or SIGTERM.
async fn shutdown_signal() {
    let ctrl_c = async {
        let _ = tokio::signal::ctrl_c().await;
    };
    #[cfg(unix)]
    let term = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut s) => {
                s.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let term = std::future::pending::<()>();
    tokio::select! {
        _ = ctrl_c => {},
        _ = term => {},
    }
    tracing::info!("shutting down");
}
