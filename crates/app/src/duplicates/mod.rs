//! Duplicate protection with first-come ownership: the rules each object follows, and taking the
//! keys a record's values give, inside the write's transaction, so that of two people entering
//! the same customer at the same moment exactly one succeeds and the other learns who owns it.

pub mod admin;
mod probing;
mod rebuild;

use pelagic_core::names::ColumnName;
use pelagic_core::said::{Reason, Said};
use std::collections::{BTreeMap, BTreeSet};

use pelagic_core::dedupe::{self, Key, Rule};
use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::duplicates::{self as store, KeyRow};
use pelagic_store::{Db, StoreError, Tx, metadata, records as rows, users};

use crate::{AppError, AppResult};

pub use admin::RulesChange;
pub(crate) use rebuild::ensure_keys_built;

/// The setting holding administrators' rules, by object; objects absent use the shipped ones.
const RULES_SETTING: &str = "duplicate_rules";

/// The duplicate rules of every object.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct DuplicateRules {
    by_object: BTreeMap<String, Vec<Rule>>,
}

impl DuplicateRules {
    /// The shipped rules (fields marked `duplicate` in the metadata), overridden per object by
    /// what administrators set.
    pub(crate) async fn load(db: &Db, schema: &Schema) -> AppResult<DuplicateRules> {
        let stored: BTreeMap<String, Vec<Rule>> = metadata::setting(db, RULES_SETTING)
            .await?
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        let mut by_object = BTreeMap::new();
        for (name, obj) in &schema.objects {
            let rules = stored.get(name).cloned().unwrap_or_else(|| shipped(obj));
            let rules: Vec<Rule> = rules
                .into_iter()
                .filter(|r| obj.field(&r.field).is_some())
                .collect();
            if !rules.is_empty() {
                by_object.insert(name.clone(), rules);
            }
        }
        Ok(DuplicateRules { by_object })
    }

    /// The rules of one object (none for most).
    pub fn of(&self, object: &str) -> &[Rule] {
        self.by_object.get(object).map_or(&[], Vec::as_slice)
    }

    pub fn all(&self) -> &BTreeMap<String, Vec<Rule>> {
        &self.by_object
    }
}

fn shipped(obj: &ObjectDef) -> Vec<Rule> {
    obj.fields
        .iter()
        .filter_map(|f| {
            f.duplicate.map(|m| Rule {
                field: f.name.to_string(),
                matching: m,
            })
        })
        .collect()
}

/// The record that already holds a key, and who owns it: what a refused duplicate answers with.
#[derive(Debug, Clone, PartialEq)]
pub struct DuplicateOf {
    pub message: String,
    pub object: String,
    pub existing_id: String,
    pub field: String,
    pub owner_id: Option<String>,
    pub owner_name: Option<String>,
}

/// What to do with a key another record already holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum OnTaken {
    /// Refuse the write with [`AppError::Duplicate`].
    Refuse,
    /// Keep the key without holding it (a merge, or keys rebuilt under new rules).
    Share,
}

/// The keys of a stored row of `obj`, whose columns are laid out as in `projection`.
pub(crate) fn keys_of_row(
    obj: &ObjectDef,
    rules: &[Rule],
    projection: &Projection,
    row: &[Value],
) -> Vec<Key> {
    dedupe::keys(obj, rules, &|c| {
        projection.position(c).map(|i| row[i].clone())
    })
}

/// Takes the keys of some records of `obj` inside `tx`. With [`OnTaken::Refuse`], a key that
/// another record holds refuses the whole write, naming that record and its owner.
pub(crate) async fn claim(
    db: &Db,
    schema: &Schema,
    tx: &mut Tx,
    obj: &ObjectDef,
    records: &[(String, Vec<Key>)],
    on_taken: OnTaken,
) -> AppResult<()> {
    claim_linked(db, schema, tx, obj, records, on_taken, &BTreeSet::new()).await
}

