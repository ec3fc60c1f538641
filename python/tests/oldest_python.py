"""The abi3 wheel on the oldest CPython it claims (3.9), without pytest
(which no longer runs there): `make test-python` runs it when a 3.9 exists.

    python3.9 python/tests/oldest_python.py target/release/annotate
"""

import json
import subprocess
import sys
from pathlib import Path

import article_annotator

ROOT = Path(__file__).resolve().parents[2]
cli = sys.argv[1]
for path in sorted((ROOT / "tests/fixtures").glob("*.txt")):
    expected = json.loads(subprocess.run([cli, str(path)], check=True, capture_output=True, text=True).stdout)
    text = path.read_text(encoding="utf-8")
    assert article_annotator.annotate(text) == expected, path
    assert article_annotator.annotate_many([text, text], jobs=2) == [expected, expected], path
try:
    article_annotator.annotate("Nato met.", dct="2025-02-30")
    raise AssertionError("a bad dct was accepted")
except ValueError as e:
    assert "is not a calendar date" in str(e)
print(f"1 passed, 0 failed: article_annotator {article_annotator.__version__} on Python {sys.version.split()[0]}")
