//! The permission rules in force: what each role may do with each object and field, and the
//! organisation (teams, their sub-teams and members) that record scopes are measured against.
//! Loaded with the metadata snapshot, so that every instance applies the same rules.

use std::collections::{HashMap, HashSet};

use pelagic_core::access::{FieldAccess, Operation, Scope};
use pelagic_core::meta::FieldDef;
use pelagic_store::Db;
use pelagic_store::access::{self as store, MemberRow, RoleRow, TeamRow};
use pelagic_store::sharing::{self, GroupRow};

use crate::AppResult;

#[derive(Debug, Default)]
pub struct AccessRules {
    grants: HashMap<(String, String, Operation), Scope>,
    fields: HashMap<(String, String, String), FieldAccess>,
    pub roles: Vec<RoleRow>,
    pub teams: Vec<TeamRow>,
    members: HashMap<String, MemberRow>,
    /// Project groups, and their members as (group id, user id).
    pub groups: Vec<GroupRow>,
    pub group_members: Vec<(String, String)>,
    /// The (grantee, object) pairs with shares, so that only those users' queries look them up.
    shared: HashSet<(String, String)>,
}

impl AccessRules {
    pub(crate) async fn load(db: &Db) -> AppResult<AccessRules> {
        let mut rules = AccessRules {
            roles: store::roles(db).await?,
            teams: store::teams(db).await?,
            ..AccessRules::default()
        };
        for g in store::grants(db).await? {
            if let (Some(op), Some(scope)) =
                (Operation::parse(&g.operation), Scope::parse(&g.scope))
            {
                rules.grants.insert((g.role, g.object, op), scope);
            }
        }
        for r in store::field_rules(db).await? {
            if let Some(access) = FieldAccess::parse(&r.access) {
                rules.fields.insert((r.role, r.object, r.field), access);
            }
        }
        rules.members = store::members(db)
            .await?
            .into_iter()
            .map(|m| (m.user_id.clone(), m))
            .collect();
        rules.groups = sharing::groups(db).await?;
        rules.group_members = sharing::memberships(db).await?;
        rules.shared = sharing::shared_pairs(db).await?.into_iter().collect();
        Ok(rules)
    }

    pub fn has_role(&self, role: &str) -> bool {
        self.roles.iter().any(|r| r.name == role)
    }

    /// Which records of `object` the role reaches for `op`: as granted, else the built-in default.
    pub fn scope(&self, role: &str, object: &str, op: Operation) -> Scope {
        self.grants
            .get(&(role.to_owned(), object.to_owned(), op))
            .copied()
            .unwrap_or_else(|| default_scope(role, object, op))
    }

    /// How the role may use a field: as set, else read for fields Pelagic maintains (the owner
    /// is changed by transfer) and edit for the others.
    pub fn field_access(&self, role: &str, object: &str, f: &FieldDef) -> FieldAccess {
        if let Some(a) = self
            .fields
            .get(&(role.to_owned(), object.to_owned(), f.name.to_string()))
        {
            return *a;
        }
        if f.system {
            FieldAccess::Read
        } else {
            FieldAccess::Edit
        }
    }

    /// The field rules set for one role and object, by field name.
    pub fn field_rules(&self, role: &str, object: &str) -> HashMap<&str, FieldAccess> {
        self.fields
            .iter()
            .filter(|((r, o, _), _)| r == role && o == object)
            .map(|((_, _, f), a)| (f.as_str(), *a))
            .collect()
    }

    /// How shares name the user and each of their groups: `user:<id>`, `group:<id>`.
    pub fn grantees_of(&self, user_id: &str) -> Vec<String> {
        let mut out = vec![format!("user:{user_id}")];
        out.extend(
            self.group_members
                .iter()
                .filter(|(_, u)| u == user_id)
                .map(|(g, _)| format!("group:{g}")),
        );
        out
    }

    /// Whether any record of `object` was ever shared with one of `grantees`.
    pub fn has_shares(&self, grantees: &[String], object: &str) -> bool {
        grantees
            .iter()
            .any(|g| self.shared.contains(&(g.clone(), object.to_owned())))
    }

    /// Every user with their team.
    pub fn all_members(&self) -> impl Iterator<Item = &MemberRow> {
        self.members.values()
    }

