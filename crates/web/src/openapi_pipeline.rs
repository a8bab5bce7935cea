//! The pipeline in the OpenAPI document: pools of leads and accounts, sales processes and an
//! opportunity's stage moves, the funnel, forecast and team figures, notifications, a record's
//! timeline, converting a lead, and the calendar feed.

use serde_json::{Map, Value, json};

use crate::openapi::{body, ok, op, responses};
use crate::openapi_admin::{data_list, path_params, query_param};

fn text_list(description: &str) -> Value {
    json!({ "type": "array", "items": { "type": "string" }, "description": description })
}

/// Pools: setting them up, what waits in them, claiming, assigning, pushing and releasing.
pub(crate) fn pool_paths(p: &mut Map<String, Value>) {
    let limit = |what: &str| json!({ "type": ["integer", "null"], "minimum": 0, "maximum": 1_000_000, "description": what });
    let span = |what: &str| json!({ "type": ["string", "null"], "description": format!("{what}, written like 30m, 12h or 7d") });
    let pool = json!({ "type": "object", "properties": {
        "id": { "type": "string", "readOnly": true },
        "name": { "type": "string", "minLength": 1, "maxLength": 100 },
        "object": { "type": "string", "enum": ["lead", "account"], "description": "kept once the pool exists" },
        "admins": text_list("users who administer the pool"),
        "members": text_list("users who are members by name"),
        "teams": text_list("teams whose users, and the users of the teams below them, are members"),
        "claim_limit": limit("records one member may hold from the pool at once"),
        "daily_claim_limit": limit("records one member may take from the pool in 24 hours"),
        "cool_down_days": { "type": "integer", "minimum": 0, "maximum": 3650, "description": "days before a member may claim again a record they gave back" },
        "follow_up_within": span("how long a holder has to follow a record up before it goes back"),
        "close_within": span("how long a holder has to close a record before it goes back"),
        "warn_before": span("how long before the deadline the holder is warned"),
        "hidden_fields": text_list("fields hidden from members while a record waits in the pool"),
        "match_field": { "type": ["string", "null"], "description": "the field a push by match compares with members' values" },
        "match_values": { "type": "object", "description": "user id → the values of match_field that member gets",
            "additionalProperties": { "type": "array", "items": { "type": "string" } } } } });
    let mut change = pool.clone();
    if let Some(props) = change["properties"].as_object_mut() {
        props.remove("id");
    }
    change["description"] =
        json!("lists replace what was there; a limit of 0 and an empty duration mean none");
    let mut new_pool = change.clone();
    new_pool["required"] = json!(["name", "object"]);
    p.insert("/api/v1/pools".into(), json!({
        "get": op("The pools the caller administers or works in (every pool, for administrators)", responses("200", ok("pools", data_list(&pool))), json!({})),
        "post": op("Create a pool of leads or accounts (administrators)", responses("201", ok("the pool", pool.clone())), json!({ "requestBody": body(new_pool) })) }));
    p.insert("/api/v1/pools/{id}".into(), json!({ "parameters": path_params(&["id"]),
        "get": op("One pool the caller administers or works in", responses("200", ok("the pool", pool.clone())), json!({})),
        "patch": op("Change a pool's name, people, limits, deadlines, hidden fields or matching (administrators)", responses("200", ok("the pool", pool)), json!({ "requestBody": body(change) })) }));
    let record =
        json!({ "type": "object", "description": "the record, as the records API returns it" });
    let page = json!({ "type": "object", "properties": { "data": { "type": "array", "items": record },
        "next_cursor": { "type": ["string", "null"] }, "total": { "type": "integer" } } });
    let text = json!({ "type": "string" });
    p.insert("/api/v1/pools/{id}/records".into(), json!({ "parameters": path_params(&["id"]),
        "get": op("A page of the records waiting in a pool, without the fields the pool hides from its members", responses("200", ok("a page", page)),
            json!({ "parameters": [
                query_param("q", false, text.clone(), "search the searchable fields"),
                query_param("sort", false, text.clone(), "fields, - before one for descending, e.g. -created_at,name"),
                query_param("limit", false, json!({ "type": "integer", "minimum": 1, "maximum": 500, "default": 50 }), "records per page"),
                query_param("cursor", false, text.clone(), "next_cursor of the previous page"),
                query_param("count", false, json!({ "type": "boolean" }), "include the total"),
                query_param("{field}", false, text.clone(), "field equals; also {field}[op], as in the object's list")] })) }));
    p.insert("/api/v1/pools/{id}/records/{record}".into(), json!({ "parameters": path_params(&["id", "record"]),
        "get": op("One record waiting in a pool, without the fields the pool hides from its members", responses("200", ok("the record", record.clone())), json!({})) }));
    let one = body(
        json!({ "type": "object", "required": ["record_id"], "properties": { "record_id": text } }),
    );
    p.insert("/api/v1/pools/{id}/claim".into(), json!({ "parameters": path_params(&["id"]),
        "post": op("Claim a record waiting in a pool the caller is a member of; a refusal (limit, cool-down, taken) is a 409 with details.reason",
            responses("200", ok("the record, now the caller's", record)), json!({ "requestBody": one.clone() })) }));
    p.insert("/api/v1/pools/{id}/assign".into(), json!({ "parameters": path_params(&["id"]),
        "post": op("Hand chosen records of a pool to one of its members, all of them or none (the pool's administrators)",
            responses("200", ok("how many", json!({ "type": "object", "properties": { "assigned": { "type": "integer" } } }))),
            json!({ "requestBody": body(json!({ "type": "object", "required": ["record_ids", "user_id"], "properties": {
                "record_ids": { "type": "array", "items": text, "minItems": 1, "maxItems": 500 }, "user_id": text } })) })) }));
    p.insert("/api/v1/pools/{id}/release".into(), json!({ "parameters": path_params(&["id"]),
        "post": op("Put a held record back into a pool (by its owner, a pool administrator or someone who may transfer it); its owner's cool-down starts",
            responses("204", json!({ "description": "released" })), json!({ "requestBody": one })) }));
    let distribution = json!({ "type": "object", "properties": {
        "assigned": { "type": "object", "description": "user id → records they got", "additionalProperties": { "type": "integer" } },
        "left": { "type": "integer", "description": "records left in the pool: no matching member, or every match at a limit" } } });
    p.insert("/api/v1/pools/{id}/distribute".into(), json!({ "parameters": path_params(&["id"]),
        "post": op("Hand records waiting in a pool to its members, oldest first, in turn or by the pool's match field, skipping anyone at a limit (the pool's administrators)",
            responses("200", ok("what the push did", distribution)),
            json!({ "requestBody": body(json!({ "type": "object", "required": ["rule"], "properties": {
                "rule": { "type": "string", "enum": ["round_robin", "match"] },
                "limit": { "type": "integer", "minimum": 1, "maximum": 500, "default": 500 } } })) })) }));
}

