//! Noun phrases that can name a speaker, read off the tokens around a speech
//! verb: names ("Rep. Jim Clyburn"), pronouns ("she"), and descriptions
//! ("the Nato chief", "a spokeswoman for the ministry", "officials").

use std::ops::Range;

use super::lexicon::{
    VerbForm, is_capitalised_function_word, is_determiner, is_function_word, is_name_particle, is_subject_pronoun,
    verb_reading,
};
use crate::span::Span;
use crate::text::{Segmented, TokenKind};

/// The longest description read, in tokens.
const MAX_DESCRIPTION: usize = 12;

/// What kind of phrase names the speaker.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum NpKind {
    Name,
    Pronoun,
    Description,
}

/// A noun phrase: its tokens, its span in the text, its kind.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Np {
    pub toks: Range<usize>,
    pub span: Span,
    pub kind: NpKind,
}

/// The segmented text with what the phrase reader needs per token.
pub struct Ctx<'a> {
    pub seg: &'a Segmented<'a>,
    /// Where each token's lower-case form is: the text, where it is already
    /// lower case (most tokens are), else a stretch of `owned`.
    lowered: Vec<Lower<'a>>,
    /// The lower-case forms of the other tokens, one after the other.
    owned: String,
    /// Whether a token lies inside quotation marks (marks included).
    pub quoted: Vec<bool>,
    /// The sentence of each token.
    pub sentence: Vec<usize>,
    /// The paragraph of each token.
    pub para: Vec<usize>,
    /// Each token as a speech verb out of context: (form, noun-like base
    /// form, "put" or "puts").
    verbs: Vec<(Option<VerbForm>, bool, bool)>,
}

