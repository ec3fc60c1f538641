//! The result of annotating a text, and its one serialised form: the JSON
//! schema of `FORMAT.md`, shared by the CLI, the page's export and the scorer.
//!
//! Finders work in byte spans; [`Document::export`] converts them once, into
//! code points (the schema) or UTF-16 (the DOM), and [`Export::into_document`]
//! converts back, checking every span against the text.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};

use crate::error::Error;
use crate::span::{OffsetIndex, OffsetUnit, Span};

/// The schema version written into every export.
pub const SCHEMA: &str = "article-annotator/1";
/// The tool name and version written into every export.
pub const TOOL: &str = concat!("article-annotator ", env!("CARGO_PKG_VERSION"));

/// A CoNLL-2003 entity type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize, Deserialize)]
pub enum EntityLabel {
    #[serde(rename = "PER")]
    Per,
    #[serde(rename = "ORG")]
    Org,
    #[serde(rename = "LOC")]
    Loc,
    #[serde(rename = "MISC")]
    Misc,
}

impl EntityLabel {
    pub const ALL: [EntityLabel; 4] = [EntityLabel::Per, EntityLabel::Org, EntityLabel::Loc, EntityLabel::Misc];

    pub fn as_str(self) -> &'static str {
        match self {
            EntityLabel::Per => "PER",
            EntityLabel::Org => "ORG",
            EntityLabel::Loc => "LOC",
            EntityLabel::Misc => "MISC",
        }
    }

    pub fn parse(s: &str) -> Option<EntityLabel> {
        EntityLabel::ALL.into_iter().find(|l| l.as_str() == s)
    }
}

/// A TimeML TIMEX3 type.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "UPPERCASE")]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// A named entity mention.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Entity {
    pub span: Span,
    pub label: EntityLabel,
    /// Index into [`Document::groups`]: mentions of the same thing share it.
    pub group: Option<usize>,
}

/// Mentions that refer to the same person, organisation, place or thing.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Group {
    /// The fullest name among the mentions.
    pub name: String,
    pub label: EntityLabel,
    /// How many entity mentions carry this group.
    pub mentions: usize,
    /// For a person who is quoted, the role the article gives them, as it
    /// words it ("chief executive", "semiconductor analyst").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    /// The organisation that role is with ("Microsoft", "the ministry").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

/// A TIMEX3 `mod`: how an expression narrows or loosens its value
/// ("*early* 2024" START, "*nearly* two years" APPROX).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "SCREAMING_SNAKE_CASE")]
pub enum TimexMod {
    Start,
    Mid,
    End,
    Approx,
    MoreThan,
    LessThan,
    EqualOrMore,
    EqualOrLess,
}

/// A temporal expression with its TIMEX3 type and normalised value.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct DateMention {
    pub span: Span,
    pub timex_type: TimexType,
    /// The TIMEX3 value: `2025-02-09`, `2025-W03`, `P2Y`, `PRESENT_REF`, `XXXX-02-09` …
    pub value: String,
    /// The TIMEX3 `mod`, when the expression has one.
    pub modifier: Option<TimexMod>,
}

/// Who said a quotation.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Speaker {
    /// The speaker's fullest name in the document, or the description used
    /// when no name is given ("a spokeswoman").
    pub name: String,
    /// Every span of the document that refers to the speaker.
    pub mentions: Vec<Span>,
    /// Index into [`Document::groups`] when the speaker is a grouped entity.
    pub group: Option<usize>,
}

/// A direct (or mixed) quotation: the text between the marks.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Quote {
    pub span: Span,
    pub speaker: Option<Speaker>,
    /// The speech verb or phrase that attributes it ("said", "according to").
    pub cue: Option<Span>,
}

/// Why a span in quotation marks is not a quotation.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MarkedKind {
    /// Scare quotes: a word or phrase held at a distance ("so-called 'reforms'").
    Scare,
    /// A title of a work: a film, a book, a song.
    Title,
    /// A nickname inside a name: Roberto "Hands of Stone" Duran.
    Nickname,
}

