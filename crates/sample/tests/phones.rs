//! Every phone number the generator writes must be a valid number for its locale's region.

mod common;

use common::{is_valid_phone, text};
use pelagic_sample::{Locale, Sample};

#[test]
fn every_generated_phone_is_valid_for_its_region() {
    let mut sample = Sample::new(2026);
    let mut checked = 0;
    let mut invalid = Vec::new();
    let mut check = |locale: Locale, phone: &str| {
        checked += 1;
        if !is_valid_phone(locale, phone) {
            invalid.push(format!("{}: {phone}", locale.code()));
        }
    };
    for index in 0..20_000 {
        let locale = Sample::locale_of(index);
        check(locale, text(&sample.account(index), "phone"));
        let contact = sample.contact(index, None);
        check(locale, text(&contact, "phone"));
        check(locale, text(&contact, "mobile"));
        let colleague = sample.contact_of_account(index, index, "acc");
        check(locale, text(&colleague, "phone"));
        check(locale, text(&colleague, "mobile"));
        check(locale, text(&sample.lead(index), "phone"));
    }
    assert_eq!(checked, 120_000);
    assert!(
        invalid.is_empty(),
        "{} invalid phones, e.g. {:?}",
        invalid.len(),
        &invalid[..invalid.len().min(20)]
    );
}

#[test]
fn phones_of_far_away_indices_are_valid_too() {
    let mut sample = Sample::new(5);
    for index in (0..10_000_000)
        .step_by(2_003)
        .chain([u64::MAX / 3, u64::MAX - 1])
    {
        let locale = Sample::locale_of(index);
        let phone = sample.account(index)["phone"]
            .as_str()
            .unwrap_or_default()
            .to_owned();
        assert!(is_valid_phone(locale, &phone), "account {index}: {phone}");
    }
}

#[test]
fn demo_people_have_valid_mobile_numbers() {
    let mut sample = Sample::new(1);
    for _ in 0..500 {
        for locale in Locale::ALL {
            let person = sample.person(locale);
            assert!(is_valid_phone(locale, &person.phone), "{person:?}");
        }
    }
}

#[test]
fn phones_are_written_the_way_local_people_write_them() {
    let mut sample = Sample::new(77);
    for index in 0..5_000 {
        let account = sample.account(index);
        let phone = text(&account, "phone");
        assert!(
            phone
                .chars()
                .all(|c| c.is_ascii_digit() || " +-()".contains(c)),
            "unexpected characters in {phone}"
        );
        if phone.starts_with('+') {
            continue;
        }
        let ok = match Sample::locale_of(index) {
            Locale::English => phone.starts_with('(') || phone.as_bytes()[3] == b'-',
            Locale::SimplifiedChinese => {
                phone.starts_with('1') || phone.starts_with('0') || phone.starts_with("(0")
            }
            Locale::TraditionalChinese => {
                phone.starts_with("09") || phone.starts_with('0') || phone.starts_with("(0")
            }
            Locale::Spanish => phone.starts_with('6') || phone.starts_with('9'),
            Locale::Russian => phone.starts_with("8 ("),
        };
        assert!(
            ok,
            "{} phone written oddly: {phone}",
            Sample::locale_of(index).code()
        );
    }
}

#[test]
fn a_company_in_china_gets_foreign_numbers_with_their_country_code() {
    let mut sample = Sample::new(2026).for_company_in("CN");
    for index in 0..5_000 {
        let locale = Sample::locale_of(index);
        let prefixes: &[&str] = match locale {
            Locale::English => &["+1"],
            Locale::SimplifiedChinese => &["+86"],
            Locale::TraditionalChinese => &["+886"],
            Locale::Spanish => &["+34", "+52", "+57"],
            Locale::Russian => &["+7"],
        };
        for phone in [
            text(&sample.account(index), "phone").to_owned(),
            text(&sample.lead(index), "phone").to_owned(),
        ] {
            let e164 = pelagic_core::phone::to_e164(&phone, "CN")
                .unwrap_or_else(|e| panic!("{phone}: {e}"));
            assert!(
                prefixes.iter().any(|p| e164.starts_with(p)),
                "{}: {phone} read in China as {e164}",
                locale.code()
            );
        }
    }
}
