"""`export --format csv|jsonl|parquet --out DIR [--db URL]`: one file per table and record kind."""
from __future__ import annotations

import sys

from . import CREATE_HELP, open_store_or_report

# extractor.store.export.FORMATS, named here so that building the parser loads no pandas or
# SQLAlchemy (tests/test_lazy_imports.py checks that the two agree).
FORMATS = ("csv", "jsonl", "parquet")


def register(sub) -> None:
    p = sub.add_parser("export", help="write the knowledge store as CSV, JSON Lines or Parquet files")
    p.add_argument("--format", choices=tuple(FORMATS), required=True)
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if missing)")
    p.add_argument("--db", metavar="URL", help="database URL (default: EXTRACTOR_DB, else sqlite:///extractor.db)")
    p.add_argument("--create", action="store_true", help=CREATE_HELP)
    p.set_defaults(func=run)


def run(args) -> int:
    store = open_store_or_report(args.db, create=args.create)
    if store is None:
        return 2
    with store:
        written = store.export(args.out, args.format)
    for name, (path, rows) in written.items():
        print(f"{rows:>9} rows  {path}", file=sys.stderr)
    return 0
