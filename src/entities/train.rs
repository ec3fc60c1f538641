//! Training the entity tagger (behind the `train` feature): reading gold
//! JSONL, aligning gold spans to tokens, the averaged structured perceptron,
//! scoring, pruning and writing the model file.

use std::collections::BTreeMap;

use super::EntityModel;
use super::features::{Clusters, Features, Resources};
use super::gazetteer::Gazetteer;
use super::hash::{self, IdMap};
pub use super::model::RawModel;
use super::model::{Decoder, Viterbi};
use super::tags::Scheme;
use crate::document::EntityLabel;
use crate::span::{OffsetIndex, OffsetUnit, Span};
use crate::text::{Segmented, TokenKind};

/// A gold document: its text and entities as byte spans.
#[derive(Clone, Debug)]
pub struct Doc {
    pub id: String,
    pub text: String,
    pub gold: Vec<(Span, EntityLabel)>,
}

/// Reads gold records `{"id", "text", "entities": [{"start", "end", "label"}]}`
/// (offsets in code points) from a JSONL file.
pub fn read_jsonl(path: &str) -> Result<Vec<Doc>, String> {
    let data = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut docs = Vec::new();
    for (n, line) in data.lines().enumerate() {
        if line.trim().is_empty() {
            continue;
        }
        let where_ = || format!("{path}:{}", n + 1);
        let v: serde_json::Value = serde_json::from_str(line).map_err(|e| format!("{}: {e}", where_()))?;
        let text = v["text"].as_str().ok_or_else(|| format!("{}: no text", where_()))?.to_string();
        let index = OffsetIndex::new(&text);
        let mut gold = Vec::new();
        for e in v["entities"].as_array().map(Vec::as_slice).unwrap_or_default() {
            let s = e["start"].as_u64().unwrap_or(0) as usize;
            let t = e["end"].as_u64().unwrap_or(0) as usize;
            let label = e["label"].as_str().and_then(EntityLabel::parse);
            let (Some(a), Some(b), Some(label)) =
                (index.to_byte(s, OffsetUnit::CodePoint), index.to_byte(t, OffsetUnit::CodePoint), label)
            else {
                return Err(format!("{}: bad entity {e}", where_()));
            };
            gold.push((Span::new(a, b), label));
        }
        docs.push(Doc { id: v["id"].as_str().unwrap_or_default().to_string(), text, gold });
    }
    Ok(docs)
}

/// Precision, recall and F1 counts per label.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    pub counts: BTreeMap<&'static str, (usize, usize, usize)>,
}

impl Scores {
    fn add(&mut self, gold: &[(Span, EntityLabel)], pred: &[(Span, EntityLabel)]) {
        for l in EntityLabel::ALL {
            let c = self.counts.entry(l.as_str()).or_default();
            let g: Vec<_> = gold.iter().filter(|x| x.1 == l).collect();
            let p: Vec<_> = pred.iter().filter(|x| x.1 == l).collect();
            let tp = p.iter().filter(|x| g.contains(x)).count();
            c.0 += tp;
            c.1 += p.len() - tp;
            c.2 += g.len() - tp;
        }
    }

    fn prf(c: (usize, usize, usize)) -> (f64, f64, f64) {
        let p = if c.0 + c.1 == 0 { 0.0 } else { c.0 as f64 / (c.0 + c.1) as f64 };
        let r = if c.0 + c.2 == 0 { 0.0 } else { c.0 as f64 / (c.0 + c.2) as f64 };
        let f = if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) };
        (p, r, f)
    }

    fn total(&self) -> (usize, usize, usize) {
        self.counts.values().fold((0, 0, 0), |a, c| (a.0 + c.0, a.1 + c.1, a.2 + c.2))
    }

    /// Micro-averaged F1 over all labels.
    pub fn f1(&self) -> f64 {
        Self::prf(self.total()).2
    }

    /// F1 of one label.
    pub fn label_f1(&self, label: &str) -> f64 {
        self.counts.get(label).map_or(0.0, |&c| Self::prf(c).2)
    }

    /// A small table: precision, recall, F1 overall and per label.
    pub fn report(&self) -> String {
        let mut s = String::new();
        let (p, r, f) = Self::prf(self.total());
        s += &format!("{:<5} P {:.4}  R {:.4}  F1 {:.4}\n", "all", p, r, f);
        for (l, &c) in &self.counts {
            let (p, r, f) = Self::prf(c);
            s += &format!("{:<5} P {:.4}  R {:.4}  F1 {:.4}  (gold {})\n", l, p, r, f, c.0 + c.2);
        }
        s
    }
}

