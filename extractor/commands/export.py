"""`export --format FORMAT --out DIR [--db URL]`: the store as tables (csv, jsonl, parquet: one file
per table and record kind) or as pre-annotated spans for correction (labelstudio, doccano, docbin)."""
from __future__ import annotations

import sys
from pathlib import Path

from . import CREATE_HELP, open_store_or_report

# extractor.store.export.FORMATS and store.annotations.FORMATS, named here so that building the
# parser loads no pandas or SQLAlchemy (tests/test_lazy_imports.py checks that they agree).
FORMATS = ("csv", "jsonl", "parquet")
ANNOTATION_FORMATS = ("labelstudio", "doccano", "docbin")


def register(sub) -> None:
    p = sub.add_parser("export", help="write the knowledge store as CSV, JSON Lines or Parquet files, or as "
                                      "Label Studio / doccano / spaCy DocBin annotations")
    p.add_argument("--format", choices=(*FORMATS, *ANNOTATION_FORMATS), required=True,
                   help="csv|jsonl|parquet: every table; labelstudio|doccano|docbin: each document's text "
                        "with its stored items as spans (exact offsets) to correct")
    p.add_argument("--out", required=True, metavar="DIR", help="folder to write into (created if missing)")
    p.add_argument("--db", metavar="URL", help="database URL (default: EXTRACTOR_DB, else sqlite:///extractor.db)")
    p.add_argument("--create", action="store_true", help=CREATE_HELP)
    p.set_defaults(func=run)


def run(args) -> int:
    store = open_store_or_report(args.db, create=args.create)
    if store is None:
        return 2
    with store:
        if args.format in ANNOTATION_FORMATS:
            from .. import __version__
            from ..store.annotations import export_annotations

            with store.read() as conn:
                path, docs, spans = export_annotations(conn, Path(args.out), args.format, f"extractor {__version__}")
            print(f"{docs:>9} documents, {spans} spans  {path}", file=sys.stderr)
            return 0
        written = store.export(args.out, args.format)
    for name, (path, rows) in written.items():
        print(f"{rows:>9} rows  {path}", file=sys.stderr)
    return 0
