//! A user's named API tokens, as their profile lists them (never the token itself: only its hash
//! is stored).

use chrono::{DateTime, Utc};
use pelagic_core::ColType;
use sea_query::{Alias, Expr, ExprTrait, Order, Query};

use crate::Result;
use crate::db::Db;
use crate::exec;

/// One live API token.
#[derive(Debug, Clone, PartialEq)]
pub struct ApiTokenRow {
    pub id: String,
    pub name: String,
    pub created_at: DateTime<Utc>,
    pub last_used_at: Option<DateTime<Utc>>,
}

/// The user's API tokens that are not revoked, newest first.
pub async fn live_api_tokens(db: &Db, user_id: &str) -> Result<Vec<ApiTokenRow>> {
    let a = Alias::new;
    let mut sel = Query::select();
    sel.columns([a("id"), a("name"), a("created_at"), a("last_used_at")])
        .from(a("auth_tokens"))
        .and_where(Expr::col(a("user_id")).eq(user_id))
        .and_where(Expr::col(a("kind")).eq("api"))
        .and_where(Expr::col(a("revoked_at")).is_null())
        .order_by(a("created_at"), Order::Desc);
    let rows = exec::fetch(
        db.into(),
        &sel,
        &[
            ColType::Text,
            ColType::Text,
            ColType::DateTime,
            ColType::DateTime,
        ],
    )
    .await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| {
            Some(ApiTokenRow {
                id: r[0].as_str()?.to_owned(),
                name: r[1].as_str().unwrap_or_default().to_owned(),
                created_at: r[2].as_datetime()?,
                last_used_at: r[3].as_datetime(),
            })
        })
        .collect())
}

/// Revokes a user's live tokens of one kind (`calendar`: the old feed address stops working).
pub async fn revoke_kind(
    tx: &mut crate::Tx,
    user_id: &str,
    kind: &str,
    now: DateTime<Utc>,
) -> Result<u64> {
    let a = Alias::new;
    let be = tx.backend();
    let mut upd = Query::update();
    upd.table(a("auth_tokens"))
        .value(
            a("revoked_at"),
            Expr::val(crate::sql::bind(
                &pelagic_core::Value::DateTime(now),
                ColType::DateTime,
                be,
            )),
        )
        .and_where(Expr::col(a("user_id")).eq(user_id))
        .and_where(Expr::col(a("kind")).eq(kind))
        .and_where(Expr::col(a("revoked_at")).is_null());
    exec::execute(tx.into(), &upd).await
}

/// When the user's live calendar feed was made, if they have one.
pub async fn calendar_since(db: &Db, user_id: &str) -> Result<Option<DateTime<Utc>>> {
    let a = Alias::new;
    let mut sel = Query::select();
    sel.column(a("created_at"))
        .from(a("auth_tokens"))
        .and_where(Expr::col(a("user_id")).eq(user_id))
        .and_where(Expr::col(a("kind")).eq("calendar"))
        .and_where(Expr::col(a("revoked_at")).is_null())
        .order_by(a("created_at"), Order::Desc)
        .limit(1);
    let rows = exec::fetch(db.into(), &sel, &[ColType::DateTime]).await?;
    Ok(rows.first().and_then(|r| r[0].as_datetime()))
}
