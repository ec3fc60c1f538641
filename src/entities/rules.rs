//! Rules after tagging, for what CoNLL-2003's 1996 news cannot teach the
//! weights: names of organisations and products that came later, sports
//! teams named by place, capitalised words that are not names (holidays,
//! captions, table abbreviations), a sentence's full stop kept in a name,
//! and titles inside a tagged span. Each rule is one function over the
//! tagged entities (in text order); `DESIGN.md` ("Rules after tagging")
//! gives what each measured.

use super::features::{Features, Resources};
use super::gazetteer::Gazetteer;
use super::hash;
use crate::document::{Entity, EntityLabel};
use crate::span::Span;
use crate::text::{Segmented, TokenKind};

/// Capitalised words and phrases that are not names in CoNLL-2003's
/// convention: holidays (its training text leaves "Easter" and "New Year"
/// untagged), caption and heading words, and abbreviations of results
/// tables ("KO", "ERA"), and "AI" as the technology.
const NOT_NAMES: &[&str] = &[
    "AI",
    "A.I.",
    "FILE PHOTO",
    "FILE",
    "PHOTO",
    "Photo",
    "Illustration",
    "ILLUSTRATION",
    "KO",
    "TKO",
    "ERA",
    "Christmas",
    "Christmas Eve",
    "Christmas Day",
    "New Year",
    "New Year's",
    "New Year's Eve",
    "New Year's Day",
    "Easter",
    "Easter Sunday",
    "Easter Monday",
    "Good Friday",
    "Thanksgiving",
    "Halloween",
    "Boxing Day",
    "Black Friday",
    "Cyber Monday",
    "Valentine's Day",
];

/// Last words that make a name an event, a contest, a prize or a law: MISC
/// in CoNLL-2003 ("Davis Cup", "U.S. Open", "Nobel Prize", "Dayton Agreement").
const EVENT_HEADS: &[&str] = &[
    "Cup",
    "Open",
    "Prix",
    "Bowl",
    "Awards",
    "Award",
    "Prize",
    "Agreement",
    "Accord",
    "Accords",
    "Act",
    "Championship",
    "Championships",
    "Series",
    "Classic",
    "Trophy",
    "Olympics",
    "Paralympics",
    "Games",
    "Festival",
    "Telescope",
    "Collider",
];

/// First words of a named storm ("Hurricane Milton"): MISC, as CoNLL-2003
/// tags "Hurricane Edouard".
const STORM_HEADS: &[&str] = &["Hurricane", "Typhoon", "Cyclone", "Storm", "Tropical Storm"];

/// Words before "League" that make it a competition ("Premier League"), not
/// a body ("Arab League").
const LEAGUE_CONTESTS: &[&str] = &["Premier", "Champions", "Europa", "Nations", "Conference", "Super"];

/// Verbs of a result between two sides.
const RESULT_VERBS: &[&str] = &[
    "beat",
    "beats",
    "defeated",
    "defeat",
    "edged",
    "routed",
    "thrashed",
    "drew",
    "tied",
    "upset",
    "topped",
    "downed",
    "blanked",
    "crushed",
    "stunned",
    "outlasted",
    "overcame",
    "hammered",
    "whipped",
    "blew",
    "lost",
    "trounced",
];

/// Job words that stand between an organisation or place and a person's
/// name inside one tagged span ("Riverside County Sheriff Chad Bianco").
const JOB_WORDS: &[&str] = &[
    "Chief",
    "Coach",
    "CEO",
    "Executive",
    "Director",
    "Spokesman",
    "Spokeswoman",
    "Spokesperson",
    "Superintendent",
    "Inspector",
    "Detective",
    "Officer",
    "Deputy",
    "Attorney",
    "Prosecutor",
    "Manager",
    "Chairman",
    "Chairwoman",
    "Founder",
    "Analyst",
    "Economist",
    "Striker",
    "Midfielder",
    "Defender",
    "Goalkeeper",
    "Quarterback",
    "Guard",
    "Forward",
    "Pitcher",
    "Driver",
];

/// Heads that make a place plus the words after it an organisation ("Los
/// Angeles" + "Police Department"). Sorted.
const ORG_HEADS: &[&str] = &[
    "Agency",
    "Airlines",
    "Airways",
    "Assembly",
    "Authority",
    "Board",
    "College",
    "Commission",
    "Council",
    "Court",
    "Department",
    "Hospital",
    "Institute",
    "Ministry",
    "Museum",
    "Office",
    "Parliament",
    "Police",
    "Senate",
    "Service",
    "Services",
    "University",
];

/// Last words that make a name an organisation whatever the tagger read it
/// as ("Northwind Energy", "Vantage Robotics", "Greenfield Holdings",
/// "Green Party"): company, institution and party heads. Words that also end
/// places or events are left out ("West Bank", "Soviet Union", "Premier
/// League", "Western Front"). Sorted.
const ORG_SUFFIXES: &[&str] = &[
    "Academy",
    "Aerospace",
    "Agency",
    "Airlines",
    "Airways",
    "Alliance",
    "Analytics",
    "Association",
    "Authority",
    "Biosciences",
    "Biotech",
    "Capital",
    "Coalition",
    "College",
    "Commission",
    "Committee",
    "Communications",
    "Corp",
    "Corp.",
    "Council",
    "Department",
    "Electronics",
    "Energy",
    "Entertainment",
    "Financial",
    "Foods",
    "Foundation",
    "Holdings",
    "Inc",
    "Inc.",
    "Industries",
    "Institute",
    "Institution",
    "Insurance",
    "Investments",
    "LLC",
    "Laboratories",
    "Labs",
    "Logistics",
    "Ltd",
    "Ltd.",
    "Ministry",
    "Motors",
    "Motorsports",
    "Networks",
    "Orchestra",
    "PLC",
    "Partners",
    "Party",
    "Pharma",
    "Pharmaceuticals",
    "Plc",
    "Robotics",
    "Securities",
    "Semiconductor",
    "Semiconductors",
    "Society",
    "Software",
    "Studios",
    "Systems",
    "Technologies",
    "Telecom",
    "Therapeutics",
    "University",
    "Ventures",
];

fn is_org_head(w: &str) -> bool {
    ORG_HEADS.binary_search(&w).is_ok()
}

fn is_org_suffix(w: &str) -> bool {
    ORG_SUFFIXES.binary_search(&w).is_ok()
}

/// The heads among those that name companies, whose first word alone is
/// the company's short name ("Northwind Energy" ... "Northwind shares").
const COMPANY_SUFFIXES: &[&str] = &[
    "Energy",
    "Logistics",
    "Capital",
    "Robotics",
    "Labs",
    "Technologies",
    "Holdings",
    "Airlines",
    "Airways",
    "Pharmaceuticals",
    "Therapeutics",
    "Biosciences",
    "Systems",
    "Analytics",
    "Industries",
    "Ventures",
    "Motors",
    "Networks",
    "Software",
    "Semiconductor",
    "Electronics",
    "Aerospace",
    "Foods",
    "Studios",
];

/// First words of an organisation named "... of <place>" ("University of
/// Lagos", "Bank of England", "Council of Europe").
const ORG_OF_HEADS: &[&str] = &[
    "University",
    "Institute",
    "College",
    "Bank",
    "Council",
    "Ministry",
    "Department",
    "Museum",
    "Academy",
    "Church",
    "Federation",
    "Association",
    "Society",
    "Party",
    "Port",
    "Court",
    "Government",
];

/// Titles before a surname that make the name a person ("Ms. Oyelaran").
const PERSON_HONORIFICS: &[&str] =
    &["Mr.", "Mrs.", "Ms.", "Dr.", "Mr", "Mrs", "Ms", "Dr", "Miss", "Prof.", "Sir", "Dame"];

