//! Temporal expressions: finding them and normalising them to TIMEX3 values
//! against the document creation date (`dct`).

use jiff::civil::Date;

use crate::document::{DateMention, TimexType};
use crate::span::Span;
use crate::text::{Segmented, TokenKind};

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

const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// The month (1–12) a word names: full names and the usual abbreviations.
pub(crate) fn month_number(word: &str) -> Option<u8> {
    let w = word.trim_end_matches('.').to_ascii_lowercase();
    if w.len() < 3 {
        return None;
    }
    let full = MONTHS.iter().position(|m| *m == w);
    let abbr = || {
        if w == "sept" {
            return Some(8);
        }
        (w.len() == 3 && w != "may").then(|| MONTHS.iter().position(|m| m.starts_with(&w))).flatten()
    };
    full.or_else(abbr).map(|i| i as u8 + 1)
}

fn year_of(word: &str) -> Option<i16> {
    (word.len() == 4 && word.bytes().all(|b| b.is_ascii_digit()))
        .then(|| word.parse::<i16>().ok())
        .flatten()
        .filter(|y| (1000..=2999).contains(y))
}

fn day_of(word: &str) -> Option<u8> {
    let w = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
    let suffix = &word[w.len()..];
    if !matches!(suffix, "" | "st" | "nd" | "rd" | "th")
        || w.is_empty()
        || w.len() > 2
        || !w.bytes().all(|b| b.is_ascii_digit())
    {
        return None;
    }
    w.parse::<u8>().ok().filter(|d| (1..=31).contains(d))
}

/// An ISO date `YYYY-MM-DD` that exists in the calendar.
pub(crate) fn parse_iso(word: &str) -> Option<Date> {
    let b = word.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let y = word[..4].parse().ok()?;
    let m = word[5..7].parse().ok()?;
    let d = word[8..10].parse().ok()?;
    Date::new(y, m, d).ok()
}

/// Finds absolute dates: `13 January 2025`, `January 13, 2025`, `Jan. 13`,
/// `January 2025`, `February`, `2025-01-13`. A month without a year takes the
/// year of `dct`, or stays underspecified (`XXXX-02-09`) without one.
pub fn find_dates(seg: &Segmented, dct: Option<Date>, _options: &DateOptions) -> Vec<DateMention> {
    let toks = &seg.tokens;
    let word = |i: usize| seg.word(i);
    let mut out = Vec::new();
    let mut i = 0;
    let year_str = |y: Option<i16>| match (y, dct) {
        (Some(y), _) => format!("{y:04}"),
        (None, Some(d)) => format!("{:04}", d.year()),
        (None, None) => "XXXX".to_string(),
    };
    while i < toks.len() {
        let start = toks[i].span.start;
        if let Some(date) = parse_iso(word(i)) {
            out.push(DateMention { span: toks[i].span, timex_type: TimexType::Date, value: date.to_string() });
            i += 1;
            continue;
        }
        // Day Month [Year]
        if let (Some(d), Some(m)) = (day_of(word(i)), toks.get(i + 1).and_then(|_| month_number(word(i + 1)))) {
            let (year, end_tok) = match toks.get(i + 2).and_then(|_| year_of(word(i + 2))) {
                Some(y) => (Some(y), i + 2),
                None => (None, i + 1),
            };
            out.push(DateMention {
                span: Span::new(start, toks[end_tok].span.end),
                timex_type: TimexType::Date,
                value: format!("{}-{m:02}-{d:02}", year_str(year)),
            });
            i = end_tok + 1;
            continue;
        }
        if let Some(m) = month_number(word(i)) {
            let capitalised = word(i).starts_with(|c: char| c.is_uppercase());
            // "may" and "march" are verbs too: only a capitalised month counts.
            if capitalised {
                let mut end_tok = i;
                let mut day = None;
                let mut year = None;
                if let Some(d) = toks.get(i + 1).and_then(|_| day_of(word(i + 1))) {
                    day = Some(d);
                    end_tok = i + 1;
                    let mut k = i + 2;
                    if toks.get(k).is_some_and(|_| word(k) == ",") {
                        k += 1;
                    }
                    if let Some(y) = toks.get(k).and_then(|_| year_of(word(k))) {
                        year = Some(y);
                        end_tok = k;
                    }
                } else if let Some(y) = toks.get(i + 1).and_then(|_| year_of(word(i + 1))) {
                    year = Some(y);
                    end_tok = i + 1;
                }
                let is_lone_may = m == 5 && day.is_none() && year.is_none();
                let sentence_initial_month = toks[i].kind == TokenKind::Word && !is_lone_may;
                if sentence_initial_month {
                    let value = match day {
                        Some(d) => format!("{}-{m:02}-{d:02}", year_str(year)),
                        None => format!("{}-{m:02}", year_str(year)),
                    };
                    out.push(DateMention {
                        span: Span::new(start, toks[end_tok].span.end),
                        timex_type: TimexType::Date,
                        value,
                    });
                    i = end_tok + 1;
                    continue;
                }
            }
        }
        i += 1;
    }
    out
}

/// Reads the document creation date from a dateline or byline near the top
/// of the article: `LONDON 1996-08-30`, `By … January 13, 2025`.
pub fn detect_dct(seg: &Segmented) -> Option<Date> {
    // Only full dates in the first few lines count.
    let limit = seg.text.char_indices().filter(|&(_, c)| c == '\n').nth(6).map_or(seg.text.len(), |(i, _)| i);
    let head_tokens = seg.tokens.iter().take_while(|t| t.span.end <= limit).count();
    let head = Segmented { text: seg.text, tokens: seg.tokens[..head_tokens].to_vec(), sentences: Vec::new() };
    find_dates(&head, None, &DateOptions::default()).into_iter().find_map(|d| d.value.parse::<Date>().ok())
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

    #[test]
    fn dct_from_dateline_and_byline() {
        let seg = Segmented::new("CRICKET - TOP\nLONDON 1996-08-30\nWest Indian all-rounder");
        assert_eq!(detect_dct(&seg), Date::new(1996, 8, 30).ok());
        let seg = Segmented::new("Nato chief warns\nBy Valentina Dimitrievska in Skopje January 13, 2025\n\nText.");
        assert_eq!(detect_dct(&seg), Date::new(2025, 1, 13).ok());
    }
}
