//! Opaque pagination cursors: the last row's order-key values, tied to the sort they came from.

use base64::Engine;
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use serde_json::{Value as Json, json};

use crate::plan::OrderKey;
use crate::{CoreError, Value};

/// A short fingerprint of an order, so that a cursor is not reused with another sort.
fn signature(order: &[OrderKey]) -> String {
    order
        .iter()
        .map(|k| format!("{}{}", if k.desc { "-" } else { "" }, k.col))
        .collect::<Vec<_>>()
        .join(",")
}

pub fn encode(order: &[OrderKey], values: &[Value]) -> String {
    let body = json!({ "s": signature(order), "v": values.iter().map(Value::to_cursor_json).collect::<Vec<_>>() });
    URL_SAFE_NO_PAD.encode(body.to_string())
}

pub fn decode(order: &[OrderKey], cursor: &str) -> Result<Vec<Value>, CoreError> {
    let bad = || {
        CoreError::invalid(
            "the cursor is not valid; use next_cursor exactly as a previous page returned it",
        )
    };
    if cursor.len() > 4096 {
        return Err(bad());
    }
    let bytes = URL_SAFE_NO_PAD.decode(cursor.trim()).map_err(|_| bad())?;
    let body: Json = serde_json::from_slice(&bytes).map_err(|_| bad())?;
    if body.get("s").and_then(Json::as_str) != Some(signature(order).as_str()) {
        return Err(CoreError::invalid(
            "the cursor belongs to a different sort; start again without a cursor",
        ));
    }
    let values: Vec<Value> = body
        .get("v")
        .and_then(Json::as_array)
        .ok_or_else(bad)?
        .iter()
        .map(Value::from_cursor_json)
        .collect::<Option<_>>()
        .ok_or_else(bad)?;
    if values.len() != order.len() || values.iter().zip(order).any(|(v, k)| !v.fits(k.ty)) {
        return Err(bad());
    }
    Ok(values)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::ColType;

    fn order() -> Vec<OrderKey> {
        vec![
            OrderKey {
                col: "amount".into(),
                ty: ColType::BigInt,
                desc: true,
                nullable: true,
            },
            OrderKey {
                col: "id".into(),
                ty: ColType::Text,
                desc: true,
                nullable: false,
            },
        ]
    }

    #[test]
    fn a_cursor_round_trips_and_refuses_tampering() {
        let values = vec![Value::Int(5), Value::Text("0193".into())];
        let c = encode(&order(), &values);
        assert_eq!(decode(&order(), &c).unwrap(), values);
        assert!(decode(&order(), "not-a-cursor").is_err());
        assert!(
            decode(&order()[1..], &c).is_err(),
            "another sort's cursor is refused"
        );
        let wrong_type = encode(
            &order(),
            &[Value::Text("x".into()), Value::Text("y".into())],
        );
        assert!(decode(&order(), &wrong_type).is_err());
    }
}
