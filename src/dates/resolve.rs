//! Anchors meanings to the calendar: the document creation date (`dct`), the
//! time the text last spoke of (the reference time), and the verb's tense
//! give each expression its TIMEX3 type and value. Without a dct, values
//! stay underspecified (`XXXX-02-09`, `XXXX-WXX-5`).

use jiff::ToSpan;
use jiff::civil::Date;

use super::lexicon::Unit;
use super::tense::Tense;
use super::timex::{Anchor, Clock, Dir, Expr, Gran, Named, Point, Recurrence, YearOf, duration_value, weekday};
use crate::document::TimexType;

/// What resolution needs besides the expression.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Context {
    pub dct: Option<Date>,
    /// The last point the text named outright (not one counted from another).
    pub reference: Option<Point>,
    pub tense: Tense,
}

/// A resolved expression: its type and value, and the calendar point it
/// names when there is one (to become the next reference time).
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Resolved {
    pub timex_type: TimexType,
    pub value: String,
    pub point: Option<Point>,
}

impl Resolved {
    fn date(p: Point) -> Resolved {
        Resolved { timex_type: TimexType::Date, value: p.value(), point: Some(p) }
    }

    fn text(t: TimexType, value: impl Into<String>) -> Resolved {
        Resolved { timex_type: t, value: value.into(), point: None }
    }
}

/// Resolves an expression; `None` when it names no real date (February 30).
pub(crate) fn resolve(e: &Expr, cx: &Context) -> Option<Resolved> {
    let dct = cx.dct.map(|d| Point::new(d, Gran::Day));
    match e {
        Expr::Absolute(p) => Some(Resolved::date(*p)),
        Expr::InYear(year, named) => in_year(*year, *named, dct, cx),
        Expr::Named(named, dir) => match dct {
            Some(d) => Some(Resolved::date(nearest(*named, *dir, d, cx.tense)?)),
            None => Some(Resolved::text(TimexType::Date, unanchored(*named, None))),
        },
        // "the quarter" with no quarter or finer point to lean on: the last
        // one completed, the one a report speaks of.
        Expr::Shift { unit: Unit::Quarter, by: 0, anchor: Anchor::Reference, .. }
            if cx.reference.is_none_or(|r| r.gran.rank() > Gran::Quarter.rank()) =>
        {
            Some(Resolved::date(dct?.shift(Unit::Quarter, -1, Gran::Quarter)?))
        }
        // "a year ago" in a report about a quarter is that quarter a year
        // earlier: "up from $9 million a year ago" ("last year" stays a year).
        Expr::Shift { unit: Unit::Year, by, gran: None, anchor: Anchor::Dct }
            if by.abs() == 1
                && cx.reference.is_some_and(|r| {
                    matches!(r.gran, Gran::Quarter | Gran::Half)
                        && dct.is_some_and(|d| (d.date.year() - r.date.year()).abs() <= 1)
                }) =>
        {
            let r = cx.reference?;
            Some(Resolved::date(r.shift(Unit::Year, *by, r.gran)?))
        }
        // "the year", "the fiscal year": the year the text is about when that
        // is close to the dct, else the dct's own.
        Expr::Shift { unit: Unit::Year, by: 0, gran: Some(Gran::Year), anchor: Anchor::Reference }
            if dct.is_some_and(|d| cx.reference.is_none_or(|r| (r.date.year() - d.date.year()).abs() > 1)) =>
        {
            Some(Resolved::date(dct?.shift(Unit::Year, 0, Gran::Year)?))
        }
        Expr::Shift { unit, by, gran, anchor } => {
            let (base, from_text) = match (anchor, cx.reference, dct) {
                (Anchor::Reference, Some(r), _) => (r, true),
                (_, _, Some(d)) => (d, false),
                // Nothing to count from: the shape of the value, unknown digits.
                (_, _, None) => {
                    let shape = match gran.unwrap_or(Gran::of(*unit)) {
                        Gran::Day => "XXXX-XX-XX",
                        Gran::Week => "XXXX-WXX",
                        Gran::Weekend => "XXXX-WXX-WE",
                        Gran::Month => "XXXX-XX",
                        Gran::Quarter => "XXXX-QX",
                        Gran::Half => "XXXX-HX",
                        Gran::Season(s) => return Some(Resolved::text(TimexType::Date, format!("XXXX-{}", s.code()))),
                        Gran::Year => "XXXX",
                        Gran::Decade => "XXX",
                        Gran::Century => "XX",
                    };
                    return Some(Resolved::text(TimexType::Date, shape));
                }
            };
            let gran = match gran {
                Some(g) => *g,
                None if from_text => base.gran,
                None => Gran::of(*unit),
            };
            Some(Resolved::date(base.shift(*unit, *by, gran)?))
        }
        Expr::Timed(day, clock) => timed(day.as_deref(), *clock, dct, cx),
        Expr::Within(gran, date) => {
            let p = resolve(date, cx)?.point?;
            Some(Resolved::date(Point::new(p.date, *gran)))
        }
        Expr::Duration(amount, unit) => Some(Resolved::text(TimexType::Duration, duration_value(*amount, *unit))),
        Expr::Set(r) => Some(Resolved::text(TimexType::Set, set_value(r))),
        Expr::Vague(r) => Some(Resolved::text(TimexType::Date, r.value())),
        Expr::PartialDecade(d) => {
            let y = match dct {
                Some(p) => {
                    // The latest decade ending in `d` that is not after the dct's.
                    let now = i32::from(p.date.year()) / 10;
                    let mut dec = now - now.rem_euclid(10) + i32::from(*d);
                    if dec > now {
                        dec -= 10;
                    }
                    dec * 10
                }
                None if *d >= 3 => 1900 + 10 * i32::from(*d),
                None => 2000 + 10 * i32::from(*d),
            };
            let p = Point::year(y)?;
            Some(Resolved::date(Point::new(p.date, Gran::Decade)))
        }
    }
}

