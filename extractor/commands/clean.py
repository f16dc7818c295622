"""`clean INPUT...`: print the cleaned text (or JSON with metadata) of each input."""
from __future__ import annotations

import json

from ..errors import InputError
from . import report, warn


def register(sub) -> None:
    p = sub.add_parser("clean", help="print main text without boilerplate")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL", help='a file, folder, URL, dump, or "-" for stdin')
    p.add_argument("--format", choices=("text", "jsonl"), default="text")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..acquire.clean import clean
    from ..acquire.sources import iter_inputs

    failed = 0
    for item in iter_inputs(args.inputs):
        try:
            if isinstance(item, InputError):
                raise item
            doc = clean(item)
        except InputError as exc:
            report(exc)
            failed += 1
            continue
        warn(doc.warnings)
        if args.format == "jsonl":
            print(json.dumps({"doc_id": doc.doc_id, "source": doc.source, "language": doc.language,
                              "title": doc.title, "published": doc.published, "text": doc.text},
                             ensure_ascii=False))
        else:
            print(f"# {item.name}  [{doc.language}] {doc.title or ''}\n{doc.text}\n")
    return 1 if failed else 0
