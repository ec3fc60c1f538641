//! Calendar dates written out: `13 January 2025`, `Jan. 13`, `2025-01-13`,
//! `13/01/2025`, `March 1996`, `1990`, `the 1990s`, `'90s`, `the 20th
//! century`, `the third quarter of 1990`, `Q3`, `the summer of 1994`,
//! `Christmas`, `fiscal 1989`.

use super::finder::Hit;
use super::lexicon::{self, Holiday, month, ordinal, season, small_number, weekday};
use super::numbers;
use super::timex::{Dir, Expr, Gran, Named, Point, YearOf};
use super::view::View;
use super::{DateOptions, NumericOrder};
use crate::text::TokenKind;

/// The longest calendar-date match at `i`.
pub(crate) fn find(v: &View, i: usize, options: &DateOptions) -> Hit {
    super::finder::longest!(
        numeric(v, i, options),
        month_first(v, i),
        day_first(v, i),
        year_phrase(v, i),
        decade(v, i),
        century(v, i),
        quarter(v, i),
        season_phrase(v, i),
        holiday(v, i),
    )
}

/// A four-digit year token 1000–2199 (or a spelled-out one): the index after it.
pub(crate) fn year_at(v: &View, i: usize) -> Option<(usize, i32)> {
    let w = v.w(i);
    if w.len() == 4 && w.bytes().all(|b| b.is_ascii_digit()) && v.kind(i) == Some(TokenKind::Number) {
        let y: i32 = w.parse().ok()?;
        return (1000..=2199).contains(&y).then_some((i + 1, y));
    }
    spelled_year(v, i)
}

/// "nineteen ninety-six", "nineteen eighty", "two thousand", "two thousand and one".
fn spelled_year(v: &View, i: usize) -> Option<(usize, i32)> {
    let hundreds = match v.w(i) {
        "nineteen" => 1900,
        "eighteen" => 1800,
        "twenty" if !v.glued_hyphen(i + 1) && small_number(v.w(i + 1)).is_some_and(|n| n >= 10) => 2000,
        "two" if v.is(i + 1, "thousand") => {
            let mut j = i + 2;
            if v.is(j, "and") {
                j += 1;
            }
            return match numbers::words(v, j) {
                Some((k, n)) if (1.0..100.0).contains(&n) => Some((k, 2000 + n as i32)),
                _ => Some((i + 2, 2000)),
            };
        }
        _ => return None,
    };
    let (j, n) = numbers::words(v, i + 1)?;
    ((10.0..100.0).contains(&n) && n.fract() == 0.0).then_some((j, hundreds + n as i32))
}

/// A day of the month, as a number or ordinal: `13`, `13th`, `thirteenth`.
fn day_at(v: &View, i: usize) -> Option<(usize, u8)> {
    let w = v.w(i);
    let d = if v.kind(i) == Some(TokenKind::Number) && w.len() <= 2 && w.bytes().all(|b| b.is_ascii_digit()) {
        w.parse::<u8>().ok()?
    } else if let Some(n) = ordinal(w) {
        // "twenty-first"
        u8::try_from(n).ok()?
    } else if matches!(w, "twenty" | "thirty") && v.glued_hyphen(i + 1) {
        let base = if w == "twenty" { 20 } else { 30 };
        let n = ordinal(v.w(i + 2))?;
        return (n < 10 && base + n <= 31).then_some((i + 3, (base + n) as u8));
    } else {
        return None;
    };
    (1..=31).contains(&d).then_some((i + 1, d))
}

/// The month at `i`, with the case and context checks that keep "may",
/// "march" and names like "April Ryan" out.
fn month_at(v: &View, i: usize) -> Option<(usize, u8)> {
    let m = month(v.w(i))?;
    if !v.capitalised(i) {
        return None;
    }
    Some((i + 1, m))
}

