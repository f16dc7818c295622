"""Store one record inside the caller's transaction: document, mentions, entities, evidence, relations.

Everything for a document happens in one transaction (the caller's), so a failure or a killed
process leaves either the whole document or nothing. The document row goes in first with
ON CONFLICT DO NOTHING: when it is already there (same doc_id, i.e. the same cleaned text),
nothing else is written and the call reports it as existing.

`replace_record` puts a re-extracted record in place of the stored one, in the same way: the
document row is kept (doc_id, id, ingested_at), its mentions, evidence and relations are
rewritten. Entities are never deleted: one whose only mentions were replaced stays, without
mentions, so that entity ids handed out earlier keep answering.
"""
from __future__ import annotations

import json
import logging

from sqlalchemy import Connection, delete, insert, select, update

from ..errors import InputError
from ..provenance import KEYS as PROVENANCE
from .dialect import insert_ignore
from .relations import RelationBuilder
from .resolve import Resolver
from .rows import document_row, mention_rows, nul_warning, validate, without_nul
from .schema import documents, mentions, merge_evidence, relations

_MENTION_COLUMNS = ("doc_id", "kind", "ordinal", "surface", "span_start", "span_end", "sentence",
                    "value", "role", "entity_id", "fields")
_COLUMN_WIDTH = {"extractor_version": 40, "models_hash": 64}
log = logging.getLogger(__name__)


def _storable(record):
    """The record without NUL characters (replaced, with a warning in the log)."""
    if not isinstance(record, dict):
        return record
    clean, fields = without_nul(record)
    if fields:
        log.warning(nul_warning(record, fields))
    return clean


def _document_row(record: dict) -> dict:
    """rows.document_row plus the provenance columns (null when the record has none)."""
    provenance = {k: None if record.get(k) is None else str(record[k])[:_COLUMN_WIDTH[k]] for k in PROVENANCE}
    return {**document_row(record), **provenance}


def ingest_record(conn: Connection, record: dict) -> tuple[str, bool]:
    """Write `record` on `conn` (inside a transaction); return (doc_id, True if it is new)."""
    record = _storable(record)
    doc_id = validate(record)
    inserted = conn.execute(insert_ignore(conn, documents, ["doc_id"]).returning(documents.c.id),
                            _document_row(record)).first()
    if inserted is None:
        return doc_id, False
    _write_items(conn, record)
    return doc_id, True


def _comparable(record: dict) -> dict:
    """The record as stored JSON reads back (lists, not tuples), without its provenance."""
    return {k: v for k, v in json.loads(json.dumps(record)).items() if k not in PROVENANCE}


def replace_record(conn: Connection, record: dict) -> bool:
    """Put `record` in place of the stored document with its doc_id (inside a transaction).
    Mentions, evidence and relations are rewritten only when the items differ from the stored
    ones (provenance aside), so an unchanged document keeps its mention ids; True if they were."""
    record = _storable(record)
    doc_id = validate(record)
    # FOR UPDATE (PostgreSQL): two replacements of one document wait for each other.
    stored = conn.execute(select(documents.c.record).where(documents.c.doc_id == doc_id)
                          .with_for_update()).scalar()
    if stored is None:
        raise InputError(f"record {doc_id}", "store", "no stored document has this doc_id",
                         "Only stored documents can be replaced; ingest it instead.")
    row = {k: v for k, v in _document_row(record).items() if k not in ("doc_id", "ingested_at")}
    conn.execute(update(documents).where(documents.c.doc_id == doc_id).values(row))
    if _comparable(record) == _comparable(stored):
        return False
    for table in (relations, merge_evidence, mentions):  # the order their foreign keys need
        conn.execute(delete(table).where(table.c.doc_id == doc_id))
    _write_items(conn, record)
    return True


def _write_items(conn: Connection, record: dict) -> None:
    """Mentions, the entities they resolve to, merge evidence and relations of one record."""
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
