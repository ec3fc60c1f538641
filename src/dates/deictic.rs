//! Expressions that point from the document's own time: `today`,
//! `yesterday`, `Friday`, `last week`, `next month`, `this summer`, `two
//! years ago`, `a year earlier`, `the following day`, `now`, `recently`,
//! `the future`.

use super::finder::Hit;
use super::lexicon::{Unit, season, unit, weekday};
use super::numbers::{self, Amount};
use super::timex::{Anchor, Dir, Expr, Gran, Named, Vague};
use super::view::View;

/// The longest deictic match at `i`.
pub(crate) fn find(v: &View, i: usize) -> Hit {
    super::finder::longest!(
        day_words(v, i),
        weekday_phrase(v, i),
        directed(v, i),
        ago(v, i),
        anaphoric(v, i),
        vague(v, i)
    )
}

fn shift(unit: Unit, by: i64) -> Expr {
    Expr::Shift { unit, by, gran: Some(Gran::of(unit)), anchor: Anchor::Dct }
}

/// `today`, `yesterday`, `tomorrow`, `the day before yesterday`, `the day after tomorrow`.
fn day_words(v: &View, i: usize) -> Hit {
    match v.w(i) {
        // "USA Today" is a newspaper.
        "today" if i > 0 && v.is(i - 1, "usa") => None,
        "today" => Some((i + 1, shift(Unit::Day, 0))),
        "yesterday" => Some((i + 1, shift(Unit::Day, -1))),
        "tomorrow" => Some((i + 1, shift(Unit::Day, 1))),
        "the" if v.is(i + 1, "day") && v.is(i + 2, "before") && v.is(i + 3, "yesterday") => {
            Some((i + 4, shift(Unit::Day, -2)))
        }
        "the" if v.is(i + 1, "day") && v.is(i + 2, "after") && v.is(i + 3, "tomorrow") => {
            Some((i + 4, shift(Unit::Day, 2)))
        }
        _ => None,
    }
}

/// `Friday`, `last Friday`, `this coming Sunday`, `Friday's`.
fn weekday_phrase(v: &View, i: usize) -> Hit {
    let (dir, j) = direction(v, i);
    let (d, plural) = weekday(v.w(j))?;
    if plural || !v.capitalised(j) {
        return None;
    }
    // "the Sunday Times", "Monday Night Football", "Bloody Sunday"
    if v.capitalised(j + 1)
        && v.any(j + 1, &["times", "telegraph", "post", "mirror", "express", "herald", "mail", "tribune", "night"])
        || j > 0 && v.is(j - 1, "bloody")
    {
        return None;
    }
    Some((j + 1, Expr::Named(Named::Weekday(d), dir)))
}

/// A direction word at `i` and the index after it: `last`, `next`, `this`,
/// `this coming`, `this past`, `coming`, `past`.
fn direction(v: &View, i: usize) -> (Dir, usize) {
    match (v.w(i), v.w(i + 1)) {
        ("this", "coming") | ("this", "next") => (Dir::Next, i + 2),
        ("this", "past") | ("this", "last") => (Dir::Last, i + 2),
        ("last", _) | ("past", _) | ("previous", _) => (Dir::Last, i + 1),
        ("next", _) | ("coming", _) => (Dir::Next, i + 1),
        ("this", _) => (Dir::This, i + 1),
        _ => (Dir::Unsaid, i),
    }
}

