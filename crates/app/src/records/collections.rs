//! Collection figures over the instalments the actor may read: what fell due in a period, what
//! of it was collected (payments settled against it, net of refunds), what is outstanding and
//! what of that is overdue, and the collection rate (collected ÷ due), per month, owner, team or
//! customer. Amounts never mix currencies: every row is one currency. An instalment counts for
//! the owner and team of its order.

use pelagic_core::said::{Reason, Said};
use std::collections::{BTreeMap, HashMap};

use chrono::{Datelike, NaiveDate};
use pelagic_core::filter::Filter;
use pelagic_core::money::{currency_exponent, format_scaled};
use pelagic_core::plan::{self, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::records::grouped;
use serde::{Deserialize, Serialize};
use serde_json::json;

use super::RecordService;
use crate::policy::Operation;
use crate::{AppError, AppResult};

/// Which instalments a figure covers and how they are grouped.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CollectionQuery {
    /// Instalments due on or after this day.
    pub from: Option<NaiveDate>,
    /// Instalments due before this day.
    pub to: Option<NaiveDate>,
    /// `month` (the default), `owner`, `team` or `account`.
    pub group: Option<String>,
    pub owner_id: Option<String>,
    pub team_id: Option<String>,
    pub account_id: Option<String>,
}

/// One group's figures in one currency; amounts are decimals in that currency.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct CollectionRow {
    pub key: String,
    pub name: String,
    pub currency: String,
    pub instalments: i64,
    pub due: String,
    pub collected: String,
    pub outstanding: String,
    pub overdue: String,
    /// Collected out of due, in percent with one decimal.
    pub rate: Option<f64>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Collections {
    pub group: String,
    pub rows: Vec<CollectionRow>,
    /// One row per currency over everything covered.
    pub totals: Vec<CollectionRow>,
}

/// Sums in minor units.
#[derive(Debug, Clone, Default)]
struct Tally {
    instalments: i64,
    due: i64,
    collected: i64,
    overdue: i64,
}

impl Tally {
    fn add(&mut self, other: &Tally) {
        self.instalments += other.instalments;
        self.due += other.due;
        self.collected += other.collected;
        self.overdue += other.overdue;
    }

    fn row(&self, key: &str, name: &str, currency: &str) -> CollectionRow {
        let scale = currency_exponent(currency);
        CollectionRow {
            key: key.to_owned(),
            name: name.to_owned(),
            currency: currency.to_owned(),
            instalments: self.instalments,
            due: format_scaled(self.due, scale),
            collected: format_scaled(self.collected, scale),
            outstanding: format_scaled(self.due - self.collected, scale),
            overdue: format_scaled(self.overdue, scale),
            rate: super::analytics::rate(self.collected, self.due),
        }
    }
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

impl RecordService<'_> {
    /// The collection figures.
    pub async fn collections(&self, q: &CollectionQuery) -> AppResult<Collections> {
        let group = q.group.clone().unwrap_or_else(|| "month".into());
        if !matches!(group.as_str(), "month" | "owner" | "team" | "account") {
            return Err(AppError::Invalid(format!(
                "group by month, owner, team or account, not '{group}'"
            )));
        }
        super::check_period(q.from, q.to)?;
        let t = self.target("payment_plan").await?;
        let policy = t.policy(self.actor);
        policy.require(&t.obj, Operation::Read)?;
        for name in ["amount", "received_amount", "due_date", "order_id"] {
            let readable = t
                .obj
                .field(name)
                .is_some_and(|f| policy.field_access(&t.obj, f).readable());
            if !readable {
                return Err(crate::AppError::from(
                    Said::new(Reason::CollectionsNeedField).with("field", name),
                ));
            }
        }
        let mut conditions = Vec::new();
        if let Some(from) = q.from {
            conditions.push(json!({"field": "due_date", "op": "gte", "value": from}));
        }
        if let Some(to) = q.to {
            conditions.push(json!({"field": "due_date", "op": "lt", "value": to}));
        }
        if let Some(account) = &q.account_id {
            conditions.push(json!({"field": "account_id", "op": "eq", "value": account}));
        }
        let filter = Filter::from_json(&json!({ "and": conditions }))?;
        let readable = |f: &pelagic_core::FieldDef| policy.field_access(&t.obj, f).readable();
        let ctx = self.plan_context(&t.snap);
        let today = ctx.today;
        let pred = Pred::And(vec![
            policy.reachable(&t.obj, Operation::Read),
            Pred::IsNull {
                col: "deleted_at".into(),
            },
            plan::plan_filter(&t.obj, &filter, &readable, &ctx)?,
        ]);
        let cols = |name: &str| {
            t.obj
                .field(name)
                .map(|f| f.column.clone())
                .unwrap_or_default()
        };
        let (order_col, due_col, amount_col) = (cols("order_id"), cols("due_date"), cols("amount"));
        let received_col = cols("received_amount");
        let currency_col = format!("{amount_col}_currency");
        let groups = grouped(
            self.app.db(),
            &t.obj.table,
            &pred,
            &[
                (&order_col, ColType::Text),
                (&due_col, ColType::Date),
                (&currency_col, ColType::Text),
            ],
            &[&amount_col, &received_col],
        )
        .await?;
        let orders = self.order_owners(&groups).await?;
        let access = &t.snap.access;
        let team_of = |owner: &str| {
            access
                .member(owner)
                .and_then(|m| m.team_id.clone())
                .unwrap_or_default()
        };
        let members = match &q.team_id {
            Some(team) => Some(
                access
                    .team_members(team)
                    .ok_or_else(|| AppError::NotFound(format!("there is no team '{team}'")))?,
            ),
            None => None,
        };
        let mut tallies: BTreeMap<(String, String), Tally> = BTreeMap::new();
        for (g, count, sums) in &groups {
            let (order, due_on, currency) = (
                text(&g[0]),
                match g[1] {
                    Value::Date(d) => Some(d),
                    _ => None,
                },
                text(&g[2]),
            );
            let Some((owner, account)) = orders.get(&order) else {
                continue;
            };
            if q.owner_id.as_ref().is_some_and(|o| o != owner)
                || members.as_ref().is_some_and(|m| !m.contains(owner))
            {
                continue;
            }
            let key = match group.as_str() {
                "month" => due_on
                    .map(|d| format!("{:04}-{:02}", d.year(), d.month()))
                    .unwrap_or_default(),
                "owner" => owner.clone(),
                "team" => team_of(owner),
                _ => account.clone(),
            };
            let (due, collected) = (sums[0], sums[1].min(sums[0]));
            let late = due_on.is_some_and(|d| d < today);
            let tally = Tally {
                instalments: *count,
                due,
                collected,
                overdue: if late { due - collected } else { 0 },
            };
            tallies.entry((key, currency)).or_default().add(&tally);
        }
        let names = self.group_names(&group, &tallies).await?;
        let mut totals: BTreeMap<String, Tally> = BTreeMap::new();
        let rows = tallies
            .iter()
            .map(|((key, currency), tally)| {
                totals.entry(currency.clone()).or_default().add(tally);
                let name = names.get(key).cloned().unwrap_or_else(|| key.clone());
                tally.row(key, &name, currency)
            })
            .collect();
        let totals = totals
            .iter()
            .map(|(currency, tally)| tally.row("total", "", currency))
            .collect();
        Ok(Collections {
            group,
            rows,
            totals,
        })
    }

