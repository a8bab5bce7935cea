//! Pelagic's web interface: pages rendered on the server from the same metadata as the API, in
//! English, Simplified and Traditional Chinese, Spanish and Russian. Every page works without
//! scripts; the one stylesheet is ours and served from the binary.

mod conditions;
mod display;
mod form_values;
pub mod i18n;
mod inputs;
mod pages;
pub mod session;
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
        .route("/o/{object}", get(pages::list::list))
        .route(
            "/o/{object}/new",
            get(pages::form::new).post(pages::form::create),
        )
        .route("/o/{object}/views", post(pages::views::save))
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
        .route("/static/app.css", get(stylesheet))
        .with_state(UiState { app })
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
