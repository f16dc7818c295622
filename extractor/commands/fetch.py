"""`fetch URL... [--out DIR]`: download pages (only the URLs given) and save or print them."""
from __future__ import annotations

import hashlib
import sys
from pathlib import Path

from ..errors import InputError
from . import report


def register(sub) -> None:
    p = sub.add_parser("fetch", help="download pages to HTML files")
    p.add_argument("urls", nargs="+", metavar="URL")
    p.add_argument("--out", type=Path, help="folder to save pages in (default: print to stdout)")
    p.set_defaults(func=run)


def run(args) -> int:
    from ..acquire.fetch import fetch_url, make_client

    failed = 0
    with make_client() as client:
        for url in args.urls:
            try:
                raw = fetch_url(url, client=client)
            except InputError as exc:
                report(exc)
                failed += 1
                continue
            body = raw.html if raw.html is not None else raw.text
            if args.out:
                args.out.mkdir(parents=True, exist_ok=True)
                name = hashlib.sha256(url.encode()).hexdigest()[:16] + (".html" if raw.html else ".txt")
                (args.out / name).write_text(body, encoding="utf-8")
                print(f"{url}\t{args.out / name}")
            else:
                sys.stdout.write(body)
    return 1 if failed else 0
