//! Tokenisation of English news text into words, numbers, punctuation,
//! symbols, URLs and e-mail addresses, keeping offsets into the original.
//!
//! Conventions follow the Penn Treebank where news taggers expect them:
//! possessive `'s` and `n't` are split off, hyphenated words are split at
//! the hyphen (numbers keep theirs: `1996-08-30`, `3-1`), abbreviations and
//! initials keep their period (`U.S.`, `Mr.`, `Jan.`, `J.`).

use crate::span::Span;

/// What a token is made of.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum TokenKind {
    /// Letters, possibly with digits, inner apostrophes or abbreviation periods.
    Word,
    /// Digits with inner separators (`17,000`, `3.5`, `15:00`, `2025-01-13`).
    Number,
    /// One punctuation mark, or a run of the same mark (`...`, `--`).
    Punct,
    /// Currency signs, `%`, `&`, emoji and other symbols.
    Symbol,
    /// `http://…`, `https://…`, `www.…`
    Url,
    /// `name@example.com`
    Email,
}

/// One token: its span in the text, its kind, and the whitespace before it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Token {
    pub span: Span,
    pub kind: TokenKind,
    /// Whether whitespace separates this token from the previous one.
    pub space_before: bool,
    /// How many line breaks the whitespace before this token holds (saturating).
    pub newlines_before: u8,
}

/// Abbreviations that keep their period (lower-cased, without the period).
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col", "maj", "capt", "cpt", "sgt",
    "adm", "cmdr", "gov", "sen", "rep", "rev", "hon", "pres", "supt", "insp", "det", "messrs", "mme", "jan", "feb",
    "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur",
    "thurs", "fri", "sat", "sun", "inc", "corp", "co", "ltd", "llc", "plc", "bros", "dept", "univ", "assn", "intl",
    "no", "nos", "vol", "vols", "pp", "fig", "approx", "est", "vs", "etc", "al", "ave", "blvd", "rd", "hwy", "ca",
    "cf", "ala", "ariz", "ark", "calif", "colo", "conn", "del", "fla", "ga", "ill", "ind", "kan", "kans", "ky", "la",
    "md", "mass", "mich", "minn", "miss", "mo", "mont", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt",
    "wash", "wis", "wyo", "ft",
];

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

/// Combining marks that continue the word before them (accents typed as two chars).
pub(crate) fn is_combining(c: char) -> bool {
    matches!(c, '\u{300}'..='\u{36F}' | '\u{1AB0}'..='\u{1AFF}' | '\u{1DC0}'..='\u{1DFF}'
        | '\u{20D0}'..='\u{20FF}' | '\u{FE20}'..='\u{FE2F}')
}

/// Chars that glue an emoji sequence together (ZWJ, variation selectors, skin tones, tags).
fn is_emoji_glue(c: char) -> bool {
    matches!(c, '\u{200D}' | '\u{FE0E}' | '\u{FE0F}' | '\u{1F3FB}'..='\u{1F3FF}' | '\u{E0020}'..='\u{E007F}')
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || is_combining(c)
}

pub(crate) fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '\u{2019}' | '\u{02BC}')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '\u{2010}' | '\u{2011}')
}

/// Splits `text` into tokens. Linear in the length of the text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5 + 1);
    let mut newlines = 0u8;
    let mut space = false;
    let mut chunk_start = None;
    let bytes = text.as_bytes();
    let mut next = 0;
    while next < bytes.len() {
        let i = next;
        // An ASCII byte separates exactly when it is a space or a control
        // char (tab, line breaks and the rest of C0, and DEL).
        let (c, separates) = if bytes[i] < 0x80 {
            next += 1;
            (bytes[i] as char, bytes[i] <= 0x20 || bytes[i] == 0x7f)
        } else {
            let c = text[i..].chars().next().unwrap_or(' ');
            next += c.len_utf8();
            (c, c.is_whitespace() || c.is_control() && !is_emoji_glue(c))
        };
        if separates {
            if let Some(s) = chunk_start.take() {
                split_chunk(text, s, i, space, newlines, &mut tokens);
                newlines = 0;
            }
            space = true;
            if c == '\n' || c == '\u{2029}' || c == '\u{2028}' {
                newlines = newlines.saturating_add(1);
            }
        } else if chunk_start.is_none() {
            chunk_start = Some(i);
        }
    }
    if let Some(s) = chunk_start {
        split_chunk(text, s, text.len(), space, newlines, &mut tokens);
    }
    tokens
}

