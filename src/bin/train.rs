//! Trains the entity tagger on CoNLL-style gold JSONL and writes the model
//! file; also scores a model file on a gold file. Built only with the
//! `train` feature:
//!
//! ```sh
//! cargo run --release --features train --bin train -- --data ../shared/data/conll2003 --out model/entities.bin
//! cargo run --release --features train --bin train -- --eval ../shared/data/conll2003/dev.jsonl
//! ```

use std::process::ExitCode;
use std::time::Instant;

use article_annotator::document::EntityLabel;
use article_annotator::entities::classes;
use article_annotator::entities::train::{self, Config};
use article_annotator::entities::{EMBEDDED_MODEL, EntityModel, Scheme, group};

const USAGE: &str = "\
usage: train --data DIR --out MODEL [OPTIONS]   train on DIR/train.jsonl, pick epochs on DIR/dev.jsonl
       train --eval GOLD.jsonl [--model MODEL]  score a model file (default: the embedded one)
       train --eval GOLD.jsonl --pred OUT.jsonl  also write the predicted entities
       train --table [--model MODEL] [--root DIR] [--fixture FILE] [--blind FILE] [--wikinews FILE]
                                                one table of F1 on every evaluation set: CoNLL-2003
                                                dev and test, each CrossNER domain's dev, UNER EWT
                                                dev, BTC and WNUT17 dev (under DIR, default
                                                $ANNOTATOR_DATA) and the fixture (default
                                                tests/entities/modern.jsonl) and the blind
                                                fixture (tests/entities/blind.jsonl, never
                                                tuned on) and the Wikinews-style fixture
                                                (tests/entities/wikinews-style.jsonl,
                                                scored before the rules for it); --no-rules and
                                                --no-groups leave out the rules after tagging
                                                and the groups' one label per group

options:
  --epochs N            most epochs to train (default 20); the best on dev is kept
  --seed N              shuffling seed (default 1)
  --runs N              average the weights of N differently shuffled runs (default 3)
  --folds N             folds for the out-of-fold first-pass labels (default 5)
  --fold-epochs N       epochs of each fold's first-pass model (default 1)
  --scheme bilou|bio    tag scheme (default bilou)
  --no-train-names      do not add the training data's entity names to the name lists
  --without G,G         switch feature groups off: words, affixes, shape, document,
                        gazetteer, clusters, conjunctions
  --gazetteers FILE     name lists, lines \"list<TAB>name\" (default model/gazetteers.tsv)
  --classes SOURCE      word classes: `train` (default) induces them from the training
                        text; `none`; or FILE[,FILE] (one document per line) adds those
                        corpora to the training text
  --class-sizes L       class counts, powers of two (default 32,128,512)
  --class-vocab N       words that get a class (default 20000)
  --class-min-count N   least count of a word that gets a class (default 2)
  --class-iterations N  exchange passes (default 10)
  --classes-out FILE    also write the classes, lines \"word<TAB>path\"
  --keep N              keep the N strongest features (default 1000000)
  --levels N            quantise weights to N magnitudes up to the largest (default 16)
  --floor Q             log-spaced levels from this quantile of all weight magnitudes;
                        smaller weights are dropped (default 0.8; 0: evenly spaced levels)
  --with-dev            then train again on train + dev for the chosen epochs and write
                        that to MODEL (the train-only model goes to MODEL.train-only)
  --extra FILE          also train on FILE (repeatable; CrossNER, UNER, WNUT17, BTC), with
                        its annotation conventions set by its source (`train::adapt`)
  --extra-dev FILE      with --with-dev, also train the final model on FILE (repeatable)
  --as-annotated        read the extra corpora as fully annotated (no masking or relabelling)
  --test FILE           also score the written models on FILE (report only)";

fn main() -> ExitCode {
    match run() {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("train: {e}");
            ExitCode::from(1)
        }
    }
}

