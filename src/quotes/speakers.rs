//! Who said each quotation. A quotation takes the attribution found in its
//! own sentence; failing that, the news conventions: the quotation it
//! continues, the speaker introduced by a colon, the other quotations and
//! the reported speech of its paragraph, the speaker of the paragraph
//! before. Speaker phrases then resolve to entity groups: names by their
//! words, pronouns to the nearest compatible person, descriptions ("the
//! Nato chief") to the person who was given that role.

use super::attribute::{Bounds, Direct, How, clause_subject, main_clause_start, subject_of};
use super::lexicon::{Gender, first_name_gender, is_determiner, is_function_word, pronoun_gender, title_gender};
use super::marks::Quoted;
use super::phrases::{Ctx, Np, NpKind, is_possessive};
use crate::document::{Entity, EntityLabel, Group, Speaker};
use crate::entities::groups::{is_title, titles_of};
use crate::entities::hash::WordMap;
use crate::span::Span;
use std::cell::OnceCell;

/// A quotation to attribute.
pub struct Item<'q> {
    pub quoted: &'q Quoted,
    pub bounds: Bounds,
    pub direct: Option<Direct>,
}

/// A speaker phrase with its cue, wherever it was found.
#[derive(Clone, Debug)]
struct Origin {
    subject: Np,
    apposition: Option<Span>,
    cue: Option<Span>,
}

/// Speech reported outside quotation marks: "Rutte said Nato would …".
struct Reported {
    /// The token of the speech verb.
    tok: usize,
    para: usize,
    origin: Origin,
}

/// Who a speaker phrase refers to.
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
enum Referent {
    Group(usize),
    /// A name or phrase that no entity group covers, keyed by its lower-cased text.
    Other(String),
}

/// What is known of each entity group as a possible speaker.
struct People {
    /// Mentions outside quotations, in text order: (token, group).
    events: Vec<(usize, usize)>,
    /// Whether a group names a person (label, title, or speaking by name).
    person: Vec<bool>,
    /// Whether a group has a fuller claim to be a person: several words, a title, or speaking.
    strong: Vec<bool>,
    gender: Vec<Option<Gender>>,
    /// Role words ("chief", "spokeswoman", "governor") -> groups given that role.
    roles: WordMap<String, Vec<usize>>,
    /// Last word of each group's name -> groups; made only when a name
    /// resolves by its last word.
    last_words: OnceCell<WordMap<String, Vec<usize>>>,
    /// Tokens in subject position: a speaker's phrase, or the name opening
    /// a sentence's main clause. Pronouns prefer antecedents found there.
    subject: Vec<bool>,
}

/// Attributes every item; returns the speaker and cue of each.
pub fn assign(
    ctx: &Ctx,
    entities: &[Entity],
    groups: &[Group],
    items: &[Item],
) -> Vec<(Option<Speaker>, Option<Span>)> {
    let reported = reported_speech(ctx);
    let origins = origins(ctx, entities, items, &reported);
    let people = People::new(ctx, entities, groups, items, &reported);
    // Every speaker phrase, of quotations and of reported speech, resolved in
    // text order: a resolved pronoun is a mention for the pronouns after it.
    let mut phrases: Vec<&Origin> = reported.iter().map(|r| &r.origin).chain(origins.iter().flatten()).collect();
    phrases.sort_by_key(|o| o.subject.toks.start);
    phrases.dedup_by_key(|o| o.subject.toks.start);
    let mut referent_at: WordMap<usize, Referent> = WordMap::default();
    let mut resolved_events: Vec<(usize, usize)> = Vec::new();
    let mut mentions_of: WordMap<Referent, Vec<Span>> = WordMap::default();
    // An unnamed person introduced as the subject of a speech verb ("a
    // neighbour, who asked not to be named, said"): a "she said" after it,
    // with no person named between, is theirs.
    let mut introduced: Option<(usize, Referent)> = None;
    // The name of a speaker no group covers: the phrase first resolved to it.
    let mut name_of: WordMap<Referent, String> = WordMap::default();
    for o in phrases {
        let mut r = people.resolve(ctx, groups, &o.subject, &resolved_events);
        let t = o.subject.toks.start;
        if o.subject.kind == NpKind::Pronoun
            && matches!(ctx.lower(t), "he" | "she")
            && let Some((d, referent)) = &introduced
            && ctx.para[*d] + 1 >= ctx.para[t]
            && !people.person_between(*d, t)
        {
            r = referent.clone();
        }
        if o.subject.kind == NpKind::Description && matches!(r, Referent::Other(_)) && introduces_someone(ctx, o) {
            introduced = Some((t, r.clone()));
        }
        if let Referent::Group(g) = r
            && o.subject.kind != NpKind::Name
        {
            resolved_events.push((o.subject.toks.start, g));
        }
        if let Referent::Other(_) = r {
            name_of.entry(r.clone()).or_insert_with(|| display_name(ctx, &o.subject));
        }
        let list = mentions_of.entry(r.clone()).or_default();
        list.push(o.subject.span);
        list.extend(o.apposition);
        referent_at.insert(o.subject.toks.start, r);
    }
    // Only the groups that speak a quotation have their mentions listed.
    let mut speaks = vec![false; groups.len()];
    for o in origins.iter().flatten() {
        if let Some(&Referent::Group(g)) = referent_at.get(&o.subject.toks.start) {
            speaks[g] = true;
        }
    }
    for e in entities {
        if let Some(g) = e.group.filter(|&g| speaks[g]) {
            mentions_of.entry(Referent::Group(g)).or_default().push(e.span);
        }
    }
    for list in mentions_of.values_mut() {
        list.sort();
        list.dedup();
    }
    origins
        .iter()
        .map(|o| {
            let Some(o) = o else { return (None, None) };
            let Some(r) = referent_at.get(&o.subject.toks.start) else { return (None, None) };
            let (name, group) = match r {
                Referent::Group(g) => (groups[*g].name.clone(), Some(*g)),
                Referent::Other(_) => (name_of.get(r).cloned().unwrap_or_else(|| display_name(ctx, &o.subject)), None),
            };
            let mentions = mentions_of
                .get(r)
                .map_or_else(|| vec![o.subject.span], |all| nearest_mentions(all, o.subject.span, MAX_MENTIONS));
            (Some(Speaker { name, mentions, group }), o.cue)
        })
        .collect()
}

