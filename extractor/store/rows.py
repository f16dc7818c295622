"""record/1 -> table rows: validation of the store's input contract and the per-item rows."""
from __future__ import annotations

import re
from datetime import datetime, timezone

from ..errors import InputError
from ..kinds import KINDS, Kind
from .keys import name_key

_ISO = re.compile(r"[0-9X]{4}(-[0-9X]{2}(-[0-9X]{2})?)?")
_KEY_MAX = 300


def iso_date(value) -> str | None:
    """'2024-04-03', 'XXXX-09-30' or '2019' as given; anything else (or a timestamp's time) -> None."""
    if not isinstance(value, str):
        return None
    head = value.strip()[:10]
    return head if _ISO.fullmatch(head) else None


def is_full_date(value: str | None) -> bool:
    return bool(value) and len(value) == 10 and "X" not in value


def key_of(text) -> str:
    return name_key(text if isinstance(text, str) else None)[:_KEY_MAX]


def _fail(doc_id: str, problem: str) -> InputError:
    return InputError(f"record {doc_id}", "store", problem,
                      "The store takes record/1 dicts as extractor.extract returns them; fix the record.")


NUL_REPLACEMENT = "\ufffd"  # one character for one: spans into the text stay right


def without_nul(value, where: str = "") -> tuple[object, list[str]]:
    """`value` (a record, or any JSON value) with every NUL character replaced by U+FFFD, and the
    paths of the fields that had one. PostgreSQL cannot store NUL in text or JSON; both engines
    store the same."""
    if isinstance(value, str):
        return (value.replace("\x00", NUL_REPLACEMENT), [where or "value"]) if "\x00" in value else (value, [])
    if isinstance(value, dict):
        items = [(k, *without_nul(v, f"{where}.{k}" if where else str(k))) for k, v in value.items()]
        found = [path for _, _, paths in items for path in paths]
        return ({k: v for k, v, _ in items} if found else value), found
    if isinstance(value, (list, tuple)):
        items = [without_nul(v, f"{where}[{i}]") for i, v in enumerate(value)]
        found = [path for _, paths in items for path in paths]
        return ([v for v, _ in items] if found else value), found
    return value, []


def nul_warning(record: dict, fields: list[str]) -> str:
    """One line for stderr or the log: which document, which fields."""
    shown = ", ".join(fields[:5]) + (f" and {len(fields) - 5} more" if len(fields) > 5 else "")
    name = (record.get("source") or {}).get("path") if isinstance(record.get("source"), dict) else None
    return (f"{name or 'record ' + str(record.get('doc_id'))}: store: NUL characters replaced by U+FFFD "
            f"in {shown} (a database cannot store them); check the input that had them")


def validate(record) -> str:
    """Check the fields the store relies on; return the doc_id or raise InputError naming it."""
    if not isinstance(record, dict):
        raise _fail("?", f"a record must be a dict, not {type(record).__name__}")
    doc_id = record.get("doc_id")
    if not isinstance(doc_id, str) or not doc_id or len(doc_id) > 64:
        raise _fail("?", "doc_id must be a non-empty string of at most 64 characters")
    if not isinstance(record.get("text"), str):
        raise _fail(doc_id, "text must be a string")
    for kind in KINDS:
        items = record.get(kind.key) or []
        if not isinstance(items, list) or not all(isinstance(i, dict) for i in items):
            raise _fail(doc_id, f"{kind.key} must be a list of objects")
        for n, item in enumerate(items):
            span = item.get("span")
            if span is not None and not (isinstance(span, (list, tuple)) and len(span) == 2
                                         and all(isinstance(x, int) for x in span)):
                raise _fail(doc_id, f"{kind.key}[{n}].span must be [start, end] integers")
    return doc_id


def document_row(record: dict) -> dict:
    source = record.get("source") or {}
    return {
        "doc_id": record["doc_id"], "given_id": _text(record.get("id")), "title": _text(record.get("title")),
        "published": iso_date(record.get("published")), "language": _text(record.get("language"))[:8] or None,
        "text": record["text"], "source_path": _text(source.get("path")), "source_url": _text(source.get("url")),
        "publisher": _text(source.get("publisher")), "fetched_at": _text(source.get("fetched_at"))[:40] or None,
        "record": record, "ingested_at": datetime.now(timezone.utc),
    }


def _text(value) -> str:
    return "" if value is None else str(value)


def sentence_of(record: dict, item: dict) -> int | None:
    """The item's sentence index, from the item or else from its span and record['sentences']."""
    if isinstance(item.get("sentence"), int):
        return item["sentence"]
    span = item.get("span")
    for i, bounds in enumerate(record.get("sentences") or []):
        if span and len(bounds) == 2 and bounds[0] <= span[0] < bounds[1]:
            return i
    return None


def mention_rows(record: dict) -> list[dict]:
    """One row per item of every list, in record order; `_item` keeps the item for later steps."""
    rows = []
    for kind in KINDS:
        for ordinal, item in enumerate(record.get(kind.key) or []):
            span = item.get("span") or [None, None]
            surface, role = item.get(kind.surface), item.get(kind.role)
            rows.append({
                "doc_id": record["doc_id"], "kind": kind.key, "ordinal": ordinal,
                "surface": None if surface is None else str(surface),
                "span_start": span[0], "span_end": span[1], "sentence": sentence_of(record, item),
                "value": _value(kind, item),
                "role": str(role)[:40] if role is not None else None,
                "entity_id": None, "fields": item, "_item": item,
            })
    return rows


def _value(kind: Kind, item: dict) -> str | None:
    value = item.get(kind.value) if kind.value else None
    if kind.dated:
        return iso_date(value)
    return None if value is None else str(value)[:40]


def document_date(record: dict) -> str | None:
    """The date a document speaks for: published, else its first full event date."""
    published = iso_date(record.get("published"))
    if published:
        return published
    for item in record.get("dates") or []:
        value = iso_date(item.get("value"))
        if item.get("role") in ("event", "publication") and is_full_date(value):
            return value
    return None
