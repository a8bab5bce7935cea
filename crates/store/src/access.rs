//! Role permissions (per object and operation, per field) and the organisation they apply to:
//! roles, the team tree and who belongs where.

use chrono::{DateTime, Utc};
use pelagic_core::{ColType, Value};
use sea_query::{Alias, Expr, ExprTrait, OnConflict, Query};

use crate::Result;
use crate::db::{Db, Tx};
use crate::exec;
use crate::sql::bind;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

fn text(v: &Value) -> String {
    v.as_str().unwrap_or_default().to_owned()
}

fn opt_text(v: &Value) -> Option<String> {
    v.as_str().map(str::to_owned)
}

/// One stored grant: `role` may do `operation` on `object` within `scope`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GrantRow {
    pub role: String,
    pub object: String,
    pub operation: String,
    pub scope: String,
}

/// One stored field rule: `role` uses `object.field` with `access`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldRuleRow {
    pub role: String,
    pub object: String,
    pub field: String,
    pub access: String,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RoleRow {
    pub name: String,
    pub label: String,
    pub builtin: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TeamRow {
    pub id: String,
    pub name: String,
    pub parent_id: Option<String>,
    pub manager_id: Option<String>,
}

/// Who belongs to which team, and whether they may still sign in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MemberRow {
    pub user_id: String,
    pub name: String,
    pub team_id: Option<String>,
    pub active: bool,
}

pub async fn grants(db: &Db) -> Result<Vec<GrantRow>> {
    let mut sel = Query::select();
    sel.columns([a("role"), a("object"), a("operation"), a("scope")])
        .from(a("role_grants"));
    let rows = exec::fetch(db.into(), &sel, &[ColType::Text; 4]).await?;
    Ok(rows
        .iter()
        .map(|r| GrantRow {
            role: text(&r[0]),
            object: text(&r[1]),
            operation: text(&r[2]),
            scope: text(&r[3]),
        })
        .collect())
}

pub async fn field_rules(db: &Db) -> Result<Vec<FieldRuleRow>> {
    let mut sel = Query::select();
    sel.columns([a("role"), a("object"), a("field"), a("access")])
        .from(a("role_field_access"));
    let rows = exec::fetch(db.into(), &sel, &[ColType::Text; 4]).await?;
    Ok(rows
        .iter()
        .map(|r| FieldRuleRow {
            role: text(&r[0]),
            object: text(&r[1]),
            field: text(&r[2]),
            access: text(&r[3]),
        })
        .collect())
}

pub async fn set_grant(tx: &mut Tx, g: &GrantRow) -> Result<()> {
    let mut ins = Query::insert();
    ins.into_table(a("role_grants"))
        .columns([a("role"), a("object"), a("operation"), a("scope")])
        .values_panic([
            Expr::val(g.role.as_str()),
            Expr::val(g.object.as_str()),
            Expr::val(g.operation.as_str()),
            Expr::val(g.scope.as_str()),
        ])
        .on_conflict(
            OnConflict::columns([a("role"), a("object"), a("operation")])
                .update_column(a("scope"))
                .to_owned(),
        );
    exec::execute(tx.into(), &ins).await?;
    Ok(())
}

pub async fn set_field_rule(tx: &mut Tx, r: &FieldRuleRow) -> Result<()> {
    let mut ins = Query::insert();
    ins.into_table(a("role_field_access"))
        .columns([a("role"), a("object"), a("field"), a("access")])
        .values_panic([
            Expr::val(r.role.as_str()),
            Expr::val(r.object.as_str()),
            Expr::val(r.field.as_str()),
            Expr::val(r.access.as_str()),
        ])
        .on_conflict(
            OnConflict::columns([a("role"), a("object"), a("field")])
                .update_column(a("access"))
                .to_owned(),
        );
    exec::execute(tx.into(), &ins).await?;
    Ok(())
}

pub async fn roles(db: &Db) -> Result<Vec<RoleRow>> {
    let mut sel = Query::select();
    sel.columns([a("name"), a("label"), a("builtin")])
        .from(a("roles"))
        .order_by(a("name"), sea_query::Order::Asc);
    let rows = exec::fetch(
        db.into(),
        &sel,
        &[ColType::Text, ColType::Text, ColType::Bool],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| RoleRow {
            name: text(&r[0]),
            label: text(&r[1]),
            builtin: r[2] == Value::Bool(true),
        })
        .collect())
}

/// Adds a role; false when one with that name exists already.
pub async fn insert_role(tx: &mut Tx, name: &str, label: &str) -> Result<bool> {
    let be = tx.backend();
    let mut ins = Query::insert();
    ins.into_table(a("roles"))
        .columns([a("name"), a("label"), a("builtin")])
        .values_panic([
            Expr::val(name),
            Expr::val(label),
            Expr::val(bind(&Value::Bool(false), ColType::Bool, be)),
        ])
        .on_conflict(OnConflict::column(a("name")).do_nothing().to_owned());
    Ok(exec::execute(tx.into(), &ins).await? == 1)
}

