//! What a temporal expression means before it is anchored (`Expr`), and
//! calendar points with a granularity (`Point`) that print as TIMEX3 values.
//! All calendar arithmetic goes through jiff.

use jiff::civil::{Date, Weekday};
use jiff::{Span, ToSpan};

use super::lexicon::{DayPart, Season, Unit};
use super::numbers::Amount;

/// How precisely a point is known: the TIMEX3 value's shape.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Gran {
    Day,
    Weekend,
    Week,
    Month,
    Season(Season),
    Quarter,
    Half,
    Year,
    Decade,
    Century,
}

impl Gran {
    /// A rank for "finer than": smaller is finer.
    pub(crate) fn rank(self) -> u8 {
        match self {
            Gran::Day => 0,
            Gran::Weekend | Gran::Week => 1,
            Gran::Month => 2,
            Gran::Season(_) | Gran::Quarter => 3,
            Gran::Half => 4,
            Gran::Year => 5,
            Gran::Decade => 6,
            Gran::Century => 7,
        }
    }

    /// The granularity named by a unit ("last *week*").
    pub(crate) fn of(unit: Unit) -> Gran {
        match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => Gran::Day,
            Unit::Weekend => Gran::Weekend,
            Unit::Week | Unit::Fortnight => Gran::Week,
            Unit::Month => Gran::Month,
            Unit::Quarter => Gran::Quarter,
            Unit::Year => Gran::Year,
            Unit::Decade => Gran::Decade,
            Unit::Century | Unit::Millennium => Gran::Century,
        }
    }
}

/// Builds a span of some unit: `Span::try_days`, `Span::try_years` …
type SpanOf = fn(Span, i64) -> Result<Span, jiff::Error>;

/// A calendar period: its first day and its granularity. Seasons keep the
/// year they are named by in `date` (winter 2024 starts in December 2024).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Point {
    pub date: Date,
    pub gran: Gran,
}

impl Point {
    pub(crate) fn new(date: Date, gran: Gran) -> Point {
        Point { date, gran }.normalised()
    }

    pub(crate) fn year(y: i32) -> Option<Point> {
        Some(Point::new(Date::new(i16::try_from(y).ok()?, 1, 1).ok()?, Gran::Year))
    }

    /// Moves `date` to the first day of its period.
    fn normalised(self) -> Point {
        let d = self.date;
        let date = match self.gran {
            Gran::Day => d,
            Gran::Week | Gran::Weekend => {
                let back = i64::from(d.weekday().to_monday_zero_offset());
                d.checked_sub(back.days()).unwrap_or(d)
            }
            Gran::Month => d.first_of_month(),
            Gran::Quarter => Date::new(d.year(), (d.month() - 1) / 3 * 3 + 1, 1).unwrap_or(d),
            Gran::Half => Date::new(d.year(), (d.month() - 1) / 6 * 6 + 1, 1).unwrap_or(d),
            Gran::Season(s) => Date::new(d.year(), s.first_month(), 1).unwrap_or(d),
            Gran::Year => d.first_of_year(),
            Gran::Decade => Date::new(d.year() - d.year().rem_euclid(10), 1, 1).unwrap_or(d),
            Gran::Century => Date::new(d.year() - d.year().rem_euclid(100), 1, 1).unwrap_or(d),
        };
        Point { date, gran: self.gran }
    }

    /// The point `by` units away, at granularity `gran`.
    pub(crate) fn shift(self, unit: Unit, by: i64, gran: Gran) -> Option<Point> {
        // Spans out of jiff's range (a text may say "9999999 decades ago")
        // are errors here, never panics.
        let (count, span_of): (i64, SpanOf) = match unit {
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => (by, Span::try_days),
            Unit::Week | Unit::Weekend => (by, Span::try_weeks),
            Unit::Fortnight => (by.checked_mul(2)?, Span::try_weeks),
            Unit::Month => (by, Span::try_months),
            Unit::Quarter => (by.checked_mul(3)?, Span::try_months),
            Unit::Year => (by, Span::try_years),
            Unit::Decade => (by.checked_mul(10)?, Span::try_years),
            Unit::Century => (by.checked_mul(100)?, Span::try_years),
            Unit::Millennium => (by.checked_mul(1000)?, Span::try_years),
        };
        let span = span_of(Span::new(), count).ok()?;
        Some(Point::new(self.date.checked_add(span).ok()?, gran))
    }

