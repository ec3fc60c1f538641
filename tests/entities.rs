//! Golden cases for the entity tagger on invented sentences of the kinds
//! people paste: curly quotes and apostrophes, possessives, hyphenated
//! compounds of names, all-caps headlines, bylines, links and addresses.
//! Each case lists every entity the tagger must find, exactly.

use article_annotator::entities::embedded_model;
use article_annotator::text::Segmented;

fn entities(text: &str) -> Vec<(&str, &'static str)> {
    let model = embedded_model().expect("the embedded entity model loads");
    let seg = Segmented::new(text);
    model.tag(&seg).into_iter().map(|e| (e.span.slice(text), e.label.as_str())).collect()
}

#[test]
fn possessive_with_curly_apostrophe_and_hyphenated_places() {
    assert_eq!(
        entities(
            "Mark Rutte\u{2019}s visit to Pristina came as Kosovo-Serbia relations soured, officials said on Monday."
        ),
        [("Mark Rutte", "PER"), ("Pristina", "LOC"), ("Kosovo", "LOC"), ("Serbia", "LOC")]
    );
    assert_eq!(
        entities(
            "Germany's finance minister Olaf Scholz met Christine Lagarde of the European Central Bank in Frankfurt."
        ),
        [
            ("Germany", "LOC"),
            ("Olaf Scholz", "PER"),
            ("Christine Lagarde", "PER"),
            ("European Central Bank", "ORG"),
            ("Frankfurt", "LOC")
        ]
    );
}

#[test]
fn byline_and_curly_quotes() {
    assert_eq!(entities("By Valentina Dimitrievska in Skopje"), [("Valentina Dimitrievska", "PER"), ("Skopje", "LOC")]);
    assert_eq!(
        entities("\u{201C}We will not allow a security vacuum,\u{201D} Rutte told reporters in Brussels."),
        [("Rutte", "PER"), ("Brussels", "LOC")]
    );
}

#[test]
fn all_caps_headline_over_its_article() {
    assert_eq!(
        entities(
            "DUTCH LEADER RUTTE VISITS KOSOVO AHEAD OF VOTE\n\nDutch Prime Minister Mark Rutte arrived in Kosovo on Tuesday."
        ),
        [
            ("DUTCH", "MISC"),
            ("RUTTE", "PER"),
            ("KOSOVO", "LOC"),
            ("Dutch", "MISC"),
            ("Mark Rutte", "PER"),
            ("Kosovo", "LOC")
        ]
    );
}

#[test]
fn links_and_addresses_are_never_names() {
    assert_eq!(entities("Write to press@example.org or see https://www.example.com/kosovo for details."), []);
    assert_eq!(entities("Contact: Jane Doe <jane.doe@example.com>, www.example.org/newsroom"), [("Jane Doe", "PER")]);
    let text = "Mail Kosovo@Serbia.org or visit www.Kosovo.com and http://Serbia.example/Rutte now.";
    for (name, _) in entities(text) {
        assert!(!name.contains('@') && !name.contains("www") && !name.contains("http"), "{name:?} in {text:?}");
    }
}

#[test]
fn websites_named_as_words_are_organisations() {
    assert_eq!(
        entities("The report by Koha.net and a statement on Nato.int were cited; see also example.com."),
        [("Koha.net", "ORG"), ("Nato.int", "ORG")]
    );
}

#[test]
fn names_in_plain_news_sentences() {
    assert_eq!(
        entities(
            "Hundreds of protesters marched through central Belgrade on Saturday, demanding that President Aleksandar Vucic resign."
        ),
        [("Belgrade", "LOC"), ("Aleksandar Vucic", "PER")]
    );
}

