//! Command-line annotator: one article to a JSON document, or a JSONL file of
//! `{"id", "text", "dct"}` records to one prediction record per line, on as
//! many threads as asked (the output is the same, in input order, for any
//! number).

#[cfg(not(target_arch = "wasm32"))]
use std::io::IsTerminal;
use std::io::{self, BufRead, Read, Write};
use std::path::Path;
use std::process::ExitCode;
use std::time::Instant;

use article_annotator::{Annotator, Date, MAX_TEXT_BYTES, NumericOrder, OffsetUnit, Options, parse_dct};

const USAGE: &str = "\
usage: annotate [OPTIONS] FILE        annotate one article (FILE may be - for stdin)
       annotate [OPTIONS] --jsonl IN  annotate each {\"id\", \"text\", \"dct\"} record of IN

options:
  --dct YYYY-MM-DD   the article's date, for resolving relative dates
                     (default: the record's dct, else a dateline in the text)
  --month-first      read 03/04/2025 as March 4 (default: day first, 3 April)
  --keep-going       with --jsonl: report a bad line on stderr and go on
  --jobs N           with --jsonl: annotate on N threads (default: all cores);
                     the output is the same for every N
  --stats            print documents, characters, seconds and characters per
                     second on stderr at the end
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
    /// Worker threads for --jsonl; 0 is one per core.
    jobs: usize,
    stats: bool,
}

fn parse_args() -> Result<Args, String> {
    let mut args = Args {
        input: None,
        jsonl: None,
        dct: None,
        options: Options::default(),
        keep_going: false,
        compact: false,
        jobs: 0,
        stats: false,
    };
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
            "--stats" => args.stats = true,
            "--jobs" => {
                let v = it.next().ok_or("--jobs needs a number of threads")?;
                args.jobs = match v.parse::<usize>() {
                    Ok(n) if n >= 1 => n,
                    _ => return Err(format!("--jobs needs a number of threads of 1 or more, not {v:?}")),
                };
            }
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
    let started = Instant::now();
    let mut stats = Stats::default();
    let result = match (&args.input, &args.jsonl) {
        (Some(path), _) => annotate_file(&annotator, path, &args, &mut stats),
        (_, Some(path)) => annotate_jsonl(&annotator, path, &args, &mut stats),
        _ => unreachable!("parse_args checks that exactly one input is given"),
    };
    if args.stats {
        let seconds = started.elapsed().as_secs_f64();
        let rate = if seconds > 0.0 { stats.chars as f64 / seconds } else { 0.0 };
        eprintln!("annotate: {} documents, {} chars, {seconds:.3} s, {rate:.0} chars/s", stats.documents, stats.chars);
    }
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

/// What was annotated, for --stats.
#[derive(Default)]
struct Stats {
    documents: usize,
    /// Characters (code points) of the annotated texts.
    chars: usize,
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

fn annotate_file(annotator: &Annotator, path: &str, args: &Args, stats: &mut Stats) -> Result<(), Failure> {
    let name = display_name(path);
    let text =
        decode(read_input(path, MAX_TEXT_BYTES as u64).map_err(Failure::Message)?, name).map_err(Failure::Message)?;
    if text.trim().is_empty() {
        return Err(Failure::Message(format!("{name} is empty: there is no text to annotate")));
    }
    let options = Options { dct: args.dct, ..args.options.clone() };
    let doc = annotator.annotate(&text, &options).map_err(|e| Failure::Message(format!("{name}: {e}")))?;
    stats.documents += 1;
    stats.chars += text.chars().count();
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

/// Lines read before a batch is annotated: enough to keep every thread busy,
/// few enough that the output starts soon and memory stays bounded.
const BATCH_LINES: usize = 512;
const BATCH_BYTES: usize = 64 << 20;

fn annotate_jsonl(annotator: &Annotator, path: &str, args: &Args, stats: &mut Stats) -> Result<(), Failure> {
    let name = display_name(path);
    let (reader, total): (Box<dyn BufRead>, Option<u64>) = if path == "-" {
        (Box::new(io::stdin().lock()), None)
    } else {
        if Path::new(path).is_dir() {
            return Err(Failure::Message(format!("{name} is a directory, not a file")));
        }
        let file = std::fs::File::open(path).map_err(|e| Failure::Message(format!("cannot open {name}: {e}")))?;
        let len = file.metadata().ok().map(|m| m.len());
        (Box::new(io::BufReader::new(file)), len)
    };
    let workers = Workers::new(args.jobs).map_err(Failure::Message)?;
    let progress = Progress::new(total);
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let mut failed = 0usize;
    let mut reader = reader.take(u64::MAX);
    let mut line_no = 0usize;
    let mut at_end = false;
    while !at_end {
        // A batch of lines, each with its line number.
        let mut batch: Vec<(usize, Vec<u8>)> = Vec::new();
        let mut bytes = 0usize;
        while batch.len() < BATCH_LINES && bytes < BATCH_BYTES {
            let mut buf = Vec::new();
            let n = (&mut reader).take(MAX_TEXT_BYTES as u64 * 2).read_until(b'\n', &mut buf);
            let n = n.map_err(|e| Failure::Message(format!("cannot read {name}: {e}")))?;
            if n == 0 {
                at_end = true;
                break;
            }
            line_no += 1;
            bytes += n;
            batch.push((line_no, buf));
        }
        let results = workers.map(&batch, |line| annotate_record(annotator, line, args));
        for ((line_no, line), result) in batch.iter().zip(results) {
            progress.advance(line.len());
            match result {
                Ok(Some((record, chars))) => {
                    stats.documents += 1;
                    stats.chars += chars;
                    out.write_all(record.as_bytes())?;
                }
                Ok(None) => {}
                Err(e) => {
                    let message = format!("{name}:{line_no}: {e}");
                    if !args.keep_going {
                        progress.finish();
                        out.flush()?;
                        return Err(Failure::Message(message));
                    }
                    progress.println(&format!("annotate: {message}"));
                    failed += 1;
                }
            }
        }
    }
    progress.finish();
    out.flush()?;
    if failed > 0 {
        eprintln!("annotate: {failed} line(s) of {name} could not be annotated");
        return Err(Failure::Reported);
    }
    Ok(())
}

/// The threads that annotate a batch of records: a rayon pool, or none for
/// --jobs 1. The results come back in input order either way.
struct Workers {
    #[cfg(not(target_arch = "wasm32"))]
    pool: Option<rayon::ThreadPool>,
}

impl Workers {
    #[cfg(not(target_arch = "wasm32"))]
    fn new(jobs: usize) -> Result<Workers, String> {
        if jobs == 1 {
            return Ok(Workers { pool: None });
        }
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(jobs)
            .build()
            .map_err(|e| format!("cannot start {jobs} worker threads: {e}"))?;
        Ok(Workers { pool: Some(pool) })
    }

    #[cfg(target_arch = "wasm32")]
    fn new(_jobs: usize) -> Result<Workers, String> {
        Ok(Workers {})
    }

    fn map<T, F>(&self, batch: &[(usize, Vec<u8>)], f: F) -> Vec<T>
    where
        T: Send,
        F: Fn(&[u8]) -> T + Sync,
    {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(pool) = &self.pool {
            use rayon::prelude::*;
            return pool.install(|| batch.par_iter().map(|(_, line)| f(line)).collect());
        }
        batch.iter().map(|(_, line)| f(line)).collect()
    }
}

/// A progress bar on stderr, only when stderr is a terminal: by bytes of the
/// input file, or a count of lines when reading a pipe.
struct Progress {
    #[cfg(not(target_arch = "wasm32"))]
    bar: Option<indicatif::ProgressBar>,
}

impl Progress {
    #[cfg(not(target_arch = "wasm32"))]
    fn new(total: Option<u64>) -> Progress {
        use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
        if !io::stderr().is_terminal() {
            return Progress { bar: None };
        }
        let bar = match total {
            Some(len) => ProgressBar::with_draw_target(Some(len), ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template(
                    "{bar:40} {binary_bytes}/{binary_total_bytes} {binary_bytes_per_sec} eta {eta}",
                )
                .unwrap_or_else(|_| ProgressStyle::default_bar()),
            ),
            None => ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr()).with_style(
                ProgressStyle::with_template("{spinner} {binary_bytes} read, {binary_bytes_per_sec}")
                    .unwrap_or_else(|_| ProgressStyle::default_spinner()),
            ),
        };
        Progress { bar: Some(bar) }
    }

    #[cfg(target_arch = "wasm32")]
    fn new(_total: Option<u64>) -> Progress {
        Progress {}
    }

    fn advance(&self, bytes: usize) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(bar) = &self.bar {
            bar.inc(bytes as u64);
        }
        let _ = bytes;
    }

    /// A message on stderr that does not garble the bar.
    fn println(&self, message: &str) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(bar) = &self.bar {
            bar.suspend(|| eprintln!("{message}"));
            return;
        }
        eprintln!("{message}");
    }

    fn finish(&self) {
        #[cfg(not(target_arch = "wasm32"))]
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

/// One JSONL line to one output line and the characters of its text; `None`
/// for a blank line.
fn annotate_record(annotator: &Annotator, line: &[u8], args: &Args) -> Result<Option<(String, usize)>, String> {
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
    Ok(Some((s, record.text.chars().count())))
}
