//! Roles and their permissions, for administrators: which records each operation on an object
//! reaches, and how each field may be used.

use pelagic_core::said::{Reason, Said};
use std::collections::BTreeMap;

use pelagic_core::access::{Actor, FieldAccess, Operation, Scope};
use pelagic_core::ident;
use pelagic_store::access::{self as store, FieldRuleRow, GrantRow};
use pelagic_store::metadata;

use crate::audit;
use crate::policy::admin_only;
use crate::{App, AppError, AppResult};

/// A role with its permissions on every object: operation → scope, and field → access for the
/// fields whose access differs from the default.
#[derive(Debug, Clone, serde::Serialize)]
pub struct RoleView {
    pub name: String,
    pub label: String,
    pub builtin: bool,
    pub objects: BTreeMap<String, ObjectPermissions>,
}

#[derive(Debug, Clone, serde::Serialize)]
pub struct ObjectPermissions {
    pub operations: BTreeMap<&'static str, &'static str>,
    pub fields: BTreeMap<String, &'static str>,
}

impl App {
    pub async fn roles(&self, actor: &Actor) -> AppResult<Vec<RoleView>> {
        admin_only(actor)?;
        let snap = self.snapshot().await?;
        let rules = &snap.access;
        Ok(rules
            .roles
            .iter()
            .map(|r| RoleView {
                name: r.name.clone(),
                label: r.label.clone(),
                builtin: r.builtin,
                objects: snap
                    .schema
                    .objects
                    .values()
                    .map(|o| {
                        let operations = Operation::ALL
                            .into_iter()
                            .map(|op| (op.as_str(), rules.scope(&r.name, &o.name, op).as_str()))
                            .collect();
                        let fields = rules
                            .field_rules(&r.name, &o.name)
                            .into_iter()
                            .map(|(f, a)| (f.to_owned(), a.as_str()))
                            .collect();
                        (o.name.clone(), ObjectPermissions { operations, fields })
                    })
                    .collect(),
            })
            .collect())
    }

    pub async fn create_role(&self, actor: &Actor, name: &str, label: &str) -> AppResult<()> {
        admin_only(actor)?;
        if !ident::is_snake_ident(name) {
            return Err(AppError::from(Said::new(Reason::RoleName)));
        }
        let label = label.trim();
        if label.is_empty() || label.chars().count() > 120 {
            return Err(crate::AppError::from(
                Said::new(Reason::RoleLabel).with("max", 120),
            ));
        }
        let mut tx = self.db().begin().await?;
        if !store::insert_role(&mut tx, name, label).await? {
            return Err(crate::AppError::from(
                Said::new(Reason::RoleExists).with("value", name),
            ));
        }
        let detail = serde_json::json!({ "label": label });
        self.audit_in(&mut tx, audit::change(actor, "role_create", name, detail))
            .await?;
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(())
    }

    /// Sets the scope of some operations of a role on an object; the others keep theirs.
    pub async fn set_role_scopes(
        &self,
        actor: &Actor,
        role: &str,
        object: &str,
        scopes: &BTreeMap<String, String>,
    ) -> AppResult<()> {
        let matrix = BTreeMap::from([(object.to_owned(), scopes.clone())]);
        self.set_role_matrix(actor, role, &matrix).await
    }

