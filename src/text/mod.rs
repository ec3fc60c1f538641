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
}

impl<'t> Segmented<'t> {
    pub fn new(text: &'t str) -> Segmented<'t> {
        let tokens = tokenize(text);
        let sentences = split_sentences(text, &tokens);
        Segmented { text, tokens, sentences }
    }

    /// The text of token `i`. Out of line in wasm: inlined at its hundreds
    /// of callers, the slicing's checks cost the page kilobytes. Natively,
    /// where size does not count, inlined (8 M instructions less over
    /// CoNLL-2003 test together with `Span::slice` and the quotation
    /// layer's lower-case forms).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn word(&self, i: usize) -> &'t str {
        self.tokens[i].span.slice(self.text)
    }

    /// The tokens of sentence `s`.
    pub fn sentence_tokens(&self, s: &Sentence) -> &[Token] {
        &self.tokens[s.tokens.clone()]
    }
}
