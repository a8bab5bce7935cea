//! Users and teams in the settings: who works here, their role and team, who may sign in; teams
//! as a tree with their managers.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use pelagic_app::org::{TeamChange, UserChange};
use pelagic_app::users::{NewUser, UserView};

use super::value;
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::{Page, failure, html};
use crate::viewer::{Admin, Viewer};

/// What the users and teams pages share: the people, the roles and the teams by name.
struct Org {
    users: Vec<UserView>,
    /// (name, label)
    roles: Vec<(String, String)>,
    /// (id, name, parent name, manager name)
    teams: Vec<(String, String, String, String)>,
}

async fn org(s: &UiState, v: &Viewer) -> Result<Org, PageError> {
    let (users, snap) = match (s.app.users(&v.actor).await, s.app.snapshot().await) {
        (Ok(u), Ok(snap)) => (u, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let team_name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| snap.access.teams.iter().find(|t| &t.id == id))
            .map(|t| t.name.clone())
            .unwrap_or_default()
    };
    let user_name = |id: &Option<String>| {
        id.as_ref()
            .and_then(|id| users.iter().find(|u| &u.id == id))
            .map(|u| u.name.clone())
            .unwrap_or_default()
    };
    let teams = snap
        .access
        .teams
        .iter()
        .map(|t| {
            (
                t.id.clone(),
                t.name.clone(),
                team_name(&t.parent_id),
                user_name(&t.manager_id),
            )
        })
        .collect();
    let roles = snap
        .access
        .roles
        .iter()
        .map(|r| (r.name.clone(), role_label(v, &r.name, &r.label)))
        .collect();
    Ok(Org {
        users,
        roles,
        teams,
    })
}

/// A built-in role's name in the viewer's language; custom roles keep theirs.
pub fn role_label(v: &Viewer, name: &str, label: &str) -> String {
    match name {
        "admin" | "boss" | "manager" | "sales" | "service" => v.tr.t(&format!("role-{name}")),
        _ => label.to_owned(),
    }
}

struct UserRow {
    id: String,
    name: String,
    email: String,
    role: String,
    team: String,
    active: bool,
}

#[derive(Template)]
#[template(path = "settings/users.html")]
struct UsersPage {
    page: Page,
    users: Vec<UserRow>,
    roles: Vec<(String, String)>,
    teams: Vec<(String, String, String, String)>,
    error: Option<String>,
    /// What was typed for a refused new user.
    entered: NewUserInput,
}

/// The new-user form's values.
#[derive(Default)]
struct NewUserInput {
    name: String,
    email: String,
    role: String,
    team_id: String,
}

async fn draw_users(
    s: &UiState,
    v: &Viewer,
    error: Option<String>,
    entered: NewUserInput,
) -> PageResult {
    let o = org(s, v).await?;
    let users = o
        .users
        .iter()
        .map(|u| UserRow {
            id: u.id.clone(),
            name: u.name.clone(),
            email: u.email.clone(),
            role: o
                .roles
                .iter()
                .find(|r| r.0 == u.role)
                .map(|r| r.1.clone())
                .unwrap_or_else(|| u.role.clone()),
            team: o
                .teams
                .iter()
                .find(|t| Some(&t.0) == u.team_id.as_ref())
                .map(|t| t.1.clone())
                .unwrap_or_default(),
            active: u.active,
        })
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &UsersPage {
            page,
            users,
            roles: o.roles,
            teams: o.teams,
            error,
            entered,
        },
    ))
}

pub async fn users(State(s): State<UiState>, Admin(v): Admin) -> PageResult {
    let entered = NewUserInput {
        role: "sales".into(),
        ..NewUserInput::default()
    };
    draw_users(&s, &v, None, entered).await
}

pub async fn create_user(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let entered = NewUserInput {
        name: value(&pairs, "name"),
        email: value(&pairs, "email"),
        role: value(&pairs, "role"),
        team_id: value(&pairs, "team_id"),
    };
    let new = NewUser {
        name: entered.name.clone(),
        email: entered.email.clone(),
        role: entered.role.clone(),
        team: None,
        team_id: Some(entered.team_id.clone()).filter(|t| !t.is_empty()),
        password: pairs
            .iter()
            .find(|(k, _)| k == "password")
            .map(|(_, p)| p.clone())
            .unwrap_or_default(),
    };
    Ok(match s.app.create_user(&v.actor, new).await {
        Ok(_) => Redirect::to("/settings/users").into_response(),
        Err(e) => draw_users(&s, &v, Some(crate::errors::say(&v.tr, &e)), entered).await?,
    })
}

