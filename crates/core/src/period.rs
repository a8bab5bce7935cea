//! Relative periods for `within` filters: today, this week, last 30 days…, in the user's zone.

use chrono::{DateTime, Datelike, Days, Months, NaiveDate, TimeZone, Utc};
pub use chrono_tz::Tz;

use crate::CoreError;

/// A half-open range of days `[start, end)` in the user's time zone.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct DayRange {
    pub start: NaiveDate,
    pub end: NaiveDate,
}

impl DayRange {
    /// The same range as instants: from the start of the first day to the start of the day
    /// after the last, both in `tz`.
    pub fn instants(self, tz: Tz) -> (DateTime<Utc>, DateTime<Utc>) {
        (start_of_day(self.start, tz), start_of_day(self.end, tz))
    }
}

fn start_of_day(d: NaiveDate, tz: Tz) -> DateTime<Utc> {
    let midnight = d.and_hms_opt(0, 0, 0).expect("midnight exists");
    // Where a zone skips midnight (a DST change), the day starts at the first instant after it.
    tz.from_local_datetime(&midnight)
        .earliest()
        .unwrap_or_else(|| tz.from_utc_datetime(&midnight))
        .with_timezone(&Utc)
}

/// Reads a period name relative to `today`. Weeks start on Monday; `last_n_days:N` is today and
/// the N days before it, `next_n_days:N` today and the N days after it.
pub fn resolve(name: &str, today: NaiveDate) -> Result<DayRange, CoreError> {
    let range = |start: NaiveDate, end: NaiveDate| Ok(DayRange { start, end });
    let week_start = today - Days::new(today.weekday().num_days_from_monday() as u64);
    let month_start = today.with_day(1).expect("day 1 exists");
    let quarter_start =
        NaiveDate::from_ymd_opt(today.year(), (today.month0() / 3) * 3 + 1, 1).expect("valid");
    let year_start = NaiveDate::from_ymd_opt(today.year(), 1, 1).expect("valid");
    let day = Days::new(1);
    match name {
        "today" => range(today, today + day),
        "yesterday" => range(today - day, today),
        "tomorrow" => range(today + day, today + Days::new(2)),
        "this_week" => range(week_start, week_start + Days::new(7)),
        "last_week" => range(week_start - Days::new(7), week_start),
        "next_week" => range(week_start + Days::new(7), week_start + Days::new(14)),
        "this_month" => range(month_start, month_start + Months::new(1)),
        "last_month" => range(month_start - Months::new(1), month_start),
        "next_month" => range(month_start + Months::new(1), month_start + Months::new(2)),
        "this_quarter" => range(quarter_start, quarter_start + Months::new(3)),
        "last_quarter" => range(quarter_start - Months::new(3), quarter_start),
        "this_year" => range(year_start, year_start + Months::new(12)),
        "last_year" => range(year_start - Months::new(12), year_start),
        _ => {
            let n_days = |prefix: &str| -> Option<Result<u64, CoreError>> {
                let n = name.strip_prefix(prefix)?;
                Some(
                    n.parse::<u64>()
                        .ok()
                        .filter(|n| *n <= 36_600)
                        .ok_or_else(|| {
                            CoreError::invalid(format!(
                                "'{name}': the number of days is a whole number up to 36600"
                            ))
                        }),
                )
            };
            if let Some(n) = n_days("last_n_days:") {
                return range(today - Days::new(n?), today + day);
            }
            if let Some(n) = n_days("next_n_days:") {
                return range(today, today + Days::new(n? + 1));
            }
            Err(CoreError::invalid(format!(
                "unknown period '{}'; use today, yesterday, this_week, last_week, this_month, last_month, \
                 this_quarter, this_year, last_n_days:N or next_n_days:N",
                name.chars().take(40).collect::<String>()
            )))
        }
    }
}

/// Whether a name is an IANA time zone.
pub fn is_zone(name: &str) -> bool {
    name.parse::<Tz>().is_ok()
}

/// The time zone of an IANA name, UTC when unknown.
pub fn zone(name: &str) -> Tz {
    name.parse().unwrap_or(Tz::UTC)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> NaiveDate {
        s.parse().unwrap()
    }

    #[test]
    fn periods_cover_the_expected_days() {
        let today = d("2026-11-25"); // a Wednesday
        let r = |n: &str| resolve(n, today).unwrap();
        assert_eq!(
            r("today"),
            DayRange {
                start: d("2026-11-25"),
                end: d("2026-11-26")
            }
        );
        assert_eq!(
            r("this_week"),
            DayRange {
                start: d("2026-11-23"),
                end: d("2026-11-30")
            }
        );
        assert_eq!(
            r("last_week"),
            DayRange {
                start: d("2026-11-16"),
                end: d("2026-11-23")
            }
        );
        assert_eq!(
            r("last_month"),
            DayRange {
                start: d("2026-10-01"),
                end: d("2026-11-01")
            }
        );
        assert_eq!(
            r("this_quarter"),
            DayRange {
                start: d("2026-10-01"),
                end: d("2027-01-01")
            }
        );
        assert_eq!(
            r("last_n_days:30"),
            DayRange {
                start: d("2026-10-26"),
                end: d("2026-11-26")
            }
        );
        assert_eq!(
            r("next_n_days:7"),
            DayRange {
                start: d("2026-11-25"),
                end: d("2026-12-03")
            }
        );
        assert!(resolve("last_n_days:x", today).is_err());
        assert!(resolve("someday", today).is_err());
    }

    #[test]
    fn a_day_starts_at_local_midnight() {
        let (start, end) = resolve("today", d("2026-11-25"))
            .unwrap()
            .instants(zone("Asia/Shanghai"));
        assert_eq!(start.to_rfc3339(), "2026-11-24T16:00:00+00:00");
        assert_eq!(end.to_rfc3339(), "2026-11-25T16:00:00+00:00");
    }
}
