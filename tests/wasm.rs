//! The browser binding, run in headless Chromium by wasm-bindgen-test:
//! UTF-16 offsets that land on the right text, the export/import round
//! trip, and real `Error`s for bad input.
#![cfg(target_arch = "wasm32")]

use article_annotator::wasm::{Engine, export_json, import_json, utf16_to_code_point};
use js_sys::{Array, Reflect};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn get(v: &JsValue, key: &str) -> JsValue {
    Reflect::get(v, &JsValue::from_str(key)).unwrap()
}

/// The JS substring (UTF-16 units) that each span of `layer` covers, next to its `text` field.
fn spans(doc: &JsValue, layer: &str) -> Vec<(String, String)> {
    let text = js_sys::JsString::from(get(doc, "text"));
    let items: Array = get(doc, layer).dyn_into().unwrap();
    items
        .iter()
        .map(|it| {
            let start = get(&it, "start").as_f64().unwrap() as u32;
            let end = get(&it, "end").as_f64().unwrap() as u32;
            (String::from(text.substring(start, end)), get(&it, "text").as_string().unwrap())
        })
        .collect()
}

fn options(dct: &str) -> JsValue {
    let o = js_sys::Object::new();
    Reflect::set(&o, &"dct".into(), &dct.into()).unwrap();
    o.into()
}

#[wasm_bindgen_test]
fn utf16_offsets_land_on_the_text_with_emoji_accents_and_crlf() {
    let engine = Engine::new().unwrap();
    let text = "\u{1F600}\u{1F1F3}\u{1F1F1} Cafe\u{301} news\r\n\r\n\u{201C}We are ready,\u{201D} said Rutte on February 9, 2025.\r\n";
    let doc = engine.annotate(text, options("2025-01-13")).unwrap();
    let quotes = spans(&doc, "quotes");
    assert_eq!(quotes, [("We are ready,".to_string(), "We are ready,".to_string())]);
    let dates = spans(&doc, "dates");
    assert_eq!(dates, [("February 9, 2025".to_string(), "February 9, 2025".to_string())]);
    let entities = spans(&doc, "entities");
    assert!(
        entities.contains(&("Rutte".to_string(), "Rutte".to_string())),
        "Rutte is not found at his offsets: {entities:?}"
    );
    for (sliced, said) in entities {
        assert_eq!(sliced, said);
    }
}

#[wasm_bindgen_test]
fn export_converts_to_code_points_and_import_round_trips() {
    let engine = Engine::new().unwrap();
    let text = "\u{1F600} \u{201C}Yes,\u{201D} said Rutte on January 13.";
    let doc = engine.annotate(text, options("2025-01-13")).unwrap();
    let json = export_json(doc.clone()).unwrap();
    let parsed: serde_json::Value = serde_json::from_str(&json).unwrap();
    // The emoji is one code point but two UTF-16 units: the quote starts at 3, not 4.
    assert_eq!(parsed["quotes"][0]["start"], 3);
    assert_eq!(parsed["dates"][0]["value"], "2025-01-13");
    let back = import_json(&json).unwrap();
    assert_eq!(spans(&back, "quotes"), spans(&doc, "quotes"));
    assert_eq!(export_json(back).unwrap(), json);
}

#[wasm_bindgen_test]
fn lone_surrogates_from_javascript_keep_offsets_aligned() {
    let engine = Engine::new().unwrap();
    // A JS string with a lone surrogate arrives as U+FFFD, also one UTF-16 unit.
    let js = js_sys::JsString::from_char_code(&[0xD800, 0x20, 0x22, 0x4F, 0x6B, 0x22]);
    let text = String::from(js);
    let doc = engine.annotate(&text, JsValue::UNDEFINED).unwrap();
    let quotes: Array = get(&doc, "quotes").dyn_into().unwrap();
    assert_eq!(get(&quotes.get(0), "start").as_f64(), Some(3.0));
    assert_eq!(utf16_to_code_point("\u{1F600}ab", 3), Some(2));
    assert_eq!(utf16_to_code_point("\u{1F600}ab", 1), None);
}

#[wasm_bindgen_test]
fn bad_input_is_a_clear_error() {
    let engine = Engine::new().unwrap();
    let err = engine.annotate("text", options("2025-02-30")).err().expect("an impossible date is refused");
    let err: JsValue = err.into();
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("2025-02-30"), "{message}");
    assert!(err.is_instance_of::<js_sys::Error>());
    for bad in ["", "{", "{\"schema\": 1}", "[]"] {
        assert!(import_json(bad).is_err(), "{bad:?} must be refused");
    }
    let engine_doc = engine.annotate("\u{201C}Hi,\u{201D} he said.", JsValue::UNDEFINED).unwrap();
    let mut json: serde_json::Value = serde_json::from_str(&export_json(engine_doc).unwrap()).unwrap();
    json["quotes"][0]["end"] = 99.into();
    let err: JsValue = import_json(&json.to_string()).err().unwrap().into();
    let message = get(&err, "message").as_string().unwrap();
    assert!(message.contains("outside the text"), "{message}");
}
