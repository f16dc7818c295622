"""Batch inputs as a lazy, deterministic stream of small serialisable tasks (no document read yet).

The driver only enumerates: a task names one document (a file path, a URL, or one line of a
JSONL dump) and carries at most that line's text. Reading, fetching and cleaning happen in the
workers, so a resumed run skips finished documents without reading or downloading them again.
The order is the order `extract` uses (folders sorted by path), and it is the output order.
"""
from __future__ import annotations

import os
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from ..acquire.fetch import fetch_url
from ..acquire.sources import DUMP_SUFFIXES, SUFFIXES, _from_dump_line, read_file
from ..document import RawDocument
from ..errors import InputError
from ..settings import get_settings

URL_LIST_SUFFIXES = {".urls"}  # one http(s) URL per line; blank lines and "# ..." ignored
BATCH_SUFFIXES = SUFFIXES | URL_LIST_SUFFIXES


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


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def check_inputs(values: list[str]) -> list[str]:
    """Return the problems with the command-line inputs (a typo should not start a long run)."""
    return [f"{v}: no such file or directory" for v in values if not is_url(v) and not Path(v).exists()]


def _walk(folder: Path) -> Iterator[Path]:
    """Files under `folder` in sorted-path order, one directory listing in memory at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        # Like Path.rglob: do not descend into symlinked folders (loops), but take linked files.
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(folder / entry.name)
        elif entry.is_file() and Path(entry.name).suffix.lower() in BATCH_SUFFIXES:
            yield folder / entry.name


def _dump_lines(path: Path) -> Iterator[tuple[str, str | InputError]]:
    """(key, line or the error for that line) per non-blank line; key is `path:lineno`, as
    `extract` names dump lines. A line is capped like a file, and a bad line never ends the dump."""
    limit = get_settings().max_input_bytes
    with path.open("rb") as stream:
        lineno = 0
        while raw := stream.readline(limit + 1):
            lineno += 1
            key = f"{path}:{lineno}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line, unread
                    raw = stream.readline(1 << 20)
                yield key, InputError(key, "read", f"line is over the {limit:,}-byte limit",
                                      "Split the document, or raise EXTRACTOR_MAX_INPUT_BYTES.")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield key, InputError(key, "read", f"line is not valid UTF-8 (byte {exc.start})",
                                      "Re-save the dump as UTF-8.")
                continue
            if line.strip():
                yield key, line


def _url_lines(path: Path) -> Iterator[str]:
    with path.open(encoding="utf-8", errors="replace") as stream:
        for line in stream:
            line = line.strip()
            if line and not line.startswith("#"):
                yield line


def _expand(value: str) -> Iterator[tuple[str, str, object]]:
    """(key, kind, payload) for every document one command-line input stands for."""
    if is_url(value):
        yield value, "url", None
        return
    path = Path(value)
    found = False
    for file in _walk(path) if path.is_dir() else [path]:
        found = True
        suffix = file.suffix.lower()
        if suffix in DUMP_SUFFIXES:
            for key, line in _dump_lines(file):
                if isinstance(line, InputError):
                    yield key, "failed", line.as_dict()
                else:
                    yield key, "line", line
        elif suffix in URL_LIST_SUFFIXES:
            for url in _url_lines(file):
                yield url, "url", None
        else:
            yield str(file), "file", None
    if not found:
        yield value, "failed", InputError(value, "read", "the folder holds no .txt, .html, .jsonl or .urls files",
                                          "Check the folder, or give the files themselves.").as_dict()


def iter_tasks(values: list[str]) -> Iterator[Task]:
    """Every input document as a Task, lazily, numbered in output order."""
    seq = 0
    for value in values:
        for key, kind, payload in _expand(value):
            yield Task(seq, key, kind, payload)
            seq += 1


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
    try:
        if task.kind == "raw":
            return task.payload
        if task.kind == "failed":
            error = task.payload
            return InputError(error["source"], error["stage"], error["error"], error["hint"])
        if task.kind == "url":
            return fetch_url(task.key)
        if task.kind == "line":
            return _from_dump_line(task.payload, task.key)
        return read_file(Path(task.key))
    except InputError as exc:
        return exc
    except OSError as exc:
        return InputError(task.key, "read", f"could not read the file ({exc.strerror or exc})",
                          "Check that the file exists and is readable.")


def localise(task: Task) -> Task:
    """Read a local file in the driver, so cluster workers need no shared filesystem."""
    if task.kind != "file":
        return task
    item = load(task)
    if isinstance(item, InputError):
        return Task(task.seq, task.key, "failed", item.as_dict())
    return Task(task.seq, task.key, "raw", item)
