//! Counting for the team report: each figure grouped in the database by owner and time, over the
//! records the reader may read, then put into its period.

use pelagic_core::names::ColumnName;
use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::sync::Arc;

use chrono::{DateTime, Utc};
use pelagic_core::ObjectDef;
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, OrderKey, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::records::{self as rows, ListQuery, grouped};

use super::RecordService;
use super::team::{Book, Tally, between};
use crate::AppResult;
use crate::policy::Operation;

/// Adds a count of records to a tally.
type Count = fn(&mut Tally, i64);

impl RecordService<'_> {
    /// The condition for records of `object` the actor may read, owned by `owners` (if named),
    /// with `time` in the span; and the object, when the actor may read it at all.
    async fn counted(
        &self,
        object: &str,
        time: &str,
        span: (DateTime<Utc>, DateTime<Utc>),
        owners: Option<&[String]>,
    ) -> AppResult<Option<(Arc<ObjectDef>, Pred, ReadableCols)>> {
        let Ok(t) = self.target(object).await else {
            return Ok(None);
        };
        let policy = t.policy(self.actor);
        if policy.require(&t.obj, Operation::Read).is_err() {
            return Ok(None);
        }
        let readable = |name: &str| {
            t.obj
                .field(name)
                .filter(|f| policy.field_access(&t.obj, f).readable())
                .map(|f| f.column_names().to_vec())
        };
        let Some(time_col) = readable(time).and_then(|c| c.first().cloned()) else {
            return Ok(None);
        };
        let mut all = vec![
            policy.reachable(&t.obj, Operation::Read),
            between(&time_col, span.0, span.1),
        ];
        if let Some(owners) = owners {
            all.push(Pred::In {
                col: "owner_id".into(),
                values: owners.iter().map(|o| Value::Text(o.clone())).collect(),
            });
        }
        let cols = ReadableCols {
            time: time_col,
            kind: readable("kind").and_then(|c| c.first().cloned()),
            related: readable("related"),
            stage: readable("stage").and_then(|c| c.first().cloned()),
            amount: readable("amount"),
        };
        Ok(Some((t.obj.clone(), Pred::And(all), cols)))
    }

    pub(super) async fn count_follow_ups(
        &self,
        book: &mut Book,
        span: (DateTime<Utc>, DateTime<Utc>),
        owners: Option<&[String]>,
    ) -> AppResult<()> {
        let Some((obj, pred, cols)) = self
            .counted("activity", "occurred_at", span, owners)
            .await?
        else {
            return Ok(());
        };
        let mut by: Vec<(&str, ColType)> =
            vec![("owner_id", ColType::Text), (&cols.time, ColType::DateTime)];
        if let Some(k) = &cols.kind {
            by.push((k, ColType::Text));
        }
        let related = cols.related.as_ref().and_then(|names| {
            let id = names.iter().find(|c| c.ends_with("_id"))?;
            let object = names.iter().find(|c| c.ends_with("_object"))?;
            Some((object.clone(), id.clone()))
        });
        if let Some((object, id)) = &related {
            by.push((object, ColType::Text));
            by.push((id, ColType::Text));
        }
        let groups = grouped(self.app.db(), &obj.table, &pred, &by, &[]).await?;
        // A contact's or a deal's follow-up counts for its account.
        let mut wanted: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
        if related.is_some() {
            let at = by.len() - 2;
            for (g, _, _) in &groups {
                if let (Some(o), Some(id)) = (g[at].as_str(), g[at + 1].as_str())
                    && o != "account"
                {
                    wanted
                        .entry(o.to_owned())
                        .or_default()
                        .insert(id.to_owned());
                }
            }
        }
        let accounts = self.accounts_of(&wanted).await?;
        for (g, count, _) in &groups {
            let kind = cols.kind.as_ref().and_then(|_| g[2].as_str());
            let customer = related.as_ref().and_then(|_| {
                let at = by.len() - 2;
                let (o, id) = (g[at].as_str()?, g[at + 1].as_str()?);
                if o == "account" {
                    Some(id.to_owned())
                } else {
                    accounts.get(&(o.to_owned(), id.to_owned())).cloned()
                }
            });
            book.add(g[1].as_datetime(), &g[0], |t| {
                t.follow_ups += count;
                if let Some(k) = kind {
                    *t.by_kind.entry(k.to_owned()).or_default() += count;
                }
                if let Some(c) = &customer {
                    t.contacted.insert(c.clone());
                }
            });
        }
        Ok(())
    }

    /// The account each named contact or deal belongs to: (object, id) → account id.
    async fn accounts_of(
        &self,
        wanted: &BTreeMap<String, BTreeSet<String>>,
    ) -> AppResult<HashMap<(String, String), String>> {
        let snap = self.app.snapshot().await?;
        let mut out = HashMap::new();
        for (object, ids) in wanted {
            let Ok(obj) = snap.schema.object(object) else {
                continue;
            };
            let Some(account) = obj.field("account_id") else {
                continue;
            };
            let mut p = Projection::default();
            p.push("id", ColType::Text);
            p.push(&account.column, ColType::Text);
            let ids: Vec<Value> = ids.iter().map(|i| Value::Text(i.clone())).collect();
            for chunk in ids.chunks(500) {
                let pred = Pred::In {
                    col: "id".into(),
                    values: chunk.to_vec(),
                };
                let found = rows::select(
                    self.app.db(),
                    &ListQuery {
                        table: &obj.table,
                        projection: &p,
                        pred: &pred,
                        order: &[] as &[OrderKey],
                        limit: chunk.len() as u64,
                        drive: None,
                    },
                )
                .await?;
                for r in found {
                    if let (Some(id), Some(acc)) = (r[0].as_str(), r[1].as_str()) {
                        out.insert((object.clone(), id.to_owned()), acc.to_owned());
                    }
                }
            }
        }
        Ok(out)
    }

    /// New customers, converted leads and new deals, by when they happened.
    pub(super) async fn count_created(
        &self,
        book: &mut Book,
        span: (DateTime<Utc>, DateTime<Utc>),
        owners: Option<&[String]>,
    ) -> AppResult<()> {
        let counts: [(&str, &str, Count); 3] = [
            ("account", "created_at", |t, n| t.new_customers += n),
            ("lead", "converted_at", |t, n| t.leads_converted += n),
            ("opportunity", "created_at", |t, n| {
                t.opportunities_created += n
            }),
        ];
        for (object, time, count) in counts {
            let Some((obj, pred, cols)) = self.counted(object, time, span, owners).await? else {
                continue;
            };
            let by = [
                ("owner_id", ColType::Text),
                (&*cols.time, ColType::DateTime),
            ];
            for (g, n, _) in grouped(self.app.db(), &obj.table, &pred, &by, &[]).await? {
                book.add(g[1].as_datetime(), &g[0], |t| count(t, n));
            }
        }
        Ok(())
    }

    /// Deals won, by when they closed, with their amounts per currency.
    pub(super) async fn count_won(
        &self,
        book: &mut Book,
        span: (DateTime<Utc>, DateTime<Utc>),
        owners: Option<&[String]>,
    ) -> AppResult<()> {
        let Some((obj, pred, cols)) = self
            .counted("opportunity", "closed_at", span, owners)
            .await?
        else {
            return Ok(());
        };
        let Some(stage) = &cols.stage else {
            return Ok(());
        };
        let won = Pred::And(vec![
            pred,
            Pred::Cmp {
                col: stage.clone(),
                op: Cmp::Eq,
                value: Value::Text("won".into()),
            },
        ]);
        let amount = cols.amount.as_ref().and_then(|names| {
            let units = names.iter().find(|c| !c.ends_with("_currency"))?;
            let currency = names.iter().find(|c| c.ends_with("_currency"))?;
            Some((units.clone(), currency.clone()))
        });
        let mut by = vec![
            ("owner_id", ColType::Text),
            (&*cols.time, ColType::DateTime),
        ];
        let mut sums = Vec::new();
        if let Some((units, currency)) = &amount {
            by.push((currency, ColType::Text));
            sums.push(units.as_str());
        }
        for (g, n, s) in grouped(self.app.db(), &obj.table, &won, &by, &sums).await? {
            let money = amount
                .as_ref()
                .and_then(|_| Some((g[2].as_str()?.to_owned(), i128::from(*s.first()?))));
            book.add(g[1].as_datetime(), &g[0], |t| {
                t.opportunities_won += n;
                if let Some((currency, units)) = &money {
                    *t.won.entry(currency.clone()).or_default() += units;
                }
            });
        }
        Ok(())
    }
}

/// The columns of the fields a report reads, those the actor may read.
struct ReadableCols {
    time: ColumnName,
    kind: Option<ColumnName>,
    related: Option<Vec<ColumnName>>,
    stage: Option<ColumnName>,
    amount: Option<Vec<ColumnName>>,
}
