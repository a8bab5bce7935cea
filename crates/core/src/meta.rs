//! Object and field definitions: the metadata every record, query, form and document follows.

use crate::names::ColumnName;
use std::collections::BTreeMap;
use std::sync::Arc;

use serde::{Deserialize, Serialize};

use crate::behaviour::Behaviour;
pub use crate::field_check::check_field;
use crate::kind::FieldKind;
pub use crate::open_records::{OpenOp, OpenRecords};
use crate::said::{Reason, Said};
use crate::{ColType, CoreError};

/// One field of an object.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FieldDef {
    pub name: crate::ids::FieldName,
    pub label: String,
    pub kind: FieldKind,
    #[serde(default)]
    pub required: bool,
    /// Allowed values of a select or multiselect, in display order.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub options: Vec<String>,
    /// The object a lookup points to.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub target: Option<String>,
    /// For a lookup: records pointing through it go to the recycle bin, and come back, with the
    /// record they point to (an account's contacts and deals).
    #[serde(default)]
    pub cascade: bool,
    /// Part of the object's `q` search.
    #[serde(default)]
    pub searchable: bool,
    /// Has an index, so that filters and sorts on it stay fast on large tables.
    #[serde(default)]
    pub indexed: bool,
    /// No two live records may share a value.
    #[serde(default)]
    pub unique: bool,
    /// Shipped duplicate rule: records matching on this field count as the same customer
    /// (administrators can change the rules; see `dedupe`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub duplicate: Option<crate::dedupe::Match>,
    /// Maintained by Pelagic; clients read it but never write it.
    #[serde(default)]
    pub system: bool,
    /// Added by an administrator rather than shipped with Pelagic.
    #[serde(default)]
    pub custom: bool,
    /// Value used when a create leaves the field out.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub default: Option<serde_json::Value>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max_length: Option<usize>,
    /// Digits after the decimal point (decimal and percent).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scale: Option<u32>,
    /// Smallest and largest value a number, percent or money field takes, in the units people
    /// write (a percent's 100, a price's whole currency units); inclusive. Every number also
    /// stays within `input::MAX_UNITS`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub min: Option<i64>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub max: Option<i64>,
    /// The label in other languages (`zh-CN` → "…"); custom fields carry their own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    /// Labels of custom options per language: option → language → label.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub option_labels: BTreeMap<String, BTreeMap<String, String>>,
    /// Where a lead's value goes when the lead is converted: `account.<field>`,
    /// `contact.<field>` or `opportunity.<field>` (on lead fields only).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub convert_to: Vec<String>,
    /// Base name of the field's columns; derived from the name, never from request text.
    #[serde(default)]
    pub column: ColumnName,
    /// The full names of the field's columns, worked out on first use.
    #[serde(skip)]
    pub(crate) column_names: std::sync::OnceLock<Vec<ColumnName>>,
}

impl FieldDef {
    pub fn max_length(&self) -> usize {
        self.max_length
            .unwrap_or_else(|| self.kind.default_max_length())
    }

    pub fn scale(&self) -> u32 {
        self.scale.unwrap_or_else(|| self.kind.default_scale())
    }

    /// A plain field of a kind, with every option off; set what differs.
    pub fn new(name: &str, label: &str, kind: FieldKind) -> FieldDef {
        let mut f = FieldDef::builtin(name, label, kind, false);
        f.system = false;
        f
    }

    /// A built-in field present on every object.
    /// Whether every record has a value here (the id and the record's own times).
    pub fn always_set(&self) -> bool {
        self.system && ALWAYS_SET.contains(&self.name.as_str())
    }

    fn builtin(name: &str, label: &str, kind: FieldKind, indexed: bool) -> FieldDef {
        FieldDef {
            name: crate::ids::FieldName::fixed(name),
            label: label.into(),
            kind,
            required: false,
            options: vec![],
            target: None,
            cascade: false,
            searchable: false,
            indexed,
            unique: false,
            duplicate: None,
            system: true,
            custom: false,
            default: None,
            max_length: None,
            scale: None,
            min: None,
            max: None,
            convert_to: vec![],
            labels: BTreeMap::new(),
            option_labels: BTreeMap::new(),
            column: ColumnName::derived(name.to_owned()),
            column_names: Default::default(),
        }
    }
}

