//! Exact money and fixed-point decimals: integers of minor units, never floating point.

use rust_decimal::Decimal;
use std::str::FromStr;

use crate::said::{Reason, Said};

/// Digits after the decimal point of a currency's minor unit (ISO 4217).
pub fn currency_exponent(code: &str) -> u32 {
    match code {
        "JPY" | "KRW" | "VND" | "CLP" | "ISK" | "PYG" | "UGX" | "XAF" | "XOF" => 0,
        "BHD" | "KWD" | "OMR" | "JOD" | "TND" | "IQD" | "LYD" => 3,
        _ => 2,
    }
}

/// Whether `code` looks like an ISO 4217 currency code.
pub fn is_currency_code(code: &str) -> bool {
    code.len() == 3 && code.chars().all(|c| c.is_ascii_uppercase())
}

/// Parses a decimal written as text (`"1250.5"`, `"-3"`, `"1e3"` is refused) into an integer
/// scaled by `10^scale`. More digits after the point than `scale` allows is an error rather than
/// a silent rounding, so nobody loses a cent without noticing.
pub fn parse_scaled(text: &str, scale: u32) -> Result<i64, Said> {
    let not_a_number = || Said::new(Reason::NotANumber).with("value", text);
    let t = text.trim();
    if t.is_empty()
        || !t
            .chars()
            .all(|c| c.is_ascii_digit() || c == '.' || c == '-' || c == '+')
    {
        return Err(not_a_number());
    }
    let d = Decimal::from_str(t).map_err(|_| not_a_number())?;
    if d.scale() > scale && d.normalize().scale() > scale {
        return Err(Said::new(Reason::TooManyDecimals).with("scale", scale));
    }
    let scaled = d
        .checked_mul(Decimal::from(10i64.pow(scale)))
        .ok_or(Reason::NumberTooLarge)?;
    i64::try_from(scaled.trunc()).map_err(|_| Reason::NumberTooLarge.into())
}

/// Formats an integer scaled by `10^scale` back to text with exactly `scale` decimals.
pub fn format_scaled(units: i64, scale: u32) -> String {
    let mut d = Decimal::from(units);
    d.set_scale(scale).expect("scale is at most 28");
    format!("{d:.prec$}", prec = scale as usize)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn amounts_become_exact_minor_units_and_back() {
        assert_eq!(parse_scaled("1250.50", 2), Ok(125_050));
        assert_eq!(parse_scaled("0.1", 2), Ok(10));
        assert_eq!(parse_scaled("-3", 2), Ok(-300));
        assert_eq!(
            parse_scaled("12.300", 2),
            Ok(1230),
            "trailing zeros are not extra precision"
        );
        assert_eq!(format_scaled(125_050, 2), "1250.50");
        assert_eq!(format_scaled(-5, 2), "-0.05");
        assert_eq!(format_scaled(7, 0), "7");
        assert_eq!(format_scaled(1234, 3), "1.234");
    }

    #[test]
    fn too_many_decimals_or_garbage_are_refused_not_rounded() {
        assert!(parse_scaled("1.005", 2).is_err());
        assert!(parse_scaled("1e3", 2).is_err());
        assert!(parse_scaled("abc", 2).is_err());
        assert!(parse_scaled("", 2).is_err());
        assert!(parse_scaled("99999999999999999999", 2).is_err());
    }

    #[test]
    fn currencies_know_their_minor_unit() {
        assert_eq!(currency_exponent("CNY"), 2);
        assert_eq!(currency_exponent("JPY"), 0);
        assert_eq!(currency_exponent("KWD"), 3);
        assert!(is_currency_code("EUR") && !is_currency_code("eur") && !is_currency_code("EURO"));
    }
}
