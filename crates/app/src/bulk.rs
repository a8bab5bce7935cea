//! Bulk work on many records: transfer to another owner, set a field, or delete — chosen by id
//! or by everything a filter matches. A job is queued, then run in the background by whichever
//! instance claims it, a chunk at a time with its progress written after each chunk, through the
//! record service bound to the user who asked (so it can do nothing they could not do one by
//! one). If the instance stops, another claims the job once its heartbeat is stale and goes on.

use chrono::Duration;
use pelagic_core::access::Actor;
use pelagic_core::filter::Filter;
use pelagic_core::ids::RecordId;
use pelagic_core::said::{Reason, Said};
use pelagic_store::bulk::{self as store, BulkJobRow};
use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};

use crate::policy::Operation;
use crate::records::TransferRequest;
use crate::{App, AppError, AppResult, ListRequest, ids};

/// Most records one bulk job changes.
pub const MAX_BULK: usize = 50_000;
/// Records changed between two progress writes.
const CHUNK: usize = 100;
/// A running job whose heartbeat is older than this is taken to have lost its instance.
const STALE_AFTER_SECS: i64 = 120;
/// Most failures a finished job lists.
const MAX_ERRORS: usize = 20;

/// What to do with each record.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "action", rename_all = "snake_case")]
pub enum BulkAction {
    Transfer { owner_id: String, related: bool },
    Update { field: String, value: Json },
    Delete,
}

impl BulkAction {
    fn name(&self) -> &'static str {
        match self {
            BulkAction::Transfer { .. } => "transfer",
            BulkAction::Update { .. } => "update",
            BulkAction::Delete => "delete",
        }
    }

    fn operation(&self) -> Operation {
        match self {
            BulkAction::Transfer { .. } => Operation::Transfer,
            BulkAction::Update { .. } => Operation::Edit,
            BulkAction::Delete => Operation::Delete,
        }
    }
}

/// A job as asked for: the action, and the records by id or by filter and search.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BulkRequest {
    #[serde(flatten)]
    pub action: BulkAction,
    #[serde(default)]
    pub ids: Option<Vec<String>>,
    /// A filter as the API's JSON filter tree.
    #[serde(default)]
    pub filter: Option<Json>,
    #[serde(default)]
    pub q: Option<String>,
}

/// A job's progress, for its owner.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BulkJob {
    pub id: String,
    pub object: String,
    pub action: String,
    pub status: String,
    pub total: i64,
    pub done: i64,
    pub failed: i64,
    pub errors: Vec<String>,
}

impl From<&BulkJobRow> for BulkJob {
    fn from(j: &BulkJobRow) -> Self {
        BulkJob {
            id: j.id.clone(),
            object: j.object.clone(),
            action: j.action.clone(),
            status: j.status.clone(),
            total: j.total,
            done: j.done,
            failed: j.failed,
            errors: j
                .errors
                .as_deref()
                .and_then(|e| serde_json::from_str(e).ok())
                .unwrap_or_default(),
        }
    }
}

impl App {
    /// Queues a bulk job for `actor`; refuses at once what they may not do at all.
    pub async fn start_bulk(
        &self,
        actor: &Actor,
        object: &str,
        req: BulkRequest,
    ) -> AppResult<BulkJob> {
        let records = self.records(actor);
        let snap = self.snapshot().await?;
        let obj = snap.schema.object(object)?;
        records.require(object, req.action.operation()).await?;
        if let BulkAction::Update { field, value } = &req.action {
            if !records.editable_fields(object).await?.contains(field) {
                return Err(crate::AppError::from(
                    Said::new(Reason::MayNotChangeField)
                        .with("object", &obj.name)
                        .with("field", field),
                ));
            }
            // A value the field cannot take is refused before any record is touched, so a
            // job never runs to "done" having written nothing, or an empty field.
            let mut one = serde_json::Map::new();
            one.insert(field.clone(), value.clone());
            pelagic_core::input::parse_record(
                obj,
                &one,
                pelagic_core::input::WriteMode::Update,
                &snap.input,
            )?;
        }
        match (&req.ids, &req.filter) {
            (Some(ids), _) if ids.is_empty() => {
                return Err(pelagic_core::said::Said::new(
                    pelagic_core::said::Reason::ChooseRecords,
                )
                .into());
            }
            (Some(ids), _) if ids.len() > MAX_BULK => {
                return Err(crate::AppError::from(
                    Said::new(Reason::BulkAtMost).with("max", MAX_BULK),
                ));
            }
            (_, Some(f)) => {
                Filter::from_json(f)?;
            }
            _ => {}
        }
        let row = BulkJobRow {
            id: ids::new_id(),
            user_id: actor.user_id.to_string(),
            object: object.to_owned(),
            action: req.action.name().to_owned(),
            total: req.ids.as_ref().map_or(0, |i| i.len() as i64),
            request: serde_json::to_string(&req).map_err(|e| AppError::Internal(e.to_string()))?,
            status: "queued".into(),
            done: 0,
            failed: 0,
            errors: None,
            created_at: self.now(),
            finished_at: None,
        };
        let mut tx = self.db().begin().await?;
        store::insert(&mut tx, &row).await?;
        tx.commit().await?;
        Ok(BulkJob::from(&row))
    }