/// Scores a loaded model on gold documents (the shipping, quantised path).
pub fn evaluate(model: &EntityModel, docs: &[Doc]) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        let seg = Segmented::new(&d.text);
        let pred: Vec<(Span, EntityLabel)> = model.tag(&seg).into_iter().map(|e| (e.span, e.label)).collect();
        scores.add(&d.gold, &pred);
    }
    scores
}

/// A document turned into feature ids and gold tags.
struct Prepared {
    /// Token spans, for turning tags back into spans.
    spans: Vec<Span>,
    links: Vec<bool>,
    sentences: Vec<std::ops::Range<usize>>,
    feats: Vec<u32>,
    offsets: Vec<u32>,
    gold_tags: Vec<u8>,
    gold: Vec<(Span, EntityLabel)>,
}

/// How gold spans fit the tokens.
#[derive(Clone, Copy, Debug, Default)]
pub struct Alignment {
    pub spans: usize,
    /// Gold spans whose start or end is not a token boundary.
    pub unaligned: usize,
    /// Gold spans that cross a sentence boundary.
    pub cross_sentence: usize,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Config {
    pub scheme: Scheme,
    pub groups: u32,
    pub epochs: usize,
    pub seed: u64,
    /// Features seen fewer times than this in training are dropped.
    pub min_count: u32,
    /// Name lists: (list name, entry).
    pub gazetteer: Vec<(String, String)>,
    /// Word classes: word, path; and the path prefixes used as features.
    pub clusters: Vec<(String, String)>,
    pub cluster_prefixes: Vec<u8>,
    /// Print progress to stderr.
    pub verbose: bool,
}

/// The result of training: the model parts and what was measured on the way.
pub struct Trained {
    pub raw: RawModel,
    pub alignment: Alignment,
    pub best_epoch: usize,
    pub dev_f1_per_epoch: Vec<f64>,
    pub feature_count: usize,
}

fn resources(cfg: &Config) -> (Resources, Vec<String>, Vec<(usize, String)>) {
    let mut names: Vec<String> = Vec::new();
    let mut entries = Vec::new();
    let mut gaz = Gazetteer::default();
    for (list, name) in &cfg.gazetteer {
        let l = match names.iter().position(|n| n == list) {
            Some(l) => l,
            None => {
                names.push(list.clone());
                names.len() - 1
            }
        };
        gaz.add(l, name);
        entries.push((l, name.clone()));
    }
    gaz.names = names.clone();
    let mut clusters = Clusters { prefixes: cfg.cluster_prefixes.clone(), ..Default::default() };
    for (w, p) in &cfg.clusters {
        let v = if clusters.prefixes.is_empty() {
            (p.parse().unwrap_or(0), 0)
        } else {
            (u32::from_str_radix(p, 2).unwrap_or(0), p.len().min(32) as u8)
        };
        clusters.map.insert(hash::word(w, false), v);
    }
    (Resources { groups: cfg.groups, gazetteer: gaz, clusters }, names, entries)
}

/// Model keys are the top 32 bits of a feature hash (never 0).
fn model_key(k: u64) -> u32 {
    (k >> 32) as u32 | 1
}

fn prepare(
    doc: &Doc,
    res: &Resources,
    scheme: Scheme,
    ids: &mut IdMap<u32>,
    counts: Option<&mut Vec<u32>>,
    align: &mut Alignment,
) -> Prepared {
    let seg = Segmented::new(&doc.text);
    let mut f = Features::default();
    f.extract(&seg, res);
    let n = seg.tokens.len();
    let mut feats = Vec::with_capacity(f.keys.len());
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0u32);
    let mut counts = counts;
    for i in 0..n {
        for &k in f.token(i) {
            let key = model_key(k) as u64;
            let id = match counts.as_deref_mut() {
                Some(c) => {
                    let next = ids.len() as u32;
                    let id = *ids.entry(key).or_insert(next);
                    if id as usize == c.len() {
                        c.push(0);
                    }
                    c[id as usize] += 1;
                    Some(id)
                }
                None => ids.get(&key).copied(),
            };
            if let Some(id) = id {
                feats.push(id);
            }
        }
        offsets.push(feats.len() as u32);
    }
    // Gold tags: each span must start and end on token boundaries.
    let mut by_start: IdMap<usize> = IdMap::default();
    let mut by_end: IdMap<usize> = IdMap::default();
    for (i, t) in seg.tokens.iter().enumerate() {
        by_start.insert(t.span.start as u64, i);
        by_end.insert(t.span.end as u64, i);
    }
    let mut sent_of = vec![0usize; n];
    for (k, s) in seg.sentences.iter().enumerate() {
        for i in s.tokens.clone() {
            sent_of[i] = k;
        }
    }
    let mut gold_tags = vec![0u8; n];
    for &(span, label) in &doc.gold {
        align.spans += 1;
        match (by_start.get(&(span.start as u64)), by_end.get(&(span.end as u64))) {
            (Some(&a), Some(&b)) if a <= b => {
                if sent_of[a] != sent_of[b] {
                    align.cross_sentence += 1;
                    continue;
                }
                scheme.encode(label, b + 1 - a, &mut gold_tags[a..=b]);
            }
            _ => align.unaligned += 1,
        }
    }
    Prepared {
        spans: seg.tokens.iter().map(|t| t.span).collect(),
        links: seg.tokens.iter().map(|t| matches!(t.kind, TokenKind::Url | TokenKind::Email)).collect(),
        sentences: seg.sentences.iter().map(|s| s.tokens.clone()).collect(),
        feats,
        offsets,
        gold_tags,
        gold: doc.gold.clone(),
    }
}

