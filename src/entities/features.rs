//! Features of each token, as 64-bit keys hashed without allocating: words
//! and lower-cased words in a window, affixes, shapes, capitalisation in its
//! context (sentence start, all-caps headlines, how the same word is written
//! elsewhere in the document), name-list matches and word classes.

use super::gazetteer::{Gazetteer, MAX_LISTS};
use super::hash::{self, IdMap};
use crate::text::{Segmented, Token, TokenKind};

/// Feature groups, switched on and off together (for ablations).
pub mod group {
    /// The word and its neighbours, lower-cased, and the exact form.
    pub const WORDS: u32 = 1;
    /// Prefixes and suffixes of the word.
    pub const AFFIXES: u32 = 1 << 1;
    /// Word shapes and capitalisation classes in a window.
    pub const SHAPE: u32 = 1 << 2;
    /// Document context: sentence start, all-caps lines, the word's casing elsewhere.
    pub const DOCUMENT: u32 = 1 << 3;
    /// Name-list matches.
    pub const GAZETTEER: u32 = 1 << 4;
    /// Word classes (clusters).
    pub const CLUSTERS: u32 = 1 << 5;
    /// Conjunctions: word bigrams, word + neighbour shape.
    pub const CONJUNCTIONS: u32 = 1 << 6;
    /// Non-local: how a first pass labelled the same word elsewhere in the document.
    pub const NONLOCAL: u32 = 1 << 7;
    /// Every group.
    pub const ALL: u32 = WORDS | AFFIXES | SHAPE | DOCUMENT | GAZETTEER | CLUSTERS | CONJUNCTIONS | NONLOCAL;
    /// Names for the command line, in bit order.
    pub const NAMES: [&str; 8] =
        ["words", "affixes", "shape", "document", "gazetteer", "clusters", "conjunctions", "nonlocal"];
}

/// Word classes: for each word form, a bit path (Brown-style) or a flat class id.
#[derive(Clone, Debug, Default)]
pub(crate) struct Clusters {
    /// Word hash (exact form, digits folded) -> (path bits, path length).
    pub(crate) map: IdMap<(u32, u8)>,
    /// Path prefix lengths used as features; empty: the whole path is one class.
    pub(crate) prefixes: Vec<u8>,
}

impl Clusters {
    fn lookup(&self, form: u64, lower: u64) -> Option<(u32, u8)> {
        self.map.get(&form).or_else(|| self.map.get(&lower)).copied()
    }
}

/// What the tagger needs besides weights: lists, classes, enabled groups.
#[derive(Clone, Debug, Default)]
pub(crate) struct Resources {
    pub(crate) groups: u32,
    pub(crate) gazetteer: Gazetteer,
    pub(crate) clusters: Clusters,
}

/// Capitalisation classes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(u8)]
enum Cap {
    Lower = 0,
    Initial = 1,
    AllCaps = 2,
    Mixed = 3,
    Digits = 4,
    AlnumMix = 5,
    Punct = 6,
    Other = 7,
    Link = 8,
    Abbrev = 9,
}

/// Per-token facts that features combine.
#[derive(Clone, Copy, Debug, Default)]
struct Tok {
    lower: u64,
    form: u64,
    shape: u64,
    short_shape: u64,
    cap: u8,
    initial: bool,
    caps_line: bool,
    /// Casing seen for this word elsewhere (bit 0 lower, 1 initial cap, 2 all caps).
    doc_case: u8,
    gaz: u64,
    cluster: Option<(u32, u8)>,
    /// Capitalised only by a title-case headline: read as lower case.
    lowered: bool,
}

/// Features of a whole document: token `i` owns `keys[offsets[i]..offsets[i + 1]]`.
#[derive(Clone, Debug, Default)]
pub(crate) struct Features {
    pub(crate) keys: Vec<u64>,
    pub(crate) offsets: Vec<u32>,
    toks: Vec<Tok>,
    lower_buf: Vec<u64>,
    start_buf: Vec<bool>,
    /// Each token's word type in the [`TypeCache`] (after [`Features::assign_types`]).
    types: Vec<u32>,
    /// Each token's lower-case word as a small number (the type cache's,
    /// or the document's own), and how each number is written in this
    /// document: the casing is then read without hashing. Between
    /// documents `casing` is all zeros (only its tokens' entries are reset).
    lower_ids: Vec<u32>,
    casing: Vec<u8>,
    /// Read a title-case headline at the top in lower case (tagging only:
    /// CoNLL-2003's headlines are in capitals, so training reads every
    /// document as written and its features stay those of the text).
    pub(crate) read_headline: bool,
}

// Template ids. Never renumber: trained models depend on them.
const T_BIAS: u32 = 1;
const T_W: u32 = 2; // + window offset (5 slots)
const T_FORM: u32 = 8;
const T_FORM_PREV: u32 = 9;
const T_FORM_NEXT: u32 = 10;
const T_PREFIX: u32 = 11; // + length-1 (4 slots)
const T_SUFFIX: u32 = 15; // + length-1 (4 slots)
const T_SHAPE: u32 = 20; // + window offset (5 slots)
const T_SHORT3: u32 = 26;
const T_SHORT_PREV: u32 = 27;
const T_SHORT_NEXT: u32 = 28;
const T_CAP: u32 = 29;
const T_CAP3: u32 = 30;
const T_INITIAL_CAP_WORD: u32 = 31;
const T_DOC_CASE: u32 = 32;
const T_DOC_CASE_WORD: u32 = 33;
const T_CAPS_LINE_WORD: u32 = 34;
const T_KIND: u32 = 35;
const T_GAZ: u32 = 40; // + window offset (3 slots)
const T_GAZ_ANY: u32 = 44;
const T_CLUSTER: u32 = 50; // + window offset (3) * 8 + prefix index
const T_BIGRAM_PREV: u32 = 80;
const T_BIGRAM_NEXT: u32 = 81;
const T_PREV_SHAPE: u32 = 82;
const T_SHAPE_NEXT: u32 = 83;
const T_PREV2: u32 = 84;
const T_LEN: u32 = 85;
const T_NL_NONE: u32 = 90;
const T_NL_HAS: u32 = 91;
const T_NL_MAJ: u32 = 92;
const T_NL_HAS_CTX: u32 = 93;
const T_NL_MULTI: u32 = 94;