fn read_pairs(path: &str) -> Result<Vec<(String, String)>, String> {
    let text = std::fs::read_to_string(path).map_err(|e| format!("cannot read {path}: {e}"))?;
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        let (a, b) =
            line.split_once('\t').ok_or_else(|| format!("{path}:{}: expected two tab-separated fields", n + 1))?;
        out.push((a.to_string(), b.to_string()));
    }
    Ok(out)
}

fn run() -> Result<(), String> {
    let mut args = std::env::args().skip(1);
    let (mut data, mut out, mut eval, mut model_path, mut test) = (None, None, None, None, None);
    let mut with_dev = false;
    let mut table = false;
    let mut post = train::Post::ALL;
    let mut pred_out: Option<String> = None;
    let (mut extra, mut extra_dev, mut as_annotated) = (Vec::new(), Vec::new(), false);
    let mut root = std::env::var("ANNOTATOR_DATA").unwrap_or_else(|_| "../shared/data".to_string());
    let mut fixture = "tests/entities/modern.jsonl".to_string();
    let mut blind = "tests/entities/blind.jsonl".to_string();
    let mut wikinews = "tests/entities/wikinews-style.jsonl".to_string();
    let mut cfg = Config {
        scheme: Scheme::Bilou,
        groups: group::ALL,
        epochs: 20,
        fold_epochs: 1,
        folds: 5,
        seed: 1,
        seeds: 3,
        gazetteer: Vec::new(),
        train_names: true,
        clusters: Vec::new(),
        cluster_prefixes: vec![4, 6, 10, 20],
        verbose: true,
    };
    let mut gaz_path = Some("model/gazetteers.tsv".to_string());
    let mut gaz_explicit = false;
    let mut classes = "train".to_string();
    let mut class_sizes = vec![32usize, 128, 512];
    let (mut class_vocab, mut class_min, mut class_iters) = (20_000usize, 2u32, 10usize);
    let mut classes_out: Option<String> = None;
    let (mut keep, mut clip, mut levels) = (1_000_000usize, 0.8f64, 16u8);
    while let Some(a) = args.next() {
        let mut value = || args.next().ok_or(format!("{a} needs a value"));
        match a.as_str() {
            "-h" | "--help" => {
                println!("{USAGE}");
                return Ok(());
            }
            "--data" => data = Some(value()?),
            "--out" => out = Some(value()?),
            "--eval" => eval = Some(value()?),
            "--model" => model_path = Some(value()?),
            "--table" => table = true,
            "--no-rules" => post.rules = false,
            "--no-groups" => post.groups = false,
            "--pred" => pred_out = Some(value()?),
            "--extra" => extra.push(value()?),
            "--extra-dev" => extra_dev.push(value()?),
            "--as-annotated" => as_annotated = true,
            "--root" => root = value()?,
            "--fixture" => fixture = value()?,
            "--blind" => blind = value()?,
            "--wikinews" => wikinews = value()?,
            "--test" => test = Some(value()?),
            "--epochs" => cfg.epochs = value()?.parse().map_err(|_| "--epochs needs a number")?,
            "--fold-epochs" => cfg.fold_epochs = value()?.parse().map_err(|_| "--fold-epochs needs a number")?,
            "--folds" => cfg.folds = value()?.parse().map_err(|_| "--folds needs a number")?,
            "--runs" => cfg.seeds = value()?.parse().map_err(|_| "--runs needs a number")?,
            "--seed" => cfg.seed = value()?.parse().map_err(|_| "--seed needs a number")?,
            "--no-train-names" => cfg.train_names = false,
            "--with-dev" => with_dev = true,
            "--keep" => keep = value()?.parse().map_err(|_| "--keep needs a number")?,
            "--levels" => levels = value()?.parse().map_err(|_| "--levels needs a number up to 127")?,
            "--floor" => clip = value()?.parse().map_err(|_| "--floor needs a number")?,
            "--scheme" => {
                cfg.scheme = match value()?.as_str() {
                    "bilou" => Scheme::Bilou,
                    "bio" => Scheme::Bio,
                    s => return Err(format!("unknown scheme {s} (bilou or bio)")),
                }
            }
            "--without" => {
                for g in value()?.split(',') {
                    let bit = group::NAMES.iter().position(|&n| n == g).ok_or(format!("unknown feature group {g}"))?;
                    cfg.groups &= !(1 << bit);
                }
            }
            "--gazetteers" => {
                gaz_path = Some(value()?);
                gaz_explicit = true;
            }
            "--classes" => classes = value()?,
            "--classes-out" => classes_out = Some(value()?),
            "--class-sizes" => {
                class_sizes =
                    value()?.split(',').map(|x| x.parse().map_err(|_| "bad --class-sizes")).collect::<Result<_, _>>()?
            }
            "--class-vocab" => class_vocab = value()?.parse().map_err(|_| "--class-vocab needs a number")?,
            "--class-min-count" => class_min = value()?.parse().map_err(|_| "--class-min-count needs a number")?,
            "--class-iterations" => class_iters = value()?.parse().map_err(|_| "--class-iterations needs a number")?,
            s => return Err(format!("unknown argument {s}\n{USAGE}")),
        }
    }
    if table {
        let bytes = match &model_path {
            Some(p) => std::fs::read(p).map_err(|e| format!("cannot read {p}: {e}"))?,
            None => EMBEDDED_MODEL.to_vec(),
        };
        let model = EntityModel::from_bytes(&bytes).map_err(|e| e.to_string())?;
        print!("{}", eval_table(&model, &root, [&fixture, &blind, &wikinews], post)?);
        return Ok(());
    }
    if let Some(gold) = eval {
        let bytes = match &model_path {
            Some(p) => std::fs::read(p).map_err(|e| format!("cannot read {p}: {e}"))?,
            None => EMBEDDED_MODEL.to_vec(),
        };
        let model = EntityModel::from_bytes(&bytes).map_err(|e| e.to_string())?;
        let docs = train::read_jsonl(&gold)?;
        if let Some(p) = &pred_out {
            std::fs::write(p, train::predict_jsonl(&model, &docs)).map_err(|e| format!("cannot write {p}: {e}"))?;
        }
        let t = Instant::now();
        let scores = train::evaluate(&model, &docs);
        eprintln!("{} documents in {:.2}s", docs.len(), t.elapsed().as_secs_f64());
        print!("{}", scores.report());
        return Ok(());
    }
    let data = data.ok_or(format!("--data is required\n{USAGE}"))?;
    let out = out.ok_or(format!("--out is required\n{USAGE}"))?;
    if let Some(p) = &gaz_path
        && (gaz_explicit || std::path::Path::new(p).exists())
    {
        cfg.gazetteer = read_pairs(p)?;
    }
    if cfg.groups & group::GAZETTEER == 0 {
        cfg.gazetteer.clear();
    }
    let start = Instant::now();
    let mut tr = train::read_jsonl(&format!("{data}/train.jsonl"))?;
    let dev = train::read_jsonl(&format!("{data}/dev.jsonl"))?;
    let read_extra = |files: &[String]| -> Result<Vec<train::Doc>, String> {
        let mut docs = Vec::new();
        for f in files {
            docs.extend(train::read_jsonl(f)?);
        }
        if !as_annotated {
            let names = |label: EntityLabel| -> std::collections::HashSet<String> {
                tr.iter()
                    .flat_map(|d| d.gold.iter().filter(move |g| g.1 == label).map(|g| g.0.slice(&d.text).to_string()))
                    .collect()
            };
            train::adapt(&mut docs, &names(EntityLabel::Misc), &names(EntityLabel::Loc));
        }
        Ok(docs)
    };
    let extra_tr = read_extra(&extra)?;
    let extra_dv = read_extra(&extra_dev)?;
    tr.extend(extra_tr);
    let test = match &test {
        Some(t) => Some((t.clone(), train::read_jsonl(t)?)),
        None => None,
    };
    let mut corpora = Vec::new();
    if cfg.groups & group::CLUSTERS != 0 && classes != "none" && classes != "train" {
        for f in classes.split(',') {
            corpora.push(std::fs::read_to_string(f).map_err(|e| format!("cannot read {f}: {e}"))?);
        }
    }
    let class_opts = ClassOptions {
        on: cfg.groups & group::CLUSTERS != 0 && classes != "none",
        sizes: class_sizes,
        vocab: class_vocab,
        min_count: class_min,
        iterations: class_iters,
        out: classes_out,
    };
    // Train on train, choosing the epochs on dev; dev figures come from this model.
    let first_out = if with_dev { format!("{out}.train-only") } else { out.clone() };
    let (best_epoch, bytes) = build(&cfg, &class_opts, &corpora, &tr, &dev, keep, clip, levels)?;
    std::fs::write(&first_out, &bytes).map_err(|e| format!("cannot write {first_out}: {e}"))?;
    report(&first_out, &bytes, &dev, test.as_ref(), start)?;
    if with_dev {
        // The same settings and number of epochs on train + dev.
        let mut all = tr.clone();
        all.extend(dev.iter().cloned());
        all.extend(extra_dv);
        cfg.epochs = best_epoch;
        let (_, bytes) = build(&cfg, &class_opts, &corpora, &all, &[], keep, clip, levels)?;
        std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
        eprintln!("trained on train + dev for {best_epoch} epochs; its dev figures below saw dev");
        report(&out, &bytes, &dev, test.as_ref(), start)?;
    }
    Ok(())
}

