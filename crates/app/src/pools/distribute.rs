//! Push by rule: a pool administrator hands the records waiting in a pool to its members, in turn
//! (round-robin, remembered between pushes), or to the members whose region or industry matches
//! the record's, skipping anyone at a limit.

use pelagic_core::said::{Reason, Said};
use std::collections::BTreeMap;

use pelagic_core::Value;
use pelagic_core::fold::fold;
use pelagic_core::output::Projection;
use pelagic_core::plan::OrderKey;
use pelagic_store::records::{self as rows, ListQuery};

use super::take::{Distribution, MAX_ASSIGN, in_pool};
use crate::records::RecordService;
use crate::{AppError, AppResult};

/// How a push chooses the member for each record.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Rule {
    RoundRobin,
    Match,
}

impl RecordService<'_> {
    /// Hands up to `limit` (at most 500) records waiting in the pool to its members by `rule`,
    /// oldest first, in one transaction.
    pub async fn distribute(
        &self,
        pool_id: &str,
        rule: Rule,
        limit: usize,
    ) -> AppResult<Distribution> {
        let pool = self.app.visible_pool(self.actor, pool_id).await?;
        if !pool.is_admin(self.actor) {
            return Err(AppError::from(Said::new(Reason::PoolAdminsHandOut)));
        }
        let snap = self.app.snapshot().await?;
        let obj = snap.schema.object(&pool.row.object)?.clone();
        let members = pool.member_users(&snap.access);
        if members.is_empty() {
            return Err(AppError::from(Said::new(Reason::PoolNoMembers)));
        }
        let match_col = match rule {
            Rule::RoundRobin => None,
            Rule::Match => Some(
                pool.row
                    .match_field
                    .as_deref()
                    .and_then(|f| obj.field(f))
                    .ok_or_else(|| AppError::from(Said::new(Reason::PoolNoMatchField)))?
                    .column
                    .clone(),
            ),
        };
        let mut p = Projection::default();
        p.push("id", pelagic_core::ColType::Text);
        if let Some(c) = &match_col {
            p.push(c, pelagic_core::ColType::Text);
        }
        let order = [OrderKey {
            col: "created_at".into(),
            ty: pelagic_core::ColType::DateTime,
            desc: false,
            nullable: false,
        }];
        let mut tx = self.app.db().begin().await?;
        let waiting = rows::select_tx(
            &mut tx,
            &ListQuery {
                table: &obj.table,
                projection: &p,
                pred: &in_pool(&pool.row.id),
                order: &order,
                limit: limit.clamp(1, MAX_ASSIGN) as u64,
                drive: None,
            },
        )
        .await?;
        let wants = |user: &str, value: &Value| -> bool {
            let Some(v) = value.as_str() else {
                return false;
            };
            pool.match_values
                .get(user)
                .is_some_and(|list| list.iter().any(|m| fold(m) == fold(v)))
        };
        let mut turn = pool.row.next_member.max(0) as usize;
        let mut full: Vec<String> = Vec::new();
        let mut out = Distribution {
            assigned: BTreeMap::new(),
            left: 0,
        };
        for row in &waiting {
            let Value::Text(id) = &row[0] else { continue };
            let candidates: Vec<&String> = members
                .iter()
                .filter(|u| !full.contains(u))
                .filter(|u| match_col.is_none() || wants(u, &row[1]))
                .collect();
            let mut given = false;
            for k in 0..candidates.len() {
                let user = candidates[(turn + k) % candidates.len()];
                match self
                    .take(
                        &mut tx,
                        &pool,
                        &obj,
                        std::slice::from_ref(id),
                        user,
                        "assign",
                    )
                    .await
                {
                    Ok(()) => {
                        *out.assigned.entry(user.clone()).or_default() += 1;
                        turn = turn.wrapping_add(k + 1);
                        given = true;
                        break;
                    }
                    // Someone claimed it meanwhile: nothing to hand out.
                    Err(AppError::Refused(super::Refusal::Taken)) => {
                        given = true;
                        break;
                    }
                    Err(AppError::Refused(_)) => full.push(user.clone()),
                    Err(e) => return Err(e),
                }
            }
            if !given {
                out.left += 1;
            }
        }
        pelagic_store::pools::set_next_member(&mut tx, &pool.row.id, (turn % members.len()) as i64)
            .await?;
        tx.commit().await?;
        Ok(out)
    }
}
