//! Lengths of time as people write them in settings: `45s`, `30m`, `12h`, `7d`, or with the unit
//! in words in any of Pelagic's languages (`7 天`, `12 horas`, `30 мин`).

/// The units a length of time is written in, largest first.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Days,
    Hours,
    Minutes,
    Seconds,
}

impl Unit {
    const ALL: [Unit; 4] = [Unit::Days, Unit::Hours, Unit::Minutes, Unit::Seconds];

    pub fn seconds(self) -> i64 {
        match self {
            Unit::Days => 86_400,
            Unit::Hours => 3600,
            Unit::Minutes => 60,
            Unit::Seconds => 1,
        }
    }

    /// The letter of the short form (`7d`).
    pub fn letter(self) -> char {
        match self {
            Unit::Days => 'd',
            Unit::Hours => 'h',
            Unit::Minutes => 'm',
            Unit::Seconds => 's',
        }
    }

    /// The unit a person wrote: its letter or its name in English, Chinese, Spanish or Russian.
    fn read(word: &str) -> Option<Unit> {
        let w = word.trim().trim_end_matches('.').to_lowercase();
        let unit = match w.as_str() {
            "" | "d" | "day" | "days" | "天" | "日" | "día" | "días" | "dia" | "dias" | "д"
            | "дн" | "день" | "дня" | "дней" => Unit::Days,
            "h" | "hour" | "hours" | "小时" | "小時" | "时" | "hora" | "horas" | "ч" | "час"
            | "часа" | "часов" => Unit::Hours,
            "m" | "min" | "mins" | "minute" | "minutes" | "分" | "分钟" | "分鐘" | "minuto"
            | "minutos" | "мин" | "минута" | "минуты" | "минут" => {
                Unit::Minutes
            }
            "s" | "sec" | "secs" | "second" | "seconds" | "秒" | "seg" | "segundo" | "segundos"
            | "с" | "сек" | "секунда" | "секунды" | "секунд" => {
                Unit::Seconds
            }
            _ => return None,
        };
        Some(unit)
    }
}

/// Seconds in a written length of time: a whole number followed by a unit (a bare number is
/// days). `None` for anything else, for zero and for more than ten years.
pub fn parse(text: &str) -> Option<i64> {
    let text = text.trim();
    let split = text
        .char_indices()
        .find(|(_, c)| !c.is_ascii_digit())
        .map_or(text.len(), |(i, _)| i);
    let (digits, unit) = text.split_at(split);
    let n: i64 = digits.parse().ok()?;
    let secs = n.checked_mul(Unit::read(unit)?.seconds())?;
    (1..=10 * 366 * 86_400).contains(&secs).then_some(secs)
}

/// A length of time as a count of its largest whole unit: 604800 → (7, days).
pub fn parts(secs: i64) -> (i64, Unit) {
    Unit::ALL
        .into_iter()
        .find(|u| secs != 0 && secs % u.seconds() == 0)
        .map_or((secs, Unit::Seconds), |u| (secs / u.seconds(), u))
}

/// A length of time written in its largest whole unit: 604800 → `7d`, 5400 → `90m`.
pub fn format(secs: i64) -> String {
    let (n, unit) = parts(secs);
    format!("{n}{}", unit.letter())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_each_unit_and_bare_days() {
        assert_eq!(parse("45s"), Some(45));
        assert_eq!(parse("30m"), Some(1800));
        assert_eq!(parse("12h"), Some(43_200));
        assert_eq!(parse("7d"), Some(604_800));
        assert_eq!(parse(" 3 "), Some(259_200));
        assert_eq!(parse("2D"), Some(172_800));
    }

    #[test]
    fn reads_units_written_in_words_in_each_language() {
        assert_eq!(parse("7 天"), Some(604_800));
        assert_eq!(parse("12 小时"), Some(43_200));
        assert_eq!(parse("12 小時"), Some(43_200));
        assert_eq!(parse("30 minutos"), Some(1800));
        assert_eq!(parse("1 día"), Some(86_400));
        assert_eq!(parse("5 дней"), Some(432_000));
        assert_eq!(parse("2 часа"), Some(7200));
        assert_eq!(parse("3 days"), Some(259_200));
    }

    #[test]
    fn refuses_nonsense_zero_negative_and_huge() {
        for bad in ["", "d", "7w", "-1d", "0h", "1.5d", "99999999999d", "h7"] {
            assert_eq!(parse(bad), None, "{bad}");
        }
    }

    #[test]
    fn writes_the_largest_whole_unit() {
        assert_eq!(format(604_800), "7d");
        assert_eq!(format(5400), "90m");
        assert_eq!(format(7200), "2h");
        assert_eq!(format(5), "5s");
        for s in ["45s", "30m", "12h", "7d"] {
            assert_eq!(format(parse(s).unwrap()), s);
        }
    }
}
