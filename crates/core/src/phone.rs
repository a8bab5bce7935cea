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
        return Err(format!("'{trimmed}' has no digits; write a phone number like +86 138 0013 8000"));
    }
    // A number with its own country code must not be read against the default region: the
    // parser then judges "+86 …" by the rules of, say, the US and calls it invalid.
    let region_id = if trimmed.starts_with('+') { None } else { region.parse::<country::Id>().ok() };
    let number = phonenumber::parse(region_id, trimmed)
        .map_err(|_| format!("'{trimmed}' is not a phone number we can read; include the country code, e.g. +34 612 345 678"))?;
    if !phonenumber::is_valid(&number) {
        return Err(format!("'{trimmed}' is not a valid phone number"));
    }
    Ok(number.format().mode(Mode::E164).to_string())
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
        assert_eq!(to_e164("+86 138 0013 8000", "CN").unwrap(), "+8613800138000");
        assert_eq!(to_e164("+86 138-0013-8000", "US").unwrap(), "+8613800138000");
        assert_eq!(to_e164("612 345 678", "ES").unwrap(), "+34612345678");
        assert_eq!(to_e164("8 (916) 123-45-67", "RU").unwrap(), "+79161234567");
    }

    #[test]
    fn text_that_is_not_a_phone_number_is_refused() {
        assert!(to_e164("call me", "CN").is_err());
        assert!(to_e164("123", "CN").is_err());
        assert!(to_e164("", "CN").is_err());
    }
}
