//! Phone numbers: normalised to E.164 with a default region, so that duplicates and filters match.

use phonenumber::{Mode, country};

/// Parses what a person typed (`"138 0013 8000"`, `"+86 138-0013-8000"`) into E.164
/// (`"+8613800138000"`), reading numbers without a country prefix as numbers of `region`.
pub fn to_e164(input: &str, region: &str) -> Result<String, String> {
    let trimmed = input.trim();
    if trimmed.is_empty() {
        return Err("empty phone number".into());
    }
    if !trimmed.chars().any(|c| c.is_ascii_digit()) {
        return Err(format!(
            "'{trimmed}' has no digits; write a phone number like +86 138 0013 8000"
        ));
    }
    // A number with its own country code must not be read against the default region: the
    // parser then judges "+86 …" by the rules of, say, the US and calls it invalid.
    let region_id = if trimmed.starts_with('+') {
        None
    } else {
        region.parse::<country::Id>().ok()
    };
    let number = phonenumber::parse(region_id, trimmed)
        .map_err(|_| format!("'{trimmed}' is not a phone number we can read; include the country code, e.g. +34 612 345 678"))?;
    if !phonenumber::is_valid(&number) {
        return zone_seven(trimmed, region)
            .ok_or_else(|| format!("'{trimmed}' is not a valid phone number"));
    }
    Ok(number.format().mode(Mode::E164).to_string())
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
    fn text_that_is_not_a_phone_number_is_refused() {
        assert!(to_e164("call me", "CN").is_err());
        assert!(to_e164("123", "CN").is_err());
        assert!(to_e164("", "CN").is_err());
    }
}