/// "A neighbour", "one nurse at the hospital", "another witness": a
/// singular indefinite description of a person saying something. (A person
/// named after it, "A reporter asked Rutte", takes the pronouns back.)
fn introduces_someone(ctx: &Ctx, o: &Origin) -> bool {
    let np = &o.subject;
    let first = ctx.lower(np.toks.start);
    let head = ctx.lower(np.toks.end - 1);
    matches!(first, "a" | "an" | "one" | "another")
        && np.toks.len() >= 2
        && !super::lexicon::is_document_noun(head)
        && !is_company_noun(head)
        && !super::lexicon::is_speech_noun(head)
}

/// The most mentions listed for one quotation's speaker: the nearest ones.
/// Keeps the output linear in the text however often a speaker is named.
const MAX_MENTIONS: usize = 64;

/// Up to `k` spans of the sorted list `all` nearest to `at`, `at` itself
/// included when listed, in text order.
fn nearest_mentions(all: &[Span], at: Span, k: usize) -> Vec<Span> {
    if all.len() <= k {
        return all.to_vec();
    }
    let mid = all.partition_point(|s| *s < at);
    let (mut lo, mut hi) = (mid, mid);
    while hi - lo < k {
        let take_left = lo > 0
            && (hi >= all.len()
                || at.start - all[lo - 1].start.min(at.start) <= all[hi].start.saturating_sub(at.start));
        if take_left {
            lo -= 1;
        } else if hi < all.len() {
            hi += 1;
        } else {
            break;
        }
    }
    all[lo..hi].to_vec()
}

/// The phrase as a speaker's name: titles dropped from names ("Rep. Jim
/// Clyburn" → "Jim Clyburn"), other phrases as written.
fn display_name(ctx: &Ctx, np: &Np) -> String {
    let mut start = np.toks.start;
    if np.kind == NpKind::Name {
        while start + 1 < np.toks.end && is_title(ctx.word(start)) {
            start += 1;
        }
    }
    ctx.span(start..np.toks.end).slice(ctx.seg.text).to_string()
}

/// Every speech verb outside quotations with a subject, in text order.
fn reported_speech(ctx: &Ctx) -> Vec<Reported> {
    let mut out = Vec::new();
    for m in 0..ctx.len() {
        let Some(form) = ctx.cue_at(m) else { continue };
        let floor = ctx.sentence_start(m);
        let limit = ctx.sentence_end(m);
        if let Some((subject, apposition)) = subject_of(ctx, m, form, floor, limit) {
            let origin = Origin { subject, apposition, cue: Some(ctx.span(m..m + 1)) };
            out.push(Reported { tok: m, para: ctx.para[m], origin });
        }
    }
    out
}

