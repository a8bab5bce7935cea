//! Users, roles, teams and bearer tokens.

use chrono::{DateTime, Utc};
use pelagic_core::{ColType, Value};
use sea_query::{Alias, Expr, ExprTrait, Query, SelectStatement};

use crate::db::{Db, Tx};
use crate::exec::{self, Conn};
use crate::sql::bind;
use crate::{Result, StoreError};

fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// A user as stored.
#[derive(Debug, Clone, PartialEq)]
pub struct UserRow {
    pub id: String,
    pub email: String,
    pub name: String,
    pub role: String,
    pub team_id: Option<String>,
    pub password_hash: String,
    pub active: bool,
    pub locale: String,
    pub time_zone: String,
    pub created_at: DateTime<Utc>,
}

const USER_COLUMNS: [(&str, ColType); 10] = [
    ("id", ColType::Text),
    ("email", ColType::Text),
    ("name", ColType::Text),
    ("role", ColType::Text),
    ("team_id", ColType::Text),
    ("password_hash", ColType::Text),
    ("active", ColType::Bool),
    ("locale", ColType::Text),
    ("time_zone", ColType::Text),
    ("created_at", ColType::DateTime),
];

fn user_from(row: &[Value]) -> Result<UserRow> {
    let text = |i: usize| {
        row[i]
            .as_str()
            .map(str::to_owned)
            .ok_or_else(|| StoreError::Corrupt(format!("users column {i}")))
    };
    Ok(UserRow {
        id: text(0)?,
        email: text(1)?,
        name: text(2)?,
        role: text(3)?,
        team_id: row[4].as_str().map(str::to_owned),
        password_hash: text(5)?,
        active: row[6] == Value::Bool(true),
        locale: text(7)?,
        time_zone: text(8)?,
        created_at: match row[9] {
            Value::DateTime(t) => t,
            _ => return Err(StoreError::Corrupt("users.created_at".into())),
        },
    })
}

fn select_users() -> SelectStatement {
    let mut sel = Query::select();
    sel.from(a("users"));
    for (c, _) in USER_COLUMNS {
        sel.column((a("users"), a(c)));
    }
    sel
}

fn user_types() -> Vec<ColType> {
    USER_COLUMNS.iter().map(|(_, t)| *t).collect()
}

pub async fn insert_user(tx: &mut Tx, u: &UserRow) -> Result<()> {
    let be = tx.backend();
    let values = [
        Value::Text(u.id.clone()),
        Value::Text(u.email.clone()),
        Value::Text(u.name.clone()),
        Value::Text(u.role.clone()),
        Value::text_or_null(u.team_id.clone()),
        Value::Text(u.password_hash.clone()),
        Value::Bool(u.active),
        Value::Text(u.locale.clone()),
        Value::Text(u.time_zone.clone()),
        Value::DateTime(u.created_at),
    ];
    let mut ins = Query::insert();
    ins.into_table(a("users")).columns(
        USER_COLUMNS
            .iter()
            .map(|(c, _)| a(c))
            .chain([a("updated_at")]),
    );
    let mut row: Vec<Expr> = values
        .iter()
        .zip(USER_COLUMNS)
        .map(|(v, (_, t))| Expr::val(bind(v, t, be)))
        .collect();
    row.push(Expr::val(bind(
        &Value::DateTime(u.created_at),
        ColType::DateTime,
        be,
    )));
    ins.values_panic(row);
    exec::execute(tx.into(), &ins).await?;
    Ok(())
}

async fn one_user(conn: Conn<'_>, sel: SelectStatement) -> Result<Option<UserRow>> {
    let rows = exec::fetch(conn, &sel, &user_types()).await?;
    rows.first().map(|r| user_from(r)).transpose()
}

pub async fn user_by_email(db: &Db, email: &str) -> Result<Option<UserRow>> {
    let mut sel = select_users();
    sel.and_where(Expr::col(a("email")).eq(email.to_lowercase()));
    one_user(db.into(), sel).await
}

pub async fn user_by_id(db: &Db, id: &str) -> Result<Option<UserRow>> {
    let mut sel = select_users();
    sel.and_where(Expr::col(a("id")).eq(id));
    one_user(db.into(), sel).await
}

/// [`user_by_id`] inside a transaction.
pub async fn user_by_id_tx(tx: &mut Tx, id: &str) -> Result<Option<UserRow>> {
    let mut sel = select_users();
    sel.and_where(Expr::col(a("id")).eq(id));
    one_user(tx.into(), sel).await
}

