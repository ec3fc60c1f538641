//! The words attribution is read from: speech verbs in all their forms, and
//! the small closed classes (pronouns, determiners, auxiliaries, function
//! words) that tell where a speaker's noun phrase begins and ends.

use std::sync::OnceLock;

use crate::entities::hash::{PACKED_BYTES, Sketches, WordMap, packed, packed_all};

/// Verbs that report speech or writing, as lemmas. Regular forms (-s, -ed,
/// -ing, doubled consonants, a dropped final e) are derived when matching.
const SPEECH_VERBS: &[&str] = &[
    "say",
    "tell",
    "add",
    "stress",
    "warn",
    "state",
    "note",
    "explain",
    "ask",
    "insist",
    "argue",
    "write",
    "declare",
    "claim",
    "reply",
    "continue",
    "announce",
    "suggest",
    "recall",
    "tweet",
    "post",
    "call",
    "describe",
    "label",
    "dub",
    "term",
    "admit",
    "acknowledge",
    "complain",
    "confirm",
    "deny",
    "urge",
    "vow",
    "promise",
    "predict",
    "respond",
    "remark",
    "observe",
    "emphasise",
    "emphasize",
    "report",
    "caution",
    "concede",
    "contend",
    "assert",
    "maintain",
    "allege",
    "boast",
    "joke",
    "quip",
    "lament",
    "muse",
    "recount",
    "testify",
    "chant",
    "shout",
    "yell",
    "scream",
    "sing",
    "cry",
    "whisper",
    "mutter",
    "exclaim",
    "plead",
    "demand",
    "counter",
    "retort",
    "conclude",
    "agree",
    "reiterate",
    "repeat",
    "mock",
    "tout",
    "proclaim",
    "blast",
    "slam",
    "praise",
    "criticise",
    "criticize",
    "accuse",
    "wonder",
    "answer",
    "affirm",
    "estimate",
    "characterise",
    "characterize",
    "opine",
    "quote",
    "cite",
    "speak",
    "thunder",
    "sneer",
    "snap",
    "scoff",
    "gush",
    "marvel",
    "fume",
    "rail",
    "charge",
    "concur",
    "interject",
    "interrupt",
    "reason",
    "inform",
    "advise",
    "assure",
    "reassure",
    "acknowledge",
    "disclose",
    "reveal",
    "signal",
    "begin",
    "pledge",
    "threaten",
    "brag",
    "chide",
    "implore",
    "beg",
    "instruct",
    "order",
    "summarise",
    "summarize",
    "sum",
    "describe",
    "rule",
    "find",
    "read",
    "put",
    "deem",
    "hail",
    "decry",
    "dismiss",
    "blame",
    "question",
    "highlight",
    "mention",
    "point",
    "preach",
    "recommend",
    "propose",
    "forecast",
    "predict",
    "suppose",
    "type",
    "liken",
    "recite",
    "scrawl",
    "text",
    "email",
    "concur",
    "lecture",
    "pronounce",
    "brand",
];

/// Irregular forms, mapped to their lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("wrote", "write"),
    ("written", "write"),
    ("sang", "sing"),
    ("sung", "sing"),
    ("spoke", "speak"),
    ("spoken", "speak"),
    ("began", "begin"),
    ("begun", "begin"),
    ("found", "find"),
    ("cried", "cry"),
    ("replied", "reply"),
    ("denied", "deny"),
    ("testified", "testify"),
    ("summed", "sum"),
    ("forecast", "forecast"),
];

/// Lemmas that only introduce a quotation in particular uses: "found",
/// "read", "put", "began", "ruled", "sum" need their own patterns
/// ("the sign read", "as she put it") and are not taken as free-standing cues.
const NARROW: &[&str] = &["find", "read", "put", "begin", "rule", "sum", "point", "order", "suppose"];

/// Lemmas that are more often nouns: their base and -s forms ("the state",
/// "protests demands", "his claims") are not taken as verbs, only their
/// past and -ing forms.
const NOUN_LIKE: &[&str] = &[
    "state",
    "report",
    "claim",
    "call",
    "post",
    "tweet",
    "charge",
    "question",
    "demand",
    "promise",
    "counter",
    "answer",
    "remark",
    "joke",
    "cry",
    "quote",
    "vow",
    "pledge",
    "estimate",
    "forecast",
    "praise",
    "blast",
    "slam",
    "mock",
    "signal",
    "reason",
    "order",
    "note",
    "rail",
    "snap",
    "cite",
    "label",
    "term",
    "muse",
    "sum",
    "point",
    "rule",
    "find",
    "order",
    "highlight",
    "mention",
    "threaten",
    "question",
    "concern",
    "type",
];

