//! Sales figures over the opportunities the actor may read: the stage conversion funnel of a
//! process (how many reached each stage, conversion from stage to stage, where deals were lost,
//! average days in each stage, win rate) and the forecast (open pipeline weighted by probability,
//! by owner, stage and month of expected close).

use pelagic_core::ids::RecordId;
use std::collections::BTreeMap;

use chrono::NaiveDate;
use pelagic_core::filter::Filter;
use pelagic_core::plan::{self, Pred};
use pelagic_core::{ColType, Value, money};
use pelagic_store::records::grouped;
use serde::Serialize;
use serde_json::json;

use super::RecordService;
use super::figure_access::require_figures;
use crate::policy::Operation;
use crate::processes::Process;
use crate::{App, AppError, AppResult};

/// Which opportunities a figure covers: created in `[from, to)`, of one owner or one team (and
/// its sub-teams), following one process (the default when none is named).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Scope {
    pub process_id: Option<String>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub owner_id: Option<String>,
    pub team_id: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StageFigures {
    pub stage: String,
    pub probability: i64,
    /// Deals that got at least this far (won deals went through every stage).
    pub reached: i64,
    /// Share of those that reached the next stage, in percent with one decimal.
    pub to_next_rate: Option<f64>,
    /// Deals lost (or found invalid) while this was the furthest stage they had reached.
    pub lost_here: i64,
    pub invalid_here: i64,
    /// Deals now in this stage.
    pub open_now: i64,
    /// Average days spent in the stage by the deals that left it.
    pub avg_days: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Funnel {
    pub process_id: String,
    pub process: String,
    pub total: i64,
    pub stages: Vec<StageFigures>,
    pub won: i64,
    pub lost: i64,
    pub invalid: i64,
    /// Won out of won and lost, in percent with one decimal.
    pub win_rate: Option<f64>,
}

pub(super) fn rate(part: i64, whole: i64) -> Option<f64> {
    (whole > 0).then(|| (part as f64 * 1000.0 / whole as f64).round() / 10.0)
}

impl RecordService<'_> {
    /// The condition for the opportunities a figure covers, and the process it is about.
    async fn covered(
        &self,
        scope: &Scope,
    ) -> AppResult<(Pred, Process, std::sync::Arc<pelagic_core::ObjectDef>)> {
        let (pred, process, obj, _) = self.covered_all(scope).await?;
        Ok((pred, process, obj))
    }

    /// [`covered`], and whether it is every live deal of the process (the actor sees all of
    /// them and nothing narrows it), which lets the days per stage come from the changes alone.
    async fn covered_all(
        &self,
        scope: &Scope,
    ) -> AppResult<(Pred, Process, std::sync::Arc<pelagic_core::ObjectDef>, bool)> {
        super::check_period(scope.from, scope.to)?;
        let t = self.target("opportunity").await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Read)?;
        let processes = self.app.processes().await?;
        let process = match &scope.process_id {
            Some(id) => processes
                .iter()
                .find(|p| p.id == *id)
                .cloned()
                .ok_or_else(|| AppError::NotFound(format!("there is no process '{id}'")))?,
            None => App::process_for(&processes, None, None)
                .cloned()
                .ok_or_else(|| AppError::NotFound("there is no sales process".into()))?,
        };
        let mut conditions = vec![json!({"field": "process_id", "op": "eq", "value": process.id})];
        if let Some(from) = scope.from {
            conditions.push(
                json!({"field": "created_at", "op": "gte", "value": format!("{from}T00:00:00Z")}),
            );
        }
        if let Some(to) = scope.to {
            conditions.push(
                json!({"field": "created_at", "op": "lt", "value": format!("{to}T00:00:00Z")}),
            );
        }
        if let Some(owner) = &scope.owner_id {
            conditions.push(json!({"field": "owner_id", "op": "eq", "value": owner}));
        }
        if let Some(team) = &scope.team_id {
            let members = t
                .snap
                .access
                .team_members(team)
                .ok_or_else(|| AppError::NotFound(format!("there is no team '{team}'")))?;
            conditions.push(json!({"field": "owner_id", "op": "in", "value": members}));
        }
        let filter = Filter::from_json(&json!({ "and": conditions }))?;
        let readable = |f: &pelagic_core::FieldDef| policy.field_access(&t.obj, f).readable();
        let ctx = self.plan_context(&t.snap);
        let every = policy.scope(&t.obj, Operation::Read) == Pred::True
            && scope.from.is_none()
            && scope.to.is_none()
            && scope.owner_id.is_none()
            && scope.team_id.is_none();
        let pred = Pred::And(vec![
            policy.reachable(&t.obj, Operation::Read),
            plan::plan_filter(&t.obj, &filter, &readable, &ctx)?,
        ]);
        Ok((pred, process, t.obj.clone(), every))
    }

    /// The stage conversion funnel of a process.
    pub async fn funnel(&self, scope: &Scope) -> AppResult<Funnel> {
        let (pred, process, obj, every) = self.covered_all(scope).await?;
        let usable = self
            .figure_fields("opportunity", &["stage", "furthest_stage"])
            .await?;
        require_figures(&usable, &["stage", "furthest_stage"], "the funnel")?;
        let groups = grouped(
            self.app.db(),
            &obj.table,
            &pred,
            &[
                ("furthest_stage", ColType::BigInt),
                ("stage", ColType::Text),
            ],
            &[],
        )
        .await?;
        let n = process.stages.len() as i64;
        let mut out = Funnel {
            process_id: process.id.clone(),
            process: process.name.clone(),
            total: 0,
            stages: Vec::new(),
            won: 0,
            lost: 0,
            invalid: 0,
            win_rate: None,
        };
        // (furthest position, current stage, count). Every deal starts in the first stage, so
        // one closed without ever moving (entered as lost, say) counts as lost there.
        let rows: Vec<(i64, String, i64)> = groups
            .iter()
            .map(|(g, count, _)| {
                (
                    g[0].as_int().unwrap_or(0).max(1),
                    g[1].as_str().unwrap_or_default().to_owned(),
                    *count,
                )
            })
            .collect();
        for (_, stage, count) in &rows {
            out.total += count;
            match stage.as_str() {
                "won" => out.won += count,
                "lost" => out.lost += count,
                "invalid" => out.invalid += count,
                _ => {}
            }
        }
        let time = if every {
            pelagic_store::processes::time_in_process(self.app.db(), &process.id).await?
        } else {
            pelagic_store::processes::time_in_stages(self.app.db(), &obj.table, &pred).await?
        };
        for (i, s) in process.stages.iter().enumerate() {
            let k = i as i64 + 1;
            let reached = rows
                .iter()
                .filter(|(f, stage, _)| *f >= k || (stage == "won" && n >= k))
                .map(|(_, _, c)| c)
                .sum();
            let at = |what: &str| {
                rows.iter()
                    .filter(|(f, st, _)| *f == k && st == what)
                    .map(|(_, _, c)| c)
                    .sum()
            };
            let avg_days =
                time.iter()
                    .find(|(from, _, _)| *from == s.stage)
                    .and_then(|(_, left, secs)| {
                        (*left > 0)
                            .then(|| (*secs as f64 / *left as f64 / 86_400.0 * 10.0).round() / 10.0)
                    });
            out.stages.push(StageFigures {
                stage: s.stage.clone(),
                probability: s.probability,
                reached,
                to_next_rate: None,
                lost_here: at("lost"),
                invalid_here: at("invalid"),
                open_now: rows
                    .iter()
                    .filter(|(_, st, _)| *st == s.stage)
                    .map(|(_, _, c)| c)
                    .sum(),
                avg_days,
            });
        }
        for i in 0..out.stages.len() {
            let next = out.stages.get(i + 1).map_or(out.won, |s| s.reached);
            out.stages[i].to_next_rate = rate(next, out.stages[i].reached);
        }
        out.win_rate = rate(out.won, out.won + out.lost);
        Ok(out)
    }

    /// The open pipeline of a process, by owner, month of expected close and stage, weighted by
    /// each deal's probability; amounts per currency.
    pub async fn forecast(&self, scope: &Scope) -> AppResult<Vec<serde_json::Value>> {
        let (pred, process, obj) = self.covered(scope).await?;
        let usable = self
            .figure_fields(
                "opportunity",
                &[
                    "owner_id",
                    "stage",
                    "expected_close_date",
                    "amount",
                    "probability",
                ],
            )
            .await?;
        require_figures(&usable, &["owner_id", "stage"], "the forecast")?;
        let (by_month, with_amount) = (
            usable.contains("expected_close_date"),
            usable.contains("amount"),
        );
        let weighted_too = with_amount && usable.contains("probability");
        let open = Pred::And(vec![
            pred,
            Pred::In {
                col: "stage".into(),
                values: process
                    .stages
                    .iter()
                    .map(|s| Value::Text(s.stage.clone()))
                    .collect(),
            },
        ]);
        let prob_scale = obj.field("probability").map_or(2, |f| f.scale());
        // Groups read only fields the reader may read: a hidden close date leaves the month out,
        // a hidden amount the amounts, a hidden probability the weighted amount.
        let mut by = vec![("owner_id", ColType::Text), ("stage", ColType::Text)];
        if by_month {
            by.push(("expected_close_date", ColType::Date));
        }
        if with_amount {
            by.push(("amount_currency", ColType::Text));
        }
        if weighted_too {
            by.push(("probability", ColType::BigInt));
        }
        let sums: &[&str] = if with_amount { &["amount"] } else { &[] };
        let groups = grouped(self.app.db(), &obj.table, &open, &by, sums).await?;
        // (owner, month, stage, currency) → (deals, amount, weighted) in minor units
        let mut sums: BTreeMap<ForecastKey, ForecastSums> = BTreeMap::new();
        for (g, count, s) in &groups {
            let text = |v: Option<&Value>| v.and_then(Value::as_str).unwrap_or_default().to_owned();
            let mut rest = g[2..].iter();
            let month = match by_month.then(|| rest.next()).flatten() {
                Some(Value::Date(d)) => d.format("%Y-%m").to_string(),
                _ => String::new(),
            };
            let currency = text(with_amount.then(|| rest.next()).flatten());
            let prob = weighted_too
                .then(|| rest.next())
                .flatten()
                .and_then(Value::as_int)
                .map(i128::from);
            let amount = s.first().map_or(0, |a| i128::from(*a));
            let weighted = prob.map_or(0, |p| amount * p / (100 * 10_i128.pow(prob_scale)));
            let e = sums
                .entry((text(g.first()), month, text(g.get(1)), currency))
                .or_default();
            e.0 += count;
            e.1 += amount;
            e.2 += weighted;
        }
        Ok(sums
            .into_iter()
            .map(|((owner, month, stage, currency), (deals, amount, weighted))| {
                let exp = money::currency_exponent(&currency);
                let show = |units: i128| money::format_scaled(i64::try_from(units).unwrap_or(i64::MAX), exp);
                json!({
                    "owner_id": owner, "month": (!month.is_empty()).then_some(month), "stage": stage,
                    "currency": with_amount.then_some(currency), "deals": deals,
                    "amount": with_amount.then(|| show(amount)),
                    "weighted": weighted_too.then(|| show(weighted)),
                })
            })
            .collect())
    }
}

