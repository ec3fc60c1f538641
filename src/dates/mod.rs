//! Temporal expressions: finding them and normalising them to TimeML TIMEX3
//! types and values against the document creation date (`dct`).
//!
//! The finder matches a hand-written grammar over tokens (`finder` and the
//! pattern modules); `resolve` anchors each match to the dct, to the time
//! the text last named and to the verb's tense. See DESIGN.md, "Dates".

mod clock;
mod dct;
mod deictic;
mod durations;
mod finder;
mod lexicon;
mod numbers;
mod points;
mod resolve;
mod tense;
mod timex;
mod view;

use jiff::civil::Date;

use crate::document::{DateMention, TimexMod};
use crate::text::Segmented;

pub use dct::detect_dct;
pub(crate) use dct::detect_dct_in;
pub(crate) use view::View;

/// How to read ambiguous numeric dates such as `03/04/2025`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum NumericOrder {
    /// `03/04/2025` is 3 April (most of the world).
    #[default]
    DayFirst,
    /// `03/04/2025` is March 4 (United States).
    MonthFirst,
}

/// Options for [`find_dates`].
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DateOptions {
    pub numeric_order: NumericOrder,
}

/// A modifier found in front of an expression: a TIMEX3 `mod`, or a word
/// that only belongs to the span ("*earlier* this year").
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Mod {
    Timex(TimexMod),
    /// "earlier this year": no TIMEX3 mod, but part of the span.
    Earlier,
    /// "later this month".
    Later,
}

/// Finds the temporal expressions of a text with their TIMEX3 types and
/// values. Relative expressions are resolved against `dct`; without one
/// their values stay underspecified (`XXXX-02-09`), never taken from a clock.
pub fn find_dates(seg: &Segmented, dct: Option<Date>, options: &DateOptions) -> Vec<DateMention> {
    find_dates_in(&View::new(seg), dct, options)
}

/// [`find_dates`] over a view built beforehand (the pipeline shares one
/// with the dateline detection).
pub(crate) fn find_dates_in(v: &View, dct: Option<Date>, options: &DateOptions) -> Vec<DateMention> {
    let found = finder::find(v, options);
    let mut out = Vec::with_capacity(found.len());
    let mut reference = None;
    for f in found {
        let tense = tense::tense_around(v, f.start, f.end);
        // "extended to Nov. 20", "until March": a deadline may lie ahead
        // whatever the verb's tense.
        // Both readings stay open: the nearest occurrence wins.
        let tense = if tense != tense::Tense::Future && tense::after_deadline_word(v, f.start) {
            tense::Tense::Open
        } else {
            tense
        };
        let cx = resolve::Context { dct, reference, tense };
        let Some(r) = resolve::resolve(&f.expr, &cx) else { continue };
        if let Some(p) = r.point
            && counts_as_reference(&f.expr)
        {
            reference = Some(p);
        }
        let modifier = match f.modifier {
            Some(Mod::Timex(m)) => Some(m),
            _ => None,
        };
        out.push(DateMention { span: v.span(f.start, f.end), timex_type: r.timex_type, value: r.value, modifier });
    }
    out
}

/// Whether an expression names its time outright (and so becomes the time
/// that later "a day later" or "the quarter" count from).
fn counts_as_reference(e: &timex::Expr) -> bool {
    use timex::{Anchor, Expr};
    match e {
        Expr::Shift { anchor, .. } => *anchor == Anchor::Dct,
        Expr::Timed(Some(day), _) => counts_as_reference(day),
        Expr::Absolute(_) | Expr::InYear(..) | Expr::Named(..) | Expr::Within(..) => true,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dates(text: &str, dct: Option<Date>) -> Vec<(String, String)> {
        let seg = Segmented::new(text);
        find_dates(&seg, dct, &DateOptions::default())
            .into_iter()
            .map(|d| (d.span.slice(text).to_string(), d.value))
            .collect()
    }

    #[test]
    fn absolute_dates() {
        let dct = Some(Date::new(2025, 1, 13).unwrap());
        assert_eq!(
            dates(
                "Elections on February 9. Signed 13 January 2025 and January 13, 2025 (2025-01-13), in May 2024.",
                dct
            ),
            [
                ("February 9".into(), "2025-02-09".into()),
                ("13 January 2025".into(), "2025-01-13".into()),
                ("January 13, 2025".into(), "2025-01-13".into()),
                ("2025-01-13".into(), "2025-01-13".into()),
                ("May 2024".into(), "2024-05".into()),
            ]
        );
    }

    #[test]
    fn no_dct_leaves_the_year_open() {
        assert_eq!(dates("on February 9", None), [("February 9".to_string(), "XXXX-02-09".to_string())]);
        assert!(dates("you may go", None).is_empty());
    }
}
