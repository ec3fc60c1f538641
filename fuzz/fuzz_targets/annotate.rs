//! The whole pipeline over arbitrary bytes: no panic, valid sorted spans, and
//! an export that reads back to the same document.
#![no_main]

use article_annotator::document::Export;
use article_annotator::{Annotator, Date, OffsetUnit, Options};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    let annotator = Annotator::new().unwrap();
    let options = Options { dct: Date::new(2025, 1, 13).ok(), ..Options::default() };
    let doc = annotator.annotate(text, &options).unwrap();
    for s in doc
        .entities
        .iter()
        .map(|e| e.span)
        .chain(doc.dates.iter().map(|d| d.span))
        .chain(doc.quotes.iter().map(|q| q.span))
    {
        assert!(s.start <= s.end && s.end <= text.len());
        assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    }
    let json = serde_json::to_string(&doc.export(text, OffsetUnit::Utf16)).unwrap();
    let (_, back) = Export::from_json(&json, OffsetUnit::Utf16).unwrap();
    assert_eq!(back, doc);
});
