//! The trained tagger: its binary format, loading through one constructor,
//! scoring tokens with quantised weights and Viterbi decoding.
//!
//! Layout (little-endian), version 1:
//!
//! ```text
//! magic "AAENTMDL", u32 version, u32 tag scheme, u32 feature groups, u32 tags,
//! f32 start[tags], f32 end[tags], f32 transitions[tags * tags], f32 codebook[127]
//! (the weight of code k > 0; code -k weighs minus that),
//! u32 length + name lists (UTF-8 lines "list<TAB>name"), u32 length + list names
//! (one per line), u8 cluster prefix count + prefixes, u32 length + word classes
//! (UTF-8 lines "word<TAB>path"), u32 features, LEB128 key deltas, LEB128 tag
//! masks, i8 weight codes (one per set mask bit), u32 FNV-1a checksum of all before it.
//! ```

use super::features::{Clusters, Features, Items, Resources, TypeCache};
use super::gazetteer::Gazetteer;
use super::tags::Scheme;
use crate::document::{Entity, EntityLabel};
use crate::error::Error;
use crate::span::Span;
use crate::text::{Segmented, TokenKind};

pub(crate) const MAGIC: &[u8; 8] = b"AAENTMDL";
/// Bits of a feature hash the model keeps as its key: enough that a feature
/// the model lacks finds a stranger's weights for about one token in sixty,
/// few enough to keep the key table small.
const KEY_BITS: u32 = 28;

/// The model's key of feature hash `k` (never 0).
#[inline]
pub(crate) fn model_key(k: u64) -> u32 {
    (k >> (64 - KEY_BITS)) as u32 | 1
}
pub(crate) const VERSION: u32 = 1;

/// Adds a dense row of `N` weights (the tag count: 17 with BILOU, 9 with
/// BIO) to the first `N` sums; a width known to the compiler lets it add
/// four lanes at a time without a loop. Each lane's addition is the same
/// IEEE one as the scalar loop's, so the sums are bit for bit equal.
#[inline(always)]
fn add_dense<const N: usize>(sum: &mut [f32; 32], row: &[f32]) {
    let row = &row[..N];
    for k in 0..N {
        sum[k] += row[k];
    }
}

/// The home slot of a model key in a table of `2^(32 - shift)` slots.
#[inline]
fn home(key: u32, shift: u32) -> usize {
    (key.wrapping_mul(0x9E37_79B9) >> shift) as usize
}
const NEG: f32 = -1e30;

/// Numbers for loaded models (0: none).
static NEXT_MODEL_ID: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(1);

thread_local! {
    /// Each thread's word types, resolved against the model whose id it
    /// holds: they stay from one document to the next, so that a word seen
    /// before costs no hashing or look-up for its single-token features.
    /// The cache only remembers what the model returns, so outputs never
    /// depend on what it holds.
    static TYPES: std::cell::RefCell<(u64, TypeCache)> = std::cell::RefCell::new((0, TypeCache::default()));
}
/// Whether a compound with a lower-case part gives up that part
/// ("Washington-based" -> LOC "Washington") instead of keeping CoNLL-2003's
/// whole-compound MISC. Off: it costs 0.4 dev / 0.35 test F1 on CoNLL-2003
/// (DESIGN.md, "Hyphenated compounds").
const SPLIT_LOWER_CASE_COMPOUNDS: bool = false;

/// A trained entity tagger. Load it once with [`EntityModel::from_bytes`];
/// tagging is then read-only and thread-safe.
#[derive(Clone)]
pub struct EntityModel {
    scheme: Scheme,
    n_tags: usize,
    /// Start, end and transition scores, with illegal moves at `NEG`.
    start: Vec<f32>,
    end: Vec<f32>,
    trans: Vec<f32>,
    res: Resources,
    /// Open-addressed table: each slot holds a model key (low 32 bits, 0 =
    /// empty) and the feature's weights (high 32 bits, see [`Payload`]), so
    /// a lookup touches one cache line and no second table.
    slots: Vec<u64>,
    /// A key's home slot is the top bits of `key * FIBONACCI`: keys are
    /// hash bits with the lowest forced to 1, so they cannot index directly.
    home_shift: u32,
    /// The weights of features with more than [`INLINE`] tags and fewer
    /// than [`DENSE`]: at each offset a count, then that many packed
    /// `(tag, code)` pairs.
    spill: Vec<u16>,
    /// The weights of features with [`DENSE`] tags or more (the common
    /// ones: bias, capitalisation, shapes), decoded: `width` floats per row,
    /// zero where the feature has no weight, summed without a branch.
    dense: Vec<f32>,
    /// Floats per dense row: `n_tags`.
    width: usize,
    /// The weight of each code, indexed by the code as a byte.
    codebook: Box<[f32; 256]>,
    /// The legal predecessors of each tag, for Viterbi.
    plan: Plan,
    n_features: usize,
    /// This model's number among those loaded in the process: the word-type
    /// cache of a thread belongs to one model.
    id: u64,
}

/// How many `(tag, code)` pairs a slot holds itself. A feature has weight
/// for 2.1 tags on average and 84 % have one or two; the rest spill.
const INLINE: usize = 2;
/// Features with weight for this many tags or more keep a dense row.
const DENSE: usize = 7;
/// A slot's high 32 bits: with the top bit clear, a count (bits 26..28) and
/// up to two 13-bit pairs `tag | code << 5` (bits 0..13, 13..26); with it
/// set, the offset of the feature's pairs in `spill`, or (bit 30 set too)
/// of its row in `dense`.
struct Payload;

impl Payload {
    const SPILLED: u32 = 1 << 31;
    const DENSE: u32 = 1 << 30;
    const PAIR_BITS: u32 = 13;
    const PAIR_MASK: u32 = (1 << Self::PAIR_BITS) - 1;

    #[inline]
    fn pair(tag: usize, code: i8) -> u32 {
        tag as u32 | (code as u8 as u32) << 5
    }
}

impl std::fmt::Debug for EntityModel {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("EntityModel")
            .field("scheme", &self.scheme)
            .field("features", &self.n_features)
            .field("name_lists", &self.res.gazetteer.names)
            .field("name_list_entries", &self.res.gazetteer.len())
            .field("word_classes", &self.res.clusters.map.len())
            .finish()
    }
}

/// The parts of a model, as training produces them (weights not yet quantised).
#[cfg(feature = "train")]
#[derive(Clone, Debug)]
pub struct RawModel {
    pub(crate) scheme: Scheme,
    pub(crate) groups: u32,
    pub(crate) start: Vec<f32>,
    pub(crate) end: Vec<f32>,
    pub(crate) trans: Vec<f32>,
    /// Name-list entries as `(list, name)`, and the list names.
    pub(crate) gazetteer: Vec<(usize, String)>,
    pub(crate) list_names: Vec<String>,
    pub(crate) cluster_prefixes: Vec<u8>,
    /// Word and its class path (`0`/`1` digits, or a decimal id when there are no prefixes).
    pub(crate) clusters: Vec<(String, String)>,
    /// Key (top 32 bits of a feature hash) and its weights per tag.
    pub(crate) features: Vec<(u32, Vec<f32>)>,
}

fn fail(why: impl std::fmt::Display) -> Error {
    Error::model(format!("failed to load entity model: {why}"))
}

/// Reads the model format.
struct Reader<'a> {
    b: &'a [u8],
    at: usize,
}

impl<'a> Reader<'a> {
    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if n > self.b.len() - self.at {
            return Err(self.truncated(n));
        }
        let s = &self.b[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
    /// The error of wanting `n` bytes more than are left: out of line, so
    /// that reading the feature table's hundred thousand numbers inlines.
    #[cold]
    #[inline(never)]
    fn truncated(&self, n: usize) -> Error {
        fail(format!("the file is truncated (wanted {n} bytes at offset {} of {})", self.at, self.b.len()))
    }
    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, Error> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn f32(&mut self) -> Result<f32, Error> {
        let s = self.take(4)?;
        Ok(f32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    #[inline]
    fn varint(&mut self) -> Result<u32, Error> {
        let mut v = 0u64;
        for shift in (0..35).step_by(7) {
            let Some(&b) = self.b.get(self.at) else {
                return Err(self.truncated(1));
            };
            self.at += 1;
            v |= ((b & 0x7f) as u64) << shift;
            if b & 0x80 == 0 {
                return u32::try_from(v).map_err(|_| fail("a number in the feature table is too large"));
            }
        }
        Err(fail("a number in the feature table is too long"))
    }
    fn text(&mut self, what: &str) -> Result<&'a str, Error> {
        let n = self.u32()? as usize;
        std::str::from_utf8(self.take(n)?).map_err(|_| fail(format!("the {what} are not valid UTF-8")))
    }
}

/// The lines of a text exactly as [`str::lines`] gives them (a final line
/// ending optional, `\r\n` taken as one), each found by a byte loop: the
/// model's name lists and word classes are some 60,000 lines of a dozen
/// bytes, shorter than `lines`' general search takes to set up.
struct Lines<'a>(&'a str);

impl<'a> Iterator for Lines<'a> {
    type Item = &'a str;

