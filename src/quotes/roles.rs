//! The role and organisation the article gives a speaker, as it words them:
//! a title run before a name ("Microsoft chief executive Satya Nadella",
//! "Nato's chief Mark Rutte"), or an apposition after it ("Lisa Chen, a
//! semiconductor analyst at Bernstein", "Ann Lee, the mayor of Springfield").

use super::lexicon::{is_determiner, is_function_word};
use super::phrases::{Ctx, is_possessive};
use crate::document::{Entity, EntityLabel, Group};
use crate::entities::groups::is_title;

/// What the text says a person is, and for whom.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Role {
    /// "chief executive", "semiconductor analyst", "Secretary General".
    pub role: Option<String>,
    /// "Microsoft", "Bernstein", "the ministry".
    pub organisation: Option<String>,
}

/// The most tokens a role or an organisation is read over.
const MAX_WORDS: usize = 6;

/// The role of each group in `wanted` (people the quotations name), read from
/// every mention of theirs outside quotation marks, the first one found
/// winning (news gives a role when it first names someone). Bounded work per
/// mention: linear in the text.
pub fn find_roles(ctx: &Ctx, entities: &[Entity], groups: &[Group], wanted: &[bool]) -> Vec<Role> {
    let mut out = vec![Role::default(); groups.len()];
    let toks = &ctx.seg.tokens;
    for e in entities {
        let Some(g) = e.group.filter(|&g| wanted.get(g).copied().unwrap_or(false)) else { continue };
        if groups[g].label != EntityLabel::Per || out[g].role.is_some() && out[g].organisation.is_some() {
            continue;
        }
        let a = toks.partition_point(|t| t.span.end <= e.span.start);
        let b = toks.partition_point(|t| t.span.start < e.span.end);
        if a >= b || ctx.quoted[a] {
            continue;
        }
        // Titles inside the mention ("Secretary General Mark Rutte") belong to the role.
        let mut core = b - 1;
        while core > a && ctx.is_name_word(core - 1) && !is_title(ctx.word(core - 1)) {
            core -= 1;
        }
        let found = match before_name(ctx, entities, core, a, b) {
            // "Economist Daniel Frimpong, of the Keston Policy Institute,".
            Some(r) if r.role.is_some() && r.organisation.is_none() => {
                Some(Role { organisation: organisation_after(ctx, b), ..r })
            }
            None => after_name(ctx, b),
            found => found,
        };
        if let Some(mut found) = found {
            found.role = found.role.as_deref().and_then(spell_out);
            let slot = &mut out[g];
            if slot.role.is_none() && found.role.is_some() {
                slot.role = found.role;
                if found.organisation.is_some() {
                    slot.organisation = found.organisation;
                }
            } else if slot.organisation.is_none() && slot.role.is_none() {
                slot.organisation = found.organisation;
            }
        }
    }
    out
}

/// A role as the text words it, with its abbreviated titles spelt out
/// ("Sen." is "Senator", "Gov." "Governor"), and a title that only follows
/// a role ("Democratic presidential candidate Sen. Bernie Sanders") left out.
fn spell_out(role: &str) -> Option<String> {
    let mut words: Vec<&str> = role.split_whitespace().collect();
    while words.len() > 1
        && words.last().is_some_and(|w| w.ends_with('.'))
        && words[..words.len() - 1].iter().any(|w| is_role_noun(&w.to_lowercase()))
    {
        words.pop();
    }
    let spelt: Vec<String> = words
        .iter()
        .map(|w| {
            let full = match w.trim_end_matches('.').to_ascii_lowercase().as_str() {
                _ if !w.ends_with('.') => None,
                "sen" => Some("senator"),
                "rep" => Some("representative"),
                "gov" => Some("governor"),
                "lt" => Some("lieutenant"),
                "gen" => Some("general"),
                "col" => Some("colonel"),
                "capt" => Some("captain"),
                "sgt" => Some("sergeant"),
                "supt" => Some("superintendent"),
                "det" => Some("detective"),
                "insp" => Some("inspector"),
                "rev" => Some("reverend"),
                "prof" => Some("professor"),
                "pres" => Some("president"),
                "sec" => Some("secretary"),
                "atty" => Some("attorney"),
                "amb" => Some("ambassador"),
                "cmdr" => Some("commander"),
                "adm" => Some("admiral"),
                _ => None,
            };
            match full {
                Some(f) if w.starts_with(char::is_uppercase) => f[..1].to_uppercase() + &f[1..],
                Some(f) => f.to_string(),
                None => w.to_string(),
            }
        })
        .collect();
    (!spelt.is_empty()).then(|| spelt.join(" "))
}

