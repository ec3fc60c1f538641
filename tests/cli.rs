//! The command-line contract: one article to one JSON document, JSONL in to
//! JSONL out, and clear errors with a non-zero exit for every bad input.

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn annotate(args: &[&str], stdin: &[u8]) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_annotate"))
        .args(args)
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("the annotate binary starts");
    // A child that exits early closes its stdin; that is not a test failure.
    let _ = child.stdin.take().unwrap().write_all(stdin);
    child.wait_with_output().unwrap()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn temp_file(name: &str, bytes: &[u8]) -> std::path::PathBuf {
    let dir = std::env::temp_dir().join(format!("annotate-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

const FIXTURE: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/harbour-strike.txt");

#[test]
fn file_to_json_document() {
    let o = annotate(&[FIXTURE], b"");
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let text = std::fs::read_to_string(FIXTURE).unwrap();
    assert_eq!(doc["text"], text.as_str());
    assert_eq!(doc["schema"], "article-annotator/1");
    assert_eq!(doc["dct"], "2024-03-04", "read from the dateline");
    assert_eq!(doc["dct_source"], "text");
    let chars: Vec<char> = text.chars().collect();
    for layer in ["entities", "dates", "quotes"] {
        let items = doc[layer].as_array().unwrap();
        assert!(!items.is_empty(), "no {layer} found");
        for it in items {
            let (s, e) = (it["start"].as_u64().unwrap() as usize, it["end"].as_u64().unwrap() as usize);
            assert_eq!(chars[s..e].iter().collect::<String>(), it["text"].as_str().unwrap());
        }
    }
    let quotes: Vec<&str> = doc["quotes"].as_array().unwrap().iter().map(|q| q["text"].as_str().unwrap()).collect();
    assert!(quotes.contains(&"We can now look ahead,"), "{quotes:?}");
    let dates: Vec<(&str, &str)> = doc["dates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| (d["text"].as_str().unwrap(), d["value"].as_str().unwrap()))
        .collect();
    assert!(dates.contains(&("April 1", "2024-04-01")), "{dates:?}");
    assert!(dates.contains(&("January 2025", "2025-01")), "{dates:?}");
}

#[test]
fn dct_flag_and_stdin() {
    let o = annotate(&["--dct", "2030-06-01", "--compact", "-"], "It opens on May 5.".as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert_eq!(out.lines().count(), 1, "--compact prints one line");
    let doc: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(doc["dct"], "2030-06-01");
    assert_eq!(doc["dct_source"], "input");
    assert_eq!(doc["dates"][0]["value"], "2030-05-05");
}

#[test]
fn jsonl_records_keep_their_ids_and_dct() {
    let input = concat!(
        r#"{"id": "a", "text": "Talks resume on February 9.", "dct": "2025-01-13", "entities": []}"#,
        "\n\n",
        r#"{"id": 7, "text": "\u201cNo,\u201d said Ann Lee.", "dct": null}"#,
        "\n"
    );
    let o = annotate(&["--jsonl", "-"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let lines: Vec<serde_json::Value> =
        String::from_utf8(o.stdout).unwrap().lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len(), 2, "the blank line is skipped");
    assert_eq!(lines[0]["id"], "a");
    assert_eq!(lines[0]["dates"][0]["value"], "2025-02-09");
    assert_eq!(lines[1]["id"], "7");
    assert_eq!(lines[1]["quotes"][0]["text"], "No,");
}

#[test]
fn a_publication_timestamp_is_read_as_its_date() {
    // Pages and feeds give the publication time: its date, as written, is the dct.
    let input = r#"{"id": "t", "text": "Talks will resume on Monday.", "dct": "2024-03-06T23:30:00-05:00"}"#;
    let o = annotate(&["--jsonl", "-"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(doc["dct"], "2024-03-06");
    assert_eq!(doc["dates"][0]["value"], "2024-03-11");
    let o = annotate(&["--dct", "2024-03-06 10:00Z", "-"], "It opens on May 5.".as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let o = annotate(&["--dct", "2024-03-06 at noon", "-"], "It opens on May 5.".as_bytes());
    assert_eq!(o.status.code(), Some(2), "a bad --dct is bad usage");
    assert!(o.stdout.is_empty());
    assert!(stderr(&o).contains("\"2024-03-06 at noon\" is not a calendar date"), "{}", stderr(&o));
}

#[test]
fn malformed_jsonl_names_the_line() {
    let input = "{\"id\": \"ok\", \"text\": \"Fine.\"}\n{not json}\n{\"id\": \"late\", \"text\": \"Also fine.\"}\n";
    let path = temp_file("bad.jsonl", input.as_bytes());
    let p = path.to_str().unwrap();
    let o = annotate(&["--jsonl", p], b"");
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains(&format!("{p}:2:")), "{}", stderr(&o));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert_eq!(out.lines().count(), 1, "records before the bad line are written whole, nothing after");
    let o = annotate(&["--keep-going", "--jsonl", p], b"");
    assert_eq!(o.status.code(), Some(1));
    let out = String::from_utf8(o.stdout.clone()).unwrap();
    assert_eq!(out.lines().count(), 2, "--keep-going writes the good records");
    assert!(stderr(&o).contains("1 line(s)"), "{}", stderr(&o));
}

/// Every way an input can be bad: the exact exit code the README promises
/// (1 an input could not be read or annotated, 2 bad usage), a message that
/// says what is wrong, and nothing at all on stdout.
#[test]
fn bad_inputs_get_clear_errors_exact_codes_and_no_output() {
    let dir = std::env::temp_dir();
    let bin = temp_file("binary.bin", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\xff\xfe");
    let nul = temp_file("nul.txt", b"text with a \0 inside");
    let empty = temp_file("empty.txt", b"");
    let blank = temp_file("blank.txt", b"  \n\t\r\n ");
    let (bin, nul, empty, blank) =
        (bin.to_str().unwrap(), nul.to_str().unwrap(), empty.to_str().unwrap(), blank.to_str().unwrap());
    let cases: Vec<(Vec<&str>, &[u8], i32, &str)> = vec![
        (vec!["/no/such/file.txt"], b"", 1, "cannot open /no/such/file.txt"),
        (vec![dir.to_str().unwrap()], b"", 1, "is a directory"),
        (vec![bin], b"", 1, "is not UTF-8"),
        (vec![nul], b"", 1, "NUL byte"),
        (vec![empty], b"", 1, "is empty"),
        (vec![blank], b"", 1, "is empty"),
        (vec!["-"], b"caf\xe9 au lait", 1, "<stdin> is not UTF-8"),
        (vec!["-"], b"", 1, "<stdin> is empty"),
        (vec!["--jsonl", "/no/such.jsonl"], b"", 1, "cannot open /no/such.jsonl"),
        (vec!["--jsonl", "-"], b"{not json}\n", 1, "<stdin>:1: not a"),
        (vec!["--jsonl", "-"], b"{\"id\": 1, \"text\": \"On May 5.\", \"dct\": \"2025-02-30\"}\n", 1, "<stdin>:1:"),
        (vec!["--dct", "2025-13-01", FIXTURE], b"", 2, "not a calendar date"),
        (vec!["--dct"], b"", 2, "--dct needs a date"),
        (vec!["--jsonl"], b"", 2, "--jsonl needs a file"),
        (vec!["--bogus", FIXTURE], b"", 2, "unknown option --bogus"),
        (vec![], b"", 2, "give one input"),
        (vec![FIXTURE, FIXTURE], b"", 2, "more than one input file"),
        (vec!["--jsonl", "-", FIXTURE], b"", 2, "give one input"),
    ];
    for (args, stdin, code, expect) in cases {
        let o = annotate(&args, stdin);
        assert_eq!(o.status.code(), Some(code), "{args:?} must exit {code}: {}", stderr(&o));
        assert!(o.stdout.is_empty(), "{args:?} printed to stdout: {:?}", String::from_utf8_lossy(&o.stdout));
        assert!(stderr(&o).contains(expect), "{args:?}: expected {expect:?} in {:?}", stderr(&o));
        assert!(!stderr(&o).contains("panicked"), "{args:?} panicked");
    }
    let o = annotate(&["--help"], b"");
    assert_eq!(o.status.code(), Some(0), "--help succeeds");
    assert!(String::from_utf8_lossy(&o.stdout).contains("exit status: 0 success, 1"), "--help prints the usage");
}

/// `--month-first` reads 03/04/2025 as March 4; without it, day first (3 April).
#[test]
fn month_first_flag() {
    let text = "The hearing set for 03/04/2025 was moved, the court said.";
    for (args, value) in [(vec!["-"], "2025-04-03"), (vec!["--month-first", "-"], "2025-03-04")] {
        let o = annotate(&args, text.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
        let dates: Vec<(&str, &str)> = doc["dates"]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| (d["text"].as_str().unwrap(), d["value"].as_str().unwrap()))
            .collect();
        assert_eq!(dates, [("03/04/2025", value)], "{args:?}");
    }
    let input = "{\"id\": \"x\", \"text\": \"Due 03/04/2025.\"}\n";
    let o = annotate(&["--month-first", "--jsonl", "-"], input.as_bytes());
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let rec: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert_eq!(rec["dates"][0]["value"], "2025-03-04", "--month-first applies to --jsonl records too");
}

/// Offsets count code points, and a CRLF is two of them: every span after
/// a `\r\n` starts one further on than it would after a bare `\n`.
#[test]
fn crlf_offsets_count_both_characters() {
    let lf = "Harbour talks resume\n\nNegotiator Ana Ruiz met the union on February 9, 2025.\n\u{201C}We are close,\u{201D} said Ana Ruiz.\n";
    let crlf = lf.replace('\n', "\r\n");
    let run = |text: &str| -> serde_json::Value {
        let o = annotate(&["--dct", "2025-01-13", "-"], text.as_bytes());
        assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
        serde_json::from_slice(&o.stdout).unwrap()
    };
    let (a, b) = (run(lf), run(&crlf));
    assert_eq!(b["text"], crlf.as_str(), "the CRLFs are kept as they are");
    let chars: Vec<char> = crlf.chars().collect();
    let span = |v: &serde_json::Value| (v["start"].as_u64().unwrap() as usize, v["end"].as_u64().unwrap() as usize);
    let date = b["dates"].as_array().unwrap().iter().find(|d| d["text"] == "February 9, 2025").expect("the date");
    let (s, e) = span(date);
    assert_eq!((s, e), (61, 77), "two CRLFs before the date: two more code points than with LF");
    assert_eq!(chars[s..e].iter().collect::<String>(), "February 9, 2025");
    for layer in ["entities", "dates", "quotes"] {
        let (la, lb) = (a[layer].as_array().unwrap(), b[layer].as_array().unwrap());
        assert!(!la.is_empty(), "no {layer} found");
        assert_eq!(la.len(), lb.len(), "{layer}: CRLF changed what is found");
        for (x, y) in la.iter().zip(lb) {
            let ((xs, _), (ys, ye)) = (span(x), span(y));
            let breaks = lf.chars().take(xs).filter(|&c| c == '\n').count();
            assert_eq!(ys, xs + breaks, "{layer} {}: one more code point per line break before it", y["text"]);
            assert_eq!(chars[ys..ye].iter().collect::<String>(), y["text"].as_str().unwrap());
        }
    }
}

/// A date carries `mod` only when a modifier narrows or loosens it; the key
/// is left out otherwise (never `null`).
#[test]
fn date_mod_only_with_a_modifier() {
    let o = annotate(
        &["--dct", "2025-01-13", "--compact", "-"],
        b"Work starts in early 2024 and ends on February 9, 2025.",
    );
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let dates = doc["dates"].as_array().unwrap();
    let early = dates.iter().find(|d| d["text"].as_str().unwrap().contains("2024")).expect("early 2024");
    assert_eq!(early["mod"], "START", "{early}");
    let plain = dates.iter().find(|d| d["text"] == "February 9, 2025").expect("February 9, 2025");
    assert!(plain.as_object().unwrap().get("mod").is_none(), "a date without a modifier has a mod key: {plain}");
}

#[test]
fn byte_order_mark_and_crlf() {
    let o = annotate(
        &["--dct", "2025-01-13", "-"],
        "\u{FEFF}\u{201C}Yes,\u{201D} he said\r\non February 9.\r\n".as_bytes(),
    );
    assert!(o.status.success(), "{}", stderr(&o));
    let doc: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    assert!(doc["text"].as_str().unwrap().starts_with('\u{201C}'), "the BOM is dropped");
    assert_eq!(doc["quotes"][0]["start"], 1);
    assert_eq!(doc["dates"][0]["text"], "February 9");
}

#[test]
fn oversized_input_is_refused_before_reading_it_all() {
    let big = vec![b'a'; article_annotator::MAX_TEXT_BYTES + 10];
    let o = annotate(&["-"], &big);
    assert_eq!(o.status.code(), Some(1));
    assert!(stderr(&o).contains("larger than"), "{}", stderr(&o));
    assert!(o.stdout.is_empty());
}

/// 600 records (more than one batch of lines) made from the fixtures'
/// paragraphs, with a blank line and, optionally, a malformed one among them.
fn many_records(bad_line: bool) -> String {
    let mut paragraphs = Vec::new();
    for f in ["harbour-strike.txt", "harbour-bridge.txt"] {
        let text = std::fs::read_to_string(format!("{}/tests/fixtures/{f}", env!("CARGO_MANIFEST_DIR"))).unwrap();
        paragraphs.extend(text.split("\n\n").filter(|p| !p.trim().is_empty()).map(str::to_string));
    }
    let mut out = String::new();
    for i in 0..600 {
        let text = paragraphs[i % paragraphs.len()].repeat(1 + i % 3);
        let record = serde_json::json!({"id": format!("r{i}"), "text": text, "dct": "2024-06-03"});
        out.push_str(&record.to_string());
        out.push('\n');
        if i == 100 {
            out.push('\n');
        }
        if bad_line && i == 300 {
            out.push_str("{\"id\": \"broken\", \"text\": \n");
        }
    }
    out
}

#[test]
fn jobs_give_the_same_bytes_in_input_order() {
    let path = temp_file("many.jsonl", many_records(false).as_bytes());
    let p = path.to_str().unwrap();
    let one = annotate(&["--jsonl", p, "--jobs", "1"], b"");
    assert!(one.status.success(), "{}", stderr(&one));
    let out = String::from_utf8(one.stdout.clone()).unwrap();
    let ids: Vec<String> =
        out.lines().map(|l| serde_json::from_str::<serde_json::Value>(l).unwrap()["id"].to_string()).collect();
    assert_eq!(ids.len(), 600);
    assert_eq!(ids[0], "\"r0\"");
    assert_eq!(ids[599], "\"r599\"", "input order");
    for jobs in ["2", "3"] {
        let many = annotate(&["--jsonl", p, "--jobs", jobs], b"");
        assert!(many.status.success(), "{}", stderr(&many));
        assert!(many.stdout == one.stdout, "--jobs {jobs} output differs from --jobs 1");
    }
    let default = annotate(&["--jsonl", "-"], many_records(false).as_bytes());
    assert!(default.stdout == one.stdout, "the default (all cores) output differs from --jobs 1");
}

#[test]
fn jobs_keep_going_reports_the_same_line_and_records() {
    let path = temp_file("many-bad.jsonl", many_records(true).as_bytes());
    let p = path.to_str().unwrap();
    let one = annotate(&["--keep-going", "--jsonl", p, "--jobs", "1"], b"");
    let two = annotate(&["--keep-going", "--jsonl", p, "--jobs", "2"], b"");
    assert_eq!(one.status.code(), Some(1));
    assert_eq!(two.status.code(), Some(1));
    assert!(one.stdout == two.stdout);
    assert_eq!(String::from_utf8_lossy(&two.stdout).lines().count(), 600);
    // Line 303: 301 records, the blank line after record 100, then the broken one.
    assert!(stderr(&two).contains(&format!("{p}:303:")), "{}", stderr(&two));
    assert_eq!(stderr(&one), stderr(&two));
    // Without --keep-going the records before the bad line are written, nothing after.
    let stop = annotate(&["--jsonl", p, "--jobs", "2"], b"");
    assert_eq!(stop.status.code(), Some(1));
    assert_eq!(String::from_utf8_lossy(&stop.stdout).lines().count(), 301);
}

#[test]
fn jobs_must_be_a_positive_number() {
    for bad in ["0", "two", "-1"] {
        let o = annotate(&["--jsonl", "-", "--jobs", bad], b"");
        assert_eq!(o.status.code(), Some(2), "--jobs {bad}");
        assert!(stderr(&o).contains("--jobs needs a number of threads"), "{}", stderr(&o));
    }
}

#[test]
fn stats_line_and_no_progress_bar_on_a_pipe() {
    let input =
        "{\"id\": 1, \"text\": \"Talks resume on February 9.\"}\n{\"id\": 2, \"text\": \"Ana Ruiz left Oslo.\"}\n";
    let o = annotate(&["--jsonl", "-", "--stats"], input.as_bytes());
    assert!(o.status.success(), "{}", stderr(&o));
    let err = stderr(&o);
    // stderr is a pipe here: the summary line and nothing else (no progress bar).
    assert_eq!(err.lines().count(), 1, "{err:?}");
    let line = err.trim_end();
    let rest = line.strip_prefix("annotate: 2 documents, 46 chars, ").unwrap_or_else(|| panic!("{line:?}"));
    let (seconds, rate) = rest.split_once(" s, ").unwrap_or_else(|| panic!("{line:?}"));
    assert!(seconds.parse::<f64>().is_ok(), "{line:?}");
    assert!(rate.strip_suffix(" chars/s").and_then(|r| r.parse::<u64>().ok()).is_some(), "{line:?}");
    assert!(!err.contains('\r') && !err.contains('\u{1b}'), "no terminal control codes: {err:?}");

    let plain = annotate(&["--jsonl", "-"], input.as_bytes());
    assert!(plain.stderr.is_empty(), "without --stats stderr stays empty: {:?}", stderr(&plain));
    let file = annotate(&["--stats", FIXTURE], b"");
    assert!(stderr(&file).starts_with("annotate: 1 documents, "), "{}", stderr(&file));
}