#[derive(Template)]
#[template(path = "settings/user.html")]
struct UserPage {
    page: Page,
    user: UserView,
    roles: Vec<(String, String)>,
    teams: Vec<(String, String, String, String)>,
    error: Option<String>,
}

async fn draw_user(s: &UiState, v: &Viewer, id: &str, error: Option<String>) -> PageResult {
    let o = org(s, v).await?;
    let Some(user) = o.users.iter().find(|u| u.id == id).cloned() else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound(id.to_owned()),
        ));
    };
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &UserPage {
            page,
            user,
            roles: o.roles,
            teams: o.teams,
            error,
        },
    ))
}

pub async fn user(State(s): State<UiState>, Admin(v): Admin, Path(id): Path<String>) -> PageResult {
    draw_user(&s, &v, &id, None).await
}

pub async fn update_user(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let team = value(&pairs, "team_id");
    let change = UserChange {
        name: Some(value(&pairs, "name")),
        role: Some(value(&pairs, "role")),
        team_id: Some(Some(team).filter(|t| !t.is_empty())),
        active: Some(value(&pairs, "active") == "true"),
    };
    Ok(match s.app.update_user(&v.actor, &id, change).await {
        Ok(_) => Redirect::to("/settings/users").into_response(),
        Err(e) => draw_user(&s, &v, &id, Some(crate::errors::say(&v.tr, &e))).await?,
    })
}

#[derive(Template)]
#[template(path = "settings/teams.html")]
struct TeamsPage {
    page: Page,
    teams: Vec<(String, String, String, String)>,
    /// (id, name) of active users, to pick a manager.
    people: Vec<(String, String)>,
    /// The team being edited: (id, name, parent id, manager id); empty id for a new one.
    editing: (String, String, String, String),
    error: Option<String>,
}

async fn draw_teams(
    s: &UiState,
    v: &Viewer,
    editing: (String, String, String, String),
    error: Option<String>,
) -> PageResult {
    let o = org(s, v).await?;
    let people = o
        .users
        .iter()
        .filter(|u| u.active)
        .map(|u| (u.id.clone(), u.name.clone()))
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &TeamsPage {
            page,
            teams: o.teams,
            people,
            editing,
            error,
        },
    ))
}

pub async fn teams(State(s): State<UiState>, Admin(v): Admin) -> PageResult {
    draw_teams(&s, &v, Default::default(), None).await
}

/// The teams page with one team's form filled in.
pub async fn team(State(s): State<UiState>, Admin(v): Admin, Path(id): Path<String>) -> PageResult {
    let found = match s.app.teams(&v.actor).await {
        Ok(t) => t.into_iter().find(|t| t.id == id),
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let Some(t) = found else {
        return Ok(failure(&v.tr, pelagic_app::AppError::NotFound(id)));
    };
    let editing = (
        t.id,
        t.name,
        t.parent_id.unwrap_or_default(),
        t.manager_id.unwrap_or_default(),
    );
    draw_teams(&s, &v, editing, None).await
}

/// Creates a team, or changes one when the form carries its id.
pub async fn save_team(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let id = value(&pairs, "id");
    let optional = |k: &str| Some(value(&pairs, k)).filter(|x| !x.is_empty());
    let change = TeamChange {
        name: Some(value(&pairs, "name")),
        parent_id: Some(optional("parent_id")),
        manager_id: Some(optional("manager_id")),
    };
    let done = if id.is_empty() {
        s.app.create_team(&v.actor, change).await.map(|_| ())
    } else {
        s.app.update_team(&v.actor, &id, change).await.map(|_| ())
    };
    Ok(match done {
        Ok(()) => Redirect::to("/settings/teams").into_response(),
        Err(e) => {
            let editing = (
                id,
                value(&pairs, "name"),
                value(&pairs, "parent_id"),
                value(&pairs, "manager_id"),
            );
            draw_teams(&s, &v, editing, Some(crate::errors::say(&v.tr, &e))).await?
        }
    })
}
