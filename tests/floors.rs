//! The figures the README promises users, held above floors: CoNLL-2003
//! test entity F1 and TempEval-3 test relaxed and value F1 of the `annotate`
//! command's output, scored by `common::score` (the figures of
//! `../shared/eval/score.py`, checked against it below). PolNeAR dev is held
//! by `tests/quotes_data.rs`.
//!
//! Each floor sits a little under today's figure: raise it when a change
//! raises the figure; a change that lowers a figure below its floor fails.

mod common;

use std::path::{Path, PathBuf};
use std::process::Command;

use common::score::{Prf, Scores, from_score_py, score};

/// CoNLL-2003 test, entities, exact span and label F1 (today 0.8831).
const CONLL_TEST_ENTITY_F1: f64 = 0.875;
/// TempEval-3 test, dates, relaxed (overlap) span F1 (today 0.902).
const TEMPEVAL_TEST_RELAXED_F1: f64 = 0.895;
/// TempEval-3 test, dates, value F1 (relaxed match with the right value; today 0.827).
const TEMPEVAL_TEST_VALUE_F1: f64 = 0.820;

/// `annotate --jsonl GOLD` (the README's command), its output written next
/// to the test's other files and parsed.
fn predict(gold: &Path, name: &str) -> (PathBuf, Vec<serde_json::Value>) {
    let out = Command::new(env!("CARGO_BIN_EXE_annotate")).arg("--jsonl").arg(gold).output().expect("annotate runs");
    assert_eq!(
        out.status.code(),
        Some(0),
        "annotate --jsonl {}: {}",
        gold.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    let path = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join(format!("floors-{name}-{}.jsonl", std::process::id()));
    std::fs::write(&path, &out.stdout).unwrap();
    let records = common::read_jsonl(&path);
    (path, records)
}

#[test]
fn conll2003_test_entity_f1_stays_above_its_floor() {
    let Some(gold) = common::data_file("conll2003/test.jsonl") else { return };
    let (pred_path, pred) = predict(&gold, "conll-test");
    let s = score(&common::read_jsonl(&gold), &pred);
    std::fs::remove_file(pred_path).ok();
    let e = s.entities.expect("the gold annotates entities");
    println!(
        "CoNLL-2003 test: entity P {:.4} R {:.4} F1 {:.4} (floor {CONLL_TEST_ENTITY_F1})",
        e.precision, e.recall, e.f1
    );
    assert!(e.gold > 5000, "only {} gold entities: is this the CoNLL-2003 test file?", e.gold);
    assert!(e.f1 >= CONLL_TEST_ENTITY_F1, "CoNLL-2003 test entity F1 {:.4} fell below {CONLL_TEST_ENTITY_F1}", e.f1);
}

#[test]
fn tempeval3_test_date_f1_stays_above_its_floors() {
    let Some(gold) = common::data_file("tempeval3/test.jsonl") else { return };
    let (pred_path, pred) = predict(&gold, "tempeval-test");
    let s = score(&common::read_jsonl(&gold), &pred);
    std::fs::remove_file(pred_path).ok();
    let (relaxed, value) = (s.dates_relaxed.expect("the gold annotates dates"), s.dates_value.unwrap());
    println!(
        "TempEval-3 test: relaxed F1 {:.4} (floor {TEMPEVAL_TEST_RELAXED_F1}), value F1 {:.4} (floor {TEMPEVAL_TEST_VALUE_F1})",
        relaxed.f1, value.f1
    );
    assert!(relaxed.gold > 100, "only {} gold dates: is this the TempEval-3 test file?", relaxed.gold);
    assert!(
        relaxed.f1 >= TEMPEVAL_TEST_RELAXED_F1,
        "TempEval-3 test relaxed F1 {:.4} fell below its floor",
        relaxed.f1
    );
    assert!(value.f1 >= TEMPEVAL_TEST_VALUE_F1, "TempEval-3 test value F1 {:.4} fell below its floor", value.f1);
}

fn close(a: f64, b: f64) -> bool {
    (a - b).abs() < 1e-12
}

fn same_prf(a: &Option<Prf>, b: &Option<Prf>) -> bool {
    match (a, b) {
        (Some(a), Some(b)) => {
            (a.tp, a.pred, a.gold) == (b.tp, b.pred, b.gold)
                && close(a.precision, b.precision)
                && close(a.recall, b.recall)
                && close(a.f1, b.f1)
        }
        (None, None) => true,
        _ => false,
    }
}

fn same(a: &Scores, b: &Scores) -> bool {
    let opt = |x: Option<f64>, y: Option<f64>| match (x, y) {
        (Some(x), Some(y)) => close(x, y),
        (x, y) => x.is_none() && y.is_none(),
    };
    same_prf(&a.entities, &b.entities)
        && a.entity_labels.len() == b.entity_labels.len()
        && a.entity_labels.iter().zip(&b.entity_labels).all(|(x, y)| x.0 == y.0 && same_prf(&Some(x.1), &Some(y.1)))
        && same_prf(&a.dates_strict, &b.dates_strict)
        && same_prf(&a.dates_relaxed, &b.dates_relaxed)
        && same_prf(&a.dates_value, &b.dates_value)
        && opt(a.date_type_accuracy, b.date_type_accuracy)
        && opt(a.date_value_accuracy, b.date_value_accuracy)
        && same_prf(&a.quotes_exact, &b.quotes_exact)
        && same_prf(&a.quotes_relaxed, &b.quotes_relaxed)
        && opt(a.speaker_accuracy, b.speaker_accuracy)
        && a.speaker_judged == b.speaker_judged
}

/// `score.py --json` on the same files; `None` (a recorded skip) without python3 or the scorer.
fn score_py(gold: &Path, pred: &Path) -> Option<serde_json::Value> {
    let script = common::data_dir().join("../eval/score.py");
    if !script.is_file() {
        common::skip(&format!("the reference scorer {} is missing", script.display()));
        return None;
    }
    let out = match Command::new("python3")
        .arg(&script)
        .arg("--gold")
        .arg(gold)
        .arg("--pred")
        .arg(pred)
        .arg("--json")
        .output()
    {
        Ok(out) => out,
        Err(e) => {
            common::skip(&format!("python3 cannot be run ({e}), so score.py cannot be compared"));
            return None;
        }
    };
    assert!(out.status.success(), "score.py failed: {}", String::from_utf8_lossy(&out.stderr));
    Some(serde_json::from_slice(&out.stdout).expect("score.py --json prints JSON"))
}

/// The figures above are the README's: on real predictions of every layer,
/// `common::score` and `score.py` give the same counts and the same figures.
#[test]
fn the_scorer_agrees_with_score_py() {
    let files =
        ["conll2003/test.jsonl", "tempeval3/test.jsonl", "quotes/polnear-dev.jsonl", "sample/kosovo-nato.jsonl"];
    for file in files {
        let Some(gold) = common::data_file(file) else { return };
        let name = file.replace(['/', '.'], "-");
        let (pred_path, pred) = predict(&gold, &name);
        let ours = score(&common::read_jsonl(&gold), &pred);
        let Some(theirs) = score_py(&gold, &pred_path) else { return };
        std::fs::remove_file(&pred_path).ok();
        let theirs = from_score_py(&theirs);
        assert!(
            same(&ours, &theirs),
            "{file}: common::score and score.py disagree\n ours:     {ours:?}\n score.py: {theirs:?}"
        );
    }
}

/// Against hand-made predictions too, where every rule of the scorer is
/// used: an empty prediction, a wrong label, a wrong value, a speaker named
/// by its last word, by a mention, and a quote that only overlaps.
#[test]
fn the_scorer_agrees_with_score_py_on_edge_cases() {
    let gold = [
        r#"{"id": "a", "text": "Nato chief Mark Rutte said on Monday: \"We are ready.\" He met EU staff.", "dct": "2025-01-13", "entities": [{"start": 0, "end": 4, "label": "ORG"}, {"start": 11, "end": 21, "label": "PER"}, {"start": 61, "end": 63, "label": "MISC"}], "dates": [{"start": 30, "end": 36, "type": "DATE", "value": "2025-01-13"}], "quotes": [{"start": 39, "end": 52, "speaker": "Mark Rutte", "speaker_mentions": [[11, 21], [54, 56]]}]}"#,
        r#"{"id": "b", "text": "\"No comment,\" an official said in 2024 for two weeks.", "entities": [], "dates": [{"start": 34, "end": 38, "type": "DATE", "value": "2024"}, {"start": 39, "end": 52, "type": "DURATION", "value": "P2W"}], "quotes": [{"start": 1, "end": 12, "speaker": null, "speaker_mentions": []}]}"#,
        r#"{"id": "c", "text": "Only entities here: Kosovo.", "entities": [{"start": 20, "end": 26, "label": "LOC"}]}"#,
        r#"{"id": "d", "text": "\"Yes,\" said Ann Lee. \"No,\" said Bo Park.", "quotes": [{"start": 1, "end": 5, "speaker": "Ann Lee", "speaker_mentions": [[12, 19]]}, {"start": 22, "end": 25, "speaker": "Bo Park", "speaker_mentions": [[32, 39]]}]}"#,
    ];
    let pred = [
        r#"{"id": "a", "entities": [{"start": 0, "end": 4, "label": "ORG"}, {"start": 16, "end": 21, "label": "PER"}, {"start": 61, "end": 63, "label": "ORG"}, {"start": 64, "end": 69, "label": "LOC"}], "dates": [{"start": 27, "end": 36, "type": "TIME", "value": "2025-01-13"}], "quotes": [{"start": 38, "end": 53, "speaker": "Rutte"}]}"#,
        r#"{"id": "b", "entities": [{"start": 17, "end": 25, "label": "PER"}], "dates": [{"start": 34, "end": 38, "type": "DATE", "value": "2024-01"}, {"start": 0, "end": 3, "type": "DATE", "value": "PRESENT_REF"}], "quotes": [{"start": 1, "end": 12, "speaker": "an official"}]}"#,
        r#"{"id": "d", "quotes": [{"start": 1, "end": 5, "speaker": "someone", "speaker_mentions": [[16, 19]]}, {"start": 22, "end": 24, "speaker": "Ann Lee", "speaker_mentions": [[12, 19]]}]}"#,
    ];
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"));
    let write = |name: &str, lines: &[&str]| {
        let path = dir.join(format!("{name}-{}.jsonl", std::process::id()));
        std::fs::write(&path, lines.join("\n") + "\n").unwrap();
        path
    };
    let (gold_path, pred_path) = (write("scorer-gold", &gold), write("scorer-pred", &pred));
    let parse = |lines: &[&str]| lines.iter().map(|l| serde_json::from_str(l).unwrap()).collect::<Vec<_>>();
    let ours = score(&parse(&gold), &parse(&pred));
    // Worked out by hand, so this test means something without python3 too.
    let e = ours.entities.unwrap();
    assert_eq!((e.tp, e.pred, e.gold), (1, 5, 4));
    assert_eq!(ours.dates_relaxed.map(|d| d.tp), Some(2));
    assert_eq!(ours.dates_value.map(|d| d.tp), Some(1));
    assert_eq!(ours.quotes_exact.map(|q| q.tp), Some(2));
    assert_eq!((ours.speaker_judged, ours.speaker_accuracy), (3, Some(2.0 / 3.0)));
    let Some(theirs) = score_py(&gold_path, &pred_path) else { return };
    for p in [gold_path, pred_path] {
        std::fs::remove_file(p).ok();
    }
    let theirs = from_score_py(&theirs);
    assert!(same(&ours, &theirs), "common::score and score.py disagree\n ours:     {ours:?}\n score.py: {theirs:?}");
}
