"""examples/dask_corpus.py on a LocalCluster of 2 workers writes the CLI's --jsonl output."""

import json
import subprocess
import sys

import pytest

from conftest import FIXTURES, ROOT

SCRIPT = ROOT / "examples/dask_corpus.py"


def run_script(*args):
    return subprocess.run([sys.executable, str(SCRIPT), *map(str, args)], capture_output=True, text=True, timeout=300)


def test_two_workers_write_the_cli_jsonl(cli, tmp_path):
    out = tmp_path / "out.jsonl"
    # Small blocks, so that both workers get some of the five records.
    done = run_script(FIXTURES / "corpus.jsonl", out, "--workers", "2", "--blocksize", "600")
    assert done.returncode == 0, done.stderr
    assert "5 records" in done.stderr and "on 2 worker thread(s)" in done.stderr
    assert out.read_text(encoding="utf-8") == cli("--jsonl", FIXTURES / "corpus.jsonl")


def test_conll_test_records_give_the_cli_jsonl(cli, data_dir, tmp_path):
    corpus = data_dir / "conll2003/test.jsonl"
    if not corpus.exists():
        pytest.skip(f"{corpus} is missing")
    out = tmp_path / "out.jsonl"
    done = run_script(corpus, out, "--workers", "2")
    assert done.returncode == 0, done.stderr
    expected = cli("--jsonl", corpus)
    assert out.read_text(encoding="utf-8") == expected
    assert len(expected.splitlines()) == 231


def test_a_bad_record_fails_and_writes_nothing(tmp_path):
    corpus = tmp_path / "in.jsonl"
    lines = [{"id": "ok", "text": "Nato met on Monday."}, {"id": 7, "text": "Nato met.", "dct": "2025-02-30"}]
    corpus.write_text("".join(json.dumps(r) + "\n" for r in lines), encoding="utf-8")
    out = tmp_path / "out.jsonl"
    done = run_script(corpus, out, "--workers", "2")
    assert done.returncode == 1
    assert 'record \'7\': the reference date "2025-02-30" is not a calendar date' in done.stderr
    assert not out.exists() and not (tmp_path / "out.jsonl.part").exists()


def test_a_running_cluster_is_joined_by_its_scheduler_address(cli, tmp_path):
    from dask.distributed import LocalCluster

    out = tmp_path / "out.jsonl"
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        done = run_script(FIXTURES / "corpus.jsonl", out, "--scheduler", cluster.scheduler_address, "--blocksize", "600")
    assert done.returncode == 0, done.stderr
    assert "on 2 worker thread(s)" in done.stderr
    assert out.read_text(encoding="utf-8") == cli("--jsonl", FIXTURES / "corpus.jsonl")
