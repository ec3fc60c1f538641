"""Shared fixtures: the command line `annotate` (the reference the package
must equal) and the evaluation data, when it is there."""

import json
import os
import subprocess
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = Path(__file__).resolve().parent / "fixtures"


@pytest.fixture(scope="session")
def cli():
    """Runs the CLI (`ANNOTATOR_CLI`, default target/release/annotate) and returns its stdout."""
    path = Path(os.environ.get("ANNOTATOR_CLI", ROOT / "target/release/annotate"))
    if not path.exists():
        pytest.fail(f"{path} is missing: build it with `cargo build --release --bin annotate`")

    def run(*args):
        return subprocess.run([str(path), *map(str, args)], check=True, capture_output=True, text=True).stdout

    return run


@pytest.fixture(scope="session")
def data_dir():
    """The shared evaluation data, or a skip when it is absent."""
    path = Path(os.environ.get("ANNOTATOR_DATA", ROOT.parent / "shared/data"))
    if not path.is_dir():
        pytest.skip(f"no evaluation data at {path} (set ANNOTATOR_DATA)")
    return path


def read_jsonl(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]
