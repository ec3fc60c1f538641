//! Finds temporal expressions: at each token that a pattern can begin with
//! (`may_start`), every pattern of the grammar is tried and the longest
//! match wins; then the scan resumes after it. Each
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
use crate::entities::hash::{Sketches, WordMap};
use crate::text::TokenKind;
use std::sync::OnceLock;

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
        if !may_start(v, i) {
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

/// Words that a pattern or a modifier can begin with, besides numbers and
/// words with a digit: each pattern's entry condition on its first token
/// (DESIGN.md, "The third round"). A word outside them starts nothing, so
/// the patterns are not tried there.
#[rustfmt::skip]
const STARTERS: &[&str] = &[
    // Modifiers in front (`modifier`).
    "mid", "early", "late", "more", "longer", "less", "fewer", "shorter", "at", "up", "no", "just", "well",
    "the", "about", "around", "approximately", "roughly", "nearly", "almost", "some", "barely", "upwards",
    "over", "under", "middle", "earlier", "later",
    // Clock times and parts of the day (`clock`).
    "noon", "midday", "midnight", "tonight", "this", "last", "that", "today", "yesterday", "tomorrow",
    "morning", "mornings", "afternoon", "afternoons", "evening", "evenings", "night", "overnight", "nights",
    // Calendar points (`points`): years, quarters, seasons.
    "fiscal", "its", "their", "a", "next", "previous", "prior", "preceding", "final", "spring", "springtime",
    "summer", "summertime", "fall", "autumn", "winter", "wintertime",
    // Deictic and anaphoric expressions (`deictic`).
    "past", "coming", "current", "present", "his", "her", "full", "year", "now", "currently", "nowadays",
    "right", "these", "recently", "lately", "most",
    // Amounts (`numbers::amount`): number words, vague amounts.
    "an", "couple", "half", "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine",
    "ten", "eleven", "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen",
    "nineteen", "twenty", "thirty", "forty", "fourty", "fifty", "sixty", "seventy", "eighty", "ninety",
    "several", "few", "many", "numerous", "countless",
    // Ordinals (days, centuries, quarters).
    "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
    "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth",
    "nineteenth", "twentieth", "thirtieth",
    // Durations and sets (`durations`): units, span words, frequencies.
    "sec", "secs", "seconds", "minute", "min", "mins", "minutes", "hour", "hr", "hours", "hrs", "day", "days",
    "weekend", "week-end", "weekends", "week", "weeks", "fortnight", "fortnights", "month", "months",
    "quarter", "quarters", "yr", "years", "yrs", "decade", "decades", "century", "centuries", "millennium",
    "millennia", "millenniums", "those", "following", "latest", "initial", "remaining", "recent", "ensuing",
    "succeeding", "subsequent", "opening", "closing", "entire", "whole", "multi", "every", "each", "once",
    "twice", "per", "daily", "weekly", "monthly", "annually", "yearly", "hourly", "nightly", "biweekly",
    "fortnightly",
];

/// The words of [`STARTERS`], with every form of a month or weekday name
/// the lexicon reads ("sept.", "thurs.", "mondays") and the first words of
/// the holidays.
struct Starters {
    set: WordMap<String, ()>,
    /// One bit per (first byte, last byte, length) of the words, as
    /// [`sketch_bit`] folds them: three in four words of running text have
    /// none set and are told apart without hashing them.
    sketch: Sketches<SKETCH_WORDS>,
}

const SKETCH_WORDS: usize = 256;

/// The bit of `w` in [`Starters::sketch`]: five bits of its first and of its
/// last byte and four of its length.
fn sketch_bit(w: &str) -> usize {
    let b = w.as_bytes();
    let (first, last) = match (b.first(), b.last()) {
        (Some(&f), Some(&l)) => (usize::from(f & 31), usize::from(l & 31)),
        _ => (0, 0),
    };
    first << 9 | last << 4 | b.len().min(15)
}

impl Starters {
    fn contains(&self, w: &str) -> bool {
        self.sketch.has(sketch_bit(w)) && self.set.contains_key(w)
    }
}

/// The [`Starters`], built once.
fn starters() -> &'static Starters {
    static SET: OnceLock<Starters> = OnceLock::new();
    SET.get_or_init(|| {
        let mut set: WordMap<String, ()> = STARTERS.iter().map(|&w| (w.to_string(), ())).collect();
        for &name in lexicon::month_names().iter().chain(lexicon::weekday_names()) {
            let mut forms = vec![name.to_string(), format!("{name}."), format!("{name}s")];
            for n in 3..=name.len().min(5) {
                forms.push(name[..n].to_string());
                forms.push(format!("{}.", &name[..n]));
            }
            for form in forms {
                if lexicon::month(&form).is_some() || lexicon::weekday(&form).is_some() {
                    set.insert(form, ());
                }
            }
        }
        set.extend(lexicon::holiday_first_words().map(|w| (w.to_string(), ())));
        let mut sketch = Sketches::new();
        for w in set.keys() {
            sketch.set(sketch_bit(w));
        }
        Starters { set, sketch }
    })
}