/// How a speech verb appears.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum VerbForm {
    /// said, says, tells, added, say: has its own subject.
    Finite,
    /// saying, adding: takes the subject of its clause.
    Participle,
}

/// The lemma of `word` by the rules: an irregular form, a lemma, or a lemma
/// with a regular suffix. Run once per form the rules can build, when the
/// lexicon is made.
fn lemma_of(lemmas: &Lemmas, irregular: &Lemmas, word: &str) -> Option<&'static str> {
    if !(2..=MAX_FORM).contains(&word.len()) || !word.bytes().all(|b| b.is_ascii_lowercase()) {
        return None;
    }
    if let Some(&l) = irregular.get(word) {
        return Some(l);
    }
    let known = |s: &str| lemmas.get(s).copied();
    if let Some(l) = known(word) {
        return Some(l);
    }
    let mut buf = [0u8; MAX_FORM + 1];
    let mut with = |stem: &str, tail: &str| -> Option<&'static str> {
        let n = stem.len() + tail.len();
        buf[..stem.len()].copy_from_slice(stem.as_bytes());
        buf[stem.len()..n].copy_from_slice(tail.as_bytes());
        // ASCII in, ASCII out.
        known(std::str::from_utf8(&buf[..n]).ok()?)
    };
    for suffix in SUFFIXES {
        let Some(stem) = word.strip_suffix(suffix) else { continue };
        let found = known(stem)
            .or_else(|| with(stem, "e"))
            // admitted → admit, quipped → quip
            .or_else(|| {
                let b = stem.as_bytes();
                (b.len() >= 2 && b[b.len() - 1] == b[b.len() - 2]).then(|| known(&stem[..stem.len() - 1])).flatten()
            })
            // replies → reply, cried → cry
            .or_else(|| stem.strip_suffix('i').and_then(|s| with(s, "y")));
        if found.is_some() {
            return found;
        }
    }
    None
}

/// The regular suffixes, in the order [`lemma_of`] tries them.
const SUFFIXES: [&str; 5] = ["ing", "ed", "es", "s", "d"];

/// The longest word form `lemma_of` considers.
const MAX_FORM: usize = 24;

type Lemmas = WordMap<&'static str, &'static str>;

/// Every word form that has a lemma, with its reading, worked out once.
struct Lexicon {
    /// [`reading_of`] every word [`lemma_of`] gives a lemma: the only words
    /// whose reading is not `(None, false)`.
    readings: WordMap<String, (Option<VerbForm>, bool)>,
    /// A bit for the [`sketch`] of every word in `readings`: a word whose
    /// bit is clear has no reading, told without hashing it.
    sketches: Sketches<{ SKETCH_BITS / 64 }>,
}

/// The size of [`Lexicon::sketches`], in bits.
const SKETCH_BITS: usize = 1 << 16;

/// A word's length, its first two and its last byte, mixed into a bit of
/// [`Lexicon::sketches`].
fn sketch(w: &[u8]) -> usize {
    let x = (w.len() as u32) << 24 | u32::from(w[0]) << 16 | u32::from(w[1]) << 8 | u32::from(w[w.len() - 1]);
    (x.wrapping_mul(0x9E37_79B1) >> (32 - SKETCH_BITS.trailing_zeros())) as usize
}

impl Lexicon {
    fn get() -> &'static Lexicon {
        static LEXICON: OnceLock<Lexicon> = OnceLock::new();
        LEXICON.get_or_init(|| {
            let lemmas: Lemmas = SPEECH_VERBS.iter().map(|&l| (l, l)).collect();
            let irregular: Lemmas = IRREGULAR.iter().copied().collect();
            let mut readings = WordMap::with_capacity_and_hasher(4096, Default::default());
            for_each_candidate(|w| {
                if !readings.contains_key(w)
                    && let Some(lemma) = lemma_of(&lemmas, &irregular, w)
                {
                    readings.insert(w.to_string(), reading_of(w, lemma));
                }
            });
            let mut sketches = Sketches::new();
            for w in readings.keys() {
                sketches.set(sketch(w.as_bytes()));
            }
            Lexicon { readings, sketches }
        })
    }
}

