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

/// Parses a reference date: `YYYY-MM-DD`, or a timestamp that starts with
/// one (`2024-03-04T23:30:00-05:00`, `2024-03-04 10:00Z`, as publication
/// times are written in pages and feeds), whose date as written is the
/// article's own; a message names the input otherwise.
pub fn parse_dct(s: &str) -> Result<Date, Error> {
    let s = s.trim();
    let bad = || Error::input(format!("the reference date {s:?} is not a calendar date of the form YYYY-MM-DD"));
    let b = s.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' || !s.is_char_boundary(10) {
        return Err(bad());
    }
    let date = s[..10].parse::<Date>().map_err(|_| bad())?;
    if b.len() > 10 && !(matches!(b[10], b'T' | b't' | b' ') && is_time_of_day(&s[11..])) {
        return Err(bad());
    }
    Ok(date)
}

/// `HH:MM[:SS[.fraction]]`, then nothing, `Z` or an offset `±HH:MM` /
/// `±HHMM` / `±HH`: the time part of a timestamp.
fn is_time_of_day(t: &str) -> bool {
    let end = t.find(['Z', 'z', '+', '-']).unwrap_or(t.len());
    let (clock, zone) = t.split_at(end);
    let clock_ok = clock.len() >= 5 && clock.parse::<jiff::civil::Time>().is_ok();
    let zone_ok = match zone.as_bytes() {
        [] | [b'Z' | b'z'] => true,
        [b'+' | b'-', rest @ ..] => {
            let digits: Vec<u8> = rest.iter().copied().filter(|&c| c != b':').collect();
            matches!(digits.len(), 2 | 4)
                && digits.iter().all(u8::is_ascii_digit)
                && (digits[0] - b'0') * 10 + (digits[1] - b'0') <= 23
                && (digits.len() == 2 || (digits[2] - b'0') * 10 + (digits[3] - b'0') <= 59)
                && (rest.len() == digits.len() || rest.len() == 5 && rest[2] == b':')
        }
        _ => false,
    };
    clock_ok && zone_ok
}

#[cfg(test)]
mod tests {
    use super::parse_dct;

    #[test]
    fn reference_dates_and_timestamps_that_start_with_one() {
        for ok in [
            "2024-03-04",
            " 2024-03-04\\n",
            "2024-03-04T10:00",
            "2024-03-04T23:30:00-05:00",
            "2024-03-04T23:30:00.125+0530",
            "2024-03-04 10:00Z",
            "2024-03-04t10:00:00z",
            "2024-03-04T10:00:00+01",
        ] {
            let ok = ok.replace("\\n", "\n");
            assert_eq!(parse_dct(&ok).map(|d| d.to_string()).ok().as_deref(), Some("2024-03-04"), "{ok:?}");
        }
        for bad in [
            "",
            "2024-3-4",
            "2024-02-30",
            "04/03/2024",
            "2024-03-04T",
            "2024-03-04T25:00",
            "2024-03-04T10",
            "2024-03-04T10:00+5",
            "2024-03-04T10:00+24:00",
            "2024-03-04T10:00 UTC",
            "2024-03-04 and more",
            "2024-03-04é",
            "2024-03-0é",
        ] {
            let err = parse_dct(bad).expect_err(bad).to_string();
            assert!(err.contains("is not a calendar date of the form YYYY-MM-DD"), "{bad:?}: {err}");
        }
    }
}
