//! The record builders: each turns a seed, a locale and an index into one JSON object with the
//! field names and select options of Pelagic's account, contact, lead, opportunity, task and
//! activity objects.

use serde_json::Value;

use crate::Locale;
use crate::locale::slot;
use crate::phones;
use crate::rng::{Rng, derive, permute};
use crate::values::{
    KINDS, LEAD_STATUSES, LEVELS, Obj, PRIORITIES, ROLES, SOURCES, STAGES, TASK_STATUSES, TYPES,
    date, money, tags,
};
use crate::words::{City, Company, Lexicon, lexicon, push_num};

/// Purposes, mixed into keys so that every stream and bijection is independent.
mod purpose {
    pub const ACCOUNT: u64 = 1;
    pub const CONTACT: u64 = 2;
    pub const LEAD: u64 = 3;
    pub const OPPORTUNITY: u64 = 4;
    pub const TASK: u64 = 5;
    pub const ACTIVITY: u64 = 6;
    pub const COMPANY_NAME: u64 = 10;
    pub const ACCOUNT_PHONE: u64 = 11;
    pub const SERIAL: u64 = 12;
    pub const LEAD_COMPANY: u64 = 13;
    pub const LEAD_PHONE: u64 = 14;
}

/// A number that is distinct for every index: a shuffle of 0..1,000,000 for the first million
/// indices, and the index itself (always ≥ 1,000,000) after that.
fn serial(seed: u64, kind: u64, index: u64) -> u64 {
    const SPAN: u64 = 1_000_000;
    if index < SPAN {
        permute(index, SPAN, derive(seed, purpose::SERIAL, kind))
    } else {
        index
    }
}

/// The company of account `index`, with the generator positioned after it.
fn account_company(seed: u64, index: u64) -> (Locale, u64, Company, Rng) {
    let (locale, k) = slot(index);
    let mut rng = Rng::new(derive(seed, purpose::ACCOUNT, index));
    let key = derive(seed, purpose::COMPANY_NAME, locale as u64);
    let company = (lexicon(locale).company)(k, key, &mut rng);
    (locale, k, company, rng)
}

pub(crate) fn account(seed: u64, index: u64) -> Value {
    let (locale, k, company, mut rng) = account_company(seed, index);
    let lex = lexicon(locale);
    let area = if rng.percent(15) {
        lex.mobile_near(company.city, &mut rng)
    } else {
        &company.city.area
    };
    let phone = phones::unique(
        area,
        k,
        derive(seed, purpose::ACCOUNT_PHONE, locale as u64),
        &mut rng,
    );
    let mut email = String::with_capacity(48);
    email.push_str(rng.pick(lex.text.mailboxes));
    email.push('.');
    push_num(&mut email, serial(seed, purpose::ACCOUNT, index));
    email.push('@');
    email.push_str(&company.domain);
    let mut website = String::with_capacity(company.domain.len() + 12);
    website.push_str(if rng.percent(70) {
        "https://www."
    } else {
        "https://"
    });
    website.push_str(&company.domain);
    let level = rng.choose(&LEVELS, &[15, 35, 50]);
    let revenue = match level {
        "a" => rng.between(5_000, 200_000),
        "b" => rng.between(500, 5_000),
        _ => rng.between(20, 500),
    } * 10_000;
    let mut o = Obj::new();
    o.put("name", company.name);
    o.put("type", rng.choose(&TYPES, &[45, 35, 10, 10]));
    o.put("level", level);
    o.put("industry", company.industry);
    o.put("region", company.city.name);
    o.put(
        "source",
        rng.choose(&SOURCES, &[25, 20, 12, 12, 8, 10, 8, 5]),
    );
    o.put("phone", phone);
    o.put("email", email);
    o.put("website", website);
    o.put("address", (lex.address)(company.city, &mut rng));
    o.put("annual_revenue", money(revenue * 100));
    o.put("tags", tags(&mut rng));
    o.done()
}