fn cap_class(w: &str, kind: TokenKind) -> Cap {
    match kind {
        TokenKind::Url | TokenKind::Email => return Cap::Link,
        TokenKind::Number => return Cap::Digits,
        TokenKind::Punct => return Cap::Punct,
        TokenKind::Symbol => return Cap::Other,
        TokenKind::Word => {}
    }
    let (mut up, mut low, mut dig) = (0, 0, 0);
    let mut first_up = false;
    for (k, c) in w.chars().enumerate() {
        if c.is_uppercase() {
            up += 1;
            if k == 0 {
                first_up = true;
            }
        } else if c.is_lowercase() {
            low += 1;
        } else if c.is_ascii_digit() {
            dig += 1;
        }
    }
    if dig > 0 && up + low > 0 {
        Cap::AlnumMix
    } else if up > 0 && w.ends_with('.') && low == 0 {
        Cap::Abbrev
    } else if up == 0 && low > 0 {
        Cap::Lower
    } else if low == 0 && up > 0 {
        Cap::AllCaps
    } else if first_up && up == 1 {
        Cap::Initial
    } else if up + low > 0 {
        Cap::Mixed
    } else if dig > 0 {
        Cap::Digits
    } else {
        Cap::Other
    }
}

/// Word shapes: `Xxxx-x`-like with runs capped at 4 (long) or collapsed (short).
fn shapes(w: &str) -> (u64, u64) {
    let (mut long, mut short) = (0x51u64, 0x73u64);
    let mut prev = '\0';
    let mut run = 0;
    for c in w.chars().map(hash::norm_char) {
        let s = if c.is_uppercase() {
            'X'
        } else if c.is_lowercase() {
            'x'
        } else if c.is_ascii_digit() {
            'd'
        } else if c.is_alphabetic() {
            'a'
        } else {
            c
        };
        if s == prev {
            run += 1;
        } else {
            run = 1;
            short = hash::fold(short, s as u64);
        }
        if run <= 4 {
            long = hash::fold(long, s as u64);
        }
        prev = s;
    }
    (hash::finish(long), hash::finish(short))
}

/// Hashes the first or last `n` chars of `w`, lower-cased; `None` if shorter.
fn affix(w: &str, n: usize, suffix: bool) -> Option<u64> {
    let count = w.chars().count();
    if count <= n {
        return None;
    }
    let mut h = if suffix { 0x5u64 } else { 0x7u64 };
    let skip = if suffix { count - n } else { 0 };
    for c in w.chars().skip(skip).take(n) {
        h = hash::fold(h, hash::lower_char(hash::norm_char(c)) as u64);
    }
    Some(hash::finish(h))
}

/// The affix and length features of word `w`, in template order: prefix
/// and suffix of 1 char, of 2, of 3, of 4 (those shorter than the word),
/// then the length.
fn affixes(w: &str, f: &mut impl FnMut(u32, u64)) {
    if w.is_ascii() {
        // Bytes are chars: one pass gives every affix, hashed as `affix` hashes it.
        let b = w.as_bytes();
        let count = b.len();
        let mut prefix = 0x7u64;
        for n in 1..=4 {
            if count <= n {
                break;
            }
            prefix = hash::fold(prefix, b[n - 1].to_ascii_lowercase() as u64);
            f(T_PREFIX + n as u32 - 1, hash::finish(prefix));
            let suffix = b[count - n..].iter().fold(0x5u64, |h, &c| hash::fold(h, c.to_ascii_lowercase() as u64));
            f(T_SUFFIX + n as u32 - 1, hash::finish(suffix));
        }
        f(T_LEN, count.min(12) as u64);
        return;
    }
    for n in 1..=4 {
        if let Some(h) = affix(w, n, false) {
            f(T_PREFIX + n as u32 - 1, h);
        }
        if let Some(h) = affix(w, n, true) {
            f(T_SUFFIX + n as u32 - 1, h);
        }
    }
    f(T_LEN, w.chars().count().min(12) as u64);
}

/// A word's own facts: its hashes, shapes, capitalisation and class.
fn own_facts(w: &str, kind: TokenKind, res: &Resources) -> Tok {
    let (shape, short_shape) = shapes(w);
    let lower = hash::word(w, true);
    let form = hash::word(w, false);
    Tok {
        lower,
        form,
        shape,
        short_shape,
        cap: cap_class(w, kind) as u8,
        cluster: if res.groups & group::CLUSTERS != 0 { res.clusters.lookup(form, lower) } else { None },
        ..Tok::default()
    }
}

/// The keys of word `w`'s type, whose own facts are `t`, in the entry's
/// layout (`K_*`): returns the lengths of its word-class runs and of its
/// affixes.
fn type_keys(t: &Tok, w: &str, kind: TokenKind, res: &Resources, push: &mut impl FnMut(u64)) -> ([u8; 3], u8) {
    let f = hash::feature;
    for k in 0..5 {
        push(f(T_W + k, t.lower));
    }
    push(f(T_FORM, t.form));
    push(f(T_FORM_PREV, t.form));
    push(f(T_FORM_NEXT, t.form));
    for k in 0..5 {
        push(f(T_SHAPE + k, if k == 2 { t.shape } else { t.short_shape }));
    }
    push(f(T_CAP, t.cap as u64));
    let mut clusters = [0u8; 3];
    for (slot, d) in [-1isize, 0, 1].into_iter().enumerate() {
        let base = T_CLUSTER + ((d + 1) * 8) as u32;
        let mut n = 0;
        match t.cluster {
            None => {
                push(f(base + 7, 0));
                n = 1;
            }
            Some((bits, _)) if res.clusters.prefixes.is_empty() => {
                push(f(base, bits as u64));
                n = 1;
            }
            Some((bits, len)) => {
                for (k, &p) in res.clusters.prefixes.iter().enumerate().take(7) {
                    if d != 0 && k % 2 == 1 {
                        continue;
                    }
                    let p = p.min(len);
                    let v = if p == 0 { 0 } else { (bits >> (len - p)) as u64 | (p as u64) << 32 };
                    push(f(base + k as u32, v));
                    n += 1;
                }
            }
        }
        clusters[slot] = n;
    }
    let mut n_affixes = 0u8;
    if res.groups & group::AFFIXES != 0 && kind == TokenKind::Word {
        affixes(w, &mut |template, v| {
            push(f(template, v));
            n_affixes += 1;
        });
    }
    (clusters, n_affixes)
}

