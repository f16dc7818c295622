"""Where a POST /extract (or /documents) is extracted: small documents in this process, one at a
time through its pipeline; large ones in a child process of their own, one at a time, within a
time budget. A large document therefore never holds up the small ones behind it (issue 18: a
2.3 MB request kept a tiny one waiting 66 s), and one that runs too long is stopped (503)."""
from __future__ import annotations

import logging
import multiprocessing
import threading
from multiprocessing.connection import Connection

from extractor.document import RawDocument
from extractor.errors import InputError

from .errors import ApiError

log = logging.getLogger(__name__)
# One document at a time through this process's spaCy pipeline: it is not documented as
# thread-safe, and with few cores parallel extraction would only add contention.
_PIPELINE = threading.Lock()


def size_of(raw: RawDocument) -> int:
    """Characters the pipeline will read (HTML counts whole: cleaning it is work too)."""
    return len(raw.html or "") + len(raw.text or "")


def extract_here(raw: RawDocument, language: str | None = None) -> dict:
    from extractor.extract import extract_documents  # spaCy loads on first use, not at import

    with _PIPELINE:
        result = next(extract_documents([raw], language=language))
    if isinstance(result, InputError):
        raise result
    return result


def _child(conn: Connection) -> None:
    """The large-document process: extract what arrives until the parent goes away."""
    from extractor.extract import extract_documents

    while True:
        try:
            raw, language = conn.recv()
        except (EOFError, OSError):  # the server closed the pipe or died
            return
        try:
            result = next(extract_documents([raw], language=language))
            reply = ("error", result) if isinstance(result, InputError) else ("record", result)
        except Exception as exc:  # noqa: BLE001 - reported to the request, the process lives on
            reply = ("crash", repr(exc))
        try:
            conn.send(reply)
        except OSError:  # the server went away (or gave up on this one and will restart us)
            return


class LargeLane:
    """One child process, started on first use, restarted after a timeout or a crash."""

    def __init__(self, timeout: float):
        self.timeout = timeout
        self._busy = threading.Lock()
        self._proc: multiprocessing.process.BaseProcess | None = None
        self._conn: Connection | None = None

    def extract(self, raw: RawDocument, size: int, language: str | None = None) -> dict:
        if not self._busy.acquire(blocking=False):
            raise ApiError(503, f"a large document is being extracted already and this one has {size:,} "
                                "characters; retry in a minute (Retry-After), or extract large files "
                                "with `extractor batch`", headers={"Retry-After": "60"})
        try:
            return self._run(raw, size, language)
        finally:
            self._busy.release()

    def _run(self, raw: RawDocument, size: int, language: str | None) -> dict:
        if self._proc is None or not self._proc.is_alive():
            self._start()
        self._conn.send((raw, language))
        if not self._conn.poll(self.timeout):
            log.warning("large document of %d characters: over %.0f s, extraction stopped", size, self.timeout)
            self.close()
            raise ApiError(503, f"the document ({size:,} characters) took longer than "
                                f"{self.timeout:g} s to extract and was stopped; split it, extract it with "
                                "`extractor batch`, or raise EXTRACTOR_API_LARGE_TIMEOUT",
                           headers={"Retry-After": "60"})
        try:
            kind, value = self._conn.recv()
        except (EOFError, OSError):
            self.close()
            raise ApiError(503, "the extraction process for large documents stopped (out of memory?); "
                                "split the document or extract it with `extractor batch`") from None
        if kind == "error":
            raise value
        if kind == "crash":
            raise RuntimeError(f"large-document extraction failed: {value}")
        return value

    def _start(self) -> None:
        # spawn: a fork of a threaded server could copy a held lock into the child.
        context = multiprocessing.get_context("spawn")
        self._conn, child_end = context.Pipe()
        self._proc = context.Process(target=_child, args=(child_end,), daemon=True,
                                     name="extractor-large-document")
        self._proc.start()
        child_end.close()

    def close(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            self._proc.kill()
            self._proc.join(5)
        if self._conn is not None:
            self._conn.close()
        self._proc = self._conn = None


class Lanes:
    """Chooses the lane by size: at most `large_chars` characters run here."""

    def __init__(self, large_chars: int, timeout: float):
        self.large_chars = large_chars
        self.large = LargeLane(timeout)

    def extract(self, raw: RawDocument, language: str | None = None) -> dict:
        """The record of `raw`, read as `language` when given (else as detected)."""
        size = size_of(raw)
        if size > self.large_chars:
            return self.large.extract(raw, size, language)
        return extract_here(raw, language)

    def close(self) -> None:
        self.large.close()
