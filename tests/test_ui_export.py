"""Correction exports (labelstudio, doccano, docbin) re-imported give back every stored item's
exact span: `text[start:end]` equals the evidence the record points at."""
from __future__ import annotations

import json
import os
import subprocess
import sys
from collections import Counter

import pytest

from extractor.kinds import KINDS
from extractor.store.annotations import LABELS, export_annotations
from test_store_support import db_url, pg_module_url, store  # noqa: F401 - fixtures
from test_ui_support import REPO, real_records


def expected_spans() -> dict[str, Counter]:
    """doc_id -> (label, start, end, evidence) of every item of the extracted records."""
    out = {}
    for record in real_records():
        out[record["doc_id"]] = Counter(
            (LABELS[kind.key], item["span"][0], item["span"][1], record["text"][item["span"][0]:item["span"][1]])
            for kind in KINDS for item in record[kind.key] if item.get("span"))
    return out


@pytest.fixture
def filled(store):
    for record in real_records():
        store.ingest(record)
    return store


def export(store, tmp_path, fmt):
    with store.read() as conn:
        return export_annotations(conn, tmp_path, fmt, "extractor test")


def test_label_studio_tasks_carry_every_span_exactly(filled, tmp_path):
    path, docs, spans = export(filled, tmp_path, "labelstudio")
    tasks = json.loads(path.read_text(encoding="utf-8"))
    expected = expected_spans()
    assert docs == len(tasks) == len(expected) and spans == sum(sum(c.values()) for c in expected.values())
    for task in tasks:
        text, (prediction,) = task["data"]["text"], task["predictions"]
        got = Counter()
        for r in prediction["result"]:
            v = r["value"]
            assert r["from_name"] == "label" and r["to_name"] == "text" and r["type"] == "labels"
            assert text[v["start"]:v["end"]] == v["text"]
            got[(v["labels"][0], v["start"], v["end"], text[v["start"]:v["end"]])] += 1
        assert got == expected[task["data"]["doc_id"]]
    config = (tmp_path / "labelstudio.xml").read_text(encoding="utf-8")
    assert all(f'value="{label}"' in config for label in LABELS.values()) and 'value="$text"' in config


def test_doccano_jsonl_has_doccano_and_prodigy_spans(filled, tmp_path):
    path, docs, _ = export(filled, tmp_path, "doccano")
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]
    expected = expected_spans()
    assert docs == len(lines) == len(expected)
    for line in lines:
        text, doc_id = line["text"], line["meta"]["doc_id"]
        assert Counter((label, s, e, text[s:e]) for s, e, label in line["label"]) == expected[doc_id]
        assert [(s["start"], s["end"], s["label"]) for s in line["spans"]] == [tuple(x) for x in line["label"]]
        assert all(text[s["start"]:s["end"]] == s["text"] for s in line["spans"])


def test_docbin_docs_keep_the_text_and_one_span_group_per_kind(filled, tmp_path):
    from spacy.tokens import DocBin
    from spacy.vocab import Vocab

    path, docs, _ = export(filled, tmp_path, "docbin")
    loaded = list(DocBin().from_disk(path).get_docs(Vocab()))
    records = {r["doc_id"]: r for r in real_records()}
    assert docs == len(loaded) == len(records)
    for doc in loaded:
        record = records[doc.user_data["doc_id"]]
        assert doc.text == record["text"]
        for kind in KINDS:
            want = sorted((i["span"][0], i["span"][1]) for i in record[kind.key] if i.get("span"))
            got = doc.spans[kind.key]
            assert sorted((s.start_char, s.end_char) for s in got) == want, kind.key
            assert all(s.label_ == LABELS[kind.key] and s.text == record["text"][s.start_char:s.end_char]
                       for s in got)
    assert any(len(doc.spans["officials"]) for doc in loaded)  # the test data has what it checks


def test_export_command_writes_annotation_formats(tmp_path):
    db = f"sqlite:///{tmp_path / 'cli.db'}"
    from extractor.store import open_store

    with open_store(db) as s:
        for record in real_records():
            s.ingest(record)
    env = {**{k: v for k, v in os.environ.items() if k != "EXTRACTOR_DB"}, "PYTHONPATH": str(REPO)}
    run = subprocess.run([sys.executable, "-m", "extractor", "export", "--format", "doccano", "--out",
                          str(tmp_path / "out"), "--db", db], capture_output=True, text=True, env=env, timeout=300)
    assert run.returncode == 0, run.stderr
    assert f"{len(real_records())} documents" in run.stderr
    assert len((tmp_path / "out" / "doccano.jsonl").read_text(encoding="utf-8").splitlines()) == len(real_records())
