#!/usr/bin/env python3
"""Characters per second of the Python package on a JSONL corpus: one call
per text, annotate_many on one thread, and annotate_many on all cores.

    python examples/throughput.py ../shared/data/conll2003/test.jsonl --runs 5 --repeat 4

Prints the middle (median) run of each, and the spread; read them as ratios
on a shared machine. os.getloadavg() is printed too: above the core count,
other work takes the cores and the wall-clock figures fall.
"""

import argparse
import json
import os
import statistics
import time

import article_annotator


def measure(label, fn, chars, runs):
    """Wall-clock chars/s, and chars per CPU-second of the process (all its
    threads): on a busy machine the second still shows the engine's own cost."""
    rates, cpu_rates = [], []
    for _ in range(runs):
        wall, cpu = time.perf_counter(), time.process_time()
        fn()
        rates.append(chars / (time.perf_counter() - wall))
        cpu_rates.append(chars / (time.process_time() - cpu))
    print(
        f"{label:<34} {statistics.median(rates) / 1e6:6.3f} M chars/s "
        f"(runs {min(rates) / 1e6:.3f}-{max(rates) / 1e6:.3f}); "
        f"{statistics.median(cpu_rates) / 1e6:.3f} M chars per CPU-second"
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a JSONL file of {id, text, dct} records")
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--repeat", type=int, default=4, help="times the corpus is annotated in one run")
    args = parser.parse_args()
    with open(args.corpus, encoding="utf-8") as f:
        records = [json.loads(line) for line in f if line.strip()] * args.repeat
    items = [{"id": r["id"], "text": r["text"], "dct": r.get("dct")} for r in records]
    chars = sum(len(r["text"]) for r in records)
    print(
        f"{len(records)} texts, {chars} characters; article_annotator {article_annotator.__version__}, "
        f"{os.cpu_count()} cores, load average {os.getloadavg()[0]:.1f}"
    )
    article_annotator.annotate_many(items[:10])  # load the model first
    measure("annotate(), one text at a time", lambda: [article_annotator.annotate(r["text"], r.get("dct")) for r in records], chars, args.runs)
    measure("annotate_many(jobs=1)", lambda: article_annotator.annotate_many(items, jobs=1), chars, args.runs)
    measure(f"annotate_many() on {os.cpu_count()} cores", lambda: article_annotator.annotate_many(items), chars, args.runs)


if __name__ == "__main__":
    main()
