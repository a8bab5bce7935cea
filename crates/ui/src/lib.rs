//! Pelagic's web interface: pages rendered on the server from the same metadata as the API, in
//! English, Simplified and Traditional Chinese, Spanish and Russian. Every page works without
//! scripts; the one stylesheet and the one small script that makes forms quicker are ours and
//! served from the binary.

mod cell;
mod condition_words;
mod conditions;
mod display;
mod errors;
mod form_values;
/// Numbers, money and dates as each language writes them (shared with printed documents).
pub(crate) use pelagic_core::format;
pub use pelagic_http::{edge, i18n, session};
mod inputs;
mod page_error;
mod pages;
mod path;

mod viewer;

use std::sync::Arc;

use axum::Router;
use axum::http::header::{CACHE_CONTROL, CONTENT_TYPE};
use axum::response::IntoResponse;
use axum::routing::{get, post};
use pelagic_app::App;

/// What every page handler shares.
#[derive(Clone)]
pub struct UiState {
    pub app: Arc<App>,
}

/// The pages, ready to merge into the server's router.
pub fn routes(app: Arc<App>) -> Router {
    Router::new()
        .route("/", get(pages::home::home))
        .route("/setup", get(pages::setup::form).post(pages::setup::submit))
        .route("/login", get(pages::login::form).post(pages::login::submit))
        .route("/logout", post(pages::login::logout))
        .route(
            "/profile",
            get(pages::profile::show).post(pages::profile::save),
        )
        .route("/profile/password", post(pages::profile::change_password))
        .route("/profile/tokens", post(pages::tokens::create))
        .route("/profile/calendar", post(pages::calendar_feed::create))
        .route("/profile/calendar/stop", post(pages::calendar_feed::stop))
        .route("/profile/tokens/{id}/revoke", post(pages::tokens::revoke))
        .route("/o/{object}", get(pages::list::list))
        .route(
            "/o/{object}/new",
            get(pages::form::new).post(pages::form::create),
        )
        .route("/o/{object}/views", post(pages::views::save))
        .route("/o/{object}/bulk", post(pages::bulk::submit))
        .route("/jobs/{id}", get(pages::bulk::show))
        .route("/o/{object}/views/{id}/delete", post(pages::views::delete))
        .route("/o/{object}/{id}", get(pages::record::show))
        .route(
            "/o/{object}/{id}/edit",
            get(pages::form::edit).post(pages::form::update),
        )
        .route(
            "/o/{object}/{id}/delete",
            get(pages::delete::confirm).post(pages::delete::delete),
        )
        .route("/o/{object}/{id}/follow-up", post(pages::record::follow_up))
        .route("/o/{object}/{id}/history", get(pages::history::show))
        .route(
            "/o/{object}/{id}/do/{step}",
            post(pages::sales_doc::take_step),
        )
        .route("/o/{object}/{id}/print", get(pages::sales_doc::print))
        .route("/o/{object}/{id}/lines", post(pages::lines::add))
        .route("/o/{object}/{id}/lines/{line}", post(pages::lines::change))
        .route(
            "/o/{object}/{id}/lines/{line}/delete",
            post(pages::lines::remove),
        )
        .route("/o/{object}/{id}/documents", post(pages::sales_doc::keep))
        .route("/documents/{id}", get(pages::sales_doc::open))
        .route("/documents/{id}/sent", post(pages::sales_doc::sent))
        .route(
            "/o/lead/{id}/convert",
            get(pages::convert::form).post(pages::convert::submit),
        )
        .route("/pipeline", get(pages::pipeline::board))
        .route("/pipeline/funnel", get(pages::funnel::show))
        .route("/pipeline/team", get(pages::team::show))
        .route(
            "/pipeline/{id}/move",
            get(pages::pipeline::move_form).post(pages::pipeline::move_to),
        )
        .route("/pools", get(pages::pools::list))
        .route("/pools/enter", post(pages::pool_actions::enter))
        .route("/pools/{id}", get(pages::pools::show))
        .route("/pools/{id}/claim", post(pages::pool_actions::claim))
        .route("/pools/{id}/assign", post(pages::pool_actions::assign))
        .route("/pools/{id}/release", post(pages::pool_actions::release))
        .route("/notifications", get(pages::notifications::list))
        .route("/templates", get(pages::doc_templates::list))
        .route("/templates/new", get(pages::doc_templates::new))
        .route("/templates/save", post(pages::doc_templates::save))
        .route("/templates/preview", post(pages::doc_templates::preview))
        .route("/templates/{id}", get(pages::doc_templates::edit))
        .route("/templates/{id}/delete", post(pages::doc_templates::delete))
        .route("/approvals", get(pages::approvals::list))
        .route("/approvals/{id}/decide", post(pages::approvals::decide))
        .route("/collections", get(pages::collections::show))
        .route(
            "/notifications/{id}/read",
            post(pages::notifications::mark_read),
        )
        .route("/recycle-bin", get(pages::bin::list))
        .route(
            "/recycle-bin/{object}/{id}/restore",
            post(pages::bin::restore),
        )
        .route(
            "/recycle-bin/{object}/{id}/purge",
            get(pages::bin::confirm_purge).post(pages::bin::purge),
        )
        .merge(settings_routes())
        .route("/static/app.css", get(stylesheet))
        .route("/static/app.js", get(script))
        // Browsers ask for /favicon.ico whatever the page says; both answer with our one icon.
        .route("/static/icon.svg", get(icon))
        .route("/favicon.ico", get(icon))
        .with_state(UiState { app })
}

