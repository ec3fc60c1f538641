//! Attribution inside a quotation's own sentence: the speech verb and its
//! subject next to the marks ("…," said Rutte / "…," Rutte said / Rutte
//! said: "…"), earlier in the sentence (Rutte said Nato would "not allow
//! …"), "according to", a closing dash ("…" ― Ann Lee), and a transcript
//! label opening the quotation ("PENCE: …").

use super::lexicon::VerbForm;
use super::phrases::{Ctx, Np, NpKind};
use crate::span::Span;

/// How many tokens a search for a speech verb walks in one sentence: keeps
/// the work per quotation bounded however long a sentence runs.
const MAX_REACH: usize = 120;

/// How a quotation's attribution was found.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum How {
    /// Verb and subject right after the closing mark.
    After,
    /// Verb and subject right before the opening mark, with a colon or comma.
    Before,
    /// A speech verb earlier in the sentence (a mixed quotation).
    Mixed,
    /// "according to X".
    According,
    /// A dash and a name after the closing mark.
    Dash,
    /// "NAME:" opening the quotation, as in transcripts.
    Label,
}

/// A speaker phrase and the cue that ties it to a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Direct {
    pub subject: Np,
    /// An apposition describing the subject (", the Nato chief,").
    pub apposition: Option<Span>,
    pub cue: Option<Span>,
    pub how: How,
}

/// Token bounds of one quotation within the text.
#[derive(Clone, Copy, Debug)]
pub struct Bounds {
    /// First token after the closing mark (or after the content).
    pub after: usize,
    /// End (exclusive) of the tokens before the opening mark.
    pub before: usize,
    /// First token of the content.
    pub content: usize,
    /// Leftmost token the attribution may use.
    pub floor: usize,
    /// End (exclusive) of the tokens the attribution may use after the quotation.
    pub limit: usize,
}

/// Looks for the quotation's attribution in its own sentence.
pub fn find_direct(ctx: &Ctx, b: Bounds) -> Option<Direct> {
    label(ctx, b)
        .or_else(|| after(ctx, b))
        .or_else(|| before(ctx, b))
        .or_else(|| mixed(ctx, b))
        .or_else(|| tail(ctx, b))
        .or_else(|| according_after(ctx, b))
}

fn is_dash(w: &str) -> bool {
    matches!(w, "\u{2014}" | "\u{2013}" | "\u{2015}" | "-" | "--")
}

fn direct(subject: Np, apposition: Option<Span>, cue: Option<Span>, how: How) -> Direct {
    Direct { subject, apposition, cue, how }
}

/// "WALLACE: …": a name in capitals and a colon opening the quotation.
fn label(ctx: &Ctx, b: Bounds) -> Option<Direct> {
    let i = b.content;
    let mut j = i;
    while j < ctx.len() && j < i + 3 && is_caps_name(ctx.word(j)) {
        j += 1;
    }
    if j == i || j >= ctx.len() || ctx.word(j) != ":" {
        return None;
    }
    let subject = Np { toks: i..j, span: ctx.span(i..j), kind: NpKind::Name };
    Some(direct(subject, None, Some(ctx.span(j..j + 1)), How::Label))
}

fn is_caps_name(w: &str) -> bool {
    w.chars().count() >= 2
        && w.chars().all(|c| c.is_uppercase() || c == '.' || c == '\'')
        && w.chars().any(char::is_alphabetic)
}

/// Whether the closing mark also closes the sentence and a new one starts
/// after it ("… act." The minister left.), so that what follows is not an
/// attribution: news writes "… act," she said.
fn ends_sentence(ctx: &Ctx, b: Bounds) -> bool {
    if b.content == 0 || b.after >= ctx.len() {
        return true;
    }
    let last = b.after.saturating_sub(1);
    let closes = (b.content..b.after).rev().take(3).any(|k| matches!(ctx.word(k), "." | "..." | "\u{2026}"));
    closes && ctx.sentence_start(b.after) == b.after && ctx.sentence[last] != ctx.sentence[b.after]
}

