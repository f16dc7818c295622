"""Store one record inside the caller's transaction: document, mentions, entities, evidence, relations.

Everything for a document happens in one transaction (the caller's), so a failure or a killed
process leaves either the whole document or nothing. The document row goes in first with
ON CONFLICT DO NOTHING: when it is already there (same doc_id, i.e. the same cleaned text),
nothing else is written and the call reports it as existing.
"""
from __future__ import annotations

from sqlalchemy import Connection, insert, select

from .dialect import insert_ignore
from .relations import RelationBuilder
from .resolve import Resolver
from .rows import document_row, mention_rows, validate
from .schema import documents, mentions, merge_evidence, relations

_MENTION_COLUMNS = ("doc_id", "kind", "ordinal", "surface", "span_start", "span_end", "sentence",
                    "value", "role", "entity_id", "fields")


def ingest_record(conn: Connection, record: dict) -> tuple[str, bool]:
    """Write `record` on `conn` (inside a transaction); return (doc_id, True if it is new)."""
    doc_id = validate(record)
    inserted = conn.execute(insert_ignore(conn, documents, ["doc_id"]).returning(documents.c.id),
                            document_row(record)).first()
    if inserted is None:
        return doc_id, False
    rows = mention_rows(record)
    evidence = Resolver(conn).resolve(rows)
    _insert_mentions(conn, rows)
    for ev in evidence:
        ev["mention_id"] = ev.pop("_row")["id"]
    if evidence:
        conn.execute(insert(merge_evidence), evidence)
    links = RelationBuilder(conn, record, rows).build()
    if links:
        conn.execute(insert(relations), links)
    return doc_id, True


def _insert_mentions(conn: Connection, rows: list[dict]) -> None:
    """Insert all mentions in one statement and put each new id back on its row."""
    if not rows:
        return
    payload = [{c: r[c] for c in _MENTION_COLUMNS} for r in rows]
    stmt = insert(mentions).returning(mentions.c.id, sort_by_parameter_order=True)
    for row, (mention_id,) in zip(rows, conn.execute(stmt, payload)):
        row["id"] = mention_id


def stored(conn: Connection, doc_id: str) -> bool:
    return conn.execute(select(documents.c.id).where(documents.c.doc_id == doc_id)).first() is not None
