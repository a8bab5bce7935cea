//! Merge values that remember which fields a rendering read, so that a kept document knows what
//! it holds and can be refused to a reader who may not read all of it (see `generated`).

use std::collections::BTreeSet;
use std::sync::{Arc, Mutex};

use minijinja::value::{Enumerator, Object, ObjectRepr, Value};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value as Json};

/// One field of one record that a rendering read: a record's (`id` set) or any line's.
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize)]
pub struct FieldRead {
    pub object: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    /// The merge key: a field's name, or a money field's `<name>_currency`.
    pub field: String,
    /// The value was masked for the person who made the document (so it holds the mask).
    #[serde(default)]
    pub masked: bool,
}

/// The fields a rendering read, shared by every merge value of that rendering.
#[derive(Debug, Clone, Default)]
pub(super) struct Reads(Arc<Mutex<BTreeSet<FieldRead>>>);

impl Reads {
    fn note(&self, object: &str, id: Option<&str>, field: &str) {
        if field == "id" {
            return;
        }
        if let Ok(mut seen) = self.0.lock() {
            seen.insert(FieldRead {
                object: object.to_owned(),
                id: id.map(str::to_owned),
                field: field.to_owned(),
                masked: false,
            });
        }
    }

    /// Everything read so far.
    pub(super) fn taken(&self) -> Vec<FieldRead> {
        self.0
            .lock()
            .map(|s| s.iter().cloned().collect())
            .unwrap_or_default()
    }

    /// A record's values as a merge value that notes each field read.
    pub(super) fn record(&self, object: &str, id: Option<&str>, values: Json) -> Value {
        let values = match values {
            Json::Object(m) => m,
            _ => Map::new(),
        };
        Value::from_object(Tracked {
            object: object.to_owned(),
            id: id.map(str::to_owned),
            values,
            reads: self.clone(),
        })
    }
}

#[derive(Debug)]
struct Tracked {
    object: String,
    id: Option<String>,
    values: Map<String, Json>,
    reads: Reads,
}

impl Object for Tracked {
    fn repr(self: &Arc<Self>) -> ObjectRepr {
        ObjectRepr::Map
    }

    fn get_value(self: &Arc<Self>, key: &Value) -> Option<Value> {
        let key = key.as_str()?;
        let value = self.values.get(key)?;
        self.reads.note(&self.object, self.id.as_deref(), key);
        Some(Value::from(minijinja::value::Serde(value)))
    }

    /// Walking a record (`record|items`, printing it whole) reads every field it has.
    fn enumerate(self: &Arc<Self>) -> Enumerator {
        for key in self.values.keys() {
            self.reads.note(&self.object, self.id.as_deref(), key);
        }
        Enumerator::Values(
            self.values
                .keys()
                .map(|k| Value::from(k.as_str()))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    fn render(body: &str, reads: &Reads) -> String {
        let record = reads.record(
            "quote",
            Some("q1"),
            json!({"name": "A", "total": "9", "phone": "1"}),
        );
        let mut env = minijinja::Environment::new();
        env.add_global("record", record);
        env.render_str(body, ()).unwrap()
    }

    #[test]
    fn only_the_fields_a_template_reads_are_noted() {
        let reads = Reads::default();
        assert_eq!(
            render("{{ record.name }} {{ record.missing }}", &reads),
            "A "
        );
        let fields: Vec<String> = reads.taken().into_iter().map(|r| r.field).collect();
        assert_eq!(fields, vec!["name"]);
    }

    #[test]
    fn walking_a_record_reads_all_of_it() {
        let reads = Reads::default();
        render("{% for k, v in record|items %}{{ v }}{% endfor %}", &reads);
        let fields: Vec<String> = reads.taken().into_iter().map(|r| r.field).collect();
        assert_eq!(fields, vec!["name", "phone", "total"]);
    }
}