/// `"…," said Rutte` · `"…," Rutte said` · `"…," White House press
/// secretary Josh Earnest said` · `"…" ― Ann Lee` · `"…," the letter reads`.
fn after(ctx: &Ctx, b: Bounds) -> Option<Direct> {
    let mut k = b.after;
    let mut dash = false;
    while k < b.limit && k < b.after + 2 {
        let w = ctx.word(k);
        if is_dash(w) {
            dash = true;
        } else if w != "," {
            break;
        }
        k += 1;
    }
    if k + 1 < b.limit && ctx.lower(k) == "as" && ctx.cue_at(k + 1).is_none() {
        k += 1; // "…," as a Homeland Security memo put it
    }
    if k >= b.limit {
        return None;
    }
    let new_sentence = ends_sentence(ctx, b);
    // "…," reads a sign on the door · "…," states the report.
    if !new_sentence
        && matches!(ctx.lower(k), "reads" | "read" | "states")
        && ctx.cue_at(k).is_none()
        && !ctx.quoted[k]
        && let Some(subject) = ctx.np_right(k + 1, b.limit).filter(|np| np.kind != NpKind::Pronoun)
    {
        return Some(direct(subject, None, Some(ctx.span(k..k + 1)), How::After));
    }
    if let Some(VerbForm::Finite) = ctx.cue_at(k) {
        let mut s = k + 1;
        while s < b.limit && super::lexicon::is_time_word(ctx.lower(s)) {
            s += 1;
        }
        let subject = ctx.np_right(s, b.limit)?;
        return Some(direct(subject, None, Some(ctx.span(k..k + 1)), How::After));
    }
    // "…" ― Ann Lee: a dash, a name, and the end of the line or sentence.
    if dash && let Some(np) = ctx.np_right(k, b.limit).filter(|np| np.kind == NpKind::Name) {
        let end = np.toks.end;
        let ends =
            end >= b.limit || matches!(ctx.word(end), "." | "," | ";") || ctx.seg.tokens[end].newlines_before > 0;
        if ends {
            return Some(direct(np, None, Some(ctx.span(k - 1..k)), How::Dash));
        }
    }
    if new_sentence {
        return None;
    }
    // The verb first, within a subject's reach; then its subject, read back
    // from the verb to where the tokens after the quotation begin.
    let mut v = k;
    let reach = (k + 28).min(b.limit);
    let mut parens = 0usize;
    while v < reach {
        let w = ctx.lower(v);
        match w {
            "(" => parens += 1,
            ")" => parens = parens.saturating_sub(1),
            _ if parens > 0 => {}
            _ => {
                let tail_verb = super::lexicon::is_tail_verb(w) && v > k
                    || super::lexicon::is_document_verb(w)
                        && ctx.np_right(k, v).is_some_and(|np| np.toks.end == v && np.kind == NpKind::Description);
                if ctx.cue_at(v) == Some(VerbForm::Finite) || tail_verb {
                    break;
                }
                let sentence_ends = v + 1 >= ctx.len() || ctx.sentence[v] != ctx.sentence[v + 1];
                let stops = matches!(w, ";" | ":") || sentence_ends || ctx.quoted[v] || is_np_stop(w);
                if stops {
                    return None;
                }
            }
        }
        v += 1;
    }
    if v >= reach || ctx.lower_at(v + 1).is_some_and(|w| matches!(w, "yes" | "no")) {
        return None; // none, or "Melanie said yes": the verb has its own object
    }
    // A subject phrase right at the marks, reaching the verb through
    // fillers and a prepositional phrase ("Mr. Morgan of the Sierra Club said").
    if let Some(np) = ctx.np_right(k, v)
        && ctx.skip_right_to_verb(np.toks.end, v + 1) == v
    {
        // "…," its director, Tom Ashby, said: the name in apposition speaks.
        let apposition = (np.toks.end < v && ctx.word(np.toks.end) == ",")
            .then(|| (np.toks.end + 1..v).find(|&c| matches!(ctx.word(c), "," | "\u{2014}")))
            .flatten()
            .map(|c| np.toks.end + 1..c);
        let (named, role) = named_apposition(ctx, np.clone(), apposition);
        if named.kind == NpKind::Name && np.kind != NpKind::Name {
            return Some(direct(named, role, Some(ctx.span(v..v + 1)), How::After));
        }
        return Some(direct(np, None, Some(ctx.span(v..v + 1)), How::After));
    }
    let (end, apposition) = ctx.skip_left_to_subject(v, k);
    let subject = ctx.np_left(end, k)?;
    // Whatever stands between the marks and the subject must be part of it:
    // titles and roles ("White House press secretary Josh Earnest").
    let gap_ok = (k..subject.toks.start).all(|i| {
        ctx.is_name_word(i)
            || i > k && !ctx.seg.tokens[i].space_before // inside a word: "FranÃ§ois"
            || !super::lexicon::is_function_word(ctx.lower(i)) && ctx.word(i).chars().all(char::is_alphanumeric)
    });
    if !gap_ok {
        return None;
    }
    let (subject, apposition) = named_apposition(ctx, subject, apposition);
    Some(direct(subject, apposition, Some(ctx.span(v..v + 1)), How::After))
}

