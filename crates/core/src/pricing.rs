//! Line items and document totals in exact decimals, never floating point.
//!
//! The rounding rule: each line's amounts are rounded to the currency's minor unit (half away
//! from zero) one after the other — amount (quantity × unit price), the line's discount, the
//! share of the document's additional discount, the tax on what is left — and a document's
//! totals are the sums of its rounded lines. A printed quote therefore always adds up: every
//! column sums to its total, and each line's total is its amount less its discounts plus its
//! tax.

use crate::said::{Reason, Said};
use rust_decimal::{Decimal, RoundingStrategy};

/// One line as entered: integers scaled as their fields store them.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct LineInput {
    /// Quantity × 10^`quantity_scale`.
    pub quantity: i64,
    pub quantity_scale: u32,
    /// Unit price in minor units of the document's currency.
    pub unit_price: i64,
    /// Percentages × 10^`percent_scale` (20 % at scale 2 is 2000).
    pub discount: i64,
    pub tax_rate: i64,
    pub percent_scale: u32,
}

/// A line's amounts in minor units.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct LineAmounts {
    /// Quantity × unit price.
    pub subtotal: i64,
    /// The line's own discount plus its share of the document's additional discount.
    pub discount: i64,
    pub tax: i64,
    /// Subtotal − discount + tax.
    pub total: i64,
}

/// A document's totals: sums of its lines, and the overall discount as a percentage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Totals {
    pub subtotal: i64,
    pub discount: i64,
    pub tax: i64,
    pub total: i64,
    /// Discount ÷ subtotal × 100, × 10^`percent_scale` of the call, rounded like an amount.
    pub discount_rate: i64,
}

/// Why a line cannot be priced, named by the field at fault.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PricingError {
    pub field: &'static str,
    pub said: Said,
}

fn err(field: &'static str, said: impl Into<Said>) -> PricingError {
    PricingError {
        field,
        said: said.into(),
    }
}

fn scaled(units: i64, scale: u32) -> Decimal {
    Decimal::new(units, scale)
}

/// Rounds to a whole number of minor units, half away from zero.
fn round(d: Decimal) -> Result<i64, PricingError> {
    i64::try_from(d.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero))
        .map_err(|_| err("quantity", Reason::NumberTooLarge))
}

fn percent_of(amount: i64, percent: Decimal) -> Result<i64, PricingError> {
    let product = Decimal::from(amount)
        .checked_mul(percent)
        .ok_or_else(|| err("quantity", Reason::NumberTooLarge))?;
    round(product / Decimal::ONE_HUNDRED)
}

/// Prices one line; `extra_discount` is the document's additional discount (same scale as the
/// line's percentages), applied to what is left after the line's own discount.
pub fn price_line(line: &LineInput, extra_discount: i64) -> Result<LineAmounts, PricingError> {
    let hundred = Decimal::ONE_HUNDRED;
    let pct = |v: i64| scaled(v, line.percent_scale);
    if line.quantity < 0 {
        return Err(err("quantity", Reason::NotNegative));
    }
    if line.unit_price < 0 {
        return Err(err("unit_price", Reason::NegativePrice));
    }
    for (field, v) in [
        ("discount_percent", line.discount),
        ("tax_rate", line.tax_rate),
    ] {
        if pct(v) < Decimal::ZERO || pct(v) > hundred {
            return Err(err(
                field,
                Said::new(Reason::Between).with("low", 0).with("high", 100),
            ));
        }
    }
    if pct(extra_discount) < Decimal::ZERO || pct(extra_discount) > hundred {
        return Err(err(
            "discount_percent",
            Said::new(Reason::Between).with("low", 0).with("high", 100),
        ));
    }
    let gross = scaled(line.quantity, line.quantity_scale)
        .checked_mul(Decimal::from(line.unit_price))
        .ok_or_else(|| err("quantity", Reason::NumberTooLarge))?;
    let subtotal = round(gross)?;
    let own = percent_of(subtotal, pct(line.discount))?;
    let net = subtotal - own;
    let share = percent_of(net, pct(extra_discount))?;
    let taxable = net - share;
    let tax = percent_of(taxable, pct(line.tax_rate))?;
    let too_large = || err("quantity", Reason::NumberTooLarge);
    Ok(LineAmounts {
        subtotal,
        discount: own.checked_add(share).ok_or_else(too_large)?,
        tax,
        total: taxable.checked_add(tax).ok_or_else(too_large)?,
    })
}