/// F1 overall and per label on every evaluation set, one row each.
fn eval_table(
    model: &EntityModel,
    root: &str,
    [fixture, blind, wikinews]: [&str; 3],
    post: train::Post,
) -> Result<String, String> {
    use article_annotator::document::EntityLabel::{Loc, Misc, Org, Per};
    let all: &[EntityLabel] = &[Per, Org, Loc, Misc];
    let pol: &[EntityLabel] = &[Per, Org, Loc];
    let mut sets: Vec<(String, Vec<train::Doc>, &[EntityLabel])> = Vec::new();
    let conll = format!("{root}/conll2003");
    sets.push(("CoNLL-2003 dev".into(), train::read_jsonl(&format!("{conll}/dev.jsonl"))?, all));
    sets.push(("CoNLL-2003 test".into(), train::read_jsonl(&format!("{conll}/test.jsonl"))?, all));
    let xner = train::read_jsonl(&format!("{root}/extra/crossner/dev.jsonl"))?;
    for d in ["politics", "science", "music", "literature", "ai"] {
        sets.push((format!("CrossNER {d} dev"), train::by_source(&xner, &format!("crossner-{d}")), all));
    }
    sets.push((
        "UNER EWT dev (PER/ORG/LOC)".into(),
        train::read_jsonl(&format!("{root}/extra/uner-en-ewt/dev.jsonl"))?,
        pol,
    ));
    sets.push(("BTC dev (PER/ORG/LOC)".into(), train::read_jsonl(&format!("{root}/extra/btc/dev.jsonl"))?, pol));
    sets.push(("WNUT17 dev".into(), train::read_jsonl(&format!("{root}/extra/wnut17/dev.jsonl"))?, all));
    sets.push(("modern news fixture".into(), train::read_jsonl(fixture)?, all));
    sets.push(("blind fixture".into(), train::read_jsonl(blind)?, all));
    sets.push(("Wikinews-style fixture".into(), train::read_jsonl(wikinews)?, all));
    let mut out = format!(
        "{:<28} {:>6} {:>6} {:>6} {:>6} {:>6} {:>6}\n",
        "set (exact span+label F1)", "gold", "all", "PER", "ORG", "LOC", "MISC"
    );
    for (name, docs, labels) in &sets {
        let s = train::evaluate_labels(model, docs, labels, post);
        let gold: usize = s.counts.values().map(|c| c.0 + c.2).sum();
        let cell = |l: &str| {
            if s.counts.get(l).is_some_and(|c| c.0 + c.1 + c.2 > 0) {
                format!("{:.3}", s.label_f1(l))
            } else {
                "-".into()
            }
        };
        out += &format!(
            "{:<28} {:>6} {:>6.3} {:>6} {:>6} {:>6} {:>6}\n",
            name,
            gold,
            s.f1(),
            cell("PER"),
            cell("ORG"),
            cell("LOC"),
            cell("MISC")
        );
    }
    Ok(out)
}

