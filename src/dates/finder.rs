//! Finds temporal expressions: at each token, every pattern of the grammar
//! is tried and the longest match wins; then the scan resumes after it. Each
//! pattern looks a bounded number of tokens ahead, so the scan is linear.

use super::clock;
use super::deictic;
use super::durations;
use super::lexicon;
use super::points;
use super::timex::{Expr, Named};
use super::view::View;
use super::{DateOptions, Mod};
use crate::document::TimexMod as T;
use crate::text::TokenKind;

/// A match: tokens `start..end` and what they mean.
#[derive(Clone, Debug, PartialEq)]
pub(crate) struct Found {
    pub start: usize,
    pub end: usize,
    pub expr: Expr,
    pub modifier: Option<Mod>,
}

/// A pattern's result: the token after the match and the meaning.
pub(crate) type Hit = Option<(usize, Expr)>;

/// Finds all temporal expressions in the view, left to right, without overlaps.
pub(crate) fn find(v: &View, options: &DateOptions) -> Vec<Found> {
    find_until(v, options, v.len())
}

/// Finds the expressions that start before token `limit`.
pub(crate) fn find_until(v: &View, options: &DateOptions, limit: usize) -> Vec<Found> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < limit.min(v.len()) {
        // No pattern starts at punctuation or a symbol.
        if matches!(v.kind(i), Some(TokenKind::Punct | TokenKind::Symbol | TokenKind::Url | TokenKind::Email)) {
            i += 1;
            continue;
        }
        match match_at(v, i, options) {
            Some(f) if f.end > i => {
                i = f.end;
                let second = second_day(v, &f);
                out.push(f);
                if let Some(g) = second {
                    i = g.end;
                    out.push(g);
                }
            }
            _ => i += 1,
        }
    }
    out
}

/// The second day of "April 24 and 25", "March 5-7": a date of its own in
/// the month of the first.
fn second_day(v: &View, f: &Found) -> Option<Found> {
    let Expr::InYear(year, Some(Named::MonthDay(m, _))) = f.expr else { return None };
    let e = f.end;
    if !v.any(e, &["and", "or", "to", "through", "-", "\u{2013}"]) || v.kind(e + 1) != Some(TokenKind::Number) {
        return None;
    }
    let w = v.w(e + 1);
    let d: u8 = w.parse().ok().filter(|_| w.len() <= 2)?;
    if d == 0 || d > 31 || lexicon::unit(v.w(e + 2)).is_some() || lexicon::month(v.w(e + 2)).is_some() {
        return None;
    }
    if v.any(e + 2, &["%", "percent", "p.m.", "a.m.", "pm", "am", ":"]) {
        return None;
    }
    Some(Found { start: e + 1, end: e + 2, expr: Expr::InYear(year, Some(Named::MonthDay(m, d))), modifier: None })
}

/// The longest match starting at token `i`, modifiers included.
fn match_at(v: &View, i: usize, options: &DateOptions) -> Option<Found> {
    // A modifier in front: "early", "mid-", "the end of", "nearly", "more than".
    if let Some((j, m)) = modifier(v, i)
        && let Some((end, expr)) = core(v, j, options)
        && fits(m, v.w(i), &expr)
    {
        return Some(Found { start: i, end, expr, modifier: Some(m) });
    }
    let (end, expr) = core(v, i, options)?;
    Some(Found { start: i, end, expr, modifier: None })
}

/// Whether a modifier can go with an expression: position modifiers with
/// points, amount modifiers with durations.
fn fits(m: Mod, word: &str, e: &Expr) -> bool {
    let is_duration = matches!(e, Expr::Duration(..));
    match m {
        // "nearly two years", "about two years ago", "around 7:15 p.m."
        Mod::Timex(T::Approx) => {
            is_duration
                || matches!(e, Expr::Shift { by, .. } if *by != 0 && *by != -1 && *by != 1)
                || matches!(e, Expr::Shift { unit, by: -1 | 1, .. } if *unit != super::lexicon::Unit::Day)
                    && word == "about"
                || word == "around" && matches!(e, Expr::Timed(..) | Expr::InYear(..))
        }
        Mod::Timex(T::MoreThan | T::LessThan | T::EqualOrMore | T::EqualOrLess) => {
            is_duration || matches!(e, Expr::Shift { by, .. } if *by != 0) && word != "up"
        }
        Mod::Timex(T::Start | T::Mid | T::End) => {
            !is_duration && !matches!(e, Expr::Set(_) | Expr::Vague(_) | Expr::Timed(_, super::timex::Clock::At(..)))
        }
        // "earlier this year", "later today", but not "[earlier] Friday".
        Mod::Earlier | Mod::Later => match e {
            Expr::Shift { unit, anchor, .. } => {
                *unit != super::lexicon::Unit::Day || *anchor == super::timex::Anchor::Dct
            }
            Expr::Timed(..) => true,
            _ => false,
        },
    }
}