    #[inline]
    fn next(&mut self) -> Option<&'a str> {
        if self.0.is_empty() {
            return None;
        }
        Some(match self.0.bytes().position(|b| b == b'\n') {
            Some(i) => {
                let line = &self.0[..i];
                self.0 = &self.0[i + 1..];
                line.strip_suffix('\r').unwrap_or(line)
            }
            None => std::mem::take(&mut self.0),
        })
    }
}

/// `line.split_once('\t')`, by a byte loop (see [`Lines`]).
#[inline]
fn split_tab(line: &str) -> Option<(&str, &str)> {
    let i = line.bytes().position(|b| b == b'\t')?;
    Some((&line[..i], &line[i + 1..]))
}

fn fnv1a(bytes: &[u8]) -> u32 {
    let mut h = 0x811c_9dc5u32;
    for &b in bytes {
        h = (h ^ b as u32).wrapping_mul(0x0100_0193);
    }
    h
}

#[cfg(feature = "train")]
fn write_varint(out: &mut Vec<u8>, mut v: u32) {
    while v >= 0x80 {
        out.push((v as u8 & 0x7f) | 0x80);
        v >>= 7;
    }
    out.push(v as u8);
}

#[cfg(feature = "train")]
impl RawModel {
    /// Writes the model format. Feature weights become codes of a codebook
    /// of `levels` magnitudes (at most 127) up to the largest weight: evenly
    /// spaced when `floor` is 0, else log-spaced from `floor`. Weights that
    /// round to no level are dropped.
    pub fn to_bytes(&self, floor: f32, levels: u8) -> Vec<u8> {
        let n_tags = self.scheme.len();
        let levels = levels.clamp(1, 127) as usize;
        let top = self.features.iter().flat_map(|f| f.1.iter()).fold(0f32, |m, &x| m.max(x.abs()));
        let top = top.max(f32::MIN_POSITIVE);
        let linear = floor <= 0.0;
        let floor = if linear { top / levels as f32 } else { floor.clamp(f32::MIN_POSITIVE, top) };
        let ratio = if levels > 1 { (top / floor).ln() / (levels - 1) as f32 } else { 0.0 };
        let mut book = [0f32; 127];
        for (k, b) in book.iter_mut().enumerate().take(levels) {
            *b = if linear { floor * (k + 1) as f32 } else { floor * (ratio * k as f32).exp() };
        }
        let code = |x: f32| -> i8 {
            let a = x.abs();
            let k = if linear {
                (a / floor).round().min(levels as f32)
            } else if a < floor * (-ratio / 2.0).exp() {
                0.0
            } else if ratio > 0.0 {
                ((a / floor).ln() / ratio).round().clamp(0.0, (levels - 1) as f32) + 1.0
            } else {
                1.0
            };
            let c = k as i8;
            if x < 0.0 { -c } else { c }
        };
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.scheme.code().to_le_bytes());
        out.extend_from_slice(&self.groups.to_le_bytes());
        out.extend_from_slice(&(n_tags as u32).to_le_bytes());
        for &x in self.start.iter().chain(&self.end).chain(&self.trans).chain(&book) {
            out.extend_from_slice(&x.to_le_bytes());
        }
        let mut lines: Vec<String> = self.gazetteer.iter().map(|(l, n)| format!("{l}\t{n}\n")).collect();
        lines.sort();
        lines.dedup();
        let gaz = lines.concat();
        out.extend_from_slice(&(gaz.len() as u32).to_le_bytes());
        out.extend_from_slice(gaz.as_bytes());
        let names = self.list_names.iter().map(|n| format!("{n}\n")).collect::<String>();
        out.extend_from_slice(&(names.len() as u32).to_le_bytes());
        out.extend_from_slice(names.as_bytes());
        out.push(self.cluster_prefixes.len() as u8);
        out.extend_from_slice(&self.cluster_prefixes);
        let mut cl: Vec<String> = self.clusters.iter().map(|(w, p)| format!("{w}\t{p}\n")).collect();
        cl.sort();
        let cl = cl.concat();
        out.extend_from_slice(&(cl.len() as u32).to_le_bytes());
        out.extend_from_slice(cl.as_bytes());
        // Features: quantise, drop the all-zero ones, sort by key.
        let mut feats: Vec<(u32, u32, Vec<i8>)> = Vec::new();
        for (key, w) in &self.features {
            let q: Vec<i8> = w.iter().map(|&x| code(x)).collect();
            let mask = q.iter().enumerate().fold(0u32, |m, (t, &v)| if v != 0 { m | 1 << t } else { m });
            if mask != 0 {
                feats.push((*key | 1, mask, q.into_iter().filter(|&v| v != 0).collect()));
            }
        }
        feats.sort_by_key(|f| f.0);
        feats.dedup_by_key(|f| f.0);
        out.extend_from_slice(&(feats.len() as u32).to_le_bytes());
        let mut prev = 0u32;
        for f in &feats {
            write_varint(&mut out, f.0 - prev);
            prev = f.0;
        }
        for f in &feats {
            write_varint(&mut out, f.1);
        }
        for f in &feats {
            out.extend(f.2.iter().map(|&v| v as u8));
        }
        let sum = fnv1a(&out);
        out.extend_from_slice(&sum.to_le_bytes());
        out
    }
}