impl RecordService<'_> {
    /// The stage moves of an opportunity the actor may read, oldest first.
    pub async fn stage_changes(&self, id: &RecordId) -> AppResult<Vec<serde_json::Value>> {
        self.get("opportunity", id).await?;
        let rows = pelagic_store::processes::changes_of(self.app.db(), id).await?;
        Ok(rows
            .into_iter()
            .map(|c| {
                json!({
                    "from": c.from_stage, "to": c.to_stage, "at": c.at, "user_id": c.user_id,
                    "days_in_previous": c.seconds_in_previous.map(|s| (s as f64 / 8640.0).round() / 10.0),
                    "feedback": c.feedback.and_then(|f| serde_json::from_str::<serde_json::Value>(&f).ok()),
                    "process_id": c.process_id,
                })
            })
            .collect())
    }
}

/// The deals in one stage of a board: how many, and their amounts per currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Column {
    pub stage: String,
    pub deals: i64,
    /// (currency, amount written with its decimals)
    pub amounts: Vec<(String, String)>,
}

impl RecordService<'_> {
    /// Per stage of the process (open stages in order, then won, lost and invalid), the deals the
    /// actor may read and their amounts.
    pub async fn board_totals(&self, scope: &Scope) -> AppResult<(Process, Vec<Column>)> {
        let (pred, process, obj) = self.covered(scope).await?;
        let usable = self
            .figure_fields("opportunity", &["stage", "amount"])
            .await?;
        require_figures(&usable, &["stage"], "the board")?;
        // Lane totals only for a reader who reads the amounts themselves.
        let with_amount = usable.contains("amount");
        let (by, sums): (&[(&str, ColType)], &[&str]) = if with_amount {
            (
                &[("stage", ColType::Text), ("amount_currency", ColType::Text)],
                &["amount"],
            )
        } else {
            (&[("stage", ColType::Text)], &[])
        };
        let groups = grouped(self.app.db(), &obj.table, &pred, by, sums).await?;
        let stages = process
            .stages
            .iter()
            .map(|s| s.stage.clone())
            .chain(crate::processes::CLOSING.iter().map(|s| (*s).to_owned()));
        let columns = stages
            .map(|stage| {
                let mine: Vec<_> = groups
                    .iter()
                    .filter(|(g, _, _)| g[0].as_str() == Some(stage.as_str()))
                    .collect();
                Column {
                    deals: mine.iter().map(|(_, c, _)| c).sum(),
                    amounts: mine
                        .iter()
                        .filter_map(|(g, _, s)| {
                            let currency = g.get(1)?.as_str()?.to_owned();
                            let text = money::format_scaled(
                                *s.first()?,
                                money::currency_exponent(&currency),
                            );
                            Some((currency, text))
                        })
                        .collect(),
                    stage,
                }
            })
            .collect();
        Ok((process, columns))
    }
}

/// A forecast row's group: owner, month of expected close, stage and currency.
type ForecastKey = (String, String, String, String);
/// A forecast row's sums: deals, amount and weighted amount in minor units.
type ForecastSums = (i64, i128, i128);
