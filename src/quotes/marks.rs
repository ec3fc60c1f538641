//! Quotation marks: which ones open, which close, which are apostrophes, and
//! how they pair into quoted spans within and across paragraphs.

use crate::span::Span;

/// The two families of quotation marks. A closing mark only closes an
/// opening mark of its own family; English nests by alternating them.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// `"` `“` `”` `„` `‟` `«` `»`
    Double,
    /// `'` `‘` `’` `‚` `‛` `‹` `›`
    Single,
}

impl Family {
    fn index(self) -> usize {
        match self {
            Family::Double => 0,
            Family::Single => 1,
        }
    }
}

/// A span of text between quotation marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quoted {
    /// The opening mark.
    pub open: Span,
    /// The closing mark; `None` when the span runs to the end of its paragraph.
    pub close: Option<Span>,
    /// The text between the marks, without surrounding whitespace.
    pub content: Span,
    pub family: Family,
    /// How many quotations of the other family enclose this one.
    pub depth: usize,
    /// Index into the paragraphs returned alongside.
    pub para: usize,
    /// Ended by the opening mark of the next quotation rather than by a
    /// closing mark of its own (flat reading of `"… “…” …"`).
    pub cut: bool,
    /// Runs to the end of its paragraph and goes on in the next one.
    pub open_ended: bool,
    /// Goes on from an open-ended quotation in the previous paragraph.
    pub continued: bool,
}

/// What a quotation mark can do where it stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Role {
    Open,
    Close,
    /// A weak close: a single mark after `s` that may be a plural possessive.
    WeakClose,
    /// A straight double mark with nothing around it to tell: closes an open
    /// quotation, else opens one.
    Either,
    /// Not a quotation mark here (an apostrophe, a prime).
    None,
}

fn family_of(c: char) -> Option<Family> {
    match c {
        '"' | '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{BB}' => Some(Family::Double),
        '\'' | '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2039}' | '\u{203A}' => Some(Family::Single),
        _ => None,
    }
}

/// Whether the glyph itself leans to opening (`Some(true)`), closing, or neither.
fn glyph_opens(c: char) -> Option<bool> {
    match c {
        '\u{201C}' | '\u{201E}' | '\u{201F}' | '\u{AB}' | '\u{2018}' | '\u{201A}' | '\u{201B}' | '\u{2039}' => {
            Some(true)
        }
        '\u{201D}' | '\u{BB}' | '\u{2019}' | '\u{203A}' => Some(false),
        _ => None,
    }
}

fn is_space(c: Option<char>) -> bool {
    c.is_none_or(char::is_whitespace)
}

/// A character before a mark that lets the mark open: space, an opening
/// bracket, a dash, a slash or another quotation mark.
fn opens_after(p: Option<char>) -> bool {
    is_space(p)
        || p.is_some_and(|p| {
            matches!(p, '(' | '[' | '{' | '<' | '\u{2014}' | '\u{2013}' | '-' | '/') || family_of(p).is_some()
        })
}

/// A character after a mark that lets the mark close: space or punctuation.
fn closes_before(n: Option<char>) -> bool {
    is_space(n)
        || n.is_some_and(|n| {
            matches!(
                n,
                '.' | ','
                    | ';'
                    | ':'
                    | '!'
                    | '?'
                    | ')'
                    | ']'
                    | '}'
                    | '>'
                    | '\u{2014}'
                    | '\u{2013}'
                    | '-'
                    | '\u{2026}'
                    | '/'
                    | '*'
            ) || family_of(n).is_some()
        })
}

/// Words that begin with an apostrophe standing for dropped letters.
const ELISIONS: &[&str] = &["em", "tis", "twas", "til", "cause", "bout", "n", "round", "nuff", "kay", "cos"];

