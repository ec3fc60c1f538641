//! Allocation-free hashing of words and features: an FxHash-style mix over
//! bytes, finished with a SplitMix64 avalanche so that truncated keys stay
//! uniform.

/// The FxHash multiplier.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Folds one value into a running hash.
#[inline]
pub(crate) const fn fold(h: u64, x: u64) -> u64 {
    (h.rotate_left(5) ^ x).wrapping_mul(K)
}

/// SplitMix64's finaliser: every input bit reaches every output bit.
#[inline]
pub(crate) const fn finish(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// The start of every feature hash.
const FEATURE_SEED: u64 = 0x9e37_79b9_7f4a_7c15;

/// The running hash after each template id below 128, worked out at
/// compile time: a template computed at run time (an affix length, a
/// word-class prefix) costs one load instead of a fold.
const TEMPLATE_SEEDS: [u64; 128] = {
    let mut seeds = [0u64; 128];
    let mut t = 0;
    while t < seeds.len() {
        seeds[t] = fold(FEATURE_SEED, t as u64);
        t += 1;
    }
    seeds
};

/// The key of feature `template` with value `value`.
#[inline]
pub(crate) const fn feature(template: u32, value: u64) -> u64 {
    let seed = if (template as usize) < TEMPLATE_SEEDS.len() {
        TEMPLATE_SEEDS[template as usize]
    } else {
        fold(FEATURE_SEED, template as u64)
    };
    finish(fold(seed, value))
}

/// Hashes a word exactly as written (no case folding, digits and
/// typographic variants kept): the identity of a word type.
#[inline]
pub(crate) fn exact(w: &str) -> u64 {
    let mut h = 0x1319_8a2e_0370_7344;
    for &b in w.as_bytes() {
        h = fold(h, b as u64);
    }
    finish(fold(h, w.len() as u64))
}

/// The longest word [`packed`] holds, in bytes.
pub(crate) const PACKED_BYTES: usize = 15;

/// A word of at most [`PACKED_BYTES`] bytes as one number (lower-cased
/// when asked): its bytes from the top, zero-padded, and its length in the
/// lowest byte. Numbers of words compare as the words do, so a sorted list
/// of words gives sorted numbers, searched with one comparison a step.
pub(crate) const fn packed(w: &[u8], lower: bool) -> u128 {
    let mut key = 0u128;
    let mut i = 0;
    while i < PACKED_BYTES {
        let b = if i >= w.len() {
            0
        } else if lower {
            w[i].to_ascii_lowercase()
        } else {
            w[i]
        };
        key = key << 8 | b as u128;
        i += 1;
    }
    key << 8 | w.len() as u128
}

/// [`packed`] for each of `words`, in order (`N` is their count).
pub(crate) const fn packed_all<const N: usize>(words: &[&str], lower: bool) -> [u128; N] {
    let mut keys = [0u128; N];
    let mut i = 0;
    while i < N {
        keys[i] = packed(words[i].as_bytes(), lower);
        i += 1;
    }
    keys
}

/// Folds typographic variants to one form: curly apostrophes and quotes
/// to straight ones, so that pasted text reads like the training text.
#[inline]
pub(crate) fn norm_char(c: char) -> char {
    match c {
        '\u{2019}' | '\u{2018}' | '\u{02BC}' | '\u{201B}' | '\u{2032}' => '\'',
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{00AB}' | '\u{00BB}' => '"',
        '\u{2010}' | '\u{2011}' => '-',
        c => c,
    }
}

/// Hashes a word, lower-casing it and folding every digit to `0` when asked.
/// Hashes chars rather than bytes so that case folding never allocates.
#[inline]
pub(crate) fn word(w: &str, lower: bool) -> u64 {
    if w.is_ascii() {
        return ascii_word(w.as_bytes(), lower);
    }
    finish(fold_chars(WORD_SEED, w, lower))
}

/// [`word`] of a word of ASCII bytes (most words: bytes are chars, and no
/// ASCII char is a typographic variant).
#[inline]
pub(crate) fn ascii_word(w: &[u8], lower: bool) -> u64 {
    let mut h = WORD_SEED;
    for &b in w {
        let b = if b.is_ascii_digit() {
            b'0'
        } else if lower {
            b.to_ascii_lowercase()
        } else {
            b
        };
        h = fold(h, b as u64);
    }
    finish(h)
}

const WORD_SEED: u64 = 0x243f_6a88_85a3_08d3;

/// The general path of [`word`]: char by char, with typographic variants
/// normalised (the ASCII path must hash exactly as this does).
fn fold_chars(mut h: u64, w: &str, lower: bool) -> u64 {
    for c in w.chars() {
        let c = if c.is_ascii_digit() {
            '0'
        } else if lower {
            lower_char(norm_char(c))
        } else {
            norm_char(c)
        };
        h = fold(h, c as u64);
    }
    h
}

/// The lower-case form of one char (its first char when lower-casing expands it).
#[inline]
pub(crate) fn lower_char(c: char) -> char {
    if c.is_ascii() { c.to_ascii_lowercase() } else { c.to_lowercase().next().unwrap_or(c) }
}

/// A set of `64 * N` bits, one set for each word of a list by a sketch of
/// the word (its length and a few of its bytes, mixed): a word whose bit is
/// clear is not in the list, told without hashing or searching for it.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Sketches<const N: usize>([u64; N]);

impl<const N: usize> Sketches<N> {
    pub(crate) const fn new() -> Self {
        Sketches([0; N])
    }

    /// Sets bit `b` (below `64 * N`).
    pub(crate) const fn set(&mut self, b: usize) {
        self.0[b / 64] |= 1 << (b % 64);
    }

    /// Whether bit `b` is set.
    #[inline]
    pub(crate) const fn has(&self, b: usize) -> bool {
        self.0[b / 64] >> (b % 64) & 1 == 1
    }
}

/// A `Hasher` for keys that are already hashes.
#[derive(Default, Clone, Copy)]
pub(crate) struct IdHasher(u64);

impl std::hash::Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fold(self.0, b as u64);
        }
    }
    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

