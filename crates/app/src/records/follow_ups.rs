//! What logging a follow-up does to the record it is about, in the same transaction: the record's
//! `last_follow_up_at` moves forward (and so does its account's, for a contact or a deal), which
//! is the clock pools go by; and a new lead becomes `contacted`, with that change in its history.

use chrono::{DateTime, Utc};
use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_core::names::ColumnName;
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::Tx;
use pelagic_store::records as rows;
use serde_json::json;

use super::{RecordService, id_is};
use crate::AppResult;
use crate::history::{self, Change};

/// One follow-up just written: the record it is about and when it happened.
pub(super) struct Logged {
    pub object: String,
    pub id: String,
    pub at: DateTime<Utc>,
}

impl RecordService<'_> {
    /// Moves the clocks and statuses the follow-ups in `logged` concern.
    pub(super) async fn after_follow_ups(
        &self,
        tx: &mut Tx,
        schema: &Schema,
        logged: &[Logged],
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let mut entries = Vec::new();
        for l in logged {
            let Ok(obj) = schema.object(&l.object) else {
                continue;
            };
            touch(tx, obj, &l.id, l.at).await?;
            crate::pools::followed_up(tx, &obj.name, &l.id, l.at).await?;
            // A contact's or a deal's follow-up is also one with its account.
            for f in obj.fields.iter().filter(|f| f.cascade) {
                let Some(account) = f.target.as_deref().and_then(|t| schema.object(t).ok()) else {
                    continue;
                };
                let mut p = Projection::default();
                p.push(&f.column, ColType::Text);
                if let Some(row) = rows::first_tx(tx, &obj.table, &p, &id_is(&l.id)).await?
                    && let Value::Text(account_id) = &row[0]
                {
                    touch(tx, account, account_id, l.at).await?;
                    crate::pools::followed_up(tx, &account.name, account_id, l.at).await?;
                }
            }
            if obj.behaviour.converts && obj.field("status").is_some() {
                let pred = Pred::And(vec![
                    id_is(&l.id),
                    Pred::Cmp {
                        col: "status".into(),
                        op: Cmp::Eq,
                        value: Value::Text("new".into()),
                    },
                ]);
                let sets = [
                    (
                        ColumnName::fixed("status"),
                        ColType::Text,
                        Value::Text("contacted".into()),
                    ),
                    (
                        ColumnName::fixed("updated_at"),
                        ColType::DateTime,
                        Value::DateTime(now),
                    ),
                ];
                if rows::update(tx, &obj.table, &sets, &pred).await? == 1 {
                    entries.push(
                        Change {
                            object: &obj.name,
                            record_id: &l.id,
                            user_id: &self.actor.user_id,
                            at: now,
                        }
                        .field_set(
                            "status",
                            &json!("new"),
                            &json!("contacted"),
                        ),
                    );
                }
            }
        }
        history::append(tx, &entries).await?;
        Ok(())
    }
}

/// Sets `last_follow_up_at` of one record to `at` unless it already holds a later time.
async fn touch(tx: &mut Tx, obj: &ObjectDef, id: &str, at: DateTime<Utc>) -> AppResult<()> {
    let Some(f) = obj.field("last_follow_up_at") else {
        return Ok(());
    };
    let column = f.column.clone();
    let pred = Pred::And(vec![
        id_is(id),
        Pred::Or(vec![
            Pred::IsNull {
                col: column.clone(),
            },
            Pred::Cmp {
                col: column.clone(),
                op: Cmp::Lt,
                value: Value::DateTime(at),
            },
        ]),
    ]);
    let sets = [(column, ColType::DateTime, Value::DateTime(at))];
    rows::update(tx, &obj.table, &sets, &pred).await?;
    Ok(())
}

/// The follow-ups among rows just inserted into `activity`: what each is about and when.
pub(super) fn logged(
    obj: &ObjectDef,
    rows: &[pelagic_core::row::Row],
    now: DateTime<Utc>,
) -> Vec<Logged> {
    let (Some(related), Some(occurred)) = (obj.field("related"), obj.field("occurred_at")) else {
        return Vec::new();
    };
    let names = related.column_names();
    let (Some(id_col), Some(object_col)) = (
        names.iter().find(|c| c.ends_with("_id")),
        names.iter().find(|c| c.ends_with("_object")),
    ) else {
        return Vec::new();
    };
    rows.iter()
        .filter_map(|r| {
            let (Value::Text(object), Value::Text(id)) = (r.get(object_col), r.get(id_col)) else {
                return None;
            };
            let at = r
                .get(&occurred.column)
                .as_datetime()
                .unwrap_or(now)
                .min(now);
            Some(Logged {
                object: object.clone(),
                id: id.clone(),
                at,
            })
        })
        .collect()
}

impl RecordService<'_> {
    /// What a change does beyond its record, in its transaction: a deal won ends the closing
    /// deadline of its account's pool hold.
    pub(super) async fn after_change(
        &self,
        tx: &mut Tx,
        obj: &ObjectDef,
        sets: &[(ColumnName, ColType, Value)],
        values: &pelagic_core::row::Row,
    ) -> AppResult<()> {
        let won = sets
            .iter()
            .any(|(c, _, v)| c == "stage" && v.as_str() == Some("won"));
        if obj.behaviour.stages
            && won
            && let Some(account) = obj.field("account_id")
            && let Some(customers) = account.target.as_deref()
            && let Value::Text(account_id) = values.get(&account.column)
        {
            crate::pools::closed(tx, customers, account_id).await?;
        }
        Ok(())
    }
}