impl EntityModel {
    /// Loads a model written by the training command, checking its header,
    /// version and checksum.
    pub fn from_bytes(bytes: &[u8]) -> Result<EntityModel, Error> {
        if bytes.len() < 12 || &bytes[..8] != MAGIC {
            return Err(fail("this is not an entity model (its header is not \"AAENTMDL\")"));
        }
        let mut r = Reader { b: bytes, at: 8 };
        let version = r.u32()?;
        if version != VERSION {
            return Err(fail(format!("unsupported format version {version} (expected {VERSION})")));
        }
        if bytes.len() < 16 {
            return Err(fail("the file is truncated"));
        }
        let (body, sum) = bytes.split_at(bytes.len() - 4);
        if fnv1a(body) != u32::from_le_bytes([sum[0], sum[1], sum[2], sum[3]]) {
            return Err(fail("the checksum does not match (the file is damaged)"));
        }
        let mut r = Reader { b: body, at: 12 };
        let code = r.u32()?;
        let scheme = Scheme::from_code(code).ok_or_else(|| fail(format!("unknown tag scheme {code}")))?;
        let groups = r.u32()?;
        let n_tags = r.u32()? as usize;
        if n_tags != scheme.len() || n_tags > 32 {
            return Err(fail(format!("{n_tags} tags do not fit the {scheme:?} scheme")));
        }
        let mut q = Vec::with_capacity(n_tags * (n_tags + 2) + 127);
        for _ in 0..n_tags * (n_tags + 2) + 127 {
            let x = r.f32()?;
            if !x.is_finite() {
                return Err(fail("a transition or codebook weight is not a finite number"));
            }
            q.push(x);
        }
        let (mut start, mut end) = (q[..n_tags].to_vec(), q[n_tags..2 * n_tags].to_vec());
        let mut trans = q[2 * n_tags..n_tags * (n_tags + 2)].to_vec();
        let mut codebook = Box::new([0f32; 256]);
        for (k, &x) in q[n_tags * (n_tags + 2)..].iter().enumerate() {
            codebook[k + 1] = x;
            codebook[(-(k as i32 + 1)) as u8 as usize] = -x;
        }
        for t in 0..n_tags {
            if !scheme.can_start(t) {
                start[t] = NEG;
            }
            if !scheme.can_end(t) {
                end[t] = NEG;
            }
            for u in 0..n_tags {
                if !scheme.can_follow(t, u) {
                    trans[t * n_tags + u] = NEG;
                }
            }
        }
        let gaz_text = r.text("name lists")?;
        let list_text = r.text("list names")?;
        let mut gazetteer = Gazetteer::with_names(Lines(list_text).map(str::to_string).collect());
        gazetteer.reserve(gaz_text.bytes().filter(|&b| b == b'\n').count() + 1);
        for line in Lines(gaz_text) {
            let (l, name) = split_tab(line).ok_or_else(|| fail("a name-list line has no tab"))?;
            let l: usize = l.parse().map_err(|_| fail("a name-list line has no list number"))?;
            gazetteer.add(l, name);
        }
        let np = r.u8()? as usize;
        let prefixes = r.take(np)?.to_vec();
        let mut clusters = Clusters { prefixes, ..Default::default() };
        for line in Lines(r.text("word classes")?) {
            let (w, p) = split_tab(line).ok_or_else(|| fail("a word-class line has no tab"))?;
            let v = if clusters.prefixes.is_empty() {
                (p.parse::<u32>().map_err(|_| fail("a word class is not a number"))?, 0)
            } else {
                let bits = u32::from_str_radix(p, 2).map_err(|_| fail("a word-class path is not binary"))?;
                (bits, p.len().min(32) as u8)
            };
            clusters.map.insert(super::hash::word(w, false), v);
        }
        let n = r.u32()? as usize;
        if n > body.len() {
            return Err(fail("the feature count is larger than the file"));
        }
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u32;
        for _ in 0..n {
            prev = prev.checked_add(r.varint()?).ok_or_else(|| fail("the feature keys overflow"))?;
            keys.push(prev);
        }
        let mut masks = Vec::with_capacity(n);
        for _ in 0..n {
            let m = r.varint()?;
            if n_tags < 32 && m >> n_tags != 0 {
                return Err(fail("a feature names a tag that does not exist"));
            }
            masks.push(m);
        }
        let cap = (2 * n).next_power_of_two().max(16);
        let home_shift = 32 - cap.trailing_zeros();
        let mut slots = vec![0u64; cap];
        let mut spill = Vec::new();
        let width = n_tags;
        let mut dense = Vec::new();
        let mut pairs = Vec::with_capacity(32);
        for (&key, &mask) in keys.iter().zip(&masks) {
            let packed = r.take(mask.count_ones() as usize)?;
            // Set mask bits in tag order, each with its code; a zero code weighs nothing.
            pairs.clear();
            let mut tags = mask;
            for &c in packed {
                let t = tags.trailing_zeros() as usize;
                tags &= tags - 1;
                if c != 0 {
                    pairs.push(Payload::pair(t, c as i8));
                }
            }
            let payload = if pairs.len() <= INLINE {
                let mut p = (pairs.len() as u32) << (INLINE as u32 * Payload::PAIR_BITS);
                for (k, &x) in pairs.iter().enumerate() {
                    p |= x << (k as u32 * Payload::PAIR_BITS);
                }
                p
            } else if pairs.len() < DENSE {
                let at = u32::try_from(spill.len()).ok().filter(|&a| a < Payload::DENSE);
                let at = at.ok_or_else(|| fail("the feature table is too large"))?;
                spill.push(pairs.len() as u16);
                spill.extend(pairs.iter().map(|&x| x as u16));
                Payload::SPILLED | at
            } else {
                let at = u32::try_from(dense.len()).ok().filter(|&a| a < Payload::DENSE);
                let at = at.ok_or_else(|| fail("the feature table is too large"))?;
                let row = dense.len();
                dense.resize(row + width, 0.0);
                for &x in &pairs {
                    dense[row + (x & 31) as usize] = codebook[(x >> 5) as u8 as usize];
                }
                Payload::SPILLED | Payload::DENSE | at
            };
            let key = key | 1;
            let mut s = home(key, home_shift);
            while slots[s] as u32 != 0 && slots[s] as u32 != key {
                s = (s + 1) & (cap - 1);
            }
            slots[s] = u64::from(key) | u64::from(payload) << 32;
        }
        if r.at != body.len() {
            return Err(fail(format!("{} bytes are left over after the feature table", body.len() - r.at)));
        }
        let plan = Plan::new(&trans, n_tags);
        Ok(EntityModel {
            scheme,
            n_tags,
            start,
            end,
            trans,
            res: Resources { groups, gazetteer, clusters },
            slots,
            home_shift,
            spill,
            dense,
            width,
            codebook,
            plan,
            n_features: n,
            id: NEXT_MODEL_ID.fetch_add(1, std::sync::atomic::Ordering::Relaxed),
        })
    }

    /// The payload of model key `k`, whose home slot `s` holds `slot`.
    #[inline]
    fn probe(&self, k: u32, mut s: usize, mut slot: u64) -> Option<u32> {
        let mask = self.slots.len() - 1;
        loop {
            let v = slot as u32;
            if v == k {
                return Some((slot >> 32) as u32);
            }
            if v == 0 {
                return None;
            }
            s = (s + 1) & mask;
            slot = self.slots[s];
        }
    }

    /// Number of weighted features.
    pub fn feature_count(&self) -> usize {
        self.n_features
    }

    /// The payload of `key` (0, which adds nothing, when the model has no
    /// weights for it).
    #[inline]
    fn payload(&self, key: u64) -> u32 {
        let k = model_key(key);
        self.resolve(k, self.slots[home(k, self.home_shift)])
    }

    /// The payload of model key `k`, whose home slot holds `slot` (0 when
    /// the model has no weights for it).
    #[inline(always)]
    fn resolve(&self, k: u32, slot: u64) -> u32 {
        if slot as u32 == k {
            (slot >> 32) as u32
        } else if slot as u32 == 0 {
            0
        } else {
            self.probe(k, home(k, self.home_shift), slot).unwrap_or(0)
        }
    }

    /// Adds the weights of payload `p` to `sum`.
    #[inline(always)]
    fn add_payload(&self, sum: &mut [f32; 32], p: u32) {
        let add = |sum: &mut [f32; 32], pair: u32| {
            sum[(pair & 31) as usize] += self.codebook[(pair >> 5) as u8 as usize];
        };
        if p & Payload::SPILLED == 0 {
            let count = p >> (INLINE as u32 * Payload::PAIR_BITS);
            if count > 0 {
                add(sum, p & Payload::PAIR_MASK);
            }
            if count > 1 {
                add(sum, (p >> Payload::PAIR_BITS) & Payload::PAIR_MASK);
            }
        } else if p & Payload::DENSE == 0 {
            let at = (p & !Payload::SPILLED) as usize;
            let count = self.spill[at] as usize;
            for &pair in &self.spill[at + 1..at + 1 + count] {
                add(sum, pair as u32);
            }
        } else {
            let at = (p & !(Payload::SPILLED | Payload::DENSE)) as usize;
            self.add_row(sum, &self.dense[at..at + self.width]);
        }
    }

    /// Adds a row of `width` sums to the first `width` of `sum`.
    #[inline(always)]
    fn add_row(&self, sum: &mut [f32; 32], row: &[f32]) {
        match self.width {
            17 => add_dense::<17>(sum, row),
            9 => add_dense::<9>(sum, row),
            w => {
                for (s, &x) in sum[..w].iter_mut().zip(&row[..w]) {
                    *s += x;
                }
            }
        }
    }

    /// Adds one token's items (see [`Items`]) to its emission scores: its
    /// rows from `cache`, then the payloads of its computed keys in order,
    /// after resolving them all (every home slot loaded before any is
    /// compared, so that their cache misses overlap).
    fn add_items(&self, cache: &TypeCache, items: &mut Items, acc: &mut [f32]) {
        let mut sum = [0f32; 32];
        sum[..acc.len()].copy_from_slice(acc);
        for &r in &items.rows[..items.n_rows] {
            self.add_row(&mut sum, cache.row(r));
        }
        let n = items.n_keys;
        for (s, &key) in items.slots[..n].iter_mut().zip(&items.keys[..n]) {
            *s = self.slots[home(model_key(key), self.home_shift)];
        }
        for k in 0..n {
            let p = self.resolve(model_key(items.keys[k]), items.slots[k]);
            if p != 0 {
                self.add_payload(&mut sum, p);
            }
        }
        acc.copy_from_slice(&sum[..acc.len()]);
    }

