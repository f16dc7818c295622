"""The run directory: append-only output files plus a SQLite journal saying how much of them counts.

Crash safety rests on one rule: output lines are written and fsync'd first, then one SQLite
transaction (WAL, synchronous=FULL) records how many inputs are done and the byte length of each
output file. On restart every file is truncated back to its committed length, so lines written
after the last commit (a kill -9 between the two steps) are dropped and redone, never doubled.
Because results are committed in input order, "done" is always a prefix of the input stream.
"""
from __future__ import annotations

import fcntl
import json
import os
import sqlite3
from pathlib import Path

from .errors import BatchUsageError

FILES = {"records": "records.jsonl", "errors": "errors.jsonl", "duplicates": "duplicates.jsonl"}
JOURNAL = "journal.sqlite"
COUNTS = ("processed", "near_duplicates", "exact_duplicates", "failed", "store_failed")


# A journal written before runs recorded their models: they are unknown.
_UNKNOWN_MODELS = {"from_input": 0, "extractor_version": None, "models_hash": None}


def _fresh_state(config: dict, models: dict) -> dict:
    return {"config": config, "next_seq": 0, "digest": "", "offsets": {name: 0 for name in FILES},
            "counts": dict.fromkeys(COUNTS, 0), "models": [{"from_input": 0, **models}]}


def describe(models: dict) -> str:
    """What follows "models" in messages: the hash's first 12 digits and the extractor version."""
    if models["models_hash"] is None:
        return "of unknown hash (an older journal)"
    return f"{models['models_hash'][:12]} (extractor {models['extractor_version']})"


