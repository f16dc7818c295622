"""`follow SOURCE... [--db URL] [--every 30m | --once]`: keep the store up to date from feeds and sitemaps."""
from __future__ import annotations

import argparse
import re
import sys
import time
from pathlib import Path

from ..errors import InputError
from . import report

EPILOG = """\
sources: RSS or Atom feed URLs, sitemap URLs (news sitemaps and sitemap indexes too), URLs of
pages that link to their feeds (<link rel="alternate">), and .sources files listing any of
these, one a line (blank lines and # comments ignored).

Each round reads every source and fetches only the items not seen before; the state is kept in
the database, so stopping and starting again resumes. Requests keep to robots.txt and leave
EXTRACTOR_HOST_DELAY seconds (default 5, or the host's longer Crawl-delay) between two requests
to one host. Private and loopback addresses are refused unless EXTRACTOR_ALLOW_PRIVATE_URLS=1.

exit status (--once): 0 all went well, 1 a source or an item failed (retried next round),
2 usage error; with --every it runs until interrupted (130)."""
_UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}


def interval(value: str) -> float:
    """'90s', '30m', '2h', '1d' -> seconds."""
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*([smhd])\s*", value.lower())
    if not match or float(match[1]) <= 0:
        raise argparse.ArgumentTypeError(f"{value!r} is not an interval: write a number and a unit, "
                                         "e.g. 90s, 30m, 2h or 1d")
    return float(match[1]) * _UNITS[match[2]]


def register(sub) -> None:
    p = sub.add_parser("follow", help="read feeds and sitemaps, store every new item (politely)",
                       epilog=EPILOG, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("sources", nargs="+", metavar="SOURCE", help="feed, sitemap or page URL, or a .sources file")
    p.add_argument("--db", metavar="URL", help="database URL (default: EXTRACTOR_DB, else sqlite:///extractor.db)")
    when = p.add_mutually_exclusive_group()
    when.add_argument("--every", type=interval, metavar="INTERVAL",
                      help="a round every INTERVAL (e.g. 30m), until interrupted")
    when.add_argument("--once", action="store_true", help="one round, then exit (the default)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar")
    p.set_defaults(func=run)


def expand_sources(values: list[str]) -> list[str]:
    """URLs as given; .sources files replaced by the URLs they list."""
    urls = []
    for value in values:
        if value.lower().startswith(("http://", "https://")):
            urls.append(value)
            continue
        path = Path(value)
        try:
            lines = path.read_text(encoding="utf-8").splitlines()
        except (OSError, UnicodeDecodeError) as exc:
            raise InputError(value, "read", f"not a URL, and not a readable .sources file ({exc})",
                             "Give feed or sitemap URLs, or a file listing them one a line.") from None
        for number, line in enumerate(lines, 1):
            line = line.strip()
            if not line or line.startswith("#"):  # not after a URL: a # there is its fragment
                continue
            if not line.lower().startswith(("http://", "https://")):
                raise InputError(f"{path}:{number}", "read", f"{line!r} is not an http(s) URL",
                                 "List one feed, sitemap or page URL a line.")
            urls.append(line)
    return list(dict.fromkeys(urls))


def run(args) -> int:
    from ..follow import Follower
    from ..store import open_store

    try:
        sources = expand_sources(args.sources)
        store = open_store(args.db)
    except InputError as exc:
        report(exc)
        return 2
    where = store.engine.url.render_as_string(hide_password=True)
    with store, Follower(store, progress=not args.no_progress, report=report) as follower:
        number = 0
        while True:
            number += 1
            started = time.monotonic()
            summary = follower.run_round(sources)
            print(f"round {number}: {summary.line()} -> {where}", file=sys.stderr, flush=True)
            if not args.every:
                return 1 if summary.errors else 0
            time.sleep(max(0.0, args.every - (time.monotonic() - started)))
