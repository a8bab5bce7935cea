//! A user's own preferences: language and time zone.

use pelagic_core::plan::{Cmp, Pred};
use pelagic_core::{ColType, Value};

use crate::Result;
use crate::db::Tx;
use crate::records;

/// Sets a user's language (`en`, `zh-CN` …) and IANA time zone.
pub async fn set_preferences(
    tx: &mut Tx,
    user_id: &str,
    locale: &str,
    time_zone: &str,
) -> Result<bool> {
    let sets = [
        (
            "locale".to_owned(),
            ColType::Text,
            Value::Text(locale.to_owned()),
        ),
        (
            "time_zone".to_owned(),
            ColType::Text,
            Value::Text(time_zone.to_owned()),
        ),
    ];
    let pred = Pred::Cmp {
        col: "id".into(),
        op: Cmp::Eq,
        value: Value::Text(user_id.to_owned()),
    };
    Ok(records::update(tx, "users", &sets, &pred).await? == 1)
}
