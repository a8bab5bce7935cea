//! A record's timeline: its follow-ups, the tasks about it, the documents sent to the customer
//! and its latest changes, newest first,
//! each only as far as the viewer may read it.

use chrono::{DateTime, Utc};
use pelagic_core::ids::RecordId;
use pelagic_core::meta::ObjectDef;
use serde_json::{Map, Value as Json};

use crate::UiState;
use crate::display::{self, Context};
use crate::viewer::Viewer;

/// Most changes the timeline shows.
const PER_KIND: i64 = 20;

/// One entry of the timeline.
pub struct Entry {
    pub tag: String,
    pub title: String,
    pub when: String,
    pub body: String,
    /// The entry's own page (a task), or empty.
    pub link: String,
    at: DateTime<Utc>,
}

fn moment(r: &Map<String, Json>, field: &str) -> Option<DateTime<Utc>> {
    r.get(field)
        .and_then(Json::as_str)
        .and_then(|t| t.parse().ok())
}

/// The timeline of record `id` of `obj`; `readable` are the objects the viewer may read.
pub async fn timeline(
    s: &UiState,
    v: &Viewer,
    obj: &ObjectDef,
    id: &RecordId,
    readable: &[std::sync::Arc<ObjectDef>],
    ctx: &Context<'_>,
) -> Vec<Entry> {
    let records = s.app.records(&v.actor);
    let subjects = records
        .timeline_subjects(&obj.name, id)
        .await
        .unwrap_or_else(|_| vec![id.to_string()]);
    let mut out = Vec::new();
    let find = |name: &str| readable.iter().find(|o| o.name == name);
    if let Some(act) = find("activity")
        && let Ok(data) = records.about("activity", &subjects).await
    {
        for r in &data {
            let show = |n: &str| {
                act.field(n)
                    .map(|f| display::show(ctx, act, f, r))
                    .unwrap_or_default()
            };
            let at = moment(r, "occurred_at").or_else(|| moment(r, "created_at"));
            out.push(Entry {
                tag: show("kind"),
                title: show("subject"),
                when: at
                    .map(|t| display::when(ctx.tr, ctx.time_zone, t))
                    .unwrap_or_default(),
                body: show("body"),
                link: String::new(),
                at: at.unwrap_or_default(),
            });
        }
    }
    if let Some(task) = find("task")
        && let Ok(data) = records.about("task", &subjects).await
    {
        for r in &data {
            let show = |n: &str| {
                task.field(n)
                    .map(|f| display::show(ctx, task, f, r))
                    .unwrap_or_default()
            };
            let due = show("due_at");
            out.push(Entry {
                tag: v.tr.object(task),
                title: show("subject"),
                when: due,
                body: show("status"),
                link: format!(
                    "/o/task/{}",
                    r.get("id").and_then(Json::as_str).unwrap_or_default()
                ),
                at: moment(r, "created_at").unwrap_or_default(),
            });
        }
    }
    if let Ok(sent) = s.app.sent_documents(&subjects).await {
        for d in sent {
            let at = d.sent_at.unwrap_or(d.created_at);
            out.push(Entry {
                tag: v.tr.t("document-sent-tag"),
                title: d.name,
                when: display::when(ctx.tr, ctx.time_zone, at),
                body: d.sent_to.unwrap_or_default(),
                link: format!("/documents/{}", d.id),
                at,
            });
        }
    }
    if let Ok(changes) = records.history(&obj.name, id).await {
        for e in changes.iter().take(PER_KIND as usize) {
            let text = |k: &str| e.get(k).and_then(Json::as_str).unwrap_or_default();
            let field = obj.field(text("field"));
            let value = |k: &str| match (field, e.get(k)) {
                (Some(f), Some(val)) if !val.is_null() => {
                    let one = Map::from_iter([(f.name.to_string(), val.clone())]);
                    display::show(ctx, obj, f, &one)
                }
                _ => String::new(),
            };
            let title = match field {
                Some(f) => format!(
                    "{}: {} → {}",
                    v.tr.field(obj, f),
                    if value("old").is_empty() {
                        "—".into()
                    } else {
                        value("old")
                    },
                    if value("new").is_empty() {
                        "—".into()
                    } else {
                        value("new")
                    }
                ),
                None => String::new(),
            };
            let at = text("at").parse::<DateTime<Utc>>().ok();
            out.push(Entry {
                tag: v.tr.t(&format!("action-{}", text("action"))),
                title,
                when: at
                    .map(|t| display::when(ctx.tr, ctx.time_zone, t))
                    .unwrap_or_default(),
                body: ctx.users.get(text("user_id")).cloned().unwrap_or_default(),
                link: String::new(),
                at: at.unwrap_or_default(),
            });
        }
    }
    out.sort_by_key(|e| std::cmp::Reverse(e.at));
    out
}
