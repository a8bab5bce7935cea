//! Which columns a list shows (the object's defaults, or those the user chose) and the names of
//! the records a page's lookups and references point at.

use std::collections::{HashMap, HashSet};

use pelagic_app::ListRequest;
use pelagic_app::records::Record;
use pelagic_core::filter::Filter;
use pelagic_core::kind::FieldKind;
use pelagic_core::meta::ObjectDef;
use serde_json::{Value as Json, json};

use crate::UiState;
use crate::display;
use crate::viewer::Viewer;

/// Columns a list shows by default, the record's name first.
const DEFAULT_COLUMNS: usize = 6;

/// Most linked records whose names one query fetches.
const TITLES_PER_QUERY: usize = 200;

/// Every readable field for the column chooser: the shown columns first, in their order, so
/// that sending the boxes unchanged keeps the list as it is.
pub fn chooser(
    obj: &ObjectDef,
    visible: &[String],
    columns: &[String],
    tr: &crate::i18n::Tr,
) -> Vec<(String, String, bool)> {
    let shown = columns.iter().filter_map(|c| obj.field(c));
    let rest = obj.fields.iter().filter(|f| {
        visible.iter().any(|n| f.name == *n)
            && f.name != "id"
            && !columns.iter().any(|c| f.name == *c)
    });
    shown
        .map(|f| (f, true))
        .chain(rest.map(|f| (f, false)))
        .map(|(f, on)| (f.name.to_string(), tr.field(obj, f), on))
        .collect()
}

/// The record's name, then the visible fields people look for first in a list (how to reach
/// the customer, whom it belongs to, money, the status), then the owner.
pub fn default_columns(obj: &ObjectDef, visible: &[String]) -> Vec<String> {
    let title = display::title_field(obj).map(|f| f.name.to_string());
    let mut out: Vec<String> = title
        .iter()
        .filter(|t| visible.contains(t))
        .cloned()
        .collect();
    let rank = |kind: FieldKind| match kind {
        FieldKind::Phone => 0,
        FieldKind::Email => 1,
        FieldKind::Lookup => 2,
        FieldKind::Money => 3,
        FieldKind::Select => 4,
        FieldKind::Date | FieldKind::Datetime => 5,
        FieldKind::Textarea | FieldKind::Multiselect | FieldKind::Reference => 9,
        _ => 6,
    };
    let mut candidates: Vec<_> = obj
        .fields
        .iter()
        .filter(|f| {
            !f.system
                && visible.iter().any(|n| f.name == *n)
                && title.as_deref() != Some(f.name.as_str())
        })
        .filter(|f| rank(f.kind) < 9)
        .collect();
    candidates.sort_by_key(|f| rank(f.kind));
    out.extend(
        candidates
            .iter()
            .take(DEFAULT_COLUMNS - 1)
            .map(|f| f.name.to_string()),
    );
    if visible.iter().any(|v| v == "owner_id") {
        out.push("owner_id".into());
    }
    out
}

/// The names of the records that the lookups and references of `records` point at, by id, as
/// far as the viewer may read them.
pub async fn linked_titles(
    s: &UiState,
    v: &Viewer,
    obj: &ObjectDef,
    records: &[Record],
) -> HashMap<String, String> {
    let mut wanted: HashSet<(String, String)> = HashSet::new();
    for f in &obj.fields {
        for r in records {
            match (f.kind, r.get(f.name.as_str())) {
                (FieldKind::Lookup, Some(Json::String(id))) => {
                    wanted.insert((f.target.clone().unwrap_or_default(), id.clone()));
                }
                (FieldKind::Reference, Some(Json::Object(m))) => {
                    if let (Some(Json::String(o)), Some(Json::String(id))) =
                        (m.get("object"), m.get("id"))
                    {
                        wanted.insert((o.clone(), id.clone()));
                    }
                }
                _ => {}
            }
        }
    }
    let records_service = s.app.records(&v.actor);
    let mut titles = HashMap::new();
    let Ok(snap) = s.app.snapshot().await else {
        return titles;
    };
    let mut by_target: HashMap<String, Vec<String>> = HashMap::new();
    for (target, id) in wanted {
        by_target.entry(target).or_default().push(id);
    }
    // One query per linked object, however many rows point at it.
    for (target, ids) in by_target {
        let Ok(t) = snap.schema.object(&target) else {
            continue;
        };
        for chunk in ids.chunks(TITLES_PER_QUERY) {
            let req = ListRequest {
                filter: Filter::from_json(&json!({"field": "id", "op": "in", "value": chunk})).ok(),
                limit: Some(chunk.len() as i64),
                ..ListRequest::default()
            };
            if let Ok(found) = records_service.list(&target, &req).await {
                for r in &found.data {
                    if let Some(id) = r.get("id").and_then(Json::as_str) {
                        titles.insert(id.to_owned(), display::title(&v.tr, t, r));
                    }
                }
            }
        }
    }
    titles
}
