//! The duplicate keys of records being written: a batch may not hold the same customer twice,
//! and an edit gives up the keys its old values gave and takes the new ones.

use pelagic_core::FieldErrors;
use pelagic_core::dedupe::Key;
use pelagic_core::row::Row;
use pelagic_core::said::{Reason, Said};
use pelagic_store::Tx;
use pelagic_store::duplicates as stored;

use super::{RecordService, Target};
use crate::duplicates::{self, OnTaken};
use crate::{AppError, AppResult};

impl RecordService<'_> {
    /// Gives up the keys a record's new values no longer give and takes the new ones; keys it
    /// keeps stay as they were (held or shared).
    pub(super) async fn rekey(
        &self,
        t: &Target,
        tx: &mut Tx,
        id: &str,
        row: &Row,
    ) -> AppResult<()> {
        let obj = &t.obj;
        let rules = t.snap.duplicates.of(&obj.name);
        if rules.is_empty() {
            return Ok(());
        }
        let wanted = duplicates::keys_of_row(obj, rules, row.projection(), row.values());
        let ids = [id.to_owned()];
        let stored = stored::of_records(tx, &obj.name, &ids).await?;
        let same = |k: &Key| stored.iter().any(|s| s.kind == k.kind && s.key == k.key);
        if stored.len() == wanted.len() && wanted.iter().all(same) {
            return Ok(());
        }
        let added: Vec<Key> = wanted.iter().filter(|k| !same(k)).cloned().collect();
        let kept: Vec<_> = stored
            .into_iter()
            .filter(|s| wanted.iter().any(|k| k.kind == s.kind && k.key == s.key))
            .collect();
        stored::remove(tx, &obj.name, &ids).await?;
        stored::insert(tx, &kept).await?;
        let db = self.app.db();
        duplicates::claim(
            db,
            &t.snap.schema,
            tx,
            obj,
            &[(id.to_owned(), added)],
            OnTaken::Refuse,
        )
        .await
    }
}

/// Refuses a batch in which two records share a duplicate key, naming both.
pub(super) fn refuse_twins(keyed: &[(String, Vec<Key>)], list_name: &str) -> AppResult<()> {
    let mut errors = FieldErrors::new();
    for (i, (_, keys)) in keyed.iter().enumerate() {
        for k in keys {
            if let Some(j) = keyed[..i]
                .iter()
                .position(|(_, earlier)| earlier.iter().any(|e| e.kind == k.kind && e.key == k.key))
            {
                errors.insert(
                    format!("{list_name}[{i}].{}", k.field),
                    Said::new(Reason::SameCustomerAs).with("other", format!("{list_name}[{j}]")),
                );
            }
        }
    }
    if errors.is_empty() {
        Ok(())
    } else {
        Err(AppError::Validation(errors))
    }
}
