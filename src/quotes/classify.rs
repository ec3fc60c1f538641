//! Which quoted spans are somebody's words, and which are scare quotes,
//! titles of works, nicknames, or stage directions.

use super::attribute::{Direct, How};
use super::lexicon::{is_function_word, is_work_word};
use super::marks::{Family, Quoted};
use super::phrases::{Ctx, is_possessive};
use crate::document::MarkedKind;
use crate::span::Span;

/// What a quoted span is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Class {
    Quote,
    Marked(MarkedKind),
    /// Neither: a stage direction "(CROSSTALK)", a quotation inside a quotation.
    Drop,
}

/// Where the span stands among the tokens.
#[derive(Clone, Copy, Debug)]
pub struct Place {
    /// End (exclusive) of the tokens before the opening mark.
    pub before: usize,
    /// First token after the closing mark.
    pub after: usize,
    /// First and end (exclusive) tokens of the content.
    pub content: (usize, usize),
}

/// Whether the document quotes with double marks (single marks then only
/// nest, or mark headlines and terms) or, British style, with single ones.
/// Doubled apostrophes (`''…''`, a typewriter rendering of double marks)
/// count for double marks here, though they are not paired.
pub fn quotes_with_double_marks(text: &str, quoted: &[Quoted]) -> bool {
    let count = |f: Family| quoted.iter().filter(|q| q.depth == 0 && q.family == f && q.close.is_some()).count();
    let (double, single) = (count(Family::Double), count(Family::Single));
    // The text is searched for doubled apostrophes only when they can tell.
    double >= single || double + text.matches("''").count() / 2 >= single
}

/// Decides what `q` is, from its words, its surroundings and whether an
/// attribution was found in its sentence.
pub fn classify(ctx: &Ctx, q: &Quoted, place: Place, direct: Option<&Direct>, double_style: bool) -> Class {
    let text = ctx.seg.text;
    let content = q.content.slice(text);
    let stage = (content.starts_with('(') && content.trim_end_matches(['.', ',']).ends_with(')'))
        || (content.starts_with('[') && content.trim_end_matches(['.', ',']).ends_with(']'));
    if stage {
        return Class::Drop;
    }
    let words: Vec<usize> = (place.content.0..place.content.1)
        .filter(|&i| ctx.word(i).chars().any(char::is_alphanumeric) && !is_possessive(ctx.lower(i)))
        .collect();
    let n = words.len();
    let capitalised = |i: usize| ctx.word(i).chars().next().is_some_and(char::is_uppercase);
    let ends_in_punct = content.ends_with(['.', ',', '!', '?', ';', ':', '\u{2026}']);

    let title_case = n >= 1 && is_title_case(ctx, &words);
    if n <= 4 && !ends_in_punct && title_case && is_nickname_slot(ctx, place) {
        return Class::Marked(MarkedKind::Nickname);
    }
    let work = names_a_work(ctx, place, title_case);
    if q.depth > 0 || q.family == Family::Single && double_style && q.depth == 0 && !q.continued && !q.open_ended {
        // Inside another quotation, or single marks in a document that
        // quotes with double ones (headlines, terms): never a quotation of its own.
        return if title_case && (work.is_some() || n >= 2) {
            Class::Marked(MarkedKind::Title)
        } else if n <= 3 && !ends_in_punct || q.depth == 0 && n <= 6 {
            Class::Marked(MarkedKind::Scare)
        } else {
            Class::Drop // a quotation inside a quotation: part of it
        };
    }
    if q.continued || q.open_ended {
        return Class::Quote;
    }
    // Attributed right at the marks, or by a cue just before them.
    let near = |c: Span| {
        let from = place.before.saturating_sub(10);
        from < place.before && ctx.seg.tokens[from].span.start <= c.start
    };
    let strong = direct
        .is_some_and(|d| matches!(d.how, How::After | How::Before | How::Label | How::Dash) || d.cue.is_some_and(near))
        || direct.is_some() && (place.before.saturating_sub(10)..place.before).any(|k| ctx.cue_at(k).is_some());
    match work {
        Some(MarkedKind::Nickname) => return Class::Marked(MarkedKind::Nickname),
        Some(kind) if title_case || !strong => return Class::Marked(kind),
        _ => {}
    }
    if so_called(ctx, place) {
        return Class::Marked(MarkedKind::Scare);
    }
    if n <= 8 && !has_inner_sentence_end(content) && names_itself(ctx, place) {
        return Class::Marked(if title_case { MarkedKind::Title } else { MarkedKind::Scare });
    }
    if n <= 4 && !ends_in_punct && names_a_thing(ctx, place) {
        return Class::Marked(if title_case { MarkedKind::Title } else { MarkedKind::Scare });
    }
    let first_upper = words.first().is_some_and(|&i| capitalised(i));
    let inner_end = has_inner_sentence_end(content);
    if title_case && !strong && n >= 2 && !inner_end && n <= 10 {
        return Class::Marked(MarkedKind::Title);
    }
    let sentence_like = n >= 8 || n >= 4 && first_upper || inner_end;
    if sentence_like {
        return Class::Quote;
    }
    // A fragment: a mixed quotation unless it reads as a term held at a
    // distance: one modifying the next word (a "quack" cure), or a quoted
    // pronoun or function word (because "she" is a "he").
    if n == 1 && !strong && is_function_word(ctx.lower(words[0])) {
        return Class::Marked(MarkedKind::Scare);
    }
    if !strong && n <= 3 && !ends_in_punct && modifies_next_word(ctx, place) {
        return Class::Marked(MarkedKind::Scare);
    }
    Class::Quote
}

