//! Converting a lead: an account (created, or an existing one linked — also when the duplicate
//! rules find the company already entered and the caller may see it), a contact and optionally a
//! deal, all in one transaction with the lead becoming `converted` and pointing at them. Values
//! go where each lead field's `convert_to` says, custom fields included.

use pelagic_core::ids::RecordId;
use pelagic_core::names::ColumnName;
use pelagic_core::said::{Reason, Said};
use std::collections::{BTreeMap, BTreeSet};

use pelagic_core::access::FieldAccess;
use pelagic_core::meta::{FieldDef, ObjectDef, Schema};
use pelagic_core::output::{Projection, RecordWriter};
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, CoreError, FieldErrors, Value};
use pelagic_store::records as rows;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json, json};

use super::prepared::Prepared;
use super::{Record, RecordService, id_is, no_such};
use crate::history::{self, Change};
use crate::policy::Operation;
use crate::{AppError, AppResult};

/// The objects a lead converts into.
/// The object that is converted (into the objects of `TARGETS`).
pub(super) const CONVERTS: &str = "lead";

const TARGETS: [&str; 3] = ["account", "contact", "opportunity"];

/// What a conversion makes. Without `account_id` the account is created from the lead, unless
/// the duplicate rules find it already entered (and visible to the caller), which is then
/// linked; `account`, `contact` and `opportunity` add or override values; a deal is created only
/// when `opportunity` is given.
#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ConvertRequest {
    pub account_id: Option<String>,
    pub contact_id: Option<String>,
    #[serde(default)]
    pub account: Map<String, Json>,
    #[serde(default)]
    pub contact: Map<String, Json>,
    pub opportunity: Option<Map<String, Json>>,
}

/// What a conversion made or linked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Converted {
    pub lead: Record,
    pub account: Record,
    pub account_created: bool,
    pub contact: Record,
    pub contact_created: bool,
    pub opportunity: Option<Record>,
}

/// Checks an administrator's `convert_to` list for a lead field: existing, writable fields of
/// the account, contact or deal, of the same kind.
pub fn check_conversion_targets(
    schema: &Schema,
    obj: &ObjectDef,
    f: &FieldDef,
    targets: &[String],
) -> AppResult<Vec<String>> {
    if obj.name != "lead" {
        return Err(CoreError::field("convert_to", Reason::ConvertLeadFieldsOnly).into());
    }
    for t in targets {
        let target = t
            .split_once('.')
            .filter(|(o, _)| TARGETS.contains(o))
            .and_then(|(o, name)| schema.object(o).ok()?.field(name).cloned());
        match target {
            Some(to) if !to.system && to.kind == f.kind => {}
            _ => {
                return Err(CoreError::field(
                    "convert_to",
                    Said::new(Reason::ConvertTargetKind).with("field", t),
                )
                .into());
            }
        }
    }
    Ok(targets.to_vec())
}

/// Puts `validation` errors of one produced record under its name (`account.name`).
fn under(what: &str, e: AppError) -> AppError {
    match e {
        AppError::Validation(fields) => AppError::Validation(
            fields
                .into_iter()
                .map(|(k, v)| (format!("{what}.{k}"), v))
                .collect::<FieldErrors>(),
        ),
        other => other,
    }
}