/// Words that end the search for a verb after a quotation: clause openers
/// and verbs that are not speech ("… is what he said" is not "he said").
fn is_np_stop(w: &str) -> bool {
    matches!(
        w,
        "is" | "was"
            | "are"
            | "were"
            | "be"
            | "that"
            | "but"
            | "because"
            | "if"
            | "when"
            | "while"
            | "so"
            | "than"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "not"
            | "to"
            | "as"
    )
}

/// `Rutte said: "…"` · `Rutte told reporters on Friday, "…"` · `According to Rutte, "…"`.
fn before(ctx: &Ctx, b: Bounds) -> Option<Direct> {
    let e = b.before;
    if e <= b.floor || !matches!(ctx.word(e - 1), ":" | ",") {
        return None;
    }
    let punct = e - 1;
    let from = punct.saturating_sub(12).max(b.floor);
    for m in (from..punct).rev() {
        if ctx.quoted[m] || matches!(ctx.word(m), ";") {
            break;
        }
        if ctx.lower(m) == "according" && ctx.lower_at(m + 1).is_some_and(|w| w == "to") {
            let subject = according_subject(ctx, m + 2, punct)?;
            return Some(direct(subject, None, Some(ctx.span(m..m + 2)), How::According));
        }
        // "The email reads: "…"": a document's verb right before the colon.
        let form = ctx.cue_at(m).or_else(|| {
            (m + 1 == punct && !ctx.quoted[m] && super::lexicon::is_document_verb(ctx.lower(m)))
                .then_some(VerbForm::Finite)
        });
        if let Some(form) = form
            && let Some((subject, apposition)) = subject_of(ctx, m, form, b.floor, punct)
        {
            return Some(direct(subject, apposition, Some(ctx.span(m..m + 1)), How::Before));
        }
    }
    // "Sanders: "…"": a name alone before a colon.
    if ctx.word(punct) == ":"
        && let Some(np) = ctx.np_left(punct, b.floor)
        && np.kind == NpKind::Name
        && np.toks.start == b.floor
    {
        return Some(direct(np, None, Some(ctx.span(punct..e)), How::Before));
    }
    None
}

