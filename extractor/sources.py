"""Turn command-line inputs (files, folders, URLs, JSONL dumps) into RawDocuments, lazily."""
from __future__ import annotations

import json
from pathlib import Path
from typing import Iterator, Union

from .decode import decode_bytes
from .document import RawDocument
from .errors import InputError
from .fetch import fetch_url
from .settings import get_settings

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
DUMP_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DUMP_SUFFIXES

Item = Union[RawDocument, InputError]  # a failed input is yielded, never raised: the batch goes on


def _is_url(value: str) -> bool:
    return value.lower().startswith(("http://", "https://"))


def read_file(path: Path) -> RawDocument:
    limit = get_settings().max_input_bytes
    size = path.stat().st_size
    if size > limit:
        raise InputError(str(path), "read", f"file is {size:,} bytes, over the {limit:,}-byte limit",
                         "Split it into one file per article, or pass it as a JSONL dump; "
                         "EXTRACTOR_MAX_INPUT_BYTES raises the limit.")
    text, _ = decode_bytes(path.read_bytes(), str(path))
    suffix = path.suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:15].lower()
                                          .startswith(("<!doctype html", "<html")))
    if is_html:
        return RawDocument(name=str(path), html=text, path=str(path))
    return RawDocument(name=str(path), text=text, path=str(path))


def _from_dump_line(line: str, where: str) -> RawDocument:
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, "read", f"not a JSON object ({exc.msg})", "Each line must be one JSON object.")
    if not isinstance(obj, dict) or not any(obj.get(k) for k in ("url", "html", "text")):
        raise InputError(where, "read", "the object has none of `url`, `html`, `text`",
                         "Give each line one of url, html or text.")
    meta = {k: obj[k] for k in ("id", "path", "title", "published", "publisher") if obj.get(k)}
    name = meta.get("path") or meta.get("id") or obj.get("url") or where
    if obj.get("html") or obj.get("text"):
        return RawDocument(name=name, html=obj.get("html"), text=obj.get("text"), url=obj.get("url"),
                           path=meta.get("path"), meta=meta)
    raw = fetch_url(obj["url"])
    raw.name, raw.meta, raw.path = name, meta, meta.get("path")
    return raw


def read_dump(path: Path) -> Iterator[Item]:
    with path.open(encoding="utf-8", errors="strict") as stream:
        lineno = 0
        while True:
            lineno += 1
            where = f"{path}:{lineno}"
            try:
                line = stream.readline()
            except UnicodeDecodeError:
                yield InputError(where, "read", "line is not valid UTF-8", "Re-save the dump as UTF-8.")
                return
            if not line:
                return
            if line.strip():
                try:
                    yield _from_dump_line(line, where)
                except InputError as exc:
                    yield exc


def _expand(value: str) -> Iterator[Path | str]:
    if _is_url(value):
        yield value
        return
    path = Path(value)
    if path.is_dir():
        yield from sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES)
    else:
        yield path


def iter_inputs(values: list[str]) -> Iterator[Item]:
    """Yield one RawDocument (or the InputError explaining why not) per input document."""
    for value in values:
        for item in _expand(value):
            try:
                if isinstance(item, str):
                    yield fetch_url(item)
                elif not item.exists():
                    yield InputError(str(item), "read", "no such file or directory", "Check the path.")
                elif item.suffix.lower() in DUMP_SUFFIXES:
                    yield from read_dump(item)
                else:
                    yield read_file(item)
            except InputError as exc:
                yield exc
