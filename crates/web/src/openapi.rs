//! `GET /api/openapi.json`: the OpenAPI 3.1 description of every endpoint, with one schema per
//! object generated from the metadata loaded now (custom fields and objects included).

use axum::Json;
use axum::extract::State;
use pelagic_core::FieldKind;
use pelagic_core::meta::{FieldDef, ObjectDef};
use serde_json::{Map, Value, json};

use crate::AppState;
use crate::error::ApiResult;

pub async fn document(State(s): State<AppState>) -> ApiResult<Json<Value>> {
    let snap = s.app.snapshot().await?;
    let mut paths = static_paths();
    let mut schemas = static_schemas();
    for obj in snap.schema.objects.values() {
        schemas.insert(schema_name(obj, ""), record_schema(obj, false));
        schemas.insert(schema_name(obj, "Input"), record_schema(obj, true));
        object_paths(obj, &mut paths);
    }
    Ok(Json(json!({
        "openapi": "3.1.0",
        "info": {
            "title": "Pelagic CRM API",
            "version": env!("CARGO_PKG_VERSION"),
            "description": "Records of every object (standard and custom) share one set of endpoints. Errors are {\"error\":{\"code\",\"message\",\"details\"}}.",
        },
        "servers": [{ "url": "/" }],
        "components": {
            "securitySchemes": {
                "bearer": { "type": "http", "scheme": "bearer" },
                "session": { "type": "apiKey", "in": "cookie", "name": "pelagic_session",
                    "description": "the browser session set at sign-in; writes also need the X-CSRF-Token header (the csrf_token of the sign-in, also in the pelagic_csrf cookie)" },
            },
            "schemas": schemas,
        },
        "security": [{ "bearer": [] }, { "session": [] }],
        "paths": paths,
    })))
}

fn schema_name(obj: &ObjectDef, suffix: &str) -> String {
    let camel: String = obj
        .name
        .split('_')
        .map(|p| {
            let mut c = p.chars();
            c.next()
                .map(|f| f.to_ascii_uppercase().to_string() + c.as_str())
                .unwrap_or_default()
        })
        .collect();
    format!("{camel}{suffix}")
}

fn nullable(mut schema: Value) -> Value {
    if let Some(t) = schema
        .get("type")
        .and_then(Value::as_str)
        .map(str::to_owned)
    {
        schema["type"] = json!([t, "null"]);
    }
    schema
}

fn field_schema(f: &FieldDef) -> Value {
    let decimal = json!({ "type": "string", "pattern": "^-?[0-9]+(\\.[0-9]+)?$", "description": "an exact decimal written as text" });
    let s = match f.kind {
        FieldKind::Text | FieldKind::Textarea => {
            json!({ "type": "string", "maxLength": f.max_length() })
        }
        FieldKind::Integer => {
            let bound = pelagic_core::input::MAX_UNITS;
            json!({ "type": "integer", "format": "int64",
                "minimum": f.min.unwrap_or(-bound).max(-bound), "maximum": f.max.unwrap_or(bound).min(bound) })
        }
        FieldKind::Decimal | FieldKind::Percent => match (f.min, f.max) {
            (None, None) => decimal,
            (lo, hi) => {
                let mut d = decimal;
                d["description"] = json!(format!(
                    "an exact decimal written as text, from {} to {}",
                    lo.map_or("any".to_owned(), |v| v.to_string()),
                    hi.map_or("any".to_owned(), |v| v.to_string())
                ));
                d
            }
        },
        FieldKind::Money => {
            let mut d = decimal;
            d["description"] = json!(format!(
                "an exact amount written as text; its currency is {}_currency",
                f.name
            ));
            d
        }
        FieldKind::Boolean => json!({ "type": "boolean" }),
        FieldKind::Date => json!({ "type": "string", "format": "date" }),
        FieldKind::Datetime => json!({ "type": "string", "format": "date-time" }),
        FieldKind::Email => json!({ "type": "string", "format": "email" }),
        FieldKind::Phone => {
            json!({ "type": "string", "description": "written any way; stored and returned in E.164, the original in <field>_original" })
        }
        FieldKind::Url => json!({ "type": "string", "format": "uri" }),
        FieldKind::Select => json!({ "type": "string", "enum": f.options }),
        FieldKind::Multiselect => {
            json!({ "type": "array", "items": { "type": "string", "enum": f.options }, "uniqueItems": true })
        }
        FieldKind::Lookup => {
            json!({ "type": "string", "description": format!("id of a {}", f.target.as_deref().unwrap_or("record")) })
        }
        FieldKind::User => json!({ "type": "string", "description": "id of a user" }),
        FieldKind::Id => json!({ "type": "string", "readOnly": true }),
        FieldKind::Reference => json!({
            "type": "object", "required": ["object", "id"],
            "properties": { "object": { "type": "string" }, "id": { "type": "string" } },
        }),
    };
    let mut s = nullable(s);
    s["title"] = json!(f.label);
    s
}