/// A speech verb earlier in the sentence: `Rutte said Nato would "not allow
/// …"`, or a noun of speech with its possessor: `Trump's claim that "…"`.
fn mixed(ctx: &Ctx, b: Bounds) -> Option<Direct> {
    // The outermost attribution wins: in "Trump said Clinton once described
    // the deal as "the gold standard"" the report is Trump's.
    let from = b.before.saturating_sub(MAX_REACH).max(b.floor);
    let main = main_clause_start(ctx, b.floor, b.before);
    // "According to X, …" fronted: the attribution when the main clause has none.
    let fronted = (from..main.min(b.before)).find_map(|m| {
        (ctx.lower(m) == "according" && ctx.lower_at(m + 1).is_some_and(|w| w == "to"))
            .then(|| according_subject(ctx, m + 2, main))
            .flatten()
            .map(|subject| direct(subject, None, Some(ctx.span(m..m + 2)), How::According))
    });
    let from = if main < b.before { from.max(main) } else { from };
    let mut found = None;
    for m in (from..b.before).rev() {
        if ctx.quoted[m] {
            continue;
        }
        if ctx.word(m) == ";" {
            break;
        }
        // "X described her as a "disgrace" after she blamed it on "implicit
        // bias"": a speaker inside an adverbial clause keeps the words.
        if found.is_some() && matches!(ctx.lower(m), "after" | "because" | "when" | "while" | "before" | "although") {
            break;
        }
        if ctx.lower(m) == "according" && ctx.lower_at(m + 1).is_some_and(|w| w == "to") {
            if let Some(subject) = according_subject(ctx, m + 2, b.before) {
                found = Some(direct(subject, None, Some(ctx.span(m..m + 2)), How::According));
            }
            continue;
        }
        if let Some(form) = ctx.cue_at(m)
            && let Some((subject, apposition)) = subject_of(ctx, m, form, b.floor, b.before)
            && !is_bare_relative(ctx, &subject)
        {
            // "The residents described what they called "a wall of water"":
            // "they" is the subject of the main clause.
            let subject = if ctx.lower(subject.toks.start) == "they" {
                clause_subject(ctx, b.floor, subject.toks.start)
                    .filter(|np| np.kind != NpKind::Pronoun && np.toks.end < subject.toks.start)
                    .unwrap_or(subject)
            } else {
                subject
            };
            // "The bank denied what several lawmakers called "fraud"": the
            // word is theirs, whatever reports it.
            let what = m + 1 == b.before
                && subject.toks.start > b.floor
                && matches!(ctx.lower(subject.toks.start - 1), "what" | "which");
            found = Some(direct(subject, apposition, Some(ctx.span(m..m + 1)), How::Mixed));
            if what {
                break;
            }
            continue;
        }
        if m > b.floor + 1
            && super::lexicon::is_speech_noun(ctx.lower(m))
            && super::phrases::is_possessive(ctx.lower(m - 1))
            && let Some(owner) = ctx.np_left(m - 1, b.floor)
            && owner.kind == NpKind::Name
        {
            found = Some(direct(owner, None, Some(ctx.span(m..m + 1)), How::Mixed));
        }
    }
    found.or(fronted)
}

fn is_bare_relative(ctx: &Ctx, np: &Np) -> bool {
    np.kind == NpKind::Pronoun && matches!(ctx.lower(np.toks.start), "who" | "which")
}

/// Later in the sentence, set off by a comma: `A cashier who "steals" is
/// held accountable, Warren said.`
fn tail(ctx: &Ctx, b: Bounds) -> Option<Direct> {
    let mut m = b.after;
    let end = b.limit.min(b.after + MAX_REACH);
    while m < end {
        if ctx.quoted[m] {
            return None;
        }
        if ctx.word(m) == "," {
            let k = m + 1;
            if let Some(VerbForm::Finite) = ctx.cue_at(k)
                && let Some(subject) = ctx.np_right(k + 1, end)
            {
                return Some(direct(subject, None, Some(ctx.span(k..k + 1)), How::Mixed));
            }
            if let Some(subject) = ctx.np_right(k, end) {
                let v = ctx.skip_right_to_verb(subject.toks.end, end);
                let closes = v + 1 >= end || matches!(ctx.word(v + 1), "." | "," | ";");
                if ctx.cue_at(v) == Some(VerbForm::Finite) && closes {
                    return Some(direct(subject, None, Some(ctx.span(v..v + 1)), How::Mixed));
                }
            }
        }
        m += 1;
    }
    None
}