/// Sales processes and an opportunity's stage moves.
pub(crate) fn process_paths(p: &mut Map<String, Value>) {
    let stage = json!({ "type": "object", "required": ["stage", "probability"], "properties": {
        "stage": { "type": "string", "description": "an open option of the opportunity's stage (won, lost and invalid close every process)" },
        "probability": { "type": "integer", "minimum": 0, "maximum": 100 },
        "feedback": text_list("opportunity fields that must be filled when it enters this stage") } });
    let process = json!({ "type": "object", "properties": {
        "id": { "type": "string" }, "name": { "type": "string" }, "team_id": { "type": ["string", "null"] },
        "is_default": { "type": "boolean" }, "stages": { "type": "array", "items": stage } } });
    let change = json!({ "type": "object", "properties": {
        "name": { "type": "string", "maxLength": 100 },
        "team_id": { "type": "string", "description": "a team whose opportunities follow it; empty for none" },
        "is_default": { "type": "boolean" },
        "stages": { "type": "array", "minItems": 1, "items": stage, "description": "the open stages in order" } } });
    p.insert("/api/v1/processes".into(), json!({
        "get": op("Every sales process (the standard one until an administrator saves one)", responses("200", ok("processes", data_list(&process))), json!({})) }));
    p.insert("/api/v1/admin/processes".into(), json!({
        "post": op("Create a sales process (administrators)", responses("201", ok("the process", process.clone())), json!({ "requestBody": body(change.clone()) })) }));
    p.insert("/api/v1/admin/processes/{id}".into(), json!({ "parameters": path_params(&["id"]),
        "patch": op("Change a sales process (administrators)", responses("200", ok("the process", process)), json!({ "requestBody": body(change) })) }));
    let moved = json!({ "type": "object", "properties": {
        "from": { "type": ["string", "null"] }, "to": { "type": "string" }, "at": { "type": "string", "format": "date-time" },
        "user_id": { "type": ["string", "null"] }, "days_in_previous": { "type": ["number", "null"] },
        "feedback": { "type": ["object", "null"], "description": "field → value of the fields the stage asked for" }, "process_id": { "type": "string" } } });
    p.insert("/api/v1/records/opportunity/{id}/stages".into(), json!({ "parameters": path_params(&["id"]),
        "get": op("An opportunity's stage moves, oldest first", responses("200", ok("stage moves", data_list(&moved))), json!({})) }));
}

