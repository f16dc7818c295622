"""`extract INPUT... --format jsonl|json|table`: one record/1 per input document."""
from __future__ import annotations

import sys

from ..errors import InputError
from . import add_language_option, report, warn


def register(sub) -> None:
    p = sub.add_parser("extract", help="extract record/1 from files, folders, URLs or JSONL dumps")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL",
                   help='.txt, .html, a folder, an http(s) URL, a .urls list, a .jsonl dump, or "-" for stdin')
    p.add_argument("--format", choices=("jsonl", "json", "table"), default="jsonl",
                   help="jsonl: one record per line (tools); json: one pretty array; table: for people")
    p.add_argument("--no-ner", action="store_true",
                   help="skip the statistical NER stage: ~2x faster per document (bench/bench_pipeline.py), "
                        "rules and lexicons only, fewer names found")
    add_language_option(p)
    p.set_defaults(func=run)


def run(args) -> int:
    """Exit code 1 when any input failed; every other input is still written."""
    from ..acquire.sources import iter_inputs
    from ..extract import extract_documents
    from ..output import RecordWriter
    from ..pipeline import get_nlp

    failed = 0
    writer = RecordWriter(args.format, sys.stdout)
    try:
        exclude = ("hi_ner",) if args.no_ner else ()
        for result in extract_documents(iter_inputs(args.inputs), language=args.language, exclude=exclude):
            if isinstance(result, InputError):
                report(result)
                failed += 1
            else:
                warn(result.get("warnings"))
                writer.write(result)
    finally:
        writer.close()
    return 1 if failed else 0
