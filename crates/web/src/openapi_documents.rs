//! Printable documents in the OpenAPI document: templates and their merge fields, a record
//! printed to HTML or PDF, and the documents kept with their records.

use serde_json::{Map, Value, json};

use crate::openapi::{body, ok, op, responses};
use crate::openapi_admin::{data_list, path_params, query_param};

/// A rendered document: HTML shown inline, or a PDF download.
fn rendered(html_only: bool) -> Value {
    let mut content = json!({ "text/html": { "schema": { "type": "string" } } });
    if !html_only {
        content["application/pdf"] = json!({ "schema": { "type": "string", "format": "binary" } });
    }
    json!({ "description": "the document", "content": content })
}

fn format_param() -> Value {
    query_param(
        "format",
        false,
        json!({ "type": "string", "enum": ["html", "pdf"], "default": "html" }),
        "html (shown inline) or pdf (a download)",
    )
}

pub(crate) fn document_paths(p: &mut Map<String, Value>) {
    let object = json!({ "type": "string", "enum": ["quote", "order", "contract"] });
    let template = json!({ "type": "object", "properties": {
        "id": { "type": "string", "description": "builtin-<object> for Pelagic's own" }, "object": object,
        "name": { "type": "string" }, "body": { "type": "string", "description": "HTML with merge fields and line loops" },
        "builtin": { "type": "boolean", "description": "Pelagic's own template, which can be copied but not changed" },
        "author_id": { "type": ["string", "null"] }, "updated_at": { "type": ["string", "null"], "format": "date-time" } } });
    let change = |required: &[&str]| {
        json!({ "type": "object", "required": required, "properties": {
        "object": object, "name": { "type": "string", "minLength": 1, "maxLength": 200 },
        "body": { "type": "string", "maxLength": 200_000, "description": "the template's HTML; every merge field it names must exist and be readable by its author" } } })
    };
    let object_query =
        |required: bool, what: &str| query_param("object", required, object.clone(), what);
    p.insert("/api/v1/document-templates".into(), json!({
        "get": op("Document templates of one printable object or of all, Pelagic's own first", responses("200", ok("templates", data_list(&template))),
            json!({ "parameters": [object_query(false, "only this object's templates")] })),
        "post": op("Create a document template (administrators and managers)", responses("201", ok("the template", template.clone())),
            json!({ "requestBody": body(change(&["object", "name", "body"])) })) }));
    let preview = json!({ "type": "object", "required": ["object", "record_id", "body"], "properties": {
        "object": object, "record_id": { "type": "string" }, "body": { "type": "string", "description": "the template's HTML as being written" } } });
    p.insert("/api/v1/document-templates/preview".into(), json!({
        "post": op("Try a template being written on a record, checked as if the caller saved it, as HTML",
            responses("200", rendered(true)), json!({ "requestBody": body(preview) })) }));
    let source = json!({ "type": "object", "properties": {
        "name": { "type": "string", "description": "the name in the template (record, account, lines, …)" },
        "object": { "type": "string", "description": "the object its values come from" },
        "fields": { "type": "array", "items": { "type": "string" }, "description": "the fields under it the caller may read" } } });
    p.insert("/api/v1/document-templates/fields".into(), json!({
        "parameters": [object_query(true, "the object the template prints")],
        "get": op("The merge fields a template of an object may name, as far as the caller may read them",
            responses("200", ok("merge sources", data_list(&source))), json!({})) }));
    p.insert("/api/v1/document-templates/{id}".into(), json!({ "parameters": path_params(&["id"]),
        "get": op("One document template", responses("200", ok("the template", template.clone())), json!({})),
        "put": op("Change a document template's name or body (administrators and managers); Pelagic's own cannot change",
            responses("200", ok("the template", template)), json!({ "requestBody": body(change(&[])) })),
        "delete": op("Delete a document template (administrators and managers); Pelagic's own stay", responses("204", json!({ "description": "deleted" })), json!({})) }));
    p.insert("/api/v1/records/{object}/{id}/print".into(), json!({ "parameters": path_params(&["object", "id"]),
        "get": op("A quote, order or contract printed with a template (Pelagic's own by default), as HTML or a PDF download", responses("200", rendered(false)),
            json!({ "parameters": [format_param(), query_param("template", false, json!({ "type": "string" }), "the id of the template to print with")] })) }));
    let document = json!({ "type": "object", "properties": {
        "id": { "type": "string" }, "object": { "type": "string" }, "record_id": { "type": "string" },
        "template_id": { "type": "string" }, "name": { "type": "string" },
        "created_by": { "type": "string" }, "created_at": { "type": "string", "format": "date-time" },
        "sent_at": { "type": ["string", "null"], "format": "date-time" }, "sent_by": { "type": ["string", "null"] },
        "sent_to": { "type": ["string", "null"] } } });
    p.insert("/api/v1/records/{object}/{id}/documents".into(), json!({ "parameters": path_params(&["object", "id"]),
        "get": op("The documents kept with a record, newest first", responses("200", ok("documents", data_list(&document))), json!({})),
        "post": op("Generate a document of a quote, order or contract with a template (Pelagic's own by default) and keep it with the record",
            responses("201", ok("the document", document.clone())),
            json!({ "requestBody": body(json!({ "type": "object", "properties": { "template_id": { "type": "string" } } })) })) }));
    p.insert("/api/v1/documents/{id}".into(), json!({ "parameters": path_params(&["id"]),
        "get": op("A kept document's content as it was generated, as HTML or a PDF download", responses("200", rendered(false)),
            json!({ "parameters": [format_param()] })) }));
    p.insert("/api/v1/documents/{id}/send".into(), json!({ "parameters": path_params(&["id"]),
        "post": op("Mark a kept document as sent to the customer (by someone who may edit its record); a document is sent once",
            responses("200", ok("the document", document)),
            json!({ "requestBody": body(json!({ "type": "object", "properties": { "to": { "type": "string", "maxLength": 320, "description": "whom it went to (an address, a name)" } } })) })) }));
}
