//! Telephone numbering: numbering areas, the bijection from an ordinal to a subscriber number,
//! and the way people in each country write numbers down.

use crate::rng::{Rng, permute};

/// Which country's numbering plan and writing conventions apply.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dial {
    Us,
    Cn,
    Tw,
    Es,
    Mx,
    Co,
    Ru,
}

/// A block of numbers: the national significant number is `code`, then one digit of `first`,
/// then `rest` free digits. Within one locale no two areas of equal total length have codes
/// where one is a prefix of the other, so numbers from different areas never coincide.
#[derive(Debug)]
pub(crate) struct Area {
    pub dial: Dial,
    pub code: &'static str,
    pub first: &'static str,
    pub rest: u32,
    pub mobile: bool,
}

impl Area {
    pub(crate) const fn landline(
        dial: Dial,
        code: &'static str,
        first: &'static str,
        rest: u32,
    ) -> Self {
        Area {
            dial,
            code,
            first,
            rest,
            mobile: false,
        }
    }

    pub(crate) const fn mobile(
        dial: Dial,
        code: &'static str,
        first: &'static str,
        rest: u32,
    ) -> Self {
        Area {
            dial,
            code,
            first,
            rest,
            mobile: true,
        }
    }

    /// How many distinct numbers the area holds.
    pub(crate) fn space(&self) -> u64 {
        self.first.len() as u64 * 10u64.pow(self.rest)
    }

    /// The national significant number for subscriber `x` (`x < space()`), as ASCII digits.
    fn digits(&self, x: u64, out: &mut [u8; 16]) -> usize {
        let mut n = 0;
        for &b in self.code.as_bytes() {
            out[n] = b;
            n += 1;
        }
        let unit = 10u64.pow(self.rest);
        out[n] = self.first.as_bytes()[(x / unit) as usize];
        n += 1;
        let mut tail = x % unit;
        for i in (0..self.rest as usize).rev() {
            out[n + i] = b'0' + (tail % 10) as u8;
            tail /= 10;
        }
        n + self.rest as usize
    }
}

/// The number of subscriber `ordinal` in `area`, written the local way. Ordinals below the area's
/// space give distinct numbers; the style is drawn from `rng` and never affects uniqueness.
pub(crate) fn unique(area: &Area, ordinal: u64, key: u64, rng: &mut Rng) -> String {
    let space = area.space();
    let x = permute(ordinal % space, space, key);
    write(area, x, rng)
}

/// Any number in `area`, written the local way.
pub(crate) fn random(area: &Area, rng: &mut Rng) -> String {
    let x = rng.between(0, area.space() - 1);
    write(area, x, rng)
}

fn write(area: &Area, x: u64, rng: &mut Rng) -> String {
    let mut buf = [0u8; 16];
    let len = area.digits(x, &mut buf);
    let d = std::str::from_utf8(&buf[..len]).expect("ASCII digits");
    let c = area.code.len();
    let style = rng.below(100);
    let mut s = String::with_capacity(24);
    match area.dial {
        Dial::Us => match style {
            0..60 => push(&mut s, &["(", &d[..3], ") ", &d[3..6], "-", &d[6..]]),
            60..85 => push(&mut s, &[&d[..3], "-", &d[3..6], "-", &d[6..]]),
            _ => push(&mut s, &["+1 ", &d[..3], "-", &d[3..6], "-", &d[6..]]),
        },
        Dial::Cn if area.mobile => match style {
            0..55 => push(&mut s, &[&d[..3], " ", &d[3..7], " ", &d[7..]]),
            55..80 => s.push_str(d),
            _ => push(&mut s, &["+86 ", &d[..3], " ", &d[3..7], " ", &d[7..]]),
        },
        Dial::Cn => {
            let (code, local) = d.split_at(c);
            let split = local.len() - 4;
            match style {
                0..65 => push(&mut s, &["0", code, "-", local]),
                65..85 => push(
                    &mut s,
                    &["(0", code, ") ", &local[..split], " ", &local[split..]],
                ),
                _ => push(
                    &mut s,
                    &["+86 ", code, " ", &local[..split], " ", &local[split..]],
                ),
            }
        }
        Dial::Tw if area.mobile => match style {
            0..50 => push(&mut s, &["0", &d[..3], " ", &d[3..6], " ", &d[6..]]),
            50..80 => push(&mut s, &["0", &d[..3], "-", &d[3..6], "-", &d[6..]]),
            _ => push(&mut s, &["+886 ", &d[..3], " ", &d[3..6], " ", &d[6..]]),
        },
        Dial::Tw => {
            let (code, local) = d.split_at(c);
            let split = local.len() - 4;
            match style {
                0..50 => push(
                    &mut s,
                    &["(0", code, ") ", &local[..split], "-", &local[split..]],
                ),
                50..80 => push(
                    &mut s,
                    &["0", code, "-", &local[..split], "-", &local[split..]],
                ),
                _ => push(
                    &mut s,
                    &["+886 ", code, " ", &local[..split], " ", &local[split..]],
                ),
            }
        }
        Dial::Es => match style {
            0..60 => push(&mut s, &[&d[..3], " ", &d[3..6], " ", &d[6..]]),
            60..80 if c == 2 => push(
                &mut s,
                &[&d[..2], " ", &d[2..5], " ", &d[5..7], " ", &d[7..]],
            ),
            60..80 => push(
                &mut s,
                &[&d[..3], " ", &d[3..5], " ", &d[5..7], " ", &d[7..]],
            ),
            _ => push(&mut s, &["+34 ", &d[..3], " ", &d[3..6], " ", &d[6..]]),
        },
        Dial::Mx if c == 2 => push(&mut s, &["+52 ", &d[..2], " ", &d[2..6], " ", &d[6..]]),
        Dial::Mx => push(&mut s, &["+52 ", &d[..3], " ", &d[3..6], " ", &d[6..]]),
        Dial::Co => push(&mut s, &["+57 ", &d[..3], " ", &d[3..6], " ", &d[6..]]),
        Dial::Ru => {
            let tail = [&d[3..6], "-", &d[6..8], "-", &d[8..]];
            match style {
                0..45 => push(&mut s, &["8 (", &d[..3], ") "]),
                45..75 => push(&mut s, &["+7 ", &d[..3], " "]),
                _ => push(&mut s, &["+7 (", &d[..3], ") "]),
            }
            push(&mut s, &tail);
        }
    }
    s
}

#[inline]
fn push(s: &mut String, parts: &[&str]) {
    for part in parts {
        s.push_str(part);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_follow_code_first_and_rest() {
        let area = Area::landline(Dial::Cn, "755", "2345678", 7);
        let mut buf = [0u8; 16];
        let n = area.digits(0, &mut buf);
        assert_eq!(&buf[..n], b"75520000000");
        let n = area.digits(area.space() - 1, &mut buf);
        assert_eq!(&buf[..n], b"75589999999");
    }

    #[test]
    fn russian_numbers_are_written_with_dashes() {
        let area = Area::mobile(Dial::Ru, "916", "0123456789", 6);
        let mut rng = Rng::new(1);
        let s = write(&area, 1_234_567, &mut rng);
        assert!(s.ends_with("123-45-67"), "{s}");
    }
}