pub async fn teams(db: &Db) -> Result<Vec<TeamRow>> {
    let mut sel = Query::select();
    sel.columns([a("id"), a("name"), a("parent_id"), a("manager_id")])
        .from(a("teams"))
        .order_by(a("name"), sea_query::Order::Asc);
    let rows = exec::fetch(db.into(), &sel, &[ColType::Text; 4]).await?;
    Ok(rows
        .iter()
        .map(|r| TeamRow {
            id: text(&r[0]),
            name: text(&r[1]),
            parent_id: opt_text(&r[2]),
            manager_id: opt_text(&r[3]),
        })
        .collect())
}

/// Creates a team; false when a team with that name exists already.
pub async fn insert_team(tx: &mut Tx, t: &TeamRow, now: DateTime<Utc>) -> Result<bool> {
    let be = tx.backend();
    let opt =
        |v: &Option<String>| Expr::val(bind(&Value::text_or_null(v.clone()), ColType::Text, be));
    let mut ins = Query::insert();
    ins.into_table(a("teams"))
        .columns([
            a("id"),
            a("name"),
            a("parent_id"),
            a("manager_id"),
            a("created_at"),
        ])
        .values_panic([
            Expr::val(t.id.as_str()),
            Expr::val(t.name.as_str()),
            opt(&t.parent_id),
            opt(&t.manager_id),
            Expr::val(bind(&Value::DateTime(now), ColType::DateTime, be)),
        ])
        .on_conflict(OnConflict::column(a("name")).do_nothing().to_owned());
    Ok(exec::execute(tx.into(), &ins).await? == 1)
}

/// Changes a team's name, parent and manager; false when there is no such team.
pub async fn update_team(tx: &mut Tx, t: &TeamRow) -> Result<bool> {
    let be = tx.backend();
    let opt =
        |v: &Option<String>| Expr::val(bind(&Value::text_or_null(v.clone()), ColType::Text, be));
    let mut upd = Query::update();
    upd.table(a("teams"))
        .value(a("name"), Expr::val(t.name.as_str()))
        .value(a("parent_id"), opt(&t.parent_id))
        .value(a("manager_id"), opt(&t.manager_id))
        .and_where(Expr::col(a("id")).eq(t.id.as_str()));
    Ok(exec::execute(tx.into(), &upd).await? == 1)
}

/// Every user with their team, for the permission scopes.
pub async fn members(db: &Db) -> Result<Vec<MemberRow>> {
    let mut sel = Query::select();
    sel.columns([a("id"), a("name"), a("team_id"), a("active")])
        .from(a("users"));
    let rows = exec::fetch(
        db.into(),
        &sel,
        &[ColType::Text, ColType::Text, ColType::Text, ColType::Bool],
    )
    .await?;
    Ok(rows
        .iter()
        .map(|r| MemberRow {
            user_id: text(&r[0]),
            name: text(&r[1]),
            team_id: opt_text(&r[2]),
            active: r[3] == Value::Bool(true),
        })
        .collect())
}

/// Whether a role of that name exists.
pub async fn role_exists(db: &Db, role: &str) -> Result<bool> {
    let mut sel = Query::select();
    sel.expr(Expr::col(sea_query::Asterisk).count())
        .from(a("roles"))
        .and_where(Expr::col(a("name")).eq(role));
    Ok(exec::fetch_i64(db.into(), &sel).await? > 0)
}

/// The names of all roles.
pub async fn role_names(db: &Db) -> Result<Vec<String>> {
    let mut sel = Query::select();
    sel.column(a("name")).from(a("roles"));
    let rows = exec::fetch(db.into(), &sel, &[ColType::Text]).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r[0].as_str().map(str::to_owned))
        .collect())
}

/// The id of the team with this name, if there is one.
pub async fn team_by_name(db: &Db, name: &str) -> Result<Option<String>> {
    team_by_name_in(db.into(), name).await
}

/// [`team_by_name`] inside a transaction.
pub async fn team_by_name_tx(tx: &mut Tx, name: &str) -> Result<Option<String>> {
    team_by_name_in(tx.into(), name).await
}

async fn team_by_name_in(conn: exec::Conn<'_>, name: &str) -> Result<Option<String>> {
    let mut sel = Query::select();
    sel.column(a("id"))
        .from(a("teams"))
        .and_where(Expr::col(a("name")).eq(name));
    let rows = exec::fetch(conn, &sel, &[ColType::Text]).await?;
    Ok(rows.first().and_then(|r| r[0].as_str().map(str::to_owned)))
}