    /// The last day of the period.
    pub(crate) fn last_day(self) -> Date {
        let d = self.date;
        let next = match self.gran {
            Gran::Day => return d,
            Gran::Week => return d.checked_add(6.days()).unwrap_or(d),
            Gran::Weekend => return d.checked_add(6.days()).unwrap_or(d),
            Gran::Month => return d.last_of_month(),
            Gran::Quarter | Gran::Season(_) => d.checked_add(3.months()),
            Gran::Half => d.checked_add(6.months()),
            Gran::Year => d.checked_add(1.year()),
            Gran::Decade => d.checked_add(10.years()),
            Gran::Century => d.checked_add(100.years()),
        };
        next.ok().and_then(|n| n.yesterday().ok()).unwrap_or(d)
    }

    /// The TIMEX3 value.
    pub(crate) fn value(self) -> String {
        let d = self.date;
        let y = i32::from(d.year());
        let mut out = String::with_capacity(10);
        match self.gran {
            Gran::Day => {
                push_padded(&mut out, y, 4);
                out.push('-');
                push_padded(&mut out, d.month().into(), 2);
                out.push('-');
                push_padded(&mut out, d.day().into(), 2);
            }
            Gran::Week | Gran::Weekend => {
                let w = d.iso_week_date();
                push_padded(&mut out, w.year().into(), 4);
                out.push_str("-W");
                push_padded(&mut out, w.week().into(), 2);
                if self.gran == Gran::Weekend {
                    out.push_str("-WE");
                }
            }
            Gran::Month => {
                push_padded(&mut out, y, 4);
                out.push('-');
                push_padded(&mut out, d.month().into(), 2);
            }
            Gran::Quarter | Gran::Half => {
                push_padded(&mut out, y, 4);
                let (mark, months) = if self.gran == Gran::Quarter { ("-Q", 3) } else { ("-H", 6) };
                out.push_str(mark);
                push_padded(&mut out, i32::from(d.month() - 1) / months + 1, 1);
            }
            Gran::Season(s) => {
                push_padded(&mut out, y, 4);
                out.push('-');
                out.push_str(s.code());
            }
            Gran::Year => push_padded(&mut out, y, 4),
            Gran::Decade => push_padded(&mut out, y.div_euclid(10), 3),
            Gran::Century => push_padded(&mut out, y.div_euclid(100), 2),
        }
        out
    }
}

/// Appends `n` as `{n:0width$}` writes it, without the formatting machinery
/// for a number that is not negative (a value is printed for every date).
fn push_padded(out: &mut String, n: i32, width: usize) {
    let Ok(mut m) = u32::try_from(n) else {
        use std::fmt::Write;
        let _ = write!(out, "{n:0width$}");
        return;
    };
    let mut digits = [0u8; 10];
    let mut k = digits.len();
    loop {
        k -= 1;
        digits[k] = b'0' + (m % 10) as u8;
        m /= 10;
        if m == 0 {
            break;
        }
    }
    for _ in digits.len() - k..width {
        out.push('0');
    }
    out.extend(digits[k..].iter().map(|&b| char::from(b)));
}

/// A weekday as jiff knows it, from 1 = Monday … 7 = Sunday.
pub(crate) fn weekday(n: u8) -> Weekday {
    Weekday::from_monday_one_offset(n as i8).unwrap_or(Weekday::Monday)
}

/// Which occurrence a name without a year means: "*last* April", "*next*
/// Friday", "*this* summer", or none said (then the verb's tense decides).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Dir {
    Last,
    This,
    Next,
    Unsaid,
}

/// A period named without its year or week.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Named {
    Month(u8),
    MonthDay(u8, u8),
    Quarter(u8),
    Half(u8),
    Season(Season),
    Weekday(u8),
    /// Saturday and Sunday of a week.
    Weekend,
    /// The nth weekday of a month (a holiday): month, weekday, nth (5 = last).
    NthWeekday(u8, u8, u8),
    /// A day counted from Easter Sunday (a holiday).
    Easter(i16),
}

