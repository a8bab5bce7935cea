//! Approval flows: administrators define, per object (quote, contract, order, refund), flows
//! with a condition on the record (a filter such as "overall discount above 15 %") and ordered
//! steps (the submitter's manager, everyone of a role, a named user; any one of them or all).
//! A record submitted goes to the first active flow whose condition it meets, or is approved at
//! once when none does. While a request is pending the record is locked; every decision, with
//! its comment, is in the request's trail and the record's history, and the submitter is told.

use chrono::{DateTime, Utc};
use pelagic_core::access::Actor;
use pelagic_core::filter::Filter;
use pelagic_core::meta::ObjectDef;
use pelagic_core::names::{Column, ColumnName};
use pelagic_core::plan::{self, Cmp, Pred};
use pelagic_core::said::{Reason, Said};
use pelagic_core::{ColType, Value};
use pelagic_store::approvals::{self as store, RequestRow, TaskRow};
use pelagic_store::{Tx, metadata};
use serde::{Deserialize, Serialize};
use serde_json::{Value as Json, json};

use crate::policy::admin_only;
use crate::{App, AppResult};

/// The objects that may need approval.
pub const APPROVABLE: [&str; 4] = ["quote", "contract", "order", "refund"];

/// The lines of the objects that have them: (object, lines' object, the field naming the object).
const LINES: [(&str, &str, &str); 2] = [
    ("quote", "quote_line", "quote_id"),
    ("order", "order_line", "order_id"),
];

/// Most flows, and most steps in one flow.
const MAX_FLOWS: usize = 100;
pub(crate) const MAX_STEPS: usize = 10;

/// One approval flow.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Flow {
    #[serde(default)]
    pub id: String,
    pub name: String,
    pub object: String,
    #[serde(default = "yes")]
    pub active: bool,
    /// A filter (the records API's grammar) the record must meet; none: every record.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub condition: Option<Json>,
    pub steps: Vec<Step>,
}

fn yes() -> bool {
    true
}

/// Who decides one step, and whether one of them is enough.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Step {
    /// `manager` (of the submitter's team, or the team above when they manage it), `role` or
    /// `user`.
    pub approver: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub user_id: Option<String>,
    /// `any` (one approval decides the step) or `all`.
    #[serde(default = "any")]
    pub mode: String,
}

fn any() -> String {
    "any".into()
}

impl App {
    /// Every flow, in the order they are tried.
    pub async fn approval_flows(&self) -> AppResult<Vec<Flow>> {
        Ok(metadata::setting(self.db(), "approval_flows")
            .await?
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default())
    }

    /// Replaces every flow (administrators); flows keep their ids, new ones get one.
    pub async fn set_approval_flows(
        &self,
        actor: &Actor,
        flows: Vec<Flow>,
    ) -> AppResult<Vec<Flow>> {
        admin_only(actor)?;
        if flows.len() > MAX_FLOWS {
            return Err(crate::AppError::from(
                Said::new(Reason::FlowsAtMost).with("max", MAX_FLOWS),
            ));
        }
        let snap = self.snapshot().await?;
        let known = crate::approval_flow_check::Known {
            snap: &snap,
            users: pelagic_store::users::all_users(self.db()).await?,
            roles: pelagic_store::access::roles(self.db()).await?,
        };
        let mut out = Vec::with_capacity(flows.len());
        for (i, mut f) in flows.into_iter().enumerate() {
            known.check(i, &mut f)?;
            if f.id.is_empty() {
                f.id = crate::ids::new_id();
            }
            out.push(f);
        }
        let mut tx = self.db().begin().await?;
        metadata::set_setting(&mut tx, "approval_flows", &json!(out)).await?;
        tx.commit().await?;
        Ok(out)
    }