/// Role nouns, sorted for a binary search.
const ROLE_NOUNS: &[&str] = &[
    "accountant",
    "activist",
    "actor",
    "actress",
    "admiral",
    "adviser",
    "advisor",
    "agent",
    "ambassador",
    "analyst",
    "attorney",
    "author",
    "banker",
    "bishop",
    "blogger",
    "boss",
    "broadcaster",
    "campaigner",
    "candidate",
    "captain",
    "cardinal",
    "ceo",
    "cfo",
    "chair",
    "chairman",
    "chairperson",
    "chairwoman",
    "champion",
    "chancellor",
    "chef",
    "chief",
    "clerk",
    "co-founder",
    "coach",
    "col",
    "colonel",
    "commander",
    "commentator",
    "commissioner",
    "congressman",
    "congresswoman",
    "constable",
    "consultant",
    "coo",
    "correspondent",
    "councillor",
    "councilman",
    "councilmember",
    "councilwoman",
    "cto",
    "dean",
    "defender",
    "deputy",
    "detective",
    "diplomat",
    "director",
    "doctor",
    "driver",
    "economist",
    "editor",
    "engineer",
    "entrepreneur",
    "envoy",
    "executive",
    "expert",
    "farmer",
    "filmmaker",
    "firefighter",
    "forward",
    "founder",
    "general",
    "glaciologist",
    "goalkeeper",
    "gov",
    "governor",
    "head",
    "imam",
    "inspector",
    "investor",
    "jockey",
    "judge",
    "king",
    "lawyer",
    "leader",
    "lieutenant",
    "major",
    "manager",
    "master",
    "mayor",
    "member",
    "mep",
    "midfielder",
    "midwife",
    "minister",
    "mp",
    "negotiator",
    "nominee",
    "nurse",
    "officer",
    "official",
    "organiser",
    "organizer",
    "owner",
    "paramedic",
    "partner",
    "pastor",
    "physician",
    "pilot",
    "player",
    "pope",
    "premier",
    "presenter",
    "president",
    "priest",
    "prince",
    "princess",
    "principal",
    "producer",
    "professor",
    "prosecutor",
    "provost",
    "qualifier",
    "queen",
    "rabbi",
    "referee",
    "rep",
    "reporter",
    "representative",
    "researcher",
    "resident",
    "scientist",
    "secretary",
    "seed",
    "sen",
    "senator",
    "sergeant",
    "sheriff",
    "singer",
    "soldier",
    "speaker",
    "spokesman",
    "spokesperson",
    "spokeswoman",
    "strategist",
    "striker",
    "student",
    "substitute",
    "superintendent",
    "surgeon",
    "teacher",
    "trader",
    "treasurer",
    "trustee",
    "umpire",
    "vice-president",
    "whip",
    "winger",
    "writer",
];

/// A role noun: a job, an office, a part someone plays in a story.
pub fn is_role_noun(lower: &str) -> bool {
    let w = lower.trim_end_matches('.');
    if ROLE_NOUNS.binary_search(&w).is_ok() {
        return true;
    }
    let long = w.len() > 5 && w.bytes().all(|c| c.is_ascii_lowercase() || c == b'-');
    long && (w.ends_with("ist") || w.ends_with("ian") && !w.ends_with("ssian"))
}

/// Honorifics and the like that are titles but say nothing of a role.
fn is_honorific(word: &str) -> bool {
    matches!(
        word.trim_end_matches('.').to_ascii_lowercase().as_str(),
        "mr" | "mrs" | "ms" | "miss" | "mx" | "sir" | "dame" | "lord" | "lady" | "the" | "st" | "del" | "dr"
    )
}

fn is_role_word(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.word(i);
    ctx.is_word(i) && !ctx.quoted[i] && !is_honorific(w) && (is_role_noun(ctx.lower(i)) || is_title(w))
}

