"""The Store: one object per database that the CLI, the API and batch jobs share."""
from __future__ import annotations

import logging
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Collection, Iterable, Iterator

from sqlalchemy import Connection, Engine, exists, func, or_, select, text, update
from sqlalchemy.exc import DBAPIError, OperationalError, ProgrammingError

from ..errors import InputError
from . import actions, queries, search, timeline, versions
from .engine import make_engine, migrate, missing_schema, missing_sqlite_file, resolve_url
from .ingest import ingest_record, replace_record, stored
from .pages import Page, refuse_nul
from .schema import documents, entities, mentions, merge_evidence, metadata, store_version

log = logging.getLogger(__name__)
# After this many new documents in one bulk load the planner's statistics are refreshed: with
# stale ones PostgreSQL picked plans 15x slower for filtered lists at 10,000 documents.
ANALYZE_AFTER = 1000
_TRANSIENT = {"40P01", "40001"}  # PostgreSQL deadlock detected, serialization failure
_ATTEMPTS = 3
_INVALID_SCHEMA_NAME = "3F000"  # the URL's search_path names no schema that exists
_BUMP = update(store_version).where(store_version.c.id == 1).values(version=store_version.c.version + 1)
_VERSION = select(store_version.c.version).where(store_version.c.id == 1)


@dataclass
class IngestSummary:
    new: int = 0
    existing: int = 0
    failed: list[InputError] = field(default_factory=list)


