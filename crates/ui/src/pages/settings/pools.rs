//! Setting pools up: which object each holds, who administers and works it, its limits and
//! deadlines, the fields it hides, and how a push by rule matches records to members.

use std::collections::BTreeMap;

use askama::Template;
use axum::Form;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::pools::{POOL_OBJECTS, Pool, PoolChange, PoolView};
use pelagic_core::FieldKind;

use super::{message_of, value, values};
use crate::UiState;
use crate::page_error::{PageError, PageResult};
use crate::pages::{Page, failure, html};
use crate::viewer::{Admin, Viewer};

/// A pool's settings as the form shows them (what was typed, after a refusal).
#[derive(Default)]
struct Editing {
    id: String,
    name: String,
    object: String,
    admins: Vec<String>,
    members: Vec<String>,
    teams: Vec<String>,
    claim_limit: String,
    daily_claim_limit: String,
    cool_down_days: String,
    follow_up_within: String,
    close_within: String,
    warn_before: String,
    hidden: Vec<String>,
    match_field: String,
    /// user id → the values typed for them, comma-separated
    match_values: BTreeMap<String, String>,
}

impl From<PoolView> for Editing {
    fn from(p: PoolView) -> Self {
        let n = |v: Option<i64>| v.map(|n| n.to_string()).unwrap_or_default();
        Editing {
            id: p.id,
            name: p.name,
            object: p.object,
            admins: p.admins,
            members: p.members,
            teams: p.teams,
            claim_limit: n(p.claim_limit),
            daily_claim_limit: n(p.daily_claim_limit),
            cool_down_days: p.cool_down_days.to_string(),
            follow_up_within: p.follow_up_within.unwrap_or_default(),
            close_within: p.close_within.unwrap_or_default(),
            warn_before: p.warn_before.unwrap_or_default(),
            hidden: p.hidden_fields,
            match_field: p.match_field.unwrap_or_default(),
            match_values: p
                .match_values
                .into_iter()
                .map(|(u, v)| (u, v.join(", ")))
                .collect(),
        }
    }
}

#[derive(Template)]
#[template(path = "settings/pools.html")]
struct PoolsSettings {
    page: Page,
    /// (id, name, object label)
    pools: Vec<(String, String, String)>,
    editing: Editing,
    /// (object, label)
    objects: Vec<(String, String)>,
    /// (id, name)
    people: Vec<(String, String)>,
    /// (id, name)
    teams: Vec<(String, String)>,
    /// (object, field, label) of fields a pool may hide or match on
    fields: Vec<(String, String, String)>,
    /// Examples of the three lengths of time in the reader's words: follow up, close, warn.
    examples: [String; 3],
    error: Option<String>,
    saved: bool,
}