fn role(prev: Option<char>, c: char, next: Option<char>, after: &str, family: Family) -> Role {
    let can_open = opens_after(prev) && !is_space(next);
    let can_close = closes_before(next) && !is_space(prev);
    match family {
        Family::Double => match (can_open, can_close) {
            (true, false) => Role::Open,
            (false, true) => Role::Close,
            _ => match glyph_opens(c) {
                Some(true) => Role::Open,
                Some(false) => Role::Close,
                None if prev.is_some_and(|p| p.is_ascii_digit()) => Role::None, // 12" (inches)
                None => Role::Either,
            },
        },
        Family::Single => {
            let alnum = |x: Option<char>| x.is_some_and(char::is_alphanumeric);
            if alnum(prev) && alnum(next) {
                return Role::None; // don't, Rutte's
            }
            match (can_open, can_close) {
                (true, false) => {
                    let word: String = after.chars().take_while(|c| c.is_alphanumeric()).collect();
                    let elided = next.is_some_and(|n| n.is_ascii_digit())
                        || ELISIONS.iter().any(|e| e.eq_ignore_ascii_case(&word));
                    if elided { Role::None } else { Role::Open }
                }
                (false, true) => {
                    if prev.is_some_and(|p| p == 's' || p == 'S') && is_space(next)
                        || prev == Some('n') && is_space(next)
                    {
                        Role::WeakClose // the players’ union, runnin’
                    } else {
                        Role::Close
                    }
                }
                _ => Role::None,
            }
        }
    }
}

