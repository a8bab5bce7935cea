//! Who is acting, and what they may do with each object and field.

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
}

/// The authenticated user on whose behalf a use case runs.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Actor {
    pub user_id: String,
    pub name: String,
    pub role: String,
    pub time_zone: String,
}

impl Actor {
    pub fn is_admin(&self) -> bool {
        self.role == "admin"
    }
}
