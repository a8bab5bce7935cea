//! The list of an object's records: the columns that matter, search, sort by any column, and
//! paging through any number of rows with a cursor.

use std::collections::HashMap;

use askama::Template;
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use pelagic_app::{AppError, ListRequest, Page as RecordsPage};
use pelagic_core::filter::Op;
use pelagic_core::kind::FieldKind;
use serde_json::Value as Json;

use super::{Page, failure, html};
use crate::UiState;
use crate::conditions::{MAX_CONDITIONS, MAX_SORT_KEYS, PERIODS, Query as Conditions};
use crate::display::Context;
use crate::page_error::{PageError, PageResult};
use crate::viewer::Viewer;

/// Matches a list counts before it says "more than".
const COUNT_CAP: u64 = 1_000;

struct Column {
    label: String,
    sort_link: String,
    sort_title: String,
    arrow: &'static str,
}

struct Row {
    id: String,
    /// Ticked for a bulk change that was refused.
    picked: bool,
    cells: Vec<crate::cell::Cell>,
}

/// One row of the condition builder.
struct ConditionRow {
    index: usize,
    field: String,
    op: String,
    value: String,
    group: usize,
}

/// One row of the sort builder.
struct SortRow {
    index: usize,
    field: String,
    desc: bool,
}

#[derive(Template)]
#[template(path = "list.html")]
struct ListPage {
    page: Page,
    object: String,
    title: String,
    count: Option<String>,
    /// Counts every match when the count stopped at the cap.
    count_all_link: Option<String>,
    new_label: String,
    q: String,
    columns: Vec<Column>,
    /// Hidden inputs that carry the conditions and sort into the search form.
    kept: Vec<(String, String)>,
    /// The same as a query string, for saving a view.
    kept_query: String,
    views: Vec<pelagic_app::views::View>,
    current_view: String,
    /// The "open records" view's link, when the object names its open records.
    open_link: Option<String>,
    builder_open: bool,
    /// (API name, label, shown) of every readable field, for the column chooser.
    choosable: Vec<(String, String, bool)>,
    any: bool,
    /// (group number, whether it needs any of its conditions)
    groups: Vec<(usize, bool)>,
    /// The conditions sit in more than one group, so the first choice joins groups.
    grouped: bool,
    condition_rows: Vec<ConditionRow>,
    sort_rows: Vec<SortRow>,
    /// (API name, label) of the fields one may filter and sort on.
    filterable: Vec<(String, String)>,
    /// (field, labels) of the choice fields, offered in the value boxes.
    option_lists: Vec<(String, Vec<String>)>,
    /// (operator, label)
    operators: Vec<(String, String)>,
    /// (period, label)
    periods: Vec<(String, String)>,
    refused: Option<String>,
    /// (id, name) of the users records can be handed to.
    people: Vec<(String, String)>,
    /// (field, label) of the fields a bulk change may set.
    settable: Vec<(String, String)>,
    /// The bulk form's last refusal and what was typed, if any.
    bulk: BulkTyped,
    rows: Vec<Row>,
    has_cursor: bool,
    first_link: String,
    next_link: Option<String>,
}

fn link(object: &str, q: &str, kept: &[(String, String)], cursor: Option<&str>) -> String {
    let mut query = form_urlencoded::Serializer::new(String::new());
    if !q.is_empty() {
        query.append_pair("q", q);
    }
    for (k, v) in kept {
        query.append_pair(k, v);
    }
    if let Some(c) = cursor {
        query.append_pair("cursor", c);
    }
    let query = query.finish();
    if query.is_empty() {
        format!("/o/{object}")
    } else {
        format!("/o/{object}?{query}")
    }
}

/// What was typed into the bulk form when it was refused, shown again beside the reason.
#[derive(Debug, Clone, Default)]
pub struct BulkTyped {
    pub action: String,
    pub owner_id: String,
    pub field: String,
    pub value: String,
    pub every: bool,
    pub ids: Vec<String>,
    pub reason: String,
}

impl BulkTyped {
    /// Whether the action `action` was the one chosen.
    pub fn action_is(&self, action: &str) -> bool {
        self.action == action
    }
}