class Store:
    """A migrated database. Thread-safe: every call takes its own pooled connection."""

    def __init__(self, engine: Engine):
        self.engine = engine

    @property
    def dialect(self) -> str:
        return self.engine.dialect.name

    @contextmanager
    def read(self) -> Iterator[Connection]:
        with self.engine.connect() as conn:
            yield conn

    @contextmanager
    def write(self) -> Iterator[Connection]:
        """One transaction: committed when the block ends, rolled back if it raises. It bumps
        the store version last, so the row lock (PostgreSQL) is held only until the commit."""
        with self.engine.connect().execution_options(write=True) as conn, conn.begin():
            yield conn
            conn.execute(_BUMP)

    def version(self) -> int:
        """A counter that every committed write transaction has raised: equal values mean the
        same data (cached API responses are keyed on it)."""
        with self.engine.connect() as conn:
            return conn.execute(_VERSION).scalar_one()

    def _one_transaction(self, write, record: dict):
        """`write(conn, record)` in a transaction of its own, run again if PostgreSQL picks it
        as a deadlock victim (it is then rolled back whole)."""
        for attempt in range(_ATTEMPTS):
            try:
                with self.write() as conn:
                    return write(conn, record)
            except DBAPIError as exc:
                if getattr(exc.orig, "sqlstate", None) not in _TRANSIENT or attempt == _ATTEMPTS - 1:
                    raise
                log.info("%s of %s: %s; retrying", write.__name__, record.get("doc_id"), exc.orig)
        raise AssertionError("unreachable")

    def ingest(self, record: dict) -> tuple[str, bool]:
        """Store one record atomically; (doc_id, True) if new, (doc_id, False) if already stored."""
        return self._one_transaction(ingest_record, record)

    def replace(self, record: dict) -> bool:
        """Put a re-extracted record in place of the stored one with its doc_id, atomically;
        True if its items changed (see ingest.replace_record)."""
        return self._one_transaction(replace_record, record)

    def ingest_many(self, records: Iterable[dict], batch_size: int = 100) -> IngestSummary:
        """Store many records, `batch_size` per transaction; a batch that fails is retried one
        record per transaction so that only the bad record is lost (and reported)."""
        summary, batch = IngestSummary(), []
        for record in records:
            batch.append(record)
            if len(batch) >= batch_size:
                self._ingest_batch(batch, summary)
                batch = []
        if batch:
            self._ingest_batch(batch, summary)
        if summary.new >= ANALYZE_AFTER:
            self.optimize()
        return summary

    def _ingest_batch(self, batch: list[dict], summary: IngestSummary) -> None:
        try:
            with self.write() as conn:
                results = [ingest_record(conn, r) for r in batch]
        except Exception:  # noqa: BLE001 - isolate the bad record below, report it by doc_id
            results = []
            for record in batch:
                try:
                    results.append(self.ingest(record))
                except InputError as exc:
                    summary.failed.append(exc)
                except Exception as exc:  # a database error names the document it came from
                    doc = record.get("doc_id", "?") if isinstance(record, dict) else "?"
                    summary.failed.append(InputError(f"record {doc}", "store", repr(exc),
                                                     "Check the database is reachable and writable."))
        for _, new in results:
            summary.new += new
            summary.existing += not new

    def has_document(self, doc_id: str) -> bool:
        with self.read() as conn:
            return stored(conn, doc_id)

    def get_document(self, doc_id: str) -> dict | None:
        refuse_nul(doc_id=doc_id)
        with self.read() as conn:
            return queries.get_document(conn, doc_id)

    def list_entities(self, plural: str, **filters) -> Page:
        """plural: officials | agencies | programmes | places; filters: q, date_from, date_to,
        place, agency, limit, cursor (see queries.list_entities)."""
        refuse_nul(**filters)
        with self.read() as conn:
            return queries.list_entities(conn, plural, **filters)

    def get_entity(self, entity_id: int) -> dict | None:
        with self.read() as conn:
            entity = queries.get_entity(conn, entity_id)
            if entity:
                entity["evidence"] = [dict(r._mapping) for r in conn.execute(
                    select(merge_evidence).where(merge_evidence.c.entity_id == entity_id)
                    .order_by(merge_evidence.c.id).limit(200))]
            return entity

    def pair(self, min_score: float = versions.MIN_SCORE, min_shared: int = versions.MIN_SHARED,
             dry_run: bool = False) -> list[versions.Link]:
        """Link the documents that are versions of one release in different languages (see
        versions.py); the stored links are replaced unless `dry_run`."""
        if dry_run:  # a read: no write lock held while the pairs are scored
            with self.read() as conn:
                return versions.find_links(conn, min_score, min_shared)
        with self.write() as conn:
            links = versions.find_links(conn, min_score, min_shared)
            versions.store_links(conn, links)
        return links

    def document_versions(self, doc_id: str) -> list[dict] | None:
        """The other-language versions linked to a stored document; None if it is not stored."""
        with self.read() as conn:
            if not stored(conn, doc_id):
                return None
            return versions.versions_of(conn, doc_id)

    def programme_timeline(self, programme_id: int, **options) -> Page | None:
        refuse_nul(**options)
        with self.read() as conn:
            return timeline.programme_timeline(conn, programme_id, **options)

    def action_points(self, **filters) -> Page:
        refuse_nul(**filters)
        with self.read() as conn:
            return actions.action_points(conn, **filters)

    def search(self, q: str, limit: int = 20, cursor: str | None = None) -> Page:
        refuse_nul(q=q, cursor=cursor)
        with self.read() as conn:
            return search.search(conn, q, limit=limit, cursor=cursor)

    def provenance_counts(self) -> list[dict]:
        """Stored documents per (models_hash, extractor_version), largest group first; null
        for documents stored before provenance was recorded."""
        count = func.count().label("documents")
        query = (select(documents.c.models_hash, documents.c.extractor_version, count)
                 .group_by(documents.c.models_hash, documents.c.extractor_version)
                 .order_by(count.desc(), documents.c.models_hash))
        with self.read() as conn:
            return [dict(row._mapping) for row in conn.execute(query)]

    def records_to_reextract(self, models_hash: str | Collection[str] | None, after: int = 0,
                             limit: int = 100) -> list[tuple[int, dict]]:
        """(row id, record) of up to `limit` documents past row id `after`, in id order, whose
        models_hash is not `models_hash` (or none of them: one per language pack; null counts as
        different); every one if it is None."""
        query = select(documents.c.id, documents.c.record).where(documents.c.id > after)
        if models_hash is not None:
            hashes = [models_hash] if isinstance(models_hash, str) else sorted(models_hash)
            query = query.where(or_(documents.c.models_hash.is_(None), documents.c.models_hash.notin_(hashes)))
        with self.read() as conn:
            return [tuple(row) for row in conn.execute(query.order_by(documents.c.id).limit(limit))]

    def entities_without_mentions(self) -> int:
        """Entities no stored mention resolves to any more (a re-extraction dropped their names)."""
        unmentioned = ~exists().where(mentions.c.entity_id == entities.c.id)
        with self.read() as conn:
            return conn.execute(select(func.count()).select_from(entities).where(unmentioned)).scalar_one()

    def stats(self) -> dict:
        with self.read() as conn:
            return {"documents": conn.execute(select(func.count()).select_from(documents)).scalar_one(),
                    "entities": conn.execute(select(func.count()).select_from(entities)).scalar_one()}

    def export(self, out_dir: str | Path, fmt: str) -> dict[str, tuple[Path, int]]:
        from . import export  # pandas and pyarrow load in seconds; only exports need them

        with self.read() as conn:
            return export.export_all(conn, Path(out_dir), fmt)

    def optimize(self) -> None:
        """Refresh the query planner's statistics; worth it after a bulk load."""
        with self.write() as conn:
            if self.dialect == "postgresql":
                for table in metadata.sorted_tables:
                    conn.execute(text(f"ANALYZE {table.name}"))
            else:
                conn.exec_driver_sql("ANALYZE")

    def close(self) -> None:
        self.engine.dispose()

    def __enter__(self) -> "Store":
        return self

    def __exit__(self, *exc) -> None:
        self.close()


def open_store(url: str | None = None, create: bool = True, pool_size: int | None = None) -> Store:
    """Open (creating and migrating as needed) the store at `url`, else EXTRACTOR_DB, else
    sqlite:///extractor.db in the working directory. With create=False a missing SQLite file is
    an InputError (a mistyped path must not become a new, empty store). pool_size: PostgreSQL
    connections this process may hold (None: the default pool)."""
    url = resolve_url(url)
    if not create:
        missing_sqlite_file(url)
    engine = make_engine(url, pool_size=pool_size)
    try:
        migrate(engine)
    except OperationalError as exc:
        engine.dispose()
        where = engine.url.render_as_string(hide_password=True)
        raise InputError(where, "store", f"cannot open the database ({exc.orig or exc})",
                         "Check the URL, that the server is running and that you may write there.") from None
    except ProgrammingError as exc:
        engine.dispose()
        if getattr(exc.orig, "sqlstate", None) == _INVALID_SCHEMA_NAME:
            raise missing_schema(engine.url) from None
        raise
    except Exception:
        engine.dispose()
        raise
    return Store(engine)
