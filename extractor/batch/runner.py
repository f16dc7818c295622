"""`run_batch`: many inputs -> records.jsonl (and/or a knowledge store), resumable and de-duplicated.

The driver enumerates inputs lazily, hands chunks to an engine (inline, process pool, Dask),
and applies the results strictly in input order: exact and near-duplicate decisions, writing,
and committing to the journal. Doing the stateful part in one place and in one order is what
makes the output identical for any number of workers, any engine, and across a kill and resume.
"""
from __future__ import annotations

import hashlib
import json
import os
import shutil
import signal
import sys
import threading
import time
from contextlib import ExitStack, contextmanager
from itertools import islice
from pathlib import Path
from typing import Iterable, Iterator

from tqdm import tqdm

from ..provenance import current as current_models, current_hashes
from .dedup import NUM_PERM, SHINGLE_WORDS, NearDuplicateIndex
from .engines import run_chunks
from .errors import BatchUsageError
from .inputs import Task, check_inputs, count_tasks, iter_tasks
from .job import Options
from .journal import COUNTS, Journal
from .sink import open_sink
from .summary import Summary, file_info


def _chain(digest: str, key: str) -> str:
    """Running digest of the input keys done so far: detects inputs that changed before a resume."""
    return hashlib.sha256(f"{digest}\n{key}".encode("utf-8")).hexdigest()[:32]


def _chunked(tasks: Iterator[Task], size: int) -> Iterator[list[Task]]:
    while chunk := list(islice(tasks, size)):
        yield chunk


def _skip_done(tasks: Iterator[Task], state: dict) -> None:
    """Consume the inputs a previous run finished, checking they are still the same inputs."""
    digest = ""
    for task in islice(tasks, state["next_seq"]):
        digest = _chain(digest, task.key)
    if digest != state["digest"]:
        raise BatchUsageError("the inputs are not the ones the interrupted run started with "
                              "(files were added, removed or renamed before its resume point)",
                              "Give a new --out directory to start over.")


class _Applier:
    """Applies outcomes in input order: duplicate decisions, output lines, store ingestion."""

    def __init__(self, journal: Journal, index: NearDuplicateIndex, sink, store_near: bool = False):
        self.journal, self.index, self.sink, self.store_near = journal, index, sink, store_near
        self.next_seq, self.digest = journal.state["next_seq"], journal.state["digest"]
        self.totals = dict(journal.state["counts"])
        self.run = dict.fromkeys(COUNTS, 0)

    def _count(self, what: str) -> None:
        self.totals[what] += 1
        self.run[what] += 1

    def _fail(self, key: str, error: dict, what: str = "failed") -> None:
        self.journal.write("errors", json.dumps({"input": key, **error}, ensure_ascii=False))
        self._count(what)

    def apply(self, outcome: dict) -> None:
        if outcome["seq"] != self.next_seq:  # the engines' one promise; never write out of order
            raise RuntimeError(f"outcome {outcome['seq']} arrived while expecting {self.next_seq}")
        key = outcome["key"]
        self.next_seq, self.digest = self.next_seq + 1, _chain(self.digest, key)
        if "error" in outcome:
            return self._fail(key, outcome["error"])
        self.journal.note_models(outcome["seq"], key, outcome["models"])
        doc_id, line, sig = outcome["doc_id"], outcome["line"], outcome["sig"]
        if self.journal.seen(doc_id):  # same cleaned text as a document already written
            self.journal.write("duplicates", json.dumps(
                {"input": key, "doc_id": doc_id, "kind": "exact", "duplicate_of": doc_id}))
            return self._count("exact_duplicates")
        self.journal.add_doc(doc_id)
        near = self.index.match(sig) if sig else None
        if near:
            head, sim = near
            record = json.loads(line)
            record.update(duplicate_of=head, cluster=head, similarity=sim)
            line = json.dumps(record, ensure_ascii=False)
            self.journal.write("duplicates", json.dumps({"input": key, "doc_id": doc_id, "kind": "near",
                                                         "duplicate_of": head, "similarity": sim}))
            self._count("near_duplicates")
        else:
            if sig:
                self.index.add(doc_id, sig)
            self._count("processed")
        self.journal.write("records", line)
        # Store queries count mentions: a release printed by ten outlets is one decision, so
        # near-duplicates stay out of the store unless asked for (they are in records.jsonl).
        if self.sink is not None and (not near or self.store_near):
            problem = self.sink.ingest(line, key)
            if problem:  # extracted (it is in records.jsonl) but not stored
                self._fail(key, problem, "store_failed")

    def commit(self) -> None:
        self.journal.commit(self.next_seq, self.digest, self.totals)


def _config(inputs: list[str], out: str | None, db: str | None, threshold: float, store_near: bool) -> dict:
    # Only what changes the output: workers, engine and batch size may differ between resumes.
    # The database URL may hold a password: the journal keeps a hash of it.
    return {"inputs": list(inputs), "near_duplicate_threshold": threshold, "num_perm": NUM_PERM,
            "shingle_words": SHINGLE_WORDS, "records_file": out is not None,
            "db": hashlib.sha256(db.encode()).hexdigest()[:16] if db else None,
            "store_near_duplicates": bool(db and store_near)}