/// Perceptron weights with lazy averaging (`avg = w - u / c`).
struct Weights {
    w: Vec<f32>,
    u: Vec<f64>,
    /// start, end, transitions
    tw: Vec<f32>,
    tu: Vec<f64>,
}

impl Weights {
    fn new(n_feats: usize, t: usize) -> Weights {
        Weights {
            w: vec![0.0; n_feats * t],
            u: vec![0.0; n_feats * t],
            tw: vec![0.0; t * (t + 2)],
            tu: vec![0.0; t * (t + 2)],
        }
    }

    fn averaged(&self, c: f64) -> (Vec<f32>, Vec<f32>) {
        let w = self.w.iter().zip(&self.u).map(|(&w, &u)| (w as f64 - u / c) as f32).collect();
        let tw = self.tw.iter().zip(&self.tu).map(|(&w, &u)| (w as f64 - u / c) as f32).collect();
        (w, tw)
    }
}

fn decode_doc(p: &Prepared, scheme: Scheme, w: &[f32], tw: &[f32], out: &mut Vec<u8>) {
    let t = scheme.len();
    let (start, end, trans) = legal(scheme, tw);
    let dec = Decoder { n_tags: t, start: &start, end: &end, trans: &trans };
    let mut v = Viterbi::default();
    let mut emit = Vec::new();
    let mut tags = Vec::new();
    out.clear();
    out.resize(p.spans.len(), 0);
    for s in &p.sentences {
        emissions(p, s.clone(), w, t, &mut emit);
        dec.run(&emit, |i| p.links[s.start + i], &mut v, &mut tags);
        out[s.clone()].copy_from_slice(&tags);
    }
}

fn legal(scheme: Scheme, tw: &[f32]) -> (Vec<f32>, Vec<f32>, Vec<f32>) {
    let t = scheme.len();
    let neg = -1e30f32;
    let start = (0..t).map(|a| if scheme.can_start(a) { tw[a] } else { neg }).collect();
    let end = (0..t).map(|a| if scheme.can_end(a) { tw[t + a] } else { neg }).collect();
    let mut trans = vec![neg; t * t];
    for a in 0..t {
        for b in 0..t {
            if scheme.can_follow(a, b) {
                trans[a * t + b] = tw[2 * t + a * t + b];
            }
        }
    }
    (start, end, trans)
}

