"""Exports load in pandas with one call and hold what the store holds; the ingest/export CLI."""
from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pandas as pd
import pytest

from extractor.kinds import KINDS as RECORD_KINDS
from test_store_queries import programme_docs
from test_store_support import counts, db_url, pg_module_url, store  # noqa: F401 - fixtures

REPO = Path(__file__).resolve().parent.parent
READ = {"csv": pd.read_csv, "jsonl": lambda p: pd.read_json(p, lines=True, dtype=False),
        "parquet": pd.read_parquet}
KINDS = ("documents", *(kind.key for kind in RECORD_KINDS), "mentions")


@pytest.mark.parametrize("fmt", list(READ))
def test_every_export_file_loads_with_one_pandas_call(store, tmp_path, fmt):
    docs = programme_docs()
    for d in docs:
        store.ingest(d.record)
    written = store.export(tmp_path, fmt)
    assert set(KINDS) <= set(written)
    frames = {name: READ[fmt](path) for name, (path, _) in written.items()}
    table_rows = counts(store)
    assert len(frames["documents"]) == table_rows["documents"] == 3
    assert len(frames["mentions"]) == table_rows["mentions"]
    assert len(frames["relations"]) == table_rows["relations"]
    for kind in KINDS[1:-1]:
        expected = sum(len(d.record[kind]) for d in docs)
        assert len(frames[kind]) == expected, kind
    assert set(frames["documents"]["doc_id"]) == {d.record["doc_id"] for d in docs}
    texts = dict(zip(frames["documents"]["doc_id"], frames["documents"]["text"]))
    assert all(texts[d.record["doc_id"]] == d.text for d in docs)  # Devanagari and punctuation intact
    assert set(frames["action_points"]["deadline"]) == {"2024-09-30", "2024-08-15"}
    assert frames["programmes"]["entity_name"].nunique() == 2


def test_export_of_an_empty_store_still_loads(store, tmp_path):
    for fmt, read in READ.items():
        for name, (path, rows) in store.export(tmp_path / fmt, fmt).items():
            assert rows == 0 and len(read(path)) == 0, (fmt, name)


def _cli(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {k: v for k, v in os.environ.items() if k != "EXTRACTOR_DB"}
    env["PYTHONPATH"] = str(REPO)
    return subprocess.run([sys.executable, "-m", "extractor", *args], capture_output=True, text=True,
                          cwd=cwd, timeout=300, env=env)


def test_cli_ingest_resumes_reports_bad_inputs_and_exports(tmp_path):
    samples = tmp_path / "in"
    samples.mkdir()
    for src in sorted((REPO / "corpus" / "samples").glob("*.txt")):
        (samples / src.name).write_text(src.read_text(encoding="utf-8"), encoding="utf-8")
    (samples / "empty.txt").write_text("   \n", encoding="utf-8")
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    first = _cli("ingest", str(samples), "--db", db, "--no-progress", cwd=tmp_path)
    assert first.returncode == 1  # one input failed, the rest went in
    assert re.search(r"error: \S*empty\.txt: \w+: ", first.stderr)  # input name and stage
    n = len(list(samples.glob("*.txt"))) - 1
    assert f"ingested {n} new, 0 already stored, 1 failed" in first.stderr
    again = _cli("ingest", str(samples), "--db", db, "--no-progress", cwd=tmp_path)
    assert f"ingested 0 new, {n} already stored, 1 failed" in again.stderr
    out = _cli("export", "--format", "parquet", "--out", str(tmp_path / "out"), "--db", db, cwd=tmp_path)
    assert out.returncode == 0, out.stderr
    assert len(pd.read_parquet(tmp_path / "out" / "documents.parquet")) == n
