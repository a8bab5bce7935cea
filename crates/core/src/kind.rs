//! The closed list of field kinds, and what each kind stores, accepts and allows.

use crate::ColType;
use crate::filter::Op;

/// What a field holds. Each kind owns its columns, its input rules, its filter operators and
/// its sort; nothing else in the code base switches on a field's name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum FieldKind {
    Text,
    Textarea,
    Integer,
    Decimal,
    Money,
    Percent,
    Boolean,
    Date,
    Datetime,
    Email,
    Phone,
    Url,
    Select,
    Multiselect,
    Lookup,
    User,
    /// A record of any object, written `{"object": "account", "id": "…"}`.
    Reference,
    /// The record's own id (system field only).
    Id,
}

/// One physical column of a field: the suffix appended to the field's column base name, and its
/// type. The first column of a kind is its *primary* column.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColumnPart {
    pub suffix: &'static str,
    pub ty: ColType,
}

/// Suffix of the case- and accent-folded copy of a text, used to filter and sort.
pub const FOLD_SUFFIX: &str = "_fold";

impl FieldKind {
    pub const ALL: [FieldKind; 17] = [
        FieldKind::Text,
        FieldKind::Textarea,
        FieldKind::Integer,
        FieldKind::Decimal,
        FieldKind::Money,
        FieldKind::Percent,
        FieldKind::Boolean,
        FieldKind::Date,
        FieldKind::Datetime,
        FieldKind::Email,
        FieldKind::Phone,
        FieldKind::Url,
        FieldKind::Select,
        FieldKind::Multiselect,
        FieldKind::Lookup,
        FieldKind::User,
        FieldKind::Reference,
    ];