/// The funnel, the forecast and what each salesperson did.
pub(crate) fn pipeline_figure_paths(p: &mut Map<String, Value>) {
    let text = json!({ "type": "string" });
    let date = json!({ "type": "string", "format": "date" });
    let rate = json!({ "type": ["number", "null"], "description": "percent with one decimal" });
    let scope = json!([
        query_param(
            "process_id",
            false,
            text.clone(),
            "the process (the default one when none is named)"
        ),
        query_param(
            "from",
            false,
            date.clone(),
            "opportunities created on or after this day"
        ),
        query_param(
            "to",
            false,
            date.clone(),
            "opportunities created before this day"
        ),
        query_param(
            "owner_id",
            false,
            text.clone(),
            "only this owner's opportunities"
        ),
        query_param(
            "team_id",
            false,
            text.clone(),
            "only opportunities owned in this team and the teams below it"
        ),
    ]);
    let count = json!({ "type": "integer" });
    let stage = json!({ "type": "object", "properties": {
        "stage": text, "probability": count,
        "reached": { "type": "integer", "description": "deals that got at least this far (won deals went through every stage)" },
        "to_next_rate": rate, "lost_here": count, "invalid_here": count,
        "open_now": { "type": "integer", "description": "deals now in this stage" },
        "avg_days": { "type": ["number", "null"], "description": "average days spent in the stage by the deals that left it" } } });
    let funnel = json!({ "type": "object", "properties": {
        "process_id": text, "process": text, "total": count, "stages": { "type": "array", "items": stage },
        "won": count, "lost": count, "invalid": count, "win_rate": rate } });
    p.insert("/api/v1/analytics/funnel".into(), json!({ "parameters": scope,
        "get": op("The stage conversion funnel of a process over the opportunities the caller may read", responses("200", ok("the funnel", funnel)), json!({})) }));
    let forecast = json!({ "type": "object", "properties": {
        "owner_id": text, "month": { "type": ["string", "null"], "description": "YYYY-MM of the expected close" }, "stage": text,
        "currency": { "type": ["string", "null"], "description": "null when the caller may not read the amounts" }, "deals": count,
        "amount": { "type": ["string", "null"], "description": "a decimal in the row's currency; null when the caller may not read the amounts" },
        "weighted": { "type": ["string", "null"], "description": "the amount weighted by each deal's probability; null when the caller may not read the amounts or probabilities" } } });
    p.insert("/api/v1/analytics/forecast".into(), json!({ "parameters": scope,
        "get": op("The open pipeline of a process by owner, month of expected close, stage and currency, weighted by probability", responses("200", ok("forecast rows", data_list(&forecast))), json!({})) }));
    let figures = json!({ "type": "object", "properties": {
        "follow_ups": count, "by_kind": { "type": "object", "additionalProperties": count, "description": "follow-ups by kind" },
        "customers_contacted": count, "new_customers": count, "leads_converted": count,
        "opportunities_created": count, "opportunities_won": count,
        "amount_won": { "type": "object", "additionalProperties": text, "description": "currency → decimal" } } });
    let mut person = figures.clone();
    person["properties"]["user_id"] = text.clone();
    person["properties"]["name"] = text.clone();
    let people = json!({ "type": "array", "items": person });
    let period = json!({ "type": "string", "enum": ["day", "week", "month"] });
    let report = json!({ "type": "object", "properties": {
        "period": period, "from": date, "to": date, "time_zone": text,
        "periods": { "type": "array", "items": { "type": "object", "properties": {
            "start": { "type": "string", "format": "date", "description": "the period's first day" }, "people": people, "team": figures } } },
        "people": people, "team": figures } });
    p.insert("/api/v1/analytics/team".into(), json!({
        "parameters": [
            query_param("period", false, json!({ "type": "string", "enum": ["day", "week", "month"], "default": "week" }), "the length of each period, in the caller's time zone"),
            query_param("from", false, date.clone(), "the first day covered"),
            query_param("to", false, date, "the day after the last one covered (at most 92 periods)"),
            query_param("team_id", false, text.clone(), "only this team and the teams below it"),
            query_param("owner_id", false, text, "only this person")],
        "get": op("What each salesperson did period by period, with each person's and the team's totals, counting only what the caller may read",
            responses("200", ok("the report", report)), json!({})) }));
}