/// Calls `f` with every word [`lemma_of`] can give a lemma, and a few more:
/// the irregular forms, and for each lemma what each of its paths reads
/// back: the lemma alone or before a suffix, and before a suffix the lemma
/// without its final e, with its last letter doubled, or with its final y as
/// i. A word built in none of these ways has no lemma.
fn for_each_candidate(mut f: impl FnMut(&str)) {
    for &(form, _) in IRREGULAR {
        f(form);
    }
    let mut w = String::with_capacity(MAX_FORM + 8);
    for &l in SPEECH_VERBS {
        f(l);
        let last = &l[l.len() - 1..];
        let stems = [
            Some((l, "")),
            l.strip_suffix('e').map(|s| (s, "")),
            Some((l, last)),
            l.strip_suffix('y').map(|s| (s, "i")),
        ];
        for (stem, tail) in stems.into_iter().flatten() {
            for suffix in SUFFIXES {
                w.clear();
                w.push_str(stem);
                w.push_str(tail);
                w.push_str(suffix);
                f(&w);
            }
        }
    }
}

/// Whether `lower` (a lower-cased word) is a form of a speech verb, and which.
pub fn speech_verb(lower: &str) -> Option<VerbForm> {
    verb_reading(lower).0
}

/// [`speech_verb`] of one word, and whether it is the base or -s form of a
/// lemma that is more often a noun ("reports", "claims"): a verb only where
/// a clause or a quotation follows it. One look-up in a table of every form.
pub fn verb_reading(lower: &str) -> (Option<VerbForm>, bool) {
    // Every form is a short run of ASCII letters, and its sketch's bit is
    // set; most words are ruled out by the bit alone.
    if !(2..=MAX_FORM).contains(&lower.len()) {
        return (None, false);
    }
    let lexicon = Lexicon::get();
    if !lexicon.sketches.has(sketch(lower.as_bytes())) || !lower.bytes().all(|b| b.is_ascii_lowercase()) {
        return (None, false);
    }
    lexicon.readings.get(lower).copied().unwrap_or((None, false))
}

/// The reading of `lower`, a form of `lemma`.
fn reading_of(lower: &str, lemma: &str) -> (Option<VerbForm>, bool) {
    // The lists are scanned last, only for the forms they can decide.
    let noun_like =
        (lower == lemma || lower.strip_suffix('s').is_some_and(|s| s == lemma)) && NOUN_LIKE.contains(&lemma);
    if noun_like || NARROW.contains(&lemma) {
        return (None, noun_like);
    }
    (Some(if lower.ends_with("ing") { VerbForm::Participle } else { VerbForm::Finite }), false)
}

/// Verbs that attribute only right after a quotation: "…," the letter reads.
pub fn is_tail_verb(lower: &str) -> bool {
    matches!(lower, "read" | "reads" | "wrote" | "writes" | "says" | "said")
}

/// Verbs that attribute a quotation to a document or a study right next to
/// it, its subject and nothing else between: "…," the survey found; the
/// memo states: "…".
pub fn is_document_verb(lower: &str) -> bool {
    is_tail_verb(lower)
        || matches!(
            lower,
            "found" | "finds" | "states" | "shows" | "showed" | "concluded" | "concludes" | "notes" | "warns" | "adds"
        )
}

/// Nouns of speech that take their speaker as a possessor: Trump's "claim",
/// her "words".
pub fn is_speech_noun(lower: &str) -> bool {
    matches!(
        lower,
        "claim"
            | "claims"
            | "statement"
            | "statements"
            | "remark"
            | "remarks"
            | "comment"
            | "comments"
            | "words"
            | "description"
            | "assertion"
            | "warning"
            | "promise"
            | "pledge"
            | "vow"
            | "prediction"
            | "suggestion"
            | "insistence"
            | "argument"
            | "message"
            | "tweet"
            | "tweets"
            | "call"
            | "calls"
            | "plea"
            | "threat"
            | "accusation"
            | "characterization"
            | "characterisation"
            | "view"
            | "phrase"
            | "slogan"
            | "mantra"
    )
}

