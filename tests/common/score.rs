//! The figures of `../shared/eval/score.py`, computed the same way from the
//! same JSON records (gold and predictions as in `FORMAT.md`, offsets in
//! code points, documents matched by `id`), so that a floor checked here is
//! the figure the README reports. `tests/floors.rs` checks that the two
//! agree on real predictions.

use std::collections::HashMap;

use serde_json::Value;

/// Precision, recall and F1 with the counts behind them; `score.py`'s `prf`.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Prf {
    pub tp: usize,
    pub pred: usize,
    pub gold: usize,
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    pub fn new(tp: usize, pred: usize, gold: usize) -> Prf {
        let precision = if pred > 0 { tp as f64 / pred as f64 } else { f64::from(u8::from(gold == 0)) };
        let recall = if gold > 0 { tp as f64 / gold as f64 } else { f64::from(u8::from(pred == 0)) };
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { tp, pred, gold, precision, recall, f1 }
    }
}

/// Every figure `score.py --json` prints, for the layers the gold annotates.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Scores {
    pub entities: Option<Prf>,
    /// Per label, for labels with gold or predicted items.
    pub entity_labels: Vec<(String, Prf)>,
    pub dates_strict: Option<Prf>,
    pub dates_relaxed: Option<Prf>,
    pub dates_value: Option<Prf>,
    pub date_type_accuracy: Option<f64>,
    pub date_value_accuracy: Option<f64>,
    pub quotes_exact: Option<Prf>,
    pub quotes_relaxed: Option<Prf>,
    pub speaker_accuracy: Option<f64>,
    pub speaker_judged: usize,
}

type Span = (usize, usize);

fn span(v: &Value, start: &str, end: &str) -> Option<Span> {
    Some((v.get(start)?.as_u64()? as usize, v.get(end)?.as_u64()? as usize))
}

fn items<'a>(rec: Option<&'a Value>, layer: &str) -> &'a [Value] {
    rec.and_then(|r| r.get(layer)).and_then(Value::as_array).map_or(&[], Vec::as_slice)
}

fn overlap(a: Span, b: Span) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

/// One-to-one pairs of equal spans (a multiset intersection): their number.
fn match_exact(gold: &[Span], pred: &[Span]) -> usize {
    let mut free: HashMap<Span, usize> = HashMap::new();
    for p in pred {
        *free.entry(*p).or_default() += 1;
    }
    gold.iter()
        .filter(|g| {
            free.get_mut(g).is_some_and(|n| {
                let had = *n > 0;
                *n = n.saturating_sub(1);
                had
            })
        })
        .count()
}

/// One-to-one pairs of overlapping spans, largest overlap first, then by
/// gold index, then by predicted index (as `score.py` sorts them).
fn match_relaxed(gold: &[Span], pred: &[Span]) -> Vec<(usize, usize)> {
    let mut cands: Vec<(usize, usize, usize)> = Vec::new();
    for (i, g) in gold.iter().enumerate() {
        for (j, p) in pred.iter().enumerate() {
            let o = overlap(*g, *p);
            if o > 0 {
                cands.push((o, i, j));
            }
        }
    }
    cands.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut used_g, mut used_p) = (vec![false; gold.len()], vec![false; pred.len()]);
    let mut pairs = Vec::new();
    for (_, i, j) in cands {
        if !used_g[i] && !used_p[j] {
            used_g[i] = true;
            used_p[j] = true;
            pairs.push((i, j));
        }
    }
    pairs
}

/// `score.py`'s `last_word`: the last whitespace-separated word, lower case,
/// without the non-word characters around it.
fn last_word(s: &str) -> String {
    s.trim()
        .to_lowercase()
        .split_whitespace()
        .map(|w| w.trim_matches(|c: char| !(c.is_alphanumeric() || c == '_')).to_string())
        .rfind(|w| !w.is_empty())
        .unwrap_or_default()
}

struct QuoteItem {
    span: Span,
    speaker: Option<String>,
    mentions: Vec<Span>,
}

