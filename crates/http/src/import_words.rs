//! What an import recognises in a file's header and cells: each field's API name and its label
//! in the five languages, and each select option's key with its labels, so that a Chinese,
//! Spanish or Russian export maps and reads by itself.

use std::collections::HashMap;

use pelagic_core::FieldKind;
use pelagic_core::ids::FieldName;
use pelagic_core::import::mapping::FieldNames;
use pelagic_core::meta::ObjectDef;

use crate::i18n::{LANGUAGES, Tr};

/// Each select option's key and labels, by field.
pub type OptionWords = HashMap<FieldName, Vec<(String, Vec<String>)>>;

/// The names each field of `obj` that an import may fill goes by.
pub fn field_words(obj: &ObjectDef) -> Vec<FieldNames> {
    let langs: Vec<Tr> = LANGUAGES.iter().map(|(code, _)| Tr::new(code)).collect();
    obj.fields
        .iter()
        .filter(|f| !f.system || f.name == "owner_id")
        .map(|f| {
            let mut names = vec![f.name.to_string(), f.label.clone()];
            names.extend(langs.iter().map(|tr| tr.field(obj, f)));
            names.sort();
            names.dedup();
            FieldNames {
                field: f.name.clone(),
                names,
            }
        })
        .collect()
}

/// The options of `obj`'s select fields with their labels in every language.
pub fn option_words(obj: &ObjectDef) -> OptionWords {
    let langs: Vec<Tr> = LANGUAGES.iter().map(|(code, _)| Tr::new(code)).collect();
    obj.fields
        .iter()
        .filter(|f| matches!(f.kind, FieldKind::Select | FieldKind::Multiselect))
        .map(|f| {
            let options = f
                .options
                .iter()
                .map(|o| {
                    (
                        o.clone(),
                        langs.iter().map(|tr| tr.option(obj, f, o)).collect(),
                    )
                })
                .collect();
            (f.name.clone(), options)
        })
        .collect()
}