pub(crate) type BuildIdHasher = std::hash::BuildHasherDefault<IdHasher>;
/// A map keyed by hashes.
pub(crate) type IdMap<V> = std::collections::HashMap<u64, V, BuildIdHasher>;

/// A `Hasher` for short strings (word lists): the fold over bytes,
/// finished with the avalanche so that the table's low bits are uniform.
#[derive(Default, Clone, Copy)]
pub(crate) struct WordHasher(u64);

impl std::hash::Hasher for WordHasher {
    fn finish(&self) -> u64 {
        finish(self.0)
    }
    fn write(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 = fold(self.0, b as u64);
        }
    }
}

/// A map keyed by words, hashed with [`WordHasher`] (not SipHash: the keys
/// are the project's own lists, not input an attacker chooses).
pub(crate) type WordMap<K, V> = std::collections::HashMap<K, V, std::hash::BuildHasherDefault<WordHasher>>;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_and_digits_fold() {
        assert_eq!(word("Rutte", true), word("RUTTE", true));
        assert_ne!(word("Rutte", false), word("RUTTE", false));
        assert_eq!(word("1996", false), word("2025", false));
        assert_eq!(word("\u{C9}cole", true), word("\u{E9}COLE", true));
        assert_eq!(word("\u{2019}s", false), word("'s", false));
    }

    /// The byte loop for ASCII words hashes exactly as the char loop does.
    #[test]
    fn ascii_words_hash_as_chars() {
        let by_chars = |w: &str, lower: bool| finish(fold_chars(WORD_SEED, w, lower));
        let all: String = (0u8..128).map(char::from).collect();
        for w in ["Rutte", "NATO", "U.S.", "1996-08-30", "don't", "A380", "", all.as_str()] {
            for lower in [false, true] {
                assert_eq!(word(w, lower), by_chars(w, lower), "{w:?} {lower}");
            }
        }
        for b in 0u8..128 {
            let w = char::from(b).to_string();
            assert_eq!(word(&w, true), by_chars(&w, true));
            assert_eq!(word(&w, false), by_chars(&w, false));
        }
    }
}
