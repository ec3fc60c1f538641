//! Speed work must not change what the annotator finds: the sha256 of
//! `annotate --jsonl FILE` on CoNLL-2003 test, TempEval-3 test and PolNeAR
//! dev stays the one recorded in `tests/digests.txt` for the same model.
//!
//! The files come from `$ANNOTATOR_DATA` (default `../shared/data`); without
//! them the test says so and passes. When the model changes (and only then)
//! the outputs may change too; record the new ones with
//!
//! ```text
//! ANNOTATOR_UPDATE_DIGESTS=1 cargo test --release --test digests
//! ```
//!
//! and commit `tests/digests.txt` with the model.

use std::path::PathBuf;
use std::process::Command;

use sha2::{Digest, Sha256};

const DIGESTS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/digests.txt");
const MODEL: &[u8] = include_bytes!("../model/entities.bin");
const FILES: [&str; 3] = ["conll2003/test.jsonl", "tempeval3/test.jsonl", "quotes/polnear-dev.jsonl"];

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

/// The shared data folder, or `None` (with a message) when it is not there.
fn data_dir() -> Option<PathBuf> {
    let dir = std::env::var("ANNOTATOR_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|_| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"));
    if FILES.iter().all(|f| dir.join(f).is_file()) {
        Some(dir)
    } else {
        eprintln!(
            "skipped: {} lacks {} (set ANNOTATOR_DATA to the shared data folder)",
            dir.display(),
            FILES.join(", ")
        );
        None
    }
}

/// The sha256 of the command line's JSONL output for `file`.
fn output_digest(file: &std::path::Path) -> String {
    let out = Command::new(env!("CARGO_BIN_EXE_annotate"))
        .arg("--jsonl")
        .arg(file)
        .output()
        .expect("the annotate binary runs");
    assert!(
        out.status.success(),
        "annotate --jsonl {} failed: {}",
        file.display(),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(out.stdout.len() > 1000, "annotate --jsonl {} wrote almost nothing", file.display());
    hex(&Sha256::digest(&out.stdout))
}

/// `(model digest, [(file, digest)])` as `tests/digests.txt` records them.
fn recorded() -> (String, Vec<(String, String)>) {
    let text = std::fs::read_to_string(DIGESTS).expect("tests/digests.txt is there");
    let mut model = String::new();
    let mut files = Vec::new();
    for line in text.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')) {
        let (digest, name) = line.split_once(char::is_whitespace).expect("a digest line is `DIGEST  NAME`");
        if name.trim() == "model/entities.bin" {
            model = digest.to_string();
        } else {
            files.push((name.trim().to_string(), digest.to_string()));
        }
    }
    (model, files)
}

#[test]
fn outputs_match_the_recorded_digests() {
    let Some(dir) = data_dir() else { return };
    let model = hex(&Sha256::digest(MODEL));
    let actual: Vec<(String, String)> = FILES.iter().map(|f| (f.to_string(), output_digest(&dir.join(f)))).collect();
    if std::env::var_os("ANNOTATOR_UPDATE_DIGESTS").is_some() {
        let mut text = String::from(
            "# sha256 of `annotate --jsonl $ANNOTATOR_DATA/FILE` with the model on the first line (tests/digests.rs).\n\
             # Update only when the model changes: ANNOTATOR_UPDATE_DIGESTS=1 cargo test --release --test digests\n",
        );
        text.push_str(&format!("{model}  model/entities.bin\n"));
        for (f, d) in &actual {
            text.push_str(&format!("{d}  {f}\n"));
        }
        std::fs::write(DIGESTS, text).expect("tests/digests.txt is writable");
        eprintln!("recorded the digests of {} files in tests/digests.txt", actual.len());
        return;
    }
    let (recorded_model, recorded) = recorded();
    assert_eq!(
        recorded_model, model,
        "model/entities.bin is not the model the digests were recorded with; if the model changed on purpose, \
         record its outputs: ANNOTATOR_UPDATE_DIGESTS=1 cargo test --release --test digests"
    );
    assert_eq!(recorded.len(), FILES.len(), "tests/digests.txt records every file");
    for ((file, want), (_, got)) in recorded.iter().zip(&actual) {
        assert_eq!(got, want, "annotate --jsonl {file} no longer gives the recorded output (same model)");
    }
}
