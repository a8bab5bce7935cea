//! The OpenAPI document describes every route the server has, and no route it lacks: the
//! routes are read from the tables the router itself is built from.

use pelagic_testkit::each_backend;
use pelagic_web::{API_ROUTES, OTHER_ROUTES};
use serde_json::Value;

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
        for (route, methods) in API_ROUTES.iter().copied() {
            if PER_OBJECT.contains(&route) {
                for o in &objects {
                    check(format!("/api/v1{}", route.replace("{object}", o)), methods);
                }
            } else {
                check(format!("/api/v1{route}"), methods);
            }
        }
        for (route, methods) in OTHER_ROUTES.iter().copied() {
            check(route.to_owned(), methods);
        }
        assert!(
            missing.is_empty(),
            "routes missing from /api/openapi.json: {missing:#?}"
        );
    })
    .await;
}

/// The keys of a path item that are methods.
const METHODS: [&str; 7] = ["get", "post", "put", "patch", "delete", "head", "options"];

/// Whether a concrete path of the document is served by the route `pattern` (`{…}` segments
/// match any one segment).
fn served_by(path: &str, pattern: &str) -> bool {
    let (p, q): (Vec<&str>, Vec<&str>) = (path.split('/').collect(), pattern.split('/').collect());
    p.len() == q.len()
        && p.iter()
            .zip(&q)
            .all(|(a, b)| a == b || (b.starts_with('{') && b.ends_with('}')))
}

#[tokio::test]
async fn the_openapi_document_describes_no_route_the_server_lacks() {
    each_backend(|t| async move {
        let doc = t.http.get("/api/openapi.json", None).await;
        let paths = doc.body["paths"].as_object().expect("paths").clone();
        let routes: Vec<(String, &[&str])> = API_ROUTES
            .iter()
            .map(|(r, m)| (format!("/api/v1{r}"), *m))
            .chain(OTHER_ROUTES.iter().map(|(r, m)| ((*r).to_owned(), *m)))
            .collect();
        let mut stray = Vec::new();
        for (path, item) in &paths {
            let methods: Vec<&str> = item
                .as_object()
                .map(|o| {
                    o.keys()
                        .map(String::as_str)
                        .filter(|k| METHODS.contains(k))
                        .collect()
                })
                .unwrap_or_default();
            for m in methods {
                if !routes
                    .iter()
                    .any(|(r, ms)| served_by(path, r) && ms.contains(&m))
                {
                    stray.push(format!("{} {path}", m.to_uppercase()));
                }
            }
        }
        assert!(stray.is_empty(), "described but not served: {stray:#?}");
    })
    .await;
}