/// `"…," according to a Nato statement`.
fn according_after(ctx: &Ctx, b: Bounds) -> Option<Direct> {
    for m in (b.after..b.limit.saturating_sub(1)).take(MAX_REACH) {
        if ctx.quoted[m] {
            break;
        }
        if ctx.lower(m) == "according" && ctx.lower(m + 1) == "to" {
            let subject = according_subject(ctx, m + 2, b.limit)?;
            return Some(direct(subject, None, Some(ctx.span(m..m + 2)), How::According));
        }
    }
    None
}

/// The source after "according to": the phrase, or for a document the
/// organisation it comes from ("a statement from the ministry" is the
/// ministry's).
fn according_subject(ctx: &Ctx, start: usize, limit: usize) -> Option<Np> {
    let np = ctx.np_right(start, limit)?;
    Some(issuer(ctx, &np, limit).unwrap_or(np))
}

/// The organisation or person a document phrase names as its issuer: "a
/// statement from the Ministry of Health", "a report by Gartner".
fn issuer(ctx: &Ctx, np: &Np, limit: usize) -> Option<Np> {
    if np.kind != NpKind::Description || !super::lexicon::is_document_noun(ctx.lower(np.toks.end - 1)) {
        return None;
    }
    let mut k = np.toks.end;
    if k < limit && matches!(ctx.lower(k), "issued" | "released" | "published" | "posted" | "sent") {
        k += 1;
    }
    if k + 1 >= limit || !matches!(ctx.lower(k), "from" | "by" | "of") {
        return None;
    }
    ctx.np_right(k + 1, limit).filter(|o| o.kind != NpKind::Pronoun)
}

/// The subject of the speech verb at `m`: the phrase before it ("Rutte
/// said"), after it in a quotative inversion ("…, said Rutte"), the agent of
/// a passive ("was called … by X"), or for a participle the subject of its
/// clause ("Rutte left, saying …").
pub fn subject_of(ctx: &Ctx, m: usize, form: VerbForm, floor: usize, limit: usize) -> Option<(Np, Option<Span>)> {
    if form == VerbForm::Participle {
        return participle_subject(ctx, floor, m).map(|np| (np, None));
    }
    if m > floor && matches!(ctx.lower(m - 1), "been" | "was" | "were" | "is" | "are" | "be" | "being") {
        // The agent may follow the quotation itself: "was called "a fraud" by X".
        let end = ctx.sentence_end(m);
        let by = (m + 1..end).filter(|&k| !ctx.quoted[k]).take(8).find(|&k| ctx.lower(k) == "by")?;
        return ctx.np_right(by + 1, end).map(|np| (np, None));
    }
    let (end, apposition) = ctx.skip_left_to_subject(m, floor);
    if let Some(np) = ctx.np_left(end, floor) {
        let np = head_before_modifier(ctx, np, floor);
        let (np, relative) = resolve_relative(ctx, np, floor);
        let (np, apposition) = named_apposition(ctx, np, apposition);
        return Some((np, apposition.or(relative)));
    }
    // The second of two verbs with objects: "she attacked the police and
    // blamed the shootings on …": the subject of the first.
    if end == m && m > floor + 2 && ctx.lower(m - 1) == "and" {
        let first = (floor.max(m.saturating_sub(12))..m - 2).rev().find_map(|k| {
            let w = ctx.lower(k);
            if ctx.quoted[k] || matches!(w, "," | ";" | ":") {
                return Some(None);
            }
            let verb_follows = ctx.is_word(k + 1) && !ctx.is_name_word(k + 1) && ctx.lower(k + 1).ends_with("ed");
            (super::lexicon::is_subject_pronoun(w) && !matches!(w, "who" | "which") && verb_follows)
                .then(|| Some(ctx.np(k..k + 1, NpKind::Pronoun)))
        });
        if let Some(Some(np)) = first {
            return Some((np, None));
        }
    }
    // Inverted, only right after a comma, a colon or a quotation: "…, said Rutte".
    let inverts = end == m && (m == floor || matches!(ctx.word(m - 1), "," | ":") || ctx.quoted[m - 1]);
    if inverts {
        let mut s = m + 1;
        while s < limit && super::lexicon::is_time_word(ctx.lower(s)) {
            s += 1;
        }
        return ctx.np_right(s, limit).map(|np| (np, None));
    }
    None
}