/// Every word of two letters or more capitalised, function words aside
/// ("Face the Nation", "Contract with America"), the first one included.
fn is_title_case(ctx: &Ctx, words: &[usize]) -> bool {
    let mut capitals = 0;
    for (k, &i) in words.iter().enumerate() {
        let w = ctx.word(i);
        let first = w.chars().next().unwrap_or(' ');
        if first.is_uppercase() {
            capitals += 1;
        } else if first.is_ascii_digit() {
            continue;
        } else if k == 0 || !is_minor_title_word(ctx.lower(i)) {
            return false;
        }
    }
    capitals > 0
}

/// Words left in lower case inside a title.
fn is_minor_title_word(w: &str) -> bool {
    matches!(
        w,
        "a" | "an"
            | "the"
            | "of"
            | "in"
            | "on"
            | "at"
            | "to"
            | "for"
            | "with"
            | "and"
            | "or"
            | "but"
            | "from"
            | "by"
            | "as"
            | "vs"
            | "nor"
            | "into"
            | "over"
            | "de"
            | "la"
            | "le"
    )
}

/// A name on both sides: Roberto "Hands of Stone" Duran.
fn is_nickname_slot(ctx: &Ctx, place: Place) -> bool {
    let before_is_name = place.before > 0 && {
        let w = ctx.word(place.before - 1);
        w.chars().next().is_some_and(char::is_uppercase) && w.chars().any(char::is_alphabetic)
    };
    let after_is_name = place.after < ctx.len() && {
        let w = ctx.word(place.after);
        w.chars().next().is_some_and(char::is_uppercase) && !ctx.seg.tokens[place.after].span.is_empty()
    };
    before_is_name
        && after_is_name
        && ctx.sentence[place.before - 1] == ctx.sentence[place.after]
        && ctx.seg.tokens[place.after].newlines_before == 0
}

