//! Shared by the tests that read the evaluation data: where a data file is,
//! and what happens when it is not there. Scoring as `score.py` scores is in
//! `common::score`.
//!
//! A data test asks for each file it reads and returns when it gets `None`:
//!
//! ```ignore
//! mod common;
//!
//! #[test]
//! fn something_on_the_data() {
//!     let Some(path) = common::data_file("conll2003/test.jsonl") else { return };
//!     // ... read `path` ...
//! }
//! ```
//!
//! Files are looked up under `$ANNOTATOR_DATA` (default `../shared/data`
//! beside the checkout). A missing file
//! - fails the test when `ANNOTATOR_REQUIRE_DATA=1` (CI sets it: `.ci/run`);
//! - otherwise skips it: the test prints what is missing, returns, and the
//!   skip is written to `target/tmp/data-tests-skipped.txt`, one line per
//!   test, which `make test` counts and reports.
#![allow(dead_code)] // each test binary uses its own part of this module

pub mod score;

use std::io::Write;
use std::path::PathBuf;

/// The folder of the shared evaluation data.
pub fn data_dir() -> PathBuf {
    std::env::var_os("ANNOTATOR_DATA")
        .map(PathBuf::from)
        .unwrap_or_else(|| PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../shared/data"))
}

/// Whether a missing data file is a failure (`ANNOTATOR_REQUIRE_DATA=1`).
pub fn data_required() -> bool {
    std::env::var("ANNOTATOR_REQUIRE_DATA").is_ok_and(|v| v.trim() == "1")
}

/// The path of `relative` (e.g. `"conll2003/test.jsonl"`) under the data
/// folder, or `None` after recording that the calling test is skipped.
/// Panics, naming the file, when the data is required.
pub fn data_file(relative: &str) -> Option<PathBuf> {
    let path = data_dir().join(relative);
    if path.is_file() {
        return Some(path);
    }
    skip(&format!("{} is missing (set ANNOTATOR_DATA to the shared data folder)", path.display()));
    None
}

/// Skips the calling test for `reason`, or fails it when the data is required.
/// For a test that has its data but lacks something else it needs to read it
/// (e.g. `python3` to run the reference scorer).
pub fn skip(reason: &str) {
    if data_required() {
        panic!("ANNOTATOR_REQUIRE_DATA=1 and {reason}");
    }
    let test = std::thread::current().name().unwrap_or("?").to_string();
    let test = format!("{}::{test}", env!("CARGO_CRATE_NAME"));
    println!("skipped {test}: {reason}");
    eprintln!("skipped {test}: {reason}");
    let log = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("data-tests-skipped.txt");
    let written = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(&log)
        .and_then(|mut f| f.write_all(format!("{test}: {reason}\n").as_bytes()));
    if let Err(e) = written {
        eprintln!("could not record the skip in {}: {e}", log.display());
    }
}

/// Every JSON record of a JSONL file (blank lines left out).
pub fn read_jsonl(path: &std::path::Path) -> Vec<serde_json::Value> {
    let text = std::fs::read_to_string(path).unwrap_or_else(|e| panic!("cannot read {}: {e}", path.display()));
    text.lines()
        .enumerate()
        .filter(|(_, l)| !l.trim().is_empty())
        .map(|(n, l)| serde_json::from_str(l).unwrap_or_else(|e| panic!("{}:{}: {e}", path.display(), n + 1)))
        .collect()
}
