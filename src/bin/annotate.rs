//! Command-line annotator: one article to a JSON document, or a JSONL file of
//! `{"id", "text", "dct"}` records to one prediction record per line.

use std::io::{self, BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;

use article_annotator::{Annotator, Date, MAX_TEXT_BYTES, NumericOrder, OffsetUnit, Options, parse_dct};

const USAGE: &str = "\
usage: annotate [OPTIONS] FILE        annotate one article (FILE may be - for stdin)
       annotate [OPTIONS] --jsonl IN  annotate each {\"id\", \"text\", \"dct\"} record of IN

options:
  --dct YYYY-MM-DD   the article's date, for resolving relative dates
                     (default: the record's dct, else a dateline in the text)
  --month-first      read 03/04/2025 as March 4 (default: day first, 3 April)
  --keep-going       with --jsonl: report a bad line on stderr and go on
  --compact          print the document on one line
  -h, --help         show this help

exit status: 0 success, 1 an input could not be read or annotated, 2 bad usage";

/// Exit codes, documented in the README.
const EXIT_INPUT: u8 = 1;
const EXIT_USAGE: u8 = 2;

struct Args {
    input: Option<String>,
    jsonl: Option<String>,
    dct: Option<Date>,
    options: Options,
    keep_going: bool,
    compact: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args =
        Args { input: None, jsonl: None, dct: None, options: Options::default(), keep_going: false, compact: false };
    let mut it = std::env::args().skip(1);
    while let Some(a) = it.next() {
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                std::process::exit(0);
            }
            "--dct" => {
                let v = it.next().ok_or("--dct needs a date, YYYY-MM-DD")?;
                args.dct = Some(parse_dct(&v).map_err(|e| e.to_string())?);
            }
            "--jsonl" => args.jsonl = Some(it.next().ok_or("--jsonl needs a file (or - for stdin)")?),
            "--month-first" => args.options.dates.numeric_order = NumericOrder::MonthFirst,
            "--day-first" => args.options.dates.numeric_order = NumericOrder::DayFirst,
            "--keep-going" => args.keep_going = true,
            "--compact" => args.compact = true,
            s if s.starts_with("--") => return Err(format!("unknown option {s}")),
            _ if args.input.is_some() => {
                return Err(format!("more than one input file given ({a})"));
            }
            _ => args.input = Some(a),
        }
    }
    if args.input.is_some() == args.jsonl.is_some() {
        return Err("give one input: a FILE, or --jsonl IN".to_string());
    }
    Ok(args)
}

fn main() -> ExitCode {
    let args = match parse_args() {
        Ok(a) => a,
        Err(e) => {
            eprintln!("annotate: {e}\n\n{USAGE}");
            return ExitCode::from(EXIT_USAGE);
        }
    };
    let annotator = match Annotator::new() {
        Ok(a) => a,
        Err(e) => return fail(&e.to_string()),
    };
    let result = match (&args.input, &args.jsonl) {
        (Some(path), _) => annotate_file(&annotator, path, &args),
        (_, Some(path)) => annotate_jsonl(&annotator, path, &args),
        _ => unreachable!("parse_args checks that exactly one input is given"),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(Failure::Message(m)) => fail(&m),
        Err(Failure::Reported) => ExitCode::from(EXIT_INPUT),
        Err(Failure::BrokenPipe) => ExitCode::SUCCESS,
    }
}

fn fail(message: &str) -> ExitCode {
    eprintln!("annotate: {message}");
    ExitCode::from(EXIT_INPUT)
}

enum Failure {
    Message(String),
    /// Errors were already printed (--keep-going).
    Reported,
    /// The reader of our output went away: stop quietly.
    BrokenPipe,
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        if e.kind() == io::ErrorKind::BrokenPipe {
            Failure::BrokenPipe
        } else {
            Failure::Message(format!("cannot write output: {e}"))
        }
    }
}

fn display_name(path: &str) -> &str {
    if path == "-" { "<stdin>" } else { path }
}

/// Reads a whole input as bytes, refusing more than the annotator accepts.
fn read_input(path: &str, limit: u64) -> Result<Vec<u8>, String> {
    let name = display_name(path);
    let mut reader: Box<dyn Read> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        let p = Path::new(path);
        if p.is_dir() {
            return Err(format!("{name} is a directory, not a file"));
        }
        Box::new(std::fs::File::open(p).map_err(|e| format!("cannot open {name}: {e}"))?)
    };
    let mut bytes = Vec::new();
    (&mut reader).take(limit + 1).read_to_end(&mut bytes).map_err(|e| format!("cannot read {name}: {e}"))?;
    if bytes.len() as u64 > limit {
        return Err(format!(
            "{name} is larger than {} MB, the most this annotator accepts; split it into articles",
            limit >> 20
        ));
    }
    Ok(bytes)
}