/// A named period in a given year.
fn point_in(year: i32, named: Named) -> Option<Point> {
    let y = i16::try_from(year).ok()?;
    let p = match named {
        Named::Month(m) => Point::new(Date::new(y, m as i8, 1).ok()?, Gran::Month),
        Named::MonthDay(m, d) => Point::new(Date::new(y, m as i8, d as i8).ok()?, Gran::Day),
        Named::Quarter(q) => Point::new(Date::new(y, (q as i8 - 1) * 3 + 1, 1).ok()?, Gran::Quarter),
        Named::Half(h) => Point::new(Date::new(y, (h as i8 - 1) * 6 + 1, 1).ok()?, Gran::Half),
        Named::Season(s) => Point::new(Date::new(y, s.first_month(), 1).ok()?, Gran::Season(s)),
        Named::NthWeekday(m, wd, nth) => {
            let first = Date::new(y, m as i8, 1).ok()?;
            let n = if nth == 5 { -1 } else { nth as i8 };
            Point::new(first.nth_weekday_of_month(n, weekday(wd)).ok()?, Gran::Day)
        }
        Named::Easter(offset) => {
            let (m, d) = super::lexicon::easter(year);
            let sunday = Date::new(y, m as i8, d as i8).ok()?;
            Point::new(sunday.checked_add(i64::from(offset).days()).ok()?, Gran::Day)
        }
        Named::Weekday(_) | Named::Weekend => return None,
    };
    Some(p)
}

/// The TIMEX3 value of a named period whose year is unknown.
fn unanchored(named: Named, year: Option<i32>) -> String {
    let y = year.map_or_else(|| "XXXX".to_string(), |y| format!("{y:04}"));
    match named {
        Named::Month(m) => format!("{y}-{m:02}"),
        Named::MonthDay(m, d) => format!("{y}-{m:02}-{d:02}"),
        Named::Quarter(q) => format!("{y}-Q{q}"),
        Named::Half(h) => format!("{y}-H{h}"),
        Named::Season(s) => format!("{y}-{}", s.code()),
        Named::NthWeekday(..) | Named::Easter(_) => format!("{y}-XX-XX"),
        Named::Weekday(d) => format!("{y}-WXX-{d}"),
        Named::Weekend => format!("{y}-WXX-WE"),
    }
}

fn in_year(year: YearOf, named: Option<Named>, dct: Option<Point>, cx: &Context) -> Option<Resolved> {
    let y = match year {
        YearOf::Known(y) => Some(y),
        YearOf::Shifted(by) => dct.map(|d| i32::from(d.date.year()) + by),
        YearOf::Unknown(dir) => {
            let named = named?;
            // Without a dct, a year the text has named lends itself: "the
            // final months of 2012 … in the fourth quarter".
            let anchor = dct.or(cx.reference.filter(|_| !matches!(named, Named::Weekday(_) | Named::Weekend)));
            return match anchor {
                // A named year holds the period.
                Some(r) if dct.is_none() && r.gran == Gran::Year => {
                    Some(Resolved::date(point_in(i32::from(r.date.year()), named)?))
                }
                Some(d) => Some(Resolved::date(nearest(named, dir, d, cx.tense)?)),
                None => Some(Resolved::text(TimexType::Date, unanchored(named, None))),
            };
        }
    };
    match (y, named) {
        (Some(y), None) => Some(Resolved::date(Point::year(y)?)),
        (Some(y), Some(n)) => Some(Resolved::date(point_in(y, n)?)),
        (None, None) => Some(Resolved::text(TimexType::Date, "XXXX")),
        (None, Some(n)) => Some(Resolved::text(TimexType::Date, unanchored(n, None))),
    }
}

