//! The shapes every locale's word lists share (cities, companies, names, texts) and the
//! dispatch from a [`Locale`] to its [`Lexicon`].

use crate::Locale;
use crate::phones::Area;
use crate::rng::Rng;

mod en;
mod en_text;
mod es;
mod es_text;
mod ru;
mod ru_text;
mod zh_cn;
mod zh_cn_text;
mod zh_tw;
mod zh_tw_text;

/// A city with what addresses, phone numbers and company names need to know about it.
pub(crate) struct City {
    /// As shown in a record's `region`: "上海", "臺北", "Madrid", "Москва", "Chicago".
    pub name: &'static str,
    /// Chinese: what precedes a company name ("深圳市", "北京"); US: the state ("CA");
    /// Mexico: the state ("CDMX"); otherwise empty.
    pub prefix: &'static str,
    /// As written in an address: "深圳市", "臺北市", "г. Москва", "Ciudad de México".
    pub full: &'static str,
    /// The city's landline numbering area.
    pub area: Area,
    /// Districts, colonias or neighbourhoods used in addresses.
    pub districts: &'static [&'static str],
    /// The leading digits of the city's postal codes.
    pub postal: &'static str,
}

/// A generated company.
pub(crate) struct Company {
    pub name: String,
    pub city: &'static City,
    pub industry: &'static str,
    /// ASCII domain name without scheme, e.g. `huaxing-keji.cn`.
    pub domain: String,
}

/// A generated person's name.
pub(crate) struct Name {
    /// As the person would write it: "张伟", "María José Hernández", "Иван Петрович Смирнов".
    pub full: String,
    /// ASCII, lowercase, dot-separated: "zhang.wei", "maria.hernandez", "ivan.smirnov".
    pub ascii: String,
    pub female: bool,
}

/// Per-activity-kind texts.
pub(crate) struct KindText {
    pub subjects: &'static [&'static str],
    pub bodies: &'static [&'static str],
}

/// Fixed sentences and phrases in one language.
pub(crate) struct Texts {
    /// Job titles as (male or neutral, female) pairs.
    pub titles: &'static [(&'static str, &'static str)],
    /// Job titles of the people who sell: the users of a demo company.
    pub staff: &'static [(&'static str, &'static str)],
    /// Local parts for a company's shared mailbox: "info", "ventas", "sales".
    pub mailboxes: &'static [&'static str],
    /// Free email providers people use privately.
    pub free_mail: &'static [&'static str],
    pub tasks: &'static [&'static str],
    /// Opportunity names; `{y}` stands for the expected year.
    pub deals: &'static [&'static str],
    pub lost_reasons: &'static [&'static str],
    pub teams: [&'static str; 4],
    /// In order: call, visit, email, meeting, note, sms.
    pub kinds: [KindText; 6],
    /// Second sentences that fit after any activity body.
    pub follow_ups: &'static [&'static str],
    /// What separates two sentences: a space, or nothing in Chinese.
    pub gap: &'static str,
}

/// Everything locale-specific the record builders need.
pub(crate) struct Lexicon {
    pub cities: &'static [City],
    /// Mobile numbering areas; in Spanish, for Spain, Mexico and Colombia alike.
    pub mobiles: &'static [Area],
    /// Company `k` of this locale: distinct `k` give distinct names.
    pub company: fn(u64, u64, &mut Rng) -> Company,
    pub person: fn(&mut Rng) -> Name,
    pub address: fn(&'static City, &mut Rng) -> String,
    /// Draws a city when the locale weights them (Spanish favours Spain); otherwise uniform.
    pub city: Option<fn(&mut Rng) -> &'static City>,
    pub text: &'static Texts,
}

impl Lexicon {
    /// A city of the locale.
    pub(crate) fn random_city(&self, rng: &mut Rng) -> &'static City {
        match self.city {
            Some(draw) => draw(rng),
            None => &self.cities[rng.below(self.cities.len())],
        }
    }

    /// A mobile area of the same country as `city` (its own area where mobiles are not distinct).
    pub(crate) fn mobile_near(&self, city: &'static City, rng: &mut Rng) -> &'static Area {
        let dial = city.area.dial;
        let count = self.mobiles.iter().filter(|a| a.dial == dial).count();
        if count == 0 {
            return &city.area;
        }
        let nth = rng.below(count);
        self.mobiles
            .iter()
            .filter(|a| a.dial == dial)
            .nth(nth)
            .expect("every country has a mobile area")
    }
}

/// The lexicon of `locale`.
pub(crate) fn lexicon(locale: Locale) -> &'static Lexicon {
    match locale {
        Locale::English => &en::LEXICON,
        Locale::SimplifiedChinese => &zh_cn::LEXICON,
        Locale::TraditionalChinese => &zh_tw::LEXICON,
        Locale::Spanish => &es::LEXICON,
        Locale::Russian => &ru::LEXICON,
    }
}

/// Appends the decimal form of `n` without allocating a temporary.
pub(crate) fn push_num(out: &mut String, n: u64) {
    let mut buf = [0u8; 20];
    let mut i = buf.len();
    let mut n = n;
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    out.push_str(std::str::from_utf8(&buf[i..]).expect("ASCII digits"));
}

/// A postal code: `prefix` padded with random digits to `len`.
pub(crate) fn postal(out: &mut String, prefix: &str, len: usize, rng: &mut Rng) {
    out.push_str(prefix);
    for _ in prefix.len()..len {
        out.push(char::from(b'0' + rng.below(10) as u8));
    }
}

#[cfg(test)]
mod tests;