/// A sentence written in capitals (a headline, a dateline, a sports result line).
fn is_caps_line(seg: &Segmented, tokens: &[Token]) -> bool {
    let (mut upper_words, mut lower) = (0, 0);
    for t in tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.span.slice(seg.text);
        if w.chars().any(char::is_lowercase) {
            lower += 1;
        } else if w.chars().filter(|c| c.is_uppercase()).count() >= 2 {
            upper_words += 1;
        }
    }
    upper_words >= 1 && lower == 0
}

/// A sentence in title case: at least four words, and every word of four
/// letters or more capitalised ("Casio Shows Off Slim, Trim Digicams").
/// Bylines and lists of names pass too; they lose nothing, since only words
/// known in lower case are ever read so.
fn is_title_line(seg: &Segmented, tokens: &[Token]) -> bool {
    let (mut words, mut long, mut long_lower) = (0, 0, 0);
    for t in tokens {
        if t.kind != TokenKind::Word {
            continue;
        }
        let w = t.span.slice(seg.text);
        let Some(first) = w.chars().next().filter(|c| c.is_alphabetic()) else { continue };
        words += 1;
        if w.chars().count() >= 4 {
            long += 1;
            if !first.is_uppercase() {
                long_lower += 1;
            }
        }
    }
    words >= 4 && long >= 3 && long_lower == 0
}

/// The lists a token is in, in list order, with their position codes
/// (three bits per list in `gaz`).
#[inline(always)]
fn each_list(gaz: u64, mut f: impl FnMut(usize, u64)) {
    let mut left = gaz & ((1u64 << (3 * MAX_LISTS)) - 1);
    while left != 0 {
        let l = left.trailing_zeros() as usize / 3;
        let pos = (gaz >> (3 * l)) & 7;
        left &= !(7 << (3 * l));
        f(l, pos);
    }
}

/// The most keys one token can have: 101 (bias, 8 words, 9 affixes, 10
/// shapes, 4 document keys, 3 x 16 list memberships and the list flag, 15
/// word classes, 5 conjunctions), rounded up.
const MAX_KEYS: usize = 128;

/// One token's keys, on the stack.
#[cfg(any(test, feature = "train"))]
struct KeyBuf {
    keys: [u64; MAX_KEYS],
    len: usize,
}

#[cfg(any(test, feature = "train"))]
impl KeyBuf {
    #[inline(always)]
    fn push(&mut self, key: u64) {
        self.keys[self.len] = key;
        self.len += 1;
    }
}

const SENTINEL_BEFORE: u64 = 0x0bad_5eed_0000_0001;
const SENTINEL_AFTER: u64 = 0x0bad_5eed_0000_0002;

/// Where a word type's keys sit in its entry of the [`TypeCache`]: those of
/// the templates that read one token's own facts (its words, shapes, class,
/// affixes), for each place the word can take in a window.
const K_W: u32 = 0; // T_W + offset: 5
const K_FORM: u32 = 5; // T_FORM, T_FORM_PREV, T_FORM_NEXT
const K_SHAPE: u32 = 8; // T_SHAPE + offset: 5
const K_CAP: u32 = 13;
/// Then the word-class keys as the previous word, as the word, as the next
/// word, and the affixes, each of the length the entry records.
const K_VAR: u32 = 14;

/// The keys for a window that runs past the sentence, and the bias: the
/// cache's first entries.
const C_BIAS: u32 = 0;
const C_W: u32 = 1; // offsets -2, -1, +1, +2
const C_FORM_PREV: u32 = 5;
const C_FORM_NEXT: u32 = 6;
const C_SHAPE: u32 = 7; // offsets -2, -1, +1, +2
const C_CLUSTER: u32 = 11; // previous, next
const C_LEN: u32 = 13;

/// A word type's entry.
#[derive(Clone, Copy, Debug)]
struct TypeEntry {
    /// The word's own facts (its contextual fields unset).
    tok: Tok,
    /// The number of its lower-case form (shared by "The" and "the").
    lower_id: u32,
    /// Offset of its first resolved key in the pool.
    at: u32,
    /// Lengths of its word-class runs (previous, own, next) and of its affixes.
    clusters: [u8; 3],
    affixes: u8,
}

/// The resolved keys (what the model holds for them) of every word type
/// seen, so that a word's single-token features are hashed and looked up
/// once, not at every occurrence and for every neighbour. A type is a word
/// as written, with its token kind and whether a headline lowered it: the
/// facts those features read. What is stored is whatever the resolver
/// returned for each key, so reading it back gives the same values as
/// resolving again. One cache serves one model: [`TypeCache::new`] takes
/// that model's resources and resolver.
#[derive(Clone, Debug, Default)]
pub(crate) struct TypeCache {
    index: IdMap<u32>,
    /// The lower-case forms' numbers.
    lowers: IdMap<u32>,
    entries: Vec<TypeEntry>,
    pub(crate) pool: Vec<u32>,
    /// Rows of `width` summed weights (see [`TypeCache::row_parts`]): the
    /// constant rows, then five per type, one for each place of the window.
    sums: Vec<f32>,
    width: usize,
}

/// The constant rows: the bias alone (for links), and the window's places
/// past the sentence (two before, one before, one after, two after).
const R_BIAS: u32 = 0;
const R_PAST: [u32; 4] = [1, 2, 3, 4];
const R_CONSTANTS: u32 = 5;
/// A type's five rows, at window offsets -2, -1, 0, +1, +2.
const PLACES: u32 = 5;

impl TypeCache {
    /// The most resolved keys kept (about 40 per type): past it, the cache
    /// starts again, so a long session's memory stays bounded.
    const MAX_POOL: usize = 1 << 20;