/// Splits one whitespace-free chunk `text[start..end]` into tokens.
fn split_chunk(text: &str, start: usize, end: usize, space: bool, newlines: u8, out: &mut Vec<Token>) {
    let first = out.len();
    let chunk = &text[start..end];
    if !split_simple(chunk, start, out) {
        split_general(text, start, end, out);
    }
    if let Some(t) = out.get_mut(first) {
        t.space_before = space;
        t.newlines_before = newlines;
    }
}

/// Splits a chunk of any shape: a URL or e-mail address with the
/// punctuation around it, else plain text.
fn split_general(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let chunk = &text[start..end];
    if let Some((lead, core_len)) = url_or_email(chunk) {
        split_plain(text, start, start + lead, out);
        let kind = if chunk[lead..lead + core_len].contains('@') && !chunk[lead..].starts_with("http") {
            TokenKind::Email
        } else {
            TokenKind::Url
        };
        push(out, start + lead, start + lead + core_len, kind);
        split_plain(text, start + lead + core_len, end, out);
    } else {
        split_plain(text, start, end, out);
    }
}

/// Pushes the tokens of a chunk of the commonest shape, exactly as the
/// general path cuts it; `false` (nothing pushed) for any other chunk: an
/// optional `(` or `"`, ASCII letters and digits, an optional one of
/// `,;:)"!?`. Letters alone are a word, digits alone a number, both a word
/// (`A380`, `1990s`); none of them can be a URL, an address, an
/// abbreviation or a domain, and nothing inside them is cut.
fn split_simple(chunk: &str, start: usize, out: &mut Vec<Token>) -> bool {
    let b = chunk.as_bytes();
    let lead = usize::from(matches!(b.first(), Some(b'(' | b'"')));
    let trail = usize::from(b.len() > lead && matches!(b.last(), Some(b',' | b';' | b':' | b')' | b'"' | b'!' | b'?')));
    let core = &b[lead..b.len() - trail];
    if core.is_empty() || !core.iter().all(u8::is_ascii_alphanumeric) {
        return false;
    }
    let kind = if core.iter().all(u8::is_ascii_digit) { TokenKind::Number } else { TokenKind::Word };
    push(out, start, start + lead, TokenKind::Punct);
    push(out, start + lead, start + lead + core.len(), kind);
    push(out, start + lead + core.len(), start + b.len(), TokenKind::Punct);
    true
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, kind: TokenKind) {
    if start < end {
        out.push(Token { span: Span::new(start, end), kind, space_before: false, newlines_before: 0 });
    }
}

/// Finds a URL or e-mail address inside a chunk: (bytes of leading
/// punctuation, length of the address without trailing punctuation).
fn url_or_email(chunk: &str) -> Option<(usize, usize)> {
    let lead = chunk.find(|c: char| c.is_alphanumeric())?;
    let body = &chunk[lead..];
    let lower_starts =
        |p: &str| body.len() >= p.len() && body.is_char_boundary(p.len()) && body[..p.len()].eq_ignore_ascii_case(p);
    let is_url = lower_starts("http://") || lower_starts("https://") || lower_starts("www.") && body.len() > 6;
    let is_email = !is_url && {
        let at = body.find('@');
        at.is_some_and(|a| a > 0 && body[a + 1..].contains('.') && body[a + 1..].starts_with(char::is_alphanumeric))
    };
    if !is_url && !is_email {
        return None;
    }
    let core = body.trim_end_matches(|c: char| ".,;:!?)]}\"'\u{201D}\u{2019}>".contains(c));
    let core = if is_url && core.ends_with(')') && !core.contains('(') { &core[..core.len() - 1] } else { core };
    Some((lead, core.len()))
}

