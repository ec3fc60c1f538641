//! Times of day: `3 p.m.`, `10:35 a.m.`, `15:00 GMT`, `noon`, `4 in the
//! morning`, `5 p.m. EST Nov. 9`, `10 p.m. Wednesday`, and parts of days:
//! `Friday morning`, `tonight`, `last night`, `this afternoon`.

use super::finder::Hit;
use super::lexicon::{DayPart, Unit, day_part, is_time_zone, weekday};
use super::points;
use super::timex::{Anchor, Clock, Dir, Expr, Gran, Named, Recurrence};
use super::view::View;
use crate::text::TokenKind;

/// The longest time-of-day match at `i`.
pub(crate) fn find(v: &View, i: usize) -> Hit {
    super::finder::longest!(clock_phrase(v, i), day_with_part(v, i), lone_part(v, i))
}

fn today() -> Expr {
    Expr::Shift { unit: Unit::Day, by: 0, gran: Some(Gran::Day), anchor: Anchor::Dct }
}

/// "a.m."/"pm": whether the word marks the afternoon, or None if it is no such mark.
fn meridiem(w: &str) -> Option<bool> {
    match w {
        "a.m." | "a.m" | "am" => Some(false),
        "p.m." | "p.m" | "pm" => Some(true),
        _ => None,
    }
}

/// Hours and minutes in `w`: "3", "10:35", "10.35" (the latter only with a
/// meridiem); returns (hour, minute, had_colon).
fn hour_minute(w: &str) -> Option<(u8, u8, bool)> {
    if let Some((h, m)) = w.split_once([':', '.']) {
        if h.is_empty() || h.len() > 2 || m.len() != 2 {
            return None;
        }
        let h: u8 = h.parse().ok()?;
        let m: u8 = m.parse().ok()?;
        return (h <= 24 && m < 60).then_some((h, m, true));
    }
    if w.is_empty() || w.len() > 2 || !w.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    Some((w.parse().ok()?, 0, false))
}

fn to_24(h: u8, pm: bool) -> Option<u8> {
    match (h, pm) {
        (1..=11, false) => Some(h),
        (12, false) => Some(0),
        (1..=11, true) => Some(h + 12),
        (12, true) => Some(12),
        _ => None,
    }
}

/// A clock time at `i`: the index after it and (hour, minute).
fn clock_at(v: &View, i: usize) -> Option<(usize, u8, u8)> {
    let w = v.w(i);
    match w {
        "noon" | "midday" => return Some((i + 1, 12, 0)),
        "midnight" => return Some((i + 1, 24, 0)),
        _ => {}
    }
    // "12 noon"
    if w == "12" && v.any(i + 1, &["noon", "midnight"]) {
        let h = if v.is(i + 1, "noon") { 12 } else { 24 };
        return Some((i + 2, h, 0));
    }
    // "5pm", "3:30pm", "10am"
    if let Some(stem) = w.strip_suffix("pm").or_else(|| w.strip_suffix("am"))
        && !stem.is_empty()
        && let Some((h, m, _)) = hour_minute(stem)
    {
        let h = to_24(h, w.ends_with("pm"))?;
        return Some((i + 1, h, m));
    }
    if v.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    // "0735 GMT", "1500 hours"
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && (is_time_zone(v.w(i + 1)) || v.is(i + 1, "hours")) {
        let h: u8 = w[..2].parse().ok()?;
        let m: u8 = w[2..].parse().ok()?;
        return (h < 24 && m < 60).then_some((i + 1, h, m));
    }
    let (h, m, colon) = hour_minute(w)?;
    if let Some(pm) = meridiem(v.w(i + 1)) {
        return Some((i + 2, to_24(h, pm)?, m));
    }
    // "4 in the morning", "8 in the evening"
    if v.is(i + 1, "in") && v.is(i + 2, "the") && !colon {
        let (part, _) = day_part(v.w(i + 3))?;
        let h = match part {
            DayPart::Morning => to_24(h, false)?,
            DayPart::Afternoon | DayPart::Evening => to_24(h, true)?,
            DayPart::Night if h >= 6 => to_24(h, true)?,
            DayPart::Night => to_24(h, false)?,
        };
        return Some((i + 4, h, m));
    }
    // "7 o'clock"
    if v.is(i + 1, "o'clock") && !colon && (1..=12).contains(&h) {
        return Some((i + 2, h, m));
    }
    // "15:00" with a colon: a 24-hour time, if no sports score or ratio reading
    // is likely ("won 3:1" has a one-digit minute and never gets here).
    if colon && w.contains(':') && h <= 23 {
        return Some((i + 1, h, m));
    }
    None
}