fn emissions(p: &Prepared, s: std::ops::Range<usize>, w: &[f32], t: usize, emit: &mut Vec<f32>) {
    emit.clear();
    emit.resize(s.len() * t, 0.0);
    for (k, i) in s.enumerate() {
        let row = &mut emit[k * t..(k + 1) * t];
        for &f in &p.feats[p.offsets[i] as usize..p.offsets[i + 1] as usize] {
            let wr = &w[f as usize * t..(f as usize + 1) * t];
            for (e, &x) in row.iter_mut().zip(wr) {
                *e += x;
            }
        }
    }
}

fn score_prepared(docs: &[Prepared], scheme: Scheme, w: &[f32], tw: &[f32]) -> Scores {
    let mut scores = Scores::default();
    let mut tags = Vec::new();
    for p in docs {
        decode_doc(p, scheme, w, tw, &mut tags);
        let mut pred = Vec::new();
        for s in &p.sentences {
            scheme.decode(&tags[s.clone()], |a, b, l| {
                pred.push((Span::new(p.spans[s.start + a].start, p.spans[s.start + b - 1].end), l))
            });
        }
        scores.add(&p.gold, &pred);
    }
    scores
}

/// A small deterministic generator (xorshift64*) for shuffling.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_f491_4f6c_dd1d)
    }
    fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

