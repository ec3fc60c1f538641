//! Golden cases for the date layer, read from `tests/dates/golden.tsv`: each
//! line a sentence, its dct and the expressions expected in it (span text,
//! TIMEX3 type, value and `mod` if any). All failures are reported together.

use article_annotator::Date;
use article_annotator::dates::{DateOptions, find_dates};
use article_annotator::text::Segmented;

const GOLDEN: &str = include_str!("dates/golden.tsv");

#[test]
fn golden_cases() {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (n, line) in GOLDEN.lines().enumerate() {
        if line.trim().is_empty() || line.starts_with('#') {
            continue;
        }
        cases += 1;
        let mut cols = line.split('\t');
        let dct = cols.next().expect("a dct column");
        let sentence = cols.next().unwrap_or_else(|| panic!("line {}: no sentence", n + 1));
        let dct = (dct != "-").then(|| dct.parse::<Date>().unwrap_or_else(|e| panic!("line {}: bad dct: {e}", n + 1)));
        let expected: Vec<String> = cols.map(str::to_string).collect();
        let seg = Segmented::new(sentence);
        let got: Vec<String> = find_dates(&seg, dct, &DateOptions::default())
            .iter()
            .map(|d| {
                let m = d.modifier.map(|m| format!("|{}", serde_json::to_value(m).unwrap().as_str().unwrap()));
                format!("{}|{}|{}{}", d.span.slice(sentence), d.timex_type.as_str(), d.value, m.unwrap_or_default())
            })
            .collect();
        if got != expected {
            failures.push(format!("line {}: {sentence}\n    expected {expected:?}\n    got      {got:?}", n + 1));
        }
    }
    assert!(cases > 50, "the golden file should hold many cases, found {cases}");
    assert!(failures.is_empty(), "{} of {cases} golden cases failed:\n{}", failures.len(), failures.join("\n"));
}
