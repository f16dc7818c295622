"""Turn command-line inputs (files, folders, URLs, .urls lists, JSONL dumps) into RawDocuments, lazily.

Two steps, so that a batch run can number millions of inputs, and pass over the ones a previous
run finished, without reading or downloading any of them: `expand` names every input document
(a file, a URL, or one line of a dump, whose text it carries) and `load` reads, downloads or
parses one. `iter_inputs` does both, in input order: folders sorted by path, dumps by line.
"""
from __future__ import annotations

import json
import os
import sys
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator, Union

from ..document import RawDocument
from ..errors import InputError
from ..settings import get_settings
from .decode import declared_charset, decode_with_warnings


def fetch_url(url: str) -> RawDocument:
    """acquire.fetch.fetch_url, imported (with httpx) when an input is a URL, not for files."""
    from .fetch import fetch_url as fetch

    return fetch(url)


TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
DUMP_SUFFIXES = {".jsonl", ".ndjson"}
URL_LIST_SUFFIXES = {".urls"}  # one http(s) URL per line; blank lines and "# ..." ignored
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DUMP_SUFFIXES | URL_LIST_SUFFIXES
META_FIELDS = ("id", "path", "title", "published", "publisher")

STDIN = "<stdin>"  # how the document read from "-" is named
Item = Union[RawDocument, InputError]  # a failed input is yielded, never raised: the batch goes on


@dataclass(frozen=True)
class Input:
    """One input document, named but not read yet."""

    key: str  # how errors, logs and the batch journal name it: a path, a URL or `dump:line`
    kind: str  # "file" | "url" | "stdin" | "line" (`line`: the dump line's text) | "failed" (`error`: why not)
    line: str | None = None
    error: InputError | None = None


def _failed(key: str, problem: str, hint: str) -> Input:
    return Input(key, "failed", error=InputError(key, "read", problem, hint))


def is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def _too_large(source: str, size: str, limit: int) -> InputError:
    return InputError(source, "read", f"file is {size} bytes, over the {limit:,}-byte limit",
                      "Split it into one file per article, or pass it as a JSONL dump; "
                      "EXTRACTOR_MAX_INPUT_BYTES raises the limit.")


def _read_capped(path: Path, limit: int) -> bytes:
    """The file's bytes; refused from its size before reading, and again while reading
    (a pipe or a growing file has no honest size)."""
    size = path.stat().st_size
    if size > limit:
        raise _too_large(str(path), f"{size:,}", limit)
    with path.open("rb") as stream:
        data = stream.read(limit + 1)
    if len(data) > limit:
        raise _too_large(str(path), f"more than {limit:,}", limit)
    return data


def read_file(path: Path) -> RawDocument:
    """One .txt or .html file; the suffix decides, or the content when the suffix says nothing."""
    try:
        data = _read_capped(path, get_settings().max_input_bytes)
    except OSError as exc:
        raise InputError(str(path), "read", f"could not read the file ({exc.strerror or exc})",
                         "Check that the file exists and is readable.") from None
    return from_bytes(data, str(path), path.suffix.lower(), path=str(path))


def read_stdin() -> RawDocument:
    """The document on standard input ("-"): text or HTML, told apart by its content."""
    limit = get_settings().max_input_bytes
    data = sys.stdin.buffer.read(limit + 1)
    if len(data) > limit:
        raise _too_large(STDIN, f"more than {limit:,}", limit)
    return from_bytes(data, STDIN, "")


def from_bytes(data: bytes, name: str, suffix: str, path: str | None = None) -> RawDocument:
    """Decoded text or HTML: a .txt/.html suffix decides, else the content does."""
    text, _, warnings = decode_with_warnings(data, name, declared_charset(data) if suffix not in TEXT_SUFFIXES else None)
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:15].lower()
                                          .startswith(("<!doctype html", "<html")))
    if is_html:
        return RawDocument(name=name, html=text, path=path, warnings=warnings)
    return RawDocument(name=name, text=text, path=path, warnings=warnings)


def _given_metadata(obj: dict, where: str) -> dict:
    meta = {k: obj[k] for k in META_FIELDS if obj.get(k) not in (None, "")}
    for key, value in meta.items():
        is_number_id = key == "id" and isinstance(value, int) and not isinstance(value, bool)
        if not (isinstance(value, str) or is_number_id):
            raise InputError(where, "read", f"`{key}` must be a string, not {type(value).__name__}",
                             f"Write {key} as a JSON string.")
    return meta


