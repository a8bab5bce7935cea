//! Account names, phones and emails are distinct per index, by construction.

mod common;

use std::collections::HashSet;

use common::{normalized, text};
use pelagic_sample::Sample;

/// Asserts that the accounts at `indices` share no name, phone number or email.
fn assert_accounts_unique(seed: u64, indices: impl Iterator<Item = u64>) {
    let mut sample = Sample::new(seed);
    let mut names = HashSet::new();
    let mut phones = HashSet::new();
    let mut emails = HashSet::new();
    for index in indices {
        let account = sample.account(index);
        let locale = Sample::locale_of(index);
        let name = text(&account, "name");
        let phone = normalized(locale, text(&account, "phone"));
        let email = text(&account, "email");
        assert!(
            names.insert(name.to_owned()),
            "name {name} repeats at index {index}"
        );
        assert!(
            phones.insert(phone.clone()),
            "phone {phone} repeats at index {index}"
        );
        assert!(
            emails.insert(email.to_owned()),
            "email {email} repeats at index {index}"
        );
    }
}

#[test]
fn names_phones_and_emails_of_the_first_200000_accounts_are_unique() {
    assert_accounts_unique(11, 0..200_000);
}

#[test]
fn names_phones_and_emails_stay_unique_across_ten_million_indices() {
    // Every 50th index up to 10,000,000, plus the very end of the range.
    assert_accounts_unique(12, (0..10_000_000).step_by(50).chain(9_999_990..10_000_000));
}

#[test]
fn names_stay_unique_far_beyond_ten_million() {
    let mut sample = Sample::new(13);
    let mut names = HashSet::new();
    for index in (0..4_000_000_000u64).step_by(40_000) {
        let account = sample.account(index);
        assert!(
            names.insert(text(&account, "name").to_owned()),
            "index {index}: {account}"
        );
    }
}

#[test]
fn lead_phones_are_unique_for_the_first_100000_leads() {
    let mut sample = Sample::new(14);
    let mut phones = HashSet::new();
    for index in 0..100_000 {
        let lead = sample.lead(index);
        let phone = normalized(Sample::locale_of(index), text(&lead, "phone"));
        assert!(
            phones.insert(phone.clone()),
            "lead phone {phone} repeats at index {index}"
        );
    }
}

#[test]
fn demo_people_get_distinct_emails() {
    let mut sample = Sample::new(15);
    let mut emails = HashSet::new();
    for round in 0..400 {
        for locale in pelagic_sample::Locale::ALL {
            let person = sample.person(locale);
            assert!(
                emails.insert(person.email.clone()),
                "round {round}: {person:?}"
            );
        }
    }
}