    pub(crate) fn new(resolve: &mut dyn FnMut(u64) -> u32) -> TypeCache {
        let mut c = TypeCache::default();
        c.reset(resolve);
        c
    }

    fn reset(&mut self, resolve: &mut dyn FnMut(u64) -> u32) {
        self.index.clear();
        self.lowers.clear();
        self.entries.clear();
        self.pool.clear();
        self.sums.clear();
        let f = hash::feature;
        let consts = [
            f(T_BIAS, 0),
            f(T_W, SENTINEL_BEFORE),
            f(T_W + 1, SENTINEL_BEFORE),
            f(T_W + 3, SENTINEL_AFTER),
            f(T_W + 4, SENTINEL_AFTER),
            f(T_FORM_PREV, SENTINEL_BEFORE),
            f(T_FORM_NEXT, SENTINEL_AFTER),
            f(T_SHAPE, SENTINEL_BEFORE),
            f(T_SHAPE + 1, SENTINEL_BEFORE),
            f(T_SHAPE + 3, SENTINEL_AFTER),
            f(T_SHAPE + 4, SENTINEL_AFTER),
            f(T_CLUSTER + 7, 0),
            f(T_CLUSTER + 16 + 7, 0),
        ];
        debug_assert_eq!(consts.len(), C_LEN as usize);
        self.pool.extend(consts.iter().map(|&k| resolve(k)));
    }

    /// The type of word `w` (of kind `kind`) under `key`, added with its
    /// facts `tok` and its keys resolved if it is new.
    fn type_of(
        &mut self,
        key: u64,
        w: &str,
        kind: TokenKind,
        tok: impl FnOnce() -> Tok,
        res: &Resources,
        resolve: &mut dyn FnMut(u64) -> u32,
    ) -> u32 {
        if let Some(&id) = self.index.get(&key) {
            return id;
        }
        let id = self.entries.len() as u32;
        let tok = tok();
        let at = self.pool.len() as u32;
        let (clusters, affixes) = type_keys(&tok, w, kind, res, &mut |k| self.pool.push(resolve(k)));
        let next = self.lowers.len() as u32;
        let lower_id = *self.lowers.entry(tok.lower).or_insert(next);
        self.entries.push(TypeEntry { tok, lower_id, at, clusters, affixes });
        self.index.insert(key, id);
        id
    }

    /// Number of word types held.
    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.entries.len()
    }

    /// The pool places whose payloads row `r` sums, in template order, under
    /// feature groups `g`. A type's row at a window place holds every
    /// single-token feature it gives a token from there: its words, shapes
    /// and word classes as a neighbour, and as the token itself also the
    /// bias, its form, its affixes and its capitalisation.
    pub(crate) fn row_parts(&self, g: u32, r: u32, out: &mut Vec<u32>) {
        out.clear();
        let (words, shape, clusters) = (g & group::WORDS != 0, g & group::SHAPE != 0, g & group::CLUSTERS != 0);
        let put = |out: &mut Vec<u32>, on: bool, parts: &[u32]| {
            if on {
                out.extend_from_slice(parts);
            }
        };
        if r < R_CONSTANTS {
            match r {
                R_BIAS => put(out, true, &[C_BIAS]),
                1 => {
                    put(out, words, &[C_W]);
                    put(out, shape, &[C_SHAPE]);
                }
                2 => {
                    put(out, words, &[C_W + 1, C_FORM_PREV]);
                    put(out, shape, &[C_SHAPE + 1]);
                    put(out, clusters, &[C_CLUSTER]);
                }
                3 => {
                    put(out, words, &[C_W + 2, C_FORM_NEXT]);
                    put(out, shape, &[C_SHAPE + 2]);
                    put(out, clusters, &[C_CLUSTER + 1]);
                }
                _ => {
                    put(out, words, &[C_W + 3]);
                    put(out, shape, &[C_SHAPE + 3]);
                }
            }
            return;
        }
        let (id, place) = ((r - R_CONSTANTS) / PLACES, (r - R_CONSTANTS) % PLACES);
        let e = self.entries[id as usize];
        let at = e.at;
        let run = |slot: usize| {
            let first = at + K_VAR + e.clusters[..slot].iter().map(|&n| n as u32).sum::<u32>();
            first..first + e.clusters[slot] as u32
        };
        match place {
            0 => {
                put(out, words, &[at + K_W]);
                put(out, shape, &[at + K_SHAPE]);
            }
            1 => {
                put(out, words, &[at + K_W + 1, at + K_FORM + 1]);
                put(out, shape, &[at + K_SHAPE + 1]);
                if clusters {
                    out.extend(run(0));
                }
            }
            2 => {
                put(out, true, &[C_BIAS]);
                put(out, words, &[at + K_W + 2, at + K_FORM]);
                let first = run(2).end;
                out.extend(first..first + e.affixes as u32);
                put(out, shape, &[at + K_SHAPE + 2, at + K_CAP]);
                if clusters {
                    out.extend(run(1));
                }
            }
            3 => {
                put(out, words, &[at + K_W + 3, at + K_FORM + 2]);
                put(out, shape, &[at + K_SHAPE + 3]);
                if clusters {
                    out.extend(run(2));
                }
            }
            _ => {
                put(out, words, &[at + K_W + 4]);
                put(out, shape, &[at + K_SHAPE + 4]);
            }
        }
    }

    /// Sums the rows not summed yet (the constant ones, then those of the
    /// types added since), each from zero in [`TypeCache::row_parts`]'s
    /// order, with `add` adding a payload's weights to `width` sums.
    pub(crate) fn fill_rows(&mut self, g: u32, width: usize, add: &dyn Fn(&mut [f32; 32], u32)) {
        if self.width != width {
            self.width = width;
            self.sums.clear();
        }
        let rows = R_CONSTANTS as usize + PLACES as usize * self.entries.len();
        let mut parts = Vec::with_capacity(32);
        for r in self.sums.len() / width..rows {
            self.row_parts(g, r as u32, &mut parts);
            let mut sum = [0f32; 32];
            for &k in &parts {
                add(&mut sum, self.pool[k as usize]);
            }
            self.sums.extend_from_slice(&sum[..width]);
        }
    }

    /// Row `r`'s sums (after [`TypeCache::fill_rows`]).
    #[inline(always)]
    pub(crate) fn row(&self, r: u32) -> &[f32] {
        let at = r as usize * self.width;
        &self.sums[at..at + self.width]
    }

    /// Type `id`'s row at window offset `d` (-2 to 2).
    #[inline(always)]
    fn type_row(id: u32, d: u32) -> u32 {
        R_CONSTANTS + id * PLACES + d
    }
}