class Journal:
    """Owns the run directory for one run at a time (an flock), its files and its SQLite state."""

    def __init__(self, directory: Path, config: dict, write_records: bool = True, *,
                 models: dict, allow_mixed_models: bool = False, languages: frozenset[str] = frozenset()):
        directory.mkdir(parents=True, exist_ok=True)
        self.directory = directory
        self._lock = self._take_lock(directory)
        self.conn = sqlite3.connect(directory / JOURNAL, isolation_level=None)  # we BEGIN ourselves
        self.conn.execute("PRAGMA journal_mode=WAL")
        self.conn.execute("PRAGMA synchronous=FULL")
        self.conn.execute("CREATE TABLE IF NOT EXISTS state (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT)")
        self.conn.execute("CREATE TABLE IF NOT EXISTS docs (doc_id TEXT PRIMARY KEY)")
        self.allow_mixed_models = allow_mixed_models
        # The hashes of the other language packs of these models: an English record is not
        # "other models" in a run whose models are Hindi's.
        self.languages = frozenset(languages) - {models["models_hash"]}
        self.state = self._load(config, models)
        names = FILES if write_records else {k: v for k, v in FILES.items() if k != "records"}
        self.paths = {name: directory / filename for name, filename in names.items()}
        self.files = {name: self._open_at(path, self.state["offsets"][name])
                      for name, path in self.paths.items()}
        self.conn.execute("BEGIN IMMEDIATE")

    @staticmethod
    def _take_lock(directory: Path):
        handle = open(directory / ".lock", "w")
        try:
            fcntl.flock(handle, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            handle.close()
            raise BatchUsageError(f"{directory} is in use by another batch run",
                                  "Wait for it to finish, or give another --out directory.")
        return handle

    def _load(self, config: dict, models: dict) -> dict:
        row = self.conn.execute("SELECT json FROM state WHERE id = 1").fetchone()
        if row is None:
            leftovers = [p.name for p in map(self.directory.joinpath, FILES.values())
                         if p.exists() and p.stat().st_size]
            if leftovers:
                raise BatchUsageError(f"{self.directory} holds {', '.join(leftovers)} but no batch journal",
                                      "Give an empty or new --out directory; nothing was overwritten.")
            state = _fresh_state(config, models)
            self.conn.execute("INSERT INTO state VALUES (1, ?)", (json.dumps(state),))
            return state
        state = json.loads(row[0])
        changed = sorted(k for k in set(config) | set(state["config"]) if config.get(k) != state["config"].get(k))
        if changed:
            raise BatchUsageError(
                f"{self.directory} holds a run with different {', '.join(changed)}",
                "Rerun with the same inputs and options to resume it, or give a new --out directory.")
        state.setdefault("models", [dict(_UNKNOWN_MODELS)])
        started = state["models"][-1]
        if started["models_hash"] != models["models_hash"] and not self.allow_mixed_models:
            raise BatchUsageError(
                f"{self.directory} holds a run made with models {describe(started)}, but the "
                f"models now are {describe(models)}",
                "Resuming would mix records of two models: give a new --out directory to start "
                "over, or rerun with --allow-mixed-models to go on anyway.")
        return state

    def note_models(self, seq: int, key: str, models: dict) -> None:
        """Input `seq` (named `key`) was extracted with `models`. The first input with other
        models than the ones before opens a new entry of state["models"] (which the manifest
        lists); other models hashes are refused unless allow_mixed_models."""
        last = self.state["models"][-1]
        if all(last[k] == v for k, v in models.items()):
            return
        if models["models_hash"] in self.languages and models.get("extractor_version") == last["extractor_version"]:
            return
        if last["models_hash"] != models["models_hash"] and not self.allow_mixed_models:
            raise BatchUsageError(
                f"input {key} was extracted with models {describe(models)}, but this run's "
                f"records come from models {describe(last)}",
                "Give every worker the models the driver has (the same package and "
                "EXTRACTOR_MODELS), or rerun with --allow-mixed-models to mix them.")
        if last["from_input"] == seq:  # the models the run started with made no record
            self.state["models"].pop()
        self.state["models"].append({"from_input": seq, **models})

    @staticmethod
    def _open_at(path: Path, offset: int):
        """Open for appending after dropping whatever was written past the committed length."""
        with open(path, "ab") as handle:
            if handle.seek(0, os.SEEK_END) > offset:
                handle.truncate(offset)
        return open(path, "ab")

    def write(self, name: str, line: str) -> None:
        if name in self.files:
            self.files[name].write(line.encode("utf-8") + b"\n")

    def commit(self, next_seq: int, digest: str, counts: dict) -> None:
        """Make everything written so far durable, then say so in one transaction."""
        for handle in self.files.values():
            handle.flush()
            os.fsync(handle.fileno())
        offsets = {name: os.fstat(handle.fileno()).st_size for name, handle in self.files.items()}
        self.state.update(next_seq=next_seq, digest=digest, counts=dict(counts),
                          offsets={**self.state["offsets"], **offsets})
        self.conn.execute("UPDATE state SET json = ? WHERE id = 1", (json.dumps(self.state),))
        self.conn.execute("COMMIT")
        self.conn.execute("BEGIN IMMEDIATE")

    def seen(self, doc_id: str) -> bool:
        return self.conn.execute("SELECT 1 FROM docs WHERE doc_id = ?", (doc_id,)).fetchone() is not None

    def add_doc(self, doc_id: str) -> None:
        self.conn.execute("INSERT INTO docs VALUES (?)", (doc_id,))

    def write_manifest(self, manifest: dict) -> Path:
        path = self.directory / "manifest.json"
        tmp = path.with_suffix(".json.tmp")
        tmp.write_text(json.dumps(manifest, ensure_ascii=False, indent=2) + "\n", encoding="utf-8")
        os.replace(tmp, path)  # readers see the old manifest or the new one, never half of one
        return path

    def close(self) -> None:
        """Drop the uncommitted tail (it is redone on resume) and release the directory."""
        if self.conn.in_transaction:
            self.conn.execute("ROLLBACK")
        self.conn.close()
        for name, handle in self.files.items():
            handle.truncate(self.state["offsets"][name])  # leave only committed lines behind
            handle.close()
        self._lock.close()
