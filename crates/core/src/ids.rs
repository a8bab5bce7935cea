//! Typed text for what names a record and its people: an object's name, a record's id and a
//! user's id, each checked once where it enters (a request's path or body) and carried typed
//! from there, so that the three cannot be swapped in a call and nothing unchecked reaches a
//! query.
//!
//! ```compile_fail
//! use pelagic_core::ids::{ObjectName, RecordId};
//! fn open(object: &ObjectName, id: &RecordId) {}
//! let (object, id) = (ObjectName::fixed("lead"), RecordId::parse("r1").unwrap());
//! open(&id, &object); // an id is not an object's name
//! ```

use std::borrow::Borrow;
use std::fmt;
use std::ops::Deref;

use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::CoreError;
use crate::said::{Reason, Said};

/// Text of one kind, checked when made from outside text: the shared behaviour of the types
/// below (read as `&str`, compared with text, written as a JSON string).
macro_rules! checked_text {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, PartialEq, Eq, PartialOrd, Ord, Hash, Default)]
        pub struct $name(String);

        impl $name {
            pub fn as_str(&self) -> &str {
                &self.0
            }
        }

        impl Deref for $name {
            type Target = str;
            fn deref(&self) -> &str {
                &self.0
            }
        }

        impl AsRef<str> for $name {
            fn as_ref(&self) -> &str {
                &self.0
            }
        }

        impl Borrow<str> for $name {
            fn borrow(&self) -> &str {
                &self.0
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(&self.0)
            }
        }

        impl fmt::Debug for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Debug::fmt(&self.0, f)
            }
        }

        impl PartialEq<str> for $name {
            fn eq(&self, other: &str) -> bool {
                self.0 == other
            }
        }

        impl PartialEq<&str> for $name {
            fn eq(&self, other: &&str) -> bool {
                self.0 == *other
            }
        }

        impl PartialEq<String> for $name {
            fn eq(&self, other: &String) -> bool {
                &self.0 == other
            }
        }

        impl PartialEq<$name> for String {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for &str {
            fn eq(&self, other: &$name) -> bool {
                *self == other.0
            }
        }

        impl PartialEq<$name> for str {
            fn eq(&self, other: &$name) -> bool {
                self == other.0
            }
        }

        impl From<$name> for String {
            fn from(v: $name) -> String {
                v.0
            }
        }

        impl Serialize for $name {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                s.serialize_str(&self.0)
            }
        }

        impl<'de> Deserialize<'de> for $name {
            fn deserialize<D: Deserializer<'de>>(d: D) -> Result<$name, D::Error> {
                let text = String::deserialize(d)?;
                $name::parse(&text).map_err(|e| serde::de::Error::custom(e.to_string()))
            }
        }
    };
}

checked_text! {
    /// The API name of an object (`lead`, `quote_line`, an administrator's `shipment`): a
    /// snake_case name, whether or not the schema has such an object (that is the schema's
    /// answer to give).
    ObjectName
}

checked_text! {
    /// The API name of a field (`name`, `amount`, an administrator's `cf_region`): what clients
    /// send and read. It is not the column the field is stored in (see `names::ColumnName`).
    FieldName
}

checked_text! {
    /// A record's id: 1–64 ASCII letters, digits, `-` or `_` (Pelagic makes UUIDs v7).
    RecordId
}

checked_text! {
    /// A user's id, of the same form as a record's.
    UserId
}

impl ObjectName {
    /// An object's name from outside text; one that cannot be an object's name is an unknown
    /// object, as the schema would say of a well-formed one it does not have.
    pub fn parse(text: &str) -> Result<ObjectName, CoreError> {
        if crate::ident::is_snake_ident(text) {
            Ok(ObjectName(text.to_owned()))
        } else {
            let shown: String = text.chars().take(64).collect();
            Err(CoreError::UnknownObject(shown))
        }
    }

    /// An object the code names itself (`"quote"`), or one the metadata holds.
    pub fn fixed(name: &str) -> ObjectName {
        ObjectName(name.to_owned())
    }
}

impl FieldName {
    /// A field's name from outside text: a snake_case name (whether the object has such a
    /// field is the object's answer to give).
    pub fn parse(text: &str) -> Result<FieldName, Said> {
        if crate::ident::is_snake_ident(text) {
            Ok(FieldName(text.to_owned()))
        } else {
            Err(Said::new(Reason::BadName).with("max", crate::ident::MAX_NAME_LEN))
        }
    }

    /// A field the code or the metadata names.
    pub fn fixed(name: &str) -> FieldName {
        FieldName(name.to_owned())
    }
}

/// Whether `text` has the form of an id.
fn id_like(text: &str) -> bool {
    !text.is_empty()
        && text.len() <= 64
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '_')
}

impl RecordId {
    /// A record's id from outside text.
    pub fn parse(text: &str) -> Result<RecordId, Said> {
        if id_like(text) {
            Ok(RecordId(text.to_owned()))
        } else {
            let shown: String = text.chars().take(70).collect();
            Err(Said::new(Reason::NotARecordId).with("value", shown))
        }
    }

    /// An id Pelagic made or read back from its own tables.
    pub fn stored(id: impl Into<String>) -> RecordId {
        RecordId(id.into())
    }
}

impl UserId {
    /// A user's id from outside text.
    pub fn parse(text: &str) -> Result<UserId, Said> {
        RecordId::parse(text).map(|r| UserId(r.0))
    }

    /// An id Pelagic made or read back from its own tables.
    pub fn stored(id: impl Into<String>) -> UserId {
        UserId(id.into())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ids_and_object_names_are_checked_once_where_they_come_in() {
        assert_eq!(RecordId::parse("0190a-b_c").unwrap(), "0190a-b_c");
        assert!(RecordId::parse("").is_err());
        assert!(RecordId::parse("1 OR 1=1").is_err());
        assert!(RecordId::parse(&"a".repeat(65)).is_err());
        assert!(UserId::parse("usr/../x").is_err());
        assert_eq!(
            ObjectName::parse("quote_line").unwrap().as_str(),
            "quote_line"
        );
        let refused = ObjectName::parse("Lead; DROP").unwrap_err();
        assert!(matches!(refused, CoreError::UnknownObject(_)));
    }

    #[test]
    fn a_path_that_is_no_id_does_not_deserialize() {
        let ok: RecordId = serde_json::from_str("\"r-1\"").unwrap();
        assert_eq!(ok.to_string(), "r-1");
        assert!(serde_json::from_str::<RecordId>("\"r 1\"").is_err());
        assert!(serde_json::from_str::<ObjectName>("\"lead\"").is_ok());
    }
}
