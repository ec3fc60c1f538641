//! Throughput of the entity layer alone (features, two Viterbi passes) on
//! news text: the texts of `$ANNOTATOR_DATA/conll2003/test.jsonl` when that
//! file exists, else the committed fixture articles repeated. Segmentation
//! is done up front and not timed.
//!
//! `cargo bench --bench entities` runs it; `-- --test` runs each case once.

use std::hint::black_box;

use article_annotator::entities::embedded_model;
use article_annotator::text::Segmented;
use criterion::{Criterion, Throughput, criterion_group, criterion_main};

fn news_texts() -> (String, Vec<String>) {
    let dir = std::env::var("ANNOTATOR_DATA")
        .unwrap_or_else(|_| concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/data").into());
    let path = std::path::Path::new(&dir).join("conll2003/test.jsonl");
    if let Ok(jsonl) = std::fs::read_to_string(&path) {
        let texts = jsonl
            .lines()
            .filter_map(|l| serde_json::from_str::<serde_json::Value>(l).ok())
            .filter_map(|v| v["text"].as_str().map(str::to_string))
            .collect();
        return (format!("CoNLL-2003 test ({})", path.display()), texts);
    }
    let a = include_str!("../tests/fixtures/harbour-strike.txt");
    let b = include_str!("../tests/fixtures/harbour-bridge.txt");
    (
        "fixture articles x100 (CoNLL-2003 test not found)".into(),
        [a, b].repeat(100).into_iter().map(String::from).collect(),
    )
}

fn entities(c: &mut Criterion) {
    let (source, texts) = news_texts();
    let chars: u64 = texts.iter().map(|t| t.chars().count() as u64).sum();
    eprintln!("news text: {source}, {} documents, {chars} chars", texts.len());
    let model = embedded_model().expect("the embedded entity model loads");
    let segmented: Vec<Segmented> = texts.iter().map(|t| Segmented::new(t)).collect();
    let mut g = c.benchmark_group("entities");
    g.throughput(Throughput::Elements(chars));
    g.sample_size(10);
    g.bench_function("tag", |b| b.iter(|| segmented.iter().map(|s| model.tag(black_box(s)).len()).sum::<usize>()));
    g.finish();
}

criterion_group!(benches, entities);
criterion_main!(benches);
