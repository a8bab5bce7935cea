//! Duplicate protection (checks while typing, groups, merging, rules) and sharing (project
//! groups, record shares) in the OpenAPI document.

use serde_json::{Map, Value, json};

use crate::openapi::{body, ok, op, responses};

fn query(name: &str, required: bool, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": required, "description": description, "schema": { "type": "string" } })
}

pub(crate) fn duplicate_paths(p: &mut Map<String, Value>) {
    let owner = json!({ "type": "object", "properties": { "id": { "type": ["string", "null"] }, "name": { "type": ["string", "null"] } } });
    let hit = json!({ "type": "object", "properties": {
        "field": { "type": "string", "description": "the field of the checked values that matched" },
        "object": { "type": "string" }, "existing_id": { "type": "string" }, "owner": owner,
        "message": { "type": "string" } } });
    p.insert("/api/v1/duplicates/check".into(), json!({
        "parameters": [
            query("object", true, "the object being filled in"),
            query("exclude_id", false, "the record being edited, which does not count"),
            query("{field}", false, "any number of field=value pairs as typed, e.g. name=…&phone=…"),
        ],
        "get": op("Which records already hold these values under the duplicate rules (leads, accounts and contacts share phone, email and company keys)",
            responses("200", ok("one entry per matching field", json!({ "type": "object", "properties": { "data": { "type": "array", "items": hit } } }))), json!({})) }));
    p.insert("/api/v1/duplicates/groups".into(), json!({
        "parameters": [query("object", true, "the object"), query("limit", false, "groups per page, 1–100 (default 50)"), query("cursor", false, "next_cursor of the previous page")],
        "get": op("Groups of readable records that share a duplicate key (entered before a rule existed)",
            responses("200", ok("groups", json!({ "type": "object", "properties": {
                "data": { "type": "array", "items": { "type": "object", "properties": { "field": { "type": "string" }, "records": { "type": "array", "items": { "type": "object" } } } } },
                "next_cursor": { "type": ["string", "null"] } } }))), json!({})) }));
    let merge_in = json!({ "type": "object", "required": ["object", "survivor_id", "loser_id"], "properties": {
        "object": { "type": "string" }, "survivor_id": { "type": "string" }, "loser_id": { "type": "string" } } });
    p.insert("/api/v1/duplicates/merge".into(), json!({
        "post": op("Merge two records: the survivor keeps its values and fills its empty fields from the loser; related records, follow-ups and history move to it; the loser goes to the recycle bin",
            responses("200", ok("the survivor", json!({ "type": "object" }))), json!({ "requestBody": body(merge_in) })) }));
    let rule = json!({ "type": "object", "required": ["field"], "properties": {
        "field": { "type": "string" },
        "match": { "type": "string", "enum": ["company", "phone", "email", "text"], "description": "company: normalised company name (case, width, spaces, legal forms); phone: E.164; email: case-insensitive; text: folded text within the object" } } });
    p.insert("/api/v1/admin/duplicate-rules".into(), json!({
        "get": op("Every object's duplicate rules (administrators)", responses("200", ok("object → rules", json!({ "type": "object", "properties": { "data": { "type": "object", "additionalProperties": { "type": "array", "items": rule } } } }))), json!({})) }));
    p.insert("/api/v1/admin/duplicate-rules/{object}".into(), json!({
        "parameters": [{ "name": "object", "in": "path", "required": true, "schema": { "type": "string" } }],
        "put": op("Replace an object's duplicate rules; existing records are keyed again, the oldest holding each key",
            responses("200", ok("the rules", json!({ "type": "object", "properties": { "object": { "type": "string" }, "rules": { "type": "array", "items": rule } } }))),
            json!({ "requestBody": body(json!({ "type": "object", "required": ["rules"], "properties": { "rules": { "type": "array", "items": rule } } })) })) }));
}

/// Project groups and record sharing.
pub(crate) fn sharing_paths(p: &mut Map<String, Value>) {
    let id_param = |names: &[&str]| -> Value {
        names
            .iter()
            .map(|n| json!({ "name": n, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect()
    };
    let group = json!({ "type": "object", "properties": { "id": { "type": "string" }, "name": { "type": "string" },
        "members": { "type": "array", "items": { "type": "string" } } } });
    let group_in = json!({ "type": "object", "properties": { "name": { "type": "string" },
        "members": { "type": "array", "items": { "type": "string" }, "description": "user ids; replaces the list" } } });
    p.insert("/api/v1/admin/groups".into(), json!({
        "get": op("Project groups with their members (administrators)", responses("200", ok("groups", json!({ "type": "object", "properties": { "data": { "type": "array", "items": group } } }))), json!({})),
        "post": op("Create a project group", responses("201", ok("the group", group.clone())), json!({ "requestBody": body(group_in.clone()) })) }));
    p.insert("/api/v1/admin/groups/{id}".into(), json!({ "parameters": id_param(&["id"]),
        "patch": op("Rename a group or replace its members", responses("200", ok("the group", group)), json!({ "requestBody": body(group_in) })) }));
    let share = json!({ "type": "object", "properties": {
        "id": { "type": "string" }, "grantee_type": { "type": "string", "enum": ["user", "group"] }, "grantee_id": { "type": "string" },
        "access": { "type": "string", "enum": ["read", "edit"] }, "until": { "type": ["string", "null"], "format": "date-time" },
        "created_by": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" } } });
    let share_in = json!({ "type": "object", "required": ["access"], "properties": {
        "user_id": { "type": "string" }, "group_id": { "type": "string" }, "access": { "type": "string", "enum": ["read", "edit"] },
        "until": { "type": "string", "description": "RFC 3339 time, or a date meaning the end of that day" } } });
    p.insert("/api/v1/records/{object}/{id}/shares".into(), json!({ "parameters": id_param(&["object", "id"]),
        "get": op("Who a record is shared with (those who may edit it by their role)", responses("200", ok("shares", json!({ "type": "object", "properties": { "data": { "type": "array", "items": share } } }))), json!({})),
        "post": op("Share a record with a user or a project group, to read or to read and edit, optionally until a time", responses("201", ok("the share", share)), json!({ "requestBody": body(share_in) })) }));
    p.insert("/api/v1/records/{object}/{id}/shares/{share}".into(), json!({ "parameters": id_param(&["object", "id", "share"]),
        "delete": op("End a share", responses("204", json!({ "description": "ended" })), json!({})) }));
}