fn quote_item(q: &Value) -> QuoteItem {
    let mut mentions: Vec<Span> = q
        .get("speaker_mentions")
        .and_then(Value::as_array)
        .into_iter()
        .flatten()
        .filter_map(|m| Some((m.get(0)?.as_u64()? as usize, m.get(1)?.as_u64()? as usize)))
        .collect();
    mentions.extend(span(q, "speaker_start", "speaker_end"));
    QuoteItem {
        span: span(q, "start", "end").expect("a quote has integer start and end"),
        speaker: q.get("speaker").and_then(Value::as_str).map(str::to_string),
        mentions,
    }
}

fn speaker_right(gold: &QuoteItem, pred: &QuoteItem) -> bool {
    if gold.mentions.iter().any(|g| pred.mentions.iter().any(|p| overlap(*g, *p) > 0)) {
        return true;
    }
    match (&gold.speaker, &pred.speaker) {
        (Some(g), Some(p)) if !g.is_empty() && !p.is_empty() => {
            g.trim().to_lowercase() == p.trim().to_lowercase() || {
                let w = last_word(g);
                !w.is_empty() && w == last_word(p)
            }
        }
        _ => false,
    }
}

const LABELS: [&str; 4] = ["PER", "ORG", "LOC", "MISC"];

/// Scores `pred` against `gold` (records matched by `id`; a gold record
/// without a prediction predicts nothing), as `score.py` does.
pub fn score(gold: &[Value], pred: &[Value]) -> Scores {
    let by_id: HashMap<&str, &Value> =
        pred.iter().map(|p| (p["id"].as_str().expect("a prediction has a string id"), p)).collect();
    let mut s = Scores::default();
    let (mut ent, mut ent_docs) = ([0usize; 3], 0);
    let mut labels: HashMap<&str, [usize; 3]> = HashMap::new();
    let (mut dates, mut date_docs) = ([0usize; 7], 0); // gold pred strict relaxed type value -
    let (mut quotes, mut quote_docs) = ([0usize; 6], 0); // gold pred exact relaxed judged right
    for g in gold {
        let p = by_id.get(g["id"].as_str().expect("a gold record has a string id")).copied();
        if g.get("entities").is_some() {
            ent_docs += 1;
            let key = |e: &Value| {
                let (s, t) = span(e, "start", "end").expect("an entity has integer offsets");
                (s, t, e["label"].as_str().expect("an entity has a label").to_string())
            };
            let gs: Vec<_> = items(Some(g), "entities").iter().map(key).collect();
            let ps: Vec<_> = items(p, "entities").iter().map(key).collect();
            let mut free: HashMap<&(usize, usize, String), usize> = HashMap::new();
            for x in &ps {
                *free.entry(x).or_default() += 1;
                labels.entry(LABELS.iter().find(|l| **l == x.2).expect("a known label")).or_default()[1] += 1;
            }
            for x in &gs {
                let l = labels.entry(LABELS.iter().find(|l| **l == x.2).expect("a known label")).or_default();
                l[2] += 1;
                if let Some(n) = free.get_mut(x)
                    && *n > 0
                {
                    *n -= 1;
                    l[0] += 1;
                    ent[0] += 1;
                }
            }
            ent[1] += ps.len();
            ent[2] += gs.len();
        }
        if g.get("dates").is_some() {
            date_docs += 1;
            let gd = items(Some(g), "dates");
            let pd = items(p, "dates");
            let gs: Vec<Span> = gd.iter().map(|d| span(d, "start", "end").expect("date offsets")).collect();
            let ps: Vec<Span> = pd.iter().map(|d| span(d, "start", "end").expect("date offsets")).collect();
            dates[0] += gs.len();
            dates[1] += ps.len();
            dates[2] += match_exact(&gs, &ps);
            let pairs = match_relaxed(&gs, &ps);
            dates[3] += pairs.len();
            let value = |d: &Value| d.get("value").and_then(Value::as_str).map(str::trim).map(str::to_string);
            for (i, j) in pairs {
                dates[4] += usize::from(gd[i].get("type") == pd[j].get("type"));
                dates[5] += usize::from(value(&gd[i]).is_some() && value(&gd[i]) == value(&pd[j]));
            }
        }
        if g.get("quotes").is_some() {
            quote_docs += 1;
            let gq: Vec<QuoteItem> = items(Some(g), "quotes").iter().map(quote_item).collect();
            let pq: Vec<QuoteItem> = items(p, "quotes").iter().map(quote_item).collect();
            let gs: Vec<Span> = gq.iter().map(|q| q.span).collect();
            let ps: Vec<Span> = pq.iter().map(|q| q.span).collect();
            quotes[0] += gs.len();
            quotes[1] += ps.len();
            quotes[2] += match_exact(&gs, &ps);
            let pairs = match_relaxed(&gs, &ps);
            quotes[3] += pairs.len();
            for (i, j) in pairs {
                if gq[i].speaker.is_none() && gq[i].mentions.is_empty() {
                    continue;
                }
                quotes[4] += 1;
                quotes[5] += usize::from(speaker_right(&gq[i], &pq[j]));
            }
        }
    }
    if ent_docs > 0 {
        s.entities = Some(Prf::new(ent[0], ent[1], ent[2]));
        s.entity_labels = LABELS
            .iter()
            .filter_map(|l| {
                labels.get(l).filter(|c| c[1] + c[2] > 0).map(|c| (l.to_string(), Prf::new(c[0], c[1], c[2])))
            })
            .collect();
    }
    if date_docs > 0 {
        s.dates_strict = Some(Prf::new(dates[2], dates[1], dates[0]));
        s.dates_relaxed = Some(Prf::new(dates[3], dates[1], dates[0]));
        s.dates_value = Some(Prf::new(dates[5], dates[1], dates[0]));
        s.date_type_accuracy = (dates[3] > 0).then(|| dates[4] as f64 / dates[3] as f64);
        s.date_value_accuracy = (dates[3] > 0).then(|| dates[5] as f64 / dates[3] as f64);
    }
    if quote_docs > 0 {
        s.quotes_exact = Some(Prf::new(quotes[2], quotes[1], quotes[0]));
        s.quotes_relaxed = Some(Prf::new(quotes[3], quotes[1], quotes[0]));
        s.speaker_accuracy = (quotes[4] > 0).then(|| quotes[5] as f64 / quotes[4] as f64);
        s.speaker_judged = quotes[4];
    }
    s
}