struct ClassOptions {
    on: bool,
    sizes: Vec<usize>,
    vocab: usize,
    min_count: u32,
    iterations: usize,
    out: Option<String>,
}

/// Induces word classes (if on), trains, prunes and quantises: the best epoch and the model bytes.
#[allow(clippy::too_many_arguments)]
fn build(
    cfg: &Config,
    co: &ClassOptions,
    corpora: &[String],
    tr: &[train::Doc],
    dev: &[train::Doc],
    keep: usize,
    clip: f64,
    levels: u8,
) -> Result<(usize, Vec<u8>), String> {
    let mut cfg = cfg.clone();
    if co.on {
        let texts = tr.iter().map(|d| d.text.as_str()).chain(corpora.iter().flat_map(|c| c.lines()));
        let t = Instant::now();
        let (words, prefixes) =
            classes::exchange_classes(texts, &co.sizes, co.vocab, co.min_count, co.iterations, cfg.verbose);
        eprintln!("word classes: {} words in {:.1}s", words.len(), t.elapsed().as_secs_f64());
        if let Some(p) = &co.out {
            let text: String = words.iter().map(|(w, c)| format!("{w}\t{c}\n")).collect();
            std::fs::write(p, text).map_err(|e| format!("cannot write {p}: {e}"))?;
        }
        cfg.clusters = words;
        cfg.cluster_prefixes = prefixes;
    }
    let mut trained = train::train(&cfg, tr, dev);
    eprintln!(
        "best epoch {} (dev F1 {:.4}); {} features before pruning",
        trained.best_epoch,
        trained.dev_f1_per_epoch.get(trained.best_epoch.wrapping_sub(1)).copied().unwrap_or(0.0),
        trained.feature_count
    );
    if let Ok(grid) = std::env::var("TRAIN_SWEEP") {
        // Development aid: TRAIN_SWEEP="floor:levels,..." writes /tmp/sweep-FLOOR-LEVELS.bin and scores each on dev.
        for item in grid.split(',') {
            let (k, l) = item.split_once(':').ok_or("TRAIN_SWEEP items are floor:levels")?;
            let (k, l): (f64, u8) = (k.parse().map_err(|_| "bad floor")?, l.parse().map_err(|_| "bad levels")?);
            let mut raw = trained.raw.clone();
            let c = if k > 0.0 { train::prune(&mut raw, keep, k) } else { 0.0 };
            let bytes = raw.to_bytes(c, l);
            let path = format!("/tmp/sweep-{k}-{l}.bin");
            std::fs::write(&path, &bytes).map_err(|e| e.to_string())?;
            let m = EntityModel::from_bytes(&bytes).map_err(|e| e.to_string())?;
            println!("sweep floor {k} levels {l}: {} bytes, dev F1 {:.4}", bytes.len(), train::evaluate(&m, dev).f1());
        }
    }
    let floor = if clip > 0.0 { train::prune(&mut trained.raw, keep, clip) } else { 0.0 };
    Ok((trained.best_epoch, trained.raw.to_bytes(floor, levels)))
}

fn report(
    path: &str,
    bytes: &[u8],
    dev: &[train::Doc],
    test: Option<&(String, Vec<train::Doc>)>,
    start: Instant,
) -> Result<(), String> {
    let model = EntityModel::from_bytes(bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {path}: {} bytes, {} features, {:.1}s since start",
        bytes.len(),
        model.feature_count(),
        start.elapsed().as_secs_f64()
    );
    println!("{path} on dev:\n{}", train::evaluate(&model, dev).report());
    if let Some((name, docs)) = test {
        println!("{path} on {name}:\n{}", train::evaluate(&model, docs).report());
    }
    Ok(())
}