/// "The Prime Minister, Keir Starmer, said": a role with the name in
/// apposition is said by the name; the role becomes the apposition.
fn named_apposition(ctx: &Ctx, np: Np, apposition: Option<std::ops::Range<usize>>) -> (Np, Option<Span>) {
    let Some(a) = apposition else { return (np, None) };
    // A role phrase: its head a role noun ("The shadow health secretary",
    // "its director"), the words before it determiners, titles, role nouns
    // or modifiers.
    let head = np.toks.end - 1;
    let role_only = np.kind != NpKind::Pronoun
        && (super::roles::is_role_noun(ctx.lower(head)) || crate::entities::groups::is_title(ctx.word(head)))
        && np.toks.clone().all(|i| {
            let w = ctx.lower(i);
            super::lexicon::is_determiner(w)
                || crate::entities::groups::is_title(ctx.word(i))
                || super::roles::is_role_noun(w)
                || i < head && ctx.is_word(i) && !super::lexicon::is_function_word(w)
        })
        && np.toks.clone().any(|i| super::roles::is_role_noun(ctx.lower(i)));
    match ctx.np_right(a.start, a.end) {
        Some(name) if role_only && name.kind == NpKind::Name && name.toks.end == a.end => (name, Some(np.span)),
        _ => (np, Some(ctx.span(a))),
    }
}

/// A phrase read back from a verb may be the object of a preposition that
/// modifies the subject: "the mayor of the city said", "a spokesman for the
/// ministry said", "Protesters marching through the streets chanted". The
/// subject is then the phrase before the preposition (and a participle).
fn head_before_modifier(ctx: &Ctx, np: Np, floor: usize) -> Np {
    // Twice at most: "Residents in the town of Marren said".
    let head = modified_head(ctx, np, floor);
    modified_head(ctx, head, floor)
}

fn modified_head(ctx: &Ctx, np: Np, floor: usize) -> Np {
    let mut s = np.toks.start;
    if np.kind == NpKind::Name {
        // "for the Harbour Authority", "the mayor of Springfield": in
        // "Secretary of State John Kerry" the name is the subject.
        let common_noun = |i: usize| {
            ctx.is_word(i)
                && !ctx.is_name_word(i)
                && !super::lexicon::is_function_word(ctx.lower(i))
                && !super::lexicon::is_determiner(ctx.lower(i))
        };
        if s > floor + 1 && super::lexicon::is_determiner(ctx.lower(s - 1)) {
            s -= 1;
        } else if !(s > floor + 2
            && matches!(ctx.lower(s - 1), "of" | "in" | "on" | "at" | "for" | "from" | "near" | "outside")
            && common_noun(s - 2))
        {
            return np;
        }
    }
    if np.kind == NpKind::Pronoun || s <= floor + 1 {
        return np;
    }
    let prep = ctx.lower(s - 1);
    if !matches!(prep, "of" | "for" | "at" | "in" | "from" | "with" | "on" | "through" | "across" | "near" | "outside")
    {
        return np;
    }
    let mut k = s - 1;
    if k > floor + 1 && ctx.lower(k - 1).ends_with("ing") && ctx.is_word(k - 1) && !ctx.is_name_word(k - 1) {
        k -= 1; // "marching through"
    }
    match ctx.np_left(k, floor) {
        // "a statement from the ministry said": the ministry speaks.
        Some(left) if matches!(prep, "from" | "by") && issuer(ctx, &left, np.toks.end).is_some() => np,
        Some(left) if left.kind != NpKind::Pronoun => left,
        _ => np,
    }
}