/// One token's features as the tagger sums them: the rows of the type
/// cache that hold its single-token features already summed (the token's
/// own type's, then its neighbours' from two before to two after), then
/// the keys computed for this token alone, in template order, which the
/// model resolves and adds.
pub(crate) struct Items {
    pub(crate) rows: [u32; PLACES as usize],
    pub(crate) n_rows: usize,
    /// The computed keys.
    pub(crate) keys: [u64; MAX_KEYS],
    pub(crate) n_keys: usize,
    /// The model's scratch for resolving `keys`: their home slots.
    pub(crate) slots: [u64; MAX_KEYS],
}

impl Items {
    pub(crate) fn new() -> Items {
        Items { rows: [0; PLACES as usize], n_rows: 0, keys: [0; MAX_KEYS], n_keys: 0, slots: [0; MAX_KEYS] }
    }

    #[inline(always)]
    fn row(&mut self, r: u32) {
        self.rows[self.n_rows] = r;
        self.n_rows += 1;
    }

    #[inline(always)]
    fn key(&mut self, template: u32, value: u64) {
        self.keys[self.n_keys] = hash::feature(template, value);
        self.n_keys += 1;
    }
}

impl Features {
    /// Computes every token's features for the document `seg`.
    /// Computes every token's local features and keeps them all (training
    /// revisits them each epoch).
    #[cfg(feature = "train")]
    pub(crate) fn extract(&mut self, seg: &Segmented, res: &Resources) {
        self.prepare(seg, res);
        self.offsets.push(0);
        for s in &seg.sentences {
            for i in s.tokens.clone() {
                self.token_features(seg, res, s.tokens.start, s.tokens.end.min(seg.tokens.len()), i);
                self.offsets.push(self.keys.len() as u32);
            }
        }
    }

    /// The local features of token `i` of a sentence spanning tokens `lo..hi`,
    /// computed on demand after [`Features::prepare`]: the keys that
    /// [`Features::token_items`] reads from the word-type cache and computes.
    #[cfg(test)]
    pub(crate) fn local_keys(&mut self, seg: &Segmented, res: &Resources, lo: usize, hi: usize, i: usize) -> &[u64] {
        self.keys.clear();
        self.token_features(seg, res, lo, hi, i);
        &self.keys
    }

    /// The per-token facts and document-level statistics the features read:
    /// forms, shapes, sentence starts, capital lines, casing elsewhere, names.
    #[cfg(any(test, feature = "train"))]
    pub(crate) fn prepare(&mut self, seg: &Segmented, res: &Resources) {
        self.prepare_with(seg, res, None);
    }

    /// Every token's facts, for comparing two ways of preparing them.
    #[cfg(test)]
    pub(crate) fn facts(&self) -> String {
        format!("{:?}", self.toks)
    }

    /// [`Features::prepare`], and each token's word type in `cache`: a word
    /// seen before takes its own facts from there, a new one is added with
    /// its keys resolved by `resolve` (the model's look-up). Then
    /// [`Features::token_items`] gives the tokens' features.
    pub(crate) fn prepare_typed(
        &mut self,
        seg: &Segmented,
        res: &Resources,
        cache: &mut TypeCache,
        resolve: &mut dyn FnMut(u64) -> u32,
    ) {
        if cache.pool.len() > TypeCache::MAX_POOL {
            cache.reset(resolve);
        }
        self.prepare_with(seg, res, Some((cache, resolve)));
    }

