//! Typed names, so that a field's API name and the column it is stored in cannot be mixed up:
//! a column of a record table is a [`ColumnName`], made from metadata (a field's `column`, its
//! parts) or written in the code as a fixed name (`"owner_id"`); a field's API name is text the
//! client sent or the metadata holds, and cannot stand where a column is asked for.
//!
//! A custom field's column differs from its name (`cf_…`), so the compiler refuses the mix-up:
//!
//! ```compile_fail
//! use pelagic_core::ids::FieldName;
//! use pelagic_core::output::Projection;
//! let row = Projection::default();
//! let field_name = FieldName::fixed("status_changed_at");
//! row.position(&field_name); // a field's API name is not a column
//! ```
//!
//! while a column from metadata, or one the code names, is accepted:
//!
//! ```
//! use pelagic_core::names::ColumnName;
//! use pelagic_core::output::Projection;
//! use pelagic_core::ColType;
//! let mut row = Projection::default();
//! row.push("cf_status_changed_at", ColType::DateTime);
//! let column = ColumnName::derived("cf_status_changed_at".into());
//! assert_eq!(row.position(&column), Some(0));
//! assert_eq!(row.position("updated_at"), None);
//! ```

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

/// The name of a column of a record table: derived from metadata, never from request text.
#[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
pub struct ColumnName(Cow<'static, str>);

impl ColumnName {
    /// A column the code names itself (`id`, `owner_id`, `updated_at`, …).
    pub const fn fixed(name: &'static str) -> ColumnName {
        ColumnName(Cow::Borrowed(name))
    }

    /// A column worked out from metadata (a field's base column, with a part's suffix).
    pub fn derived(name: String) -> ColumnName {
        ColumnName(Cow::Owned(name))
    }

    /// This column with a suffix (`_fold`, `_currency`, …).
    pub fn with_suffix(&self, suffix: &str) -> ColumnName {
        ColumnName(Cow::Owned(format!("{}{suffix}", self.0)))
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for ColumnName {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl Borrow<str> for ColumnName {
    fn borrow(&self) -> &str {
        &self.0
    }
}

impl AsRef<str> for ColumnName {
    fn as_ref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for ColumnName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl fmt::Debug for ColumnName {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(&*self.0, f)
    }
}

impl PartialEq<str> for ColumnName {
    fn eq(&self, other: &str) -> bool {
        &*self.0 == other
    }
}

impl PartialEq<&str> for ColumnName {
    fn eq(&self, other: &&str) -> bool {
        &*self.0 == *other
    }
}

impl PartialEq<String> for ColumnName {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<ColumnName> for String {
    fn eq(&self, other: &ColumnName) -> bool {
        **self == *other.0
    }
}

impl From<&ColumnName> for String {
    fn from(c: &ColumnName) -> String {
        c.0.to_string()
    }
}

impl From<ColumnName> for String {
    fn from(c: ColumnName) -> String {
        c.0.into_owned()
    }
}

impl From<&'static str> for ColumnName {
    fn from(name: &'static str) -> ColumnName {
        ColumnName::fixed(name)
    }
}

impl Serialize for ColumnName {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(&self.0)
    }
}

impl<'de> Deserialize<'de> for ColumnName {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<ColumnName, D::Error> {
        Ok(ColumnName::derived(String::deserialize(d)?))
    }
}

/// Something that names a column: a name written in the code, or a [`ColumnName`] from
/// metadata. A field's API name (`FieldDef::name`, a `String`) is not one, so passing `&f.name`
/// where a column is asked for does not compile; `&f.column` does.
pub trait Column {
    fn column(&self) -> &str;

    /// The column as a name to keep.
    fn to_name(&self) -> ColumnName;
}

/// Text naming a column: a fixed name in the code, or a name a hook worked out (`&f.column`
/// with a suffix). A `&String` is not one: a field's API name, held as a `String`, does not
/// coerce to a column.
impl Column for &str {
    fn column(&self) -> &str {
        self
    }

    fn to_name(&self) -> ColumnName {
        ColumnName::derived((*self).to_owned())
    }
}

impl Column for ColumnName {
    fn column(&self) -> &str {
        &self.0
    }

    fn to_name(&self) -> ColumnName {
        self.clone()
    }
}

impl Column for &ColumnName {
    fn column(&self) -> &str {
        &self.0
    }

    fn to_name(&self) -> ColumnName {
        (*self).clone()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn position(columns: &[ColumnName], c: impl Column) -> Option<usize> {
        columns.iter().position(|x| x.as_str() == c.column())
    }

    #[test]
    fn a_column_is_found_by_its_fixed_name_or_by_the_name_metadata_gave_it() {
        let columns = [
            ColumnName::fixed("id"),
            ColumnName::derived("cf_status_changed_at".into()),
        ];
        assert_eq!(position(&columns, "id"), Some(0));
        let custom = ColumnName::derived("cf_status_changed_at".into());
        assert_eq!(position(&columns, &custom), Some(1));
        assert_eq!(
            custom.with_suffix("_fold").as_str(),
            "cf_status_changed_at_fold"
        );
    }
}
