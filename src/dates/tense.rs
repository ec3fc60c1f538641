//! The tense of the clause around an expression, from the nearest verb cue:
//! `will`, `is expected to`, `said`, `-ed` forms. It picks the year of
//! "February" and the week of "Friday" when the text does not say.

use super::view::View;

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Tense {
    Past,
    Present,
    Future,
    /// Either way: a deadline ("until Friday") in a clause that is not in
    /// the future tense; the nearest occurrence wins.
    Open,
    Unknown,
}

/// Words that open a new clause after an expression.
const CLAUSE_WORDS: &[&str] = &[
    "and", "but", "or", "while", "when", "because", "which", "who", "that", "after", "before", "if", "although",
    "though", "where", "whereas", "since", "until",
];

/// How far (in tokens) to look for a verb on each side.
const REACH: usize = 12;

/// The tense of the clause around tokens `start..end`.
pub(crate) fn tense_around(v: &View, start: usize, end: usize) -> Tense {
    let mut left = None;
    let lo = start.saturating_sub(REACH);
    let mut k = start;
    while k > lo {
        k -= 1;
        if !v.same_sentence(k, start) || matches!(v.w(k), ";" | "\u{201c}" | "\u{201d}" | "\"" | "``" | "''") {
            break;
        }
        if let Some(t) = cue(v, k) {
            left = Some((start - k, t));
            break;
        }
    }
    let mut right = None;
    let hi = (end + REACH).min(v.len());
    // A fronted adverbial ("On Friday, the board met") takes the tense of
    // the clause after its comma; elsewhere a comma ends the clause.
    let opener = |k: usize| {
        v.any(k, &["on", "by", "in", "since", "until", "early", "late", "last", "this", "next", "and", "but"])
    };
    let sentence_start = (lo..start).rev().find(|&k| !v.same_sentence(k, start)).map(|k| k + 1);
    let fronted = match sentence_start {
        Some(s) => (s..start).all(opener),
        None => lo == 0 && (0..start).all(opener),
    };
    let mut commas = 0;
    for k in end..hi {
        if v.is(k, ",") && fronted && commas == 0 {
            commas += 1;
            continue;
        }
        if !v.same_sentence(k, start) || matches!(v.w(k), "," | ";" | "\u{201c}" | "\u{201d}" | "\"" | "``" | "''") {
            break;
        }
        // A new clause begins: its verb is not this expression's.
        if v.any(k, CLAUSE_WORDS) {
            break;
        }
        if let Some(t) = cue(v, k) {
            right = Some((k + 1 - end, t));
            break;
        }
    }
    match (left, right) {
        (Some((dl, tl)), Some((dr, tr))) => {
            if dl <= dr + 2 {
                tl
            } else {
                tr
            }
        }
        (Some((_, t)), None) | (None, Some((_, t))) => t,
        (None, None) => Tense::Unknown,
    }
}

/// Whether the words before token `i` make a deadline of the date there,
/// which may lie ahead even in a past-tense clause: "extended *to* Nov. 20",
/// "*until* 9 a.m. Tuesday", "*as early as* Friday".
pub(crate) fn after_deadline_word(v: &View, i: usize) -> bool {
    if i == 0 {
        return false;
    }
    let w = v.w(i - 1);
    // "from Sept. 14 to Thursday" is a range, not a deadline.
    if w == "to" && (i.saturating_sub(8)..i).any(|k| v.is(k, "from")) {
        return false;
    }
    matches!(
        w,
        "until" | "till" | "to" | "through" | "by" | "before" | "expire" | "expires" | "due" | "effective" | "payable"
    ) || i >= 3 && v.is(i - 1, "as") && v.any(i - 2, &["early", "soon", "late"]) && v.is(i - 3, "as")
}

/// The tense a word at `k` signals, if any.
fn cue(v: &View, k: usize) -> Option<Tense> {
    let w = v.w(k);
    // Every cue is an ASCII word ("'ll" the one with an apostrophe first):
    // numbers and punctuation are turned away at once.
    if !w.as_bytes().first().is_some_and(|&b| b.is_ascii_lowercase() || b == b'\'') {
        return None;
    }
    let next = v.w(k + 1);
    let t = match w {
        "will" | "'ll" | "shall" | "wo" | "gonna" | "upcoming" | "would" => Tense::Future,
        // Modals point ahead unless a perfect follows: "could come Tuesday",
        // not "could have come".
        "may" | "might" | "could" | "can" | "should" | "must" if next != "have" && k > 0 && !v.capitalised(k) => {
            Tense::Future
        }
        "going" if next == "to" => Tense::Future,
        "expected" | "expects" | "expect" | "scheduled" | "slated" | "due" | "plans" | "planned" | "plan"
        | "planning" | "intends" | "intend" | "aims" | "hopes"
            if matches!(next, "to" | "for" | "on" | "at" | "in" | "")
                || matches!(w, "scheduled" | "slated" | "plans" | "planned" | "planning") =>
        {
            // "had been due to expire Friday": a plan in the past.
            if k >= 2 && (v.is(k - 1, "had") || v.is(k - 2, "had") && v.is(k - 1, "been")) {
                Tense::Past
            } else {
                Tense::Future
            }
        }
        "is" | "are" | "am" if next == "to" => Tense::Future,
        "set" if next == "to" => Tense::Future,
        "is" | "are" | "am" if next.ends_with("ing") && next.len() > 4 => Tense::Future,
        "was" | "were" | "had" | "did" | "has" | "have" => Tense::Past,
        "is" | "are" | "am" | "says" | "say" => Tense::Present,
        // A participle after "be" ("will be paid") is no tense of its own.
        // A participle after an auxiliary ("will be paid", "is heard", "has
        // said") has no tense of its own: the auxiliary gives it.
        _ if is_past_form(w)
            && !(k > 0
                && v.any(
                    k - 1,
                    &["be", "been", "being", "is", "are", "am", "'s", "'re", "was", "were", "has", "have", "had"],
                )) =>
        {
            Tense::Past
        }
        _ => return None,
    };
    Some(t)
}

