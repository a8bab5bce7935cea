//! The OpenAPI document describes every route the server has.

use pelagic_testkit::each_backend;
use serde_json::Value;

/// Every route of the JSON API (`api::routes()`, under `/api/v1`), in its order there, with its
/// methods. Add a route there and here, and describe it in the document.
const API_ROUTES: &[(&str, &[&str])] = &[
    ("/auth/login", &["post"]),
    ("/auth/logout", &["post"]),
    ("/me", &["get"]),
    ("/me/password", &["post"]),
    ("/me/tokens", &["post"]),
    ("/me/tokens/{id}", &["delete"]),
    ("/meta/objects", &["get", "post"]),
    ("/meta/objects/{object}", &["get", "patch"]),
    ("/meta/objects/{object}/fields", &["post"]),
    ("/meta/objects/{object}/fields/{field}", &["patch"]),
    ("/admin/settings", &["get", "patch"]),
    ("/admin/teams", &["get", "post"]),
    ("/admin/teams/{id}", &["patch"]),
    ("/admin/users", &["get", "post"]),
    ("/admin/users/{id}", &["patch"]),
    ("/admin/audit", &["get"]),
    ("/admin/roles", &["get", "post"]),
    ("/admin/roles/{role}/objects/{object}", &["put"]),
    ("/admin/roles/{role}/fields/{object}/{field}", &["put"]),
    ("/records/{object}", &["get", "post"]),
    ("/records/{object}/query", &["post"]),
    ("/records/{object}/batch", &["post"]),
    ("/records/{object}/transfer", &["post"]),
    ("/records/{object}/export", &["get"]),
    ("/records/{object}/{id}", &["get", "patch", "delete"]),
    ("/records/{object}/{id}/history", &["get"]),
    ("/records/{object}/{id}/convert", &["post"]),
    ("/records/{object}/{id}/submit", &["post"]),
    ("/records/{object}/{id}/send", &["post"]),
    ("/records/{object}/{id}/accept", &["post"]),
    ("/records/{object}/{id}/reject", &["post"]),
    ("/records/{object}/{id}/revise", &["post"]),
    ("/records/{object}/{id}/order", &["post"]),
    ("/records/{object}/{id}/approvals", &["get"]),
    ("/approvals", &["get"]),
    ("/document-templates", &["get", "post"]),
    ("/document-templates/preview", &["post"]),
    ("/document-templates/fields", &["get"]),
    ("/document-templates/{id}", &["get", "put", "delete"]),
    ("/records/{object}/{id}/print", &["get"]),
    ("/records/{object}/{id}/documents", &["get", "post"]),
    ("/documents/{id}", &["get"]),
    ("/documents/{id}/send", &["post"]),
    ("/approvals/{id}/approve", &["post"]),
    ("/approvals/{id}/reject", &["post"]),
    ("/admin/approval-flows", &["get", "put"]),
    ("/admin/sales-documents", &["get", "patch"]),
    ("/records/{object}/{id}/timeline", &["get"]),
    ("/records/{object}/{id}/shares", &["get", "post"]),
    ("/records/{object}/{id}/shares/{share}", &["delete"]),
    ("/admin/groups", &["get", "post"]),
    ("/admin/groups/{id}", &["patch"]),
    ("/records/{object}/{id}/history/{entry}/revert", &["post"]),
    ("/duplicates/check", &["get"]),
    ("/duplicates/groups", &["get"]),
    ("/duplicates/merge", &["post"]),
    ("/admin/duplicate-rules", &["get"]),
    ("/admin/duplicate-rules/{object}", &["put"]),
    ("/pools", &["get", "post"]),
    ("/pools/{id}", &["get", "patch"]),
    ("/pools/{id}/records", &["get"]),
    ("/pools/{id}/records/{record}", &["get"]),
    ("/pools/{id}/claim", &["post"]),
    ("/pools/{id}/assign", &["post"]),
    ("/pools/{id}/release", &["post"]),
    ("/pools/{id}/distribute", &["post"]),
    ("/processes", &["get"]),
    ("/admin/processes", &["post"]),
    ("/admin/processes/{id}", &["patch"]),
    ("/records/opportunity/{id}/stages", &["get"]),
    ("/analytics/funnel", &["get"]),
    ("/analytics/forecast", &["get"]),
    ("/analytics/team", &["get"]),
    ("/analytics/collections", &["get"]),
    ("/analytics/orders", &["get"]),
    ("/notifications", &["get"]),
    ("/notifications/read-all", &["post"]),
    ("/notifications/{id}/read", &["post"]),
    ("/recycle-bin", &["get"]),
    ("/recycle-bin/{object}/{id}", &["delete"]),
    ("/recycle-bin/{object}/{id}/restore", &["post"]),
];

/// The routes outside `/api/v1`.
const OTHER_ROUTES: &[(&str, &[&str])] = &[
    ("/healthz", &["get"]),
    ("/api/openapi.json", &["get"]),
    ("/calendar/{file}", &["get"]),
];

/// Routes the document lists once per object (`/api/v1/records/lead`, …), with its schemas.
const PER_OBJECT: [&str; 4] = [
    "/records/{object}",
    "/records/{object}/query",
    "/records/{object}/batch",
    "/records/{object}/{id}",
];

#[tokio::test]
async fn every_api_route_is_in_the_openapi_document() {
    each_backend(|t| async move {
        let doc = t.http.get("/api/openapi.json", None).await;
        assert_eq!(doc.status, 200);
        let paths = doc.body["paths"].as_object().expect("paths").clone();
        let admin = t.admin().await;
        let objects = t.http.get("/api/v1/meta/objects", Some(&admin)).await;
        let objects: Vec<String> = objects.body["data"]
            .as_array()
            .expect("objects")
            .iter()
            .map(|o| o["name"].as_str().expect("object name").to_owned())
            .collect();
        assert!(objects.iter().any(|o| o == "lead"), "{objects:?}");
        let mut missing = Vec::new();
        let mut check = |path: String, methods: &[&str]| match paths.get(&path) {
            None => missing.push(path),
            Some(item) => {
                for m in methods {
                    if item.get(*m).is_none_or(Value::is_null) {
                        missing.push(format!("{} {path}", m.to_uppercase()));
                    }
                }
            }
        };
        for (route, methods) in API_ROUTES {
            if PER_OBJECT.contains(route) {
                for o in &objects {
                    check(format!("/api/v1{}", route.replace("{object}", o)), methods);
                }
            } else {
                check(format!("/api/v1{route}"), methods);
            }
        }
        for (route, methods) in OTHER_ROUTES {
            check((*route).to_owned(), methods);
        }
        assert!(
            missing.is_empty(),
            "routes missing from /api/openapi.json: {missing:#?}"
        );
    })
    .await;
}
