//! Training the entity tagger (behind the `train` feature): reading gold
//! JSONL, aligning gold spans to tokens, the averaged structured perceptron,
//! scoring, pruning and writing the model file.

use std::collections::BTreeMap;

use super::EntityModel;
use super::features::{Clusters, Features, Resources, group};
use super::gazetteer::Gazetteer;
use super::hash::{self, IdMap};
pub use super::model::RawModel;
use super::model::{Allowed, Decoder, Viterbi, label_code};
use super::tags::Scheme;
use crate::document::EntityLabel;
use crate::span::{OffsetIndex, OffsetUnit, Span};
use crate::text::Segmented;

/// A gold document: its text and entities as byte spans.
#[derive(Clone, Debug)]
pub struct Doc {
    pub id: String,
    /// The corpus it comes from (`"source"`), e.g. `crossner-music`.
    pub source: String,
    pub text: String,
    pub gold: Vec<(Span, EntityLabel)>,
    /// Labels this corpus does not annotate: outside the gold spans a token
    /// may take them (or `O`) without penalty in training.
    pub unannotated: Vec<EntityLabel>,
    /// Spans whose tokens may take any tag in training (annotation that
    /// follows other conventions, such as Twitter usernames).
    pub free: Vec<Span>,
    /// Whether its entity names join the shipped name lists (`train.*`).
    pub lends_names: bool,
}

/// Sets the annotation conventions of the extra corpora (by their
/// `source`) that differ from CoNLL-2003's, so that training neither learns
/// them nor is penalised for CoNLL's choices there:
///
/// - UNER EWT and BTC do not annotate MISC, WNUT17 only products and works:
///   MISC is unannotated there (its WNUT17 spans dropped);
/// - BTC tags Twitter usernames and hashtags by their owner: those words are
///   free;
/// - the names of the social-media posts (BTC, WNUT17) do not join the
///   shipped name lists: they are many, noisy and would weigh on the page;
/// - BTC tags nationalities LOC: a one-word LOC span that `misc_names`
///   (CoNLL-2003's MISC names) holds and `loc_names` does not becomes MISC.
pub fn adapt(
    docs: &mut [Doc],
    misc_names: &std::collections::HashSet<String>,
    loc_names: &std::collections::HashSet<String>,
) {
    for d in docs.iter_mut() {
        let src = d.source.as_str();
        if src.starts_with("uner") {
            d.unannotated = vec![EntityLabel::Misc];
        } else if src.starts_with("wnut17") {
            d.lends_names = false;
            d.unannotated = vec![EntityLabel::Misc];
            d.gold.retain(|g| g.1 != EntityLabel::Misc);
        } else if src.starts_with("crossner") {
            // Long MISC spans built around common words ("2019 Australian
            // federal election", "Cyc artificial project") follow CrossNER's
            // own convention: CoNLL would tag the adjective alone. Free them.
            let text = &d.text;
            let unlike_conll = |sp: Span| {
                let t = sp.slice(text);
                t.starts_with(|c: char| c.is_ascii_digit())
                    || t.split_whitespace().any(|w| {
                        w.starts_with(|c: char| c.is_lowercase())
                            && !matches!(
                                w,
                                "of" | "the"
                                    | "and"
                                    | "de"
                                    | "in"
                                    | "for"
                                    | "on"
                                    | "a"
                                    | "to"
                                    | "von"
                                    | "van"
                                    | "der"
                                    | "la"
                                    | "le"
                                    | "du"
                            )
                    })
            };
            type Spans = Vec<(Span, EntityLabel)>;
            let (free, kept): (Spans, Spans) =
                d.gold.iter().partition(|g| g.1 == EntityLabel::Misc && unlike_conll(g.0));
            d.free = free.into_iter().map(|g| g.0).collect();
            d.gold = kept;
        } else if src.starts_with("btc") {
            d.lends_names = false;
            d.unannotated = vec![EntityLabel::Misc];
            let text = &d.text;
            let mut free = Vec::new();
            let bytes = text.as_bytes();
            for (i, c) in text.char_indices() {
                let starts = (c == '@' || c == '#') && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric());
                if starts {
                    let end = text[i..].find(|ch: char| ch.is_whitespace()).map_or(text.len(), |e| i + e);
                    free.push(Span::new(i, end));
                }
            }
            d.gold.retain(|g| !free.iter().any(|f| f.start < g.0.end && g.0.start < f.end));
            for g in d.gold.iter_mut() {
                let name = g.0.slice(text);
                if g.1 == EntityLabel::Loc
                    && !name.contains(' ')
                    && misc_names.contains(name)
                    && !loc_names.contains(name)
                {
                    g.1 = EntityLabel::Misc;
                }
            }
            d.free = free;
        }
    }
}