/// Plural last words of places, not of teams ("Palm Springs", "Cayman Islands").
const PLACE_PLURALS: &[&str] = &[
    "States",
    "Islands",
    "Isles",
    "Springs",
    "Falls",
    "Heights",
    "Hills",
    "Mountains",
    "Lakes",
    "Emirates",
    "Highlands",
    "Alps",
    "Midlands",
    "Territories",
    "Keys",
    "Plains",
    "Woods",
    "Gardens",
    "Downs",
    "Sands",
    "Glades",
    "Banks",
    "Fields",
    "Meadows",
    "Palms",
    "Pines",
    "Oaks",
    "Cliffs",
    "Shores",
    "Rapids",
    "Provinces",
    "Flats",
    "Dunes",
    "Grove",
    "Acres",
    "Narrows",
    "Dales",
    "Fens",
    "Marshes",
    "Lands",
    "Works",
];

/// Home nations that field national sides but are no countries in the lists:
/// as teams, CoNLL-2003 keeps them (like countries) places.
const HOME_NATIONS: &[&str] = &["England", "Scotland", "Wales", "Northern Ireland", "Ireland"];

/// Capitalised words that open a sentence after an initial's full stop
/// ("... network X. The ...").
const SENTENCE_OPENERS: &[&str] = &[
    "The", "A", "An", "It", "He", "She", "They", "We", "I", "In", "On", "At", "But", "And", "Then", "This", "That",
    "These", "Those", "Its", "His", "Her", "Their", "There", "As", "For", "If", "When", "While", "After", "Before",
    "Some", "Shares", "Its",
];

/// Religions, their followers and peoples that are no country's
/// nationality: MISC in CoNLL-2003 ("Moslem", "Shi'ite", "Kurdish"); web
/// text spells them as CoNLL's 1996 news did not ("Sunni", "Shiite") and
/// they came out as people. Lower-case, straight apostrophes, sorted.
const RELIGIONS_AND_PEOPLES: &[&str] = &[
    "alawite",
    "alawites",
    "anglican",
    "anglicans",
    "arab",
    "arabs",
    "buddhism",
    "buddhist",
    "buddhists",
    "catholic",
    "catholics",
    "christianity",
    "christians",
    "copt",
    "coptic",
    "copts",
    "druze",
    "evangelical",
    "evangelicals",
    "hindu",
    "hinduism",
    "hindus",
    "hutu",
    "hutus",
    "islam",
    "islamic",
    "jew",
    "jewish",
    "jews",
    "judaism",
    "kurd",
    "kurdish",
    "kurds",
    "methodist",
    "methodists",
    "mormon",
    "mormons",
    "moslem",
    "moslems",
    "muslim",
    "muslims",
    "orthodox",
    "pashtun",
    "pashtuns",
    "protestant",
    "protestants",
    "rohingya",
    "shi'ite",
    "shi'ites",
    "shia",
    "shiite",
    "shiites",
    "sikh",
    "sikhs",
    "sunni",
    "sunnis",
    "tamil",
    "tamils",
    "tutsi",
    "tutsis",
    "uighur",
    "uighurs",
    "uyghur",
    "uyghurs",
    "yazidi",
    "yazidis",
];

/// The longest word of [`RELIGIONS_AND_PEOPLES`], in bytes.
const LONGEST_RELIGION_OR_PEOPLE: usize = 12;

/// Whether `w`, lower-cased with straight apostrophes, is in
/// [`RELIGIONS_AND_PEOPLES`]. ASCII words (nearly all) are lower-cased on
/// the stack; others as `str::to_lowercase` does.
fn religion_or_people(w: &str) -> bool {
    if !w.is_ascii() {
        let w = w.replace('\u{2019}', "'").to_lowercase();
        return RELIGIONS_AND_PEOPLES.binary_search(&w.as_str()).is_ok();
    }
    if w.len() > LONGEST_RELIGION_OR_PEOPLE {
        return false;
    }
    let mut buf = [0u8; LONGEST_RELIGION_OR_PEOPLE];
    let lower = &mut buf[..w.len()];
    lower.copy_from_slice(w.as_bytes());
    lower.make_ascii_lowercase();
    RELIGIONS_AND_PEOPLES.binary_search_by(|x| x.as_bytes().cmp(lower)).is_ok()
}

/// People in the news since 1996 whose surname the 1996 text cannot know
/// and whose name reads as nothing else (no common word, place or company:
/// not "Harris", "Cook", "Johnson"), written by hand from general knowledge
/// like `model/names-modern.tsv`. A tagged one-word name that is one of them
/// is a person ("Biden said" had come out as an organisation). Sorted.
const PEOPLE_SINCE_1996: &[&str] = &[
    "Abe",
    "Ahern",
    "Albanese",
    "Altman",
    "Ardern",
    "Assad",
    "Barnier",
    "Bezos",
    "Biden",
    "Blinken",
    "Bolsonaro",
    "Buttigieg",
    "Cuomo",
    "DeSantis",
    "Draghi",
    "Duterte",
    "Erdogan",
    "Erdoğan",
    "Fauci",
    "Giuliani",
    "Guaido",
    "Guterres",
    "Haaland",
    "Jokowi",
    "Kavanaugh",
    "Khamenei",
    "Kishida",
    "Kushner",
    "Lagarde",
    "Lukashenko",
    "Macron",
    "Maduro",
    "McConnell",
    "Medvedev",
    "Meloni",
    "Merkel",
    "Milei",
    "Mnuchin",
    "Modi",
    "Musk",
    "Nadella",
    "Navalny",
    "Netanyahu",
    "Newsom",
    "Obama",
    "Ocasio-Cortez",
    "Orban",
    "Orbán",
    "Pelosi",
    "Pichai",
    "Pompeo",
    "Putin",
    "Ramaphosa",
    "Rouhani",
    "Sarkozy",
    "Scholz",
    "Schumer",
    "Sheinbaum",
    "Starmer",
    "Sunak",
    "Tedros",
    "Trudeau",
    "Trump",
    "Yellen",
    "Zelenskiy",
    "Zelensky",
    "Zelenskyy",
    "Zuckerberg",
];

/// The longest word a [`PEOPLE_SINCE_1996`] key holds, in bytes.
const LONGEST_PERSON: usize = hash::PACKED_BYTES;

/// The keys of [`PEOPLE_SINCE_1996`] as written (see [`hash::packed`]), in the same (sorted) order.
const PERSON_KEYS: [u128; PEOPLE_SINCE_1996.len()] = hash::packed_all(PEOPLE_SINCE_1996, false);

/// Whether `w` is one of [`PEOPLE_SINCE_1996`], compared as one number.
fn person_since_1996(w: &str) -> bool {
    w.len() <= LONGEST_PERSON && PERSON_KEYS.binary_search(&hash::packed(w.as_bytes(), false)).is_ok()
}

/// "31-28": two scores joined by a hyphen.
fn is_score(w: &str) -> bool {
    w.split_once('-').is_some_and(|(a, b)| {
        (1..=3).contains(&a.len())
            && (1..=3).contains(&b.len())
            && a.chars().all(|c| c.is_ascii_digit())
            && b.chars().all(|c| c.is_ascii_digit())
    })
}

/// The name lists the rules consult, by index into the model's lists.
struct Lists {
    known: Option<usize>,
    first: Option<usize>,
    /// Every list that names an organisation, a place or a non-person.
    not_people: u16,
    team: Option<usize>,
    product: Option<usize>,
    country: Option<usize>,
    places: u16,
}

