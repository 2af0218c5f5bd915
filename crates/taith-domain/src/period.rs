//! The period a page's figures cover: one of a few presets (the last 7, 30 or 90 days, this
//! quarter, this year) or a custom range of days. The map, a touchpoint's page, a survey's page
//! and the dashboard all read it from the same query (`?period=30d`, or
//! `?period=custom&from=2026-09-01&to=2026-09-30`) and write it into their links, so one
//! period follows the owner from page to page and the same touchpoint shows the same figure.

use crate::{Issue, ValidationErrors};
use time::{Date, Duration, Month};

/// How a period was chosen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Preset {
    Days7,
    Days30,
    Days90,
    Quarter,
    Year,
    Custom,
}

impl Preset {
    /// The presets offered as one-click choices, in the order they are shown.
    pub const CHOICES: [Preset; 5] = [
        Preset::Days7,
        Preset::Days30,
        Preset::Days90,
        Preset::Quarter,
        Preset::Year,
    ];

    /// The value in `?period=`; also the translation key's suffix (`period-90d`).
    pub fn as_str(self) -> &'static str {
        match self {
            Preset::Days7 => "7d",
            Preset::Days30 => "30d",
            Preset::Days90 => "90d",
            Preset::Quarter => "quarter",
            Preset::Year => "year",
            Preset::Custom => "custom",
        }
    }

    pub fn parse(s: &str) -> Option<Preset> {
        [Preset::Custom]
            .into_iter()
            .chain(Preset::CHOICES)
            .find(|p| p.as_str() == s)
    }
}

/// A period of whole days, `from` and `to` both included.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Period {
    pub preset: Preset,
    pub from: Date,
    pub to: Date,
}

/// The preset shown when the query names none.
pub const DEFAULT_PRESET: Preset = Preset::Days90;

impl Period {
    /// The days `preset` covers up to `today`; a custom preset without dates is the default.
    pub fn preset(preset: Preset, today: Date) -> Period {
        let days_back = |n: i64| today - Duration::days(n - 1);
        let from = match preset {
            Preset::Days7 => days_back(7),
            Preset::Days30 => days_back(30),
            Preset::Days90 | Preset::Custom => days_back(90),
            Preset::Quarter => {
                let first_month = (u8::from(today.month()) - 1) / 3 * 3 + 1;
                let month = Month::try_from(first_month).unwrap_or(Month::January);
                Date::from_calendar_date(today.year(), month, 1).unwrap_or(today)
            }
            Preset::Year => {
                Date::from_calendar_date(today.year(), Month::January, 1).unwrap_or(today)
            }
        };
        Period {
            preset: if preset == Preset::Custom {
                DEFAULT_PRESET
            } else {
                preset
            },
            from,
            to: today,
        }
    }

    /// Reads `?period=&from=&to=`: a preset by name, or a custom range when dates are given
    /// (with no preset, or `custom`). Nothing given is the default preset. A date that does
    /// not read, an unknown preset or a range that ends before it starts is refused with the
    /// field at fault, never quietly swapped or replaced.
    pub fn parse(
        preset: &str,
        from: &str,
        to: &str,
        today: Date,
    ) -> Result<Period, ValidationErrors> {
        let (preset, from, to) = (preset.trim(), from.trim(), to.trim());
        let mut errors = ValidationErrors::default();
        let named = match preset {
            "" => None,
            p => errors.check("period", Preset::parse(p).ok_or(Issue::UnknownValue)),
        };
        let custom = named.is_none_or(|p| p == Preset::Custom);
        if !custom || (from.is_empty() && to.is_empty()) {
            return if errors.is_empty() {
                Ok(Period::preset(named.unwrap_or(DEFAULT_PRESET), today))
            } else {
                Err(errors)
            };
        }
        let date = |s: &str| {
            let fmt = time::macros::format_description!("[year]-[month]-[day]");
            if s.is_empty() {
                Err(Issue::Required)
            } else {
                Date::parse(s, fmt).map_err(|_| Issue::Invalid)
            }
        };
        let from = errors.check("from", date(from));
        let to = errors.check("to", date(to));
        match (from, to) {
            (Some(from), Some(to)) if from > to => {
                Err(ValidationErrors::one("to", Issue::BeforeStart))
            }
            (Some(from), Some(to)) if errors.is_empty() => Ok(Period {
                preset: Preset::Custom,
                from,
                to,
            }),
            _ => Err(errors),
        }
    }

