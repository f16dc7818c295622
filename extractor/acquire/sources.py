"""Turn command-line inputs (files, folders, URLs, JSONL dumps) into RawDocuments, lazily."""
from __future__ import annotations

import json
from pathlib import Path
from typing import BinaryIO, Iterator, Union

from ..document import RawDocument
from ..errors import InputError
from ..settings import get_settings
from .decode import decode_bytes
from .fetch import fetch_url

TEXT_SUFFIXES = {".txt"}
HTML_SUFFIXES = {".html", ".htm"}
DUMP_SUFFIXES = {".jsonl", ".ndjson"}
SUFFIXES = TEXT_SUFFIXES | HTML_SUFFIXES | DUMP_SUFFIXES
META_FIELDS = ("id", "path", "title", "published", "publisher")

Item = Union[RawDocument, InputError]  # a failed input is yielded, never raised: the batch goes on


def _is_url(value: str) -> bool:
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
    text, _ = decode_bytes(data, str(path))
    suffix = path.suffix.lower()
    is_html = suffix in HTML_SUFFIXES or (suffix not in TEXT_SUFFIXES and text.lstrip()[:15].lower()
                                          .startswith(("<!doctype html", "<html")))
    if is_html:
        return RawDocument(name=str(path), html=text, path=str(path))
    return RawDocument(name=str(path), text=text, path=str(path))


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
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        raise InputError(where, "read", f"not a JSON object ({exc.msg} at column {exc.colno})",
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


def _dump_lines(stream: BinaryIO, path: Path, limit: int) -> Iterator[tuple[str, str | InputError]]:
    """(where, line text or the error for that line); a bad line never ends the dump."""
    lineno = 0
    while True:
        raw = stream.readline(limit + 1)
        if not raw:
            return
        lineno += 1
        where = f"{path}:{lineno}"
        if len(raw) > limit and not raw.endswith(b"\n"):
            while raw and not raw.endswith(b"\n"):  # skip the rest of this line, unread
                raw = stream.readline(1 << 20)
            yield where, _too_large(where, f"more than {limit:,}", limit)
            continue
        try:
            yield where, raw.decode("utf-8")
        except UnicodeDecodeError as exc:
            yield where, InputError(where, "read", f"line is not valid UTF-8 (byte {exc.start})",
                                    "Re-save the dump as UTF-8.")


def read_dump(path: Path) -> Iterator[Item]:
    """One item per non-blank line of a JSONL dump (each line is capped like a file)."""
    with path.open("rb") as stream:
        for where, line in _dump_lines(stream, path, get_settings().max_input_bytes):
            if isinstance(line, InputError):
                yield line
            elif line.strip():
                try:
                    yield _from_dump_line(line, where)
                except InputError as exc:
                    yield exc


def _expand(value: str) -> Iterator[Path | str | InputError]:
    if _is_url(value):
        yield value
        return
    path = Path(value)
    if not path.is_dir():
        yield path
        return
    found = False
    for file in sorted(p for p in path.rglob("*") if p.is_file() and p.suffix.lower() in SUFFIXES):
        found = True
        yield file
    if not found:
        yield InputError(value, "read", "the folder holds no .txt, .html, .htm or .jsonl files",
                         "Check the folder, or give the files themselves.")


def _load(item: Path | str) -> Iterator[Item]:
    if isinstance(item, str):
        yield fetch_url(item)
    elif not item.exists():
        yield InputError(str(item), "read", "no such file or directory", "Check the path.")
    elif item.suffix.lower() in DUMP_SUFFIXES:
        yield from read_dump(item)
    else:
        yield read_file(item)


def iter_inputs(values: list[str]) -> Iterator[Item]:
    """Yield one RawDocument (or the InputError explaining why not) per input document."""
    for value in values:
        for item in _expand(value):
            if isinstance(item, InputError):
                yield item
                continue
            try:
                yield from _load(item)
            except InputError as exc:
                yield exc
            except OSError as exc:
                yield InputError(str(item), "read", f"could not read ({exc.strerror or exc})",
                                 "Check that the file exists and is readable.")