    /// Adds the weights of `keys` to one token's emission scores, in two
    /// passes over the keys: load every home slot, then resolve the few
    /// collisions and add the weights the slots hold. The loads of the first
    /// pass do not wait on each other or on a branch, so their cache misses
    /// overlap instead of queueing. Each tag's score receives the same
    /// additions in the same order as a dense sum over every tag would (the
    /// skipped ones add zero), so the scores are bit for bit those of one.
    #[inline]
    fn add_rows(&self, keys: &[u64], acc: &mut [f32], first: &mut Vec<u64>) {
        let mut sum = [0f32; 32];
        sum[..acc.len()].copy_from_slice(acc);
        first.clear();
        first.extend(keys.iter().map(|&key| self.slots[home(model_key(key), self.home_shift)]));
        for (&key, &slot) in keys.iter().zip(first.iter()) {
            // A key the model does not hold resolves to 0: nothing to add.
            let p = self.resolve(model_key(key), slot);
            if p != 0 {
                self.add_payload(&mut sum, p);
            }
        }
        acc.copy_from_slice(&sum[..acc.len()]);
    }

    /// Finds the named entities of a segmented document: a first pass with
    /// the local features, then (if the model has them) a second pass that
    /// adds how the first labelled the same words elsewhere.
    pub fn tag(&self, seg: &Segmented) -> Vec<Entity> {
        self.tag_with(seg, true)
    }

    /// As [`EntityModel::tag`], without the rules after tagging (for measuring them).
    #[cfg(feature = "train")]
    pub fn tag_without_rules(&self, seg: &Segmented) -> Vec<Entity> {
        self.tag_with(seg, false)
    }

    fn tag_with(&self, seg: &Segmented, rules: bool) -> Vec<Entity> {
        let n = seg.tokens.len();
        let t = self.n_tags;
        let mut feats = Features::default();
        feats.read_headline = true;
        let mut acc = vec![0f32; n * t];
        TYPES.with_borrow_mut(|(id, cache)| {
            let mut resolve = |key| self.payload(key);
            if *id != self.id {
                *cache = TypeCache::new(&mut resolve);
                *id = self.id;
            }
            feats.prepare_typed(seg, &self.res, cache, &mut resolve);
            cache.fill_rows(self.res.groups, t, &|sum, p| self.add_payload(sum, p));
            let mut items = Items::new();
            for s in &seg.sentences {
                let (lo, hi) = (s.tokens.start, s.tokens.end.min(n));
                for i in lo..hi {
                    feats.token_items(seg, &self.res, (lo, hi), i, &mut items);
                    self.add_items(cache, &mut items, &mut acc[i * t..(i + 1) * t]);
                }
            }
        });
        let mut first = Vec::with_capacity(64);
        let mut tags = vec![0u8; n];
        let mut scratch = Viterbi::default();
        let allowed: Vec<Allowed> = (0..n).map(|i| Allowed::at(seg, i)).collect();
        self.decode(seg, &allowed, &acc, &mut scratch, &mut tags);
        if self.res.groups & super::features::group::NONLOCAL != 0 {
            let labels: Vec<u8> = tags.iter().map(|&x| label_code(self.scheme, x)).collect();
            let (mut keys, mut offsets) = (Vec::new(), Vec::new());
            feats.nonlocal(seg, &labels, &mut keys, &mut offsets);
            for i in 0..n {
                let ks = &keys[offsets[i] as usize..offsets[i + 1] as usize];
                // Most tokens (those not capitalised) have none.
                if !ks.is_empty() {
                    self.add_rows(ks, &mut acc[i * t..(i + 1) * t], &mut first);
                }
            }
            self.decode(seg, &allowed, &acc, &mut scratch, &mut tags);
        }
        self.websites_are_organisations(seg, &mut tags);
        let mut out = Vec::new();
        for s in &seg.sentences {
            let range = s.tokens.clone();
            self.scheme.decode(&tags[range.clone()], |a, b, label| {
                self.push_entity(seg, &feats, range.start + a, range.start + b, label, &mut out);
            });
        }
        if rules {
            super::rules::apply(seg, &self.res, &feats, &mut out);
        }
        out
    }

    /// A capitalised web address written as a word ("Koha.net", "Nato.int")
    /// names the outlet or body behind it: an ORG on its own. CoNLL-2003 has
    /// almost none, so the weights cannot learn it.
    fn websites_are_organisations(&self, seg: &Segmented, tags: &mut [u8]) {
        let unit = self.scheme.unit(EntityLabel::Org);
        for (i, tag) in tags.iter_mut().enumerate() {
            let alone = *tag == 0 || self.scheme.is_unit(*tag as usize);
            if alone && seg.tokens[i].kind == TokenKind::Word && is_site(seg.word(i)) {
                *tag = unit as u8;
            }
        }
    }

    /// Adds the entity of tokens `a..b`, split into its parts when it is a
    /// hyphenated compound of names that each stand alone in the name lists
    /// ("Kosovo-Serbia" is two places; "Jean-Luc" stays one name).
    fn push_entity(
        &self,
        seg: &Segmented,
        feats: &Features,
        a: usize,
        b: usize,
        label: EntityLabel,
        out: &mut Vec<Entity>,
    ) {
        // A name neither begins nor ends with punctuation or a symbol, currency
        // signs aside ("C$" in CoNLL's money amounts) and brackets it opened.
        let stray = |i: usize| {
            matches!(seg.tokens[i].kind, TokenKind::Punct | TokenKind::Symbol)
                && !matches!(seg.word(i), "$" | "\u{20AC}" | "\u{A3}" | "\u{A5}")
        };
        let (mut a, mut b) = (a, b);
        // A closing bracket stays when the name opened it ("Mladost (L)").
        let first_open = (a..b).find(|&i| seg.word(i) == "(").unwrap_or(b);
        let closes = |b: usize| seg.word(b - 1) == ")" && first_open < b - 1;
        while b > a && stray(b - 1) && !closes(b) {
            b -= 1;
        }
        while a < b && stray(a) {
            a += 1;
        }
        if a == b {
            return;
        }
        // A person's name starts after the last title the tagger took in with
        // it ("Chair Jerome Powell", "Anglo-Saxon King Harold Godwinson"), as
        // CoNLL-2003 marks them; a title at the end is a name's own ("Billie
        // Jean King").
        if label == EntityLabel::Per
            && let Some(k) = (a..b - 1).rev().find(|&k| {
                super::groups::is_person_title(seg.word(k))
                    && seg.word(k + 1).chars().next().is_some_and(char::is_uppercase)
            })
        {
            a = k + 1;
        }
        // Named events are MISC in CoNLL-2003 ("Cold War"); ones built as
        // "Battle of ..." or "... Conquest" are rare in its news and came out
        // as organisations or people.
        let label = if is_event(seg, a, b) {
            EntityLabel::Misc
        } else if is_landform(seg, a, b) {
            EntityLabel::Loc
        } else {
            label
        };
        let entity = |a: usize, b: usize, label| Entity {
            span: Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end),
            label,
            group: None,
        };
        let is_joint = |i: usize| {
            let t = &seg.tokens[i];
            t.kind == TokenKind::Punct
                && matches!(seg.word(i), "-" | "\u{2010}" | "\u{2011}")
                && !t.space_before
                && seg.tokens.get(i + 1).is_some_and(|n| !n.space_before)
        };
        // A person's hyphenated name is one name ("Shai Gilgeous-Alexander").
        if b - a >= 3 && label != EntityLabel::Per && (a + 1..b - 1).any(is_joint) {
            let mut parts = Vec::new();
            let mut p = a;
            for i in a + 1..b - 1 {
                if is_joint(i) {
                    parts.push((p, i));
                    p = i + 1;
                }
            }
            parts.push((p, b));
            let gaz = &self.res.gazetteer;
            let labels: Vec<Option<EntityLabel>> = parts
                .iter()
                .map(|&(x, y)| {
                    let upper = seg.word(x).chars().next().is_some_and(char::is_uppercase);
                    let mask = if upper { gaz.lookup((x..y).map(|i| feats.lower(i))) } else { 0 };
                    let labels: Vec<EntityLabel> =
                        (0..16).filter(|l| mask & (1 << l) != 0).filter_map(|l| gaz.list_label(l)).collect();
                    if labels.contains(&label) { Some(label) } else { labels.first().copied() }
                })
                .collect();
            if labels.iter().all(Option::is_some) {
                for (&(x, y), l) in parts.iter().zip(labels) {
                    out.push(entity(x, y, l.unwrap_or(label)));
                }
                return;
            }
            let lower_part = |&(x, _): &(usize, usize)| seg.word(x).chars().next().is_some_and(char::is_lowercase);
            if SPLIT_LOWER_CASE_COMPOUNDS
                && parts.iter().any(lower_part)
                && parts.iter().zip(&labels).all(|(p, l)| lower_part(p) || l.is_some())
            {
                for (&(x, y), l) in parts.iter().zip(labels) {
                    if let Some(l) = l {
                        out.push(entity(x, y, l));
                    }
                }
                return;
            }
        }
        out.push(entity(a, b, label));
    }

    /// Viterbi over each sentence, token `i` limited by `allowed[i]`.
    fn decode(&self, seg: &Segmented, allowed: &[Allowed], emit: &[f32], scratch: &mut Viterbi, tags: &mut [u8]) {
        let t = self.n_tags;
        let dec = Decoder { scheme: self.scheme, start: &self.start, end: &self.end, trans: &self.trans };
        let mut out = Vec::new();
        for s in &seg.sentences {
            let range = s.tokens.clone();
            let allowed = |i: usize| allowed[range.start + i];
            dec.run_with(&self.plan, &emit[range.start * t..range.end * t], allowed, scratch, &mut out);
            tags[range].copy_from_slice(&out);
        }
    }
}

