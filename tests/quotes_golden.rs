//! Golden cases for quotations and their speakers, read from
//! `tests/quotes/golden.txt` (entities given, so the cases test the quote
//! layer alone), and pathological inputs whose results are checked exactly.
//! All golden failures are reported together.

use article_annotator::document::{Entity, EntityLabel, MarkedKind};
use article_annotator::entities::groups::group_entities;
use article_annotator::quotes::find_quotes;
use article_annotator::text::Segmented;
use article_annotator::{Annotator, Options, Span};

const GOLDEN: &str = include_str!("quotes/golden.txt");

struct Case {
    name: String,
    entities: Vec<(String, EntityLabel)>,
    text: String,
    expect: Vec<String>,
}

fn parse(golden: &str) -> Vec<Case> {
    let mut cases = Vec::new();
    let mut lines = golden.lines().peekable();
    while let Some(line) = lines.next() {
        let Some(name) = line.strip_prefix("## ") else { continue };
        let ents = lines.next().and_then(|l| l.strip_prefix("entities:")).unwrap_or_else(|| panic!("{name}: entities"));
        let entities = ents
            .split(';')
            .map(str::trim)
            .filter(|e| !e.is_empty())
            .map(|e| {
                let (n, l) = e.rsplit_once('=').unwrap_or_else(|| panic!("{name}: entity {e:?} has no label"));
                (n.to_string(), EntityLabel::parse(l).unwrap_or_else(|| panic!("{name}: label {l:?}")))
            })
            .collect();
        assert_eq!(lines.next(), Some("text:"), "{name}: text");
        let mut text = Vec::new();
        for l in lines.by_ref() {
            if l == "expect:" {
                break;
            }
            text.push(l);
        }
        let mut expect = Vec::new();
        while let Some(l) = lines.peek() {
            if l.starts_with("## ") {
                break;
            }
            // A line opening with "# " between cases is a comment.
            if !l.trim().is_empty() && !l.starts_with("# ") {
                expect.push(l.to_string());
            }
            lines.next();
        }
        cases.push(Case { name: name.to_string(), entities, text: text.join("\n"), expect });
    }
    cases
}

/// Every occurrence of each name as an entity, longer names first, no overlaps.
fn tag(text: &str, names: &[(String, EntityLabel)]) -> Vec<Entity> {
    let mut sorted: Vec<&(String, EntityLabel)> = names.iter().collect();
    sorted.sort_by_key(|(n, _)| std::cmp::Reverse(n.len()));
    let mut out: Vec<Entity> = Vec::new();
    for (name, label) in sorted {
        for (at, _) in text.match_indices(name.as_str()) {
            let span = Span::new(at, at + name.len());
            if !out.iter().any(|e| e.span.overlaps(span)) {
                out.push(Entity { span, label: *label, group: None });
            }
        }
    }
    out.sort_by_key(|e| e.span);
    out
}

fn run(case: &Case) -> Vec<String> {
    let text = case.text.as_str();
    let seg = Segmented::new(text);
    let mut entities = tag(text, &case.entities);
    let groups = group_entities(&seg, &mut entities);
    let found = find_quotes(&seg, &entities, &groups);
    let mut got: Vec<(Span, String)> = found
        .quotes
        .iter()
        .map(|q| {
            let speaker = q.speaker.as_ref().map_or("-", |s| s.name.as_str());
            for m in q.speaker.iter().flat_map(|s| &s.mentions) {
                assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end), "{}: mention", case.name);
            }
            (q.span, format!("{} => {speaker}", q.span.slice(text)))
        })
        .collect();
    got.extend(found.marked.iter().map(|m| {
        let kind = match m.kind {
            MarkedKind::Scare => "scare",
            MarkedKind::Title => "title",
            MarkedKind::Nickname => "nickname",
        };
        (m.span, format!("{kind}: {}", m.span.slice(text)))
    }));
    got.sort();
    got.into_iter().map(|(_, s)| s).collect()
}

#[test]
fn golden_cases() {
    let cases = parse(GOLDEN);
    assert!(cases.len() >= 30, "only {} cases parsed", cases.len());
    let failures: Vec<String> = cases
        .iter()
        .filter_map(|case| {
            let got = run(case);
            (got != case.expect)
                .then(|| format!("## {}\n  expected {:?}\n  got      {:?}", case.name, case.expect, got))
        })
        .collect();
    assert!(failures.is_empty(), "{} of {} golden cases failed:\n{}", failures.len(), cases.len(), failures.join("\n"));
}