/// A word that may qualify a role: "chief *financial* officer", "*senior*
/// analyst", "*press* secretary".
fn is_modifier(ctx: &Ctx, i: usize) -> bool {
    let w = ctx.lower(i);
    ctx.is_word(i)
        && !ctx.quoted[i]
        && !ctx.is_name_word(i)
        && !is_function_word(w)
        && !is_determiner(w)
        && ctx.cue_at(i).is_none()
        && !w.ends_with("ed")
        && !w.ends_with("ly")
}

fn text_of(ctx: &Ctx, from: usize, to: usize) -> Option<String> {
    (from < to).then(|| ctx.span(from..to).slice(ctx.seg.text).to_string())
}

/// Whether an entity overlaps tokens `from..to`.
fn entities_cover(ctx: &Ctx, entities: &[Entity], from: usize, to: usize) -> bool {
    if from >= to {
        return false;
    }
    let span = ctx.span(from..to);
    let k = entities.partition_point(|e| e.span.end <= span.start);
    entities.get(k).is_some_and(|e| e.span.overlaps(span))
}

/// A nationality or other adjective of a place: French, British, Chinese, Israeli.
fn is_nationality(word: &str) -> bool {
    let w = word.to_ascii_lowercase();
    w.len() > 3
        && ["an", "ese", "ish", "ch", "i", "ic"].iter().any(|s| w.ends_with(s))
        && w.bytes().all(|c| c.is_ascii_lowercase())
}

/// "Microsoft chief executive Satya Nadella", "Nato's chief Mark Rutte",
/// "Meta's Mark Zuckerberg": the run ending at the name's core `core`
/// (which starts the mention at `a` or after titles inside it; it ends
/// before `b`).
fn before_name(ctx: &Ctx, entities: &[Entity], core: usize, a: usize, b: usize) -> Option<Role> {
    let floor = ctx.sentence_start(a);
    // "its chief financial officer, Susan Li": a possessor, a role, a comma
    // (an honorific between: "The region's medical director, Dr Alison Grey").
    let mut h = a;
    while core == a && h > floor && is_honorific(ctx.word(h - 1)) && ctx.word(h - 1) != "the" {
        h -= 1;
    }
    let comma = core == a && h > floor + 1 && ctx.word(h - 1) == ",";
    let core = if comma { h - 1 } else { core };
    // The role: role words and their modifiers, right to left.
    let mut i = core;
    let mut words = 0;
    while i > floor && words < MAX_WORDS {
        let p = i - 1;
        if is_role_word(ctx, p) || words > 0 && is_modifier(ctx, p) && !is_possessive(ctx.lower(p)) {
            i = p;
            words += 1;
        } else {
            break;
        }
    }
    // Modifiers must sit inside the role: "chief *financial* officer", not
    // "*detain* chief"; after a determiner, a possessive or an organisation
    // they qualify it ("The shadow health secretary", "The region's medical
    // director", "Cal Fire incident commander").
    let bounded = i == floor
        || i > floor
            && (is_determiner(ctx.lower(i - 1))
                || is_possessive(ctx.lower(i - 1))
                || is_time_modifier(ctx.lower(i - 1))
                || entities_cover(ctx, entities, i - 1, i));
    while !bounded && i < core && !is_role_word(ctx, i) && is_modifier(ctx, i) {
        i += 1;
    }
    let role_start = i;
    // The organisation: capitalised words before the role, or a possessor.
    let mut o = role_start;
    let possessive = o > floor && is_possessive(ctx.lower(o - 1));
    if role_start == core && !possessive {
        return None; // "Democrat Hillary Clinton": no role word, no possessor
    }
    if comma {
        let owner = role_start.checked_sub(1).map(|p| ctx.lower(p));
        let role = text_of(ctx, role_start, core);
        return match owner {
            // "The shadow health secretary, Oliver Crane".
            Some("its" | "his" | "her" | "their" | "our") if role_start < core => {
                Some(Role { role, organisation: None })
            }
            // The name set off by commas ("defeating the sitting mayor, Colin
            // Hurst, by"): not "Asked about the coach, Tom Reed said".
            Some("the" | "a" | "an") if role_start < core && b < ctx.len() && ctx.word(b) == "," => {
                Some(Role { role, organisation: None })
            }
            Some(_) if possessive => {
                let mut s = role_start - 1;
                while s > floor && role_start - 1 - s < 4 && ctx.is_name_word(s - 1) {
                    s -= 1;
                }
                let mut organisation = text_of(ctx, s, role_start - 1);
                // "The airline's chief executive": the organisation as the
                // text words it; "The region's medical director": none.
                let noun = role_start - 2;
                if organisation.is_none()
                    && noun > floor
                    && ctx.lower(noun - 1) == "the"
                    && super::speakers::is_company_noun(ctx.lower(noun))
                {
                    organisation = text_of(ctx, noun - 1, noun + 1);
                }
                Some(Role { role, organisation })
            }
            _ => None,
        };
    }
    if possessive {
        o -= 1;
    }
    // A portfolio stays in the office it names: "Health Secretary",
    // "Interior Minister", "Senate Minority Leader" (the Senate's).
    let mut role_from = role_start;
    while !possessive && o > floor && core - o < MAX_WORDS && is_portfolio(ctx.word(o - 1)) {
        o -= 1;
        role_from = o;
    }
    let org_end = o;
    while o > floor && org_end - o < 4 && ctx.is_name_word(o - 1) && !is_title(ctx.word(o - 1)) {
        o -= 1;
    }
    // "Former Pennsylvania Gov.": the time word is not the organisation's.
    if o < org_end && is_time_modifier(ctx.lower(o)) {
        o += 1;
    }
    let mut organisation = text_of(ctx, o, org_end);
    // "French President François Hollande": a nationality stays in the role;
    // so does a capitalised word opening the sentence that names nothing
    // ("Opposition leader Tom Barker").
    let nationality = org_end == o + 1 && is_nationality(ctx.word(o));
    let lower_role = ctx.word(role_start).chars().next().is_some_and(char::is_lowercase);
    let unnamed = o == floor && o < org_end && lower_role && !entities_cover(ctx, entities, o, org_end);
    // A plural possessor opening the sentence is a kind of body, not a name:
    // "Students' union president Kofi Mensah".
    let plural_possessor = possessive && matches!(ctx.lower(org_end), "'" | "\u{2019}");
    let folded = (!possessive || plural_possessor) && organisation.is_some() && (nationality || unnamed);
    if folded {
        organisation = None;
        role_from = o;
    }
    if possessive && organisation.is_none() && !folded {
        return None;
    }
    let role = text_of(ctx, role_from, core);
    (role.is_some() || organisation.is_some()).then_some(Role { role, organisation })
}

