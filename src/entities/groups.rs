//! Entity groups: mentions that name the same person, organisation or place
//! ("Mark Rutte" / "Mr Rutte" / "Rutte", "European Union" / "EU", "Nato" /
//! "NATO" / "North Atlantic Treaty Organization").

use super::consistency::Vote;
use super::hash::{self, Sketches, WordMap};
use crate::document::{Entity, EntityLabel, Group};
use crate::span::Span;
use crate::text::{Segmented, TokenKind};
use std::collections::hash_map::Entry;
use std::ops::Range;

/// Words that stand before a name without being part of it ("Mr", "Sen.",
/// "President"), and plurals before two names ("Justices Clarence Thomas
/// and Samuel Alito"): stripped before names are compared. Lower case,
/// sorted (looked up by binary search).
const TITLES: &[&str] = &[
    "adm",
    "admiral",
    "ambassador",
    "archbishop",
    "bishop",
    "capt",
    "captain",
    "cardinal",
    "chair",
    "chairman",
    "chairwoman",
    "chancellor",
    "col",
    "commissioner",
    "dame",
    "del",
    "dr",
    "emir",
    "father",
    "gen",
    "general",
    "gov",
    "governor",
    "governors",
    "judge",
    "judges",
    "justice",
    "justices",
    "king",
    "lady",
    "lord",
    "lt",
    "maj",
    "mayor",
    "minister",
    "ministers",
    "miss",
    "mr",
    "mrs",
    "ms",
    "mx",
    "pope",
    "president",
    "president-elect",
    "presidents",
    "prime",
    "prince",
    "princess",
    "prof",
    "professor",
    "queen",
    "rabbi",
    "rep",
    "representative",
    "reps",
    "rev",
    "reverend",
    "secretary",
    "sen",
    "senator",
    "senators",
    "sens",
    "sgt",
    "sheikh",
    "sheriff",
    "sir",
    "speaker",
    "st",
    "the",
    "vice",
];

/// How many full names sharing a last (or first) name are weighed against
/// each other: keeps grouping linear on lists of namesakes.
const MAX_NAMESAKES: usize = 16;

/// Words skipped when an acronym is formed from a name.
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "&", "de", "du", "des", "la", "le", "on", "in", "to"];

/// Words after a company's own name that its short form leaves off
/// ("Meta Platforms" / "Meta", "Samsung Electronics" / "Samsung"),
/// lower-cased without periods.
const COMPANY_WORDS: &[&str] = &[
    "platforms",
    "inc",
    "corp",
    "corporation",
    "co",
    "company",
    "group",
    "holdings",
    "holding",
    "technologies",
    "technology",
    "motor",
    "motors",
    "electronics",
    "airlines",
    "airways",
    "systems",
    "pharmaceuticals",
    "networks",
    "labs",
    "entertainment",
    "communications",
    "industries",
    "international",
    "ltd",
    "plc",
    "ag",
    "se",
    "sa",
    "nv",
    "llc",
    "energy",
    "financial",
    "capital",
    "partners",
    "media",
    "studios",
    "software",
    "semiconductor",
    "therapeutics",
    "interactive",
    "brands",
    "global",
];

/// The longest title, in bytes.
const LONGEST_TITLE: usize = hash::PACKED_BYTES;

/// The keys of [`TITLES`] lower-cased (see [`hash::packed`]), in the same (sorted) order.
const TITLE_KEYS: [u128; TITLES.len()] = hash::packed_all(TITLES, true);

/// [`hash::packed`] of `w` lower-cased, for a word of at most
/// [`LONGEST_TITLE`] bytes: copied into place at once rather than shifted in
/// byte by byte, as titles are looked up for every word of every mention.
fn title_key(w: &[u8]) -> u128 {
    let mut bytes = [0u8; 16];
    bytes[..w.len()].copy_from_slice(w);
    bytes.make_ascii_lowercase();
    bytes[15] = w.len() as u8;
    u128::from_be_bytes(bytes)
}

/// `w` without its final periods.
fn trim_periods(w: &str) -> &str {
    let mut b = w.as_bytes();
    while let [rest @ .., b'.'] = b {
        b = rest;
    }
    &w[..b.len()]
}

/// A bit for a word's length and its first and last letters in lower case.
const fn title_sketch(w: &[u8]) -> usize {
    let x =
        (w.len() as u32) << 16 | (w[0].to_ascii_lowercase() as u32) << 8 | w[w.len() - 1].to_ascii_lowercase() as u32;
    (x.wrapping_mul(0x9E37_79B1) >> 22) as usize
}