/// The longest match of any pattern at `i`.
fn core(v: &View, i: usize, options: &DateOptions) -> Hit {
    longest([clock::find(v, i), points::find(v, i, options), deictic::find(v, i), durations::find(v, i)])
}

/// The longest of some matches; the first of equally long ones, so that
/// patterns listed first take precedence.
pub(crate) fn longest<const N: usize>(candidates: [Hit; N]) -> Hit {
    let mut best: Hit = None;
    for c in candidates.into_iter().flatten() {
        if best.as_ref().is_none_or(|b| c.0 > b.0) {
            best = Some(c);
        }
    }
    best
}

/// A modifier at `i`: the index after it and what it adds.
fn modifier(v: &View, i: usize) -> Option<(usize, Mod)> {
    let w = v.w(i);
    let two = (w, v.w(i + 1));
    // "mid-1996", "late-November", "mid-afternoon"
    if matches!(w, "mid" | "early" | "late") && v.glued_hyphen(i + 1) {
        let m = match w {
            "mid" => Mod::Timex(T::Mid),
            "early" => Mod::Timex(T::Start),
            _ => Mod::Timex(T::End),
        };
        return Some((i + 2, m));
    }
    let m = match two {
        ("more", "than") | ("longer", "than") => Some((i + 2, Mod::Timex(T::MoreThan))),
        ("less", "than") | ("fewer", "than") | ("shorter", "than") => Some((i + 2, Mod::Timex(T::LessThan))),
        ("at", "least") => Some((i + 2, Mod::Timex(T::EqualOrMore))),
        ("at", "most") | ("up", "to") => Some((i + 2, Mod::Timex(T::EqualOrLess))),
        ("no", "more") if v.is(i + 2, "than") => Some((i + 3, Mod::Timex(T::EqualOrLess))),
        ("no", "less") if v.is(i + 2, "than") => Some((i + 3, Mod::Timex(T::EqualOrMore))),
        ("just", "over") | ("well", "over") | ("just", "under") => Some((i + 2, Mod::Timex(T::Approx))),
        ("the", "end") | ("the", "close") if v.is(i + 2, "of") => Some((i + 3, Mod::Timex(T::End))),
        ("the", "beginning") | ("the", "start") | ("the", "dawn") if v.is(i + 2, "of") => {
            Some((i + 3, Mod::Timex(T::Start)))
        }
        ("the", "middle") if v.is(i + 2, "of") => Some((i + 3, Mod::Timex(T::Mid))),
        ("the", "turn") if v.is(i + 2, "of") => Some((i + 3, Mod::Timex(T::Start))),
        ("the", "early") => Some((i + 2, Mod::Timex(T::Start))),
        ("the", "late") => Some((i + 2, Mod::Timex(T::End))),
        ("the", "mid") if !v.glued_hyphen(i + 2) => Some((i + 2, Mod::Timex(T::Mid))),
        ("the", "mid") => Some((i + 3, Mod::Timex(T::Mid))),
        _ => None,
    };
    if m.is_some() {
        return m;
    }
    let m = match w {
        "about" | "around" | "approximately" | "roughly" | "nearly" | "almost" | "some" | "barely" | "upwards" => {
            Mod::Timex(T::Approx)
        }
        // "over a week" is "more than a week"; "over three years" is mostly
        // "during": only the first keeps its "over".
        "over" if v.any(i + 1, &["a", "an"]) => Mod::Timex(T::MoreThan),
        "under" if v.any(i + 1, &["a", "an"]) => Mod::Timex(T::LessThan),
        "early" => Mod::Timex(T::Start),
        "mid" | "middle" => Mod::Timex(T::Mid),
        "late" => Mod::Timex(T::End),
        "earlier" => Mod::Earlier,
        "later" => Mod::Later,
        _ => return None,
    };
    // "over the past year" is a preposition before a noun phrase.
    if m == Mod::Timex(T::Approx) && v.is(i + 1, "the") {
        return None;
    }
    Some((i + 1, m))
}