fn record_schema(obj: &ObjectDef, input: bool) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for f in &obj.fields {
        if input && f.system && f.name != "owner_id" {
            continue;
        }
        props.insert(f.name.to_string(), field_schema(f));
        match f.kind {
            FieldKind::Money => {
                props.insert(
                    format!("{}_currency", f.name),
                    json!({ "type": ["string", "null"], "pattern": "^[A-Z]{3}$" }),
                );
            }
            FieldKind::Phone if !input => {
                props.insert(
                    format!("{}_original", f.name),
                    json!({ "type": ["string", "null"], "readOnly": true }),
                );
            }
            _ => {}
        }
        if input && f.required {
            required.push(f.name.clone());
        }
    }
    let mut s = json!({ "type": "object", "title": obj.label, "properties": props, "additionalProperties": false });
    if input && !required.is_empty() {
        s["required"] = json!(required);
    }
    s
}

fn reference(name: &str) -> Value {
    json!({ "$ref": format!("#/components/schemas/{name}") })
}

pub(crate) fn body(schema: Value) -> Value {
    json!({ "required": true, "content": { "application/json": { "schema": schema } } })
}

pub(crate) fn ok(description: &str, schema: Value) -> Value {
    json!({ "description": description, "content": { "application/json": { "schema": schema } } })
}

fn errors() -> Map<String, Value> {
    let mut m = Map::new();
    for (code, what) in [
        ("400", "invalid request"),
        ("401", "not signed in"),
        ("403", "not allowed"),
        ("404", "not found"),
        ("409", "conflict"),
        ("413", "the body is larger than 4 MiB"),
        ("415", "not JSON"),
        ("422", "invalid fields"),
        (
            "429",
            "too many attempts (sign-ins, duplicate checks and refusals): wait as `Retry-After` says",
        ),
        (
            "503",
            "the database is unavailable, a printer is busy (`Retry-After`), or PDF printing is not installed",
        ),
    ] {
        m.insert(code.into(), ok(what, reference("Error")));
    }
    m
}

pub(crate) fn op(summary: &str, mut responses: Map<String, Value>, extra: Value) -> Value {
    responses.extend(errors());
    let mut v = json!({ "summary": summary, "responses": responses });
    if let Value::Object(e) = extra {
        for (k, x) in e {
            v[k] = x;
        }
    }
    v
}

pub(crate) fn responses(code: &str, r: Value) -> Map<String, Value> {
    let mut m = Map::new();
    m.insert(code.into(), r);
    m
}