/// The origin of each item's speaker: its own attribution, or one taken by
/// the paragraph conventions.
fn origins(ctx: &Ctx, entities: &[Entity], items: &[Item], reported: &[Reported]) -> Vec<Option<Origin>> {
    let mut out: Vec<Option<Origin>> = Vec::with_capacity(items.len());
    // Tokens of names tagged as people.
    let mut person_tok = vec![false; ctx.len()];
    let toks = &ctx.seg.tokens;
    for e in entities.iter().filter(|e| e.label == EntityLabel::Per) {
        let first = toks.partition_point(|t| t.span.end <= e.span.start);
        for slot in person_tok[first..].iter_mut().zip(&toks[first..]).take_while(|(_, t)| t.span.start < e.span.end) {
            *slot.0 = true;
        }
    }
    let para_first_tok = |p: usize| ctx.para.partition_point(|&x| x < p);
    let origin_of = |d: &Direct| Origin { subject: d.subject.clone(), apposition: d.apposition, cue: d.cue };
    // The nearest later quotation of the same paragraph attributed after its marks.
    let mut next_after = vec![None; items.len()];
    let mut cur: Option<usize> = None;
    for i in (0..items.len()).rev() {
        if cur.is_some_and(|j| items[j].quoted.para != items[i].quoted.para) {
            cur = None;
        }
        next_after[i] = cur;
        if items[i].direct.as_ref().is_some_and(|d| d.how == How::After) {
            cur = Some(i);
        }
    }
    let mut last_reported_in: WordMap<usize, usize> = WordMap::default();
    for (k, x) in reported.iter().enumerate() {
        last_reported_in.insert(x.para, k);
    }
    // The subject of the sentence floor..end when it names a person.
    let person_subject = |floor: usize, end: usize| {
        clause_subject(ctx, floor, end).filter(|np| match np.kind {
            NpKind::Name => np.toks.clone().any(|t| person_tok[t]),
            NpKind::Pronoun => matches!(ctx.lower(np.toks.start), "he" | "she"),
            NpKind::Description => false,
        })
    };
    let mut r = 0; // reported speech before the current item
    let mut last_open_ended: Option<usize> = None;
    let mut last_attributed: Option<usize> = None;
    for (i, item) in items.iter().enumerate() {
        let open_tok = item.bounds.before;
        while r < reported.len() && reported[r].tok < open_tok {
            r += 1;
        }
        let origin = item.direct.as_ref().map(origin_of).or_else(|| {
            let q = item.quoted;
            let para = q.para;
            // 0. Inside a sentence with no speech verb, the sentence's subject:
            //    Trump likened the refugees to a "vicious snake".
            //    Not a dateline ("DALLAS — "…"): a word stands between.
            let b = item.bounds;
            if b.before > b.floor
                && b.before < ctx.len()
                && let Some(subject) = clause_subject(ctx, b.floor, b.before)
                && (subject.toks.end..b.before).any(|k| ctx.is_word(k))
            {
                return Some(Origin { subject, apposition: None, cue: None });
            }
            // 1. It continues the open-ended quotation of the paragraph before.
            if q.continued
                && let Some(j) = last_open_ended
                && out[j].is_some()
            {
                return out[j].clone();
            }
            // 2. A colon just before: "McCrummen reports:", "Sanders made the
            //    following comment:" (also across a paragraph break).
            if open_tok > 0 && ctx.word(open_tok - 1) == ":" {
                let colon = open_tok - 1;
                let start = ctx.sentence_start(colon);
                if let Some(rep) = reported[..r].last().filter(|x| x.tok >= start) {
                    return Some(rep.origin.clone());
                }
                if let Some(subject) = clause_subject(ctx, start, colon) {
                    return Some(Origin { subject, apposition: None, cue: Some(ctx.span(colon..open_tok)) });
                }
            }
            // A paragraph of quotations signed with a dash at its end: "…" ― Ann Lee.
            if let Some(o) = signature(ctx, para, para_first_tok(para + 1)) {
                return Some(o);
            }
            // 3. Another quotation of the paragraph: the one before, else the one
            //    right after with its verb after it ("A." "B," she said).
            if let Some(j) = last_attributed.filter(|&j| items[j].quoted.para == para) {
                return out[j].clone();
            }
            if let Some(j) = next_after[i]
                && ctx.sentence[items[j].bounds.before.min(ctx.len() - 1)]
                    <= ctx.sentence[open_tok.min(ctx.len() - 1)] + 1
                && let Some(d) = &items[j].direct
            {
                return Some(origin_of(d));
            }
            // 4. Reported speech earlier in the paragraph.
            if let Some(rep) = reported[..r].last().filter(|x| x.para == para) {
                return Some(rep.origin.clone());
            }
            // 4b. A quotation opening its sentence after one whose subject is a
            //     person: "Sanders named racism as a reason. "The younger …""
            if b.before == b.floor && b.floor > para_first_tok(para) {
                let floor = ctx.sentence_start(b.floor - 1).max(para_first_tok(para));
                if let Some(subject) = person_subject(floor, b.floor) {
                    return Some(Origin { subject, apposition: None, cue: None });
                }
            }
            // 5. A paragraph that opens with a quotation goes on with the speaker
            //    of the paragraph before.
            if open_tok == para_first_tok(para) && para > 0 {
                let prev_quote = last_attributed.filter(|&j| items[j].quoted.para + 1 == para);
                let prev_reported = last_reported_in.get(&(para - 1)).map(|&k| &reported[k]);
                return match (prev_quote, prev_reported) {
                    (Some(j), Some(rep)) if rep.tok > items[j].bounds.after => Some(rep.origin.clone()),
                    (Some(j), _) => out[j].clone(),
                    (None, Some(rep)) => Some(rep.origin.clone()),
                    (None, None) => {
                        // "Asked whether her side was ready, Marsh smiled." then
                        // "Ask me in August.": the person the paragraph before ends on.
                        let end = open_tok;
                        let floor = ctx.sentence_start(end - 1).max(para_first_tok(para - 1));
                        if let Some(subject) = person_subject(floor, end) {
                            return Some(Origin { subject, apposition: None, cue: None });
                        }
                        // An interviewer's question between two answers: "What keeps her going?"
                        let asks = ctx.word(end - 1) == "?" && !ctx.quoted[end - 1];
                        last_attributed
                            .filter(|&j| asks && items[j].quoted.para + 2 == para)
                            .and_then(|j| out[j].clone())
                    }
                };
            }
            None
        });
        if origin.is_some() {
            last_attributed = Some(i);
        }
        if item.quoted.open_ended {
            last_open_ended = Some(i);
        }
        out.push(origin);
    }
    out
}

