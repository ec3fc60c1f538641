//! The token view the date finder reads: lower-cased words, kinds and
//! sentence numbers, with out-of-range reads returning empty words so that
//! patterns can look ahead without bounds checks.

use std::borrow::Cow;
use std::cell::Cell;

use crate::span::Span;
use crate::text::{Segmented, Token, TokenKind};

/// What [`super::numbers::amount`] read at a token: the index after it and the amount.
pub(crate) type AmountAt = Option<(usize, super::numbers::Amount)>;

/// The tokens' spans, kinds and spacing are read from the segmentation
/// itself, not copied into vectors of their own.
pub(crate) struct View<'t> {
    seg: &'t Segmented<'t>,
    tokens: &'t [Token],
    /// Every token lower-cased: most are already, and borrow the text.
    low: Vec<Cow<'t, str>>,
    /// Index of the sentence each token belongs to.
    sentence: Vec<u32>,
    /// [`super::numbers::amount`] at the last tokens it was read at, by
    /// token index modulo the length: the patterns tried at a place ask it
    /// at the same few tokens again and again, and a few slots keep those
    /// without one for every token of the document.
    pub(crate) amounts: [Cell<Option<(usize, AmountAt)>>; 4],
}

impl<'t> View<'t> {
    pub fn new(seg: &'t Segmented<'t>) -> View<'t> {
        let n = seg.tokens.len();
        let mut sentence = vec![0u32; n];
        for (k, s) in seg.sentences.iter().enumerate() {
            for i in s.tokens.clone() {
                if let Some(x) = sentence.get_mut(i) {
                    *x = k as u32;
                }
            }
        }
        View {
            seg,
            tokens: &seg.tokens,
            low: (0..n).map(|i| lower(seg.word(i))).collect(),
            sentence,
            amounts: Default::default(),
        }
    }

    pub fn len(&self) -> usize {
        self.low.len()
    }

    /// The lower-cased word at `i`, or "" past the end.
    pub fn w(&self, i: usize) -> &str {
        self.low.get(i).map_or("", |w| w)
    }

    /// The original text of token `i`, or "".
    pub fn raw(&self, i: usize) -> &'t str {
        if i < self.tokens.len() { self.seg.word(i) } else { "" }
    }

    pub fn is(&self, i: usize, word: &str) -> bool {
        self.w(i) == word
    }

    pub fn any(&self, i: usize, words: &[&str]) -> bool {
        let w = self.w(i);
        !w.is_empty() && words.contains(&w)
    }

    pub fn kind(&self, i: usize) -> Option<TokenKind> {
        self.tokens.get(i).map(|t| t.kind)
    }

    /// Whether a line break precedes token `i` (< `len()`).
    pub fn line_start(&self, i: usize) -> bool {
        self.tokens[i].newlines_before > 0
    }

    /// Whether token `i` starts with a capital letter.
    pub fn capitalised(&self, i: usize) -> bool {
        self.raw(i).starts_with(|c: char| c.is_uppercase())
    }

    /// Whether token `i` is written all in capitals (a headline or dateline).
    pub fn all_caps(&self, i: usize) -> bool {
        let r = self.raw(i);
        r.chars().any(char::is_alphabetic) && !r.chars().any(char::is_lowercase)
    }

    /// Whether tokens `i` and `j` lie in the same sentence.
    pub fn same_sentence(&self, i: usize, j: usize) -> bool {
        i < self.len() && j < self.len() && self.sentence[i] == self.sentence[j]
    }

    /// Whether `i` is a hyphen glued to both neighbours ("third-quarter").
    pub fn glued_hyphen(&self, i: usize) -> bool {
        matches!(self.w(i), "-" | "\u{2010}" | "\u{2011}")
            && i + 1 < self.len()
            && !self.tokens[i].space_before
            && !self.tokens[i + 1].space_before
    }

    /// The span covering tokens `a..b` (b exclusive, b > a).
    pub fn span(&self, a: usize, b: usize) -> Span {
        Span::new(self.tokens[a].span.start, self.tokens[b - 1].span.end)
    }
}

/// Lower-cases a token, folding the typographic apostrophe to `'`; a token
/// that is already so (most are) is borrowed, not copied, and an ASCII one
/// is lowered in one pass over its bytes, not char by char.
fn lower(s: &str) -> Cow<'_, str> {
    if s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        return Cow::Borrowed(s);
    }
    if s.is_ascii() {
        return Cow::Owned(s.to_ascii_lowercase());
    }
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '\u{2019}' | '\u{2018}' | '\u{02BC}' => out.push('\''),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            c => out.extend(c.to_lowercase()),
        }
    }
    Cow::Owned(out)
}
