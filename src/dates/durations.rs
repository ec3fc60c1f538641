//! Lengths of time and recurrences: `the past two years`, `48 hours`, `a
//! decade`, `two-week`, `several months`, `the first nine months`; `every
//! Monday`, `each year`, `daily`, `$5 million a year`, `twice a week`.

use super::finder::Hit;
use super::lexicon::{Unit, day_part, month, season, unit, weekday};
use super::numbers::{self, Amount};
use super::timex::{Expr, Named, Recurrence};
use super::view::View;
use crate::text::TokenKind;

/// The longest duration or set match at `i`.
pub(crate) fn find(v: &View, i: usize) -> Hit {
    super::finder::longest!(
        set(v, i),
        duration(v, i),
        hyphenated(v, i),
        the_plural(v, i),
        bare_plural(v, i),
        frequency_adverb(v, i)
    )
}

/// Words between "the" and the amount: "the *past* two years".
fn is_span_word(w: &str) -> bool {
    matches!(
        w,
        "past"
            | "last"
            | "next"
            | "first"
            | "coming"
            | "previous"
            | "following"
            | "final"
            | "latest"
            | "initial"
            | "remaining"
            | "preceding"
            | "recent"
            | "ensuing"
            | "prior"
            | "succeeding"
            | "subsequent"
            | "opening"
            | "closing"
            | "full"
            | "entire"
            | "whole"
    )
}

/// `[the] [past|next|first …] AMOUNT [more] UNIT [or so]`: `two years`, `the
/// past two years`, `the next few days`, `a decade`, `half an hour`,
/// `several months`, `the nine months`, `recent years`.
fn duration(v: &View, i: usize) -> Hit {
    let mut j = i;
    let the = v.any(j, &["the", "these", "those"]);
    if the {
        j += 1;
    }
    let mut span_word = false;
    if is_span_word(v.w(j)) {
        span_word = true;
        j += 1;
    }
    // "recent years", "coming weeks": no amount, vague.
    if span_word
        && matches!(v.w(j - 1), "recent" | "coming" | "past" | "last" | "next" | "ensuing" | "first" | "early")
        && let Some((u, true)) = unit(v.w(j))
    {
        // "last weeks" is not English; "past years" is rare.
        if matches!(v.w(j - 1), "past" | "last") && !the {
            return None;
        }
        return Some((j + 1, Expr::Duration(Amount::Vague, u)));
    }
    let (k, amount) = numbers::amount(v, j)?;
    let first = v.w(j);
    let mut k = k;
    // "20 more years", "two additional weeks", "three straight years"
    if v.any(k, &["more", "additional", "further", "straight", "consecutive", "successive", "full", "long"]) {
        k += 1;
    }
    // "three fiscal years", "eight trading days", "five business days"
    if v.any(k, &["fiscal", "calendar", "business", "trading", "working", "school"]) && unit(v.w(k + 1)).is_some() {
        k += 1;
    }
    let (u, plural) = unit(v.w(k))?;
    // "a second letter" is an ordinal.
    if u == Unit::Second && matches!(first, "a" | "an") && (i == 0 || !v.any(i - 1, &["for", "in", "within", "than"])) {
        return None;
    }
    // "a quarter" and "three quarters" are fractions, not time, unless fiscal.
    if u == Unit::Quarter && !(the && span_word) {
        return None;
    }
    // "a day" and "one day" need care: "one day" is also "some day".
    if !the && (first == "a" || first == "an") && k == j + 1 && plural {
        return None;
    }
    // "the year" (no amount) is a date, not a duration: `numbers::amount`
    // never reads "the", so j points at a real amount here.
    let mut end = k + 1;
    if v.is(end, "or") && v.is(end + 1, "so") {
        end += 2;
    }
    // "a day earlier" and "two years ago" belong to the deictic grammar;
    // "37 years old" is an age; "a month-to-month basis" a rate.
    if v.any(end, &["old", "older", "younger", "young"]) || v.glued_hyphen(end) && v.is(end + 1, "to") {
        return None;
    }
    if let Some(x) = half_of(v, end, amount, u) {
        return Some(x);
    }
    // "the first two years" is a duration, "the first year" is not here.
    if the && !span_word && matches!(amount, Amount::Exact(n) if n == 1.0) && (first == "a" || first == "one") {
        return None;
    }
    Some((end, Expr::Duration(amount, u)))
}

/// "a year and a half": one and a half.
fn half_of(v: &View, end: usize, amount: Amount, u: Unit) -> Hit {
    if v.is(end, "and") && v.is(end + 1, "a") && v.is(end + 2, "half") {
        let n = match amount {
            Amount::Exact(n) => n + 0.5,
            Amount::Vague => return None,
        };
        return Some((end + 3, Expr::Duration(Amount::Exact(n), u)));
    }
    None
}

