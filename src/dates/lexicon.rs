//! The words temporal expressions are built from: month and weekday names,
//! number words, calendar units, parts of the day, seasons and holidays.
//! Every lookup takes a lower-cased token.

/// A calendar or clock unit, as in "three *weeks*" or "last *month*".
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub(crate) enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Weekend,
    Week,
    Fortnight,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
    Millennium,
}

impl Unit {
    /// Whether the unit belongs to the clock (`PT…` durations).
    pub(crate) fn is_clock(self) -> bool {
        matches!(self, Unit::Second | Unit::Minute | Unit::Hour)
    }
}

/// A season of the year, with its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Season {
    Spring,
    Summer,
    Fall,
    Winter,
}

impl Season {
    pub(crate) fn code(self) -> &'static str {
        match self {
            Season::Spring => "SP",
            Season::Summer => "SU",
            Season::Fall => "FA",
            Season::Winter => "WI",
        }
    }

    /// The month the season starts in (northern hemisphere, meteorological).
    pub(crate) fn first_month(self) -> i8 {
        match self {
            Season::Spring => 3,
            Season::Summer => 6,
            Season::Fall => 9,
            Season::Winter => 12,
        }
    }
}

/// A part of the day, with its TIMEX3 code.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum DayPart {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl DayPart {
    pub(crate) fn code(self) -> &'static str {
        match self {
            DayPart::Morning => "MO",
            DayPart::Afternoon => "AF",
            DayPart::Evening => "EV",
            DayPart::Night => "NI",
        }
    }
}

/// The first bytes the words of a list begin with: a word that begins
/// otherwise is turned away before it is compared with every entry (most
/// words the finder asks about are no month, unit or ordinal).
#[derive(Clone, Copy)]
struct Initials(u128);

impl Initials {
    const fn of(bytes: &[u8]) -> Initials {
        let mut set = 0u128;
        let mut k = 0;
        while k < bytes.len() {
            set |= 1 << bytes[k];
            k += 1;
        }
        Initials(set)
    }

    fn admits(self, word: &str) -> bool {
        word.as_bytes().first().is_some_and(|&b| b < 128 && self.0 >> b & 1 == 1)
    }
}

const MONTH_INITIALS: Initials = Initials::of(b"jfmasond");
const WEEKDAY_INITIALS: Initials = Initials::of(b"mtwfs");
const UNIT_INITIALS: Initials = Initials::of(b"smhdwfqyc");
const NUMBER_INITIALS: Initials = Initials::of(b"zotfsen");
const ORDINAL_INITIALS: Initials = Initials::of(b"fsten0123456789");

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

/// The month (1–12) a word names: full names and the usual abbreviations
/// (`jan`, `jan.`, `sept.`). `may` and `march` are also ordinary words: the
/// finder checks capitals and context.
pub(crate) fn month(word: &str) -> Option<u8> {
    if !MONTH_INITIALS.admits(word) {
        return None;
    }
    let w = word.strip_suffix('.').unwrap_or(word);
    if w.len() < 3 {
        return None;
    }
    if let Some(i) = MONTHS.iter().position(|m| *m == w) {
        return Some(i as u8 + 1);
    }
    if w == "sept" {
        return Some(9);
    }
    if w.len() == 3 && w != "may" && w != "mar" && w != "jun" && w != "jul" {
        return MONTHS.iter().position(|m| m.starts_with(w)).map(|i| i as u8 + 1);
    }
    // `Mar.`, `Jun.`, `Jul.` only with their period: bare "mar" is a verb.
    if word.ends_with('.') && matches!(w, "mar" | "jun" | "jul") {
        return MONTHS.iter().position(|m| m.starts_with(w)).map(|i| i as u8 + 1);
    }
    None
}

