//! Pools: the ones a user works in, and what waits in each (without the fields a pool hides).
//! What one does there — claim, hand out, give back — is in `pool_actions`.

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use pelagic_app::pools::{Pool, Refusal};
use pelagic_app::{AppError, ListRequest};
use pelagic_core::filter::Filter;
use serde_json::{Value as Json, json};

use super::{Page, failure, html};
use crate::UiState;
use crate::display::{self, Context};
use crate::i18n::Tr;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// Records one pool page lists.
const PER_PAGE: i64 = 50;

/// A refused claim or assignment in the reader's language.
pub fn refusal(tr: &Tr, r: &Refusal) -> String {
    match r {
        Refusal::Taken => tr.t("pool-refused-taken"),
        Refusal::ClaimLimit { pool, limit } => tr.t2(
            "pool-refused-claim-limit",
            [("pool", pool), ("limit", &limit.to_string())],
        ),
        Refusal::DailyLimit { pool, limit } => tr.t2(
            "pool-refused-daily-limit",
            [("pool", pool), ("limit", &limit.to_string())],
        ),
        Refusal::Capacity { limit } => tr.t1("pool-refused-capacity", "limit", &limit.to_string()),
        Refusal::CoolDown { until } => tr.t1(
            "pool-refused-cool-down",
            "until",
            &until.format("%Y-%m-%d %H:%M UTC").to_string(),
        ),
        Refusal::NotMember => tr.t("pool-refused-not-member"),
    }
}

/// The rules of a pool, one sentence each.
fn rules(tr: &Tr, p: &Pool) -> Vec<String> {
    let mut out = Vec::new();
    if let Some(n) = p.row.claim_limit {
        out.push(tr.count("pool-rule-claim-limit", n));
    }
    if let Some(n) = p.row.daily_claim_limit {
        out.push(tr.count("pool-rule-daily-limit", n));
    }
    if let Some(s) = p.row.follow_up_within {
        out.push(tr.t1(
            "pool-rule-follow-up",
            "within",
            &crate::display::span_words(tr, s),
        ));
    }
    if let Some(s) = p.row.close_within {
        out.push(tr.t1(
            "pool-rule-close",
            "within",
            &crate::display::span_words(tr, s),
        ));
    }
    if p.row.cool_down_days > 0 {
        out.push(tr.count("pool-rule-cool-down", p.row.cool_down_days));
    }
    out
}

struct PoolItem {
    id: String,
    name: String,
    object_label: String,
    waiting: String,
    held: String,
    rules: Vec<String>,
}

#[derive(Template)]
#[template(path = "pools.html")]
struct PoolsPage {
    page: Page,
    pools: Vec<PoolItem>,
}

/// How many records of `pool` wait in it, and how many the viewer holds from it.
async fn counts(s: &UiState, v: &Viewer, p: &Pool) -> (i64, i64) {
    let records = s.app.records(&v.actor);
    let counted = ListRequest {
        limit: Some(1),
        count: true,
        ..ListRequest::default()
    };
    let waiting = records
        .list_pool(p.id(), &counted)
        .await
        .ok()
        .and_then(|p| p.total)
        .unwrap_or(0);
    let mine = ListRequest {
        filter: Filter::from_json(&json!({"and": [
            {"field": "pool_id", "op": "eq", "value": p.id()},
            {"field": "owner_id", "op": "eq", "value": v.actor.user_id},
        ]}))
        .ok(),
        ..counted
    };
    let held = records
        .list(&p.row.object, &mine)
        .await
        .ok()
        .and_then(|p| p.total)
        .unwrap_or(0);
    (waiting, held)
}

