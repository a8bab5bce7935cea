//! Scheduled jobs: registering them and claiming a due run so that only one instance does it.

use chrono::{DateTime, Utc};
use pelagic_core::{ColType, Value};
use sea_query::{Alias, Expr, ExprTrait, OnConflict, Query};

use crate::Result;
use crate::db::Db;
use crate::exec;
use crate::sql::bind;

fn a(name: &str) -> Alias {
    Alias::new(name)
}

/// Adds a job if it is not registered yet (its first run is due at `first_run`), and keeps its
/// interval current if it is.
pub async fn register(
    db: &Db,
    name: &str,
    interval_secs: i64,
    first_run: DateTime<Utc>,
) -> Result<()> {
    let be = db.backend();
    let mut ins = Query::insert();
    ins.into_table(a("scheduled_jobs"))
        .columns([a("name"), a("interval_secs"), a("next_run_at")])
        .values_panic([
            Expr::val(name),
            Expr::val(interval_secs),
            Expr::val(bind(&Value::DateTime(first_run), ColType::DateTime, be)),
        ])
        .on_conflict(
            OnConflict::column(a("name"))
                .update_column(a("interval_secs"))
                .to_owned(),
        );
    exec::execute(db.into(), &ins).await?;
    Ok(())
}

/// The names of jobs due at `now`.
pub async fn due(db: &Db, now: DateTime<Utc>) -> Result<Vec<String>> {
    let mut sel = Query::select();
    sel.column(a("name"))
        .from(a("scheduled_jobs"))
        .and_where(Expr::col(a("next_run_at")).lte(bind(
            &Value::DateTime(now),
            ColType::DateTime,
            db.backend(),
        )))
        .order_by(a("name"), sea_query::Order::Asc);
    let rows = exec::fetch(db.into(), &sel, &[ColType::Text]).await?;
    Ok(rows
        .into_iter()
        .filter_map(|r| r[0].as_str().map(str::to_owned))
        .collect())
}

/// Claims the due run of a job for `instance`: moves its next run to `next` only if it is still
/// due. Exactly one of any number of concurrent claimers gets `true`.
pub async fn claim(
    db: &Db,
    name: &str,
    instance: &str,
    now: DateTime<Utc>,
    next: DateTime<Utc>,
) -> Result<bool> {
    let be = db.backend();
    let ts = |t: DateTime<Utc>| Expr::val(bind(&Value::DateTime(t), ColType::DateTime, be));
    let mut upd = Query::update();
    upd.table(a("scheduled_jobs"))
        .value(a("next_run_at"), ts(next))
        .value(a("last_started_at"), ts(now))
        .value(a("claimed_by"), Expr::val(instance))
        .value(a("runs"), Expr::col(a("runs")).add(1))
        .and_where(Expr::col(a("name")).eq(name))
        .and_where(Expr::col(a("next_run_at")).lte(bind(
            &Value::DateTime(now),
            ColType::DateTime,
            be,
        )));
    Ok(exec::execute(db.into(), &upd).await? == 1)
}

/// Records how a run ended.
pub async fn finish(db: &Db, name: &str, at: DateTime<Utc>, error: Option<&str>) -> Result<()> {
    let be = db.backend();
    let mut upd = Query::update();
    upd.table(a("scheduled_jobs"))
        .value(
            a("last_finished_at"),
            Expr::val(bind(&Value::DateTime(at), ColType::DateTime, be)),
        )
        .value(
            a("last_status"),
            Expr::val(if error.is_some() { "failed" } else { "ok" }),
        )
        .value(
            a("last_error"),
            Expr::val(bind(
                &Value::text_or_null(error.map(str::to_owned)),
                ColType::Text,
                be,
            )),
        )
        .and_where(Expr::col(a("name")).eq(name));
    exec::execute(db.into(), &upd).await?;
    Ok(())
}
