//! Invariants of the word lists that uniqueness and validity rest on.

use std::collections::HashSet;

use super::{en, es, lexicon, ru, zh_cn, zh_tw};
use crate::Locale;
use crate::locale::max_ordinal;
use crate::phones::Area;

fn areas(locale: Locale) -> Vec<&'static Area> {
    let lex = lexicon(locale);
    lex.cities
        .iter()
        .map(|c| &c.area)
        .chain(lex.mobiles.iter())
        .collect()
}

fn assert_distinct<'a>(what: &str, items: impl IntoIterator<Item = &'a str>) {
    let mut seen = HashSet::new();
    for item in items {
        assert!(seen.insert(item), "{what}: {item:?} appears twice");
    }
}

#[test]
fn every_numbering_area_holds_enough_numbers_for_ten_million_indices() {
    for locale in Locale::ALL {
        let needed = max_ordinal(locale, 10_000_000);
        for area in areas(locale) {
            assert!(
                area.space() >= needed,
                "{area:?} holds {} numbers, {needed} needed",
                area.space()
            );
            assert!(area.first.bytes().all(|b| b.is_ascii_digit()), "{area:?}");
            assert_distinct("first digits", area.first.split_inclusive(|_| true));
        }
    }
}

#[test]
fn numbering_areas_of_one_country_never_overlap() {
    for locale in Locale::ALL {
        let all = areas(locale);
        for a in &all {
            for b in &all {
                let same_length = a.code.len() + a.rest as usize == b.code.len() + b.rest as usize;
                let related = a.code.starts_with(b.code) || b.code.starts_with(a.code);
                if a.dial == b.dial && same_length && related {
                    assert!(
                        a.code == b.code && a.first == b.first && a.rest == b.rest,
                        "{a:?} and {b:?} could produce the same number"
                    );
                }
            }
        }
    }
}

#[test]
fn word_lists_have_no_duplicates() {
    assert_distinct("en prefixes", en::PREFIXES);
    assert_distinct("en roots", en::ROOTS);
    assert_distinct("en trades", en::TRADES.map(|t| t.0));
    assert_distinct("en descriptors", en::DESCRIPTORS);
    assert_distinct("en suffixes", en::SUFFIXES);
    assert_distinct("en surnames", en::SURNAMES);
    assert_distinct("zh brand characters", zh_cn::BRAND_CHARS.map(|c| c.0));
    assert_distinct("zh-TW brand characters", zh_cn::BRAND_CHARS.map(|c| c.1));
    assert_distinct("zh-CN trades", zh_cn::TRADES.map(|t| t.0));
    assert_distinct("zh-CN suffixes", zh_cn::SUFFIXES);
    assert_distinct("zh-TW trades", zh_tw::TRADES.map(|t| t.0));
    assert_distinct("es trades", es::TRADES.map(|t| t.0));
    assert_distinct("es suffixes", es::SUFFIXES.map(|t| t.0));
    assert_distinct("es surnames", es::SURNAMES);
    assert_distinct("ru prefixes", ru::PREFIXES);
    assert_distinct("ru roots", ru::ROOTS.map(|r| r.0));
    assert_distinct("ru endings", ru::ENDINGS);
    assert_distinct("ru adjectives", ru::ADJECTIVES.map(|a| a.0));
    assert_distinct("ru nouns", ru::NOUNS.map(|n| n.0));
    for locale in Locale::ALL {
        assert_distinct("cities", lexicon(locale).cities.iter().map(|c| c.name));
    }
}

#[test]
fn english_brands_are_distinct_single_words_and_never_descriptors() {
    let mut brands = Vec::with_capacity(en::BRANDS);
    for b in 0..en::BRANDS {
        let mut s = String::new();
        en::brand(&mut s, b);
        assert!(
            !s.contains(' ') && !en::DESCRIPTORS.contains(&s.as_str()),
            "{s}"
        );
        brands.push(s);
    }
    assert_distinct("en brands", brands.iter().map(String::as_str));
}

#[test]
fn chinese_brand_names_never_contain_a_city_or_city_marker() {
    for (simplified, traditional, _, _) in zh_cn::BRAND_CHARS {
        assert!(simplified != "市" && traditional != "市");
    }
    for b in 0..zh_cn::BRAND_PAIRS {
        let (x, y) = zh_cn::brand_pair(b);
        assert_ne!(x, y);
        let pair = format!("{}{}", zh_cn::BRAND_CHARS[x].1, zh_cn::BRAND_CHARS[y].1);
        assert!(
            zh_tw::CITIES.iter().all(|c| c.prefix != pair),
            "{pair} reads as a city"
        );
    }
}

#[test]
fn russian_company_cores_are_distinct_with_and_without_a_dash_suffix() {
    let mut cores = Vec::with_capacity(ru::CORES * 2);
    for c in 0..ru::CORES {
        let mut s = String::new();
        ru::core(&mut s, c);
        cores.push(s);
    }
    for c in 0..ru::COMPOUNDS {
        for dash in ru::DASHES {
            cores.push(format!("{}{dash}", cores[c]));
        }
    }
    assert_distinct("ru cores", cores.iter().map(String::as_str));
}

#[test]
fn every_lexicon_has_texts_for_every_activity_kind() {
    for locale in Locale::ALL {
        let text = lexicon(locale).text;
        assert!(!text.titles.is_empty() && !text.staff.is_empty() && !text.tasks.is_empty());
        assert!(
            !text.deals.is_empty() && !text.lost_reasons.is_empty() && !text.follow_ups.is_empty()
        );
        assert!(
            text.mailboxes
                .iter()
                .chain(text.free_mail)
                .all(|m| m.is_ascii())
        );
        for kind in &text.kinds {
            assert!(!kind.subjects.is_empty() && !kind.bodies.is_empty());
        }
    }
}
