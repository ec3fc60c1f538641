"""The Python package against the command line, and its errors."""

import datetime
import json
import threading

import pytest

import article_annotator
from article_annotator import _native
from conftest import FIXTURES, ROOT, read_jsonl

ARTICLES = sorted((ROOT / "tests/fixtures").glob("*.txt"))
SENTENCE = "\u201cWe are ready,\u201d said Mark Rutte on February 9, 2025."


def test_version_is_the_workspace_version():
    cargo = (ROOT / "Cargo.toml").read_text(encoding="utf-8")
    section = cargo.split("[workspace.package]", 1)[1]
    version = section.split('version = "', 1)[1].split('"', 1)[0]
    assert article_annotator.__version__ == version
    assert article_annotator.annotate("Nato met.")["tool"] == f"article-annotator {version}"


@pytest.mark.parametrize("path", ARTICLES, ids=lambda p: p.name)
def test_annotate_equals_the_cli(cli, path):
    text = path.read_text(encoding="utf-8")
    assert article_annotator.annotate(text) == json.loads(cli(path))
    assert article_annotator.annotate(text, dct="2024-03-04") == json.loads(cli("--dct", "2024-03-04", path))


def test_annotate_equals_the_cli_on_the_sample_article(cli, data_dir):
    path = data_dir / "sample/kosovo-nato.txt"
    doc = article_annotator.annotate(path.read_text(encoding="utf-8"))
    expected = json.loads(cli(path))
    assert doc == expected
    assert [q["speaker"] for q in doc["quotes"]] == [q["speaker"] for q in expected["quotes"]]
    assert len(doc["entities"]) > 10 and len(doc["dates"]) > 3


def test_annotate_many_equals_the_cli_jsonl(cli):
    path = FIXTURES / "corpus.jsonl"
    expected = [json.loads(line) for line in cli("--jsonl", path).splitlines()]
    records = read_jsonl(path)
    # The CLI writes every id as a string; the package gives back the item's own id.
    for record, doc in zip(records, expected):
        if not isinstance(record["id"], str):
            doc["id"] = record["id"]
    assert len(expected) == len(records) == 5
    for jobs in (1, 2, None):
        assert article_annotator.annotate_many(records, jobs=jobs) == expected
    assert article_annotator.annotate_many(iter(records)) == expected


def test_annotate_many_takes_texts_and_keeps_their_order():
    texts = [path.read_text(encoding="utf-8") for path in ARTICLES] * 3
    docs = article_annotator.annotate_many(texts, jobs=2)
    assert [d["text"] for d in docs] == texts
    assert docs == [article_annotator.annotate(t) for t in texts]
    assert all("id" not in d for d in docs)
    assert article_annotator.annotate_many([]) == []


def test_offsets_count_code_points():
    text = "Caf\u00e9 \U0001f30d news:\r\n" + SENTENCE
    doc = article_annotator.annotate(text)
    spans = doc["entities"] + doc["dates"] + doc["quotes"]
    assert {s["text"] for s in spans} == {"Mark Rutte", "February 9, 2025", "We are ready,"}
    for span in spans:
        assert text[span["start"] : span["end"]] == span["text"]
    quote = doc["quotes"][0]
    assert quote["speaker"] == "Mark Rutte"
    assert [text[a:b] for a, b in quote["speaker_mentions"]] == ["Mark Rutte"]
    assert text[quote["cue"][0] : quote["cue"][1]] == "said"


def test_dct_and_month_first():
    undated = article_annotator.annotate("The board met on Monday.")
    assert undated["dct"] is None and undated["dct_source"] == "none"
    assert [d["value"] for d in undated["dates"]] == ["XXXX-WXX-1"]
    text = "The board met on Monday and again on 03/04/2025."
    dated = article_annotator.annotate(text, dct="2025-01-15")
    assert dated["dct_source"] == "input"
    assert [d["value"] for d in dated["dates"]] == ["2025-01-13", "2025-04-03"]
    assert article_annotator.annotate(text, datetime.date(2025, 1, 15)) == dated
    # A publication time: its date as written.
    assert article_annotator.annotate(text, datetime.datetime(2025, 1, 15, 23, 30)) == dated
    assert article_annotator.annotate(text, dct="2025-01-15T23:30:00-05:00") == dated
    month_first = article_annotator.annotate(text, dct="2025-01-15", month_first=True)
    assert [d["value"] for d in month_first["dates"]] == ["2025-01-13", "2025-03-04"]
    batch = article_annotator.annotate_many([{"text": text, "dct": "2025-01-15"}], month_first=True)
    assert batch == [month_first]