#[cfg(test)]
thread_local! {
    /// Work done while pairing marks: one unit per character looked at and
    /// per pending mark pushed, popped or passed over. Counted only in unit
    /// tests, which check that it grows linearly with the text (a count, not
    /// a clock).
    static WORK: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[inline(always)]
fn work() {
    work_by(1);
}

#[inline(always)]
fn work_by(_units: usize) {
    #[cfg(test)]
    WORK.with(|w| w.set(w.get() + _units));
}

/// Whether `b` can begin a quotation mark: `"`, `'`, or the first byte of
/// « » and of the marks from U+2018 to U+203A.
fn may_open_mark(b: u8) -> bool {
    matches!(b, b'"' | b'\'' | 0xC2 | 0xE2)
}

/// The first byte of `bytes` that [`may_open_mark`], read eight bytes at a
/// time: most of a text holds none.
fn next_mark_byte(bytes: &[u8]) -> Option<usize> {
    const ONES: u64 = u64::from_le_bytes([1; 8]);
    const HIGHS: u64 = u64::from_le_bytes([0x80; 8]);
    // Whether a byte of `x` is `b` (a zero byte of `x ^ b…b`): exact as a
    // yes or no for the whole word.
    let holds = |x: u64, b: u8| {
        let y = x ^ (ONES * u64::from(b));
        (y.wrapping_sub(ONES) & !y & HIGHS) != 0
    };
    let mut chunks = bytes.chunks_exact(8);
    let mut at = 0;
    for chunk in &mut chunks {
        work_by(chunk.len());
        let x = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
        if holds(x, b'"') || holds(x, b'\'') || holds(x, 0xC2) || holds(x, 0xE2) {
            return chunk.iter().position(|&b| may_open_mark(b)).map(|k| at + k);
        }
        at += 8;
    }
    chunks
        .remainder()
        .iter()
        .position(|&b| {
            work();
            may_open_mark(b)
        })
        .map(|k| at + k)
}

/// An opening mark waiting for its close.
#[derive(Clone, Copy, Debug)]
struct Pending {
    mark: Span,
    family: Family,
    /// The first weak close seen while this was open.
    weak: Option<Span>,
}

/// The paragraphs of `text`: spans from the first to the last non-space
/// character, split at blank lines and at line breaks that end a sentence
/// or start a quotation (a line break inside a running sentence is a wrap).
/// Whether a line starting with `c` goes on the paragraph that ended its
/// text at `last_end`: a wrapped line, after no sentence end and starting in
/// lower case or with a digit.
fn wraps(text: &str, last_end: usize, c: char) -> bool {
    let prev = text[..last_end].chars().next_back();
    prev.is_some_and(|p| {
        !matches!(p, '.' | '!' | '?' | ':' | ';' | '\u{2026}' | '"' | '\u{201D}' | '\u{2019}' | '\u{BB}' | ')')
    }) && (c.is_lowercase() || c.is_ascii_digit())
}

pub fn paragraphs(text: &str) -> Vec<Span> {
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut last_end = 0; // just after the last visible char of the current paragraph
    // Line breaks are found by `str::find`, which searches for a single
    // char's bytes a word at a time; the rarer Unicode line and paragraph
    // separators make it look for three chars instead.
    let unicode_breaks = text.contains('\u{2028}') || text.contains('\u{2029}');
    let mut at = 0;
    loop {
        work();
        let rest = &text[at..];
        let found = if unicode_breaks { rest.find(['\n', '\u{2028}', '\u{2029}']) } else { rest.find('\n') };
        let line = &rest[..found.unwrap_or(rest.len())];
        let visible = line.trim_start();
        match visible.chars().next() {
            None => {
                if let Some(s) = start.take() {
                    out.push(Span::new(s, last_end)); // a blank line
                }
            }
            Some(c) => {
                let i = at + line.len() - visible.len();
                match start {
                    None => start = Some(i),
                    Some(s) => {
                        if !wraps(text, last_end, c) {
                            out.push(Span::new(s, last_end));
                            start = Some(i);
                        }
                    }
                }
                last_end = at + line.trim_end().len();
            }
        }
        let Some(k) = found else { break };
        at += k + rest[k..].chars().next().map_or(1, char::len_utf8);
    }
    if let Some(s) = start {
        out.push(Span::new(s, last_end));
    }
    out
}

/// Finds every quoted span in `text`, paragraph by paragraph. Linear: each
/// character is looked at once and each opening mark is pushed and popped
/// at most once.
pub fn find_quoted(text: &str) -> (Vec<Quoted>, Vec<Span>) {
    let paras = paragraphs(text);
    let mut out = Vec::new();
    let mut carried = false; // the previous paragraph ended in an open-ended quotation
    for (p, &para) in paras.iter().enumerate() {
        let first_new = out.len();
        let next_para = paras.get(p + 1).map(|s| s.slice(text));
        let ended_open = pair_paragraph(text, para, p, next_para, &mut out);
        if carried
            && let Some(q) = out[first_new..].iter_mut().find(|q| q.depth == 0)
            && q.open.start == para.start
        {
            q.continued = true;
        }
        carried = ended_open;
    }
    (out, paras)
}

/// The content between `a` and `b`, trimmed; `None` if it holds no word.
fn content(text: &str, a: usize, b: usize) -> Option<Span> {
    let s = &text[a..b];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    let span = Span::new(a + lead, a + lead + trimmed.len());
    trimmed.chars().any(char::is_alphanumeric).then_some(span)
}

/// Pairs the marks of one paragraph; returns whether it ends inside an
/// open-ended quotation.
fn pair_paragraph(text: &str, para: Span, p: usize, next_para: Option<&str>, out: &mut Vec<Quoted>) -> bool {
    let s = para.slice(text);
    let mut stack: Vec<Pending> = Vec::new();
    let mut count = [0usize; 2];
    let mut attribute_value: Option<char> = None; // inside `="…"` markup
    let emit = |out: &mut Vec<Quoted>, o: Pending, end: usize, close: Option<Span>, depth: usize, cut: bool| {
        if let Some(content) = content(text, o.mark.end, end) {
            out.push(Quoted {
                open: o.mark,
                close,
                content,
                family: o.family,
                depth,
                para: p,
                cut,
                open_ended: false,
                continued: false,
            });
        }
    };
    let bytes = s.as_bytes();
    let mut from = 0;
    // Only quotation marks change anything: the loop goes from one byte that
    // can begin one to the next.
    while let Some(k) = next_mark_byte(&bytes[from..]) {
        let i = from + k;
        let c = s[i..].chars().next().expect("a char starts at a mark's first byte");
        from = i + c.len_utf8();
        let next = s[from..].chars().next();
        let here = s[..i].chars().next_back();
        if let Some(v) = attribute_value {
            if c == v {
                attribute_value = None;
            }
            continue;
        }
        let Some(family) = family_of(c) else { continue };
        if c == '\'' && (here == Some('\'') || next == Some('\'')) {
            continue; // '' is a doubled apostrophe, not read as a quotation mark
        }
        if here == Some('=') {
            attribute_value = Some(c); // markup: author="…"
            continue;
        }
        let at = para.start + i;
        let mark = Span::new(at, at + c.len_utf8());
        let r = match role(here, c, next, &s[i + c.len_utf8()..], family) {
            Role::Either if count[0] > 0 => Role::Close,
            Role::Either => Role::Open,
            r => r,
        };
        let f = family.index();
        match r {
            Role::None | Role::Either => {}
            Role::Open => {
                if family == Family::Double && count[0] > 0 {
                    // A double mark opening inside an open double quotation:
                    // read flat, the new quotation ends the one before.
                    while let Some(o) = stack.pop() {
                        work();
                        count[o.family.index()] -= 1;
                        if o.family == Family::Double {
                            emit(out, o, at, None, stack.len(), true);
                            break;
                        }
                    }
                }
                if family == Family::Single
                    && let Some(o) = stack.last().copied()
                    && o.family == Family::Single
                    && let Some(w) = o.weak
                {
                    // ‘working with partners’ to … for ‘the distress’: a single
                    // quotation with a weak close pending closes there when
                    // another single one opens (nesting takes the other family).
                    stack.pop();
                    work();
                    count[f] -= 1;
                    emit(out, o, w.start, Some(w), stack.len(), false);
                }
                work();
                stack.push(Pending { mark, family, weak: None });
                count[f] += 1;
            }
            Role::WeakClose => {
                if count[f] > 0
                    && let Some(o) = stack.iter_mut().rev().inspect(|_| work()).find(|o| o.family == family)
                {
                    o.weak.get_or_insert(mark);
                }
            }
            Role::Close => {
                if count[f] == 0 {
                    continue; // a stray closing mark
                }
                while let Some(o) = stack.pop() {
                    work();
                    count[o.family.index()] -= 1;
                    if o.family == family {
                        emit(out, o, at, Some(mark), stack.len(), false);
                        break;
                    }
                }
            }
        }
    }
    // The paragraph ends: single quotations close at their weak mark; the
    // outermost open quotation runs to the end of the paragraph when the
    // next paragraph opens with a mark of its family (a quotation over
    // several paragraphs) or when it opened the paragraph.
    let mut ended_open = false;
    for (depth, o) in stack.iter().enumerate() {
        work();
        if let Some(w) = o.weak {
            emit(out, *o, w.start, Some(w), depth, false);
        } else if depth == 0 {
            let continues = next_para.is_some_and(|n| {
                let mut cs = n.chars();
                let first = cs.next();
                first.and_then(family_of) == Some(o.family) && cs.next().is_some_and(|c| !c.is_whitespace())
            });
            if continues || o.mark.start == para.start {
                let before = out.len();
                emit(out, *o, para.end, None, 0, false);
                if continues && out.len() > before {
                    out.last_mut().expect("just pushed").open_ended = true;
                    ended_open = true;
                }
            }
        }
    }
    ended_open
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(text: &str) -> Vec<&str> {
        find_quoted(text).0.iter().map(|q| q.content.slice(text)).collect()
    }

    #[test]
    fn pairs_every_double_style() {
        let text = "\u{201C}One,\u{201D} \"two\" \u{AB} trois \u{BB} \u{201E}vier\u{201C} \u{201D}fem\u{201D}";
        assert_eq!(spans(text), ["One,", "two", "trois", "vier", "fem"]);
    }

    #[test]
    fn mixed_glyphs_pair_by_family() {
        assert_eq!(spans("\"Oz is here,\u{201D} said Ann."), ["Oz is here,"]);
        assert_eq!(spans("were \u{201C}Mostly False.\u{201C}\n\nNext."), ["Mostly False."]);
    }

    #[test]
    fn apostrophes_are_not_marks() {
        let text = "\u{2018}The players\u{2019} union won\u{2019}t stop in the \u{2019}90s,\u{2019} she said.";
        assert_eq!(spans(text), ["The players\u{2019} union won\u{2019}t stop in the \u{2019}90s,"]);
        assert_eq!(spans("Rock \u{2019}n\u{2019} roll, \u{2018}em and the bosses\u{2019} cars."), Vec::<&str>::new());
    }

    #[test]
    fn weak_close_is_used_when_nothing_better_comes() {
        assert_eq!(spans("They called it \u{2018}a win for the bosses\u{2019} and left."), ["a win for the bosses"]);
    }

    #[test]
    fn nesting_by_family_and_flat_reading_within_one() {
        let q = find_quoted("\"He said 'no way,' and left,\" she said.").0;
        assert_eq!(q.len(), 2);
        assert_eq!((q[0].depth, q[1].depth), (1, 0));
        assert_eq!(spans("\"Read this: \u{201C}Are you sure?\u{201D} Yes.\""), ["Read this:", "Are you sure?"]);
    }

    #[test]
    fn quotations_over_several_paragraphs() {
        let text = "He said:\n\n\u{201C}First part.\n\n\u{201C}Second part.\n\n\u{201C}Last part,\u{201D} he said.";
        let (q, paras) = find_quoted(text);
        assert_eq!(paras.len(), 4);
        let got: Vec<_> = q.iter().map(|q| (q.content.slice(text), q.open_ended, q.continued)).collect();
        assert_eq!(got, [("First part.", true, false), ("Second part.", true, true), ("Last part,", false, true)]);
    }

    #[test]
    fn unclosed_marks_inside_a_paragraph_are_dropped() {
        assert_eq!(spans("A \"never closed mark.\n\nThen \"closed\" here"), ["closed"]);
        assert_eq!(spans("\"Opens the paragraph, never closed.\n\nNext."), ["Opens the paragraph, never closed."]);
    }

    #[test]
    fn markup_attributes_are_skipped() {
        assert_eq!(spans("<tweet id=\"123\" by=\"x\">\"Hi,\" she wrote"), ["Hi,"]);
    }

    #[test]
    fn paragraphs_split_at_blank_lines_and_sentence_ends() {
        let text = "One line\nwraps here.\nNew para.\n\n  Third.  ";
        let got: Vec<_> = paragraphs(text).iter().map(|s| s.slice(text)).collect();
        assert_eq!(got, ["One line\nwraps here.", "New para.", "Third."]);
    }

    /// [`paragraphs`] read char by char, as it was written before it went
    /// line by line: the reference it is held to.
    fn paragraphs_char_by_char(text: &str) -> Vec<Span> {
        let mut out = Vec::new();
        let mut start: Option<usize> = None;
        let mut last_end = 0;
        let mut line_has_text = false;
        for (i, c) in text.char_indices() {
            if matches!(c, '\n' | '\u{2028}' | '\u{2029}') {
                if !line_has_text && let Some(s) = start.take() {
                    out.push(Span::new(s, last_end));
                }
                line_has_text = false;
                continue;
            }
            if c.is_whitespace() {
                continue;
            }
            if !line_has_text {
                line_has_text = true;
                match start {
                    None => start = Some(i),
                    Some(s) => {
                        if !wraps(text, last_end, c) {
                            out.push(Span::new(s, last_end));
                            start = Some(i);
                        }
                    }
                }
            }
            last_end = i + c.len_utf8();
        }
        if let Some(s) = start {
            out.push(Span::new(s, last_end));
        }
        out
    }

    /// Texts of line breaks of every kind, other spaces, words, digits and
    /// the marks that end sentences or not, 20,000 of them, drawn by a fixed
    /// generator: the paragraphs are the reference's.
    #[test]
    fn paragraphs_line_by_line_are_those_char_by_char() {
        let pieces = [
            "\n",
            "\n",
            "\u{2028}",
            "\u{2029}",
            " ",
            "\t",
            "\r",
            "\u{85}",
            "\u{A0}",
            "a",
            "word",
            "Word",
            "1",
            ".",
            "\"",
            "\u{201D}",
            "\u{2019}",
            "\u{BB}",
            ")",
            ":",
            "\u{2026}",
            "\u{C9}t\u{E9}",
            "\u{3C3}",
        ];
        let mut state: u64 = 0x2545_f491_4f6c_dd1d;
        let mut draw = |n: usize| {
            state ^= state << 13;
            state ^= state >> 7;
            state ^= state << 17;
            (state % n as u64) as usize
        };
        for _ in 0..20_000 {
            let len = draw(24);
            let text: String = (0..len).map(|_| pieces[draw(pieces.len())]).collect();
            assert_eq!(paragraphs(&text), paragraphs_char_by_char(&text), "{text:?}");
        }
    }

    #[test]
    fn the_word_at_a_time_scan_finds_the_first_mark_byte() {
        let text =
            "plain words, then \u{201C}curly\u{201D} and \u{AB}guillemets\u{BB}, 'single' and \"double\" \u{2014} dash";
        let bytes = text.as_bytes();
        for from in 0..bytes.len() {
            assert_eq!(next_mark_byte(&bytes[from..]), bytes[from..].iter().position(|&b| may_open_mark(b)), "{from}");
        }
        assert_eq!(next_mark_byte(b""), None);
        assert_eq!(next_mark_byte(b"no marks in these sixteen+ bytes"), None);
    }

    /// The work `find_quoted` does on `text`, per character.
    fn work_per_char(text: &str) -> f64 {
        WORK.with(|w| w.set(0));
        find_quoted(text);
        WORK.with(|w| w.get()) as f64 / text.chars().count() as f64
    }

    /// Families of pathological inputs at growing sizes: the work per
    /// character stays flat (a quadratic pass would grow it a hundredfold
    /// from the smallest size to the largest).
    #[test]
    fn work_grows_linearly_with_unbalanced_and_nested_marks() {
        type Make = fn(usize) -> String;
        let families: [(&str, Make); 7] = [
            ("openers", |n| "\u{201C}a ".repeat(n)),
            ("closers", |n| "a\u{201D} ".repeat(n)),
            ("straight", |n| "\" x ".repeat(n)),
            ("alternating nests", |n| "\u{201C}a \u{2018}b ".repeat(n)),
            ("weak closes", |n| "\u{2018}a ".repeat(n) + &"s\u{2019} ".repeat(n)),
            ("singles under a double", |n| {
                "\u{201C}x ".to_string() + &"\u{2018}a ".repeat(n) + &"\u{201C}b ".repeat(n)
            }),
            ("mixed", |n| "\u{201C}a ".repeat(n) + &"\u{2019}s ".repeat(n) + &"\" ".repeat(n + 1)),
        ];
        for (name, make) in families {
            let per_char: Vec<f64> = [1_000, 10_000, 100_000].map(|n| work_per_char(&make(n))).to_vec();
            assert!(per_char[0] > 0.9, "{name}: the work is not counted ({per_char:?})");
            assert!(
                per_char[2] <= per_char[0] * 1.1 + 0.01,
                "{name}: work per character grows with the text: {per_char:?} at 1 K, 10 K, 100 K repetitions"
            );
        }
    }

    /// What the pass finds in the mixed family: each opening mark inside an
    /// open quotation ends the one before it (flat reading); the last one
    /// runs over the `’s` (apostrophes, not marks) to the first straight
    /// mark, which closes it; the straight marks after it hold no words.
    #[test]
    fn many_unbalanced_marks_pair_as_they_should() {
        let text = "\u{201C}a ".repeat(500) + &"\u{2019}s ".repeat(500) + &"\" ".repeat(501);
        let (q, _) = find_quoted(&text);
        let contents: Vec<&str> = q.iter().map(|q| q.content.slice(&text)).collect();
        let mut expected = vec!["a".to_string(); 499];
        expected.push(format!("a{}", " \u{2019}s".repeat(500)));
        assert_eq!(contents, expected);
        assert!(q[..499].iter().all(|q| q.cut && q.close.is_none()), "the first 499 are cut by the next mark");
        let straight = text.find('"').unwrap();
        assert_eq!(
            q[499].close,
            Some(Span::new(straight, straight + 1)),
            "the last is closed by the first straight mark"
        );
    }
}
