//! Deciding approvals: an approver approves or rejects the step they are asked about, with a
//! comment; the request moves to its next step, or ends and the record takes the outcome (a
//! quote becomes approved, or goes back to its draft), and the submitter is told. Also what an
//! approver has waiting, and a record's trail.

use pelagic_core::access::Actor;
use pelagic_core::ids::RecordId;
use pelagic_core::said::{Reason, Said};
use serde_json::{Value as Json, json};

use crate::approvals::{Step, request_view, text_set};
use crate::history::Change;
use crate::{App, AppError, AppResult};
use pelagic_store::approvals as store;

/// Longest comment kept with a decision.
const MAX_COMMENT: usize = 2000;

impl App {
    /// Approves (or rejects) the current step of a request the actor is asked to decide.
    pub async fn decide_approval(
        &self,
        actor: &Actor,
        request_id: &str,
        approve: bool,
        comment: Option<&str>,
    ) -> AppResult<Json> {
        let comment = comment.map(str::trim).filter(|c| !c.is_empty());
        if comment.is_some_and(|c| c.chars().count() > MAX_COMMENT) {
            return Err(pelagic_core::CoreError::field(
                "comment",
                Said::at_most_chars(MAX_COMMENT),
            )
            .into());
        }
        if !approve && comment.is_none() {
            return Err(pelagic_core::CoreError::field("comment", Reason::SayWhyRejected).into());
        }
        let not_yours = || {
            AppError::NotFound(format!(
                "there is no approval request '{request_id}' waiting for you"
            ))
        };
        pelagic_core::input::check_id(request_id).map_err(|_| not_yours())?;
        let now = self.now();
        let mut tx = self.db().begin().await?;
        let request = store::request(&mut tx, request_id)
            .await?
            .ok_or_else(not_yours)?;
        let tasks = store::step_tasks(&mut tx, &request.id, request.step).await?;
        let mine = tasks
            .iter()
            .find(|t| t.user_id == actor.user_id)
            .ok_or_else(not_yours)?;
        if request.status != "pending" {
            return Err(Said::new(Reason::RequestAlreadyDecided)
                .with("status", &request.status)
                .into());
        }
        let decision = if approve { "approved" } else { "rejected" };
        if mine.decision.is_some()
            || !store::decide(&mut tx, &mine.id, decision, comment, now).await?
        {
            return Err(Said::new(Reason::StepAlreadyDecided).into());
        }
        let steps: Vec<Step> = serde_json::from_str(&request.steps).unwrap_or_default();
        let step = request.step as usize;
        let mode_all = steps.get(step).is_some_and(|s| s.mode == "all");
        let records = self.records(actor);
        let whole = records
            .whole_unchecked(
                &mut tx,
                &request.object,
                &RecordId::stored(request.record_id.clone()),
            )
            .await?;
        let title = whole.title();
        let outcome = if !approve {
            store::skip_open(&mut tx, &request.id, request.step, now).await?;
            still_pending(
                store::set_request(&mut tx, &request.id, "rejected", request.step, Some(now))
                    .await?,
            )?;
            Some("rejected")
        } else {
            let others_done = tasks
                .iter()
                .filter(|t| t.id != mine.id)
                .all(|t| t.decision.as_deref() == Some("approved"));
            if mode_all && !others_done {
                None
            } else {
                store::skip_open(&mut tx, &request.id, request.step, now).await?;
                if step + 1 < steps.len() {
                    self.ask_next(&mut tx, &request, &steps, step + 1, &title, now)
                        .await?;
                    None
                } else {
                    still_pending(
                        store::set_request(
                            &mut tx,
                            &request.id,
                            "approved",
                            request.step,
                            Some(now),
                        )
                        .await?,
                    )?;
                    Some("approved")
                }
            }
        };
        let change = Change {
            object: &request.object,
            record_id: &request.record_id,
            user_id: &actor.user_id,
            at: now,
        };
        let noted = json!({"flow": request.flow_name, "step": step + 1, "decision": decision, "comment": comment});
        crate::history::append(&mut tx, &[change.noted("approval", None, Some(&noted))]).await?;
        if let Some(outcome) = outcome {
            let mut sets = vec![text_set("approval_status", Some(outcome))];
            if request.object == "quote" {
                sets.push(text_set(
                    "status",
                    Some(if approve { "approved" } else { "draft" }),
                ));
            }
            records
                .set_recorded(&mut tx, &whole, sets, decision, now)
                .await?;
            records
                .refresh_figures_of(&mut tx, &request.object, &request.record_id)
                .await?;
            let note = crate::notifications::new(
                &request.submitted_by,
                "approval_decided",
                json!({"flow": request.flow_name, "title": title, "decision": outcome, "comment": comment,
                    "object": request.object, "count": 1,
                    "records": [{"id": request.record_id, "name": title}]}),
                Some((&request.object, &request.record_id)),
                now,
            );
            pelagic_store::notifications::insert(&mut tx, &[note]).await?;
        }
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        let all = store::tasks_of(self.db(), std::slice::from_ref(&request.id)).await?;
        let request = store::requests(self.db(), std::slice::from_ref(&request.id)).await?;
        Ok(request
            .first()
            .map(|r| request_view(r, &all))
            .unwrap_or(Json::Null))
    }