    /// A job's progress; only the user who asked (or an administrator) sees it.
    pub async fn bulk_job(&self, actor: &Actor, id: &str) -> AppResult<BulkJob> {
        let not_found = || AppError::NotFound(format!("there is no bulk job '{id}'"));
        pelagic_core::input::check_id(id).map_err(|_| not_found())?;
        match store::get(self.db(), id).await? {
            Some(j) if j.user_id == actor.user_id || actor.is_admin() => Ok(BulkJob::from(&j)),
            _ => Err(not_found()),
        }
    }

    /// Starts running a queued job in this process at once, beside the request that queued it
    /// (the scheduler would pick it up on its next tick otherwise).
    pub fn run_in_background(self: &std::sync::Arc<Self>, id: String) {
        let app = self.clone();
        tokio::spawn(async move {
            if let Err(e) = app.run_bulk_job(&id).await {
                tracing::error!(job = %id, error = %e, "bulk job stopped");
            }
        });
    }

    /// Runs every job waiting for an instance (queued, or left by a stopped one); gives how many
    /// this instance ran.
    pub async fn run_bulk_jobs(&self) -> AppResult<usize> {
        let stale = self.now() - Duration::seconds(STALE_AFTER_SECS);
        let mut ran = 0;
        for id in store::claimable_ids(self.db(), stale).await? {
            if self.run_bulk_job(&id).await? {
                ran += 1;
            }
        }
        Ok(ran)
    }

    /// Claims and runs one job to its end; false when another instance has it.
    pub async fn run_bulk_job(&self, id: &str) -> AppResult<bool> {
        let now = self.now();
        let mut tx = self.db().begin().await?;
        let claimed = store::claim(
            &mut tx,
            id,
            self.instance(),
            now,
            now - Duration::seconds(STALE_AFTER_SECS),
        )
        .await?;
        tx.commit().await?;
        if !claimed {
            return Ok(false);
        }
        let Some(mut job) = store::get(self.db(), id).await? else {
            return Ok(false);
        };
        if let Err(e) = self.work_on(&mut job).await {
            tracing::error!(job = %job.id, error = %e, "bulk job failed");
            job.status = "failed".into();
            job.errors = Some(json!([e.to_string()]).to_string());
            job.finished_at = Some(self.now());
            self.save_progress(&job).await?;
        }
        Ok(true)
    }

    async fn save_progress(&self, job: &BulkJobRow) -> AppResult<bool> {
        let mut tx = self.db().begin().await?;
        let held = store::progress(&mut tx, job, self.instance(), self.now()).await?;
        tx.commit().await?;
        Ok(held)
    }

