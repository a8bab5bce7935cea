//! Working out every record's duplicate keys again, when an object's rules change or when a
//! database from before duplicate protection first opens. The oldest record of a key holds it.

use std::collections::BTreeMap;

use pelagic_core::dedupe::Rule;
use pelagic_core::meta::{ObjectDef, Schema};
use pelagic_core::order::OrderKey;
use pelagic_core::output::Projection;
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};
use pelagic_store::duplicates as store;
use pelagic_store::records::{self as rows, ListQuery};
use pelagic_store::{Db, Tx, metadata};

use super::{DuplicateRules, OnTaken, claim, keys_of_row};
use crate::AppResult;

/// The setting recording which rules the stored keys were built under.
const BUILT_SETTING: &str = "duplicate_keys_built";

/// Records read per step of a rebuild.
const PAGE: u64 = 2_000;

/// Brings the stored keys in line with the rules, rebuilding only objects whose rules changed
/// since the keys were last built. Cheap when nothing changed.
pub(crate) async fn ensure_keys_built(db: &Db) -> AppResult<()> {
    let schema = metadata::load(db).await?;
    let rules = DuplicateRules::load(db, &schema).await?;
    let built = parsed(metadata::setting(db, BUILT_SETTING).await?);
    if built.as_ref() == Some(rules.all()) {
        return Ok(());
    }
    let mut tx = db.begin().await?;
    metadata::lock(&mut tx).await?;
    // Read again behind the lock, in the transaction: another instance may have built them.
    let built = parsed(metadata::setting_tx(&mut tx, BUILT_SETTING).await?).unwrap_or_default();
    for (name, obj) in &schema.objects {
        let now = rules.of(name);
        if built.get(name).map_or(&[][..], Vec::as_slice) != now {
            tracing::info!(object = %name, "working out duplicate keys");
            rebuild_object(db, &schema, &mut tx, obj, now).await?;
        }
    }
    mark_built(&mut tx, &rules).await?;
    tx.commit().await?;
    Ok(())
}

/// The rules the stored keys were built under, as the setting holds them.
fn parsed(setting: Option<serde_json::Value>) -> Option<BTreeMap<String, Vec<Rule>>> {
    setting.and_then(|v| serde_json::from_value(v).ok())
}

/// Notes that the stored keys follow `rules`.
pub(super) async fn mark_built(tx: &mut Tx, rules: &DuplicateRules) -> AppResult<()> {
    let value = serde_json::to_value(rules.all()).unwrap_or_default();
    metadata::set_setting(tx, BUILT_SETTING, &value).await?;
    Ok(())
}

/// Drops an object's keys and works them out again from its live records, oldest first.
pub(super) async fn rebuild_object(
    db: &Db,
    schema: &Schema,
    tx: &mut Tx,
    obj: &ObjectDef,
    rules: &[Rule],
) -> AppResult<()> {
    store::remove_object(tx, &obj.name).await?;
    if rules.is_empty() {
        return Ok(());
    }
    let mut projection = Projection::default();
    projection.push("id", ColType::Text);
    for rule in rules {
        if let Some(f) = obj.field(&rule.field) {
            projection.push(&f.column, ColType::Text);
        }
    }
    let order = [OrderKey::id(false)];
    let mut after: Option<String> = None;
    loop {
        let mut pred = vec![Pred::IsNull {
            col: "deleted_at".into(),
        }];
        if let Some(last) = &after {
            pred.push(Pred::Cmp {
                col: "id".into(),
                op: Cmp::Gt,
                value: Value::Text(last.clone()),
            });
        }
        let pred = Pred::And(pred);
        let page = rows::select_tx(
            tx,
            &ListQuery {
                table: &obj.table,
                projection: &projection,
                pred: &pred,
                order: &order,
                limit: PAGE,
                drive: None,
            },
        )
        .await?;
        let Some(last) = page.last() else {
            return Ok(());
        };
        after = last[0].as_str().map(str::to_owned);
        let records: Vec<(String, Vec<_>)> = page
            .iter()
            .map(|r| {
                let id = r[0].as_str().unwrap_or_default().to_owned();
                (id, keys_of_row(obj, rules, &projection, r))
            })
            .collect();
        claim(db, schema, tx, obj, &records, OnTaken::Share).await?;
        if (page.len() as u64) < PAGE {
            return Ok(());
        }
    }
}