/// The ids among `ids` that are users (used to check `user` fields).
pub async fn existing_user_ids(tx: &mut Tx, ids: &[String]) -> Result<Vec<String>> {
    if ids.is_empty() {
        return Ok(vec![]);
    }
    let mut sel = Query::select();
    sel.column(a("id"))
        .from(a("users"))
        .and_where(Expr::col(a("id")).is_in(ids.iter().cloned()));
    let rows = exec::fetch(tx.into(), &sel, &[ColType::Text]).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r[0].as_str().map(str::to_owned))
        .collect())
}

/// How many users there are (`count_users_tx` inside a transaction).
pub async fn count_users(db: &Db) -> Result<i64> {
    count_users_in(db.into()).await
}

pub async fn count_users_tx(tx: &mut Tx) -> Result<i64> {
    count_users_in(tx.into()).await
}

async fn count_users_in(conn: Conn<'_>) -> Result<i64> {
    let mut sel = Query::select();
    sel.expr(Expr::col(sea_query::Asterisk).count())
        .from(a("users"));
    exec::fetch_i64(conn, &sel).await
}

/// A bearer token as stored (only its hash).
#[derive(Debug, Clone)]
pub struct TokenRow {
    pub id: String,
    pub user_id: String,
    pub kind: String,
    pub name: Option<String>,
    pub token_hash: String,
    pub created_at: DateTime<Utc>,
    pub expires_at: Option<DateTime<Utc>>,
}

pub async fn insert_token(tx: &mut Tx, t: &TokenRow) -> Result<()> {
    let be = tx.backend();
    let mut ins = Query::insert();
    ins.into_table(a("auth_tokens"))
        .columns([
            a("id"),
            a("user_id"),
            a("kind"),
            a("name"),
            a("token_hash"),
            a("created_at"),
            a("expires_at"),
        ])
        .values_panic([
            Expr::val(t.id.clone()),
            Expr::val(t.user_id.clone()),
            Expr::val(t.kind.clone()),
            Expr::val(bind(
                &Value::text_or_null(t.name.clone()),
                ColType::Text,
                be,
            )),
            Expr::val(t.token_hash.clone()),
            Expr::val(bind(&Value::DateTime(t.created_at), ColType::DateTime, be)),
            Expr::val(bind(
                &t.expires_at.map(Value::DateTime).unwrap_or(Value::Null),
                ColType::DateTime,
                be,
            )),
        ]);
    exec::execute(tx.into(), &ins).await?;
    Ok(())
}