/// The occurrence of a named period nearest the dct that the direction or
/// the tense allows: "last April", "Friday" in a past-tense clause.
fn nearest(named: Named, dir: Dir, dct: Point, tense: Tense) -> Option<Point> {
    let today = dct.date;
    let candidates: Vec<Point> = match named {
        Named::Weekday(d) => {
            // The weekday in the dct's week and in the weeks either side.
            let monday = today.checked_sub(i64::from(today.weekday().to_monday_zero_offset()).days()).ok()?;
            let this = monday.checked_add(i64::from(d - 1).days()).ok()?;
            [-7i64, 0, 7]
                .iter()
                .filter_map(|&k| this.checked_add(k.days()).ok())
                .map(|x| Point::new(x, Gran::Day))
                .collect()
        }
        Named::Weekend => {
            let this = Point::new(today, Gran::Weekend);
            [-1i64, 0, 1].iter().filter_map(|&k| this.shift(Unit::Week, k, Gran::Weekend)).collect()
        }
        _ => {
            let y = i32::from(today.year());
            [y - 1, y, y + 1].iter().filter_map(|&y| point_in(y, named)).collect()
        }
    };
    // The start and end of a candidate, as dates; weekends start on Saturday.
    let bounds = |p: &Point| -> (Date, Date) {
        if p.gran == Gran::Weekend {
            (p.date.checked_add(5.days()).unwrap_or(p.date), p.last_day())
        } else {
            (p.date, p.last_day())
        }
    };
    let pick_last = |strict: bool| {
        candidates.iter().rev().find(|p| {
            let (s, e) = bounds(p);
            if strict { e < today } else { s <= today }
        })
    };
    let pick_next = |strict: bool| {
        candidates.iter().find(|p| {
            let (s, e) = bounds(p);
            if strict { s > today } else { e >= today }
        })
    };
    // The nearest occurrence, distances in days weighted by the tense: a
    // past-tense clause makes later candidates three times as far, and a
    // future-tense clause earlier ones. Ties go to the past: news mostly
    // reports what happened.
    let weighted = |past_weight: i64, future_weight: i64| {
        candidates.iter().min_by_key(|p| {
            let (s, e) = bounds(p);
            if s <= today && today <= e {
                0
            } else if e < today {
                2 * past_weight * days_between(e, today)
            } else {
                2 * future_weight * days_between(today, s) + 1
            }
        })
    };
    let chosen = match (dir, named) {
        (Dir::Last, _) => pick_last(true),
        (Dir::Next, _) => pick_next(true),
        (Dir::This, Named::Weekday(_) | Named::Weekend) => {
            candidates.iter().find(|p| p.date.iso_week_date().week() == today.iso_week_date().week())
        }
        (Dir::This, _) => candidates.iter().find(|p| p.date.year() == today.year()),
        // Weekdays are close enough for the tense to decide outright.
        (Dir::Unsaid, Named::Weekday(_) | Named::Weekend) => match tense {
            Tense::Past | Tense::Unknown => pick_last(false),
            Tense::Future => pick_next(false),
            // "The offer ends Friday": a present with a weekday is a schedule.
            Tense::Present => pick_next(false),
            Tense::Open => weighted(1, 1),
        },
        // Quarters are reported after they end: "expects to report a loss
        // for the third quarter" in October is the quarter just ended.
        (Dir::Unsaid, Named::Quarter(_) | Named::Half(_)) => match tense {
            Tense::Past => pick_last(false),
            Tense::Future | Tense::Present | Tense::Open => weighted(1, 1),
            Tense::Unknown => weighted(1, 2),
        },
        // Dates with a day are often deadlines, ahead even in a past-tense
        // clause ("set Nov. 10 as the deadline"): the tense only leans.
        (Dir::Unsaid, Named::MonthDay(..)) => match tense {
            Tense::Past => weighted(1, 3),
            Tense::Future => weighted(3, 1),
            Tense::Present | Tense::Open | Tense::Unknown => weighted(1, 1),
        },
        (Dir::Unsaid, _) => match tense {
            Tense::Past => pick_last(false),
            Tense::Future => pick_next(false),
            Tense::Present | Tense::Open | Tense::Unknown => weighted(1, 1),
        },
    };
    chosen.copied()
}