/// A span in quotation marks that is not somebody's words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Marked {
    pub span: Span,
    pub kind: MarkedKind,
}

/// Where the document creation date came from.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum DctSource {
    /// Given by the caller.
    Input,
    /// Read from the article's byline or dateline.
    Text,
    /// Neither: relative dates stay underspecified.
    #[default]
    None,
}

/// Everything found in one text. Spans are bytes into that text.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Document {
    pub dct: Option<Date>,
    pub dct_source: DctSource,
    pub entities: Vec<Entity>,
    pub groups: Vec<Group>,
    pub dates: Vec<DateMention>,
    pub quotes: Vec<Quote>,
    pub marked: Vec<Marked>,
}

// ---------------------------------------------------------------------------
// The serialised form.

/// The serialised document: `FORMAT.md`'s schema plus the text, the `dct`
/// used, and schema and tool versions. Offsets count `unit`s of `text`.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct Export {
    pub schema: String,
    pub tool: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub text: String,
    pub dct: Option<String>,
    #[serde(default)]
    pub dct_source: DctSource,
    pub entities: Vec<ExportEntity>,
    #[serde(default)]
    pub groups: Vec<ExportGroup>,
    pub dates: Vec<ExportDate>,
    pub quotes: Vec<ExportQuote>,
    #[serde(default)]
    pub marked: Vec<ExportMarked>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportEntity {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub label: EntityLabel,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub group: Option<usize>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportGroup {
    pub id: usize,
    pub name: String,
    pub label: EntityLabel,
    pub mentions: usize,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub role: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportDate {
    pub start: usize,
    pub end: usize,
    pub text: String,
    #[serde(rename = "type")]
    pub timex_type: TimexType,
    pub value: String,
    #[serde(default, rename = "mod", skip_serializing_if = "Option::is_none")]
    pub modifier: Option<TimexMod>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportQuote {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub speaker: Option<String>,
    #[serde(default)]
    pub speaker_mentions: Vec<[usize; 2]>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub speaker_group: Option<usize>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub cue: Option<[usize; 2]>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
pub struct ExportMarked {
    pub start: usize,
    pub end: usize,
    pub text: String,
    pub kind: MarkedKind,
}

impl Document {
    /// Puts every list in text order (by start, then end), the order the
    /// export promises.
    pub fn sort(&mut self) {
        self.entities.sort_by_key(|e| e.span);
        self.dates.sort_by_key(|d| d.span);
        self.quotes.sort_by_key(|q| q.span);
        self.marked.sort_by_key(|m| m.span);
    }

    /// The serialisable form of this document over `text`, offsets in `unit`.
    pub fn export(&self, text: &str, unit: OffsetUnit) -> Export {
        let index = OffsetIndex::new(text);
        let at = |s: Span| index.span_from_bytes(s, unit);
        let pair = |s: Span| {
            let (a, b) = at(s);
            [a, b]
        };
        Export {
            schema: SCHEMA.to_string(),
            tool: TOOL.to_string(),
            id: None,
            text: text.to_string(),
            dct: self.dct.map(|d| d.to_string()),
            dct_source: self.dct_source,
            entities: self
                .entities
                .iter()
                .map(|e| {
                    let (start, end) = at(e.span);
                    ExportEntity { start, end, text: e.span.slice(text).to_string(), label: e.label, group: e.group }
                })
                .collect(),
            groups: self
                .groups
                .iter()
                .enumerate()
                .map(|(id, g)| ExportGroup {
                    id,
                    name: g.name.clone(),
                    label: g.label,
                    mentions: g.mentions,
                    role: g.role.clone(),
                    organisation: g.organisation.clone(),
                })
                .collect(),
            dates: self
                .dates
                .iter()
                .map(|d| {
                    let (start, end) = at(d.span);
                    ExportDate {
                        start,
                        end,
                        text: d.span.slice(text).to_string(),
                        timex_type: d.timex_type,
                        value: d.value.clone(),
                        modifier: d.modifier,
                    }
                })
                .collect(),
            quotes: self
                .quotes
                .iter()
                .map(|q| {
                    let (start, end) = at(q.span);
                    ExportQuote {
                        start,
                        end,
                        text: q.span.slice(text).to_string(),
                        speaker: q.speaker.as_ref().map(|s| s.name.clone()),
                        speaker_mentions: q
                            .speaker
                            .as_ref()
                            .map_or_else(Vec::new, |s| s.mentions.iter().map(|&m| pair(m)).collect()),
                        speaker_group: q.speaker.as_ref().and_then(|s| s.group),
                        cue: q.cue.map(pair),
                    }
                })
                .collect(),
            marked: self
                .marked
                .iter()
                .map(|m| {
                    let (start, end) = at(m.span);
                    ExportMarked { start, end, text: m.span.slice(text).to_string(), kind: m.kind }
                })
                .collect(),
        }
    }
}

impl Export {
    /// Parses an exported document from JSON, checking it as [`Export::into_document`] does.
    pub fn from_json(json: &str, unit: OffsetUnit) -> Result<(Export, Document), Error> {
        let export: Export = serde_json::from_str(json)
            .map_err(|e| Error::import(format!("the file is not an exported document: {e}")))?;
        let doc = export.clone().into_document(unit)?;
        Ok((export, doc))
    }

    /// Converts back to a [`Document`] over `self.text`, checking every span:
    /// offsets within the text and in order, the `text` of each span equal to
    /// what the offsets cover, group references that exist, a valid `dct`.
    pub fn into_document(self, unit: OffsetUnit) -> Result<Document, Error> {
        if !self.schema.starts_with("article-annotator/") {
            return Err(Error::import(format!("unknown schema {:?} (expected {SCHEMA:?})", self.schema)));
        }
        if self.schema != SCHEMA {
            return Err(Error::import(format!("unsupported schema version {:?} (expected {SCHEMA:?})", self.schema)));
        }
        let text = &self.text;
        let index = OffsetIndex::new(text);
        let span = |what: &str, start: usize, end: usize, expect: Option<&str>| -> Result<Span, Error> {
            let len = index.len_in(unit);
            if start > end || end > len {
                return Err(Error::import(format!(
                    "{what} has offsets {start}..{end}, outside the text of length {len}"
                )));
            }
            let (Some(a), Some(b)) = (index.to_byte(start, unit), index.to_byte(end, unit)) else {
                return Err(Error::import(format!("{what} has offsets {start}..{end} that split a character")));
            };
            let s = Span::new(a, b);
            if let Some(expect) = expect
                && s.slice(text) != expect
            {
                return Err(Error::import(format!(
                    "{what} at {start}..{end} says its text is {expect:?} but the article has {:?} there",
                    s.slice(text)
                )));
            }
            Ok(s)
        };
        let n_groups = self.groups.len();
        let group = |what: &str, g: Option<usize>| -> Result<Option<usize>, Error> {
            match g {
                Some(g) if g >= n_groups => {
                    Err(Error::import(format!("{what} refers to group {g}, but there are {n_groups} groups")))
                }
                g => Ok(g),
            }
        };
        let dct = match &self.dct {
            None => None,
            Some(d) => Some(d.parse::<Date>().map_err(|e| Error::import(format!("the dct {d:?} is not a date: {e}")))?),
        };
        let mut doc = Document { dct, dct_source: self.dct_source, ..Document::default() };
        for (i, g) in self.groups.iter().enumerate() {
            if g.id != i {
                return Err(Error::import(format!("group {i} has id {}; groups must be numbered in order", g.id)));
            }
            for (what, value) in [("role", &g.role), ("organisation", &g.organisation)] {
                if value.as_ref().is_some_and(|v| v.trim().is_empty()) {
                    return Err(Error::import(format!("group {i} has an empty {what}; leave the key out instead")));
                }
            }
            doc.groups.push(Group {
                name: g.name.clone(),
                label: g.label,
                mentions: g.mentions,
                role: g.role.clone(),
                organisation: g.organisation.clone(),
            });
        }
        for (i, e) in self.entities.iter().enumerate() {
            let what = format!("entity {}", i + 1);
            doc.entities.push(Entity {
                span: span(&what, e.start, e.end, Some(&e.text))?,
                label: e.label,
                group: group(&what, e.group)?,
            });
        }
        for (i, d) in self.dates.iter().enumerate() {
            let what = format!("date {}", i + 1);
            doc.dates.push(DateMention {
                span: span(&what, d.start, d.end, Some(&d.text))?,
                timex_type: d.timex_type,
                value: d.value.clone(),
                modifier: d.modifier,
            });
        }
        for (i, q) in self.quotes.iter().enumerate() {
            let what = format!("quote {}", i + 1);
            let qspan = span(&what, q.start, q.end, Some(&q.text))?;
            let mentions = q
                .speaker_mentions
                .iter()
                .map(|&[a, b]| span(&format!("{what}'s speaker mention"), a, b, None))
                .collect::<Result<Vec<_>, _>>()?;
            let speaker = match &q.speaker {
                Some(name) => Some(Speaker { name: name.clone(), mentions, group: group(&what, q.speaker_group)? }),
                None if mentions.is_empty() => None,
                None => return Err(Error::import(format!("{what} lists speaker mentions but no speaker"))),
            };
            let cue = q.cue.map(|[a, b]| span(&format!("{what}'s cue"), a, b, None)).transpose()?;
            doc.quotes.push(Quote { span: qspan, speaker, cue });
        }
        for (i, m) in self.marked.iter().enumerate() {
            let what = format!("marked span {}", i + 1);
            doc.marked.push(Marked { span: span(&what, m.start, m.end, Some(&m.text))?, kind: m.kind });
        }
        Ok(doc)
    }

    /// Re-expresses the offsets of this export in another unit.
    pub fn convert(self, from: OffsetUnit, to: OffsetUnit) -> Result<Export, Error> {
        if from == to {
            return Ok(self);
        }
        let (id, text) = (self.id.clone(), self.text.clone());
        let doc = self.into_document(from)?;
        let mut out = doc.export(&text, to);
        out.id = id;
        Ok(out)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn with_role(role: Option<&str>, organisation: Option<&str>) -> (String, Document) {
        let text = "Microsoft chief executive Satya Nadella spoke.";
        let doc = Document {
            entities: vec![Entity { span: Span::new(26, 39), label: EntityLabel::Per, group: Some(0) }],
            groups: vec![Group {
                name: "Satya Nadella".into(),
                label: EntityLabel::Per,
                mentions: 1,
                role: role.map(str::to_string),
                organisation: organisation.map(str::to_string),
            }],
            ..Document::default()
        };
        (serde_json::to_string(&doc.export(text, OffsetUnit::CodePoint)).unwrap(), doc)
    }

    #[test]
    fn a_groups_role_and_organisation_round_trip() {
        let (json, doc) = with_role(Some("chief executive"), Some("Microsoft"));
        assert!(json.contains(r#""role":"chief executive","organisation":"Microsoft""#), "{json}");
        let (_, back) = Export::from_json(&json, OffsetUnit::CodePoint).unwrap();
        assert_eq!(back, doc);
        // Without a role the keys are left out, and files without them import.
        let (json, doc) = with_role(None, None);
        assert!(!json.contains("role") && !json.contains("organisation"), "{json}");
        assert_eq!(Export::from_json(&json, OffsetUnit::CodePoint).unwrap().1, doc);
    }

    #[test]
    fn an_empty_role_is_refused() {
        let (json, _) = with_role(Some(" "), None);
        let err = Export::from_json(&json, OffsetUnit::CodePoint).unwrap_err().to_string();
        assert!(err.contains("group 0 has an empty role"), "{err}");
    }
}
