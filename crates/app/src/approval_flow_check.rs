//! What makes an approval flow valid: a name, an object that is approved, a condition the
//! object's filters can use, and one to ten steps naming a manager, a role or an active user.

use pelagic_core::CoreError;
use pelagic_core::filter::Filter;
use pelagic_core::plan;
use pelagic_core::said::{Reason, Said};
use pelagic_store::access::RoleRow;
use pelagic_store::users::UserRow;

use crate::approvals::{APPROVABLE, Flow, MAX_STEPS, plan_context};
use crate::{AppError, AppResult, Snapshot};

/// What a flow is checked against: the metadata, the users and the roles.
pub(crate) struct Known<'a> {
    pub snap: &'a Snapshot,
    pub users: Vec<UserRow>,
    pub roles: Vec<RoleRow>,
}

impl Known<'_> {
    /// Refuses flow number `i` with the field at fault; trims its name.
    pub(crate) fn check(&self, i: usize, f: &mut Flow) -> AppResult<()> {
        let at = |field: &str| format!("flows[{i}].{field}");
        f.name = f.name.trim().to_owned();
        if f.name.is_empty() || f.name.chars().count() > 100 {
            return Err(bad(&at("name"), Said::length(1, 100)));
        }
        if !APPROVABLE.contains(&f.object.as_str()) {
            return Err(bad(
                &at("object"),
                Said::new(Reason::OneOf).with("values", APPROVABLE.join(", ")),
            ));
        }
        let obj = self.snap.schema.object(&f.object)?;
        if let Some(c) = &f.condition {
            let filter = Filter::from_json(c).map_err(|e| bad_condition(&at("condition"), e))?;
            plan::plan_filter(obj, &filter, &|_| true, &plan_context(&self.snap.input))
                .map_err(|e| bad_condition(&at("condition"), e))?;
        }
        if f.steps.is_empty() || f.steps.len() > MAX_STEPS {
            return Err(bad(
                &at("steps"),
                Said::new(Reason::StepsCount).with("max", MAX_STEPS),
            ));
        }
        for (j, s) in f.steps.iter().enumerate() {
            let here = at(&format!("steps[{j}]"));
            match s.approver.as_str() {
                "manager" => {}
                "role"
                    if s.role
                        .as_ref()
                        .is_some_and(|r| self.roles.iter().any(|x| &x.name == r)) => {}
                "role" => return Err(bad(&here, Reason::NameARole)),
                "user"
                    if s.user_id
                        .as_ref()
                        .is_some_and(|u| self.users.iter().any(|x| &x.id == u && x.active)) => {}
                "user" => return Err(bad(&here, Reason::NameAUser)),
                _ => return Err(bad(&here, Reason::ApproverKinds)),
            }
            if !matches!(s.mode.as_str(), "any" | "all") {
                return Err(bad(&here, Reason::AnyOrAll));
            }
        }
        Ok(())
    }
}

fn bad(field: &str, said: impl Into<Said>) -> AppError {
    CoreError::field(field, said).into()
}

/// A condition that cannot be used, with the reason the filter gave.
fn bad_condition(field: &str, cause: impl std::fmt::Display) -> AppError {
    bad(field, Said::new(Reason::BadCondition).with("cause", cause))
}
