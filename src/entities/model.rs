//! The trained tagger: its binary format, loading through one constructor,
//! scoring tokens with quantised weights and Viterbi decoding.
//!
//! Layout (little-endian), version 1:
//!
//! ```text
//! magic "AAENTMDL", u32 version, u32 tag scheme, u32 feature groups, u32 tags,
//! f32 weight scale, i16 start[tags], i16 end[tags], i16 transitions[tags * tags],
//! u32 length + name lists (UTF-8 lines "list<TAB>name"), u32 length + list names
//! (one per line), u8 cluster prefix count + prefixes, u32 length + word classes
//! (UTF-8 lines "word<TAB>path"), u32 features, LEB128 key deltas, LEB128 tag
//! masks, i8 weights (one per set mask bit), u32 FNV-1a checksum of all before it.
//! ```

use super::features::{Clusters, Features, Resources};
use super::gazetteer::Gazetteer;
use super::tags::Scheme;
use crate::document::Entity;
use crate::error::Error;
use crate::span::Span;
use crate::text::{Segmented, TokenKind};

pub(crate) const MAGIC: &[u8; 8] = b"AAENTMDL";
pub(crate) const VERSION: u32 = 1;
const NEG: f32 = -1e30;

/// A trained entity tagger. Load it once with [`EntityModel::from_bytes`];
/// tagging is then read-only and thread-safe.
#[derive(Clone)]
pub struct EntityModel {
    scheme: Scheme,
    n_tags: usize,
    /// Start, end and transition scores, already scaled, with illegal moves at `NEG`.
    start: Vec<f32>,
    end: Vec<f32>,
    trans: Vec<f32>,
    res: Resources,
    /// Open-addressed table of key fingerprints (0 = empty) and their rows.
    slots: Vec<u32>,
    rows: Vec<u32>,
    weights: Vec<i8>,
    n_features: usize,
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
    fn take(&mut self, n: usize) -> Result<&'a [u8], Error> {
        if n > self.b.len() - self.at {
            return Err(fail(format!(
                "the file is truncated (wanted {n} bytes at offset {} of {})",
                self.at,
                self.b.len()
            )));
        }
        let s = &self.b[self.at..self.at + n];
        self.at += n;
        Ok(s)
    }
    fn u8(&mut self) -> Result<u8, Error> {
        Ok(self.take(1)?[0])
    }
    fn u32(&mut self) -> Result<u32, Error> {
        let s = self.take(4)?;
        Ok(u32::from_le_bytes([s[0], s[1], s[2], s[3]]))
    }
    fn i16(&mut self) -> Result<i16, Error> {
        let s = self.take(2)?;
        Ok(i16::from_le_bytes([s[0], s[1]]))
    }
    fn varint(&mut self) -> Result<u32, Error> {
        let mut v = 0u64;
        for shift in (0..35).step_by(7) {
            let b = self.u8()?;
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

/// Largest magnitude of a quantised transition score.
#[cfg(feature = "train")]
const TRANS_Q: f32 = 30000.0;

#[cfg(feature = "train")]
impl RawModel {
    /// Writes the model format, quantising feature weights to `i8` with one
    /// scale (weights past `clip` are clipped) and dropping those that round to 0.
    pub fn to_bytes(&self, clip: f32) -> Vec<u8> {
        let n_tags = self.scheme.len();
        let scale = (clip / 127.0).max(f32::MIN_POSITIVE);
        let mut out = Vec::new();
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&VERSION.to_le_bytes());
        out.extend_from_slice(&self.scheme.code().to_le_bytes());
        out.extend_from_slice(&self.groups.to_le_bytes());
        out.extend_from_slice(&(n_tags as u32).to_le_bytes());
        out.extend_from_slice(&scale.to_le_bytes());
        // Transitions keep more precision: there are few of them.
        let tmax = self.start.iter().chain(&self.end).chain(&self.trans).fold(0f32, |m, &x| m.max(x.abs()));
        let tscale = (tmax / TRANS_Q).max(scale / 256.0);
        for &x in self.start.iter().chain(&self.end).chain(&self.trans) {
            out.extend_from_slice(&((x / tscale).round() as i16).to_le_bytes());
        }
        out.extend_from_slice(&(tscale / scale).to_le_bytes());
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
            let q: Vec<i8> = w.iter().map(|&x| (x / scale).round().clamp(-127.0, 127.0) as i8).collect();
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
        if n_tags != scheme.len() {
            return Err(fail(format!("{n_tags} tags do not fit the {scheme:?} scheme")));
        }
        let scale = f32::from_le_bytes(r.take(4)?.try_into().unwrap_or([0; 4]));
        if !scale.is_finite() || scale <= 0.0 {
            return Err(fail("the weight scale is not a positive number"));
        }
        let mut q = Vec::with_capacity(n_tags * (n_tags + 2));
        for _ in 0..n_tags * (n_tags + 2) {
            q.push(r.i16()? as f32);
        }
        let tratio = f32::from_le_bytes(r.take(4)?.try_into().unwrap_or([0; 4]));
        if !tratio.is_finite() || tratio <= 0.0 {
            return Err(fail("the transition scale is not a positive number"));
        }
        let (mut start, mut end, mut trans) =
            (q[..n_tags].to_vec(), q[n_tags..2 * n_tags].to_vec(), q[2 * n_tags..].to_vec());
        // Scores are kept in units of `scale` so that feature rows add as integers.
        for t in 0..n_tags {
            start[t] = if scheme.can_start(t) { start[t] * tratio } else { NEG };
            end[t] = if scheme.can_end(t) { end[t] * tratio } else { NEG };
            for u in 0..n_tags {
                let x = &mut trans[t * n_tags + u];
                *x = if scheme.can_follow(t, u) { *x * tratio } else { NEG };
            }
        }
        let gaz_text = r.text("name lists")?;
        let list_text = r.text("list names")?;
        let mut gazetteer = Gazetteer::with_names(list_text.lines().map(str::to_string).collect());
        for line in gaz_text.lines() {
            let (l, name) = line.split_once('\t').ok_or_else(|| fail("a name-list line has no tab"))?;
            let l: usize = l.parse().map_err(|_| fail("a name-list line has no list number"))?;
            gazetteer.add(l, name);
        }
        let np = r.u8()? as usize;
        let prefixes = r.take(np)?.to_vec();
        let mut clusters = Clusters { prefixes, ..Default::default() };
        for line in r.text("word classes")?.lines() {
            let (w, p) = line.split_once('\t').ok_or_else(|| fail("a word-class line has no tab"))?;
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
        let mut slots = vec![0u32; cap];
        let mut rows = vec![0u32; cap];
        let mut weights = vec![0i8; n * n_tags];
        for (f, (&key, &mask)) in keys.iter().zip(&masks).enumerate() {
            let packed = r.take(mask.count_ones() as usize)?;
            let row = &mut weights[f * n_tags..(f + 1) * n_tags];
            let mut k = 0;
            for (t, w) in row.iter_mut().enumerate() {
                if mask & (1 << t) != 0 {
                    *w = packed[k] as i8;
                    k += 1;
                }
            }
            let key = key | 1;
            let mut s = key as usize & (cap - 1);
            while slots[s] != 0 && slots[s] != key {
                s = (s + 1) & (cap - 1);
            }
            slots[s] = key;
            rows[s] = f as u32;
        }
        if r.at != body.len() {
            return Err(fail(format!("{} bytes are left over after the feature table", body.len() - r.at)));
        }
        Ok(EntityModel {
            scheme,
            n_tags,
            start,
            end,
            trans,
            res: Resources { groups, gazetteer, clusters },
            slots,
            rows,
            weights,
            n_features: n,
        })
    }

    /// The row of weights of feature `key`, if the model has it.
    #[inline]
    fn row(&self, key: u64) -> Option<&[i8]> {
        let k = (key >> 32) as u32 | 1;
        let mask = self.slots.len() - 1;
        let mut s = k as usize & mask;
        loop {
            let v = self.slots[s];
            if v == k {
                let r = self.rows[s] as usize * self.n_tags;
                return self.weights.get(r..r + self.n_tags);
            }
            if v == 0 {
                return None;
            }
            s = (s + 1) & mask;
        }
    }

    /// Number of weighted features.
    pub fn feature_count(&self) -> usize {
        self.n_features
    }

    /// Adds the weights of `keys` to one token's emission scores.
    #[inline]
    fn add_rows(&self, keys: &[u64], acc: &mut [i32]) {
        for &key in keys {
            if let Some(row) = self.row(key) {
                for (a, &w) in acc.iter_mut().zip(row) {
                    *a += w as i32;
                }
            }
        }
    }

    /// Finds the named entities of a segmented document: a first pass with
    /// the local features, then (if the model has them) a second pass that
    /// adds how the first labelled the same words elsewhere.
    pub fn tag(&self, seg: &Segmented) -> Vec<Entity> {
        let n = seg.tokens.len();
        let t = self.n_tags;
        let mut feats = Features::default();
        feats.extract(seg, &self.res);
        let mut acc = vec![0i32; n * t];
        for i in 0..n {
            self.add_rows(feats.token(i), &mut acc[i * t..(i + 1) * t]);
        }
        let mut tags = vec![0u8; n];
        let mut scratch = Viterbi::default();
        self.decode(seg, &acc, &mut scratch, &mut tags);
        if self.res.groups & super::features::group::NONLOCAL != 0 {
            let labels: Vec<u8> = tags.iter().map(|&x| label_code(self.scheme, x)).collect();
            let (mut keys, mut offsets) = (Vec::new(), Vec::new());
            feats.nonlocal(seg, &labels, &mut keys, &mut offsets);
            for i in 0..n {
                let ks = &keys[offsets[i] as usize..offsets[i + 1] as usize];
                self.add_rows(ks, &mut acc[i * t..(i + 1) * t]);
            }
            self.decode(seg, &acc, &mut scratch, &mut tags);
        }
        let mut out = Vec::new();
        for s in &seg.sentences {
            let range = s.tokens.clone();
            self.scheme.decode(&tags[range.clone()], |a, b, label| {
                let (a, b) = (range.start + a, range.start + b);
                out.push(Entity {
                    span: Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end),
                    label,
                    group: None,
                })
            });
        }
        out
    }

    /// Viterbi over each sentence, from integer emission scores.
    fn decode(&self, seg: &Segmented, acc: &[i32], scratch: &mut Viterbi, tags: &mut [u8]) {
        let t = self.n_tags;
        let dec = Decoder { n_tags: t, start: &self.start, end: &self.end, trans: &self.trans };
        let mut emit = Vec::new();
        let mut out = Vec::new();
        for s in &seg.sentences {
            let range = s.tokens.clone();
            emit.clear();
            emit.extend(acc[range.start * t..range.end * t].iter().map(|&a| a as f32));
            let links = |i: usize| matches!(seg.tokens[range.start + i].kind, TokenKind::Url | TokenKind::Email);
            dec.run(&emit, links, scratch, &mut out);
            tags[range].copy_from_slice(&out);
        }
    }
}

/// 0 for `O`, else 1 + the label's index: what non-local features count.
pub(crate) fn label_code(scheme: Scheme, tag: u8) -> u8 {
    match scheme.split(tag as usize) {
        None => 0,
        Some((l, _)) => 1 + crate::document::EntityLabel::ALL.iter().position(|&x| x == l).unwrap_or(0) as u8,
    }
}

/// Scores for Viterbi decoding, with illegal moves at `NEG`.
pub(crate) struct Decoder<'a> {
    pub(crate) n_tags: usize,
    pub(crate) start: &'a [f32],
    pub(crate) end: &'a [f32],
    pub(crate) trans: &'a [f32],
}

