//! The `Locale` enum and the fixed, seed-independent mapping from a record index to its locale
//! and to its ordinal among the records of that locale.

/// A language and the market it implies.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Locale {
    /// English, United States.
    English,
    /// Simplified Chinese, mainland China.
    SimplifiedChinese,
    /// Traditional Chinese, Taiwan.
    TraditionalChinese,
    /// Spanish: Spain, plus Mexico and Colombia (whose numbers are written with `+52` / `+57`).
    Spanish,
    /// Russian, Russia.
    Russian,
}

impl Locale {
    /// Every locale, in declaration order.
    pub const ALL: [Locale; 5] = [
        Locale::English,
        Locale::SimplifiedChinese,
        Locale::TraditionalChinese,
        Locale::Spanish,
        Locale::Russian,
    ];

    /// The BCP 47 language tag: `en`, `zh-CN`, `zh-TW`, `es`, `ru`.
    pub fn code(self) -> &'static str {
        match self {
            Locale::English => "en",
            Locale::SimplifiedChinese => "zh-CN",
            Locale::TraditionalChinese => "zh-TW",
            Locale::Spanish => "es",
            Locale::Russian => "ru",
        }
    }

    /// The ISO 3166 region used as the default when parsing this locale's phone numbers.
    pub fn region(self) -> &'static str {
        match self {
            Locale::English => "US",
            Locale::SimplifiedChinese => "CN",
            Locale::TraditionalChinese => "TW",
            Locale::Spanish => "ES",
            Locale::Russian => "RU",
        }
    }

    /// How many of every [`BLOCK`] consecutive indices belong to this locale.
    pub(crate) const fn weight(self) -> u64 {
        match self {
            Locale::English | Locale::SimplifiedChinese => 5,
            Locale::Spanish => 4,
            Locale::TraditionalChinese | Locale::Russian => 3,
        }
    }
}

/// Indices are assigned to locales in repeating blocks of this many.
pub(crate) const BLOCK: u64 = 20;

use Locale::{
    English as EN, Russian as RU, SimplifiedChinese as CN, Spanish as ES, TraditionalChinese as TW,
};

/// The locale of each position in a block: interleaved so that any five consecutive indices
/// starting at a multiple of five already show variety, and index 0..5 covers all five.
const SLOTS: [Locale; BLOCK as usize] = [
    EN, CN, ES, RU, TW, EN, CN, ES, EN, CN, RU, TW, ES, EN, CN, RU, ES, EN, CN, TW,
];

/// For each position in a block, how many earlier positions share its locale.
const RANKS: [u64; BLOCK as usize] = {
    let mut ranks = [0u64; BLOCK as usize];
    let mut i = 0;
    while i < SLOTS.len() {
        let mut j = 0;
        while j < i {
            if SLOTS[j] as usize == SLOTS[i] as usize {
                ranks[i] += 1;
            }
            j += 1;
        }
        i += 1;
    }
    ranks
};

/// The locale of record `index`, and `k`: its ordinal among the records of that locale.
/// `(locale, k)` is a bijection of the index, which is what makes names, phones and emails unique.
#[inline]
pub(crate) fn slot(index: u64) -> (Locale, u64) {
    let position = (index % BLOCK) as usize;
    let locale = SLOTS[position];
    (locale, index / BLOCK * locale.weight() + RANKS[position])
}

/// The largest `k` that indices below `limit` can reach in `locale`.
#[cfg(test)]
pub(crate) fn max_ordinal(locale: Locale, limit: u64) -> u64 {
    limit.div_ceil(BLOCK) * locale.weight()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn weights_fill_a_block_exactly() {
        let total: u64 = Locale::ALL.iter().map(|l| l.weight()).sum();
        assert_eq!(total, BLOCK);
        for locale in Locale::ALL {
            let count = SLOTS.iter().filter(|&&s| s == locale).count() as u64;
            assert_eq!(count, locale.weight(), "{locale:?}");
        }
    }

    #[test]
    fn slot_is_a_bijection_per_locale() {
        let mut seen = std::collections::HashSet::new();
        for index in 0..10_000 {
            assert!(seen.insert(slot(index)));
        }
        for locale in Locale::ALL {
            let ks: Vec<u64> = (0..10_000)
                .map(slot)
                .filter(|&(l, _)| l == locale)
                .map(|(_, k)| k)
                .collect();
            assert_eq!(ks, (0..ks.len() as u64).collect::<Vec<_>>());
        }
    }
}
