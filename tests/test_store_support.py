"""Shared helpers for the store and API tests: databases on both engines, hand-built records.

Kept here rather than in conftest.py (another stage's file) and imported by test_store*.py and
test_api*.py. PostgreSQL tests use the server on 127.0.0.1:5432, database `test`, each in a
schema of its own that is dropped afterwards; an unreachable server fails them loudly unless
EXTRACTOR_SKIP_PG=1 is set.
"""
from __future__ import annotations

import contextlib
import os
import uuid
from urllib.parse import quote

import pytest
from sqlalchemy import create_engine, text

from extractor.kinds import BY_KEY, KINDS

PG_URL = os.environ.get("EXTRACTOR_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")
ENGINES = ["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]


def schema_url(schema: str) -> str:
    return f"{PG_URL}?options={quote(f'-csearch_path={schema}')}"


@contextlib.contextmanager
def fresh_pg_schema(prefix: str = "t_store"):
    """A new, empty PostgreSQL schema for the duration of the block; yields its URL."""
    if os.environ.get("EXTRACTOR_SKIP_PG") == "1":
        pytest.skip("EXTRACTOR_SKIP_PG=1")
    schema = f"{prefix}_{uuid.uuid4().hex[:10]}"
    admin = create_engine(PG_URL, isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as conn:
            conn.execute(text(f'CREATE SCHEMA "{schema}"'))
    except Exception as exc:  # noqa: BLE001 - the message must say how to get past it
        admin.dispose()
        pytest.fail(f"PostgreSQL at {PG_URL} is not reachable ({exc.__class__.__name__}: {exc}). "
                    "Start it, or set EXTRACTOR_SKIP_PG=1 to skip the PostgreSQL half locally.")
    try:
        yield schema_url(schema)
    finally:
        with admin.connect() as conn:
            conn.execute(text(f'DROP SCHEMA IF EXISTS "{schema}" CASCADE'))
        admin.dispose()


@pytest.fixture(scope="module")
def pg_module_url():
    """One migrated PostgreSQL schema per test module (tests empty it, see db_url)."""
    from extractor.store import open_store

    with fresh_pg_schema() as url:
        open_store(url).close()
        yield url


@pytest.fixture(params=ENGINES)
def db_url(request, tmp_path):
    """An empty, migrated database: a new SQLite file, or the module's PostgreSQL schema emptied
    (DELETE on these small tables is ~20x faster than a new schema, or than TRUNCATE)."""
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'store.db'}"
        return
    from extractor.store.schema import metadata

    url = request.getfixturevalue("pg_module_url")
    engine = create_engine(url)
    with engine.begin() as conn:
        for table in reversed(metadata.sorted_tables):
            if table.name != "store_version":  # its one row is part of a migrated store
                conn.execute(table.delete())
    engine.dispose()
    yield url


@pytest.fixture
def store(db_url):
    from extractor.store import open_store

    s = open_store(db_url)
    yield s
    s.close()


class Doc:
    """Builds a record/1 dict whose spans really point into its text.

    Sentences are joined with a space; items are placed by the text they quote.
    """

    def __init__(self, *sentences: str, published: str | None = "2024-04-03", title: str | None = None,
                 doc_id: str | None = None):
        self.sentences = list(sentences)
        self.text = " ".join(sentences)
        self.record = {"schema": "record/1", "doc_id": doc_id or uuid.uuid4().hex[:16],
                       "source": {"path": None, "url": None, "publisher": None, "fetched_at": None},
                       "language": "hi", "title": title, "published": published, "text": self.text,
                       **{kind.key: [] for kind in KINDS}}
        bounds, start = [], 0
        for s in sentences:
            bounds.append([start, start + len(s)])
            start += len(s) + 1
        self.record["sentences"] = bounds

    def _span(self, quote_: str) -> tuple[list[int], int]:
        start = self.text.index(quote_)
        sentence = next(i for i, (s, e) in enumerate(self.record["sentences"]) if s <= start < e)
        return [start, start + len(quote_)], sentence

    def add(self, list_name: str, quote_: str, /, **fields) -> "Doc":
        span, sentence = self._span(quote_)
        key = BY_KEY[list_name].surface
        self.record[list_name].append({key: fields.pop(key, quote_), **fields, "span": span,
                                       "sentence": sentence})
        return self


def counts(store) -> dict[str, int]:
    """Rows per table of content, to show that nothing (or everything) was written (the store
    version's single row is bookkeeping, there in every store)."""
    from extractor.store.schema import metadata

    with store.read() as conn:
        return {name: conn.execute(text(f"SELECT count(*) FROM {name}")).scalar_one()
                for name in metadata.tables if name != "store_version"}