/// The year a named period lies in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum YearOf {
    /// Written out: "March 1996".
    Known(i32),
    /// Relative to the dct: "June last year" (-1), "this year's third quarter" (0).
    Shifted(i32),
    /// Not said: found from the dct and the verb's tense, or from `Dir`.
    Unknown(Dir),
}

/// The three vague TIMEX3 references.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Vague {
    Past,
    Present,
    Future,
}

impl Vague {
    pub(crate) fn value(self) -> &'static str {
        match self {
            Vague::Past => "PAST_REF",
            Vague::Present => "PRESENT_REF",
            Vague::Future => "FUTURE_REF",
        }
    }
}

/// What a relative expression counts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Anchor {
    /// The document creation time: "yesterday", "two years ago".
    Dct,
    /// The time the text last spoke of: "a day later", "the following year".
    Reference,
}

/// A time of day.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Clock {
    At(u8, u8),
    Part(DayPart),
}

impl Clock {
    pub(crate) fn suffix(self) -> String {
        match self {
            Clock::At(h, m) => {
                let mut out = String::with_capacity(6);
                out.push('T');
                push_padded(&mut out, h.into(), 2);
                out.push(':');
                push_padded(&mut out, m.into(), 2);
                out
            }
            Clock::Part(p) => format!("T{}", p.code()),
        }
    }
}

/// A recurring time: TIMEX3 SET.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Recurrence {
    /// "daily", "every two weeks", "$5 a year": every `n` units.
    Every(Amount, Unit),
    /// "every Monday", "each July", "Tuesday nights".
    Named(Named, Option<DayPart>),
    /// "every morning", "nightly".
    Part(DayPart),
    /// "weekends".
    Weekends,
}

/// The meaning of a temporal expression before it is anchored.
#[derive(Clone, Debug, PartialEq)]
pub(crate) enum Expr {
    /// A year, decade or century: `Point` with granularity Year, Decade, Century.
    Absolute(Point),
    /// A year, or a period of a year, whose year may be left to find.
    InYear(YearOf, Option<Named>),
    /// A whole year named by its number, but possibly unknown: "fiscal 1989".
    /// `unit` units away from an anchor, at a granularity: "yesterday" is
    /// (Day, -1, Day); "two years ago" (Year, -2, Year); "this week" (Week, 0, Week).
    Shift {
        unit: Unit,
        by: i64,
        gran: Option<Gran>,
        anchor: Anchor,
    },
    /// A named period near the anchor: "Friday", "last April", "next summer".
    Named(Named, Dir),
    /// A time of day on a day: "3 p.m.", "Friday night", "tonight".
    Timed(Option<Box<Expr>>, Clock),
    /// A length of time.
    Duration(Amount, Unit),
    Set(Recurrence),
    Vague(Vague),
    /// The period of a granularity that contains a date: "the week [ended Feb. 21]".
    Within(Gran, Box<Expr>),
    /// A decade or century without its century: "the '90s", "the nineties".
    PartialDecade(u8),
}