/// "the film", "episode of", "titled", CNN's, "the nickname" just before
/// the marks, or "show", "radio programme" just after a title.
fn names_a_work(ctx: &Ctx, place: Place, title_case: bool) -> Option<MarkedKind> {
    let b = place.before;
    if b > 0 {
        let mut k = b - 1;
        if ctx.word(k) == "," && k > 0 {
            k -= 1;
        }
        let w = ctx.lower(k);
        if matches!(w, "nickname" | "nicknamed" | "moniker") {
            return Some(MarkedKind::Nickname);
        }
        if is_work_word(w) || matches!(w, "of" | "on") && k > 0 && is_work_word(ctx.lower(k - 1)) {
            return Some(MarkedKind::Title);
        }
        // A broadcaster's or publisher's title: CNN's "State of the Union".
        if is_possessive(w) && k > 0 && title_case {
            let owner = ctx.word(k - 1);
            if owner.chars().filter(|c| c.is_alphabetic()).count() >= 2 && owner.chars().all(|c| !c.is_lowercase()) {
                return Some(MarkedKind::Title);
            }
        }
    }
    let a = place.after;
    let next_is_work = |i: usize| i < ctx.len() && !ctx.quoted[i] && is_work_word(ctx.lower(i));
    if title_case && a < ctx.len() && ctx.seg.tokens[a].newlines_before == 0 && (next_is_work(a) || next_is_work(a + 1))
    {
        return Some(MarkedKind::Title); // "Keepin' It Real" radio program
    }
    None
}

fn so_called(ctx: &Ctx, place: Place) -> bool {
    let b = place.before;
    if b == 0 {
        return false;
    }
    let w = ctx.lower(b - 1);
    w == "so-called"
        || w == "called" && b >= 2 && ctx.lower(b - 2) == "so"
        || w == "called" && b >= 3 && ctx.lower(b - 2) == "-" && ctx.lower(b - 3) == "so"
        || w == "quote-unquote"
}

/// A name given to a thing: "the app, known as "Pulse"", "a group called
/// "Parents First"". A naming verb right before the marks, after a noun (not
/// a subject: in "what she called "…"" and "was called "…" by" someone
/// speaks).
fn names_a_thing(ctx: &Ctx, place: Place) -> bool {
    let b = place.before;
    if b < 3 {
        return false;
    }
    let (verb, k) = match ctx.lower(b - 1) {
        "as" if matches!(ctx.lower(b - 2), "known" | "billed" | "branded") => (b - 2, b - 3),
        "called" | "named" | "dubbed" | "nicknamed" | "titled" | "entitled" => (b - 1, b - 2),
        _ => return false,
    };
    let noun = ctx.lower(k);
    let before_noun = ctx.is_word(k) && !ctx.quoted[k] && !is_function_word(noun) || noun == "," && verb == b - 2;
    let subject = super::lexicon::is_subject_pronoun(noun) || ctx.is_name_word(k) && verb == b - 1;
    let agent = (place.after..ctx.len().min(place.after + 4)).any(|i| ctx.lower(i) == "by");
    // "what multiple lawmakers called "fraud"": somebody's word.
    let what = (verb.saturating_sub(4)..verb).any(|i| matches!(ctx.lower(i), "what" | "which" | "who"));
    before_noun && !subject && !agent && !what
}

/// A name someone gives themselves: "the club, which calls itself "the
/// city's friendliest night out"", "a group styling itself as "…"": a
/// slogan or a label, not words reported.
fn names_itself(ctx: &Ctx, place: Place) -> bool {
    let mut b = place.before;
    if b >= 1 && ctx.lower(b - 1) == "as" {
        b -= 1;
    }
    if b < 2 || !matches!(ctx.lower(b - 1), "itself" | "themselves" | "himself" | "herself") {
        return false;
    }
    let verb = ctx.lower(b - 2);
    ["call", "styl", "bill", "dub", "brand", "nam", "market"].iter().any(|v| verb.starts_with(v))
}

/// A sentence end inside the span: "It fell. We left".
fn has_inner_sentence_end(content: &str) -> bool {
    let b = content.as_bytes();
    (0..b.len().saturating_sub(2))
        .any(|i| matches!(b[i], b'.' | b'?' | b'!') && b[i + 1] == b' ' && b[i + 2].is_ascii_uppercase())
}