    fn prepare_with(
        &mut self,
        seg: &Segmented,
        res: &Resources,
        mut typed: Option<(&mut TypeCache, &mut dyn FnMut(u64) -> u32)>,
    ) {
        let n = seg.tokens.len();
        let g = res.groups;
        self.keys.clear();
        self.offsets.clear();
        self.toks.clear();
        self.toks.reserve(n);
        self.types.clear();
        self.lower_ids.clear();
        let mut lowers: IdMap<u32> = IdMap::default();
        for (i, t) in seg.tokens.iter().enumerate() {
            let w = seg.word(i);
            match typed.as_mut() {
                Some((cache, resolve)) => {
                    let key = hash::fold(hash::exact(w), t.kind as u64);
                    let id = cache.type_of(key, w, t.kind, || own_facts(w, t.kind, res), res, *resolve);
                    let e = &cache.entries[id as usize];
                    self.toks.push(e.tok);
                    self.lower_ids.push(e.lower_id);
                    self.types.push(id);
                }
                None => {
                    let tok = own_facts(w, t.kind, res);
                    let next = lowers.len() as u32;
                    self.lower_ids.push(*lowers.entry(tok.lower).or_insert(next));
                    self.toks.push(tok);
                }
            }
        }
        // Sentence starts, capital and title-case lines, casing elsewhere.
        let ids = match typed.as_ref() {
            Some((cache, _)) => cache.lowers.len(),
            None => lowers.len(),
        };
        let mut casing = std::mem::take(&mut self.casing);
        if casing.len() < ids {
            casing.resize(ids, 0);
        }
        let mut title_lines = Vec::new();
        let mut seen_words = false;
        for s in &seg.sentences {
            let toks = &seg.tokens[s.tokens.clone()];
            let caps = is_caps_line(seg, toks);
            // Only the article's first sentence can be its headline; lists of
            // names and signature lines further down look the same.
            let first_sentence = !seen_words;
            seen_words |= toks.iter().any(|t| t.kind == TokenKind::Word);
            let title = self.read_headline && first_sentence && !caps && is_title_line(seg, toks);
            if title {
                title_lines.push(s.tokens.clone());
            }
            let mut first = true;
            for i in s.tokens.clone() {
                let t = &mut self.toks[i];
                t.caps_line = caps;
                if first && matches!(seg.tokens[i].kind, TokenKind::Word | TokenKind::Number) {
                    t.initial = true;
                    first = false;
                }
                if !caps && !title && !t.initial && seg.tokens[i].kind == TokenKind::Word {
                    let bit = match t.cap {
                        c if c == Cap::Lower as u8 => 1,
                        c if c == Cap::Initial as u8 => 2,
                        c if c == Cap::AllCaps as u8 => 4,
                        _ => 0,
                    };
                    casing[self.lower_ids[i] as usize] |= bit;
                }
            }
        }
        // In a title-case headline at the top of an article ("Sprint to Buy
        // Nextel in $36 Billion Deal") a capital says nothing: a word the
        // training text knows in lower case, and that this document never
        // capitalises mid-sentence, is read in lower case ("buy", "billion",
        // "deal"). The first word keeps its capital, as every sentence's does.
        if !res.clusters.map.is_empty() {
            for line in title_lines {
                for i in line {
                    let t = self.toks[i];
                    if t.initial || t.cap != Cap::Initial as u8 || seg.tokens[i].kind != TokenKind::Word {
                        continue;
                    }
                    let seen_capitalised = casing[self.lower_ids[i] as usize] & 2 != 0;
                    let lw = seg.word(i).to_lowercase();
                    let form = hash::word(&lw, false);
                    if seen_capitalised || !res.clusters.map.contains_key(&form) {
                        continue;
                    }
                    let (shape, short_shape) = shapes(&lw);
                    let t = &mut self.toks[i];
                    t.form = form;
                    t.shape = shape;
                    t.short_shape = short_shape;
                    t.cap = Cap::Lower as u8;
                    t.lowered = true;
                    if g & group::CLUSTERS != 0 {
                        t.cluster = res.clusters.lookup(form, t.lower);
                    }
                }
            }
        }
        // A lowered word is a type of its own.
        if let Some((cache, resolve)) = typed {
            for (i, t) in seg.tokens.iter().enumerate() {
                let tok = self.toks[i];
                if tok.lowered {
                    let w = t.span.slice(seg.text);
                    let key = hash::fold(hash::fold(hash::exact(w), t.kind as u64), 1);
                    self.types[i] = cache.type_of(key, w, t.kind, || tok, res, resolve);
                }
            }
        }
        // Name lists.
        if g & group::GAZETTEER != 0 && res.gazetteer.len() > 0 {
            for s in &seg.sentences {
                let toks = &seg.tokens[s.tokens.clone()];
                self.lower_buf.clear();
                self.start_buf.clear();
                for i in s.tokens.clone() {
                    let t = &self.toks[i];
                    self.lower_buf.push(t.lower);
                    let upper = !t.lowered && seg.word(i).chars().next().is_some_and(char::is_uppercase);
                    self.start_buf.push(seg.tokens[i].kind == TokenKind::Word && upper);
                }
                let mut out = vec![0u64; toks.len()];
                res.gazetteer.annotate(toks, &self.lower_buf, &self.start_buf, &mut out);
                for (k, i) in s.tokens.clone().enumerate() {
                    self.toks[i].gaz = out[k];
                }
            }
        }
        for (t, &id) in self.toks.iter_mut().zip(&self.lower_ids) {
            t.doc_case = casing[id as usize];
        }
        for &id in &self.lower_ids {
            casing[id as usize] = 0;
        }
        self.casing = casing;
    }

    #[cfg(any(test, feature = "train"))]
    fn token_features(&mut self, seg: &Segmented, res: &Resources, lo: usize, hi: usize, i: usize) {
        let mut buf = KeyBuf { keys: [0; MAX_KEYS], len: 0 };
        self.token_keys(seg, res, lo, hi, i, &mut buf);
        self.keys.extend_from_slice(&buf.keys[..buf.len]);
    }

