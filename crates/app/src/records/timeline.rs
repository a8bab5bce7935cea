//! A record's timeline: the follow-ups and tasks about it — and, for an account, about its
//! contacts and deals and the leads converted into it; for a lead, about what it was converted
//! into — with the documents sent to the customer for them and the record's own changes, newest
//! first, as far as the actor may read each.

use pelagic_core::filter::Filter;
use pelagic_core::ids::RecordId;
use serde_json::{Value as Json, json};

use super::{ListRequest, Record, RecordService};
use crate::AppResult;

/// Most entries of each kind a timeline holds.
pub const PER_KIND: i64 = 50;
/// Most related records whose follow-ups join a timeline.
const MAX_SUBJECTS: i64 = 200;

fn eq(field: &str, value: &str) -> Option<Filter> {
    Filter::from_json(&json!({"field": field, "op": "eq", "value": value})).ok()
}

impl RecordService<'_> {
    /// The records whose follow-ups and tasks belong on the timeline of `object` `id`: itself,
    /// the records that hang from it by a cascading lookup (an account's contacts and deals),
    /// and the lead it came from or, for a lead, what it became. Only those the actor may read.
    pub async fn timeline_subjects(&self, object: &str, id: &RecordId) -> AppResult<Vec<String>> {
        let me = self.get(object, id).await?;
        let snap = self.app.snapshot().await?;
        let mut ids = vec![id.to_string()];
        let mut lists = Vec::new();
        for other in snap.schema.objects.values() {
            for f in other.fields.iter().filter(|f| {
                (f.cascade || f.name.starts_with("converted_"))
                    && f.target.as_deref() == Some(object)
            }) {
                lists.push((other.name.clone(), eq(&f.name, id)));
            }
        }
        if snap.schema.object(object)?.behaviour.converts {
            for f in [
                "converted_account_id",
                "converted_contact_id",
                "converted_opportunity_id",
            ] {
                if let Some(linked) = me.get(f).and_then(Json::as_str) {
                    ids.push(linked.to_owned());
                }
            }
        }
        for (o, filter) in lists {
            let req = ListRequest {
                filter,
                limit: Some(MAX_SUBJECTS),
                ..ListRequest::default()
            };
            if let Ok(page) = self.list(&o, &req).await {
                ids.extend(
                    page.data
                        .iter()
                        .filter_map(|r| r.get("id").and_then(Json::as_str).map(str::to_owned)),
                );
            }
        }
        ids.dedup();
        Ok(ids)
    }

    /// Records of `object` (`activity` or `task`) about any of `subjects`, newest first.
    pub async fn about(&self, object: &str, subjects: &[String]) -> AppResult<Vec<Record>> {
        let req = ListRequest {
            filter: Filter::from_json(&json!({"field": "related", "op": "in", "value": subjects}))
                .ok(),
            sort: vec![("created_at".to_owned(), true)],
            limit: Some(PER_KIND),
            ..ListRequest::default()
        };
        Ok(self.list(object, &req).await?.data)
    }

    /// The timeline as entries `{"kind": "follow_up"|"task"|"document_sent"|"change", "at",
    /// "record"|"document"|"change"}`: documents sent to the customer for any of its records.
    pub async fn timeline(&self, object: &str, id: &RecordId) -> AppResult<Vec<Json>> {
        let subjects = self.timeline_subjects(object, id).await?;
        let mut out = Vec::new();
        let readable = self.readable_objects().await?;
        // Follow-ups by when they happened, tasks (records that remind) by when they were made.
        let kinds = readable.iter().filter_map(|o| match &o.behaviour {
            b if b.follow_up => Some(("follow_up", o, "occurred_at")),
            b if b.reminds => Some(("task", o, "created_at")), // not an object: the entry's kind
            _ => None,
        });
        for (kind, obj, at) in kinds {
            for r in self.about(&obj.name, &subjects).await? {
                let when = r
                    .get(at)
                    .filter(|v| !v.is_null())
                    .or_else(|| r.get("created_at"))
                    .cloned();
                out.push(json!({"kind": kind, "at": when, "record": r}));
            }
        }
        for d in self.app.sent_documents(&subjects).await? {
            out.push(json!({"kind": "document_sent", "at": d.sent_at, "document": d}));
        }
        for e in self
            .history(object, id)
            .await?
            .into_iter()
            .take(PER_KIND as usize)
        {
            out.push(json!({"kind": "change", "at": e.get("at").cloned(), "change": e}));
        }
        // Newest first, by the moment itself: times are written with and without fractions of
        // a second (or with an offset), which as text do not sort in time order.
        out.sort_by_key(|e| std::cmp::Reverse(moment(&e["at"])));
        Ok(out)
    }
}

/// A timeline entry's time, for ordering; entries without one sort last.
fn moment(at: &Json) -> Option<chrono::DateTime<chrono::Utc>> {
    at.as_str()
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(t).ok())
        .map(|t| t.with_timezone(&chrono::Utc))
}

#[cfg(test)]
mod tests {
    use super::moment;
    use serde_json::json;

    #[test]
    fn times_written_differently_order_by_the_moment() {
        let whole = moment(&json!("2026-12-03T09:49:58Z"));
        let later = moment(&json!("2026-12-03T09:49:58.84Z"));
        let offset = moment(&json!("2026-12-03T17:49:59+08:00"));
        assert!(whole < later && later < offset);
        assert!(moment(&json!(null)) < whole);
    }
}