/// The [`title_sketch`] bits of every title (1,024 bits): a word whose bit
/// is clear is no title, told without the search.
const TITLE_SKETCHES: Sketches<16> = {
    let mut bits = Sketches::new();
    let mut i = 0;
    while i < TITLES.len() {
        bits.set(title_sketch(TITLES[i].as_bytes()));
        i += 1;
    }
    bits
};

/// Whether `word` (any case, with or without a final period) is a title.
pub fn is_title(word: &str) -> bool {
    let w = trim_periods(word).as_bytes();
    if w.is_empty() || w.len() > LONGEST_TITLE || !w[0].is_ascii_alphabetic() {
        return false;
    }
    if !TITLE_SKETCHES.has(title_sketch(w)) {
        return false;
    }
    // Lower-cased into the key: the titles are ASCII, so a word with any
    // other byte matches none of them, as under `eq_ignore_ascii_case`.
    TITLE_KEYS.binary_search(&title_key(w)).is_ok()
}

/// Whether `word` is a title that stands before a person's name and is never
/// the name's own first word ("the", "St" and "Del" can be).
pub fn is_person_title(word: &str) -> bool {
    let w = trim_periods(word);
    is_title(word) && !["the", "st", "del"].iter().any(|t| t.eq_ignore_ascii_case(w))
}

/// A mention reduced to what names compare on.
#[derive(Clone, Debug)]
struct Name {
    /// Where, in the keys of all the mentions, this one's key is: its
    /// lower-cased words without titles, periods or possessive endings,
    /// joined by single spaces (no token holds a space).
    key: Range<usize>,
    /// How many words the key holds.
    n_words: usize,
    /// The length of the key's first word, and where its last word starts
    /// (relative to the key).
    first_end: usize,
    last_start: usize,
    /// The span of the mention without leading titles and possessive ending.
    core: Span,
    /// Tagged as a person, or read as one from the titles inside it.
    person: bool,
}

/// Appends `w` lower-cased, without its periods.
fn push_lower(out: &mut String, w: &str) {
    if w.is_ascii() {
        // Copied once and lower-cased in place, for the common case.
        let from = out.len();
        out.push_str(w);
        out[from..].make_ascii_lowercase();
        if w.as_bytes().contains(&b'.') {
            let lower = out.split_off(from);
            out.extend(lower.chars().filter(|&c| c != '.'));
        }
    } else {
        out.push_str(&w.replace('.', "").to_lowercase());
    }
}

/// Whether `w`, lower-cased without its periods, is "the" (no char but
/// ASCII ones lower-cases to an ASCII "t", "h" or "e").
fn is_the(w: &str) -> bool {
    w.bytes().filter(|&b| b != b'.').map(|b| b.to_ascii_lowercase()).eq(*b"the")
}

fn is_possessive(w: &str) -> bool {
    matches!(w, "'s" | "\u{2019}s" | "'" | "\u{2019}")
}

/// A mention's words with their spans (possessive endings and punctuation
/// dropped, a leading article too), filling `all`; returns how many leading
/// words are titles to strip. Words are looked up as titles only where that
/// can decide the count.
fn words_of<'t>(seg: &Segmented<'t>, span: Span, label: EntityLabel, all: &mut Vec<(&'t str, Span)>) -> usize {
    all.clear();
    let toks = &seg.tokens;
    let first = toks.partition_point(|t| t.span.end <= span.start);
    let mut i = first;
    while i < toks.len() && toks[i].span.start < span.end {
        let w = seg.word(i);
        let t = toks[i];
        i += 1;
        if t.kind != TokenKind::Word && t.kind != TokenKind::Number || is_possessive(w) {
            continue;
        }
        all.push((trim_periods(w), Span::new(t.span.start, t.span.end.min(span.end))));
    }
    // A person's titles come off the front ("Sen. Ann Lee"); in a mention
    // tagged otherwise, titles inside it before a full name mark a person
    // ("Nato Secretary General Mark Rutte"), never a leading one ("General
    // Motors").
    // A leading article is no part of a name: "the European Union".
    if all.len() > 1 && is_the(all[0].0) {
        all.remove(0);
    }
    let n = all.len();
    if label == EntityLabel::Per {
        all.iter().take(n.saturating_sub(1)).take_while(|w| is_title(w.0)).count()
    } else if n < 4 {
        // A title after the first word with two words after it needs four.
        0
    } else {
        // The last title, if it is neither the first word nor one of the last two.
        match (1..n).rev().find(|&k| is_title(all[k].0)) {
            Some(k) if n - (k + 1) >= 2 => k + 1,
            _ => 0,
        }
    }
}

