//! The organisation, for administrators: teams as a tree with managers, and users (their role,
//! team and whether they may sign in). Disabling a user ends their sessions and tokens at once
//! and keeps every record they own.

use pelagic_core::access::Actor;
use pelagic_core::said::{Reason, Said};
use pelagic_store::access::{self as store, TeamRow};
use pelagic_store::metadata;
use pelagic_store::users::{self as users_store};

use crate::audit;
use crate::policy::admin_only;
use crate::users::{NewUser, UserView};
use crate::{App, AppError, AppResult};

/// A team as clients see it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct TeamView {
    pub id: String,
    pub name: String,
    pub parent_id: Option<String>,
    pub manager_id: Option<String>,
}

impl From<&TeamRow> for TeamView {
    fn from(t: &TeamRow) -> Self {
        TeamView {
            id: t.id.clone(),
            name: t.name.clone(),
            parent_id: t.parent_id.clone(),
            manager_id: t.manager_id.clone(),
        }
    }
}

/// What an administrator may change about a team; `Some(None)` clears a parent or manager.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct TeamChange {
    pub name: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub parent_id: Option<Option<String>>,
    #[serde(default, deserialize_with = "present")]
    pub manager_id: Option<Option<String>>,
}

/// What an administrator may change about a user.
#[derive(Debug, Clone, Default, serde::Deserialize)]
pub struct UserChange {
    pub name: Option<String>,
    pub role: Option<String>,
    #[serde(default, deserialize_with = "present")]
    pub team_id: Option<Option<String>>,
    pub active: Option<bool>,
}

impl App {
    pub async fn teams(&self, actor: &Actor) -> AppResult<Vec<TeamView>> {
        admin_only(actor)?;
        let snap = self.snapshot().await?;
        Ok(snap.access.teams.iter().map(TeamView::from).collect())
    }

    pub async fn create_team(&self, actor: &Actor, change: TeamChange) -> AppResult<TeamView> {
        admin_only(actor)?;
        let name = change.name.as_deref().map(str::trim).unwrap_or_default();
        let team = TeamRow {
            id: crate::ids::new_id(),
            name: check_team_name(name)?,
            parent_id: change.parent_id.flatten(),
            manager_id: change.manager_id.flatten(),
        };
        self.check_team_links(&team).await?;
        let mut tx = self.db().begin().await?;
        if !store::insert_team(&mut tx, &team, self.now()).await? {
            return Err(crate::AppError::from(
                Said::new(Reason::TeamExists).with("value", &team.name),
            ));
        }
        let detail = serde_json::json!(TeamView::from(&team));
        self.audit_in(
            &mut tx,
            audit::change(actor, "team_create", &team.id, detail),
        )
        .await?;
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(TeamView::from(&team))
    }

    pub async fn update_team(
        &self,
        actor: &Actor,
        id: &str,
        change: TeamChange,
    ) -> AppResult<TeamView> {
        admin_only(actor)?;
        let snap = self.snapshot().await?;
        let mut team = snap
            .access
            .teams
            .iter()
            .find(|t| t.id == id)
            .cloned()
            .ok_or_else(|| AppError::NotFound(format!("there is no team with id '{id}'")))?;
        if let Some(name) = change.name.as_deref() {
            team.name = check_team_name(name.trim())?;
        }
        if let Some(parent) = change.parent_id {
            team.parent_id = parent;
        }
        if let Some(manager) = change.manager_id {
            team.manager_id = manager;
        }
        self.check_team_links(&team).await?;
        let mut tx = self.db().begin().await?;
        store::update_team(&mut tx, &team)
            .await
            .map_err(|e| match AppError::from(e) {
                AppError::Conflict(_) => {
                    AppError::from(Said::new(Reason::TeamExists).with("value", &team.name))
                }
                other => other,
            })?;
        let detail = serde_json::json!(TeamView::from(&team));
        self.audit_in(
            &mut tx,
            audit::change(actor, "team_update", &team.id, detail),
        )
        .await?;
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(TeamView::from(&team))
    }