    /// Starts approval of a record the submitter just submitted, inside the submission's
    /// transaction: gives whether a flow's condition matched (the record now waits), or not
    /// (no approval is needed).
    pub(crate) async fn start_approval(
        &self,
        tx: &mut Tx,
        submitter: &Actor,
        obj: &ObjectDef,
        record_id: &str,
        title: &str,
        now: DateTime<Utc>,
    ) -> AppResult<bool> {
        let Some(flow) = self.matching_flow(tx, obj, record_id).await? else {
            return Ok(false);
        };
        let request = RequestRow {
            id: crate::ids::new_id(),
            flow_id: flow.id.clone(),
            flow_name: flow.name.clone(),
            object: obj.name.clone(),
            record_id: record_id.to_owned(),
            status: "pending".into(),
            step: 0,
            steps: json!(flow.steps).to_string(),
            submitted_by: submitter.user_id.to_string(),
            submitted_at: now,
            decided_at: None,
        };
        store::insert_request(tx, &request).await?;
        self.ask_step(tx, &request, &flow.steps, 0, title, now)
            .await?;
        Ok(true)
    }

    /// The first active flow of the object whose condition the record (as written in `tx`)
    /// meets.
    async fn matching_flow(
        &self,
        tx: &mut Tx,
        obj: &ObjectDef,
        record_id: &str,
    ) -> AppResult<Option<Flow>> {
        let snap = self.held_snapshot().await;
        let flows: Vec<Flow> = metadata::setting_tx(tx, "approval_flows")
            .await?
            .and_then(|v| serde_json::from_value(v).ok())
            .unwrap_or_default();
        for flow in flows {
            if !flow.active || flow.object != obj.name {
                continue;
            }
            let mut pred = vec![Pred::Cmp {
                col: "id".into(),
                op: Cmp::Eq,
                value: Value::Text(record_id.to_owned()),
            }];
            if let Some(c) = &flow.condition {
                // A condition that no longer fits the metadata (a field removed) never matches
                // silently: it is refused, so the administrator sees it.
                let filter = Filter::from_json(c)?;
                pred.push(plan::plan_filter(
                    obj,
                    &filter,
                    &|_| true,
                    &plan_context(&snap.input),
                )?);
            }
            if pelagic_store::records::count_tx(tx, &obj.table, &Pred::And(pred)).await? > 0 {
                return Ok(Some(flow));
            }
        }
        Ok(None)
    }

    /// Asks the approvers of step `step`: their tasks, a share to read the record, a
    /// notification.
    pub(crate) async fn ask_step(
        &self,
        tx: &mut Tx,
        request: &RequestRow,
        steps: &[Step],
        step: usize,
        title: &str,
        now: DateTime<Utc>,
    ) -> AppResult<()> {
        let approvers = self
            .approvers(tx, &steps[step], &request.submitted_by)
            .await?;
        let tasks: Vec<TaskRow> = approvers
            .iter()
            .map(|u| TaskRow {
                id: crate::ids::new_id(),
                request_id: request.id.clone(),
                step: step as i64,
                user_id: u.clone(),
                decision: None,
                comment: None,
                created_at: now,
                decided_at: None,
            })
            .collect();
        store::insert_tasks(tx, &tasks).await?;
        // Approvers read what they decide on: the record and, for a quote or an order, its
        // lines (which stay as they are while the record is locked).
        let mut shared = vec![(request.object.clone(), request.record_id.clone())];
        shared.extend(
            self.lines_of(tx, &request.object, &request.record_id)
                .await?,
        );
        for u in &approvers {
            for (object, record_id) in &shared {
                pelagic_store::sharing::insert_share(
                    tx,
                    &pelagic_store::sharing::ShareRow {
                        id: crate::ids::new_id(),
                        object: object.clone(),
                        record_id: record_id.clone(),
                        grantee: format!("user:{u}"),
                        access: "read".into(),
                        until: None,
                        created_by: request.submitted_by.clone(),
                        created_at: now,
                    },
                )
                .await?;
            }
        }
        metadata::bump(tx).await?;
        let notes: Vec<_> = approvers
            .iter()
            .map(|u| {
                crate::notifications::new(
                    u,
                    "approval_requested",
                    json!({"flow": request.flow_name, "title": title, "object": request.object,
                        "count": 1, "records": [{"id": request.record_id, "name": title}]}),
                    Some((&request.object, &request.record_id)),
                    now,
                )
            })
            .collect();
        pelagic_store::notifications::insert(tx, &notes).await?;
        Ok(())
    }