/// "― Ann Lee" closing paragraph `para`, which ends before token `end`.
fn signature(ctx: &Ctx, para: usize, end: usize) -> Option<Origin> {
    let mut e = end;
    if e > 0 && ctx.word(e - 1) == "." {
        e -= 1;
    }
    let np = ctx.np_left(e, e.saturating_sub(6)).filter(|np| np.kind == NpKind::Name)?;
    let dash = np.toks.start.checked_sub(1)?;
    let signed = matches!(ctx.word(dash), "\u{2015}" | "\u{2014}" | "\u{2013}") && ctx.para[dash] == para;
    signed.then(|| Origin { subject: np, apposition: None, cue: Some(ctx.span(dash..dash + 1)) })
}

/// The name that opens a main clause at `p`, with whatever stands before it
/// in the subject: a possessive ("Meta's Mark Zuckerberg"), a title run
/// ("Riverside County Sheriff Chad Bianco", "Millbrook manager Gary Doyle"),
/// a determiner ("Her colleague Henrik Aas"). The tokens from `p` to the
/// end of the last name.
pub fn opening_subject(ctx: &Ctx, p: usize, end: usize) -> Option<std::ops::Range<usize>> {
    if p >= end || ctx.quoted[p] {
        return None;
    }
    let mut j = p;
    if is_determiner(ctx.lower(p)) {
        j += 1;
    }
    let mut name_end = None;
    let mut lower_run = 0;
    while j < end && j < p + 12 {
        let w = ctx.lower(j);
        if ctx.quoted[j] {
            break;
        }
        if ctx.is_name_word(j) {
            lower_run = 0;
            j += 1;
            if j >= end || !ctx.is_name_word(j) {
                name_end = Some(j);
            }
        } else if is_possessive(w) && j > p {
            j += 1;
        } else if ctx.is_word(j)
            && lower_run < 3
            && !is_function_word(w)
            && !is_determiner(w)
            && !w.ends_with("ed")
            && ctx.cue_at(j).is_none()
        {
            lower_run += 1;
            j += 1;
        } else {
            break;
        }
    }
    name_end.map(|e| p..e)
}

const WINDOW_PARAGRAPHS: usize = 3;

