"""Doc -> record/1: the one place where pipeline annotations become the public contract."""
from __future__ import annotations

from spacy.tokens import Doc, Span

from .document import Document
from .pipeline import extensions  # noqa: F401  (the attributes read below)

SCHEMA = "record/1"
# kind -> the fields every item of that kind carries (null when the text does not say).
ITEM_FIELDS = {
    "places": ("name",),
    "dates": ("text", "value", "role"),
    "officials": ("name", "honorific", "designation", "service", "jurisdiction", "agency"),
    "agencies": ("name", "canonical"),
    "programmes": ("name", "kind"),
}
STATEMENT_FIELDS = {"decisions": ("text", "by"), "action_points": ("text", "owner", "deadline")}
STATEMENT_KINDS = {"decisions": "decision", "action_points": "action_point"}




def _sentence_index(doc: Doc) -> list[tuple[int, int]]:
    if not doc.has_annotation("SENT_START"):
        return [(0, len(doc.text))]
    return [(s.start_char, s.end_char) for s in doc.sents]


def _sentence_of(bounds: list[tuple[int, int]], start: int) -> int:
    for i, (s, e) in enumerate(bounds):
        if s <= start < e:
            return i
    return len(bounds) - 1


def _item(span: Span, kind: str, fields: tuple[str, ...], bounds) -> dict:
    data = span._.get(kind) or {}
    item = {f: data.get(f) for f in fields}
    if "name" in item and item["name"] is None:
        item["name"] = span.text
    if "text" in item and item["text"] is None:
        item["text"] = span.text
    item.update({k: v for k, v in data.items() if k not in item})  # extra fields are allowed
    item["span"] = [span.start_char, span.end_char]
    item["sentence"] = _sentence_of(bounds, span.start_char)
    return item


def build_record(document: Document, doc: Doc) -> dict:
    """Assemble record/1 from a cleaned Document and the Doc the pipeline annotated."""
    bounds = _sentence_index(doc)
    record = {
        "schema": SCHEMA, "doc_id": document.doc_id, "source": dict(document.source),
        "language": document.language, "title": document.title, "published": document.published,
        "text": document.text,
    }
    if document.given_id:
        record["id"] = document.given_id
    for kind, fields in ITEM_FIELDS.items():
        spans = sorted(doc.spans.get(kind, []), key=lambda s: (s.start_char, s.end_char))
        record[kind] = [_item(s, kind, fields, bounds) for s in spans]
    for key, fields in STATEMENT_FIELDS.items():
        record[key] = []
    for span in sorted(doc.spans.get("statements", []), key=lambda s: s.start_char):
        data = span._.statements or {}
        for key, fields in STATEMENT_FIELDS.items():
            if STATEMENT_KINDS[key] in data.get("kinds", ()):
                record[key].append(_item_from(span, data, fields, bounds))
    record["sentences"] = [list(b) for b in bounds]
    record["language_evidence"] = document.language_evidence
    return record


def _item_from(span: Span, data: dict, fields: tuple[str, ...], bounds) -> dict:
    item = {f: data.get(f) for f in fields}
    item["text"] = item["text"] or span.text
    item["span"] = [span.start_char, span.end_char]
    item["sentence"] = _sentence_of(bounds, span.start_char)
    return item