impl Lists {
    fn of(gaz: &Gazetteer) -> Lists {
        let find = |n: &str| gaz.names.iter().position(|x| x == n);
        let places =
            gaz.names.iter().enumerate().filter(|(_, n)| n.starts_with("loc.")).fold(0u16, |m, (i, _)| m | 1 << i);
        Lists {
            known: find("org.known"),
            first: find("per.first"),
            not_people: gaz
                .names
                .iter()
                .enumerate()
                .filter(|(_, n)| {
                    n.starts_with("loc.")
                        || n.starts_with("org.")
                        || n.starts_with("misc.")
                        || matches!(n.as_str(), "train.ORG" | "train.LOC" | "train.MISC")
                })
                .fold(0u16, |m, (i, _)| m | 1 << i),
            team: find("org.team"),
            product: find("misc.product"),
            country: find("loc.country"),
            places,
        }
    }
}

fn has(mask: u16, list: Option<usize>) -> bool {
    list.is_some_and(|l| mask & (1 << l) != 0)
}

/// Tokens `a..b` of entity `e`.
fn tokens_of(seg: &Segmented, span: Span) -> (usize, usize) {
    let a = seg.tokens.partition_point(|t| t.span.end <= span.start);
    // A name is a few tokens long: its end is found by walking from its start
    // (every token before `a` starts before the span ends, too).
    let b = a + seg.tokens[a..].iter().take_while(|t| t.span.start < span.end).count();
    (a, b)
}

/// Which tokens the entities cover.
fn taken_tokens(seg: &Segmented, out: &[Entity]) -> Vec<bool> {
    let mut taken = vec![false; seg.tokens.len()];
    for e in out {
        let (a, b) = tokens_of(seg, e.span);
        taken[a..b].iter_mut().for_each(|t| *t = true);
    }
    taken
}

fn span_of(seg: &Segmented, a: usize, b: usize) -> Span {
    Span::new(seg.tokens[a].span.start, seg.tokens[b - 1].span.end)
}

fn capitalised(w: &str) -> bool {
    w.chars().next().is_some_and(char::is_uppercase)
}

/// Whether a char after the first is upper case ("iPhone", "eBay"), by a
/// byte test for ASCII words.
fn capital_inside(w: &str) -> bool {
    if w.is_ascii() {
        w.as_bytes().iter().skip(1).any(u8::is_ascii_uppercase)
    } else {
        w.chars().skip(1).any(char::is_uppercase)
    }
}

/// A name that reads as nothing but a name: camel case ("OpenAI", "iPhone"),
/// digits or symbols in it ("A350", "OPEC+", "Chick-fil-A"), or several
/// capitalised words ("Hugging Face").
fn distinctive(seg: &Segmented, a: usize, b: usize) -> bool {
    let text = span_of(seg, a, b).slice(seg.text);
    let camel = text.chars().skip(1).any(char::is_uppercase) && text.chars().any(char::is_lowercase);
    let marked = text.chars().any(|c| c.is_ascii_digit() || matches!(c, '+' | '&' | '-' | '.'));
    let words = (a..b).filter(|&i| seg.tokens[i].kind == TokenKind::Word).count();
    let all_caps_words = (a..b)
        .filter(|&i| seg.tokens[i].kind == TokenKind::Word)
        .all(|i| capitalised(seg.word(i)) || seg.word(i) == "of");
    (camel || marked || (words >= 2 && all_caps_words))
        && (capitalised(text) || camel || text.starts_with(|c: char| c.is_ascii_digit()))
}

/// Applies every rule to the tagger's entities (in text order).
pub(crate) fn apply(seg: &Segmented, res: &Resources, feats: &Features, out: &mut Vec<Entity>) {
    let gaz = &res.gazetteer;
    let lists = Lists::of(gaz);
    // Whether the training text knows a word in lower case ("steel", "cricket").
    let common = |w: &str| res.clusters.map.contains_key(&super::hash::word(&w.to_lowercase(), false));
    let lookup = |a: usize, b: usize| gaz.lookup((a..b).map(|i| feats.lower(i)));
    let lookup_from = |a: usize, masks: &mut [u16]| gaz.lookup_prefixes((a..).map(|i| feats.lower(i)), masks);
    split_titled_spans(seg, gaz, &lookup, out);
    trim_full_stops(seg, out);
    drop_non_names(seg, out);
    religions_and_peoples(seg, out);
    joined_places(seg, &lists, feats, gaz, out);
    extend_places(seg, out);
    known_names(seg, &lists, &lookup, &lookup_from, out);
    organisation_heads(seg, &lists, &lookup, out);
    person_cues(seg, &lists, &lookup, &common, out);
    company_short_names(seg, &common, out);
    events(seg, out);
    heads_before_of(seg, out);
    sports_teams(seg, &lists, &lookup, out);
    hyphenated_people(seg, out);
    hyphenated_name_ends(seg, &common, out);
    titles_before_people(seg, out);
    people_in_places(seg, &lists, &lookup, out);
    people_since_1996(seg, out);
    appositions(seg, out);
    out.sort_by_key(|e| (e.span.start, e.span.end));
}

/// "Riverside County Sheriff Chad Bianco" tagged as one span: the person
/// is the name after the last title or job word, the part before it keeps
/// its label (a county or city a place).
fn split_titled_spans(seg: &Segmented, gaz: &Gazetteer, lookup: &impl Fn(usize, usize) -> u16, out: &mut Vec<Entity>) {
    let mut add = Vec::new();
    for e in out.iter_mut() {
        if e.label == EntityLabel::Per {
            continue;
        }
        let (a, b) = tokens_of(seg, e.span);
        let Some(k) = (a + 1..b.saturating_sub(2)).rev().find(|&k| {
            let w = seg.word(k);
            (super::groups::is_person_title(w) || JOB_WORDS.contains(&w)) && capitalised(w)
        }) else {
            continue;
        };
        let person = k + 1..b;
        if !person.clone().all(|i| seg.tokens[i].kind != TokenKind::Word || capitalised(seg.word(i))) {
            continue;
        }
        // Several title words in a row ("Secretary General") go with the title.
        let mut head = k;
        while head > a && (super::groups::is_title(seg.word(head - 1)) || JOB_WORDS.contains(&seg.word(head - 1))) {
            head -= 1;
        }
        add.push(Entity { span: span_of(seg, person.start, person.end), label: EntityLabel::Per, group: None });
        // The part before the title is a name when its last word says what
        // it is ("Riverside County", "Police Department") or a list knows
        // it ("Nato"), with that list's label ("Anglo-Saxon" is MISC).
        let last = if head > a { seg.word(head - 1) } else { "" };
        let mask = if head > a { lookup(a, head) } else { 0 };
        let listed = (0..16).filter(|&l| mask & (1 << l) != 0).find_map(|l| gaz.list_label(l));
        let label = if head == a {
            None
        } else if matches!(last, "County" | "City" | "State" | "Province") {
            Some(EntityLabel::Loc)
        } else if is_org_head(last) {
            Some(EntityLabel::Org)
        } else {
            listed
        };
        match label {
            Some(label) => *e = Entity { span: span_of(seg, a, head), label, group: None },
            None => e.span = Span::new(0, 0),
        }
    }
    out.retain(|e| !e.span.is_empty());
    out.extend(add);
    out.sort_by_key(|e| (e.span.start, e.span.end));
}

