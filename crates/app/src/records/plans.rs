//! Revisit plans: a follow-up logged with a next follow-up time makes a task for that time, about
//! the same record, for the follow-up's owner, in the same transaction. The task is what reminds,
//! shows on the home page and in the calendar feed, and is ticked off when done.

use std::collections::BTreeSet;

use serde_json::{Map, Value as Json, json};

use super::RecordService;
use super::prepared::Prepared;
use crate::{AppError, AppResult};

/// The object the tasks follow-ups plan are records of.
const TASKS: &str = "task";

impl RecordService<'_> {
    /// The tasks new follow-ups plan, when the actor may create tasks; a plan that cannot
    /// become a task never stops the follow-up being logged.
    pub(super) async fn planned_tasks(
        &self,
        p: &Prepared,
        bodies: &[Json],
    ) -> AppResult<Option<Prepared>> {
        if !p.t.obj.behaviour.follow_up || p.t.snap.schema.object(TASKS).is_err() {
            return Ok(None);
        }
        let tasks = planned_tasks(bodies, &self.actor.locale);
        if tasks.is_empty() {
            return Ok(None);
        }
        match self
            .prepare_create(TASKS, &tasks, "", &BTreeSet::new())
            .await
        {
            Ok(prepared) => Ok(Some(prepared)),
            Err(e) if e.is_forbidden() || matches!(e, AppError::Validation(_)) => Ok(None),
            Err(e) => Err(e),
        }
    }
}

/// "Follow up" in the actor's language, the start of a planned task's subject.
fn follow_up_word(locale: &str) -> &'static str {
    match locale {
        l if l.starts_with("zh-TW") || l.starts_with("zh-Hant") => "跟進",
        l if l.starts_with("zh") => "跟进",
        l if l.starts_with("es") => "Seguimiento",
        l if l.starts_with("ru") => "Повторный контакт",
        _ => "Follow up",
    }
}

/// The tasks the follow-ups in `bodies` plan: one for each with a `next_follow_up_at`.
pub(super) fn planned_tasks(bodies: &[Json], locale: &str) -> Vec<Json> {
    bodies
        .iter()
        .filter_map(|b| {
            let next = b.get("next_follow_up_at").filter(|v| !v.is_null())?;
            let word = follow_up_word(locale);
            let subject = match b.get("subject").and_then(Json::as_str).map(str::trim) {
                Some(s) if !s.is_empty() => format!("{word}: {s}"),
                _ => word.to_owned(),
            };
            let mut task = Map::new();
            task.insert("subject".into(), json!(subject));
            task.insert("due_at".into(), next.clone());
            task.insert("status".into(), json!("open"));
            task.insert("remind_before".into(), json!("minutes_15"));
            if let Some(related) = b.get("related").filter(|v| !v.is_null()) {
                task.insert("related".into(), related.clone());
            }
            if let Some(owner) = b.get("owner_id").filter(|v| !v.is_null()) {
                task.insert("owner_id".into(), owner.clone());
            }
            Some(Json::Object(task))
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_follow_up_with_a_next_time_plans_one_task_and_one_without_plans_none() {
        let bodies = [
            json!({"subject": "Price list sent", "next_follow_up_at": "2026-12-01T09:00:00Z",
                   "related": {"object": "account", "id": "a1"}}),
            json!({"subject": "Called"}),
            json!({"next_follow_up_at": null}),
        ];
        let tasks = planned_tasks(&bodies, "es");
        assert_eq!(tasks.len(), 1);
        assert_eq!(tasks[0]["subject"], "Seguimiento: Price list sent");
        assert_eq!(tasks[0]["due_at"], "2026-12-01T09:00:00Z");
        assert_eq!(tasks[0]["related"]["id"], "a1");
    }
}
