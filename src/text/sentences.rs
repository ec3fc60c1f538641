//! Sentence splitting over tokens: terminal punctuation followed by a likely
//! sentence start, and line structure (blank lines, headlines, datelines).

use std::ops::Range;

use super::tokenize::{Token, TokenKind};
use crate::span::Span;

/// A sentence: a run of tokens and the span from its first to its last token.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Sentence {
    pub tokens: Range<usize>,
    pub span: Span,
}

/// Titles that precede a name; their period never ends a sentence.
const TITLES: &[&str] = &[
    "mr.", "mrs.", "ms.", "dr.", "prof.", "sr.", "st.", "mt.", "gen.", "lt.", "col.", "maj.", "capt.", "sgt.", "adm.",
    "gov.", "sen.", "rep.", "rev.", "hon.", "pres.", "messrs.", "no.", "vs.", "jan.", "feb.", "mar.", "apr.", "jun.",
    "jul.", "aug.", "sep.", "sept.", "oct.", "nov.", "dec.",
];

/// Words that typically open a sentence, so that `… in the U.S. The …` splits.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "On",
    "At",
    "As",
    "If",
    "When",
    "While",
    "After",
    "Before",
    "However",
    "Meanwhile",
    "Some",
    "Many",
    "Most",
    "Other",
    "Officials",
    "Police",
];

fn is_closer(t: &str) -> bool {
    matches!(t, "\"" | "'" | "\u{201D}" | "\u{2019}" | ")" | "]" | "\u{BB}" | "\u{203A}")
}

/// Splits the tokens of `text` into sentences. Linear in the number of tokens.
pub fn split_sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while i < tokens.len() {
        let t = &tokens[i];
        let w = t.span.slice(text);
        let mut end_here = false;
        // A line break inside the sentence so far: a blank line always ends the
        // sentence before it; a single break does unless the next line reads
        // as the continuation of a hard-wrapped line.
        if i > start && t.newlines_before > 0 {
            let continues = t.newlines_before == 1 && starts_lowercase(w) && !ends_terminal(text, &tokens[i - 1]);
            if !continues {
                push(&mut out, tokens, start, i);
                start = i;
            }
        }
        if t.kind == TokenKind::Punct && matches!(w.chars().next(), Some('.' | '!' | '?' | '\u{2026}')) {
            end_here = true;
        } else if t.kind == TokenKind::Word && w.ends_with('.') && w.len() > 1 {
            // Abbreviation: ends the sentence only before a line break or an opener.
            let lower = w.to_lowercase();
            if !TITLES.contains(&lower.as_str()) && !is_single_initial(w) {
                let next = tokens.get(i + 1);
                end_here = next.is_none_or(|n| n.newlines_before > 0 || OPENERS.contains(&n.span.slice(text)));
            }
        }
        if end_here {
            // Closing quotes and brackets right after the mark stay with the sentence.
            let mut j = i + 1;
            while j < tokens.len()
                && tokens[j].newlines_before == 0
                && is_closer(tokens[j].span.slice(text))
                && !opens_next(text, tokens, j)
            {
                j += 1;
            }
            let next_starts =
                tokens.get(j).is_none_or(|n| n.newlines_before > 0 || could_start_sentence(n.span.slice(text)));
            if next_starts && (j > i + 1 || tokens.get(j).is_none_or(|n| n.space_before)) {
                push(&mut out, tokens, start, j);
                start = j;
                i = j;
                continue;
            }
        }
        i += 1;
    }
    push(&mut out, tokens, start, tokens.len());
    out
}

fn push(out: &mut Vec<Sentence>, tokens: &[Token], start: usize, end: usize) {
    if start < end {
        let span = Span::new(tokens[start].span.start, tokens[end - 1].span.end);
        out.push(Sentence { tokens: start..end, span });
    }
}

fn starts_lowercase(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_lowercase)
}

fn is_single_initial(w: &str) -> bool {
    let mut cs = w.chars();
    matches!((cs.next(), cs.next(), cs.next()), (Some(c), Some('.'), None) if c.is_uppercase())
}

fn ends_terminal(text: &str, t: &Token) -> bool {
    let w = t.span.slice(text);
    w.ends_with(['.', '!', '?', ':', '"', '\u{201D}'])
}

/// A straight quote after a period that is followed by a word with no space
/// opens the next quotation rather than closing this one.
fn opens_next(text: &str, tokens: &[Token], j: usize) -> bool {
    let w = tokens[j].span.slice(text);
    matches!(w, "\"" | "'") && tokens[j].space_before && tokens.get(j + 1).is_some_and(|n| !n.space_before)
}

fn could_start_sentence(w: &str) -> bool {
    w.chars().next().is_some_and(|c| !c.is_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::tokenize;

    fn sentences(text: &str) -> Vec<&str> {
        split_sentences(text, &tokenize(text)).iter().map(|s| s.span.slice(text)).collect()
    }

    #[test]
    fn splits_on_terminal_punctuation() {
        assert_eq!(sentences("He left. She stayed! Why? Fine."), ["He left.", "She stayed!", "Why?", "Fine."]);
    }

    #[test]
    fn abbreviations_do_not_split() {
        assert_eq!(
            sentences("Mr. Smith met Dr. J. Lee in the U.S. on Jan. 5. The talks ended."),
            ["Mr. Smith met Dr. J. Lee in the U.S. on Jan. 5.", "The talks ended."]
        );
        assert_eq!(sentences("It moved to the U.S. The end."), ["It moved to the U.S.", "The end."]);
    }

    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        assert_eq!(
            sentences("\u{201C}We are ready.\u{201D} He left. \"Go.\" \"Now.\""),
            ["\u{201C}We are ready.\u{201D}", "He left.", "\"Go.\"", "\"Now.\""]
        );
    }

    #[test]
    fn lines_split_headlines_but_not_wrapped_text() {
        assert_eq!(
            sentences("Nato chief warns\nLONDON 1996-08-30\nThe talks went on\nand on.\n\nNext para"),
            ["Nato chief warns", "LONDON 1996-08-30", "The talks went on\nand on.", "Next para"]
        );
    }

    #[test]
    fn decimal_numbers_and_lowercase_continuations() {
        assert_eq!(sentences("It grew 3.5 percent. Then it fell."), ["It grew 3.5 percent.", "Then it fell."]);
        assert_eq!(sentences("Wait... what? ok."), ["Wait... what? ok."]);
    }
}