impl People {
    fn new(ctx: &Ctx, entities: &[Entity], groups: &[Group], items: &[Item], reported: &[Reported]) -> People {
        let n = groups.len();
        let mut person: Vec<bool> = groups.iter().map(|g| g.label == EntityLabel::Per).collect();
        let mut strong = vec![false; n];
        let mut gender_votes = vec![[0usize; 2]; n];
        let mut roles: WordMap<String, Vec<usize>> = WordMap::default();
        let mut events = Vec::with_capacity(entities.len());
        let tok_of = |byte: usize| ctx.seg.tokens.partition_point(|t| t.span.end <= byte);
        let mut words = Vec::new();
        for e in entities {
            let Some(g) = e.group else { continue };
            let t = tok_of(e.span.start);
            if t >= ctx.len() || ctx.quoted[t] {
                continue;
            }
            events.push((t, g));
            let mut titles = titles_of(ctx.seg, e.span, e.label, &mut words);
            if t > 0 && !ctx.quoted[t - 1] && is_title(ctx.word(t - 1)) {
                // "President Obama" where the name alone was tagged.
                titles.push(ctx.lower(t - 1).trim_end_matches('.').to_string());
            }
            // A person named in two words or more (the name read only for a person).
            let full_name = || groups[g].name.split_whitespace().nth(1).is_some();
            if !titles.is_empty() && titles.iter().any(|w| w != "the") || person[g] && full_name() {
                strong[g] = true;
            }
            if titles.iter().any(|w| w != "the" && w != "st") {
                person[g] = true;
            }
            for w in &titles {
                if let Some(gd) = title_gender(w) {
                    gender_votes[g][usize::from(gd == Gender::Female)] += 3;
                }
                add_role(&mut roles, w, g);
            }
            if e.label != EntityLabel::Per && !person[g] {
                continue;
            }
            // Role words just before the name ("Nato chief Mark Rutte").
            let mut k = t;
            while k > 0 && t - k < 3 {
                let p = k - 1;
                let w = ctx.lower(p);
                if ctx.quoted[p]
                    || !ctx.word(p).chars().any(char::is_alphabetic)
                    || is_determiner(w)
                    || is_function_word(w)
                {
                    break;
                }
                add_role(&mut roles, w, g);
                k = p;
            }
            // An apposition after it: "Rutte, the Nato chief,".
            let end = ctx.seg.tokens.partition_point(|t| t.span.end <= e.span.end) + 1;
            if end + 1 < ctx.len() && ctx.word(end) == "," && is_determiner(ctx.lower(end + 1)) {
                for k in (end + 2..ctx.len()).take(8) {
                    let w = ctx.lower(k);
                    if ctx.quoted[k] || !ctx.word(k).chars().any(char::is_alphabetic) || is_function_word(w) {
                        break;
                    }
                    add_role(&mut roles, w, g);
                }
            }
        }
        // Speaking by name makes a person of a group (or an organisation that speaks).
        let entity_groups: Vec<(Span, usize)> = entities.iter().filter_map(|e| e.group.map(|g| (e.span, g))).collect();
        let subjects = items
            .iter()
            .filter_map(|it| it.direct.as_ref().map(|d| (&d.subject, d.apposition)))
            .chain(reported.iter().map(|r| (&r.origin.subject, r.origin.apposition)));
        for (np, apposition) in subjects {
            if np.kind != NpKind::Name {
                continue;
            }
            let k = entity_groups.partition_point(|(s, _)| s.end <= np.span.start);
            for &(s, g) in entity_groups[k..].iter().take_while(|(s, _)| s.start < np.span.end) {
                if s.overlaps(np.span) {
                    person[g] |= groups[g].label != EntityLabel::Org;
                    strong[g] |= person[g];
                    if let Some(a) = apposition {
                        let first = tok_of(a.start);
                        for i in (first..ctx.len()).take_while(|&i| ctx.seg.tokens[i].span.end <= a.end) {
                            if !is_determiner(ctx.lower(i)) && !is_function_word(ctx.lower(i)) {
                                add_role(&mut roles, ctx.lower(i), g);
                            }
                        }
                    }
                }
            }
        }
        // Gender from pronouns: a sentence naming exactly one person, and the
        // he/she pronouns of that sentence and the next.
        let mut e = 0;
        let sentences = &ctx.seg.sentences;
        let mut named: Vec<Option<usize>> = vec![None; sentences.len()];
        let mut several = vec![false; sentences.len()];
        while e < events.len() {
            let (t, g) = events[e];
            e += 1;
            if !person[g] {
                continue;
            }
            let s = ctx.sentence[t];
            match named[s] {
                None => named[s] = Some(g),
                Some(h) if h != g => several[s] = true,
                _ => {}
            }
        }
        let mut pronouns = vec![[0usize; 2]; sentences.len()];
        for i in 0..ctx.len() {
            if !ctx.quoted[i]
                && let Some(gd) = pronoun_gender(ctx.lower(i))
            {
                pronouns[ctx.sentence[i]][usize::from(gd == Gender::Female)] += 1;
            }
        }
        for s in 0..sentences.len() {
            let Some(g) = named[s].filter(|_| !several[s]) else { continue };
            let mut votes = pronouns[s];
            if s + 1 < sentences.len() && named[s + 1].is_none() {
                votes[0] += pronouns[s + 1][0];
                votes[1] += pronouns[s + 1][1];
            }
            if votes[0] > 0 && votes[1] == 0 {
                gender_votes[g][0] += 1;
            } else if votes[1] > 0 && votes[0] == 0 {
                gender_votes[g][1] += 1;
            }
        }
        for (g, group) in groups.iter().enumerate() {
            let mut words = group.name.split_whitespace();
            if let (Some(first), Some(_)) = (words.next(), words.next())
                && let Some(gd) = first_name_gender(&first.to_lowercase())
            {
                gender_votes[g][usize::from(gd == Gender::Female)] += 2;
            }
        }
        for (g, v) in gender_votes.iter().enumerate() {
            // Referred to as "he" or "she" again and again: a person.
            if v[0] + v[1] >= 2 && groups[g].label != EntityLabel::Org {
                person[g] = true;
            }
        }
        let gender = gender_votes
            .iter()
            .map(|v| match v[0].cmp(&v[1]) {
                std::cmp::Ordering::Greater => Some(Gender::Male),
                std::cmp::Ordering::Less => Some(Gender::Female),
                std::cmp::Ordering::Equal => None,
            })
            .collect();
        let mut subject = vec![false; ctx.len()];
        let phrases = items
            .iter()
            .filter_map(|it| it.direct.as_ref().map(|d| &d.subject))
            .chain(reported.iter().map(|r| &r.origin.subject));
        for np in phrases {
            subject[np.toks.clone()].iter_mut().for_each(|s| *s = true);
        }
        for sentence in &ctx.seg.sentences {
            let r = sentence.tokens.clone();
            let p = main_clause_start(ctx, r.start, r.end);
            if let Some(toks) = opening_subject(ctx, p, r.end) {
                subject[toks].iter_mut().for_each(|s| *s = true);
            }
        }
        People { events, person, strong, gender, roles, last_words: OnceCell::new(), subject }
    }

