//! Invariants of the date layer on any input: no panic, spans on char
//! boundaries, in order and not overlapping; and on the shared TempEval-3
//! files when they are present (`ANNOTATOR_DATA`, default `../shared/data`).

mod common;

use article_annotator::Date;
use article_annotator::dates::{DateOptions, detect_dct, find_dates};
use article_annotator::text::Segmented;

fn check(text: &str, dct: Option<Date>) {
    let seg = Segmented::new(text);
    let dates = find_dates(&seg, dct, &DateOptions::default());
    let mut last = 0;
    for d in &dates {
        assert!(d.span.start >= last && d.span.start < d.span.end && d.span.end <= text.len(), "bad span {d:?}");
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        assert!(!d.value.is_empty());
        last = d.span.end;
    }
    let _ = detect_dct(&seg);
}

/// Words that start temporal patterns, glued into nonsense.
const WORDS: &[&str] = &[
    "the",
    "last",
    "next",
    "past",
    "two",
    "years",
    "ago",
    "Friday",
    "May",
    "March",
    "3",
    "p.m.",
    "15:00",
    "GMT",
    "-",
    "mid",
    "early",
    "1990s",
    "'90s",
    "of",
    "quarter",
    "third",
    "every",
    "a",
    "year",
    "earlier",
    "later",
    "the",
    "day",
    "before",
    "after",
    "13",
    "January",
    ",",
    "2025",
    "2025-01-13",
    "31/02/2024",
    "half",
    "and",
    "twenty",
    "four",
    "hours",
    "now",
    "\u{1F600}",
    "caf\u{e9}",
    "\r\n",
    "night",
    "tonight",
    "year-end",
    "fiscal",
    "Q3",
    "1/2",
    "noon",
];

#[test]
fn no_panic_on_word_soup() {
    let dct = Date::new(2025, 1, 13).ok();
    // A deterministic pseudo-random walk over the word list.
    let mut state: u64 = 0x9E37_79B9_7F4A_7C15;
    for len in [1usize, 2, 3, 5, 8, 13, 40, 200] {
        for _ in 0..200 {
            let mut text = String::new();
            for _ in 0..len {
                state ^= state << 13;
                state ^= state >> 7;
                state ^= state << 17;
                text.push_str(WORDS[(state % WORDS.len() as u64) as usize]);
                text.push(if state.is_multiple_of(7) { '\n' } else { ' ' });
            }
            check(&text, dct);
            check(&text, None);
        }
    }
    for s in [
        "",
        " ",
        "-",
        "'",
        "the",
        "May",
        "2025",
        "a.m.",
        "\u{301}",
        "12 noon midnight",
        "99999999999999999999 years ago",
        "9999999 decades ago and 9999999999 centuries later",
        "every 99999999999999 years",
        "the next 99999999999 days",
        "June 31, 9999",
        "Q4 2199 and 31/12/2199 at 23:59",
    ] {
        check(s, dct);
    }
}

#[test]
fn tempeval_files_keep_the_invariants() {
    let Some(path) = common::data_file("tempeval3/train.jsonl") else { return };
    let data = std::fs::read_to_string(&path).expect("tempeval3/train.jsonl is readable");
    for line in data.lines() {
        let rec: serde_json::Value = serde_json::from_str(line).expect("a JSON record");
        let text = rec["text"].as_str().expect("a text");
        let dct = rec["dct"].as_str().and_then(|d| d.parse::<Date>().ok());
        check(text, dct);
    }
}