const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// The ISO weekday (1 = Monday … 7 = Sunday) a word names, and whether it is
/// plural ("Mondays"). Abbreviations need their period (`Fri.`).
pub(crate) fn weekday(word: &str) -> Option<(u8, bool)> {
    if !WEEKDAY_INITIALS.admits(word) {
        return None;
    }
    if let Some(i) = WEEKDAYS.iter().position(|d| *d == word) {
        return Some((i as u8 + 1, false));
    }
    if let Some(stem) = word.strip_suffix('s')
        && let Some(i) = WEEKDAYS.iter().position(|d| *d == stem)
    {
        return Some((i as u8 + 1, true));
    }
    let abbr = word.strip_suffix('.')?;
    let i = match abbr {
        "mon" => 0,
        "tue" | "tues" => 1,
        "wed" => 2,
        "thu" | "thur" | "thurs" => 3,
        "fri" => 4,
        "sat" => 5,
        "sun" => 6,
        _ => return None,
    };
    Some((i + 1, false))
}

/// A unit word and whether it is plural: `day`, `weeks`, `hrs`.
pub(crate) fn unit(word: &str) -> Option<(Unit, bool)> {
    if !UNIT_INITIALS.admits(word) {
        return None;
    }
    let (u, plural) = match word {
        "second" | "sec" | "secs" => (Unit::Second, word != "second"),
        "seconds" => (Unit::Second, true),
        "minute" | "min" | "mins" => (Unit::Minute, word != "minute"),
        "minutes" => (Unit::Minute, true),
        "hour" | "hr" => (Unit::Hour, false),
        "hours" | "hrs" => (Unit::Hour, true),
        "day" => (Unit::Day, false),
        "days" => (Unit::Day, true),
        "weekend" | "week-end" => (Unit::Weekend, false),
        "weekends" => (Unit::Weekend, true),
        "week" => (Unit::Week, false),
        "weeks" => (Unit::Week, true),
        "fortnight" => (Unit::Fortnight, false),
        "fortnights" => (Unit::Fortnight, true),
        "month" => (Unit::Month, false),
        "months" => (Unit::Month, true),
        "quarter" => (Unit::Quarter, false),
        "quarters" => (Unit::Quarter, true),
        "year" | "yr" => (Unit::Year, false),
        "years" | "yrs" => (Unit::Year, true),
        "decade" => (Unit::Decade, false),
        "decades" => (Unit::Decade, true),
        "century" => (Unit::Century, false),
        "centuries" => (Unit::Century, true),
        "millennium" => (Unit::Millennium, false),
        "millennia" | "millenniums" => (Unit::Millennium, true),
        _ => return None,
    };
    Some((u, plural))
}

/// Cardinal number words below a hundred, as single tokens.
pub(crate) fn small_number(word: &str) -> Option<u32> {
    if !NUMBER_INITIALS.admits(word) {
        return None;
    }
    let n = match word {
        "zero" => 0,
        "one" => 1,
        "two" => 2,
        "three" => 3,
        "four" => 4,
        "five" => 5,
        "six" => 6,
        "seven" => 7,
        "eight" => 8,
        "nine" => 9,
        "ten" => 10,
        "eleven" => 11,
        "twelve" => 12,
        "thirteen" => 13,
        "fourteen" => 14,
        "fifteen" => 15,
        "sixteen" => 16,
        "seventeen" => 17,
        "eighteen" => 18,
        "nineteen" => 19,
        "twenty" => 20,
        "thirty" => 30,
        "forty" | "fourty" => 40,
        "fifty" => 50,
        "sixty" => 60,
        "seventy" => 70,
        "eighty" => 80,
        "ninety" => 90,
        _ => return None,
    };
    Some(n)
}