    /// The users of a team and of every team below it; none when there is no such team.
    pub fn team_members(&self, team: &str) -> Option<Vec<String>> {
        if !self.teams.iter().any(|x| x.id == team) {
            return None;
        }
        let mut teams = vec![team.to_owned()];
        let mut i = 0;
        while i < teams.len() {
            let parent = teams[i].clone();
            teams.extend(
                self.teams
                    .iter()
                    .filter(|x| x.parent_id.as_deref() == Some(parent.as_str()))
                    .map(|x| x.id.clone()),
            );
            i += 1;
        }
        Some(
            self.all_members()
                .filter(|m| m.team_id.as_ref().is_some_and(|t| teams.contains(t)))
                .map(|m| m.user_id.clone())
                .collect(),
        )
    }

    /// Who manages a user: their team's manager, or — for the manager themselves — the manager
    /// of the nearest team above.
    pub fn manager_of(&self, user_id: &str) -> Option<String> {
        let mut team = self.member(user_id)?.team_id.clone();
        let mut seen = HashSet::new();
        while let Some(id) = team {
            if !seen.insert(id.clone()) {
                return None;
            }
            let t = self.teams.iter().find(|t| t.id == id)?;
            match &t.manager_id {
                Some(m) if m != user_id => return Some(m.clone()),
                _ => team = t.parent_id.clone(),
            }
        }
        None
    }

    pub fn member(&self, user_id: &str) -> Option<&MemberRow> {
        self.members.get(user_id)
    }

    /// The teams a user's `team` and `team_tree` scopes cover: their own team, and for the tree
    /// every team below it and below each team they manage.
    pub fn teams_of(&self, user_id: &str, tree: bool) -> HashSet<&str> {
        let mut roots: Vec<&str> = Vec::new();
        if let Some(team) = self.member(user_id).and_then(|m| m.team_id.as_deref()) {
            roots.push(team);
        }
        for t in &self.teams {
            if t.manager_id.as_deref() == Some(user_id) {
                roots.push(&t.id);
            }
        }
        let mut covered: HashSet<&str> = roots.iter().copied().collect();
        if tree {
            // Breadth-first down the tree; the visited set also stops at a cycle.
            let mut frontier = roots;
            while let Some(parent) = frontier.pop() {
                for t in &self.teams {
                    if t.parent_id.as_deref() == Some(parent) && covered.insert(&t.id) {
                        frontier.push(&t.id);
                    }
                }
            }
        }
        covered
    }

    /// The users whose records a scope covers for `user_id`, or `None` for everyone's.
    pub fn owners_in_scope(&self, user_id: &str, scope: Scope) -> Option<Vec<String>> {
        match scope {
            Scope::All => None,
            Scope::None => Some(Vec::new()),
            Scope::Own => Some(vec![user_id.to_owned()]),
            Scope::Team | Scope::TeamTree => {
                let teams = self.teams_of(user_id, scope == Scope::TeamTree);
                let mut users: Vec<String> = self
                    .members
                    .values()
                    .filter(|m| m.team_id.as_deref().is_some_and(|t| teams.contains(t)))
                    .map(|m| m.user_id.clone())
                    .collect();
                if !users.iter().any(|u| u == user_id) {
                    users.push(user_id.to_owned());
                }
                users.sort();
                Some(users)
            }
        }
    }
}

/// The permissions the built-in roles start with: administrators everything; managers everything
/// of their team and its sub-teams; salespeople their own records; customer service reads
/// customers and contacts and keeps its own cases, tasks and follow-ups. A role an administrator
/// creates starts with nothing. The product catalogue and its prices are read by everyone and
/// kept by administrators.
pub fn default_scope(role: &str, object: &str, op: Operation) -> Scope {
    let catalogue = matches!(object, "product" | "product_price");
    match role {
        "admin" => Scope::All,
        "manager" | "sales" | "service" if catalogue => match op {
            Operation::Read | Operation::Export => Scope::All,
            _ => Scope::None,
        },
        "manager" => Scope::TeamTree,
        "sales" => Scope::Own,
        "service" => match (object, op) {
            ("account" | "contact", Operation::Read) => Scope::All,
            ("case" | "task" | "activity", _) => Scope::Own,
            _ => Scope::None,
        },
        _ => Scope::None,
    }
}
