//! Roles and permissions in the settings: each role's reach per object and operation (none, own,
//! team, team and below, all), and how it may use each field (hidden, masked, read, edit).

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::response::{IntoResponse, Redirect};
use pelagic_core::access::{FieldAccess, Operation, Scope};

use super::org::role_label;
use super::value;
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::{Page, failure, html};
use crate::viewer::{Admin, Viewer};

/// One object's row of the matrix: (operation, its name, scope now) per column.
struct MatrixRow {
    object: String,
    label: String,
    cells: Vec<(&'static str, String, &'static str)>,
}

#[derive(Template)]
#[template(path = "settings/roles.html")]
struct RolesPage {
    page: Page,
    /// (name, label, built in)
    roles: Vec<(String, String, bool)>,
    error: Option<String>,
}

pub async fn list(State(s): State<UiState>, Admin(v): Admin) -> PageResult {
    draw_list(&s, &v, None).await
}

async fn draw_list(s: &UiState, v: &Viewer, error: Option<String>) -> PageResult {
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let roles = snap
        .access
        .roles
        .iter()
        .map(|r| (r.name.clone(), role_label(v, &r.name, &r.label), r.builtin))
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(status, &RolesPage { page, roles, error }))
}

pub async fn create(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let name = value(&pairs, "name");
    Ok(
        match s
            .app
            .create_role(&v.actor, &name, &value(&pairs, "label"))
            .await
        {
            Ok(()) => Redirect::to(&format!("/settings/roles/{name}")).into_response(),
            Err(e) => draw_list(&s, &v, Some(crate::errors::say(&v.tr, &e))).await?,
        },
    )
}

#[derive(Template)]
#[template(path = "settings/role.html")]
struct RolePage {
    page: Page,
    role: String,
    title: String,
    everything: bool,
    /// (operation, its name in the viewer's language)
    operations: Vec<(&'static str, String)>,
    /// (scope, its name)
    scopes: Vec<(&'static str, String)>,
    rows: Vec<MatrixRow>,
    saved: bool,
    error: Option<String>,
}

async fn draw_role(
    s: &UiState,
    v: &Viewer,
    role: &str,
    saved: bool,
    error: Option<String>,
) -> PageResult {
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let Some(r) = snap.access.roles.iter().find(|r| r.name == role) else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound(role.to_owned()),
        ));
    };
    let rows = snap
        .schema
        .objects
        .values()
        .map(|o| MatrixRow {
            object: o.name.clone(),
            label: v.tr.object_plural(o),
            cells: Operation::ALL
                .iter()
                .map(|op| {
                    (
                        op.as_str(),
                        v.tr.t(&format!("operation-{}", op.as_str())),
                        snap.access.scope(role, &o.name, *op).as_str(),
                    )
                })
                .collect(),
        })
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &RolePage {
            page,
            role: role.to_owned(),
            title: role_label(v, &r.name, &r.label),
            everything: role == "admin",
            operations: Operation::ALL
                .iter()
                .map(|op| (op.as_str(), v.tr.t(&format!("operation-{}", op.as_str()))))
                .collect(),
            scopes: Scope::ALL
                .iter()
                .map(|sc| (sc.as_str(), v.tr.t(&format!("scope-{}", sc.as_str()))))
                .collect(),
            rows,
            saved,
            error,
        },
    ))
}

pub async fn show(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(role): Path<String>,
) -> PageResult {
    draw_role(&s, &v, &role, false, None).await
}

/// Saves the matrix: for each object whose scopes changed, one change of its scopes.
pub async fn save(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(role): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let mut matrix = BTreeMap::new();
    for o in snap.schema.objects.values() {
        let changed: BTreeMap<String, String> = Operation::ALL
            .iter()
            .filter_map(|op| {
                let given = value(&pairs, &format!("{}.{}", o.name, op.as_str()));
                let now = snap.access.scope(&role, &o.name, *op).as_str();
                (!given.is_empty() && given != now).then(|| (op.as_str().to_owned(), given))
            })
            .collect();
        if !changed.is_empty() {
            matrix.insert(o.name.clone(), changed);
        }
    }
    if !matrix.is_empty()
        && let Err(e) = s.app.set_role_matrix(&v.actor, &role, &matrix).await
    {
        return draw_role(&s, &v, &role, false, Some(crate::errors::say(&v.tr, &e))).await;
    }
    draw_role(&s, &v, &role, true, None).await
}

#[derive(Template)]
#[template(path = "settings/role_fields.html")]
struct FieldsPage {
    page: Page,
    role: String,
    role_label: String,
    object: String,
    object_label: String,
    /// (field, label, access now, the accesses it may take)
    fields: Vec<(String, String, &'static str, super::Choices)>,
    saved: bool,
    error: Option<String>,
}

async fn draw_fields(
    s: &UiState,
    v: &Viewer,
    role: &str,
    object: &str,
    saved: bool,
    error: Option<String>,
) -> PageResult {
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let (Some(r), Ok(obj)) = (
        snap.access.roles.iter().find(|r| r.name == role),
        snap.schema.object(object),
    ) else {
        return Ok(failure(
            &v.tr,
            pelagic_app::AppError::NotFound(object.to_owned()),
        ));
    };
    let name = |a: FieldAccess| (a.as_str(), v.tr.t(&format!("access-{}", a.as_str())));
    let fields = obj
        .fields
        .iter()
        .filter(|f| f.name != "id")
        .map(|f| {
            let mut choices = vec![
                name(FieldAccess::Hidden),
                name(FieldAccess::Masked),
                name(FieldAccess::Read),
            ];
            if !f.system || f.name == "owner_id" {
                choices.push(name(FieldAccess::Edit));
            }
            (
                f.name.to_string(),
                v.tr.field(obj, f),
                snap.access.field_access(role, object, f).as_str(),
                choices,
            )
        })
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &FieldsPage {
            page,
            role: role.to_owned(),
            role_label: role_label(v, &r.name, &r.label),
            object: object.to_owned(),
            object_label: v.tr.object_plural(obj),
            fields,
            saved,
            error,
        },
    ))
}

pub async fn fields(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path((role, object)): Path<(String, String)>,
) -> PageResult {
    draw_fields(&s, &v, &role, &object, false, None).await
}

/// Saves the field accesses that changed.
pub async fn save_fields(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path((role, object)): Path<(String, String)>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let (snap, obj) = crate::pages::object_def(&s, &v.tr, &object).await?;
    let changed: BTreeMap<String, String> = obj
        .fields
        .iter()
        .filter(|f| f.name != "id")
        .filter_map(|f| {
            let given = value(&pairs, &f.name);
            let now = snap.access.field_access(&role, &object, f).as_str();
            (!given.is_empty() && given != now).then(|| (f.name.to_string(), given))
        })
        .collect();
    if !changed.is_empty()
        && let Err(e) = s
            .app
            .set_field_accesses(&v.actor, &role, &object, &changed)
            .await
    {
        return draw_fields(
            &s,
            &v,
            &role,
            &object,
            false,
            Some(crate::errors::say(&v.tr, &e)),
        )
        .await;
    }
    draw_fields(&s, &v, &role, &object, true, None).await
}