/// Starters that begin a pattern or a modifier only with the word after
/// them: the determiners, and "at" ("at least", "at most"). Together they are
/// a quarter of the positions the patterns would be tried at.
const LEADS: &[&str] = &["the", "a", "an", "that", "his", "her", "its", "their", "at"];

/// Words that a pattern or a modifier reads right after one of the
/// [`LEADS`] and that start nothing themselves (every other word it reads
/// there is a starter or a number): "the end of", "the near future", "the
/// same day", "the twenties", "a further week", "a business day", "a
/// hundred years", "a dozen times a year", "at least".
#[rustfmt::skip]
const AFTER_LEAD: &[&str] = &[
    // Modifiers (`modifier`): "the end of", "the turn of", "at least".
    "end", "close", "beginning", "start", "dawn", "turn", "least",
    // Vague references (`deictic::vague`) and "the same day" (`deictic::anaphoric`).
    "future", "near", "foreseeable", "distant", "short", "same",
    // Decades (`points::decade`).
    "twenties", "thirties", "forties", "fifties", "sixties", "seventies", "eighties", "nineties",
    // Between "a" and a unit (`durations::duration`).
    "additional", "further", "straight", "consecutive", "successive", "long", "calendar", "business",
    "trading", "working", "school",
    // Amounts (`numbers::words`, `durations::set`) and fractions (`numbers::digits`).
    "hundred", "thousand", "dozen", "times", "\u{bd}", "\u{bc}", "\u{be}",
];

/// The set of [`AFTER_LEAD`].
fn after_lead() -> &'static WordMap<String, ()> {
    static SET: OnceLock<WordMap<String, ()>> = OnceLock::new();
    SET.get_or_init(|| AFTER_LEAD.iter().map(|&w| (w.to_string(), ())).collect())
}

/// Whether token `i` is a number, a word with a digit that a pattern reads
/// ("5pm", "1990s", "Q3", "FY2024"), or one of the [`starters`].
fn opens(v: &View, i: usize) -> bool {
    let w = v.w(i);
    v.kind(i) == Some(TokenKind::Number) || digit_word(w) || starters().contains(w)
}

/// Whether a word with a digit can begin a pattern: one that begins with
/// its digit ("5pm", "1990s", "21st", "3Q"), a quarter or half ("Q3",
/// "H1"), a fiscal year ("FY2024") or a decade ("'90s"). The patterns read
/// no other ("A380" and "mid-1990s" as one token begin nothing), so a word
/// is not searched for a digit to its end.
fn digit_word(w: &str) -> bool {
    let rest = match w.as_bytes() {
        [b'q' | b'h', rest @ ..] | [b'f', b'y', rest @ ..] | [b'\'', rest @ ..] => rest,
        b => b,
    };
    rest.first().is_some_and(u8::is_ascii_digit)
}

/// Whether any pattern, or a modifier in front of one, can begin at token
/// `i`: where it [`opens`], for a [`plain_number`] only before a word that
/// [`follows_number`], and for one of the [`LEADS`] only before a word that
/// opens too or one of [`AFTER_LEAD`].
fn may_start(v: &View, i: usize) -> bool {
    if !opens(v, i) {
        return false;
    }
    let w = v.w(i);
    if w.as_bytes().first().is_some_and(u8::is_ascii_digit) {
        if plain_number(w) {
            return follows_number(v.w(i + 1));
        }
        if score(w) {
            return false;
        }
    }
    match w {
        // Two leads begin few things: "at least", "at most" (`modifier`);
        // "that same day", "that year" (`deictic::anaphoric`), "that night"
        // (`clock::day_with_part`). "At the" and "that the" begin nothing.
        "at" => matches!(v.w(i + 1), "least" | "most"),
        "that" => {
            let next = v.w(i + 1);
            matches!(next, "same" | "day" | "week" | "month" | "year" | "quarter") || lexicon::day_part(next).is_some()
        }
        _ => !LEADS.contains(&w) || opens(v, i + 1) || after_lead().contains_key(v.w(i + 1)),
    }
}

