"""Batch runs: output identical across engines, near-duplicate clusters, error log, exit codes."""
from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from extractor.batch import BatchUsageError, run_batch
from extractor.batch.journal import Journal
from extractor.cli import main
from test_batch_corpus import article, wire_copies, write_corpus

ROOT = Path(__file__).resolve().parent.parent


def lines(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def run_cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "extractor", "batch", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=300)


@pytest.fixture(scope="module")
def corpus(tmp_path_factory) -> tuple[Path, dict]:
    folder = tmp_path_factory.mktemp("corpus")
    return folder, write_corpus(folder, n=40)


@pytest.fixture(scope="module")
def reference(corpus, tmp_path_factory) -> Path:
    """The corpus processed in this process by one worker: what every other run must equal."""
    out = tmp_path_factory.mktemp("reference")
    summary = run_batch([str(corpus[0])], out, workers=1, batch_size=4)
    assert summary.totals == {"processed": 36, "near_duplicates": 2, "exact_duplicates": 0, "failed": 2,
                              "store_failed": 0}
    return out


def assert_same_output(out: Path, reference: Path, manifest: bool = True) -> None:
    for name in ("records.jsonl", "errors.jsonl", "duplicates.jsonl"):
        got, want = lines(out / name), lines(reference / name)
        assert [r.get("doc_id") or r.get("input") for r in got] == [r.get("doc_id") or r.get("input") for r in want]
        assert got == want, f"{name} differs"
    if manifest:
        assert json.loads((out / "manifest.json").read_text()) == json.loads((reference / "manifest.json").read_text())


def test_near_duplicates_cluster_and_are_flagged(reference, corpus):
    records = lines(reference / "records.jsonl")
    by_file = {Path(r["source"]["path"]).name: r for r in records}
    first, *copies = (by_file[name] for name in corpus[1]["copies"])
    assert "duplicate_of" not in first
    for copy in copies:
        assert copy["duplicate_of"] == copy["cluster"] == first["doc_id"]
        assert copy["similarity"] >= 0.8
    flagged = [r for r in records if "duplicate_of" in r]
    assert len(flagged) == 2, "unrelated releases must not cluster"
    dups = lines(reference / "duplicates.jsonl")
    assert [(Path(d["input"]).name, d["kind"]) for d in dups] == [("wire_1.txt", "near"), ("wire_2.txt", "near")]


def test_bad_documents_go_to_the_error_log(reference, corpus):
    errors = lines(reference / "errors.jsonl")
    assert {Path(e["input"]).name for e in errors} == set(corpus[1]["bad"])
    for error in errors:
        assert error["stage"] == "decode" and error["error"] and error["hint"]


def test_records_follow_input_order_without_duplicates(reference):
    records = lines(reference / "records.jsonl")
    paths = [r["source"]["path"] for r in records]
    assert paths == sorted(paths)
    assert len({r["doc_id"] for r in records}) == len(records) == 38


@pytest.mark.slow
def test_two_worker_processes_give_identical_output(corpus, reference, tmp_path):
    summary = run_batch([str(corpus[0])], tmp_path / "out", workers=2, batch_size=3)
    assert summary.exit_code == 1
    assert_same_output(tmp_path / "out", reference)


@pytest.mark.slow
def test_dask_cluster_gives_identical_output(corpus, reference, tmp_path):
    distributed = pytest.importorskip("distributed")
    with distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                  dashboard_address=None) as cluster:
        done = run_cli(str(corpus[0]), "--out", str(tmp_path / "out"), "--engine", "dask",
                       "--scheduler", cluster.scheduler_address, "--batch-size", "5")
    assert done.returncode == 1, done.stderr  # the two bad documents
    assert "processed            36" in done.stderr
    assert_same_output(tmp_path / "out", reference)


def test_exact_duplicates_are_skipped(tmp_path):
    (tmp_path / "in").mkdir()
    for name in ("a.txt", "b.txt"):
        (tmp_path / "in" / name).write_text(article(5), encoding="utf-8")
    summary = run_batch([str(tmp_path / "in")], tmp_path / "out", workers=1)
    assert summary.totals == {"processed": 1, "near_duplicates": 0, "exact_duplicates": 1, "failed": 0,
                              "store_failed": 0}
    assert summary.exit_code == 0
    assert len(lines(tmp_path / "out" / "records.jsonl")) == 1
    assert lines(tmp_path / "out" / "duplicates.jsonl")[0]["kind"] == "exact"