fn object_paths(obj: &ObjectDef, paths: &mut Map<String, Value>) {
    let (rec, input) = (schema_name(obj, ""), schema_name(obj, "Input"));
    let page = json!({ "type": "object", "properties": {
        "data": { "type": "array", "items": reference(&rec) },
        "next_cursor": { "type": ["string", "null"] }, "total": { "type": "integer" } } });
    let mut list_params = vec![
        json!({ "name": "q", "in": "query", "schema": { "type": "string" }, "description": "search the searchable fields" }),
        json!({ "name": "sort", "in": "query", "schema": { "type": "string" }, "example": "-created_at,name" }),
        json!({ "name": "limit", "in": "query", "schema": { "type": "integer", "minimum": 1, "maximum": 500, "default": 50 } }),
        json!({ "name": "cursor", "in": "query", "schema": { "type": "string" } }),
        json!({ "name": "count", "in": "query", "schema": { "type": "boolean" } }),
    ];
    for f in &obj.fields {
        list_params.push(json!({ "name": f.name, "in": "query", "required": false, "schema": { "type": "string" },
            "description": format!("{} equals; also {}[op] with op in {}", f.label, f.name, f.kind.ops().iter().map(|o| o.name()).collect::<Vec<_>>().join(", ")) }));
    }
    let base = format!("/api/v1/records/{}", obj.name);
    let label = &obj.label;
    paths.insert(base.clone(), json!({
        "get": op(&format!("List {}", obj.label_plural), responses("200", ok("a page", page.clone())), json!({ "parameters": list_params })),
        "post": op(&format!("Create a {label}"), responses("201", ok("created", reference(&rec))), json!({ "requestBody": body(reference(&input)) })),
    }));
    paths.insert(format!("{base}/query"), json!({
        "post": op(&format!("Query {} with a filter tree", obj.label_plural), responses("200", ok("a page", page)), json!({ "requestBody": body(reference("Query")) })),
    }));
    paths.insert(format!("{base}/batch"), json!({
        "post": op(&format!("Create many {} in one transaction", obj.label_plural),
            responses("201", ok("created", json!({ "type": "object", "properties": { "data": { "type": "array", "items": reference(&rec) } } }))),
            json!({ "requestBody": body(json!({ "type": "object", "required": ["records"], "properties": { "records": { "type": "array", "maxItems": 1000, "items": reference(&input) } } })) })),
    }));
    let id_param =
        json!([{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }]);
    paths.insert(format!("{base}/{{id}}"), json!({
        "parameters": id_param,
        "get": op(&format!("Read a {label}"), responses("200", ok("the record", reference(&rec))), json!({})),
        "patch": op(&format!("Change a {label}"), responses("200", ok("the record", reference(&rec))), json!({ "requestBody": body(reference(&input)) })),
        "delete": op(&format!("Delete a {label} (to the recycle bin)"), responses("204", json!({ "description": "deleted" })), json!({})),
    }));
}

fn static_schemas() -> Map<String, Value> {
    let mut m = Map::new();
    m.insert("Error".into(), json!({ "type": "object", "required": ["error"], "properties": { "error": { "type": "object",
        "required": ["code", "message"], "properties": {
            "code": { "type": "string", "enum": ["invalid_request", "unauthenticated", "forbidden", "not_found", "duplicate", "conflict", "validation_failed", "rate_limited", "unavailable", "internal"] },
            "message": { "type": "string" },
            "details": { "type": "object", "description": "what the refusal is about: `reason` (a stable code) and its `params` for a refusal with a reason; for refused field values `fields` (field → English text) and `reasons` (field → stable code)",
                "properties": {
                    "reason": { "type": "string" }, "params": { "type": "object", "additionalProperties": { "type": "string" } },
                    "fields": { "type": "object", "additionalProperties": { "type": "string" } },
                    "reasons": { "type": "object", "additionalProperties": { "type": "string" } } } } } } } }));
    m.insert("Filter".into(), json!({ "oneOf": [
        { "type": "object", "required": ["and"], "properties": { "and": { "type": "array", "items": reference("Filter") } } },
        { "type": "object", "required": ["or"], "properties": { "or": { "type": "array", "items": reference("Filter") } } },
        { "type": "object", "required": ["not"], "properties": { "not": reference("Filter") } },
        { "type": "object", "required": ["field", "op"], "properties": { "field": { "type": "string" },
            "op": { "type": "string", "enum": pelagic_core::filter::Op::ALL.iter().map(|o| o.name()).collect::<Vec<_>>() }, "value": {} } },
    ] }));
    m.insert("Query".into(), json!({ "type": "object", "additionalProperties": false, "properties": {
        "filter": reference("Filter"), "q": { "type": "string" },
        "sort": { "type": "array", "items": { "type": "object", "required": ["field"], "properties": { "field": { "type": "string" }, "dir": { "type": "string", "enum": ["asc", "desc"] } } } },
        "limit": { "type": "integer", "minimum": 1, "maximum": 500 }, "cursor": { "type": "string" }, "count": { "type": "boolean" } } }));
    m.insert("Object".into(), json!({ "type": "object", "properties": { "name": { "type": "string" }, "label": { "type": "string" },
        "label_plural": { "type": "string" }, "custom": { "type": "boolean" }, "fields": { "type": "array", "items": reference("Field") },
        "labels": { "type": "object", "description": "language → label", "additionalProperties": { "type": "string" } },
        "plural_labels": { "type": "object", "description": "language → plural label", "additionalProperties": { "type": "string" } },
        "behaviour": { "type": "object", "description": "what its records do beyond being stored: numbered (pattern), rolls_up_into {object, link, as: line|instalment|payment|refund}, status_clock, lock {editable_in, closed_in}, versioned, steps, submitted, approval_on_create, refunds, stages, follow_up, reminds, renews, converts, assignee" } } }));
    m.insert("Field".into(), json!({ "type": "object", "required": ["name", "label", "type"], "properties": {
        "name": { "type": "string", "pattern": "^[a-z][a-z0-9_]*$" }, "label": { "type": "string" },
        "type": { "type": "string", "enum": FieldKind::ALL.iter().chain([&FieldKind::Id]).map(|k| k.name()).collect::<Vec<_>>(),
            "description": "the field's kind; `id` is the kind of every record's built-in `id`, never of a field one adds" },
        "min": { "type": "integer", "description": "the smallest value of a number, percent or money field, in the units people write" },
        "max": { "type": "integer", "description": "the largest value of a number, percent or money field, in the units people write" },
        "required": { "type": "boolean" }, "options": { "type": "array", "items": { "type": "string" } }, "target": { "type": "string" },
        "searchable": { "type": "boolean" }, "indexed": { "type": "boolean" }, "unique": { "type": "boolean" },
        "labels": { "type": "object", "description": "language (en, zh-CN, zh-TW, es, ru) → label", "additionalProperties": { "type": "string" } },
        "option_labels": { "type": "object", "description": "option → language → label", "additionalProperties": { "type": "object", "additionalProperties": { "type": "string" } } } } }));
    m
}