/// Trains on `train`, choosing the number of epochs by F1 on `dev`.
pub fn train(cfg: &Config, train: &[Doc], dev: &[Doc]) -> Trained {
    let scheme = cfg.scheme;
    let t = scheme.len();
    let (res, list_names, gaz_entries) = resources(cfg);
    let mut ids: IdMap<u32> = IdMap::default();
    let mut counts = Vec::new();
    let mut align = Alignment::default();
    let mut tr: Vec<Prepared> =
        train.iter().map(|d| prepare(d, &res, scheme, &mut ids, Some(&mut counts), &mut align)).collect();
    // Drop rare features: renumber the kept ones.
    let mut keep = vec![u32::MAX; counts.len()];
    let mut n_kept = 0u32;
    for (i, &c) in counts.iter().enumerate() {
        if c >= cfg.min_count {
            keep[i] = n_kept;
            n_kept += 1;
        }
    }
    for p in &mut tr {
        let mut feats = Vec::with_capacity(p.feats.len());
        let mut offsets = vec![0u32];
        for i in 0..p.spans.len() {
            for &f in &p.feats[p.offsets[i] as usize..p.offsets[i + 1] as usize] {
                if keep[f as usize] != u32::MAX {
                    feats.push(keep[f as usize]);
                }
            }
            offsets.push(feats.len() as u32);
        }
        p.feats = feats;
        p.offsets = offsets;
    }
    let mut key_of = vec![0u32; n_kept as usize];
    let mut kept_ids: IdMap<u32> = IdMap::default();
    for (&key, &id) in &ids {
        if keep[id as usize] != u32::MAX {
            key_of[keep[id as usize] as usize] = key as u32;
            kept_ids.insert(key, keep[id as usize]);
        }
    }
    let mut dev_align = Alignment::default();
    let dv: Vec<Prepared> = dev.iter().map(|d| prepare(d, &res, scheme, &mut kept_ids, None, &mut dev_align)).collect();
    if cfg.verbose {
        eprintln!(
            "train: {} docs, {} gold spans, {} not on token boundaries, {} across sentences; {} features ({} kept)",
            train.len(),
            align.spans,
            align.unaligned,
            align.cross_sentence,
            counts.len(),
            n_kept
        );
        eprintln!(
            "dev: {} gold spans, {} not on token boundaries, {} across sentences",
            dev_align.spans, dev_align.unaligned, dev_align.cross_sentence
        );
    }
    let mut wts = Weights::new(n_kept as usize, t);
    let mut order: Vec<(usize, usize)> =
        tr.iter().enumerate().flat_map(|(d, p)| (0..p.sentences.len()).map(move |s| (d, s))).collect();
    let mut rng = Rng(cfg.seed.max(1));
    let mut c = 1f64;
    let mut v = Viterbi::default();
    let (mut emit, mut pred) = (Vec::new(), Vec::new());
    let mut best: Option<(f64, usize, Vec<f32>, Vec<f32>)> = None;
    let mut per_epoch = Vec::new();
    for epoch in 1..=cfg.epochs {
        rng.shuffle(&mut order);
        let mut errors = 0usize;
        for &(d, s) in &order {
            let p = &tr[d];
            let range = p.sentences[s].clone();
            let (start, end, trans) = legal(scheme, &wts.tw);
            emissions(p, range.clone(), &wts.w, t, &mut emit);
            let dec = Decoder { n_tags: t, start: &start, end: &end, trans: &trans };
            dec.run(&emit, |i| p.links[range.start + i], &mut v, &mut pred);
            let gold = &p.gold_tags[range.clone()];
            if gold != pred.as_slice() {
                errors += 1;
                let bump = |idx: usize, delta: f32, w: &mut [f32], u: &mut [f64]| {
                    w[idx] += delta;
                    u[idx] += c * delta as f64;
                };
                for (k, i) in range.clone().enumerate() {
                    let (g, q) = (gold[k] as usize, pred[k] as usize);
                    if g != q {
                        for &f in &p.feats[p.offsets[i] as usize..p.offsets[i + 1] as usize] {
                            bump(f as usize * t + g, 1.0, &mut wts.w, &mut wts.u);
                            bump(f as usize * t + q, -1.0, &mut wts.w, &mut wts.u);
                        }
                    }
                    let (gp, qp) =
                        if k == 0 { (None, None) } else { (Some(gold[k - 1] as usize), Some(pred[k - 1] as usize)) };
                    if (gp, g) != (qp, q) {
                        let idx = |prev: Option<usize>, cur: usize| match prev {
                            None => cur,
                            Some(a) => 2 * t + a * t + cur,
                        };
                        bump(idx(gp, g), 1.0, &mut wts.tw, &mut wts.tu);
                        bump(idx(qp, q), -1.0, &mut wts.tw, &mut wts.tu);
                    }
                }
                let (g, q) = (gold[gold.len() - 1] as usize, pred[pred.len() - 1] as usize);
                if g != q {
                    bump(t + g, 1.0, &mut wts.tw, &mut wts.tu);
                    bump(t + q, -1.0, &mut wts.tw, &mut wts.tu);
                }
            }
            c += 1.0;
        }
        let (aw, atw) = wts.averaged(c);
        let f1 = if dv.is_empty() { 0.0 } else { score_prepared(&dv, scheme, &aw, &atw).f1() };
        per_epoch.push(f1);
        if cfg.verbose {
            eprintln!("epoch {epoch}: {errors} sentences wrong in training; dev F1 {f1:.4}");
        }
        if best.as_ref().is_none_or(|b| f1 > b.0) || dv.is_empty() {
            best = Some((f1, epoch, aw, atw));
        }
    }
    let (_, best_epoch, w, tw) = best.unwrap_or((0.0, 0, vec![0.0; n_kept as usize * t], vec![0.0; t * (t + 2)]));
    let features = (0..n_kept as usize).map(|f| (key_of[f], w[f * t..(f + 1) * t].to_vec())).collect();
    let raw = RawModel {
        scheme,
        groups: cfg.groups,
        start: tw[..t].to_vec(),
        end: tw[t..2 * t].to_vec(),
        trans: tw[2 * t..].to_vec(),
        gazetteer: gaz_entries,
        list_names,
        cluster_prefixes: cfg.cluster_prefixes.clone(),
        clusters: cfg.clusters.clone(),
        features,
    };
    Trained { raw, alignment: align, best_epoch, dev_f1_per_epoch: per_epoch, feature_count: n_kept as usize }
}

/// Keeps the `keep` features with the largest weights (by their largest
/// magnitude) and returns the clip value for quantisation: the `quantile`
/// of the kept weights' magnitudes.
pub fn prune(raw: &mut RawModel, keep: usize, quantile: f64) -> f32 {
    let strength = |w: &[f32]| w.iter().fold(0f32, |m, &x| m.max(x.abs()));
    raw.features.sort_by(|a, b| strength(&b.1).total_cmp(&strength(&a.1)).then(a.0.cmp(&b.0)));
    raw.features.truncate(keep);
    let mut mags: Vec<f32> =
        raw.features.iter().flat_map(|f| f.1.iter().map(|x| x.abs())).filter(|&x| x > 0.0).collect();
    if mags.is_empty() {
        return 1.0;
    }
    mags.sort_by(f32::total_cmp);
    mags[((mags.len() - 1) as f64 * quantile) as usize].max(f32::MIN_POSITIVE)
}