/// Adds up priced lines; the overall discount rate is given at `percent_scale`.
pub fn totals(lines: &[LineAmounts], percent_scale: u32) -> Totals {
    let mut t = Totals::default();
    for l in lines {
        t.subtotal = t.subtotal.saturating_add(l.subtotal);
        t.discount = t.discount.saturating_add(l.discount);
        t.tax = t.tax.saturating_add(l.tax);
        t.total = t.total.saturating_add(l.total);
    }
    if t.subtotal > 0 {
        let rate = Decimal::from(t.discount) * Decimal::ONE_HUNDRED / Decimal::from(t.subtotal);
        let at_scale = rate * Decimal::from(10i64.pow(percent_scale));
        t.discount_rate = i64::try_from(
            at_scale.round_dp_with_strategy(0, RoundingStrategy::MidpointAwayFromZero),
        )
        .unwrap_or(0);
    }
    t
}

/// How much of each instalment (in due order) the net amount received settles: returns
/// (received, outstanding) per instalment. What is received beyond the plan stays unallocated.
pub fn settle(instalments: &[i64], net_received: i64) -> Vec<(i64, i64)> {
    let mut left = net_received.max(0);
    instalments
        .iter()
        .map(|&due| {
            let due = due.max(0);
            let paid = left.min(due);
            left -= paid;
            (paid, due - paid)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn line(quantity: i64, unit_price: i64, discount: i64, tax_rate: i64) -> LineInput {
        LineInput {
            quantity,
            quantity_scale: 4,
            unit_price,
            discount,
            tax_rate,
            percent_scale: 2,
        }
    }

    #[test]
    fn a_plain_line_is_quantity_times_price_plus_tax() {
        // 3 × 100.00 at 13 % tax.
        let l = price_line(&line(30_000, 10_000, 0, 1300), 0).unwrap();
        assert_eq!(
            l,
            LineAmounts {
                subtotal: 30_000,
                discount: 0,
                tax: 3_900,
                total: 33_900
            }
        );
    }

    #[test]
    fn awkward_quantities_round_half_away_from_zero_line_by_line() {
        // 0.3333 × 19.99 = 6.662667 → 6.66; 7.5 % off = 0.4995 → 0.50; 6.16 taxed 6 % =
        // 0.3696 → 0.37.
        let l = price_line(&line(3_333, 1_999, 750, 600), 0).unwrap();
        assert_eq!(l.subtotal, 666);
        assert_eq!(l.discount, 50);
        assert_eq!(l.tax, 37);
        assert_eq!(l.total, 666 - 50 + 37);
        // 2.5 × 0.01 = 0.025 → 0.03 (half away from zero, not to even).
        assert_eq!(price_line(&line(25_000, 1, 0, 0), 0).unwrap().subtotal, 3);
    }

    #[test]
    fn the_additional_discount_applies_after_the_line_discount_and_before_tax() {
        // 10 × 99.90 = 999.00; 10 % off = 99.90 → 899.10; 20 % more = 179.82 → 719.28;
        // 13 % tax = 93.5064 → 93.51.
        let l = price_line(&line(100_000, 9_990, 1000, 1300), 2000).unwrap();
        assert_eq!(l.subtotal, 99_900);
        assert_eq!(l.discount, 9_990 + 17_982);
        assert_eq!(l.tax, 9_351);
        assert_eq!(l.total, 71_928 + 9_351);
    }

    #[test]
    fn totals_are_sums_of_rounded_lines_and_give_the_overall_discount() {
        let lines = [
            price_line(&line(30_000, 10_000, 2000, 1300), 0).unwrap(),
            price_line(&line(10_000, 5_000, 2000, 1300), 0).unwrap(),
        ];
        let t = totals(&lines, 2);
        assert_eq!(t.subtotal, 35_000);
        assert_eq!(t.discount, 7_000);
        assert_eq!(t.tax, 3_640);
        assert_eq!(t.total, 35_000 - 7_000 + 3_640);
        assert_eq!(t.discount_rate, 2000);
        assert_eq!(totals(&[], 2), Totals::default());
    }

    #[test]
    fn impossible_lines_are_refused_by_field() {
        assert_eq!(
            price_line(&line(-1, 100, 0, 0), 0).unwrap_err().field,
            "quantity"
        );
        assert_eq!(
            price_line(&line(1, 100, 10_001, 0), 0).unwrap_err().field,
            "discount_percent"
        );
        assert_eq!(
            price_line(&line(1, -5, 0, 0), 0).unwrap_err().field,
            "unit_price"
        );
        assert!(price_line(&line(i64::MAX, i64::MAX, 0, 0), 0).is_err());
    }

    #[test]
    fn receipts_settle_instalments_in_due_order() {
        assert_eq!(
            settle(&[5_000, 3_000, 2_000], 6_500),
            [(5_000, 0), (1_500, 1_500), (0, 2_000)]
        );
        assert_eq!(settle(&[1_000], -300), [(0, 1_000)]);
        assert_eq!(settle(&[1_000], 4_000), [(1_000, 0)]);
    }
}