    #[cfg(any(test, feature = "train"))]
    /// Token `i`'s local keys, in template order, into `out`. The window's
    /// values are read once, and every template is written out with its
    /// number, so that the compiler folds each template into its hash.
    fn token_keys(&self, seg: &Segmented, res: &Resources, lo: usize, hi: usize, i: usize, out: &mut KeyBuf) {
        let g = res.groups;
        let toks = &self.toks;
        let at = |d: isize| -> Option<&Tok> {
            let j = i as isize + d;
            if j < lo as isize || j >= hi as isize { None } else { Some(&toks[j as usize]) }
        };
        let t = toks[i];
        let (p2, p1, n1, n2) = (at(-2), at(-1), at(1), at(2));
        let before = |p: Option<&Tok>, get: fn(&Tok) -> u64| p.map_or(SENTINEL_BEFORE, get);
        let after = |p: Option<&Tok>, get: fn(&Tok) -> u64| p.map_or(SENTINEL_AFTER, get);
        let lower =
            [before(p2, |t| t.lower), before(p1, |t| t.lower), t.lower, after(n1, |t| t.lower), after(n2, |t| t.lower)];
        let short = [
            before(p2, |t| t.short_shape),
            before(p1, |t| t.short_shape),
            t.short_shape,
            after(n1, |t| t.short_shape),
            after(n2, |t| t.short_shape),
        ];
        let mut f = |template: u32, value: u64| out.push(hash::feature(template, value));
        f(T_BIAS, 0);
        let kind = seg.tokens[i].kind;
        if matches!(kind, TokenKind::Url | TokenKind::Email) {
            // Links are never names: the decoder forbids it; one feature is enough.
            f(T_KIND, kind as u64);
            return;
        }
        if g & group::WORDS != 0 {
            f(T_W, lower[0]);
            f(T_W + 1, lower[1]);
            f(T_W + 2, lower[2]);
            f(T_W + 3, lower[3]);
            f(T_W + 4, lower[4]);
            f(T_FORM, t.form);
            f(T_FORM_PREV, before(p1, |t| t.form));
            f(T_FORM_NEXT, after(n1, |t| t.form));
        }
        if g & group::AFFIXES != 0 && kind == TokenKind::Word {
            affixes(seg.word(i), &mut f);
        }
        if g & group::SHAPE != 0 {
            f(T_SHAPE, short[0]);
            f(T_SHAPE + 1, short[1]);
            f(T_SHAPE + 2, t.shape);
            f(T_SHAPE + 3, short[3]);
            f(T_SHAPE + 4, short[4]);
            f(T_SHORT3, hash::fold(hash::fold(short[1], t.short_shape), short[3]));
            f(T_SHORT_PREV, hash::fold(short[1], t.short_shape));
            f(T_SHORT_NEXT, hash::fold(t.short_shape, short[3]));
            let cap_of = |p: Option<&Tok>| p.map_or(15, |p| p.cap as u64);
            f(T_CAP, t.cap as u64);
            f(T_CAP3, cap_of(p1) | (t.cap as u64) << 4 | cap_of(n1) << 8);
        }
        if g & group::DOCUMENT != 0 {
            let ctx = (t.cap as u64) | (t.initial as u64) << 4 | (t.caps_line as u64) << 5;
            f(T_DOC_CASE, ctx | (t.doc_case as u64) << 6);
            if t.initial {
                f(T_INITIAL_CAP_WORD, hash::fold(t.lower, t.doc_case as u64));
            }
            if t.caps_line {
                f(T_CAPS_LINE_WORD, hash::fold(t.lower, t.doc_case as u64));
            }
            f(T_DOC_CASE_WORD, hash::fold(t.lower, ctx));
        }
        if g & group::GAZETTEER != 0 && res.gazetteer.len() > 0 {
            // The lists with a position code, in list order.
            if let Some(p) = p1 {
                each_list(p.gaz, |l, _| f(T_GAZ, l as u64));
            }
            each_list(t.gaz, |l, pos| f(T_GAZ + 1, (l as u64) << 3 | pos));
            if let Some(p) = n1 {
                each_list(p.gaz, |l, _| f(T_GAZ + 2, l as u64));
            }
            f(T_GAZ_ANY, (t.gaz != 0) as u64 | (t.cap as u64) << 1);
        }
        if g & group::CLUSTERS != 0 {
            for (d, p) in [(-1isize, p1), (0, Some(&t)), (1, n1)] {
                let base = T_CLUSTER + ((d + 1) * 8) as u32;
                let Some((bits, len)) = p.and_then(|p| p.cluster) else {
                    f(base + 7, 0);
                    continue;
                };
                if res.clusters.prefixes.is_empty() {
                    f(base, bits as u64);
                } else {
                    for (k, &p) in res.clusters.prefixes.iter().enumerate().take(7) {
                        if d != 0 && k % 2 == 1 {
                            continue;
                        }
                        let p = p.min(len);
                        let v = if p == 0 { 0 } else { (bits >> (len - p)) as u64 | (p as u64) << 32 };
                        f(base + k as u32, v);
                    }
                }
            }
        }
        if g & group::CONJUNCTIONS != 0 {
            f(T_BIGRAM_PREV, hash::fold(lower[1], t.lower));
            f(T_BIGRAM_NEXT, hash::fold(t.lower, lower[3]));
            f(T_PREV_SHAPE, hash::fold(lower[1], t.short_shape));
            f(T_SHAPE_NEXT, hash::fold(t.short_shape, lower[3]));
            f(T_PREV2, hash::fold(lower[0], lower[1]));
        }
    }

    /// Token `i`'s local features as items over `cache` (after
    /// [`Features::prepare_typed`] and [`TypeCache::fill_rows`]): the same
    /// features as [`Features::token_keys`], those of single tokens as the
    /// rows of their types.
    pub(crate) fn token_items(
        &self,
        seg: &Segmented,
        res: &Resources,
        (lo, hi): (usize, usize),
        i: usize,
        out: &mut Items,
    ) {
        out.n_rows = 0;
        out.n_keys = 0;
        let g = res.groups;
        let toks = &self.toks;
        let at = |d: isize| -> Option<usize> {
            let j = i as isize + d;
            if j < lo as isize || j >= hi as isize { None } else { Some(j as usize) }
        };
        let t = toks[i];
        let kind = seg.tokens[i].kind;
        if matches!(kind, TokenKind::Url | TokenKind::Email) {
            out.row(R_BIAS);
            out.key(T_KIND, kind as u64);
            return;
        }
        let (p2, p1, n1, n2) = (at(-2), at(-1), at(1), at(2));
        out.row(TypeCache::type_row(self.types[i], 2));
        for (p, d, past) in [(p2, 0, R_PAST[0]), (p1, 1, R_PAST[1]), (n1, 3, R_PAST[2]), (n2, 4, R_PAST[3])] {
            out.row(p.map_or(past, |j| TypeCache::type_row(self.types[j], d)));
        }
        let short_of = |p: Option<usize>, missing: u64| p.map_or(missing, |j| toks[j].short_shape);
        let (s1, s3) = (short_of(p1, SENTINEL_BEFORE), short_of(n1, SENTINEL_AFTER));
        if g & group::SHAPE != 0 {
            out.key(T_SHORT3, hash::fold(hash::fold(s1, t.short_shape), s3));
            out.key(T_SHORT_PREV, hash::fold(s1, t.short_shape));
            out.key(T_SHORT_NEXT, hash::fold(t.short_shape, s3));
            let cap_of = |p: Option<usize>| p.map_or(15, |j| toks[j].cap as u64);
            out.key(T_CAP3, cap_of(p1) | (t.cap as u64) << 4 | cap_of(n1) << 8);
        }
        if g & group::DOCUMENT != 0 {
            let ctx = (t.cap as u64) | (t.initial as u64) << 4 | (t.caps_line as u64) << 5;
            out.key(T_DOC_CASE, ctx | (t.doc_case as u64) << 6);
            if t.initial {
                out.key(T_INITIAL_CAP_WORD, hash::fold(t.lower, t.doc_case as u64));
            }
            if t.caps_line {
                out.key(T_CAPS_LINE_WORD, hash::fold(t.lower, t.doc_case as u64));
            }
            out.key(T_DOC_CASE_WORD, hash::fold(t.lower, ctx));
        }
        if g & group::GAZETTEER != 0 && res.gazetteer.len() > 0 {
            if let Some(p) = p1 {
                each_list(toks[p].gaz, |l, _| out.key(T_GAZ, l as u64));
            }
            each_list(t.gaz, |l, pos| out.key(T_GAZ + 1, (l as u64) << 3 | pos));
            if let Some(n) = n1 {
                each_list(toks[n].gaz, |l, _| out.key(T_GAZ + 2, l as u64));
            }
            out.key(T_GAZ_ANY, (t.gaz != 0) as u64 | (t.cap as u64) << 1);
        }
        if g & group::CONJUNCTIONS != 0 {
            let lower_of = |p: Option<usize>, missing: u64| p.map_or(missing, |j| toks[j].lower);
            let (l0, l1, l3) =
                (lower_of(p2, SENTINEL_BEFORE), lower_of(p1, SENTINEL_BEFORE), lower_of(n1, SENTINEL_AFTER));
            out.key(T_BIGRAM_PREV, hash::fold(l1, t.lower));
            out.key(T_BIGRAM_NEXT, hash::fold(t.lower, l3));
            out.key(T_PREV_SHAPE, hash::fold(l1, t.short_shape));
            out.key(T_SHAPE_NEXT, hash::fold(t.short_shape, l3));
            out.key(T_PREV2, hash::fold(l0, l1));
        }
    }