/// A clock time with an optional time zone and an optional day after it:
/// `3 p.m.`, `15:00 GMT`, `5 p.m. EST Nov. 9`, `noon Thursday`.
fn clock_phrase(v: &View, i: usize) -> Hit {
    let (mut j, h, m) = clock_at(v, i)?;
    // "noon" and "midnight" alone need no check; bare "12" never gets here.
    if is_time_zone(v.w(j)) && (v.w(j) != "et" || v.capitalised(j)) {
        j += 1;
    } else if v.is(j, "local") && v.is(j + 1, "time") {
        j += 2;
    }
    let clock = Clock::At(h, m);
    // A day right after: "Wednesday", "today", "Nov. 9", with an optional comma.
    let k = if v.is(j, ",") { j + 1 } else { j };
    if let Some((e, day)) = day_after(v, k) {
        return Some((e, Expr::Timed(Some(Box::new(day)), clock)));
    }
    // "at 8am on Friday": the day is its own expression but anchors the time.
    if v.is(j, "on")
        && let Some((_, day)) = day_after(v, j + 1)
    {
        return Some((j, Expr::Timed(Some(Box::new(day)), clock)));
    }
    Some((j, Expr::Timed(None, clock)))
}

/// A day expression at `i` that can carry a time: a weekday, today,
/// yesterday, tomorrow, or a month and day.
fn day_after(v: &View, i: usize) -> Option<(usize, Expr)> {
    if let Some(day) = day_word(v, i) {
        return Some(day);
    }
    match points::month_first(v, i) {
        Some((e, x @ Expr::InYear(_, Some(Named::MonthDay(..))))) => Some((e, x)),
        _ => None,
    }
}

/// A day expression at `i` other than a month and day, which a part of the
/// day does not take ("Friday morning", not "June 5 morning"): the month
/// grammar is not tried for it.
fn day_word(v: &View, i: usize) -> Option<(usize, Expr)> {
    match v.w(i) {
        "today" => return Some((i + 1, today())),
        "yesterday" => {
            return Some((i + 1, Expr::Shift { unit: Unit::Day, by: -1, gran: Some(Gran::Day), anchor: Anchor::Dct }));
        }
        "tomorrow" => {
            return Some((i + 1, Expr::Shift { unit: Unit::Day, by: 1, gran: Some(Gran::Day), anchor: Anchor::Dct }));
        }
        _ => {}
    }
    if let Some((d, false)) = weekday(v.w(i))
        && v.capitalised(i)
    {
        return Some((i + 1, Expr::Named(Named::Weekday(d), Dir::Unsaid)));
    }
    None
}

/// `Friday morning`, `yesterday afternoon`, `tomorrow night`, `this
/// evening`, `tonight`, `last night`, `that night`, `Tuesday nights` (a set).
fn day_with_part(v: &View, i: usize) -> Hit {
    let w = v.w(i);
    if w == "tonight" {
        return Some((i + 1, Expr::Timed(Some(Box::new(today())), Clock::Part(DayPart::Night))));
    }
    let (day, j): (Expr, usize) = match w {
        "this" => (today(), i + 1),
        "last" if v.is(i + 1, "night") => {
            (Expr::Shift { unit: Unit::Day, by: -1, gran: Some(Gran::Day), anchor: Anchor::Dct }, i + 1)
        }
        "that" => (Expr::Shift { unit: Unit::Day, by: 0, gran: Some(Gran::Day), anchor: Anchor::Reference }, i + 1),
        "the" if v.any(i + 1, &["next", "following"]) && day_part(v.w(i + 2)).is_some() => {
            (Expr::Shift { unit: Unit::Day, by: 1, gran: Some(Gran::Day), anchor: Anchor::Reference }, i + 2)
        }
        _ => {
            // A weekday: "Tuesday nights" is a set.
            if let Some((d, plural)) = weekday(w)
                && v.capitalised(i)
                && let Some((part, plural_part)) = day_part(v.w(i + 1))
            {
                if plural || plural_part {
                    return Some((i + 2, Expr::Set(Recurrence::Named(Named::Weekday(d), Some(part)))));
                }
                return Some((
                    i + 2,
                    Expr::Timed(Some(Box::new(Expr::Named(Named::Weekday(d), Dir::Unsaid))), Clock::Part(part)),
                ));
            }
            let (e, day) = day_word(v, i)?;
            (day, e)
        }
    };
    let (part, plural) = day_part(v.w(j))?;
    if plural || (v.w(j) == "overnight") {
        return None;
    }
    Some((j + 1, Expr::Timed(Some(Box::new(day)), Clock::Part(part))))
}

/// A part of the day after "mid-", "late" or "early": `mid-afternoon`.
fn lone_part(v: &View, i: usize) -> Hit {
    if i == 0 || !v.any(i - 1, &["-", "mid", "late", "early"]) {
        return None;
    }
    let (part, false) = day_part(v.w(i))? else { return None };
    if v.is(i - 1, "-") && !v.any(i.saturating_sub(2), &["mid", "late", "early"]) {
        return None;
    }
    // "mid-afternoon yesterday", "late morning Friday"
    if let Some((e, day)) = day_word(v, i + 1) {
        return Some((e, Expr::Timed(Some(Box::new(day)), Clock::Part(part))));
    }
    Some((i + 1, Expr::Timed(None, Clock::Part(part))))
}
