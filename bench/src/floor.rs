//! The floor: the same planned queries the API runs, straight on the database (no HTTP, JSON,
//! authentication or metadata cache), so the API's own cost can be read off.

use std::time::Instant;

use anyhow::Context;
use pelagic_core::filter::Filter;
use pelagic_core::input::InputContext;
use pelagic_core::output::Projection;
use pelagic_core::plan::{self, PlanContext, Pred};
use pelagic_core::{cursor, meta::ObjectDef};
use pelagic_store::Db;
use pelagic_store::records::{self, ListQuery};

use crate::stats::Samples;

struct Planned {
    obj: ObjectDef,
    projection: Projection,
    pred: Pred,
    order: Vec<plan::OrderKey>,
    drive: Option<pelagic_core::names::ColumnName>,
}

async fn plan_query(db: &Db, query: &str, cursor_text: Option<&str>) -> anyhow::Result<Planned> {
    let schema = pelagic_store::metadata::load(db).await?;
    let obj = (**schema
        .object("account")
        .map_err(|e| anyhow::anyhow!("{e:?}"))?)
    .clone();
    let ctx = PlanContext {
        input: InputContext::default(),
        today: chrono::Utc::now().date_naive(),
        tz: chrono_tz_utc(),
    };
    let all = |_: &pelagic_core::FieldDef| true;
    let mut conds = vec![Pred::IsNull {
        col: "deleted_at".into(),
    }];
    let mut sort = Vec::new();
    for pair in query.split('&') {
        let (k, v) = pair.split_once('=').context("k=v")?;
        match k {
            "limit" => {}
            "sort" => sort = plan::parse_sort_param(v),
            "q" => conds.push(plan::plan_search(v).map_err(|e| anyhow::anyhow!("{e:?}"))?),
            _ => conds.push(
                plan::plan_filter(
                    &obj,
                    &Filter::from_query_param(k, v).map_err(|e| anyhow::anyhow!("{e:?}"))?,
                    &all,
                    &ctx,
                )
                .map_err(|e| anyhow::anyhow!("{e:?}"))?,
            ),
        }
    }
    let order = plan::plan_sort(&obj, &sort, &all).map_err(|e| anyhow::anyhow!("{e:?}"))?;
    if let Some(c) = cursor_text {
        conds.push(plan::after(
            &order,
            &cursor::decode(&order, c).map_err(|e| anyhow::anyhow!("{e:?}"))?,
        ));
    }
    let mut projection = Projection::for_fields(obj.fields.iter());
    for k in &order {
        projection.push(&k.col, k.ty);
    }
    let pred = Pred::And(conds);
    let drive = plan::driving_column(&obj, &order, &pred);
    Ok(Planned {
        obj,
        projection,
        pred,
        order,
        drive,
    })
}

fn chrono_tz_utc() -> pelagic_core::period::Tz {
    pelagic_core::period::zone("UTC")
}

async fn run(db: &Db, p: &Planned, samples: usize) -> anyhow::Result<Samples> {
    let q = ListQuery {
        table: &p.obj.table,
        projection: &p.projection,
        pred: &p.pred,
        order: &p.order,
        limit: 51,
        drive: p.drive.as_deref(),
    };
    for _ in 0..10 {
        records::select(db, &q).await?;
    }
    let mut s = Samples::default();
    let started = Instant::now();
    for _ in 0..samples {
        let t = Instant::now();
        records::select(db, &q).await?;
        s.push(t.elapsed());
        if s.len() >= crate::stats::MIN_SAMPLES && started.elapsed() > crate::stats::TIME_BUDGET {
            break;
        }
    }
    Ok(s)
}

pub async fn measure(db: &Db, query: &str, samples: usize) -> anyhow::Result<Samples> {
    run(db, &plan_query(db, query, None).await?, samples).await
}

pub async fn measure_page(db: &Db, cursor_text: &str, samples: usize) -> anyhow::Result<Samples> {
    run(
        db,
        &plan_query(db, "limit=50", Some(cursor_text)).await?,
        samples,
    )
    .await
}