fn valid(m: u8, d: u8) -> bool {
    let max = match m {
        2 => 29,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    (1..=max).contains(&d)
}

/// `[Friday,] January 13[,] [2025]`, `Jan. 13th`, `January 2025`, `January`,
/// `January of 2025`, `June last year`.
pub(crate) fn month_first(v: &View, i: usize) -> Hit {
    // An optional weekday in front: "Friday, Oct. 13" or "Friday Oct. 13".
    let mut j = i;
    let mut has_weekday = false;
    if let Some((_, false)) = weekday(v.w(i))
        && v.capitalised(i)
    {
        j = if v.is(i + 1, ",") { i + 2 } else { i + 1 };
        has_weekday = true;
    }
    let (k, m) = month_at(v, j)?;
    if let Some((k2, d)) = day_at(v, k)
        && valid(m, d)
        // "May 5 percent", "June 30-year bonds"
        && !v.any(k2, &["%", "percent", "per", "-"])
    {
        // "January 13, 2025" / "January 13 2025"
        let (after_comma, comma) = if v.is(k2, ",") { (k2 + 1, true) } else { (k2, false) };
        if let Some((k3, y)) = year_at(v, after_comma)
            && v.same_sentence(k, after_comma)
        {
            return Some((k3, Expr::InYear(YearOf::Known(y), Some(Named::MonthDay(m, d)))));
        }
        let _ = comma;
        return Some((k2, Expr::InYear(YearOf::Unknown(Dir::Unsaid), Some(Named::MonthDay(m, d)))));
    }
    if has_weekday {
        return None;
    }
    // "January 2025", "January of 2025", "Jan. 2025"
    let k_of = if v.is(k, "of") || v.is(k, ",") { k + 1 } else { k };
    if let Some((k3, y)) = year_at(v, k_of) {
        return Some((k3, Expr::InYear(YearOf::Known(y), Some(Named::Month(m)))));
    }
    // "June last year", "January this year", "March next year"
    if v.any(k, &["last", "this", "next"]) && v.is(k + 1, "year") {
        let by = match v.w(k) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        return Some((k + 2, Expr::InYear(YearOf::Shifted(by), Some(Named::Month(m)))));
    }
    if !lone_month_ok(v, i, m) {
        return None;
    }
    Some((k, Expr::Named(Named::Month(m), Dir::Unsaid)))
}

/// Whether a month name on its own is a date: not "May" the verb, not
/// "April" or "June" as a first name, not "March" the noun.
fn lone_month_ok(v: &View, i: usize, m: u8) -> bool {
    let prev = if i > 0 { v.w(i - 1) } else { "" };
    let next = v.w(i + 1);
    let raw = v.raw(i);
    if raw.ends_with('.') {
        // "Jan." alone is an abbreviation of a date only with a day or year.
        return false;
    }
    let date_prep = matches!(
        prev,
        "in" | "since"
            | "until"
            | "till"
            | "by"
            | "last"
            | "next"
            | "this"
            | "early"
            | "late"
            | "mid"
            | "of"
            | "before"
            | "after"
            | "during"
            | "from"
            | "through"
            | "to"
            | "-"
            | "and"
            | "or"
            | "between"
            | "each"
            | "every"
            | "that"
            | "end"
            | "beginning"
            | "as"
            | "in-"
    );
    // A capitalised word after a month is a surname ("April Ryan"), except
    // in a headline in capitals ("LATE FEBRUARY CAR SALES").
    if v.capitalised(i + 1)
        && !v.line_start((i + 1).min(v.len() - 1))
        && v.kind(i + 1) == Some(TokenKind::Word)
        && !(v.all_caps(i) && v.all_caps(i + 1))
    {
        return false;
    }
    match m {
        // "May" is a modal verb; "March" a noun or verb.
        5 | 3 => date_prep && !v.any(i + 1, &["be", "have", "not"]),
        // First names.
        4 | 6 | 8 => date_prep || matches!(next, "," | "." | ";" | ")" | "'s"),
        _ => !matches!(prev, "mr." | "mrs." | "ms." | "dr."),
    }
}

/// `13 January 2025`, `13th of January`, `the 13th of January`, `13 Jan`.
fn day_first(v: &View, i: usize) -> Hit {
    let start = if v.is(i, "the") && ordinal(v.w(i + 1)).is_some() { i + 1 } else { i };
    let (k, d) = day_at(v, start)?;
    let k = if v.is(k, "of") { k + 1 } else { k };
    let m = month(v.w(k))?;
    if !v.capitalised(k) || !valid(m, d) {
        return None;
    }
    let k = k + 1;
    let after_comma = if v.is(k, ",") { k + 1 } else { k };
    if let Some((k3, y)) = year_at(v, after_comma) {
        return Some((k3, Expr::InYear(YearOf::Known(y), Some(Named::MonthDay(m, d)))));
    }
    // "5 May" needs a capital May and no verb reading: "5 may" never gets here.
    Some((k, Expr::InYear(YearOf::Unknown(Dir::Unsaid), Some(Named::MonthDay(m, d)))))
}

/// All-numeric dates in one token: `2025-01-13`, `2025/01/13`, `13/01/2025`,
/// `13.01.2025`, `1/13/25`.
fn numeric(v: &View, i: usize, options: &DateOptions) -> Hit {
    if v.kind(i) != Some(TokenKind::Number) {
        return None;
    }
    let w = v.w(i);
    let sep = [b'-', b'/', b'.'].into_iter().find(|&s| w.as_bytes().contains(&s))?;
    // Three parts, split without gathering them into a vector.
    let mut split = w.split(sep as char);
    let (Some(a), Some(b), Some(c), None) = (split.next(), split.next(), split.next(), split.next()) else {
        return None;
    };
    let parts = [a, b, c];
    if parts.iter().any(|p| p.is_empty() || !p.bytes().all(|b| b.is_ascii_digit())) {
        return None;
    }
    let n = |s: &str| s.parse::<i32>().ok();
    let (y, m, d) = if parts[0].len() == 4 {
        (n(parts[0])?, n(parts[1])?, n(parts[2])?)
    } else if parts[2].len() == 4 || parts[2].len() == 2 {
        if sep == b'-' && parts[2].len() == 2 {
            return None; // "3-1-25" is a score or a code
        }
        let y = n(parts[2])?;
        let y = if parts[2].len() == 2 { if y < 50 { 2000 + y } else { 1900 + y } } else { y };
        let (a, b) = (n(parts[0])?, n(parts[1])?);
        let month_first = match options.numeric_order {
            _ if a > 12 && b <= 12 => false,
            _ if b > 12 && a <= 12 => true,
            NumericOrder::DayFirst => false,
            NumericOrder::MonthFirst => true,
        };
        if month_first { (y, a, b) } else { (y, b, a) }
    } else {
        return None;
    };
    if !(1000..=2199).contains(&y) || !(1..=12).contains(&m) {
        return None;
    }
    let date = jiff::civil::Date::new(y as i16, m as i8, d as i8).ok()?;
    Some((i + 1, Expr::InYear(YearOf::Known(i32::from(date.year())), Some(Named::MonthDay(m as u8, d as u8)))))
}

/// A year standing alone or in a phrase: `1990`, `fiscal 1989`, `fiscal year
/// 1990`, `the year 2000`, `FY2024`, `nineteen ninety-six`, `the 1988 period`.
fn year_phrase(v: &View, i: usize) -> Hit {
    let w = v.w(i);
    // "FY2024", "FY24"
    if let Some(rest) = w.strip_prefix("fy") {
        let y: i32 = match rest.len() {
            4 => rest.parse().ok()?,
            2 => 2000 + rest.parse::<i32>().ok()?,
            _ => return None,
        };
        return Some((i + 1, Expr::InYear(YearOf::Known(y), None)));
    }
    if w == "fiscal" {
        let j = if v.is(i + 1, "year") { i + 2 } else { i + 1 };
        let (k, y) = year_at(v, j)?;
        return Some((k, Expr::InYear(YearOf::Known(y), None)));
    }
    if w == "the" && v.is(i + 1, "year") {
        let (k, y) = year_at(v, i + 2)?;
        return Some((k, Expr::InYear(YearOf::Known(y), None)));
    }
    let (k, y) = year_at(v, i)?;
    if !bare_year_ok(v, i, k) {
        return None;
    }
    Some((k, Expr::InYear(YearOf::Known(y), None)))
}

/// Whether a four-digit number is a year here, not an amount or a code.
fn bare_year_ok(v: &View, i: usize, end: usize) -> bool {
    if end != i + 1 {
        // "nineteen ninety-six" is a year; "two thousand" needs a cue.
        return v.is(i, "nineteen") || i > 0 && v.any(i - 1, &["in", "since", "of", "until", "by", "the", "from"]);
    }
    let prev = if i > 0 { v.w(i - 1) } else { "" };
    let next = v.w(end);
    if matches!(prev, "$" | "#" | "\u{a3}" | "\u{20ac}" | "no." | "number" | "nos." | "flight" | "route" | "room")
        || matches!(
            next,
            "%" | "percent"
                | "people"
                | "troops"
                | "soldiers"
                | "workers"
                | "jobs"
                | "shares"
                | "votes"
                | "points"
                | "units"
                | "acres"
                | "miles"
                | "feet"
                | "meters"
                | "metres"
                | "tons"
                | "tonnes"
                | "dollars"
                | "euros"
                | "pounds"
                | "members"
                | "employees"
                | "cases"
                | "deaths"
                | "students"
                | "homes"
                | "houses"
                | "residents"
                | "passengers"
                | "cars"
                | "barrels"
                | "kilometers"
                | "kilometres"
                | "km"
        )
    {
        return false;
    }
    // "1,990" never reaches here; "1990-91" is one token; "the 1988 period" is fine.
    let y: i32 = v.w(i).parse().unwrap_or(0);
    // Old years read as amounts unless a preposition says otherwise.
    if y < 1800 {
        return matches!(prev, "in" | "since" | "of" | "until" | "by" | "from" | "year" | "around" | "circa");
    }
    // Numbers in a list of numbers are amounts: "1,200 to 2000".
    !matches!(prev, "about" | "some" | "nearly" | "than" | "almost" | "approximately" | "over")
}

/// Decades: `the 1990s`, `1990s`, `the '90s`, `the 90s`, `the nineties`, `the 1990's`.
fn decade(v: &View, i: usize) -> Hit {
    let the = v.is(i, "the");
    let j = if the { i + 1 } else { i };
    let w = v.w(j);
    // "1990s" / "1990's" (tokenised as "1990" "'s")
    let digits = w.strip_suffix('s').unwrap_or("");
    if digits.len() == 4 && digits.bytes().all(|b| b.is_ascii_digit()) && digits.ends_with('0') {
        let y: i32 = digits.parse().ok()?;
        return Some((j + 1, decade_or_century(y)?));
    }
    if w.len() == 4 && w.ends_with('0') && w.bytes().all(|b| b.is_ascii_digit()) && v.is(j + 1, "'s") {
        let y: i32 = w.parse().ok()?;
        return Some((j + 2, decade_or_century(y)?));
    }
    // "'90s", "90s" (the latter only after "the")
    let short = w.strip_prefix('\'').unwrap_or(w);
    if let Some(dd) = short.strip_suffix('s')
        && dd.len() == 2
        && dd.ends_with('0')
        && dd.bytes().all(|b| b.is_ascii_digit())
        && (the || w.starts_with('\''))
    {
        let d: u8 = dd.parse().ok()?;
        return Some((j + 1, Expr::PartialDecade(d / 10)));
    }
    if the {
        let d = match w {
            "twenties" => 2,
            "thirties" => 3,
            "forties" => 4,
            "fifties" => 5,
            "sixties" => 6,
            "seventies" => 7,
            "eighties" => 8,
            "nineties" => 9,
            _ => return None,
        };
        return Some((j + 1, Expr::PartialDecade(d)));
    }
    None
}

fn decade_or_century(y: i32) -> Option<Expr> {
    if y % 100 == 0 && y != 2000 {
        let p = Point::year(y)?;
        return Some(Expr::Absolute(Point::new(p.date, Gran::Century)));
    }
    let p = Point::year(y)?;
    Some(Expr::Absolute(Point::new(p.date, Gran::Decade)))
}

/// Centuries: `the 20th century`, `the twentieth century`, `the 21st-century`.
fn century(v: &View, i: usize) -> Hit {
    let j = if v.is(i, "the") { i + 1 } else { i };
    let (n, k) = if let Some(n) = ordinal(v.w(j)) {
        (n, j + 1)
    } else if v.is(j, "twenty") && v.glued_hyphen(j + 1) {
        (20 + ordinal(v.w(j + 2)).filter(|&n| n < 10)?, j + 3)
    } else {
        return None;
    };
    let k = if v.glued_hyphen(k) { k + 1 } else { k };
    if !v.is(k, "century") || !(1..=30).contains(&n) {
        return None;
    }
    let p = Point::year((n as i32 - 1) * 100)?;
    Some((k + 1, Expr::Absolute(Point::new(p.date, Gran::Century))))
}

/// Quarters and halves: `the third quarter`, `third-quarter`, `the fiscal
/// first quarter`, `the fourth quarter of 1990`, `the 1988 third quarter`,
/// `Q3`, `Q3 2024`, `3Q`, `the first half of 1990`, `H1`, `this year's third
/// quarter`, `last year's fourth quarter`.
fn quarter(v: &View, i: usize) -> Hit {
    let w = v.w(i);
    // "Q3", "Q3 2024", "3Q", "H1"
    let b = w.as_bytes();
    if b.len() == 2 {
        let named = match (b[0], b[1]) {
            (b'q', n @ b'1'..=b'4') | (n @ b'1'..=b'4', b'q') => Some(Named::Quarter(n - b'0')),
            (b'h', n @ b'1'..=b'2') => Some(Named::Half(n - b'0')),
            _ => None,
        };
        if let Some(named) = named
            && v.raw(i).chars().any(|c| c.is_ascii_uppercase())
        {
            if let Some((k, y)) = year_at(v, i + 1) {
                return Some((k, Expr::InYear(YearOf::Known(y), Some(named))));
            }
            return Some((i + 1, Expr::InYear(YearOf::Unknown(Dir::Unsaid), Some(named))));
        }
    }
    let mut j = i;
    let mut year = YearOf::Unknown(Dir::Unsaid);
    let mut determiner = false;
    if v.any(j, &["the", "its", "their", "a"]) {
        j += 1;
        determiner = true;
    }
    // "last year's", "this year's", "next year's"
    if v.any(j, &["last", "this", "next"]) && v.is(j + 1, "year") && v.is(j + 2, "'s") {
        let by = match v.w(j) {
            "last" => -1,
            "next" => 1,
            _ => 0,
        };
        year = YearOf::Shifted(by);
        j += 3;
        determiner = true;
    } else if let Some((k, y)) = year_at(v, j)
        && k == j + 1
    {
        // "the 1988 third quarter", "1990's first quarter"
        year = YearOf::Known(y);
        j = if v.is(k, "'s") { k + 1 } else { k };
    }
    if v.is(j, "fiscal") {
        j += 1;
        if v.glued_hyphen(j) {
            j += 1;
        }
    }
    // "the previous year's fourth quarter", "the prior year's"
    if v.any(j, &["previous", "prior", "preceding"]) && v.is(j + 1, "year") && v.is(j + 2, "'s") {
        year = YearOf::Shifted(-1);
        j += 3;
        determiner = true;
    }
    let n = match v.w(j) {
        "final" if v.is(j + 1, "quarter") || v.glued_hyphen(j + 1) && v.is(j + 2, "quarter") => 4,
        "last" if v.is(j + 1, "half") && v.is(j + 2, "of") => 2,
        w => ordinal(w).filter(|&n| (1..=4).contains(&n))?,
    };
    let k = if v.glued_hyphen(j + 1) { j + 2 } else { j + 1 };
    let named = match v.w(k) {
        "quarter" => Named::Quarter(n as u8),
        "half" if n <= 2 => Named::Half(n as u8),
        _ => return None,
    };
    // "the first quarter" or "third-quarter" (adjective); a bare "first
    // half" is too often not about time ("the first half of the match").
    let hyphenated = k == j + 2;
    // An adjective's determiner belongs to the noun: "a [third-quarter] loss".
    if hyphenated && determiner && matches!(year, YearOf::Unknown(_)) && v.any(i, &["a", "its", "their", "the"]) {
        return None;
    }
    let mut end = k + 1;
    if let YearOf::Unknown(_) = year {
        // "of 1990", "of this year", "of last year", "of fiscal 1990", "1990"
        let of = if v.is(end, "of") { end + 1 } else { end };
        let of = if v.is(of, "fiscal") { of + 1 } else { of };
        if let Some((e, y)) = year_at(v, of) {
            year = YearOf::Known(y);
            end = e;
        } else if v.is(end, "of") && v.any(end + 1, &["last", "this", "next"]) && v.is(end + 2, "year") {
            year = YearOf::Shifted(match v.w(end + 1) {
                "last" => -1,
                "next" => 1,
                _ => 0,
            });
            end += 3;
        }
    }
    if matches!(named, Named::Half(_)) && !determiner && !hyphenated && !matches!(year, YearOf::Known(_)) {
        return None;
    }
    // "the first half" without a year is as often about a match as about time.
    if matches!(named, Named::Half(_)) && matches!(year, YearOf::Unknown(_)) && !hyphenated {
        return None;
    }
    Some((end, Expr::InYear(year, Some(named))))
}

/// Seasons: `the summer of 1994`, `summer 2024`, `the summer`, `this fall`
/// (the last two via the deictic grammar), `winter` after a preposition.
fn season_phrase(v: &View, i: usize) -> Hit {
    let the = v.is(i, "the");
    let j = if the { i + 1 } else { i };
    let s = season(v.w(j))?;
    let k = j + 1;
    let of = if v.is(k, "of") { k + 1 } else { k };
    if let Some((e, y)) = year_at(v, of) {
        return Some((e, Expr::InYear(YearOf::Known(y), Some(Named::Season(s)))));
    }
    // "fall" and "spring" are verbs and nouns too: a lone season needs "the"
    // or a preposition.
    let prev = if i > 0 { v.w(i - 1) } else { "" };
    let ok = the && !v.any(k, &["of", "-"])
        || matches!(prev, "in" | "during" | "since" | "until" | "by" | "this" | "last" | "next" | "early" | "late")
            && !matches!(s, super::lexicon::Season::Fall | super::lexicon::Season::Spring)
            && !v.is(k, "of");
    if !ok {
        return None;
    }
    // "the fall of the Berlin Wall", "the spring offensive"
    if the && matches!(s, super::lexicon::Season::Fall | super::lexicon::Season::Spring) {
        let next = v.w(k);
        if v.kind(k) == Some(TokenKind::Word) && !matches!(next, "," | "." | "when" | "and" | "that" | "as" | "to") {
            return None;
        }
    }
    Some((k, Expr::Named(Named::Season(s), Dir::Unsaid)))
}

/// The named period a holiday stands for.
pub(crate) fn holiday_named(h: Holiday) -> Named {
    match h {
        Holiday::Fixed(m, d) => Named::MonthDay(m, d),
        Holiday::NthWeekday(m, wd, nth) => Named::NthWeekday(m, wd, nth),
        Holiday::Easter(offset) => Named::Easter(offset),
    }
}

/// Holidays: `Christmas`, `Christmas Day 2024`, `Thanksgiving`, `New Year's Day`.
fn holiday(v: &View, i: usize) -> Hit {
    if !v.capitalised(i) {
        return None;
    }
    // Past the end the words are empty, and no holiday's name has an empty word.
    let words = [v.w(i), v.w(i + 1), v.w(i + 2), v.w(i + 3)];
    let (len, h) = lexicon::holiday(&words)?;
    let named = holiday_named(h);
    // "May Day" needs its capital D; "Christmas tree" is not a date.
    if !v.capitalised(i + len - 1) {
        return None;
    }
    if v.kind(i + len) == Some(TokenKind::Word) && !v.capitalised(i + len) && len == 1 {
        let next = v.w(i + len);
        if !matches!(next, "and" | "or" | "when" | "this" | "last" | "next" | "in" | "on" | "at" | "with" | "as") {
            return None;
        }
    }
    let end = i + len;
    if let Some((e, y)) = year_at(v, end) {
        return Some((e, Expr::InYear(YearOf::Known(y), Some(named))));
    }
    Some((end, Expr::Named(named, Dir::Unsaid)))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Segmented;

    fn at0(text: &str) -> Option<(String, Expr)> {
        let seg = Segmented::new(text);
        let v = View::new(&seg);
        let (end, e) = find(&v, 0, &DateOptions::default())?;
        Some((v.span(0, end).slice(text).to_string(), e))
    }

    #[test]
    fn month_day_year_forms() {
        let known = |y, m, d| Expr::InYear(YearOf::Known(y), Some(Named::MonthDay(m, d)));
        assert_eq!(at0("January 13, 2025 was"), Some(("January 13, 2025".into(), known(2025, 1, 13))));
        assert_eq!(at0("Jan. 13th 2025"), Some(("Jan. 13th 2025".into(), known(2025, 1, 13))));
        assert_eq!(at0("13 January 2025"), Some(("13 January 2025".into(), known(2025, 1, 13))));
        assert_eq!(at0("Friday, Oct. 13, 1989"), Some(("Friday, Oct. 13, 1989".into(), known(1989, 10, 13))));
        assert_eq!(at0("2025-01-13"), Some(("2025-01-13".into(), known(2025, 1, 13))));
        assert_eq!(at0("13/01/2025"), Some(("13/01/2025".into(), known(2025, 1, 13))));
        assert_eq!(at0("February 30").map(|x| x.0), Some("February".into()));
    }

    #[test]
    fn numeric_order_option() {
        let text = "03/04/2024";
        let seg = Segmented::new(text);
        let v = View::new(&seg);
        let md = |y, m, d| Some((1, Expr::InYear(YearOf::Known(y), Some(Named::MonthDay(m, d)))));
        assert_eq!(numeric(&v, 0, &DateOptions::default()), md(2024, 4, 3));
        let us = DateOptions { numeric_order: NumericOrder::MonthFirst };
        assert_eq!(numeric(&v, 0, &us), md(2024, 3, 4));
        // A part above 12 settles the order whatever the option says.
        let seg = Segmented::new("25/12/2024");
        assert_eq!(numeric(&View::new(&seg), 0, &us), md(2024, 12, 25));
    }

    #[test]
    fn years_decades_quarters() {
        assert_eq!(at0("1990s").map(|x| x.0), Some("1990s".into()));
        assert_eq!(at0("the '90s").map(|x| x.0), Some("the '90s".into()));
        assert_eq!(at0("the third quarter of 1990").map(|x| x.0), Some("the third quarter of 1990".into()));
        assert_eq!(at0("third-quarter profit").map(|x| x.0), Some("third-quarter".into()));
        assert_eq!(at0("Q3 2024").map(|x| x.0), Some("Q3 2024".into()));
        assert_eq!(at0("the 20th century").map(|x| x.0), Some("the 20th century".into()));
        assert_eq!(at0("the year nineteen ninety-six").map(|x| x.0), Some("the year nineteen ninety-six".into()));
        assert_eq!(at0("nineteen ninety-six").map(|x| x.0), Some("nineteen ninety-six".into()));
        assert_eq!(at0("two thousand"), None);
    }
}