    fn resolve(&self, ctx: &Ctx, groups: &[Group], np: &Np, resolved: &[(usize, usize)]) -> Referent {
        let other = || Referent::Other(np.span.slice(ctx.seg.text).to_lowercase());
        match np.kind {
            NpKind::Name => self
                .resolve_name(ctx, groups, np)
                .unwrap_or_else(|| Referent::Other(display_name(ctx, np).to_lowercase())),
            NpKind::Pronoun => {
                let w = ctx.lower(np.toks.start);
                let found = match w {
                    "he" | "she" => self.nearest(ctx, np.toks.start, resolved, |g| {
                        self.person[g] && self.gender[g].is_none_or(|gd| Some(gd) == pronoun_gender(w))
                    }),
                    "it" | "they" | "which" => self.nearest(ctx, np.toks.start, resolved, |g| {
                        groups[g].label == EntityLabel::Org && !self.person[g]
                    }),
                    _ => None,
                };
                found.map_or_else(other, Referent::Group)
            }
            NpKind::Description => self
                .resolve_description(ctx, np)
                .or_else(|| self.resolve_organisation(ctx, groups, np, resolved))
                .map_or_else(other, Referent::Group),
        }
    }

    /// A name: the group of an entity it overlaps (the last one: "Nato chief
    /// Mark Rutte" is Rutte), else a group whose name ends with its last word.
    fn resolve_name(&self, ctx: &Ctx, groups: &[Group], np: &Np) -> Option<Referent> {
        // The last person among them ("Analyst Priya Shah of Peel Hunt" is
        // Shah), else the last group.
        let k = self.events.partition_point(|&(t, _)| t < np.toks.start);
        let inside = || self.events[k..].iter().take_while(|&&(t, _)| t < np.toks.end);
        if let Some(&(_, g)) = inside().filter(|&&(_, g)| self.person[g]).last().or_else(|| inside().last()) {
            return Some(Referent::Group(g));
        }
        let last = ctx.lower(np.toks.end - 1).trim_matches('.').to_string();
        let last_words = self.last_words.get_or_init(|| {
            let mut last_words: WordMap<String, Vec<usize>> = WordMap::default();
            for (g, group) in groups.iter().enumerate() {
                if let Some(w) = group.name.split_whitespace().last() {
                    last_words.entry(w.trim_matches('.').to_lowercase()).or_default().push(g);
                }
            }
            last_words
        });
        let candidates = last_words.get(&last)?;
        candidates
            .iter()
            .copied()
            .max_by_key(|&g| (self.person[g], groups[g].mentions, std::cmp::Reverse(g)))
            .map(Referent::Group)
    }