/// Irregular past forms common in news, in byte order (looked up by halving).
const IRREGULAR_PAST: &[&str] = &[
    "arose",
    "beat",
    "became",
    "began",
    "bought",
    "broke",
    "brought",
    "built",
    "came",
    "caught",
    "chose",
    "drew",
    "drove",
    "fell",
    "felt",
    "fled",
    "flew",
    "forgot",
    "fought",
    "found",
    "froze",
    "gave",
    "got",
    "grew",
    "heard",
    "held",
    "hit",
    "hung",
    "kept",
    "knew",
    "led",
    "left",
    "lost",
    "made",
    "meant",
    "met",
    "overtook",
    "paid",
    "quit",
    "ran",
    "rose",
    "said",
    "sank",
    "sat",
    "saw",
    "sent",
    "shook",
    "shot",
    "sold",
    "sought",
    "spent",
    "spoke",
    "stole",
    "stood",
    "struck",
    "swore",
    "taught",
    "thought",
    "threw",
    "told",
    "took",
    "tore",
    "undertook",
    "underwent",
    "went",
    "withdrew",
    "woke",
    "won",
    "wore",
    "wrote",
];

/// Words ending in -ed that are not past forms.
const NOT_PAST: &[&str] = &[
    "need",
    "needed",
    "indeed",
    "speed",
    "seed",
    "feed",
    "bed",
    "red",
    "hundred",
    "proceed",
    "exceed",
    "succeed",
    "embed",
    "bleed",
    "breed",
    "shed",
    "wed",
    "united",
    "limited",
    "based",
    "related",
    "armed",
    "detailed",
    "expected",
    "scheduled",
    "planned",
    "proposed",
    "so-called",
    "alleged",
    "supposed",
    "advanced",
    "interested",
    "concerned",
    "reed",
    "weed",
    "greed",
    "deed",
    "creed",
    "steed",
    "tweed",
    "sled",
    "led",
    "fled",
    "ted",
    "ned",
];

/// For each first letter, the lengths of the [`IRREGULAR_PAST`] forms it
/// begins (bit `n` for length `n`): most words are told to be none of them
/// by their first letter and length, without halving the list.
const IRREGULAR_SHAPES: [u32; 26] = {
    let mut shapes = [0u32; 26];
    let mut k = 0;
    while k < IRREGULAR_PAST.len() {
        let b = IRREGULAR_PAST[k].as_bytes();
        shapes[(b[0] - b'a') as usize] |= 1 << b.len();
        k += 1;
    }
    shapes
};

fn is_irregular_past(w: &str) -> bool {
    let b = w.as_bytes();
    let shaped = match b.first() {
        Some(&c @ b'a'..=b'z') if b.len() < 32 => IRREGULAR_SHAPES[usize::from(c - b'a')] >> b.len() & 1 == 1,
        _ => false,
    };
    shaped && IRREGULAR_PAST.binary_search(&w).is_ok()
}

fn is_past_form(w: &str) -> bool {
    if is_irregular_past(w) {
        return true;
    }
    w.len() >= 5 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase()) && !NOT_PAST.contains(&w)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::Segmented;

    fn tense_of(text: &str, word: &str) -> Tense {
        let seg = Segmented::new(text);
        let v = View::new(&seg);
        let i = (0..v.len()).find(|&i| v.raw(i) == word).unwrap();
        tense_around(&v, i, i + 1)
    }

    #[test]
    fn irregular_past_forms_are_in_order() {
        assert!(IRREGULAR_PAST.windows(2).all(|p| p[0] < p[1]));
        assert!(IRREGULAR_PAST.iter().all(|w| w.bytes().all(|b| b.is_ascii_lowercase()) && is_irregular_past(w)));
        assert!(!is_irregular_past("sad") && !is_irregular_past("Said") && !is_irregular_past(""));
    }

    #[test]
    fn cues() {
        assert_eq!(tense_of("The minister will travel to Paris on Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("The minister travelled to Paris on Friday.", "Friday"), Tense::Past);
        assert_eq!(tense_of("The vote is expected on Friday.", "Friday"), Tense::Future);
        assert_eq!(tense_of("Elections are due in February, officials said.", "February"), Tense::Future);
        assert_eq!(tense_of("On Friday, the board met.", "Friday"), Tense::Past);
        assert_eq!(tense_of("Friday.", "Friday"), Tense::Unknown);
    }
}