/// Ordinal words and numerals: `first`, `third`, `21st`, `twenty-first` is
/// two tokens and handled by the caller.
pub(crate) fn ordinal(word: &str) -> Option<u32> {
    if !ORDINAL_INITIALS.admits(word) {
        return None;
    }
    let n = match word {
        "first" => 1,
        "second" => 2,
        "third" => 3,
        "fourth" => 4,
        "fifth" => 5,
        "sixth" => 6,
        "seventh" => 7,
        "eighth" => 8,
        "ninth" => 9,
        "tenth" => 10,
        "eleventh" => 11,
        "twelfth" => 12,
        "thirteenth" => 13,
        "fourteenth" => 14,
        "fifteenth" => 15,
        "sixteenth" => 16,
        "seventeenth" => 17,
        "eighteenth" => 18,
        "nineteenth" => 19,
        "twentieth" => 20,
        "thirtieth" => 30,
        _ => {
            let digits = word.trim_end_matches(|c: char| c.is_ascii_alphabetic());
            let suffix = &word[digits.len()..];
            if digits.is_empty() || digits.len() > 4 || !digits.bytes().all(|b| b.is_ascii_digit()) {
                return None;
            }
            let n: u32 = digits.parse().ok()?;
            let expected = match (n % 100, n % 10) {
                (11..=13, _) => "th",
                (_, 1) => "st",
                (_, 2) => "nd",
                (_, 3) => "rd",
                _ => "th",
            };
            return (suffix == expected || (suffix == "d" && matches!(n % 10, 2 | 3))).then_some(n);
        }
    };
    Some(n)
}

/// Words that stand for a vague amount: "several years", "a few days".
pub(crate) fn is_vague_amount(word: &str) -> bool {
    matches!(word, "several" | "few" | "many" | "some" | "numerous" | "countless")
}

/// A season word.
pub(crate) fn season(word: &str) -> Option<Season> {
    match word {
        "spring" | "springtime" => Some(Season::Spring),
        "summer" | "summertime" => Some(Season::Summer),
        "fall" | "autumn" => Some(Season::Fall),
        "winter" | "wintertime" => Some(Season::Winter),
        _ => None,
    }
}

/// A part-of-day word and whether it is plural.
pub(crate) fn day_part(word: &str) -> Option<(DayPart, bool)> {
    let p = match word {
        "morning" => (DayPart::Morning, false),
        "mornings" => (DayPart::Morning, true),
        "afternoon" => (DayPart::Afternoon, false),
        "afternoons" => (DayPart::Afternoon, true),
        "evening" => (DayPart::Evening, false),
        "evenings" => (DayPart::Evening, true),
        "night" | "overnight" => (DayPart::Night, false),
        "nights" => (DayPart::Night, true),
        _ => return None,
    };
    Some(p)
}

/// Time zones written after a clock time; the value ignores them, as
/// TimeML values are local times.
pub(crate) fn is_time_zone(word: &str) -> bool {
    matches!(
        word,
        "gmt"
            | "utc"
            | "bst"
            | "cet"
            | "cest"
            | "eet"
            | "eest"
            | "est"
            | "edt"
            | "cst"
            | "cdt"
            | "mst"
            | "mdt"
            | "pst"
            | "pdt"
            | "et"
            | "pt"
            | "msk"
            | "ist"
            | "jst"
            | "aest"
            | "aedt"
            | "hkt"
            | "sgt"
            | "wib"
            | "z"
    )
}

/// When a holiday falls.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Holiday {
    /// Month and day.
    Fixed(u8, u8),
    /// Month, ISO weekday and which one (5 = the last).
    NthWeekday(u8, u8, u8),
    /// Days from Easter Sunday.
    Easter(i16),
}

