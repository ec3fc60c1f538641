//! Name lists (places, given names, surnames, ...) matched against token
//! sequences: each token learns which lists cover it and where it sits in
//! the longest match (begin, inside, last, unit).

use super::hash::{self, IdMap};
use crate::document::EntityLabel;
use crate::text::{Token, TokenKind, tokenize};

/// At most this many lists (each takes 3 bits of a token's match word).
pub(crate) const MAX_LISTS: usize = 16;
/// Entries longer than this many tokens are ignored.
const MAX_TOKENS: usize = 8;

/// Lists of names, matched case-insensitively on our own tokens.
#[derive(Clone, Debug, Default)]
pub(crate) struct Gazetteer {
    pub(crate) names: Vec<String>,
    /// Hash of a lower-cased token sequence -> bit set of the lists holding it.
    entries: IdMap<u16>,
    /// Hashes of every proper prefix of an entry, so that matching stops early.
    prefixes: IdMap<()>,
}

/// Position codes stored per list: 0 none, then begin, inside, last, unit.
pub(crate) const POS_BEGIN: u64 = 1;
pub(crate) const POS_INSIDE: u64 = 2;
pub(crate) const POS_LAST: u64 = 3;
pub(crate) const POS_UNIT: u64 = 4;

fn seq_start() -> u64 {
    0x1234_5678_9abc_def1
}

fn seq_next(h: u64, word: u64) -> u64 {
    hash::finish(hash::fold(h, word))
}

impl Gazetteer {
    pub(crate) fn with_names(names: Vec<String>) -> Gazetteer {
        Gazetteer { names, ..Default::default() }
    }

    /// Room for `n` more names (and as many prefixes), so that loading
    /// grows neither table name by name.
    pub(crate) fn reserve(&mut self, n: usize) {
        self.entries.reserve(n);
        self.prefixes.reserve(n);
    }

    /// Adds `name` to list `list` (an index into `names`).
    pub(crate) fn add(&mut self, list: usize, name: &str) {
        if list >= MAX_LISTS {
            return;
        }
        // Most names are ASCII letters and digits between spaces, which the
        // tokenizer cuts at the spaces and nowhere else (its fast path), found
        // byte by byte: a name is shorter than `str::split` takes to set up.
        let bytes = name.as_bytes();
        if bytes.iter().all(|&b| b.is_ascii_alphanumeric() || b == b' ') {
            let words = bytes.split(|&b| b == b' ').filter(|w| !w.is_empty());
            self.add_words(list, words.clone().count(), words.map(|w| hash::ascii_word(w, true)));
            return;
        }
        let toks = tokenize(name);
        self.add_words(list, toks.len(), toks.iter().map(|t| hash::word(t.span.slice(name), true)));
    }

    /// Adds the sequence of `n` lower-cased word hashes `words`.
    fn add_words(&mut self, list: usize, n: usize, words: impl Iterator<Item = u64>) {
        if n == 0 || n > MAX_TOKENS {
            return;
        }
        let mut h = seq_start();
        for (k, w) in words.enumerate() {
            h = seq_next(h, w);
            if k + 1 < n {
                self.prefixes.insert(h, ());
            }
        }
        *self.entries.entry(h).or_insert(0) |= 1 << list;
    }

    /// The lists that hold exactly this sequence of lower-cased word hashes.
    pub(crate) fn lookup(&self, lower: impl Iterator<Item = u64>) -> u16 {
        let mut h = seq_start();
        let mut n = 0;
        for w in lower {
            h = seq_next(h, w);
            n += 1;
        }
        if n == 0 { 0 } else { self.entries.get(&h).copied().unwrap_or(0) }
    }

    /// The lists that hold each sequence of the first 1 to `out.len()` of
    /// `lower` (`out[k]`: the first `k + 1`), as [`Gazetteer::lookup`] gives
    /// them one sequence at a time: each hashed on from the one before, and
    /// 0 past the end of `lower` or of every entry that begins so.
    pub(crate) fn lookup_prefixes(&self, lower: impl Iterator<Item = u64>, out: &mut [u16]) {
        out.fill(0);
        let mut h = seq_start();
        for (k, w) in lower.take(out.len()).enumerate() {
            h = seq_next(h, w);
            out[k] = self.entries.get(&h).copied().unwrap_or(0);
            if !self.prefixes.contains_key(&h) {
                break;
            }
        }
    }