    /// The nearest group mentioned before token `at` (within a few
    /// paragraphs, outside quotations) that `fits`; a fuller candidate wins
    /// over a bare one found nearer.
    fn nearest(
        &self,
        ctx: &Ctx,
        at: usize,
        resolved: &[(usize, usize)],
        fits: impl Fn(usize) -> bool,
    ) -> Option<usize> {
        let para = ctx.para[at];
        let in_window = |t: usize| ctx.para[t] + WINDOW_PARAGRAPHS >= para;
        let mut a = self.events.partition_point(|&(t, _)| t < at);
        let mut b = resolved.partition_point(|&(t, _)| t < at);
        let mut first_fit = None;
        let mut first_strong = None;
        let mut seen = 0;
        while seen < 40 {
            // Merge the two lists backwards by position.
            let ea = a.checked_sub(1).map(|i| self.events[i]);
            let eb = b.checked_sub(1).map(|i| resolved[i]);
            let (t, g) = match (ea, eb) {
                (Some(x), Some(y)) if x.0 >= y.0 => {
                    a -= 1;
                    x
                }
                (Some(x), None) => {
                    a -= 1;
                    x
                }
                (_, Some(y)) => {
                    b -= 1;
                    y
                }
                (None, None) => break,
            };
            if !in_window(t) {
                break;
            }
            seen += 1;
            if fits(g) {
                // Subjects first (the centre of the discourse), then fuller
                // names, then whatever fits.
                if self.strong[g] && self.subject[t] {
                    return Some(g);
                }
                if self.strong[g] {
                    first_strong.get_or_insert(g);
                }
                first_fit.get_or_insert(g);
            }
        }
        first_strong.or(first_fit)
    }

    /// Whether a person is mentioned (outside quotations) after token
    /// `from` and before token `to`.
    fn person_between(&self, from: usize, to: usize) -> bool {
        let a = self.events.partition_point(|&(t, _)| t <= from);
        self.events[a..].iter().take(64).take_while(|&&(t, _)| t < to).any(|&(_, g)| self.person[g])
    }

    /// "the company" → the nearest organisation named before it.
    fn resolve_organisation(&self, ctx: &Ctx, groups: &[Group], np: &Np, resolved: &[(usize, usize)]) -> Option<usize> {
        let definite = np.toks.len() == 2 && ctx.lower(np.toks.start) == "the";
        if !definite || !is_company_noun(ctx.lower(np.toks.end - 1)) {
            return None;
        }
        self.nearest(ctx, np.toks.start, resolved, |g| groups[g].label == EntityLabel::Org && !self.person[g])
    }

    /// "the Nato chief" → the nearest person given the role "chief" (and
    /// "Nato" if that tells people apart). Indefinite and plural phrases
    /// ("a spokeswoman", "officials") name somebody new.
    fn resolve_description(&self, ctx: &Ctx, np: &Np) -> Option<usize> {
        let first = ctx.lower(np.toks.start);
        if !matches!(first, "the" | "this" | "that") {
            return None;
        }
        let words: Vec<String> = np
            .toks
            .clone()
            .skip(1)
            .filter(|&i| ctx.word(i).chars().any(char::is_alphabetic) && !is_possessive(ctx.lower(i)))
            .map(|i| normalise_role(ctx.lower(i)))
            .collect();
        let head = words.last()?;
        let candidates = self.roles.get(head)?;
        let score = |g: usize| words.iter().filter(|w| self.roles.get(*w).is_some_and(|l| l.contains(&g))).count();
        let best = candidates.iter().map(|&g| score(g)).max()?;
        let best: Vec<usize> = candidates.iter().copied().filter(|&g| score(g) == best).collect();
        // The one mentioned last before the description.
        let k = self.events.partition_point(|&(t, _)| t < np.toks.start);
        self.events[..k]
            .iter()
            .rev()
            .take(200)
            .find(|(_, g)| best.contains(g))
            .map(|&(_, g)| g)
            .or(best.first().copied())
    }
}

/// Nouns that stand for a company already named ("the company said").
pub(super) fn is_company_noun(w: &str) -> bool {
    matches!(
        w,
        "company"
            | "firm"
            | "group"
            | "corporation"
            | "carmaker"
            | "automaker"
            | "retailer"
            | "chipmaker"
            | "startup"
            | "lender"
            | "bank"
            | "airline"
            | "insurer"
            | "publisher"
            | "broadcaster"
            | "conglomerate"
            | "manufacturer"
    )
}

fn add_role(roles: &mut WordMap<String, Vec<usize>>, word: &str, g: usize) {
    let list = roles.entry(normalise_role(word)).or_default();
    if !list.contains(&g) {
        list.push(g);
    }
}