/// A name ends before its sentence's full stop ("... the social network
/// X." gives "X"), as CoNLL-2003 cuts it even off "U.S"; an initial followed
/// by a word that opens sentences ends the name there ("X. The").
fn trim_full_stops(seg: &Segmented, out: &mut [Entity]) {
    for e in out.iter_mut() {
        let (a, b) = tokens_of(seg, e.span);
        if b <= a {
            continue;
        }
        // "X. The company" read as one name: cut after the initial.
        if let Some(k) = (a..b - 1).find(|&k| {
            let w = seg.word(k);
            w.len() <= 3
                && w.ends_with('.')
                && w[..w.len() - 1].chars().all(|c| c.is_ascii_uppercase())
                && SENTENCE_OPENERS.contains(&seg.word(k + 1))
                && k + 1 < b
        }) {
            let w = seg.tokens[k].span;
            e.span = Span::new(e.span.start, w.end - 1);
            continue;
        }
        let last = seg.tokens[b - 1];
        let w = last.span.slice(seg.text);
        if !w.ends_with('.') || w.len() < 2 {
            continue;
        }
        let k = seg.sentences.partition_point(|s| s.tokens.end < b);
        // A name of one letter and its full stop is no initial: an initial
        // alone names nothing, so the sentence ends there even where the
        // splitter read an initial ("posted it on X. Later she").
        let lone_letter = b - a == 1
            && w.len() == 2
            && w.as_bytes()[0].is_ascii_uppercase()
            && b < seg.tokens.len()
            && capitalised(seg.word(b));
        let sentence_end = seg.sentences.get(k).is_some_and(|s| s.tokens.end == b)
            || seg.tokens.get(b).is_none_or(|n| n.newlines_before > 0)
            || lone_letter;
        if sentence_end {
            e.span = Span::new(e.span.start, last.span.end - 1);
        }
    }
}

/// Holidays, caption words and table abbreviations are no names; "FILE
/// PHOTO" or "Illustration" at the front of a name comes off it.
fn drop_non_names(seg: &Segmented, out: &mut Vec<Entity>) {
    out.retain(|e| {
        let t = e.span.slice(seg.text);
        let phase =
            t.strip_prefix("Phase ").is_some_and(|n| n.chars().all(|c| c.is_ascii_digit() || c.is_ascii_uppercase()));
        !NOT_NAMES.contains(&t) && !phase
    });
}

/// A name made only of words for religions, their followers and peoples
/// ("Sunni", "Shiite Muslim", "Kurds") is MISC.
fn religions_and_peoples(seg: &Segmented, out: &mut [Entity]) {
    for e in out.iter_mut().filter(|e| e.label != EntityLabel::Misc) {
        let (a, b) = tokens_of(seg, e.span);
        let mut words = (a..b).filter(|&i| seg.tokens[i].kind == TokenKind::Word).peekable();
        if words.peek().is_some() && words.all(|i| capitalised(seg.word(i)) && religion_or_people(seg.word(i))) {
            e.label = EntityLabel::Misc;
        }
    }
}

/// A place followed by "County" is the county ("Riverside" + "County"); a
/// place followed by capitalised words ending in an organisation's head is
/// that organisation ("Los Angeles" + "Police Department").
fn extend_places(seg: &Segmented, out: &mut [Entity]) {
    let starts: Vec<usize> = out.iter().map(|e| e.span.start).collect();
    for (n, e) in out.iter_mut().enumerate() {
        if e.label != EntityLabel::Loc {
            continue;
        }
        let (_, b) = tokens_of(seg, e.span);
        let next_start = starts.get(n + 1).copied().unwrap_or(usize::MAX);
        let word_at = |i: usize| seg.tokens.get(i).filter(|t| t.kind == TokenKind::Word && t.newlines_before == 0);
        if let Some(t) = word_at(b).filter(|t| t.span.slice(seg.text) == "County" && t.span.start < next_start) {
            e.span = Span::new(e.span.start, t.span.end);
            continue;
        }
        let mut j = b;
        while j < b + 3 && word_at(j).is_some_and(|t| capitalised(t.span.slice(seg.text)) && t.span.start < next_start)
        {
            j += 1;
        }
        if let Some(k) = (b..j).rev().find(|&k| is_org_head(seg.word(k))) {
            e.span = Span::new(e.span.start, seg.tokens[k].span.end);
            e.label = EntityLabel::Org;
        }
    }
}

/// Names in the project's lists of organisations and products since 1996
/// take their list's label when tagged, and are found when the tagger
/// missed them if they cannot be read as anything else.
fn known_names(
    seg: &Segmented,
    lists: &Lists,
    lookup: &impl Fn(usize, usize) -> u16,
    lookup_from: &impl Fn(usize, &mut [u16]),
    out: &mut Vec<Entity>,
) {
    let label_of = |mask: u16| {
        if has(mask, lists.known) || has(mask, lists.team) {
            Some(EntityLabel::Org)
        } else if has(mask, lists.product) {
            Some(EntityLabel::Misc)
        } else {
            None
        }
    };
    // Missed names: the longest distinctive match outside every entity.
    let taken = taken_tokens(seg, out);
    let mut add = Vec::new();
    for s in &seg.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            let t = seg.tokens[i];
            let w = seg.word(i);
            let may_start = !taken[i]
                && (t.kind == TokenKind::Number || t.kind == TokenKind::Word && (capitalised(w) || capital_inside(w)));
            if !may_start {
                i += 1;
                continue;
            }
            let mut found = None;
            let end = (i + 5).min(s.tokens.end);
            let mut masks = [0u16; 5];
            lookup_from(i, &mut masks[..end - i]);
            for j in (i + 1..=end).rev() {
                if taken[i..j].iter().any(|&x| x) {
                    continue;
                }
                let mask = masks[j - i - 1];
                // Listed organisations are found whatever their form; products only
                // when their name can be read as nothing else.
                let Some(l) = label_of(mask) else { continue };
                if distinctive(seg, i, j) || has(mask, lists.known) && capitalised(seg.word(i)) {
                    found = Some((j, l));
                    break;
                }
            }
            match found {
                Some((j, l)) => {
                    add.push(Entity { span: span_of(seg, i, j), label: l, group: None });
                    i = j;
                }
                None => i += 1,
            }
        }
    }
    out.extend(add);
    out.sort_by_key(|e| (e.span.start, e.span.end));
    let n = seg.tokens.len();
    for e in out.iter_mut() {
        let (a, mut b) = tokens_of(seg, e.span);
        // A listed name the tagger cut short ("OPEC" of "OPEC+", "Boeing"
        // of "Boeing 777X", "Artemis" of "Artemis II"): take the rest.
        let sentence_end =
            seg.sentences.get(seg.sentences.partition_point(|s| s.tokens.end <= a)).map_or(n, |s| s.tokens.end);
        for j in (b + 1..=(b + 2).min(sentence_end)).rev() {
            if label_of(lookup(a, j)).is_some() && seg.tokens[b..j].iter().all(|t| t.newlines_before == 0) {
                e.span = span_of(seg, a, j);
                b = j;
                break;
            }
        }
        let mask = lookup(a, b);
        if let Some(l) = label_of(mask) {
            // A product stays what the tagger said unless its name can be read as nothing else.
            if l == EntityLabel::Org || distinctive(seg, a, b) || e.label == EntityLabel::Misc {
                e.label = l;
            }
        }
        // A product and its model number: "iPhone" + "16", "PlayStation" + "5".
        if has(mask, lists.product) && b < sentence_end {
            let w = seg.word(b);
            let model = seg.tokens[b].kind == TokenKind::Number && w.len() <= 4
                || matches!(w, "II" | "III" | "IV" | "V" | "VI" | "Pro" | "Max" | "Ultra" | "Plus" | "Mini");
            if model && seg.tokens[b].space_before && seg.tokens[b].newlines_before == 0 {
                e.span = span_of(seg, a, b + 1);
                e.label = EntityLabel::Misc;
                continue;
            }
        }
        // Any product and a model code of capitals and digits: "Galaxy" + "S24".
        if e.label == EntityLabel::Misc && b < sentence_end && seg.tokens[b].space_before {
            let w = seg.word(b);
            let code = (2..=5).contains(&w.len())
                && w.starts_with(|c: char| c.is_ascii_uppercase())
                && w.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
                && w.chars().any(|c| c.is_ascii_digit());
            if code && seg.tokens[b].newlines_before == 0 && capitalised(seg.word(a)) {
                e.span = span_of(seg, a, b + 1);
            }
        }
    }
    // Entities the extensions swallowed go.
    let mut end = 0;
    out.retain(|e| {
        let keep = e.span.start >= end;
        end = end.max(e.span.end);
        keep
    });
}