fn days_between(a: Date, b: Date) -> i64 {
    a.until(b).map(|s| i64::from(s.get_days())).unwrap_or(i64::MAX / 4)
}

/// A time of day on a day: "Friday night", "3 p.m.", "tonight".
fn timed(day: Option<&Expr>, clock: Clock, dct: Option<Point>, cx: &Context) -> Option<Resolved> {
    let day_point = match day {
        Some(e) => match resolve(e, cx) {
            Some(Resolved { point: Some(p), .. }) if p.gran == Gran::Day => Some(p),
            Some(r) => {
                // A weekday without a dct: "XXXX-WXX-5TNI".
                let value = format!("{}{}", r.value, clock.suffix());
                return Some(Resolved::text(TimexType::Time, value));
            }
            None => None,
        },
        // A bare time belongs to the day the text is talking about.
        None => match cx.reference {
            Some(r) if r.gran == Gran::Day => Some(r),
            _ => dct,
        },
    };
    match day_point {
        Some(p) => Some(Resolved {
            timex_type: TimexType::Time,
            value: format!("{}{}", p.value(), clock.suffix()),
            point: Some(p),
        }),
        None => Some(Resolved::text(TimexType::Time, format!("XXXX-XX-XX{}", clock.suffix()))),
    }
}

fn set_value(r: &Recurrence) -> String {
    match r {
        Recurrence::Every(amount, unit) => duration_value(*amount, *unit),
        Recurrence::Named(named, part) => {
            let base = unanchored(*named, None);
            match part {
                Some(p) => format!("{base}T{}", p.code()),
                None => base,
            }
        }
        Recurrence::Part(p) => format!("XXXX-XX-XXT{}", p.code()),
        Recurrence::Weekends => "XXXX-WXX-WE".to_string(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cx(dct: (i16, i8, i8), tense: Tense) -> Context {
        Context { dct: Some(Date::new(dct.0, dct.1, dct.2).unwrap()), reference: None, tense }
    }

    #[test]
    fn weekdays_follow_the_tense() {
        // 2025-01-13 is a Monday.
        let e = Expr::Named(Named::Weekday(5), Dir::Unsaid);
        assert_eq!(resolve(&e, &cx((2025, 1, 13), Tense::Past)).unwrap().value, "2025-01-10");
        assert_eq!(resolve(&e, &cx((2025, 1, 13), Tense::Future)).unwrap().value, "2025-01-17");
        let mon = Expr::Named(Named::Weekday(1), Dir::Unsaid);
        assert_eq!(resolve(&mon, &cx((2025, 1, 13), Tense::Past)).unwrap().value, "2025-01-13");
        let last = Expr::Named(Named::Weekday(1), Dir::Last);
        assert_eq!(resolve(&last, &cx((2025, 1, 13), Tense::Unknown)).unwrap().value, "2025-01-06");
    }

    #[test]
    fn months_without_year() {
        let feb = Expr::Named(Named::Month(2), Dir::Unsaid);
        assert_eq!(resolve(&feb, &cx((2025, 1, 13), Tense::Unknown)).unwrap().value, "2025-02");
        assert_eq!(resolve(&feb, &cx((2025, 1, 13), Tense::Past)).unwrap().value, "2024-02");
        let dec = Expr::Named(Named::Month(12), Dir::Unsaid);
        assert_eq!(resolve(&dec, &cx((2025, 1, 13), Tense::Unknown)).unwrap().value, "2024-12");
        let last_may = Expr::Named(Named::Month(5), Dir::Last);
        assert_eq!(resolve(&last_may, &cx((1998, 2, 27), Tense::Unknown)).unwrap().value, "1997-05");
    }

    #[test]
    fn no_dct_stays_open() {
        let c = Context { dct: None, reference: None, tense: Tense::Unknown };
        let e = Expr::InYear(YearOf::Unknown(Dir::Unsaid), Some(Named::MonthDay(2, 9)));
        assert_eq!(resolve(&e, &c).unwrap().value, "XXXX-02-09");
        let fri = Expr::Named(Named::Weekday(5), Dir::Unsaid);
        assert_eq!(resolve(&fri, &c).unwrap().value, "XXXX-WXX-5");
    }
}
