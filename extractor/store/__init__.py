"""The knowledge store: records in, canonical entities, relations and queries out.

    from extractor.store import open_store
    store = open_store()            # EXTRACTOR_DB, else sqlite:///extractor.db
    doc_id, new = store.ingest(record)
    store.has_document(doc_id)
    store.close()

SQLite (default, one file, WAL) and PostgreSQL (by URL) share one schema and one code path.
"""
from . import follow_schema  # noqa: F401 - puts the follow tables on the store's metadata
from . import versions  # noqa: F401 - and the language versions table
from .keys import name_key
from .pages import Page, QueryError
from .store import IngestSummary, Store, open_store

__all__ = ["open_store", "Store", "Page", "QueryError", "IngestSummary", "name_key"]
