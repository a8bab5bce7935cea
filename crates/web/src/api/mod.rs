//! The JSON API's routes, one module per area.

pub mod admin;
pub mod auth;
pub mod bin;
pub mod documents;
pub mod duplicates;
pub mod health;
pub mod meta;
pub mod notifications;
pub mod pools;
pub mod records;
pub mod sales;
pub mod sales_docs;
pub mod settings;
pub mod sharing;

use axum::Router;
use axum::http::StatusCode;
use axum::routing::{delete, get, patch, post, put};

use crate::AppState;
use crate::error::ApiError;

pub fn routes() -> Router<AppState> {
    Router::new()
        .route("/auth/login", post(auth::login))
        .route("/auth/logout", post(auth::logout))
        .route("/me", get(auth::me))
        .route("/me/password", post(auth::change_password))
        .route("/me/tokens", post(auth::create_token))
        .route("/me/tokens/{id}", delete(auth::delete_token))
        .route(
            "/meta/objects",
            get(meta::list_objects).post(meta::add_object),
        )
        .route(
            "/meta/objects/{object}",
            get(meta::get_object).patch(meta::update_object),
        )
        .route("/meta/objects/{object}/fields", post(meta::add_field))
        .route(
            "/meta/objects/{object}/fields/{field}",
            patch(meta::update_field),
        )
        .route(
            "/admin/settings",
            get(settings::get_settings).patch(settings::patch_settings),
        )
        .route(
            "/admin/teams",
            get(admin::list_teams).post(admin::create_team),
        )
        .route("/admin/teams/{id}", patch(admin::update_team))
        .route(
            "/admin/users",
            get(admin::list_users).post(admin::create_user),
        )
        .route("/admin/users/{id}", patch(admin::update_user))
        .route("/admin/audit", get(admin::audit))
        .route(
            "/admin/roles",
            get(admin::list_roles).post(admin::create_role),
        )
        .route(
            "/admin/roles/{role}/objects/{object}",
            put(admin::set_role_object),
        )
        .route(
            "/admin/roles/{role}/fields/{object}/{field}",
            put(admin::set_role_field),
        )
        .route(
            "/records/{object}",
            get(records::list).post(records::create),
        )
        .route("/records/{object}/query", post(records::query))
        .route("/records/{object}/batch", post(records::batch))
        .route("/records/{object}/transfer", post(records::transfer))
        .route("/records/{object}/export", get(records::export))
        .route(
            "/records/{object}/{id}",
            get(records::get)
                .patch(records::update)
                .delete(records::delete),
        )
        .route("/records/{object}/{id}/history", get(bin::history))
        .route("/records/{object}/{id}/convert", post(records::convert))
        .route("/records/{object}/{id}/submit", post(sales_docs::submit))
        .route("/records/{object}/{id}/send", post(sales_docs::send))
        .route("/records/{object}/{id}/accept", post(sales_docs::accept))
        .route("/records/{object}/{id}/reject", post(sales_docs::reject))
        .route("/records/{object}/{id}/revise", post(sales_docs::revise))
        .route("/records/{object}/{id}/order", post(sales_docs::order))
        .route("/records/{object}/{id}/approvals", get(sales_docs::trail))
        .route("/approvals", get(sales_docs::waiting))
        .route(
            "/document-templates",
            get(documents::templates).post(documents::create_template),
        )
        .route("/document-templates/preview", post(documents::preview))
        .route("/document-templates/fields", get(documents::merge_fields))
        .route(
            "/document-templates/{id}",
            get(documents::template)
                .put(documents::update_template)
                .delete(documents::delete_template),
        )
        .route("/records/{object}/{id}/print", get(documents::print))
        .route(
            "/records/{object}/{id}/documents",
            get(documents::documents).post(documents::generate),
        )
        .route("/documents/{id}", get(documents::content))
        .route("/documents/{id}/send", post(documents::send))
        .route("/approvals/{id}/approve", post(sales_docs::approve))
        .route("/approvals/{id}/reject", post(sales_docs::refuse))
        .route(
            "/admin/approval-flows",
            get(sales_docs::flows).put(sales_docs::set_flows),
        )
        .route(
            "/admin/sales-documents",
            get(sales_docs::settings).patch(sales_docs::set_settings),
        )
        .route("/records/{object}/{id}/timeline", get(records::timeline))
        .route(
            "/records/{object}/{id}/shares",
            get(sharing::list_shares).post(sharing::share),
        )
        .route(
            "/records/{object}/{id}/shares/{share}",
            delete(sharing::unshare),
        )
        .route(
            "/admin/groups",
            get(sharing::list_groups).post(sharing::create_group),
        )
        .route("/admin/groups/{id}", patch(sharing::update_group))
        .route(
            "/records/{object}/{id}/history/{entry}/revert",
            post(bin::revert),
        )
        .route("/duplicates/check", get(duplicates::check))
        .route("/duplicates/groups", get(duplicates::groups))
        .route("/duplicates/merge", post(duplicates::merge))
        .route("/admin/duplicate-rules", get(duplicates::rules))
        .route(
            "/admin/duplicate-rules/{object}",
            put(duplicates::set_rules),
        )
        .route("/pools", get(pools::list).post(pools::create))
        .route("/pools/{id}", get(pools::get).patch(pools::update))
        .route("/pools/{id}/records", get(pools::records))
        .route("/pools/{id}/records/{record}", get(pools::record))
        .route("/pools/{id}/claim", post(pools::claim))
        .route("/pools/{id}/assign", post(pools::assign))
        .route("/pools/{id}/release", post(pools::release))
        .route("/pools/{id}/distribute", post(pools::distribute))
        .route("/processes", get(sales::processes))
        .route("/admin/processes", post(sales::create_process))
        .route("/admin/processes/{id}", patch(sales::update_process))
        .route(
            "/records/opportunity/{id}/stages",
            get(sales::stage_changes),
        )
        .route("/analytics/funnel", get(sales::funnel))
        .route("/analytics/forecast", get(sales::forecast))
        .route("/analytics/team", get(sales::team))
        .route("/analytics/collections", get(sales::collections))
        .route("/analytics/orders", get(sales::order_stats))
        .route("/notifications", get(notifications::list))
        .route("/notifications/read-all", post(notifications::read_all))
        .route("/notifications/{id}/read", post(notifications::read_one))
        .route("/recycle-bin", get(bin::list))
        .route("/recycle-bin/{object}/{id}", delete(bin::purge))
        .route("/recycle-bin/{object}/{id}/restore", post(bin::restore))
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