/// A number that is no year and no date or time by itself: digits with
/// thousands commas and at most one decimal point ("12", "1,000", "2.5"),
/// but not four digits alone. Such a number begins a pattern only as an
/// amount, a day or an hour, and so only before one of the words that
/// [`follows_number`]. Over CoNLL-2003 test, four in five of the numbers
/// the patterns were tried at are such numbers before another number or
/// punctuation (tables of results): half of all the places tried.
fn plain_number(w: &str) -> bool {
    let b = w.as_bytes();
    b.first().is_some_and(u8::is_ascii_digit)
        && b.iter().all(|&c| c.is_ascii_digit() || c == b',' || c == b'.')
        && b.iter().filter(|&&c| c == b'.').count() <= 1
        && !(b.len() == 4 && b.iter().all(u8::is_ascii_digit))
}

/// A score or a result, which no pattern reads: digits on both sides of
/// one hyphen ("2-1", "1996-97": no date of three parts, no amount), or a
/// time with hundredths ("1:45.30": no clock time). Over CoNLL-2003 test,
/// one in eleven of the places the [`plain_number`] gate lets through.
fn score(w: &str) -> bool {
    let digits = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    if let Some((a, b)) = w.split_once('-') {
        return digits(a) && digits(b);
    }
    let Some((minutes, rest)) = w.split_once(':') else { return false };
    let Some((seconds, hundredths)) = rest.split_once('.') else { return false };
    digits(minutes) && digits(seconds) && digits(hundredths)
}

/// Words a pattern reads right after a [`plain_number`], besides units,
/// months and fractions: "5 more years", "three business days", "2 and a
/// half years", "three times a week", "10-year", "5 pm", "3 in the
/// morning", "5 o'clock", "12 noon", "13th of May".
#[rustfmt::skip]
const AFTER_NUMBER: &[&str] = &[
    // Between an amount and its unit (`durations::duration`, `numbers::amount`).
    "more", "additional", "further", "straight", "consecutive", "successive", "full", "long", "fiscal",
    "calendar", "business", "trading", "working", "school", "and", "times",
    // A glued hyphen (`durations::hyphenated`).
    "-", "\u{2010}", "\u{2011}",
    // Clock times (`clock::clock_at`).
    "a.m.", "a.m", "am", "p.m.", "p.m", "pm", "in", "o'clock", "noon", "midnight",
    // A day before its month (`points::day_first`).
    "of",
];

/// Whether a pattern can go on past a [`plain_number`] to the word `w`.
fn follows_number(w: &str) -> bool {
    lexicon::unit(w).is_some()
        || lexicon::month(w).is_some()
        // A fraction ("2 1/2 years", "5\u{bd}").
        || w.contains('/')
        || matches!(w, "\u{bd}" | "\u{bc}" | "\u{be}")
        || AFTER_NUMBER.contains(&w)
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
    longest!(clock::find(v, i), points::find(v, i, options), deictic::find(v, i), durations::find(v, i))
}