    /// Whether token `i` takes non-local features: a word written with a capital.
    pub(crate) fn nonlocal_eligible(&self, seg: &Segmented, i: usize) -> bool {
        seg.tokens[i].kind == TokenKind::Word
            && !self.toks.get(i).is_some_and(|t| t.lowered)
            && seg.word(i).chars().next().is_some_and(char::is_uppercase)
    }

    /// Non-local features from first-pass labels (`labels[i]`: 0 outside, else
    /// 1 + label index): for each capitalised word, how the other
    /// occurrences of the same word in the document were labelled.
    /// Token `i` owns `keys[offsets[i]..offsets[i + 1]]`.
    #[allow(clippy::needless_range_loop)]
    pub(crate) fn nonlocal(&self, seg: &Segmented, labels: &[u8], keys: &mut Vec<u64>, offsets: &mut Vec<u32>) {
        keys.clear();
        offsets.clear();
        let n = self.toks.len().min(labels.len());
        // Per word: how often each label; slots 5.. count occurrences inside
        // a longer name of that label.
        let mut counts: IdMap<[u16; 10]> = IdMap::default();
        for i in 0..n {
            if self.nonlocal_eligible(seg, i) {
                let c = counts.entry(self.toks[i].lower).or_insert([0; 10]);
                let l = (labels[i] as usize).min(4);
                c[l] = c[l].saturating_add(1);
                let multi = l > 0 && (i > 0 && labels[i - 1] == labels[i] || i + 1 < n && labels[i + 1] == labels[i]);
                if multi {
                    c[5 + l] = c[5 + l].saturating_add(1);
                }
            }
        }
        offsets.push(0);
        for i in 0..n {
            if self.nonlocal_eligible(seg, i) {
                let t = &self.toks[i];
                let all_counts = counts.get(&t.lower).copied().unwrap_or([0; 10]);
                let mut c = [0u16; 5];
                c.copy_from_slice(&all_counts[..5]);
                let own = (labels[i] as usize).min(4);
                c[own] = c[own].saturating_sub(1);
                let total: u32 = c.iter().map(|&x| x as u32).sum();
                for l in 1..5 {
                    // Elsewhere part of a longer name, here alone (or the reverse).
                    if all_counts[5 + l] > 0 && c[l] > 0 {
                        let here_multi = own == l
                            && (i > 0 && labels[i - 1] == labels[i] || i + 1 < n && labels[i + 1] == labels[i]);
                        keys.push(hash::feature(T_NL_MULTI, l as u64 | (here_multi as u64) << 3));
                    }
                }
                let ctx = (t.cap as u64) | (t.initial as u64) << 4 | (t.caps_line as u64) << 5;
                if total == 0 {
                    keys.push(hash::feature(T_NL_NONE, ctx));
                } else {
                    let (mut best, mut arg) = (0u16, 0usize);
                    for (l, &x) in c.iter().enumerate() {
                        if x > best {
                            best = x;
                            arg = l;
                        }
                    }
                    let all = best as u32 == total;
                    keys.push(hash::feature(T_NL_MAJ, arg as u64 | (all as u64) << 3));
                    for (l, &x) in c.iter().enumerate().skip(1) {
                        if x > 0 {
                            keys.push(hash::feature(T_NL_HAS, l as u64));
                            keys.push(hash::feature(T_NL_HAS_CTX, l as u64 | ctx << 3));
                        }
                    }
                }
            }
            offsets.push(keys.len() as u32);
        }
        while offsets.len() < self.toks.len() + 1 {
            offsets.push(keys.len() as u32);
        }
    }

    /// Token `i`'s lower-cased word hash.
    pub(crate) fn lower(&self, i: usize) -> u64 {
        self.toks.get(i).map_or(0, |t| t.lower)
    }

    #[cfg(feature = "train")]
    pub(crate) fn token(&self, i: usize) -> &[u64] {
        let (a, b) = (self.offsets[i] as usize, self.offsets[i + 1] as usize);
        &self.keys[a..b]
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The one-pass ASCII affixes are those of `affix`, in the same order.
    #[test]
    fn ascii_affixes_match_the_char_loop() {
        let all: String = (0u8..128).map(char::from).collect();
        for w in ["", "a", "Xi", "NATO", "Rutte", "U.S.", "1996-08-30", "don't", "A380", all.as_str()] {
            let mut fast = Vec::new();
            affixes(w, &mut |t, v| fast.push((t, v)));
            let mut slow = Vec::new();
            for n in 1..=4 {
                if let Some(h) = affix(w, n, false) {
                    slow.push((T_PREFIX + n as u32 - 1, h));
                }
                if let Some(h) = affix(w, n, true) {
                    slow.push((T_SUFFIX + n as u32 - 1, h));
                }
            }
            slow.push((T_LEN, w.chars().count().min(12) as u64));
            assert_eq!(fast, slow, "{w:?}");
        }
    }
}