/// One object (a kind of record), its table and its fields.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ObjectDef {
    pub name: String,
    pub label: String,
    pub label_plural: String,
    #[serde(default)]
    pub custom: bool,
    /// The label and plural label in other languages; custom objects carry their own.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub labels: BTreeMap<String, String>,
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub plural_labels: BTreeMap<String, String>,
    #[serde(default)]
    pub table: String,
    /// The field whose value names a record (an order's number); otherwise its first text field.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// Fields in display order; the built-in ones come first.
    #[serde(default)]
    pub fields: Vec<FieldDef>,
    /// Indexes over several columns, for the figures that group many records (the funnel): each
    /// a list of field names (`deleted_at` and `id` may be named too).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indexes: Vec<Vec<String>>,
    /// The menu group the object's list appears in (`MENU_GROUPS`), `none` for records reached
    /// only from another's page (a quote's lines); unset, it appears under "more".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub menu: Option<String>,
    /// The fields that say the most about a record, in order: shown under its name on its page,
    /// as the columns of its related lists and in the approvals inbox.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub key: Vec<String>,
    /// Which records are still being worked (leads not yet converted or invalid): the object's
    /// list opens on them, with all of them a click away.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open: Option<OpenRecords>,
    /// What records do beyond being stored: numbers, figures, locks, stages… (see `behaviour`).
    #[serde(default, skip_serializing_if = "is_default")]
    pub behaviour: Behaviour,
}

fn is_default(b: &Behaviour) -> bool {
    *b == Behaviour::default()
}

/// The menu's groups, in the order a sales team thinks of its work; `none` keeps an object out.
pub const MENU_GROUPS: [&str; 6] = ["customers", "sales", "money", "work", "catalogue", "none"];

/// Names of the fields every record has.
pub const BUILTIN_FIELDS: [&str; 5] = ["id", "owner_id", "created_at", "updated_at", "created_by"];

/// The index every object has: its records by owner, newest first.
const OWN_NEWEST: [&str; 3] = ["owner_id", "created_at", "id"];

/// The built-in fields every record has a value in from the moment it is written.
const ALWAYS_SET: [&str; 3] = ["id", "created_at", "updated_at"];

impl ObjectDef {
    pub fn field(&self, name: &str) -> Option<&FieldDef> {
        self.fields.iter().find(|f| f.name == name)
    }

    /// The field that names a record in lists, links and the recycle bin.
    pub fn title_field(&self) -> Option<&FieldDef> {
        self.title
            .as_deref()
            .and_then(|t| self.field(t))
            .or_else(|| {
                self.fields
                    .iter()
                    .find(|f| f.kind == FieldKind::Text && !f.system)
            })
    }

    /// The table name an object gets: fixed by its API name, which is a checked identifier.
    pub fn table_for(name: &str) -> String {
        format!("obj_{name}")
    }

    /// The column base name a field gets. Custom fields are prefixed so that a later standard
    /// field can never collide with one an administrator added.
    pub fn column_for(field: &str, custom: bool) -> ColumnName {
        ColumnName::derived(if custom {
            format!("cf_{field}")
        } else {
            field.to_owned()
        })
    }