/// The same figures read from `score.py --json` output, for comparison.
pub fn from_score_py(json: &Value) -> Scores {
    let prf = |v: &Value| Prf {
        tp: v["tp"].as_u64().unwrap() as usize,
        pred: v["pred"].as_u64().unwrap() as usize,
        gold: v["gold"].as_u64().unwrap() as usize,
        precision: v["precision"].as_f64().unwrap(),
        recall: v["recall"].as_f64().unwrap(),
        f1: v["f1"].as_f64().unwrap(),
    };
    let mut s = Scores::default();
    if let Some(e) = json.get("entities") {
        s.entities = Some(prf(e));
        s.entity_labels =
            LABELS.iter().filter_map(|l| e["per_label"].get(*l).map(|v| (l.to_string(), prf(v)))).collect();
    }
    if let Some(d) = json.get("dates") {
        s.dates_strict = Some(prf(&d["strict"]));
        s.dates_relaxed = Some(prf(&d["relaxed"]));
        s.dates_value = Some(prf(&d["value"]));
        s.date_type_accuracy = d["type_accuracy"].as_f64();
        s.date_value_accuracy = d["value_accuracy"].as_f64();
    }
    if let Some(q) = json.get("quotes") {
        s.quotes_exact = Some(prf(&q["exact"]));
        s.quotes_relaxed = Some(prf(&q["relaxed"]));
        s.speaker_accuracy = q["speaker_accuracy"].as_f64();
        s.speaker_judged = q["speaker_judged"].as_u64().unwrap() as usize;
    }
    s
}