/// "former", "acting": a word that dates a role.
fn is_time_modifier(lower: &str) -> bool {
    matches!(lower, "former" | "then" | "acting" | "outgoing" | "incoming" | "interim" | "ex")
}

/// A capitalised word naming the field of an office: "Health" Secretary,
/// "Foreign" Minister, "Minority" Leader, "Press" Secretary.
fn is_portfolio(word: &str) -> bool {
    matches!(
        word,
        "Health"
            | "Foreign"
            | "Home"
            | "Interior"
            | "Defence"
            | "Defense"
            | "Justice"
            | "Education"
            | "Transport"
            | "Transportation"
            | "Finance"
            | "Treasury"
            | "Energy"
            | "Environment"
            | "Labor"
            | "Labour"
            | "Commerce"
            | "Agriculture"
            | "Culture"
            | "Housing"
            | "Trade"
            | "Economy"
            | "Immigration"
            | "Security"
            | "Homeland"
            | "Press"
            | "Minority"
            | "Majority"
            | "Prime"
            | "Deputy"
            | "Vice"
            | "Chief"
            | "Shadow"
            | "Attorney"
            | "Solicitor"
            | "Works"
            | "Sports"
            | "Climate"
            | "Digital"
            | "Communications"
            | "Welfare"
            | "Police"
    )
}

