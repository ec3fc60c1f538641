//! Unsupervised word classes for the tagger's cluster features (training
//! only): the exchange algorithm over left and right neighbours, run at a few
//! class counts, each word's classes written as one bit path whose prefixes
//! are the coarser clusterings.

use std::collections::HashMap;

use crate::text::{TokenKind, tokenize};

/// The word as the classes see it: digits folded to `0`.
fn form(w: &str) -> String {
    w.chars().map(|c| if c.is_ascii_digit() { '0' } else { c }).collect()
}

#[inline]
fn xlogx(x: f64) -> f64 {
    if x <= 0.0 { 0.0 } else { x * x.ln() }
}

/// Word classes from `texts` (one document or line each): the `vocab` most
/// frequent words (seen at least `min_count` times) are clustered by the
/// exchange algorithm, once for each class count in `sizes` (powers of two),
/// for `iterations` passes. Returns (word, bit path) pairs and the path
/// prefix lengths that select each clustering.
pub fn exchange_classes<'a>(
    texts: impl Iterator<Item = &'a str>,
    sizes: &[usize],
    vocab: usize,
    min_count: u32,
    iterations: usize,
    verbose: bool,
) -> (Vec<(String, String)>, Vec<u8>) {
    // Token sequences, with 0 marking a boundary.
    let mut seqs: Vec<Vec<String>> = Vec::new();
    let mut counts: HashMap<String, u32> = HashMap::new();
    for text in texts {
        let toks: Vec<String> = tokenize(text)
            .iter()
            .filter(|t| !matches!(t.kind, TokenKind::Url | TokenKind::Email))
            .map(|t| form(t.span.slice(text)))
            .collect();
        for w in &toks {
            *counts.entry(w.clone()).or_insert(0) += 1;
        }
        seqs.push(toks);
    }
    let mut words: Vec<(&String, u32)> = counts.iter().filter(|x| *x.1 >= min_count).map(|(w, &c)| (w, c)).collect();
    words.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    words.truncate(vocab);
    let v = words.len();
    let id: HashMap<&str, u32> = words.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i as u32)).collect();
    // Context ids: right neighbour w -> w, left neighbour w -> n + w, where
    // n = v + 2 (v: a rare word, v + 1: a boundary).
    let n = v as u32 + 2;
    let mut pairs: Vec<u64> = Vec::new();
    for toks in &seqs {
        let ids: Vec<u32> = toks.iter().map(|w| id.get(w.as_str()).copied().unwrap_or(v as u32)).collect();
        for (k, &a) in ids.iter().enumerate() {
            if (a as usize) < v {
                let right = ids.get(k + 1).copied().unwrap_or(v as u32 + 1);
                let left = if k == 0 { v as u32 + 1 } else { ids[k - 1] };
                pairs.push((a as u64) << 32 | right as u64);
                pairs.push((a as u64) << 32 | (n + left) as u64);
            }
        }
    }
    drop(seqs);
    pairs.sort_unstable();
    let mut ctxs: Vec<Vec<(u32, f64)>> = vec![Vec::new(); v];
    let mut k = 0;
    while k < pairs.len() {
        let mut j = k;
        while j < pairs.len() && pairs[j] == pairs[k] {
            j += 1;
        }
        ctxs[(pairs[k] >> 32) as usize].push((pairs[k] as u32, (j - k) as f64));
        k = j;
    }
    drop(pairs);
    let totals: Vec<f64> = ctxs.iter().map(|c| c.iter().map(|x| x.1).sum()).collect();
    let n_ctx = 2 * n as usize;
    let mut paths: Vec<String> = vec![String::new(); v];
    let mut prefixes = Vec::new();
    for &c in sizes {
        let c = c.max(2);
        let mut class: Vec<usize> = (0..v).map(|w| w % c).collect();
        let mut nc = vec![0f64; n_ctx * c];
        let mut tot = vec![0f64; c];
        for w in 0..v {
            for &(x, m) in &ctxs[w] {
                nc[x as usize * c + class[w]] += m;
            }
            tot[class[w]] += totals[w];
        }
        let mut gain = vec![0f64; c];
        for it in 0..iterations {
            let mut moved = 0;
            for w in 0..v {
                let a = class[w];
                for &(x, m) in &ctxs[w] {
                    nc[x as usize * c + a] -= m;
                }
                tot[a] -= totals[w];
                for (b, g) in gain.iter_mut().enumerate() {
                    *g = xlogx(tot[b]) - xlogx(tot[b] + totals[w]);
                }
                for &(x, m) in &ctxs[w] {
                    let row = &nc[x as usize * c..(x as usize + 1) * c];
                    for (g, &r) in gain.iter_mut().zip(row) {
                        *g += xlogx(r + m) - xlogx(r);
                    }
                }
                let mut best = a;
                for b in 0..c {
                    if gain[b] > gain[best] + 1e-9 {
                        best = b;
                    }
                }
                if best != a {
                    moved += 1;
                }
                class[w] = best;
                for &(x, m) in &ctxs[w] {
                    nc[x as usize * c + best] += m;
                }
                tot[best] += totals[w];
            }
            if verbose {
                eprintln!("classes {c}: pass {} moved {moved} of {v} words", it + 1);
            }
            if moved == 0 {
                break;
            }
        }
        let bits = c.next_power_of_two().trailing_zeros() as usize;
        for w in 0..v {
            paths[w] += &format!("{:0bits$b}", class[w], bits = bits);
        }
        prefixes.push(paths.first().map_or(0, |p| p.len()) as u8);
    }
    let out = words.iter().zip(paths).map(|((w, _), p)| ((*w).clone(), p)).collect();
    (out, prefixes)
}
