//! The loaded metadata and settings, shared by all requests and refreshed when the stored
//! metadata version moves (another instance, or an administrator, changed something).

use std::sync::Arc;
use std::time::{Duration, Instant};

use pelagic_core::Schema;
use pelagic_core::input::InputContext;
use pelagic_store::{Db, metadata};
use tokio::sync::RwLock;

use crate::AppResult;
use crate::access::AccessRules;
use crate::duplicates::DuplicateRules;

/// How long a loaded snapshot is trusted before the version is checked again. Changes made
/// through this instance are visible at once; other instances' within this time.
const CHECK_EVERY: Duration = Duration::from_millis(500);

/// One consistent view of metadata and company settings.
#[derive(Debug)]
pub struct Snapshot {
    pub schema: Schema,
    pub input: InputContext,
    pub access: AccessRules,
    pub duplicates: DuplicateRules,
}

#[derive(Debug)]
pub(crate) struct MetaCache {
    state: RwLock<(Arc<Snapshot>, Instant)>,
}

impl MetaCache {
    pub(crate) async fn load(db: &Db) -> AppResult<MetaCache> {
        let snap = read(db).await?;
        Ok(MetaCache {
            state: RwLock::new((Arc::new(snap), Instant::now())),
        })
    }

    /// The snapshot as last read, without asking the database: for steps inside a write's
    /// transaction, which already read it when the request began.
    pub(crate) async fn held(&self) -> Arc<Snapshot> {
        self.state.read().await.0.clone()
    }

    pub(crate) async fn current(&self, db: &Db) -> AppResult<Arc<Snapshot>> {
        {
            let state = self.state.read().await;
            if state.1.elapsed() < CHECK_EVERY {
                return Ok(state.0.clone());
            }
        }
        let stored = metadata::version(db).await?;
        let mut state = self.state.write().await;
        if state.0.schema.version != stored {
            state.0 = Arc::new(read(db).await?);
        }
        state.1 = Instant::now();
        Ok(state.0.clone())
    }

    /// Reloads now (after this instance changed metadata or settings).
    pub(crate) async fn reload(&self, db: &Db) -> AppResult<Arc<Snapshot>> {
        let snap = Arc::new(read(db).await?);
        *self.state.write().await = (snap.clone(), Instant::now());
        Ok(snap)
    }
}

async fn read(db: &Db) -> AppResult<Snapshot> {
    let schema = metadata::load(db).await?;
    let mut input = InputContext::default();
    if let Some(r) = metadata::setting(db, "default_region")
        .await?
        .and_then(|v| v.as_str().map(str::to_owned))
    {
        input.default_region = r;
    }
    if let Some(c) = metadata::setting(db, "default_currency")
        .await?
        .and_then(|v| v.as_str().map(str::to_owned))
    {
        input.default_currency = c;
    }
    let access = AccessRules::load(db).await?;
    let duplicates = DuplicateRules::load(db, &schema).await?;
    Ok(Snapshot {
        schema,
        input,
        access,
        duplicates,
    })
}
