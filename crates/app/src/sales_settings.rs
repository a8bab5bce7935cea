//! Settings of quotes, orders and contracts: the numbering pattern of each, and how long an
//! order may stay unhandled before its owner is reminded.

use pelagic_core::said::{Reason, Said};
use std::collections::BTreeMap;

use pelagic_core::CoreError;
use pelagic_core::access::Actor;
use pelagic_store::metadata;
use serde::{Deserialize, Serialize};

use crate::policy::admin_only;
use crate::records::check_pattern;
use crate::{App, AppResult};

/// Hours a confirmed order may wait before its owner is reminded, until an administrator says.
pub const DEFAULT_UNHANDLED_HOURS: i64 = 48;

/// The settings as the API shows and takes them; what a change leaves out stays as it is.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SalesDocSettings {
    /// Object (`quote`, `order`, `contract`) → pattern such as `SO-{yyyy}-{seq:5}`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub numbering: Option<BTreeMap<String, String>>,
    /// Hours after which a still-confirmed order reminds its owner (0: never).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub order_unhandled_hours: Option<i64>,
}

impl App {
    /// The numbering pattern of every numbered object (those whose metadata declares
    /// `numbered`), each object's declared pattern until an administrator sets another.
    pub async fn numbering_patterns(&self) -> AppResult<BTreeMap<String, String>> {
        let snap = self.snapshot().await?;
        let mut out: BTreeMap<String, String> = snap
            .schema
            .objects
            .values()
            .filter_map(|o| Some((o.name.clone(), o.behaviour.numbered.clone()?)))
            .collect();
        if let Some(serde_json::Value::Object(set)) =
            metadata::setting(self.db(), "numbering").await?
        {
            for (o, p) in set {
                if let (Some(slot), Some(p)) = (out.get_mut(&o), p.as_str()) {
                    *slot = p.to_owned();
                }
            }
        }
        Ok(out)
    }

    /// Hours a confirmed order may wait before its owner is reminded (0: never).
    pub async fn order_unhandled_hours(&self) -> AppResult<i64> {
        Ok(metadata::setting(self.db(), "order_unhandled_hours")
            .await?
            .and_then(|v| v.as_i64())
            .unwrap_or(DEFAULT_UNHANDLED_HOURS))
    }

    /// The settings with every value filled in.
    pub async fn sales_doc_settings(&self) -> AppResult<SalesDocSettings> {
        Ok(SalesDocSettings {
            numbering: Some(self.numbering_patterns().await?),
            order_unhandled_hours: Some(self.order_unhandled_hours().await?),
        })
    }

    /// Changes the settings (administrators).
    pub async fn set_sales_doc_settings(
        &self,
        actor: &Actor,
        change: &SalesDocSettings,
    ) -> AppResult<SalesDocSettings> {
        admin_only(actor)?;
        let mut numbering = self.numbering_patterns().await?;
        if let Some(given) = &change.numbering {
            for (object, pattern) in given {
                let Some(slot) = numbering.get_mut(object) else {
                    return Err(CoreError::field(
                        "numbering",
                        Said::new(Reason::NotNumbered).with("object", object),
                    )
                    .into());
                };
                check_pattern(pattern.trim())
                    .map_err(|m| CoreError::field(&format!("numbering.{object}"), m))?;
                *slot = pattern.trim().to_owned();
            }
        }
        if let Some(h) = change.order_unhandled_hours
            && !(0..=24 * 365).contains(&h)
        {
            return Err(CoreError::field(
                "order_unhandled_hours",
                Said::new(Reason::HoursOrNever).with("high", 24 * 365),
            )
            .into());
        }
        let mut tx = self.db().begin().await?;
        if change.numbering.is_some() {
            metadata::set_setting(&mut tx, "numbering", &serde_json::json!(numbering)).await?;
        }
        if let Some(h) = change.order_unhandled_hours {
            metadata::set_setting(&mut tx, "order_unhandled_hours", &serde_json::json!(h)).await?;
        }
        tx.commit().await?;
        self.sales_doc_settings().await
    }
}