/// Fifty thousand opening marks that never close, then as many closing
/// marks with nothing open: nothing pairs across the paragraph, and the
/// pass stays linear (a quadratic one would not finish in test time).
#[test]
fn fifty_thousand_unbalanced_marks() {
    let text = "\u{201C}a ".repeat(50_000) + "\n\n" + &"b\u{201D} ".repeat(50_000);
    let seg = Segmented::new(&text);
    let found = find_quotes(&seg, &[], &[]);
    // Each opening mark inside an open quotation ends the one before it
    // (flat reading): 49 999 one-word spans, the last mark left open is
    // dropped at the paragraph end, and no closing mark finds a partner.
    assert_eq!(found.quotes.len() + found.marked.len(), 49_999);
    assert!(found.quotes.iter().chain(found.marked.iter().map(|_| &found.quotes[0])).count() > 0);
    assert!(found.marked.iter().all(|m| m.span.slice(&text) == "a"));
    assert!(found.quotes.iter().all(|q| q.span.slice(&text) == "a"));
}

/// Straight marks all the way: they alternate open and close, so every
/// second gap is a quotation; unbalanced single marks nest inside and are
/// never paired with apostrophes.
#[test]
fn long_runs_of_straight_and_single_marks() {
    let text = "\" x ".repeat(20_001) + &"\u{2018}y ".repeat(20_000);
    let seg = Segmented::new(&text);
    let found = find_quotes(&seg, &[], &[]);
    assert_eq!(found.quotes.len() + found.marked.len(), 10_000);
    let long = "It\u{2019}s Ann\u{2019}s and the players\u{2019} ".repeat(30_000);
    let found = find_quotes(&Segmented::new(&long), &[], &[]);
    assert!(found.quotes.is_empty() && found.marked.is_empty());
}

/// Through the whole annotator, a quotation's speaker points into the
/// entity groups and its cue at the speech verb.
#[test]
fn speakers_carry_groups_and_cues() {
    let text = "Mark Rutte met the ministers. \u{201C}We are ready,\u{201D} Rutte said.";
    let doc = Annotator::new().unwrap().annotate(text, &Options::default()).unwrap();
    let q = &doc.quotes[0];
    assert_eq!(q.cue.map(|c| c.slice(text)), Some("said"));
    let speaker = q.speaker.as_ref().expect("a speaker");
    let g = speaker.group.expect("a group");
    assert_eq!(doc.groups[g].name, "Mark Rutte");
    assert_eq!(speaker.name, "Mark Rutte");
    assert!(speaker.mentions.iter().any(|m| m.slice(text) == "Rutte"));
    assert!(doc.entities.iter().filter(|e| e.group == Some(g)).count() >= 2);
}

/// Through the whole annotator, a quoted person's group carries the role
/// and organisation the article gives them; people who are not quoted and
/// organisations carry none.
#[test]
fn quoted_people_carry_their_roles() {
    let text = "Microsoft chief executive Satya Nadella spoke on Wednesday. \u{201C}Costs are falling,\u{201D} \
                Nadella said.\n\nLisa Chen, a semiconductor analyst at Bernstein, disagreed. \u{201C}Supply is \
                tight,\u{201D} she said. Chief executive Tom Reed of Acme did not comment.";
    let doc = Annotator::new().unwrap().annotate(text, &Options::default()).unwrap();
    let role_of = |name: &str| {
        let g = doc.groups.iter().find(|g| g.name == name).unwrap_or_else(|| panic!("no group {name}"));
        (g.role.as_deref(), g.organisation.as_deref())
    };
    assert_eq!(role_of("Satya Nadella"), (Some("chief executive"), Some("Microsoft")));
    assert_eq!(role_of("Lisa Chen"), (Some("semiconductor analyst"), Some("Bernstein")));
    assert_eq!(role_of("Tom Reed"), (None, None));
    assert!(doc.groups.iter().filter(|g| g.label != EntityLabel::Per).all(|g| g.role.is_none()));
}
