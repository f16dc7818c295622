"""`ner TEXT_OR_PATH...`: the named entities (PER, LOC, ORG) the NER model finds, with offsets."""
from __future__ import annotations

import json
import sys
from pathlib import Path

from ..errors import InputError
from . import report

HELP = """\
Print the people (PER), places (LOC) and organisations (ORG) found by the NER model:
models/hi/ner (spaCy, default) or, with --ner-backend stanza, models/hi/ner-stanza.
Each argument is a .txt/.html file, or else the text itself; "-" reads stdin. A single word
that looks like a path (has a / or a file suffix) but names no file is an error.
Offsets are character offsets [start, end) into the text as read (for HTML: the cleaned text).
--format table (default): one row per entity, for people.
--format jsonl: one JSON object per entity, for tools:
  {"source": ..., "label": "PER", "text": ..., "start": 0, "end": 10}
An input with no entities prints nothing in jsonl."""


def register(sub) -> None:
    p = sub.add_parser("ner", help="named entities (PER, LOC, ORG) with character offsets",
                       description=HELP, formatter_class=_raw_formatter())
    p.add_argument("inputs", nargs="+", metavar="TEXT_OR_PATH", help='text, a file, or "-" for stdin')
    p.add_argument("--format", choices=("table", "jsonl"), default="table")
    p.add_argument("--ner-backend", choices=("spacy", "stanza"), default="spacy",
                   help="stanza needs the optional extra (pip install -e '.[stanza]')")
    p.set_defaults(func=run)


def _raw_formatter():
    import argparse
    return argparse.RawDescriptionHelpFormatter


def read_input(value: str) -> tuple[str, str]:
    """(source name, text) for a path, "-" or literal text, as extract reads them: HTML cleaned,
    Hindi typed in Kruti Dev converted to Unicode. An argument that looks like a path (one word
    with a folder or a file suffix) and names no file is an error, not text."""
    from ..acquire.clean import clean
    from ..acquire.krutidev import convert_if_krutidev
    from ..acquire.sources import read_file

    if value == "-":
        return "<stdin>", convert_if_krutidev(sys.stdin.read())[0]
    path = Path(value)
    if "\n" not in value and _is_file(path):
        raw = read_file(path)
        return value, convert_if_krutidev(raw.text)[0] if raw.text is not None else clean(raw).text
    if _looks_like_path(value):
        raise InputError(value, "read", "no such file (the argument looks like a path, so it is not "
                         "taken as text)", "Check the path; to tag text that looks like this, pipe it "
                         "to `ner -`.")
    return "<text>", convert_if_krutidev(value)[0]


_PATH_SUFFIXES = (".txt", ".html", ".htm", ".jsonl", ".ndjson", ".urls", ".text", ".md")


def _looks_like_path(value: str) -> bool:
    """One word containing a / or ending in a file suffix: a file name, not a sentence."""
    word = value.strip()
    return bool(word) and not any(c.isspace() for c in word) and (
        "/" in word or "\\" in word or word.lower().endswith(_PATH_SUFFIXES))


def _is_file(path: Path) -> bool:
    try:
        return path.is_file()
    except OSError:  # a sentence is longer than a file name may be ("File name too long")
        return False


def run(args) -> int:
    import spacy

    from ..pipeline import max_document_chars
    from ..pipeline.ner import SPANS_KEY

    nlp = spacy.blank("hi")
    nlp.max_length = max_document_chars()  # the model reads long texts in parts
    ner = nlp.add_pipe("hi_ner", config={"backend": args.ner_backend})
    if not ner.available:
        rebuild = "train-ner" + (" --backend stanza" if args.ner_backend == "stanza" else "")
        print(f"error: no usable {args.ner_backend} NER model at {ner.path}; rebuild it with "
              f"`python -m extractor {rebuild}`", file=sys.stderr)
        return 2
    failed = 0
    for value in args.inputs:
        try:
            source, text = read_input(value)
        except InputError as error:
            report(error)
            failed += 1
            continue
        doc = nlp(text)  # keep the doc alive while its spans are read
        entities = [{"source": source, "label": s.label_, "text": s.text,
                     "start": s.start_char, "end": s.end_char} for s in doc.spans[SPANS_KEY]]
        write(entities, source, args.format)
    return 1 if failed else 0


def write(entities: list[dict], source: str, fmt: str) -> None:
    if fmt == "jsonl":
        for ent in entities:
            print(json.dumps(ent, ensure_ascii=False))
        return
    print(f"# {source}: {len(entities)} entities")
    if entities:
        width = max(len(e["text"]) for e in entities)
        print(f"{'label':<5}  {'start':>6}  {'end':>6}  text")
        for e in entities:
            print(f"{e['label']:<5}  {e['start']:>6}  {e['end']:>6}  {e['text']:<{width}}")