async fn draw(
    s: &UiState,
    v: &Viewer,
    mut editing: Editing,
    error: Option<String>,
    saved: bool,
) -> PageResult {
    // Stored lengths of time (`7d`) are shown in words; what the user typed is kept as typed.
    for span in [
        &mut editing.follow_up_within,
        &mut editing.close_within,
        &mut editing.warn_before,
    ] {
        *span = crate::display::span_field(&v.tr, span);
    }
    let day = 86_400;
    let examples = [7 * day, 90 * day, day].map(|s| crate::display::span_words(&v.tr, s));
    let (pools, snap) = match (s.app.pools(&v.actor).await, s.app.snapshot().await) {
        (Ok(p), Ok(snap)) => (p, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let label = |o: &str| {
        snap.schema
            .object(o)
            .map(|d| v.tr.object_plural(d))
            .unwrap_or_default()
    };
    let mut people: Vec<(String, String)> = s
        .app
        .user_names()
        .await
        .unwrap_or_default()
        .into_iter()
        .collect();
    people.sort_by(|a, b| a.1.cmp(&b.1));
    let mut fields = Vec::new();
    for o in POOL_OBJECTS {
        if let Ok(def) = snap.schema.object(o) {
            for f in def.fields.iter().filter(|f| !f.system && f.name != "name") {
                if matches!(f.kind, FieldKind::Reference | FieldKind::Multiselect) {
                    continue;
                }
                fields.push((o.to_owned(), f.name.to_string(), v.tr.field(def, f)));
            }
        }
    }
    let page = Page::new(s, v, "settings").await?;
    let status = if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(
        status,
        &PoolsSettings {
            pools: pools
                .iter()
                .map(|p: &Pool| (p.row.id.clone(), p.row.name.clone(), label(&p.row.object)))
                .collect(),
            objects: POOL_OBJECTS
                .iter()
                .map(|o| ((*o).to_owned(), label(o)))
                .collect(),
            people,
            teams: snap
                .access
                .teams
                .iter()
                .map(|t| (t.id.clone(), t.name.clone()))
                .collect(),
            fields,
            examples,
            editing,
            error,
            saved,
            page,
        },
    ))
}

pub async fn list(State(s): State<UiState>, Admin(v): Admin) -> PageResult {
    let editing = Editing {
        object: "account".into(),
        cool_down_days: "0".into(),
        ..Editing::default()
    };
    draw(&s, &v, editing, None, false).await
}

pub async fn edit(
    State(s): State<UiState>,
    Admin(v): Admin,
    Path(id): Path<String>,
    Query(q): Query<BTreeMap<String, String>>,
) -> PageResult {
    let saved = q.contains_key("saved");
    Ok(match s.app.pool(&id).await {
        Ok(p) => draw(&s, &v, PoolView::from(&p).into(), None, saved).await?,
        Err(e) => failure(&v.tr, e),
    })
}

/// The form as typed, and the change it asks for (or the number that is not one).
fn read(pairs: &[(String, String)]) -> (Editing, Result<PoolChange, String>) {
    let object = value(pairs, "object");
    let hidden: Vec<String> = values(pairs, &format!("hide.{object}"));
    let mut match_values = BTreeMap::new();
    for (k, typed) in pairs {
        if let Some(user) = k.strip_prefix("mv.") {
            match_values.insert(user.to_owned(), typed.trim().to_owned());
        }
    }
    let e = Editing {
        id: value(pairs, "id"),
        name: value(pairs, "name"),
        admins: values(pairs, "admins"),
        members: values(pairs, "members"),
        teams: values(pairs, "teams"),
        claim_limit: value(pairs, "claim_limit"),
        daily_claim_limit: value(pairs, "daily_claim_limit"),
        cool_down_days: value(pairs, "cool_down_days"),
        follow_up_within: value(pairs, "follow_up_within"),
        close_within: value(pairs, "close_within"),
        warn_before: value(pairs, "warn_before"),
        hidden,
        match_field: value(pairs, &format!("match.{object}")),
        match_values,
        object,
    };
    let number = |text: &str| -> Result<Option<i64>, String> {
        if text.is_empty() {
            return Ok(Some(0));
        }
        text.parse::<i64>().map(Some).map_err(|_| text.to_owned())
    };
    let change = (|| {
        Ok(PoolChange {
            name: Some(e.name.clone()),
            object: Some(e.object.clone()),
            admins: Some(e.admins.clone()),
            members: Some(e.members.clone()),
            teams: Some(e.teams.clone()),
            claim_limit: number(&e.claim_limit)?,
            daily_claim_limit: number(&e.daily_claim_limit)?,
            cool_down_days: number(&e.cool_down_days)?,
            follow_up_within: Some(e.follow_up_within.clone()),
            close_within: Some(e.close_within.clone()),
            warn_before: Some(e.warn_before.clone()),
            hidden_fields: Some(e.hidden.clone()),
            match_field: Some(e.match_field.clone()),
            match_values: Some(
                e.match_values
                    .iter()
                    .map(|(u, t)| {
                        (
                            u.clone(),
                            t.split([',', '，', ';'])
                                .map(|x| x.trim().to_owned())
                                .filter(|x| !x.is_empty())
                                .collect(),
                        )
                    })
                    .collect(),
            ),
        })
    })();
    (e, change)
}

pub async fn save(
    State(s): State<UiState>,
    Admin(v): Admin,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(crate::pages::form::csrf(&pairs))?;
    let (editing, change) = read(&pairs);
    let change = match change {
        Ok(c) => c,
        Err(bad) => {
            let message = v.tr.t1("not-a-number", "value", &bad);
            return draw(&s, &v, editing, Some(message), false).await;
        }
    };
    let saved = if editing.id.is_empty() {
        s.app.create_pool(&v.actor, change).await
    } else {
        s.app.update_pool(&v.actor, &editing.id, change).await
    };
    Ok(match saved {
        Ok(p) => Redirect::to(&format!("/settings/pools/{}?saved=1", p.row.id)).into_response(),
        Err(e) => draw(&s, &v, editing, Some(message_of(&v.tr, e)), false).await?,
    })
}