/// "Lisa Chen, a semiconductor analyst at Bernstein," · "Amy Hood,
/// Microsoft's chief financial officer," · "Paula Grant, 58, a retired
/// teacher": an apposition after the name ending at `b`.
fn after_name(ctx: &Ctx, b: usize) -> Option<Role> {
    let n = ctx.len();
    let end = ctx.sentence_end(b.min(n.saturating_sub(1)));
    if b + 1 >= end || ctx.word(b) != "," {
        return None;
    }
    let mut j = b + 1;
    // An age: ", 58,".
    if ctx.seg.tokens[j].kind == crate::text::TokenKind::Number && j + 1 < end && ctx.word(j + 1) == "," {
        j += 2;
    }
    let mut organisation = None;
    if j < end && is_determiner(ctx.lower(j)) {
        j += 1;
    } else {
        // "Microsoft's chief financial officer".
        let mut k = j;
        while k < end && k < j + 4 && ctx.is_name_word(k) {
            k += 1;
        }
        if k > j && k < end && is_possessive(ctx.lower(k)) {
            organisation = text_of(ctx, j, k);
            j = k + 1;
        }
    }
    let start = j;
    let mut last_role = None;
    while j < end && j < start + MAX_WORDS {
        if is_role_word(ctx, j) {
            last_role = Some(j);
        } else if !(is_modifier(ctx, j)
            || ctx.lower(j).ends_with("ed") && ctx.cue_at(j).is_none() && ctx.is_word(j)
            || ctx.is_name_word(j) && !is_title(ctx.word(j)))
        {
            break;
        }
        j += 1;
    }
    let role_end = last_role? + 1;
    let role = text_of(ctx, start, role_end);
    if organisation.is_none() && role_end < end && matches!(ctx.lower(role_end), "at" | "of" | "for" | "with") {
        organisation = organisation_at(ctx, role_end + 1, end);
    }
    Some(Role { role, organisation })
}

/// ", of the Keston Policy Institute," right after a name ending at `b`.
fn organisation_after(ctx: &Ctx, b: usize) -> Option<String> {
    let n = ctx.len();
    // Also without the comma: "Analyst Priya Shah of Peel Hunt".
    let p = if b < n && ctx.word(b) == "," { b + 1 } else { b };
    if p + 1 >= n || !matches!(ctx.lower(p), "of" | "at" | "from") {
        return None;
    }
    let end = ctx.sentence_end(b);
    organisation_at(ctx, p + 1, end).filter(|o| o.chars().next().is_some_and(char::is_uppercase))
}