/// The name of the mention at `span`, its key appended to `keys`; `all` is
/// room for its words.
fn name_of<'t>(
    seg: &Segmented<'t>,
    span: Span,
    label: EntityLabel,
    keys: &mut String,
    all: &mut Vec<(&'t str, Span)>,
) -> Name {
    let cut = words_of(seg, span, label, all);
    let rest = &all[cut..];
    let core = match (rest.first(), rest.last()) {
        (Some(a), Some(b)) => a.1.cover(b.1),
        _ => span,
    };
    let from = keys.len();
    let (mut first_end, mut last_start) = (0, 0);
    for (n, w) in rest.iter().enumerate() {
        if n > 0 {
            keys.push(' ');
        }
        last_start = keys.len() - from;
        push_lower(keys, w.0);
        if n == 0 {
            first_end = keys.len() - from;
        }
    }
    Name {
        key: from..keys.len(),
        n_words: rest.len(),
        first_end,
        last_start,
        core,
        person: label == EntityLabel::Per || cut > 0,
    }
}

/// The initials of a multi-word name ("north atlantic treaty organization" → "nato").
fn acronym<'a>(words: impl Iterator<Item = &'a str>) -> Option<String> {
    let mut initials = String::new();
    let mut kept = 0;
    for w in words.filter(|w| !ACRONYM_SKIP.contains(w)) {
        kept += 1;
        initials.extend(w.chars().next());
    }
    (kept >= 2).then_some(initials)
}

/// Whether a mention could be an acronym: one word of 2–6 letters written in
/// capitals ("EU", "NATO") or as a word ("Nato").
fn could_be_acronym(seg_text: &str, core: Span, n_words: usize) -> bool {
    if n_words != 1 {
        return false;
    }
    // The mention's chars without its periods, read without copying them.
    let mut raw = core.slice(seg_text).chars().filter(|&c| c != '.');
    let Some(first) = raw.next() else { return false };
    let mut count = 1;
    for c in raw {
        if !c.is_alphabetic() {
            return false;
        }
        count += 1;
    }
    (2..=6).contains(&count) && first.is_alphabetic() && first.is_uppercase()
}

struct Unions {
    parent: Vec<usize>,
    size: Vec<usize>,
}

impl Unions {
    fn new(n: usize) -> Unions {
        Unions { parent: (0..n).collect(), size: vec![1; n] }
    }
    fn find(&mut self, mut x: usize) -> usize {
        while self.parent[x] != x {
            self.parent[x] = self.parent[self.parent[x]];
            x = self.parent[x];
        }
        x
    }
    fn join(&mut self, a: usize, b: usize) {
        let (a, b) = (self.find(a), self.find(b));
        if a != b {
            // The earlier mention stays the root, so group order follows the text.
            let (lo, hi) = if a < b { (a, b) } else { (b, a) };
            self.parent[hi] = lo;
            self.size[lo] += self.size[hi];
        }
    }
    fn size_of(&mut self, x: usize) -> usize {
        let r = self.find(x);
        self.size[r]
    }
}