    /// Fills in the derived parts (table, columns, built-in fields) of a definition read from a
    /// metadata file or an administrator's request, and checks it.
    pub fn complete(mut self) -> Result<ObjectDef, CoreError> {
        if !crate::ident::is_snake_ident(&self.name) {
            return Err(CoreError::field(
                "name",
                Said::new(Reason::BadName).with("max", crate::ident::MAX_NAME_LEN),
            ));
        }
        self.table = ObjectDef::table_for(&self.name);
        if let Some(menu) = &self.menu
            && !MENU_GROUPS.contains(&menu.as_str())
        {
            return Err(CoreError::field(
                "menu",
                Said::new(Reason::OneOf).with("values", MENU_GROUPS.join(", ")),
            ));
        }
        // Everyone's first list is their own records, newest first: an index in that order lets
        // the database read one page of it instead of sorting all of a person's records.
        let own_newest: Vec<String> = OWN_NEWEST.map(String::from).to_vec();
        if !self.indexes.contains(&own_newest) {
            self.indexes.push(own_newest);
        }
        let mut fields = vec![
            FieldDef::builtin("id", "ID", FieldKind::Id, false),
            FieldDef::builtin("owner_id", "Owner", FieldKind::User, true),
            FieldDef::builtin("created_at", "Created", FieldKind::Datetime, true),
            FieldDef::builtin("updated_at", "Updated", FieldKind::Datetime, true),
            FieldDef::builtin("created_by", "Created by", FieldKind::User, false),
        ];
        for mut f in std::mem::take(&mut self.fields) {
            if BUILTIN_FIELDS.contains(&f.name.as_str()) {
                continue;
            }
            check_field(&f)?;
            f.set_column(ObjectDef::column_for(&f.name, f.custom));
            fields.push(f);
        }
        let mut seen = std::collections::BTreeSet::new();
        for f in &fields {
            if !seen.insert(f.name.as_str()) {
                return Err(CoreError::field(
                    "name",
                    Said::new(Reason::FieldTwice).with("field", &f.name),
                ));
            }
        }
        if let Some(unknown) = self
            .key
            .iter()
            .find(|k| !fields.iter().any(|f| &f.name == *k))
        {
            return Err(CoreError::field(
                "key",
                Said::new(Reason::NotAFieldHere).with("field", unknown),
            ));
        }
        if let Some(open) = &self.open {
            open.check(&fields)?;
        }
        self.behaviour.check(&fields)?;
        self.fields = fields;
        Ok(self)
    }

    /// The key fields (`key`), in order.
    pub fn key_fields(&self) -> impl Iterator<Item = &FieldDef> {
        self.key.iter().filter_map(|k| self.field(k))
    }

    /// The columns of each index over several columns, as the table names them.
    pub fn index_columns(&self) -> Vec<Vec<String>> {
        self.indexes
            .iter()
            .map(|names| {
                names
                    .iter()
                    .map(|n| match self.field(n) {
                        Some(f) => f.compare_column().into(),
                        None => n.clone(),
                    })
                    .collect()
            })
            .filter(|cols: &Vec<String>| {
                cols.iter().all(|c| {
                    c == "deleted_at" || c == "id" || self.all_columns().iter().any(|(n, _)| n == c)
                })
            })
            .collect()
    }

    /// Every physical column of the object's table, the system ones included.
    pub fn all_columns(&self) -> Vec<(ColumnName, ColType)> {
        let mut cols: Vec<(ColumnName, ColType)> = Vec::new();
        for f in &self.fields {
            for (name, part) in f.columns() {
                cols.push((name, part.ty));
            }
        }
        cols.extend(
            SYSTEM_COLUMNS
                .iter()
                .map(|(n, t)| (ColumnName::fixed(n), *t)),
        );
        cols
    }
}

/// Columns every record table has beyond its fields' own.
pub const SYSTEM_COLUMNS: [(&str, ColType); 3] = [
    ("deleted_at", ColType::DateTime),
    ("deleted_by", ColType::Text),
    ("search_text", ColType::Text),
];

/// All objects, as one immutable snapshot tagged with the metadata version it was read at.
#[derive(Debug, Clone, Default)]
pub struct Schema {
    pub version: i64,
    pub objects: BTreeMap<String, Arc<ObjectDef>>,
}

impl Schema {
    pub fn object(&self, name: &str) -> Result<&Arc<ObjectDef>, CoreError> {
        self.objects
            .get(name)
            .ok_or_else(|| CoreError::UnknownObject(name.to_owned()))
    }
}

#[cfg(test)]
#[path = "meta_tests.rs"]
mod tests;