/// The span is followed by a lower-case content word it modifies: a "quack" cure.
fn modifies_next_word(ctx: &Ctx, place: Place) -> bool {
    let a = place.after;
    a < ctx.len()
        && !ctx.quoted[a]
        && ctx.seg.tokens[a].newlines_before == 0
        && ctx.word(a).chars().next().is_some_and(char::is_lowercase)
        && !is_function_word(ctx.lower(a))
        && !matches!(
            ctx.lower(a),
            "outside"
                | "inside"
                | "online"
                | "abroad"
                | "overseas"
                | "today"
                | "tonight"
                | "yesterday"
                | "tomorrow"
                | "ago"
                | "instead"
                | "anyway"
                | "either"
                | "again"
                | "afterwards"
                | "before"
                | "since"
        )
        && super::lexicon::speech_verb(ctx.lower(a)).is_none()
}

#[cfg(test)]
mod tests {
    use super::super::{Quotations, find_quotes};
    use super::*;
    use crate::text::Segmented;

    fn kinds(text: &str) -> Vec<(String, Option<MarkedKind>)> {
        let Quotations { quotes, marked, .. } = find_quotes(&Segmented::new(text), &[], &[]);
        let mut all: Vec<(Span, Option<MarkedKind>)> = quotes.iter().map(|q| (q.span, None)).collect();
        all.extend(marked.iter().map(|m| (m.span, Some(m.kind))));
        all.sort_by_key(|(s, _)| *s);
        all.into_iter().map(|(s, k)| (s.slice(text).to_string(), k)).collect()
    }

    #[test]
    fn sentences_in_marks_are_quotations() {
        assert_eq!(kinds("\"We will win this,\" she said."), [("We will win this,".into(), None)]);
        assert_eq!(kinds("\u{201C}Nothing lasts.\u{201D}"), [("Nothing lasts.".into(), None)]);
    }

    #[test]
    fn fragments_with_a_speaker_are_quotations() {
        assert_eq!(kinds("She called the plan \"a disaster\" on Monday."), [("a disaster".into(), None)]);
    }

    #[test]
    fn scare_quotes() {
        assert_eq!(kinds("The so-called \"reforms\" failed."), [("reforms".into(), Some(MarkedKind::Scare))]);
        assert_eq!(kinds("He sold \"miracle\" pills."), [("miracle".into(), Some(MarkedKind::Scare))]);
        assert_eq!(kinds("Because \"she\" left."), [("she".into(), Some(MarkedKind::Scare))]);
    }

    #[test]
    fn titles_and_nicknames() {
        assert_eq!(kinds("the film \"Hands of Time\" opens"), [("Hands of Time".into(), Some(MarkedKind::Title))]);
        assert_eq!(kinds("on CNN's \"State of the Union\""), [("State of the Union".into(), Some(MarkedKind::Title))]);
        assert_eq!(kinds("Roberto \"Hands of Stone\" Duran"), [("Hands of Stone".into(), Some(MarkedKind::Nickname))]);
        assert_eq!(kinds("with the nickname \"Big Tom\""), [("Big Tom".into(), Some(MarkedKind::Nickname))]);
    }

    #[test]
    fn stage_directions_and_nested_quotations_are_left_out() {
        assert_eq!(kinds("\"(CROSSTALK)\""), []);
        let got = kinds("\"He said 'we will never sign this deal,' and left,\" she said.");
        assert_eq!(got, [("He said 'we will never sign this deal,' and left,".into(), None)]);
    }

    #[test]
    fn single_marks_follow_the_house_style() {
        // Double marks quote here; single ones in a headline are terms.
        let text = "Trump \u{2018}Ready\u{2019} to Sign\n\n\u{201C}We are ready,\u{201D} he said.";
        assert_eq!(kinds(text)[0], ("Ready".into(), Some(MarkedKind::Scare)));
        // British style: single marks quote.
        assert_eq!(kinds("\u{2018}We are ready,\u{2019} he said."), [("We are ready,".into(), None)]);
    }
}