/// Nouns for documents and other sources that speak for whoever issued
/// them: "according to a statement from the ministry".
pub fn is_document_noun(lower: &str) -> bool {
    matches!(
        lower,
        "statement"
            | "report"
            | "release"
            | "filing"
            | "survey"
            | "study"
            | "poll"
            | "document"
            | "letter"
            | "email"
            | "e-mail"
            | "memo"
            | "transcript"
            | "analysis"
            | "audit"
            | "review"
            | "notice"
            | "announcement"
            | "readout"
            | "communique"
            | "bulletin"
            | "advisory"
            | "complaint"
            | "lawsuit"
            | "indictment"
            | "ruling"
            | "order"
            | "message"
            | "post"
            | "tweet"
    )
}

/// Subject pronouns that can speak.
pub fn is_subject_pronoun(lower: &str) -> bool {
    matches!(lower, "he" | "she" | "they" | "it" | "i" | "we" | "who" | "which" | "you")
}

/// The grammatical gender a pronoun commits to.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Gender {
    Male,
    Female,
}

pub fn pronoun_gender(lower: &str) -> Option<Gender> {
    match lower {
        "he" | "him" | "his" | "himself" => Some(Gender::Male),
        "she" | "her" | "hers" | "herself" => Some(Gender::Female),
        _ => None,
    }
}

/// Titles that tell a person's gender.
pub fn title_gender(lower: &str) -> Option<Gender> {
    match lower.trim_end_matches('.') {
        "mr" | "sir" | "lord" | "king" | "prince" | "father" | "brother" | "mister" => Some(Gender::Male),
        "mrs" | "ms" | "miss" | "dame" | "lady" | "queen" | "princess" | "sister" | "madam" => Some(Gender::Female),
        _ => None,
    }
}

/// Common first names that tell a person's gender (names given to both
/// left out). Small on purpose: the text's own pronouns and titles come first.
const MALE_NAMES: &[&str] = &[
    "james",
    "john",
    "robert",
    "michael",
    "william",
    "david",
    "richard",
    "joseph",
    "thomas",
    "charles",
    "christopher",
    "daniel",
    "matthew",
    "anthony",
    "mark",
    "donald",
    "steven",
    "paul",
    "andrew",
    "joshua",
    "kenneth",
    "kevin",
    "brian",
    "george",
    "timothy",
    "ronald",
    "edward",
    "jason",
    "jeffrey",
    "jeff",
    "ryan",
    "jacob",
    "gary",
    "nicholas",
    "eric",
    "jonathan",
    "stephen",
    "larry",
    "justin",
    "scott",
    "brandon",
    "benjamin",
    "samuel",
    "gregory",
    "alexander",
    "frank",
    "patrick",
    "raymond",
    "jack",
    "dennis",
    "jerry",
    "tyler",
    "aaron",
    "jose",
    "adam",
    "nathan",
    "henry",
    "douglas",
    "zachary",
    "peter",
    "kyle",
    "ethan",
    "walter",
    "noah",
    "jeremy",
    "christian",
    "keith",
    "roger",
    "gerald",
    "harold",
    "sean",
    "austin",
    "carl",
    "arthur",
    "lawrence",
    "dylan",
    "bryan",
    "billy",
    "joe",
    "bruce",
    "gabriel",
    "logan",
    "albert",
    "willie",
    "alan",
    "juan",
    "wayne",
    "elijah",
    "randy",
    "roy",
    "vincent",
    "ralph",
    "eugene",
    "russell",
    "bobby",
    "mason",
    "philip",
    "louis",
    "bill",
    "bob",
    "jim",
    "tom",
    "mike",
    "dave",
    "steve",
    "chris",
    "tim",
    "ted",
    "ben",
    "dan",
    "sam",
    "tony",
    "rick",
    "chuck",
    "barack",
    "bernie",
    "mitt",
    "newt",
    "rudy",
    "vladimir",
    "francois",
    "emmanuel",
    "boris",
    "marco",
    "luis",
    "carlos",
    "pierre",
    "hans",
    "klaus",
    "ahmed",
    "mohammed",
    "muhammad",
    "ali",
    "omar",
    "hassan",
    "ivan",
    "sergei",
    "dmitry",
    "xi",
    "shinzo",
    "narendra",
    "rex",
    "rand",
    "mitch",
    "harry",
    "reince",
    "corey",
];
const FEMALE_NAMES: &[&str] = &[
    "mary",
    "patricia",
    "jennifer",
    "linda",
    "elizabeth",
    "barbara",
    "susan",
    "jessica",
    "sarah",
    "karen",
    "nancy",
    "lisa",
    "betty",
    "margaret",
    "sandra",
    "ashley",
    "kimberly",
    "emily",
    "donna",
    "michelle",
    "dorothy",
    "carol",
    "amanda",
    "melissa",
    "deborah",
    "stephanie",
    "rebecca",
    "sharon",
    "laura",
    "cynthia",
    "kathleen",
    "amy",
    "shirley",
    "angela",
    "helen",
    "anna",
    "brenda",
    "pamela",
    "nicole",
    "emma",
    "samantha",
    "katherine",
    "christine",
    "debra",
    "rachel",
    "catherine",
    "carolyn",
    "janet",
    "ruth",
    "maria",
    "heather",
    "diane",
    "virginia",
    "julie",
    "joyce",
    "victoria",
    "olivia",
    "christina",
    "lauren",
    "joan",
    "evelyn",
    "judith",
    "megan",
    "cheryl",
    "andrea",
    "hannah",
    "martha",
    "jacqueline",
    "frances",
    "gloria",
    "ann",
    "teresa",
    "kathryn",
    "sara",
    "janice",
    "alice",
    "madison",
    "doris",
    "abigail",
    "julia",
    "judy",
    "grace",
    "denise",
    "amber",
    "marilyn",
    "beverly",
    "danielle",
    "theresa",
    "sophia",
    "marie",
    "diana",
    "brittany",
    "natalie",
    "isabella",
    "charlotte",
    "rose",
    "alexis",
    "kayla",
    "hillary",
    "chelsea",
    "ivanka",
    "melania",
    "sonia",
    "nikki",
    "kamala",
    "condoleezza",
    "madeleine",
    "hilary",
    "huma",
    "debbie",
    "loretta",
    "jill",
    "sheryl",
    "oprah",
    "beyonce",
    "marine",
    "ursula",
    "federica",
    "kellyanne",
];