/// [`claim`], where a key held by one of the records in `linked` (those the records point at:
/// the contact and account a lead was converted into) is shared, never refused: records linked
/// to each other are one customer, not duplicates of each other.
async fn claim_linked(
    db: &Db,
    schema: &Schema,
    tx: &mut Tx,
    obj: &ObjectDef,
    records: &[(String, Vec<Key>)],
    on_taken: OnTaken,
    linked: &BTreeSet<String>,
) -> AppResult<()> {
    let pairs: Vec<(String, String)> = records
        .iter()
        .flat_map(|(_, keys)| keys.iter().map(|k| (k.kind.clone(), k.key.clone())))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    if pairs.is_empty() {
        return Ok(());
    }
    let ours =
        |r: &KeyRow| r.object == obj.name && records.iter().any(|(id, _)| *id == r.record_id);
    let held: Vec<KeyRow> = store::holders(tx, &pairs).await?;
    let mut taken: BTreeSet<(String, String)> = BTreeSet::new();
    // Keys a linked record holds: shared by ours, never refused.
    let mut with_linked: BTreeSet<(String, String)> = BTreeSet::new();
    for h in held.iter().filter(|h| !ours(h)) {
        let pair = (h.kind.clone(), h.key.clone());
        if linked.contains(&h.record_id) {
            with_linked.insert(pair.clone());
        } else if on_taken == OnTaken::Refuse {
            let field = field_of(records, h);
            return Err(duplicate_of(Reader::Tx(tx), schema, obj, &field, h).await);
        }
        taken.insert(pair);
    }
    let mut rows = Vec::new();
    for (id, keys) in records {
        for k in keys {
            let pair = (k.kind.clone(), k.key.clone());
            let linked_holds = with_linked.contains(&pair);
            let holder = taken.insert(pair);
            if !holder && !linked_holds && on_taken == OnTaken::Refuse {
                // Two records of this write share a key.
                return Err(crate::AppError::from(
                    Said::new(Reason::TwinsInBatch).with("field", &k.field),
                ));
            }
            rows.push(KeyRow {
                kind: k.kind.clone(),
                key: k.key.clone(),
                object: obj.name.clone(),
                record_id: id.clone(),
                field: k.field.clone(),
                holder,
            });
        }
    }
    match store::insert(tx, &rows).await {
        Ok(()) => Ok(()),
        // Someone else took a key between our check and our write; tell the caller who. The
        // failed statement ended the transaction on PostgreSQL: who holds it is read outside.
        Err(StoreError::Unique(_)) => {
            let now_held = store::holders_now(db, &pairs).await?;
            match now_held.iter().find(|h| !ours(h)) {
                Some(h) => {
                    let field = field_of(records, h);
                    Err(duplicate_of(Reader::Db(db), schema, obj, &field, h).await)
                }
                None => Err(AppError::from(Said::new(Reason::SameMomentTryAgain))),
            }
        }
        Err(e) => Err(e.into()),
    }
}

/// The field of our records that gave the key `held` holds.
fn field_of(records: &[(String, Vec<Key>)], held: &KeyRow) -> String {
    records
        .iter()
        .flat_map(|(_, keys)| keys)
        .find(|k| k.kind == held.kind && k.key == held.key)
        .map(|k| k.field.clone())
        .unwrap_or_else(|| held.field.clone())
}

/// The refusal for a key `held` already holds.
async fn duplicate_of(
    from: Reader<'_>,
    schema: &Schema,
    obj: &ObjectDef,
    field: &str,
    held: &KeyRow,
) -> AppError {
    match describe(from, schema, obj, field, held).await {
        Ok(d) => AppError::Duplicate(Box::new(d)),
        Err(e) => e,
    }
}

