"""Doc -> record/1: the one place where pipeline annotations become the public contract."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .document import Document
from .kinds import KINDS, Kind
from .pipeline import extensions  # noqa: F401  (the attributes read below)

SCHEMA = "record/1"


def _sentence_index(doc: Doc) -> list[tuple[int, int]]:
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc.text))]
    return [(s.start_char, s.end_char) for s in doc.sents]


def _sentence_of(bounds: list[tuple[int, int]], start: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= start < e:
            return i
    return len(bounds) - 1


def _item(span: Span, kind: Kind, bounds) -> dict:
    data = span._.get(kind.extension) or {}
    item = {f: data.get(f) for f in kind.fields}
    if item[kind.surface] is None:
        item[kind.surface] = span.text
    item.update({k: v for k, v in data.items() if k not in item})  # extra fields are allowed
    item["span"] = [span.start_char, span.end_char]
    item["sentence"] = _sentence_of(bounds, span.start_char)
    return item


def build_record(document: Document, doc: Doc, unsupported: str | None = None) -> dict:
    """Assemble record/1 from a cleaned Document and the Doc the pipeline annotated.
    `unsupported`: why no pack reads the document's language (the doc is then not annotated,
    and the record says so in `language_supported` and `warnings`)."""
    bounds = _sentence_index(doc)
    record = {
        "schema": SCHEMA, "doc_id": document.doc_id, "source": dict(document.source),
        "language": document.language, "title": document.title, "published": document.published,
        "text": document.text,
    }
    if document.given_id:
        record["id"] = document.given_id
    for kind in KINDS:
        record[kind.key] = _statements(doc, kind, bounds) if kind.statement else _items(doc, kind, bounds)
    record["sentences"] = [list(b) for b in bounds]
    record["language_evidence"] = document.language_evidence
    if unsupported:
        record["language_supported"] = False
    warnings = [*document.warnings, *([unsupported] if unsupported else [])]
    if warnings:
        record["warnings"] = warnings
    return record


def _items(doc: Doc, kind: Kind, bounds) -> list[dict]:
    spans = sorted(doc.spans.get(kind.span_key, []), key=lambda s: (s.start_char, s.end_char))
    return [_item(s, kind, bounds) for s in spans]


def _statements(doc: Doc, kind: Kind, bounds) -> list[dict]:
    """A statement span is an item of every statement kind its `kinds` name."""
    items = []
    for span in sorted(doc.spans.get(kind.span_key, []), key=lambda s: s.start_char):
        data = span._.get(kind.extension) or {}
        if kind.singular in data.get("kinds", ()):
            item = {f: data.get(f) for f in kind.fields}
            item[kind.surface] = item[kind.surface] or span.text
            item["span"] = [span.start_char, span.end_char]
            item["sentence"] = _sentence_of(bounds, span.start_char)
            items.append(item)
    return items