/// The administrator's settings pages.
fn settings_routes() -> Router<UiState> {
    use pages::settings::{
        approvals, company, documents, duplicates, field, object_list, objects, org, pools, roles,
        sales,
    };
    Router::new()
        .route("/settings", get(pages::settings::hub))
        .route("/settings/company", get(company::show).post(company::save))
        .route(
            "/settings/objects",
            get(object_list::list).post(object_list::create),
        )
        .route(
            "/settings/objects/{object}",
            get(objects::show).post(objects::rename),
        )
        .route(
            "/settings/objects/{object}/fields",
            post(objects::add_field),
        )
        .route(
            "/settings/objects/{object}/fields/{field}",
            get(field::show).post(field::save),
        )
        .route("/settings/users", get(org::users).post(org::create_user))
        .route(
            "/settings/users/{id}",
            get(org::user).post(org::update_user),
        )
        .route("/settings/teams", get(org::teams).post(org::save_team))
        .route("/settings/teams/{id}", get(org::team))
        .route("/settings/roles", get(roles::list).post(roles::create))
        .route("/settings/roles/{role}", get(roles::show).post(roles::save))
        .route(
            "/settings/roles/{role}/{object}",
            get(roles::fields).post(roles::save_fields),
        )
        .route("/settings/duplicates", get(duplicates::show))
        .route("/settings/pools", get(pools::list).post(pools::save))
        .route("/settings/pools/{id}", get(pools::edit))
        .route("/settings/sales", get(sales::show).post(sales::save_rules))
        .route("/settings/sales/processes", post(sales::save_process))
        .route("/settings/sales/processes/{id}", get(sales::edit))
        .route("/settings/duplicates/{object}", post(duplicates::save))
        .route(
            "/settings/documents",
            get(documents::show).post(documents::save),
        )
        .route(
            "/settings/approvals",
            get(approvals::list).post(approvals::save),
        )
        .route("/settings/approvals/{id}", get(approvals::edit))
        .route("/settings/approvals/{id}/arrange", post(approvals::arrange))
}

async fn script() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/javascript; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.js"),
    )
}

async fn icon() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "image/svg+xml"),
            (CACHE_CONTROL, "public, max-age=86400"),
        ],
        include_str!("../static/icon.svg"),
    )
}

async fn stylesheet() -> impl IntoResponse {
    (
        [
            (CONTENT_TYPE, "text/css; charset=utf-8"),
            (CACHE_CONTROL, "public, max-age=3600"),
        ],
        include_str!("../static/app.css"),
    )
}