/// "who" and "which" stand for the phrase before them: "Rutte, who said …".
/// Returns the phrase and the pronoun's span when it was replaced.
fn resolve_relative(ctx: &Ctx, np: Np, floor: usize) -> (Np, Option<Span>) {
    if !is_bare_relative(ctx, &np) {
        return (np, None);
    }
    let mut end = np.toks.start;
    if end > floor && ctx.word(end - 1) == "," {
        end -= 1;
    }
    let (end, _) = ctx.skip_left_to_subject(end, floor);
    match ctx.np_left(end, floor) {
        Some(antecedent) => (antecedent, Some(np.span)),
        None => (np, None),
    }
}

/// The subject of a participle: that of the speech verb before it in the
/// sentence ("Sanders said, suggesting …"), else of the clause.
fn participle_subject(ctx: &Ctx, floor: usize, m: usize) -> Option<Np> {
    // "footage of Hillary Clinton asking": the name the participle follows.
    if let Some(np) = ctx.np_left(m, floor)
        && np.kind == NpKind::Name
    {
        return Some(np);
    }
    // "After saying …, she left": a fronted participle takes the subject after it.
    let main = main_clause_start(ctx, floor, ctx.sentence_end(m));
    if main > m {
        return clause_subject(ctx, main, ctx.sentence_end(m));
    }
    for k in (floor..m).rev().take(MAX_REACH) {
        if ctx.cue_at(k) == Some(VerbForm::Finite)
            && let Some((np, relative)) = subject_of(ctx, k, VerbForm::Finite, floor, m)
            && relative.is_none_or(|r| !is_relative_pronoun_span(ctx, r))
            && !is_bare_relative(ctx, &np)
        {
            return Some(np);
        }
    }
    clause_subject(ctx, floor, m)
}

fn is_relative_pronoun_span(ctx: &Ctx, s: Span) -> bool {
    matches!(s.slice(ctx.seg.text).to_lowercase().as_str(), "who" | "which")
}

/// Where the main clause of a sentence begins: past a fronted phrase ("On
/// her discharge papers, in a box labeled "…", a doctor had typed …"), at
/// the first comma (inside quotation marks or not) that a name, pronoun or
/// determiner follows.
pub fn main_clause_start(ctx: &Ctx, floor: usize, limit: usize) -> usize {
    let mut p = floor;
    let give_up = limit.min(floor + MAX_REACH);
    while p < give_up && (ctx.quoted[p] || !ctx.word(p).chars().any(char::is_alphanumeric)) {
        p += 1;
    }
    if p >= give_up {
        return floor;
    }
    let Some(first) = ctx.lower_at(p) else { return floor };
    let fronted = super::lexicon::is_function_word(first) && !super::lexicon::is_subject_pronoun(first)
        || first.ends_with("ing") && ctx.is_word(p)
        || matches!(first, "asked" | "pressed" | "questioned");
    if !fronted {
        return p;
    }
    let mut k = p;
    while k < limit && k < p + MAX_REACH {
        if ctx.word(k) == "," {
            let mut n = k + 1;
            while n < limit && ctx.quoted[n] && !ctx.word(n).chars().any(char::is_alphanumeric) {
                n += 1; // the closing mark after a quoted comma
            }
            let starts = n < limit
                && !ctx.quoted[n]
                && (ctx.is_name_word(n)
                    || super::lexicon::is_subject_pronoun(ctx.lower(n))
                    || super::lexicon::is_determiner(ctx.lower(n)));
            if starts {
                return n;
            }
        }
        k += 1;
    }
    p
}

