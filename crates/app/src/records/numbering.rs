//! Numbers of the objects whose metadata declares `numbered` (quotes, orders, contracts), made
//! from a pattern administrators set:
//! `{yyyy}`, `{yy}`, `{mm}`, `{dd}` (the creation date in the creator's time zone) and
//! `{seq:N}` (the series' next number in the year, at least N digits). Each object's series
//! starts again at 1 every year. The number is taken in the record's transaction (see
//! `pelagic_store::sequences`), so numbers are never given twice and a year has no gaps.

use pelagic_core::said::{Reason, Said};
use std::collections::BTreeMap;

use chrono::{Datelike, NaiveDate};
use pelagic_core::meta::ObjectDef;

/// The pattern for a numbered object: the administrator's, else the one its metadata declares.
pub fn pattern_for<'p>(obj: &'p ObjectDef, set: &'p BTreeMap<String, String>) -> &'p str {
    set.get(&obj.name)
        .or(obj.behaviour.numbered.as_ref())
        .map_or("{seq:4}", String::as_str)
}

enum Piece<'p> {
    Text(&'p str),
    Year4,
    Year2,
    Month,
    Day,
    Seq(usize),
}

fn pieces(pattern: &str) -> Result<Vec<Piece<'_>>, Said> {
    let mut out = Vec::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        if open > 0 {
            out.push(Piece::Text(&rest[..open]));
        }
        let close = rest[open..].find('}').ok_or(Reason::PatternUnclosed)? + open;
        let token = &rest[open + 1..close];
        out.push(match token {
            "yyyy" => Piece::Year4,
            "yy" => Piece::Year2,
            "mm" => Piece::Month,
            "dd" => Piece::Day,
            "seq" => Piece::Seq(1),
            t if t.starts_with("seq:") => {
                let n: usize = t[4..]
                    .parse()
                    .ok()
                    .filter(|n| (1..=12).contains(n))
                    .ok_or(Reason::PatternSequenceDigits)?;
                Piece::Seq(n)
            }
            other => {
                return Err(Said::new(Reason::PatternToken).with("value", other));
            }
        });
        rest = &rest[close + 1..];
    }
    if !rest.is_empty() {
        out.push(Piece::Text(rest));
    }
    Ok(out)
}

/// Checks a pattern an administrator gives: known tokens, one sequence, a sensible length.
pub fn check_pattern(pattern: &str) -> Result<(), Said> {
    if pattern.chars().count() > 60 || pattern.chars().any(char::is_control) {
        return Err(Reason::PatternLine.into());
    }
    let seqs = pieces(pattern)?
        .iter()
        .filter(|p| matches!(p, Piece::Seq(_)))
        .count();
    if seqs != 1 {
        return Err(Reason::PatternOneSequence.into());
    }
    Ok(())
}

/// Writes the number `seq` of the series on `date` with `pattern` (checked beforehand).
pub fn format(pattern: &str, date: NaiveDate, seq: i64) -> String {
    let Ok(pieces) = pieces(pattern) else {
        return seq.to_string();
    };
    pieces
        .iter()
        .map(|p| match p {
            Piece::Text(t) => (*t).to_owned(),
            Piece::Year4 => format!("{:04}", date.year()),
            Piece::Year2 => format!("{:02}", date.year() % 100),
            Piece::Month => format!("{:02}", date.month()),
            Piece::Day => format!("{:02}", date.day()),
            Piece::Seq(n) => format!("{seq:0n$}", n = *n),
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers_follow_the_pattern_with_the_date_and_a_padded_sequence() {
        let d = NaiveDate::from_ymd_opt(2026, 3, 7).unwrap();
        assert_eq!(
            format("SO-{yyyy}{mm}{dd}-{seq:4}", d, 12),
            "SO-20260307-0012"
        );
        assert_eq!(format("{yy}/{seq}", d, 12345), "26/12345");
        assert_eq!(format("Q{seq:2}", d, 123), "Q123");
    }

    #[test]
    fn patterns_without_one_sequence_or_with_unknown_tokens_are_refused() {
        assert!(check_pattern("SO-{yyyy}-{seq:5}").is_ok());
        assert!(check_pattern("SO-{yyyy}").is_err());
        assert!(check_pattern("{seq}{seq}").is_err());
        assert!(check_pattern("{seq:0}").is_err());
        assert!(check_pattern("{hh}-{seq}").is_err());
        assert!(check_pattern("{seq").is_err());
    }
}