def _from_dump_line(line: str, where: str) -> RawDocument:
    """One JSONL object: a document given as url, html or text, with optional metadata."""
    try:
        obj = json.loads(line.rstrip("\r\n"))  # an unterminated string is not "a control character"
    except json.JSONDecodeError as exc:
        raise InputError(where, "read", f"not a JSON object ({exc.msg.removesuffix(' at')} at column {exc.colno})",
                         "Each line must be one JSON object.") from None
    if not isinstance(obj, dict) or not any(isinstance(obj.get(k), str) and obj[k].strip()
                                            for k in ("url", "html", "text")):
        raise InputError(where, "read", "the object has none of `url`, `html`, `text` as a non-empty string",
                         "Give each line one of url, html or text.")
    meta = _given_metadata(obj, where)
    given = meta.get("path") or meta.get("id")
    name = f"{where} ({given})" if given else where
    html = obj.get("html") if isinstance(obj.get("html"), str) and obj["html"].strip() else None
    text = obj.get("text") if isinstance(obj.get("text"), str) and obj["text"].strip() else None
    url = obj.get("url") if isinstance(obj.get("url"), str) else None
    if html is not None or text is not None:
        return RawDocument(name=name, html=html, text=None if html is not None else text, url=url,
                           path=meta.get("path"), meta=meta)
    raw = fetch_url(url)  # the user put this URL in the dump: they asked for it
    raw.name, raw.meta, raw.path = name, meta, meta.get("path")
    return raw


def _walk(folder: Path) -> Iterator[Path]:
    """Input files under `folder` in sorted-path order, one directory listing in memory at a time."""
    try:
        entries = sorted(os.scandir(folder), key=lambda e: e.name)
    except OSError:
        return
    for entry in entries:
        # Like Path.rglob: do not descend into symlinked folders (loops), but take linked files.
        if entry.is_dir(follow_symlinks=False):
            yield from _walk(folder / entry.name)
        elif entry.is_file() and Path(entry.name).suffix.lower() in SUFFIXES:
            yield folder / entry.name


def _dump_lines(path: Path) -> Iterator[Input]:
    """One Input per non-blank line, keyed `path:lineno`. A line is capped like a file, and a bad
    line never ends the dump."""
    limit = get_settings().max_input_bytes
    with path.open("rb") as stream:
        lineno = 0
        while raw := stream.readline(limit + 1):
            lineno += 1
            key = f"{path}:{lineno}"
            if len(raw) > limit and not raw.endswith(b"\n"):
                while raw and not raw.endswith(b"\n"):  # skip the rest of the line, unread
                    raw = stream.readline(1 << 20)
                yield _failed(key, f"line is over the {limit:,}-byte limit",
                              "Split the document, or raise EXTRACTOR_MAX_INPUT_BYTES.")
                continue
            try:
                line = raw.decode("utf-8")
            except UnicodeDecodeError as exc:
                yield _failed(key, f"line is not valid UTF-8 (byte {exc.start})", "Re-save the dump as UTF-8.")
                continue
            if line.strip():
                yield Input(key, "line", line=line)


def _url_lines(path: Path) -> Iterator[Input]:
    with path.open(encoding="utf-8", errors="replace") as stream:
        for line in stream:
            line = line.strip()
            if line and not line.startswith("#"):
                yield Input(line, "url")


def _file_inputs(path: Path) -> Iterator[Input]:
    """A dump stands for its lines and a .urls list for its URLs; any other file for itself."""
    suffix = path.suffix.lower()
    if suffix not in DUMP_SUFFIXES | URL_LIST_SUFFIXES:
        yield Input(str(path), "file")
        return
    try:
        yield from _dump_lines(path) if suffix in DUMP_SUFFIXES else _url_lines(path)
    except OSError as exc:
        yield _failed(str(path), f"could not read the file ({exc.strerror or exc})",
                      "Check that the file exists and is readable.")


def _expand(value: str) -> Iterator[Input]:
    if is_url(value):
        yield Input(value, "url")
        return
    if value == "-":
        yield Input(STDIN, "stdin")
        return
    path = Path(value)
    if not path.exists():
        yield _failed(str(path), "no such file or directory", "Check the path.")
    elif not path.is_dir():
        yield from _file_inputs(path)
    else:
        found = False
        for file in _walk(path):
            found = True
            yield from _file_inputs(file)
        if not found:
            yield _failed(value, "the folder holds no .txt, .html, .htm, .jsonl or .urls files",
                          "Check the folder, or give the files themselves.")


def expand(values: list[str]) -> Iterator[Input]:
    """Every input document the command-line inputs stand for, in output order, none read yet."""
    for value in values:
        yield from _expand(value)


def load(item: Input) -> Item:
    """The RawDocument an Input names, read, downloaded or parsed; or the InputError saying why not."""
    try:
        if item.kind == "failed":
            return item.error
        if item.kind == "url":
            return fetch_url(item.key)
        if item.kind == "line":
            return _from_dump_line(item.line, item.key)
        if item.kind == "stdin":
            return read_stdin()
        return read_file(Path(item.key))
    except InputError as exc:
        return exc


def iter_inputs(values: list[str]) -> Iterator[Item]:
    """Yield one RawDocument (or the InputError explaining why not) per input document."""
    for item in expand(values):
        yield load(item)
