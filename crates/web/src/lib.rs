//! Pelagic's HTTP surface: the JSON API under `/api/v1`, the OpenAPI document, the health check,
//! and the layers every response passes (limits, timeouts, security headers, the client behind
//! the proxies). The pages come from `pelagic-ui`, merged in by the binary; this crate does not
//! depend on them. Handlers are thin: extract, make one call into the app, render.

mod api;
mod calendar;
mod error;
mod extract;
mod headers;
mod openapi;
mod openapi_admin;
mod openapi_documents;
mod openapi_pipeline;
mod openapi_sales;
mod openapi_sharing;

use std::sync::Arc;
use std::time::Duration;

use axum::extract::DefaultBodyLimit;
use axum::{Router, middleware};
use pelagic_app::App;
use tower_http::catch_panic::CatchPanicLayer;
use tower_http::timeout::TimeoutLayer;
use tower_http::trace::TraceLayer;

pub use error::ApiError;
pub use pelagic_http::edge::Edge;

api::route_table! {
    /// The routes beside the API: the health check, the OpenAPI document, calendar feeds.
    OTHER_ROUTES, site_routes;
    "/healthz" => get(api::health::healthz);
    "/api/openapi.json" => get(openapi::document);
    "/calendar/{file}" => get(calendar::feed);
}

pub use api::API_ROUTES;

/// Largest request body accepted (a batch of 1,000 records fits comfortably).
pub const MAX_BODY_BYTES: usize = 4 * 1024 * 1024;

/// What every handler shares.
#[derive(Clone)]
pub struct AppState {
    pub app: Arc<App>,
}

/// The API with no pages, reached directly (no proxy in front, no HTTPS).
pub fn router(app: Arc<App>) -> Router {
    router_behind(app, Edge::default(), Router::new())
}

/// The whole HTTP application: the API and `pages` (the web interface's routes), reached
/// through `edge` (the proxies trusted to name clients, and whether the public address is
/// HTTPS), every response through the same layers.
pub fn router_behind(app: Arc<App>, edge: Edge, pages: Router) -> Router {
    let state = AppState { app };
    Router::new()
        .merge(site_routes())
        .nest("/api/v1", api::routes())
        .with_state(state)
        .merge(pages)
        .fallback(api::not_found)
        .layer(DefaultBodyLimit::max(MAX_BODY_BYTES))
        .layer(TimeoutLayer::with_status_code(
            axum::http::StatusCode::SERVICE_UNAVAILABLE,
            Duration::from_secs(30),
        ))
        .layer(CatchPanicLayer::custom(error::panic_response))
        .layer(middleware::from_fn(headers::secure))
        .layer(middleware::from_fn_with_state(
            Arc::new(edge),
            pelagic_http::edge::resolve,
        ))
        .layer(TraceLayer::new_for_http())
}

/// Serves the API and `pages` on a bound listener until `shutdown` resolves, then lets
/// requests in flight finish.
pub async fn serve(
    listener: tokio::net::TcpListener,
    app: Arc<App>,
    edge: Edge,
    pages: Router,
    shutdown: impl std::future::Future<Output = ()> + Send + 'static,
) -> std::io::Result<()> {
    // The peer address (or, from a trusted proxy, the client it names) is what sign-in
    // throttling counts per address.
    axum::serve(
        listener,
        router_behind(app, edge, pages)
            .into_make_service_with_connect_info::<std::net::SocketAddr>(),
    )
    .with_graceful_shutdown(shutdown)
    .await
}