impl<'a> Ctx<'a> {
    pub fn new(seg: &'a Segmented<'a>, quoted_spans: &[Span], paras: &[Span]) -> Ctx<'a> {
        let n = seg.tokens.len();
        let mut owned = String::new();
        let lowered: Vec<Lower> = seg.tokens.iter().map(|t| lower_case(t.span.slice(seg.text), &mut owned)).collect();
        let mut sentence = vec![0; n];
        for (s, sent) in seg.sentences.iter().enumerate() {
            for slot in &mut sentence[sent.tokens.clone()] {
                *slot = s;
            }
        }
        // A sweep over the sorted, disjoint spans: linear in tokens plus spans.
        let mut quoted = vec![false; n];
        let mut spans: Vec<Span> = quoted_spans.to_vec();
        spans.sort();
        let mut k = 0;
        for (i, t) in seg.tokens.iter().enumerate() {
            while k < spans.len() && spans[k].end <= t.span.start {
                k += 1;
            }
            quoted[i] = spans.get(k).is_some_and(|s| s.start <= t.span.start && t.span.end <= s.end);
        }
        let mut para = vec![0; n];
        let mut p = 0;
        for (i, t) in seg.tokens.iter().enumerate() {
            while p + 1 < paras.len() && paras[p].end <= t.span.start {
                p += 1;
            }
            para[i] = p;
        }
        let verbs = lowered
            .iter()
            .map(|&w| {
                let w = w.get(&owned);
                let (verb, noun_like) = verb_reading(w);
                (verb, noun_like, matches!(w, "put" | "puts"))
            })
            .collect();
        Ctx { seg, lowered, owned, quoted, sentence, para, verbs }
    }

    /// Token `i` in lower case. Out of line in wasm (as `Segmented::word`):
    /// inlined at its many callers, the slicing's checks cost the page kilobytes.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn lower(&self, i: usize) -> &str {
        self.lowered[i].get(&self.owned)
    }

    /// Token `i` in lower case, if there is a token `i`.
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn lower_at(&self, i: usize) -> Option<&str> {
        self.lowered.get(i).map(|w| w.get(&self.owned))
    }

    pub fn len(&self) -> usize {
        self.seg.tokens.len()
    }

    pub fn word(&self, i: usize) -> &'a str {
        self.seg.word(i)
    }

    pub fn span(&self, toks: Range<usize>) -> Span {
        let t = &self.seg.tokens;
        Span::new(t[toks.start].span.start, t[toks.end - 1].span.end)
    }

    pub fn is_word(&self, i: usize) -> bool {
        self.seg.tokens[i].kind == TokenKind::Word
    }

    /// Capitalised word that can be part of a name.
    pub fn is_name_word(&self, i: usize) -> bool {
        let w = self.word(i);
        self.is_word(i)
            && !self.quoted[i]
            && w.chars().next().is_some_and(char::is_uppercase)
            && !is_capitalised_function_word(self.lower(i))
    }

    /// The first token of the sentence of token `i`.
    pub fn sentence_start(&self, i: usize) -> usize {
        self.seg.sentences[self.sentence[i]].tokens.start
    }

    /// The end (exclusive) of the sentence of token `i`.
    pub fn sentence_end(&self, i: usize) -> usize {
        self.seg.sentences[self.sentence[i]].tokens.end
    }

    /// Whether token `i` is a speech verb used as a verb: in lower case (or
    /// opening its sentence: "Said Ellis: …"), not after a determiner or a
    /// possessive ("the report", "Rutte's call"), not in "so-called".
    #[inline]
    pub fn cue_at(&self, i: usize) -> Option<VerbForm> {
        // Most words are no speech verb and no "put": told here, inline, at
        // the many callers that try every token.
        match self.verbs.get(i) {
            Some((None, false, false)) | None => None,
            Some(_) => self.cue_in_context(i),
        }
    }

    /// [`Ctx::cue_at`] for a token that reads as a speech verb (or "put") out of context.
    fn cue_in_context(&self, i: usize) -> Option<VerbForm> {
        if self.quoted[i] || !self.is_word(i) {
            return None;
        }
        let w = self.word(i);
        let (verb, noun_like, put) = self.verbs[i];
        if put && self.lower_at(i + 1).is_some_and(|n| n == "it") {
            return Some(VerbForm::Finite); // "as she put it"
        }
        if verb.is_none() && !noun_like {
            return None; // not a speech verb (most words)
        }
        let clause_follows = self.lower_at(i + 1).is_some_and(|n| n == ":" || n == "that");
        // "who call it", "they claim": after a subject pronoun the base form is a verb.
        let after_subject = i > 0 && matches!(self.lower(i - 1), "who" | "they" | "we" | "i" | "you");
        let form = verb.or_else(|| ((clause_follows || after_subject) && noun_like).then_some(VerbForm::Finite))?;
        if w.chars().next().is_some_and(char::is_uppercase) && (i != self.sentence_start(i) || form != VerbForm::Finite)
        {
            return None;
        }
        if i > 0 {
            let p = self.lower(i - 1);
            let after_pronoun = i > 1 && is_subject_pronoun(self.lower(i - 2));
            if is_determiner(p)
                || is_possessive(p) && !after_pronoun && !self.quoted[i - 1]
                || p.ends_with("ly") && i > 1 && is_determiner(self.lower(i - 2))
            {
                return None;
            }
            if p == "so" || p == "-" && i > 1 && self.lower(i - 2) == "so" {
                return None; // so-called
            }
        }
        Some(form)
    }

    /// A word a description may hold: a word, a number, a hyphen inside a
    /// compound ("34-year-old"), a possessive ending.
    fn is_np_piece(&self, i: usize) -> bool {
        let k = self.seg.tokens[i].kind;
        (k == TokenKind::Word || k == TokenKind::Number || self.joins_hyphen(i) || is_possessive(self.lower(i)))
            && !self.quoted[i]
    }

    pub fn np(&self, toks: Range<usize>, kind: NpKind) -> Np {
        let span = self.span(toks.clone());
        Np { toks, span, kind }
    }

    /// A name made of capitalised words, titles, initials, particles and
    /// hyphens, read rightwards from `i`; returns the end (exclusive).
    fn name_right(&self, i: usize, limit: usize) -> usize {
        let mut j = i;
        while j < limit {
            if self.is_name_word(j) {
                j += 1;
            } else if j > i
                && j + 1 < limit
                && self.is_name_word(j + 1)
                && (is_name_particle(self.lower(j)) || self.joins_hyphen(j))
            {
                j += 2;
            } else {
                break;
            }
        }
        j
    }

    /// A hyphen with no space around it between two name words (Holtz-Eakin).
    fn joins_hyphen(&self, j: usize) -> bool {
        let t = &self.seg.tokens;
        self.word(j) == "-" && !t[j].space_before && j + 1 < t.len() && !t[j + 1].space_before
    }

    /// A name read leftwards ending at `end` (exclusive); returns its start.
    fn name_left(&self, end: usize, floor: usize) -> usize {
        let mut i = end;
        while i > floor {
            if self.is_name_word(i - 1) {
                i -= 1;
            } else if i - 1 > floor
                && i < end
                && self.is_name_word(i - 2)
                && (is_name_particle(self.lower(i - 1)) || self.joins_hyphen(i - 1))
            {
                i -= 2;
            } else {
                break;
            }
        }
        i
    }

    /// The subject phrase that ends at token `end - 1`, reading leftwards no
    /// further than `floor`: a pronoun, a name, or a description.
    pub fn np_left(&self, end: usize, floor: usize) -> Option<Np> {
        if end <= floor || end > self.len() {
            return None;
        }
        let last = end - 1;
        if self.quoted[last] {
            return None;
        }
        let lw = self.lower(last);
        if is_subject_pronoun(lw) {
            return Some(self.np(last..end, NpKind::Pronoun));
        }
        if self.is_name_word(last) {
            let mut start = self.name_left(end, floor);
            // "Analyst Priya Shah of Peel Hunt": the phrase reaches the name
            // before "of", and the person among them speaks.
            if start >= floor + 2 && self.lower(start - 1) == "of" && self.is_name_word(start - 2) {
                start = self.name_left(start - 1, floor);
            }
            // "Nato chief Mark Rutte" keeps the name; "Clinton spokesman Nick Merrill" too.
            return Some(self.np(start..end, NpKind::Name));
        }
        if !self.is_word(last) || is_function_word(lw) || is_determiner(lw) || self.cue_at(last).is_some() {
            return None;
        }
        // A description: words back to a determiner ("the Nato chief", "the
        // mother of three"), or a bare plural, a number ("63 percent") or a
        // possessor ("officials", "Clinton's campaign").
        let low = end.saturating_sub(MAX_DESCRIPTION).max(floor);
        let mut i = last;
        let mut possessor = false;
        let mut joined = false; // passed an "of" or "and": only a determiner closes the phrase then
        while i > low {
            let p = i - 1;
            let pw = self.lower(p);
            if self.quoted[p] {
                break;
            }
            if is_determiner(pw) {
                return Some(self.np(p..end, NpKind::Description));
            }
            if self.seg.tokens[p].kind == TokenKind::Number {
                return Some(self.np(p..end, NpKind::Description));
            }
            if is_possessive(pw) && p > floor {
                possessor = true;
                i = p;
                continue;
            }
            if matches!(pw, "of" | "and") && p > low {
                joined = true;
                i = p;
                continue;
            }
            if !self.is_np_piece(p)
                || is_function_word(pw)
                || self.cue_at(p).is_some()
                || pw.ends_with("ly") && !self.is_name_word(p)
            {
                break;
            }
            i = p;
        }
        if joined {
            return None;
        }
        let head = self.word(last);
        let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
        let capital_modifier = i < last && self.word(i).chars().next().is_some_and(char::is_uppercase);
        (possessor || plural || capital_modifier).then(|| self.np(i..end, NpKind::Description))
    }

    /// The subject phrase starting at token `start`, reading rightwards no
    /// further than `limit`: "Rutte", "the spokeswoman", "Nato chief Mark Rutte".
    pub fn np_right(&self, start: usize, limit: usize) -> Option<Np> {
        if start >= limit || start >= self.len() || self.quoted[start] {
            return None;
        }
        let lw = self.lower(start);
        if is_subject_pronoun(lw) && !matches!(lw, "who" | "which") {
            return Some(self.np(start..start + 1, NpKind::Pronoun));
        }
        if self.is_name_word(start) {
            let end = self.name_right(start, limit);
            return Some(self.np(start..end, NpKind::Name));
        }
        if !self.is_np_piece(start) || is_function_word(lw) {
            return None;
        }
        // A description, possibly ending in a name ("spokeswoman Jessica Ditto",
        // "9/11 widow Terry Strada").
        let high = (start + MAX_DESCRIPTION).min(limit);
        let has_determiner = is_determiner(lw);
        if has_determiner && start + 1 < limit && self.is_name_word(start + 1) {
            // "the Health Ministry": a name after an article.
            let end = self.name_right(start + 1, limit);
            if end >= limit || !self.is_np_piece(end) || is_function_word(self.lower(end)) {
                return Some(self.np(start + 1..end, NpKind::Name));
            }
        }
        let mut j = start + usize::from(has_determiner);
        while j < high {
            if self.is_name_word(j) {
                let end = self.name_right(j, limit);
                if j > start && !has_determiner && (end >= limit || !self.is_name_word(end)) {
                    return Some(self.np(j..end, NpKind::Name));
                }
                j = end;
                continue;
            }
            let w = self.lower(j);
            if !self.is_np_piece(j) || is_function_word(w) || is_determiner(w) || self.cue_at(j).is_some() {
                break;
            }
            // A past form after the head is a verb: "the developers engaged".
            if j > start + 1 && w.ends_with("ed") && !self.is_name_word(j - 1) && self.is_word(j - 1) {
                break;
            }
            j += 1;
        }
        if j == start || j == start + 1 && has_determiner {
            return None;
        }
        let head = self.word(j - 1);
        let plural = head.len() > 3 && head.ends_with('s') && !head.ends_with("ss");
        (has_determiner || plural).then(|| self.np(start..j, NpKind::Description))
    }

    /// Skips leftwards over fillers between a subject and its verb: adverbs,
    /// auxiliaries, a parenthesis "(D-Wis.)", an apposition ", the Nato
    /// chief," or an age ", 45,". Returns the new end and the apposition.
    pub fn skip_left_to_subject(&self, mut end: usize, floor: usize) -> (usize, Option<Range<usize>>) {
        let mut apposition = None;
        for _ in 0..8 {
            if end <= floor {
                break;
            }
            let w = self.lower(end - 1);
            let time_phrase = end - 1 > floor
                && matches!(self.lower(end - 2), "in" | "on" | "last" | "this" | "next")
                && (self.seg.tokens[end - 1].kind == TokenKind::Number || is_filler(w));
            if time_phrase {
                end -= 2; // "who in 2010 said", "on Friday said"
            } else if is_filler(w)
                || w.ends_with("ly") && w.len() > 4 && self.is_word(end - 1) && !self.is_name_word(end - 1)
            {
                end -= 1;
            } else if w == ")" {
                match (floor..end - 1).rev().take(12).find(|&k| self.word(k) == "(") {
                    Some(k) => end = k,
                    None => break,
                }
            } else if w == "and" && end - 1 > floor && self.is_verbish(end - 2) {
                end -= 2; // "Scott beamed and asked"
            } else if w == "," {
                // An apposition or age between commas, up to 25 tokens back;
                // several in a row ("Pruitt, the attorney general, one of …, said").
                let open = (floor..end - 1).rev().take(25).find(|&k| matches!(self.word(k), "," | "\u{2014}"));
                let chained_ok = |k: usize| {
                    apposition.is_none()
                        || is_determiner(self.lower(k + 1))
                        || self.seg.tokens[k + 1].kind == TokenKind::Number
                };
                match open {
                    Some(k) if k > floor && k + 1 < end - 1 && chained_ok(k) => {
                        apposition = Some(k + 1..end - 1);
                        end = k + 1;
                    }
                    _ => break,
                }
            } else {
                break;
            }
        }
        if end > floor && apposition.is_some() && matches!(self.word(end - 1), "," | "\u{2014}") {
            end -= 1;
        }
        (end, apposition)
    }

    /// A lower-case word that may be a verb in "X beamed and said".
    fn is_verbish(&self, i: usize) -> bool {
        let w = self.lower(i);
        self.is_word(i)
            && !self.is_name_word(i)
            && !self.quoted[i]
            && !is_function_word(w)
            && !is_determiner(w)
            && (w.ends_with("ed") || w.ends_with('s') || self.cue_at(i).is_some())
    }

    /// Skips rightwards over fillers after a subject: adverbs, auxiliaries,
    /// a parenthesis, an apposition between commas. Returns the new start.
    pub fn skip_right_to_verb(&self, mut start: usize, limit: usize) -> usize {
        for _ in 0..6 {
            if start >= limit {
                break;
            }
            let w = self.lower(start);
            if is_filler(w) {
                start += 1;
            } else if w == "(" {
                match (start + 1..limit).take(12).find(|&k| self.word(k) == ")") {
                    Some(k) => start = k + 1,
                    None => break,
                }
            } else if w == "," || w == "\u{2014}" {
                let close = (start + 1..limit).take(25).find(|&k| matches!(self.word(k), "," | "\u{2014}"));
                match close {
                    Some(k) if self.cue_at(k + 1).is_some() || self.lower_at(k + 1).is_some_and(is_filler) => {
                        start = k + 1;
                    }
                    _ => break,
                }
            } else if matches!(w, "of" | "for" | "in" | "at" | "with" | "from" | "on") {
                // "a spokesman for the ministry said", "Mr. Morgan of the Sierra Club said"
                match (start + 1..limit).take(7).find(|&k| self.cue_at(k).is_some() || !self.is_np_piece(k)) {
                    Some(k) if self.cue_at(k).is_some() => start = k,
                    _ => break,
                }
            } else {
                break;
            }
        }
        start
    }
}

