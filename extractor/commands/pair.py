"""`pair [--db URL] [--dry-run] [--min-score S] [--min-shared N]`: link each stored release to its
version in another language (same day or a day apart, shared entities; extractor/store/versions.py)."""
from __future__ import annotations

import argparse
import sys

from . import open_store_or_report

# extractor.store.versions' defaults, named here so that building the parser loads no SQLAlchemy
# (tests/test_lazy_imports.py checks that the two agree).
MIN_SCORE, MIN_SHARED = 0.1, 2


def _score(text: str) -> float:
    value = float(text)
    if not 0.0 <= value <= 1.0:
        raise argparse.ArgumentTypeError(f"{text}: a score is between 0 and 1")
    return value


def _count(text: str) -> int:
    value = int(text)
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text}: at least one shared entity makes two documents one release")
    return value


def register(sub) -> None:
    p = sub.add_parser("pair", help="link stored documents to their versions in another language")
    p.add_argument("--db", metavar="URL", help="database URL (default: EXTRACTOR_DB, else sqlite:///extractor.db)")
    p.add_argument("--dry-run", action="store_true", help="print the links and store nothing")
    p.add_argument("--min-score", type=_score, default=MIN_SCORE, metavar="S",
                   help=f"least Jaccard index of the two documents' entities (default {MIN_SCORE})")
    p.add_argument("--min-shared", type=_count, default=MIN_SHARED, metavar="N",
                   help=f"least number of shared entities (default {MIN_SHARED})")
    p.set_defaults(func=run)


def run(args) -> int:
    store = open_store_or_report(args.db)
    if store is None:
        return 2
    with store:
        links = store.pair(min_score=args.min_score, min_shared=args.min_shared, dry_run=args.dry_run)
        for link in links:
            print(f"{link.doc_a} ({link.languages[0]}) = {link.doc_b} ({link.languages[1]})\t"
                  f"score {link.score:.2f}\tshared {len(link.shared)}\t{link.days_apart} day(s) apart")
        where = store.engine.url.render_as_string(hide_password=True)
    verb = "would link" if args.dry_run else "linked"
    print(f"pair: {verb} {len(links)} document pairs -> {where}", file=sys.stderr)
    return 0