    /// Sets scopes of a role on several objects (object → operation → scope) in one
    /// transaction: all of them or, when one is wrong, none.
    pub async fn set_role_matrix(
        &self,
        actor: &Actor,
        role: &str,
        matrix: &BTreeMap<String, BTreeMap<String, String>>,
    ) -> AppResult<()> {
        admin_only(actor)?;
        let snap = self.snapshot().await?;
        self.check_role(role, &snap)?;
        if role == "admin" {
            return Err(AppError::from(Said::new(Reason::AdminsReachAll)));
        }
        let mut grants = Vec::new();
        for (object, scopes) in matrix {
            snap.schema.object(object)?;
            if scopes.is_empty() {
                return Err(AppError::from(Said::new(Reason::GiveAnOperation)));
            }
            for (op, scope) in scopes {
                let op = Operation::parse(op).ok_or_else(|| {
                    AppError::Invalid(format!(
                        "'{op}' is not an operation; use create, read, edit, delete, export, import or transfer"
                    ))
                })?;
                let scope = Scope::parse(scope).ok_or_else(|| {
                    AppError::Invalid(format!(
                        "'{scope}' is not a scope; use none, own, team, team_tree or all"
                    ))
                })?;
                grants.push(GrantRow {
                    role: role.to_owned(),
                    object: object.to_owned(),
                    operation: op.as_str().to_owned(),
                    scope: scope.as_str().to_owned(),
                });
            }
        }
        if grants.is_empty() {
            return Err(AppError::from(Said::new(Reason::GiveAnOperation)));
        }
        let mut tx = self.db().begin().await?;
        for g in &grants {
            store::set_grant(&mut tx, g).await?;
        }
        for (object, scopes) in matrix {
            let subject = format!("{role}/{object}");
            let detail = serde_json::json!(scopes);
            self.audit_in(
                &mut tx,
                audit::change(actor, "role_scopes", &subject, detail),
            )
            .await?;
        }
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(())
    }

    /// Sets how a role may use one field.
    pub async fn set_field_access(
        &self,
        actor: &Actor,
        role: &str,
        object: &str,
        field: &str,
        access: &str,
    ) -> AppResult<()> {
        let one = BTreeMap::from([(field.to_owned(), access.to_owned())]);
        self.set_field_accesses(actor, role, object, &one).await
    }

    /// Sets how a role may use several fields of an object (field → access), in one
    /// transaction.
    pub async fn set_field_accesses(
        &self,
        actor: &Actor,
        role: &str,
        object: &str,
        accesses: &BTreeMap<String, String>,
    ) -> AppResult<()> {
        admin_only(actor)?;
        let snap = self.snapshot().await?;
        self.check_role(role, &snap)?;
        let obj = snap.schema.object(object)?;
        let mut rules = Vec::new();
        for (field, access) in accesses {
            let f = obj
                .field(field)
                .ok_or_else(|| AppError::NotFound(format!("{object} has no field '{field}'")))?;
            let access = FieldAccess::parse(access).ok_or_else(|| {
                AppError::Invalid(format!(
                    "'{access}' is not a field access; use hidden, masked, read or edit"
                ))
            })?;
            if f.name == "id" && access != FieldAccess::Read {
                return Err(AppError::from(Said::new(Reason::IdAlwaysReadable)));
            }
            if f.system && access == FieldAccess::Edit && f.name != "owner_id" {
                return Err(crate::AppError::from(
                    Said::new(Reason::SystemFieldNotEditable).with("field", field),
                ));
            }
            rules.push(FieldRuleRow {
                role: role.to_owned(),
                object: object.to_owned(),
                field: field.to_owned(),
                access: access.as_str().to_owned(),
            });
        }
        let mut tx = self.db().begin().await?;
        for rule in &rules {
            store::set_field_rule(&mut tx, rule).await?;
            let subject = format!("{role}/{object}.{}", rule.field);
            let detail = serde_json::json!({ "access": rule.access });
            self.audit_in(
                &mut tx,
                audit::change(actor, "field_access", &subject, detail),
            )
            .await?;
        }
        metadata::bump(&mut tx).await?;
        tx.commit().await?;
        self.meta.reload(self.db()).await?;
        Ok(())
    }

    fn check_role(&self, role: &str, snap: &crate::meta_cache::Snapshot) -> AppResult<()> {
        if snap.access.has_role(role) {
            Ok(())
        } else {
            Err(AppError::NotFound(format!("there is no role '{role}'")))
        }
    }
}
