//! Sales processes: ordered open stages (options of the opportunity's `stage`) with a win
//! probability and the fields each asks for on entering it; won, lost and invalid close every
//! process. One process is the default; others may belong to a team. Until an administrator
//! saves one, the standard process follows the stage options as shipped.

use pelagic_core::CoreError;
use pelagic_core::access::Actor;
use pelagic_core::said::{Reason, Said};
use pelagic_store::processes::{self as store, ProcessRow};
use serde::{Deserialize, Serialize};

use crate::policy::admin_only;
use crate::{App, AppError, AppResult};

/// The stages that close an opportunity, in every process.
pub const CLOSING: [&str; 3] = ["won", "lost", "invalid"];
/// The id of the process that exists before any is saved.
pub const STANDARD: &str = "standard";
/// The shipped name of the standard process; pages say it in the reader's language.
pub const STANDARD_NAME: &str = "Standard";

/// One open stage of a process.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Stage {
    pub stage: String,
    /// Chance of winning, 0–100.
    pub probability: i64,
    /// Opportunity fields that must be filled when it enters this stage.
    #[serde(default)]
    pub feedback: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Process {
    pub id: String,
    pub name: String,
    pub team_id: Option<String>,
    pub is_default: bool,
    pub stages: Vec<Stage>,
}

impl Process {
    /// The 1-based position of an open stage.
    pub fn position(&self, stage: &str) -> Option<usize> {
        self.stages
            .iter()
            .position(|s| s.stage == stage)
            .map(|p| p + 1)
    }

    pub fn stage(&self, stage: &str) -> Option<&Stage> {
        self.stages.iter().find(|s| s.stage == stage)
    }
}

/// A new process or what changes about one.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ProcessChange {
    pub name: Option<String>,
    /// A team whose opportunities follow it (empty for none).
    pub team_id: Option<String>,
    pub is_default: Option<bool>,
    pub stages: Option<Vec<Stage>>,
}

/// The shipped probability of a standard stage.
fn standard_probability(stage: &str) -> i64 {
    match stage {
        "qualification" => 10,
        "needs_analysis" => 25,
        "proposal" => 50,
        "negotiation" => 75,
        _ => 50,
    }
}

impl App {
    /// Every process; the standard one when none was saved.
    pub async fn processes(&self) -> AppResult<Vec<Process>> {
        let rows = store::processes(self.db()).await?;
        if rows.is_empty() {
            return Ok(vec![self.standard_process().await?]);
        }
        Ok(rows
            .into_iter()
            .map(|r| Process {
                stages: serde_json::from_str(&r.stages).unwrap_or_default(),
                id: r.id,
                name: r.name,
                team_id: r.team_id,
                is_default: r.is_default,
            })
            .collect())
    }

    async fn standard_process(&self) -> AppResult<Process> {
        let snap = self.snapshot().await?;
        let options = snap
            .schema
            .object("opportunity")?
            .field("stage")
            .map(|f| f.options.clone())
            .unwrap_or_default();
        Ok(Process {
            id: STANDARD.into(),
            name: STANDARD_NAME.into(),
            team_id: None,
            is_default: true,
            stages: options
                .iter()
                .filter(|o| !CLOSING.contains(&o.as_str()))
                .map(|o| Stage {
                    stage: o.clone(),
                    probability: standard_probability(o),
                    feedback: vec![],
                })
                .collect(),
        })
    }