/// Whether tokens `a..b` name an event: "Battle of Hastings", "Treaty of
/// Versailles", "Norman Conquest"; not "Veterans of Foreign Wars".
fn is_event(seg: &Segmented, a: usize, b: usize) -> bool {
    const HEADS_BEFORE_OF: &[&str] = &["Battle", "Treaty", "Siege", "Sack", "Massacre", "Peace", "War", "Wars"];
    const HEADS_AT_END: &[&str] = &["War", "Wars", "Conquest", "Revolution", "Uprising", "Crusade", "Massacre"];
    (b - a >= 3 && HEADS_BEFORE_OF.contains(&seg.word(a)) && seg.word(a + 1) == "of")
        // Not "Veterans of Foreign Wars" or "Sons of the American Revolution":
        // a name with "of" before such a head is a body named after the event.
        || (b - a >= 2 && HEADS_AT_END.contains(&seg.word(b - 1)) && !(a..b).any(|i| seg.word(i) == "of"))
}

/// Whether tokens `a..b` name a landform or body of water by its kind:
/// "Amazon River", "Black Sea", "Lake Geneva", "Gulf of Mexico". Not "...
/// Bay": "Tampa Bay" and "Green Bay" are as often teams.
fn is_landform(seg: &Segmented, a: usize, b: usize) -> bool {
    const HEADS_AT_END: &[&str] = &[
        "River",
        "Sea",
        "Ocean",
        "Lake",
        "Gulf",
        "Island",
        "Islands",
        "Mountains",
        "Mountain",
        "Valley",
        "Desert",
        "Peninsula",
        "Strait",
        "Canal",
        "Glacier",
        "Archipelago",
    ];
    const HEADS_FIRST: &[&str] = &["Lake", "Mount", "Gulf", "Bay", "Isle", "Strait", "Sea", "Cape"];
    (b - a >= 2 && HEADS_AT_END.contains(&seg.word(b - 1)))
        || (b - a >= 2
            && HEADS_FIRST.contains(&seg.word(a))
            && seg.word(a + 1).chars().next().is_some_and(char::is_uppercase))
        || (b - a >= 3 && HEADS_FIRST.contains(&seg.word(a)) && seg.word(a + 1) == "of")
}

/// A word with letters, none of which has a case.
fn is_uncased(w: &str) -> bool {
    let mut letters = w.chars().filter(|c| c.is_alphabetic()).peekable();
    letters.peek().is_some() && letters.all(|c| !c.is_uppercase() && !c.is_lowercase())
}

/// `Name.tld` with a capital and a common top-level domain.
fn is_site(w: &str) -> bool {
    const TLDS: &[&str] = &["com", "net", "org", "int", "gov", "edu", "io", "info", "news", "eu", "uk", "de", "fr"];
    let Some((name, tld)) = w.rsplit_once('.') else { return false };
    name.chars().next().is_some_and(char::is_uppercase)
        && name.chars().any(char::is_lowercase)
        && name.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        && TLDS.contains(&tld)
}

/// 0 for `O`, else 1 + the label's index: what non-local features count.
pub(crate) fn label_code(scheme: Scheme, tag: u8) -> u8 {
    match scheme.split(tag as usize) {
        None => 0,
        Some((l, _)) => 1 + crate::document::EntityLabel::ALL.iter().position(|&x| x == l).unwrap_or(0) as u8,
    }
}

/// What tags a token may take, whatever the scores say.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Allowed {
    Any,
    /// URLs and e-mail addresses are never names.
    OutsideOnly,
    /// Punctuation and symbols may sit inside a name but never begin one.
    NoStart,
}

impl Allowed {
    /// What token `i` may be when tagging: as [`Allowed::of`] its kind, and
    /// never a name when it is a word in a script without capitals (Arabic,
    /// Hebrew, Chinese, ...), which this English model cannot read: pasted
    /// text in those scripts would otherwise look like runs of unknown names.
    pub(crate) fn at(seg: &Segmented, i: usize) -> Allowed {
        let kind = seg.tokens[i].kind;
        if kind == TokenKind::Word && is_uncased(seg.word(i)) {
            return Allowed::OutsideOnly;
        }
        Allowed::of(kind)
    }

    pub(crate) fn of(kind: TokenKind) -> Allowed {
        match kind {
            TokenKind::Url | TokenKind::Email => Allowed::OutsideOnly,
            TokenKind::Punct | TokenKind::Symbol => Allowed::NoStart,
            TokenKind::Word | TokenKind::Number => Allowed::Any,
        }
    }
}

/// Scores for Viterbi decoding, with illegal moves at `NEG`.
pub(crate) struct Decoder<'a> {
    pub(crate) scheme: Scheme,
    pub(crate) start: &'a [f32],
    pub(crate) end: &'a [f32],
    /// Read by [`Decoder::run`] (training); tagging plans its moves once, at load.
    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    pub(crate) trans: &'a [f32],
}

/// Scratch space for Viterbi, reused from sentence to sentence.
#[derive(Default)]
pub(crate) struct Viterbi {
    score: Vec<f32>,
    /// The plan of the last [`Decoder::run`], rebuilt on each call.
    #[cfg_attr(not(feature = "train"), allow(dead_code))]
    plan: Plan,
}

/// The legal moves of Viterbi, worked out once from the transition scores
/// (at load, for tagging). `moves` is the dense matrix with the illegal
/// moves at minus infinity: `prev[a] + -inf` is never above a running best,
/// which starts at a finite floor, so a target may compare every tag as a
/// predecessor, in tag order, and still end with the score of a loop over
/// its legal predecessors alone, bit for bit; and a move known to be
/// illegal may be skipped.
#[derive(Clone, Debug, Default)]
pub(crate) struct Plan {
    /// `moves[a * t + b]`: the score of tag `b` after tag `a`, `-inf` where illegal.
    moves: Vec<f32>,
    /// The same moves cut to BILOU's structure, when they have it.
    bilou: Option<Box<BilouMoves>>,
    /// `(predecessor, transition score)` for every tag in turn, for the
    /// back-pointers; tag `b`'s are `preds[pred_end[b - 1]..pred_end[b]]`.
    preds: Vec<(u8, f32)>,
    pred_end: Vec<usize>,
}

impl Plan {
    pub(crate) fn new(trans: &[f32], t: usize) -> Plan {
        let mut plan = Plan::default();
        plan.fill(trans, t);
        plan
    }

    fn fill(&mut self, trans: &[f32], t: usize) {
        let legal = |a: usize, b: usize| trans[a * t + b] > NEG / 2.0;
        self.moves.clear();
        self.moves.extend((0..t * t).map(|k| if legal(k / t, k % t) { trans[k] } else { f32::NEG_INFINITY }));
        self.bilou = BilouMoves::new(&self.moves);
        self.preds.clear();
        self.pred_end.clear();
        for b in 0..t {
            self.preds.extend((0..t).filter(|&a| legal(a, b)).map(|a| (a as u8, trans[a * t + b])));
            self.pred_end.push(self.preds.len());
        }
    }
}

/// How Viterbi takes the moves of `T` tags.
trait Moves<const T: usize> {
    /// A token's best scores before its emission, from the previous token's:
    /// for each tag, the best of `prev[a]` plus the move, over its legal
    /// predecessors `a` in tag order, the earlier kept on a tie.
    fn step(&self, prev: &[f32; T]) -> [f32; T];

