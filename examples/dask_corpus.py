#!/usr/bin/env python3
"""Annotates a JSONL corpus on a Dask cluster with the Python package
article_annotator, writing what the command line's `annotate --jsonl` writes:
one record per input line, in input order, with the same "id".

    python examples/dask_corpus.py IN.jsonl OUT.jsonl --workers 4
    python examples/dask_corpus.py IN.jsonl OUT.jsonl --scheduler tcp://10.0.0.5:8786

IN holds {"id", "text", "dct"} records ("dct" optional, other keys ignored).
With --workers N the script starts a dask.distributed.LocalCluster of N
single-threaded worker processes; with --scheduler it joins a running
cluster, whose workers must have article-annotator installed and must be
able to read IN (a shared path, or any URL fsspec reads). The corpus is
read as a Dask bag of line blocks; each block is annotated by one call of
annotate_many on its worker, and the blocks are written to OUT in order as
they arrive, a few ahead of the writer at most. OUT is written whole or not
at all. Needs `pip install article-annotator "dask[distributed]"`.
"""

import argparse
import json
import os
import re
import sys
import time
from collections import deque

import article_annotator
import dask.bag
from dask.distributed import Client, LocalCluster


def cli_id(value):
    """The id as the CLI writes it: a string stays, any other JSON value is written out."""
    return value if isinstance(value, str) else json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def annotate_block(lines):
    """Annotates one block of JSONL lines; returns the output lines and the characters read."""
    records = []
    for line in lines:
        if not line.strip():
            continue
        record = json.loads(line)
        if not isinstance(record, dict) or "id" not in record or "text" not in record:
            raise ValueError(f'not an {{"id", "text"}} record: {line[:80]!r}')
        records.append({"id": cli_id(record["id"]), "text": record["text"], "dct": record.get("dct")})
    try:
        docs = article_annotator.annotate_many(records, jobs=1)
    except (ValueError, TypeError) as e:
        # "item 3: ..." names the record by its place in the block; name it by its id.
        found = re.match(r"item (\d+): (.*)", str(e), re.S)
        if not found:
            raise
        raise type(e)(f"record {records[int(found[1])]['id']!r}: {found[2]}") from None
    out = [json.dumps(doc, ensure_ascii=False, separators=(",", ":")) + "\n" for doc in docs]
    return [(out, sum(len(r["text"]) for r in records))]


def block_size(path, workers, given):
    """Bytes per block: a few blocks per worker, at least 4 KiB, at most 32 MiB."""
    if given:
        return given
    try:
        size = os.path.getsize(path)
    except OSError:
        return 32 << 20
    return min(max(size // (4 * workers), 4 << 10), 32 << 20)


def run(args, client):
    workers = sum(client.nthreads().values())
    bag = dask.bag.read_text(args.input, blocksize=block_size(args.input, workers, args.blocksize))
    blocks = iter(bag.map_partitions(annotate_block).to_delayed())
    window = deque(client.compute(b) for _, b in zip(range(2 * workers), blocks))
    records = chars = 0
    started = time.perf_counter()
    tmp = f"{args.output}.part"
    try:
        with open(tmp, "w", encoding="utf-8", newline="\n") as out:
            while window:
                [(lines, n)] = window.popleft().result()
                out.writelines(lines)
                records += len(lines)
                chars += n
                block = next(blocks, None)
                if block is not None:
                    window.append(client.compute(block))
        os.replace(tmp, args.output)
    except BaseException:
        if os.path.exists(tmp):
            os.remove(tmp)
        raise
    seconds = time.perf_counter() - started
    print(
        f"dask_corpus: {records} records, {chars} characters in {seconds:.2f} s on {workers} worker thread(s): "
        f"{chars / seconds / 1e6:.3f} M chars/s",
        file=sys.stderr,
    )


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("input", help="the JSONL corpus: {id, text, dct} records")
    parser.add_argument("output", help="where to write the annotated JSONL")
    where = parser.add_mutually_exclusive_group()
    where.add_argument("--workers", type=int, default=os.cpu_count(), help="worker processes of a local cluster")
    where.add_argument("--scheduler", help="the address of a running scheduler (tcp://host:8786)")
    parser.add_argument("--blocksize", type=int, help="bytes of JSONL per task (default: a few tasks per worker)")
    args = parser.parse_args()
    if args.scheduler is None and args.workers < 1:
        parser.error("--workers must be at least 1")
    try:
        if args.scheduler:
            with Client(args.scheduler) as client:
                run(args, client)
        else:
            with LocalCluster(
                n_workers=args.workers, threads_per_worker=1, processes=True, dashboard_address=None
            ) as cluster, Client(cluster) as client:
                run(args, client)
    except (OSError, ValueError, TypeError) as e:
        print(f"dask_corpus: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