/// Contests, prizes, laws and storms are MISC ("Super Bowl", "Grammy
/// Awards", "Digital Services Act", "Hurricane Milton"); a place, people
/// or number right before one is part of it ("Japanese Grand Prix", "Paris
/// Games", "T20 World Cup").
fn events(seg: &Segmented, out: &mut Vec<Entity>) {
    for e in out.iter_mut() {
        let (a, b) = tokens_of(seg, e.span);
        if b - a < 2 {
            continue;
        }
        let last = seg.word(b - 1);
        let league = last == "League" && LEAGUE_CONTESTS.contains(&seg.word(b - 2));
        let storm = STORM_HEADS.contains(&seg.word(a));
        if EVENT_HEADS.contains(&last) || league || storm {
            e.label = EntityLabel::Misc;
            // "T20 World Cup", "2026 Winter Olympics" keep their number when it has letters.
            if a > 0 {
                let p = seg.tokens[a - 1];
                let pw = seg.word(a - 1);
                if p.kind == TokenKind::Word
                    && pw.chars().any(|c| c.is_ascii_digit())
                    && pw.chars().any(char::is_alphabetic)
                    && seg.tokens[a].space_before
                {
                    e.span = Span::new(p.span.start, e.span.end);
                }
            }
        }
    }
    // Merge "Japanese" + "Grand Prix", "Paris" + "Games".
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    for e in out.drain(..) {
        if let Some(prev) = merged.last_mut() {
            let gap = &seg.text[prev.span.end.min(e.span.start)..e.span.start];
            let (a, b) = tokens_of(seg, e.span);
            let is_event = e.label == EntityLabel::Misc && b > a && EVENT_HEADS.contains(&seg.word(b - 1));
            if is_event && gap == " " && matches!(prev.label, EntityLabel::Loc | EntityLabel::Misc) {
                prev.span = Span::new(prev.span.start, e.span.end);
                prev.label = EntityLabel::Misc;
                continue;
            }
        }
        merged.push(e);
    }
    *out = merged;
}

/// Teams named by their place are organisations in CoNLL-2003 ("Leicestershire
/// beat Somerset"); national sides stay places. A place next to a verb of a
/// result in a sentence with a score, a place plus a plural nickname
/// ("Boston Celtics"), and the names in the team list are ORG.
fn sports_teams(seg: &Segmented, lists: &Lists, lookup: &impl Fn(usize, usize) -> u16, out: &mut [Entity]) {
    let mut scored: Vec<Option<bool>> = vec![None; seg.sentences.len()];
    for e in out.iter_mut() {
        if e.label == EntityLabel::Org {
            continue;
        }
        let (a, b) = tokens_of(seg, e.span);
        if b <= a {
            continue;
        }
        let mask = lookup(a, b);
        if has(mask, lists.team) {
            e.label = EntityLabel::Org;
            continue;
        }
        // "Boston Celtics": a place and a plural nickname.
        if b - a >= 2 && e.label == EntityLabel::Loc {
            let last = seg.word(b - 1);
            let plural = last.len() > 3
                && last.ends_with('s')
                && !last.ends_with("ss")
                && capitalised(last)
                && !EVENT_HEADS.contains(&last);
            if plural
                && !PLACE_PLURALS.contains(&last)
                && lookup(a, b - 1) & lists.places != 0
                && mask & lists.places == 0
            {
                e.label = EntityLabel::Org;
                continue;
            }
        }
        if e.label != EntityLabel::Loc || has(mask, lists.country) {
            continue;
        }
        let name = e.span.slice(seg.text);
        if HOME_NATIONS.contains(&name) {
            continue;
        }
        let before = a.checked_sub(1).map(|i| seg.word(i));
        let before2 = a.checked_sub(2).map(|i| seg.word(i));
        let after = seg.tokens.get(b).map(|_| seg.word(b));
        let verb_before = before.is_some_and(|w| RESULT_VERBS.contains(&w))
            || (before == Some("the") && before2.is_some_and(|w| RESULT_VERBS.contains(&w)))
            || before == Some("with") && before2 == Some("drew");
        // "lost to", "a win over", "a 1-1 draw with" or "by" the side.
        let result_before = before2.zip(before).is_some_and(|(x, y)| {
            matches!(
                (x, y),
                ("lost" | "losing" | "loss" | "defeat", "to")
                    | ("win" | "wins" | "victory" | "victories" | "triumph", "over" | "against")
                    | ("draw" | "tie", "with" | "against" | "by")
                    | ("beaten" | "defeated" | "held" | "edged" | "upset", "by")
            )
        });
        let verb_before = verb_before || result_before;
        let verb_after = after.is_some_and(|w| RESULT_VERBS.contains(&w));
        if !(verb_before || verb_after) {
            continue;
        }
        // Whether the sentence holds a score, read once per sentence: a long
        // text without sentence breaks must not be scanned once per place.
        let k = seg.sentences.partition_point(|s| s.span.end <= e.span.start);
        let Some(s) = seg.sentences.get(k) else { continue };
        let score = *scored[k].get_or_insert_with(|| {
            let r = s.tokens.clone();
            r.clone().any(|i| seg.tokens[i].kind == TokenKind::Number && is_score(seg.word(i)))
                || (r.start + 2..r.end).any(|i| {
                    seg.tokens[i - 2].kind == TokenKind::Number
                        && seg.word(i - 1) == "-"
                        && seg.tokens[i].kind == TokenKind::Number
                        && !seg.tokens[i - 1].space_before
                })
        });
        if score {
            e.label = EntityLabel::Org;
        }
    }
}

/// A person's hyphenated name is one name: "Shai Gilgeous" + "-" +
/// "Alexander" tagged as two people, or "Lip-" left out of "Bu Tan".
fn hyphenated_people(seg: &Segmented, out: &mut Vec<Entity>) {
    let glued = |x: usize, y: usize| x == y;
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    for mut e in out.drain(..) {
        if e.label == EntityLabel::Per {
            let (a, _) = tokens_of(seg, e.span);
            // "Lip-" + "Bu Tan"
            if a >= 2
                && seg.word(a - 1) == "-"
                && glued(seg.tokens[a - 1].span.end, seg.tokens[a].span.start)
                && glued(seg.tokens[a - 2].span.end, seg.tokens[a - 1].span.start)
                && capitalised(seg.word(a - 2))
                && merged.last().is_none_or(|p| p.span.end <= seg.tokens[a - 2].span.start)
            {
                e.span = Span::new(seg.tokens[a - 2].span.start, e.span.end);
            }
            if let Some(prev) = merged.last_mut()
                && prev.label == EntityLabel::Per
                && &seg.text[prev.span.end..e.span.start] == "-"
            {
                prev.span = Span::new(prev.span.start, e.span.end);
                continue;
            }
        }
        merged.push(e);
    }
    *out = merged;
}

/// A "person" that ends in a title right before a person ("Anglo-Saxon
/// King" + "Harold Godwinson"), or a name of titles alone there
/// ("Justices" + "Elena Kagan"), is the title, no name: it goes.
fn titles_before_people(seg: &Segmented, out: &mut Vec<Entity>) {
    let n = out.len();
    let mut drop = vec![false; n];
    for k in 0..n.saturating_sub(1) {
        let (e, next) = (&out[k], &out[k + 1]);
        if next.label != EntityLabel::Per || &seg.text[e.span.end..next.span.start] != " " {
            continue;
        }
        let (a, b) = tokens_of(seg, e.span);
        // A person ending in a title; any other name made of titles alone
        // ("Justices" read as an organisation before "Elena Kagan").
        let title = |i: usize| super::groups::is_person_title(seg.word(i));
        if b > a && title(b - 1) && (e.label == EntityLabel::Per || (a..b).all(title)) {
            drop[k] = true;
        }
    }
    let mut k = 0;
    out.retain(|_| {
        k += 1;
        !drop[k - 1]
    });
}

