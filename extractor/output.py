"""Write records as JSONL (tools), pretty JSON, or a table for people."""
from __future__ import annotations

import json
from typing import TextIO

_SHOW = {
    "places": lambda i: i["name"],
    "dates": lambda i: f"{i['text']} = {i['value']} ({i['role']})",
    "officials": lambda i: ", ".join(x for x in (i["name"], i.get("designation"), i.get("service"),
                                                   i.get("agency")) if x),
    "agencies": lambda i: i["name"] + (f" = {i['canonical']}" if i.get("canonical") else ""),
    "programmes": lambda i: f"{i['name']} ({i['kind']})",
    "decisions": lambda i: (f"[{i['by']}] " if i.get("by") else "") + i["text"],
    "action_points": lambda i: (f"[{i['owner']}] " if i.get("owner") else "") + i["text"]
    + (f" (by {i['deadline']})" if i.get("deadline") else ""),
}


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
    for kind, show in _SHOW.items():
        items = record.get(kind) or []
        lines.append(f"   {kind} ({len(items)})")
        lines += [f"     {it['span'][0]:>6}-{it['span'][1]:<6} {show(it)}" for it in items]
    return "\n".join(lines) + "\n\n"
