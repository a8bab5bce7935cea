//! Who is acting, and what roles may do with each object and field.

use std::fmt;

/// How a role may use one field.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldAccess {
    Hidden,
    Masked,
    Read,
    Edit,
}

impl FieldAccess {
    /// Whether the value may be used to filter, sort or search (a masked value may not: that
    /// would reveal it a character at a time).
    pub fn readable(self) -> bool {
        matches!(self, FieldAccess::Read | FieldAccess::Edit)
    }

    pub fn visible(self) -> bool {
        !matches!(self, FieldAccess::Hidden)
    }

    pub fn writable(self) -> bool {
        matches!(self, FieldAccess::Edit)
    }

    pub fn parse(s: &str) -> Option<FieldAccess> {
        Some(match s {
            "hidden" => FieldAccess::Hidden,
            "masked" => FieldAccess::Masked,
            "read" => FieldAccess::Read,
            "edit" => FieldAccess::Edit,
            _ => return None,
        })
    }

    pub fn as_str(self) -> &'static str {
        match self {
            FieldAccess::Hidden => "hidden",
            FieldAccess::Masked => "masked",
            FieldAccess::Read => "read",
            FieldAccess::Edit => "edit",
        }
    }
}

/// The operations a role is granted per object.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Operation {
    Create,
    Read,
    Edit,
    Delete,
    Export,
    Import,
    Transfer,
}

impl Operation {
    pub const ALL: [Operation; 7] = [
        Operation::Create,
        Operation::Read,
        Operation::Edit,
        Operation::Delete,
        Operation::Export,
        Operation::Import,
        Operation::Transfer,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Operation::Create => "create",
            Operation::Read => "read",
            Operation::Edit => "edit",
            Operation::Delete => "delete",
            Operation::Export => "export",
            Operation::Import => "import",
            Operation::Transfer => "transfer",
        }
    }

    pub fn parse(s: &str) -> Option<Operation> {
        Operation::ALL.into_iter().find(|o| o.as_str() == s)
    }
}

impl fmt::Display for Operation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// Which records of an object an operation reaches, by their owner: nobody's, the actor's own,
/// those of the actor's team, of the team and its sub-teams, or everyone's. Ordered from the
/// narrowest to the widest.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Scope {
    None,
    Own,
    Team,
    TeamTree,
    All,
}

impl Scope {
    pub const ALL: [Scope; 5] = [
        Scope::None,
        Scope::Own,
        Scope::Team,
        Scope::TeamTree,
        Scope::All,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            Scope::None => "none",
            Scope::Own => "own",
            Scope::Team => "team",
            Scope::TeamTree => "team_tree",
            Scope::All => "all",
        }
    }

    pub fn parse(s: &str) -> Option<Scope> {
        Scope::ALL.into_iter().find(|x| x.as_str() == s)
    }
}

/// The authenticated user on whose behalf a use case runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: crate::ids::UserId,
    pub name: String,
    pub role: String,
    pub team_id: Option<String>,
    pub time_zone: String,
    /// The interface language (`en`, `zh-CN`, `zh-TW`, `es`, `ru`).
    pub locale: String,
}

impl Actor {
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }
}
