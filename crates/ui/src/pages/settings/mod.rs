//! The administrator's settings: the company, objects and fields, users, teams, roles, duplicate
//! rules, pools, sales rules and processes, numbering of sales documents and approval flows.
//! Every page here answers 403 to anyone else.

pub mod approvals;
pub mod company;
pub mod documents;
pub mod duplicates;
pub mod field;
pub mod object_list;
pub mod objects;
pub mod org;
pub mod pools;
pub mod roles;
pub mod sales;

use askama::Template;
use axum::extract::State;
use axum::http::StatusCode;

use super::{Page, html};
use crate::UiState;
use crate::page_error::PageResult;
use crate::viewer::Admin;

/// Choices of a select: (value, its name in the viewer's language).
pub type Choices = Vec<(&'static str, String)>;

/// A submitted form's value for `key` (empty when absent).
pub fn value(pairs: &[(String, String)], key: &str) -> String {
    pairs
        .iter()
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.trim().to_owned())
        .unwrap_or_default()
}

/// A label typed for each language, from fields named `{prefix}.{language}` (empty when left
/// blank).
pub fn per_language(
    pairs: &[(String, String)],
    prefix: &str,
) -> std::collections::BTreeMap<String, String> {
    crate::i18n::LANGUAGES
        .iter()
        .map(|(code, _)| {
            (
                (*code).to_owned(),
                value(pairs, &format!("{prefix}.{code}")),
            )
        })
        .collect()
}

/// A refusal as one line: each field's complaint after its name, or the error's own words.
pub fn message_of(tr: &crate::i18n::Tr, e: pelagic_app::AppError) -> String {
    crate::errors::say(tr, &e)
}

/// Every value a form submitted for `key` (checkboxes, multiple selects).
pub fn values(pairs: &[(String, String)], key: &str) -> Vec<String> {
    pairs
        .iter()
        .filter(|(k, _)| k == key)
        .map(|(_, v)| v.clone())
        .collect()
}

#[derive(Template)]
#[template(path = "settings/hub.html")]
struct Hub {
    page: Page,
    /// (link, title, description)
    sections: Vec<(&'static str, String, String)>,
}

pub async fn hub(State(s): State<UiState>, Admin(v): Admin) -> PageResult {
    let sections = [
        ("/settings/company", "company-settings"),
        ("/settings/objects", "objects-and-fields"),
        ("/settings/users", "users"),
        ("/settings/teams", "teams"),
        ("/settings/roles", "roles-and-permissions"),
        ("/settings/duplicates", "duplicate-rules"),
        ("/settings/pools", "pool-settings"),
        ("/settings/sales", "sales-settings"),
        ("/settings/documents", "numbering-settings"),
        ("/settings/approvals", "approval-flows"),
        ("/templates", "document-templates"),
    ]
    .into_iter()
    .map(|(link, key)| (link, v.tr.t(key), v.tr.t(&format!("{key}-about"))))
    .collect();
    let page = Page::new(&s, &v, "settings").await?;
    Ok(html(StatusCode::OK, &Hub { page, sections }))
}
