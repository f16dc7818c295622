"""Schema and durability: the migration builds schema.py's tables; a killed ingest leaves nothing."""
from __future__ import annotations

import subprocess
import sys
import textwrap
from pathlib import Path

from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, text

from extractor.store import open_store
from extractor.store.schema import metadata
from test_store_support import Doc, counts, db_url, pg_module_url, store  # noqa: F401 - fixtures

REPO = Path(__file__).resolve().parent.parent
# Engine-specific search structures that schema.py leaves out on purpose.
_ENGINE_SPECIFIC = {"search_vector", "ix_documents_fts", "alembic_version"}


def _include(obj, name, type_, reflected, compare_to):
    return not (name in _ENGINE_SPECIFIC or (type_ == "table" and name and name.startswith("documents_fts")))


def test_migration_creates_exactly_the_tables_of_schema_py(store, db_url):
    engine = create_engine(db_url)
    with engine.connect() as conn:
        context = MigrationContext.configure(conn, opts={"include_object": _include, "compare_type": True})
        diff = compare_metadata(context, metadata)
        tables = set(inspect(conn).get_table_names())
    engine.dispose()
    assert diff == []
    assert set(metadata.tables) <= tables


def test_open_twice_is_a_no_op_and_keeps_data(db_url):
    doc = Doc("रायपुर में बैठक हुई।").add("places", "रायपुर")
    with open_store(db_url) as s:
        s.ingest(doc.record)
    with open_store(db_url) as s:
        assert s.has_document(doc.record["doc_id"])
        with s.read() as conn:
            assert conn.execute(text("SELECT count(*) FROM alembic_version")).scalar_one() == 1


KILLER = textwrap.dedent("""
    import json, os, signal, sys
    from extractor.store import open_store
    from extractor.store import ingest
    record = json.loads(sys.stdin.read())
    def die(self):  # everything but the relations is written by now, inside the transaction
        os.kill(os.getpid(), signal.SIGKILL)
    ingest.RelationBuilder.build = die
    open_store(sys.argv[1]).ingest(record)
""")


def test_killed_ingest_leaves_no_half_document_and_rerun_resumes(store, db_url):
    import json

    done = Doc("बिलासपुर में बैठक हुई।").add("places", "बिलासपुर")
    store.ingest(done.record)
    victim = Doc("दुर्ग में पुलिस महानिरीक्षक संजीव शुक्ला ने निर्देश दिए।").add("places", "दुर्ग")
    victim.add("officials", "संजीव शुक्ला", designation="पुलिस महानिरीक्षक")
    before = counts(store)
    proc = subprocess.run([sys.executable, "-c", KILLER, db_url], input=json.dumps(victim.record),
                          text=True, capture_output=True, cwd=REPO, timeout=120)
    assert proc.returncode == -9, proc.stderr
    assert counts(store) == before  # nothing of the killed document, the earlier one intact
    assert not store.has_document(victim.record["doc_id"])
    assert store.ingest(victim.record) == (victim.record["doc_id"], True)
    assert store.ingest(done.record) == (done.record["doc_id"], False)
    assert counts(store)["documents"] == 2