/// Hyphenated adjectives: `two-week`, `10-year`, `16-hour`, `a five-day
/// visit`, `day-long`, `decades-long`, `8-month-old truce` (ages of people
/// are not durations: `6-year-old`).
fn hyphenated(v: &View, i: usize) -> Hit {
    // "day-long", "decades-long", "year-long", "month-long"
    if let Some((u, plural)) = unit(v.w(i))
        && v.glued_hyphen(i + 1)
        && v.is(i + 2, "long")
    {
        let amount = if plural { Amount::Vague } else { Amount::Exact(1.0) };
        return Some((i + 3, Expr::Duration(amount, u)));
    }
    // "half-hour", "half-century", "quarter-century"
    if v.any(i, &["half", "quarter"]) && v.glued_hyphen(i + 1) {
        let (u, false) = unit(v.w(i + 2))? else { return None };
        if u == Unit::Quarter || (v.is(i, "quarter") && u != Unit::Century) {
            return None;
        }
        let n = if v.is(i, "half") { 0.5 } else { 0.25 };
        return Some((i + 3, Expr::Duration(Amount::Exact(n), u)));
    }
    // "several-year", "multi-year", "many-week"
    if v.any(i, &["several", "multi", "many", "few"]) && v.glued_hyphen(i + 1) {
        let (u, false) = unit(v.w(i + 2))? else { return None };
        if u == Unit::Quarter {
            return None;
        }
        return Some((i + 3, Expr::Duration(Amount::Vague, u)));
    }
    let (j, n) = if let Some((j, n)) = numbers::digits(v, i) { (j, n) } else { numbers::words(v, i)? };
    // Hyphens inside the number ("twenty-four") are consumed by `words`.
    if !v.glued_hyphen(j) {
        return None;
    }
    let (u, _) = unit(v.w(j + 1))?;
    if u == Unit::Quarter {
        return None;
    }
    let mut end = j + 2;
    if v.glued_hyphen(end) && v.any(end + 1, &["old", "long"]) {
        if v.is(end + 1, "old") && u == Unit::Year {
            return None;
        }
        end += 2;
        if v.is(end - 1, "old") {
            // "6-month-old baby" is an age; "8-month-old truce" a duration. Ages of
            // things are rarer than ages of people: keep only month and week ages
            // that are not followed by a person word.
            if v.any(end, &["boy", "girl", "baby", "son", "daughter", "child", "man", "woman", "infant"]) {
                return None;
            }
        }
    }
    Some((end, Expr::Duration(Amount::Exact(n), u)))
}

/// `the years` after "over", `the weeks ahead`, `the days that followed`.
fn the_plural(v: &View, i: usize) -> Hit {
    if !v.is(i, "the") {
        return None;
    }
    let (u, true) = unit(v.w(i + 1))? else { return None };
    if u.is_clock() || u == Unit::Quarter {
        return None;
    }
    let prev = if i > 0 { v.w(i - 1) } else { "" };
    if v.any(i + 2, &["ahead", "since"]) {
        return Some((i + 3, Expr::Duration(Amount::Vague, u)));
    }
    if matches!(prev, "over" | "through" | "throughout") && !v.any(i + 2, &["of", "'s"]) {
        return Some((i + 2, Expr::Duration(Amount::Vague, u)));
    }
    None
}

/// Plural units on their own after a preposition: `for years`, `within
/// weeks`, `in recent months` (the latter via `duration`), `days of talks`.
fn bare_plural(v: &View, i: usize) -> Hit {
    let (u, true) = unit(v.w(i))? else { return None };
    if u.is_clock() && u != Unit::Hour || u == Unit::Quarter {
        return None;
    }
    let prev = if i > 0 { v.w(i - 1) } else { "" };
    // "years ago": some time in the past.
    if v.is(i + 1, "ago") && !u.is_clock() && !matches!(prev, "many" | "few" | "several" | "the") {
        return Some((i + 2, Expr::Vague(super::timex::Vague::Past)));
    }
    // "just hours after", "weeks before the vote", "days later", "months away"
    let counted = v.any(i + 1, &["after", "before", "later", "earlier", "ahead", "away"])
        && !v.any(i.saturating_sub(1), &["the", "these", "those", "of", "many", "few", "several"]);
    if !counted
        && !matches!(
            prev,
            "for" | "within" | "in" | "over" | "after" | "took" | "take" | "takes" | "lasted" | "spent" | "back"
        )
    {
        return None;
    }
    // "after months of talks" counts; "in years of" rarely does.
    let of_ok = v.is(i + 1, "of") && matches!(prev, "after" | "following" | "despite" | "for");
    if v.is(i + 1, "old") || v.is(i + 1, "of") && !of_ok || !counted && v.any(i + 1, &["earlier", "later", "before"]) {
        return None;
    }
    Some((i + 1, Expr::Duration(Amount::Vague, u)))
}

