//! The browser binding: one class over the core, options in and documents
//! out through serde, offsets in UTF-16 (the DOM's unit). No logic lives here.

use serde::{Deserialize, Serialize};
use wasm_bindgen::prelude::*;

use crate::document::Export;
use crate::{Annotator, Error, NumericOrder, OffsetUnit, Options, parse_dct};

/// Options from JavaScript: `{ dct: "2025-01-13" | null, monthFirst: false }`.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct JsOptions {
    dct: Option<String>,
    month_first: bool,
}

fn js_error(e: Error) -> JsError {
    JsError::new(e.message())
}

fn to_js<T: Serialize>(value: &T) -> Result<JsValue, JsError> {
    value
        .serialize(&serde_wasm_bindgen::Serializer::json_compatible())
        .map_err(|e| JsError::new(&format!("cannot pass the result to JavaScript: {e}")))
}

fn from_js<T: for<'de> Deserialize<'de>>(value: JsValue, what: &str) -> Result<T, JsError> {
    serde_wasm_bindgen::from_value(value).map_err(|e| JsError::new(&format!("{what}: {e}")))
}

/// Annotates article text in the browser.
#[wasm_bindgen]
pub struct Engine {
    annotator: Annotator,
}

#[wasm_bindgen]
impl Engine {
    /// Loads the embedded models.
    #[wasm_bindgen(constructor)]
    pub fn new() -> Result<Engine, JsError> {
        Ok(Engine { annotator: Annotator::new().map_err(js_error)? })
    }

    /// Annotates `text`; returns the document with offsets in UTF-16 code units.
    pub fn annotate(&self, text: &str, options: JsValue) -> Result<JsValue, JsError> {
        let js: JsOptions = if options.is_undefined() || options.is_null() {
            JsOptions::default()
        } else {
            from_js(options, "bad options")?
        };
        let mut opts = Options::default();
        if let Some(d) = js.dct.as_deref().filter(|d| !d.trim().is_empty()) {
            opts.dct = Some(parse_dct(d).map_err(js_error)?);
        }
        if js.month_first {
            opts.dates.numeric_order = NumericOrder::MonthFirst;
        }
        let doc = self.annotator.annotate(text, &opts).map_err(js_error)?;
        to_js(&doc.export(text, OffsetUnit::Utf16))
    }
}

/// The JSON file the page exports: a UTF-16 document from the page, checked
/// against its text, with its offsets converted to code points.
#[wasm_bindgen(js_name = exportJson)]
pub fn export_json(document: JsValue) -> Result<String, JsError> {
    let export: Export = from_js(document, "the document to export is malformed")?;
    let export = export.convert(OffsetUnit::Utf16, OffsetUnit::CodePoint).map_err(js_error)?;
    serde_json::to_string_pretty(&export).map_err(|e| JsError::new(&format!("cannot write JSON: {e}")))
}

/// Reads an exported JSON file back into a UTF-16 document for the page,
/// rejecting anything malformed or that does not fit its own text.
#[wasm_bindgen(js_name = importJson)]
pub fn import_json(json: &str) -> Result<JsValue, JsError> {
    let (export, _) = Export::from_json(json, OffsetUnit::CodePoint).map_err(js_error)?;
    let export = export.convert(OffsetUnit::CodePoint, OffsetUnit::Utf16).map_err(js_error)?;
    to_js(&export)
}

/// Converts a UTF-16 offset into `text` to a code-point offset (for spans the
/// user selects in the page); `undefined` inside a surrogate pair.
#[wasm_bindgen(js_name = utf16ToCodePoint)]
pub fn utf16_to_code_point(text: &str, offset: usize) -> Option<usize> {
    let index = crate::OffsetIndex::new(text);
    index.to_byte(offset, OffsetUnit::Utf16).map(|b| index.from_byte(b, OffsetUnit::CodePoint))
}

/// The library version, for the page's footer and exports.
#[wasm_bindgen]
pub fn version() -> String {
    crate::document::TOOL.to_string()
}

// ---------------------------------------------------------------------------
// For the npm package (npm/): offsets in the unit asked for, options and the
// text checked here, so that every error is the engine's own message.

/// The npm package's options: `{ dct, monthFirst, offsets: "codepoint" | "utf16" }`.
#[derive(Default, Deserialize)]
#[serde(rename_all = "camelCase", default)]
struct PackageOptions {
    dct: Option<String>,
    month_first: bool,
    offsets: PackageOffsets,
}

#[derive(Default, Deserialize)]
#[serde(rename_all = "lowercase")]
enum PackageOffsets {
    #[default]
    Codepoint,
    Utf16,
}

const PACKAGE_OPTION_NAMES: [&str; 3] = ["dct", "monthFirst", "offsets"];

fn js_type(value: &JsValue) -> String {
    if value.is_null() {
        "null".to_string()
    } else if js_sys::Array::is_array(value) {
        "an array".to_string()
    } else {
        value.js_typeof().as_string().unwrap_or_default()
    }
}

#[wasm_bindgen]
impl Engine {
    /// Annotates `text` for the npm package: the document with offsets in
    /// code points (the schema's unit) or, with `offsets: "utf16"`, UTF-16.
    #[wasm_bindgen(js_name = annotateDocument)]
    pub fn annotate_document(&self, text: JsValue, options: JsValue) -> Result<JsValue, JsError> {
        let Some(text) = text.as_string() else {
            return Err(JsError::new(&format!("the text to annotate must be a string, not {}", js_type(&text))));
        };
        let js: PackageOptions = if options.is_undefined() || options.is_null() {
            PackageOptions::default()
        } else if !options.is_object() || js_sys::Array::is_array(&options) {
            return Err(JsError::new(&format!(
                "options must be an object such as {{ dct: \"2025-01-13\" }}, not {}",
                js_type(&options)
            )));
        } else {
            // serde-wasm-bindgen reads only the fields it knows: a misspelt option is caught here.
            let object: &js_sys::Object = options.unchecked_ref();
            for name in js_sys::Object::keys(object).iter() {
                let name = name.as_string().unwrap_or_default();
                if !PACKAGE_OPTION_NAMES.contains(&name.as_str()) {
                    return Err(JsError::new(&format!(
                        "bad options: unknown option `{name}`, expected `dct`, `monthFirst` or `offsets`"
                    )));
                }
            }
            // serde-wasm-bindgen's messages start "Error: " (a JS Error's toString).
            serde_wasm_bindgen::from_value(options).map_err(|e| {
                let e = e.to_string();
                JsError::new(&format!("bad options: {}", e.strip_prefix("Error: ").unwrap_or(&e)))
            })?
        };
        let mut opts = Options::default();
        if let Some(d) = js.dct.as_deref().filter(|d| !d.trim().is_empty()) {
            opts.dct = Some(parse_dct(d).map_err(js_error)?);
        }
        if js.month_first {
            opts.dates.numeric_order = NumericOrder::MonthFirst;
        }
        let unit = match js.offsets {
            PackageOffsets::Codepoint => OffsetUnit::CodePoint,
            PackageOffsets::Utf16 => OffsetUnit::Utf16,
        };
        let doc = self.annotator.annotate(&text, &opts).map_err(js_error)?;
        to_js(&doc.export(&text, unit))
    }
}