/// Splits whitespace-free text with no URL in it.
fn split_plain(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let s = &text[start..end];
    let mut it = s.char_indices().peekable();
    while let Some((i, c)) = it.next() {
        let at = start + i;
        if is_word_char(c) || (is_apostrophe(c) && starts_decade(&s[i..])) {
            let j = scan_word(s, i);
            split_word(text, at, start + j, out);
            while it.peek().is_some_and(|&(k, _)| k < j) {
                it.next();
            }
        } else if is_emoji_start(c) {
            let mut j = i + c.len_utf8();
            while let Some(&(k, n)) = it.peek() {
                if is_emoji_glue(n) || (s[..k].ends_with('\u{200D}') && !n.is_alphanumeric()) {
                    j = k + n.len_utf8();
                    it.next();
                } else {
                    break;
                }
            }
            push(out, at, start + j, TokenKind::Symbol);
        } else if is_combining(c) || is_emoji_glue(c) {
            // A mark with nothing to attach to stands on its own.
            push(out, at, at + c.len_utf8(), TokenKind::Symbol);
        } else {
            // Runs of the same punctuation mark (`...`, `--`, `!!`) are one token.
            let mut j = i + c.len_utf8();
            if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_' | '~') {
                while let Some(&(k, n)) = it.peek() {
                    if n == c {
                        j = k + n.len_utf8();
                        it.next();
                    } else {
                        break;
                    }
                }
            }
            let kind = if c.is_ascii_punctuation()
                && !matches!(c, '$' | '%' | '&' | '+' | '<' | '=' | '>' | '^' | '|' | '~' | '#' | '@')
                || is_general_punct(c)
            {
                TokenKind::Punct
            } else {
                TokenKind::Symbol
            };
            push(out, at, start + j, kind);
        }
    }
}

fn is_general_punct(c: char) -> bool {
    matches!(c, '\u{2010}'..='\u{2027}' | '\u{2030}'..='\u{205E}' | '\u{00A1}' | '\u{00AB}' | '\u{00BB}' | '\u{00BF}' | '\u{00B7}'
        | '\u{3001}'..='\u{3003}' | '\u{300C}'..='\u{300F}' | '\u{FF01}'..='\u{FF0F}')
}

fn is_emoji_start(c: char) -> bool {
    matches!(c, '\u{1F000}'..='\u{1FAFF}' | '\u{2600}'..='\u{27BF}' | '\u{2B00}'..='\u{2BFF}')
}

/// `'90s`, `’98`: an apostrophe standing for a century.
fn starts_decade(s: &str) -> bool {
    let mut cs = s.chars();
    cs.next();
    matches!((cs.next(), cs.next()), (Some(a), Some(b)) if a.is_ascii_digit() && b.is_ascii_digit())
        && !cs.next().is_some_and(|c| c.is_ascii_digit())
}

/// The end (relative to `s`) of the word-like run starting at `i`: word
/// chars joined by apostrophes, periods, hyphens, `&` and number separators;
/// `split_word` cuts it up.
fn scan_word(s: &str, i: usize) -> usize {
    let mut j = i;
    let mut prev: Option<char> = None;
    for (k, c) in s[i..].char_indices() {
        let k = i + k;
        if is_word_char(c) || (k == i && is_apostrophe(c)) {
            j = k + c.len_utf8();
        } else if is_apostrophe(c) || is_hyphen(c) || matches!(c, '.' | ',' | ':' | '/' | '&') {
            // A joiner continues the run only when a word char follows it.
            let next = s[k + c.len_utf8()..].chars().next();
            match next {
                Some(n) if is_word_char(n) && prev.is_some_and(is_word_char) => {}
                _ => {
                    // Keep a period that may belong to an abbreviation; split_word decides.
                    if c == '.' && prev.is_some_and(|p| p.is_alphabetic()) && next != Some('.') {
                        j = k + 1;
                    } else if is_apostrophe(c) && prev.is_some_and(|p| p == 's' || p == 'S') {
                        // farmers' : split_word splits it off.
                        j = k + c.len_utf8();
                    }
                    break;
                }
            }
        } else {
            break;
        }
        prev = Some(c);
    }
    j
}

