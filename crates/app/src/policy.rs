//! What the acting user may do: the one place where record and field permissions are decided.
//!
//! Every path that reads or writes records asks here: the record service for its field list,
//! filters, sorts, search and output, and the administration use cases for their gate.

use chrono::{DateTime, Utc};
use pelagic_core::Value;
use pelagic_core::access::{Actor, FieldAccess, Scope};
use pelagic_core::meta::{FieldDef, ObjectDef};
use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::said::{Reason, Said, Shown};

pub use pelagic_core::access::Operation;

use crate::access::AccessRules;
use crate::{AppError, AppResult};

#[derive(Debug, Clone, Copy)]
pub struct Policy<'a> {
    actor: &'a Actor,
    rules: &'a AccessRules,
    /// When the request runs: shares granted until an earlier moment no longer count.
    now: DateTime<Utc>,
    /// Looking into a pool: only the records waiting in it, without the fields it hides.
    pool: Option<&'a crate::pools::Pool>,
}

impl<'a> Policy<'a> {
    pub fn new(actor: &'a Actor, rules: &'a AccessRules, now: DateTime<Utc>) -> Self {
        Policy {
            actor,
            rules,
            now,
            pool: None,
        }
    }

    /// The same permissions, looking into a pool the actor works in (see `reachable`).
    pub fn in_pool(self, pool: &'a crate::pools::Pool) -> Self {
        Policy {
            pool: Some(pool),
            ..self
        }
    }

    /// How the actor may use a field. The owner is changed by those who may transfer records.
    pub fn field_access(&self, obj: &ObjectDef, f: &FieldDef) -> FieldAccess {
        if self.pool.is_some_and(|p| p.hides(self.actor, &f.name)) {
            return FieldAccess::Hidden;
        }
        if f.name == "owner_id" {
            let hidden =
                self.rules.field_access(&self.actor.role, &obj.name, f) == FieldAccess::Hidden;
            return if hidden {
                FieldAccess::Hidden
            } else if self.scope_of(obj, Operation::Transfer) > Scope::None {
                FieldAccess::Edit
            } else {
                FieldAccess::Read
            };
        }
        self.rules.field_access(&self.actor.role, &obj.name, f)
    }

