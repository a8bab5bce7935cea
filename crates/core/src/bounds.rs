//! The ranges values are held to: a number field's `min`/`max`, every number within
//! [`MAX_UNITS`], every date within [`YEARS`]; checked when input becomes columns.

use crate::kind::FieldKind;
use crate::meta::FieldDef;
use crate::said::{Reason, Said};
use crate::{Value, money};

/// Largest magnitude of a stored number, in its smallest units (cents, ten-thousandths): far
/// above any real amount, exact in every JSON client (below 2^53), and thousands of them still
/// add up without overflowing.
pub const MAX_UNITS: i64 = 1_000_000_000_000_000;

/// Years a date may have: four digits, so that dates sort as text, print in every calendar
/// format, and survive any reminder arithmetic.
pub const YEARS: std::ops::RangeInclusive<i32> = 1000..=2999;

/// A value within its field's `min`/`max`, every number within [`MAX_UNITS`], every date within
/// [`YEARS`].
pub(crate) fn within_bounds(f: &FieldDef, values: &[Value]) -> Result<(), Said> {
    use chrono::Datelike;
    let year = match values.first() {
        Some(Value::Date(d)) => Some(d.year()),
        Some(Value::DateTime(t)) => Some(t.year()),
        _ => None,
    };
    if let Some(y) = year
        && !YEARS.contains(&y)
    {
        return Err(Said::new(Reason::YearOutOfRange)
            .with("low", YEARS.start())
            .with("high", YEARS.end()));
    }
    let (Some(Value::Int(units)), Some(exp)) = (values.first(), number_exponent(f, values)) else {
        return Ok(());
    };
    let scale = 10_i128.pow(exp);
    let units = i128::from(*units);
    let low = f
        .min
        .map_or(-i128::from(MAX_UNITS), |m| i128::from(m) * scale);
    let high = f
        .max
        .map_or(i128::from(MAX_UNITS), |m| i128::from(m) * scale);
    if units < low.max(-i128::from(MAX_UNITS)) || units > high.min(i128::from(MAX_UNITS)) {
        return Err(match (f.min, f.max) {
            (Some(lo), Some(hi)) => Said::new(Reason::Between).with("low", lo).with("high", hi),
            (Some(lo), None) => Said::new(Reason::AtLeast).with("low", lo),
            (None, Some(hi)) => Said::new(Reason::AtMost).with("high", hi),
            (None, None) => Reason::NumberTooLarge.into(),
        });
    }
    Ok(())
}

/// Digits after the point of a number field's stored units (none for other kinds).
fn number_exponent(f: &FieldDef, values: &[Value]) -> Option<u32> {
    match f.kind {
        FieldKind::Integer => Some(0),
        FieldKind::Decimal | FieldKind::Percent => Some(f.scale()),
        FieldKind::Money => values
            .get(1)
            .and_then(Value::as_str)
            .map(money::currency_exponent),
        _ => None,
    }
}