#[test]
fn spans_are_byte_offsets_into_the_original_text() {
    let text = "\u{201C}Yes,\u{201D} said Mark Rutte\u{2019}s aide in Kosovo-Serbia talks.";
    let seg = Segmented::new(text);
    let got: Vec<(usize, usize, &str)> =
        embedded_model().unwrap().tag(&seg).into_iter().map(|e| (e.span.start, e.span.end, e.label.as_str())).collect();
    // The curly quotes take three bytes each: "Mark" starts at byte 16, and
    // the possessive's curly apostrophe moves "Kosovo" to byte 39.
    assert_eq!(got, [(16, 26, "PER"), (39, 45, "LOC"), (46, 52, "LOC")]);
    assert_eq!(&text[16..26], "Mark Rutte");
    assert_eq!(&text[39..45], "Kosovo");
    assert_eq!(&text[46..52], "Serbia");
}

#[test]
fn spans_sit_on_char_boundaries_of_the_original_text() {
    let text = "Caf\u{E9} owner Zo\u{EB} M\u{FC}ller \u{1F600} met \u{C9}mile Zola\u{2019}s heirs in Z\u{FC}rich.\r\n";
    let seg = Segmented::new(text);
    for e in embedded_model().unwrap().tag(&seg) {
        assert!(text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end));
        assert!(!e.span.slice(text).trim().is_empty());
    }
}

#[test]
fn titles_stay_outside_a_persons_name() {
    assert_eq!(
        entities(
            "The Federal Reserve held rates steady on Wednesday, Chair Jerome Powell told reporters in Washington."
        ),
        [("Federal Reserve", "ORG"), ("Jerome Powell", "PER"), ("Washington", "LOC")]
    );
    // A title inside the span cuts it too; one at the end is the name's own.
    assert_eq!(
        entities("The English army was led by the Anglo-Saxon King Harold Godwinson. Billie Jean King won in 1973."),
        [("English", "MISC"), ("Harold Godwinson", "PER"), ("Billie Jean King", "PER")]
    );
}

#[test]
fn a_title_case_headline_does_not_make_every_word_a_name() {
    let text = "Sprint to Buy Nextel in $36 Billion Deal\n\nNEW YORK (Reuters) - Sprint Corp. said on Wednesday it \
                would buy Nextel Communications Inc. for about $36 billion.";
    let found = entities(text);
    assert!(found.contains(&("Nextel", "ORG")), "{found:?}");
    for (name, _) in &found {
        assert!(!["Buy", "Billion", "Deal"].iter().any(|w| name.contains(w)), "{name:?} in {found:?}");
    }
    assert!(found.contains(&("Sprint Corp.", "ORG")) && found.contains(&("Nextel Communications Inc.", "ORG")));
    // A headline whose words are names stays names.
    assert_eq!(
        entities("Mark Rutte Meets Olaf Scholz in Berlin\n\nThe two leaders spoke for an hour."),
        [("Mark Rutte", "PER"), ("Olaf Scholz", "PER"), ("Berlin", "LOC")]
    );
}

#[test]
fn words_in_scripts_without_capitals_are_never_names() {
    assert_eq!(entities("قال Ahmed Hassan يوم March 3, 2024 في القاهرة إن الاتفاق صامد."), [("Ahmed Hassan", "PER")]);
    assert_eq!(entities("שלום עולם: Dana Levi met the mayor of Haifa."), [("Dana Levi", "PER"), ("Haifa", "LOC")]);
}

#[test]
fn named_events_are_misc() {
    assert_eq!(
        entities("The Treaty of Rome and the Battle of Britain were remembered. The Norman Conquest changed England."),
        [("Treaty of Rome", "MISC"), ("Battle of Britain", "MISC"), ("Norman Conquest", "MISC"), ("England", "LOC")]
    );
}

#[test]
fn landforms_and_waters_are_places() {
    assert_eq!(
        entities("The Amazon River flows into the Atlantic Ocean, far from Lake Geneva and Mount Everest."),
        [("Amazon River", "LOC"), ("Atlantic Ocean", "LOC"), ("Lake Geneva", "LOC"), ("Mount Everest", "LOC")]
    );
}
