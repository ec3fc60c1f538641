//! Tokens and sentences: the segmentation every finder builds on.
//! Tokens and sentences index the original text by byte spans.

mod sentences;
mod tokenize;

pub use sentences::{Sentence, split_sentences};
pub use tokenize::{Token, TokenKind, tokenize};

/// A text cut into tokens and sentences, computed once and shared by the finders.
#[derive(Clone, Debug)]
pub struct Segmented<'t> {
    pub text: &'t str,
    pub tokens: Vec<Token>,
    pub sentences: Vec<Sentence>,
    /// Each token's text, sliced once: the finders read a word dozens of
    /// times per token, and an index costs less than slicing a `str` again.
    words: Vec<&'t str>,
}

impl<'t> Segmented<'t> {
    pub fn new(text: &'t str) -> Segmented<'t> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        let words = tokens.iter().map(|t| t.span.slice(text)).collect();
        Segmented { text, tokens, sentences, words }
    }

    /// The text of token `i`: an index into the words sliced once, small
    /// enough to inline at its hundreds of callers in wasm too.
    #[inline]
    pub fn word(&self, i: usize) -> &'t str {
        self.words[i]
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }
}
