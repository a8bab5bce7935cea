//! The metadata tables: loading every object definition, saving changes, the version counter.

use std::collections::BTreeMap;
use std::sync::Arc;

use chrono::{DateTime, Utc};
use pelagic_core::meta::{FieldDef, ObjectDef, Schema};
use pelagic_core::{ColType, Value};
use sea_query::{Alias, Expr, ExprTrait, OnConflict, Order, Query};

use crate::db::{Backend, Db, Tx};
use crate::exec::{self, Conn};
use crate::sql::bind;
use crate::{Result, StoreError};

fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// The metadata version now stored.
pub async fn version(db: &Db) -> Result<i64> {
    let mut sel = Query::select();
    sel.column(a("version"))
        .from(a("meta_version"))
        .and_where(Expr::col(a("id")).eq(1));
    exec::fetch_i64(db.into(), &sel).await
}

/// How an object's names in other languages are kept, with the other object-level settings
/// (its title field, its indexes over several columns).
#[derive(Default, serde::Serialize, serde::Deserialize)]
struct ObjectLabels {
    #[serde(default)]
    labels: BTreeMap<String, String>,
    #[serde(default)]
    plural_labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    title: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    indexes: Vec<Vec<String>>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    menu: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    key: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    open: Option<pelagic_core::meta::OpenRecords>,
    #[serde(default)]
    behaviour: pelagic_core::behaviour::Behaviour,
}

/// Reads every object with its fields.
pub async fn load(conn_db: &Db) -> Result<Schema> {
    load_in(conn_db.into()).await
}

/// Reads every object inside a transaction (sees the transaction's own changes).
pub async fn load_tx(tx: &mut Tx) -> Result<Schema> {
    load_in(tx.into()).await
}

async fn load_in(mut conn: Conn<'_>) -> Result<Schema> {
    let mut sel = Query::select();
    sel.columns([a("version")]).from(a("meta_version"));
    let version = exec::fetch(conn.reborrow(), &sel, &[ColType::BigInt]).await?;
    let version = version.first().and_then(|r| r[0].as_int()).unwrap_or(0);

    let mut sel = Query::select();
    sel.columns([
        a("name"),
        a("label"),
        a("label_plural"),
        a("custom"),
        a("labels"),
    ])
    .from(a("meta_object"));
    let objects = exec::fetch(
        conn.reborrow(),
        &sel,
        &[
            ColType::Text,
            ColType::Text,
            ColType::Text,
            ColType::Bool,
            ColType::Text,
        ],
    )
    .await?;

    let mut sel = Query::select();
    sel.columns([a("object"), a("definition")])
        .from(a("meta_field"))
        .order_by(a("object"), Order::Asc)
        .order_by(a("position"), Order::Asc);
    let fields = exec::fetch(conn, &sel, &[ColType::Text, ColType::Text]).await?;

    let mut by_object: BTreeMap<String, Vec<FieldDef>> = BTreeMap::new();
    for row in fields {
        let (Value::Text(object), Value::Text(def)) = (&row[0], &row[1]) else {
            return Err(StoreError::Corrupt(
                "meta_field row without object or definition".into(),
            ));
        };
        let field: FieldDef = serde_json::from_str(def)
            .map_err(|e| StoreError::Corrupt(format!("field of {object}: {e}")))?;
        by_object.entry(object.clone()).or_default().push(field);
    }
    let mut schema = Schema {
        version,
        objects: BTreeMap::new(),
    };
    for row in objects {
        let text = |i: usize| row[i].as_str().unwrap_or_default().to_owned();
        let name = text(0);
        let labels: ObjectLabels = match row[4].as_str() {
            Some(json) => serde_json::from_str(json)
                .map_err(|e| StoreError::Corrupt(format!("labels of {name}: {e}")))?,
            None => ObjectLabels::default(),
        };
        let def = ObjectDef {
            name: name.clone(),
            label: text(1),
            label_plural: text(2),
            custom: row[3] == Value::Bool(true),
            labels: labels.labels,
            plural_labels: labels.plural_labels,
            table: ObjectDef::table_for(&name),
            title: labels.title,
            fields: by_object.remove(&name).unwrap_or_default(),
            indexes: labels.indexes,
            menu: labels.menu,
            key: labels.key,
            open: labels.open,
            behaviour: labels.behaviour,
        };
        schema.objects.insert(name, Arc::new(def));
    }
    Ok(schema)
}

/// On PostgreSQL, serialises metadata changes across every instance until the transaction
/// ends. (SQLite's `BEGIN IMMEDIATE` already serialises all writers.)
pub async fn lock(tx: &mut Tx) -> Result<()> {
    if tx.backend() == Backend::Postgres {
        exec::execute_text(
            tx.into(),
            "SELECT pg_advisory_xact_lock(7265746)".to_owned(),
        )
        .await?;
    }
    Ok(())
}

