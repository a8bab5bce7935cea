//! Every object in the settings, and a new custom object with the behaviours it may declare
//! (numbered, the priced lines of another). What is added here shows in menus, forms and
//! record pages at once, on every instance.

use askama::Template;
use axum::Form;
use axum::extract::State;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::meta_admin::{NewBehaviour, NewObject};

use super::value;
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::{Page, html};
use crate::viewer::{Admin, Viewer};

/// One object in the list.
struct ObjectRow {
    name: String,
    label: String,
    custom: bool,
    fields: usize,
}

#[derive(Template)]
#[template(path = "settings/objects.html")]
struct ObjectsPage {
    page: Page,
    objects: Vec<ObjectRow>,
    error: Option<String>,
    /// What was typed into the new-object form, to keep after a refusal: name, label, plural
    /// label, menu group, numbering pattern and the object it holds the lines of.
    entered: [String; 6],
    /// (name, label, chosen) of the custom objects that may be given lines.
    documents: Vec<(String, String, bool)>,
    /// (group, label, chosen) of the menu's groups an object may be placed in.
    groups: Vec<(String, String, bool)>,
}

pub async fn list(State(s): State<UiState>, Admin(v): Admin) -> PageResult {
    draw_list(&s, &v, None, Default::default()).await
}

async fn draw_list(
    s: &UiState,
    v: &Viewer,
    error: Option<String>,
    entered: [String; 6],
) -> PageResult {
    let snap = match s.app.snapshot().await {
        Ok(snap) => snap,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let objects = snap
        .schema
        .objects
        .values()
        .map(|o| ObjectRow {
            name: o.name.clone(),
            label: v.tr.object_plural(o),
            custom: o.custom,
            fields: o.fields.iter().filter(|f| !f.system).count(),
        })
        .collect();
    let documents = snap
        .schema
        .objects
        .values()
        .filter(|o| {
            o.custom
                && !snap
                    .schema
                    .objects
                    .values()
                    .any(|l| crate::pages::lines::is_lines_of(&o.name, l))
        })
        .map(|o| (o.name.clone(), v.tr.object_plural(o), o.name == entered[5]))
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &ObjectsPage {
            page,
            objects,
            error,
            groups: crate::pages::menu_groups(&v.tr)
                .into_iter()
                .map(|(g, label)| {
                    let chosen = g == entered[3];
                    (g, label, chosen)
                })
                .collect(),
            entered,
            documents,
        },
    ))
}

pub async fn create(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let entered = [
        value(&pairs, "name"),
        value(&pairs, "label"),
        value(&pairs, "label_plural"),
        value(&pairs, "menu"),
        value(&pairs, "numbered"),
        value(&pairs, "lines_of"),
    ];
    let given = |i: usize| Some(entered[i].trim().to_owned()).filter(|t| !t.is_empty());
    let new = NewObject {
        menu: Some(entered[3].clone()).filter(|m| !m.is_empty() && m != "more"),
        name: entered[0].clone(),
        label: entered[1].clone(),
        label_plural: entered[2].clone(),
        behaviour: NewBehaviour {
            numbered: given(4),
            lines_of: given(5),
        },
    };
    Ok(match s.app.add_object(&v.actor, new).await {
        Ok(obj) => Redirect::to(&format!("/settings/objects/{}", obj.name)).into_response(),
        Err(e) => draw_list(&s, &v, Some(crate::errors::say(&v.tr, &e)), entered).await?,
    })
}
