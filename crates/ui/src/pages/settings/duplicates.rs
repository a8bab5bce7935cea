//! Duplicate rules in the settings: for each object, which fields make two records the same
//! customer and how they compare (company name, phone, email, exact text).

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use pelagic_app::duplicates::admin::{RuleInput, RulesChange};
use pelagic_core::dedupe::Match;

use super::value;
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::{Page, html};
use crate::viewer::{Admin, Viewer};

/// One object's rules: (field, label, comparison now or "", comparisons it may use).
struct ObjectRules {
    object: String,
    label: String,
    fields: Vec<(String, String, String, super::Choices)>,
}

#[derive(Template)]
#[template(path = "settings/duplicates.html")]
struct RulesPage {
    page: Page,
    objects: Vec<ObjectRules>,
    saved: bool,
    error: Option<String>,
}

async fn draw(s: &UiState, v: &Viewer, saved: bool, error: Option<String>) -> PageResult {
    let (rules, snap) = match (
        s.app.duplicate_rules(&v.actor).await,
        s.app.snapshot().await,
    ) {
        (Ok(r), Ok(snap)) => (r, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let objects = snap
        .schema
        .objects
        .values()
        .filter_map(|o| {
            let fields: Vec<_> = o
                .fields
                .iter()
                .filter(|f| !f.system && !Match::allowed(f.kind).is_empty())
                .map(|f| {
                    let now = rules
                        .get(&o.name)
                        .and_then(|rs| rs.iter().find(|r| r.field == f.name))
                        .map(|r| r.matching.name().to_owned())
                        .unwrap_or_default();
                    let choices = Match::allowed(f.kind)
                        .iter()
                        .map(|m| (m.name(), v.tr.t(&format!("match-{}", m.name()))))
                        .collect();
                    (f.name.to_string(), v.tr.field(o, f), now, choices)
                })
                .collect();
            (!fields.is_empty()).then(|| ObjectRules {
                object: o.name.clone(),
                label: v.tr.object_plural(o),
                fields,
            })
        })
        .collect();
    let page = Page::new(s, v, "settings").await?;
    let status = crate::pages::status_of(&error);
    Ok(html(
        status,
        &RulesPage {
            page,
            objects,
            saved,
            error,
        },
    ))
}

pub async fn show(State(s): State<UiState>, Admin(v): Admin) -> PageResult {
    draw(&s, &v, false, None).await
}

/// Replaces one object's rules with the fields given a comparison.
pub async fn save(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(object): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let (_, obj) = crate::pages::object_def(&s, &v.tr, &object).await?;
    let mut rules = Vec::new();
    for f in &obj.fields {
        let chosen = value(&pairs, &f.name);
        if chosen.is_empty() {
            continue;
        }
        let Some(m) = Match::allowed(f.kind)
            .iter()
            .find(|m| m.name() == chosen)
            .copied()
        else {
            return draw(
                &s,
                &v,
                false,
                Some(format!("'{chosen}' does not apply to {}", f.name)),
            )
            .await;
        };
        rules.push(RuleInput {
            field: f.name.to_string(),
            matching: Some(m),
        });
    }
    Ok(
        match s
            .app
            .set_duplicate_rules(&v.actor, &object, RulesChange { rules })
            .await
        {
            Ok(_) => draw(&s, &v, true, None).await?,
            Err(e) => draw(&s, &v, false, Some(crate::errors::say(&v.tr, &e))).await?,
        },
    )
}