/// Gold documents of one source.
pub fn by_source(docs: &[Doc], prefix: &str) -> Vec<Doc> {
    docs.iter().filter(|d| d.source.starts_with(prefix)).cloned().collect()
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
        docs.push(Doc {
            id: v["id"].as_str().unwrap_or_default().to_string(),
            source: v["source"].as_str().unwrap_or_default().to_string(),
            text,
            gold,
            unannotated: Vec::new(),
            free: Vec::new(),
            lends_names: true,
        });
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

/// Scores a loaded model on gold documents (the shipping, quantised path:
/// the tagger, then the groups, which settle each group's label).
pub fn evaluate(model: &EntityModel, docs: &[Doc]) -> Scores {
    evaluate_labels(model, docs, &EntityLabel::ALL, Post::ALL)
}

/// Which steps after the tagger run when scoring (for measuring them).
#[derive(Clone, Copy, Debug)]
pub struct Post {
    /// The rules after tagging (`rules.rs`).
    pub rules: bool,
    /// Grouping, which gives each group one label.
    pub groups: bool,
}

impl Post {
    pub const ALL: Post = Post { rules: true, groups: true };
}

/// The entities the shipping path finds in each document, as gold-format
/// JSON lines (code-point offsets), for looking at errors.
pub fn predict_jsonl(model: &EntityModel, docs: &[Doc]) -> String {
    let mut out = String::new();
    for d in docs {
        let seg = Segmented::new(&d.text);
        let mut entities = model.tag(&seg);
        super::groups::group_entities(&seg, &mut entities);
        let index = OffsetIndex::new(&d.text);
        let ents: Vec<serde_json::Value> = entities
            .iter()
            .map(|e| {
                serde_json::json!({
                    "start": index.from_byte(e.span.start, OffsetUnit::CodePoint),
                    "end": index.from_byte(e.span.end, OffsetUnit::CodePoint),
                    "label": e.label.as_str(),
                })
            })
            .collect();
        out += &serde_json::json!({"id": d.id, "entities": ents}).to_string();
        out.push('\n');
    }
    out
}

/// As [`evaluate`], counting only the labels in `labels` (gold and
/// predicted): for corpora that annotate some of them (no MISC in UNER).
pub fn evaluate_labels(model: &EntityModel, docs: &[Doc], labels: &[EntityLabel], post: Post) -> Scores {
    let mut scores = Scores::default();
    for d in docs {
        let seg = Segmented::new(&d.text);
        let mut entities = if post.rules { model.tag(&seg) } else { model.tag_without_rules(&seg) };
        if post.groups {
            super::groups::group_entities(&seg, &mut entities);
        }
        let pred: Vec<(Span, EntityLabel)> =
            entities.into_iter().filter(|e| labels.contains(&e.label)).map(|e| (e.span, e.label)).collect();
        let gold: Vec<(Span, EntityLabel)> = d.gold.iter().copied().filter(|g| labels.contains(&g.1)).collect();
        scores.add(&gold, &pred);
    }
    scores.counts.retain(|l, _| labels.iter().any(|x| x.as_str() == *l));
    scores
}

/// A document turned into feature ids and gold tags.
struct Prepared<'a> {
    seg: Segmented<'a>,
    f: Features,
    allowed: Vec<Allowed>,
    feats: Vec<u32>,
    offsets: Vec<u32>,
    /// Non-local feature ids from out-of-fold first-pass labels (training only).
    nl: Vec<u32>,
    nl_offsets: Vec<u32>,
    gold_tags: Vec<u8>,
    /// For partially annotated documents, the tags each token may take in a
    /// path that agrees with the annotation (bit per tag); empty when the
    /// gold tags are the whole truth.
    agree: Vec<u32>,
    gold: Vec<(Span, EntityLabel)>,
}

