//! Helpers shared by the integration tests: phone parsing, normalisation and option lists.
#![allow(dead_code)]

use pelagic_sample::Locale;
use serde_json::Value;

/// The record's string field, panicking with the record when it is missing.
pub fn text<'a>(record: &'a Value, field: &str) -> &'a str {
    record[field]
        .as_str()
        .unwrap_or_else(|| panic!("{field} missing in {record}"))
}

/// Parses `phone` with the locale's default region and tells whether libphonenumber accepts it.
pub fn is_valid_phone(locale: Locale, phone: &str) -> bool {
    let region: phonenumber::country::Id = locale.region().parse().expect("known region");
    phonenumber::parse(Some(region), phone).is_ok_and(|n| phonenumber::is_valid(&n))
}

/// The number in international digits, so that one number written two ways counts once.
pub fn normalized(locale: Locale, phone: &str) -> String {
    let digits: String = phone.chars().filter(char::is_ascii_digit).collect();
    if phone.starts_with('+') {
        return digits;
    }
    match locale {
        Locale::English => format!("1{digits}"),
        Locale::SimplifiedChinese => format!("86{}", digits.strip_prefix('0').unwrap_or(&digits)),
        Locale::TraditionalChinese => format!("886{}", digits.strip_prefix('0').unwrap_or(&digits)),
        Locale::Spanish => format!("34{digits}"),
        Locale::Russian => format!("7{}", digits.strip_prefix('8').unwrap_or(&digits)),
    }
}

/// A plausible email address: lowercase ASCII local part and domain with a letter-only TLD.
pub fn is_valid_email(email: &str) -> bool {
    let Some((local, domain)) = email.split_once('@') else {
        return false;
    };
    let local_ok = !local.is_empty()
        && local
            .chars()
            .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || "._-".contains(c))
        && !local.starts_with('.')
        && !local.ends_with('.')
        && !local.contains("..");
    let labels: Vec<&str> = domain.split('.').collect();
    let domain_ok = labels.len() >= 2
        && labels.iter().all(|l| {
            !l.is_empty()
                && !l.starts_with('-')
                && !l.ends_with('-')
                && l.chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '-')
        })
        && labels
            .last()
            .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(|c| c.is_ascii_lowercase()));
    local_ok && domain_ok
}

pub const ACCOUNT_TYPES: [&str; 4] = ["prospect", "customer", "partner", "other"];
pub const LEVELS: [&str; 3] = ["a", "b", "c"];
pub const INDUSTRIES: [&str; 12] = [
    "technology",
    "manufacturing",
    "retail",
    "finance",
    "education",
    "healthcare",
    "government",
    "real_estate",
    "logistics",
    "energy",
    "media",
    "other",
];
pub const SOURCES: [&str; 8] = [
    "website",
    "referral",
    "trade_show",
    "cold_call",
    "advertisement",
    "social_media",
    "partner",
    "other",
];
pub const TAGS: [&str; 6] = [
    "vip",
    "key_account",
    "strategic",
    "at_risk",
    "new",
    "reseller",
];
pub const ROLES: [&str; 4] = ["decision_maker", "influencer", "user", "other"];
pub const LEAD_STATUSES: [&str; 5] = ["new", "contacted", "qualified", "converted", "invalid"];
pub const STAGES: [&str; 7] = [
    "qualification",
    "needs_analysis",
    "proposal",
    "negotiation",
    "won",
    "lost",
    "invalid",
];
pub const TASK_STATUSES: [&str; 3] = ["open", "done", "cancelled"];
pub const PRIORITIES: [&str; 3] = ["low", "normal", "high"];
pub const KINDS: [&str; 6] = ["call", "visit", "email", "meeting", "note", "sms"];

pub fn is_cjk(c: char) -> bool {
    ('\u{4E00}'..='\u{9FFF}').contains(&c)
}

pub fn is_cyrillic(c: char) -> bool {
    ('\u{0400}'..='\u{04FF}').contains(&c)
}
