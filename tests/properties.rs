//! Invariants over arbitrary text: annotate never panics, every span lies on
//! char boundaries inside the text and lists are sorted, the result is
//! deterministic, offset conversions agree with slicing, and the JSON export
//! reads back to the same document.

use article_annotator::document::Export;
use article_annotator::{Annotator, Date, OffsetIndex, OffsetUnit, Options, Span};
use proptest::prelude::*;

/// Text that looks enough like news to reach every finder: names, quotes of
/// every kind, months, numbers, abbreviations, emoji, combining marks, RTL,
/// zero-width chars and line breaks of both kinds.
fn newsy() -> impl Strategy<Value = String> {
    let piece = prop_oneof![
        Just("Mark Rutte".to_string()),
        Just("said".to_string()),
        Just("\"".to_string()),
        Just("\u{201C}".to_string()),
        Just("\u{201D}".to_string()),
        Just("\u{2018}".to_string()),
        Just("\u{2019}s".to_string()),
        Just("\u{AB}".to_string()),
        Just("\u{BB}".to_string()),
        Just("\u{201E}".to_string()),
        Just("January 13, 2025".to_string()),
        Just("on Friday".to_string()),
        Just("last week".to_string()),
        Just("13/01/2025".to_string()),
        Just("U.S.".to_string()),
        Just("Mr.".to_string()),
        Just("Kosovo-Serbia".to_string()),
        Just("3 p.m.".to_string()),
        Just("\u{1F600}".to_string()),
        Just("e\u{301}".to_string()),
        Just("\u{5E9}\u{5DC}\u{5D5}\u{5DD}".to_string()),
        Just("\u{200B}".to_string()),
        Just("\r\n".to_string()),
        Just("\n\n".to_string()),
        Just(",".to_string()),
        Just(".".to_string()),
        Just(" ".to_string()),
        "[A-Za-z]{1,8}",
        "[0-9]{1,5}",
        any::<char>().prop_map(String::from),
    ];
    prop::collection::vec(piece, 0..60).prop_map(|v| v.join(" "))
}

fn check_span(text: &str, s: Span, what: &str) -> Result<(), TestCaseError> {
    prop_assert!(s.start <= s.end && s.end <= text.len(), "{what} {s:?} outside text of {} bytes", text.len());
    prop_assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end), "{what} {s:?} splits a char");
    Ok(())
}

fn check_document(text: &str) -> Result<(), TestCaseError> {
    let annotator = Annotator::new().unwrap();
    let options = Options { dct: Some(Date::new(2025, 1, 13).unwrap()), ..Options::default() };
    let doc = annotator.annotate(text, &options).unwrap();
    for e in &doc.entities {
        check_span(text, e.span, "entity")?;
        prop_assert!(!e.span.is_empty());
    }
    for d in &doc.dates {
        check_span(text, d.span, "date")?;
        prop_assert!(!d.span.is_empty() && !d.value.is_empty());
    }
    for q in &doc.quotes {
        check_span(text, q.span, "quote")?;
        for m in q.speaker.iter().flat_map(|s| &s.mentions) {
            check_span(text, *m, "speaker mention")?;
        }
    }
    let starts = |v: Vec<Span>| v.windows(2).all(|w| w[0] <= w[1]);
    prop_assert!(starts(doc.entities.iter().map(|e| e.span).collect()), "entities unsorted");
    prop_assert!(starts(doc.dates.iter().map(|d| d.span).collect()), "dates unsorted");
    prop_assert!(starts(doc.quotes.iter().map(|q| q.span).collect()), "quotes unsorted");
    prop_assert!(doc.entities.windows(2).all(|w| w[0].span.end <= w[1].span.start), "entities overlap");
    // Deterministic.
    prop_assert_eq!(&annotator.annotate(text, &options).unwrap(), &doc);
    // Export -> JSON -> import gives back the same document, in both units.
    for unit in [OffsetUnit::CodePoint, OffsetUnit::Utf16] {
        let json = serde_json::to_string(&doc.export(text, unit)).unwrap();
        let (export, back) = Export::from_json(&json, unit).unwrap();
        prop_assert_eq!(&back, &doc);
        prop_assert_eq!(&export.text, text);
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn annotating_newsy_text_upholds_invariants(text in newsy()) {
        check_document(&text)?;
    }

    #[test]
    fn annotating_any_text_upholds_invariants(text in any::<String>()) {
        check_document(&text)?;
    }

    #[test]
    fn offsets_agree_with_slicing(text in any::<String>()) {
        let index = OffsetIndex::new(&text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let cp = index.from_byte(byte, OffsetUnit::CodePoint);
            let u16 = index.from_byte(byte, OffsetUnit::Utf16);
            prop_assert_eq!(cp, text[..byte].chars().count());
            prop_assert_eq!(u16, text[..byte].encode_utf16().count());
            prop_assert_eq!(index.to_byte(cp, OffsetUnit::CodePoint), Some(byte));
            prop_assert_eq!(index.to_byte(u16, OffsetUnit::Utf16), Some(byte));
        }
    }
}