/// A contact in `locale`, working in `city`, with an address at `domain` when given.
fn contact_in(
    seed: u64,
    locale: Locale,
    index: u64,
    account_id: Option<&str>,
    at: Option<(&'static City, &str)>,
    rng: &mut Rng,
) -> Value {
    let lex = lexicon(locale);
    let name = (lex.person)(rng);
    let city = at.map_or_else(|| lex.random_city(rng), |(city, _)| city);
    let mut email = String::with_capacity(48);
    email.push_str(&name.ascii);
    email.push('.');
    push_num(&mut email, serial(seed, purpose::CONTACT, index));
    email.push('@');
    match at {
        Some((_, domain)) => email.push_str(domain),
        None if rng.percent(40) => email.push_str(rng.pick(lex.text.free_mail)),
        None => email.push_str(&(lex.company)(rng.between(0, 999_999), seed, rng).domain),
    }
    let (male_title, female_title) = rng.pick(lex.text.titles);
    let mut o = Obj::new();
    o.put("name", name.full);
    if let Some(id) = account_id {
        o.put("account_id", id);
    }
    o.put(
        "title",
        if name.female {
            female_title
        } else {
            male_title
        },
    );
    o.put("decision_role", rng.choose(&ROLES, &[20, 30, 35, 15]));
    o.put("phone", phones::random(&city.area, rng));
    o.put("mobile", phones::random(lex.mobile_near(city, rng), rng));
    o.put("email", email);
    let year = rng.between(1962, 2001);
    o.put("birthday", date(year, rng));
    let wechat = match locale {
        Locale::SimplifiedChinese => true,
        Locale::TraditionalChinese => rng.percent(40),
        _ => false,
    };
    if wechat {
        let mut id: String = name
            .ascii
            .chars()
            .filter(char::is_ascii_alphanumeric)
            .collect();
        id.push('_');
        id.push(char::from(b'0' + (year % 100 / 10) as u8));
        id.push(char::from(b'0' + (year % 10) as u8));
        o.put("wechat", id);
    }
    o.done()
}

pub(crate) fn contact(seed: u64, index: u64, account_id: Option<&str>) -> Value {
    let (locale, _) = slot(index);
    let mut rng = Rng::new(derive(seed, purpose::CONTACT, index));
    contact_in(seed, locale, index, account_id, None, &mut rng)
}

pub(crate) fn contact_of_account(
    seed: u64,
    index: u64,
    account_index: u64,
    account_id: &str,
) -> Value {
    let (locale, _, company, _) = account_company(seed, account_index);
    let mut rng = Rng::new(derive(seed, purpose::CONTACT, index));
    contact_in(
        seed,
        locale,
        index,
        Some(account_id),
        Some((company.city, &company.domain)),
        &mut rng,
    )
}

pub(crate) fn lead(seed: u64, index: u64) -> Value {
    let (locale, k) = slot(index);
    let lex: &Lexicon = lexicon(locale);
    let mut rng = Rng::new(derive(seed, purpose::LEAD, index));
    let company = (lex.company)(
        k,
        derive(seed, purpose::LEAD_COMPANY, locale as u64),
        &mut rng,
    );
    let name = (lex.person)(&mut rng);
    let area = if rng.percent(70) {
        lex.mobile_near(company.city, &mut rng)
    } else {
        &company.city.area
    };
    let phone = phones::unique(
        area,
        k,
        derive(seed, purpose::LEAD_PHONE, locale as u64),
        &mut rng,
    );
    let mut email = String::with_capacity(48);
    email.push_str(&name.ascii);
    email.push('.');
    push_num(&mut email, serial(seed, purpose::LEAD, index));
    email.push('@');
    email.push_str(if rng.percent(30) {
        rng.pick(lex.text.free_mail)
    } else {
        &company.domain
    });
    let (male_title, female_title) = rng.pick(lex.text.titles);
    let mut o = Obj::new();
    o.put("name", name.full);
    o.put("company", company.name);
    o.put(
        "title",
        if name.female {
            female_title
        } else {
            male_title
        },
    );
    o.put("phone", phone);
    o.put("email", email);
    let status = rng.choose(&LEAD_STATUSES, &[43, 32, 17, 8]);
    o.put("status", status);
    if status == "invalid" {
        o.put(
            "invalid_reason",
            match locale {
                Locale::SimplifiedChinese => "联系方式无效",
                Locale::TraditionalChinese => "聯絡方式無效",
                Locale::Spanish => "Datos de contacto falsos",
                Locale::Russian => "Контакты недействительны",
                _ => "Contact details are not real",
            },
        );
    }
    o.put(
        "source",
        rng.choose(&SOURCES, &[30, 15, 12, 10, 10, 13, 5, 5]),
    );
    o.put("region", company.city.name);
    o.put("industry", company.industry);
    o.done()
}

pub(crate) fn opportunity(seed: u64, locale: Locale, index: u64, account_id: &str) -> Value {
    let lex = lexicon(locale);
    let mut rng = Rng::new(derive(seed, purpose::OPPORTUNITY, index));
    let year = rng.between(2026, 2027);
    let mut year_text = String::with_capacity(4);
    push_num(&mut year_text, year);
    let name = rng.pick(lex.text.deals).replace("{y}", &year_text);
    let stage = rng.weighted(&STAGES.map(|s| s.2));
    let (stage_name, probability, _) = STAGES[stage];
    let amount = rng.between(50, 20_000)
        * if rng.percent(80) {
            10_000
        } else {
            rng.between(9_000, 11_000)
        };
    let mut o = Obj::new();
    o.put("name", name);
    o.put("account_id", account_id);
    o.put("amount", money(amount));
    o.put("stage", stage_name);
    o.put("probability", probability);
    o.put("expected_close_date", date(year, &mut rng));
    if stage_name == "lost" {
        o.put("lost_reason", rng.pick(lex.text.lost_reasons));
    }
    o.done()
}

pub(crate) fn task(
    seed: u64,
    locale: Locale,
    index: u64,
    related: Option<(&str, &str)>,
    due_at: &str,
) -> Value {
    let lex = lexicon(locale);
    let mut rng = Rng::new(derive(seed, purpose::TASK, index));
    let mut o = Obj::new();
    o.put("subject", rng.pick(lex.text.tasks));
    o.put("due_at", due_at);
    o.put("status", rng.choose(&TASK_STATUSES, &[70, 25, 5]));
    o.put("priority", rng.choose(&PRIORITIES, &[20, 60, 20]));
    if let Some(related) = related {
        o.related("related", related);
    }
    o.done()
}

pub(crate) fn activity(
    seed: u64,
    locale: Locale,
    index: u64,
    related: (&str, &str),
    occurred_at: &str,
) -> Value {
    let lex = lexicon(locale);
    let mut rng = Rng::new(derive(seed, purpose::ACTIVITY, index));
    let kind = rng.weighted(&[30, 12, 22, 16, 12, 8]);
    let texts = &lex.text.kinds[kind];
    let mut body = rng.pick(texts.bodies).to_owned();
    if rng.percent(55) {
        body.push_str(lex.text.gap);
        body.push_str(rng.pick(lex.text.follow_ups));
    }
    let mut o = Obj::new();
    o.put("kind", KINDS[kind]);
    o.put("subject", rng.pick(texts.subjects));
    o.put("body", body);
    o.put("occurred_at", occurred_at);
    o.related("related", related);
    o.done()
}
