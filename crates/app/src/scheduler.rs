//! Periodic jobs and watches, each a value that runs itself: a job's due run is claimed in the
//! database, so that however many instances run, each occurrence runs once; a watch runs on
//! every tick and claims each thing it handles (a reminder, a deadline) one by one.

use std::future::Future;
use std::pin::Pin;

use chrono::Duration;
use pelagic_store::{Backend, jobs, users};

use crate::{App, AppResult};

/// What a job or watch does when it runs: what it did, in a sentence for the log; a watch
/// gives nothing when there was nothing to do.
type Run =
    for<'a> fn(&'a App) -> Pin<Box<dyn Future<Output = AppResult<Option<String>>> + Send + 'a>>;

/// A periodic job.
#[derive(Clone, Copy)]
pub struct Job {
    pub name: &'static str,
    pub every: Duration,
    /// Whether the job applies to this database.
    pub applies: fn(Backend) -> bool,
    run: Run,
}

/// A watch: looked at on every tick, for things that come due one by one.
#[derive(Clone, Copy)]
pub struct Watch {
    pub name: &'static str,
    run: Run,
}

impl std::fmt::Debug for Job {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Job")
            .field("name", &self.name)
            .field("every", &self.every)
            .finish()
    }
}

/// How long deleted records stay in the recycle bin unless the `recycle_bin_days` setting says
/// otherwise.
pub const DEFAULT_RECYCLE_BIN_DAYS: i64 = 90;

/// Every job Pelagic knows.
pub fn all() -> Vec<Job> {
    vec![
        Job {
            name: "purge_dead_tokens",
            every: Duration::hours(1),
            applies: |_| true,
            run: |app| Box::pin(purge_dead_tokens(app)),
        },
        Job {
            name: "purge_recycle_bin",
            every: Duration::hours(24),
            applies: |_| true,
            run: |app| Box::pin(purge_recycle_bin(app)),
        },
        Job {
            name: "remind_stale_customers",
            every: Duration::hours(24),
            applies: |_| true,
            run: |app| Box::pin(remind_stale_customers(app)),
        },
        Job {
            name: "optimize_sqlite",
            every: Duration::hours(24),
            applies: |b| b == Backend::Sqlite,
            run: |app| Box::pin(optimize_sqlite(app)),
        },
    ]
}

/// Every watch, in the order a tick runs them.
fn watches() -> [Watch; 3] {
    [
        Watch {
            name: "task_reminders",
            run: |app| Box::pin(task_reminders(app)),
        },
        Watch {
            name: "sales_reminders",
            run: |app| Box::pin(sales_reminders(app)),
        },
        Watch {
            name: "pool_sweep",
            run: |app| Box::pin(pool_sweep(app)),
        },
    ]
}

/// What one run did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Ran {
    pub job: String,
    pub outcome: Result<String, String>,
}

pub(crate) async fn register_all(app: &App) -> AppResult<()> {
    let now = app.now();
    for job in all()
        .into_iter()
        .filter(|j| (j.applies)(app.db().backend()))
    {
        jobs::register(app.db(), job.name, job.every.num_seconds(), now + job.every).await?;
    }
    Ok(())
}

impl App {
    /// Runs every job that is due now and that no other instance has claimed, then every
    /// watch; gives what ran (a watch only when it did something or failed).
    pub async fn run_due_jobs(&self) -> AppResult<Vec<Ran>> {
        let now = self.now();
        let due = jobs::due(self.db(), now).await?;
        let mut ran = Vec::new();
        for job in all()
            .into_iter()
            .filter(|j| due.iter().any(|d| d == j.name))
        {
            if !jobs::claim(self.db(), job.name, self.instance(), now, now + job.every).await? {
                continue;
            }
            let outcome = (job.run)(self)
                .await
                .map(Option::unwrap_or_default)
                .map_err(|e| e.to_string());
            if let Err(e) = &outcome {
                tracing::error!(job = job.name, error = %e, "job failed");
            }
            let failed = outcome.as_ref().err().map(String::as_str);
            jobs::finish(self.db(), job.name, self.now(), failed).await?;
            ran.push(Ran {
                job: job.name.to_owned(),
                outcome,
            });
        }
        for watch in watches() {
            let outcome = match (watch.run)(self).await {
                Ok(None) => continue,
                Ok(Some(did)) => Ok(did),
                Err(e) => {
                    tracing::error!(watch = watch.name, error = %e, "watch failed");
                    Err(e.to_string())
                }
            };
            ran.push(Ran {
                job: watch.name.to_owned(),
                outcome,
            });
        }
        Ok(ran)
    }

    /// How many days the recycle bin keeps deletions.
    pub async fn recycle_bin_days(&self) -> AppResult<i64> {
        Ok(
            pelagic_store::metadata::setting(self.db(), "recycle_bin_days")
                .await?
                .and_then(|v| v.as_i64())
                .unwrap_or(DEFAULT_RECYCLE_BIN_DAYS),
        )
    }
}

async fn purge_dead_tokens(app: &App) -> AppResult<Option<String>> {
    let n = users::purge_dead_tokens(app.db(), app.now() - Duration::days(7)).await?;
    let window = Duration::minutes(crate::auth::THROTTLE_WINDOW_MINUTES);
    let f = pelagic_store::throttle::purge_before(app.db(), app.now() - window).await?;
    Ok(Some(format!(
        "removed {n} expired or revoked tokens and {f} old failed sign-ins"
    )))
}

async fn purge_recycle_bin(app: &App) -> AppResult<Option<String>> {
    let days = app.recycle_bin_days().await?;
    let n = crate::records::purge_older_than(app, app.now() - Duration::days(days)).await?;
    Ok(Some(format!("purged {n} deletions older than {days} days")))
}

async fn remind_stale_customers(app: &App) -> AppResult<Option<String>> {
    let n = app.remind_stale_customers().await?;
    Ok(Some(format!(
        "told {n} owners about customers nobody contacted for too long"
    )))
}

async fn optimize_sqlite(app: &App) -> AppResult<Option<String>> {
    pelagic_store::db::optimize(app.db()).await?;
    Ok(Some("refreshed the query planner's statistics".into()))
}

async fn task_reminders(app: &App) -> AppResult<Option<String>> {
    let n = app.send_task_reminders().await?;
    Ok((n > 0).then(|| format!("sent {n} task reminders")))
}

async fn sales_reminders(app: &App) -> AppResult<Option<String>> {
    let n = app.watch_sales_documents().await?;
    Ok((n > 0).then(|| format!("reminded or expired {n} sales documents")))
}

/// Pool deadlines are due one by one, not on a period: every tick looks for those that have
/// come, and each is handled once however many instances look.
async fn pool_sweep(app: &App) -> AppResult<Option<String>> {
    let r = app.sweep_pools().await?;
    Ok((r.returned + r.warned > 0).then(|| {
        format!(
            "returned {} held records to their pools and warned about {}",
            r.returned, r.warned
        )
    }))
}