    /// Creates (`id` none) or changes a process, for administrators.
    pub async fn save_process(
        &self,
        actor: &Actor,
        id: Option<&str>,
        change: ProcessChange,
    ) -> AppResult<Process> {
        admin_only(actor)?;
        let existing = self.processes().await?;
        let snap = self.snapshot().await?;
        let opp = snap.schema.object("opportunity")?.clone();
        let field = |name: &str, said: Said| AppError::from(CoreError::field(name, said));
        let mut p = match id {
            Some(id) => existing
                .iter()
                .find(|p| p.id == id)
                .cloned()
                .ok_or_else(|| AppError::NotFound(format!("there is no process '{id}'")))?,
            None => Process {
                id: crate::ids::new_id(),
                name: String::new(),
                team_id: None,
                is_default: false,
                stages: vec![],
            },
        };
        if let Some(name) = change.name {
            p.name = name.trim().chars().take(100).collect();
        }
        if p.name.is_empty() {
            return Err(field("name", Reason::Required.into()));
        }
        if let Some(team) = change.team_id {
            if !team.is_empty() && !snap.access.teams.iter().any(|t| t.id == team) {
                return Err(field(
                    "team_id",
                    Said::new(Reason::NoSuchTeam).with("value", &team),
                ));
            }
            p.team_id = (!team.is_empty()).then_some(team);
        }
        if let Some(d) = change.is_default {
            p.is_default = d;
        }
        if let Some(stages) = change.stages {
            let options = opp
                .field("stage")
                .map(|f| f.options.clone())
                .unwrap_or_default();
            let mut seen = Vec::new();
            for s in &stages {
                if CLOSING.contains(&s.stage.as_str()) || !options.contains(&s.stage) {
                    return Err(field(
                        "stages",
                        Said::new(Reason::NotAnOpenStage).with("value", &s.stage),
                    ));
                }
                if seen.contains(&s.stage) {
                    return Err(field(
                        "stages",
                        Said::new(Reason::ListedTwice).with("value", &s.stage),
                    ));
                }
                seen.push(s.stage.clone());
                if !(0..=100).contains(&s.probability) {
                    return Err(field("stages", Reason::ProbabilityRange.into()));
                }
                if let Some(bad) = s
                    .feedback
                    .iter()
                    .find(|f| opp.field(f).is_none_or(|d| d.system))
                {
                    return Err(field(
                        "stages",
                        Said::new(Reason::NoSuchField)
                            .with("object", &opp.name)
                            .with("field", bad),
                    ));
                }
            }
            p.stages = stages;
        }
        if p.stages.is_empty() {
            return Err(field("stages", Reason::ProcessNeedsStage.into()));
        }
        let now = self.now();
        let stored = store::processes(self.db()).await?;
        let mut tx = self.db().begin().await?;
        if stored.is_empty() && p.id != STANDARD {
            // The standard process opportunities already follow becomes a stored one.
            let standard = self.standard_process().await?;
            store::save(&mut tx, &row(&standard, now, !p.is_default), true).await?;
        }
        let new = !stored.iter().any(|r| r.id == p.id);
        match store::save(&mut tx, &row(&p, now, p.is_default), new).await {
            Err(pelagic_store::StoreError::Unique(_)) => {
                return Err(crate::AppError::from(
                    Said::new(Reason::ProcessExists).with("value", &p.name),
                ));
            }
            other => other?,
        }
        tx.commit().await?;
        Ok(p)
    }

    /// The process an opportunity follows: the one it names, else its owner's team's, else the
    /// default.
    pub(crate) fn process_for<'p>(
        processes: &'p [Process],
        named: Option<&str>,
        team: Option<&str>,
    ) -> Option<&'p Process> {
        named
            .and_then(|id| processes.iter().find(|p| p.id == id))
            .or_else(|| {
                team.and_then(|t| processes.iter().find(|p| p.team_id.as_deref() == Some(t)))
            })
            .or_else(|| processes.iter().find(|p| p.is_default))
            .or_else(|| processes.first())
    }
}

fn row(p: &Process, now: chrono::DateTime<chrono::Utc>, is_default: bool) -> ProcessRow {
    ProcessRow {
        id: p.id.clone(),
        name: p.name.clone(),
        team_id: p.team_id.clone(),
        is_default,
        stages: serde_json::to_string(&p.stages).unwrap_or_else(|_| "[]".into()),
        created_at: now,
        updated_at: now,
    }
}