    /// The entity label a list stands for, from its name (`loc.city`,
    /// `org.company`, `per.first`, `train.ORG`, ...); surname and given-name lists give none,
    /// since a part of a name is not a name.
    pub(crate) fn list_label(&self, list: usize) -> Option<EntityLabel> {
        let name = self.names.get(list)?;
        if let Some(l) = name.strip_prefix("train.") {
            return EntityLabel::parse(l);
        }
        match name.split('.').next() {
            Some("loc") => Some(EntityLabel::Loc),
            Some("org") => Some(EntityLabel::Org),
            _ => None,
        }
    }

    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// For each token of `tokens` (one sentence), a word of 3-bit position
    /// codes, one per list. `lower[i]` is token `i`'s lower-cased hash and
    /// `may_start[i]` whether a name may start there.
    pub(crate) fn annotate(&self, tokens: &[Token], lower: &[u64], may_start: &[bool], out: &mut [u64]) {
        if self.entries.is_empty() {
            return;
        }
        for i in 0..tokens.len() {
            if !may_start[i] {
                continue;
            }
            let mut h = seq_start();
            // The longest match per list starting here.
            let mut best = [0usize; MAX_LISTS];
            let mut any = false;
            for j in i..tokens.len().min(i + MAX_TOKENS) {
                if matches!(tokens[j].kind, TokenKind::Url | TokenKind::Email) {
                    break;
                }
                h = seq_next(h, lower[j]);
                if let Some(&mask) = self.entries.get(&h) {
                    for (l, b) in best.iter_mut().enumerate() {
                        if mask & (1 << l) != 0 {
                            *b = j + 1 - i;
                            any = true;
                        }
                    }
                }
                if !self.prefixes.contains_key(&h) {
                    break;
                }
            }
            if !any {
                continue;
            }
            for (l, &len) in best.iter().enumerate() {
                if len == 0 {
                    continue;
                }
                for k in 0..len {
                    let slot = &mut out[i + k];
                    if (*slot >> (3 * l)) & 7 != 0 {
                        continue; // an earlier, overlapping match keeps its place
                    }
                    let pos = match (len, k) {
                        (1, _) => POS_UNIT,
                        (_, 0) => POS_BEGIN,
                        _ if k + 1 == len => POS_LAST,
                        _ => POS_INSIDE,
                    };
                    *slot |= pos << (3 * l);
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Names of letters, digits and spaces go in as the tokenizer would cut them.
    #[test]
    fn plain_names_load_as_tokenized() {
        for name in [
            "New York",
            "Apple",
            "A380",
            "  Rio  de Janeiro ",
            "Boston Celtics",
            "1 2 3 4 5 6 7 8",
            "1 2 3 4 5 6 7 8 9",
            " ",
            "",
            "HSBC Holdings 2024",
            "new  york",
        ] {
            let mut fast = Gazetteer::default();
            fast.add(3, name);
            let mut general = Gazetteer::default();
            let toks = tokenize(name);
            general.add_words(3, toks.len(), toks.iter().map(|t| hash::word(t.span.slice(name), true)));
            assert_eq!(fast.entries, general.entries, "{name:?}");
            assert_eq!(fast.prefixes, general.prefixes, "{name:?}");
        }
    }

    /// The one-pass look-up of every length gives what looking up each
    /// sequence alone gives: names, their prefixes, strangers, the text's end.
    #[test]
    fn prefix_lookups_match_lookups_one_by_one() {
        let mut g = Gazetteer { names: vec!["loc".into(), "org".into()], ..Default::default() };
        g.add(0, "New York");
        g.add(0, "New York City");
        g.add(1, "New York Times");
        g.add(1, "York");
        let text = "new york city hall new york times york";
        let words: Vec<u64> = text.split(' ').map(|w| hash::word(w, true)).collect();
        let mut found = 0;
        for i in 0..words.len() {
            let mut masks = [0u16; 5];
            let n = masks.len().min(words.len() - i);
            g.lookup_prefixes(words[i..].iter().copied(), &mut masks[..n]);
            for (k, &mask) in masks[..n].iter().enumerate() {
                assert_eq!(mask, g.lookup(words[i..=i + k].iter().copied()), "{i} + {k}");
                found += usize::from(mask != 0);
            }
        }
        assert_eq!(found, 7, "New York x2, New York City, New York Times, York x3");
    }

    #[test]
    fn longest_match_positions() {
        let mut g = Gazetteer { names: vec!["loc".into(), "per".into()], ..Default::default() };
        g.add(0, "New York");
        g.add(0, "New York City");
        g.add(0, "York");
        g.add(1, "York");
        let text = "in new York City today";
        let toks = tokenize(text);
        let lower: Vec<u64> = toks.iter().map(|t| hash::word(t.span.slice(text), true)).collect();
        let may = vec![true; toks.len()];
        let mut out = vec![0u64; toks.len()];
        g.annotate(&toks, &lower, &may, &mut out);
        assert_eq!(out[0], 0);
        assert_eq!(out[1] & 7, POS_BEGIN);
        assert_eq!(out[2] & 7, POS_INSIDE);
        assert_eq!(out[3] & 7, POS_LAST);
        assert_eq!((out[2] >> 3) & 7, POS_UNIT);
        assert_eq!(out[4], 0);
    }
}