    /// The fields the actor may see, in display order.
    /// The field `name` of `obj` when a figure may be computed from it: only from fields the
    /// actor reads in full. A figure from a hidden or masked field (a sum, an average, a total
    /// per group, a count per value) would give the field away, so every figure — analytics,
    /// board totals, reports — asks here and leaves the figure out (or refuses) on `None`.
    pub fn figure_field<'o>(&self, obj: &'o ObjectDef, name: &str) -> Option<&'o FieldDef> {
        obj.field(name)
            .filter(|f| self.field_access(obj, f).readable())
    }

    pub fn visible_fields<'o>(&self, obj: &'o ObjectDef) -> Vec<&'o FieldDef> {
        obj.fields
            .iter()
            .filter(|f| self.field_access(obj, f).visible())
            .collect()
    }

    /// Whether any field the object searches by is one the actor may not read (then a search
    /// must not use the combined search column, which would match on it).
    pub fn search_hides_something(&self, obj: &ObjectDef) -> bool {
        obj.fields
            .iter()
            .filter(|f| f.searchable)
            .any(|f| !self.field_access(obj, f).readable())
    }

    pub fn scope_of(&self, obj: &ObjectDef, op: Operation) -> Scope {
        self.rules.scope(&self.actor.role, &obj.name, op)
    }

    /// Refuses an operation the actor may not do on any record of an object.
    pub fn require(&self, obj: &ObjectDef, op: Operation) -> AppResult<()> {
        // Records shared with the actor (by a colleague, or to approve them) are reachable even
        // when their role reaches no record of the object.
        if self.scope_of(obj, op) == Scope::None && self.shared(obj, op).is_none() {
            return Err(Said::new(Reason::RoleMayNot)
                .with_shown("op", op.as_str(), Shown::Operation)
                .with_shown("objects", &obj.name, Shown::Objects)
                .into());
        }
        Ok(())
    }

    /// The records of an object the actor may reach for an operation, as a condition that every
    /// query of the record service includes.
    pub fn scope(&self, obj: &ObjectDef, op: Operation) -> Pred {
        match self
            .rules
            .owners_in_scope(&self.actor.user_id, self.scope_of(obj, op))
        {
            None => Pred::True,
            Some(owners) if owners.is_empty() => Pred::False,
            Some(owners) if owners.len() == 1 => Pred::Cmp {
                col: "owner_id".into(),
                op: Cmp::Eq,
                value: Value::Text(owners.into_iter().next().unwrap_or_default()),
            },
            Some(owners) => Pred::In {
                col: "owner_id".into(),
                values: owners.into_iter().map(Value::Text).collect(),
            },
        }
    }

    /// Live (not deleted) records the actor may reach for `op`: within the role's scope, or,
    /// for reading and editing, shared with the actor or one of their groups.
    pub fn reachable(&self, obj: &ObjectDef, op: Operation) -> Pred {
        if let Some(pool) = self.pool {
            // Whoever works a pool sees what waits in it, and nothing else through it.
            return crate::pools::in_pool(pool.id());
        }
        let scope = self.scope(obj, op);
        let reach = match self.shared(obj, op) {
            Some(shared) if scope != Pred::True => Pred::Or(vec![scope, shared]),
            _ => scope,
        };
        Pred::And(vec![
            Pred::IsNull {
                col: "deleted_at".into(),
            },
            reach,
        ])
    }

    /// The records of `obj` shared with the actor for `op` (edit needs a read-write share), if
    /// any were ever shared with them.
    fn shared(&self, obj: &ObjectDef, op: Operation) -> Option<Pred> {
        if !matches!(op, Operation::Read | Operation::Edit) {
            return None;
        }
        let grantees = self.rules.grantees_of(&self.actor.user_id);
        if !self.rules.has_shares(&grantees, &obj.name) {
            return None;
        }
        let text = |v: &str| Value::Text(v.to_owned());
        let mut share = vec![
            Pred::Cmp {
                col: "object".into(),
                op: Cmp::Eq,
                value: text(&obj.name),
            },
            Pred::In {
                col: "grantee".into(),
                values: grantees.iter().map(|g| text(g)).collect(),
            },
            Pred::Or(vec![
                Pred::IsNull {
                    col: "until".into(),
                },
                Pred::Cmp {
                    col: "until".into(),
                    op: Cmp::Gt,
                    value: Value::DateTime(self.now),
                },
            ]),
        ];
        if op == Operation::Edit {
            share.push(Pred::Cmp {
                col: "access".into(),
                op: Cmp::Eq,
                value: text("edit"),
            });
        }
        Some(Pred::InSelect {
            col: "id".into(),
            table: pelagic_store::sharing::SHARES_TABLE,
            column: "record_id",
            pred: Box::new(Pred::And(share)),
        })
    }

    /// Refuses making `owner` the owner of a record of `obj` (on create, `op` is create; on a
    /// change of owner, transfer) unless that user is within the actor's scope for it.
    pub fn require_owner_allowed(
        &self,
        obj: &ObjectDef,
        op: Operation,
        owner: &str,
    ) -> AppResult<()> {
        if self.rules.member(owner).is_none_or(|m| !m.active) {
            return Err(crate::AppError::from(
                Said::new(Reason::OwnerNotActive)
                    .with("value", owner.chars().take(64).collect::<String>()),
            ));
        }
        let allowed = match self
            .rules
            .owners_in_scope(&self.actor.user_id, self.scope_of(obj, op))
        {
            None => true,
            Some(owners) => owners.iter().any(|o| o == owner),
        };
        if allowed {
            Ok(())
        } else {
            Err(Said::new(Reason::MayNotGiveTo)
                .with_shown("objects", &obj.name, Shown::Objects)
                .into())
        }
    }

    /// Refuses to assign a record (a task) to someone the actor could not give it to: a
    /// salesperson assigns to themselves, a manager to their team, an administrator to anyone.
    pub fn require_assignable(&self, obj: &ObjectDef, op: Operation, user: &str) -> AppResult<()> {
        if user == self.actor.user_id {
            return Ok(());
        }
        self.require_owner_allowed(obj, op, user)
            .map_err(|e| match e {
                AppError::Said(s) if s.reason == Reason::MayNotGiveTo => {
                    Said::new(Reason::MayNotAssignTo)
                        .with_shown("objects", &obj.name, Shown::Objects)
                        .into()
                }
                other => other,
            })
    }

    /// Refuses anyone but an administrator.
    pub fn require_admin(&self) -> AppResult<()> {
        admin_only(self.actor)
    }
}

/// Refuses anyone but an administrator.
pub fn admin_only(actor: &Actor) -> AppResult<()> {
    if actor.is_admin() {
        Ok(())
    } else {
        Err(Said::new(Reason::AdministratorsOnly).into())
    }
}
