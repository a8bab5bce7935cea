//! The approvals inbox: the quotes, contracts, orders and refunds waiting for the user's
//! decision, oldest first, each approved or rejected (with a comment) from the list.

use askama::Template;
use axum::Form;
use axum::extract::{Path, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Redirect};
use pelagic_app::AppError;
use pelagic_core::ids::{ObjectName, RecordId};

use super::form::csrf;
use super::{Page, failure, html};
use crate::UiState;
use crate::display::{self, Context};
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

struct Waiting {
    id: String,
    object: String,
    object_label: String,
    record_id: String,
    title: String,
    /// (label, value) of the record's key fields the manager may read (customer, amount,
    /// discount …), then who submitted it and how long it has waited.
    facts: Vec<(String, String)>,
    flow: String,
}

#[derive(Template)]
#[template(path = "approvals.html")]
struct ApprovalsPage {
    page: Page,
    items: Vec<Waiting>,
    /// (request id, why the decision just asked for was refused).
    refused: Option<(String, String)>,
}

pub async fn list(State(s): State<UiState>, v: Viewer) -> PageResult {
    draw(&s, &v, None).await
}

/// The inbox, with the refusal of a decision under its request.
async fn draw(s: &UiState, v: &Viewer, refused: Option<(String, String)>) -> PageResult {
    let (waiting, snap) = match (
        s.app.approvals_waiting(&v.actor).await,
        s.app.snapshot().await,
    ) {
        (Ok(w), Ok(snap)) => (w, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let users = s.app.user_names().await.unwrap_or_default();
    let now = s.app.now();
    let mut items = Vec::new();
    for r in &waiting {
        let text = |k: &str| r[k].as_str().unwrap_or_default().to_owned();
        let (Some(obj), Some(record)) = (
            r["object"]
                .as_str()
                .and_then(|o| snap.schema.object(o).ok()),
            r["record"].as_object(),
        ) else {
            continue;
        };
        let titles = super::columns::linked_titles(s, v, obj, std::slice::from_ref(record)).await;
        let ctx = Context {
            tr: &v.tr,
            time_zone: &v.actor.time_zone,
            users: &users,
            titles: &titles,
            region: crate::display::home_region(s).await,
        };
        let mut facts: Vec<(String, String)> = obj
            .key_fields()
            .filter(|f| record.contains_key(f.name.as_str()) && f.name != "number")
            .map(|f| (v.tr.field(obj, f), display::show(&ctx, obj, f, record)))
            .collect();
        if let Some(by) = users.get(&text("submitted_by")) {
            facts.push((v.tr.t("submitted-by"), by.clone()));
        }
        if let Ok(at) = text("submitted_at").parse() {
            facts.push((v.tr.t("waited"), display::waited(&v.tr, at, now)));
        }
        items.push(Waiting {
            id: text("id"),
            object: obj.name.clone(),
            object_label: v.tr.object(obj),
            record_id: text("record_id"),
            title: display::title(&v.tr, obj, record),
            facts,
            flow: text("flow"),
        });
    }
    let page = Page::new(s, v, "approvals").await?;
    let status = if refused.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    };
    Ok(html(
        status,
        &ApprovalsPage {
            page,
            items,
            refused,
        },
    ))
}

pub async fn decide(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Form(pairs): Form<Vec<(String, String)>>,
) -> PageResult {
    v.check_form(csrf(&pairs))?;
    let get = |k: &str| pairs.iter().find(|(n, _)| n == k).map(|(_, x)| x.as_str());
    let approve = get("decision") == Some("approve");
    Ok(
        match s
            .app
            .decide_approval(&v.actor, &id, approve, get("comment"))
            .await
        {
            // Decided on the record's page, the reader stays there; anything but a record's own
            // address goes back to the inbox.
            Ok(_) => match get("back") {
                Some(back) if is_record_page(back) => Redirect::to(back).into_response(),
                _ => Redirect::to("/approvals").into_response(),
            },
            Err(e @ AppError::NotFound(_)) => failure(&v.tr, e),
            // Refused (a rejection without a reason, decided meanwhile): said where it was asked.
            Err(e) => {
                let message = crate::errors::say(&v.tr, &e);
                match get("back")
                    .filter(|b| is_record_page(b))
                    .map(|b| b.split('/'))
                {
                    Some(mut parts) => {
                        let object = ObjectName::fixed(parts.nth(2).unwrap_or_default());
                        let id = RecordId::stored(parts.next().unwrap_or_default());
                        let refusal = Some(super::record::Refusal::Step(message));
                        super::record::draw(&s, &v, object, id, refusal).await?
                    }
                    None => draw(&s, &v, Some((id, message))).await?,
                }
            }
        },
    )
}

/// `/o/{object}/{id}` and nothing else: a path on this site, never another host.
fn is_record_page(path: &str) -> bool {
    let mut parts = path.split('/');
    matches!(
        (parts.next(), parts.next(), parts.next(), parts.next(), parts.next()),
        (Some(""), Some("o"), Some(object), Some(id), None)
            if pelagic_core::ident::is_snake_ident(object) && RecordId::parse(id).is_ok()
    )
}

#[cfg(test)]
mod tests {
    use super::is_record_page;

    #[test]
    fn a_decision_returns_only_to_a_record_page_of_this_site() {
        assert!(is_record_page("/o/quote/abc-123"));
        for other in [
            "//evil.example/o/x/y",
            "https://evil.example",
            "/o/quote",
            "/o/quote/a/b",
            "/approvals",
            "/o/Quote/1",
        ] {
            assert!(!is_record_page(other), "{other}");
        }
    }
}