/// The gender a first name usually has.
pub fn first_name_gender(lower: &str) -> Option<Gender> {
    // Every listed name fits a packed key (a test checks it).
    if lower.len() > PACKED_BYTES {
        return None;
    }
    let key = packed(lower.as_bytes(), false);
    if MALE_KEYS.binary_search(&key).is_ok() {
        Some(Gender::Male)
    } else if FEMALE_KEYS.binary_search(&key).is_ok() {
        Some(Gender::Female)
    } else {
        None
    }
}

/// The packed keys of [`MALE_NAMES`] and [`FEMALE_NAMES`], sorted: a name
/// is looked up by a binary search rather than compared with every one.
const MALE_KEYS: [u128; MALE_NAMES.len()] = sorted(packed_all(MALE_NAMES, false));
const FEMALE_KEYS: [u128; FEMALE_NAMES.len()] = sorted(packed_all(FEMALE_NAMES, false));

/// `keys` in ascending order (an insertion sort, run at compile time).
const fn sorted<const N: usize>(mut keys: [u128; N]) -> [u128; N] {
    let mut i = 1;
    while i < N {
        let mut j = i;
        while j > 0 && keys[j - 1] > keys[j] {
            let t = keys[j];
            keys[j] = keys[j - 1];
            keys[j - 1] = t;
            j -= 1;
        }
        i += 1;
    }
    keys
}

/// Words that open a noun phrase.
pub fn is_determiner(lower: &str) -> bool {
    matches!(
        lower,
        "the"
            | "a"
            | "an"
            | "this"
            | "that"
            | "these"
            | "those"
            | "his"
            | "her"
            | "its"
            | "their"
            | "our"
            | "my"
            | "your"
            | "another"
            | "one"
            | "some"
            | "several"
            | "many"
            | "both"
            | "two"
            | "three"
            | "four"
            | "other"
            | "each"
    )
}

/// Words that may stand between a subject and its verb: auxiliaries and
/// adverbs ("has also said", "later told").
pub fn is_verb_filler(lower: &str) -> bool {
    matches!(
        lower,
        "also"
            | "later"
            | "then"
            | "has"
            | "have"
            | "had"
            | "was"
            | "is"
            | "previously"
            | "once"
            | "again"
            | "recently"
            | "earlier"
            | "repeatedly"
            | "simply"
            | "would"
            | "will"
            | "did"
            | "does"
            | "do"
            | "reportedly"
            | "allegedly"
            | "publicly"
            | "privately"
            | "quickly"
            | "flatly"
            | "further"
            | "similarly"
            | "often"
            | "frequently"
            | "always"
            | "subsequently"
            | "ultimately"
            | "finally"
            | "just"
            | "now"
            | "still"
            | "even"
            | "only"
            | "angrily"
            | "calmly"
            | "bluntly"
            | "sharply"
            | "tersely"
            | "softly"
            | "proudly"
            | "jokingly"
            | "famously"
            | "memorably"
            | "first"
            | "last"
            | "'s"
            | "\u{2019}s"
            | "'d"
            | "\u{2019}d"
            | "\u{2019}ve"
            | "'ve"
            | "has\u{a0}"
    )
}