def _directory(inputs: list[str], out: str | None, db: str | None, state: str | None) -> Path:
    if out:
        return Path(out)
    if state:
        return Path(state)
    tag = hashlib.sha256(json.dumps([db, list(inputs)]).encode()).hexdigest()[:12]
    return Path(".extractor-batch") / tag  # --db alone: the journal still needs a home


def _validate(inputs, out, db, workers, engine, scheduler, batch_size, threshold) -> None:
    problems = check_inputs(list(inputs))
    if not inputs:
        problems.append("no inputs given")
    if not out and not db:
        problems.append("say where results go: --out DIR and/or --db URL")
    if engine not in ("local", "dask"):
        problems.append(f"unknown engine {engine!r} (local or dask)")
    if scheduler and engine != "dask":
        problems.append("--scheduler needs --engine dask")
    if workers < 1 or batch_size < 1:
        problems.append("--workers and --batch-size must be at least 1")
    if not 0 < threshold <= 1:
        problems.append("the near-duplicate threshold must be in (0, 1]")
    if problems:
        raise BatchUsageError("; ".join(problems), "See `python -m extractor batch --help`.")


def run_batch(inputs: Iterable[str], out: str | os.PathLike | None = None, *, db: str | None = None,
              workers: int | None = None, engine: str = "local", scheduler: str | None = None,
              batch_size: int = 32, threshold: float = 0.8, progress: bool | None = None,
              state: str | None = None, commit_every: float = 1.0,
              store_near_duplicates: bool = False, allow_mixed_models: bool = False,
              language: str | None = None) -> Summary:
    """Process every input document once; rerunning the same call resumes where it stopped.

    A run records the extractor version and models hash its records were made with (journal and
    manifest); resuming it with other models, which would mix two models in one output, is
    refused unless `allow_mixed_models`."""
    inputs, out = list(inputs), (str(out) if out is not None else None)
    workers = (os.cpu_count() or 1) if workers is None else workers
    _validate(inputs, out, db, workers, engine, scheduler, batch_size, threshold)
    started = time.monotonic()
    config = _config(inputs, out, db, threshold, store_near_duplicates)
    with ExitStack() as stack:
        journal = Journal(_directory(inputs, out, db, state), config, write_records=out is not None,
                          models=current_models(), allow_mixed_models=allow_mixed_models,
                          languages=current_hashes())
        stack.callback(journal.close)
        sink = open_sink(db)
        if sink is not None:
            stack.callback(sink.close)
        (journal.directory / "manifest.json").unlink(missing_ok=True)  # only a finished run has one
        applier = _Applier(journal, NearDuplicateIndex(journal.conn, threshold), sink, store_near_duplicates)
        already, total = journal.state["next_seq"], count_tasks(inputs)
        tasks = iter_tasks(inputs)
        _skip_done(tasks, journal.state)
        with _progress_bar(None if total is None else max(0, total - already), progress) as bar:
            options = Options(batch_size=batch_size, language=language)
            _drive(applier, run_chunks(_chunked(tasks, batch_size), options, engine, workers, scheduler),
                   bar, commit_every)
        applier.commit()
        summary = Summary(directory=str(journal.directory), already_done=already, run=applier.run,
                          totals=applier.totals, elapsed=time.monotonic() - started,
                          files={name: file_info(path) for name, path in journal.paths.items()},
                          already_stored=sink.already_stored if sink else 0, models=journal.state["models"])
        journal.write_manifest(summary.manifest(config))
        return summary


def _progress_bar(total: int | None, show: bool | None) -> tqdm:
    """Documents/s and, when the total is known, an ETA; shown on a terminal unless told."""
    # Some ptys (CI, `script`) report a 0 x 0 terminal, on which tqdm draws nothing at all.
    size = shutil.get_terminal_size((100, 24))
    return tqdm(total=total, unit="doc", smoothing=0.05, ncols=size.columns, nrows=size.lines, file=sys.stderr,
                disable=not (sys.stderr.isatty() if show is None else show))


@contextmanager
def _stop_requests():
    """First Ctrl-C: finish the documents in hand, commit, stop; a second one stops at once."""
    asked = []
    if threading.current_thread() is not threading.main_thread():
        yield asked
        return

    def on_interrupt(signum, frame):
        if asked:
            raise KeyboardInterrupt
        asked.append(signum)
        print("\nstopping after the documents in hand (Ctrl-C again to stop now)", file=sys.stderr)

    previous = signal.signal(signal.SIGINT, on_interrupt)
    try:
        yield asked
    finally:
        signal.signal(signal.SIGINT, previous)


def _drive(applier: _Applier, results: Iterator[list[dict]], bar, commit_every: float) -> None:
    last = time.monotonic()
    with _stop_requests() as stop:
        for outcomes in results:
            for outcome in outcomes:
                applier.apply(outcome)
            bar.update(len(outcomes))
            if applier.run["near_duplicates"] or applier.run["failed"] or applier.run["exact_duplicates"]:
                bar.set_postfix(dup=applier.run["near_duplicates"] + applier.run["exact_duplicates"],
                                failed=applier.run["failed"], refresh=False)
            if stop or time.monotonic() - last >= commit_every:
                applier.commit()
                last = time.monotonic()
            if stop:
                raise KeyboardInterrupt