    /// The parent must exist and not lie below the team itself; the manager must be a user.
    async fn check_team_links(&self, team: &TeamRow) -> AppResult<()> {
        let snap = self.snapshot().await?;
        if let Some(parent) = &team.parent_id {
            let mut at = Some(parent.clone());
            while let Some(p) = at {
                if p == team.id {
                    return Err(AppError::from(Said::new(Reason::TeamBelowItself)));
                }
                let found = snap
                    .access
                    .teams
                    .iter()
                    .find(|t| t.id == p)
                    .ok_or_else(|| {
                        AppError::Invalid(format!(
                            "there is no team with id '{p}' to be the parent"
                        ))
                    })?;
                at = found.parent_id.clone();
            }
        }
        if let Some(manager) = &team.manager_id
            && snap.access.member(manager).is_none()
        {
            return Err(AppError::Invalid(format!(
                "there is no user with id '{manager}' to be the manager"
            )));
        }
        Ok(())
    }

    pub async fn users(&self, actor: &Actor) -> AppResult<Vec<UserView>> {
        admin_only(actor)?;
        Ok(users_store::all_users(self.db())
            .await?
            .iter()
            .map(UserView::from)
            .collect())
    }

    pub async fn create_user(&self, actor: &Actor, new: NewUser) -> AppResult<UserView> {
        admin_only(actor)?;
        let user = self.add_user(new).await?;
        let detail =
            serde_json::json!({ "email": user.email, "role": user.role, "team_id": user.team_id });
        self.audit(audit::change(actor, "user_create", &user.id, detail))
            .await?;
        Ok(user)
    }

    pub async fn update_user(
        &self,
        actor: &Actor,
        id: &str,
        change: UserChange,
    ) -> AppResult<UserView> {
        admin_only(actor)?;
        let not_found = || AppError::NotFound(format!("there is no user with id '{id}'"));
        pelagic_core::input::check_id(id).map_err(|_| not_found())?;
        let mut user = users_store::user_by_id(self.db(), id)
            .await?
            .ok_or_else(not_found)?;
        let snap = self.snapshot().await?;
        if let Some(name) = change.name.as_deref().map(str::trim) {
            if name.is_empty() || name.chars().count() > 120 {
                return Err(crate::AppError::from(
                    Said::new(Reason::NameLength).with("max", 120),
                ));
            }
            user.name = name.to_owned();
        }
        if let Some(role) = change.role {
            if !snap.access.has_role(&role) {
                return Err(crate::AppError::from(
                    Said::new(Reason::NoSuchRole).with("value", &role),
                ));
            }
            user.role = role;
        }
        if let Some(team) = change.team_id {
            if let Some(t) = &team
                && !snap.access.teams.iter().any(|x| &x.id == t)
            {
                return Err(AppError::Invalid(format!("there is no team with id '{t}'")));
            }
            user.team_id = team;
        }
        if id == actor.user_id && (change.active == Some(false) || user.role != "admin") {
            return Err(AppError::from(Said::new(Reason::AdminSelf)));
        }
        let now = self.now();
        let mut tx = self.db().begin().await?;
        if let Some(active) = change.active {
            user.active = active;
            if !active {
                users_store::revoke_all_tokens(&mut tx, id, None, now).await?;
            }
        }
        users_store::update_user(&mut tx, &user, now).await?;
        let detail = serde_json::json!({
            "name": change.name, "role": user.role, "team_id": user.team_id, "active": user.active,
        });
        self.audit_in(&mut tx, audit::change(actor, "user_update", id, detail))
            .await?;
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(UserView::from(&user))
    }
}

/// Tells a field given as `null` (`Some(None)`: clear it) from a field left out (`None`).
fn present<'de, D, T>(d: D) -> Result<Option<Option<T>>, D::Error>
where
    D: serde::Deserializer<'de>,
    T: serde::Deserialize<'de>,
{
    serde::Deserialize::deserialize(d).map(Some)
}

fn check_team_name(name: &str) -> AppResult<String> {
    if name.is_empty() || name.chars().count() > 120 {
        return Err(crate::AppError::from(
            Said::new(Reason::TeamNameLength).with("max", 120),
        ));
    }
    Ok(name.to_owned())
}