/// Groups the mentions in `entities` (in text order), sets each entity's
/// `group` and returns the groups in order of first mention.
///
/// Mentions join a group when, titles and possessives aside, they are the
/// same words in any case ("Nato" / "NATO"), one is the acronym of the other
/// ("EU" / "European Union"), or, for people, one is the last name or the
/// unique first name of a fuller name ("Rutte" / "Mark Rutte"). A last name
/// shared by several full names goes to the one mentioned most so far (the
/// first on a tie). Linear in the number of mentions (hash lookups; the
/// full names sharing a last name are few).
pub fn group_entities(seg: &Segmented, entities: &mut [Entity]) -> Vec<Group> {
    // Every key in one string: one allocation for the document, not one a mention.
    let mut keys = String::with_capacity(entities.iter().map(|e| e.span.len() + 1).sum());
    let mut all = Vec::new();
    let names: Vec<Name> = entities.iter().map(|e| name_of(seg, e.span, e.label, &mut keys, &mut all)).collect();
    let keys = keys.as_str();
    let n = entities.len();
    let mut u = Unions::new(n);
    // Keyed by the names' own words where they can be.
    let mut exact: WordMap<&str, usize> = WordMap::with_capacity_and_hasher(n, Default::default());
    let mut acronyms: WordMap<String, usize> = WordMap::default(); // acronym of a long name -> mention
    let mut short_forms: WordMap<&str, usize> = WordMap::default(); // one-word mention that may be an acronym
    let mut last_names: WordMap<&str, Vec<usize>> = WordMap::default(); // last word -> full names (one per group)
    let mut first_names: WordMap<&str, Vec<usize>> = WordMap::default();
    let mut lone: WordMap<&str, usize> = WordMap::default(); // one-word person mentions not yet joined to a full name
    let mut companies: WordMap<&str, usize> = WordMap::default(); // "meta" -> a mention of "Meta Platforms"
    for (i, name) in names.iter().enumerate() {
        if name.n_words == 0 {
            continue;
        }
        let key = &keys[name.key.clone()];
        let person = name.person;
        // The first mention with the same key, if any; this one is listed
        // at once, with one hashing of its key (the other look-ups below
        // are by other keys, which it does not change).
        let same = match exact.entry(key) {
            Entry::Occupied(e) => Some(*e.get()),
            Entry::Vacant(e) => {
                e.insert(i);
                None
            }
        };
        if name.n_words == 1 {
            let w = key;
            let short = could_be_acronym(seg.text, name.core, name.n_words);
            if short && let Some(&j) = acronyms.get(w) {
                u.join(i, j);
            } else if let Some(full) = last_names.get(w) {
                // The most mentioned full name with this last name; the first on a tie.
                let mut pick = full[0];
                let mut most = 0;
                for &j in full.iter().take(MAX_NAMESAKES) {
                    let size = u.size_of(j);
                    if size > most {
                        (pick, most) = (j, size);
                    }
                }
                u.join(i, pick);
            } else if let Some(&j) = companies.get(w).filter(|_| entities[i].label != EntityLabel::Loc) {
                u.join(i, j);
            } else if let Some(j) = same {
                u.join(i, j);
            } else if let Some(full) = first_names.get(w).filter(|f| person && f.len() == 1) {
                u.join(i, full[0]);
            } else if person {
                lone.insert(w, i);
            }
            if short {
                short_forms.entry(w).or_insert(i);
            }
        } else {
            if let Some(j) = same {
                u.join(i, j);
            }
            let head = &key[..name.first_end];
            // "Meta Platforms" and "Meta": a company and its short form.
            if !person && key[name.first_end + 1..].split(' ').all(|w| COMPANY_WORDS.contains(&w)) {
                if let Some(&j) = exact.get(head).filter(|&&j| entities[j].label != EntityLabel::Loc) {
                    u.join(i, j);
                }
                companies.entry(head).or_insert(i);
            }
            if let Some(a) = acronym(key.split(' ')) {
                if let Some(&j) = short_forms.get(a.as_str()) {
                    u.join(i, j);
                }
                acronyms.entry(a).or_insert(i);
            }
            if person {
                let last = &key[name.last_start..];
                // A lone last name seen before the full name joins it.
                if let Some(j) = lone.remove(last) {
                    u.join(i, j);
                }
                for (map, word) in [(&mut last_names, last), (&mut first_names, head)] {
                    let full = map.entry(word).or_default();
                    let root = u.find(i);
                    if full.len() < MAX_NAMESAKES && !full.iter().any(|&j| u.find(j) == root) {
                        full.push(i);
                    }
                }
            }
        }
    }
    // Number the groups in order of first mention.
    let mut id_of_root: Vec<Option<usize>> = vec![None; n];
    let mut groups: Vec<Group> = Vec::with_capacity(n);
    let mut best: Vec<(usize, usize, usize)> = Vec::with_capacity(n); // (words, chars, mention) of the fullest name
    for i in 0..n {
        let root = u.find(i);
        let id = *id_of_root[root].get_or_insert_with(|| {
            groups.push(Group {
                name: String::new(),
                label: entities[i].label,
                mentions: 0,
                role: None,
                organisation: None,
            });
            best.push((0, 0, i));
            groups.len() - 1
        });
        entities[i].group = Some(id);
        groups[id].mentions += 1;
        let fullness = (names[i].n_words, names[i].core.len());
        if fullness > (best[id].0, best[id].1) {
            best[id] = (fullness.0, fullness.1, i);
        }
    }
    for (id, g) in groups.iter_mut().enumerate() {
        g.name = names[best[id].2].core.slice(seg.text).to_string();
    }
    let votes: Vec<Vote> = entities
        .iter()
        .zip(&names)
        .map(|(e, name)| Vote {
            words: name.n_words,
            label: if name.person { EntityLabel::Per } else { e.label },
            titled: name.person && e.label != EntityLabel::Per,
        })
        .collect();
    let fullest: Vec<usize> = best.iter().map(|b| b.2).collect();
    super::consistency::settle(seg, entities, &mut groups, &votes, &fullest);
    groups
}

