//! The quote layer against gold data, scored as `../shared/eval/score.py`
//! scores it (exact span F1; speaker accuracy over relaxed matches): PolNeAR
//! dev and the sample article (read from `$ANNOTATOR_DATA` through
//! `common::data_file`) and the project's own invented news articles
//! (`tests/quotes/news.jsonl`) must stay above the project's bars.

mod common;

use std::path::PathBuf;

use article_annotator::{Annotator, OffsetUnit, Options, parse_dct};
use serde_json::Value;

struct Gold {
    span: (usize, usize),
    speaker: Option<String>,
    mentions: Vec<(usize, usize)>,
}

struct Pred {
    span: (usize, usize),
    speaker: Option<String>,
    mentions: Vec<(usize, usize)>,
}

fn overlap(a: (usize, usize), b: (usize, usize)) -> usize {
    a.1.min(b.1).saturating_sub(a.0.max(b.0))
}

fn last_word(s: &str) -> String {
    s.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '_').to_lowercase())
        .rfind(|w| !w.is_empty())
        .unwrap_or_default()
}

fn speaker_right(g: &Gold, p: &Pred) -> bool {
    if g.mentions.iter().any(|&m| p.mentions.iter().any(|&n| overlap(m, n) > 0)) {
        return true;
    }
    match (&g.speaker, &p.speaker) {
        (Some(a), Some(b)) => {
            a.trim().eq_ignore_ascii_case(b.trim()) || !last_word(a).is_empty() && last_word(a) == last_word(b)
        }
        _ => false,
    }
}

/// (exact F1, speaker accuracy, quotes judged) over a gold JSONL file.
fn score(path: &PathBuf) -> (f64, f64, usize) {
    let annotator = Annotator::new().unwrap();
    let (mut tp, mut n_pred, mut n_gold, mut judged, mut right) = (0, 0, 0, 0, 0);
    for line in std::fs::read_to_string(path).unwrap().lines().filter(|l| !l.trim().is_empty()) {
        let rec: Value = serde_json::from_str(line).unwrap();
        let text = rec["text"].as_str().unwrap();
        let dct = rec["dct"].as_str().map(|d| parse_dct(d).unwrap());
        let doc = annotator.annotate(text, &Options { dct, ..Options::default() }).unwrap();
        let export = doc.export(text, OffsetUnit::CodePoint);
        let pair = |v: &Value| (v[0].as_u64().unwrap() as usize, v[1].as_u64().unwrap() as usize);
        let gold: Vec<Gold> = rec["quotes"]
            .as_array()
            .unwrap()
            .iter()
            .map(|q| Gold {
                span: (q["start"].as_u64().unwrap() as usize, q["end"].as_u64().unwrap() as usize),
                speaker: q["speaker"].as_str().map(str::to_string),
                mentions: q["speaker_mentions"].as_array().map_or_else(Vec::new, |m| m.iter().map(pair).collect()),
            })
            .collect();
        let pred: Vec<Pred> = export
            .quotes
            .iter()
            .map(|q| Pred {
                span: (q.start, q.end),
                speaker: q.speaker.clone(),
                mentions: q.speaker_mentions.iter().map(|m| (m[0], m[1])).collect(),
            })
            .collect();
        n_gold += gold.len();
        n_pred += pred.len();
        let mut used = vec![false; pred.len()];
        for g in &gold {
            if let Some(j) = (0..pred.len()).find(|&j| !used[j] && pred[j].span == g.span) {
                used[j] = true;
                tp += 1;
            }
        }
        // Relaxed: largest overlaps first, each item paired once.
        let mut pairs: Vec<(usize, usize, usize)> = Vec::new();
        for (i, g) in gold.iter().enumerate() {
            for (j, p) in pred.iter().enumerate() {
                let o = overlap(g.span, p.span);
                if o > 0 {
                    pairs.push((o, i, j));
                }
            }
        }
        pairs.sort_by(|a, b| b.0.cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
        let (mut gi, mut pj) = (vec![false; gold.len()], vec![false; pred.len()]);
        for (_, i, j) in pairs {
            if gi[i] || pj[j] {
                continue;
            }
            gi[i] = true;
            pj[j] = true;
            if gold[i].speaker.is_none() && gold[i].mentions.is_empty() {
                continue;
            }
            judged += 1;
            right += usize::from(speaker_right(&gold[i], &pred[j]));
        }
    }
    let p = tp as f64 / n_pred.max(1) as f64;
    let r = tp as f64 / n_gold.max(1) as f64;
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (f1, right as f64 / judged.max(1) as f64, judged)
}

#[test]
fn polnear_dev_and_the_sample_stay_above_the_bars() {
    let (Some(polnear), Some(sample)) =
        (common::data_file("quotes/polnear-dev.jsonl"), common::data_file("sample/kosovo-nato.jsonl"))
    else {
        return;
    };
    let (f1, accuracy, judged) = score(&polnear);
    println!("PolNeAR dev: exact F1 {f1:.3}, speaker accuracy {accuracy:.3} over {judged} quotes");
    assert!(f1 >= 0.97, "PolNeAR dev exact F1 {f1:.3} fell below 0.97");
    assert!(accuracy >= 0.95, "PolNeAR dev speaker accuracy {accuracy:.3} fell below 0.95");
    let (f1, accuracy, judged) = score(&sample);
    println!("sample: exact F1 {f1:.3}, speaker accuracy {accuracy:.3} over {judged} quotes");
    assert_eq!((f1, accuracy, judged), (1.0, 1.0, 3));
}

/// Four invented articles in the styles beyond PolNeAR (business, sports,
/// interview, government statements); built by `tests/quotes/news.py`.
#[test]
fn invented_news_articles_stay_above_the_bars() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/quotes/news.jsonl");
    let (f1, accuracy, judged) = score(&path);
    println!("invented news: exact F1 {f1:.3}, speaker accuracy {accuracy:.3} over {judged} quotes");
    assert!(judged >= 60, "only {judged} quotes judged");
    assert!(f1 >= 0.95, "invented news exact F1 {f1:.3} fell below 0.95");
    assert!(accuracy >= 0.97, "invented news speaker accuracy {accuracy:.3} fell below 0.97");
}