/// Where a token's lower-case form is kept.
#[derive(Clone, Copy, Debug)]
enum Lower<'a> {
    /// The token's own text.
    Text(&'a str),
    /// `owned[start..end]`.
    Owned(usize, usize),
}

impl<'a> Lower<'a> {
    fn get<'s>(self, owned: &'s str) -> &'s str
    where
        'a: 's,
    {
        match self {
            Lower::Text(w) => w,
            Lower::Owned(start, end) => &owned[start..end],
        }
    }
}

/// `word` in lower case as `str::to_lowercase` has it: the word itself when
/// it is ASCII without capitals, since that is the same text, else written
/// at the end of `owned`.
fn lower_case<'a>(word: &'a str, owned: &mut String) -> Lower<'a> {
    let start = owned.len();
    if !word.is_ascii() {
        owned.push_str(&word.to_lowercase());
    } else if word.bytes().any(|b| b.is_ascii_uppercase()) {
        owned.extend(word.bytes().map(|b| char::from(b.to_ascii_lowercase())));
    } else {
        return Lower::Text(word);
    }
    Lower::Owned(start, owned.len())
}

fn is_filler(w: &str) -> bool {
    super::lexicon::is_verb_filler(w) || super::lexicon::is_time_word(w)
}

pub fn is_possessive(lower: &str) -> bool {
    matches!(lower, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_ctx<R>(text: &str, f: impl FnOnce(&Ctx) -> R) -> R {
        let seg = Segmented::new(text);
        let ctx = Ctx::new(&seg, &[], &[Span::new(0, text.len())]);
        f(&ctx)
    }

    fn at(ctx: &Ctx, word: &str) -> usize {
        (0..ctx.len()).find(|&i| ctx.word(i) == word).expect("word in text")
    }

    #[test]
    fn lower_case_is_to_lowercase_and_borrows_plain_words() {
        let words = [
            "said",
            "Rutte",
            "NATO",
            "o'brien",
            "D-Wis.",
            "\u{130}stanbul",
            "\u{39F}\u{394}\u{39F}\u{3A3}",
            "\u{1C5}",
            "",
        ];
        let mut owned = String::new();
        let lowered: Vec<Lower> = words.iter().map(|w| lower_case(w, &mut owned)).collect();
        for (w, l) in words.iter().zip(&lowered) {
            assert_eq!(l.get(&owned), w.to_lowercase(), "{w}");
        }
        assert!(matches!(lowered[0], Lower::Text(_)));
        assert!(matches!(lowered[1], Lower::Owned(..)));
    }

    #[test]
    fn names_pronouns_and_descriptions_to_the_left() {
        with_ctx("Rep. Jim Clyburn said it. The Nato chief said so. Officials said no. She said.", |ctx| {
            let said: Vec<usize> = (0..ctx.len()).filter(|&i| ctx.word(i) == "said").collect();
            let got: Vec<(&str, NpKind)> = said
                .iter()
                .map(|&s| {
                    let np = ctx.np_left(s, ctx.sentence_start(s)).unwrap();
                    (np.span.slice(ctx.seg.text), np.kind)
                })
                .collect();
            assert_eq!(
                got,
                [
                    ("Rep. Jim Clyburn", NpKind::Name),
                    ("The Nato chief", NpKind::Description),
                    ("Officials", NpKind::Name), // capitalised: read as a name
                    ("She", NpKind::Pronoun)
                ]
            );
        });
    }

    #[test]
    fn subjects_to_the_right_of_the_verb() {
        with_ctx("said Mark Rutte. said the spokeswoman for Nato. said spokeswoman Jessica Ditto.", |ctx| {
            let said: Vec<usize> = (0..ctx.len()).filter(|&i| ctx.word(i) == "said").collect();
            let got: Vec<&str> =
                said.iter().map(|&s| ctx.np_right(s + 1, ctx.len()).unwrap().span.slice(ctx.seg.text)).collect();
            assert_eq!(got, ["Mark Rutte", "the spokeswoman", "Jessica Ditto"]);
        });
    }

    #[test]
    fn fillers_between_subject_and_verb() {
        with_ctx("Gwen Moore (D-Wis.) also said. Rutte, the Nato chief, said.", |ctx| {
            let s = at(ctx, "also");
            let (end, _) = ctx.skip_left_to_subject(s + 1, 0);
            assert_eq!(ctx.np_left(end, 0).unwrap().span.slice(ctx.seg.text), "Gwen Moore");
            let s2 = (0..ctx.len()).filter(|&i| ctx.word(i) == "said").nth(1).unwrap();
            let (end, app) = ctx.skip_left_to_subject(s2, ctx.sentence_start(s2));
            assert_eq!(ctx.np_left(end, ctx.sentence_start(s2)).unwrap().span.slice(ctx.seg.text), "Rutte");
            assert_eq!(ctx.span(app.unwrap()).slice(ctx.seg.text), "the Nato chief");
        });
    }
}
