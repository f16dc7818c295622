"""`ingest PATH... [--db URL]`: extract every input and store it; re-running skips what is stored."""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING, Iterator

from ..document import RawDocument
from ..errors import InputError
from . import add_language_option, open_store_or_report, report, warn

if TYPE_CHECKING:
    from ..store import Store


def register(sub) -> None:
    p = sub.add_parser("ingest", help="extract files, folders, URLs or JSONL dumps into the knowledge store")
    p.add_argument("inputs", nargs="+", metavar="PATH_OR_URL")
    p.add_argument("--db", metavar="URL", help="database URL (default: EXTRACTOR_DB, else sqlite:///extractor.db)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_language_option(p)
    p.set_defaults(func=run)


def _unstored(items, store: Store, counts: dict, language: str | None) -> Iterator[RawDocument | InputError]:
    """Drop inputs whose cleaned text is stored already, before the (costly) pipeline runs;
    cleaned as extract_documents will clean them (in their language), so the doc_ids agree."""
    from ..acquire.clean import clean_in_language, language_packs

    packs = language_packs()
    for item in items:
        if isinstance(item, RawDocument):
            try:
                if store.has_document(clean_in_language(item, language, packs).doc_id):
                    counts["existing"] += 1
                    continue
            except InputError:
                pass  # extract_documents reports it with its stage
        yield item


def run(args) -> int:
    from tqdm import tqdm

    from ..acquire.sources import iter_inputs
    from ..extract import extract_documents
    from ..store.rows import nul_warning, without_nul

    store = open_store_or_report(args.db)
    if store is None:
        return 2
    counts = {"new": 0, "existing": 0, "failed": 0}
    with store, tqdm(desc="ingest", unit="doc", disable=args.no_progress, file=sys.stderr) as bar:
        for result in extract_documents(_unstored(iter_inputs(args.inputs), store, counts, args.language), language=args.language):
            try:
                if isinstance(result, InputError):
                    raise result
                clean_result, nul_fields = without_nul(result)
                if result.get("warnings") or nul_fields:
                    bar.clear()
                    warn([*result.get("warnings", ()), *([nul_warning(result, nul_fields)] if nul_fields else [])])
                result = clean_result
                _, new = store.ingest(result)
                counts["new" if new else "existing"] += 1
            except InputError as exc:
                bar.clear()
                report(exc)
                counts["failed"] += 1
            bar.update(1)
            bar.set_postfix(counts, refresh=False)
        if counts["new"]:
            store.optimize()  # fresh planner statistics for the queries that follow
    print(f"ingested {counts['new']} new, {counts['existing']} already stored, {counts['failed']} failed "
          f"-> {store.engine.url.render_as_string(hide_password=True)}", file=sys.stderr)
    return 1 if counts["failed"] else 0