pub async fn list(State(s): State<UiState>, v: Viewer) -> PageResult {
    let (pools, snap) = match (s.app.pools(&v.actor).await, s.app.snapshot().await) {
        (Ok(p), Ok(snap)) => (p, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let mut items = Vec::new();
    for p in &pools {
        let (waiting, held) = counts(&s, &v, p).await;
        items.push(PoolItem {
            id: p.row.id.clone(),
            name: p.row.name.clone(),
            object_label: snap
                .schema
                .object(&p.row.object)
                .map(|o| v.tr.object_plural(o))
                .unwrap_or_default(),
            waiting: v.tr.count("pool-waiting", waiting),
            held: crate::format::number(v.tr.code, &held.to_string()),
            rules: rules(&v.tr, p),
        });
    }
    let page = Page::new(&s, &v, "pools").await?;
    Ok(html(StatusCode::OK, &PoolsPage { page, pools: items }))
}

struct Row {
    id: String,
    /// (column label, value)
    cells: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "pool.html")]
struct PoolPage {
    page: Page,
    id: String,
    name: String,
    rules: Vec<String>,
    held: String,
    q: String,
    columns: Vec<String>,
    rows: Vec<Row>,
    next_link: Option<String>,
    may_claim: bool,
    is_admin: bool,
    /// (id, name) of the members records can be handed to.
    members: Vec<(String, String)>,
    message: Option<String>,
    notice: Option<String>,
}

#[derive(serde::Deserialize, Default)]
pub struct PoolQuery {
    #[serde(default)]
    q: String,
    #[serde(default)]
    cursor: Option<String>,
    #[serde(default)]
    done: Option<String>,
}

pub async fn show(
    State(s): State<UiState>,
    v: Viewer,
    Path(id): Path<String>,
    Query(q): Query<PoolQuery>,
) -> PageResult {
    let notice = q
        .done
        .as_deref()
        .map(|n| v.tr.t1("pool-handed-out", "count", n));
    draw(&s, &v, &id, &q, None, notice, StatusCode::OK).await
}

pub(super) async fn draw(
    s: &UiState,
    v: &Viewer,
    id: &str,
    q: &PoolQuery,
    message: Option<String>,
    notice: Option<String>,
    status: StatusCode,
) -> PageResult {
    let (pool, snap) = match (
        s.app.visible_pool(&v.actor, id).await,
        s.app.snapshot().await,
    ) {
        (Ok(p), Ok(snap)) => (p, snap),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let Ok(obj) = snap.schema.object(&pool.row.object).cloned() else {
        return Ok(failure(&v.tr, AppError::NotFound(id.to_owned())));
    };
    let req = ListRequest {
        q: Some(q.q.clone()).filter(|q| !q.trim().is_empty()),
        cursor: q.cursor.clone(),
        limit: Some(PER_PAGE),
        sort: vec![("created_at".into(), false)],
        ..ListRequest::default()
    };
    let found = match s.app.records(&v.actor).list_pool(id, &req).await {
        Ok(f) => f,
        Err(e) => return Err(PageError::app(&v.tr, e)),
    };
    let visible: Vec<String> = obj
        .fields
        .iter()
        .filter(|f| f.name != "owner_id" && !pool.hides(&v.actor, &f.name))
        .filter(|f| {
            found.data.is_empty() || found.data.iter().any(|r| r.contains_key(f.name.as_str()))
        })
        .map(|f| f.name.to_string())
        .collect();
    let mut shown = super::columns::default_columns(&obj, &visible);
    shown.retain(|c| c != "owner_id");
    let users = s.app.user_names().await.unwrap_or_default();
    let titles = super::columns::linked_titles(s, v, &obj, &found.data).await;
    let ctx = Context {
        tr: &v.tr,
        time_zone: &v.actor.time_zone,
        users: &users,
        titles: &titles,
        region: crate::display::home_region(s).await,
    };
    let rows = found
        .data
        .iter()
        .map(|r| Row {
            id: r
                .get("id")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned(),
            cells: shown
                .iter()
                .filter_map(|c| obj.field(c))
                .map(|f| (v.tr.field(&obj, f), display::show(&ctx, &obj, f, r)))
                .collect(),
        })
        .collect();
    let access = &snap.access;
    let mut members: Vec<(String, String)> = if pool.is_admin(&v.actor) {
        pool.member_users(access)
            .into_iter()
            .map(|u| (u.clone(), users.get(&u).cloned().unwrap_or(u)))
            .collect()
    } else {
        Vec::new()
    };
    members.sort_by(|a, b| a.1.cmp(&b.1));
    let (_, held) = counts(s, v, &pool).await;
    let next_link = found.next_cursor.map(|c| {
        let mut query = form_urlencoded::Serializer::new(String::new());
        if !q.q.is_empty() {
            query.append_pair("q", &q.q);
        }
        query.append_pair("cursor", &c);
        format!("/pools/{id}?{}", query.finish())
    });
    let page = Page::new(s, v, "pools").await?;
    Ok(html(
        status,
        &PoolPage {
            page,
            id: id.to_owned(),
            name: pool.row.name.clone(),
            rules: rules(&v.tr, &pool),
            held: v.tr.count("pool-held", held),
            q: q.q.clone(),
            columns: shown
                .iter()
                .filter_map(|c| obj.field(c))
                .map(|f| v.tr.field(&obj, f))
                .collect(),
            rows,
            next_link,
            may_claim: pool.is_member(&v.actor.user_id, access) || pool.is_admin(&v.actor),
            is_admin: pool.is_admin(&v.actor),
            members,
            message,
            notice,
        },
    ))
}