    async fn ask_next(
        &self,
        tx: &mut pelagic_store::Tx,
        request: &store::RequestRow,
        steps: &[Step],
        step: usize,
        title: &str,
        now: chrono::DateTime<chrono::Utc>,
    ) -> AppResult<()> {
        still_pending(store::set_request(tx, &request.id, "pending", step as i64, None).await?)?;
        self.ask_step(tx, request, steps, step, title, now).await
    }

    /// The requests waiting for the actor's decision, oldest first, each with the record's
    /// title.
    /// How many approval requests wait for the actor's decision now.
    pub async fn approvals_waiting_count(&self, actor: &Actor) -> AppResult<i64> {
        let open = store::open_tasks_of(self.db(), &actor.user_id).await?;
        let ids: Vec<String> = open.iter().map(|t| t.request_id.clone()).collect();
        if ids.is_empty() {
            return Ok(0);
        }
        let requests = store::requests(self.db(), &ids).await?;
        let waiting = open
            .iter()
            .filter(|t| {
                requests
                    .iter()
                    .any(|r| r.id == t.request_id && r.status == "pending")
            })
            .count();
        Ok(i64::try_from(waiting).unwrap_or(i64::MAX))
    }

    pub async fn approvals_waiting(&self, actor: &Actor) -> AppResult<Vec<Json>> {
        let open = store::open_tasks_of(self.db(), &actor.user_id).await?;
        let ids: Vec<String> = open.iter().map(|t| t.request_id.clone()).collect();
        let requests = store::requests(self.db(), &ids).await?;
        let tasks = store::tasks_of(self.db(), &ids).await?;
        let records = self.records(actor);
        let mut out = Vec::new();
        for t in &open {
            let Some(r) = requests
                .iter()
                .find(|r| r.id == t.request_id && r.status == "pending")
            else {
                continue;
            };
            let Ok(record) = records
                .get(&r.object, &RecordId::stored(r.record_id.clone()))
                .await
            else {
                continue;
            };
            let mut view = request_view(r, &tasks);
            view["record"] = Json::Object(record);
            out.push(view);
        }
        Ok(out)
    }

    /// The approval requests of a record the actor may read, newest first, with every decision.
    pub async fn approval_trail(
        &self,
        actor: &Actor,
        object: &str,
        id: &str,
    ) -> AppResult<Vec<Json>> {
        self.records(actor)
            .get(object, &RecordId::stored(id))
            .await?;
        let requests = store::requests_of(self.db(), object, id).await?;
        let ids: Vec<String> = requests.iter().map(|r| r.id.clone()).collect();
        let tasks = store::tasks_of(self.db(), &ids).await?;
        Ok(requests.iter().map(|r| request_view(r, &tasks)).collect())
    }
}

/// A request another decision ended meanwhile refuses this one.
fn still_pending(moved: bool) -> AppResult<()> {
    if moved {
        Ok(())
    } else {
        Err(Said::new(Reason::RequestDecidedMeanwhile).into())
    }
}