/// `last week`, `this year`, `next month`, `the past year`, `the coming
/// year`, `last April`, `next summer`, `this fall`, `the current quarter`,
/// `last weekend`, `the weekend`.
fn directed(v: &View, i: usize) -> Hit {
    let the = v.is(i, "the");
    let j0 = if the { i + 1 } else { i };
    // "the current quarter", "the current fiscal year", "this fiscal year"
    if v.any(j0, &["current", "present"]) || (v.is(j0, "this") && v.is(j0 + 1, "fiscal")) {
        let mut k = j0 + 1;
        if v.is(k, "fiscal") {
            k += 1;
        }
        let (u, plural) = unit(v.w(k))?;
        if plural || !matches!(u, Unit::Year | Unit::Quarter | Unit::Month | Unit::Week) {
            return None;
        }
        return Some((k + 1, shift(u, 0)));
    }
    // "the weekend", "the week-end"
    if the && v.is(j0, "weekend") {
        return Some((j0 + 1, Expr::Named(Named::Weekend, Dir::Unsaid)));
    }
    let (dir, j) = direction(v, j0);
    if dir == Dir::Unsaid {
        return None;
    }
    // "the last"/"the past" + singular unit: "the past year"; "last" without
    // "the": "last year". "the next" + unit is the one after the reference
    // time ("the next day"): left to `anaphoric`.
    // "the past decade", "the next decade": ten years back or ahead.
    if the
        && matches!(dir, Dir::Last | Dir::Next)
        && let Some((u @ (Unit::Decade | Unit::Century), false)) = unit(v.w(j))
    {
        return Some((j + 1, Expr::Duration(Amount::Exact(1.0), u)));
    }
    if the && matches!(dir, Dir::Next) && !v.is(j0, "coming") {
        return None;
    }
    if the && dir == Dir::This {
        return None;
    }
    let w = v.w(j);
    let by: i64 = match dir {
        Dir::Last => -1,
        Dir::Next => 1,
        _ => 0,
    };
    if let Some((u, false)) = unit(w) {
        let gran = Gran::of(u);
        return match u {
            Unit::Weekend => Some((j + 1, Expr::Named(Named::Weekend, dir))),
            Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => None,
            Unit::Fortnight => None,
            _ => {
                // "this fiscal year"
                Some((j + 1, Expr::Shift { unit: u, by, gran: Some(gran), anchor: Anchor::Dct }))
            }
        };
    }
    if v.is(j, "fiscal") && v.is(j + 1, "year") {
        return Some((j + 2, shift(Unit::Year, by)));
    }
    if the {
        return None;
    }
    // "last April", "next summer", "this fall" (not "last may …")
    if let Some(m) = super::lexicon::month(w)
        && (v.capitalised(j) || m != 5)
        && !w.ends_with('.')
    {
        if m == 5 && !v.capitalised(j) {
            return None;
        }
        return Some((j + 1, Expr::Named(Named::Month(m), dir)));
    }
    if let Some(s) = season(w) {
        return Some((j + 1, Expr::Named(Named::Season(s), dir)));
    }
    // "last Christmas", "next Thanksgiving"
    if v.capitalised(j) {
        // Past the end the words are empty, and no holiday's name has an empty word.
        let words = [v.w(j), v.w(j + 1), v.w(j + 2), v.w(j + 3)];
        if let Some((len, h)) = super::lexicon::holiday(&words) {
            return Some((j + len, Expr::Named(super::points::holiday_named(h), dir)));
        }
    }
    None
}

/// `two years ago`, `a year earlier`, `three days later`, `two weeks from
/// now`, `several years ago`, `a decade ago`.
fn ago(v: &View, i: usize) -> Hit {
    let (j, amount) = numbers::amount(v, i)?;
    // "some time ago", "a long time ago"
    let (u, _) = unit(v.w(j))?;
    let k = j + 1;
    let sign: i64 = match (v.w(k), v.w(k + 1)) {
        ("ago", _) | ("back", _) => -1,
        ("earlier", _) => -1,
        ("later", _) => 1,
        ("from", "now") | ("hence", _) => 1,
        _ => return None,
    };
    let end = if v.is(k, "from") { k + 2 } else { k + 1 };
    // "two weeks later than usual" compares lengths of time.
    if v.is(end, "than") {
        return None;
    }
    let anchor = if v.any(k, &["earlier", "later"]) { Anchor::Reference } else { Anchor::Dct };
    let n = match amount {
        Amount::Exact(n) if n.fract() == 0.0 => n as i64,
        Amount::Exact(_) => return None,
        Amount::Vague => {
            let r = if sign < 0 { Vague::Past } else { Vague::Future };
            return Some((end, Expr::Vague(r)));
        }
    };
    let gran = match u {
        Unit::Decade | Unit::Century => Gran::Year,
        Unit::Second | Unit::Minute | Unit::Hour => return None,
        u => Gran::of(u),
    };
    // Counted from the text's own time, the result keeps that time's
    // granularity: "a year earlier" than the third quarter is a quarter. So
    // may "a year ago" in a report about a quarter (see `resolve`).
    let gran = if anchor == Anchor::Reference || u == Unit::Year { None } else { Some(gran) };
    Some((end, Expr::Shift { unit: u, by: sign * n, gran, anchor }))
}