/// Cuts a word-like run into tokens.
fn split_word(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let w = &text[start..end];
    // Abbreviation with periods: U.S., e.g., a.m., J., Mr., Jan.
    if let Some(stem) = w.strip_suffix('.') {
        if is_dotted_abbreviation(stem) || is_initial(stem) || is_abbreviation(stem) {
            push(out, start, end, TokenKind::Word);
            return;
        }
        split_word(text, start, end - 1, out);
        push(out, end - 1, end, TokenKind::Punct);
        return;
    }
    // Domain-like words keep their dots: Nato.int, Koha.net, Amazon.com.
    if is_domain(w) {
        push(out, start, end, TokenKind::Word);
        return;
    }
    let digits = w.chars().any(|c| c.is_ascii_digit());
    let letters = w.chars().any(|c| c.is_alphabetic());
    // Split at joiners that do not belong inside this kind of token.
    let mut piece = start;
    for (k, c) in w.char_indices() {
        let at = start + k;
        let clen = c.len_utf8();
        let prev = w[..k].chars().next_back();
        let next = w[k + clen..].chars().next();
        let digit_around = prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit());
        let cut = if is_hyphen(c) || matches!(c, '/' | '.' | ',' | ':') {
            !digit_around
        } else if c == '&' {
            // AT&T stays whole; other ampersands stand alone.
            !(prev.is_some_and(|p| p.is_uppercase()) && next.is_some_and(|n| n.is_uppercase()))
        } else if is_apostrophe(c) {
            if k == 0 {
                false // '90s
            } else {
                let rest = &w[k + clen..];
                if is_clitic(rest) {
                    // Germany's, they're, I'd: the clitic is its own token.
                    push_piece(text, piece, at, digits && !letters, out);
                    piece = at;
                    continue;
                } else if rest.is_empty() {
                    // farmers'
                    push_piece(text, piece, at, false, out);
                    push(out, at, at + clen, TokenKind::Punct);
                    piece = at + clen;
                    continue;
                } else if w[..k].eq_ignore_ascii_case("n")
                    || (k >= 2 && w[..k].to_ascii_lowercase().ends_with('n') && rest.eq_ignore_ascii_case("t"))
                {
                    // don't -> do + n't
                    if rest.eq_ignore_ascii_case("t") && k >= 2 {
                        let n_at = at - 1;
                        push_piece(text, piece, n_at, false, out);
                        piece = n_at;
                    }
                    false
                } else {
                    false // O'Brien, Qur'an
                }
            }
        } else {
            false
        };
        if cut {
            push_piece(text, piece, at, digits && !letters, out);
            push(out, at, at + clen, if c == '&' { TokenKind::Symbol } else { TokenKind::Punct });
            piece = at + clen;
        }
    }
    push_piece(text, piece, end, digits && !letters, out);
}

fn push_piece(text: &str, start: usize, end: usize, _numeric_word: bool, out: &mut Vec<Token>) {
    if start >= end {
        return;
    }
    let w = &text[start..end];
    let kind = if w.chars().next().is_some_and(|c| c.is_ascii_digit())
        && w.chars().all(|c| c.is_ascii_digit() || ".,:/-".contains(c))
    {
        TokenKind::Number
    } else {
        TokenKind::Word
    };
    push(out, start, end, kind);
}

/// `s`, `re`, `ve`, `ll`, `d`, `m` after an apostrophe, at the end of the word.
fn is_clitic(rest: &str) -> bool {
    ["s", "re", "ve", "ll", "d", "m"].iter().any(|c| rest.eq_ignore_ascii_case(c))
}

fn is_initial(stem: &str) -> bool {
    let mut cs = stem.chars();
    matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
}

/// `U.S`, `e.g`, `a.m`, `U.N`: single letters joined by periods.
fn is_dotted_abbreviation(stem: &str) -> bool {
    let parts: Vec<&str> = stem.split('.').collect();
    parts.len() >= 2
        && parts.iter().all(|p| {
            let mut cs = p.chars();
            matches!((cs.next(), cs.next()), (Some(c), None) if c.is_alphabetic())
        })
}

const TLDS: &[&str] = &[
    "com", "net", "org", "int", "gov", "edu", "io", "co", "uk", "eu", "de", "fr", "info", "ru", "mk", "al", "rs", "ba",
    "me", "tv", "news",
];

