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

use axum::http::StatusCode;

use crate::error::ApiError;

/// Declares routes once: the router is built from the table, and the table's constant lists
/// the same (path, methods) for the OpenAPI document's test, so the two cannot drift.
macro_rules! route_table {
    ($(#[$doc:meta])* $table:ident, $router:ident; $($path:literal => $($method:ident($handler:path)),+;)*) => {
        $(#[$doc])*
        pub const $table: &[(&str, &[&str])] = &[$(($path, &[$(stringify!($method)),+])),*];

        /// The router of the same table.
        pub fn $router() -> axum::Router<$crate::AppState> {
            axum::Router::new()
                $(.route($path, axum::routing::MethodRouter::new()$(.$method($handler))+))*
                .method_not_allowed_fallback($crate::api::method_not_allowed)
        }
    };
}
pub(crate) use route_table;

route_table! {
    /// Every route of the JSON API under `/api/v1`: its path and methods, as the router has them.
    API_ROUTES, routes;
    "/auth/login" => post(auth::login);
    "/auth/logout" => post(auth::logout);
    "/me" => get(auth::me);
    "/me/password" => post(auth::change_password);
    "/me/tokens" => post(auth::create_token);
    "/me/tokens/{id}" => delete(auth::delete_token);
    "/meta/objects" => get(meta::list_objects), post(meta::add_object);
    "/meta/objects/{object}" => get(meta::get_object), patch(meta::update_object);
    "/meta/objects/{object}/fields" => post(meta::add_field);
    "/meta/objects/{object}/fields/{field}" => patch(meta::update_field);
    "/admin/settings" => get(settings::get_settings), patch(settings::patch_settings);
    "/admin/teams" => get(admin::list_teams), post(admin::create_team);
    "/admin/teams/{id}" => patch(admin::update_team);
    "/admin/users" => get(admin::list_users), post(admin::create_user);
    "/admin/users/{id}" => patch(admin::update_user);
    "/admin/audit" => get(admin::audit);
    "/admin/roles" => get(admin::list_roles), post(admin::create_role);
    "/admin/roles/{role}/objects/{object}" => put(admin::set_role_object);
    "/admin/roles/{role}/fields/{object}/{field}" => put(admin::set_role_field);
    "/records/{object}" => get(records::list), post(records::create);
    "/records/{object}/query" => post(records::query);
    "/records/{object}/batch" => post(records::batch);
    "/records/{object}/transfer" => post(records::transfer);
    "/records/{object}/export" => get(records::export);
    "/records/{object}/{id}" => get(records::get), patch(records::update), delete(records::delete);
    "/records/{object}/{id}/history" => get(bin::history);
    "/records/{object}/{id}/convert" => post(records::convert);
    "/records/{object}/{id}/submit" => post(sales_docs::submit);
    "/records/{object}/{id}/send" => post(sales_docs::send);
    "/records/{object}/{id}/accept" => post(sales_docs::accept);
    "/records/{object}/{id}/reject" => post(sales_docs::reject);
    "/records/{object}/{id}/revise" => post(sales_docs::revise);
    "/records/{object}/{id}/order" => post(sales_docs::order);
    "/records/{object}/{id}/approvals" => get(sales_docs::trail);
    "/approvals" => get(sales_docs::waiting);
    "/document-templates" => get(documents::templates), post(documents::create_template);
    "/document-templates/preview" => post(documents::preview);
    "/document-templates/fields" => get(documents::merge_fields);
    "/document-templates/{id}" => get(documents::template), put(documents::update_template), delete(documents::delete_template);
    "/records/{object}/{id}/print" => get(documents::print);
    "/records/{object}/{id}/documents" => get(documents::documents), post(documents::generate);
    "/documents/{id}" => get(documents::content);
    "/documents/{id}/send" => post(documents::send);
    "/approvals/{id}/approve" => post(sales_docs::approve);
    "/approvals/{id}/reject" => post(sales_docs::refuse);
    "/admin/approval-flows" => get(sales_docs::flows), put(sales_docs::set_flows);
    "/admin/sales-documents" => get(sales_docs::settings), patch(sales_docs::set_settings);
    "/records/{object}/{id}/timeline" => get(records::timeline);
    "/records/{object}/{id}/shares" => get(sharing::list_shares), post(sharing::share);
    "/records/{object}/{id}/shares/{share}" => delete(sharing::unshare);
    "/admin/groups" => get(sharing::list_groups), post(sharing::create_group);
    "/admin/groups/{id}" => patch(sharing::update_group);
    "/records/{object}/{id}/history/{entry}/revert" => post(bin::revert);
    "/duplicates/check" => get(duplicates::check);
    "/duplicates/groups" => get(duplicates::groups);
    "/duplicates/merge" => post(duplicates::merge);
    "/admin/duplicate-rules" => get(duplicates::rules);
    "/admin/duplicate-rules/{object}" => put(duplicates::set_rules);
    "/pools" => get(pools::list), post(pools::create);
    "/pools/{id}" => get(pools::get), patch(pools::update);
    "/pools/{id}/records" => get(pools::records);
    "/pools/{id}/records/{record}" => get(pools::record);
    "/pools/{id}/claim" => post(pools::claim);
    "/pools/{id}/assign" => post(pools::assign);
    "/pools/{id}/release" => post(pools::release);
    "/pools/{id}/distribute" => post(pools::distribute);
    "/processes" => get(sales::processes);
    "/admin/processes" => post(sales::create_process);
    "/admin/processes/{id}" => patch(sales::update_process);
    "/records/opportunity/{id}/stages" => get(sales::stage_changes);
    "/analytics/funnel" => get(sales::funnel);
    "/analytics/forecast" => get(sales::forecast);
    "/analytics/team" => get(sales::team);
    "/analytics/collections" => get(sales::collections);
    "/analytics/orders" => get(sales::order_stats);
    "/notifications" => get(notifications::list);
    "/notifications/read-all" => post(notifications::read_all);
    "/notifications/{id}/read" => post(notifications::read_one);
    "/recycle-bin" => get(bin::list);
    "/recycle-bin/{object}/{id}" => delete(bin::purge);
    "/recycle-bin/{object}/{id}/restore" => post(bin::restore);
}

pub async fn not_found() -> ApiError {
    ApiError::new(
        StatusCode::NOT_FOUND,
        "not_found",
        "there is no such path; see /api/openapi.json",
    )
}

pub(crate) async fn method_not_allowed() -> ApiError {
    ApiError::new(
        StatusCode::METHOD_NOT_ALLOWED,
        "invalid_request",
        "this path does not take that method; see /api/openapi.json",
    )
}