def test_crash_between_writing_and_journaling_loses_and_doubles_nothing(corpus, reference, tmp_path, monkeypatch):
    commit = Journal.commit
    calls = {"n": 0}

    def crash_on_third(self, *args):
        calls["n"] += 1
        if calls["n"] == 3:  # lines written and fsync'd, journal not updated: the worst moment
            for handle in self.files.values():
                handle.flush()
            raise SystemExit("simulated crash")
        return commit(self, *args)

    monkeypatch.setattr(Journal, "commit", crash_on_third)
    with pytest.raises(SystemExit):
        run_batch([str(corpus[0])], tmp_path / "out", workers=1, batch_size=4, commit_every=0)
    monkeypatch.setattr(Journal, "commit", commit)
    summary = run_batch([str(corpus[0])], tmp_path / "out", workers=1, batch_size=4)
    assert summary.already_done == 8
    assert_same_output(tmp_path / "out", reference)


def test_dumps_and_url_lists(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    for i in range(2):
        (site / f"{i}.html").write_text(f"<html><body><article><h1>खबर {i}</h1><p>{article(50 + i)}</p>"
                                        "</article></body></html>", encoding="utf-8")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_port}"
    try:
        urls = tmp_path / "list.urls"
        urls.write_text(f"# two pages and a missing one\n{base}/0.html\n\n{base}/1.html\n{base}/gone.html\n")
        dump = tmp_path / "dump.jsonl"
        dump.write_text(json.dumps({"id": "d1", "text": article(60)}, ensure_ascii=False) + "\n\n{oops\n",
                        encoding="utf-8")
        summary = run_batch([str(urls), str(dump)], tmp_path / "out", workers=1)
    finally:
        server.shutdown()
    errors = lines(tmp_path / "out" / "errors.jsonl")
    assert [(e["input"], e["stage"]) for e in errors] == [(f"{base}/gone.html", "fetch"), (f"{dump}:3", "read")]
    assert summary.totals["processed"] == 3 and summary.exit_code == 1


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.mark.parametrize("args", [
    ["no/such/folder", "--out", "{tmp}/o"],
    ["{corpus}"],  # neither --out nor --db
    ["{corpus}", "--out", "{tmp}/o", "--scheduler", "tcp://127.0.0.1:1"],  # needs --engine dask
    ["{corpus}", "--out", "{tmp}/o", "--workers", "0"],
])
def test_usage_errors_exit_2(args, corpus, tmp_path, capsys):
    args = [a.format(tmp=tmp_path, corpus=corpus[0]) for a in args]
    assert main(["batch", *args]) == 2
    assert "error: batch:" in capsys.readouterr().err


def test_resuming_with_other_inputs_is_refused(corpus, reference, tmp_path):
    with pytest.raises(BatchUsageError, match="different inputs"):
        run_batch([str(corpus[0]), str(corpus[0])], reference, workers=1)


@pytest.mark.slow
def test_cli_exit_codes(tmp_path):
    (tmp_path / "good").mkdir()
    (tmp_path / "good" / "a.txt").write_text(article(1), encoding="utf-8")
    ok = run_cli(str(tmp_path / "good"), "--out", str(tmp_path / "o1"), "--workers", "1")
    assert ok.returncode == 0, ok.stderr
    (tmp_path / "good" / "z.txt").write_bytes(b"")  # sorts last: the finished run is extended
    bad = run_cli(str(tmp_path / "good"), "--out", str(tmp_path / "o1"), "--workers", "1")
    assert bad.returncode == 1
    assert "already done         1" in bad.stderr and "errors.jsonl" in bad.stderr
    assert lines(tmp_path / "o1" / "errors.jsonl")[0]["input"].endswith("z.txt")


def test_wire_copies_differ_in_text_but_not_in_body():
    texts = wire_copies(3)
    assert len(set(texts)) == 3


def test_db_gets_cluster_heads_and_a_rerun_adds_nothing(corpus, reference, tmp_path):
    store_module = pytest.importorskip("extractor.store")
    url = f"sqlite:///{tmp_path / 'kb.db'}"
    summary = run_batch([str(corpus[0])], tmp_path / "out", db=url, workers=1, batch_size=8)
    assert summary.totals["processed"] == 36 and summary.already_stored == 0
    assert_same_output(tmp_path / "out", reference, manifest=False)  # --db changes only the config
    records = lines(reference / "records.jsonl")
    store = store_module.open_store(url)
    try:
        assert store.stats()["documents"] == 36
        for record in records:
            assert store.has_document(record["doc_id"]) == ("duplicate_of" not in record)
    finally:
        store.close()
    # The store alone (no --out): its journal lives in --state; everything is stored already.
    again = run_batch([str(corpus[0])], db=url, state=str(tmp_path / "state"), workers=1)
    assert again.already_stored == 36 and again.totals["processed"] == 36
    assert not (tmp_path / "state" / "records.jsonl").exists()