/// Days and other time words that may sit between a verb and its subject
/// ("said Friday", "told reporters Tuesday").
pub fn is_time_word(lower: &str) -> bool {
    matches!(
        lower,
        "monday"
            | "tuesday"
            | "wednesday"
            | "thursday"
            | "friday"
            | "saturday"
            | "sunday"
            | "yesterday"
            | "today"
            | "tonight"
            | "tomorrow"
            | "recently"
            | "later"
            | "earlier"
            | "afterwards"
            | "afterward"
            | "overnight"
            | "morning"
            | "evening"
            | "night"
            | "afternoon"
            | "week"
            | "month"
            | "year"
    )
}

/// Function words that cannot be part of a noun phrase naming a speaker.
pub fn is_function_word(lower: &str) -> bool {
    matches!(
        lower,
        "in" | "on"
            | "of"
            | "at"
            | "for"
            | "with"
            | "by"
            | "from"
            | "to"
            | "into"
            | "about"
            | "after"
            | "before"
            | "during"
            | "over"
            | "under"
            | "than"
            | "as"
            | "like"
            | "and"
            | "or"
            | "but"
            | "nor"
            | "so"
            | "yet"
            | "because"
            | "if"
            | "while"
            | "when"
            | "where"
            | "whether"
            | "since"
            | "although"
            | "though"
            | "unless"
            | "until"
            | "that"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "what"
            | "is"
            | "was"
            | "are"
            | "were"
            | "be"
            | "been"
            | "being"
            | "has"
            | "have"
            | "had"
            | "do"
            | "does"
            | "did"
            | "will"
            | "would"
            | "can"
            | "could"
            | "should"
            | "may"
            | "might"
            | "must"
            | "shall"
            | "not"
            | "n't"
            | "no"
            | "also"
            | "there"
            | "here"
            | "it"
            | "he"
            | "she"
            | "they"
            | "we"
            | "i"
            | "you"
            | "him"
            | "them"
            | "us"
            | "me"
            | "very"
            | "too"
            | "how"
            | "why"
            | "then"
            | "just"
            | "even"
            | "only"
            | "all"
            | "out"
            | "up"
            | "down"
            | "off"
            | "against"
            | "between"
            | "through"
            | "without"
            | "within"
            | "around"
            | "among"
            | "upon"
            | "via"
            | "per"
            | "later"
            | "earlier"
            | "again"
            | "said"
            | "says"
    )
}

/// Capitalised words that begin sentences without naming anyone (`lower`:
/// the word in lower case).
pub fn is_capitalised_function_word(lower: &str) -> bool {
    is_function_word(lower)
        || is_determiner(lower)
        || matches!(
            lower,
            "however"
                | "meanwhile"
                | "still"
                | "yes"
                | "no"
                | "asked"
                | "says"
                | "said"
                | "according"
                | "speaking"
                | "today"
                | "yesterday"
                | "monday"
                | "tuesday"
                | "wednesday"
                | "thursday"
                | "friday"
                | "saturday"
                | "sunday"
        )
}

/// Name particles that may sit inside a name in lower case ("Ludwig van Beethoven").
pub fn is_name_particle(lower: &str) -> bool {
    matches!(
        lower,
        "de" | "van" | "von" | "der" | "den" | "bin" | "al" | "da" | "di" | "del" | "la" | "le" | "du" | "dos" | "ibn"
    )
}

