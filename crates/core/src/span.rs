//! Lengths of time as people write them in settings: `45s`, `30m`, `12h`, `7d`.

/// Seconds in a written length of time: a whole number followed by `s`, `m`, `h` or `d`
/// (a bare number is days). `None` for anything else, for zero and for more than ten years.
pub fn parse(text: &str) -> Option<i64> {
    let text = text.trim();
    let (digits, unit) = match text.char_indices().last()? {
        (i, c) if c.is_ascii_alphabetic() => (&text[..i], c.to_ascii_lowercase()),
        _ => (text, 'd'),
    };
    let n: i64 = digits.trim().parse().ok()?;
    let secs = n.checked_mul(match unit {
        's' => 1,
        'm' => 60,
        'h' => 3600,
        'd' => 86_400,
        _ => return None,
    })?;
    (1..=10 * 366 * 86_400).contains(&secs).then_some(secs)
}

/// A length of time written in its largest whole unit: 604800 → `7d`, 5400 → `90m`.
pub fn format(secs: i64) -> String {
    for (unit, size) in [('d', 86_400), ('h', 3600), ('m', 60)] {
        if secs != 0 && secs % size == 0 {
            return format!("{}{unit}", secs / size);
        }
    }
    format!("{secs}s")
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