/// The longest of some matches, in order, the first of equally long ones,
/// so that patterns listed first take precedence. Each match is kept or
/// dropped as it is found, not gathered into an array first (moving those
/// arrays of matches cost 7 M instructions over CoNLL-2003 test).
macro_rules! longest {
    ($($hit:expr),+ $(,)?) => {{
        let mut best: $crate::dates::finder::Hit = None;
        $(
            if let Some(c) = $hit
                && best.as_ref().is_none_or(|b| c.0 > b.0)
            {
                best = Some(c);
            }
        )+
        best
    }};
}
pub(crate) use longest;

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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Segmented;

    /// Tokens where [`may_start`] says no: no pattern may match there.
    fn skipped_but_matching(text: &str) -> Vec<String> {
        let seg = Segmented::new(text);
        let v = View::new(&seg);
        (0..v.len())
            .filter(|&i| !may_start(&v, i) && match_at(&v, i, &DateOptions::default()).is_some())
            .map(|i| format!("{:?} in {text:?}", v.w(i)))
            .collect()
    }

    /// The gate never skips a token where a pattern matches: every golden
    /// sentence, and sentences with each kind of expression at every casing.
    #[test]
    fn the_gate_skips_no_match() {
        let golden = include_str!("../../tests/dates/golden.tsv");
        let mut texts: Vec<String> = golden
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| l.split('\t').nth(1))
            .map(String::from)
            .collect();
        for t in [
            "It opened Jan. 13, on Thurs. and in Sept. 1996; Mondays and Tuesday nights.",
            "Earlier this year, at least two weeks ago, some three years later, in mid-1990s.",
            "The fiscal 1989 third quarter, Q3 2024, FY24, the '90s, the twentieth century.",
            "Christmas Eve, New Year's Day, Valentine's Day, Thanksgiving, Easter Monday.",
            "A couple of days, half a year, twice a week, every other month, daily, tonight.",
            "Right now, these days, the near future, the past year, currently, recently.",
            "It took under a week, just over a month, no more than a year, up to 10 days, the end of 1999.",
            "In the near future, the foreseeable future, the distant future and the short term, the same day.",
            "A further week, an additional day, a straight year, a long week, a business day, a trading day.",
            "A hundred years, a dozen times a year, in the twenties, the turn of the century, the dawn of 2000.",
            "The close of 1999, the beginning of May, the start of 1998, the middle of the week, the future.",
            "At least a week, at most two days, that same day, that night, his third day, its fiscal 1999 quarter.",
        ] {
            texts.push(t.to_string());
            texts.push(t.to_uppercase());
            texts.push(t.to_lowercase());
        }
        let bad: Vec<String> = texts.iter().flat_map(|t| skipped_but_matching(t)).collect();
        assert!(bad.is_empty(), "{bad:#?}");
    }

    /// Words with a digit in every place, around words that read a number,
    /// a year or a decade: where [`digit_word`] turns one away, no pattern
    /// matches there.
    #[test]
    fn words_with_digits_skipped_match_nothing() {
        let words = [
            "a380",
            "b2b",
            "u2",
            "x5",
            "mid-1990s",
            "pre-1990",
            "f16",
            "q3",
            "q5",
            "h1",
            "h3",
            "fy24",
            "fy2024",
            "fy",
            "'90s",
            "'96",
            "g7",
            "g8",
            "mp3",
            "4x4",
            "covid-19",
            "3q",
            "1990s",
            "5pm",
            "21st",
            "n95",
        ];
        let mut bad = Vec::new();
        for w in words {
            for case in [w.to_string(), w.to_uppercase(), format!("{}{}", w[..1].to_uppercase(), &w[1..])] {
                for text in [
                    format!("in {case} 1996"),
                    format!("in {case} quarter"),
                    format!("the {case} years ago"),
                    format!("since {case}, a week"),
                    format!("in {case}"),
                ] {
                    let seg = Segmented::new(&text);
                    let v = View::new(&seg);
                    for i in 0..v.len() {
                        if !may_start(&v, i) && match_at(&v, i, &DateOptions::default()).is_some() {
                            bad.push(format!("{:?} in {text:?}", v.w(i)));
                        }
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
    }

    /// Every word the date lexicon knows (each is a string literal in
    /// `lexicon.rs`) is a starter: a word added there cannot be skipped.
    #[test]
    fn every_lexicon_word_is_a_starter() {
        let source = include_str!("lexicon.rs");
        let mut missing = Vec::new();
        for w in source.split('"').skip(1).step_by(2) {
            let known = lexicon::month(w).is_some()
                || lexicon::weekday(w).is_some()
                || lexicon::unit(w).is_some()
                || lexicon::small_number(w).is_some()
                || lexicon::ordinal(w).is_some()
                || lexicon::is_vague_amount(w)
                || lexicon::season(w).is_some()
                || lexicon::day_part(w).is_some();
            if known && !w.bytes().any(|b| b.is_ascii_digit()) && !starters().contains(w) {
                missing.push(w);
            }
        }
        assert!(missing.is_empty(), "{missing:?}");
    }

    /// Every word the grammar names: each non-empty string literal of the
    /// pattern files that `keep` accepts, in lower and title case, and
    /// `extra`; sorted, without repeats.
    fn grammar_words(keep: fn(&str) -> bool, extra: &[&str]) -> Vec<String> {
        let sources = [
            include_str!("clock.rs"),
            include_str!("points.rs"),
            include_str!("deictic.rs"),
            include_str!("durations.rs"),
            include_str!("numbers.rs"),
            include_str!("lexicon.rs"),
            include_str!("finder.rs"),
        ];
        let mut words: Vec<String> = sources
            .iter()
            .flat_map(|s| s.split('"').skip(1).step_by(2))
            .filter(|w| !w.is_empty() && keep(w))
            .flat_map(|w| {
                let mut title = w.to_string();
                if let Some(c) = title.get_mut(..1) {
                    c.make_ascii_uppercase();
                }
                [w.to_string(), title]
            })
            .chain(extra.iter().map(|&w| String::from(w)))
            .collect();
        words.sort();
        words.dedup();
        assert!(words.len() > 800, "the grammar's words were read ({})", words.len());
        words
    }

    /// Every word the grammar names (each string literal of the pattern
    /// files), after each of the [`LEADS`], in front of the tails patterns
    /// read and after the prepositions some of them ask for, in lower and
    /// title case: where the gate skips the lead, no pattern matches there.
    /// A pattern that comes to read a new word after a lead fails this
    /// unless the word is a starter or on [`AFTER_LEAD`].
    #[test]
    fn the_lead_gate_skips_no_match() {
        let words = grammar_words(
            |w| w.chars().all(|c| c.is_alphabetic() || c == '\'' || c == '-'),
            &["\u{bd}", "\u{bc}", "\u{be}"],
        );
        let tails = [
            "",
            "of 1999",
            "of the year",
            "year",
            "years",
            "week",
            "weeks",
            "day",
            "quarter",
            "century",
            "future",
            "term",
            "two weeks",
            "a week",
            "times a week",
            "year-ago quarter",
            "ago",
        ];
        let mut bad = Vec::new();
        for det in LEADS {
            for w in &words {
                for tail in tails {
                    for before in ["", "in ", "over ", "for "] {
                        let text = format!("{before}{det} {w} {tail}");
                        let seg = Segmented::new(&text);
                        let v = View::new(&seg);
                        let i = usize::from(!before.is_empty());
                        if !may_start(&v, i) && match_at(&v, i, &DateOptions::default()).is_some() {
                            bad.push(text);
                        }
                    }
                }
            }
        }
        assert!(bad.is_empty(), "{bad:#?}");
        // No holiday's name begins with a lead (its second word would have to
        // be on the list), and every lead is a starter.
        assert!(lexicon::holiday_first_words().all(|w| !LEADS.contains(&w)));
        assert!(LEADS.iter().all(|&w| starters().contains(w)));
    }

    /// Every word the grammar names after each kind of [`plain_number`] and
    /// [`score`], in
    /// front of the tails patterns read, in lower and title case: where the
    /// gate skips the number, no pattern matches there. A pattern that comes
    /// to read a new word after a number fails this unless the word
    /// [`follows_number`].
    #[test]
    fn the_number_gate_skips_no_match() {
        let words = grammar_words(
            |w| !w.contains(char::is_whitespace) && !w.contains('\\'),
            &["\u{bd}", "\u{bc}", "\u{be}", "1/2", "3/4", "5", "1996", "2:30", "GMT", "A.M."],
        );
        let tails = [
            "",
            "1996",
            "of 1999",
            "of May",
            "May",
            "year",
            "years",
            "day",
            "days",
            "quarter",
            "a half years",
            "a week",
            "times a week",
            "ago",
            "the morning",
            "local time",
            "old",
        ];
        let numbers =
            ["1", "5", "12", "13", "30", "100", "1,000", "2.5", "3.30", "20000", "2-1", "10-12", "1996-97", "1:45.30"];
        let mut bad = Vec::new();
        let mut tried = 0;
        for n in numbers {
            for w in &words {
                for tail in tails {
                    for text in [format!("in {n} {w} {tail}"), format!("in {n}-{w} {tail}")] {
                        let seg = Segmented::new(&text);
                        let v = View::new(&seg);
                        // "1-0" and "5pm" are one token: not this number.
                        if v.w(1) != n {
                            continue;
                        }
                        tried += 1;
                        if !may_start(&v, 1) && match_at(&v, 1, &DateOptions::default()).is_some() {
                            bad.push(text);
                        }
                    }
                }
            }
        }
        assert!(tried > 300_000, "the number stayed a token of its own ({tried})");
        assert!(bad.is_empty(), "{bad:#?}");
    }
}
