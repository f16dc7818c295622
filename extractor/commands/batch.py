"""`batch INPUT... --out DIR | --db URL`: process a corpus on all cores or a Dask cluster, resumably."""
from __future__ import annotations

import argparse
import os
import sys
import traceback

from ..batch import BatchUsageError
from . import add_language_option

EPILOG = """\
inputs: .txt/.html files, folders (recursively), http(s) URLs, JSONL dumps (.jsonl/.ndjson),
and URL lists (.urls: one URL per line, blank lines and # comments ignored).

DIR receives records.jsonl (one record/1 per line, in input order), errors.jsonl (input, stage,
error, hint), duplicates.jsonl, manifest.json (when finished: counts, files, the extractor version
and models hash) and journal.sqlite. Rerun the same command after an interruption (Ctrl-C, kill,
crash) to resume: finished documents are skipped and the final files are the same as an
uninterrupted run's. A resume with other models (a lexicon fixed since) is refused unless
--allow-mixed-models.

exit status: 0 all documents processed, 1 some failed (see errors.jsonl), 2 usage error,
3 the run stopped on an unexpected error, 130 interrupted (3 and 130: rerun to resume)."""


def register(sub) -> None:
    p = sub.add_parser("batch", help="process many documents in parallel, resumably (all cores or Dask)",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("inputs", nargs="+", metavar="INPUT", help="folder, file, .jsonl dump, .urls list or URL")
    p.add_argument("--out", metavar="DIR", help="run directory for records.jsonl, errors, journal")
    p.add_argument("--db", metavar="URL", help="also (or instead) ingest records into the knowledge store")
    p.add_argument("--store-near-duplicates", action="store_true",
                   help="with --db: store near-duplicates too (default: only the first of each cluster)")
    p.add_argument("--state", metavar="DIR", help="journal directory when only --db is given "
                   "(default .extractor-batch/<hash of inputs and URL>)")
    p.add_argument("--workers", type=int, default=None, metavar="N",
                   help=f"worker processes (default: all cores, here {os.cpu_count()})")
    p.add_argument("--engine", choices=("local", "dask"), default="local",
                   help="local processes, or a Dask cluster (a LocalCluster when no --scheduler)")
    p.add_argument("--scheduler", metavar="tcp://HOST:PORT", help="address of a running Dask scheduler")
    p.add_argument("--batch-size", type=int, default=32, metavar="N",
                   help="documents per chunk sent to a worker and per nlp.pipe batch (default 32)")
    p.add_argument("--near-duplicate-threshold", type=float, default=0.8, metavar="J", dest="threshold",
                   help="estimated Jaccard similarity of 3-word shingles for near-duplicates (default 0.8)")
    p.add_argument("--commit-every", type=float, default=1.0, metavar="SECONDS",
                   help="fsync and journal finished work every SECONDS (default 1; 0: after every chunk)")
    p.add_argument("--allow-mixed-models", action="store_true",
                   help="resume a run whose records were made with other models (a lexicon fix since)")
    add_language_option(p)
    p.add_argument("--progress", action=argparse.BooleanOptionalAction, default=None,
                   help="show a progress bar (default: when stderr is a terminal)")
    p.set_defaults(func=run)


def run(args) -> int:
    if args.engine == "local" and (args.workers or os.cpu_count() or 1) > 1:
        from ..batch.pool import start_server

        start_server(args.language)  # its workers' pipeline builds while the runner below imports
    from ..batch import run_batch  # the runner (tqdm, MinHash LSH) only for this command

    try:
        summary = run_batch(args.inputs, args.out, db=args.db, state=args.state, workers=args.workers,
                            engine=args.engine, scheduler=args.scheduler, batch_size=args.batch_size,
                            threshold=args.threshold, progress=args.progress,
                            commit_every=args.commit_every, store_near_duplicates=args.store_near_duplicates,
                            allow_mixed_models=args.allow_mixed_models, language=args.language)
    except BatchUsageError as exc:
        print(f"error: batch: {exc}", file=sys.stderr)
        return 2
    except KeyboardInterrupt:
        print("interrupted: finished documents are saved; rerun the same command to resume",
              file=sys.stderr)
        return 130
    except Exception as exc:  # a crash is not "some documents failed" (1): say so, keep the trace
        traceback.print_exc()
        print(f"error: batch stopped: {exc!r}. Finished documents are saved; rerun the same command "
              "to resume, and report the traceback if it happens again.", file=sys.stderr)
        return 3
    print(summary.format(), file=sys.stderr)
    return summary.exit_code
