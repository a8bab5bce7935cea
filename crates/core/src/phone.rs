//! Phone numbers: normalised to E.164 with a default region, so that duplicates and filters match.

use std::collections::HashMap;
use std::sync::{Arc, LazyLock, RwLock};

use phonenumber::country;
use phonenumber::metadata::DATABASE;
use regex::{Regex, RegexBuilder};

use crate::said::{Reason, Said};

/// Parses what a person typed (`"138 0013 8000"`, `"+86 138-0013-8000"`) into E.164
/// (`"+8613800138000"`), reading numbers without a country prefix as numbers of `region`.
pub fn to_e164(input: &str, region: &str) -> Result<String, Said> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err(Reason::EmptyPhone.into());
    }
    if !trimmed.chars().any(|c| c.is_ascii_digit()) {
        return Err(Said::new(Reason::PhoneNoDigits).with("value", trimmed));
    }
    // A number with its own country code must not be read against the default region: the
    // parser then judges "+86 …" by the rules of, say, the US and calls it invalid.
    let region_id = if trimmed.starts_with('+') {
        None
    } else {
        region.parse::<country::Id>().ok()
    };
    let number = phonenumber::parse(region_id, trimmed)
        .map_err(|_| Said::new(Reason::NotAPhone).with("value", trimmed))?;
    if !matches_numbering_plan(&number) {
        return zone_seven(trimmed, region)
            .ok_or_else(|| Said::new(Reason::NotAValidPhone).with("value", trimmed));
    }
    // Written by hand rather than through the crate's formatter, which matches the number
    // against the national format patterns even for E.164, building regex caches for nothing.
    Ok(format!("+{}{}", number.code().value(), number.national()))
}

/// A stored number written for reading: in the national format when it belongs to `region` (the
/// company's, `0912 345 678` style), in the international format otherwise
/// (`+34 912 34 56 78`). What cannot be read is given back as stored.
pub fn for_reading(e164: &str, region: &str) -> String {
    use std::fmt::Write;
    let Ok(number) = phonenumber::parse(None, e164) else {
        return e164.to_owned();
    };
    let home = DATABASE.by_id(region).map(|m| m.country_code());
    let mode = if home == Some(number.code().value()) {
        phonenumber::Mode::National
    } else {
        phonenumber::Mode::International
    };
    // The crate's formatter reports a country it has no formats for as an error, which
    // `to_string` would turn into a panic.
    let mut out = String::new();
    match write!(out, "{}", number.format().mode(mode)) {
        Ok(()) => out,
        Err(_) => e164.to_owned(),
    }
}

/// Whether the number fits the numbering plan of a region that uses its country code: the plan's
/// general pattern and the pattern of one number type (mobile, fixed line, toll free …). This is
/// `phonenumber::is_valid` without its first step, finding the one region the number belongs to.
/// The patterns are compiled once and kept (`plan_regex`): the crate's own cache holds 100 of
/// them, and the twenty-five regions of +1 alone need some 250, so every +1 number compiled them
/// all again (8–12 ms a number).
fn matches_numbering_plan(number: &phonenumber::PhoneNumber) -> bool {
    let national = number.national().to_string();
    let Some(regions) = DATABASE.by_code(&number.code().value()) else {
        return false;
    };
    let fits = |d: &phonenumber::metadata::Descriptor| {
        let lengths = d.possible_length();
        (lengths.is_empty() || lengths.iter().any(|l| usize::from(*l) == national.len()))
            && plan_regex(d).is_some_and(|re| re.is_match(&national))
    };
    regions.iter().any(|meta| {
        let plan = meta.descriptors();
        fits(plan.general())
            && [
                plan.mobile(),
                plan.fixed_line(),
                plan.premium_rate(),
                plan.toll_free(),
                plan.shared_cost(),
                plan.voip(),
                plan.personal_number(),
                plan.pager(),
                plan.uan(),
                plan.voicemail(),
            ]
            .into_iter()
            .flatten()
            .any(fits)
    })
}

/// The numbering-plan pattern `pattern`, compiled on first use and kept for the life of the
/// process (a few hundred small patterns), matched whole as libphonenumber matches them. Kept by
/// the pattern's place in the phone library's metadata, which lives as long as the process:
/// hashing the pattern's text (often hundreds of characters) cost more than matching it.
fn plan_regex(d: &phonenumber::metadata::Descriptor) -> Option<Arc<Regex>> {
    static COMPILED: LazyLock<RwLock<HashMap<usize, Arc<Regex>>>> = LazyLock::new(Default::default);
    let pattern = d.national_number();
    let key = std::ptr::from_ref(pattern) as usize;
    if let Some(re) = COMPILED.read().ok()?.get(&key) {
        return Some(re.clone());
    }
    let re = Arc::new(
        RegexBuilder::new(&format!("^(?:{})$", pattern.as_str()))
            .ignore_whitespace(true)
            .build()
            .ok()?,
    );
    COMPILED.write().ok()?.insert(key, re.clone());
    Some(re)
}

