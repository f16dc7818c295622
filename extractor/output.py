"""Write records as JSONL (tools), pretty JSON, or a table for people."""
from __future__ import annotations

import json
from typing import TextIO

from .kinds import KINDS


def write_record(record: dict, fmt: str, stream: TextIO) -> None:
    """One record on its own: a JSONL line, a pretty JSON object, or a table block."""
    if fmt == "jsonl":
        stream.write(json.dumps(record, ensure_ascii=False) + "\n")
    elif fmt == "json":
        stream.write(json.dumps(record, ensure_ascii=False, indent=2) + "\n")
    else:
        stream.write(format_table(record))


class RecordWriter:
    """Many records to one stream; `json` writes one pretty array so the whole output parses.

    Records are written as they come (a long batch shows progress and holds no list).
    """

    def __init__(self, fmt: str, stream: TextIO):
        self.fmt, self.stream, self.count = fmt, stream, 0

    def write(self, record: dict) -> None:
        if self.fmt == "json":
            body = json.dumps(record, ensure_ascii=False, indent=2)
            self.stream.write(("[\n" if not self.count else ",\n") + _indent(body))
        else:
            write_record(record, self.fmt, self.stream)
        self.stream.flush()
        self.count += 1

    def close(self) -> None:
        if self.fmt == "json":
            self.stream.write("\n]\n" if self.count else "[]\n")
            self.stream.flush()


def _indent(text: str) -> str:
    return "\n".join("  " + line for line in text.split("\n"))


def format_table(record: dict) -> str:
    source = record["source"].get("path") or record["source"].get("url") or record["doc_id"]
    lines = [f"== {source}", f"   title: {record.get('title') or '-'}   language: {record['language']}"
             f"   published: {record.get('published') or '-'}   doc_id: {record['doc_id']}"]
    for kind in KINDS:
        items = record.get(kind.key) or []
        lines.append(f"   {kind.key} ({len(items)})")
        lines += [f"     {it['span'][0]:>6}-{it['span'][1]:<6} {kind.show(it)}" for it in items]
    return "\n".join(lines) + "\n\n"