/// Expressions that take their time from the text around them: `the next
/// day`, `the following year`, `the previous week`, `that day`, `the same
/// day`, `the day before`, `the year-ago quarter`, `year-earlier`, `the
/// year-earlier period`.
fn anaphoric(v: &View, i: usize) -> Hit {
    let reference = |u: Unit, by: i64| Expr::Shift { unit: u, by, gran: Some(Gran::of(u)), anchor: Anchor::Reference };
    // "year-ago", "year-earlier" (adjectives) with an optional "the … quarter/period"
    let the = v.any(i, &["the", "a"]);
    let j = if the { i + 1 } else { i };
    if v.is(j, "year") && v.glued_hyphen(j + 1) && v.any(j + 2, &["ago", "earlier"]) {
        let mut end = j + 3;
        if v.any(end, &["quarter", "period"]) {
            end += 1;
        } else if ordinal_quarter(v, end) {
            end += 2;
        } else if the {
            return None;
        }
        return Some((end, Expr::Shift { unit: Unit::Year, by: -1, gran: None, anchor: Anchor::Reference }));
    }
    // "the second day (of the offensive)", "his first day in office", "a
    // third straight day": the day the text is about.
    if v.any(i, &["the", "his", "her", "its", "their", "a"]) {
        let mut k = i + 1;
        if let Some(n) = super::lexicon::ordinal(v.w(k))
            && ((2..=31).contains(&n) || n == 1 && !v.is(i, "a"))
        {
            k += 1;
            if v.any(k, &["straight", "consecutive", "successive", "full"]) {
                k += 1;
            }
            if v.is(k, "day") && !v.glued_hyphen(k + 1) {
                return Some((k + 1, reference(Unit::Day, 0)));
            }
        }
    }
    // "the week of March 6"
    if v.is(i, "the")
        && v.is(i + 1, "week")
        && v.is(i + 2, "of")
        && let Some((e, date @ Expr::InYear(_, Some(Named::MonthDay(..))))) = super::points::month_first(v, i + 3)
    {
        return Some((e, Expr::Within(Gran::Week, Box::new(date))));
    }
    match (v.w(i), v.w(i + 1)) {
        ("the", "next" | "following" | "previous" | "prior" | "preceding") => {
            let by = if matches!(v.w(i + 1), "next" | "following") { 1 } else { -1 };
            let (u, plural) = unit(v.w(i + 2))?;
            if plural || u.is_clock() {
                return None;
            }
            Some((i + 3, reference(u, by)))
        }
        ("that" | "the", "same") if v.is(i + 2, "day") => Some((i + 3, reference(Unit::Day, 0))),
        // "the quarter", "the year", "the week": the one the text is about,
        // or the one a date after it falls in ("the week ended Feb. 21").
        ("the", "quarter" | "year" | "month" | "week" | "day") if !v.glued_hyphen(i + 2) && !v.is(i + 2, "'s") => {
            let (u, _) = unit(v.w(i + 1))?;
            if v.any(i + 2, &["ended", "ending", "ends", "to", "through", "beginning", "starting", "from"]) {
                let k = if v.is(i + 3, "on") { i + 4 } else { i + 3 };
                if let Some((_, date)) = super::points::month_first(v, k) {
                    // A year ending on a date other than its last is a fiscal
                    // year: a length of time, not a calendar year.
                    if u == Unit::Year {
                        return Some((i + 2, Expr::Duration(Amount::Exact(1.0), Unit::Year)));
                    }
                    return Some((i + 2, Expr::Within(Gran::of(u), Box::new(date))));
                }
            }
            // "the day", "the week", "the month" are dates only after a preposition.
            let prev = if i > 0 { v.w(i - 1) } else { "" };
            if matches!(u, Unit::Day | Unit::Week | Unit::Month)
                && !matches!(prev, "in" | "during" | "for" | "on" | "of" | "through" | "throughout")
            {
                return None;
            }
            Some((i + 2, reference(u, 0)))
        }
        // "full-year", "the full year"
        ("full", "-") if v.glued_hyphen(i + 1) && v.is(i + 2, "year") => Some((i + 3, reference(Unit::Year, 0))),
        ("the", "latest" | "recent") if v.any(i + 2, &["quarter", "period"]) => {
            Some((i + 3, Expr::Shift { unit: Unit::Quarter, by: -1, gran: Some(Gran::Quarter), anchor: Anchor::Dct }))
        }
        ("the", "most") if v.is(i + 2, "recent") && v.is(i + 3, "quarter") => {
            Some((i + 4, Expr::Shift { unit: Unit::Quarter, by: -1, gran: Some(Gran::Quarter), anchor: Anchor::Dct }))
        }
        // "the fiscal year", "the full year", "the latest fiscal year": the year the text is about.
        ("the", "fiscal" | "full" | "latest" | "entire" | "whole") => {
            let mut k = i + 2;
            if v.is(i + 1, "latest") && v.is(k, "fiscal") {
                k += 1;
            }
            if !v.is(k, "year") || v.glued_hyphen(k + 1) {
                return None;
            }
            if v.is(i + 1, "fiscal") && v.any(k + 1, &["ended", "ending", "ends"]) {
                return Some((k + 1, Expr::Duration(Amount::Exact(1.0), Unit::Year)));
            }
            Some((k + 1, reference(Unit::Year, 0)))
        }
        // "year-end", "year end", "year's end": the end of the current year.
        ("year", "-" | "end" | "'s") if v.is(i + 1, "end") || v.is(i + 2, "end") => {
            let k = if v.is(i + 1, "end") { i + 2 } else { i + 3 };
            if v.is(i + 1, "-") && !v.glued_hyphen(i + 1) {
                return None;
            }
            Some((k, Expr::Shift { unit: Unit::Year, by: 0, gran: Some(Gran::Year), anchor: Anchor::Dct }))
        }
        ("that", w) if matches!(w, "day" | "week" | "month" | "year" | "quarter") => {
            let (u, _) = unit(w)?;
            Some((i + 2, reference(u, 0)))
        }
        ("the", "day") if v.any(i + 2, &["before", "after"]) && !v.is(i + 3, "the") => {
            let by = if v.is(i + 2, "before") { -1 } else { 1 };
            // "the day before the vote" names an event: not a date here.
            let next = v.w(i + 3);
            if !matches!(next, "," | "." | ";" | "") && next.chars().all(char::is_alphabetic) && next != "and" {
                return None;
            }
            Some((i + 3, reference(Unit::Day, by)))
        }
        _ => None,
    }
}