/// Numbers of the +7 plan (Russia, Kazakhstan) whose area code starts with 8 — St Petersburg
/// 812, Kazan 843, Samara 846 … — which phonenumber 0.3.10 misreads: it strips that 8 as if it
/// were the national trunk prefix and then finds the rest too short. Written `+7 812 …`,
/// `8 812 …` or, in those countries, `812 …`, they have ten digits after the 7 (or 8) and an
/// area code from 3xx, 4xx, 7xx, 8xx or 9xx.
fn zone_seven(input: &str, region: &str) -> Option<String> {
    let digits = digits(input);
    let local = region == "RU" || region == "KZ";
    let national = if input.starts_with('+') {
        digits.strip_prefix('7')?
    } else if local && digits.len() == 11 {
        digits
            .strip_prefix('8')
            .or_else(|| digits.strip_prefix('7'))?
    } else if local {
        digits.as_str()
    } else {
        return None;
    };
    let area_ok = matches!(
        national.as_bytes().first(),
        Some(b'3' | b'4' | b'7' | b'8' | b'9')
    );
    (national.len() == 10 && area_ok && !national.starts_with("80"))
        .then(|| format!("+7{national}"))
}

/// Whether `region` is a country code the phone rules know (`CN`, `ES`, `RU`…).
pub fn is_region(region: &str) -> bool {
    region.len() == 2 && region.parse::<country::Id>().is_ok()
}

/// The digits a person may search a phone by: the E.164 digits without the plus sign.
pub fn digits(input: &str) -> String {
    input.chars().filter(|c| c.is_ascii_digit()).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_written_differently_normalise_to_the_same_e164() {
        assert_eq!(to_e164("13800138000", "CN").unwrap(), "+8613800138000");
        assert_eq!(
            to_e164("+86 138 0013 8000", "CN").unwrap(),
            "+8613800138000"
        );
        assert_eq!(
            to_e164("+86 138-0013-8000", "US").unwrap(),
            "+8613800138000"
        );
        assert_eq!(to_e164("612 345 678", "ES").unwrap(), "+34612345678");
        assert_eq!(to_e164("8 (916) 123-45-67", "RU").unwrap(), "+79161234567");
    }

    #[test]
    fn numbers_are_written_nationally_at_home_and_internationally_abroad() {
        assert_eq!(for_reading("+8613800138000", "CN"), "138 0013 8000");
        assert_eq!(for_reading("+8613800138000", "ES"), "+86 138 0013 8000");
        assert_eq!(for_reading("+34912345678", "ES"), "912 34 56 78");
        assert_eq!(for_reading("+79161234567", "RU"), "8 (916) 123-45-67");
        assert_eq!(for_reading("not a number", "CN"), "not a number");
    }

    #[test]
    fn russian_numbers_with_an_area_code_starting_with_8_are_read_whole() {
        assert_eq!(to_e164("8 (812) 555-12-34", "RU").unwrap(), "+78125551234");
        assert_eq!(to_e164("+7 812 555-12-34", "CN").unwrap(), "+78125551234");
        assert_eq!(to_e164("(843) 555 12 34", "RU").unwrap(), "+78435551234");
        assert!(to_e164("+7 812 555", "RU").is_err(), "still too short");
        assert_eq!(
            to_e164("812 555 1234", "US").unwrap(),
            "+18125551234",
            "elsewhere 812 is not Russian"
        );
    }

    #[test]
    fn numbers_outside_their_countrys_numbering_plan_are_refused() {
        assert_eq!(to_e164("+44 20 7946 0958", "CN").unwrap(), "+442079460958");
        assert_eq!(to_e164("+1 (213) 555-0147", "CN").unwrap(), "+12135550147");
        assert!(
            to_e164("+34 679 186 4975", "CN").is_err(),
            "one digit too many for Spain"
        );
        assert!(
            to_e164("+86 4518 1511", "CN").is_err(),
            "no such Chinese number"
        );
    }

    #[test]
    fn text_that_is_not_a_phone_number_is_refused() {
        assert!(to_e164("call me", "CN").is_err());
        assert!(to_e164("123", "CN").is_err());
        assert!(to_e164("", "CN").is_err());
    }
}
