//! The record service: create, read, update, delete and list records of any object, for one
//! acting user. There is no per-object code; objects are metadata.

mod actions;
pub mod analytics;
mod audit;
mod bin;
pub mod collections;
mod convert;
mod create;
mod create_docs;
mod customer_currency;
mod duplicate_check;
mod export;
mod figure_access;
mod figures;
mod follow_ups;
mod hooks;
pub mod import;
mod keys;
mod line_prices;
mod merge;
mod moves;
mod next_steps;
mod numbering;
mod order_from;
pub mod order_stats;
mod plans;
mod prepared;
mod quotes;
mod read;
mod rows;
mod sales_docs;
mod shares;
mod stages;
mod system_write;
pub mod team;
mod team_count;
mod timeline;
mod transfer;

pub use actions::RecordActions;
pub(crate) use bin::purge_older_than;
pub use convert::{ConvertRequest, Converted, check_conversion_targets};
pub use duplicate_check::{GroupPage, MAX_GROUPS};
pub use export::{MAX_EXPORT, cell};
pub(crate) use moves::{Move, Stamp};
pub use next_steps::NextSteps;
pub use numbering::{check_pattern, format as format_number};
pub use quotes::QuoteStep;
pub use shares::ShareInput;
pub use transfer::{MAX_TRANSFER, TransferRequest};
mod refs;
mod refunds;
mod reminders;
mod write;

use pelagic_core::said::{Reason, Said};
use std::sync::Arc;

use pelagic_core::access::Actor;
use pelagic_core::access::FieldAccess;
use pelagic_core::filter::Filter;
use pelagic_core::meta::{FieldDef, ObjectDef};
use pelagic_core::output::{Projection, RecordWriter};
use pelagic_core::plan::{Cmp, PlanContext, Pred};
use pelagic_core::{Value, period};
use serde_json::{Map, Value as Json};

use crate::meta_cache::Snapshot;
use crate::policy::Policy;
use crate::{App, AppResult};

/// A record as clients see it: field name → JSON value.
pub type Record = Map<String, Json>;

/// One page of records.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Page {
    pub data: Vec<Record>,
    pub next_cursor: Option<String>,
    pub total: Option<i64>,
}

/// What a list asks for. Limits: `limit` 1–500 (default 50).
#[derive(Debug, Clone, Default)]
pub struct ListRequest {
    pub filter: Option<Filter>,
    pub sort: Vec<(String, bool)>,
    pub q: Option<String>,
    pub limit: Option<i64>,
    pub cursor: Option<String>,
    pub count: bool,
    /// Count no further than this many matches (the total is then "at least" this many).
    pub count_cap: Option<u64>,
}

pub const DEFAULT_LIMIT: i64 = 50;
pub const MAX_LIMIT: i64 = 500;
/// Most records one batch may create.
pub const MAX_BATCH: usize = 1000;

/// Records for one actor.
pub struct RecordService<'a> {
    pub(crate) app: &'a App,
    pub(crate) actor: &'a Actor,
}

/// The object being worked on, with the snapshot it came from.
struct Target {
    snap: Arc<Snapshot>,
    obj: Arc<ObjectDef>,
    /// When the request started (shares expire).
    now: chrono::DateTime<chrono::Utc>,
}

impl Target {
    /// The actor's permissions under the rules of this snapshot.
    fn policy<'s>(&'s self, actor: &'s Actor) -> Policy<'s> {
        Policy::new(actor, &self.snap.access, self.now)
    }
}

impl<'a> RecordService<'a> {
    pub(crate) fn new(app: &'a App, actor: &'a Actor) -> Self {
        RecordService { app, actor }
    }

    /// Refuses (403) when the actor may not do `op` to any record of `object`.
    pub async fn require(&self, object: &str, op: crate::policy::Operation) -> AppResult<()> {
        let t = self.target(object).await?;
        t.policy(self.actor).require(&t.obj, op)
    }

    async fn target(&self, object: &str) -> AppResult<Target> {
        let snap = self.app.snapshot().await?;
        let obj = snap.schema.object(object)?.clone();
        Ok(Target {
            snap,
            obj,
            now: self.app.now(),
        })
    }

    /// Writes rows as the actor may see them: `fields` only, masked where the role says so.
    fn writer<'f>(
        &self,
        policy: &Policy<'_>,
        obj: &ObjectDef,
        fields: &[&'f FieldDef],
        projection: &Projection,
    ) -> RecordWriter<'f> {
        RecordWriter::new(fields.iter().copied(), projection)
            .masking(|f| policy.field_access(obj, f) == FieldAccess::Masked)
    }

    fn plan_context(&self, snap: &Snapshot) -> PlanContext {
        let tz = period::zone(&self.actor.time_zone);
        let today = self.app.now().with_timezone(&tz).date_naive();
        PlanContext {
            input: snap.input.clone(),
            today,
            tz,
        }
    }
}

/// The answer for a record that does not exist or is out of the actor's reach (the same, so that
/// ids cannot be probed).
fn no_such(obj: &ObjectDef, id: &str) -> crate::AppError {
    crate::AppError::NotFound(format!(
        "there is no {} with id '{}'",
        obj.name,
        id.chars().take(64).collect::<String>()
    ))
}

fn id_is(id: &str) -> Pred {
    Pred::Cmp {
        col: "id".into(),
        op: Cmp::Eq,
        value: Value::Text(id.to_owned()),
    }
}

/// Refuses (400) a period bound outside the years a date may have (see `input::YEARS`), before
/// any date arithmetic on it.
pub(crate) fn check_period(
    from: Option<chrono::NaiveDate>,
    to: Option<chrono::NaiveDate>,
) -> crate::AppResult<()> {
    use chrono::Datelike;
    for (name, date) in [("from", from), ("to", to)] {
        if let Some(d) = date
            && !pelagic_core::input::YEARS.contains(&d.year())
        {
            return Err(crate::AppError::from(
                Said::new(Reason::PeriodYears)
                    .with("name", name)
                    .with("low", pelagic_core::input::YEARS.start())
                    .with("high", pelagic_core::input::YEARS.end()),
            ));
        }
    }
    Ok(())
}

/// A refusal about one record of a batch, its fields named with the record's place in it
/// (`records[3].invalid_reason`); `label` is empty for a single record.
pub(crate) fn labelled(label: &str, e: crate::AppError) -> crate::AppError {
    match e {
        crate::AppError::Validation(fields) if !label.is_empty() => crate::AppError::Validation(
            fields
                .into_iter()
                .map(|(k, v)| (format!("{label}{k}"), v))
                .collect(),
        ),
        other => other,
    }
}