fn ordinal_quarter(v: &View, i: usize) -> bool {
    super::lexicon::ordinal(v.w(i)).is_some_and(|n| n <= 4) && v.is(i + 1, "quarter")
}

/// `now`, `currently`, `current`, `recently`, `the past`, `the future`,
/// `nowadays`, `these days`, `previously`, `the near term`.
fn vague(v: &View, i: usize) -> Hit {
    let w = v.w(i);
    let one = |r| Some((i + 1, Expr::Vague(r)));
    match w {
        "now" | "currently" | "nowadays" => {
            // "now-defunct" and "right now" both still mean the present.
            return one(Vague::Present);
        }
        "right" | "just" if v.is(i + 1, "now") => return Some((i + 2, Expr::Vague(Vague::Present))),
        "current" => {
            // An adjective before a noun: "current prices" (not "current
            // account" or a current of water).
            let next = v.w(i + 1);
            if matches!(next, "account" | "accounts" | "affairs" | "events" | "," | "." | "and" | "of")
                || next.is_empty()
            {
                return None;
            }
            return one(Vague::Present);
        }
        "these" if v.is(i + 1, "days") => return Some((i + 2, Expr::Vague(Vague::Present))),
        "recently" | "lately" => return one(Vague::Past),
        "more" | "most" if v.is(i + 1, "recently") => return Some((i + 2, Expr::Vague(Vague::Past))),
        "the" => {}
        _ => return None,
    }
    // "the past", "the future", "the near future", "the near term"
    match (v.w(i + 1), v.w(i + 2)) {
        ("past", next) => {
            // "the past two years", "the past few weeks" are durations.
            if numbers::amount(v, i + 2).is_some()
                || unit(next).is_some()
                || weekday(next).is_some()
                || super::lexicon::month(next).is_some()
                || v.glued_hyphen(i + 2)
            {
                return None;
            }
            Some((i + 2, Expr::Vague(Vague::Past)))
        }
        ("future", _) => Some((i + 2, Expr::Vague(Vague::Future))),
        ("near" | "foreseeable" | "distant", "future") => Some((i + 3, Expr::Vague(Vague::Future))),
        ("near" | "short", "term") => Some((i + 3, Expr::Vague(Vague::Future))),
        ("present", next) if !v.glued_hyphen(i + 2) && unit(next).is_none() => {
            Some((i + 2, Expr::Vague(Vague::Present)))
        }
        _ => None,
    }
}