/// The record holding a key and its owner: told even to a caller who may not read the record,
/// so that the first to enter a customer is known to own it.
pub(crate) async fn describe(
    from: Reader<'_>,
    schema: &Schema,
    obj: &ObjectDef,
    field: &str,
    held: &KeyRow,
) -> AppResult<DuplicateOf> {
    let (owner_id, owner_name) = owner_of(from, schema, held).await?;
    let whose = owner_name
        .as_deref()
        .map(|n| format!(", owned by {n}"))
        .unwrap_or_default();
    Ok(DuplicateOf {
        message: format!(
            "this {} {field} is already taken by {} {}{whose}; the first to enter a customer owns it",
            obj.name, held.object, held.record_id
        ),
        object: held.object.clone(),
        existing_id: held.record_id.clone(),
        field: field.to_owned(),
        owner_id,
        owner_name,
    })
}

/// Where a refusal's holder is read: inside the write's transaction (which must not wait for a
/// second connection), or outside any.
pub(crate) enum Reader<'a> {
    Db(&'a Db),
    Tx(&'a mut Tx),
}

async fn owner_of(
    from: Reader<'_>,
    schema: &Schema,
    held: &KeyRow,
) -> AppResult<(Option<String>, Option<String>)> {
    let table = &schema.object(&held.object)?.table;
    let mut projection = Projection::default();
    projection.push("owner_id", ColType::Text);
    let pred = Pred::Cmp {
        col: "id".into(),
        op: Cmp::Eq,
        value: Value::Text(held.record_id.clone()),
    };
    let (owner_id, user) = match from {
        Reader::Db(db) => {
            let found = rows::first(db, table, &projection, &pred).await?;
            let owner_id = found.and_then(|r| r[0].as_str().map(str::to_owned));
            let user = match &owner_id {
                Some(id) => users::user_by_id(db, id).await?,
                None => None,
            };
            (owner_id, user)
        }
        Reader::Tx(tx) => {
            let found = rows::first_tx(tx, table, &projection, &pred).await?;
            let owner_id = found.and_then(|r| r[0].as_str().map(str::to_owned));
            let user = match &owner_id {
                Some(id) => users::user_by_id_tx(tx, id).await?,
                None => None,
            };
            (owner_id, user)
        }
    };
    let owner_name = user.map(|u| u.name);
    Ok((owner_id, owner_name))
}

/// Takes the keys of stored records of `obj` (restored from the recycle bin, or a merge's
/// survivor), reading their values inside `tx`.
pub(crate) async fn claim_stored(
    db: &Db,
    schema: &Schema,
    rules: &DuplicateRules,
    tx: &mut Tx,
    obj: &ObjectDef,
    ids: &[String],
    on_taken: OnTaken,
) -> AppResult<()> {
    let rules = rules.of(&obj.name);
    if rules.is_empty() || ids.is_empty() {
        return Ok(());
    }
    let mut projection = Projection::default();
    projection.push("id", ColType::Text);
    for rule in rules {
        if let Some(f) = obj.field(&rule.field) {
            projection.push(&f.column, ColType::Text);
        }
    }
    let links: Vec<&ColumnName> = obj
        .fields
        .iter()
        .filter(|f| f.kind == pelagic_core::FieldKind::Lookup)
        .map(|f| &f.column)
        .filter(|c| projection.position(*c).is_none())
        .collect();
    for c in &links {
        projection.push(c, ColType::Text);
    }
    let mut linked = BTreeSet::new();
    let mut records = Vec::with_capacity(ids.len());
    for chunk in ids.chunks(500) {
        let pred = Pred::In {
            col: "id".into(),
            values: chunk.iter().map(|i| Value::Text(i.clone())).collect(),
        };
        let found = rows::select_tx(
            tx,
            &rows::ListQuery {
                table: &obj.table,
                projection: &projection,
                pred: &pred,
                order: &[],
                limit: chunk.len() as u64,
                drive: None,
            },
        )
        .await?;
        for r in &found {
            linked.extend(
                links
                    .iter()
                    .filter_map(|c| projection.position(*c))
                    .filter_map(|i| r[i].as_str().map(str::to_owned)),
            );
        }
        records.extend(found.iter().map(|r| {
            let id = r[0].as_str().unwrap_or_default().to_owned();
            (id, keys_of_row(obj, rules, &projection, r))
        }));
    }
    claim_linked(db, schema, tx, obj, &records, on_taken, &linked).await
}