    async fn work_on(&self, job: &mut BulkJobRow) -> AppResult<()> {
        let mut req: BulkRequest = serde_json::from_str(&job.request)
            .map_err(|e| AppError::Internal(format!("bulk job {}: {e}", job.id)))?;
        let actor = self.actor_of(&job.user_id).await?;
        let records = self.records(&actor);
        if req.ids.is_none() {
            req.ids = Some(self.matching_ids(&actor, &job.object, &req).await?);
            job.total = req.ids.as_ref().map_or(0, |i| i.len() as i64);
            job.request =
                serde_json::to_string(&req).map_err(|e| AppError::Internal(e.to_string()))?;
            if !self.save_progress(job).await? {
                return Ok(());
            }
        }
        let ids = req.ids.clone().unwrap_or_default();
        let mut errors: Vec<String> = job
            .errors
            .as_deref()
            .and_then(|e| serde_json::from_str(e).ok())
            .unwrap_or_default();
        let start = (job.done + job.failed) as usize;
        for chunk in ids.get(start..).unwrap_or_default().chunks(CHUNK) {
            for (id, outcome) in self.apply(&records, &job.object, &req.action, chunk).await {
                match outcome {
                    Ok(()) => job.done += 1,
                    Err(e) => {
                        job.failed += 1;
                        if errors.len() < MAX_ERRORS {
                            errors.push(format!("{id}: {e}"));
                        }
                    }
                }
            }
            job.errors = (!errors.is_empty()).then(|| json!(errors).to_string());
            if !self.save_progress(job).await? {
                // Another instance took the job over; it goes on from the saved progress.
                return Ok(());
            }
        }
        job.status = "done".into();
        job.finished_at = Some(self.now());
        self.save_progress(job).await?;
        Ok(())
    }

    /// Does the action to a chunk of records, one outcome per record. A transfer moves the
    /// chunk in one transaction, record by record only when that fails.
    async fn apply(
        &self,
        records: &crate::RecordService<'_>,
        object: &str,
        action: &BulkAction,
        chunk: &[String],
    ) -> Vec<(String, AppResult<()>)> {
        let mut out = Vec::new();
        if let BulkAction::Transfer { owner_id, related } = action {
            let all = TransferRequest {
                ids: Some(chunk.to_vec()),
                owner_id: owner_id.clone(),
                related: *related,
                ..TransferRequest::default()
            };
            if records.transfer(object, &all).await.is_ok() {
                return chunk.iter().map(|id| (id.clone(), Ok(()))).collect();
            }
        }
        for id in chunk {
            let outcome = match action {
                BulkAction::Transfer { owner_id, related } => records
                    .transfer(
                        object,
                        &TransferRequest {
                            ids: Some(vec![id.clone()]),
                            owner_id: owner_id.clone(),
                            related: *related,
                            ..TransferRequest::default()
                        },
                    )
                    .await
                    .map(|_| ()),
                BulkAction::Update { field, value } => records
                    .update(
                        object,
                        &RecordId::stored(id.clone()),
                        &json!({ field.clone(): value.clone() }),
                    )
                    .await
                    .map(|_| ()),
                BulkAction::Delete => records.delete(object, &RecordId::stored(id.clone())).await,
            };
            out.push((id.clone(), outcome));
        }
        out
    }

    /// The ids of every record a filter and search match, within the actor's reach for the
    /// action.
    async fn matching_ids(
        &self,
        actor: &Actor,
        object: &str,
        req: &BulkRequest,
    ) -> AppResult<Vec<String>> {
        let records = self.records(actor);
        let mut list = ListRequest {
            filter: req.filter.as_ref().map(Filter::from_json).transpose()?,
            q: req.q.clone(),
            sort: vec![("created_at".into(), false)],
            limit: Some(crate::records::MAX_LIMIT),
            ..ListRequest::default()
        };
        let mut ids = Vec::new();
        loop {
            let page = records.list(object, &list).await?;
            ids.extend(
                page.data
                    .iter()
                    .filter_map(|r| r.get("id").and_then(Json::as_str).map(str::to_owned)),
            );
            if ids.len() > MAX_BULK {
                return Err(crate::AppError::from(
                    Said::new(Reason::BulkMatchesMore).with("max", MAX_BULK),
                ));
            }
            match page.next_cursor {
                Some(c) => list.cursor = Some(c),
                None => return Ok(ids),
            }
        }
    }

    /// The acting user behind a job: active, with their role and team as they are now.
    async fn actor_of(&self, user_id: &str) -> AppResult<Actor> {
        let u = pelagic_store::users::user_by_id(self.db(), user_id)
            .await?
            .filter(|u| u.active)
            .ok_or_else(|| {
                AppError::Forbidden("the user who asked may no longer sign in".into())
            })?;
        Ok(Actor {
            user_id: pelagic_core::ids::UserId::stored(u.id),
            name: u.name,
            role: u.role,
            team_id: u.team_id,
            time_zone: u.time_zone,
            locale: u.locale,
        })
    }
}