/// The title words stripped from the mention at `span` ("sen", "president"),
/// lower-cased; `words` is room for the mention's words, kept from one call
/// to the next.
pub fn titles_of<'t>(
    seg: &Segmented<'t>,
    span: Span,
    label: EntityLabel,
    words: &mut Vec<(&'t str, Span)>,
) -> Vec<String> {
    let cut = words_of(seg, span, label, words);
    words[..cut]
        .iter()
        .filter(|w| is_title(w.0))
        .map(|w| {
            let mut t = String::new();
            push_lower(&mut t, w.0);
            t
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The mentions as entities, each found after the one before it.
    fn entities_at(text: &str, mentions: &[(&str, EntityLabel)]) -> Vec<Entity> {
        let mut from = 0;
        mentions
            .iter()
            .map(|&(m, label)| {
                let at = from + text[from..].find(m).expect("mention in text");
                from = at + m.len();
                Entity { span: Span::new(at, at + m.len()), label, group: None }
            })
            .collect()
    }

    fn group(text: &str, mentions: &[(&str, EntityLabel)]) -> (Vec<Option<usize>>, Vec<Group>) {
        let seg = Segmented::new(text);
        let mut entities = entities_at(text, mentions);
        let groups = group_entities(&seg, &mut entities);
        (entities.iter().map(|e| e.group).collect(), groups)
    }

    use EntityLabel::{Loc, Misc, Org, Per};

    #[test]
    fn titles_are_sorted_lower_case_and_found_in_any_case() {
        assert!(TITLES.windows(2).all(|w| w[0] < w[1]));
        assert!(TITLES.iter().all(|t| t.bytes().all(|b| b.is_ascii_lowercase() || b == b'-')));
        assert_eq!(TITLES.iter().map(|t| t.len()).max(), Some(LONGEST_TITLE));
        assert!(TITLE_KEYS.windows(2).all(|k| k[0] < k[1]));
        for w in ["a", "Mr", "PRESIDENT-ELECT", "Sen", "\u{c9}mir", "abcdefghijklmno"] {
            assert_eq!(title_key(w.as_bytes()), hash::packed(w.as_bytes(), true), "{w}");
        }
        assert!(TITLES.iter().all(|t| is_title(t) && is_title(&t.to_uppercase())));
        for w in ["Mr", "MR.", "sen.", "President-Elect", "Justices", "The", "St."] {
            assert!(is_title(w), "{w}");
        }
        for w in ["", ".", "Mark", "Presidents-elect", "Mr\u{e9}", "\u{c9}mir", "Ms..x"] {
            assert!(!is_title(w), "{w}");
        }
        assert!(
            is_person_title("Sen.") && !is_person_title("The") && !is_person_title("ST.") && !is_person_title("Del")
        );
    }

    #[test]
    fn titles_come_off_the_front_of_people_and_before_full_names_inside_others() {
        let text = "Sen. Dr. Ann Lee met Nato Secretary General Mark Rutte and Friends of President Lee, and Mr Smith.";
        let seg = Segmented::new(text);
        let titles_of = |span, label| titles_of(&seg, span, label, &mut Vec::new());
        let at = |m: &str| {
            let a = text.find(m).unwrap();
            Span::new(a, a + m.len())
        };
        assert_eq!(titles_of(at("Sen. Dr. Ann Lee"), Per), ["sen", "dr"]);
        assert_eq!(titles_of(at("Nato Secretary General Mark Rutte"), Org), ["secretary", "general"]);
        assert!(titles_of(at("Friends of President Lee"), Org).is_empty());
        assert!(titles_of(at("Mr Smith"), Org).is_empty());
        assert_eq!(titles_of(at("Mr Smith"), Per), ["mr"]);
    }

    #[test]
    fn people_by_last_name_and_title() {
        let (ids, groups) = group(
            "Mark Rutte spoke. Mr Rutte left. Rutte's aide met Anna Rutte-Smit.",
            &[("Mark Rutte", Per), ("Mr Rutte", Per), ("Rutte", Per), ("Anna Rutte-Smit", Per)],
        );
        assert_eq!(ids, [Some(0), Some(0), Some(0), Some(1)]);
        assert_eq!(groups[0].name, "Mark Rutte");
        assert_eq!(groups[0].mentions, 3);
    }

    #[test]
    fn acronyms_and_case() {
        let (ids, groups) = group(
            "The European Union and Nato. The EU and NATO and the North Atlantic Treaty Organization.",
            &[
                ("European Union", Org),
                ("Nato", Org),
                ("EU", Org),
                ("NATO", Org),
                ("North Atlantic Treaty Organization", Org),
            ],
        );
        assert_eq!(ids, [Some(0), Some(1), Some(0), Some(1), Some(1)]);
        assert_eq!(groups[1].name, "North Atlantic Treaty Organization");
        assert_eq!(groups[1].label, Org);
    }

    #[test]
    fn shared_last_names_go_to_the_most_mentioned_full_name() {
        let (ids, _) = group(
            "Hillary Clinton met Bill Clinton. Clinton said no. Chelsea Clinton came.",
            &[("Hillary Clinton", Per), ("Bill Clinton", Per), ("Clinton", Per), ("Chelsea Clinton", Per)],
        );
        assert_eq!(ids, [Some(0), Some(1), Some(0), Some(2)]);
    }

    #[test]
    fn last_name_before_the_full_name_and_unique_first_names() {
        let (ids, groups) = group(
            "Rutte warns. Mark Rutte said so, and Mark agreed.",
            &[("Rutte", Per), ("Mark Rutte", Per), ("Mark", Per)],
        );
        assert_eq!(ids, [Some(0), Some(0), Some(0)]);
        assert_eq!(groups[0].name, "Mark Rutte");
    }

    #[test]
    fn titles_inside_a_mention_mark_a_person_but_not_a_company() {
        let (ids, groups) = group(
            "Nato Secretary General Mark Rutte spoke. Rutte left. General Motors and the European Union. The EU.",
            &[
                ("Nato Secretary General Mark Rutte", Org),
                ("Rutte", Per),
                ("General Motors", Org),
                ("the European Union", Org),
                ("The EU", Org),
            ],
        );
        assert_eq!(ids, [Some(0), Some(0), Some(1), Some(2), Some(2)]);
        assert_eq!((groups[0].name.as_str(), groups[0].label), ("Mark Rutte", Per));
        assert_eq!(groups[1].name, "General Motors");
        assert_eq!(groups[2].name, "European Union");
    }

    #[test]
    fn a_company_and_its_short_form_are_one_group_with_one_label() {
        let (ids, groups) = group(
            "Meta Platforms said so. Meta shares rose, and Samsung beat Samsung Electronics' rival in Georgia.",
            &[("Meta Platforms", Org), ("Meta", Per), ("Samsung", Org), ("Samsung Electronics", Org), ("Georgia", Loc)],
        );
        assert_eq!(ids, [Some(0), Some(0), Some(1), Some(1), Some(2)]);
        assert_eq!((groups[0].name.as_str(), groups[0].label), ("Meta Platforms", Org));
    }

    #[test]
    fn the_fullest_name_decides_and_short_mentions_follow() {
        let text = "Joe Biden spoke. Biden said no. Later Biden left for Warsaw, and in Washington George Washington was remembered.";
        let seg = Segmented::new(text);
        let mut entities = entities_at(
            text,
            &[
                ("Joe Biden", Per),
                ("Biden", Org),
                ("Biden", Misc),
                ("Warsaw", Loc),
                ("Washington", Loc),
                ("George Washington", Per),
            ],
        );
        let groups = group_entities(&seg, &mut entities);
        let labels: Vec<EntityLabel> = entities.iter().map(|e| e.label).collect();
        // The short mentions take the person's label; the place "Washington",
        // named before the person, stays a place of its own.
        assert_eq!(labels, [Per, Per, Per, Loc, Loc, Per]);
        assert_eq!(groups[0].label, Per);
        assert_eq!(entities[1].group, entities[0].group);
        assert_ne!(entities[4].group, entities[5].group);
    }

    #[test]
    fn labels_vote_and_places_stay_apart() {
        let (ids, groups) = group(
            "Kosovo and Serbia. Kosovo again, and Washington.",
            &[("Kosovo", Loc), ("Serbia", Loc), ("Kosovo", Misc), ("Washington", Loc)],
        );
        assert_eq!(ids, [Some(0), Some(1), Some(0), Some(2)]);
        assert_eq!(groups[0].label, Loc);
    }
}
