//! The document creation date read from the article itself: a dateline
//! (`LONDON 1996-08-30`, `WASHINGTON, Jan. 13, 2025 –`) or a byline line
//! under the headline (`By … in Skopje January 13, 2025`). Conservative:
//! only full dates, only on short lines or at the start of a line, only in
//! the first lines of the text.

use jiff::civil::Date;

use super::DateOptions;
use super::finder;
use super::timex::{Expr, Named, YearOf};
use super::view::View;
use crate::text::Segmented;

/// How many lines from the top count as the head of the article.
const HEAD_LINES: usize = 6;
/// A line with more tokens than this is body text, unless the date opens it.
const SHORT_LINE: usize = 16;

/// Reads the document creation date from the head of the article.
pub fn detect_dct(seg: &Segmented) -> Option<Date> {
    detect_dct_in(&View::new(seg))
}

/// [`detect_dct`] over a view built beforehand.
pub(crate) fn detect_dct_in(v: &View) -> Option<Date> {
    // Token ranges of the first lines.
    let mut lines: Vec<(usize, usize)> = Vec::new();
    let mut start = 0;
    for i in 1..=v.len() {
        if i == v.len() || v.line_start(i) {
            lines.push((start, i));
            start = i;
            if lines.len() >= HEAD_LINES {
                break;
            }
        }
    }
    let head_end = lines.last().map_or(0, |l| l.1);
    let found = finder::find_until(v, &DateOptions::default(), head_end);
    for f in found {
        let Expr::InYear(YearOf::Known(y), Some(Named::MonthDay(m, d))) = f.expr else { continue };
        let Some(&(ls, le)) = lines.iter().find(|(s, e)| *s <= f.start && f.start < *e) else { continue };
        // The date opens the line, follows a dateline place (capitals), or the line is short.
        let opens = f.start == ls || (ls..f.start).all(|k| v.all_caps(k) || matches!(v.w(k), "," | "-" | "("));
        if (le - ls <= SHORT_LINE || opens)
            && let Ok(date) = Date::new(i16::try_from(y).ok()?, m as i8, d as i8)
        {
            return Some(date);
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    fn dct(text: &str) -> Option<Date> {
        detect_dct(&Segmented::new(text))
    }

    #[test]
    fn datelines_and_bylines() {
        assert_eq!(dct("CRICKET - TOP\nLONDON 1996-08-30\nWest Indian all-rounder"), Date::new(1996, 8, 30).ok());
        assert_eq!(
            dct("Nato chief warns\nBy Valentina Dimitrievska in Skopje January 13, 2025\n\nText."),
            Date::new(2025, 1, 13).ok()
        );
        assert_eq!(dct("Headline\nJanuary 13, 2025\nBody text."), Date::new(2025, 1, 13).ok());
        assert_eq!(
            dct(
                "WASHINGTON, Jan. 13, 2025 - The long opening sentence of the article goes on and on about a matter of state."
            ),
            Date::new(2025, 1, 13).ok()
        );
    }

    #[test]
    fn conservative() {
        // A partial date, a body sentence, or a date far down do not count.
        assert_eq!(dct("Headline\nOn January 13 the ministers met.\n"), None);
        assert_eq!(
            dct(
                "The treaty that the two countries signed in Paris on March 5, 1946 is still in force today, officials say."
            ),
            None
        );
        let far = format!("{}January 13, 2025\n", "line\n".repeat(10));
        assert_eq!(dct(&far), None);
    }
}