/// Formats a duration value: `P2Y`, `PT48H`, `P2Y6M`, `PXY`, `P1DE`.
pub(crate) fn duration_value(amount: Amount, unit: Unit) -> String {
    let code = |u: Unit| match u {
        Unit::Second => "S",
        Unit::Minute => "M",
        Unit::Hour => "H",
        Unit::Day => "D",
        Unit::Week => "W",
        Unit::Weekend => "WE",
        Unit::Fortnight => "W",
        Unit::Month => "M",
        Unit::Quarter => "Q",
        Unit::Year => "Y",
        Unit::Decade => "DE",
        Unit::Century => "CE",
        Unit::Millennium => "ML",
    };
    let t = if unit.is_clock() { "T" } else { "" };
    let n = match amount {
        Amount::Vague => return format!("P{t}X{}", code(unit)),
        Amount::Exact(n) => n,
    };
    let (n, unit) = match unit {
        Unit::Fortnight => (n * 2.0, Unit::Week),
        _ => (n, unit),
    };
    if n.fract() == 0.0 {
        return format!("P{t}{}{}", n as i64, code(unit));
    }
    // A fraction: the whole part, then the rest in the next smaller unit.
    let smaller = match unit {
        Unit::Year => Some((Unit::Month, 12.0)),
        Unit::Month => Some((Unit::Day, 30.0)),
        Unit::Week => Some((Unit::Day, 7.0)),
        Unit::Day => Some((Unit::Hour, 24.0)),
        Unit::Hour => Some((Unit::Minute, 60.0)),
        Unit::Minute => Some((Unit::Second, 60.0)),
        Unit::Decade => Some((Unit::Year, 10.0)),
        Unit::Century => Some((Unit::Year, 100.0)),
        _ => None,
    };
    match smaller {
        Some((s, k)) if (n.fract() * k).fract().abs() < 1e-9 => {
            let whole = n.trunc() as i64;
            let rest = (n.fract() * k).round() as i64;
            let t2 = if s.is_clock() && !unit.is_clock() { "T" } else { "" };
            match (whole, unit == Unit::Decade || unit == Unit::Century) {
                (_, true) => format!("P{}Y", (n * k) as i64),
                (0, _) => format!("P{t}{t2}{rest}{}", code(s)),
                _ => format!("P{t}{whole}{}{t2}{rest}{}", code(unit), code(s)),
            }
        }
        _ => format!("P{t}{n}{}", code(unit)),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn padded_numbers_print_as_format_prints_them() {
        for n in (-1200..12_000).chain([i32::MIN, -1, 0, 99_999, 1_000_000, i32::MAX]) {
            for width in 1..=4 {
                let mut out = String::from("x");
                push_padded(&mut out, n, width);
                assert_eq!(out, format!("x{n:0width$}"));
            }
        }
    }

    fn d(y: i16, m: i8, day: i8) -> Date {
        Date::new(y, m, day).unwrap()
    }

    #[test]
    fn point_values() {
        let p = |g| Point::new(d(2025, 1, 13), g).value();
        assert_eq!(p(Gran::Day), "2025-01-13");
        assert_eq!(p(Gran::Week), "2025-W03");
        assert_eq!(p(Gran::Weekend), "2025-W03-WE");
        assert_eq!(p(Gran::Month), "2025-01");
        assert_eq!(p(Gran::Quarter), "2025-Q1");
        assert_eq!(p(Gran::Half), "2025-H1");
        assert_eq!(p(Gran::Year), "2025");
        assert_eq!(p(Gran::Decade), "202");
        assert_eq!(p(Gran::Century), "20");
        assert_eq!(p(Gran::Season(Season::Summer)), "2025-SU");
        // ISO weeks cross years.
        assert_eq!(Point::new(d(2024, 12, 30), Gran::Week).value(), "2025-W01");
    }

    #[test]
    fn shifting() {
        let dct = Point::new(d(2025, 1, 13), Gran::Day);
        assert_eq!(dct.shift(Unit::Week, -1, Gran::Week).unwrap().value(), "2025-W02");
        assert_eq!(dct.shift(Unit::Month, -1, Gran::Month).unwrap().value(), "2024-12");
        assert_eq!(dct.shift(Unit::Day, -1, Gran::Day).unwrap().value(), "2025-01-12");
        let q = Point::new(d(1989, 7, 1), Gran::Quarter);
        assert_eq!(q.shift(Unit::Year, -1, Gran::Quarter).unwrap().value(), "1988-Q3");
        assert_eq!(q.last_day(), d(1989, 9, 30));
    }

    #[test]
    fn durations() {
        let e = |n| Amount::Exact(n);
        assert_eq!(duration_value(e(2.0), Unit::Year), "P2Y");
        assert_eq!(duration_value(e(48.0), Unit::Hour), "PT48H");
        assert_eq!(duration_value(e(2.5), Unit::Year), "P2Y6M");
        assert_eq!(duration_value(e(5.5), Unit::Hour), "PT5H30M");
        assert_eq!(duration_value(e(1.5), Unit::Minute), "PT1M30S");
        assert_eq!(duration_value(e(0.5), Unit::Hour), "PT30M");
        assert_eq!(duration_value(e(1.5), Unit::Day), "P1DT12H");
        assert_eq!(duration_value(Amount::Vague, Unit::Week), "PXW");
        assert_eq!(duration_value(Amount::Vague, Unit::Hour), "PTXH");
        assert_eq!(duration_value(e(1.0), Unit::Decade), "P1DE");
        assert_eq!(duration_value(e(2.0), Unit::Fortnight), "P4W");
    }
}
