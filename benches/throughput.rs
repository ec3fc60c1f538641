//! Throughput of each layer and of the whole pipeline on real news text, and
//! of the pipeline on families of pathological inputs at growing sizes, so
//! that superlinear growth shows as a slope (compare chars/s across sizes).
//!
//! News text: the texts of `$ANNOTATOR_DATA/conll2003/test.jsonl` when that
//! file exists, else the committed fixture article repeated.
//! `cargo bench --bench throughput` runs it; `-- --test` runs each case once.

use std::hint::black_box;

use article_annotator::text::Segmented;
use article_annotator::{Annotator, Options, dates, entities, quotes};
use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};

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
    let fixture = include_str!("../tests/fixtures/harbour-strike.txt");
    ("fixture article x200 (CoNLL-2003 test not found)".into(), vec![fixture.to_string(); 200])
}

fn chars(texts: &[String]) -> u64 {
    texts.iter().map(|t| t.chars().count() as u64).sum()
}

fn layers(c: &mut Criterion) {
    let (source, texts) = news_texts();
    eprintln!("news text: {source}, {} documents, {} chars", texts.len(), chars(&texts));
    let annotator = Annotator::new().expect("the embedded models load");
    let options = Options::default();
    let segmented: Vec<Segmented> = texts.iter().map(|t| Segmented::new(t)).collect();
    let ents: Vec<_> = segmented
        .iter()
        .map(|s| {
            let mut e = entities::tag_entities(s);
            let g = entities::groups::group_entities(s, &mut e);
            (e, g)
        })
        .collect();

    let mut g = c.benchmark_group("news");
    g.throughput(Throughput::Elements(chars(&texts)));
    g.sample_size(10);
    g.bench_function("tokens+sentences", |b| {
        b.iter(|| texts.iter().map(|t| Segmented::new(black_box(t)).tokens.len()).sum::<usize>())
    });
    g.bench_function("entities", |b| {
        b.iter(|| segmented.iter().map(|s| entities::tag_entities(black_box(s)).len()).sum::<usize>())
    });
    g.bench_function("dates", |b| {
        b.iter(|| segmented.iter().map(|s| dates::find_dates(black_box(s), None, &options.dates).len()).sum::<usize>())
    });
    g.bench_function("entity groups", |b| {
        b.iter(|| {
            segmented
                .iter()
                .zip(&ents)
                .map(|(s, (e, _))| entities::groups::group_entities(black_box(s), &mut e.clone()).len())
                .sum::<usize>()
        })
    });
    g.bench_function("quotes", |b| {
        b.iter(|| {
            segmented
                .iter()
                .zip(&ents)
                .map(|(s, (e, g))| quotes::find_quotes(black_box(s), e, g).quotes.len())
                .sum::<usize>()
        })
    });
    g.bench_function("pipeline", |b| {
        b.iter(|| {
            texts.iter().map(|t| annotator.annotate(black_box(t), &options).unwrap().entities.len()).sum::<usize>()
        })
    });
    g.finish();
}

/// Inputs built to hit the worst case of some finder, by name.
fn pathological(name: &str, size: usize) -> String {
    let unit = match name {
        "unbalanced-quotes" => "\"a \u{201C}b \u{AB}c \u{2018}d ",
        "one-huge-token" => "a",
        "no-spaces" => "Word,\"x\"-y.",
        "capitalised-words" => "Kosovo Serbia Nato Rutte ",
        "long-number" => "1",
        "abbreviations" => "U.S. Mr. J. ",
        "apostrophes" => "'s' '",
        "month-names" => "May March June 12 ",
        "quote-attributions" => "\u{201C}Yes,\u{201D} said Rutte and \u{201C}no\u{201D} he told them, saying ",
        "speech-verbs" => "he said she told the chief added that officials warned ",
        "joined-places" => "Bosnia and Herzegovina & Antigua and Barbuda and ",
        "results-sentence" => "Leicester beat Somerset 2-1 and lost to Essex after a win over Kent of ",
        _ => unreachable!("unknown family {name}"),
    };
    unit.repeat(size / unit.len() + 1)
}

fn pathological_families(c: &mut Criterion) {
    let annotator = Annotator::new().expect("the embedded models load");
    let options = Options::default();
    for family in [
        "unbalanced-quotes",
        "one-huge-token",
        "no-spaces",
        "capitalised-words",
        "long-number",
        "abbreviations",
        "apostrophes",
        "month-names",
        "quote-attributions",
        "speech-verbs",
        "joined-places",
        "results-sentence",
    ] {
        let mut g = c.benchmark_group(format!("pathological/{family}"));
        g.sample_size(10);
        for size in [10_000, 100_000, 1_000_000] {
            let text = pathological(family, size);
            g.throughput(Throughput::Elements(text.chars().count() as u64));
            g.bench_with_input(BenchmarkId::from_parameter(size), &text, |b, text| {
                b.iter(|| annotator.annotate(black_box(text), &options).unwrap().entities.len())
            });
        }
        g.finish();
    }
}

criterion_group!(benches, layers, pathological_families);
criterion_main!(benches);
