//! Finding duplicates: checking values while a form is filled in, and listing the groups of
//! existing records that share a key (entered before a rule existed) so that they can be merged.

use std::collections::BTreeMap;

use pelagic_core::Value;
use pelagic_core::dedupe;
use pelagic_core::input::{self, WriteMode};
use pelagic_core::output::Projection;
use pelagic_core::plan::Pred;
use pelagic_store::duplicates as keys;
use pelagic_store::records::{self as rows, ListQuery};
use serde_json::{Map, Value as Json, json};

use super::{Record, RecordService};
use crate::duplicates;
use crate::policy::Operation;
use crate::{AppError, AppResult};

/// Most groups one page lists.
pub const MAX_GROUPS: u64 = 100;

/// One page of duplicate groups.
#[derive(Debug, Clone, PartialEq)]
pub struct GroupPage {
    pub data: Vec<Json>,
    pub next_cursor: Option<String>,
}

impl RecordService<'_> {
    /// The records that already hold what `values` (field → text, as typed) would claim, except
    /// `exclude_id` (the record being edited). Values that do not parse yet are skipped.
    pub async fn duplicate_check(
        &self,
        object: &str,
        values: &BTreeMap<String, String>,
        exclude_id: Option<&str>,
    ) -> AppResult<Vec<Json>> {
        let t = self.target(object).await?;
        let obj = &t.obj;
        let policy = t.policy(self.actor);
        if policy.require(obj, Operation::Create).is_err() {
            policy.require(obj, Operation::Edit)?;
        }
        self.app.spend_duplicate_answer(self.actor).await?;
        let rules = t.snap.duplicates.of(&obj.name);
        let mut columns = input::ColumnValues::default();
        for (name, text) in values {
            let Some(f) = obj.field(name) else {
                return Err(AppError::Invalid(format!("{object} has no field '{name}'")));
            };
            if !rules.iter().any(|r| r.field == f.name) {
                continue;
            }
            let one = Map::from_iter([(name.clone(), Json::String(text.clone()))]);
            if let Ok(cols) = input::parse_record(obj, &one, WriteMode::Update, &t.snap.input) {
                columns.columns.extend(cols.columns);
            }
        }
        let found = dedupe::keys(obj, rules, &|c| columns.get(c).cloned());
        let pairs: Vec<(String, String)> = found
            .iter()
            .map(|k| (k.kind.clone(), k.key.clone()))
            .collect();
        let held = keys::holders_now(self.app.db(), &pairs).await?;
        let mut out = Vec::new();
        for h in held {
            if h.object == obj.name && Some(h.record_id.as_str()) == exclude_id {
                continue;
            }
            let field = found
                .iter()
                .find(|k| k.kind == h.kind && k.key == h.key)
                .map(|k| k.field.clone())
                .unwrap_or_default();
            let d = duplicates::describe(
                duplicates::Reader::Db(self.app.db()),
                &t.snap.schema,
                obj,
                &field,
                &h,
            )
            .await?;
            out.push(json!({
                "field": d.field, "object": d.object, "existing_id": d.existing_id,
                "owner": { "id": d.owner_id, "name": d.owner_name }, "message": d.message,
            }));
        }
        Ok(out)
    }

    /// Groups of live records of `object` that share a duplicate key, as far as the actor may
    /// read them (a group needs two readable records). `cursor` continues a previous page.
    pub async fn duplicate_groups(
        &self,
        object: &str,
        cursor: Option<&str>,
        limit: u64,
    ) -> AppResult<GroupPage> {
        let t = self.target(object).await?;
        let obj = &t.obj;
        let policy = t.policy(self.actor);
        policy.require(obj, Operation::Read)?;
        if !(1..=MAX_GROUPS).contains(&limit) {
            return Err(AppError::Invalid(format!(
                "limit must be between 1 and {MAX_GROUPS}"
            )));
        }
        let after = match cursor {
            Some(c) => Some(c.split_once('|').ok_or_else(|| {
                AppError::Invalid("the cursor is not one this server gave".into())
            })?),
            None => None,
        };
        let shared = keys::shared_keys(self.app.db(), &obj.name, after, limit).await?;
        let next_cursor = (shared.len() as u64 == limit)
            .then(|| shared.last().map(|(k, v)| format!("{k}|{v}")))
            .flatten();
        let members = keys::sharing(self.app.db(), &obj.name, &shared).await?;
        let ids: Vec<Value> = members
            .iter()
            .map(|m| Value::Text(m.record_id.clone()))
            .collect();
        let fields = policy.visible_fields(obj);
        let projection = Projection::for_fields(fields.iter().copied());
        let pred = Pred::And(vec![
            policy.reachable(obj, Operation::Read),
            Pred::In {
                col: "id".into(),
                values: ids,
            },
        ]);
        let found = rows::select(
            self.app.db(),
            &ListQuery {
                table: &obj.table,
                projection: &projection,
                pred: &pred,
                order: &[],
                limit: members.len().max(1) as u64,
                drive: None,
            },
        )
        .await?;
        let writer = self.writer(&policy, obj, &fields, &projection);
        let readable: BTreeMap<String, Record> = found
            .iter()
            .map(|r| writer.write(r))
            .filter_map(|r| Some((r.get("id")?.as_str()?.to_owned(), r)))
            .collect();
        let mut data = Vec::new();
        for (kind, key) in &shared {
            let group: Vec<&keys::KeyRow> = members
                .iter()
                .filter(|m| m.kind == *kind && m.key == *key)
                .collect();
            let records: Vec<&Record> = group
                .iter()
                .filter_map(|m| readable.get(&m.record_id))
                .collect();
            let field = group.first().map(|m| m.field.clone()).unwrap_or_default();
            // Two records sharing a hidden phone must not be told apart from two that do not.
            let field_readable = obj
                .field(&field)
                .is_some_and(|f| policy.field_access(obj, f).readable());
            if records.len() < 2 || !field_readable {
                continue;
            }
            data.push(json!({ "field": field, "records": records }));
        }
        Ok(GroupPage { data, next_cursor })
    }
}
