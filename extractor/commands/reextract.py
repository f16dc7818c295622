"""`reextract [--db URL] [--all] [--dry-run]`: run stored documents through the current models again.

A stored document whose models_hash is not the current one (a lexicon was fixed, the NER model
retrained, or it was stored before hashes were recorded) is extracted again from its stored
text and replaced in a transaction of its own: same doc_id, fresh mentions, merge evidence and
relations, new provenance. Entities left without mentions stay, so their ids keep answering.
An interrupted run is resumed by running it again; once every document is current it does nothing.
"""
from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from ..errors import InputError
from . import CREATE_HELP, add_language_option, open_store_or_report, report

if TYPE_CHECKING:
    from ..store import Store


def register(sub) -> None:
    p = sub.add_parser("reextract", help="re-extract stored documents made with other models (after a lexicon fix)")
    p.add_argument("--db", metavar="URL", help="database URL (default: EXTRACTOR_DB, else sqlite:///extractor.db)")
    p.add_argument("--create", action="store_true", help=CREATE_HELP)
    p.add_argument("--all", action="store_true", help="every stored document, whatever its models_hash")
    p.add_argument("--dry-run", action="store_true", help="say what would be re-extracted and change nothing")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    add_language_option(p)
    p.set_defaults(func=run)


def _models(group: dict) -> str:
    if group["models_hash"] is None:
        return "no models hash (stored before it was recorded)"
    return f"models {group['models_hash'][:12]} (extractor {group['extractor_version']})"


def _plan(groups: list[dict], todo: list[dict], now: dict, where: str) -> str:
    total = sum(g["documents"] for g in groups)
    lines = [f"reextract: {total} documents in {where}; current {_models(now)}"]
    lines += [f"  would re-extract {g['documents']:>7} with {_models(g)}" for g in todo]
    lines.append(f"  up to date       {total - sum(g['documents'] for g in todo):>7}")
    return "\n".join(lines)


def _reextract(store: Store, target: frozenset[str] | None, todo: int, progress: bool,
               language: str | None = None) -> dict:
    from tqdm import tqdm

    from ..extract import reextract_records
    from ..pipeline import build_nlp

    counts = {"changed": 0, "unchanged": 0, "failed": 0}
    pipelines: dict[str, object] = {}

    def nlp_for(lang: str):  # from the models there are now, not a pipeline this process built earlier
        if lang not in pipelines:
            pipelines[lang] = build_nlp(lang)
        return pipelines[lang]

    after = 0
    with tqdm(desc="reextract", unit="doc", total=todo, disable=not progress, file=sys.stderr) as bar:
        while page := store.records_to_reextract(target, after=after):
            after = page[-1][0]
            for fresh in reextract_records((record for _, record in page), nlp_for=nlp_for, language=language):
                try:
                    if isinstance(fresh, InputError):
                        raise fresh
                    counts["changed" if store.replace(fresh) else "unchanged"] += 1
                except InputError as exc:  # the document keeps its old record; a rerun retries it
                    bar.clear()
                    report(exc)
                    counts["failed"] += 1
                bar.update(1)
                bar.set_postfix(counts, refresh=False)
    return counts


def run(args) -> int:
    from ..provenance import current, current_hashes

    store = open_store_or_report(args.db, create=args.create)
    if store is None:
        return 2
    now, hashes = current(), current_hashes()  # a document is current with its language's pack
    where = store.engine.url.render_as_string(hide_password=True)
    with store:
        groups = store.provenance_counts()
        todo = [g for g in groups if args.all or g["models_hash"] not in hashes]
        if args.dry_run:
            print(_plan(groups, todo, now, where), file=sys.stderr)
            return 0
        if not todo:
            print(f"reextract: nothing to do: all {sum(g['documents'] for g in groups)} documents have "
                  f"the current {_models(now)} -> {where}", file=sys.stderr)
            return 0
        target = None if args.all else hashes
        counts = _reextract(store, target, sum(g["documents"] for g in todo), not args.no_progress,
                            args.language)
        if counts["changed"]:
            store.optimize()  # fresh planner statistics for the queries that follow
        orphans = store.entities_without_mentions()
    print(f"reextracted {counts['changed'] + counts['unchanged']} documents with {_models(now)}: "
          f"{counts['changed']} changed, {counts['unchanged']} unchanged (provenance updated), "
          f"{counts['failed']} failed -> {where}", file=sys.stderr)
    if orphans:
        print(f"  {orphans} entities have no mentions left; they are kept, so their ids stay valid",
              file=sys.stderr)
    return 1 if counts["failed"] else 0