/// A one-word "person" right after "in", "near", "into" ... is a place
/// ("a spokesman for the company in Redmond", "forced back into Rwanda")
/// unless a possessive follows ("in Sassoon's life") or it is a listed given
/// name ("the change in Sarah").
fn people_in_places(seg: &Segmented, lists: &Lists, lookup: &impl Fn(usize, usize) -> u16, out: &mut [Entity]) {
    for e in out.iter_mut().filter(|e| e.label == EntityLabel::Per) {
        let (a, b) = tokens_of(seg, e.span);
        if b != a + 1 || a == 0 || !capitalised(seg.word(a)) {
            continue;
        }
        let before = seg.word(a - 1);
        let possessive =
            seg.tokens.get(b).is_some_and(|_| matches!(seg.word(b), "'s" | "\u{2019}s" | "'" | "\u{2019}"));
        if matches!(before, "in" | "near" | "into" | "outside" | "across" | "throughout")
            && !possessive
            && !has(lookup(a, b), lists.first)
        {
            e.label = EntityLabel::Loc;
        }
    }
}

/// A landform's or an event's head, "of" and a place tagged apart ("Gulf",
/// "of", "Mexico"; "Battle of", "Waterloo") are one name: LOC for the
/// landform ("Gulf of Mexico", "Bay of Biscay"), MISC for the event.
fn heads_before_of(seg: &Segmented, out: &mut Vec<Entity>) {
    const LANDFORMS: &[&str] = &["Gulf", "Bay", "Isle", "Strait", "Straits", "Sea", "Cape"];
    const EVENTS: &[&str] = &["Battle", "Siege", "Sack", "Massacre"];
    let mut merged: Vec<Entity> = Vec::with_capacity(out.len());
    for e in out.drain(..) {
        let (a, _) = tokens_of(seg, e.span);
        if e.label == EntityLabel::Loc && a >= 2 && seg.word(a - 1) == "of" && seg.tokens[a - 1].newlines_before == 0 {
            let head = seg.word(a - 2);
            let label = if LANDFORMS.contains(&head) {
                Some(EntityLabel::Loc)
            } else if EVENTS.contains(&head) {
                Some(EntityLabel::Misc)
            } else {
                None
            };
            let start = seg.tokens[a - 2].span.start;
            if let Some(label) = label
                && seg.tokens[a - 2].newlines_before == 0
            {
                // The head may have been tagged on its own ("Gulf" LOC): it joins.
                if merged.last().is_some_and(|p| p.span.end > start) {
                    if merged.last().is_some_and(|p| p.span.start == start && p.span.end == seg.tokens[a - 2].span.end)
                    {
                        merged.pop();
                    } else {
                        merged.push(e);
                        continue;
                    }
                }
                merged.push(Entity { span: Span::new(start, e.span.end), label, group: None });
                continue;
            }
        }
        merged.push(e);
    }
    *out = merged;
}

/// A one-word name tagged as something else that is in
/// `PEOPLE_SINCE_1996` is that person ("Biden said"), and so is such a word
/// the tagger left out ("Musk's X fined").
fn people_since_1996(seg: &Segmented, out: &mut Vec<Entity>) {
    for e in out.iter_mut().filter(|e| e.label != EntityLabel::Per) {
        let (a, b) = tokens_of(seg, e.span);
        if b == a + 1 && person_since_1996(seg.word(a)) {
            e.label = EntityLabel::Per;
        }
    }
    // Untagged ("Musk's X fined"), unless a capitalised word follows ("Trump Tower").
    let mut add = Vec::new();
    let mut k = 0;
    for (i, t) in seg.tokens.iter().enumerate() {
        while k < out.len() && out[k].span.end <= t.span.start {
            k += 1;
        }
        let inside = out.get(k).is_some_and(|e| e.span.start < t.span.end);
        // Every listed name starts with an ASCII capital (a test holds the
        // list to it): most words are rejected by their first byte.
        if inside
            || t.kind != TokenKind::Word
            || !seg.word(i).as_bytes()[0].is_ascii_uppercase()
            || !person_since_1996(seg.word(i))
        {
            continue;
        }
        let next_capitalised = seg.tokens.get(i + 1).is_some_and(|n| {
            n.kind == TokenKind::Word && n.newlines_before == 0 && capitalised(n.span.slice(seg.text))
        });
        if !next_capitalised {
            add.push(Entity { span: t.span, label: EntityLabel::Per, group: None });
        }
    }
    out.extend(add);
}

/// Head nouns of an apposition that say what a name is: "NetChoice, a
/// trade group whose ...", "Tomsk, a city in Siberia". Lower case. (Heads
/// for people, "a spokesman", were tried: after a place ending a clause the
/// phrase is about someone else, "born in Saint-Georges, Quebec, the son of".)
const APPOSITION_ORG: &[&str] = &[
    "company",
    "firm",
    "group",
    "bank",
    "agency",
    "startup",
    "start-up",
    "maker",
    "manufacturer",
    "carrier",
    "airline",
    "insurer",
    "lender",
    "retailer",
    "brokerage",
    "publisher",
    "newspaper",
    "broadcaster",
    "party",
    "charity",
    "university",
    "club",
    "band",
    "organisation",
    "organization",
    "ministry",
    "regulator",
    "conglomerate",
    "operator",
    "supplier",
    "subsidiary",
    "watchdog",
    "association",
    "nonprofit",
    "non-profit",
    "think-tank",
    "tank",
    "automaker",
    "carmaker",
    "chipmaker",
    "drugmaker",
    "planemaker",
    "miner",
    "utility",
    "exchange",
    "consultancy",
    "foundation",
    "institute",
    "outlet",
    "daily",
    "tabloid",
    "militia",
    "coalition",
];
const APPOSITION_LOC: &[&str] = &[
    "city",
    "town",
    "village",
    "province",
    "region",
    "state",
    "country",
    "island",
    "district",
    "county",
    "suburb",
    "port",
    "capital",
    "river",
    "neighbourhood",
    "neighborhood",
    "municipality",
    "archipelago",
];

/// A name followed by ", a/an/the" and a noun phrase whose head says what it
/// is takes that label: "NetChoice, a trade group whose members ..." is an
/// organisation, "Tomsk, a city in Siberia" a place (the head is the
/// phrase's last noun; not "..., a group of engineers").
fn appositions(seg: &Segmented, out: &mut [Entity]) {
    let n = seg.tokens.len();
    let starts: Vec<usize> = out.iter().map(|e| e.span.start).collect();
    for (k, e) in out.iter_mut().enumerate() {
        let (_, b) = tokens_of(seg, e.span);
        if b + 2 >= n || seg.word(b) != "," || !matches!(seg.word(b + 1), "a" | "an" | "the") {
            continue;
        }
        let next_start = starts.get(k + 1).copied().unwrap_or(usize::MAX);
        let mut head = None;
        let mut j = b + 2;
        while j < n && j < b + 7 && seg.tokens[j].span.start < next_start && seg.tokens[j].newlines_before == 0 {
            let w = seg.word(j);
            let plain = seg.tokens[j].kind == TokenKind::Word && w.chars().all(|c| c.is_lowercase() || c == '-');
            if !plain || matches!(w, "that" | "which" | "who" | "whose" | "in" | "of" | "for" | "with" | "and" | "at") {
                break;
            }
            head = Some(w);
            j += 1;
        }
        let Some(h) = head else { continue };
        let boundary = j >= n
            || !matches!(seg.tokens[j].kind, TokenKind::Word)
            || seg.tokens[j].span.start >= next_start
            || matches!(seg.word(j), "that" | "which" | "who" | "whose" | "in" | "of" | "for" | "with" | "and" | "at");
        // "..., a group of engineers": partitive, the phrase is not about the name.
        let partitive = j < n
            && seg.word(j) == "of"
            && !matches!(h, "subsidiary" | "affiliate" | "division" | "unit" | "capital" | "suburb" | "province");
        if !boundary || partitive {
            continue;
        }
        let label = if APPOSITION_ORG.contains(&h) {
            EntityLabel::Org
        } else if APPOSITION_LOC.contains(&h) {
            EntityLabel::Loc
        } else {
            continue;
        };
        e.label = label;
    }
}