pub async fn list(
    State(s): State<UiState>,
    v: Viewer,
    Path(object): Path<String>,
    Query(pairs): Query<Vec<(String, String)>>,
) -> PageResult {
    let pairs = super::views::or_open(&s, &v.tr, &object, pairs).await;
    render(&s, &v, object, pairs, None).await
}

/// The list for the conditions in `pairs`; with `bulk`, the bulk form open on what was typed
/// and the reason it was refused (422).
pub async fn render(
    s: &UiState,
    v: &Viewer,
    object: String,
    pairs: Vec<(String, String)>,
    bulk: Option<BulkTyped>,
) -> PageResult {
    let params: HashMap<String, String> = pairs.iter().cloned().collect();
    let records = s.app.records(&v.actor);
    let (snap, visible) = match (
        s.app.snapshot().await,
        records.visible_fields(&object).await,
    ) {
        (Ok(snap), Ok(visible)) => (snap, visible),
        (Err(e), _) | (_, Err(e)) => return Err(PageError::app(&v.tr, e)),
    };
    let Ok(obj) = snap.schema.object(&object) else {
        return Ok(failure(&v.tr, AppError::NotFound(object)));
    };
    let q = params.get("q").cloned().unwrap_or_default();
    let mut query = Conditions::from_pairs(&pairs);
    query.columns.retain(|c| visible.contains(c));
    let defaults = super::columns::default_columns(obj, &visible);
    if query.columns == defaults {
        // The chooser sends its boxes with every search; unchanged, they say nothing.
        query.columns.clear();
    }
    let kept = query.params();
    let cursor = params.get("cursor").cloned();
    let exact = params.get("count").is_some_and(|c| c == "all");
    let columns = if query.columns.is_empty() {
        defaults
    } else {
        query.columns.clone()
    };
    let (found, refused) = match query.filter(obj) {
        Err(e) => (RecordsPage::default(), Some(crate::errors::say(&v.tr, &e))),
        Ok(filter) => {
            let req = ListRequest {
                q: Some(q.clone()).filter(|q| !q.trim().is_empty()),
                filter,
                sort: query.sort.clone(),
                limit: Some(50),
                cursor: cursor.clone(),
                count: cursor.is_none(),
                // Counting a million rows takes longer than showing them; the list says "more
                // than 1,000" unless asked to count them all.
                count_cap: (!exact).then_some(COUNT_CAP + 1),
            };
            match records.list(&object, &req).await {
                Ok(p) => (p, None),
                Err(e @ (AppError::Invalid(_) | AppError::Validation(_) | AppError::Said(_))) => {
                    (RecordsPage::default(), Some(crate::errors::say(&v.tr, &e)))
                }
                Err(e) => return Err(PageError::app(&v.tr, e)),
            }
        }
    };
    let users = s.app.user_names().await.unwrap_or_default();
    let titles = super::columns::linked_titles(s, v, obj, &found.data).await;
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
            picked: bulk.as_ref().is_some_and(|b| {
                r.get("id")
                    .and_then(Json::as_str)
                    .is_some_and(|id| b.ids.iter().any(|t| t == id))
            }),
            id: r
                .get("id")
                .and_then(Json::as_str)
                .unwrap_or_default()
                .to_owned(),
            cells: columns
                .iter()
                .filter_map(|c| obj.field(c))
                .map(|f| crate::cell::Cell::of(&ctx, obj, f, r))
                .collect(),
        })
        .collect();
    let heads = columns
        .iter()
        .filter_map(|c| obj.field(c))
        .map(|f| {
            let label = v.tr.field(obj, f);
            let (desc, arrow) = match query.sort.first() {
                Some((key, false)) if *key == f.name => (true, "▲"),
                Some((key, true)) if *key == f.name => (false, "▼"),
                _ => (false, ""),
            };
            let by_this = Conditions {
                sort: vec![(f.name.to_string(), desc)],
                ..query.clone()
            };
            Column {
                sort_link: link(&object, &q, &by_this.params(), None),
                sort_title: v.tr.t1("sort-by", "field", &label),
                label,
                arrow,
            }
        })
        .collect();
    let page = Page::new(s, v, &object).await?;
    let views = s.app.views(&v.actor, &object).await.unwrap_or_default();
    let mut people: Vec<(String, String)> =
        users.iter().map(|(k, n)| (k.clone(), n.clone())).collect();
    people.sort_by(|a, b| a.1.cmp(&b.1));
    let settable = records
        .editable_fields(&object)
        .await
        .unwrap_or_default()
        .iter()
        .filter_map(|n| obj.field(n))
        .filter(|f| !matches!(f.kind, FieldKind::Lookup | FieldKind::User))
        .map(|f| (f.name.to_string(), v.tr.field(obj, f)))
        .collect();
    let kept_query = form_urlencoded::Serializer::new(String::new())
        .extend_pairs(kept.iter())
        .finish();
    let status = if bulk.is_some() {
        StatusCode::UNPROCESSABLE_ENTITY
    } else if refused.is_some() {
        StatusCode::BAD_REQUEST
    } else {
        StatusCode::OK
    };
    let list = ListPage {
        title: v.tr.object_plural(obj),
        new_label: v.tr.t1("new-record", "object", &v.tr.object(obj)),
        count: found.total.map(|n| {
            if n > COUNT_CAP as i64 {
                v.tr.t1(
                    "records-more-than",
                    "count",
                    &crate::format::number(v.tr.code, &COUNT_CAP.to_string()),
                )
            } else {
                v.tr.count("records-count", n)
            }
        }),
        count_all_link: found.total.filter(|n| *n > COUNT_CAP as i64).map(|_| {
            let mut all = kept.clone();
            all.push(("count".into(), "all".into()));
            link(&object, &q, &all, None)
        }),
        columns: heads,
        rows,
        has_cursor: cursor.is_some(),
        first_link: link(&object, &q, &kept, None),
        next_link: found
            .next_cursor
            .as_deref()
            .map(|c| link(&object, &q, &kept, Some(c))),
        // A chosen view says what the list shows; the builder opens on one's own conditions.
        builder_open: (!query.conditions.is_empty() && !params.contains_key("view"))
            || query.sort.len() > 1
            || refused.is_some(),
        choosable: super::columns::chooser(obj, &visible, &columns, &v.tr),
        any: query.any,
        grouped: query
            .conditions
            .iter()
            .any(|c| c.group.max(1) != query.conditions[0].group.max(1)),
        groups: query
            .group_any
            .iter()
            .enumerate()
            .map(|(i, any)| (i + 1, *any))
            .collect(),
        condition_rows: (0..(query.conditions.len() + 2).min(MAX_CONDITIONS))
            .map(|i| {
                let c = query.conditions.get(i).cloned().unwrap_or_default();
                ConditionRow {
                    index: i,
                    field: c.field,
                    op: c.op,
                    value: c.value,
                    group: c.group.max(1),
                }
            })
            .collect(),
        sort_rows: (0..(query.sort.len() + 1).clamp(2, MAX_SORT_KEYS))
            .map(|i| {
                let (field, desc) = query.sort.get(i).cloned().unwrap_or_default();
                SortRow {
                    index: i,
                    field,
                    desc,
                }
            })
            .collect(),
        option_lists: crate::conditions::option_lists(&v.tr, obj, &visible),
        filterable: obj
            .fields
            .iter()
            .filter(|f| visible.iter().any(|n| f.name == *n) && !f.kind.ops().is_empty())
            .map(|f| (f.name.to_string(), v.tr.field(obj, f)))
            .collect(),
        operators: Op::ALL
            .iter()
            .filter(|o| !matches!(o, Op::Between))
            .map(|o| (o.name().to_owned(), v.tr.t(&format!("op-{}", o.name()))))
            .collect(),
        periods: PERIODS
            .iter()
            .map(|p| {
                (
                    (*p).to_owned(),
                    v.tr.t(&format!("period-{}", p.replace(':', "_"))),
                )
            })
            .collect(),
        refused: refused.map(|r| v.tr.t1("filter-refused", "reason", &r)),
        people,
        settable,
        bulk: bulk.unwrap_or_default(),
        kept_query,
        views,
        current_view: params.get("view").cloned().unwrap_or_default(),
        open_link: super::views::open_link(&v.tr, obj),
        kept,
        q,
        object,
        page,
    };
    Ok(html(status, &list))
}