/// A live token as a request used it.
#[derive(Debug, Clone, PartialEq)]
pub struct TokenUse {
    pub id: String,
    /// `session` (a sign-in) or `api` (a named token).
    pub kind: String,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// The active user a live token belongs to, with the token.
pub async fn user_by_token(
    db: &Db,
    token_hash: &str,
    now: DateTime<Utc>,
) -> Result<Option<(UserRow, TokenUse)>> {
    let be = db.backend();
    let now_v = bind(&Value::DateTime(now), ColType::DateTime, be);
    let mut sel = select_users();
    sel.column((a("auth_tokens"), a("id")))
        .column((a("auth_tokens"), a("kind")))
        .column((a("auth_tokens"), a("last_used_at")))
        .inner_join(
            a("auth_tokens"),
            Expr::col((a("auth_tokens"), a("user_id"))).equals((a("users"), a("id"))),
        )
        .and_where(Expr::col((a("auth_tokens"), a("token_hash"))).eq(token_hash))
        .and_where(Expr::col((a("auth_tokens"), a("revoked_at"))).is_null())
        .and_where(
            Expr::col((a("auth_tokens"), a("expires_at")))
                .is_null()
                .or(Expr::col((a("auth_tokens"), a("expires_at"))).gt(now_v)),
        )
        .and_where(Expr::col((a("users"), a("active"))).eq(true));
    let mut types = user_types();
    types.extend([ColType::Text, ColType::Text, ColType::DateTime]);
    let rows = exec::fetch(db.into(), &sel, &types).await?;
    match rows.first() {
        None => Ok(None),
        Some(r) => {
            let n = USER_COLUMNS.len();
            let text = |v: &Value| v.as_str().unwrap_or_default().to_owned();
            let used = TokenUse {
                id: text(&r[n]),
                kind: text(&r[n + 1]),
                last_used_at: r[n + 2].as_datetime(),
            };
            Ok(Some((user_from(r)?, used)))
        }
    }
}

/// Notes that a token was used now.
pub async fn touch_token(db: &Db, token_id: &str, now: DateTime<Utc>) -> Result<()> {
    let be = db.backend();
    let mut upd = Query::update();
    upd.table(a("auth_tokens"))
        .value(
            a("last_used_at"),
            Expr::val(bind(&Value::DateTime(now), ColType::DateTime, be)),
        )
        .and_where(Expr::col(a("id")).eq(token_id));
    exec::execute(db.into(), &upd).await?;
    Ok(())
}

/// Replaces a user's password hash.
pub async fn set_password(tx: &mut Tx, user_id: &str, hash: &str) -> Result<bool> {
    let mut upd = Query::update();
    upd.table(a("users"))
        .value(a("password_hash"), Expr::val(hash.to_owned()))
        .and_where(Expr::col(a("id")).eq(user_id));
    Ok(exec::execute(tx.into(), &upd).await? == 1)
}

/// Revokes one of a user's tokens; gives whether it was live.
pub async fn revoke_token(
    tx: &mut Tx,
    user_id: &str,
    token_id: &str,
    now: DateTime<Utc>,
) -> Result<bool> {
    let be = tx.backend();
    let mut upd = Query::update();
    upd.table(a("auth_tokens"))
        .value(
            a("revoked_at"),
            Expr::val(bind(&Value::DateTime(now), ColType::DateTime, be)),
        )
        .and_where(Expr::col(a("id")).eq(token_id))
        .and_where(Expr::col(a("user_id")).eq(user_id))
        .and_where(Expr::col(a("revoked_at")).is_null());
    Ok(exec::execute(tx.into(), &upd).await? == 1)
}

/// Deletes tokens that expired or were revoked more than `keep_days` ago; gives how many.
pub async fn purge_dead_tokens(db: &Db, before: DateTime<Utc>) -> Result<u64> {
    let be = db.backend();
    let cutoff = bind(&Value::DateTime(before), ColType::DateTime, be);
    let mut del = Query::delete();
    del.from_table(a("auth_tokens")).and_where(
        Expr::col(a("revoked_at"))
            .lt(cutoff.clone())
            .or(Expr::col(a("expires_at")).lt(cutoff)),
    );
    exec::execute(db.into(), &del).await
}

/// Every user, by name.
pub async fn all_users(db: &Db) -> Result<Vec<UserRow>> {
    let rows = exec::fetch(db.into(), &all_users_query(), &user_types()).await?;
    rows.iter().map(|r| user_from(r)).collect()
}

/// [`all_users`] read inside a transaction.
pub async fn all_users_tx(tx: &mut Tx) -> Result<Vec<UserRow>> {
    let rows = exec::fetch(tx.into(), &all_users_query(), &user_types()).await?;
    rows.iter().map(|r| user_from(r)).collect()
}

fn all_users_query() -> sea_query::SelectStatement {
    let mut sel = select_users();
    sel.order_by(a("name"), sea_query::Order::Asc);
    sel
}

/// Saves a user's name, role, team and whether they are active; false when there is no such user.
pub async fn update_user(tx: &mut Tx, u: &UserRow, now: DateTime<Utc>) -> Result<bool> {
    let be = tx.backend();
    let mut upd = Query::update();
    upd.table(a("users"))
        .value(a("name"), Expr::val(u.name.as_str()))
        .value(a("role"), Expr::val(u.role.as_str()))
        .value(
            a("team_id"),
            Expr::val(bind(
                &Value::text_or_null(u.team_id.clone()),
                ColType::Text,
                be,
            )),
        )
        .value(
            a("active"),
            Expr::val(bind(&Value::Bool(u.active), ColType::Bool, be)),
        )
        .value(
            a("updated_at"),
            Expr::val(bind(&Value::DateTime(now), ColType::DateTime, be)),
        )
        .and_where(Expr::col(a("id")).eq(u.id.as_str()));
    Ok(exec::execute(tx.into(), &upd).await? == 1)
}

/// Revokes every live token of a user but `except` (they are disabled, or changed their
/// password and keep the session they changed it in).
pub async fn revoke_all_tokens(
    tx: &mut Tx,
    user_id: &str,
    except: Option<&str>,
    now: DateTime<Utc>,
) -> Result<u64> {
    let be = tx.backend();
    let mut upd = Query::update();
    upd.table(a("auth_tokens"))
        .value(
            a("revoked_at"),
            Expr::val(bind(&Value::DateTime(now), ColType::DateTime, be)),
        )
        .and_where(Expr::col(a("user_id")).eq(user_id))
        .and_where(Expr::col(a("revoked_at")).is_null());
    if let Some(keep) = except {
        upd.and_where(Expr::col(a("id")).ne(keep));
    }
    exec::execute(tx.into(), &upd).await
}