/// Notifications, a record's timeline, converting a lead and the calendar feed.
pub(crate) fn activity_paths(p: &mut Map<String, Value>) {
    let time = json!({ "type": "string", "format": "date-time" });
    let notice = json!({ "type": "object", "properties": {
        "id": { "type": "string" },
        "kind": { "type": "string", "description": "what happened: pool_due_soon, pool_returned, task_due, stale_customers, approval_requested, approval_decided, contract_renewal, order_unhandled, instalment_overdue, quote_expired, …" },
        "data": { "description": "the details (pool, count, records [{id, name}], due_at, …)" },
        "object": { "type": ["string", "null"] }, "record_id": { "type": ["string", "null"] },
        "created_at": time, "read": { "type": "boolean" }, "message": { "type": "string", "description": "the notification in English" } } });
    let mut notices = data_list(&notice);
    notices["properties"]["unread"] = json!({ "type": "integer", "description": "how many of the caller's notifications are unread" });
    p.insert("/api/v1/notifications".into(), json!({
        "parameters": [query_param("unread", false, json!({ "type": "boolean", "default": false }), "only unread notifications")],
        "get": op("The caller's notifications, newest first (at most 200), with the unread count", responses("200", ok("notifications", notices)), json!({})) }));
    p.insert("/api/v1/notifications/read-all".into(), json!({
        "post": op("Mark every notification of the caller as read", responses("200", ok("how many",
            json!({ "type": "object", "properties": { "marked": { "type": "integer" } } }))), json!({})) }));
    p.insert("/api/v1/notifications/{id}/read".into(), json!({ "parameters": path_params(&["id"]),
        "post": op("Mark one unread notification of the caller as read", responses("204", json!({ "description": "marked" })), json!({})) }));
    let record =
        json!({ "type": "object", "description": "a record, as the records API returns it" });
    let entry = json!({ "type": "object", "required": ["kind"], "properties": {
        "kind": { "type": "string", "enum": ["follow_up", "task", "document_sent", "change"] },
        "at": { "type": ["string", "null"], "format": "date-time" },
        "record": { "type": "object", "description": "the follow-up or task (kinds follow_up and task)" },
        "document": { "type": "object", "description": "the document sent (kind document_sent)" },
        "change": { "type": "object", "description": "the history entry (kind change)" } } });
    p.insert("/api/v1/records/{object}/{id}/timeline".into(), json!({ "parameters": path_params(&["object", "id"]),
        "get": op("A record's follow-ups, tasks, documents sent and changes (with those of the records that belong to it), newest first, as far as the caller may read them",
            responses("200", ok("entries", data_list(&entry))), json!({})) }));
    let values = |what: &str| json!({ "type": "object", "description": format!("{what} values that add to or override the lead's") });
    let convert = json!({ "type": "object", "properties": {
        "account_id": { "type": "string", "description": "an existing account to link instead of creating one" },
        "contact_id": { "type": "string", "description": "an existing contact to link instead of creating one" },
        "account": values("account"), "contact": values("contact"),
        "opportunity": { "type": "object", "description": "opportunity values; an opportunity is created only when this is given" } } });
    let converted = json!({ "type": "object", "properties": {
        "lead": record, "account": record, "account_created": { "type": "boolean" },
        "contact": record, "contact_created": { "type": "boolean" },
        "opportunity": { "type": ["object", "null"] } } });
    p.insert("/api/v1/records/{object}/{id}/convert".into(), json!({ "parameters": path_params(&["object", "id"]),
        "post": op("Convert a lead (leads only) into an account, created or an existing one linked, a contact and optionally an opportunity, in one transaction",
            responses("200", ok("what the conversion made or linked", converted)), json!({ "requestBody": body(convert) })) }));
    p.insert("/calendar/{file}".into(), json!({
        "parameters": [{ "name": "file", "in": "path", "required": true, "schema": { "type": "string" }, "description": "the user's calendar token followed by .ics" }],
        "get": { "summary": "A user's calendar feed (iCalendar) at the private address made on their profile: their open tasks with a due time",
            "security": [],
            "responses": { "200": { "description": "the feed", "content": { "text/calendar": { "schema": { "type": "string" } } } },
                "404": ok("no such calendar", json!({ "$ref": "#/components/schemas/Error" })) } } }));
}
