//! Endpoints beyond records in the OpenAPI document: administration (teams, users, roles and
//! permissions), the recycle bin and record history.

use serde_json::{Map, Value, json};

use crate::openapi::{body, ok, op, responses};

pub(crate) fn path_params(names: &[&str]) -> Value {
    Value::Array(
        names
            .iter()
            .map(|n| json!({ "name": n, "in": "path", "required": true, "schema": { "type": "string" } }))
            .collect(),
    )
}

/// An optional (unless `required`) query parameter.
pub(crate) fn query_param(name: &str, required: bool, schema: Value, description: &str) -> Value {
    json!({ "name": name, "in": "query", "required": required, "description": description, "schema": schema })
}

/// `{"data": [item, …]}`.
pub(crate) fn data_list(item: &Value) -> Value {
    json!({ "type": "object", "properties": { "data": { "type": "array", "items": item } } })
}

fn object_schema(props: &[(&str, Value)], required: &[&str]) -> Value {
    let properties: Map<String, Value> = props
        .iter()
        .map(|(k, v)| ((*k).to_owned(), v.clone()))
        .collect();
    json!({ "type": "object", "required": required, "properties": properties })
}

pub(crate) fn admin_paths(p: &mut Map<String, Value>) {
    let text = json!({ "type": "string" });
    let nullable_text = json!({ "type": ["string", "null"] });
    let team = object_schema(
        &[
            ("id", text.clone()),
            ("name", text.clone()),
            ("parent_id", nullable_text.clone()),
            ("manager_id", nullable_text.clone()),
        ],
        &["id", "name"],
    );
    let team_in = object_schema(
        &[
            ("name", text.clone()),
            ("parent_id", nullable_text.clone()),
            ("manager_id", nullable_text.clone()),
        ],
        &[],
    );
    let list = |item: &Value| json!({ "type": "object", "properties": { "data": { "type": "array", "items": item } } });
    p.insert("/api/v1/admin/teams".into(), json!({
        "get": op("Teams (administrators)", responses("200", ok("teams", list(&team))), json!({})),
        "post": op("Create a team, optionally below another and with a manager", responses("201", ok("the team", team.clone())), json!({ "requestBody": body(team_in.clone()) })),
    }));
    p.insert("/api/v1/admin/teams/{id}".into(), json!({ "parameters": path_params(&["id"]),
        "patch": op("Rename a team, move it in the tree or change its manager", responses("200", ok("the team", team)), json!({ "requestBody": body(team_in) })) }));

    let user = object_schema(
        &[
            ("id", text.clone()),
            ("email", text.clone()),
            ("name", text.clone()),
            ("role", text.clone()),
            ("team_id", nullable_text.clone()),
            ("active", json!({ "type": "boolean" })),
        ],
        &["id", "email", "name", "role", "active"],
    );
    let user_in = object_schema(
        &[
            ("email", text.clone()),
            ("name", text.clone()),
            ("password", text.clone()),
            ("role", text.clone()),
            ("team_id", nullable_text.clone()),
        ],
        &["email", "name", "password", "role"],
    );
    let user_change = object_schema(
        &[
            ("name", text.clone()),
            ("role", text.clone()),
            ("team_id", nullable_text),
            ("active", json!({ "type": "boolean" })),
        ],
        &[],
    );
    p.insert("/api/v1/admin/users".into(), json!({
        "get": op("Users (administrators)", responses("200", ok("users", list(&user))), json!({})),
        "post": op("Create a user", responses("201", ok("the user", user.clone())), json!({ "requestBody": body(user_in) })),
    }));
    p.insert("/api/v1/admin/users/{id}".into(), json!({ "parameters": path_params(&["id"]),
        "patch": op("Change a user's name, role or team, or disable them (their tokens end at once)", responses("200", ok("the user", user)), json!({ "requestBody": body(user_change) })) }));

    let event = json!({ "type": "object", "properties": {
        "id": { "type": "string" }, "at": { "type": "string", "format": "date-time" }, "user_id": { "type": ["string", "null"] },
        "action": { "type": "string", "description": "login, login_failed, login_throttled, logout, password_change, password_change_failed, role_create, role_scopes, field_access, user_create, user_update, team_create, team_update, group_create, group_update, duplicate_rules" },
        "subject": { "type": ["string", "null"] }, "detail": {}, "client": { "type": ["string", "null"] } } });
    p.insert("/api/v1/admin/audit".into(), json!({
        "parameters": [
            { "name": "action", "in": "query", "required": false, "schema": { "type": "string" } },
            { "name": "before", "in": "query", "required": false, "schema": { "type": "string" }, "description": "the id of the last event of the previous page" },
            { "name": "limit", "in": "query", "required": false, "schema": { "type": "integer", "minimum": 1, "maximum": 500 } }],
        "get": op("The security log, newest first: sign-ins and failures, password changes and permission changes (administrators)", responses("200", ok("events", list(&event))), json!({})) }));
    let scope = json!({ "type": "string", "enum": ["none", "own", "team", "team_tree", "all"] });
    let access = json!({ "type": "string", "enum": ["hidden", "masked", "read", "edit"] });
    let permissions = json!({ "type": "object", "properties": {
        "operations": { "type": "object", "additionalProperties": scope },
        "fields": { "type": "object", "additionalProperties": access } } });
    let role = object_schema(
        &[
            ("name", text.clone()),
            ("label", text.clone()),
            ("builtin", json!({ "type": "boolean" })),
            (
                "objects",
                json!({ "type": "object", "additionalProperties": permissions }),
            ),
        ],
        &["name", "label"],
    );
    p.insert("/api/v1/admin/roles".into(), json!({
        "get": op("Roles with their permissions on every object", responses("200", ok("roles", list(&role))), json!({})),
        "post": op("Create a role (it starts with no permissions)", responses("201", ok("the role", object_schema(&[("name", text.clone()), ("label", text.clone())], &[]))),
            json!({ "requestBody": body(object_schema(&[("name", text.clone()), ("label", text)], &["name", "label"])) })),
    }));
    let scopes_in = json!({ "type": "object", "description": "operation (create, read, edit, delete, export, import, transfer) → scope", "additionalProperties": scope });
    let result = json!({ "type": "object", "properties": { "role": { "type": "string" }, "object": { "type": "string" }, "permissions": permissions } });
    p.insert("/api/v1/admin/roles/{role}/objects/{object}".into(), json!({ "parameters": path_params(&["role", "object"]),
        "put": op("Set which records each operation of a role reaches on an object", responses("200", ok("the role's permissions on the object", result.clone())), json!({ "requestBody": body(scopes_in) })) }));
    p.insert("/api/v1/admin/roles/{role}/fields/{object}/{field}".into(), json!({ "parameters": path_params(&["role", "object", "field"]),
        "put": op("Set how a role may use a field", responses("200", ok("the role's permissions on the object", result)),
            json!({ "requestBody": body(json!({ "type": "object", "required": ["access"], "properties": { "access": access } })) })) }));

    let entry = json!({ "type": "object", "properties": {
        "id": { "type": "string" }, "at": { "type": "string", "format": "date-time" }, "user_id": { "type": ["string", "null"] },
        "action": { "type": "string", "description": "create, update, transfer, revert, merge, share, unshare, delete, restore, purge, convert; on quotes, orders, contracts and refunds also submit, approval, approved, rejected, send, accept, reject, revise, document, document_sent" },
        "field": { "type": ["string", "null"] }, "old": {}, "new": {} } });
    p.insert("/api/v1/records/{object}/{id}/history".into(), json!({ "parameters": path_params(&["object", "id"]),
        "get": op("A record's history, newest first (fields the caller may not see are left out, masked ones masked)", responses("200", ok("entries", list(&entry))), json!({})) }));
    p.insert("/api/v1/records/{object}/{id}/history/{entry}/revert".into(), json!({ "parameters": path_params(&["object", "id", "entry"]),
        "post": op("Set the field of a history entry back to its old value (administrators)", responses("200", ok("the record", json!({ "type": "object" }))), json!({})) }));
    let transfer_in = json!({ "type": "object", "required": ["owner_id"], "properties": {
        "ids": { "type": "array", "items": { "type": "string" }, "maxItems": 10000 },
        "filter": { "type": "object", "description": "a filter as in /query, instead of ids" },
        "owner_id": { "type": "string" },
        "related": { "type": "boolean", "description": "contacts and deals of the records, and open tasks about them, follow" } } });
    p.insert("/api/v1/records/{object}/transfer".into(), json!({ "parameters": path_params(&["object"]),
        "post": op("Give records chosen by id or filter to a new owner, in one transaction, each change in the history",
            responses("200", ok("records moved, by object", json!({ "type": "object", "properties": { "transferred": { "type": "object", "additionalProperties": { "type": "integer" } } } }))),
            json!({ "requestBody": body(transfer_in) })) }));
    p.insert("/api/v1/records/{object}/export".into(), json!({ "parameters": path_params(&["object"]),
        "get": op("Export the list as CSV (UTF-8 with BOM): the same filters, q and sort as the list; rows within the export scope, readable columns only, masked values masked, formula-like cells prefixed with '",
            responses("200", json!({ "description": "the CSV file", "content": { "text/csv": { "schema": { "type": "string" } } } })), json!({})) }));
    let deletion = json!({ "type": "object", "properties": {
        "object": { "type": "string" }, "id": { "type": "string" }, "title": { "type": "string" }, "owner_id": { "type": ["string", "null"] },
        "deleted_by": { "type": "string" }, "deleted_at": { "type": "string", "format": "date-time" },
        "records": { "type": "integer", "description": "records the deletion took, this one included" } } });
    p.insert("/api/v1/recycle-bin".into(), json!({
        "parameters": [{ "name": "object", "in": "query", "required": false, "schema": { "type": "string" } }],
        "get": op("Deletions the caller made or may see, newest first", responses("200", ok("deletions", list(&deletion))), json!({})) }));
    p.insert("/api/v1/recycle-bin/{object}/{id}".into(), json!({ "parameters": path_params(&["object", "id"]),
        "delete": op("Purge a deletion for good (administrators)", responses("204", json!({ "description": "purged" })), json!({})) }));
    p.insert("/api/v1/recycle-bin/{object}/{id}/restore".into(), json!({ "parameters": path_params(&["object", "id"]),
        "post": op("Restore a deleted record with everything its deletion took", responses("200", ok("the record", json!({ "type": "object" }))), json!({})) }));
}
