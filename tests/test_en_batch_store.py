"""Hindi and English documents in one batch run and one store: each is made and kept current by
its own language's pack, and neither counts as "other models" for the other."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from extractor.batch import run_batch
from extractor.extract import extract_documents
from extractor.document import RawDocument
from extractor.packs import get_pack
from extractor.provenance import current_hashes, pack_hash
from extractor.store import open_store

REPO = Path(__file__).resolve().parent.parent
HINDI = ("रायपुर। मुख्यमंत्री ने मंगलवार को जल जीवन मिशन की समीक्षा बैठक में सभी जिलों के कलेक्टरों को "
         "31 मार्च तक हर ग्रामीण घर में नल कनेक्शन देने के निर्देश दिए। बैठक में दुर्ग और बिलासपुर के "
         "अधिकारियों ने प्रगति की जानकारी दी और कहा कि काम तय समय पर पूरा होगा।")
ENGLISH = ("Posted On: 03 JUN 2020 4:20PM by PIB Delhi\nThe Chief Minister reviewed the Jal Jeevan Mission in "
           "Raipur today and directed the Collectors of Durg and Bilaspur to give a tap connection to every rural "
           "home by 31 March 2021. The officers said that the works will be completed on time in every district.")


def _inputs(folder: Path) -> Path:
    folder.mkdir()
    (folder / "hi.txt").write_text(HINDI, encoding="utf-8")
    (folder / "en.txt").write_text(ENGLISH, encoding="utf-8")
    return folder


def test_a_batch_of_both_languages_is_one_run(tmp_path):
    summary = run_batch([str(_inputs(tmp_path / "in"))], tmp_path / "out", workers=1, batch_size=2)
    assert summary.exit_code == 0 and summary.totals["processed"] == 2 and summary.totals["failed"] == 0
    records = [json.loads(l) for l in (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    by_lang = {r["language"]: r for r in records}
    assert set(by_lang) == {"hi", "en"}
    assert by_lang["en"]["models_hash"] == pack_hash(get_pack("en"))
    assert {p["name"] for p in by_lang["en"]["places"]} == {"Raipur", "Durg", "Bilaspur"}
    assert len(summary.models) == 1  # the run's models: an English record is not a change of models


def test_a_batch_can_be_told_the_language(tmp_path):
    summary = run_batch([str(_inputs(tmp_path / "in"))], tmp_path / "out", workers=1, language="hi")
    records = [json.loads(l) for l in (tmp_path / "out" / "records.jsonl").read_text(encoding="utf-8").splitlines()]
    assert summary.exit_code == 0 and [r["language"] for r in records] == ["hi", "hi"]


def test_stored_documents_of_both_languages_are_current(tmp_path):
    url = f"sqlite:///{tmp_path / 'store.db'}"
    store = open_store(url)
    try:
        records = list(extract_documents([RawDocument(name="hi.txt", text=HINDI, path="hi.txt"),
                                          RawDocument(name="en.txt", text=ENGLISH, path="en.txt")]))
        for record in records:
            store.ingest(record)
        assert store.records_to_reextract(current_hashes()) == []
        stale = store.records_to_reextract(pack_hash(get_pack("hi")))  # as if only Hindi's hash were current
        assert [record["language"] for _, record in stale] == ["en"]
    finally:
        store.close()
    env = {**os.environ, "EXTRACTOR_DB": url}
    run = subprocess.run([sys.executable, "-m", "extractor", "reextract", "--no-progress"], cwd=REPO, env=env,
                         capture_output=True, text=True)
    assert run.returncode == 0 and "nothing to do: all 2 documents" in run.stderr
