//! Project groups, for administrators: users who work together across teams (a bid, a key
//! account), so that records can be shared with all of them at once. A user may be in several.

use pelagic_core::CoreError;
use pelagic_core::access::Actor;
use pelagic_core::said::{Reason, Said};
use pelagic_store::metadata;
use pelagic_store::sharing::{self as store, GroupRow};

use crate::policy::admin_only;
use crate::{App, AppError, AppResult};

/// A group as clients see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct GroupView {
    pub id: String,
    pub name: String,
    pub members: Vec<String>,
}

/// A new group, or what changes about one (`members` replaces the list).
#[derive(Debug, Clone, Default, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct GroupChange {
    pub name: Option<String>,
    pub members: Option<Vec<String>>,
}

impl App {
    pub async fn groups(&self, actor: &Actor) -> AppResult<Vec<GroupView>> {
        admin_only(actor)?;
        let snap = self.snapshot().await?;
        let rules = &snap.access;
        Ok(rules
            .groups
            .iter()
            .map(|g| GroupView {
                id: g.id.clone(),
                name: g.name.clone(),
                members: rules
                    .group_members
                    .iter()
                    .filter(|(gid, _)| *gid == g.id)
                    .map(|(_, u)| u.clone())
                    .collect(),
            })
            .collect())
    }

    pub async fn create_group(&self, actor: &Actor, new: GroupChange) -> AppResult<GroupView> {
        let name = new
            .name
            .as_deref()
            .ok_or_else(|| CoreError::field("name", Reason::Required))?;
        let id = crate::ids::new_id();
        self.save_group(actor, &id, Some(name), new.members.as_deref(), true)
            .await
    }

    pub async fn update_group(
        &self,
        actor: &Actor,
        id: &str,
        change: GroupChange,
    ) -> AppResult<GroupView> {
        self.save_group(
            actor,
            id,
            change.name.as_deref(),
            change.members.as_deref(),
            false,
        )
        .await
    }

    async fn save_group(
        &self,
        actor: &Actor,
        id: &str,
        name: Option<&str>,
        members: Option<&[String]>,
        new: bool,
    ) -> AppResult<GroupView> {
        admin_only(actor)?;
        let name = name.map(str::trim);
        if name.is_some_and(|n| n.is_empty() || n.chars().count() > 100) {
            return Err(CoreError::field("name", Said::length(1, 100)).into());
        }
        let snap = self.snapshot().await?;
        if let Some(m) = members
            && let Some(bad) = m.iter().find(|u| snap.access.member(u).is_none())
        {
            return Err(CoreError::field(
                "members",
                Said::new(Reason::NoSuchUser)
                    .with("value", bad.chars().take(64).collect::<String>()),
            )
            .into());
        }
        let taken = || AppError::from(Said::new(Reason::GroupExists));
        let mut tx = self.db().begin().await?;
        if new {
            let row = GroupRow {
                id: id.to_owned(),
                name: name.unwrap_or_default().to_owned(),
                created_at: self.now(),
            };
            store::insert_group(&mut tx, &row)
                .await
                .map_err(|e| match e {
                    pelagic_store::StoreError::Unique(_) => taken(),
                    other => other.into(),
                })?;
        } else if !snap.access.groups.iter().any(|g| g.id == id) {
            return Err(AppError::NotFound(format!("there is no group '{id}'")));
        } else if let Some(n) = name {
            store::rename_group(&mut tx, id, n)
                .await
                .map_err(|e| match e {
                    pelagic_store::StoreError::Unique(_) => taken(),
                    other => other.into(),
                })?;
        }
        if let Some(m) = members {
            let mut m = m.to_vec();
            m.sort();
            m.dedup();
            store::set_members(&mut tx, id, &m).await?;
        }
        let detail = serde_json::json!({ "name": name, "members": members });
        let action = if new { "group_create" } else { "group_update" };
        self.audit_in(&mut tx, crate::audit::change(actor, action, id, detail))
            .await?;
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        self.groups(actor)
            .await?
            .into_iter()
            .find(|g| g.id == id)
            .ok_or_else(|| AppError::Internal("a saved group is missing".into()))
    }
}
