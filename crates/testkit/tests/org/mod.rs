//! The organisation the permission tests share, and what a user sees of it.

// Each test file uses a different part of it.
#![allow(dead_code)]

use pelagic_testkit::TestApp;
use serde_json::json;

/// Team "East" with the sub-team "East Schools", team "West"; a manager of East, salespeople in
/// each, and an administrator.
pub struct Org {
    pub admin: String,
    pub manager: String,
    pub east: String,
    pub east_peer: String,
    pub schools: String,
    pub west: String,
}

pub async fn org(t: &TestApp) -> Org {
    let admin = t.admin().await;
    let manager = t
        .member_token("manager@example.com", "manager", Some("East"))
        .await;
    let east = t
        .member_token("east@example.com", "sales", Some("East"))
        .await;
    let east_peer = t
        .member_token("peer@example.com", "sales", Some("East"))
        .await;
    let schools = t
        .member_token("schools@example.com", "sales", Some("East Schools"))
        .await;
    let west = t
        .member_token("west@example.com", "sales", Some("West"))
        .await;
    let teams = t.http.get("/api/v1/admin/teams", Some(&admin)).await;
    let id_of = |name: &str| {
        teams.body["data"]
            .as_array()
            .unwrap()
            .iter()
            .find(|x| x["name"] == name)
            .unwrap()["id"]
            .clone()
    };
    let moved = t
        .http
        .patch(
            &format!(
                "/api/v1/admin/teams/{}",
                id_of("East Schools").as_str().unwrap()
            ),
            Some(&admin),
            &json!({ "parent_id": id_of("East") }),
        )
        .await;
    assert_eq!(moved.status, 200, "{}", moved.body);
    Org {
        admin,
        manager,
        east,
        east_peer,
        schools,
        west,
    }
}

pub async fn names_seen(t: &TestApp, token: &str, query: &str) -> Vec<String> {
    let r = t
        .http
        .get(&format!("/api/v1/records/account?{query}"), Some(token))
        .await;
    assert_eq!(r.status, 200, "{}", r.body);
    let mut names: Vec<String> = r.body["data"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["name"].as_str().unwrap().to_owned())
        .collect();
    names.sort();
    names
}

pub async fn total(t: &TestApp, token: &str) -> i64 {
    let r = t
        .http
        .get("/api/v1/records/account?count=true", Some(token))
        .await;
    r.body["total"].as_i64().unwrap()
}
