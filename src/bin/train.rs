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

use article_annotator::entities::train::{self, Config};
use article_annotator::entities::{EMBEDDED_MODEL, EntityModel, Scheme, group};

const USAGE: &str = "\
usage: train --data DIR --out MODEL [OPTIONS]   train on DIR/train.jsonl, pick epochs on DIR/dev.jsonl
       train --eval GOLD.jsonl [--model MODEL]  score a model file (default: the embedded one)

options:
  --epochs N            most epochs to train (default 25); the best on dev is kept
  --seed N              shuffling seed (default 1)
  --scheme bilou|bio    tag scheme (default bilou)
  --no-train-names      do not add the training data's entity names to the name lists
  --without G,G         switch feature groups off: words, affixes, shape, document,
                        gazetteer, clusters, conjunctions
  --gazetteers FILE     name lists, lines \"list<TAB>name\" (default model/gazetteers.tsv)
  --clusters FILE       word classes, lines \"word<TAB>path\" (default: none)
  --cluster-prefixes L  path prefix lengths for --clusters (default 4,6,10,20; 0 = flat ids)
  --keep N              keep the N strongest features (default 1000000)
  --clip Q              quantile of weight magnitudes that maps to 127 (default 1, the largest)
  --test FILE           also score the written model on FILE (report only)";

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
    let mut cfg = Config {
        scheme: Scheme::Bilou,
        groups: group::ALL,
        epochs: 25,
        fold_epochs: 8,
        folds: 5,
        seed: 1,
        gazetteer: Vec::new(),
        train_names: true,
        clusters: Vec::new(),
        cluster_prefixes: vec![4, 6, 10, 20],
        verbose: true,
    };
    let mut gaz_path = Some("model/gazetteers.tsv".to_string());
    let mut gaz_explicit = false;
    let mut clusters_path: Option<String> = None;
    let (mut keep, mut clip) = (1_000_000usize, 1.0f64);
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
            "--test" => test = Some(value()?),
            "--epochs" => cfg.epochs = value()?.parse().map_err(|_| "--epochs needs a number")?,
            "--seed" => cfg.seed = value()?.parse().map_err(|_| "--seed needs a number")?,
            "--no-train-names" => cfg.train_names = false,
            "--keep" => keep = value()?.parse().map_err(|_| "--keep needs a number")?,
            "--clip" => clip = value()?.parse().map_err(|_| "--clip needs a number")?,
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
            "--clusters" => clusters_path = Some(value()?),
            "--cluster-prefixes" => {
                let v = value()?;
                cfg.cluster_prefixes = if v == "0" {
                    Vec::new()
                } else {
                    v.split(',').map(|x| x.parse().map_err(|_| "bad --cluster-prefixes")).collect::<Result<_, _>>()?
                };
            }
            s => return Err(format!("unknown argument {s}\n{USAGE}")),
        }
    }
    if let Some(gold) = eval {
        let bytes = match &model_path {
            Some(p) => std::fs::read(p).map_err(|e| format!("cannot read {p}: {e}"))?,
            None => EMBEDDED_MODEL.to_vec(),
        };
        let model = EntityModel::from_bytes(&bytes).map_err(|e| e.to_string())?;
        let docs = train::read_jsonl(&gold)?;
        let t = Instant::now();
        let scores = train::evaluate(&model, &docs);
        eprintln!("{} documents in {:.2}s", docs.len(), t.elapsed().as_secs_f64());
        print!("{}", scores.report());
        return Ok(());
    }
    let data = data.ok_or(format!("--data is required\n{USAGE}"))?;
    let out = out.ok_or(format!("--out is required\n{USAGE}"))?;
    if let Some(p) = &gaz_path {
        if gaz_explicit || std::path::Path::new(p).exists() {
            cfg.gazetteer = read_pairs(p)?;
        }
    }
    if cfg.groups & group::GAZETTEER == 0 {
        cfg.gazetteer.clear();
    }
    if let Some(p) = &clusters_path {
        if cfg.groups & group::CLUSTERS != 0 {
            cfg.clusters = read_pairs(p)?;
        }
    }
    let start = Instant::now();
    let tr = train::read_jsonl(&format!("{data}/train.jsonl"))?;
    let dev = train::read_jsonl(&format!("{data}/dev.jsonl"))?;
    let mut trained = train::train(&cfg, &tr, &dev);
    eprintln!(
        "best epoch {} (dev F1 {:.4}); {} features before pruning",
        trained.best_epoch,
        trained.dev_f1_per_epoch.get(trained.best_epoch.wrapping_sub(1)).copied().unwrap_or(0.0),
        trained.feature_count
    );
    let clip_value = train::prune(&mut trained.raw, keep, clip);
    let bytes = trained.raw.to_bytes(clip_value);
    std::fs::write(&out, &bytes).map_err(|e| format!("cannot write {out}: {e}"))?;
    let model = EntityModel::from_bytes(&bytes).map_err(|e| e.to_string())?;
    eprintln!(
        "wrote {out}: {} bytes, {} features, in {:.1}s",
        bytes.len(),
        model.feature_count(),
        start.elapsed().as_secs_f64()
    );
    let scores = train::evaluate(&model, &dev);
    println!("dev (written model):\n{}", scores.report());
    if let Some(t) = test {
        let docs = train::read_jsonl(&t)?;
        println!("{t} (written model):\n{}", train::evaluate(&model, &docs).report());
    }
    Ok(())
}
