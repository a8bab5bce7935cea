//! Quote to cash in the OpenAPI document: a quote's steps, orders made from quotes and won
//! deals, approvals and approval flows, sales-document settings, and collection and order
//! figures (documents and their templates are in `openapi_documents`).

use serde_json::{Map, Value, json};

use crate::openapi::{body, ok, op, responses};
use crate::openapi_admin::{data_list, path_params, query_param};

/// A quote's steps and orders, submissions for approval and approvers' decisions.
pub(crate) fn quote_paths(p: &mut Map<String, Value>) {
    let record =
        json!({ "type": "object", "description": "the record, as the records API returns it" });
    let steps = [
        (
            "submit",
            "200",
            "Submit a quote, contract or order for approval; it is approved at once when no active flow's condition matches",
        ),
        (
            "send",
            "200",
            "Mark an approved quote as sent to the customer (quotes only)",
        ),
        (
            "accept",
            "200",
            "Record that the customer accepted a sent or approved quote (quotes only)",
        ),
        (
            "reject",
            "200",
            "Record that the customer rejected a sent or approved quote (quotes only)",
        ),
        (
            "revise",
            "201",
            "Make a new draft version of a quote that left its draft, lines included, keeping the old version as it was (quotes only)",
        ),
        (
            "order",
            "201",
            "Make the order of an accepted quote (its lines copied) or of a won opportunity (one line for its amount); one order per quote or opportunity",
        ),
    ];
    for (step, code, summary) in steps {
        let what = if code == "201" {
            "the new record"
        } else {
            "the record"
        };
        p.insert(
            format!("/api/v1/records/{{object}}/{{id}}/{step}"),
            json!({ "parameters": path_params(&["object", "id"]),
            "post": op(summary, responses(code, ok(what, record.clone())), json!({})) }),
        );
    }
    let time = json!({ "type": "string", "format": "date-time" });
    let nullable_time = json!({ "type": ["string", "null"], "format": "date-time" });
    let task = json!({ "type": "object", "properties": {
        "id": { "type": "string" }, "step": { "type": "integer", "description": "0-based" }, "user_id": { "type": "string" },
        "decision": { "type": ["string", "null"], "enum": ["approved", "rejected", "skipped", null] },
        "comment": { "type": ["string", "null"] }, "decided_at": nullable_time } });
    let request = json!({ "type": "object", "properties": {
        "id": { "type": "string" }, "flow_id": { "type": "string" }, "flow": { "type": "string", "description": "the flow's name" },
        "object": { "type": "string" }, "record_id": { "type": "string" },
        "status": { "type": "string", "enum": ["pending", "approved", "rejected"] },
        "step": { "type": "integer", "description": "the current step, 0-based" },
        "steps": { "type": "array", "items": step_schema() },
        "submitted_by": { "type": "string" }, "submitted_at": time, "decided_at": nullable_time,
        "tasks": { "type": "array", "items": task } } });
    p.insert("/api/v1/records/{object}/{id}/approvals".into(), json!({ "parameters": path_params(&["object", "id"]),
        "get": op("A record's approval requests, newest first, each with every approver's decision", responses("200", ok("requests", data_list(&request))), json!({})) }));
    let mut waiting = request.clone();
    waiting["properties"]["record"] = record;
    p.insert("/api/v1/approvals".into(), json!({
        "get": op("The approval requests waiting for the caller's decision, oldest first, each with its record", responses("200", ok("requests", data_list(&waiting))), json!({})) }));
    let comment = |required: bool| {
        let mut b = json!({ "type": "object", "properties": { "comment": { "type": "string", "maxLength": 2000 } } });
        if required {
            b["required"] = json!(["comment"]);
        }
        body(b)
    };
    p.insert("/api/v1/approvals/{id}/approve".into(), json!({ "parameters": path_params(&["id"]),
        "post": op("Approve the current step of a request the caller is asked to decide, with an optional comment",
            responses("200", ok("the request", request.clone())), json!({ "requestBody": comment(false) })) }));
    p.insert("/api/v1/approvals/{id}/reject".into(), json!({ "parameters": path_params(&["id"]),
        "post": op("Reject a request the caller is asked to decide, with a comment saying why (required)",
            responses("200", ok("the request", request)), json!({ "requestBody": comment(true) })) }));
}

fn step_schema() -> Value {
    json!({ "type": "object", "required": ["approver"], "properties": {
        "approver": { "type": "string", "enum": ["manager", "role", "user"], "description": "manager: of the submitter's team, or of the team above when they manage it" },
        "role": { "type": "string", "description": "the role whose users decide, when approver is role" },
        "user_id": { "type": "string", "description": "the active user who decides, when approver is user" },
        "mode": { "type": "string", "enum": ["any", "all"], "default": "any", "description": "any: one approval decides the step; all: every approver must approve" } } })
}