/// Words before a quoted span that say it names a work, not somebody's words.
pub fn is_work_word(lower: &str) -> bool {
    matches!(
        lower,
        "film"
            | "movie"
            | "documentary"
            | "book"
            | "novel"
            | "memoir"
            | "song"
            | "album"
            | "single"
            | "show"
            | "series"
            | "programme"
            | "program"
            | "episode"
            | "broadcast"
            | "titled"
            | "entitled"
            | "headlined"
            | "play"
            | "musical"
            | "opera"
            | "poem"
            | "painting"
            | "column"
            | "op-ed"
            | "editorial"
            | "essay"
            | "podcast"
            | "sitcom"
            | "drama"
            | "anthem"
            | "hit"
            | "track"
            | "exhibition"
            | "ad"
            | "advert"
            | "magazine"
            | "newspaper"
            | "commentary"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn first_names_are_found_by_their_keys_as_in_the_lists() {
        for (names, gender) in [(MALE_NAMES, Gender::Male), (FEMALE_NAMES, Gender::Female)] {
            for &name in names {
                assert!(name.len() <= PACKED_BYTES && name.bytes().all(|b| !b.is_ascii_uppercase()), "{name}");
                // The male list is read first, as before.
                let want = if MALE_NAMES.contains(&name) { Gender::Male } else { gender };
                assert_eq!(first_name_gender(name), Some(want), "{name}");
            }
        }
        for w in ["", "x", "rutte", "anna-lena", "jamesx", "jame", "a_very_long_first_name"] {
            let want =
                MALE_NAMES.contains(&w).then_some(Gender::Male).or(FEMALE_NAMES.contains(&w).then_some(Gender::Female));
            assert_eq!(first_name_gender(w), want, "{w}");
        }
        assert!(MALE_KEYS.windows(2).all(|k| k[0] <= k[1]) && FEMALE_KEYS.windows(2).all(|k| k[0] <= k[1]));
    }

    #[test]
    fn speech_verb_forms() {
        for w in ["said", "says", "say", "told", "added", "adding", "stressed", "warned", "tweeted", "admitted"] {
            assert!(speech_verb(w).is_some(), "{w}");
        }
        for w in ["replied", "cries", "quipped", "noted", "argues", "declared", "insisting"] {
            assert!(speech_verb(w).is_some(), "{w}");
        }
        assert_eq!(speech_verb("saying"), Some(VerbForm::Participle));
        assert_eq!(speech_verb("read"), None);
        assert_eq!(speech_verb("states"), None);
        assert_eq!(speech_verb("stated"), Some(VerbForm::Finite));
        for w in
            ["sad", "tale", "adds_", "sing_", "state_", "the", "nothing", "éé", "aééd", "ßßing", "\u{10000}\u{10000}ed"]
        {
            assert!(speech_verb(w).is_none(), "{w}");
        }
    }

    /// The table reads every word as the rules do: each lemma, whole or
    /// without its last letter, then any one letter or none, then any suffix
    /// or none (which covers every path of the rules); the candidates,
    /// every prefix and suffix of them, and each with one more letter at
    /// either end: over 300,000 words, most with no lemma.
    #[test]
    fn the_table_of_forms_agrees_with_the_rules() {
        let lemmas: Lemmas = SPEECH_VERBS.iter().map(|&l| (l, l)).collect();
        let irregular: Lemmas = IRREGULAR.iter().copied().collect();
        let by_rules = |w: &str| lemma_of(&lemmas, &irregular, w).map_or((None, false), |l| reading_of(w, l));
        let mut words: Vec<String> = IRREGULAR.iter().map(|&(w, _)| w.to_string()).collect();
        for l in SPEECH_VERBS {
            for stem in [&l[..l.len() - 1], l] {
                for letter in std::iter::once(String::new()).chain(('a'..='z').map(String::from)) {
                    for suffix in std::iter::once("").chain(SUFFIXES) {
                        words.push(format!("{stem}{letter}{suffix}"));
                    }
                }
            }
        }
        let mut forms = Vec::new();
        for_each_candidate(|w| forms.push(w.to_string()));
        for form in forms {
            for k in 0..=form.len() {
                words.push(form[..k].to_string());
                words.push(form[k..].to_string());
            }
            for c in ('a'..='z').chain(['A', '-', '\u{e9}']) {
                words.push(format!("{form}{c}"));
                words.push(format!("{c}{form}"));
            }
        }
        let mut with_lemma = 0;
        for w in &words {
            assert_eq!(verb_reading(w), by_rules(w), "{w}");
            with_lemma += usize::from(lemma_of(&lemmas, &irregular, w).is_some());
        }
        assert!(words.len() > 100_000 && with_lemma > 1_000, "{} words, {with_lemma} with a lemma", words.len());
        assert!(Lexicon::get().readings.len() > 1_000);
    }
}
