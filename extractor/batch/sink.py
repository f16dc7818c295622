"""`--db URL`: records of a batch run go into the knowledge store (extractor.store) as they come.

The store is idempotent by doc_id (`ingest` returns is_new=False for a document it holds), so a
record re-sent after a crash between ingesting it and committing the journal is not doubled.
"""
from __future__ import annotations

import json
import logging

from ..errors import InputError
from .errors import BatchUsageError

log = logging.getLogger(__name__)


class StoreSink:
    def __init__(self, store):
        self.store = store
        self.already_stored = 0  # documents the store held before this run (or before a crash)

    def ingest(self, line: str, key: str) -> dict | None:
        """Ingest one record; return an error entry for errors.jsonl when the store refuses it."""
        record = json.loads(line)
        try:
            _doc_id, is_new = self.store.ingest(record)
        except InputError as exc:
            return {**exc.as_dict(), "stage": "store"}
        except Exception as exc:  # a store bug must name the document, not kill the batch
            log.exception("store: ingesting %s (%s) failed", key, record.get("doc_id"))
            return {"source": key, "stage": "store", "error": f"could not store the record ({exc!r})",
                    "hint": "The record is in records.jsonl; check the database and ingest it again."}
        if not is_new:
            self.already_stored += 1
        return None

    def close(self) -> None:
        self.store.close()


def open_sink(db: str | None) -> StoreSink | None:
    if not db:
        return None
    try:
        from ..store import open_store
    except ImportError as exc:
        raise BatchUsageError(f"--db is not available yet: the knowledge store cannot be imported ({exc})",
                              "Use --out DIR for now; its records.jsonl can be ingested later.")
    try:
        return StoreSink(open_store(db))
    except InputError as exc:
        raise BatchUsageError(f"cannot open the database {db}: {exc.problem}", exc.hint)