/// `every day`, `each year`, `every two weeks`, `every other month`, `every
/// Monday`, `each July`, `every summer`, `every morning`, `weekends`,
/// `Mondays`, `$5 a year` (after an amount), `twice a week`, `three times a month`.
fn set(v: &View, i: usize) -> Hit {
    let w = v.w(i);
    if w == "every" || w == "each" {
        let mut j = i + 1;
        // "each of the past three years" is not a set in this grammar.
        let mut amount = Amount::Exact(1.0);
        if v.is(j, "other") {
            amount = Amount::Exact(2.0);
            j += 1;
        } else if let Some((k, a)) = numbers::amount(v, j)
            && unit(v.w(k)).is_some()
        {
            amount = a;
            j = k;
        }
        let x = v.w(j);
        if let Some((u, _)) = unit(x) {
            if u == Unit::Weekend {
                return Some((j + 1, Expr::Set(Recurrence::Weekends)));
            }
            return Some((j + 1, Expr::Set(Recurrence::Every(amount, u))));
        }
        if let Some((d, _)) = weekday(x) {
            let part = day_part(v.w(j + 1)).map(|(p, _)| p);
            let end = if part.is_some() { j + 2 } else { j + 1 };
            return Some((end, Expr::Set(Recurrence::Named(Named::Weekday(d), part))));
        }
        if let Some(m) = month(x)
            && v.capitalised(j)
        {
            return Some((j + 1, Expr::Set(Recurrence::Named(Named::Month(m), None))));
        }
        if let Some(s) = season(x) {
            return Some((j + 1, Expr::Set(Recurrence::Named(Named::Season(s), None))));
        }
        if let Some((p, _)) = day_part(x) {
            return Some((j + 1, Expr::Set(Recurrence::Part(p))));
        }
        return None;
    }
    // "Mondays", "on Fridays"
    if let Some((d, true)) = weekday(w)
        && v.capitalised(i)
    {
        return Some((i + 1, Expr::Set(Recurrence::Named(Named::Weekday(d), None))));
    }
    if w == "weekends" && i > 0 && v.any(i - 1, &["on", "at", "during"]) {
        return Some((i + 1, Expr::Set(Recurrence::Weekends)));
    }
    // "twice a week", "three times a year", "once a month"
    let (j, times) = match w {
        "once" => (i + 1, true),
        "twice" => (i + 1, true),
        _ => match numbers::amount(v, i) {
            Some((k, _)) if v.is(k, "times") => (k + 1, true),
            _ => (i, false),
        },
    };
    if times && v.any(j, &["a", "an", "per", "each", "every"]) {
        let (u, false) = unit(v.w(j + 1))? else { return None };
        return Some((j + 2, Expr::Set(Recurrence::Every(Amount::Exact(1.0), u))));
    }
    // "$5 million a year", "four flights a week", "100 miles per hour"
    if matches!(w, "a" | "per") && i > 0 {
        let (u, false) = unit(v.w(i + 1))? else { return None };
        if u.is_clock() && u != Unit::Hour {
            return None;
        }
        let prev = v.w(i - 1);
        let after_amount = v.kind(i - 1) == Some(TokenKind::Number)
            || matches!(prev, "million" | "billion" | "trillion" | "thousand" | "hundred" | "%" | "percent" | "cents")
            || (prev.ends_with('s') && prev.len() > 3 && v.kind(i - 1) == Some(TokenKind::Word) && w == "per");
        // "a day earlier", "a year ago" are not sets.
        if !after_amount || v.any(i + 2, &["earlier", "ago", "later", "before", "after", "old", "or", "and"]) {
            return None;
        }
        return Some((i + 2, Expr::Set(Recurrence::Every(Amount::Exact(1.0), u))));
    }
    None
}

/// `daily`, `weekly`, `monthly`, `annually`, `yearly`, `hourly`, `nightly`.
fn frequency_adverb(v: &View, i: usize) -> Hit {
    let e = |u| Some((i + 1, Expr::Set(Recurrence::Every(Amount::Exact(1.0), u))));
    match v.w(i) {
        "daily" => e(Unit::Day),
        "weekly" => e(Unit::Week),
        "monthly" => e(Unit::Month),
        "annually" | "yearly" => e(Unit::Year),
        "hourly" => e(Unit::Hour),
        "nightly" => Some((i + 1, Expr::Set(Recurrence::Part(super::lexicon::DayPart::Night)))),
        "biweekly" | "fortnightly" => Some((i + 1, Expr::Set(Recurrence::Every(Amount::Exact(2.0), Unit::Week)))),
        _ => None,
    }
}
