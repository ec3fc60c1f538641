//! Byte spans into the caller's text, and their conversion to the offsets the
//! outside world uses: Unicode code points (the JSON schema) and UTF-16 (the DOM).

use serde::{Deserialize, Serialize};

/// A half-open byte range `start..end` into the original text.
///
/// Invariants, upheld by every finder: `start <= end`, both on `char`
/// boundaries, `end <= text.len()`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub const fn new(start: usize, end: usize) -> Span {
        Span { start, end }
    }

    pub const fn len(self) -> usize {
        self.end - self.start
    }

    pub const fn is_empty(self) -> bool {
        self.start == self.end
    }

    /// The text this span covers (out of line in wasm, as `Segmented::word`).
    #[cfg_attr(target_arch = "wasm32", inline(never))]
    pub fn slice(self, text: &str) -> &str {
        &text[self.start..self.end]
    }

    pub const fn contains(self, other: Span) -> bool {
        self.start <= other.start && other.end <= self.end
    }

    pub const fn overlaps(self, other: Span) -> bool {
        self.start < other.end && other.start < self.end
    }

    /// The smallest span covering both.
    pub fn cover(self, other: Span) -> Span {
        Span::new(self.start.min(other.start), self.end.max(other.end))
    }
}

/// The unit an exported offset counts.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub enum OffsetUnit {
    /// Unicode scalar values: Python `str` and JavaScript `Array.from` indices.
    #[default]
    CodePoint,
    /// UTF-16 code units: JavaScript string and DOM `Range` indices.
    Utf16,
}

/// Converts byte offsets of one text to code points or UTF-16 and back.
///
/// Built once per text in O(n); each conversion is a binary search over the
/// text's non-ASCII characters, so pure-ASCII text costs nothing extra.
#[derive(Clone, Debug)]
pub struct OffsetIndex {
    /// One entry per non-ASCII char, in text order.
    wide: Vec<Wide>,
    chars: usize,
    utf16: usize,
}

#[derive(Clone, Copy, Debug)]
struct Wide {
    byte: usize,
    cp: usize,
    u16: usize,
    utf8_len: u8,
    utf16_len: u8,
}

impl Wide {
    fn at(self, unit: OffsetUnit) -> usize {
        match unit {
            OffsetUnit::CodePoint => self.cp,
            OffsetUnit::Utf16 => self.u16,
        }
    }

    fn width(self, unit: OffsetUnit) -> usize {
        match unit {
            OffsetUnit::CodePoint => 1,
            OffsetUnit::Utf16 => usize::from(self.utf16_len),
        }
    }
}

impl OffsetIndex {
    pub fn new(text: &str) -> OffsetIndex {
        let mut wide = Vec::new();
        if text.is_ascii() {
            return OffsetIndex { wide, chars: text.len(), utf16: text.len() };
        }
        let (mut cp, mut u16) = (0usize, 0usize);
        for (byte, c) in text.char_indices() {
            if !c.is_ascii() {
                // A char is at most 4 UTF-8 bytes and 2 UTF-16 units.
                let (utf8_len, utf16_len) = (c.len_utf8() as u8, c.len_utf16() as u8);
                wide.push(Wide { byte, cp, u16, utf8_len, utf16_len });
            }
            cp += 1;
            u16 += c.len_utf16();
        }
        OffsetIndex { wide, chars: cp, utf16: u16 }
    }

    /// Length of the text in the given unit.
    pub fn len_in(&self, unit: OffsetUnit) -> usize {
        match unit {
            OffsetUnit::CodePoint => self.chars,
            OffsetUnit::Utf16 => self.utf16,
        }
    }

    /// Converts a byte offset (on a char boundary) to the given unit.
    pub fn from_byte(&self, byte: usize, unit: OffsetUnit) -> usize {
        // The last wide char starting before `byte`; all bytes after it are ASCII.
        match self.wide.partition_point(|w| w.byte < byte) {
            0 => byte,
            k => {
                let w = self.wide[k - 1];
                w.at(unit) + w.width(unit) + (byte - w.byte - usize::from(w.utf8_len))
            }
        }
    }

    /// Converts a span's byte offsets to the given unit.
    pub fn span_from_bytes(&self, span: Span, unit: OffsetUnit) -> (usize, usize) {
        (self.from_byte(span.start, unit), self.from_byte(span.end, unit))
    }

    /// Converts an offset in `unit` to a byte offset; `None` when it is past
    /// the end or (UTF-16) falls between the halves of a surrogate pair.
    pub fn to_byte(&self, offset: usize, unit: OffsetUnit) -> Option<usize> {
        if offset > self.len_in(unit) {
            return None;
        }
        match self.wide.partition_point(|w| w.at(unit) < offset) {
            0 => Some(offset),
            k => {
                let w = self.wide[k - 1];
                let rest = offset - w.at(unit);
                if rest < w.width(unit) {
                    return None;
                }
                Some(w.byte + usize::from(w.utf8_len) + (rest - w.width(unit)))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every char boundary converts to the unit and back, agreeing with slicing.
    fn check_round_trip(text: &str) {
        let index = OffsetIndex::new(text);
        for (byte, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let cp = index.from_byte(byte, OffsetUnit::CodePoint);
            assert_eq!(cp, text[..byte].chars().count(), "code points before byte {byte} of {text:?}");
            let u16 = index.from_byte(byte, OffsetUnit::Utf16);
            assert_eq!(u16, text[..byte].encode_utf16().count(), "UTF-16 units before byte {byte} of {text:?}");
            assert_eq!(index.to_byte(cp, OffsetUnit::CodePoint), Some(byte));
            assert_eq!(index.to_byte(u16, OffsetUnit::Utf16), Some(byte));
        }
        assert_eq!(index.len_in(OffsetUnit::CodePoint), text.chars().count());
        assert_eq!(index.len_in(OffsetUnit::Utf16), text.encode_utf16().count());
    }

    #[test]
    fn conversions_agree_with_slicing() {
        for text in [
            "",
            "plain ASCII",
            "Caf\u{e9} cr\u{e8}me",
            "e\u{301}t\u{e9} \u{1F600} Rutte said \u{201C}ok\u{201D}\r\n",
            "\u{1F1F3}\u{1F1F1}\u{1F600}\u{1F600}x",
            "\u{5E9}\u{5DC}\u{5D5}\u{5DD} Kosovo \u{200B}zero-width",
        ] {
            check_round_trip(text);
        }
    }

    #[test]
    fn utf16_offset_inside_a_surrogate_pair_is_rejected() {
        let text = "a\u{1F600}b";
        let index = OffsetIndex::new(text);
        assert_eq!(index.to_byte(1, OffsetUnit::Utf16), Some(1));
        assert_eq!(index.to_byte(2, OffsetUnit::Utf16), None);
        assert_eq!(index.to_byte(3, OffsetUnit::Utf16), Some(5));
        assert_eq!(index.to_byte(5, OffsetUnit::Utf16), None, "past the end");
    }
}
