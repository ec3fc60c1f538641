//! One label per entity group: after grouping, a group's label is decided
//! from all its mentions, the fuller ones weighing more ("Joe Biden" outvotes
//! a lone "Biden" read as an organisation), and every mention takes it
//! unless the words around it say otherwise ("in Washington" stays a place).

use crate::document::{Entity, EntityLabel, Group};
use crate::text::{Segmented, TokenKind};

/// What the vote needs to know about one mention.
#[derive(Clone, Copy, Debug)]
pub(crate) struct Vote {
    /// Words of the name without titles: a mention's weight.
    pub(crate) words: usize,
    /// The label it votes for (PER when titles inside it mark a person).
    pub(crate) label: EntityLabel,
    /// Its span holds more than the name (titles read inside it): its own
    /// label is left alone, since the span is not that of the name.
    pub(crate) titled: bool,
}

fn index(l: EntityLabel) -> usize {
    EntityLabel::ALL.iter().position(|&x| x == l).unwrap_or(0)
}

/// Words before a place name that make it a place whatever its group says.
const PLACE_CUES: &[&str] = &["in", "at", "near", "from", "to", "across", "outside", "inside"];

/// Sets each group's label by a vote of its mentions weighted by their
/// words (the fullest mention's label on a tie) and gives it to every
/// mention, keeping a place read as a place after "in", "at", "near" ....
pub(crate) fn settle(
    seg: &Segmented,
    entities: &mut [Entity],
    groups: &mut [Group],
    votes: &[Vote],
    fullest: &[usize],
) {
    // Lines in capitals (datelines, results tables) name teams and places
    // alike by the city: their mentions neither vote nor change.
    let caps: Vec<bool> = entities.iter().map(|e| in_caps_line(seg, e)).collect();
    let mut weight = vec![[0usize; 4]; groups.len()];
    for ((e, v), &c) in entities.iter().zip(votes).zip(&caps) {
        if let Some(g) = e.group.filter(|_| !c) {
            weight[g][index(v.label)] += v.words.max(1);
        }
    }
    for (g, group) in groups.iter_mut().enumerate() {
        let full = votes[fullest[g]].label;
        // A full name of two words or more decides ("MaliVai Washington" is
        // a person however often "Washington" alone was read as a place).
        if votes[fullest[g]].words >= 2 && !caps[fullest[g]] {
            group.label = full;
            continue;
        }
        let top = weight[g].iter().copied().max().unwrap_or(0);
        group.label = if weight[g][index(full)] == top {
            full
        } else {
            EntityLabel::ALL.into_iter().zip(weight[g]).find(|&(_, w)| w == top).map_or(full, |(l, _)| l)
        };
    }
    for ((e, v), &c) in entities.iter_mut().zip(votes).zip(&caps) {
        let Some(g) = e.group else { continue };
        let target = groups[g].label;
        // Only a shorter mention follows the group: a full name keeps its label.
        if e.label == target || v.titled || c || v.words >= votes[fullest[g]].words {
            continue;
        }
        if e.label == EntityLabel::Loc && after_place_cue(seg, e) {
            continue;
        }
        e.label = target;
    }
}

/// Whether the word before the entity is a preposition of place (and no
/// possessive follows it: "in Jordan's film").
fn after_place_cue(seg: &Segmented, e: &Entity) -> bool {
    let first = seg.tokens.partition_point(|t| t.span.end <= e.span.start);
    let next = seg.tokens.partition_point(|t| t.span.start < e.span.end);
    if next < seg.tokens.len() && matches!(seg.word(next), "'s" | "\u{2019}s" | "'" | "\u{2019}") {
        return false;
    }
    (0..first)
        .rev()
        .find(|&i| seg.tokens[i].kind == TokenKind::Word)
        .is_some_and(|i| first - i == 1 && PLACE_CUES.contains(&seg.word(i)))
}

/// Whether the entity's sentence has no word in lower case.
fn in_caps_line(seg: &Segmented, e: &Entity) -> bool {
    let k = seg.sentences.partition_point(|s| s.span.end <= e.span.start);
    let Some(s) = seg.sentences.get(k) else { return false };
    !seg.tokens[s.tokens.clone()]
        .iter()
        .any(|t| t.kind == TokenKind::Word && t.span.slice(seg.text).chars().any(char::is_lowercase))
}
