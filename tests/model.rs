//! Checks of the committed entity model, without timing anything: it loads,
//! it is the file whose sha256 is recorded in `model/entities.sha256`, and
//! its F1 on `$ANNOTATOR_DATA/conll2003/dev.jsonl` (exact span and label, as
//! the scorer counts) is at or above the floor in `model/entities.dev-floor`.

mod common;

use std::collections::HashSet;

use article_annotator::entities::{EMBEDDED_MODEL, EntityModel, embedded_model};
use article_annotator::{Annotator, OffsetUnit, Options};
use sha2::{Digest, Sha256};

const RECORDED_SHA256: &str = include_str!("../model/entities.sha256");
const DEV_FLOOR: &str = include_str!("../model/entities.dev-floor");

#[test]
fn embedded_model_loads() {
    let model = embedded_model().expect("the embedded entity model loads");
    assert!(model.feature_count() > 1000, "suspiciously few features: {}", model.feature_count());
}

#[test]
fn model_file_matches_recorded_sha256() {
    let got: String = Sha256::digest(EMBEDDED_MODEL).iter().map(|b| format!("{b:02x}")).collect();
    let recorded = RECORDED_SHA256.split_whitespace().next().unwrap_or_default();
    assert_eq!(got, recorded, "model/entities.bin does not match model/entities.sha256: retrain or update the record");
}

#[test]
fn load_errors_say_what_is_wrong() {
    let mut bytes = EMBEDDED_MODEL.to_vec();
    bytes[8] = 3;
    let err = EntityModel::from_bytes(&bytes).unwrap_err();
    assert_eq!(err.to_string(), "failed to load entity model: unsupported format version 3 (expected 1)");
    let err = EntityModel::from_bytes(b"not a model at all").unwrap_err();
    assert!(err.to_string().starts_with("failed to load entity model: this is not an entity model"), "{err}");
    let mut damaged = EMBEDDED_MODEL.to_vec();
    let mid = damaged.len() / 2;
    damaged[mid] ^= 0x55;
    let err = EntityModel::from_bytes(&damaged).unwrap_err();
    assert!(err.to_string().contains("checksum"), "{err}");
    for cut in [12, 40, EMBEDDED_MODEL.len() / 3, EMBEDDED_MODEL.len() - 1] {
        assert!(EntityModel::from_bytes(&EMBEDDED_MODEL[..cut]).is_err(), "a model cut at {cut} bytes loaded");
    }
}

type Spans = HashSet<(String, usize, usize, String)>;

#[test]
fn dev_f1_is_at_or_above_the_recorded_floor() {
    let Some(path) = common::data_file("conll2003/dev.jsonl") else { return };
    let jsonl = std::fs::read_to_string(&path).expect("dev.jsonl is readable");
    let floor: f64 = DEV_FLOOR.trim().parse().expect("model/entities.dev-floor holds a number");
    let annotator = Annotator::new().expect("the embedded models load");
    let (mut gold, mut pred) = (Spans::new(), Spans::new());
    for line in jsonl.lines().filter(|l| !l.trim().is_empty()) {
        let v: serde_json::Value = serde_json::from_str(line).expect("dev.jsonl lines are JSON");
        let id = v["id"].as_str().unwrap_or_default().to_string();
        let text = v["text"].as_str().expect("a record has text");
        for e in v["entities"].as_array().expect("a record has entities") {
            let (s, t) = (e["start"].as_u64().unwrap() as usize, e["end"].as_u64().unwrap() as usize);
            gold.insert((id.clone(), s, t, e["label"].as_str().unwrap_or_default().to_string()));
        }
        let doc = annotator.annotate(text, &Options::default()).expect("dev texts annotate");
        for e in doc.export(text, OffsetUnit::CodePoint).entities {
            pred.insert((id.clone(), e.start, e.end, e.label.as_str().to_string()));
        }
    }
    let tp = gold.intersection(&pred).count() as f64;
    let (p, r) = (tp / pred.len().max(1) as f64, tp / gold.len().max(1) as f64);
    let f1 = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    eprintln!("dev: P {p:.4} R {r:.4} F1 {f1:.4} (floor {floor})");
    assert!(f1 >= floor, "dev F1 {f1:.4} is below the recorded floor {floor}");
}
