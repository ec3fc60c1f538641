#!/usr/bin/env python3
"""Builds NAME.jsonl (the gold format of ../shared/data/FORMAT.md) from
NAME.txt, whose lines mark entities as [P ...], [O ...], [L ...], [M ...].
Usage: python3 tests/entities/build_fixture.py [NAME] (NAME: modern, the
default, or blind)."""
import json, os, re, sys

HERE = os.path.dirname(os.path.abspath(__file__))
NAME = sys.argv[1] if len(sys.argv) > 1 else "modern"
LABELS = {"P": "PER", "O": "ORG", "L": "LOC", "M": "MISC"}
MARK = re.compile(r"\[([POLM]) ([^\[\]]+)\]")

out = []
for n, line in enumerate(open(os.path.join(HERE, NAME + ".txt"), encoding="utf-8"), 1):
    line = line.rstrip("\n")
    if not line or line.startswith("#"):
        continue
    line = line.replace("\\n", "\n")
    text, ents, at = "", [], 0
    for m in MARK.finditer(line):
        text += line[at:m.start()]
        start = len(text)
        text += m.group(2)
        ents.append({"start": start, "end": len(text), "label": LABELS[m.group(1)]})
        at = m.end()
    text += line[at:]
    if "[" in text or "]" in text:
        sys.exit(f"{NAME}.txt:{n}: unbalanced markup")
    out.append({"id": f"{NAME}-{len(out) + 1:04d}", "source": NAME, "text": text, "dct": None, "entities": ents})
with open(os.path.join(HERE, NAME + ".jsonl"), "w", encoding="utf-8") as f:
    for d in out:
        f.write(json.dumps(d, ensure_ascii=False) + "\n")
print(f"{len(out)} documents, {sum(len(d['entities']) for d in out)} entities", file=sys.stderr)