/// Approval flows and the numbering and reminder settings of quotes, orders and contracts.
pub(crate) fn sales_settings_paths(p: &mut Map<String, Value>) {
    let flow = json!({ "type": "object", "required": ["name", "object", "steps"], "properties": {
        "id": { "type": "string", "description": "kept when given; a new flow gets one" },
        "name": { "type": "string", "minLength": 1, "maxLength": 100 },
        "object": { "type": "string", "enum": ["quote", "contract", "order", "refund"] },
        "active": { "type": "boolean", "default": true },
        "condition": { "$ref": "#/components/schemas/Filter", "description": "what the record must meet; without it, every record" },
        "steps": { "type": "array", "minItems": 1, "maxItems": 10, "items": step_schema() } } });
    let flows_body = json!({ "type": "object", "required": ["flows"], "properties": {
        "flows": { "type": "array", "maxItems": 100, "items": flow } } });
    p.insert("/api/v1/admin/approval-flows".into(), json!({
        "get": op("Every approval flow, in the order a submitted record is matched against them (administrators)", responses("200", ok("flows", data_list(&flow))), json!({})),
        "put": op("Replace every approval flow; flows keep their ids and new ones get one (administrators)", responses("200", ok("flows", data_list(&flow))), json!({ "requestBody": body(flows_body) })) }));
    let settings = json!({ "type": "object", "properties": {
        "numbering": { "type": "object", "description": "object (quote, order, contract) → numbering pattern such as SO-{yyyy}-{seq:5}", "additionalProperties": { "type": "string" } },
        "order_unhandled_hours": { "type": "integer", "minimum": 0, "maximum": 8760, "description": "hours after which a still-confirmed order reminds its owner (0: never)" } } });
    p.insert("/api/v1/admin/sales-documents".into(), json!({
        "get": op("The numbering patterns of quotes, orders and contracts and the hours before an unhandled order reminds its owner", responses("200", ok("settings", settings.clone())), json!({})),
        "patch": op("Change the sales-document settings; what the change leaves out stays as it is (administrators)", responses("200", ok("settings", settings.clone())), json!({ "requestBody": body(settings) })) }));
}

/// Collection figures and order statistics.
pub(crate) fn sales_figure_paths(p: &mut Map<String, Value>) {
    let text = json!({ "type": "string" });
    let date = json!({ "type": "string", "format": "date" });
    let decimal = json!({ "type": "string", "description": "a decimal in the row's currency" });
    let rate = json!({ "type": ["number", "null"], "description": "percent with one decimal" });
    let collection_row = json!({ "type": "object", "properties": {
        "key": { "type": "string", "description": "the month (YYYY-MM), user, team or account id; total in totals" },
        "name": { "type": "string" }, "currency": text, "instalments": { "type": "integer" },
        "due": decimal, "collected": decimal, "outstanding": decimal, "overdue": decimal, "rate": rate } });
    let collections = json!({ "type": "object", "properties": {
        "group": { "type": "string", "enum": ["month", "owner", "team", "account"] },
        "rows": { "type": "array", "items": collection_row, "description": "one per group and currency" },
        "totals": { "type": "array", "items": collection_row, "description": "one per currency over everything covered" } } });
    p.insert("/api/v1/analytics/collections".into(), json!({
        "parameters": [
            query_param("from", false, date.clone(), "instalments due on or after this day"),
            query_param("to", false, date.clone(), "instalments due before this day"),
            query_param("group", false, json!({ "type": "string", "enum": ["month", "owner", "team", "account"], "default": "month" }), "how rows are grouped"),
            query_param("owner_id", false, text.clone(), "only instalments of this owner's orders"),
            query_param("team_id", false, text.clone(), "only instalments of orders owned in this team and the teams below it"),
            query_param("account_id", false, text.clone(), "only this customer's instalments")],
        "get": op("Collection figures over the instalments the caller may read: due, collected, outstanding and overdue amounts and the collection rate per group and currency",
            responses("200", ok("the figures", collections)), json!({})) }));
    let stat_row = json!({ "type": "object", "properties": {
        "key": { "type": "string", "description": "the status, product id or category" }, "name": text, "currency": text,
        "count": { "type": "integer", "description": "orders (per status) or order lines (per product and category)" },
        "quantity": { "type": "string", "description": "units sold, per product and category only" }, "amount": decimal } });
    let payments = json!({ "type": "object", "properties": {
        "currency": text, "orders": { "type": "integer" }, "total": decimal, "planned": decimal, "received": decimal,
        "refunded": decimal, "net": decimal, "outstanding": { "type": "string", "description": "a decimal; cancelled orders' unpaid rest is left out" } } });
    let stats = json!({ "type": "object", "properties": {
        "by_status": { "type": "array", "items": stat_row }, "by_product": { "type": "array", "items": stat_row, "description": "best sellers first" },
        "by_category": { "type": "array", "items": stat_row },
        "payments": { "type": "array", "items": payments, "description": "per currency; empty when the caller may not read the orders' payment figures" } } });
    p.insert("/api/v1/analytics/orders".into(), json!({
        "parameters": [
            query_param("from", false, date.clone(), "orders dated on or after this day"),
            query_param("to", false, date, "orders dated before this day"),
            query_param("owner_id", false, text.clone(), "only this owner's orders"),
            query_param("team_id", false, text.clone(), "only orders owned in this team and the teams below it"),
            query_param("account_id", false, text, "only this customer's orders")],
        "get": op("Order statistics over the orders the caller may read: per status, product and category, and their payment figures, per currency",
            responses("200", ok("the statistics", stats)), json!({})) }));
}
