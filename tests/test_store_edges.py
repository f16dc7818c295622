"""The store's edges: NUL characters (PostgreSQL cannot store them), a schema that does not exist,
and a mistyped SQLite path for commands that only read."""
from __future__ import annotations

import json
import uuid

import pytest

from extractor.cli import main
from extractor.errors import InputError
from extractor.store import QueryError, open_store
from test_store_support import Doc, db_url, pg_module_url, schema_url, store  # noqa: F401 - fixtures

TEXTS = ["बिलासपुर। पुलिस महानिरीक्षक डॉ. संजीव शुक्ला ने 30 सितम्बर तक अभियान चलाने के निर्देश दिए।",
         "रायपुर। जिला कलेक्टर ने सोमवार को स्वास्थ्य विभाग की समीक्षा बैठक ली।",
         "दुर्ग। नगर निगम आयुक्त ने सफाई अभियान की तैयारी के निर्देश दिए।"]


def test_a_record_holding_nul_is_stored_with_u_fffd_and_spans_still_right(store):
    doc = Doc("बिलासपुर\x00 में बैठक हुई।", "संजीव शुक्ला ने निर्देश दिए।").add("places", "बिलासपुर\x00")
    doc.record["source"]["publisher"] = "दैनिक\x00समाचार"
    doc_id, new = store.ingest(doc.record)
    assert new
    stored = store.get_document(doc_id)
    assert "\x00" not in json.dumps(stored)
    assert stored["source"]["publisher"] == "दैनिक\ufffdसमाचार"
    start, end = stored["places"][0]["span"]
    assert stored["text"][start:end] == stored["places"][0]["name"] == "बिलासपुर\ufffd"
    assert store.ingest(doc.record) == (doc_id, False)  # the same record again is the same document


def test_a_batch_holding_a_nul_record_stores_every_record(store):
    records = [Doc(f"बैठक {i} हुई।").record for i in range(3)]
    records[1]["title"] = "शीर्षक\x00"
    summary = store.ingest_many(records, batch_size=10)
    assert (summary.new, summary.existing, summary.failed) == (3, 0, [])
    assert store.get_document(records[1]["doc_id"])["title"] == "शीर्षक\ufffd"


@pytest.mark.parametrize("call", [
    lambda s: s.list_entities("officials", q="a\x00"), lambda s: s.list_entities("places", place="\x00"),
    lambda s: s.list_entities("agencies", agency="x\x00y"), lambda s: s.action_points(owner="\x00"),
    lambda s: s.search("बैठक\x00"), lambda s: s.get_document("ab\x00"),
    lambda s: s.list_entities("officials", cursor="\x00")])
def test_nul_in_a_query_value_is_a_query_error_on_both_engines(store, call):
    with pytest.raises(QueryError, match="NUL"):
        call(store)
    assert store.stats()["documents"] == 0  # and the store still answers


def test_ingest_stores_a_record_with_nul_and_every_later_input(db_url, tmp_path, capsys):
    dump = tmp_path / "dump.jsonl"
    lines = [{"text": TEXTS[0]}, {"text": TEXTS[1], "publisher": "दैनिक\u0000समाचार", "id": "n\u00001"},
             {"text": TEXTS[2]}]
    dump.write_text("".join(json.dumps(line) + "\n" for line in lines), encoding="utf-8")
    assert main(["ingest", "--no-progress", str(dump), "--db", db_url]) == 0
    err = capsys.readouterr().err
    warnings = [line for line in err.splitlines() if line.startswith("warning:")]
    assert len(warnings) == 1 and "NUL" in warnings[0] and "source.publisher" in warnings[0], err
    assert "ingested 3 new" in err
    with open_store(db_url) as s:
        assert s.stats()["documents"] == 3
        publishers = [s.get_document(d)["source"]["publisher"] for d in _doc_ids(s)]
        assert "दैनिक\ufffdसमाचार" in publishers


def _doc_ids(s) -> list[str]:
    from sqlalchemy import select

    from extractor.store.schema import documents
    with s.read() as conn:
        return list(conn.execute(select(documents.c.doc_id)).scalars())


@pytest.mark.postgres
def test_a_schema_that_does_not_exist_is_one_line_saying_how_to_create_it(pg_module_url, tmp_path, capsys):
    schema = f"nope_{uuid.uuid4().hex[:8]}"
    with pytest.raises(InputError) as caught:
        open_store(schema_url(schema))
    message = str(caught.value)
    assert f'CREATE SCHEMA "{schema}";' in message and "psql" in message and "\n" not in message
    assert main(["export", "--format", "csv", "--out", str(tmp_path / "out"), "--db", schema_url(schema)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("error: ") and "does not exist" in err
    assert "Traceback" not in err


@pytest.mark.parametrize("command", [["export", "--format", "jsonl", "--out", "OUT"], ["reextract", "--no-progress"],
                                     ["serve", "--port", "0"]])
def test_reading_commands_refuse_a_missing_sqlite_store(tmp_path, capsys, command):
    missing = tmp_path / "typo" / "stroe.db"
    args = [str(tmp_path / "out") if a == "OUT" else a for a in command]
    assert main([*args, "--db", f"sqlite:///{missing}"]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: ") and "no store" in err and "--create" in err
    assert not missing.exists() and not missing.parent.exists()
    assert not (tmp_path / "out").exists()


def test_create_starts_an_empty_store_and_ingest_creates_one(tmp_path, capsys):
    created = tmp_path / "new" / "store.db"
    out = tmp_path / "out"
    assert main(["export", "--format", "jsonl", "--out", str(out), "--db", f"sqlite:///{created}", "--create"]) == 0
    assert created.exists() and (out / "documents.jsonl").exists()
    text = tmp_path / "a.txt"
    text.write_text(TEXTS[1], encoding="utf-8")
    fresh = tmp_path / "other.db"
    assert main(["ingest", "--no-progress", str(text), "--db", f"sqlite:///{fresh}"]) == 0
    assert main(["export", "--format", "jsonl", "--out", str(out), "--db", f"sqlite:///{fresh}"]) == 0
    assert (out / "documents.jsonl").read_text(encoding="utf-8").count("\n") == 1