/// How gold spans fit the tokens.
#[derive(Clone, Debug, Default)]
pub struct Alignment {
    pub spans: usize,
    /// Gold spans whose start or end is not a token boundary.
    pub unaligned: usize,
    /// Gold spans that cross a sentence boundary.
    pub cross_sentence: usize,
    /// Gold spans that end just before the period of an abbreviation token,
    /// extended to take it.
    pub snapped: usize,
    /// A few unaligned spans, for the record.
    pub examples: Vec<String>,
}

/// Training settings.
#[derive(Clone, Debug)]
pub struct Config {
    pub scheme: Scheme,
    pub groups: u32,
    pub epochs: usize,
    /// Epochs of the first-pass models that label held-out folds for non-local features.
    pub fold_epochs: usize,
    pub folds: usize,
    pub seed: u64,
    /// Training runs (differently shuffled) whose weights are averaged.
    pub seeds: usize,
    /// Name lists: (list name, entry).
    pub gazetteer: Vec<(String, String)>,
    /// Add the training data's own entity names as lists (out-of-fold for training).
    pub train_names: bool,
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
    pub dev_alignment: Alignment,
    pub best_epoch: usize,
    pub dev_f1_per_epoch: Vec<f64>,
    pub feature_count: usize,
}

fn resources(cfg: &Config, entries_in: &[(String, String)]) -> (Resources, Vec<String>, Vec<(usize, String)>) {
    let mut names: Vec<String> = Vec::new();
    let mut entries = Vec::new();
    let mut gaz = Gazetteer::default();
    for (list, name) in entries_in {
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

fn model_key(k: u64) -> u64 {
    super::model::model_key(k) as u64
}

/// Feature ids: training assigns them, scoring only looks them up.
struct Ids {
    map: IdMap<u32>,
    keys: Vec<u32>,
}

impl Ids {
    fn id(&mut self, key: u64, grow: bool) -> Option<u32> {
        let key = model_key(key);
        if let Some(&id) = self.map.get(&key) {
            return Some(id);
        }
        if !grow {
            return None;
        }
        let id = self.keys.len() as u32;
        self.map.insert(key, id);
        self.keys.push(key as u32);
        Some(id)
    }
}

fn prepare<'a>(
    doc: &'a Doc,
    res: &Resources,
    scheme: Scheme,
    ids: &mut Ids,
    grow: bool,
    align: &mut Alignment,
) -> Prepared<'a> {
    let seg = Segmented::new(&doc.text);
    let mut f = Features::default();
    f.extract(&seg, res);
    let n = seg.tokens.len();
    let mut feats = Vec::with_capacity(f.keys.len());
    let mut offsets = Vec::with_capacity(n + 1);
    offsets.push(0u32);
    for i in 0..n {
        feats.extend(f.token(i).iter().filter_map(|&k| ids.id(k, grow)));
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
        // CoNLL-2003 cuts the period off an abbreviation that ends its
        // sentence ("Ala" of "Ala."); our tokens keep it, and so does the span.
        let end = match by_end.get(&(span.end as u64)) {
            None if doc.text[span.end..].starts_with('.') && by_end.contains_key(&(span.end as u64 + 1)) => {
                align.snapped += 1;
                span.end + 1
            }
            _ => span.end,
        };
        match (by_start.get(&(span.start as u64)), by_end.get(&(end as u64))) {
            (Some(&a), Some(&b)) if a <= b => {
                if sent_of[a] != sent_of[b] {
                    align.cross_sentence += 1;
                    continue;
                }
                scheme.encode(label, b + 1 - a, &mut gold_tags[a..=b]);
            }
            _ => {
                align.unaligned += 1;
                if align.examples.len() < 12 {
                    let (a, b) = (span.start.saturating_sub(8), (span.end + 8).min(doc.text.len()));
                    let around = doc.text.get(a..b).unwrap_or_default();
                    align.examples.push(format!("{:?} in {around:?}", span.slice(&doc.text)));
                }
            }
        }
    }
    // Partial annotation: outside the gold spans, unannotated labels are
    // free; inside `free` spans, everything is.
    let mut agree = Vec::new();
    if !doc.unannotated.is_empty() || !doc.free.is_empty() {
        let t = scheme.len();
        let loose: u32 = 1
            | (1..t)
                .filter(|&x| scheme.split(x).is_some_and(|(l, _)| doc.unannotated.contains(&l)))
                .fold(0u32, |m, x| m | 1 << x);
        agree = gold_tags.iter().map(|&g| if g == 0 { loose } else { 1u32 << g }).collect();
        for sp in &doc.free {
            for (i, tok) in seg.tokens.iter().enumerate() {
                if tok.span.start < sp.end && sp.start < tok.span.end {
                    agree[i] = u32::MAX;
                }
            }
        }
    }
    f.keys = Vec::new();
    Prepared {
        agree,
        allowed: seg.tokens.iter().map(|t| Allowed::of(t.kind)).collect(),
        seg,
        f,
        feats,
        offsets,
        nl: Vec::new(),
        nl_offsets: Vec::new(),
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

fn add_rows(ids: &[u32], w: &[f32], t: usize, row: &mut [f32]) {
    for &f in ids {
        let wr = &w[f as usize * t..(f as usize + 1) * t];
        for (e, &x) in row.iter_mut().zip(wr) {
            *e += x;
        }
    }
}

/// Emission scores of sentence `s`, with or without the non-local features.
fn emissions(p: &Prepared, s: std::ops::Range<usize>, w: &[f32], t: usize, nl: bool, emit: &mut Vec<f32>) {
    emit.clear();
    emit.resize(s.len() * t, 0.0);
    for (k, i) in s.enumerate() {
        let row = &mut emit[k * t..(k + 1) * t];
        add_rows(&p.feats[p.offsets[i] as usize..p.offsets[i + 1] as usize], w, t, row);
        if nl && !p.nl_offsets.is_empty() {
            add_rows(&p.nl[p.nl_offsets[i] as usize..p.nl_offsets[i + 1] as usize], w, t, row);
        }
    }
}

/// Tags a whole document with the given weights (one pass, using `p.nl` if asked).
fn decode_doc(p: &Prepared, scheme: Scheme, w: &[f32], tw: &[f32], nl: bool, out: &mut Vec<u8>) {
    let t = scheme.len();
    let (start, end, trans) = legal(scheme, tw);
    let dec = Decoder { scheme, start: &start, end: &end, trans: &trans };
    let mut v = Viterbi::default();
    let mut emit = Vec::new();
    let mut tags = Vec::new();
    out.clear();
    out.resize(p.seg.tokens.len(), 0);
    for s in &p.seg.sentences {
        emissions(p, s.tokens.clone(), w, t, nl, &mut emit);
        dec.run(&emit, |i| p.allowed[s.tokens.start + i], &mut v, &mut tags);
        out[s.tokens.clone()].copy_from_slice(&tags);
    }
}

/// Fills `p.nl` from first-pass tags.
fn set_nonlocal(p: &mut Prepared, scheme: Scheme, tags: &[u8], ids: &mut Ids, grow: bool) {
    let labels: Vec<u8> = tags.iter().map(|&x| label_code(scheme, x)).collect();
    let (mut keys, mut offsets) = (Vec::new(), Vec::new());
    p.f.nonlocal(&p.seg, &labels, &mut keys, &mut offsets);
    p.nl.clear();
    p.nl_offsets.clear();
    p.nl_offsets.push(0);
    for i in 0..p.seg.tokens.len() {
        let ks = &keys[offsets[i] as usize..offsets[i + 1] as usize];
        p.nl.extend(ks.iter().filter_map(|&k| ids.id(k, grow)));
        p.nl_offsets.push(p.nl.len() as u32);
    }
}

fn spans_of(p: &Prepared, scheme: Scheme, tags: &[u8]) -> Vec<(Span, EntityLabel)> {
    let mut pred = Vec::new();
    for s in &p.seg.sentences {
        let r = s.tokens.clone();
        scheme.decode(&tags[r.clone()], |a, b, l| {
            let toks = &p.seg.tokens;
            pred.push((Span::new(toks[r.start + a].span.start, toks[r.start + b - 1].span.end), l))
        });
    }
    pred
}

/// Scores weights on prepared documents the way the model runs: a first
/// pass, then (with non-local features) a second one.
fn score_prepared(docs: &mut [Prepared], scheme: Scheme, w: &[f32], tw: &[f32], nl: bool, ids: &mut Ids) -> Scores {
    let mut scores = Scores::default();
    let mut tags = Vec::new();
    for p in docs.iter_mut() {
        decode_doc(p, scheme, w, tw, false, &mut tags);
        if nl {
            let first = tags.clone();
            set_nonlocal(p, scheme, &first, ids, false);
            decode_doc(p, scheme, w, tw, true, &mut tags);
        }
        scores.add(&p.gold, &spans_of(p, scheme, &tags));
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

/// Runs the perceptron over `docs` for `epochs`; `nl` presents each sentence
/// with its non-local features half of the time (so that one weight set
/// serves both passes). Calls `eval` with the averaged weights after each
/// epoch and keeps the best.
fn perceptron(
    docs: &[&Prepared],
    scheme: Scheme,
    n_feats: usize,
    epochs: usize,
    seed: u64,
    nl: bool,
    mut eval: impl FnMut(usize, &[f32], &[f32]) -> f64,
) -> (usize, Vec<f64>, Vec<f32>, Vec<f32>) {
    let t = scheme.len();
    let mut wts = Weights::new(n_feats, t);
    let mut order: Vec<(usize, usize)> =
        docs.iter().enumerate().flat_map(|(d, p)| (0..p.seg.sentences.len()).map(move |s| (d, s))).collect();
    let mut rng = Rng(seed.max(1));
    let mut c = 1f64;
    let mut v = Viterbi::default();
    let (mut emit, mut pred, mut target) = (Vec::new(), Vec::new(), Vec::new());
    let mut best: Option<(f64, usize, Vec<f32>, Vec<f32>)> = None;
    let mut per_epoch = Vec::new();
    for epoch in 1..=epochs {
        rng.shuffle(&mut order);
        for &(d, s) in &order {
            let p = docs[d];
            let range = p.seg.sentences[s].tokens.clone();
            let use_nl = nl && rng.next() & 1 == 1;
            let (start, end, trans) = legal(scheme, &wts.tw);
            emissions(p, range.clone(), &wts.w, t, use_nl, &mut emit);
            let dec = Decoder { scheme, start: &start, end: &end, trans: &trans };
            dec.run(&emit, |i| p.allowed[range.start + i], &mut v, &mut pred);
            let gold = if p.agree.is_empty() {
                &p.gold_tags[range.clone()]
            } else {
                // The best path that agrees with the partial annotation is the target.
                let agree = &p.agree[range.clone()];
                if pred.iter().zip(agree).all(|(&q, &a)| a >> q & 1 == 1) {
                    pred.as_slice()
                } else {
                    for (k, &a) in agree.iter().enumerate() {
                        for x in 0..t {
                            if a >> x & 1 == 0 {
                                emit[k * t + x] = -1e20;
                            }
                        }
                    }
                    dec.run(&emit, |i| p.allowed[range.start + i], &mut v, &mut target);
                    if target.iter().zip(agree).all(|(&q, &a)| a >> q & 1 == 1) {
                        target.as_slice()
                    } else {
                        &p.gold_tags[range.clone()]
                    }
                }
            };
            if gold != pred.as_slice() {
                let bump = |idx: usize, delta: f32, w: &mut [f32], u: &mut [f64]| {
                    w[idx] += delta;
                    u[idx] += c * delta as f64;
                };
                for (k, i) in range.clone().enumerate() {
                    let (g, q) = (gold[k] as usize, pred[k] as usize);
                    if g != q {
                        let mut ids = p.feats[p.offsets[i] as usize..p.offsets[i + 1] as usize].to_vec();
                        if use_nl && !p.nl_offsets.is_empty() {
                            ids.extend_from_slice(&p.nl[p.nl_offsets[i] as usize..p.nl_offsets[i + 1] as usize]);
                        }
                        for f in ids {
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
        let f1 = eval(epoch, &aw, &atw);
        per_epoch.push(f1);
        if best.as_ref().is_none_or(|b| f1 > b.0) {
            best = Some((f1, epoch, aw, atw));
        }
    }
    let (_, e, w, tw) = best.unwrap_or((0.0, 0, vec![0.0; n_feats * t], vec![0.0; t * (t + 2)]));
    (e, per_epoch, w, tw)
}

/// Trains on `train`, choosing the number of epochs by F1 on `dev`.
pub fn train(cfg: &Config, train: &[Doc], dev: &[Doc]) -> Trained {
    let scheme = cfg.scheme;
    let t = scheme.len();
    let k = cfg.folds.max(2);
    let use_nl = cfg.groups & group::NONLOCAL != 0;
    let fold_of = |d: usize| d % k;
    // Name lists: the packaged ones, plus the training data's own names,
    // out-of-fold for the training documents so that they do not simply recall gold.
    let names_of = |skip: Option<usize>| -> Vec<(String, String)> {
        let mut v = cfg.gazetteer.clone();
        if cfg.train_names && cfg.groups & group::GAZETTEER != 0 {
            let mut seen = std::collections::BTreeSet::new();
            for (d, doc) in train.iter().enumerate() {
                if Some(fold_of(d)) == skip || !doc.lends_names {
                    continue;
                }
                for &(span, label) in &doc.gold {
                    let name = span.slice(&doc.text);
                    if name.chars().count() >= 2 && !name.starts_with(['@', '#']) {
                        seen.insert((format!("train.{}", label.as_str()), name.to_string()));
                    }
                }
            }
            v.extend(seen);
        }
        v
    };
    let (res_full, list_names, gaz_entries) = resources(cfg, &names_of(None));
    let fold_res: Vec<Resources> = (0..k).map(|f| resources(cfg, &names_of(Some(f))).0).collect();
    let mut ids = Ids { map: IdMap::default(), keys: Vec::new() };
    let mut align = Alignment::default();
    let mut tr: Vec<Prepared> = train
        .iter()
        .enumerate()
        .map(|(d, doc)| {
            let res = if cfg.train_names { &fold_res[fold_of(d)] } else { &res_full };
            prepare(doc, res, scheme, &mut ids, true, &mut align)
        })
        .collect();
    let mut dev_align = Alignment::default();
    let mut dv: Vec<Prepared> =
        dev.iter().map(|d| prepare(d, &res_full, scheme, &mut ids, false, &mut dev_align)).collect();
    if cfg.verbose {
        eprintln!(
            "train: {} docs, {} gold spans, {} not on token boundaries ({} more took an abbreviation's period), {} across sentences; {} features",
            train.len(),
            align.spans,
            align.unaligned,
            align.snapped,
            align.cross_sentence,
            ids.keys.len()
        );
        eprintln!(
            "dev: {} gold spans, {} not on token boundaries ({} more took an abbreviation's period), {} across sentences",
            dev_align.spans, dev_align.unaligned, dev_align.snapped, dev_align.cross_sentence
        );
        for e in align.examples.iter().chain(&dev_align.examples) {
            eprintln!("  not on token boundaries: {e}");
        }
    }
    if use_nl {
        // First-pass labels for each fold from a local model trained on the others.
        let n_local = ids.keys.len();
        let mut labelled: Vec<Vec<u8>> = vec![Vec::new(); tr.len()];
        for f in 0..k {
            let others: Vec<&Prepared> = tr.iter().enumerate().filter(|(d, _)| fold_of(*d) != f).map(|x| x.1).collect();
            let (_, _, w, tw) =
                perceptron(&others, scheme, n_local, cfg.fold_epochs, cfg.seed + f as u64, false, |e, _, _| e as f64);
            for (d, p) in tr.iter().enumerate().filter(|(d, _)| fold_of(*d) == f) {
                decode_doc(p, scheme, &w, &tw, false, &mut labelled[d]);
            }
            if cfg.verbose {
                eprintln!("fold {}/{k}: first-pass labels", f + 1);
            }
        }
        for (p, tags) in tr.iter_mut().zip(&labelled) {
            set_nonlocal(p, scheme, tags, &mut ids, true);
        }
    }
    let n_feats = ids.keys.len();
    let refs: Vec<&Prepared> = tr.iter().collect();
    let verbose = cfg.verbose;
    // Several runs over differently shuffled data, their weights averaged:
    // the perceptron's result depends on the order it sees sentences in.
    let runs = cfg.seeds.max(1);
    let (mut w, mut tw) = (vec![0f32; n_feats * t], vec![0f32; t * (t + 2)]);
    let (mut epochs_sum, mut per_epoch) = (0usize, Vec::new());
    for run in 0..runs {
        let seed = cfg.seed + 1000 * run as u64;
        let (e, curve, rw, rtw) = perceptron(&refs, scheme, n_feats, cfg.epochs, seed, use_nl, |e, w, tw| {
            let f1 =
                if dv.is_empty() { e as f64 } else { score_prepared(&mut dv, scheme, w, tw, use_nl, &mut ids).f1() };
            if verbose {
                eprintln!("run {}/{runs} epoch {e}: dev F1 {f1:.4}", run + 1);
            }
            f1
        });
        epochs_sum += e;
        if run == 0 {
            per_epoch = curve;
        }
        for (a, b) in w.iter_mut().zip(&rw) {
            *a += b / runs as f32;
        }
        for (a, b) in tw.iter_mut().zip(&rtw) {
            *a += b / runs as f32;
        }
    }
    let best_epoch = (epochs_sum + runs / 2) / runs;
    if verbose && runs > 1 && !dv.is_empty() {
        eprintln!(
            "averaged over {runs} runs: dev F1 {:.4}",
            score_prepared(&mut dv, scheme, &w, &tw, use_nl, &mut ids).f1()
        );
    }
    let features = (0..n_feats).map(|f| (ids.keys[f], w[f * t..(f + 1) * t].to_vec())).collect();
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
    Trained {
        raw,
        alignment: align,
        dev_alignment: dev_align,
        best_epoch,
        dev_f1_per_epoch: per_epoch,
        feature_count: n_feats,
    }
}

/// Keeps the `keep` features with the largest weights (by their largest
/// magnitude) and returns the magnitude at `quantile` of the kept weights:
/// the floor below which quantisation drops a weight.
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
    mags[((mags.len() - 1) as f64 * quantile.clamp(0.0, 1.0)) as usize].max(f32::MIN_POSITIVE)
}