/// A place named "X and Y" or "X & Y" in the place lists ("Trinidad and
/// Tobago", "Bosnia & Herzegovina", "St. Vincent and the Grenadines") is one
/// place, however the tagger split it: the longest listed match over the
/// entities it covers replaces them.
fn joined_places(seg: &Segmented, lists: &Lists, feats: &Features, gaz: &Gazetteer, out: &mut Vec<Entity>) {
    let and = super::hash::word("and", true);
    let lower = |i: usize| if seg.word(i) == "&" { and } else { feats.lower(i) };
    let mut add = Vec::new();
    // The entities by start, and the longest: those that can overlap a span
    // start within that length before it (a text of many joined places must
    // not be searched once per place).
    let mut by_start: Vec<(usize, usize)> = out.iter().map(|e| (e.span.start, e.span.end)).collect();
    by_start.sort_unstable();
    let longest = by_start.iter().map(|&(a, b)| b - a).max().unwrap_or(0);
    for s in &seg.sentences {
        let mut i = s.tokens.start;
        while i < s.tokens.end {
            if !capitalised(seg.word(i)) {
                i += 1;
                continue;
            }
            let hi = (i + 8).min(s.tokens.end);
            // A span `i..j` is joined when an "and" or "&" stands inside it
            // before its last word: the first one after `i`, found once,
            // bounds the ends worth looking up.
            let Some(and_at) = (i + 1..hi.saturating_sub(1)).find(|&k| matches!(seg.word(k), "&" | "and")) else {
                i += 1;
                continue;
            };
            let found = ((i + 3).max(and_at + 2)..=hi).rev().find(|&j| {
                capitalised(seg.word(j - 1))
                    && gaz.lookup((i..j).map(lower)) & lists.places != 0
                    && seg.tokens[i + 1..j].iter().all(|t| t.newlines_before == 0)
            });
            match found {
                Some(j) => {
                    let span = span_of(seg, i, j);
                    // Only when no entity crosses the place's edges.
                    let from = by_start.partition_point(|&(a, _)| a + longest < span.start);
                    let crosses = by_start[from..]
                        .iter()
                        .take_while(|&&(a, _)| a < span.end)
                        .any(|&(a, b)| b > span.start && (a < span.start || b > span.end));
                    if !crosses {
                        add.push(span);
                    }
                    i = j;
                }
                None => i += 1,
            }
        }
    }
    if add.is_empty() {
        return;
    }
    // `add` is in text order and its spans do not overlap: the one that may
    // hold an entity is the last to start at or before it.
    out.retain(|e| {
        let k = add.partition_point(|s| s.start <= e.span.start);
        !(k > 0 && e.span.end <= add[k - 1].end)
    });
    out.extend(add.into_iter().map(|span| Entity { span, label: EntityLabel::Loc, group: None }));
    out.sort_by_key(|e| (e.span.start, e.span.end));
}

/// Whether the words `a..b` are capitalised words (and "of", "&", "-").
fn name_words(seg: &Segmented, a: usize, b: usize) -> bool {
    (a..b).all(|i| {
        let w = seg.word(i);
        capitalised(w) || matches!(w, "of" | "&" | "-" | "for" | "and")
    })
}

/// A name whose last word is an organisation's head ("Northwind Energy",
/// "Harbor Logistics", "Kestrel Technologies", "Green Party") is an
/// organisation, and so is "University of ..." and its like; a name the
/// tagger stopped before such a head ("Northwind" + "Energy") takes it. Names
/// that the place lists know whole keep their label.
fn organisation_heads(seg: &Segmented, lists: &Lists, lookup: &impl Fn(usize, usize) -> u16, out: &mut Vec<Entity>) {
    let starts: Vec<usize> = out.iter().map(|e| e.span.start).collect();
    for (n, e) in out.iter_mut().enumerate() {
        let (a, mut b) = tokens_of(seg, e.span);
        if b <= a {
            continue;
        }
        let next_start = starts.get(n + 1).copied().unwrap_or(usize::MAX);
        let sentence_end =
            seg.sentences.get(seg.sentences.partition_point(|s| s.tokens.end <= a)).map_or(b, |s| s.tokens.end);
        // "Northwind" + "Energy": up to two capitalised words ending in a head.
        let word_at = |i: usize| {
            i < sentence_end
                && seg.tokens[i].kind == TokenKind::Word
                && seg.tokens[i].newlines_before == 0
                && seg.tokens[i].span.start < next_start
                && capitalised(seg.word(i))
        };
        if matches!(e.label, EntityLabel::Loc | EntityLabel::Per)
            && let Some(j) = (b + 1..=(b + 2).min(sentence_end))
                .rev()
                .find(|&j| (b..j).all(word_at) && is_org_suffix(seg.word(j - 1)) && !word_at(j))
        {
            e.span = span_of(seg, a, j);
            e.label = EntityLabel::Org;
            b = j;
        }
        if e.label == EntityLabel::Org || b - a < 2 || !name_words(seg, a, b) {
            continue;
        }
        let head = is_org_suffix(seg.word(b - 1))
            || ORG_OF_HEADS.contains(&seg.word(a)) && seg.word(a + 1) == "of" && b - a >= 3;
        if head && lookup(a, b) & lists.places == 0 {
            e.label = EntityLabel::Org;
        }
    }
    // "University of" + "Lagos": a place after such a head is the organisation's name.
    for e in out.iter_mut() {
        let (a, b) = tokens_of(seg, e.span);
        if e.label != EntityLabel::Loc || a < 2 || b <= a {
            continue;
        }
        let (h, of) = (seg.tokens[a - 2], seg.tokens[a - 1]);
        if of.span.slice(seg.text) == "of"
            && ORG_OF_HEADS.contains(&h.span.slice(seg.text))
            && h.newlines_before == 0
            && of.newlines_before == 0
            && !(a >= 3 && seg.word(a - 3) == "the" && matches!(seg.word(a - 2), "Bank" | "Port" | "Government"))
        {
            e.span = Span::new(h.span.start, e.span.end);
            e.label = EntityLabel::Org;
        }
    }
    let mut end = 0;
    out.retain(|e| {
        let keep = e.span.start >= end;
        end = end.max(e.span.end);
        keep
    });
}