def test_a_text_over_16_mib_is_a_value_error():
    assert article_annotator.MAX_TEXT_BYTES == 16 << 20
    text = "Nato met. " * ((16 << 20) // 10 + 1)
    with pytest.raises(ValueError, match=r"^the text is 16 MB, more than the 16 MB this annotator accepts"):
        article_annotator.annotate(text)
    with pytest.raises(ValueError, match=r"^item 1: the text is 16 MB"):
        article_annotator.annotate_many(["Nato met.", text])


@pytest.mark.parametrize("dct", ["2025-02-30", "13/01/2025", "yesterday", ""])
def test_a_bad_dct_is_a_value_error(dct):
    with pytest.raises(ValueError, match=f'^the reference date "{dct}" is not a calendar date of the form YYYY-MM-DD$'):
        article_annotator.annotate(SENTENCE, dct=dct)
    with pytest.raises(ValueError, match=r"^item 0: the reference date"):
        article_annotator.annotate_many([{"text": SENTENCE, "dct": dct}])


def test_arguments_of_the_wrong_type_are_type_errors():
    with pytest.raises(TypeError, match="^the text to annotate must be a str, not bytes$"):
        article_annotator.annotate(SENTENCE.encode())
    with pytest.raises(TypeError, match="^the text to annotate must be a str, not NoneType$"):
        article_annotator.annotate(None)
    with pytest.raises(TypeError, match="^dct must be a str of the form YYYY-MM-DD, a datetime.date or None, not int$"):
        article_annotator.annotate(SENTENCE, dct=20250113)
    with pytest.raises(TypeError, match="month_first"):
        article_annotator.annotate(SENTENCE, month_first="yes")
    with pytest.raises(TypeError, match="^annotate_many takes an iterable of texts or records, not one str$"):
        article_annotator.annotate_many(SENTENCE)
    with pytest.raises(TypeError, match=r"^item 1: an item must be a str or a dict"):
        article_annotator.annotate_many(["Nato met.", 42])
    with pytest.raises(TypeError, match=r"^item 0: the text to annotate must be a str, not list$"):
        article_annotator.annotate_many([{"id": "a", "text": ["Nato"]}])
    with pytest.raises(ValueError, match=r'^item 0: the dict has no "text"$'):
        article_annotator.annotate_many([{"id": "a"}])
    with pytest.raises(ValueError, match=r"^jobs must be at least 1"):
        article_annotator.annotate_many([SENTENCE], jobs=0)
    with pytest.raises(TypeError):
        article_annotator.annotate_many(5)


def test_a_panic_in_the_engine_is_a_runtime_error_and_the_interpreter_goes_on():
    with pytest.raises(RuntimeError, match=r"failed inside the engine \(a bug, please report it\): deliberate"):
        _native._panic_in_engine("deliberate")
    assert article_annotator.annotate(SENTENCE)["quotes"][0]["speaker"] == "Mark Rutte"


def test_annotate_many_releases_the_gil():
    texts = [(ROOT / "tests/fixtures/harbour-strike.txt").read_text(encoding="utf-8")] * 3000
    done = threading.Event()
    result = []

    def work():
        result.append(article_annotator.annotate_many(texts, jobs=1))
        done.set()

    ticks = 0
    thread = threading.Thread(target=work)
    thread.start()
    while not done.is_set():
        ticks += 1  # Python code running beside the batch: it would wait if the GIL were held.
        done.wait(0.001)
    thread.join()
    assert len(result[0]) == 3000
    assert ticks > 1


def test_the_module_docstring_example_runs():
    import doctest

    result = doctest.testmod(article_annotator)
    assert (result.attempted, result.failed) == (3, 0)