/// The subject of a clause: its first name, pronoun or determined phrase,
/// past a fronted phrase ("Speaking in Novi, Michigan, Trump said …").
pub fn clause_subject(ctx: &Ctx, floor: usize, m: usize) -> Option<Np> {
    let p = main_clause_start(ctx, floor, m);
    for k in (p..m).take(MAX_REACH) {
        if ctx.quoted[k] {
            continue;
        }
        let w = ctx.lower(k);
        if ctx.is_name_word(k) || super::lexicon::is_subject_pronoun(w) && !matches!(w, "who" | "which") {
            return ctx.np_right(k, m);
        }
        if super::lexicon::is_determiner(w) {
            return ctx.np_right(k, m);
        }
        if super::lexicon::is_function_word(w) || ctx.cue_at(k).is_some() {
            return None;
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::super::{locate, marks, whole};
    use super::*;
    use crate::text::Segmented;

    /// A subject, a cue and how they were found.
    type Found = (String, Option<String>, How);

    /// The attribution of each quotation in `text`.
    fn attributions(text: &str) -> Vec<(String, Option<Found>)> {
        let seg = Segmented::new(text);
        let (quoted, paras) = marks::find_quoted(text);
        let outer: Vec<_> = quoted.iter().filter(|q| q.depth == 0).collect();
        let spans: Vec<Span> = outer.iter().map(|q| whole(q)).collect();
        let ctx = Ctx::new(&seg, &spans, &paras);
        outer
            .iter()
            .enumerate()
            .map(|(i, q)| {
                let (bounds, _) = locate(&ctx, q, outer.get(i + 1).map(|n| n.open.start));
                let d = find_direct(&ctx, bounds)
                    .map(|d| (d.subject.span.slice(text).to_string(), d.cue.map(|c| c.slice(text).to_string()), d.how));
                (q.content.slice(text).to_string(), d)
            })
            .collect()
    }

    fn one(text: &str) -> Found {
        attributions(text).remove(0).1.unwrap_or_else(|| panic!("no attribution in {text:?}"))
    }

    #[test]
    fn verb_and_subject_after_the_quotation_in_either_order() {
        assert_eq!(one("\"Yes,\" said Ann Lee."), ("Ann Lee".into(), Some("said".into()), How::After));
        assert_eq!(one("\"Yes,\" Ann Lee said."), ("Ann Lee".into(), Some("said".into()), How::After));
        assert_eq!(one("\"Yes,\" she told reporters."), ("she".into(), Some("told".into()), How::After));
        let (subject, _, _) = one("\"Yes,\" White House spokesman Tom Reed said on Friday.");
        assert_eq!(subject, "Tom Reed");
        let (subject, _, _) = one("\"Yes,\" a spokesman for the ministry said.");
        assert_eq!(subject, "a spokesman");
    }

    #[test]
    fn verb_before_the_quotation() {
        assert_eq!(one("Ann Lee said: \"Yes.\""), ("Ann Lee".into(), Some("said".into()), How::Before));
        let (subject, cue, how) = one("According to Ann Lee, \"it is over.\"");
        assert_eq!((subject.as_str(), cue.as_deref(), how), ("Ann Lee", Some("According to"), How::According));
    }

    #[test]
    fn mixed_quotations_take_the_outermost_verb() {
        let (subject, cue, how) = one("Ann Lee said Tom Reed described it as \"a mess\" on Monday.");
        assert_eq!((subject.as_str(), cue.as_deref(), how), ("Ann Lee", Some("said"), How::Mixed));
    }

    #[test]
    fn a_passive_gives_its_agent() {
        let (subject, _, _) = one("He was called \"a fraud\" by Ann Lee.");
        assert_eq!(subject, "Ann Lee");
    }

    #[test]
    fn a_sentence_that_ends_at_the_mark_is_not_attributed_by_the_next() {
        assert_eq!(attributions("It was \"a disgrace.\" Tom Reed said nothing.")[0].1, None);
    }

    #[test]
    fn transcript_labels_and_signatures() {
        assert_eq!(one("\"LEE: We are done.\"").2, How::Label);
        assert_eq!(one("\"We are done.\" \u{2015} Ann Lee").0, "Ann Lee");
    }
}