    /// The owner and account of each order named in `groups` (first column): read whatever the
    /// actor's permissions on orders, since an instalment they may read counts for its order.
    async fn order_owners(
        &self,
        groups: &[pelagic_store::records::Group],
    ) -> AppResult<HashMap<String, (String, String)>> {
        let snap = self.app.snapshot().await?;
        let order = snap.schema.object("order")?;
        let mut ids: Vec<String> = groups.iter().map(|(g, _, _)| text(&g[0])).collect();
        ids.sort();
        ids.dedup();
        let mut found = HashMap::new();
        for chunk in ids.chunks(500) {
            let pred = Pred::In {
                col: "id".into(),
                values: chunk.iter().map(|i| Value::Text(i.clone())).collect(),
            };
            let rows = grouped(
                self.app.db(),
                &order.table,
                &pred,
                &[
                    ("id", ColType::Text),
                    ("owner_id", ColType::Text),
                    ("account_id", ColType::Text),
                ],
                &[],
            )
            .await?;
            for (g, _, _) in rows {
                found.insert(text(&g[0]), (text(&g[1]), text(&g[2])));
            }
        }
        Ok(found)
    }

    /// What each group is called: a person's or a team's name, or a customer's name when the
    /// actor may read that customer.
    async fn group_names<T>(
        &self,
        group: &str,
        keys: &BTreeMap<(String, String), T>,
    ) -> AppResult<HashMap<String, String>> {
        let snap = self.app.snapshot().await?;
        Ok(match group {
            "owner" => self.app.user_names().await?,
            "team" => snap
                .access
                .teams
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect(),
            "account" => {
                let t = self.target("account").await?;
                let policy = t.policy(self.actor);
                let Some(name) = t.obj.field("name") else {
                    return Ok(HashMap::new());
                };
                if !policy.field_access(&t.obj, name).readable()
                    || policy.require(&t.obj, Operation::Read).is_err()
                {
                    return Ok(HashMap::new());
                }
                let ids: Vec<Value> = keys.keys().map(|(k, _)| Value::Text(k.clone())).collect();
                let mut names = HashMap::new();
                for chunk in ids.chunks(500) {
                    let pred = Pred::And(vec![
                        policy.reachable(&t.obj, Operation::Read),
                        Pred::In {
                            col: "id".into(),
                            values: chunk.to_vec(),
                        },
                    ]);
                    let rows = grouped(
                        self.app.db(),
                        &t.obj.table,
                        &pred,
                        &[("id", ColType::Text), (&name.column, ColType::Text)],
                        &[],
                    )
                    .await?;
                    for (g, _, _) in rows {
                        names.insert(text(&g[0]), text(&g[1]));
                    }
                }
                names
            }
            _ => HashMap::new(),
        })
    }
}