fn static_paths() -> Map<String, Value> {
    let mut p = Map::new();
    let anon = json!({ "security": [] });
    p.insert("/healthz".into(), json!({ "get": { "summary": "Health check", "security": [],
        "responses": { "200": ok("the database answers", json!({ "type": "object", "properties": { "status": { "type": "string" } } })) } } }));
    p.insert("/api/openapi.json".into(), json!({ "get": { "summary": "This document", "security": [], "responses": { "200": { "description": "OpenAPI 3.1" } } } }));
    let login_body = json!({ "type": "object", "required": ["email", "password"], "properties": { "email": { "type": "string" }, "password": { "type": "string" } } });
    let mut login = op(
        "Sign in",
        responses(
            "200",
            ok(
                "a bearer token, and the session cookie with its anti-forgery token",
                json!({ "type": "object", "properties": { "token": { "type": "string" }, "csrf_token": { "type": "string" }, "user": { "type": "object" } } }),
            ),
        ),
        json!({ "requestBody": body(login_body) }),
    );
    login["security"] = anon["security"].clone();
    p.insert("/api/v1/auth/login".into(), json!({ "post": login }));
    p.insert("/api/v1/auth/logout".into(), json!({ "post": op("Sign out: the token stops working", responses("204", json!({ "description": "signed out" })), json!({})) }));
    p.insert("/api/v1/me".into(), json!({ "get": op("The signed-in user", responses("200", ok("the user", json!({ "type": "object" }))), json!({})) }));
    p.insert("/api/v1/me/password".into(), json!({ "post": op("Change your password; every other session and token of yours ends", responses("204", json!({ "description": "changed" })),
        json!({ "requestBody": body(json!({ "type": "object", "required": ["current_password", "new_password"], "properties": { "current_password": { "type": "string" }, "new_password": { "type": "string", "minLength": 10 } } })) })) }));
    p.insert("/api/v1/me/tokens".into(), json!({ "post": op("Create a named API token (shown once)", responses("201", ok("the token", json!({ "type": "object", "properties": { "id": { "type": "string" }, "token": { "type": "string" } } }))),
        json!({ "requestBody": body(json!({ "type": "object", "required": ["name"], "properties": { "name": { "type": "string" } } })) })) }));
    p.insert("/api/v1/me/tokens/{id}".into(), json!({ "parameters": [{ "name": "id", "in": "path", "required": true, "schema": { "type": "string" } }],
        "delete": op("Revoke an API token", responses("204", json!({ "description": "revoked" })), json!({})) }));
    p.insert("/api/v1/meta/objects".into(), json!({
        "get": op("Every object and its fields", responses("200", ok("objects", json!({ "type": "object", "properties": { "data": { "type": "array", "items": reference("Object") } } }))), json!({})),
        "post": op("Create a custom object (administrators)", responses("201", ok("the object", reference("Object"))),
            json!({ "requestBody": body(json!({ "type": "object", "required": ["name", "label", "label_plural"], "additionalProperties": false, "properties": {
                "name": { "type": "string" }, "label": { "type": "string" }, "label_plural": { "type": "string" },
                "menu": { "type": "string", "enum": pelagic_core::meta::MENU_GROUPS },
                "behaviour": { "type": "object", "additionalProperties": false, "properties": {
                    "numbered": { "type": "string", "description": "records are numbered with this pattern: {yyyy} {yy} {mm} {dd} and one {seq:N}" },
                    "lines_of": { "type": "string", "description": "records are the priced lines of this custom object's records, which then carry totals" } } } } })) })),
    }));
    let object_param = json!([{ "name": "object", "in": "path", "required": true, "schema": { "type": "string" } }]);
    let by_language = json!({ "type": "object", "description": "language (en, zh-CN, zh-TW, es, ru) → label", "additionalProperties": { "type": "string" } });
    p.insert("/api/v1/meta/objects/{object}".into(), json!({ "parameters": object_param, "get": op("One object and its fields", responses("200", ok("the object", reference("Object"))), json!({})),
        "patch": op("Rename a custom object, in every language (administrators)", responses("200", ok("the object", reference("Object"))),
            json!({ "requestBody": body(json!({ "type": "object", "properties": { "label": { "type": "string" }, "label_plural": { "type": "string" }, "labels": by_language, "plural_labels": by_language } })) })) }));
    p.insert("/api/v1/meta/objects/{object}/fields/{field}".into(), json!({ "parameters": [object_param[0], { "name": "field", "in": "path", "required": true, "schema": { "type": "string" } }],
        "patch": op("Change a field's labels (custom fields), options (selects) or whether it is required (administrators). An option still used by a record cannot be removed (409).", responses("200", ok("the field", reference("Field"))),
            json!({ "requestBody": body(json!({ "type": "object", "properties": { "label": { "type": "string" }, "labels": by_language, "required": { "type": "boolean" }, "options": { "type": "array", "items": { "type": "string" } }, "option_labels": { "type": "object", "description": "option → language → label", "additionalProperties": by_language } } })) })) }));
    p.insert("/api/v1/meta/objects/{object}/fields".into(), json!({ "parameters": object_param,
        "post": op("Add a custom field (administrators): a real column, usable at once", responses("201", ok("the field", reference("Field"))), json!({ "requestBody": body(reference("Field")) })) }));
    let settings = json!({ "type": "object", "properties": { "company_name": { "type": "string", "maxLength": 200 }, "company_address": { "type": "string", "maxLength": 500, "description": "printed on quotes, orders and contracts" }, "company_tax_number": { "type": "string", "maxLength": 50, "description": "printed on quotes, orders and contracts" }, "default_region": { "type": "string" }, "default_currency": { "type": "string" }, "recycle_bin_days": { "type": "integer", "minimum": 1, "maximum": 3650 },
        "account_capacity": { "type": ["integer", "null"], "minimum": 0, "maximum": 10000000, "description": "accounts one salesperson may own in all; null or 0: no cap" },
        "stale_after_days": { "type": "object", "description": "account level → days without a follow-up before its owner is reminded (0: never)", "additionalProperties": { "type": "integer", "minimum": 0, "maximum": 3650 } } } });
    p.insert("/api/v1/admin/settings".into(), json!({
        "get": op("Company settings", responses("200", ok("settings", settings.clone())), json!({})),
        "patch": op("Change company settings (administrators)", responses("200", ok("settings", settings.clone())), json!({ "requestBody": body(settings) })),
    }));
    crate::openapi_admin::admin_paths(&mut p);
    crate::openapi_sharing::duplicate_paths(&mut p);
    crate::openapi_sharing::sharing_paths(&mut p);
    crate::openapi_sales::quote_paths(&mut p);
    crate::openapi_sales::sales_settings_paths(&mut p);
    crate::openapi_sales::sales_figure_paths(&mut p);
    crate::openapi_documents::document_paths(&mut p);
    crate::openapi_pipeline::pool_paths(&mut p);
    crate::openapi_pipeline::process_paths(&mut p);
    crate::openapi_pipeline::pipeline_figure_paths(&mut p);
    crate::openapi_pipeline::activity_paths(&mut p);
    p
}
