//! Direct quotations and who said them: quotation marks paired into spans
//! (`marks`), spans told apart into quotations, scare quotes, titles and
//! nicknames (`classify`), and each quotation attributed to its speaker
//! (`attribute` within its sentence, `speakers` across the paragraph).

mod attribute;
mod classify;
mod lexicon;
mod marks;
mod phrases;
mod roles;
mod speakers;

use attribute::Bounds;
use classify::{Class, Place};
use marks::Quoted;
use phrases::Ctx;
use speakers::Item;

use crate::document::{Entity, Group, Marked, Quote};
use crate::span::Span;
use crate::text::Segmented;

pub use marks::{Family, find_quoted, paragraphs};
pub use roles::Role;

/// What [`find_quotes`] finds: quotations, and the other spans in
/// quotation marks (scare quotes, titles, nicknames).
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Quotations {
    pub quotes: Vec<Quote>,
    pub marked: Vec<Marked>,
    /// For each group, the role the article gives it when it is a quoted
    /// person (else empty); empty when nothing is quoted. See [`set_roles`].
    pub roles: Vec<Role>,
}

/// Puts the roles [`find_quotes`] read into their groups.
pub fn set_roles(groups: &mut [Group], roles: Vec<Role>) {
    for (g, r) in groups.iter_mut().zip(roles) {
        g.role = r.role;
        g.organisation = r.organisation;
    }
}

/// Finds quotations in any quotation marks (straight, curly, « », „ “, and
/// single marks in British style), over paragraphs and nested, and gives
/// each its speaker from `entities` (grouped into `groups`) and the text.
/// Linear in the length of the text.
pub fn find_quotes(seg: &Segmented, entities: &[Entity], groups: &[Group]) -> Quotations {
    let (mut quoted, paras) = marks::find_quoted(seg.text);
    if quoted.is_empty() {
        // Nothing is quoted: no quotations and nothing to attribute.
        return Quotations { quotes: Vec::new(), marked: Vec::new(), roles: Vec::new() };
    }
    quoted.sort_by_key(|q| (q.open.start, q.depth));
    let double_style = classify::quotes_with_double_marks(seg.text, &quoted);
    let outer: Vec<&Quoted> = quoted.iter().filter(|q| q.depth == 0).collect();
    let outer_spans: Vec<Span> = outer.iter().map(|q| whole(q)).collect();
    let ctx = Ctx::new(seg, &outer_spans, &paras);
    let mut items = Vec::new();
    let mut marked = Vec::new();
    let mut next_outer = 0;
    let sources_from = sources_section(seg.text, &paras);
    for q in &quoted {
        if q.depth == 0 {
            next_outer += 1;
        }
        if sources_from.is_some_and(|at| q.open.start >= at) {
            // A list of sources: the titles of the articles cited.
            if q.depth == 0 {
                marked.push(Marked { span: q.content, kind: crate::document::MarkedKind::Title });
            }
            continue;
        }
        let following = outer.get(next_outer).map(|n| n.open.start);
        let (bounds, place) = locate(&ctx, q, following);
        let direct = if q.depth == 0 { attribute::find_direct(&ctx, bounds) } else { None };
        match classify::classify(&ctx, q, place, direct.as_ref(), double_style) {
            Class::Quote => items.push(Item { quoted: q, bounds, direct }),
            Class::Marked(kind) => marked.push(Marked { span: q.content, kind }),
            Class::Drop => {}
        }
    }
    let speakers = speakers::assign(&ctx, entities, groups, &items);
    let quotes: Vec<Quote> = items
        .iter()
        .zip(speakers)
        .map(|(item, (speaker, cue))| Quote { span: item.quoted.content, speaker, cue })
        .collect();
    let mut quoted_groups = vec![false; groups.len()];
    for g in quotes.iter().filter_map(|q| q.speaker.as_ref().and_then(|s| s.group)) {
        quoted_groups[g] = true;
    }
    let roles = roles::find_roles(&ctx, entities, groups, &quoted_groups);
    Quotations { quotes, marked, roles }
}

/// Where a list of sources or references starts: a paragraph that is only
/// the heading "Sources", "References", "Related news", "External links" or
/// "See also" (the foot of a Wikinews or blog article). The quoted spans
/// after it are titles of the articles cited.
fn sources_section(text: &str, paras: &[Span]) -> Option<usize> {
    paras.iter().find_map(|p| {
        let line = p.slice(text).trim().trim_end_matches(':');
        let heading = line.len() <= 16
            && ["sources", "references", "related news", "external links", "see also"]
                .iter()
                .any(|h| line.eq_ignore_ascii_case(h));
        heading.then_some(p.end)
    })
}

/// The span of a quotation with its marks.
fn whole(q: &Quoted) -> Span {
    Span::new(q.open.start, q.close.map_or(q.content.end, |c| c.end))
}

/// Token positions of `q`, and the stretch of its sentence and paragraph
/// that may hold its attribution (up to the next quotation at `following`).
fn locate(ctx: &Ctx, q: &Quoted, following: Option<usize>) -> (Bounds, Place) {
    let toks = &ctx.seg.tokens;
    let n = toks.len();
    let before = toks.partition_point(|t| t.span.end <= q.open.start);
    let after = toks.partition_point(|t| t.span.start < whole(q).end);
    let content = (
        toks.partition_point(|t| t.span.end <= q.content.start),
        toks.partition_point(|t| t.span.start < q.content.end),
    );
    let para_start = ctx.para.partition_point(|&p| p < q.para);
    let para_end = ctx.para.partition_point(|&p| p <= q.para);
    let floor = if before < n { ctx.sentence_start(before).max(para_start) } else { para_start };
    let next_quote = following.map_or(n, |at| toks.partition_point(|t| t.span.end <= at));
    let limit = if after < n { ctx.sentence_end(after).min(para_end).min(next_quote).max(after) } else { after };
    (Bounds { after, before, content: content.0, floor, limit }, Place { before, after, content })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::EntityLabel;

    #[test]
    fn pairs_marks_and_finds_simple_speakers() {
        let text = "\u{201C}We are ready,\u{201D} said Rutte. \"Fine,\" he said.\n\nShe wrote \u{AB}Nous sommes pr\u{EA}ts\u{BB} and \u{201E}Wir sind bereit\u{201C}.";
        let seg = Segmented::new(text);
        let rutte = text.find("Rutte").unwrap();
        let mut entities = [Entity { span: Span::new(rutte, rutte + 5), label: EntityLabel::Per, group: None }];
        let groups = crate::entities::groups::group_entities(&seg, &mut entities);
        let found = find_quotes(&seg, &entities, &groups);
        let got: Vec<(&str, Option<&str>)> =
            found.quotes.iter().map(|q| (q.span.slice(text), q.speaker.as_ref().map(|s| s.name.as_str()))).collect();
        assert_eq!(
            got,
            [
                ("We are ready,", Some("Rutte")),
                ("Fine,", Some("Rutte")),
                ("Nous sommes pr\u{EA}ts", Some("She")),
                ("Wir sind bereit", Some("She"))
            ]
        );
    }
}