    /// The live lines of a quote or an order as (object, id) pairs; none for other objects.
    async fn lines_of(
        &self,
        tx: &mut Tx,
        object: &str,
        record_id: &str,
    ) -> AppResult<Vec<(String, String)>> {
        let Some((lines, link)) = LINES
            .iter()
            .find(|(o, _, _)| *o == object)
            .map(|(_, l, k)| (*l, *k))
        else {
            return Ok(Vec::new());
        };
        let snap = self.held_snapshot().await;
        let obj = snap.schema.object(lines)?;
        let Some(link) = obj.field(link) else {
            return Ok(Vec::new());
        };
        let pred = Pred::And(vec![
            Pred::Cmp {
                col: link.column.clone(),
                op: Cmp::Eq,
                value: Value::Text(record_id.to_owned()),
            },
            Pred::IsNull {
                col: "deleted_at".into(),
            },
        ]);
        let found = pelagic_store::records::grouped_tx(
            tx,
            &obj.table,
            &pred,
            &[("id", ColType::Text)],
            &[],
        )
        .await?;
        Ok(found
            .into_iter()
            .filter_map(|(g, _, _)| g[0].as_str().map(|id| (lines.to_owned(), id.to_owned())))
            .collect())
    }

    /// Who decides a step submitted by `submitter` (never the submitter themselves).
    async fn approvers(&self, tx: &mut Tx, step: &Step, submitter: &str) -> AppResult<Vec<String>> {
        let snap = self.held_snapshot().await;
        let rules = &snap.access;
        let users = pelagic_store::users::all_users_tx(tx).await?;
        let active = |id: &str| users.iter().any(|u| u.id == id && u.active);
        let found: Vec<String> = match step.approver.as_str() {
            "manager" => rules.manager_of(submitter).into_iter().collect(),
            "role" => users
                .iter()
                .filter(|u| Some(&u.role) == step.role.as_ref() && u.active)
                .map(|u| u.id.clone())
                .collect(),
            _ => step.user_id.iter().filter(|u| active(u)).cloned().collect(),
        };
        let found: Vec<String> = found
            .into_iter()
            .filter(|u| u != submitter && active(u))
            .collect();
        if found.is_empty() {
            return Err(match step.approver.as_str() {
                "manager" => Said::new(Reason::NoManagerToApprove),
                "role" => Said::new(Reason::NoRoleToApprove)
                    .with("role", step.role.clone().unwrap_or_default()),
                _ => Said::new(Reason::NamedApproverCannot),
            }
            .into());
        }
        Ok(found)
    }
}

/// Filters in a condition are read in UTC (relative dates such as `this_month` included).
pub(crate) fn plan_context(input: &pelagic_core::input::InputContext) -> plan::PlanContext {
    plan::PlanContext {
        input: input.clone(),
        today: chrono::Utc::now().date_naive(),
        tz: pelagic_core::period::zone("UTC"),
    }
}

/// One request as the API shows it, with its trail.
pub(crate) fn request_view(r: &RequestRow, tasks: &[TaskRow]) -> Json {
    let time = |t: DateTime<Utc>| t.to_rfc3339_opts(chrono::SecondsFormat::AutoSi, true);
    json!({
        "id": r.id, "flow_id": r.flow_id, "flow": r.flow_name, "object": r.object,
        "record_id": r.record_id, "status": r.status, "step": r.step,
        "steps": serde_json::from_str::<Json>(&r.steps).unwrap_or(Json::Null),
        "submitted_by": r.submitted_by, "submitted_at": time(r.submitted_at),
        "decided_at": r.decided_at.map(time),
        "tasks": tasks.iter().filter(|t| t.request_id == r.id).map(|t| json!({
            "id": t.id, "step": t.step, "user_id": t.user_id, "decision": t.decision,
            "comment": t.comment, "decided_at": t.decided_at.map(time),
        })).collect::<Vec<_>>(),
    })
}

/// The column write that sets a text column.
pub(crate) fn text_set(column: impl Column, value: Option<&str>) -> (ColumnName, ColType, Value) {
    (
        column.to_name(),
        ColType::Text,
        Value::text_or_null(value.map(str::to_owned)),
    )
}