impl RecordService<'_> {
    /// Converts a lead the actor may edit.
    pub async fn convert_lead(&self, id: &RecordId, req: &ConvertRequest) -> AppResult<Converted> {
        let outcome = self.convert_unchecked(id, req).await;
        self.app.counted_duplicate(self.actor, outcome).await
    }

    async fn convert_unchecked(&self, id: &str, req: &ConvertRequest) -> AppResult<Converted> {
        let t = self.target(CONVERTS).await?;
        let lead = &t.obj;
        let policy = t.policy(self.actor);
        policy.require(lead, Operation::Edit)?;
        let mut projection = Projection::default();
        for (c, ty) in lead.all_columns() {
            projection.push(&c, ty);
        }
        let reach = Pred::And(vec![policy.reachable(lead, Operation::Edit), id_is(id)]);
        let row = rows::first(self.app.db(), &lead.table, &projection, &reach)
            .await?
            .ok_or_else(|| no_such(lead, id))?;
        let values = RecordWriter::new(lead.fields.iter(), &projection).write(&row);
        if values.get("status").and_then(Json::as_str) == Some("converted") {
            return Err(Said::new(Reason::LeadAlreadyConverted).into());
        }

        // What the lead carries over, as far as the actor may read it unmasked.
        let mut carried: BTreeMap<&str, Map<String, Json>> = BTreeMap::new();
        for f in &lead.fields {
            let access = policy.field_access(lead, f);
            if !access.readable() || access == FieldAccess::Masked {
                continue;
            }
            let Some(v) = values.get(f.name.as_str()).filter(|v| !v.is_null()) else {
                continue;
            };
            for to in &f.convert_to {
                if let Some((object, field)) = to.split_once('.')
                    && let Some(slot) = TARGETS.iter().find(|t| **t == object)
                {
                    carried
                        .entry(slot)
                        .or_default()
                        .insert(field.to_owned(), v.clone());
                }
            }
        }
        let lead_name = values
            .get("name")
            .and_then(Json::as_str)
            .unwrap_or_default()
            .to_owned();
        let body = |object: &str, given: &Map<String, Json>| {
            let mut b = carried.get(object).cloned().unwrap_or_default();
            b.extend(given.clone());
            b
        };

        let mut pending = BTreeSet::new();
        let mut account_body = body("account", &req.account);
        let named = |b: &Map<String, Json>| {
            b.get("name")
                .and_then(Json::as_str)
                .is_some_and(|s| !s.trim().is_empty())
        };
        if !named(&account_body) {
            account_body.insert("name".into(), json!(lead_name));
        }
        let (account, mut new_account) = match &req.account_id {
            Some(aid) => (
                self.get("account", &RecordId::stored(aid.clone()))
                    .await
                    .map_err(|e| under("account_id", e))?,
                None,
            ),
            None => match self.existing_account(&account_body).await? {
                Some(found) => (found, None),
                None => {
                    let p = self
                        .prepare_create("account", &[Json::Object(account_body)], "", &pending)
                        .await
                        .map_err(|e| under("account", e))?;
                    pending.insert(p.id(0));
                    (Record::new(), Some(p))
                }
            },
        };
        let account_id = match &new_account {
            Some(p) => p.id(0),
            None => text_of(&account, "id"),
        };

        let (contact, mut new_contact) = match &req.contact_id {
            Some(cid) => (
                self.get("contact", &RecordId::stored(cid.clone()))
                    .await
                    .map_err(|e| under("contact_id", e))?,
                None,
            ),
            None => {
                let mut b = body("contact", &req.contact);
                b.entry("name").or_insert_with(|| json!(lead_name));
                b.insert("account_id".into(), json!(account_id));
                let p = self
                    .prepare_create("contact", &[Json::Object(b)], "", &pending)
                    .await
                    .map_err(|e| under("contact", e))?;
                pending.insert(p.id(0));
                (Record::new(), Some(p))
            }
        };
        let contact_id = match &new_contact {
            Some(p) => p.id(0),
            None => text_of(&contact, "id"),
        };

        let mut new_deal = match &req.opportunity {
            None => None,
            Some(given) => {
                let mut b = body("opportunity", given);
                b.entry("name").or_insert_with(|| json!(lead_name));
                b.insert("account_id".into(), json!(account_id));
                b.entry("contact_id").or_insert_with(|| json!(contact_id));
                Some(
                    self.prepare_create("opportunity", &[Json::Object(b)], "", &pending)
                        .await
                        .map_err(|e| under("opportunity", e))?,
                )
            }
        };
        let deal_id = new_deal.as_ref().map(|p| p.id(0));

        let now = self.app.now();
        let mut tx = self.app.db().begin().await?;
        let text = |v: &str| Value::Text(v.to_owned());
        let mut sets = vec![
            (
                ColumnName::fixed("status"),
                ColType::Text,
                text("converted"),
            ),
            (
                ColumnName::fixed("converted_at"),
                ColType::DateTime,
                Value::DateTime(now),
            ),
            (
                ColumnName::fixed("converted_account_id"),
                ColType::Text,
                text(&account_id),
            ),
            (
                ColumnName::fixed("converted_contact_id"),
                ColType::Text,
                text(&contact_id),
            ),
            (
                ColumnName::fixed("updated_at"),
                ColType::DateTime,
                Value::DateTime(now),
            ),
        ];
        if let Some(d) = &deal_id {
            sets.push((
                ColumnName::fixed("converted_opportunity_id"),
                ColType::Text,
                text(d),
            ));
        }
        let not_yet = Pred::Not(Box::new(Pred::Cmp {
            col: "status".into(),
            op: Cmp::Eq,
            value: text("converted"),
        }));
        if rows::update(
            &mut tx,
            &lead.table,
            &sets,
            &Pred::And(vec![reach, not_yet]),
        )
        .await?
            != 1
        {
            return Err(Said::new(Reason::LeadAlreadyConverted).into());
        }
        // The customer is now the account and contact: the lead gives its duplicate keys to them.
        pelagic_store::duplicates::remove(&mut tx, "lead", &[id.to_owned()]).await?;
        for p in [&mut new_account, &mut new_contact, &mut new_deal]
            .into_iter()
            .flatten()
        {
            self.insert_prepared(&mut tx, p).await?;
        }
        let change = Change {
            object: "lead",
            record_id: id,
            user_id: &self.actor.user_id,
            at: now,
        };
        let entries = vec![
            change.field_set("status", values.get("status").unwrap_or(&Json::Null), &json!("converted")),
            change.noted(
                "convert",
                None,
                Some(&json!({"account_id": account_id, "contact_id": contact_id, "opportunity_id": deal_id})),
            ),
        ];
        history::append(&mut tx, &entries).await?;
        pelagic_store::pool_holds::end(&mut tx, "lead", &[id.to_owned()]).await?;
        tx.commit().await?;

        let made = |p: &Option<Prepared>, linked: Record| match p {
            Some(p) => self.created(p).remove(0),
            None => linked,
        };
        Ok(Converted {
            lead: self.get("lead", &RecordId::stored(id)).await?,
            account_created: new_account.is_some(),
            account: made(&new_account, account),
            contact_created: new_contact.is_some(),
            contact: made(&new_contact, contact),
            opportunity: new_deal.as_ref().map(|p| self.created(p).remove(0)),
        })
    }

    /// An account the duplicate rules say is already entered under these values, if the actor
    /// may see it (one they may not see makes the creation fail with the duplicate error, which
    /// names its owner).
    async fn existing_account(&self, body: &Map<String, Json>) -> AppResult<Option<Record>> {
        let typed: BTreeMap<String, String> = body
            .iter()
            .filter_map(|(k, v)| Some((k.clone(), v.as_str()?.to_owned())))
            .collect();
        for found in self.duplicate_check("account", &typed, None).await? {
            if found["object"] == "account"
                && let Some(id) = found["existing_id"].as_str()
                && let Ok(record) = self.get("account", &RecordId::stored(id)).await
            {
                return Ok(Some(record));
            }
        }
        Ok(None)
    }
}

fn text_of(r: &Record, key: &str) -> String {
    r.get(key)
        .and_then(Json::as_str)
        .unwrap_or_default()
        .to_owned()
}

/// A lead's status moves by hand among new, contacted, qualified and invalid — invalid only with
/// a reason — and becomes converted only by a conversion. `get` reads a column of the lead as it
/// would be written.
pub(super) fn check_lead_status(obj: &ObjectDef, get: &dyn Fn(&str) -> Value) -> AppResult<()> {
    if obj.name != "lead" {
        return Ok(());
    }
    match get("status").as_str() {
        Some("converted") if get("converted_at").is_null() => {
            Err(CoreError::field("status", Reason::ConvertedByConverting).into())
        }
        Some("invalid")
            if obj.field("invalid_reason").is_some()
                && get("invalid_reason")
                    .as_str()
                    .is_none_or(|r| r.trim().is_empty()) =>
        {
            Err(CoreError::field("invalid_reason", Reason::SayWhyInvalid).into())
        }
        _ => Ok(()),
    }
}