    /// The query string that names this period, for links that carry it to the next page.
    pub fn query(&self) -> String {
        match self.preset {
            Preset::Custom => format!("period=custom&from={}&to={}", self.from, self.to),
            p => format!("period={}", p.as_str()),
        }
    }

    /// How many days the period covers.
    pub fn days(&self) -> i64 {
        (self.to - self.from).whole_days() + 1
    }

    /// The period as instants: from its first day's midnight (UTC) to the midnight after its
    /// last day, the end left out.
    pub fn utc_range(&self) -> (time::OffsetDateTime, time::OffsetDateTime) {
        let end = self.to.next_day().unwrap_or(Date::MAX);
        (
            self.from.midnight().assume_utc(),
            end.midnight().assume_utc(),
        )
    }

    /// The period of the same length just before this one, for "the change from before".
    pub fn previous(&self) -> Period {
        let length = Duration::days(self.days());
        // At the start of the calendar there is no period before: the first day stands for it
        // (nothing is counted there), rather than a panic on a date out of range.
        let before = |d: Duration| self.from.checked_sub(d).unwrap_or(Date::MIN);
        Period {
            preset: Preset::Custom,
            from: before(length),
            to: before(Duration::days(1)),
        }
    }
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used)]
    use super::*;
    use time::macros::date;

    const TODAY: Date = date!(2026 - 11 - 18);

    #[test]
    fn nothing_asked_is_the_last_ninety_days() {
        let p = Period::parse("", "", "", TODAY).unwrap();
        assert_eq!(
            (p.preset, p.from, p.to),
            (Preset::Days90, date!(2026 - 08 - 21), TODAY)
        );
        assert_eq!(p.days(), 90);
        assert_eq!(p.query(), "period=90d");
    }

    #[test]
    fn presets_cover_their_days() {
        let p = |s| Period::parse(s, "", "", TODAY).unwrap();
        assert_eq!(p("7d").days(), 7);
        assert_eq!(p("30d").from, date!(2026 - 10 - 20));
        assert_eq!(p("quarter").from, date!(2026 - 10 - 01));
        assert_eq!(p("year").from, date!(2026 - 01 - 01));
        // A preset wins over stray dates.
        assert_eq!(
            Period::parse("7d", "2020-01-01", "x", TODAY)
                .unwrap()
                .days(),
            7
        );
    }

    #[test]
    fn a_custom_range_reads_and_travels_in_links() {
        let p = Period::parse("custom", "2026-09-01", "2026-09-30", TODAY).unwrap();
        assert_eq!(
            (p.from, p.to, p.preset),
            (date!(2026 - 09 - 01), date!(2026 - 09 - 30), Preset::Custom)
        );
        assert_eq!(
            Period::parse("", "2026-09-01", "2026-09-30", TODAY).unwrap(),
            p
        );
        assert_eq!(p.query(), "period=custom&from=2026-09-01&to=2026-09-30");
        assert_eq!(p.previous().to, date!(2026 - 08 - 31));
        assert_eq!(p.previous().days(), 30);
    }

    #[test]
    fn a_reversed_range_is_refused_not_swapped() {
        let e = Period::parse("custom", "2026-09-30", "2026-09-01", TODAY).unwrap_err();
        assert_eq!(e, ValidationErrors::one("to", Issue::BeforeStart));
    }

    #[test]
    fn bad_dates_and_presets_name_their_field() {
        let e = Period::parse("custom", "2026-13-01", "", TODAY).unwrap_err();
        assert_eq!(
            e.0.iter()
                .map(|e| (e.field.as_str(), e.issue))
                .collect::<Vec<_>>(),
            vec![("from", Issue::Invalid), ("to", Issue::Required)]
        );
        let e = Period::parse("fortnight", "", "", TODAY).unwrap_err();
        assert_eq!(e, ValidationErrors::one("period", Issue::UnknownValue));
    }
}
