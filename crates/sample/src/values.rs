//! Field values shared by the record builders: the select options and their weights, a terse
//! JSON object builder, and money, date and tag values.

use serde_json::{Map, Value};

use crate::rng::Rng;
use crate::words::push_num;

/// Account types, levels, sources and tags; contact roles; lead statuses.
pub(crate) const TYPES: [&str; 4] = ["prospect", "customer", "partner", "other"];
pub(crate) const LEVELS: [&str; 3] = ["a", "b", "c"];
pub(crate) const SOURCES: [&str; 8] = [
    "website",
    "referral",
    "trade_show",
    "cold_call",
    "advertisement",
    "social_media",
    "partner",
    "other",
];
pub(crate) const TAGS: [&str; 6] = [
    "vip",
    "key_account",
    "strategic",
    "at_risk",
    "new",
    "reseller",
];
pub(crate) const ROLES: [&str; 4] = ["decision_maker", "influencer", "user", "other"];
/// The statuses a lead is given by hand (`converted` comes only from converting it).
pub(crate) const LEAD_STATUSES: [&str; 4] = ["new", "contacted", "qualified", "invalid"];
/// (stage, probability, weight).
pub(crate) const STAGES: [(&str, &str, u32); 7] = [
    ("qualification", "10.00", 24),
    ("needs_analysis", "25.00", 20),
    ("proposal", "50.00", 18),
    ("negotiation", "75.00", 12),
    ("won", "100.00", 13),
    ("lost", "0.00", 10),
    ("invalid", "0.00", 3),
];
/// Task statuses and priorities; activity kinds in the order of `Texts::kinds`.
pub(crate) const TASK_STATUSES: [&str; 3] = ["open", "done", "cancelled"];
pub(crate) const PRIORITIES: [&str; 3] = ["low", "normal", "high"];
pub(crate) const KINDS: [&str; 6] = ["call", "visit", "email", "meeting", "note", "sms"];

/// A small wrapper that keeps field insertion terse.
pub(crate) struct Obj(Map<String, Value>);

impl Obj {
    pub(crate) fn new() -> Self {
        Obj(Map::new())
    }
    pub(crate) fn put(&mut self, key: &str, value: impl Into<Value>) {
        self.0.insert(key.to_owned(), value.into());
    }
    pub(crate) fn related(&mut self, key: &str, (object, id): (&str, &str)) {
        let mut r = Map::new();
        r.insert("object".to_owned(), object.into());
        r.insert("id".to_owned(), id.into());
        self.0.insert(key.to_owned(), Value::Object(r));
    }
    pub(crate) fn done(self) -> Value {
        Value::Object(self.0)
    }
}

/// Zero to two distinct account tags, mostly none.
pub(crate) fn tags(rng: &mut Rng) -> Vec<Value> {
    let count = rng.weighted(&[50, 35, 15]);
    let first = rng.below(TAGS.len());
    let mut out = Vec::with_capacity(count);
    if count >= 1 {
        out.push(Value::from(TAGS[first]));
    }
    if count == 2 {
        let mut second = rng.below(TAGS.len() - 1);
        if second >= first {
            second += 1;
        }
        out.push(Value::from(TAGS[second]));
    }
    out
}

/// `cents` as a decimal string with two places: 125000000 → "1250000.00".
pub(crate) fn money(cents: u64) -> String {
    let mut s = String::with_capacity(16);
    push_num(&mut s, cents / 100);
    s.push('.');
    let rest = cents % 100;
    s.push(char::from(b'0' + (rest / 10) as u8));
    s.push(char::from(b'0' + (rest % 10) as u8));
    s
}

/// A random day of `year` as "YYYY-MM-DD".
pub(crate) fn date(year: u64, rng: &mut Rng) -> String {
    let month = rng.between(1, 12);
    let days = match month {
        2 if year.is_multiple_of(4) && (!year.is_multiple_of(100) || year.is_multiple_of(400)) => {
            29
        }
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    let day = rng.between(1, days);
    let mut s = String::with_capacity(10);
    push_num(&mut s, year);
    for part in [month, day] {
        s.push('-');
        s.push(char::from(b'0' + (part / 10) as u8));
        s.push(char::from(b'0' + (part % 10) as u8));
    }
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_always_has_two_decimals() {
        assert_eq!(money(125_000_000), "1250000.00");
        assert_eq!(money(5), "0.05");
        assert_eq!(money(1234), "12.34");
    }

    #[test]
    fn dates_are_zero_padded_and_real() {
        let mut rng = Rng::new(3);
        for _ in 0..1000 {
            let d = date(2024, &mut rng);
            assert_eq!(d.len(), 10, "{d}");
            let day: u32 = d[8..].parse().expect("day");
            assert!((1..=31).contains(&day));
        }
    }
}