#[derive(Default)]
pub(crate) struct Viterbi {
    score: Vec<f32>,
    back: Vec<u8>,
}

impl Decoder<'_> {
    /// The best tag sequence for emission scores `emit` (`n * n_tags`);
    /// tokens for which `forced_out` holds can only be `O`.
    pub(crate) fn run(&self, emit: &[f32], forced_out: impl Fn(usize) -> bool, v: &mut Viterbi, tags: &mut Vec<u8>) {
        let t = self.n_tags;
        let n = emit.len() / t;
        tags.clear();
        if n == 0 {
            return;
        }
        v.score.clear();
        v.score.resize(n * t, NEG);
        v.back.clear();
        v.back.resize(n * t, 0);
        let allowed = |i: usize, tag: usize| tag == 0 || !forced_out(i);
        for (tag, (s, (&st, &e))) in v.score.iter_mut().zip(self.start.iter().zip(emit)).enumerate().take(t) {
            if allowed(0, tag) {
                *s = st + e;
            }
        }
        for i in 1..n {
            let forced = forced_out(i);
            for b in 0..t {
                if forced && b != 0 {
                    continue;
                }
                let (mut best, mut arg) = (NEG * 2.0, 0usize);
                for a in 0..t {
                    let s = v.score[(i - 1) * t + a] + self.trans[a * t + b];
                    if s > best {
                        best = s;
                        arg = a;
                    }
                }
                v.score[i * t + b] = best + emit[i * t + b];
                v.back[i * t + b] = arg as u8;
            }
        }
        let (mut best, mut arg) = (NEG * 4.0, 0usize);
        for tag in 0..t {
            let s = v.score[(n - 1) * t + tag] + self.end[tag];
            if s > best {
                best = s;
                arg = tag;
            }
        }
        tags.resize(n, 0);
        tags[n - 1] = arg as u8;
        for i in (1..n).rev() {
            arg = v.back[i * t + arg] as usize;
            tags[i - 1] = arg as u8;
        }
    }
}
