//! Deterministic, realistic CRM sample data in English, Simplified and Traditional Chinese,
//! Spanish and Russian: the public `Sample` generator and the `Person` it makes for demo users.
//!
//! Every record method is a pure function of the seed and its arguments: `account(7)` is the
//! same whichever records were generated before it, so a benchmark can generate in any order or
//! on several threads, each with its own `Sample`. The locale of a record follows from its index
//! alone (in every 20 consecutive indices: 5 English, 5 Simplified Chinese, 3 Traditional Chinese,
//! 4 Spanish, 3 Russian), and account names, phones and emails are unique across indices
//! `0..10_000_000` by construction rather than by luck.

use std::collections::BTreeSet;

mod dialing;
mod locale;
mod phones;
mod records;
mod rng;
mod translit;
mod values;
mod words;

pub use locale::Locale;

use rng::Rng;
use serde_json::Value;
use words::lexicon;

/// A generator of sample records for one seed.
#[derive(Debug)]
pub struct Sample {
    seed: u64,
    /// The stream `person` draws from; the record methods don't touch it.
    people: Rng,
    /// Email local parts already given to a `Person`, to keep demo logins distinct.
    issued: BTreeSet<String>,
    /// The region of the company whose CRM this data fills: numbers from other regions are
    /// written with their country code, as its staff would type them. `None`: all local style.
    home: Option<&'static str>,
}

/// Someone who works at the demo company: a user of the CRM.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Person {
    pub locale: Locale,
    /// Full name in the locale's script and order.
    pub name: String,
    /// Lowercase ASCII at `example.com`, distinct among the people one `Sample` has made.
    pub email: String,
    /// A mobile number, valid for the locale's region.
    pub phone: String,
    /// A sales job title in the locale's language.
    pub title: String,
    /// The city the person works in, in the locale's script.
    pub city: String,
}

impl Sample {
    /// A generator whose every output is fixed by `seed`.
    pub fn new(seed: u64) -> Self {
        Sample {
            seed,
            people: Rng::new(rng::derive(seed, 0x5045_4f50_4c45, 0)),
            issued: BTreeSet::new(),
            home: None,
        }
    }

    /// The same generator for a company in `region` (ISO code such as `"CN"`): phone numbers
    /// of every other region are written with their country code.
    pub fn for_company_in(mut self, region: &str) -> Self {
        self.home = Locale::ALL
            .iter()
            .map(|l| l.region())
            .find(|r| *r == region)
            .or(Some("none"));
        self
    }

    /// Rewrites the phone fields of a record of `locale` for the company's region.
    fn dial(&self, mut record: Value, locale: Locale) -> Value {
        if self.home.is_some_and(|h| h != locale.region()) {
            for key in ["phone", "mobile"] {
                if let Some(Value::String(p)) = record.get(key) {
                    let written = dialing::international(p, locale);
                    record[key] = Value::String(written);
                }
            }
        }
        record
    }

    /// The locale that records with this index get.
    pub fn locale_of(index: u64) -> Locale {
        locale::slot(index).0
    }

    /// Account number `index` of a dataset. Its `name`, `phone` and `email` are distinct from
    /// those of every other index below 10,000,000 (names stay distinct for every index).
    pub fn account(&mut self, index: u64) -> Value {
        self.dial(records::account(self.seed, index), Self::locale_of(index))
    }

    /// A contact whose locale follows from `index`.
    pub fn contact(&mut self, index: u64, account_id: Option<&str>) -> Value {
        self.dial(
            records::contact(self.seed, index, account_id),
            Self::locale_of(index),
        )
    }

    /// A contact who works at account `account_index`: same locale and city, and an email
    /// address at that account's domain.
    pub fn contact_of_account(
        &mut self,
        index: u64,
        account_index: u64,
        account_id: &str,
    ) -> Value {
        let contact = records::contact_of_account(self.seed, index, account_index, account_id);
        self.dial(contact, Self::locale_of(account_index))
    }

    /// A lead whose locale follows from `index`; its phone is distinct for every index below
    /// 10,000,000.
    pub fn lead(&mut self, index: u64) -> Value {
        self.dial(records::lead(self.seed, index), Self::locale_of(index))
    }

    /// An opportunity whose locale follows from `index`.
    pub fn opportunity(&mut self, index: u64, account_id: &str) -> Value {
        records::opportunity(self.seed, Self::locale_of(index), index, account_id)
    }

    /// An opportunity in the language of account `account_index`.
    pub fn opportunity_of_account(
        &mut self,
        index: u64,
        account_index: u64,
        account_id: &str,
    ) -> Value {
        records::opportunity(self.seed, Self::locale_of(account_index), index, account_id)
    }

    /// A task whose language follows from `index`; `related` is `(object, id)`, `due_at` is
    /// passed through as given (RFC 3339).
    pub fn task(&mut self, index: u64, related: Option<(&str, &str)>, due_at: &str) -> Value {
        records::task(self.seed, Self::locale_of(index), index, related, due_at)
    }

    /// A task in `locale`.
    pub fn task_in(
        &mut self,
        locale: Locale,
        index: u64,
        related: Option<(&str, &str)>,
        due_at: &str,
    ) -> Value {
        records::task(self.seed, locale, index, related, due_at)
    }

    /// An activity whose language follows from `index`; `occurred_at` is passed through.
    pub fn activity(&mut self, index: u64, related: (&str, &str), occurred_at: &str) -> Value {
        records::activity(
            self.seed,
            Self::locale_of(index),
            index,
            related,
            occurred_at,
        )
    }

    /// An activity in `locale`.
    pub fn activity_in(
        &mut self,
        locale: Locale,
        index: u64,
        related: (&str, &str),
        occurred_at: &str,
    ) -> Value {
        records::activity(self.seed, locale, index, related, occurred_at)
    }

    /// The next person of the demo company working in `locale`. Unlike the record methods this
    /// draws from a stream: the n-th call for a seed always returns the same person.
    pub fn person(&mut self, locale: Locale) -> Person {
        let lex = lexicon(locale);
        let rng = &mut self.people;
        let name = (lex.person)(rng);
        let city = lex.random_city(rng);
        let (male_title, female_title) = rng.pick(lex.text.staff);
        let phone = phones::random(lex.mobile_near(city, rng), rng);
        let mut local = name.ascii.clone();
        let mut n = 2;
        while self.issued.contains(&local) {
            local = format!("{}{n}", name.ascii);
            n += 1;
        }
        self.issued.insert(local.clone());
        Person {
            locale,
            name: name.full,
            email: local + "@example.com",
            phone,
            title: (if name.female {
                female_title
            } else {
                male_title
            })
            .to_owned(),
            city: city.name.to_owned(),
        }
    }

    /// Four sales team names in the locale's language.
    pub fn team_names(locale: Locale) -> [&'static str; 4] {
        lexicon(locale).text.teams
    }
}