    /// The predecessor that [`Moves::step`] kept for tag `b` (0 if none is legal).
    fn back(&self, prev: &[f32; T], b: usize) -> u8;
}

/// `best[j] = max(best[j], p + moves[j])` in each lane, the earlier kept on a tie.
#[inline(always)]
fn relax<const N: usize>(best: &mut [f32; N], p: f32, moves: &[f32; N]) {
    for (b, &m) in best.iter_mut().zip(moves) {
        let s = p + m;
        *b = if s > *b { s } else { *b };
    }
}

/// Any legal moves, taken as a dense matrix forward and through the legal
/// predecessors backward.
struct Dense<'a, const T: usize> {
    moves: &'a [[f32; T]; T],
    plan: &'a Plan,
}

impl<'a, const T: usize> Dense<'a, T> {
    fn new(plan: &'a Plan) -> Dense<'a, T> {
        Dense { moves: plan.moves.as_chunks::<T>().0.try_into().expect("a plan of this tag count"), plan }
    }
}

impl<const T: usize> Moves<T> for Dense<'_, T> {
    fn step(&self, prev: &[f32; T]) -> [f32; T] {
        let mut best = [NEG * 2.0; T];
        for (&p, row) in prev.iter().zip(self.moves) {
            relax(&mut best, p, row);
        }
        best
    }

    fn back(&self, prev: &[f32; T], b: usize) -> u8 {
        let from = if b == 0 { 0 } else { self.plan.pred_end[b - 1] };
        let (mut best, mut arg) = (NEG * 2.0, 0u8);
        for &(a, m) in &self.plan.preds[from..self.plan.pred_end[b]] {
            let s = prev[a as usize] + m;
            if s > best {
                best = s;
                arg = a;
            }
        }
        arg
    }
}

/// Four lanes, aligned as one SSE or wasm SIMD vector.
#[derive(Clone, Copy, Debug)]
#[repr(C, align(16))]
struct Lanes([f32; 4]);

/// BILOU's tags that may end a sentence: `O` and each label's `L-` and
/// `U-`, in tag order. They are the predecessors of `O`, `B-` and `U-`.
const CLOSED: [usize; 9] = [0, 3, 4, 7, 8, 11, 12, 15, 16];

/// BILOU's legal moves, 97 of 289: closed tags move to `O`, `B-` and `U-`
/// of any label, and label `l`'s `B-` and `I-` (tags `4l + 1`, `4l + 2`)
/// only to its `I-` and `L-` (`4l + 2`, `4l + 3`), which lie in the four
/// lanes from `4l`. A target's predecessors are all closed or all open, so
/// taking the closed ones first still compares each target's in tag order.
#[derive(Clone, Debug)]
struct BilouMoves {
    /// Each closed tag's moves to all 17 tags, in five vectors (the last
    /// three lanes `-inf`).
    closed: [[Lanes; 5]; 9],
    /// Label `l`'s `B-` and `I-` moves to its four lanes.
    open: [[Lanes; 2]; 4],
}

impl BilouMoves {
    /// The moves cut to BILOU's structure, or `None` if a legal move falls
    /// outside it (then nothing may be skipped).
    fn new(moves: &[f32]) -> Option<Box<BilouMoves>> {
        if moves.len() != 17 * 17 {
            return None;
        }
        let m = |a: usize, b: usize| moves[a * 17 + b];
        let inner = |b: usize| b % 4 >= 2;
        let fits = |a: usize, b: usize| if CLOSED.contains(&a) { !inner(b) } else { inner(b) && b / 4 == a / 4 };
        if (0..17 * 17).any(|k| m(k / 17, k % 17) != f32::NEG_INFINITY && !fits(k / 17, k % 17)) {
            return None;
        }
        let lanes = |a: usize, from: usize| {
            Lanes(std::array::from_fn(|j| if from + j < 17 { m(a, from + j) } else { f32::NEG_INFINITY }))
        };
        Some(Box::new(BilouMoves {
            closed: CLOSED.map(|a| std::array::from_fn(|k| lanes(a, 4 * k))),
            open: std::array::from_fn(|l| [lanes(4 * l + 1, 4 * l), lanes(4 * l + 2, 4 * l)]),
        }))
    }
}

impl Moves<17> for BilouMoves {
    /// Nine rows of 17 and eight of four instead of 17 of 17. The closed
    /// tags' rows are written out, not looped over, and the function is kept
    /// out of line: otherwise the compiler split the scores into pairs of
    /// lanes instead of keeping them in five vector registers.
    #[inline(never)]
    fn step(&self, prev: &[f32; 17]) -> [f32; 17] {
        let mut best = [[NEG * 2.0; 4]; 5];
        let relax_all = |best: &mut [[f32; 4]; 5], p: f32, rows: &[Lanes; 5]| {
            for (b, row) in best.iter_mut().zip(rows) {
                relax(b, p, &row.0);
            }
        };
        let [c0, c3, c4, c7, c8, c11, c12, c15, c16] = &self.closed;
        relax_all(&mut best, prev[0], c0);
        relax_all(&mut best, prev[3], c3);
        relax_all(&mut best, prev[4], c4);
        relax_all(&mut best, prev[7], c7);
        relax_all(&mut best, prev[8], c8);
        relax_all(&mut best, prev[11], c11);
        relax_all(&mut best, prev[12], c12);
        relax_all(&mut best, prev[15], c15);
        relax_all(&mut best, prev[16], c16);
        for (l, (b, [from_b, from_i])) in best.iter_mut().zip(&self.open).enumerate() {
            relax(b, prev[4 * l + 1], &from_b.0);
            relax(b, prev[4 * l + 2], &from_i.0);
        }
        *best.as_flattened().first_chunk().expect("20 lanes")
    }

    fn back(&self, prev: &[f32; 17], b: usize) -> u8 {
        let (mut best, mut from) = (NEG * 2.0, 0u8);
        let mut take = |a: usize, m: f32| {
            let s = prev[a] + m;
            if s > best {
                best = s;
                from = a as u8;
            }
        };
        let (block, lane) = (b / 4, b % 4);
        if lane >= 2 {
            let [from_b, from_i] = &self.open[block];
            take(4 * block + 1, from_b.0[lane]);
            take(4 * block + 2, from_i.0[lane]);
        } else {
            for (rows, &a) in self.closed.iter().zip(&CLOSED) {
                take(a, rows[block].0[lane]);
            }
        }
        from
    }
}

impl Decoder<'_> {
    /// The best tag sequence for emission scores `emit` (`n * tags`), each
    /// token's tags limited by `allowed(i)`.
    #[cfg(feature = "train")]
    pub(crate) fn run(&self, emit: &[f32], allowed: impl Fn(usize) -> Allowed, v: &mut Viterbi, tags: &mut Vec<u8>) {
        let mut plan = std::mem::take(&mut v.plan);
        plan.fill(self.trans, self.scheme.len());
        self.run_with(&plan, emit, allowed, v, tags);
        v.plan = plan;
    }

    /// [`Decoder::run`] with the plan of this decoder's transitions made beforehand.
    pub(crate) fn run_with(
        &self,
        plan: &Plan,
        emit: &[f32],
        allowed: impl Fn(usize) -> Allowed,
        v: &mut Viterbi,
        tags: &mut Vec<u8>,
    ) {
        // With the tag count known to the compiler, a token's scores are a
        // fixed-size array: read without bounds checks, summed as vectors.
        match (self.scheme, &plan.bilou) {
            (Scheme::Bilou, Some(m)) => self.run_at::<17>(&**m, emit, allowed, v, tags),
            (Scheme::Bilou, None) => self.run_at::<17>(&Dense::new(plan), emit, allowed, v, tags),
            (Scheme::Bio, _) => self.run_at::<9>(&Dense::new(plan), emit, allowed, v, tags),
        }
    }

    fn run_at<const T: usize>(
        &self,
        moves: &impl Moves<T>,
        emit: &[f32],
        allowed: impl Fn(usize) -> Allowed,
        v: &mut Viterbi,
        tags: &mut Vec<u8>,
    ) {
        assert_eq!(self.scheme.len(), T, "the scheme's tag count");
        let (emit, _) = emit.as_chunks::<T>();
        let start: &[f32; T] = self.start.try_into().expect("a start score per tag");
        let end: &[f32; T] = self.end.try_into().expect("an end score per tag");
        let n = emit.len();
        tags.clear();
        if n == 0 {
            return;
        }
        v.score.clear();
        v.score.resize(n * T, NEG);
        let (score, _) = v.score.as_chunks_mut::<T>();
        // The tags each kind of token may take, as bit sets.
        let all = (1u32 << T) - 1;
        let begins = (0..T).filter(|&tag| self.scheme.begins(tag)).fold(0u32, |m, tag| m | 1 << tag);
        let may = |a: Allowed| match a {
            Allowed::Any => all,
            Allowed::OutsideOnly => 1,
            Allowed::NoStart => all & !begins,
        };
        let a0 = may(allowed(0));
        for (tag, s) in score[0].iter_mut().enumerate() {
            if a0 >> tag & 1 != 0 {
                *s = start[tag] + emit[0][tag];
            }
        }
        forward(moves, emit, |i| may(allowed(i)), all, score);
        let (mut best, mut arg) = (NEG * 4.0, 0usize);
        for (tag, (&s, &e)) in score[n - 1].iter().zip(end).enumerate() {
            let s = s + e;
            if s > best {
                best = s;
                arg = tag;
            }
        }
        tags.resize(n, 0);
        tags[n - 1] = arg as u8;
        // The back-pointers of the best path only: the forward pass kept the
        // scores, and the predecessor of tag `b` at `i` is the first in
        // order with the best sum, found again by the same comparisons.
        // (A tag the token may not take has no back-pointer: 0, as before.)
        for i in (1..n).rev() {
            let from = if may(allowed(i)) >> arg & 1 != 0 { moves.back(&score[i - 1], arg) } else { 0 };
            arg = from as usize;
            tags[i - 1] = from;
        }
    }
}

