//! Importing arbitrary JSON: an error or a valid document, never a panic.
#![no_main]

use article_annotator::OffsetUnit;
use article_annotator::document::Export;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(json) = std::str::from_utf8(data) else { return };
    if let Ok((export, doc)) = Export::from_json(json, OffsetUnit::CodePoint) {
        let again = doc.export(&export.text, OffsetUnit::CodePoint);
        let (_, back) = Export::from_json(&serde_json::to_string(&again).unwrap(), OffsetUnit::CodePoint).unwrap();
        assert_eq!(back, doc);
    }
});