    pub fn name(self) -> &'static str {
        match self {
            FieldKind::Text => "text",
            FieldKind::Textarea => "textarea",
            FieldKind::Integer => "integer",
            FieldKind::Decimal => "decimal",
            FieldKind::Money => "money",
            FieldKind::Percent => "percent",
            FieldKind::Boolean => "boolean",
            FieldKind::Date => "date",
            FieldKind::Datetime => "datetime",
            FieldKind::Email => "email",
            FieldKind::Phone => "phone",
            FieldKind::Url => "url",
            FieldKind::Select => "select",
            FieldKind::Multiselect => "multiselect",
            FieldKind::Lookup => "lookup",
            FieldKind::User => "user",
            FieldKind::Reference => "reference",
            FieldKind::Id => "id",
        }
    }

    pub fn parse(name: &str) -> Option<FieldKind> {
        FieldKind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// The columns this kind expands to. Text keeps a folded copy so that filters and sorts
    /// behave the same on both databases for every script (SQLite's `lower()` only knows ASCII);
    /// phones keep what the user typed beside the E.164 form; money keeps its currency.
    pub fn columns(self) -> &'static [ColumnPart] {
        use ColType::*;
        match self {
            FieldKind::Text | FieldKind::Textarea => &[
                ColumnPart {
                    suffix: "",
                    ty: Text,
                },
                ColumnPart {
                    suffix: FOLD_SUFFIX,
                    ty: Text,
                },
            ],
            FieldKind::Integer | FieldKind::Decimal | FieldKind::Percent => &[ColumnPart {
                suffix: "",
                ty: BigInt,
            }],
            FieldKind::Money => &[
                ColumnPart {
                    suffix: "",
                    ty: BigInt,
                },
                ColumnPart {
                    suffix: "_currency",
                    ty: Text,
                },
            ],
            FieldKind::Boolean => &[ColumnPart {
                suffix: "",
                ty: Bool,
            }],
            FieldKind::Date => &[ColumnPart {
                suffix: "",
                ty: Date,
            }],
            FieldKind::Datetime => &[ColumnPart {
                suffix: "",
                ty: DateTime,
            }],
            FieldKind::Phone => &[
                ColumnPart {
                    suffix: "",
                    ty: Text,
                },
                ColumnPart {
                    suffix: "_original",
                    ty: Text,
                },
            ],
            FieldKind::Reference => &[
                ColumnPart {
                    suffix: "_id",
                    ty: Text,
                },
                ColumnPart {
                    suffix: "_object",
                    ty: Text,
                },
            ],
            FieldKind::Email
            | FieldKind::Url
            | FieldKind::Select
            | FieldKind::Multiselect
            | FieldKind::Lookup
            | FieldKind::User
            | FieldKind::Id => &[ColumnPart {
                suffix: "",
                ty: Text,
            }],
        }
    }

    /// The suffix of the column that filters and sorts use.
    pub fn compare_suffix(self) -> &'static str {
        match self {
            FieldKind::Text | FieldKind::Textarea => FOLD_SUFFIX,
            FieldKind::Reference => "_id",
            _ => "",
        }
    }

    /// The filter operators this kind understands.
    pub fn ops(self) -> &'static [Op] {
        use Op::*;
        match self {
            FieldKind::Text
            | FieldKind::Textarea
            | FieldKind::Email
            | FieldKind::Url
            | FieldKind::Phone => &[
                Eq, Ne, Lt, Lte, Gt, Gte, In, Nin, Contains, StartsWith, IsNull, IsNotNull,
            ],
            FieldKind::Integer | FieldKind::Decimal | FieldKind::Money | FieldKind::Percent => &[
                Eq, Ne, Lt, Lte, Gt, Gte, In, Nin, Between, IsNull, IsNotNull,
            ],
            FieldKind::Boolean => &[Eq, Ne, IsNull, IsNotNull],
            FieldKind::Date | FieldKind::Datetime => &[
                Eq, Ne, Lt, Lte, Gt, Gte, In, Nin, Between, Within, IsNull, IsNotNull,
            ],
            FieldKind::Select => &[Eq, Ne, In, Nin, IsNull, IsNotNull],
            FieldKind::Multiselect => &[Contains, In, Nin, IsNull, IsNotNull],
            FieldKind::Lookup | FieldKind::User | FieldKind::Id | FieldKind::Reference => {
                &[Eq, Ne, In, Nin, IsNull, IsNotNull]
            }
        }
    }

    /// Whether a list may be sorted on this kind.
    pub fn sortable(self) -> bool {
        !matches!(self, FieldKind::Multiselect | FieldKind::Reference)
    }

    /// Whether a field of this kind gets an index unless its author says otherwise: those a list
    /// is usefully sorted or filtered on. Long text and picked lists are searched inside, which
    /// no index helps, and an index would only slow every write.
    pub fn indexed_by_default(self) -> bool {
        !matches!(self, FieldKind::Textarea | FieldKind::Multiselect)
    }

    /// Whether the kind carries a list of options.
    pub fn has_options(self) -> bool {
        matches!(self, FieldKind::Select | FieldKind::Multiselect)
    }

    /// Whether the field's value may be searched with `q`.
    pub fn searchable(self) -> bool {
        matches!(
            self,
            FieldKind::Text
                | FieldKind::Textarea
                | FieldKind::Email
                | FieldKind::Phone
                | FieldKind::Url
        )
    }

    /// Digits after the decimal point of fixed-point kinds (money uses its currency's).
    pub fn default_scale(self) -> u32 {
        match self {
            FieldKind::Decimal | FieldKind::Percent => 2,
            _ => 0,
        }
    }

    /// The longest text accepted, in characters.
    pub fn default_max_length(self) -> usize {
        match self {
            FieldKind::Textarea => 32_000,
            FieldKind::Url => 2_000,
            FieldKind::Email => 254,
            _ => 255,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_kind_has_a_name_that_parses_back() {
        for k in FieldKind::ALL {
            assert_eq!(FieldKind::parse(k.name()), Some(k));
        }
        assert_eq!(
            FieldKind::parse("id"),
            None,
            "id is not a kind administrators can choose"
        );
    }

    #[test]
    fn every_kind_compares_on_one_of_its_own_columns() {
        for k in FieldKind::ALL {
            assert!(
                k.columns().iter().any(|c| c.suffix == k.compare_suffix()),
                "{k:?}"
            );
            assert!(
                k.ops().contains(&Op::IsNull),
                "{k:?} can be tested for emptiness"
            );
        }
    }
}