/// Writes an object's definition (all of its fields) and bumps the version.
pub async fn save(tx: &mut Tx, obj: &ObjectDef, now: DateTime<Utc>) -> Result<()> {
    let be = tx.backend();
    let t = |v: &str| Expr::val(bind(&Value::Text(v.to_owned()), ColType::Text, be));
    let ts = Expr::val(bind(&Value::DateTime(now), ColType::DateTime, be));
    let labels = serde_json::to_string(&ObjectLabels {
        labels: obj.labels.clone(),
        plural_labels: obj.plural_labels.clone(),
        title: obj.title.clone(),
        indexes: obj.indexes.clone(),
        menu: obj.menu.clone(),
        key: obj.key.clone(),
        open: obj.open.clone(),
        behaviour: obj.behaviour.clone(),
    })
    .map_err(|e| StoreError::Corrupt(e.to_string()))?;
    let mut ins = Query::insert();
    ins.into_table(a("meta_object"))
        .columns([
            a("name"),
            a("label"),
            a("label_plural"),
            a("table_name"),
            a("custom"),
            a("labels"),
            a("created_at"),
            a("updated_at"),
        ])
        .values_panic([
            t(&obj.name),
            t(&obj.label),
            t(&obj.label_plural),
            t(&obj.table),
            Expr::val(obj.custom),
            t(&labels),
            ts.clone(),
            ts.clone(),
        ])
        .on_conflict(
            OnConflict::column(a("name"))
                .update_columns([a("label"), a("label_plural"), a("labels"), a("updated_at")])
                .to_owned(),
        );
    exec::execute(tx.into(), &ins).await?;

    for (position, f) in obj.fields.iter().enumerate() {
        let def = serde_json::to_string(f).map_err(|e| StoreError::Corrupt(e.to_string()))?;
        let mut ins = Query::insert();
        ins.into_table(a("meta_field"))
            .columns([
                a("object"),
                a("name"),
                a("position"),
                a("kind"),
                a("column_name"),
                a("custom"),
                a("definition"),
                a("created_at"),
            ])
            .values_panic([
                t(&obj.name),
                t(&f.name),
                Expr::val(position as i64),
                t(f.kind.name()),
                t(&f.column),
                Expr::val(f.custom),
                t(&def),
                ts.clone(),
            ])
            .on_conflict(
                OnConflict::columns([a("object"), a("name")])
                    .update_columns([a("position"), a("definition")])
                    .to_owned(),
            );
        exec::execute(tx.into(), &ins).await?;
    }
    bump(tx).await
}

/// Tells every instance that metadata or settings changed.
pub async fn bump(tx: &mut Tx) -> Result<()> {
    let mut upd = Query::update();
    upd.table(a("meta_version"))
        .value(a("version"), Expr::col(a("version")).add(1))
        .and_where(Expr::col(a("id")).eq(1));
    exec::execute(tx.into(), &upd).await?;
    Ok(())
}

/// A company setting (JSON), if set.
pub async fn setting(db: &Db, key: &str) -> Result<Option<serde_json::Value>> {
    let rows = exec::fetch(db.into(), &setting_query(key), &[ColType::Text]).await?;
    Ok(setting_of(&rows))
}

/// [`setting`] read inside a transaction (a step of a write must not wait for a second
/// connection while it holds the first).
pub async fn setting_tx(tx: &mut Tx, key: &str) -> Result<Option<serde_json::Value>> {
    let rows = exec::fetch(tx.into(), &setting_query(key), &[ColType::Text]).await?;
    Ok(setting_of(&rows))
}

fn setting_query(key: &str) -> sea_query::SelectStatement {
    let mut sel = Query::select();
    sel.column(a("value"))
        .from(a("settings"))
        .and_where(Expr::col(a("key")).eq(key));
    sel
}

fn setting_of(rows: &[Vec<Value>]) -> Option<serde_json::Value> {
    rows.first()
        .and_then(|r| r[0].as_str())
        .and_then(|s| serde_json::from_str(s).ok())
}

/// Sets a company setting.
pub async fn set_setting(tx: &mut Tx, key: &str, value: &serde_json::Value) -> Result<()> {
    let mut ins = Query::insert();
    ins.into_table(a("settings"))
        .columns([a("key"), a("value")])
        .values_panic([Expr::val(key), Expr::val(value.to_string())])
        .on_conflict(
            OnConflict::column(a("key"))
                .update_column(a("value"))
                .to_owned(),
        );
    exec::execute(tx.into(), &ins).await?;
    Ok(())
}