/// A name read as an organisation, place or other that is a known given
/// name and capitalised words no list knows ("Priya Raman", "Tomasz
/// Wójcik"), or any name after "Mr.", "Ms.", "Dr." ..., is a person.
fn person_cues(
    seg: &Segmented,
    lists: &Lists,
    lookup: &impl Fn(usize, usize) -> u16,
    common: &impl Fn(&str) -> bool,
    out: &mut [Entity],
) {
    for e in out.iter_mut() {
        if e.label == EntityLabel::Per {
            continue;
        }
        let (a, b) = tokens_of(seg, e.span);
        if b <= a || b - a > 4 {
            continue;
        }
        // Title-case words only ("GOLDEN STATE" is a results table's team).
        let title_case = |w: &str| capitalised(w) && w.chars().skip(1).any(char::is_lowercase);
        let plain = |i: usize| {
            let w = seg.word(i);
            title_case(w) && !is_org_suffix(w) && !is_org_head(w)
        };
        let mut words = 0;
        if !(a..b).filter(|&i| seg.tokens[i].kind == TokenKind::Word).all(|i| {
            words += 1;
            plain(i)
        }) {
            continue;
        }
        let honorific = a > 0 && PERSON_HONORIFICS.contains(&seg.word(a - 1)) && seg.tokens[a].newlines_before == 0;
        if honorific && words <= 3 && lookup(a, b) & lists.not_people == 0 {
            e.label = EntityLabel::Per;
            continue;
        }
        // A given name and one or two words that no list of names of
        // organisations, places or things knows, alone or together.
        if !(2..=3).contains(&words) || words != b - a || e.label == EntityLabel::Misc {
            continue;
        }
        // The given name is no common word ("Golden", "Star") and no title
        // ("King"), and no listed name begins the span ("Santa Barbara").
        let first = lookup(a, a + 1);
        let known_first = has(first, lists.first)
            && !common(seg.word(a))
            && !super::groups::is_title(seg.word(a))
            && !has(first, lists.country)
            && (a + 2..b).all(|k| lookup(a, k) & lists.not_people == 0);
        let rest_unknown = (a + 1..b).all(|i| lookup(i, i + 1) & lists.not_people == 0 && !common(seg.word(i)));
        // "Bradford Bulls": a plural of a common word is a team's nickname.
        let last = seg.word(b - 1);
        let nickname = last.len() > 3 && last.ends_with('s') && common(&last[..last.len() - 1]);
        if known_first && rest_unknown && !nickname && lookup(a, b) & lists.not_people == 0 {
            e.label = EntityLabel::Per;
        }
    }
}

/// A company named by a word and a company head ("Northwind Energy",
/// "Vantage Robotics") is often named by that word alone further on
/// ("Northwind shares fell"): untagged occurrences of the word (capitalised
/// as there, and no word the training text knows in lower case) are that
/// organisation.
fn company_short_names(seg: &Segmented, common: &impl Fn(&str) -> bool, out: &mut Vec<Entity>) {
    let mut short: Vec<&str> = Vec::new();
    for e in out.iter() {
        let (a, b) = tokens_of(seg, e.span);
        if e.label == EntityLabel::Org
            && b == a + 2
            && COMPANY_SUFFIXES.contains(&seg.word(b - 1))
            && seg.tokens[a].kind == TokenKind::Word
            && capitalised(seg.word(a))
            && seg.word(a).chars().skip(1).all(char::is_lowercase)
            && !common(seg.word(a))
        {
            short.push(seg.word(a));
        }
    }
    if short.is_empty() {
        return;
    }
    let taken = taken_tokens(seg, out);
    let mut add = Vec::new();
    for s in &seg.sentences {
        for i in s.tokens.clone() {
            if taken[i] || !short.contains(&seg.word(i)) {
                continue;
            }
            // Not the first word of a longer name.
            let next_cap =
                seg.tokens.get(i + 1).is_some_and(|t| t.kind == TokenKind::Word && capitalised(seg.word(i + 1)));
            if !next_cap {
                add.push(Entity { span: seg.tokens[i].span, label: EntityLabel::Org, group: None });
            }
        }
    }
    out.extend(add);
    out.sort_by_key(|e| (e.span.start, e.span.end));
}

/// A person's name that the tagger ended at a hyphen takes the glued rest
/// ("Kim Dae" + "-jung", "Emma Little" + "-Pengelly"): a word glued to the
/// hyphen that is in no entity, capitalised or no word the training text
/// knows in lower case ("Clinton-backed" stays as it is).
fn hyphenated_name_ends(seg: &Segmented, common: &impl Fn(&str) -> bool, out: &mut [Entity]) {
    let n = seg.tokens.len();
    for k in 0..out.len() {
        if out[k].label != EntityLabel::Per {
            continue;
        }
        let (_, b0) = tokens_of(seg, out[k].span);
        let mut b = b0;
        let next_start = out.get(k + 1).map_or(usize::MAX, |e| e.span.start);
        while b + 1 < n
            && seg.word(b) == "-"
            && seg.tokens[b].span.start == seg.tokens[b - 1].span.end
            && seg.tokens[b + 1].span.start == seg.tokens[b].span.end
            && seg.tokens[b + 1].kind == TokenKind::Word
            && seg.tokens[b + 1].span.end <= next_start
            && seg.word(b + 1).chars().all(char::is_alphabetic)
            && (capitalised(seg.word(b + 1)) || !common(seg.word(b + 1)))
        {
            b += 2;
        }
        if b > b0 {
            out[k].span = Span::new(out[k].span.start, seg.tokens[b - 1].span.end);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn per(text: &str, name: &str) -> Entity {
        let start = text.find(name).expect("the name is in the text");
        Entity { span: Span::new(start, start + name.len()), label: EntityLabel::Per, group: None }
    }

    #[test]
    fn people_since_1996_are_sorted() {
        assert!(PEOPLE_SINCE_1996.windows(2).all(|w| w[0] < w[1]));
        assert!(PEOPLE_SINCE_1996.iter().all(|w| w.as_bytes()[0].is_ascii_uppercase()));
        assert!(PEOPLE_SINCE_1996.iter().all(|w| w.len() <= LONGEST_PERSON));
        assert!(PERSON_KEYS.windows(2).all(|k| k[0] < k[1]));
        for w in ["Biden", "Erdo\u{11f}an", "Ocasio-Cortez", "Zuckerberg"] {
            assert!(person_since_1996(w), "{w}");
        }
        for w in ["biden", "Bide", "Bidens", "Erdogans", "Ocasio-Cortez-Smith", ""] {
            assert!(!person_since_1996(w), "{w}");
        }
    }

    #[test]
    fn religions_and_peoples_are_sorted_and_found_in_any_case() {
        assert!(RELIGIONS_AND_PEOPLES.windows(2).all(|w| w[0] < w[1]));
        assert!(RELIGIONS_AND_PEOPLES.iter().all(|w| w.len() <= LONGEST_RELIGION_OR_PEOPLE && w.to_lowercase() == *w));
        for w in ["Sunni", "SHIITE", "Shi'ite", "Shi\u{2019}ites", "Christianity", "Uyghurs"] {
            assert!(religion_or_people(w), "{w}");
        }
        for w in ["Sunnis'", "Christian", "Rohingyas", "Kurdistan", "Shi\u{2018}ite", ""] {
            assert!(!religion_or_people(w), "{w}");
        }
    }

    #[test]
    fn organisation_heads_are_sorted() {
        assert!(ORG_HEADS.windows(2).all(|w| w[0] < w[1]));
        assert!(ORG_SUFFIXES.windows(2).all(|w| w[0] < w[1]));
        assert!(is_org_head("Police") && is_org_suffix("Inc.") && !is_org_suffix("Police"));
    }

    #[test]
    fn a_name_cut_at_a_hyphen_takes_the_rest() {
        let text = "Kim Dae-jung met Emma Little-Pengelly, and a Clinton-backed plan failed.";
        let seg = Segmented::new(text);
        let mut out = vec![per(text, "Kim Dae"), per(text, "Emma Little"), per(text, "Clinton")];
        hyphenated_name_ends(&seg, &|w: &str| w == "backed", &mut out);
        let got: Vec<&str> = out.iter().map(|e| e.span.slice(text)).collect();
        assert_eq!(got, ["Kim Dae-jung", "Emma Little-Pengelly", "Clinton"]);
    }
}
