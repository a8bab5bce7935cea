//! One module per page; this one holds what every signed-in page shares.

pub mod account_money;
pub mod approvals;
pub mod bin;
pub mod bulk;
pub mod calendar_feed;
pub mod collections;
pub mod columns;
pub mod convert;
pub mod delete;
pub mod doc_templates;
pub mod form;
pub mod funnel;
pub mod history;
pub mod home;
pub mod lines;
pub mod list;
pub mod login;
pub mod notifications;
pub mod pipeline;
pub mod pool_actions;
pub mod pools;
pub mod profile;
pub mod record;
pub mod related;
pub mod sales_doc;
pub mod settings;
pub mod setup;
pub mod team;
pub mod timeline;
pub mod tokens;
pub mod views;

use askama::Template;
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse, Response};
use pelagic_app::AppError;
use pelagic_core::meta::ObjectDef;

use crate::UiState;
use crate::i18n::Tr;
use crate::page_error::PageError;
use crate::viewer::Viewer;

/// The layout's data: language, navigation, who is signed in, the forms' anti-forgery token.
pub struct Page {
    pub tr: Tr,
    /// (object API name, its plural label) for every object the user may read.
    pub nav: Vec<(String, String)>,
    /// The menu: (group, its label, its objects' (name, label)), groups without objects left
    /// out.
    pub menu: Vec<MenuGroup>,
    /// `home` or the object being shown.
    pub current: String,
    pub user_name: String,
    pub csrf: String,
    /// Shows the way to the settings.
    pub admin: bool,
    /// Shows the way to the pools: the user works in one.
    pub pools: bool,
    /// Shows the way to the pipeline: the user may read opportunities.
    pub pipeline: bool,
    /// Shows the way to the printable templates: the user may write them.
    pub templates: bool,
    /// Notifications not read yet.
    pub unread: i64,
    /// Approval requests waiting for the user's decision.
    pub waiting: i64,
}

/// A group of the menu: its key, its label and its objects' (name, label).
pub type MenuGroup = (String, String, Vec<(String, String)>);

/// The group of objects no one placed in the menu.
const MORE: &str = "more";

/// (group, label) of the menu's groups in order, "more" last.
pub fn menu_groups(tr: &Tr) -> Vec<(String, String)> {
    pelagic_core::meta::MENU_GROUPS
        .iter()
        .copied()
        .filter(|g| *g != "none")
        .chain([MORE])
        .map(|g| (g.to_owned(), tr.t(&format!("menu-{g}"))))
        .collect()
}

impl Page {
    pub async fn new(state: &UiState, v: &Viewer, current: &str) -> Result<Page, PageError> {
        let objects = state
            .app
            .records(&v.actor)
            .readable_objects()
            .await
            .map_err(|e| failure(&v.tr, e))?;
        // An object's metadata says where its list appears; unplaced ones go under "more".
        let group_of =
            |o: &pelagic_core::meta::ObjectDef| o.menu.clone().unwrap_or_else(|| MORE.into());
        let listed: Vec<_> = objects.iter().filter(|o| group_of(o) != "none").collect();
        let menu = menu_groups(&v.tr)
            .into_iter()
            .map(|(group, label)| {
                let items: Vec<(String, String)> = listed
                    .iter()
                    .filter(|o| group_of(o) == group)
                    .map(|o| (o.name.clone(), v.tr.object_plural(o)))
                    .collect();
                (group, label, items)
            })
            .filter(|(_, _, items)| !items.is_empty())
            .collect();
        Ok(Page {
            tr: v.tr.clone(),
            nav: listed
                .iter()
                .map(|o| (o.name.clone(), v.tr.object_plural(o)))
                .collect(),
            menu,
            current: current.to_owned(),
            user_name: v.actor.name.clone(),
            csrf: v.csrf.clone(),
            admin: v.actor.is_admin(),
            pipeline: objects.iter().any(|o| o.name == "opportunity"),
            pools: state.app.pools(&v.actor).await.is_ok_and(|p| !p.is_empty()),
            templates: pelagic_app::documents::may_write_templates(&v.actor),
            unread: state.app.unread_notifications(&v.actor).await.unwrap_or(0),
            waiting: state
                .app
                .approvals_waiting_count(&v.actor)
                .await
                .unwrap_or(0),
        })
    }
}

/// The metadata snapshot and one object's definition, or the page saying there is no such
/// object.
pub async fn object_def(
    state: &UiState,
    tr: &Tr,
    object: &str,
) -> Result<
    (
        std::sync::Arc<pelagic_app::Snapshot>,
        std::sync::Arc<ObjectDef>,
    ),
    Response,
> {
    let snap = state.app.snapshot().await.map_err(|e| failure(tr, e))?;
    let obj = snap
        .schema
        .object(object)
        .map_err(|_| failure(tr, AppError::NotFound(object.to_owned())))?
        .clone();
    Ok((snap, obj))
}

/// 422 for a page drawn again with what was wrong with its form, 200 otherwise.
pub fn status_of(error: &Option<String>) -> StatusCode {
    if error.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else {
        StatusCode::OK
    }
}

/// A rendered page.
pub fn html(status: StatusCode, page: &impl Template) -> Response {
    match page.render() {
        Ok(body) => (status, Html(body)).into_response(),
        Err(e) => {
            tracing::error!(cause = %e, "page rendering failed");
            (
                StatusCode::INTERNAL_SERVER_ERROR,
                "the page could not be drawn",
            )
                .into_response()
        }
    }
}

/// An error from the app as a plain page, mapped as every page's errors are.
pub fn failure(tr: &Tr, e: AppError) -> Response {
    crate::page_error::PageError::app(tr, e).into_response()
}

/// Escapes text for HTML.
pub fn escape(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}
