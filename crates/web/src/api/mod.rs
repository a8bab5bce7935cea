//! The JSON API's routes, one module per area.

pub mod auth;
pub mod health;
pub mod meta;
pub mod records;
pub mod settings;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{delete, get, post};

use crate::AppState;
use crate::error::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/me", get(auth::me))
        .route("/me/tokens", post(auth::create_token))
        .route("/me/tokens/{id}", delete(auth::delete_token))
        .route(
            "/meta/objects",
            get(meta::list_objects).post(meta::add_object),
        )
        .route("/meta/objects/{object}", get(meta::get_object))
        .route("/meta/objects/{object}/fields", post(meta::add_field))
        .route(
            "/admin/settings",
            get(settings::get_settings).patch(settings::patch_settings),
        )
        .route(
            "/records/{object}",
            get(records::list).post(records::create),
        )
        .route("/records/{object}/query", post(records::query))
        .route("/records/{object}/batch", post(records::batch))
        .route(
            "/records/{object}/{id}",
            get(records::get)
                .patch(records::update)
                .delete(records::delete),
        )
        .method_not_allowed_fallback(method_not_allowed)
}

pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "there is no such path; see /api/openapi.json",
    )
}

async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "invalid_request",
        "this path does not take that method; see /api/openapi.json",
    )
}