/// The holidays by name (lower-cased words) and when they fall.
const HOLIDAYS: &[(&[&str], Holiday)] = {
    use Holiday::{Easter, Fixed, NthWeekday};
    &[
        (&["new", "year's", "day"], Fixed(1, 1)),
        (&["new", "year", "'s", "day"], Fixed(1, 1)),
        (&["new", "year's", "eve"], Fixed(12, 31)),
        (&["new", "year", "'s", "eve"], Fixed(12, 31)),
        (&["christmas", "eve"], Fixed(12, 24)),
        (&["christmas", "day"], Fixed(12, 25)),
        (&["christmas"], Fixed(12, 25)),
        (&["xmas"], Fixed(12, 25)),
        (&["boxing", "day"], Fixed(12, 26)),
        (&["valentine's", "day"], Fixed(2, 14)),
        (&["valentine", "'s", "day"], Fixed(2, 14)),
        (&["st.", "patrick's", "day"], Fixed(3, 17)),
        (&["st.", "patrick", "'s", "day"], Fixed(3, 17)),
        (&["independence", "day"], Fixed(7, 4)),
        (&["halloween"], Fixed(10, 31)),
        (&["veterans", "day"], Fixed(11, 11)),
        (&["armistice", "day"], Fixed(11, 11)),
        (&["bastille", "day"], Fixed(7, 14)),
        (&["may", "day"], Fixed(5, 1)),
        (&["thanksgiving", "day"], NthWeekday(11, 4, 4)),
        (&["thanksgiving"], NthWeekday(11, 4, 4)),
        (&["labor", "day"], NthWeekday(9, 1, 1)),
        (&["memorial", "day"], NthWeekday(5, 1, 5)),
        (&["martin", "luther", "king", "day"], NthWeekday(1, 1, 3)),
        (&["presidents", "day"], NthWeekday(2, 1, 3)),
        (&["presidents'", "day"], NthWeekday(2, 1, 3)),
        (&["mother's", "day"], NthWeekday(5, 7, 2)),
        (&["mother", "'s", "day"], NthWeekday(5, 7, 2)),
        (&["father's", "day"], NthWeekday(6, 7, 3)),
        (&["father", "'s", "day"], NthWeekday(6, 7, 3)),
        (&["columbus", "day"], NthWeekday(10, 1, 2)),
        (&["easter", "sunday"], Easter(0)),
        (&["easter", "day"], Easter(0)),
        (&["easter", "monday"], Easter(1)),
        (&["easter"], Easter(0)),
        (&["good", "friday"], Easter(-2)),
        (&["holy", "thursday"], Easter(-3)),
        (&["maundy", "thursday"], Easter(-3)),
        (&["holy", "saturday"], Easter(-1)),
        (&["palm", "sunday"], Easter(-7)),
        (&["ash", "wednesday"], Easter(-46)),
        (&["shrove", "tuesday"], Easter(-47)),
        (&["ascension", "day"], Easter(39)),
        (&["pentecost"], Easter(49)),
        (&["whit", "sunday"], Easter(49)),
    ]
};

/// The first words of the [`HOLIDAYS`], in byte order: most words the
/// finder asks about begin no holiday and are turned away by halving this
/// list, not compared with every name.
#[rustfmt::skip]
const HOLIDAY_FIRST_WORDS: &[&str] = &[
    "armistice", "ascension", "ash", "bastille", "boxing", "christmas", "columbus", "easter", "father",
    "father's", "good", "halloween", "holy", "independence", "labor", "martin", "maundy", "may", "memorial",
    "mother", "mother's", "new", "palm", "pentecost", "presidents", "presidents'", "shrove", "st.",
    "thanksgiving", "valentine", "valentine's", "veterans", "whit", "xmas",
];

/// A holiday named by the words at the start of `words` (lower-cased):
/// how many words it takes and when it falls.
pub(crate) fn holiday(words: &[&str]) -> Option<(usize, Holiday)> {
    if HOLIDAY_FIRST_WORDS.binary_search(words.first()?).is_err() {
        return None;
    }
    HOLIDAYS.iter().find_map(|(pat, h)| {
        (words.len() >= pat.len() && words.iter().zip(pat.iter()).all(|(a, b)| a == b)).then_some((pat.len(), *h))
    })
}

/// The words a holiday's name can begin with.
pub(crate) fn holiday_first_words() -> impl Iterator<Item = &'static str> {
    HOLIDAYS.iter().map(|(pat, _)| pat[0])
}

/// Every full month name (the abbreviations are its prefixes).
pub(crate) fn month_names() -> &'static [&'static str] {
    &MONTHS
}

/// Every weekday name (the abbreviations are its prefixes).
pub(crate) fn weekday_names() -> &'static [&'static str] {
    &WEEKDAYS
}

