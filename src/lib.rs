//! Find named entities, direct quotations with their speakers, and dates in
//! news articles, in one pass over the text.
//!
//! ```
//! use article_annotator::{Annotator, Options, OffsetUnit};
//!
//! let annotator = Annotator::new().unwrap();
//! let text = "\u{201C}We are ready,\u{201D} said Mark Rutte on February 9, 2025.";
//! let doc = annotator.annotate(text, &Options::default()).unwrap();
//! let export = doc.export(text, OffsetUnit::CodePoint);
//! assert_eq!(export.quotes[0].text, "We are ready,");
//! assert_eq!(export.dates[0].value, "2025-02-09");
//! ```
//!
//! The core is pure: no I/O, no clock (the reference date is an input), no
//! WebAssembly. `src/wasm.rs` binds it for the browser and `src/bin/annotate.rs`
//! for the command line.

pub mod dates;
pub mod document;
pub mod entities;
mod error;
pub mod quotes;
pub mod span;
pub mod text;

#[cfg(target_arch = "wasm32")]
pub mod wasm;

pub use dates::{DateOptions, NumericOrder};
pub use document::{Document, Export};
pub use error::{Error, ErrorKind};
pub use jiff::civil::Date;
pub use span::{OffsetIndex, OffsetUnit, Span};

use document::DctSource;
use text::Segmented;

/// The largest text [`Annotator::annotate`] accepts, in bytes (16 MiB).
pub const MAX_TEXT_BYTES: usize = 16 << 20;

/// Options for [`Annotator::annotate`].
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Options {
    /// The document creation date that relative dates are resolved against.
    /// When `None`, it is read from the article's byline or dateline if
    /// there is one; otherwise relative dates stay underspecified.
    pub dct: Option<Date>,
    pub dates: DateOptions,
}

/// Annotates texts. Holds the loaded models; build it once, use it often.
#[derive(Clone, Debug)]
pub struct Annotator {
    entities: &'static entities::EntityModel,
}

impl Annotator {
    /// An annotator with the models embedded in the library.
    pub fn new() -> Result<Annotator, Error> {
        Ok(Annotator { entities: entities::embedded_model()? })
    }

    /// Finds entities, dates and quotations in `text`.
    pub fn annotate(&self, text: &str, options: &Options) -> Result<Document, Error> {
        if text.len() > MAX_TEXT_BYTES {
            return Err(Error::input(format!(
                "the text is {} MB, more than the {} MB this annotator accepts; split it into articles",
                text.len() >> 20,
                MAX_TEXT_BYTES >> 20
            )));
        }
        let seg = Segmented::new(text);
        // One view of the tokens serves the dateline detection and the date finder.
        let view = dates::View::new(&seg);
        let (dct, dct_source) = match options.dct {
            Some(d) => (Some(d), DctSource::Input),
            None => match dates::detect_dct_in(&view) {
                Some(d) => (Some(d), DctSource::Text),
                None => (None, DctSource::None),
            },
        };
        let mut entities = self.entities.tag(&seg);
        let mut groups = entities::groups::group_entities(&seg, &mut entities);
        let dates = dates::find_dates_in(&view, dct, &options.dates);
        let quotes::Quotations { quotes, marked, roles } = quotes::find_quotes(&seg, &entities, &groups);
        quotes::set_roles(&mut groups, roles);
        let mut doc = Document { dct, dct_source, entities, groups, dates, quotes, marked };
        doc.sort();
        Ok(doc)
    }
}

/// Parses a `YYYY-MM-DD` reference date, with a message that names the input.
pub fn parse_dct(s: &str) -> Result<Date, Error> {
    let s = s.trim();
    let shape_ok = s.len() == 10 && s.as_bytes()[4] == b'-' && s.as_bytes()[7] == b'-';
    let date = if shape_ok { s.parse::<Date>().ok() } else { None };
    date.ok_or_else(|| Error::input(format!("the reference date {s:?} is not a calendar date of the form YYYY-MM-DD")))
}