/// Viterbi's forward pass: each token's best scores from the previous
/// token's (the first row given), `keep(i)` the tags token `i` may take.
/// Kept out of line, as [`BilouMoves::step`] is.
#[inline(never)]
fn forward<const T: usize>(
    moves: &impl Moves<T>,
    emit: &[[f32; T]],
    keep: impl Fn(usize) -> u32,
    all: u32,
    score: &mut [[f32; T]],
) {
    let mut prev = score[0];
    for i in 1..score.len().min(emit.len()) {
        let best = moves.step(&prev);
        let mut out = [0f32; T];
        for ((s, &b), &e) in out.iter_mut().zip(&best).zip(&emit[i]) {
            *s = b + e;
        }
        let k = keep(i);
        if k != all {
            floor(&mut out, k);
        }
        score[i] = out;
        prev = out;
    }
}

/// Sets the tags not in `keep` to the floor: tags the token may not take.
#[cold]
#[inline(never)]
fn floor<const T: usize>(scores: &mut [f32; T], keep: u32) {
    for (tag, s) in scores.iter_mut().enumerate() {
        if keep >> tag & 1 == 0 {
            *s = NEG;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte-loop line and tab splitters cut every text where `str::lines`
    /// and `split_once('\t')` do: empty lines and texts, a final line with
    /// and without its ending, `\r\n`, a bare `\r`, tabs and non-ASCII.
    #[test]
    fn lines_and_tabs_split_as_the_standard_library_does() {
        for text in [
            "",
            "\n",
            "\n\n",
            "a",
            "a\n",
            "a\n\nb",
            "a\r\nb\r\n",
            "a\r",
            "a\rb\n\r",
            "\r\n",
            "3\tSão Paulo\n1\t\tx\n\t\n7\n",
            "日本\t東京\r\nZ\u{fc}rich\t8",
        ] {
            let ours: Vec<&str> = Lines(text).collect();
            let std: Vec<&str> = text.lines().collect();
            assert_eq!(ours, std, "{text:?}");
            for line in std {
                assert_eq!(split_tab(line), line.split_once('\t'), "{line:?}");
            }
        }
    }

    /// A feature's key and one code per tag (0 where its mask has no bit).
    type DenseFeature = (u32, Vec<i8>);

    /// The embedded model's tag count, codebook and features as the file stores them.
    fn dense_features(bytes: &[u8]) -> (usize, Vec<f32>, Vec<DenseFeature>) {
        let model = EntityModel::from_bytes(bytes).unwrap();
        let body = &bytes[..bytes.len() - 4];
        let mut r = Reader { b: body, at: 24 };
        let t = model.n_tags;
        let mut book = vec![0f32; 127];
        r.at += 4 * t * (t + 2);
        for b in &mut book {
            *b = r.f32().unwrap();
        }
        for what in ["name lists", "list names"] {
            r.text(what).unwrap();
        }
        let np = r.u8().unwrap() as usize;
        r.take(np).unwrap();
        r.text("word classes").unwrap();
        let n = r.u32().unwrap() as usize;
        let mut keys = Vec::new();
        let mut prev = 0;
        for _ in 0..n {
            prev += r.varint().unwrap();
            keys.push(prev | 1);
        }
        let masks: Vec<u32> = (0..n).map(|_| r.varint().unwrap()).collect();
        let mut out = Vec::new();
        for (&k, &m) in keys.iter().zip(&masks) {
            let packed = r.take(m.count_ones() as usize).unwrap();
            let mut row = vec![0i8; t];
            let mut p = packed.iter();
            for (tag, w) in row.iter_mut().enumerate() {
                if m & 1 << tag != 0 {
                    *w = *p.next().unwrap() as i8;
                }
            }
            out.push((k, row));
        }
        (t, book, out)
    }

    /// A token's items over the word-type cache (its rows, expanded into the
    /// keys they sum, and its computed keys) name the keys of
    /// `Features::token_keys`, each as often, with the computed ones in the
    /// same order, for every token of texts with headlines, lowered title
    /// words, links, name lists, sentence edges and non-ASCII words; whether
    /// the cache is fresh, holds the document already, or is shared with
    /// other documents. And the scores the tagger sums from them are those of
    /// every key's weights added one by one, but for rounding.
    #[test]
    fn items_name_the_keys_of_the_token() {
        let model = EntityModel::from_bytes(super::super::EMBEDDED_MODEL).unwrap();
        let texts = [
            "Sprint to Buy Nextel in $36 Billion Deal\n\nNEW YORK (Reuters) - Sprint Corp said on Monday it would buy Nextel.",
            "Mark Rutte, Nato's Secretary General, visited Pri\u{161}tina on 13 January 2025. \"We stand ready,\" Rutte said.",
            "See https://example.org or write to press@example.org. Ms \u{C9}lodie Durand-L\u{E9}vy met Zo\u{EB} in S\u{E3}o Paulo.",
            "GOLF - OPEN SCORES. 1. Tiger Woods (U.S.) 66 67 , 2. Ernie Els ( South Africa ) 68",
            "a",
            "",
        ];
        let keys = std::cell::RefCell::new(Vec::new());
        let mut number = |k: u64| {
            let mut keys = keys.borrow_mut();
            keys.push(k);
            (keys.len() - 1) as u32
        };
        let (g, t) = (model.res.groups, model.n_tags);
        let mut shared = TypeCache::new(&mut number);
        let (mut shared_scores, mut parts, mut checked) = (TypeCache::new(&mut |k| model.payload(k)), Vec::new(), 0);
        for text in texts {
            let seg = Segmented::new(text);
            for round in 0..3 {
                let mut fresh = TypeCache::new(&mut number);
                let mut fresh_scores = TypeCache::new(&mut |k| model.payload(k));
                let (cache, scores) =
                    if round == 0 { (&mut fresh, &mut fresh_scores) } else { (&mut shared, &mut shared_scores) };
                let mut feats = Features::default();
                feats.read_headline = true;
                feats.prepare_typed(&seg, &model.res, cache, &mut number);
                let mut plain = Features::default();
                plain.read_headline = true;
                plain.prepare(&seg, &model.res);
                assert_eq!(plain.facts(), feats.facts(), "{text:?}");
                let mut scored = Features::default();
                scored.read_headline = true;
                scored.prepare_typed(&seg, &model.res, scores, &mut |k| model.payload(k));
                scores.fill_rows(g, t, &|sum, p| model.add_payload(sum, p));
                let mut items = Items::new();
                for s in &seg.sentences {
                    let (lo, hi) = (s.tokens.start, s.tokens.end.min(seg.tokens.len()));
                    for i in lo..hi {
                        let want = feats.local_keys(&seg, &model.res, lo, hi, i).to_vec();
                        feats.token_items(&seg, &model.res, (lo, hi), i, &mut items);
                        let computed = items.keys[..items.n_keys].to_vec();
                        let mut got = Vec::new();
                        for &r in &items.rows[..items.n_rows] {
                            cache.row_parts(g, r, &mut parts);
                            got.extend(parts.iter().map(|&k| keys.borrow()[cache.pool[k as usize] as usize]));
                        }
                        got.extend_from_slice(&computed);
                        let what = format!("{text:?}, token {i} {:?}, round {round}", seg.word(i));
                        let in_order: Vec<u64> = want.iter().copied().filter(|k| computed.contains(k)).collect();
                        assert_eq!(in_order, computed, "{what}");
                        let (mut got, mut want) = (got, want);
                        got.sort_unstable();
                        want.sort_unstable();
                        assert_eq!(got, want, "{what}");
                        // The scores: rows and computed keys, against each key added alone.
                        scored.token_items(&seg, &model.res, (lo, hi), i, &mut items);
                        let mut fast = vec![0f32; t];
                        model.add_items(scores, &mut items, &mut fast);
                        let mut slow = [0f32; 32];
                        for &k in &want {
                            model.add_payload(&mut slow, model.payload(k));
                        }
                        for (tag, (&a, &b)) in fast.iter().zip(&slow[..t]).enumerate() {
                            assert!((a - b).abs() <= 1e-4 * (1.0 + b.abs()), "{what}, tag {tag}: {a} against {b}");
                        }
                        checked += 1;
                    }
                }
            }
        }
        assert!(shared.len() > 60 && checked > 250, "{} types, {checked} tokens", shared.len());
    }

    /// The compact table adds, for every tag, the same weights in the same
    /// order as a dense sum over every tag of every feature found: the
    /// scores are equal bit for bit, found, missing and colliding keys alike.
    #[test]
    fn compact_table_sums_like_a_dense_one() {
        let bytes = super::super::EMBEDDED_MODEL;
        let model = EntityModel::from_bytes(bytes).unwrap();
        let (t, book, feats) = dense_features(bytes);
        let weight = |c: i8| {
            if c == 0 {
                0.0
            } else if c > 0 {
                book[c as usize - 1]
            } else {
                -book[(-c) as usize - 1]
            }
        };
        let by_key: std::collections::HashMap<u32, &Vec<i8>> = feats.iter().map(|(k, r)| (*k, r)).collect();
        // Feature hashes whose model keys are in the table, and ones that are not.
        let mut rng = 0x2545_f491_4f6c_dd1du64;
        let mut next = || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let (mut first, mut dense_rows, mut spilled) = (Vec::new(), 0, 0);
        for round in 0..2000 {
            let keys: Vec<u64> = (0..45)
                .map(|j| {
                    if (round + j) % 3 == 0 {
                        next()
                    } else {
                        let (k, _) = &feats[next() as usize % feats.len()];
                        (u64::from(*k) << (64 - KEY_BITS)) | (next() >> KEY_BITS)
                    }
                })
                .collect();
            let mut want = vec![0.5f32; t];
            for &k in &keys {
                if let Some(row) = by_key.get(&model_key(k)) {
                    let nonzero = row.iter().filter(|&&c| c != 0).count();
                    dense_rows += usize::from(nonzero >= DENSE);
                    spilled += usize::from(nonzero > INLINE && nonzero < DENSE);
                    for (w, &c) in want.iter_mut().zip(row.iter()) {
                        *w += weight(c);
                    }
                }
            }
            let mut got = vec![0.5f32; t];
            model.add_rows(&keys, &mut got, &mut first);
            let (want, got): (Vec<u32>, Vec<u32>) =
                (want.iter().map(|x| x.to_bits()).collect(), got.iter().map(|x| x.to_bits()).collect());
            assert_eq!(got, want, "round {round}");
        }
        assert!(dense_rows > 100 && spilled > 100, "every kind of row was exercised ({dense_rows}, {spilled})");
    }

    /// Viterbi as defined: a back-pointer per token and tag, each tag's legal
    /// predecessors compared in tag order with the first of equal scores
    /// kept, a tag the token may not take at `NEG` with back-pointer 0.
    fn reference_viterbi(scheme: Scheme, dec: &Decoder, emit: &[f32], allowed: &[Allowed]) -> Vec<u8> {
        let t = scheme.len();
        let n = emit.len() / t;
        let may = |i: usize, b: usize| match allowed[i] {
            Allowed::Any => true,
            Allowed::OutsideOnly => b == 0,
            Allowed::NoStart => !scheme.begins(b),
        };
        let mut score = vec![NEG; n * t];
        let mut back = vec![0u8; n * t];
        for b in (0..t).filter(|&b| may(0, b)) {
            score[b] = dec.start[b] + emit[b];
        }
        for i in 1..n {
            for b in (0..t).filter(|&b| may(i, b)) {
                let (mut best, mut arg) = (NEG * 2.0, 0u8);
                for a in (0..t).filter(|&a| dec.trans[a * t + b] > NEG / 2.0) {
                    let s = score[(i - 1) * t + a] + dec.trans[a * t + b];
                    if s > best {
                        best = s;
                        arg = a as u8;
                    }
                }
                score[i * t + b] = best + emit[i * t + b];
                back[i * t + b] = arg;
            }
        }
        let (mut best, mut arg) = (NEG * 4.0, 0u8);
        for b in 0..t {
            let s = score[(n - 1) * t + b] + dec.end[b];
            if s > best {
                best = s;
                arg = b as u8;
            }
        }
        let mut tags = vec![0u8; n];
        tags[n - 1] = arg;
        for i in (1..n).rev() {
            arg = back[i * t + arg as usize];
            tags[i - 1] = arg;
        }
        tags
    }

    /// The planned decoder (BILOU's structured moves, the dense fallback and
    /// BIO) finds the reference's tags on random sentences: scores on a
    /// coarse grid so that ties are common, every kind of token, the
    /// embedded model's transitions and random ones.
    #[test]
    fn planned_viterbi_finds_the_reference_tags() {
        let model = EntityModel::from_bytes(super::super::EMBEDDED_MODEL).unwrap();
        assert!(model.plan.bilou.is_some(), "the embedded model takes BILOU's structured moves");
        let mut rng = 0x9e37_79b9_7f4a_7c15u64;
        let mut next = move || {
            rng ^= rng << 13;
            rng ^= rng >> 7;
            rng ^= rng << 17;
            rng
        };
        let (mut v, mut tags, mut fast) = (Viterbi::default(), Vec::new(), 0);
        for round in 0..3000 {
            let scheme = if round % 3 == 2 { Scheme::Bio } else { Scheme::Bilou };
            let t = scheme.len();
            let grid = |x: u64| (x % 9) as f32 * 0.5 - 2.0;
            let (start, end, trans) = if round % 3 == 0 {
                (model.start.clone(), model.end.clone(), model.trans.clone())
            } else {
                let mut trans: Vec<f32> = (0..t * t).map(|_| grid(next())).collect();
                for a in 0..t {
                    for b in 0..t {
                        if !scheme.can_follow(a, b) {
                            trans[a * t + b] = NEG;
                        }
                    }
                }
                let start = (0..t).map(|b| if scheme.can_start(b) { grid(next()) } else { NEG }).collect();
                let end = (0..t).map(|b| if scheme.can_end(b) { grid(next()) } else { NEG }).collect();
                (start, end, trans)
            };
            let dec = Decoder { scheme, start: &start, end: &end, trans: &trans };
            let n = 1 + next() as usize % 12;
            let emit: Vec<f32> = (0..n * t).map(|_| grid(next())).collect();
            let allowed: Vec<Allowed> = (0..n)
                .map(|_| match next() % 6 {
                    0 => Allowed::NoStart,
                    1 => Allowed::OutsideOnly,
                    _ => Allowed::Any,
                })
                .collect();
            let mut plan = Plan::new(&trans, t);
            fast += usize::from(plan.bilou.is_some());
            if round % 5 == 4 {
                plan.bilou = None;
            }
            dec.run_with(&plan, &emit, |i| allowed[i], &mut v, &mut tags);
            assert_eq!(tags, reference_viterbi(scheme, &dec, &emit, &allowed), "round {round}");
        }
        assert!(fast > 1500, "most BILOU rounds took the structured moves ({fast})");
    }
}
