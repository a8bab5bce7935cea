//! Pelagic's use cases. Every record read and write goes through [`RecordService`], bound to the
//! acting user, so that permission checks live in one place and cannot be skipped.

pub mod access;
mod approval_decisions;
mod approval_flow_check;
pub mod approvals;
pub mod audit;
pub mod auth;
pub mod bulk;
pub mod calendar;
mod capacity;
pub mod clock;
pub mod documents;
pub mod duplicates;
mod error;
pub mod field_admin;
pub mod groups;
pub mod history;
pub mod ids;
pub mod meta_admin;
mod meta_cache;
pub mod notifications;
mod object_behaviour;
pub mod org;
mod password;
pub mod policy;
pub mod pools;
pub mod processes;
pub mod records;
pub mod reminders;
pub mod roles_admin;
pub mod sales_reminders;
pub mod sales_settings;
pub mod scheduler;
pub mod setup;
mod standard;
pub mod users;
pub mod views;

use std::sync::Arc;

pub use error::{AppError, AppResult, describe};
pub use pelagic_core::access::Actor;
pub use records::{ListRequest, Page, RecordService};

use clock::{Clock, SystemClock};
use meta_cache::MetaCache;
pub use meta_cache::Snapshot;
use pelagic_store::Db;

/// The application: a database, the metadata it has loaded, and a clock.
#[derive(Debug)]
pub struct App {
    db: Db,
    meta: MetaCache,
    clock: Arc<dyn Clock>,
    /// Names this process in job claims and logs.
    instance: String,
}

/// Who the scheduler acts as: no user, no role a policy grants anything to.
static SYSTEM_ACTOR: std::sync::LazyLock<Actor> = std::sync::LazyLock::new(|| Actor {
    user_id: pelagic_core::ids::UserId::default(),
    name: "Pelagic".into(),
    role: "system".into(),
    team_id: None,
    time_zone: "UTC".into(),
    locale: "en".into(),
});

impl App {
    /// Migrates the database, brings the standard objects up to date and loads the metadata.
    pub async fn open(db: Db) -> AppResult<Arc<App>> {
        App::open_with_clock(db, Arc::new(SystemClock)).await
    }

    pub async fn open_with_clock(db: Db, clock: Arc<dyn Clock>) -> AppResult<Arc<App>> {
        db.migrate().await?;
        standard::sync(&db, clock.now()).await?;
        duplicates::ensure_keys_built(&db).await?;
        let meta = MetaCache::load(&db).await?;
        let app = App {
            db,
            meta,
            clock,
            instance: ids::new_id(),
        };
        scheduler::register_all(&app).await?;
        Ok(Arc::new(app))
    }

    /// The record service acting for `actor`: the one door to records.
    pub fn records<'a>(&'a self, actor: &'a Actor) -> RecordService<'a> {
        RecordService::new(self, actor)
    }

    /// The record service acting for the app itself (the scheduler): its moves are written to
    /// the history without a user.
    pub(crate) fn system_records(&self) -> RecordService<'_> {
        RecordService::new(self, &SYSTEM_ACTOR)
    }

    /// Closes the database connections once every request has been answered.
    pub async fn close(&self) {
        self.db.close().await;
    }

    pub(crate) fn db(&self) -> &Db {
        &self.db
    }

    pub fn now(&self) -> chrono::DateTime<chrono::Utc> {
        self.clock.now()
    }

    pub fn instance(&self) -> &str {
        &self.instance
    }

    /// The current metadata and settings, reloaded if another instance changed them.
    /// The metadata snapshot as last read, for steps inside a write's transaction (which must
    /// not wait for a second connection while holding the first).
    pub(crate) async fn held_snapshot(&self) -> Arc<Snapshot> {
        self.meta.held().await
    }

    pub async fn snapshot(&self) -> AppResult<Arc<Snapshot>> {
        self.meta.current(&self.db).await
    }

    /// Whether the database answers.
    pub async fn healthy(&self) -> bool {
        self.db.ping().await.is_ok()
    }
}