/// Role words compare without their abbreviations: "Gov." is "governor".
fn normalise_role(w: &str) -> String {
    let w = w.trim_end_matches('.').to_lowercase();
    let full = match w.as_str() {
        "gov" => "governor",
        "sen" => "senator",
        "rep" => "representative",
        "gen" => "general",
        "pres" => "president",
        "sec" => "secretary",
        "amb" => "ambassador",
        "atty" => "attorney",
        "lt" => "lieutenant",
        "col" => "colonel",
        "capt" => "captain",
        "dr" => "doctor",
        "prof" => "professor",
        "spokesperson" | "spokesman" | "spokeswoman" => "spokesperson",
        "congressman" | "congresswoman" | "congressmember" => "representative",
        _ => return w,
    };
    full.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::Quote;
    use crate::entities::groups::group_entities;
    use crate::quotes::find_quotes;
    use crate::text::Segmented;

    /// Quotations of `text` with their speakers' names, entities tagged at
    /// every occurrence of `people` (PER) and `orgs` (ORG).
    fn speakers(text: &str, people: &[&str], orgs: &[&str]) -> Vec<(String, Option<String>)> {
        let seg = Segmented::new(text);
        let mut entities: Vec<Entity> = Vec::new();
        for (names, label) in [(people, EntityLabel::Per), (orgs, EntityLabel::Org)] {
            for name in names {
                for (at, _) in text.match_indices(name) {
                    let span = Span::new(at, at + name.len());
                    if !entities.iter().any(|e| e.span.overlaps(span)) {
                        entities.push(Entity { span, label, group: None });
                    }
                }
            }
        }
        entities.sort_by_key(|e| e.span);
        let groups = group_entities(&seg, &mut entities);
        let quotes: Vec<Quote> = find_quotes(&seg, &entities, &groups).quotes;
        quotes.iter().map(|q| (q.span.slice(text).to_string(), q.speaker.as_ref().map(|s| s.name.clone()))).collect()
    }

    fn names(got: &[(String, Option<String>)]) -> Vec<Option<&str>> {
        got.iter().map(|(_, s)| s.as_deref()).collect()
    }

    #[test]
    fn same_paragraph_and_next_paragraph() {
        let text = "\"One,\" Ann Lee said. \"Two.\"\n\n\"Three.\"\n\nThe weather turned.\n\n\"Four.\"";
        assert_eq!(
            names(&speakers(text, &["Ann Lee"], &[])),
            [Some("Ann Lee"), Some("Ann Lee"), Some("Ann Lee"), None]
        );
    }

    #[test]
    fn a_quotation_before_its_attributed_neighbour() {
        let text = "\"First.\" \"Second,\" said Ann Lee.";
        assert_eq!(names(&speakers(text, &["Ann Lee"], &[])), [Some("Ann Lee"), Some("Ann Lee")]);
    }

    #[test]
    fn pronouns_by_gender_and_organisations_by_it() {
        let text = "Anna Berg met Tom Reed.\n\n\"Fine,\" he said.\n\nThe Port Authority said it would wait. \"Later,\" it said.";
        let got = speakers(text, &["Anna Berg", "Tom Reed"], &["Port Authority"]);
        assert_eq!(names(&got), [Some("Tom Reed"), Some("Port Authority")]);
    }

    #[test]
    fn descriptions_by_role() {
        let text = "Spokeswoman Ann Lee met the press.\n\n\"No comment,\" the spokeswoman said.";
        assert_eq!(names(&speakers(text, &["Ann Lee"], &[])), [Some("Ann Lee")]);
        let text = "\"No comment,\" a spokeswoman said.";
        assert_eq!(names(&speakers(text, &[], &[])), [Some("a spokeswoman")]);
    }

    #[test]
    fn mentions_are_the_nearest_and_bounded() {
        let all: Vec<Span> = (0..100).map(|i| Span::new(i * 10, i * 10 + 5)).collect();
        let got = nearest_mentions(&all, Span::new(500, 505), 4);
        assert_eq!(got.len(), 4);
        assert!(got.contains(&Span::new(500, 505)));
        assert!(got.iter().all(|s| s.start >= 480 && s.start <= 520));
        assert_eq!(nearest_mentions(&all[..3], Span::new(0, 5), 4).len(), 3);
    }

    #[test]
    fn role_words_lose_their_abbreviations() {
        assert_eq!(normalise_role("Gov."), "governor");
        assert_eq!(normalise_role("spokeswoman"), "spokesperson");
        assert_eq!(normalise_role("chief"), "chief");
    }
}
