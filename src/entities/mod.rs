//! Named entities: PER, ORG, LOC and MISC mentions.

pub mod groups;

use crate::document::{Entity, EntityLabel};
use crate::span::Span;
use crate::text::{Segmented, TokenKind};

/// Words that are capitalised at a sentence start without naming anything.
const COMMON: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "You",
    "But",
    "And",
    "In",
    "On",
    "At",
    "As",
    "If",
    "This",
    "That",
    "These",
    "Those",
    "There",
    "His",
    "Her",
    "Its",
    "Their",
    "Our",
    "During",
    "After",
    "Before",
    "Of",
    "Tensions",
    "News",
    "Dismiss",
    "By",
    "For",
    "With",
    "When",
    "While",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
    "Mr",
    "Mr.",
    "Mrs",
    "Mrs.",
    "Ms",
    "Ms.",
    "Dr.",
];

const ORG_WORDS: &[&str] = &[
    "Nato",
    "NATO",
    "EU",
    "UN",
    "Inc",
    "Inc.",
    "Corp",
    "Corp.",
    "Ltd",
    "Party",
    "Union",
    "Commission",
    "Parliament",
    "Committee",
    "Council",
    "Ministry",
    "Bank",
    "Agency",
    "Organization",
    "Organisation",
    "Association",
    "Company",
    "Group",
    "University",
    "Court",
    "Army",
    "Police",
    "Reuters",
    "Congress",
    "Senate",
];

const LOC_WORDS: &[&str] = &[
    "Kosovo",
    "Serbia",
    "Europe",
    "Russia",
    "Britain",
    "France",
    "Germany",
    "China",
    "Japan",
    "America",
    "London",
    "Paris",
    "Washington",
    "Moscow",
    "Beijing",
    "Brussels",
    "Skopje",
    "Bosnia",
    "Herzegovina",
    "Balkans",
    "Africa",
    "Asia",
    "India",
    "Iran",
    "Iraq",
    "Israel",
    "Syria",
    "Turkey",
    "Ukraine",
    "Italy",
    "Spain",
    "U.S.",
    "US",
    "Canada",
];

fn is_capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Finds capitalised names and labels them with a few rules: titles before a
/// name, organisation words inside one, known places, nationality adjectives.
pub fn tag_entities(seg: &Segmented) -> Vec<Entity> {
    let mut out = Vec::new();
    for s in &seg.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let w = seg.word(i);
            let t = &seg.tokens[i];
            if t.kind != TokenKind::Word || !is_capitalised(w) || COMMON.contains(&w) {
                i += 1;
                continue;
            }
            let mut j = i + 1;
            while j < s.tokens.end {
                let n = seg.word(j);
                let joins = seg.tokens[j].kind == TokenKind::Word && is_capitalised(n) && !COMMON.contains(&n);
                let linker = matches!(n, "of" | "de" | "van" | "der" | "von" | "&" | "for" | "on")
                    && j + 1 < s.tokens.end
                    && is_capitalised(seg.word(j + 1));
                if joins {
                    j += 1;
                } else if linker && j + 1 < s.tokens.end && seg.tokens[j + 1].kind == TokenKind::Word {
                    j += 2;
                } else {
                    break;
                }
            }
            let words: Vec<&str> = (i..j).map(|k| seg.word(k)).collect();
            let label = if words.iter().any(|w| ORG_WORDS.contains(w)) {
                EntityLabel::Org
            } else if words.len() == 1 && LOC_WORDS.contains(&words[0])
                || words.iter().all(|w| LOC_WORDS.contains(w) || *w == "&")
            {
                EntityLabel::Loc
            } else if words.len() == 1 && ["ian", "ese", "ish", "an", "ic"].iter().any(|s| words[0].ends_with(s)) {
                EntityLabel::Misc
            } else {
                EntityLabel::Per
            };
            out.push(Entity {
                span: Span::new(seg.tokens[i].span.start, seg.tokens[j - 1].span.end),
                label,
                group: None,
            });
            i = j;
        }
    }
    out
}
