//! Periodic jobs: each due run is claimed in the database, so that however many instances run,
//! each occurrence runs once.

use chrono::Duration;
use pelagic_store::{Backend, jobs, users};

use crate::{App, AppResult};

/// A periodic job.
#[derive(Debug, Clone, Copy)]
pub struct Job {
    pub name: &'static str,
    pub every: Duration,
    /// Whether the job applies to this database.
    pub applies: fn(Backend) -> bool,
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
        },
        Job {
            name: "purge_recycle_bin",
            every: Duration::hours(24),
            applies: |_| true,
        },
        Job {
            name: "remind_stale_customers",
            every: Duration::hours(24),
            applies: |_| true,
        },
        Job {
            name: "optimize_sqlite",
            every: Duration::hours(24),
            applies: |b| b == Backend::Sqlite,
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
    /// Runs every job that is due now and that no other instance has claimed; gives what ran.
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
            let outcome = self.run_job(job.name).await.map_err(|e| e.to_string());
            if let Err(e) = &outcome {
                tracing::error!(job = job.name, error = %e, "job failed");
            }
            jobs::finish(
                self.db(),
                job.name,
                self.now(),
                outcome.as_ref().err().map(String::as_str),
            )
            .await?;
            ran.push(Ran {
                job: job.name.to_owned(),
                outcome,
            });
        }
        // Pool deadlines are due one by one, not on a period: every run looks for those that
        // have come, and each is handled once however many instances look.
        match self.send_task_reminders().await {
            Ok(0) => {}
            outcome => ran.push(Ran {
                job: "task_reminders".to_owned(),
                outcome: outcome
                    .map(|n| format!("sent {n} task reminders"))
                    .map_err(|e| e.to_string()),
            }),
        }
        match self.watch_sales_documents().await {
            Ok(0) => {}
            outcome => ran.push(Ran {
                job: "sales_reminders".to_owned(),
                outcome: outcome
                    .map(|n| format!("reminded or expired {n} sales documents"))
                    .map_err(|e| e.to_string()),
            }),
        }
        // Told only when it did something, like a job that came due.
        match self.sweep_pools().await {
            Ok(r) if r.returned + r.warned > 0 => ran.push(Ran {
                job: "pool_sweep".to_owned(),
                outcome: Ok(format!(
                    "returned {} held records to their pools and warned about {}",
                    r.returned, r.warned
                )),
            }),
            Ok(_) => {}
            Err(e) => {
                tracing::error!(error = %e, "pool sweep failed");
                ran.push(Ran {
                    job: "pool_sweep".to_owned(),
                    outcome: Err(e.to_string()),
                });
            }
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

    async fn run_job(&self, name: &str) -> AppResult<String> {
        match name {
            "purge_dead_tokens" => {
                let n = users::purge_dead_tokens(self.db(), self.now() - Duration::days(7)).await?;
                let window = Duration::minutes(crate::auth::THROTTLE_WINDOW_MINUTES);
                let f =
                    pelagic_store::throttle::purge_before(self.db(), self.now() - window).await?;
                Ok(format!(
                    "removed {n} expired or revoked tokens and {f} old failed sign-ins"
                ))
            }
            "purge_recycle_bin" => {
                let days = self.recycle_bin_days().await?;
                let n = crate::records::purge_older_than(self, self.now() - Duration::days(days))
                    .await?;
                Ok(format!("purged {n} deletions older than {days} days"))
            }
            "remind_stale_customers" => {
                let n = self.remind_stale_customers().await?;
                Ok(format!(
                    "told {n} owners about customers nobody contacted for too long"
                ))
            }
            "optimize_sqlite" => {
                pelagic_store::db::optimize(self.db()).await?;
                Ok("refreshed the query planner's statistics".into())
            }
            other => Err(crate::AppError::Internal(format!("no job named {other}"))),
        }
    }
}
