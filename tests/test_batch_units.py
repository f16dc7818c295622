"""Batch building blocks alone: input order, the bounded in-order window, signatures."""
from __future__ import annotations

import pytest

from extractor.acquire.sources import iter_inputs
from extractor.batch.dedup import signature, similarity
from extractor.batch.engines import ordered_window
from extractor.batch.inputs import iter_tasks
from test_batch_corpus import article, wire_copies


def test_tasks_come_in_the_order_extract_reads_inputs(tmp_path):
    for rel in ("b/z.txt", "b/a.html", "a.txt", "a/x.txt", "a/y/q.txt", "c.md", "B.txt"):
        path = tmp_path / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(article(len(rel)), encoding="utf-8")
    keys = [task.key for task in iter_tasks([str(tmp_path)])]
    assert keys == [raw.name for raw in iter_inputs([str(tmp_path)])]
    assert [task.seq for task in iter_tasks([str(tmp_path)])] == list(range(len(keys)))


def test_url_lists_and_dump_lines_are_tasks_without_reading_documents(tmp_path):
    (tmp_path / "list.urls").write_text("# feed\nhttps://example.org/a\n\n  https://example.org/b  \n")
    (tmp_path / "d.jsonl").write_bytes(b'{"text": "x"}\n\n\xff\xfe\n{"text": "y"}\n')
    tasks = list(iter_tasks([str(tmp_path / "list.urls"), str(tmp_path / "d.jsonl")]))
    assert [(t.key, t.kind) for t in tasks] == [
        ("https://example.org/a", "url"), ("https://example.org/b", "url"),
        (f"{tmp_path}/d.jsonl:1", "line"), (f"{tmp_path}/d.jsonl:3", "failed"), (f"{tmp_path}/d.jsonl:4", "line")]


@pytest.mark.parametrize("limit", [1, 2, 5])
def test_window_yields_in_order_with_bounded_work_in_hand(limit):
    """Chunks finish in reverse order; results still come out in order, never > limit held."""
    pending, held = set(), []

    def submit(chunk):
        pending.add(chunk)
        return chunk

    def wait_some(futures):
        held.append(len(futures))
        done = max(futures)  # the newest finishes first: the worst case for ordering
        pending.discard(done)
        return [done]

    out = list(ordered_window(iter(range(12)), submit, wait_some, result=lambda f: f * 10, limit=limit))
    assert out == [i * 10 for i in range(12)]
    assert max(held) <= limit


def test_signature_ignores_the_headline_and_separates_unrelated_texts():
    copies = wire_copies(11)
    first, second = (signature(text, text.split("\n", 1)[0]) for text in copies[:2])
    assert similarity(first, signature(copies[0].split("\n", 1)[1])) == 1.0  # headline dropped
    assert similarity(first, second) >= 0.8  # byline, second headline, caption and footer differ
    assert similarity(first, signature(article(12), article(12).split("\n", 1)[0])) < 0.5
    assert signature("बहुत छोटा पाठ") is None  # too short to call a near-duplicate


def test_workers_rebuild_the_pipeline_every_so_often(monkeypatch):
    from extractor.batch import work
    from extractor.batch.inputs import Task
    from extractor.document import RawDocument
    from extractor.pipeline import get_nlp

    monkeypatch.setattr(work, "RECYCLE_AFTER", 3)
    monkeypatch.setattr(work, "_done_by_this_pipeline", 0)
    tasks = [Task(i, f"d{i}", "raw", RawDocument(name=f"d{i}", text=article(i))) for i in range(2)]
    first = work.process_chunk(tasks)
    nlp = get_nlp()
    again = work.process_chunk(tasks)  # 4 documents since the build: a fresh pipeline
    assert get_nlp() is not nlp
    assert first == again
