"""Correction exports for annotators: stored mentions as pre-annotated spans with exact offsets.

- labelstudio: `labelstudio.json`, Label Studio tasks (`data.text`) with the extractor's items
  as `predictions` (type `labels`), and `labelstudio.xml`, the labelling config they fit;
- doccano: `doccano.jsonl`, one document a line with `label: [[start, end, LABEL]]` (doccano's
  sequence-labelling import) and `spans: [{start, end, label, text}]` (Prodigy's);
- docbin: `spans.spacy`, a spaCy DocBin; each Doc keeps the text exactly, one span group per
  record list (`doc.spans["officials"]`, ...) with the label, and the doc_id in `user_data`.

Offsets are Python string indices into the stored text, which for Devanagari and every other
character of the Basic Multilingual Plane are also the UTF-16 offsets Label Studio counts in.
Mentions without a span are left out (and counted). Documents are read in chunks.
"""
from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Iterator

from sqlalchemy import Connection, select

from ..kinds import KINDS
from .schema import documents, mentions

FORMATS = {"labelstudio": "labelstudio.json", "doccano": "doccano.jsonl", "docbin": "spans.spacy"}
LABELS = {k.key: k.singular.upper() for k in KINDS}
CHUNK = 200
_PIECES = re.compile(r"\S+|\s+")


def annotated_documents(conn: Connection) -> Iterator[tuple[dict, list[dict]]]:
    """(document, its spans in text order) for every stored document, in storage order."""
    after = 0
    while True:
        docs = conn.execute(select(documents.c.id, documents.c.doc_id, documents.c.title, documents.c.text)
                            .where(documents.c.id > after).order_by(documents.c.id).limit(CHUNK)).all()
        if not docs:
            return
        after = docs[-1].id
        spans: dict[str, list[dict]] = {d.doc_id: [] for d in docs}
        rows = conn.execute(select(mentions.c.id, mentions.c.doc_id, mentions.c.kind, mentions.c.span_start,
                                   mentions.c.span_end, mentions.c.entity_id)
                            .where(mentions.c.doc_id.in_(list(spans)), mentions.c.span_start.is_not(None),
                                   mentions.c.span_end.is_not(None), mentions.c.kind.in_(list(LABELS)))
                            .order_by(mentions.c.doc_id, mentions.c.span_start, mentions.c.span_end, mentions.c.id))
        for r in rows:
            spans[r.doc_id].append({"mention_id": r.id, "kind": r.kind, "label": LABELS[r.kind],
                                    "start": r.span_start, "end": r.span_end, "entity_id": r.entity_id})
        for d in docs:
            items = [s for s in spans[d.doc_id] if 0 <= s["start"] < s["end"] <= len(d.text)]
            for s in items:
                s["text"] = d.text[s["start"]:s["end"]]
            yield {"doc_id": d.doc_id, "title": d.title, "text": d.text}, items


def labelstudio_task(n: int, doc: dict, spans: list[dict], version: str) -> dict:
    result = [{"id": f"m{s['mention_id']}", "from_name": "label", "to_name": "text", "type": "labels",
               "origin": "prediction", "value": {"start": s["start"], "end": s["end"], "text": s["text"],
                                                 "labels": [s["label"]]}} for s in spans]
    return {"id": n, "data": {"text": doc["text"], "doc_id": doc["doc_id"], "title": doc["title"]},
            "predictions": [{"model_version": version, "result": result}]}


def labelstudio_config() -> str:
    labels = "\n".join(f'    <Label value="{label}"/>' for label in LABELS.values())
    return (f'<View>\n  <Labels name="label" toName="text">\n{labels}\n  </Labels>\n'
            '  <Text name="text" value="$text" granularity="symbol"/>\n</View>\n')


def doccano_line(doc: dict, spans: list[dict]) -> dict:
    return {"text": doc["text"], "label": [[s["start"], s["end"], s["label"]] for s in spans],
            "spans": [{"start": s["start"], "end": s["end"], "label": s["label"], "text": s["text"]} for s in spans],
            "meta": {"doc_id": doc["doc_id"], "title": doc["title"]}}


def spacy_doc(vocab, doc: dict, spans: list[dict]):
    """A Doc whose tokens break at every span boundary, so each span is exactly a token range."""
    from spacy.tokens import Doc

    text, starts, ends = doc["text"], {s["start"] for s in spans}, {s["end"] for s in spans}
    cuts = sorted({0, len(text), *starts, *ends})
    words, spaces = [], []
    for a, b in zip(cuts, cuts[1:]):
        for m in _PIECES.finditer(text, a, b):
            piece, at = m.group(), m.start()
            # A single space after a word is that word's trailing space, unless a span starts at it or ends after it.
            if piece == " " and words and not spaces[-1] and not words[-1].isspace() and at not in starts \
                    and at + 1 not in ends:
                spaces[-1] = True
                continue
            words.append(piece)
            spaces.append(False)
    out = Doc(vocab, words=words, spaces=spaces)
    assert out.text == text, "tokens must give back the text exactly"
    for kind in KINDS:
        group = [out.char_span(s["start"], s["end"], label=s["label"]) for s in spans if s["kind"] == kind.key]
        out.spans[kind.key] = [span for span in group if span is not None]
    out.user_data["doc_id"] = doc["doc_id"]
    return out


def export_annotations(conn: Connection, out_dir: Path, fmt: str, version: str) -> tuple[Path, int, int]:
    """Write one format into out_dir; return (path, documents, spans)."""
    if fmt not in FORMATS:
        raise ValueError(f"format must be one of {', '.join(FORMATS)}, not {fmt!r}")
    out_dir.mkdir(parents=True, exist_ok=True)
    path, docs, count = out_dir / FORMATS[fmt], 0, 0
    if fmt == "docbin":
        from spacy.tokens import DocBin
        from spacy.vocab import Vocab

        vocab, bin_ = Vocab(), DocBin(attrs=[], store_user_data=True)
        for doc, spans in annotated_documents(conn):
            bin_.add(spacy_doc(vocab, doc, spans))
            docs, count = docs + 1, count + len(spans)
        bin_.to_disk(path)
        return path, docs, count
    with path.open("w", encoding="utf-8") as stream:
        stream.write("[\n" if fmt == "labelstudio" else "")
        for doc, spans in annotated_documents(conn):
            line = labelstudio_task(docs + 1, doc, spans, version) if fmt == "labelstudio" else doccano_line(doc, spans)
            stream.write(("" if fmt == "doccano" or docs == 0 else ",\n") + json.dumps(line, ensure_ascii=False)
                         + ("\n" if fmt == "doccano" else ""))
            docs, count = docs + 1, count + len(spans)
        stream.write("\n]\n" if fmt == "labelstudio" else "")
    if fmt == "labelstudio":
        (out_dir / "labelstudio.xml").write_text(labelstudio_config(), encoding="utf-8")
    return path, docs, count