/// The organisation after "at", "of", "for": a name ("Bernstein", "the
/// Institute for Policy Integrity") or a definite description ("the ministry").
fn organisation_at(ctx: &Ctx, start: usize, end: usize) -> Option<String> {
    let mut j = start;
    let the = j < end && ctx.lower(j) == "the";
    if the {
        j += 1;
    }
    let first = j;
    if j < end && ctx.is_name_word(j) {
        while j < end {
            if ctx.is_name_word(j) {
                j += 1;
            } else if j + 1 < end && matches!(ctx.lower(j), "of" | "for" | "and" | "&") && ctx.is_name_word(j + 1) {
                j += 2;
            } else {
                break;
            }
        }
    } else if the {
        while j < end && j < first + 3 && is_modifier(ctx, j) {
            j += 1;
        }
        // "the charity Patients First", "the research firm Gartner": the name.
        if j > first && j < end && ctx.is_name_word(j) {
            let name = j;
            while j < end && ctx.is_name_word(j) {
                j += 1;
            }
            return text_of(ctx, name, j);
        }
    }
    // "the Tidewater Museum" is named without its article; "the ministry" keeps it.
    let from = if the && ctx.is_name_word(first) { first } else { start };
    (j > first).then(|| text_of(ctx, from, j)).flatten()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entities::groups::group_entities;
    use crate::span::Span;
    use crate::text::Segmented;

    /// The role and organisation found for `person` (tagged wherever it
    /// occurs, as are `others` with their labels).
    fn role_of(text: &str, person: &str, others: &[(&str, EntityLabel)]) -> (Option<String>, Option<String>) {
        let seg = Segmented::new(text);
        let mut entities = Vec::new();
        for (name, label) in std::iter::once((person, EntityLabel::Per)).chain(others.iter().copied()) {
            for (at, _) in text.match_indices(name) {
                entities.push(Entity { span: Span::new(at, at + name.len()), label, group: None });
            }
        }
        entities.sort_by_key(|e| e.span);
        let groups = group_entities(&seg, &mut entities);
        let ctx = Ctx::new(&seg, &[], &[Span::new(0, text.len())]);
        let wanted = vec![true; groups.len()];
        let roles = find_roles(&ctx, &entities, &groups, &wanted);
        let g = entities.iter().find(|e| e.span.slice(text) == person).and_then(|e| e.group).unwrap();
        (roles[g].role.clone(), roles[g].organisation.clone())
    }

    fn pair(role: &str, org: Option<&str>) -> (Option<String>, Option<String>) {
        (Some(role.to_string()), org.map(str::to_string))
    }

    #[test]
    fn titles_before_the_name() {
        let text = "Microsoft chief executive Satya Nadella told analysts on Wednesday.";
        assert_eq!(
            role_of(text, "Satya Nadella", &[("Microsoft", EntityLabel::Org)]),
            pair("chief executive", Some("Microsoft"))
        );
        let text = "Nato Secretary General Mark Rutte arrived.";
        assert_eq!(role_of(text, "Mark Rutte", &[("Nato", EntityLabel::Org)]), pair("Secretary General", Some("Nato")));
        let text = "Nato's chief Mark Rutte arrived.";
        assert_eq!(role_of(text, "Mark Rutte", &[]), pair("chief", Some("Nato")));
        let text = "French President Anne Dubois arrived.";
        assert_eq!(role_of(text, "Anne Dubois", &[("French", EntityLabel::Misc)]), pair("French President", None));
        let text = "Meta's Mark Zuckerberg struck a similar tone.";
        assert_eq!(role_of(text, "Mark Zuckerberg", &[]), (None, Some("Meta".to_string())));
        let text = "Spokeswoman Ann Lee met the press.";
        assert_eq!(role_of(text, "Ann Lee", &[]), pair("Spokeswoman", None));
        let text = "Nato Secretary General Mark Rutte arrived.";
        assert_eq!(role_of(text, "Mark Rutte", &[]), pair("Secretary General", Some("Nato")));
        let text = "Opposition leader Tom Barker said no.";
        assert_eq!(role_of(text, "Tom Barker", &[]), pair("Opposition leader", None));
        let text = "Harbourside coach Elena Marsh said no.";
        assert_eq!(
            role_of(text, "Elena Marsh", &[("Harbourside", EntityLabel::Misc)]),
            pair("coach", Some("Harbourside"))
        );
        let text = "Meta fell after its chief financial officer, Susan Li, spoke.";
        assert_eq!(role_of(text, "Susan Li", &[]), pair("chief financial officer", None));
        let text = "Asked about the coach, Tom Reed said no.";
        assert_eq!(role_of(text, "Tom Reed", &[]), (None, None));
        let text = "Police detain Tom Reed.";
        assert_eq!(role_of(text, "Tom Reed", &[]), (None, None));
    }

    #[test]
    fn offices_portfolios_and_roles_before_a_comma() {
        let text = "Health Secretary Priya Raman told MPs.";
        assert_eq!(role_of(text, "Priya Raman", &[]), pair("Health Secretary", None));
        let text = "Senate Minority Leader Ann Cole objected.";
        assert_eq!(role_of(text, "Ann Cole", &[("Senate", EntityLabel::Org)]), pair("Minority Leader", Some("Senate")));
        let text = "The shadow health secretary, Oliver Crane, objected.";
        assert_eq!(role_of(text, "Oliver Crane", &[]), pair("shadow health secretary", None));
        let text = "The region's medical director, Dr Alison Grey, said so.";
        assert_eq!(role_of(text, "Alison Grey", &[]), pair("medical director", None));
        let text = "The airline's chief executive, Henrik Dahl, posted a video.";
        assert_eq!(role_of(text, "Henrik Dahl", &[]), pair("chief executive", Some("The airline")));
        let text = "At the fairground, Cal Fire incident commander Tanya Brooks spoke.";
        assert_eq!(
            role_of(text, "Tanya Brooks", &[("Cal Fire", EntityLabel::Org)]),
            pair("incident commander", Some("Cal Fire"))
        );
        let text = "Westport boss Ian McBride was furious.";
        assert_eq!(role_of(text, "Ian McBride", &[("Westport", EntityLabel::Org)]), pair("boss", Some("Westport")));
        let text = "Students' union president Kofi Mensah agreed.";
        assert_eq!(role_of(text, "Kofi Mensah", &[]), pair("Students' union president", None));
        let text = "Former Pennsylvania Gov. Ed Rendell said so.";
        assert_eq!(role_of(text, "Ed Rendell", &[]), pair("Governor", Some("Pennsylvania")));
        let text = "Pryce defeated the sitting mayor, Colin Hurst, by 2,000 votes.";
        assert_eq!(role_of(text, "Colin Hurst", &[]), pair("sitting mayor", None));
        let text = "Former secondary school teacher Joanna Pryce won.";
        assert_eq!(role_of(text, "Joanna Pryce", &[]), pair("secondary school teacher", None));
        let text = "Analyst Priya Shah of Peel Hunt said so.";
        assert_eq!(role_of(text, "Priya Shah", &[("Peel Hunt", EntityLabel::Org)]), pair("Analyst", Some("Peel Hunt")));
        let text = "Local councillor Dev Patel said so.";
        assert_eq!(role_of(text, "Dev Patel", &[]), pair("Local councillor", None));
    }

    #[test]
    fn abbreviated_titles_are_spelt_out() {
        assert_eq!(spell_out("Sen.").as_deref(), Some("Senator"));
        assert_eq!(spell_out("Lt. Gov.").as_deref(), Some("Lieutenant Governor"));
        assert_eq!(
            spell_out("Democratic presidential candidate Sen.").as_deref(),
            Some("Democratic presidential candidate")
        );
        assert_eq!(spell_out("chief executive").as_deref(), Some("chief executive"));
        let text = "Gov. Ann Lee spoke.";
        assert_eq!(role_of(text, "Ann Lee", &[]), pair("Governor", None));
    }

    #[test]
    fn an_organisation_after_the_name_completes_a_title() {
        let text = "Economist Daniel Frimpong, of the Keston Policy Institute, disagreed.";
        assert_eq!(role_of(text, "Daniel Frimpong", &[]), pair("Economist", Some("Keston Policy Institute")));
        let text = "Mark Denton, chief executive of the charity Patients First, said so.";
        assert_eq!(role_of(text, "Mark Denton", &[]), pair("chief executive", Some("Patients First")));
    }

    #[test]
    fn appositions_after_the_name() {
        let text = "Lisa Chen, a semiconductor analyst at Bernstein, said the savings were real.";
        assert_eq!(
            role_of(text, "Lisa Chen", &[("Bernstein", EntityLabel::Org)]),
            pair("semiconductor analyst", Some("Bernstein"))
        );
        let text = "Ivan Petrov, a spokesman for the ministry, said no.";
        assert_eq!(role_of(text, "Ivan Petrov", &[]), pair("spokesman", Some("the ministry")));
        let text = "Amy Hood, Microsoft's chief financial officer, was more measured.";
        assert_eq!(role_of(text, "Amy Hood", &[]), pair("chief financial officer", Some("Microsoft")));
        let text = "It came through the door, said Paula Grant, 58, a retired teacher.";
        assert_eq!(role_of(text, "Paula Grant", &[]), pair("retired teacher", None));
        let text = "Ann Lee, the mayor of Springfield, said so.";
        assert_eq!(role_of(text, "Ann Lee", &[]), pair("mayor", Some("Springfield")));
        let text = "Anna Berg, director of the Tidewater Museum, met Tom Ruiz.";
        assert_eq!(role_of(text, "Anna Berg", &[]), pair("director", Some("Tidewater Museum")));
        let text = "Tom Reed, the man in the hat, left.";
        assert_eq!(role_of(text, "Tom Reed", &[]), (None, None));
    }

    #[test]
    fn role_nouns_are_sorted_for_the_binary_search() {
        assert!(ROLE_NOUNS.windows(2).all(|w| w[0] < w[1]));
        assert!(is_role_noun("spokeswoman") && is_role_noun("economist") && !is_role_noun("water"));
    }

    #[test]
    fn a_later_mention_gives_the_role_when_the_first_does_not() {
        let text = "Lisa Chen spoke first. Later, analyst Lisa Chen said more.";
        assert_eq!(role_of(text, "Lisa Chen", &[]), pair("analyst", None));
    }
}