/// Eight invented articles written as a blind test, in the styles of the
/// held-out news (a Wikinews report with its Sources list, British single
/// marks, block quotations, a transcript, a press conference, a match
/// report, posts and reports, unnamed witnesses); built by
/// `tests/quotes/blind.py`.
#[test]
fn blind_news_articles_stay_above_the_bars() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/quotes/blind.jsonl");
    let (f1, accuracy, judged) = score(&path);
    println!("blind news: exact F1 {f1:.3}, speaker accuracy {accuracy:.3} over {judged} quotes");
    assert!(judged >= 75, "only {judged} quotes judged");
    assert!(f1 >= 0.95, "blind news exact F1 {f1:.3} fell below 0.95");
    assert!(accuracy >= 0.95, "blind news speaker accuracy {accuracy:.3} fell below 0.95");
}

/// The role and organisation of each quoted person in the blind articles, as
/// the fixture states them: alternatives separated by "|", "*" for any
/// answer, null when the article gives none; compared without case.
#[test]
fn blind_news_roles_are_the_articles_own() {
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("tests/quotes/blind.jsonl");
    let annotator = Annotator::new().unwrap();
    let fits = |want: &Value, got: Option<&str>| match (want.as_str(), got) {
        (None, got) => got.is_none(),
        (Some(w), got) => w.split('|').any(|alt| alt == "*" || got.is_some_and(|g| g.eq_ignore_ascii_case(alt))),
    };
    let (mut right, mut total, mut wrong) = (0, 0, Vec::new());
    for line in std::fs::read_to_string(path).unwrap().lines().filter(|l| !l.trim().is_empty()) {
        let rec: Value = serde_json::from_str(line).unwrap();
        let text = rec["text"].as_str().unwrap();
        let doc = annotator.annotate(text, &Options::default()).unwrap();
        for want in rec["roles"].as_array().unwrap() {
            let name = want["speaker"].as_str().unwrap();
            total += 1;
            let got = doc.groups.iter().find(|g| g.name == name);
            let (role, org) = got.map_or((None, None), |g| (g.role.as_deref(), g.organisation.as_deref()));
            if got.is_some() && fits(&want["role"], role) && fits(&want["organisation"], org) {
                right += 1;
            } else {
                wrong.push(format!("{name}: {role:?} / {org:?}"));
            }
        }
    }
    println!("blind news roles: {right} of {total}");
    assert!(total >= 20, "only {total} roles listed");
    assert!(right * 10 >= total * 9, "{right} of {total} roles right; wrong: {wrong:?}");
}
