//! Administrators reading and changing the duplicate rules of an object.

use pelagic_core::said::{Reason, Said};
use std::collections::BTreeMap;

use pelagic_core::CoreError;
use pelagic_core::access::Actor;
use pelagic_core::dedupe::{Match, Rule};
use pelagic_store::metadata;
use serde::Deserialize;

use super::{DuplicateRules, RULES_SETTING, rebuild};
use crate::policy::admin_only;
use crate::{App, AppResult};

/// One rule as an administrator writes it; `match` defaults to what suits the field's kind.
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RuleInput {
    pub field: String,
    #[serde(rename = "match", default)]
    pub matching: Option<Match>,
}

/// The new rules of one object (an empty list turns duplicate protection off for it).
#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct RulesChange {
    pub rules: Vec<RuleInput>,
}

impl App {
    /// Every object's duplicate rules.
    pub async fn duplicate_rules(&self, actor: &Actor) -> AppResult<BTreeMap<String, Vec<Rule>>> {
        admin_only(actor)?;
        Ok(self.snapshot().await?.duplicates.all().clone())
    }

    /// Replaces an object's rules and works out its records' keys again, oldest record first.
    pub async fn set_duplicate_rules(
        &self,
        actor: &Actor,
        object: &str,
        change: RulesChange,
    ) -> AppResult<Vec<Rule>> {
        admin_only(actor)?;
        let snap = self.snapshot().await?;
        let obj = snap.schema.object(object)?.clone();
        let mut rules: Vec<Rule> = Vec::new();
        for (i, r) in change.rules.iter().enumerate() {
            let at = format!("rules[{i}]");
            let f = obj.field(&r.field).ok_or_else(|| {
                CoreError::field(
                    &at,
                    Said::new(Reason::NoSuchField)
                        .with("object", object)
                        .with("field", &r.field),
                )
            })?;
            let allowed = Match::allowed(f.kind);
            let matching = match r.matching {
                Some(m) if allowed.contains(&m) => m,
                None if !allowed.is_empty() => allowed[0],
                _ => {
                    let names: Vec<&str> = allowed.iter().map(|m| m.name()).collect();
                    let why = if names.is_empty() {
                        Said::new(Reason::NotARuleKind).with("kind", f.kind.name())
                    } else {
                        Said::new(Reason::RuleMatchesAs)
                            .with("kind", f.kind.name())
                            .with("matches", names.join(" / "))
                    };
                    return Err(CoreError::field(&at, why).into());
                }
            };
            if rules.iter().any(|x| x.field == f.name) {
                return Err(CoreError::field(
                    &at,
                    Said::new(Reason::ListedTwice).with("value", &f.name),
                )
                .into());
            }
            rules.push(Rule {
                field: f.name.to_string(),
                matching,
            });
        }

        let mut tx = self.db().begin().await?;
        metadata::lock(&mut tx).await?;
        let mut stored: BTreeMap<String, Vec<Rule>> = metadata::setting_tx(&mut tx, RULES_SETTING)
            .await?
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        stored.insert(object.to_owned(), rules.clone());
        let value = serde_json::to_value(&stored).unwrap_or_default();
        metadata::set_setting(&mut tx, RULES_SETTING, &value).await?;
        rebuild::rebuild_object(self.db(), &snap.schema, &mut tx, &obj, &rules).await?;
        let mut all = snap.duplicates.clone();
        all.set(object, rules.clone());
        rebuild::mark_built(&mut tx, &all).await?;
        let detail = serde_json::json!(rules);
        self.audit_in(
            &mut tx,
            crate::audit::change(actor, "duplicate_rules", object, detail),
        )
        .await?;
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(rules)
    }
}

impl DuplicateRules {
    fn set(&mut self, object: &str, rules: Vec<Rule>) {
        if rules.is_empty() {
            self.by_object.remove(object);
        } else {
            self.by_object.insert(object.to_owned(), rules);
        }
    }
}