fn is_domain(w: &str) -> bool {
    let Some((name, tld)) = w.rsplit_once('.') else { return false };
    !name.is_empty()
        && name.chars().all(|c| c.is_alphanumeric() || c == '.' || c == '-')
        && name.chars().next().is_some_and(char::is_alphanumeric)
        && TLDS.contains(&tld)
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The byte test for ASCII separators is the char test, for every ASCII char.
    #[test]
    fn ascii_separators_are_the_char_ones() {
        for b in 0u8..0x80 {
            let c = b as char;
            let by_char = c.is_whitespace() || c.is_control() && !is_emoji_glue(c);
            assert_eq!(b <= 0x20 || b == 0x7f, by_char, "{b:#x}");
            if by_char {
                let text = format!("ab{c}cd");
                let words: Vec<&str> = tokenize(&text).iter().map(|t| t.span.slice(&text)).collect();
                assert_eq!(words, ["ab", "cd"], "{b:#x}");
            }
        }
    }

    fn words(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.span.slice(text)).collect()
    }

    #[test]
    fn the_fast_path_cuts_as_the_general_one() {
        let mut n = 0;
        for lead in ["", "(", "\"", "'", "["] {
            for core in ["Nato", "1996", "A380", "1990s", "x", "7", "ABC", "don", "", "www", "http", "Mr", "U"] {
                for trail in ["", ",", ";", ":", ")", "\"", "!", "?", ".", "'", "),", "%"] {
                    let chunk = format!("{lead}{core}{trail}");
                    if chunk.is_empty() {
                        continue;
                    }
                    let (mut fast, mut general) = (Vec::new(), Vec::new());
                    if split_simple(&chunk, 0, &mut fast) {
                        n += 1;
                        split_general(&chunk, 0, chunk.len(), &mut general);
                        assert_eq!(fast, general, "{chunk:?}");
                    } else {
                        assert!(fast.is_empty(), "{chunk:?}");
                    }
                }
            }
        }
        assert!(n > 200, "the fast path took {n} chunks");
    }

    #[test]
    fn splits_news_sentence() {
        assert_eq!(
            words("Nato Secretary General Mark Rutte (right) addresses MEPs on January 13."),
            [
                "Nato",
                "Secretary",
                "General",
                "Mark",
                "Rutte",
                "(",
                "right",
                ")",
                "addresses",
                "MEPs",
                "on",
                "January",
                "13",
                "."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            words("Mr. J. Smith of the U.S. met Gen. Lee on Jan. 5."),
            ["Mr.", "J.", "Smith", "of", "the", "U.S.", "met", "Gen.", "Lee", "on", "Jan.", "5", "."]
        );
        assert_eq!(words("It ended at 3 p.m. today."), ["It", "ended", "at", "3", "p.m.", "today", "."]);
    }

    #[test]
    fn splits_possessives_and_contractions() {
        assert_eq!(
            words("Germany's farmers' union don't know"),
            ["Germany", "'s", "farmers", "'", "union", "do", "n't", "know"]
        );
        assert_eq!(words("Russia\u{2019}s O'Brien they're"), ["Russia", "\u{2019}s", "O'Brien", "they", "'re"]);
    }

    #[test]
    fn hyphens_split_words_but_not_numbers() {
        assert_eq!(
            words("Kosovo-Serbia relations, a 3-1 win on 1996-08-30"),
            ["Kosovo", "-", "Serbia", "relations", ",", "a", "3-1", "win", "on", "1996-08-30"]
        );
        assert_eq!(
            words("$17,000 or 3.5% at 15:00, 13/01/2025"),
            ["$", "17,000", "or", "3.5", "%", "at", "15:00", ",", "13/01/2025"]
        );
    }

    #[test]
    fn curly_quotes_and_decades() {
        assert_eq!(
            words("\u{201C}We are ready,\u{201D} he said of the '90s."),
            ["\u{201C}", "We", "are", "ready", ",", "\u{201D}", "he", "said", "of", "the", "'90s", "."]
        );
        assert_eq!(words("\"Ok\" -- fine..."), ["\"", "Ok", "\"", "--", "fine", "..."]);
    }

    #[test]
    fn urls_emails_and_domains() {
        let text = "See https://example.com/a?b=1). Mail news@example.org, or Nato.int.";
        let toks = tokenize(text);
        let got: Vec<(&str, TokenKind)> = toks.iter().map(|t| (t.span.slice(text), t.kind)).collect();
        assert_eq!(got[1], ("https://example.com/a?b=1", TokenKind::Url));
        assert_eq!(got[2], (")", TokenKind::Punct));
        assert_eq!(got[5], ("news@example.org", TokenKind::Email));
        assert_eq!(got[8], ("Nato.int", TokenKind::Word));
        assert_eq!(got[9], (".", TokenKind::Punct));
    }

    #[test]
    fn unicode_marks_and_emoji() {
        let text = "Cafe\u{301} \u{1F44D}\u{1F3FD} \u{05E9}\u{05DC}\u{05D5}\u{05DD}\r\nok";
        assert_eq!(words(text), ["Cafe\u{301}", "\u{1F44D}\u{1F3FD}", "\u{05E9}\u{05DC}\u{05D5}\u{05DD}", "ok"]);
        let toks = tokenize(text);
        assert_eq!(toks[3].newlines_before, 1);
        assert!(toks[3].space_before);
    }

    #[test]
    fn spans_tile_the_non_space_text() {
        let text = "A\u{0}b \u{FFFD}\u{FFFD} x--y ''' ,,, @@ https:// ...";
        let toks = tokenize(text);
        let mut last = 0;
        for t in &toks {
            assert!(t.span.start >= last && t.span.start < t.span.end);
            last = t.span.end;
        }
    }
}