/// Easter Sunday of a Gregorian year, as (month, day): the anonymous
/// Gregorian computus (Meeus/Jones/Butcher).
pub(crate) fn easter(year: i32) -> (u8, u8) {
    let a = year.rem_euclid(19);
    let b = year.div_euclid(100);
    let c = year.rem_euclid(100);
    let (d, e) = (b / 4, b % 4);
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let (i, k) = (c / 4, c % 4);
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let n = h + l - 7 * m + 114;
    ((n / 31) as u8, (n % 31 + 1) as u8)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every word a list names begins with one of its initials: the arms
    /// of each function's `match` (a word listed in an arm there, `"hrs" |`
    /// or `"hrs" =>`, is a word the function reads) and the month and
    /// weekday names, whose abbreviations are their prefixes.
    #[test]
    fn every_listed_word_is_admitted() {
        let source = include_str!("lexicon.rs");
        for (name, initials) in [
            ("unit", UNIT_INITIALS),
            ("small_number", NUMBER_INITIALS),
            ("ordinal", ORDINAL_INITIALS),
            ("weekday", WEEKDAY_INITIALS),
            ("month", MONTH_INITIALS),
        ] {
            let start = source.find(&format!("pub(crate) fn {name}(")).unwrap();
            let body = &source[start..start + source[start..].find("\n}\n").unwrap()];
            let pieces: Vec<&str> = body.split('"').collect();
            let mut listed = 0;
            for k in (1..pieces.len()).step_by(2) {
                let after = pieces.get(k + 1).map_or("", |a| a.trim_start());
                if after.starts_with("=>") || after.starts_with('|') {
                    listed += 1;
                    assert!(initials.admits(pieces[k]), "{name}: {:?}", pieces[k]);
                }
            }
            assert!(listed > 4 || matches!(name, "month" | "weekday"), "{name}: {listed} words");
        }
        assert!(MONTHS.iter().all(|w| MONTH_INITIALS.admits(w)) && WEEKDAYS.iter().all(|w| WEEKDAY_INITIALS.admits(w)));
        assert!((0..=9).all(|d| ORDINAL_INITIALS.admits(&format!("{d}th"))));
    }

    #[test]
    fn holiday_first_words_are_listed_in_order() {
        let mut firsts: Vec<&str> = HOLIDAYS.iter().map(|(pat, _)| pat[0]).collect();
        firsts.sort_unstable();
        firsts.dedup();
        assert_eq!(HOLIDAY_FIRST_WORDS, firsts);
    }

    #[test]
    fn months_and_abbreviations() {
        assert_eq!(month("january"), Some(1));
        assert_eq!(month("sept."), Some(9));
        assert_eq!(month("sep"), Some(9));
        assert_eq!(month("dec."), Some(12));
        assert_eq!(month("mar"), None);
        assert_eq!(month("mar."), Some(3));
        assert_eq!(month("ma"), None);
    }

    #[test]
    fn weekdays_units_ordinals() {
        assert_eq!(weekday("friday"), Some((5, false)));
        assert_eq!(weekday("mondays"), Some((1, true)));
        assert_eq!(weekday("fri."), Some((5, false)));
        assert_eq!(weekday("fri"), None);
        assert_eq!(unit("weeks"), Some((Unit::Week, true)));
        assert_eq!(ordinal("21st"), Some(21));
        assert_eq!(ordinal("22nd"), Some(22));
        assert_eq!(ordinal("11th"), Some(11));
        assert_eq!(ordinal("11st"), None);
        assert_eq!(ordinal("third"), Some(3));
    }

    #[test]
    fn holidays() {
        assert_eq!(holiday(&["christmas", "eve", "party"]), Some((2, Holiday::Fixed(12, 24))));
        assert_eq!(holiday(&["thanksgiving", "day"]), Some((2, Holiday::NthWeekday(11, 4, 4))));
        assert_eq!(holiday(&["good", "friday"]), Some((2, Holiday::Easter(-2))));
        assert_eq!(easter(2013), (3, 31));
        assert_eq!(easter(2024), (3, 31));
        assert_eq!(easter(2025), (4, 20));
        assert_eq!(easter(2000), (4, 23));
    }
}
