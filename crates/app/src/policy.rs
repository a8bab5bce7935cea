//! What the acting user may do: the one place where record and field permissions are decided.
//!
//! Every path that reads or writes records asks here: the record service for its field list,
//! filters, sorts, search and output, and the administration use cases for their gate.

use pelagic_core::access::{Actor, FieldAccess};
use pelagic_core::meta::{FieldDef, ObjectDef};
use pelagic_core::plan::Pred;

use crate::{AppError, AppResult};

/// The operations a role may be granted on an object.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Operation {
    Create,
    Read,
    Edit,
    Delete,
}

#[derive(Debug, Clone, Copy)]
pub struct Policy<'a> {
    actor: &'a Actor,
}

impl<'a> Policy<'a> {
    pub fn new(actor: &'a Actor) -> Self {
        Policy { actor }
    }

    /// How the actor may use a field. Fields Pelagic maintains are read-only for everyone.
    pub fn field_access(&self, _obj: &ObjectDef, f: &FieldDef) -> FieldAccess {
        if f.system && f.name != "owner_id" {
            FieldAccess::Read
        } else {
            FieldAccess::Edit
        }
    }

    /// Refuses an operation the actor may not do on an object at all.
    pub fn require(&self, _obj: &ObjectDef, _op: Operation) -> AppResult<()> {
        Ok(())
    }

    /// The records of an object the actor may reach for an operation, as a condition that every
    /// query of the record service includes.
    pub fn scope(&self, _obj: &ObjectDef, _op: Operation) -> Pred {
        Pred::True
    }

    /// Refuses anyone but an administrator.
    pub fn require_admin(&self) -> AppResult<()> {
        if self.actor.is_admin() {
            Ok(())
        } else {
            Err(AppError::Forbidden(
                "only administrators may do this".into(),
            ))
        }
    }
}
