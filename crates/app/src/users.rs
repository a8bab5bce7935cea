//! Creating users, from the command line or the administration API.

use pelagic_core::input;
use pelagic_core::said::{Reason, Said};
use pelagic_store::access::{self, TeamRow};
use pelagic_store::metadata;
use pelagic_store::users::{self as store, UserRow};

use crate::{App, AppError, AppResult};

/// Shortest password accepted.
pub const MIN_PASSWORD_LEN: usize = 10;

/// What a new user needs.
#[derive(Debug, Clone)]
pub struct NewUser {
    pub email: String,
    pub name: String,
    pub role: String,
    /// The team by name (created if it does not exist yet), or by id.
    pub team: Option<String>,
    pub team_id: Option<String>,
    pub password: String,
}

/// A user as shown to clients.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize)]
pub struct UserView {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub team_id: Option<String>,
    pub active: bool,
}

impl From<&UserRow> for UserView {
    fn from(u: &UserRow) -> Self {
        UserView {
            id: u.id.clone(),
            email: u.email.clone(),
            name: u.name.clone(),
            role: u.role.clone(),
            team_id: u.team_id.clone(),
            active: u.active,
        }
    }
}

impl App {
    /// Creates a user; the team is found by name and created if it does not exist yet.
    pub async fn add_user(&self, new: NewUser) -> AppResult<UserView> {
        self.add_user_if(new, false).await
    }

    /// Creates a user; with `only_first`, only while there is no user at all, checked inside
    /// the writing transaction under the metadata lock, so that of two first runs at once one
    /// creates the administrator and the other is refused.
    pub(crate) async fn add_user_if(&self, new: NewUser, only_first: bool) -> AppResult<UserView> {
        let email = check_email(&new.email)?;
        let name = new.name.trim();
        if name.is_empty() || name.chars().count() > 120 {
            return Err(crate::AppError::from(
                Said::new(Reason::NameLength).with("max", 120),
            ));
        }
        if new.password.chars().count() < MIN_PASSWORD_LEN {
            return Err(crate::AppError::from(
                Said::new(Reason::PasswordTooShort).with("min", MIN_PASSWORD_LEN),
            ));
        }
        if !access::role_exists(self.db(), &new.role).await? {
            let roles = access::role_names(self.db()).await?;
            return Err(crate::AppError::from(
                Said::new(Reason::NoSuchRoleOf)
                    .with("value", &new.role)
                    .with("roles", roles.join(", ")),
            ));
        }
        if store::user_by_email(self.db(), &email).await?.is_some() {
            return Err(crate::AppError::from(
                Said::new(Reason::EmailTaken).with("value", &email),
            ));
        }
        let password = new.password.clone();
        let hash = tokio::task::spawn_blocking(move || password_auth::generate_hash(password))
            .await
            .map_err(|e| AppError::Internal(e.to_string()))?;
        let now = self.now();
        let mut tx = self.db().begin().await?;
        if only_first {
            metadata::lock(&mut tx).await?;
            if store::count_users_tx(&mut tx).await? > 0 {
                return Err(AppError::Conflict("Pelagic is already set up".into()));
            }
        }
        let team_id = match (new.team.as_deref().map(str::trim), new.team_id) {
            (_, Some(id)) => {
                let snap = self.snapshot().await?;
                if !snap.access.teams.iter().any(|t| t.id == id) {
                    return Err(AppError::Invalid(format!(
                        "there is no team with id '{id}'"
                    )));
                }
                Some(id)
            }
            (Some(team), None) if !team.is_empty() => {
                let created = TeamRow {
                    id: crate::ids::new_id(),
                    name: team.to_owned(),
                    parent_id: None,
                    manager_id: None,
                };
                // Inserted unless it exists; a concurrent add naming the same new team waits
                // for this one and then finds it.
                if access::insert_team(&mut tx, &created, now).await? {
                    Some(created.id)
                } else {
                    access::team_by_name_tx(&mut tx, team).await?
                }
            }
            _ => None,
        };
        let row = UserRow {
            id: crate::ids::new_id(),
            email,
            name: name.to_owned(),
            role: new.role,
            team_id,
            password_hash: hash,
            active: true,
            locale: "en".into(),
            time_zone: "UTC".into(),
            created_at: now,
        };
        store::insert_user(&mut tx, &row).await?;
        // Team scopes count members, so the rules every instance holds must be reloaded.
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(UserView::from(&row))
    }

    /// Whether someone already signs in with `email` (the demo company is made once).
    pub async fn has_user_with_email(&self, email: &str) -> AppResult<bool> {
        Ok(store::user_by_email(self.db(), email).await?.is_some())
    }

    /// Whether any user exists (an empty database invites the first administrator).
    pub async fn has_users(&self) -> AppResult<bool> {
        Ok(store::count_users(self.db()).await? > 0)
    }
}

fn check_email(email: &str) -> AppResult<String> {
    let field = pelagic_core::FieldDef::new("email", "Email", pelagic_core::FieldKind::Email);
    match input::scalar(
        &field,
        &serde_json::Value::String(email.to_owned()),
        &Default::default(),
    ) {
        Ok(pelagic_core::Value::Text(e)) => Ok(e),
        _ => Err(crate::AppError::from(
            Said::new(Reason::EmailInvalid).with("value", email),
        )),
    }
}

impl App {
    /// Every user's name by id, for showing owners and assignees (names are no secret within a
    /// company).
    pub async fn user_names(&self) -> AppResult<std::collections::HashMap<String, String>> {
        Ok(store::all_users(self.db())
            .await?
            .into_iter()
            .map(|u| (u.id, u.name))
            .collect())
    }

    /// The active user with `email` as an actor, or else the first active administrator, for
    /// work started from the command line (an import).
    pub async fn actor_for(&self, email: Option<&str>) -> AppResult<pelagic_core::access::Actor> {
        let users = store::all_users(self.db()).await?;
        let found = match email {
            Some(e) => users
                .into_iter()
                .find(|u| u.active && u.email.eq_ignore_ascii_case(e.trim()))
                .ok_or_else(|| AppError::NotFound(format!("no active user has the email '{e}'")))?,
            None => users
                .into_iter()
                .filter(|u| u.active && u.role == "admin")
                .min_by_key(|u| u.created_at)
                .ok_or_else(|| {
                    AppError::NotFound("the database has no administrator yet".into())
                })?,
        };
        Ok(pelagic_core::access::Actor {
            user_id: pelagic_core::ids::UserId::stored(found.id),
            name: found.name,
            role: found.role,
            team_id: found.team_id,
            time_zone: found.time_zone,
            locale: found.locale,
        })
    }
}
