"""Batch inputs as a lazy, deterministic stream of small serialisable tasks (no document read yet).

The driver only enumerates (`acquire.sources.expand`): a task names one document (a file path,
a URL, or one line of a JSONL dump) and carries at most that line's text. Reading, fetching and
cleaning happen in the workers, so a resumed run skips finished documents without reading or
downloading them again. The order is the order `extract` uses (folders sorted by path), and it
is the output order.
"""
from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..acquire import sources
from ..document import RawDocument
from ..errors import InputError


@dataclass(frozen=True)
class Task:
    """One input document: `key` names it in logs and in the journal; `seq` is its output order."""

    seq: int
    key: str
    # "file" | "url" | "line" (payload: the dump line) | "raw" (payload: a RawDocument already
    # read) | "failed" (payload: InputError.as_dict(); exceptions with custom __init__ do not
    # survive pickling on their way to a worker, dicts do)
    kind: str
    payload: object = None


def check_inputs(values: list[str]) -> list[str]:
    """Return the problems with the command-line inputs (a typo should not start a long run)."""
    return [f"{v}: no such file or directory" for v in values if not sources.is_url(v) and not Path(v).exists()]


def iter_tasks(values: list[str]) -> Iterator[Task]:
    """Every input document as a Task, lazily, numbered in output order."""
    for seq, item in enumerate(sources.expand(values)):
        payload = item.error.as_dict() if item.kind == "failed" else item.line
        yield Task(seq, item.key, item.kind, payload)


def count_tasks(values: list[str], budget: float = 2.0) -> int | None:
    """How many documents there are, or None when counting would take longer than `budget` s."""
    deadline = time.monotonic() + budget
    count = 0
    for count, _ in enumerate(iter_tasks(values), start=1):
        if count % 1000 == 0 and time.monotonic() > deadline:
            return None
    return count


def load(task: Task) -> RawDocument | InputError:
    """Read, download or parse the document a task names (runs in a worker)."""
    if task.kind == "raw":
        return task.payload
    if task.kind == "failed":
        error = task.payload
        return InputError(error["source"], error["stage"], error["error"], error["hint"])
    return sources.load(sources.Input(task.key, task.kind, line=task.payload))


def localise(task: Task) -> Task:
    """Read a local file in the driver, so cluster workers need no shared filesystem."""
    if task.kind != "file":
        return task
    item = load(task)
    if isinstance(item, InputError):
        return Task(task.seq, task.key, "failed", item.as_dict())
    return Task(task.seq, task.key, "raw", item)
