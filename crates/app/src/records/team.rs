//! What each salesperson did, period by period (day, week or month in the reader's time zone):
//! follow-ups logged and their kinds, customers contacted, new customers, leads converted,
//! opportunities created and won, the amount won; with the totals of each person and of the team.
//! Only records the reader may read are counted, and a figure whose field they may not read
//! (an amount, a kind) stays out.

use pelagic_core::names::Column;
use pelagic_core::said::{Reason, Said};
use std::collections::{BTreeMap, BTreeSet, HashMap};

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, Utc};
use pelagic_core::period::Tz;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{Value, money};
use serde::{Deserialize, Serialize};

use super::RecordService;
use crate::{AppError, AppResult};

/// Periods one report covers at most.
pub const MAX_PERIODS: usize = 92;

#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Deserialize, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Period {
    Day,
    #[default]
    Week,
    Month,
}

/// Which figures: periods of one length from `from` up to (not including) `to`, of one team (and
/// the teams below it) or one person.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct TeamQuery {
    pub period: Option<Period>,
    pub from: Option<NaiveDate>,
    pub to: Option<NaiveDate>,
    pub team_id: Option<String>,
    pub owner_id: Option<String>,
}

/// One person's (or the team's) figures over a span.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Figures {
    pub follow_ups: i64,
    /// Follow-ups by kind (call, visit, …).
    pub by_kind: BTreeMap<String, i64>,
    /// Accounts followed up, directly or through one of their contacts or deals.
    pub customers_contacted: i64,
    pub new_customers: i64,
    pub leads_converted: i64,
    pub opportunities_created: i64,
    pub opportunities_won: i64,
    /// Amount won per currency, as decimal text.
    pub amount_won: BTreeMap<String, String>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PersonFigures {
    pub user_id: String,
    pub name: String,
    #[serde(flatten)]
    pub figures: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PeriodFigures {
    /// The period's first day.
    pub start: NaiveDate,
    pub people: Vec<PersonFigures>,
    pub team: Figures,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TeamReport {
    pub period: Period,
    pub from: NaiveDate,
    pub to: NaiveDate,
    pub time_zone: String,
    pub periods: Vec<PeriodFigures>,
    /// Each person over the whole span.
    pub people: Vec<PersonFigures>,
    /// Everyone over the whole span.
    pub team: Figures,
}

/// Figures while they are being counted: contacted customers as a set, amounts in minor units.
#[derive(Default)]
pub(super) struct Tally {
    pub(super) follow_ups: i64,
    pub(super) by_kind: BTreeMap<String, i64>,
    pub(super) contacted: BTreeSet<String>,
    pub(super) new_customers: i64,
    pub(super) leads_converted: i64,
    pub(super) opportunities_created: i64,
    pub(super) opportunities_won: i64,
    pub(super) won: BTreeMap<String, i128>,
}

impl Tally {
    fn figures(&self) -> Figures {
        Figures {
            follow_ups: self.follow_ups,
            by_kind: self.by_kind.clone(),
            customers_contacted: self.contacted.len() as i64,
            new_customers: self.new_customers,
            leads_converted: self.leads_converted,
            opportunities_created: self.opportunities_created,
            opportunities_won: self.opportunities_won,
            amount_won: self
                .won
                .iter()
                .map(|(c, units)| {
                    let units = i64::try_from(*units).unwrap_or(i64::MAX);
                    (
                        c.clone(),
                        money::format_scaled(units, money::currency_exponent(c)),
                    )
                })
                .collect(),
        }
    }
}

/// Where every count goes: (period, person), person, period and the whole team at once.
pub(super) struct Book {
    zone: Tz,
    period: Period,
    cells: BTreeMap<(NaiveDate, String), Tally>,
}

impl Book {
    /// The first day of the period `at` falls in, in the reader's zone.
    fn start_of(&self, at: DateTime<Utc>) -> NaiveDate {
        period_start(self.period, at.with_timezone(&self.zone).date_naive())
    }

    pub(super) fn add(
        &mut self,
        at: Option<DateTime<Utc>>,
        owner: &Value,
        count: impl Fn(&mut Tally),
    ) {
        let (Some(at), Some(owner)) = (at, owner.as_str()) else {
            return;
        };
        let start = self.start_of(at);
        count(self.cells.entry((start, owner.to_owned())).or_default());
    }
}

fn period_start(period: Period, day: NaiveDate) -> NaiveDate {
    match period {
        Period::Day => day,
        Period::Week => day - Days::new(u64::from(day.weekday().num_days_from_monday())),
        Period::Month => day.with_day(1).unwrap_or(day),
    }
}

fn next_start(period: Period, start: NaiveDate) -> NaiveDate {
    match period {
        Period::Day => start + Days::new(1),
        Period::Week => start + Days::new(7),
        Period::Month => start + Months::new(1),
    }
}

/// Local midnight of `day` in `zone`, as an instant.
fn midnight(zone: Tz, day: NaiveDate) -> DateTime<Utc> {
    day.and_hms_opt(0, 0, 0)
        .and_then(|t| t.and_local_timezone(zone).earliest())
        .map(|t| t.with_timezone(&Utc))
        .unwrap_or_else(|| day.and_time(chrono::NaiveTime::MIN).and_utc())
}

pub(super) fn between(col: &str, from: DateTime<Utc>, to: DateTime<Utc>) -> Pred {
    Pred::And(vec![
        Pred::Cmp {
            col: col.to_name(),
            op: Cmp::Gte,
            value: Value::DateTime(from),
        },
        Pred::Cmp {
            col: col.to_name(),
            op: Cmp::Lt,
            value: Value::DateTime(to),
        },
    ])
}

impl RecordService<'_> {
    /// The activity report of a team, person by person and period by period.
    pub async fn team_report(&self, q: &TeamQuery) -> AppResult<TeamReport> {
        let snap = self.app.snapshot().await?;
        super::check_period(q.from, q.to)?;
        let zone = pelagic_core::period::zone(&self.actor.time_zone);
        let period = q.period.unwrap_or_default();
        let today = self.app.now().with_timezone(&zone).date_naive();
        let to = q.to.unwrap_or(today + Days::new(1));
        let from = match q.from {
            Some(f) => f,
            None => {
                let last = period_start(period, to - Days::new(1));
                match period {
                    Period::Day => last - Days::new(13),
                    Period::Week => last - Days::new(7 * 7),
                    Period::Month => last - Months::new(5),
                }
            }
        };
        if from >= to {
            return Err(AppError::from(Said::new(Reason::FromBeforeTo)));
        }
        let mut starts = vec![period_start(period, from)];
        while let Some(&last) = starts.last() {
            let next = next_start(period, last);
            if next >= to {
                break;
            }
            if starts.len() == MAX_PERIODS {
                return Err(crate::AppError::from(
                    Said::new(Reason::PeriodsAtMost).with("max", MAX_PERIODS),
                ));
            }
            starts.push(next);
        }
        let owners: Option<Vec<String>> = match (&q.team_id, &q.owner_id) {
            (_, Some(owner)) => Some(vec![owner.clone()]),
            (Some(team), None) => Some(
                snap.access
                    .team_members(team)
                    .ok_or_else(|| AppError::NotFound(format!("there is no team '{team}'")))?,
            ),
            (None, None) => None,
        };
        let mut book = Book {
            zone,
            period,
            cells: BTreeMap::new(),
        };
        let span = (midnight(zone, from), midnight(zone, to));
        self.count_follow_ups(&mut book, span, owners.as_deref())
            .await?;
        self.count_created(&mut book, span, owners.as_deref())
            .await?;
        self.count_won(&mut book, span, owners.as_deref()).await?;

        let names = self.app.user_names().await?;
        let mut people: BTreeSet<String> = book.cells.keys().map(|(_, o)| o.clone()).collect();
        if q.owner_id.is_none() {
            people.extend(owners.into_iter().flatten());
        }
        let mut people: Vec<(String, String)> = people
            .into_iter()
            .map(|id| {
                let name = names.get(&id).cloned().unwrap_or_else(|| id.clone());
                (id, name)
            })
            .collect();
        people.sort_by(|a, b| a.1.cmp(&b.1).then(a.0.cmp(&b.0)));
        let empty = Tally::default();
        let person = |id: &str, name: &str, t: &Tally| PersonFigures {
            user_id: id.to_owned(),
            name: name.to_owned(),
            figures: t.figures(),
        };
        let merge = |into: &mut Tally, t: &Tally| {
            into.follow_ups += t.follow_ups;
            for (k, n) in &t.by_kind {
                *into.by_kind.entry(k.clone()).or_default() += n;
            }
            into.contacted.extend(t.contacted.iter().cloned());
            into.new_customers += t.new_customers;
            into.leads_converted += t.leads_converted;
            into.opportunities_created += t.opportunities_created;
            into.opportunities_won += t.opportunities_won;
            for (c, n) in &t.won {
                *into.won.entry(c.clone()).or_default() += n;
            }
        };
        let mut whole = Tally::default();
        let mut each: HashMap<String, Tally> = HashMap::new();
        let mut periods = Vec::with_capacity(starts.len());
        for start in starts {
            let mut team = Tally::default();
            let mut row = Vec::with_capacity(people.len());
            for (id, name) in &people {
                let t = book.cells.get(&(start, id.clone())).unwrap_or(&empty);
                merge(&mut team, t);
                merge(each.entry(id.clone()).or_default(), t);
                row.push(person(id, name, t));
            }
            merge(&mut whole, &team);
            periods.push(PeriodFigures {
                start,
                people: row,
                team: team.figures(),
            });
        }
        Ok(TeamReport {
            period,
            from,
            to,
            time_zone: zone.name().to_owned(),
            periods,
            people: people
                .iter()
                .map(|(id, name)| person(id, name, each.get(id).unwrap_or(&empty)))
                .collect(),
            team: whole.figures(),
        })
    }
}