/// Decodes text: UTF-8, a leading byte-order mark dropped, no NUL bytes.
fn decode(bytes: Vec<u8>, name: &str) -> Result<String, String> {
    let mut text = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        format!("{name} is not UTF-8 text (invalid byte at offset {at}); convert it to UTF-8 first")
    })?;
    if text.starts_with('\u{FEFF}') {
        text.drain(..3);
    }
    if let Some(at) = text.find('\0') {
        return Err(format!("{name} contains a NUL byte at offset {at}: it looks like a binary file, not text"));
    }
    Ok(text)
}

fn annotate_file(annotator: &Annotator, path: &str, args: &Args) -> Result<(), Failure> {
    let name = display_name(path);
    let text =
        decode(read_input(path, MAX_TEXT_BYTES as u64).map_err(Failure::Message)?, name).map_err(Failure::Message)?;
    if text.trim().is_empty() {
        return Err(Failure::Message(format!("{name} is empty: there is no text to annotate")));
    }
    let options = Options { dct: args.dct, ..args.options.clone() };
    let doc = annotator.annotate(&text, &options).map_err(|e| Failure::Message(format!("{name}: {e}")))?;
    let export = doc.export(&text, OffsetUnit::CodePoint);
    // Serialised straight into a buffered stdout, not into a string first.
    let mut out = io::BufWriter::with_capacity(1 << 16, io::stdout().lock());
    let written = if args.compact {
        serde_json::to_writer(&mut out, &export)
    } else {
        serde_json::to_writer_pretty(&mut out, &export)
    };
    written.map_err(|e| match e.io_error_kind() {
        Some(kind) => Failure::from(io::Error::from(kind)),
        None => Failure::Message(format!("cannot serialise the result: {e}")),
    })?;
    out.write_all(b"\n")?;
    out.flush()?;
    Ok(())
}

#[derive(serde::Deserialize)]
struct Record {
    id: serde_json::Value,
    text: String,
    #[serde(default)]
    dct: Option<String>,
}

fn annotate_jsonl(annotator: &Annotator, path: &str, args: &Args) -> Result<(), Failure> {
    let name = display_name(path);
    let reader: Box<dyn BufRead> = if path == "-" {
        Box::new(io::stdin().lock())
    } else {
        if Path::new(path).is_dir() {
            return Err(Failure::Message(format!("{name} is a directory, not a file")));
        }
        Box::new(io::BufReader::new(
            std::fs::File::open(path).map_err(|e| Failure::Message(format!("cannot open {name}: {e}")))?,
        ))
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut buf = Vec::new();
    let mut reader = reader.take(u64::MAX);
    for line_no in 1.. {
        buf.clear();
        let n = (&mut reader).take(MAX_TEXT_BYTES as u64 * 2).read_until(b'\n', &mut buf);
        let n = n.map_err(|e| Failure::Message(format!("cannot read {name}: {e}")))?;
        if n == 0 {
            break;
        }
        match annotate_record(annotator, &buf, args) {
            Ok(Some(line)) => {
                out.write_all(line.as_bytes())?;
            }
            Ok(None) => {}
            Err(e) => {
                let message = format!("{name}:{line_no}: {e}");
                if !args.keep_going {
                    out.flush()?;
                    return Err(Failure::Message(message));
                }
                eprintln!("annotate: {message}");
                failed += 1;
            }
        }
    }
    out.flush()?;
    if failed > 0 {
        eprintln!("annotate: {failed} line(s) of {name} could not be annotated");
        return Err(Failure::Reported);
    }
    Ok(())
}

/// One JSONL line to one output line; `None` for a blank line.
fn annotate_record(annotator: &Annotator, line: &[u8], args: &Args) -> Result<Option<String>, String> {
    let line =
        std::str::from_utf8(line).map_err(|e| format!("not UTF-8 (invalid byte at column {})", e.valid_up_to() + 1))?;
    let line = line.trim_end_matches(['\n', '\r']);
    if line.trim().is_empty() {
        return Ok(None);
    }
    let record: Record = serde_json::from_str(line).map_err(|e| format!("not a {{\"id\", \"text\"}} record: {e}"))?;
    let dct = match (&args.dct, &record.dct) {
        (Some(d), _) => Some(*d),
        (None, Some(s)) => Some(parse_dct(s).map_err(|e| e.to_string())?),
        (None, None) => None,
    };
    let options = Options { dct, ..args.options.clone() };
    let doc = annotator.annotate(&record.text, &options).map_err(|e| e.to_string())?;
    let mut export = doc.export(&record.text, OffsetUnit::CodePoint);
    export.id = Some(match record.id {
        serde_json::Value::String(s) => s,
        other => other.to_string(),
    });
    let mut s = serde_json::to_string(&export).map_err(|e| format!("cannot serialise the result: {e}"))?;
    s.push('\n');
    Ok(Some(s))
}
