"""`python -m extractor COMMAND`: a thin layer over the library; each command is its own module."""
from __future__ import annotations

import argparse
import importlib
import logging
import sys

# Each module defines register(subparsers) and sets `func` on its parser.
COMMANDS = ("fetch", "clean", "extract", "batch", "train_ner", "ner", "ingest", "reextract", "pair", "export", "serve",
            "follow")


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="extractor", description="Information extraction for Hindi news "
                                     "and press releases: fetch, clean, extract record/1.")
    parser.add_argument("-v", "--verbose", action="store_true", help="log progress and retries")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMANDS:
        importlib.import_module(f"extractor.commands.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    if args.command != "train-ner":  # training may use every BLAS thread; nothing else gains from one
        from .batch.process import limit_threads

        limit_threads()  # before numpy loads: a second OpenBLAS thread per process only spins
    logging.basicConfig(level=logging.INFO if args.verbose else logging.WARNING,
                        format="%(levelname)s %(name)s: %(message)s")
    try:
        return args.func(args) or 0
    except KeyboardInterrupt:
        print("interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:  # `| head` closed the pipe: not an error worth a traceback
        return 0


if __name__ == "__main__":
    sys.exit(main())
