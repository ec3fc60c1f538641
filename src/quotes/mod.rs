//! Direct quotations and who said them.

use crate::document::{Entity, EntityLabel, Quote, Speaker};
use crate::span::Span;
use crate::text::Segmented;

/// Speech verbs that attribute a quotation to its subject.
const CUES: &[&str] = &[
    "said",
    "says",
    "say",
    "told",
    "tells",
    "added",
    "adds",
    "stressed",
    "warned",
    "stated",
    "noted",
    "explained",
    "asked",
    "insisted",
    "argued",
    "wrote",
    "declared",
    "claimed",
    "replied",
    "continued",
    "announced",
    "suggested",
    "recalled",
];

fn opener_for(c: char) -> Option<char> {
    match c {
        '"' => Some('"'),
        '\u{201C}' => Some('\u{201D}'),
        '\u{AB}' => Some('\u{BB}'),
        '\u{201E}' => Some('\u{201C}'),
        _ => None,
    }
}

/// Finds quotations in double quotation marks (straight, curly, « », „ “).
/// Linear: each mark is looked at once, and an unclosed mark is dropped at
/// the end of its paragraph.
pub fn find_quotes(seg: &Segmented, entities: &[Entity]) -> Vec<Quote> {
    let text = seg.text;
    let mut out = Vec::new();
    let mut open: Option<(usize, char)> = None;
    for (i, c) in text.char_indices() {
        if c == '\n' && text[i + 1..].starts_with(['\n', '\r']) {
            open = None; // a paragraph break ends any quote left open
            continue;
        }
        match open {
            Some((start, close)) if c == close => {
                let span = Span::new(start, i);
                if !span.slice(text).trim().is_empty() {
                    let (speaker, cue) = attribute(seg, span, entities);
                    out.push(Quote { span, speaker, cue });
                }
                open = None;
            }
            Some(_) => {}
            None => {
                if let Some(close) = opener_for(c) {
                    open = Some((i + c.len_utf8(), close));
                }
            }
        }
    }
    out
}

/// The speaker of a quotation from the simplest patterns: `"…," said X`,
/// `"…," X said`, `X said: "…"`.
fn attribute(seg: &Segmented, quote: Span, entities: &[Entity]) -> (Option<Speaker>, Option<Span>) {
    let toks = &seg.tokens;
    let after = toks.partition_point(|t| t.span.start <= quote.end);
    let before = toks.partition_point(|t| t.span.end < quote.start).saturating_sub(1);
    let is_cue = |i: usize| toks.get(i).is_some_and(|_| CUES.contains(&seg.word(i).to_lowercase().as_str()));
    let subject_at = |i: usize| -> Option<Span> {
        let t = toks.get(i)?;
        if let Some(e) = entities.iter().find(|e| e.span.contains(t.span) && e.label == EntityLabel::Per) {
            return Some(e.span);
        }
        let w = seg.word(i);
        matches!(w.to_lowercase().as_str(), "he" | "she" | "they").then_some(t.span)
    };
    let speaker_from = |subject: Span| {
        let name = subject.slice(seg.text).to_string();
        Speaker { name, mentions: vec![subject], group: None }
    };
    // After the closing mark: ", said X" or ", X said" (within the next few tokens).
    let mut k = after;
    while k < toks.len() && k < after + 2 && matches!(seg.word(k), "," | "\u{201D}" | "\"") {
        k += 1;
    }
    if is_cue(k)
        && let Some(s) = subject_at(k + 1)
    {
        return (Some(speaker_from(s)), Some(toks[k].span));
    }
    if let Some(s) = subject_at(k) {
        let mut end = k;
        while end + 1 < toks.len()
            && entities.iter().any(|e| e.span.contains(toks[end + 1].span) && e.span.contains(toks[k].span))
        {
            end += 1;
        }
        if is_cue(end + 1) {
            return (Some(speaker_from(s)), Some(toks[end + 1].span));
        }
    }
    // Before the opening mark: "X said: "…" ".
    if before >= 2 && matches!(seg.word(before), ":" | ",") && is_cue(before - 1) {
        let mut s = before - 2;
        if let Some(subject) = subject_at(s) {
            while s > 0 && subject.contains(toks[s - 1].span) {
                s -= 1;
            }
            return (Some(speaker_from(subject)), Some(toks[before - 1].span));
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pairs_marks_and_finds_simple_speakers() {
        let text =
            "\u{201C}We are ready,\u{201D} said Rutte. \"Fine,\" he said. \u{AB}Oui\u{BB} and \u{201E}Ja\u{201C}";
        let seg = Segmented::new(text);
        let rutte = text.find("Rutte").unwrap();
        let entities = [Entity { span: Span::new(rutte, rutte + 5), label: EntityLabel::Per, group: None }];
        let quotes = find_quotes(&seg, &entities);
        let got: Vec<(&str, Option<&str>)> =
            quotes.iter().map(|q| (q.span.slice(text), q.speaker.as_ref().map(|s| s.name.as_str()))).collect();
        assert_eq!(got, [("We are ready,", Some("Rutte")), ("Fine,", Some("he")), ("Oui", None), ("Ja", None)]);
    }

    #[test]
    fn unclosed_marks_end_at_the_paragraph() {
        let text = "\"never closed\n\nthen \"closed\" here";
        let quotes = find_quotes(&Segmented::new(text), &[]);
        assert_eq!(quotes.iter().map(|q| q.span.slice(text)).collect::<Vec<_>>(), ["closed"]);
    }
}
