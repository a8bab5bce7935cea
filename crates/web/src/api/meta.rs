//! Object and field metadata: reading it, and administrators adding fields and objects.

use axum::Json;
use axum::extract::State;
use axum::http::StatusCode;
use pelagic_app::field_admin::{FieldChange, ObjectChange};
use pelagic_app::meta_admin::{NewField, NewObject};
use pelagic_core::ids::{FieldName, ObjectName};
use pelagic_core::meta::{FieldDef, ObjectDef};
use serde_json::{Value, json};

use crate::AppState;
use crate::error::ApiResult;
use crate::extract::{Auth, JsonBody, Path};

/// A field as the API describes it.
pub fn field_json(f: &FieldDef) -> Value {
    let mut v = json!({
        "name": f.name, "label": f.label, "type": f.kind.name(), "required": f.required,
        "custom": f.custom, "system": f.system, "searchable": f.searchable, "indexed": f.indexed, "unique": f.unique,
        "filter_ops": f.kind.ops().iter().map(|o| o.name()).collect::<Vec<_>>(), "sortable": f.kind.sortable(),
    });
    if !f.options.is_empty() {
        v["options"] = json!(f.options);
    }
    if let Some(t) = &f.target {
        v["target"] = json!(t);
    }
    if let Some(min) = f.min {
        v["min"] = json!(min);
    }
    if let Some(max) = f.max {
        v["max"] = json!(max);
    }
    if !f.labels.is_empty() {
        v["labels"] = json!(f.labels);
    }
    if !f.option_labels.is_empty() {
        v["option_labels"] = json!(f.option_labels);
    }
    v
}

pub fn object_json(o: &ObjectDef) -> Value {
    let mut v = json!({
        "name": o.name, "label": o.label, "label_plural": o.label_plural, "custom": o.custom,
        "fields": o.fields.iter().map(field_json).collect::<Vec<_>>(),
    });
    if !o.labels.is_empty() || !o.plural_labels.is_empty() {
        v["labels"] = json!(o.labels);
        v["plural_labels"] = json!(o.plural_labels);
    }
    if o.behaviour != Default::default() {
        v["behaviour"] = json!(o.behaviour);
    }
    v
}

pub async fn list_objects(State(s): State<AppState>, Auth(_): Auth) -> ApiResult<Json<Value>> {
    let snap = s.app.snapshot().await?;
    Ok(Json(
        json!({ "data": snap.schema.objects.values().map(|o| object_json(o)).collect::<Vec<_>>() }),
    ))
}

pub async fn get_object(
    State(s): State<AppState>,
    Auth(_): Auth,
    Path(object): Path<ObjectName>,
) -> ApiResult<Json<Value>> {
    let snap = s.app.snapshot().await?;
    let obj = snap
        .schema
        .object(&object)
        .map_err(pelagic_app::AppError::from)?;
    Ok(Json(object_json(obj)))
}

pub async fn add_field(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    JsonBody(b): JsonBody<NewField>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let name = b.name.clone();
    let obj = s.app.add_field(&a.actor, &object, b).await?;
    let field = obj.field(&name).map(field_json).unwrap_or(Value::Null);
    Ok((StatusCode::CREATED, Json(field)))
}

pub async fn add_object(
    State(s): State<AppState>,
    Auth(a): Auth,
    JsonBody(b): JsonBody<NewObject>,
) -> ApiResult<(StatusCode, Json<Value>)> {
    let obj = s.app.add_object(&a.actor, b).await?;
    Ok((StatusCode::CREATED, Json(object_json(&obj))))
}

/// Renames an object, in every language (administrators; custom objects).
pub async fn update_object(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path(object): Path<ObjectName>,
    JsonBody(b): JsonBody<ObjectChange>,
) -> ApiResult<Json<Value>> {
    let obj = s.app.update_object(&a.actor, &object, b).await?;
    Ok(Json(object_json(&obj)))
}

/// Changes a field's labels, options or whether it is required (administrators).
pub async fn update_field(
    State(s): State<AppState>,
    Auth(a): Auth,
    Path((object, field)): Path<(ObjectName, FieldName)>,
    JsonBody(b): JsonBody<FieldChange>,
) -> ApiResult<Json<Value>> {
    let obj = s.app.update_field(&a.actor, &object, &field, b).await?;
    Ok(Json(
        obj.field(&field).map(field_json).unwrap_or(Value::Null),
    ))
}
