//! Measures the throughput of the date layer on a JSONL file of
//! `{"text", "dct"}` records (default: the TempEval-3 training file under
//! `ANNOTATOR_DATA`, else `../shared/data`), and on growing runs of
//! pathological text, so that a super-linear slope would show.
//!
//! ```sh
//! cargo run --release --example date_throughput [FILE.jsonl]
//! ```

use std::time::Instant;

use article_annotator::Date;
use article_annotator::dates::{DateOptions, find_dates};
use article_annotator::text::Segmented;

fn main() {
    let path = std::env::args().nth(1).unwrap_or_else(|| {
        let root = std::env::var("ANNOTATOR_DATA").unwrap_or_else(|_| "../shared/data".to_string());
        format!("{root}/tempeval3/train.jsonl")
    });
    let data = match std::fs::read_to_string(&path) {
        Ok(d) => d,
        Err(e) => {
            eprintln!("cannot read {path}: {e}");
            std::process::exit(1);
        }
    };
    let docs: Vec<(String, Option<Date>)> = data
        .lines()
        .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
        .map(|r| {
            let text = r["text"].as_str().unwrap_or_default().to_string();
            let dct = r["dct"].as_str().and_then(|d| d.parse().ok());
            (text, dct)
        })
        .collect();
    let chars: usize = docs.iter().map(|(t, _)| t.chars().count()).sum();
    let options = DateOptions::default();
    let segs: Vec<Segmented> = docs.iter().map(|(t, _)| Segmented::new(t)).collect();
    let rounds = 5;
    let (mut seg_time, mut date_time, mut found) = (0.0, 0.0, 0);
    for _ in 0..rounds {
        let t0 = Instant::now();
        let again: Vec<Segmented> = docs.iter().map(|(t, _)| Segmented::new(t)).collect();
        seg_time += t0.elapsed().as_secs_f64();
        drop(again);
        let t1 = Instant::now();
        found = segs.iter().zip(&docs).map(|(s, (_, dct))| find_dates(s, *dct, &options).len()).sum();
        date_time += t1.elapsed().as_secs_f64();
    }
    let total = (chars * rounds) as f64;
    println!("{path}: {} documents, {chars} chars, {found} expressions", docs.len());
    println!("  segmentation: {:>6.2} M chars/s", total / seg_time / 1e6);
    println!("  date layer:   {:>6.2} M chars/s (on segmented text)", total / date_time / 1e6);

    // Pathological families: the time per char should stay flat as they grow.
    let families = [
        ("month names", "May March June April "),
        ("numbers and units", "2 1/2 years 3 weeks 48 hours 1990 "),
        ("the past the past", "the past the last the next "),
        ("hyphens", "mid- late- early- third- quarter- "),
        ("one long sentence", "on on on on on Friday , "),
    ];
    for (name, unit) in families {
        let mut line = String::new();
        for n in [1_000usize, 10_000, 100_000] {
            let text = unit.repeat(n / unit.len() + 1);
            let seg = Segmented::new(&text);
            let t = Instant::now();
            let k = find_dates(&seg, Date::new(2025, 1, 13).ok(), &options).len();
            let ns = t.elapsed().as_nanos() as f64 / text.len() as f64;
            line.push_str(&format!("  {n:>7} B: {ns:>6.1} ns/B ({k} found)"));
        }
        println!("{name:>18}:{line}");
    }
}
